"""Deleting many chosen cards from the list: asked with the count, all to the trash at once."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from prospect_desk import trash
from prospect_desk.cards import CardData, create_card
from prospect_desk.models import Card


def make_cards(window, count):
    ids = [create_card(CardData(name=f"客户{i:03d}")) for i in range(count)]
    window.model.refresh()
    return ids


def live_count():
    return Card.select().where(Card.deleted_at.is_null()).count()


def test_one_card_goes_to_the_trash_without_a_question(main_window, answer_questions):
    make_cards(main_window, 3)
    asked = answer_questions(QMessageBox.StandardButton.Cancel)
    main_window.table.selectRow(1)
    main_window.delete_action.trigger()
    assert asked == []
    assert live_count() == 2


def test_many_chosen_cards_are_asked_about_with_their_count_and_cancel_keeps_them(
        main_window, answer_questions):
    make_cards(main_window, 30)
    asked = answer_questions(QMessageBox.StandardButton.Cancel)
    main_window.table.selectAll()
    main_window.delete_action.trigger()
    assert "Move the 30 chosen cards to the trash?" in asked[0]
    assert live_count() == 30
    assert main_window.model.rowCount() == 30


def test_yes_moves_them_all_together_and_one_restore_brings_them_back(
        main_window, answer_questions, qtbot):
    make_cards(main_window, 30)
    answer_questions(QMessageBox.StandardButton.Yes)
    main_window.table.selectRow(2)
    for row in range(3, 12):  # ctrl-click nine more
        rect = main_window.table.visualRect(main_window.model.index(row, 0))
        qtbot.mouseClick(main_window.table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier, rect.center())
    main_window.delete_action.trigger()

    assert live_count() == 20 and main_window.model.rowCount() == 20
    trashed = list(Card.select(Card.name, Card.deleted_at).where(Card.deleted_at.is_null(False)))
    assert sorted(c.name for c in trashed) == [f"客户{i:03d}" for i in range(2, 12)]
    assert len({c.deleted_at for c in trashed}) == 1  # one move, one time
    assert main_window.statusBar().currentMessage() == "10 cards moved to the trash."

    trash.restore(trash.trashed_ids())
    assert live_count() == 30


def test_a_big_delete_runs_on_a_worker_and_the_list_follows(main_window, answer_questions,
                                                            qtbot, monkeypatch):
    import ui.worker

    monkeypatch.setattr(ui.worker, "WORKER_FROM", 10)
    make_cards(main_window, 25)
    answer_questions(QMessageBox.StandardButton.Yes)
    main_window.table.selectAll()
    main_window.delete_action.trigger()
    assert main_window.delete_job is not None
    qtbot.waitUntil(lambda: main_window.delete_job is None, timeout=10000)
    assert live_count() == 0 and main_window.model.rowCount() == 0
    assert main_window.statusBar().currentMessage() == "25 cards moved to the trash."
