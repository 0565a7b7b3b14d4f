"""Data safety as the user meets it: errors shown not crashed on, backups made
and restored, a read-only or damaged file, a second window, a full disk."""

import os
import sys
import threading

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from prospect_desk import backups, error_log, instance_lock
from prospect_desk.cards import CardData, create_card
from prospect_desk.database import close_database, open_database
from prospect_desk.models import Card
from ui import error_dialog
from ui.error_dialog import current_dialogs, install_exception_hooks, show_error
from ui.worker import start_job


@pytest.fixture
def error_hooks(monkeypatch, tmp_path):
    """The app's exception hooks and log, put back as they were afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    log = error_log.setup_logging(tmp_path / "logs")
    install_exception_hooks()
    yield log
    for dialog in current_dialogs():
        dialog.close()
    error_log.shutdown_logging()


def card_names() -> list[str]:
    return sorted(card.name for card in Card.select())


def close_all_error_dialogs():
    for dialog in current_dialogs():
        dialog.close()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_click_shows_the_details_and_the_app_keeps_running(error_hooks, qtbot):
    clicks = []

    def broken_slot():
        clicks.append(1)
        raise ValueError("the card has no such field")

    button = QPushButton("Do it")
    qtbot.addWidget(button)
    button.clicked.connect(broken_slot)
    button.show()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(current_dialogs()) == 1)
    dialog = current_dialogs()[0]
    assert "the card has no such field" in dialog.message.text()
    assert not dialog.details_box.isVisible()  # folded away until asked for
    dialog.toggle.click()
    assert dialog.details_box.isVisible()
    details = dialog.details_box.toPlainText()
    assert "Traceback" in details and "broken_slot" in details and "ValueError" in details
    assert dialog.details_box.isReadOnly()

    dialog.copy_button.click()
    assert QApplication.clipboard().text() == details
    assert "the card has no such field" in error_hooks.read_text(encoding="utf-8")

    dialog.close()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # still alive, still answering
    assert len(clicks) == 2
    qtbot.waitUntil(lambda: len(current_dialogs()) == 1)
    close_all_error_dialogs()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_another_thread_is_shown_on_the_main_thread(error_hooks, qtbot):
    def crash():
        raise RuntimeError("lost in a thread")

    thread = threading.Thread(target=crash)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(current_dialogs()) == 1)
    assert "lost in a thread" in current_dialogs()[0].details
    close_all_error_dialogs()


def test_a_failed_background_job_shows_the_error_dialog(error_hooks, database, qtbot):
    def job(progress, cancelled):
        return 1 / 0

    start_job(job, lambda _r: None, lambda e, d: show_error(None, e, d))
    qtbot.waitUntil(lambda: len(current_dialogs()) == 1, timeout=10000)
    dialog = current_dialogs()[0]
    assert "ZeroDivisionError" in dialog.details
    assert "job" in dialog.details  # the job's own frame is in the traceback
    assert "ZeroDivisionError" in error_hooks.read_text(encoding="utf-8")
    close_all_error_dialogs()


def test_errors_in_a_burst_open_only_a_few_dialogs(error_hooks, qtbot):
    for n in range(10):
        show_error(None, ValueError(f"error {n}"))
    assert len(current_dialogs()) == error_dialog.MAX_OPEN_DIALOGS
    close_all_error_dialogs()


# --- backups -------------------------------------------------------------------
@pytest.fixture
def backups_dialog(main_window, db_path, monkeypatch, qtbot):
    """Tools → Backups…, opened without a modal loop."""
    from ui.app import add_backups_action
    from ui.backups_dialog import BackupsDialog

    opened = []
    monkeypatch.setattr(BackupsDialog, "exec", lambda self: opened.append(self) or 0)
    action = add_backups_action(main_window, db_path)
    assert action in main_window.tools_menu.actions()
    action.trigger()
    dialog = opened[0]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_back_up_now_lists_the_new_backup(backups_dialog, db_path, qtbot):
    assert backups_dialog.list.topLevelItemCount() == 0
    qtbot.mouseClick(backups_dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: backups_dialog.list.topLevelItemCount() == 1, timeout=10000)
    item = backups_dialog.list.topLevelItem(0)
    assert item.text(1) == "Made by hand"
    made = backups.list_backups(db_path)
    assert [b.kind for b in made] == [backups.BackupKind.MANUAL]
    assert str(made[0].path) in backups_dialog.summary.text()


def test_restoring_a_backup_brings_back_the_old_cards(backups_dialog, main_window, db_path,
                                                      answer_questions, qtbot):
    create_card(CardData(name="Before the backup"))
    qtbot.mouseClick(backups_dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: backups_dialog.list.topLevelItemCount() == 1, timeout=10000)
    create_card(CardData(name="After the backup"))
    main_window.model.refresh()
    assert main_window.model.rowCount() == 2

    asked = answer_questions()
    backups_dialog.list.setCurrentItem(backups_dialog.list.topLevelItem(0))
    qtbot.mouseClick(backups_dialog.restore_button, Qt.MouseButton.LeftButton)
    assert backups_dialog.job is not None  # the copy runs on a worker, not in the click
    assert not backups_dialog.restore_button.isEnabled()
    qtbot.waitUntil(lambda: backups_dialog.job is None, timeout=10000)

    assert card_names() == ["Before the backup"]
    assert main_window.model.rowCount() == 1
    assert main_window.model.index(0, 0).data() == "Before the backup"
    asides = list(db_path.parent.glob(db_path.name + ".before-restore-*"))
    assert len(asides) == 1
    assert str(asides[0]) in asked[-1]  # the user is told where the old file went


def test_restore_asks_first_and_no_changes_nothing(backups_dialog, answer_questions, qtbot):
    from PySide6.QtWidgets import QMessageBox

    create_card(CardData(name="Kept"))
    qtbot.mouseClick(backups_dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: backups_dialog.list.topLevelItemCount() == 1, timeout=10000)
    create_card(CardData(name="Also kept"))
    answer_questions(QMessageBox.StandardButton.No)
    backups_dialog.list.setCurrentItem(backups_dialog.list.topLevelItem(0))
    qtbot.mouseClick(backups_dialog.restore_button, Qt.MouseButton.LeftButton)
    assert card_names() == ["Also kept", "Kept"]


def test_a_backup_that_fails_its_check_leaves_the_card_file_open_as_it_was(
        backups_dialog, db_path, answer_questions, qtbot):
    create_card(CardData(name="Kept"))
    qtbot.mouseClick(backups_dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: backups_dialog.list.topLevelItemCount() == 1, timeout=10000)
    backups.list_backups(db_path)[0].path.write_bytes(b"not a database at all" * 100)
    asked = answer_questions()
    backups_dialog.list.setCurrentItem(backups_dialog.list.topLevelItem(0))
    qtbot.mouseClick(backups_dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: backups_dialog.job is None, timeout=10000)
    assert "could not be restored" in asked[-1]
    assert card_names() == ["Kept"]


def test_a_restore_cancelled_while_the_copy_is_made_changes_nothing(
        backups_dialog, db_path, answer_questions, qtbot):
    create_card(CardData(name="Before the backup"))
    qtbot.mouseClick(backups_dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: backups_dialog.list.topLevelItemCount() == 1, timeout=10000)
    create_card(CardData(name="After the backup"))
    answer_questions()
    backups_dialog.list.setCurrentItem(backups_dialog.list.topLevelItem(0))
    qtbot.mouseClick(backups_dialog.restore_button, Qt.MouseButton.LeftButton)
    backups_dialog.job.dialog.canceled.emit()  # the progress dialog's Cancel
    qtbot.waitUntil(lambda: backups_dialog.job is None, timeout=10000)
    assert card_names() == ["After the backup", "Before the backup"]
    assert not list(db_path.parent.glob(db_path.name + ".before-restore-*"))
    assert sorted(p.name for p in db_path.parent.iterdir() if "restoring" in p.name) == []
    assert backups_dialog.restore_button.isEnabled()


def test_a_restored_backup_that_cannot_be_opened_is_not_written_by_the_window(
        backups_dialog, db_path, answer_questions, qtbot):
    import sqlite3
    from contextlib import closing

    create_card(CardData(name="Before the backup"))
    qtbot.mouseClick(backups_dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: backups_dialog.list.topLevelItemCount() == 1, timeout=10000)
    with closing(sqlite3.connect(backups.list_backups(db_path)[0].path)) as conn:
        conn.execute("INSERT INTO schema_migration (name, applied) "
                     "VALUES ('9999_from_a_newer_version', '2030-01-01')")
        conn.commit()
    asked = answer_questions()
    backups_dialog.list.setCurrentItem(backups_dialog.list.topLevelItem(0))
    qtbot.mouseClick(backups_dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: backups_dialog.job is None, timeout=10000)
    assert "could not be opened" in asked[-1]
    with pytest.raises(peewee.InterfaceError):  # no quiet reconnect to that file
        create_card(CardData(name="Not written"))
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute('SELECT "name" FROM "card"').fetchall() == [("Before the backup",)]


def test_the_days_backup_is_made_after_the_window_shows(main_window, db_path, qtbot):
    from ui.app import start_daily_backup

    create_card(CardData(name="Worth keeping"))
    start_daily_backup(main_window, db_path)
    assert main_window.statusBar().currentMessage() == "Making today's backup…"
    qtbot.waitUntil(lambda: main_window.statusBar().currentMessage()
                    == "Today's backup was made.", timeout=10000)
    assert [b.kind for b in backups.list_backups(db_path)] == [backups.BackupKind.DAILY]

    start_daily_backup(main_window, db_path)  # not twice a day
    qtbot.waitUntil(lambda: main_window.statusBar().currentMessage() == "", timeout=10000)
    assert len(backups.list_backups(db_path)) == 1


# --- start-up ------------------------------------------------------------------
@pytest.fixture
def saved_file(db_path):
    open_database(db_path)
    create_card(CardData(name="Saved earlier"))
    close_database()
    return db_path




def test_start_up_takes_the_lock_and_leaves_the_days_backup_for_after_the_window(
        saved_file, started):
    from ui.app import open_for_desktop

    start = open_for_desktop(saved_file)
    started.append(start)
    assert start.opened is not None and not start.read_only
    assert start.lock.held
    assert backups.list_backups(saved_file) == []  # start_daily_backup makes it, on a worker
    assert card_names() == ["Saved earlier"]


def test_a_second_window_on_the_same_file_is_refused_politely(saved_file, answer_questions,
                                                              started):
    from ui.app import open_for_desktop

    before = saved_file.read_bytes()
    asked = answer_questions()
    with instance_lock.acquire(saved_file):
        start = open_for_desktop(saved_file)
    started.append(start)
    assert start.opened is None and start.exit_code != 0
    assert "already open" in asked[0] and f"process {os.getpid()}" in asked[0]
    assert saved_file.read_bytes() == before
    assert backups.list_backups(saved_file) == []


def test_a_read_only_file_opens_with_a_banner_and_nothing_that_writes(
        saved_file, monkeypatch, started, qtbot):
    from prospect_desk import database
    from ui.app import DesktopApp, open_for_desktop

    monkeypatch.setattr(database, "is_read_only", lambda path: True)
    before = saved_file.read_bytes()
    start = open_for_desktop(saved_file)
    started.append(start)
    assert start.read_only
    window = DesktopApp(start.opened.path, read_only=True).show_window()
    qtbot.addWidget(window)

    assert window.read_only_banner.isVisible()
    assert "read-only" in window.read_only_banner.text()
    for action in (window.new_individual_action, window.new_company_action,
                   window.save_action, window.delete_action, window.demo_action,
                   window.import_action):
        assert not action.isEnabled()
    window.table.selectRow(0)
    assert window.editor.texts["name"].text() == "Saved earlier"
    assert window.editor.texts["name"].isReadOnly()
    assert not window.editor.save_button.isVisible()
    assert not window.history.add_button.isVisible()
    assert not window.filter_panel.add_button.isVisible()
    assert not window.follow_ups.decline_button.isVisible()
    assert not window.today_view.done_button.isVisible()
    with pytest.raises(peewee.OperationalError):  # the file itself refuses too
        create_card(CardData(name="Not written"))
    window.close()
    close_database()
    assert saved_file.read_bytes() == before
    assert backups.list_backups(saved_file) == []


@pytest.fixture
def damaged_file_with_backup(saved_file):
    good = backups.make_backup(saved_file, backups.BackupKind.MANUAL)
    saved_file.write_bytes(b"this is not a database any more" * 200)
    return saved_file, good


def test_a_damaged_file_is_replaced_by_its_newest_good_backup_when_the_user_agrees(
        damaged_file_with_backup, answer_questions, started):
    from ui.app import open_for_desktop

    db_path, good = damaged_file_with_backup
    asked = answer_questions()
    start = open_for_desktop(db_path)
    started.append(start)
    assert start.opened is not None
    assert card_names() == ["Saved earlier"]
    assert good.name in asked[0]
    asides = list(db_path.parent.glob(db_path.name + ".before-restore-*"))
    assert [a.read_bytes()[:20] for a in asides] == [b"this is not a databa"]
    assert str(asides[0]) in asked[-1]


def test_a_damaged_file_is_left_untouched_when_the_user_refuses(
        damaged_file_with_backup, answer_questions, started):
    from PySide6.QtWidgets import QMessageBox

    from ui.app import open_for_desktop

    db_path, _good = damaged_file_with_backup
    before = db_path.read_bytes()
    answer_questions(QMessageBox.StandardButton.No)
    start = open_for_desktop(db_path)
    started.append(start)
    assert start.opened is None and start.exit_code != 0
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob(db_path.name + ".before-restore-*"))


# --- a full disk ---------------------------------------------------------------
def test_a_full_disk_on_save_keeps_the_typed_text_and_says_why(main_window, answer_questions,
                                                               monkeypatch, type_text, qtbot):
    from prospect_desk import cards

    create_card(CardData(name="Wang Fang"))
    main_window.model.refresh()
    main_window.table.selectRow(0)
    editor = main_window.editor
    type_text(editor.texts["name"], "Wang Fang (new number)")
    assert editor.is_dirty

    def disk_full(*args, **kwargs):
        raise peewee.OperationalError("database or disk is full")

    monkeypatch.setattr(cards, "update_card", disk_full)
    asked = answer_questions()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert len(asked) == 1 and "disk is full" in asked[0]
    assert editor.is_dirty
    assert editor.texts["name"].text() == "Wang Fang (new number)"
    assert card_names() == ["Wang Fang"]
    assert main_window.windowTitle().endswith("*")


def test_a_restore_waits_for_the_background_index_build_to_let_go_of_the_file(
        backups_dialog, main_window, answer_questions, qtbot, monkeypatch):
    import threading

    from prospect_desk import bulk_indexes
    from ui import index_builds

    qtbot.mouseClick(backups_dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: backups_dialog.list.topLevelItemCount() == 1, timeout=10000)
    building, events = threading.Event(), []

    def slow_build(database=None, cancelled=None):
        events.append("build started")
        building.set()
        while not cancelled():
            threading.Event().wait(0.01)
        events.append("build stopped")
        return 0

    monkeypatch.setattr(bulk_indexes, "pending", lambda database=None: ["card_live_stage"])
    monkeypatch.setattr(bulk_indexes, "build_pending", slow_build)
    real_close = backups_dialog_module().close_database
    monkeypatch.setattr(backups_dialog_module(), "close_database",
                        lambda: events.append("file closed") or real_close())
    index_builds.build_pending_soon()
    assert building.wait(10)

    answer_questions()
    backups_dialog.list.setCurrentItem(backups_dialog.list.topLevelItem(0))
    qtbot.mouseClick(backups_dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: backups_dialog.job is None, timeout=10000)

    assert events[:3] == ["build started", "build stopped", "file closed"]
    index_builds.stop_and_wait()  # the build the reloaded window started
    qtbot.waitUntil(lambda: index_builds._job is None, timeout=10000)


def backups_dialog_module():
    import ui.backups_dialog

    return ui.backups_dialog
