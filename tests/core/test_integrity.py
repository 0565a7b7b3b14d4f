import datetime
import sqlite3
from contextlib import closing

import pytest

from prospect_desk.backups import make_backup
from prospect_desk.cards import CardData, create_card
from prospect_desk.database import DatabaseDamagedError, close_database, open_database
from prospect_desk.integrity import check_database, is_damaged, newest_good_backup, quick_check


def damage(path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 8192] = b"\xde\xad\xbe\xef" * 2048
    path.write_bytes(bytes(data))


@pytest.fixture
def filled_database(db_path):
    open_database(db_path)
    for i in range(400):
        create_card(CardData(name=f"Card {i}", notes="x" * 200))
    close_database()
    return db_path


def test_a_sound_database_has_no_problems(filled_database):
    assert check_database(filled_database) == []
    assert not is_damaged(filled_database)


def test_a_row_pointing_at_a_missing_card_is_reported(filled_database):
    with closing(sqlite3.connect(filled_database)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("INSERT INTO activity (card_id, kind, date, text, created_at) "
                     "VALUES (99999, 'note', '2026-01-01', '', '2026-01-01 00:00:00')")
        conn.commit()
    problems = check_database(filled_database)
    assert [(p.check, p.detail) for p in problems] == [
        ("foreign_key_check", "activity row 1 refers to a missing card row")]


def test_a_damaged_database_is_told_apart_and_left_as_it_was(filled_database):
    damage(filled_database)
    before = filled_database.read_bytes()
    assert is_damaged(filled_database)
    with pytest.raises(DatabaseDamagedError):
        quick_check(filled_database)
    assert check_database(filled_database) != []
    assert filled_database.read_bytes() == before


def test_a_file_that_is_not_a_database_counts_as_damaged(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"hello" * 1000)
    assert is_damaged(junk)
    assert [p.check for p in check_database(junk)] == ["open"]


def test_the_newest_good_backup_skips_newer_damaged_copies(filled_database):
    good = make_backup(filled_database, "daily", now=datetime.datetime(2026, 3, 1, 9, 0))
    bad = make_backup(filled_database, "daily", now=datetime.datetime(2026, 3, 2, 9, 0))
    damage(bad)
    assert newest_good_backup(filled_database) == good


def test_there_is_no_good_backup_when_none_was_made(filled_database):
    assert newest_good_backup(filled_database) is None
