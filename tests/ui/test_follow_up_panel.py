"""A card's follow-ups: "not now", a follow-up done, a deal won or lost."""

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from prospect_desk.cards import CardData, create_card
from prospect_desk.follow_ups import add_follow_up
from prospect_desk.history import card_history
from prospect_desk.models import Card
from ui.follow_up_dialogs import DatePickDialog, DealDialog, DeclineDialog, OutcomeDialog

TODAY = datetime.date.today()


@pytest.fixture
def answer_dialog(monkeypatch):
    """Replace `exec` of a dialog class: fill it in as the user would, press OK.
    Returns the dialogs shown."""
    shown = []

    def install(cls, fill):
        def fake_exec(dialog):
            shown.append(dialog)
            fill(dialog)
            dialog.accept()
            return dialog.result()

        monkeypatch.setattr(cls, "exec", fake_exec)
        return shown

    return install


def open_card(window, name: str) -> int:
    card_id = create_card(CardData(name=name))
    window.model.refresh()
    window.open_card(card_id)
    return card_id


def panel_rows(window) -> list[tuple[str, str, str]]:
    tree = window.follow_ups.entries
    return [tuple(tree.topLevelItem(i).text(c) for c in range(3))
            for i in range(tree.topLevelItemCount())]


def test_marking_declined_puts_a_revisit_in_the_cards_follow_ups(main_window, qtbot,
                                                                  answer_dialog):
    open_card(main_window, "Zhou Min")

    def fill(dialog):
        dialog.set_reason("price")
        dialog.note.setPlainText("Found us 10% dearer than the shop next door")

    answer_dialog(DeclineDialog, fill)
    qtbot.mouseClick(main_window.follow_ups.decline_button, Qt.MouseButton.LeftButton)

    revisit = (TODAY + datetime.timedelta(days=90)).isoformat()  # the default of 90 days
    assert panel_rows(main_window) == [
        (revisit, "Revisit", "Revisit after 'not now' (Price): check the same person still buys"
         " — Found us 10% dearer than the shop next door")]
    assert main_window.editor.stage.currentData() == "declined"


def test_not_interested_alone_is_refused_with_a_reason_why(main_window, qtbot, answer_dialog):
    card_id = open_card(main_window, "Zhou Min")

    def fill(dialog):
        dialog.set_reason("other")
        dialog.note.setPlainText("not interested")

    shown = answer_dialog(DeclineDialog, fill)
    qtbot.mouseClick(main_window.follow_ups.decline_button, Qt.MouseButton.LeftButton)

    assert shown[0].result() == QDialog.DialogCode.Rejected
    assert "real reason" in shown[0].error.text()
    assert panel_rows(main_window) == []
    assert Card.get_by_id(card_id).stage == "new"


def test_done_with_an_outcome_is_written_in_the_history(main_window, qtbot, answer_dialog):
    card_id = open_card(main_window, "Zhou Min")
    add_follow_up(card_id, "manual", TODAY, "bring the new catalogue")
    main_window.open_card(card_id)
    main_window.follow_ups.reload()

    def fill(dialog):
        dialog.how.setCurrentIndex(dialog.how.findData("visit"))
        dialog.outcome.setText("Liked the catalogue, call in May")

    answer_dialog(OutcomeDialog, fill)
    tree = main_window.follow_ups.entries
    tree.setCurrentItem(tree.topLevelItem(0))
    qtbot.mouseClick(main_window.follow_ups.done_button, Qt.MouseButton.LeftButton)

    assert panel_rows(main_window) == []
    history = main_window.history.entries
    assert history.topLevelItemCount() == 1
    assert history.topLevelItem(0).text(1) == "Visit"
    assert history.topLevelItem(0).text(2) == (
        "Follow-up (bring the new catalogue): Liked the catalogue, call in May")
    assert [e.kind for e in card_history(card_id)] == ["visit"]


def test_moving_a_follow_up_to_another_day(main_window, qtbot, answer_dialog):
    card_id = open_card(main_window, "Zhou Min")
    add_follow_up(card_id, "manual", TODAY)
    main_window.follow_ups.reload()
    later = TODAY + datetime.timedelta(days=3)
    answer_dialog(DatePickDialog, lambda dialog: dialog.set_date(later))
    tree = main_window.follow_ups.entries
    tree.setCurrentItem(tree.topLevelItem(0))
    qtbot.mouseClick(main_window.follow_ups.move_button, Qt.MouseButton.LeftButton)
    assert [row[0] for row in panel_rows(main_window)] == [later.isoformat()]


def test_a_won_deal_schedules_the_after_sale_follow_ups(main_window, qtbot, answer_dialog):
    open_card(main_window, "Harbour Logistics")
    delivery = TODAY + datetime.timedelta(days=10)

    def fill(dialog):
        dialog.product.setText("Forklift FL-20")
        dialog.amount.setValue(48000)
        dialog.won.setChecked(True)
        dialog.delivery.setDate(dialog.delivery.date().addDays(10))
        dialog.install_test.setChecked(True)

    answer_dialog(DealDialog, fill)
    qtbot.mouseClick(main_window.follow_ups.deal_button, Qt.MouseButton.LeftButton)

    def on(days):
        return (delivery + datetime.timedelta(days=days)).isoformat()

    # thank-you 2, installation test 3, delivery check 7, testimonial 30, repeat 180 days
    assert [(row[0], row[1]) for row in panel_rows(main_window)] == [
        (on(2), "Thank-you"), (on(3), "Installation test"), (on(7), "Delivery check"),
        (on(30), "Testimonial request"), (on(180), "Repeat purchase")]
    assert main_window.editor.stage.currentData() == "customer"


def test_a_lost_deal_needs_the_six_answers_then_plans_a_revisit(main_window, qtbot,
                                                               answer_dialog):
    open_card(main_window, "Harbour Logistics")
    answers = {"need_and_motive": True, "approach_attention": True,
               "talk_raised_desire": False, "handled_objections": False,
               "closing_techniques": True}

    def fill(dialog):
        dialog.product.setText("Forklift FL-20")
        dialog.lost.setChecked(True)
        dialog.lost_reason.setCurrentIndex(dialog.lost_reason.findData("competitor"))
        dialog.set_review(answers)

    shown = answer_dialog(DealDialog, fill)
    qtbot.mouseClick(main_window.follow_ups.deal_button, Qt.MouseButton.LeftButton)
    assert "six" in shown[0].error.text()
    assert panel_rows(main_window) == []

    answers["attitude_and_manner"] = True
    qtbot.mouseClick(main_window.follow_ups.deal_button, Qt.MouseButton.LeftButton)
    revisit = (TODAY + datetime.timedelta(days=120)).isoformat()  # competitor: 120 days
    assert panel_rows(main_window) == [
        (revisit, "Revisit",
         "Revisit after a lost deal (A competitor won): bring something new")]
