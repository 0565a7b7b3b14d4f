import datetime
import sqlite3
from contextlib import closing

import pytest

from prospect_desk import backups
from prospect_desk.backups import (
    BackupCheckFailedError,
    BackupKind,
    DatabaseStillOpenError,
    daily_backup_if_due,
    list_backups,
    make_backup,
    restore_backup,
    rotate,
)
from prospect_desk.cards import CardData, create_card
from prospect_desk.database import close_database, open_database


def card_names(path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [row[0] for row in conn.execute("SELECT name FROM card ORDER BY name")]


def integrity(path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, 15))


def test_a_backup_is_a_sound_copy_in_the_backups_folder_named_by_kind_and_time(
        database, db_path):
    create_card(CardData(name="Ada Lovelace"))
    path = make_backup(db_path, "manual", now=datetime.datetime(2026, 11, 23, 10, 15, 0))
    assert path == db_path.parent / "backups" / "cards-2026-11-23T101500-manual.sqlite3"
    assert card_names(path) == ["Ada Lovelace"]
    assert integrity(path) == "ok"


def test_a_backup_leaves_out_what_another_connection_has_not_committed(database, db_path):
    create_card(CardData(name="Committed"))
    with closing(sqlite3.connect(db_path, isolation_level=None)) as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE card SET name = 'Uncommitted'")
        path = make_backup(db_path, BackupKind.PRE_IMPORT)
        writer.execute("ROLLBACK")
    assert card_names(path) == ["Committed"]


def test_two_backups_in_the_same_second_do_not_overwrite_each_other(database, db_path):
    moment = datetime.datetime(2026, 3, 1, 8, 0, 0)
    first = make_backup(db_path, "manual", now=moment)
    second = make_backup(db_path, "manual", now=moment)
    assert first != second
    assert first.exists() and second.exists()


def test_a_backup_that_fails_its_check_is_deleted_and_reported(database, db_path,
                                                               monkeypatch):
    monkeypatch.setattr(backups, "integrity_problems", lambda path: ["page 3: bad"])
    with pytest.raises(BackupCheckFailedError) as caught:
        make_backup(db_path, "manual")
    assert caught.value.problems == ["page 3: bad"]
    assert list((db_path.parent / "backups").iterdir()) == []


def test_a_backup_can_be_written_to_a_chosen_file(database, db_path, tmp_path):
    create_card(CardData(name="Grace Hopper"))
    chosen = tmp_path / "elsewhere" / "my copy.sqlite3"
    chosen.parent.mkdir()
    assert make_backup(db_path, "manual", dest=chosen) == chosen
    assert card_names(chosen) == ["Grace Hopper"]


def test_backups_are_listed_newest_first_with_their_kind_and_size(database, db_path):
    old = make_backup(db_path, "daily", now=datetime.datetime(2026, 1, 1, 9, 0))
    new = make_backup(db_path, "pre-import", now=datetime.datetime(2026, 1, 2, 9, 0))
    (db_path.parent / "backups" / "notes.txt").write_text("not a backup")
    (db_path.parent / "backups" / "other-2026-01-03T090000-manual.sqlite3").write_text("x")
    listed = list_backups(db_path)
    assert [b.path for b in listed] == [new, old]
    assert [b.kind for b in listed] == [BackupKind.PRE_IMPORT, BackupKind.DAILY]
    assert listed[0].created == datetime.datetime(2026, 1, 2, 9, 0)
    assert listed[0].size == new.stat().st_size


def test_the_daily_backup_is_made_at_most_once_a_calendar_day(database, db_path):
    monday = datetime.date(2026, 2, 2)
    assert daily_backup_if_due(db_path, monday, now=at(monday, 8)) is not None
    assert daily_backup_if_due(db_path, monday, now=at(monday, 17)) is None
    assert daily_backup_if_due(db_path, monday + datetime.timedelta(days=1)) is not None
    assert [b.created.date() for b in list_backups(db_path)] == [
        monday + datetime.timedelta(days=1), monday]


