"""Opening with the quick check on another thread (the desktop start-up): the
file is read meanwhile, but nothing is written until the check has passed."""

import sqlite3
from contextlib import closing

import peewee
import pytest

from prospect_desk import database
from prospect_desk.card_query import card_ids
from prospect_desk.cards import CardData, create_card
from prospect_desk.database import (
    DatabaseDamagedError,
    close_database,
    finish_check,
    open_database,
    start_quick_check,
)
from prospect_desk.models import db


def saved(db_path, count=1):
    open_database(db_path)
    for i in range(count):
        create_card(CardData(name=f"Card {i}", notes="x" * 200))
    close_database()


def damage_an_index_page(db_path) -> bytes:
    """Overwrite a leaf page of the search index: the schema and the migration
    table still read, so only the check can tell."""
    with closing(sqlite3.connect(db_path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        page = conn.execute("SELECT pageno FROM dbstat WHERE name = 'card_live_search' "
                            "AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1").fetchone()[0]
    data = bytearray(db_path.read_bytes())
    start = (page - 1) * page_size
    data[start + 8:start + page_size] = b"\xde\xad\xbe\xef" * ((page_size - 8) // 4)
    db_path.write_bytes(bytes(data))
    return bytes(data)


def test_a_sound_file_is_read_at_once_and_written_once_the_check_passed(db_path):
    saved(db_path)
    opened = open_database(db_path, check_later=True)
    try:
        assert opened.check is not None
        assert len(card_ids()) == 1  # the window can be built meanwhile
        with pytest.raises(peewee.OperationalError):
            create_card(CardData(name="Too early"))
        finish_check(opened)
        create_card(CardData(name="After the check"))
        assert len(card_ids()) == 2
    finally:
        close_database()


def test_a_damaged_file_is_found_by_the_check_closed_and_left_as_it_was(db_path):
    saved(db_path, count=400)
    damaged = damage_an_index_page(db_path)
    opened = open_database(db_path, check_later=True)
    with pytest.raises(peewee.OperationalError):
        create_card(CardData(name="Never written"))
    with pytest.raises(DatabaseDamagedError):
        finish_check(opened)
    assert db.is_closed()
    assert db_path.read_bytes() == damaged


def test_a_file_to_be_upgraded_is_checked_before_the_upgrade(db_path):
    saved(db_path, count=400)
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("DELETE FROM schema_migration WHERE name = "
                     "(SELECT MAX(name) FROM schema_migration)")
        conn.commit()
    damaged = damage_an_index_page(db_path)
    with pytest.raises(DatabaseDamagedError):
        open_database(db_path, check_later=True)
    assert db_path.read_bytes() == damaged


def test_a_new_file_needs_no_check(db_path):
    opened = open_database(db_path, check_later=True)
    try:
        assert opened.check is None
        create_card(CardData(name="First"))
    finally:
        close_database()


def test_a_check_started_before_opening_is_taken_over(db_path):
    saved(db_path)
    start_quick_check(db_path)  # main.py: while the user interface loads
    early = database._early_check[2]
    opened = open_database(db_path, check_later=True)
    try:
        assert opened.check is early
        finish_check(opened)
        create_card(CardData(name="After the check"))
    finally:
        close_database()


def test_a_check_started_early_finds_a_damaged_file(db_path):
    saved(db_path, count=400)
    damaged = damage_an_index_page(db_path)
    start_quick_check(db_path)
    opened = open_database(db_path, check_later=True)
    with pytest.raises(DatabaseDamagedError):
        finish_check(opened)
    assert db_path.read_bytes() == damaged


def test_a_file_changed_since_the_early_check_is_checked_afresh(db_path):
    saved(db_path)
    start_quick_check(db_path)
    early = database._early_check[2]
    saved(db_path)  # written meanwhile: what was checked is not what is opened
    opened = open_database(db_path, check_later=True)
    try:
        assert opened.check is not None and opened.check is not early
        finish_check(opened)
    finally:
        close_database()


def test_a_check_that_fails_to_run_does_not_count_as_passed(db_path, monkeypatch):
    from prospect_desk import integrity
    from prospect_desk.database import DatabaseOpenError

    saved(db_path)

    def cannot_check(path):
        raise MemoryError("no memory left for the check")

    monkeypatch.setattr(integrity, "quick_check", cannot_check)
    opened = open_database(db_path, check_later=True)
    try:
        with pytest.raises(DatabaseOpenError):
            finish_check(opened)
        assert db.is_closed()  # never made writable
    finally:
        close_database()


def test_a_file_the_check_finds_damaged_is_not_reopened_by_a_later_query(db_path):
    saved(db_path, count=400)
    damaged = damage_an_index_page(db_path)
    opened = open_database(db_path, check_later=True)
    with pytest.raises(DatabaseDamagedError):
        finish_check(opened)
    with pytest.raises(peewee.InterfaceError):  # a list still being filled, say
        create_card(CardData(name="Not written"))
    assert db_path.read_bytes() == damaged
