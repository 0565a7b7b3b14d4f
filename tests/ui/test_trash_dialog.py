"""Edit → Trash…: a list over the database, searched, restored in part, by import, or emptied."""

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from prospect_desk.cards import CardData, create_card, delete_cards
from prospect_desk.excel_import import import_file
from prospect_desk.import_history import list_batches, undo_batch
from prospect_desk.models import Card


def live_names():
    return sorted(c.name for c in Card.select().where(Card.deleted_at.is_null()))


def shown_names(dialog):
    return [dialog.model.index(row, 0).data() for row in range(dialog.model.rowCount())]


@pytest.fixture
def undone_import(main_window, tmp_path):
    """A file of 3 cards imported and undone, and one typed card deleted after."""
    path = tmp_path / "展会名单.csv"
    path.write_text("姓名,手机\n张伟,13800138000\n李娜,13700137000\n张敏,13600136000\n",
                    encoding="utf-8")
    import_file(path)
    undo_batch(list_batches()[0].id)
    delete_cards([create_card(CardData(name="王芳"))])
    return path


@pytest.fixture
def trash(main_window, monkeypatch, qtbot):
    """Edit → Trash…, opened without a modal loop."""
    from ui.trash_dialog import TrashDialog

    opened = []
    monkeypatch.setattr(TrashDialog, "exec", lambda self: opened.append(self) or 0)

    def open_dialog():
        main_window.trash_action.trigger()
        dialog = opened[-1]
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return open_dialog


def select_rows(dialog, *rows):
    selection = QItemSelection()
    for row in rows:
        selection.select(dialog.model.index(row, 0), dialog.model.index(row, 4))
    dialog.cards.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select)


def test_the_trash_model_is_a_well_behaved_item_model(undone_import, trash, qtmodeltester):
    qtmodeltester.check(trash().model)


def test_the_trash_lists_the_last_deleted_first_with_kind_and_import(undone_import, trash):
    dialog = trash()
    assert dialog.summary.text() == "4 cards in the trash."
    assert shown_names(dialog)[0] == "王芳"
    assert sorted(shown_names(dialog)[1:]) == ["张伟", "张敏", "李娜"]
    row = [dialog.model.index(1, column).data() for column in range(5)]
    assert row[1] == "Individual" and row[4] == "展会名单.csv"
    assert dialog.model.index(0, 4).data() == ""  # typed in, not imported


def test_typing_in_the_search_box_narrows_the_trash(undone_import, trash, qtbot):
    dialog = trash()
    dialog.search.insert("张")  # as typed (keyClicks knows only ASCII keys)
    assert sorted(shown_names(dialog)) == ["张伟", "张敏"]
    assert dialog.summary.text() == "2 of the 4 cards in the trash are shown."