def test_no_daily_backup_is_made_before_there_is_a_database(db_path):
    assert daily_backup_if_due(db_path, datetime.date(2026, 2, 2)) is None


def test_rotation_keeps_seven_dailies_and_the_newest_of_each_of_four_weeks(database, db_path):
    # Monday 5 January 2026 (ISO week 2) to Sunday 8 February (end of week 6).
    first = datetime.date(2026, 1, 5)
    for offset in range(35):
        day = first + datetime.timedelta(days=offset)
        daily_backup_if_due(db_path, day, now=at(day))
    kept = {(b.created.date(), b.kind) for b in list_backups(db_path)}
    last_week = {(datetime.date(2026, 2, d), BackupKind.DAILY) for d in range(2, 9)}
    # Week 6 is represented by its kept daily of Sunday 8 February; weeks 5, 4
    # and 3 by their Sundays; week 2 has fallen out.
    weeklies = {(datetime.date(2026, 2, 1), BackupKind.WEEKLY),
                (datetime.date(2026, 1, 25), BackupKind.WEEKLY),
                (datetime.date(2026, 1, 18), BackupKind.WEEKLY)}
    assert kept == last_week | weeklies


def test_rotation_keeps_the_last_five_event_backups_of_each_kind_and_every_manual_one(
        database, db_path):
    start = datetime.datetime(2026, 5, 1, 12, 0)
    for i in range(8):
        for kind in ("pre-import", "pre-migration", "manual"):
            make_backup(db_path, kind, now=start + datetime.timedelta(hours=i))
    rotate(db_path)
    by_kind: dict[BackupKind, list[int]] = {}
    for b in list_backups(db_path):
        by_kind.setdefault(b.kind, []).append(b.created.hour - 12)
    assert by_kind == {
        BackupKind.PRE_IMPORT: [7, 6, 5, 4, 3],
        BackupKind.PRE_MIGRATION: [7, 6, 5, 4, 3],
        BackupKind.MANUAL: [7, 6, 5, 4, 3, 2, 1, 0],
    }


def test_restoring_puts_the_backup_in_place_and_sets_the_current_file_aside(db_path):
    open_database(db_path)
    create_card(CardData(name="Before"))
    backup = make_backup(db_path, "manual")
    create_card(CardData(name="After"))
    close_database()

    aside = restore_backup(db_path, backup)

    assert aside.name.startswith("cards.sqlite3.before-restore-")
    assert card_names(db_path) == ["Before"]
    assert card_names(aside) == ["After", "Before"]
    assert integrity(db_path) == "ok"
    opened = open_database(db_path)
    close_database()
    assert opened.applied_migrations == ()


def test_restoring_moves_a_left_over_wal_file_aside_with_its_database(db_path):
    open_database(db_path)
    create_card(CardData(name="Kept"))
    backup = make_backup(db_path, "manual")
    close_database()
    # A crashed session leaves its write-ahead log behind.
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("INSERT INTO setting (key, value) VALUES ('k', '1')")
        conn.commit()
        wal = db_path.with_name(db_path.name + "-wal").read_bytes()
    db_path.with_name(db_path.name + "-wal").write_bytes(wal)

    aside = restore_backup(db_path, backup)

    assert not db_path.with_name(db_path.name + "-wal").exists()
    assert aside.with_name(aside.name + "-wal").read_bytes() == wal


def test_restoring_refuses_a_damaged_backup_and_leaves_the_database_alone(database,
                                                                          db_path, tmp_path):
    create_card(CardData(name="Safe"))
    close_database()
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"this is not a database" * 100)
    before = db_path.read_bytes()
    with pytest.raises(BackupCheckFailedError):
        restore_backup(db_path, damaged)
    assert db_path.read_bytes() == before
    assert card_names(db_path) == ["Safe"]


def test_restoring_is_refused_while_the_database_is_open(database, db_path):
    backup = make_backup(db_path, "manual")
    with pytest.raises(DatabaseStillOpenError):
        restore_backup(db_path, backup)
