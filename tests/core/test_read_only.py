import os
import sqlite3
import stat
from contextlib import closing

import pytest
from peewee import OperationalError, SqliteDatabase

from prospect_desk import database as database_module
from prospect_desk.cards import CardData, create_card
from prospect_desk.database import (
    DatabaseOpenError,
    MigrationsPendingError,
    close_database,
    is_read_only,
    migration_runner,
    open_database,
)
from prospect_desk.models import Card


@pytest.fixture
def saved_database(db_path):
    open_database(db_path)
    create_card(CardData(name="Read me"))
    close_database()
    return db_path


def test_a_read_only_database_shows_its_cards_but_refuses_changes(saved_database):
    saved_database.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = saved_database.read_bytes()
    try:
        opened = open_database(saved_database, read_only=True)
        assert opened.applied_migrations == ()
        assert [c.name for c in Card.select()] == ["Read me"]
        with pytest.raises(OperationalError):
            create_card(CardData(name="Not saved"))
    finally:
        close_database()
    assert saved_database.read_bytes() == before


def test_a_read_only_open_never_creates_a_database(db_path):
    with pytest.raises(DatabaseOpenError):
        open_database(db_path, read_only=True)
    assert not db_path.exists()


def test_a_read_only_database_that_needs_upgrading_is_refused_untouched(db_path, tmp_path,
                                                                        monkeypatch):
    raw = SqliteDatabase(str(db_path))
    raw.connect()
    migration_runner(raw).up(target="0001_initial")
    raw.close()
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_initial.py").write_bytes(
        (database_module.migrations_dir() / "0001_initial.py").read_bytes())
    (folder / "0002_later.py").write_text("def up(migrator, db):\n    pass\n")
    monkeypatch.setattr(database_module, "migrations_dir", lambda: folder)
    before = db_path.read_bytes()

    with pytest.raises(MigrationsPendingError):
        open_database(db_path, read_only=True)

    assert db_path.read_bytes() == before
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("SELECT name FROM schema_migration").fetchall() == [
            ("0001_initial",)]


def test_a_writable_file_in_a_writable_folder_is_not_read_only(saved_database):
    assert not is_read_only(saved_database)


def fake_access(denied):
    real_access = os.access

    def access(path, mode, *args, **kwargs):
        if mode & os.W_OK and os.fspath(path) in denied:
            return False
        return real_access(path, mode, *args, **kwargs)

    return access


def test_a_file_that_cannot_be_written_is_read_only(saved_database, monkeypatch):
    monkeypatch.setattr(os, "access", fake_access({os.fspath(saved_database)}))
    assert is_read_only(saved_database)


def test_a_file_in_a_folder_that_cannot_be_written_is_read_only(saved_database, monkeypatch):
    # SQLite needs the folder for its -wal and -shm files.
    monkeypatch.setattr(os, "access", fake_access({os.fspath(saved_database.parent)}))
    assert is_read_only(saved_database)


def test_a_database_not_yet_created_is_read_only_when_its_folder_cannot_be_written(
        tmp_path, monkeypatch):
    future = tmp_path / "not yet" / "cards.sqlite3"
    assert not is_read_only(future)
    monkeypatch.setattr(os, "access", fake_access({os.fspath(tmp_path)}))
    assert is_read_only(future)


def test_a_read_only_database_exports_its_cards(saved_database, tmp_path):
    from prospect_desk.excel_export import export_cards
    from prospect_desk.spreadsheet_read import read_sheet

    before = saved_database.read_bytes()
    try:
        open_database(saved_database, read_only=True)
        assert export_cards(tmp_path / "out.xlsx") == 1
    finally:
        close_database()
    assert [cells[0] for _, cells in read_sheet(tmp_path / "out.xlsx").rows()] == ["Read me"]
    assert saved_database.read_bytes() == before


def test_an_export_goes_on_while_another_connection_writes(saved_database, tmp_path):
    from prospect_desk.excel_export import export_cards

    with closing(sqlite3.connect(saved_database, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE card SET notes = 'being written'")
        try:
            open_database(saved_database)
            assert export_cards(tmp_path / "out.xlsx") == 1
        finally:
            close_database()
            other.execute("ROLLBACK")