def test_several_chosen_cards_are_restored_together(undone_import, trash, main_window, qtbot):
    dialog = trash()
    dialog.search.insert("张")  # as typed (keyClicks knows only ASCII keys)
    assert not dialog.restore_button.isEnabled()
    select_rows(dialog, 0, 1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert live_names() == ["张伟", "张敏"]
    assert dialog.note.text() == "2 cards restored to the card list."
    assert main_window.model.rowCount() == 2


def test_restore_all_from_this_import_brings_back_the_whole_file(undone_import, trash, qtbot):
    dialog = trash()
    select_rows(dialog, 0)  # 王芳 was typed in: no import to restore
    dialog.cards.setCurrentIndex(dialog.model.index(0, 0))
    assert not dialog.restore_import_button.isEnabled()
    dialog.cards.setCurrentIndex(dialog.model.index(2, 0))  # one of the file's
    assert dialog.restore_import_button.isEnabled()
    qtbot.mouseClick(dialog.restore_import_button, Qt.MouseButton.LeftButton)
    assert live_names() == ["张伟", "张敏", "李娜"]
    assert shown_names(dialog) == ["王芳"]
    assert dialog.imports.isHidden()  # no import left in the trash


def test_choosing_an_import_shows_only_its_cards(undone_import, trash, qtbot):
    dialog = trash()
    assert dialog.imports.count() == 2
    assert dialog.imports.itemText(1).startswith("From 展会名单.csv (")
    assert dialog.imports.itemText(1).endswith(", 3 cards)")
    dialog.imports.setCurrentIndex(1)
    assert sorted(shown_names(dialog)) == ["张伟", "张敏", "李娜"]
    assert dialog.restore_import_button.isEnabled()


def test_emptying_asks_with_the_count_and_cancel_keeps_everything(undone_import, trash, qtbot,
                                                                  answer_questions):
    dialog = trash()
    asked = answer_questions(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert "Delete all 4 cards in the trash for good" in asked[0]
    assert Card.select().count() == 4

    answer_questions(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert Card.select().count() == 0
    assert dialog.summary.text() == "The trash is empty."
    assert not dialog.empty_button.isEnabled()


def test_a_big_trash_is_restored_and_emptied_on_a_worker(main_window, trash, qtbot, monkeypatch,
                                                         answer_questions):
    import ui.worker

    monkeypatch.setattr(ui.worker, "WORKER_FROM", 2)
    delete_cards([create_card(CardData(name=f"卡片{i}")) for i in range(5)])
    dialog = trash()
    dialog.cards.selectAll()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.job is not None and not dialog.empty_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert len(live_names()) == 5
    assert main_window.model.rowCount() == 5

    delete_cards([c.id for c in Card.select()])
    dialog.reload()
    answer_questions(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert dialog.job is not None
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert Card.select().count() == 0
    assert dialog.note.text() == "5 cards deleted for good."


def test_a_cancelled_emptying_says_the_trash_is_as_it_was(main_window, trash, qtbot, monkeypatch,
                                                          answer_questions):
    import ui.worker
    from prospect_desk import trash as core

    monkeypatch.setattr(ui.worker, "WORKER_FROM", 2)
    delete_cards([create_card(CardData(name=f"卡片{i}")) for i in range(3)])
    dialog = trash()
    answer_questions(QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(core, "empty", lambda progress, cancelled: (_ for _ in ()).throw(
        core.TrashCancelled()))
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert dialog.note.text() == "Cancelled: the trash is as it was."
    assert Card.select().count() == 3
    assert QDialog  # the dialog itself stays open


def test_enter_in_the_search_box_restores_nothing(undone_import, trash, qtbot):
    dialog = trash()
    dialog.cards.selectRow(0)
    dialog.search.setFocus()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert live_names() == []


@pytest.fixture
def failing_restore(monkeypatch):
    """Restoring fails as a locked file would; returns what the error dialog showed."""
    from prospect_desk import trash as core
    from ui import worker

    shown = []
    monkeypatch.setattr(worker, "show_error",
                        lambda parent, error, details=None: shown.append((parent, error)))

    def locked(*_args):
        raise OSError("database is locked")

    monkeypatch.setattr(core, "restore", locked)
    return shown


def test_a_restore_that_fails_goes_to_the_error_dialog_and_the_list_stays(
        undone_import, trash, qtbot, failing_restore):
    shown = failing_restore
    dialog = trash()
    select_rows(dialog, 0, 1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert [(parent, str(error)) for parent, error in shown] == [(dialog, "database is locked")]
    assert live_names() == [] and len(shown_names(dialog)) == 4
    assert len(dialog.selected_ids()) == 2 and dialog.restore_button.isEnabled()


def test_a_big_restore_that_fails_shows_the_error_and_the_trash_as_it_is(
        undone_import, trash, qtbot, monkeypatch, failing_restore):
    from ui import worker

    monkeypatch.setattr(worker, "WORKER_FROM", 2)
    shown = failing_restore
    dialog = trash()
    select_rows(dialog, 0, 1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.job is not None and dialog.note.text() == "Restoring cards…"

    qtbot.waitUntil(lambda: dialog.job is None and len(shown) == 1, timeout=10000)
    assert str(shown[0][1]) == "database is locked" and dialog.note.text() == ""
    assert live_names() == [] and len(shown_names(dialog)) == 4
