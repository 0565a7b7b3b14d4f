"""Start-up builds the window while SQLite checks the card file on another
thread: the window shows only once the check passed, and a file the check finds
damaged is never written to; the user is offered the newest good backup."""

import sqlite3
from contextlib import closing

import pytest
from PySide6.QtWidgets import QMessageBox

from prospect_desk import backups
from prospect_desk.cards import CardData, create_card
from prospect_desk.database import close_database, open_database
from prospect_desk.models import Card


@pytest.fixture
def saved_file(db_path):
    open_database(db_path)
    for i in range(400):
        create_card(CardData(name=f"Saved {i:03}", notes="x" * 200))
    close_database()
    return db_path


def damage_an_index_page(db_path, index="card_live_search") -> bytes:
    """A leaf page of an index overwritten: the file still opens and its schema
    reads. The list reads the name index as the window is built; the search
    index only the quick check reads."""
    with closing(sqlite3.connect(db_path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        page = conn.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
                            "ORDER BY pageno DESC LIMIT 1", (index,)).fetchone()[0]
    data = bytearray(db_path.read_bytes())
    start = (page - 1) * page_size
    data[start + 8:start + page_size] = b"\xde\xad\xbe\xef" * ((page_size - 8) // 4)
    db_path.write_bytes(bytes(data))
    return bytes(data)


def start_window(db_path, started, qtbot):
    from ui.app import DesktopApp, _window_or_restore, open_for_desktop

    start = open_for_desktop(db_path)
    started.append(start)
    assert start.opened is not None
    window = _window_or_restore(DesktopApp(start.opened.path), start)
    if window is not None:
        qtbot.addWidget(window)
    return start, window


def test_a_sound_file_shows_its_cards_and_takes_edits(saved_file, started, qtbot):
    _start, window = start_window(saved_file, started, qtbot)
    assert window.isVisible()
    assert window.model.rowCount() == 400
    create_card(CardData(name="Written after the check"))
    assert Card.select().count() == 401


@pytest.mark.parametrize("index", ["card_live_search", "card_live_sort_name"])
def test_a_file_the_check_finds_damaged_is_replaced_by_its_good_backup_if_the_user_agrees(
        saved_file, answer_questions, started, qtbot, index):
    good = backups.make_backup(saved_file, backups.BackupKind.MANUAL)
    damaged = damage_an_index_page(saved_file, index)
    asked = answer_questions()
    start, window = start_window(saved_file, started, qtbot)
    assert window is not None and window.isVisible()
    assert good.name in asked[0]
    assert window.model.rowCount() == 400
    asides = list(saved_file.parent.glob(saved_file.name + ".before-restore-*"))
    assert [a.read_bytes() for a in asides] == [damaged]


def test_a_file_the_check_finds_damaged_is_left_as_it_was_if_the_user_refuses(
        saved_file, answer_questions, started, qtbot):
    backups.make_backup(saved_file, backups.BackupKind.MANUAL)
    damaged = damage_an_index_page(saved_file)
    answer_questions(QMessageBox.StandardButton.No)
    start, window = start_window(saved_file, started, qtbot)
    assert window is None and start.opened is None
    assert saved_file.read_bytes() == damaged


def test_another_programs_database_is_named_and_left_as_it_was(tmp_path, monkeypatch, qtbot):

    from ui.app import open_for_desktop

    path = tmp_path / "their.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.commit()
    before = path.read_bytes()
    said = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text: said.append(text)))

    start = open_for_desktop(path)

    assert start.opened is None and start.exit_code == 1
    assert said and str(path) in said[0] and "not a Prospect Desk card file" in said[0]
    assert path.read_bytes() == before
