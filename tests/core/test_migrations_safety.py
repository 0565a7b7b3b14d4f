import shutil
import sqlite3
from contextlib import closing

import pytest
from peewee import SqliteDatabase

from prospect_desk import database as database_module
from prospect_desk.backups import BackupKind, list_backups
from prospect_desk.cards import CardData, create_card
from prospect_desk.database import (
    DatabaseDamagedError,
    DatabaseOpenError,
    SchemaTooNewError,
    close_database,
    migration_runner,
    open_database,
)

INSERT_CARD = (
    'INSERT INTO "card" ("kind", "name", "address", "phone", "mobile", "fax", "email", '
    '"person_in_charge", "handler", "employer", "interests", "notes", "stage", '
    '"credit_status", "sort_name", "search_text", "created_at", "updated_at") '
    "VALUES ('individual', ?, '', ?, '', '', '', '', '', '', '', ?, 'new', 'unknown', "
    "?, ?, '2025-01-01 09:00:00', '2025-01-01 09:00:00')"
)

CARDS = [(f"Prospect {i:03}", f"555-{i:04}", f"note {i}") for i in range(250)]


def card_rows(path) -> list[tuple[str, str, str]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT name, phone, notes FROM card ORDER BY name").fetchall()


def applied_names(path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM schema_migration ORDER BY name")]


def build_first_schema_database(path) -> None:
    """A database as the first release left it: only 0001 applied, with cards."""
    raw = SqliteDatabase(str(path), pragmas=database_module.PRAGMAS)
    raw.connect()
    try:
        migration_runner(raw).up(target="0001_initial")
        with raw.atomic():
            for name, phone, notes in CARDS:
                raw.execute_sql(INSERT_CARD, (name, phone, notes, name.lower(), name.lower()))
    finally:
        raw.close()


@pytest.fixture
def extra_migration(tmp_path, monkeypatch):
    """The package's migrations plus one more, so that an upgrade is always pending."""
    folder = tmp_path / "migrations"
    shutil.copytree(database_module.migrations_dir(), folder,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "9000_add_marker_table.py").write_text(
        "def up(migrator, db):\n"
        "    db.execute_sql('CREATE TABLE \"upgrade_marker\" (\"id\" INTEGER PRIMARY KEY)')\n")
    monkeypatch.setattr(database_module, "migrations_dir", lambda: folder)
    return "9000_add_marker_table"


def test_upgrading_a_first_schema_database_keeps_every_card(db_path):
    build_first_schema_database(db_path)
    opened = open_database(db_path)
    close_database()
    assert opened.applied_migrations == tuple(
        m.name for m in migration_runner(SqliteDatabase(":memory:")).migrations()
        if m.name != "0001_initial")
    assert card_rows(db_path) == sorted(CARDS)


def test_an_upgrade_first_saves_a_pre_migration_backup_of_the_old_file(db_path,
                                                                        extra_migration):
    build_first_schema_database(db_path)
    opened = open_database(db_path)
    close_database()

    assert extra_migration in opened.applied_migrations
    copies = [b for b in list_backups(db_path) if b.kind is BackupKind.PRE_MIGRATION]
    assert len(copies) == 1
    assert applied_names(copies[0].path) == ["0001_initial"]
    assert card_rows(copies[0].path) == sorted(CARDS)
    assert card_rows(db_path) == sorted(CARDS)


def test_opening_an_up_to_date_database_makes_no_backup(db_path):
    open_database(db_path)
    close_database()
    open_database(db_path)
    close_database()
    assert list_backups(db_path) == []


def test_creating_a_new_database_makes_no_backup(db_path, extra_migration):
    opened = open_database(db_path)
    close_database()
    assert opened.created
    assert list_backups(db_path) == []


def test_an_upgrade_is_not_run_when_no_backup_can_be_made(db_path, extra_migration,
                                                          monkeypatch):
    build_first_schema_database(db_path)

    def fail(*args, **kwargs):
        raise OSError("no space left on device")

    monkeypatch.setattr(database_module.backups, "make_backup", fail)
    with pytest.raises(DatabaseOpenError):
        open_database(db_path)
    assert applied_names(db_path) == ["0001_initial"]


def test_a_database_from_a_newer_version_is_refused_and_left_byte_for_byte(db_path):
    open_database(db_path)
    create_card(CardData(name="From the future"))
    close_database()
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("INSERT INTO schema_migration (name, applied) "
                     "VALUES ('9999_from_a_newer_version', '2030-01-01 00:00:00')")
        conn.commit()
    before = db_path.read_bytes()

    with pytest.raises(SchemaTooNewError) as caught:
        open_database(db_path)

    assert "9999_from_a_newer_version" in str(caught.value)
    assert db_path.read_bytes() == before
    assert list_backups(db_path) == []


def test_a_damaged_file_is_refused_and_not_written_to(db_path):
    open_database(db_path)
    for i in range(400):
        create_card(CardData(name=f"Card {i}", notes="x" * 200))
    close_database()
    data = bytearray(db_path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 8192] = b"\xde\xad\xbe\xef" * 2048
    db_path.write_bytes(bytes(data))

    with pytest.raises((DatabaseDamagedError, DatabaseOpenError)):
        open_database(db_path)

    assert db_path.read_bytes() == bytes(data)


def test_another_programs_database_is_refused_untouched(tmp_path):
    from prospect_desk.database import NotACardFileError

    path = tmp_path / "their.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('keep me')")
        conn.commit()
    before = path.read_bytes()

    with pytest.raises(NotACardFileError):
        open_database(path)

    assert path.read_bytes() == before  # not even switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["their.sqlite3"]


def test_an_sqlite_file_without_tables_becomes_a_card_file(tmp_path):
    path = tmp_path / "blank.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA user_version = 7")  # a header, no tables
        conn.commit()
    assert path.stat().st_size > 0
    open_database(path)
    try:
        create_card(CardData(name="First card"))
    finally:
        close_database()
    assert card_rows(path) == [("First card", "", "")]
