"""File → Import history…: the imports listed, and one undone as a whole."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from prospect_desk.cards import CardData, card_data, create_card, update_card
from prospect_desk.excel_import import DuplicateMode, import_file
from prospect_desk.models import Card


def live_names():
    return sorted(c.name for c in Card.select().where(Card.deleted_at.is_null()))


@pytest.fixture
def imported(main_window, tmp_path):
    """One card typed in, then a file that adds two cards and updates that one."""
    create_card(CardData(name="王芳", mobile="13900139000", notes="met at the fair"))
    path = tmp_path / "展会名单.csv"
    path.write_text("姓名,手机,备注\n张伟,13800138000,\n李娜,13700137000,\n"
                    "王芳,13900139000,called twice\n", encoding="utf-8")
    import_file(path, duplicate_mode=DuplicateMode.UPDATE)
    main_window._after_import()
    return path


@pytest.fixture
def history(main_window, monkeypatch, qtbot):
    """File → Import history…, opened without a modal loop."""
    from ui.app import add_import_history_action
    from ui.import_history_dialog import ImportHistoryDialog

    opened = []
    monkeypatch.setattr(ImportHistoryDialog, "exec", lambda self: opened.append(self) or 0)
    action = add_import_history_action(main_window)
    menu = main_window.file_menu.actions()
    assert menu.index(action) == menu.index(main_window.export_action) + 1

    def open_dialog():
        action.trigger()
        dialog = opened[-1]
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return open_dialog


def row_texts(dialog, row=0):
    item = dialog.list.topLevelItem(row)
    return [item.text(column) for column in range(dialog.list.columnCount())]


def test_the_history_lists_the_import_with_its_counts(imported, history):
    dialog = history()
    assert dialog.list.topLevelItemCount() == 1
    texts = row_texts(dialog)
    assert texts[1:] == ["Cards", "展会名单.csv", "2", "1", "0", "0", "Imported"]
    assert not dialog.undo_button.isEnabled()  # nothing chosen yet


def test_undo_asks_first_and_no_keeps_everything(imported, history, answer_questions, qtbot):
    dialog = history()
    asked = answer_questions(QMessageBox.StandardButton.No)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert "展会名单.csv" in asked[0]
    assert dialog.job is None
    assert live_names() == ["张伟", "李娜", "王芳"]


def test_undo_trashes_the_added_cards_restores_the_updated_one_and_refreshes_the_list(
        imported, history, main_window, answer_questions, qtbot):
    assert main_window.model.rowCount() == 3
    dialog = history()
    asked = answer_questions()
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert dialog.job is not None  # on a worker
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)

    assert live_names() == ["王芳"]
    assert Card.get(Card.name == "王芳").notes == "met at the fair"
    assert main_window.model.rowCount() == 1
    assert "2 cards it added were moved to the trash" in asked[-1]
    assert "1 cards it updated got their earlier values back" in asked[-1]
    assert row_texts(dialog)[-1].startswith("Undone on ")
    assert not dialog.undo_button.isEnabled()  # not twice


def test_a_card_changed_after_the_import_is_named_and_left_alone(
        imported, history, answer_questions, qtbot):
    card = Card.get(Card.name == "王芳")
    data = card_data(card)
    data.notes = "my own words"
    update_card(card.id, data)
    dialog = history()
    asked = answer_questions()
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert "left as they are: 王芳" in asked[-1]
    assert Card.get_by_id(card.id).notes == "my own words"


def test_undoing_an_import_undone_meanwhile_is_refused_with_a_message(
        imported, history, answer_questions, qtbot):
    from prospect_desk.import_history import list_batches, undo_batch

    dialog = history()
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    undo_batch(list_batches()[0].id)  # from the command line, say, while the dialog is open
    asked = answer_questions()
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert "cannot be undone twice" in asked[-1]


def test_a_read_only_card_file_shows_the_history_but_cannot_undo(imported, history,
                                                                 main_window):
    main_window.set_read_only(True)
    dialog = history()
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    assert not dialog.undo_button.isEnabled()
    assert "read-only" in dialog.summary.text()


def test_no_imports_yet_says_so(main_window, history):
    dialog = history()
    assert dialog.list.topLevelItemCount() == 0
    assert "No cards have been imported" in dialog.summary.text()


def test_the_card_on_screen_is_not_left_with_the_imported_values_to_save_again(
        imported, history, main_window, answer_questions, qtbot):
    wang = Card.get(Card.name == "王芳").id
    main_window.open_card(wang)
    assert main_window.editor.notes.toPlainText() == "called twice"
    dialog = history()
    answer_questions()
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert main_window.editor.notes.toPlainText() != "called twice"
    assert Card.get_by_id(wang).notes == "met at the fair"


def test_the_undo_message_names_the_revisits_and_circles_it_took_away(
        main_window, tmp_path, history, answer_questions, qtbot):
    create_card(CardData(name="王芳", mobile="13900139000"))
    path = tmp_path / "回访.csv"
    path.write_text("姓名,手机,圈子,下次回访\n张伟,13800138000,展会,2030-03-01\n"
                    "王芳,13900139000,老乡,2030-04-01\n", encoding="utf-8")
    import_file(path, duplicate_mode=DuplicateMode.UPDATE)
    dialog = history()
    asked = answer_questions()
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert "1 revisits the import had put on the cards it updated were taken away" in asked[-1]
    assert "no card uses any more were removed: 展会, 老乡" in asked[-1]
