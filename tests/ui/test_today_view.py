"""The today view: overdue apart, today, the next seven days; done, skip and move
with a click; a double click opens the card."""

import datetime

import pytest
from PySide6.QtCore import Qt

from prospect_desk.cards import CardData, create_card
from prospect_desk.follow_ups import add_follow_up
from prospect_desk.history import card_history
from prospect_desk.models import FollowUp
from ui.follow_up_dialogs import DatePickDialog, OutcomeDialog

TODAY = datetime.date.today()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def cards(database):
    wang = create_card(CardData(name="Wang Wei"))
    li = create_card(CardData(name="Li Na"))
    zhou = create_card(CardData(name="Zhou Min"))
    add_follow_up(wang, "manual", days(-3), "send the price list")
    add_follow_up(li, "revisit", TODAY, "ask about the new office")
    add_follow_up(zhou, "mailer", days(5))
    add_follow_up(zhou, "manual", days(20))  # beyond the week: not shown
    return {"wang": wang, "li": li, "zhou": zhou}


def fake_exec(monkeypatch, cls, fill):
    def run(dialog):
        fill(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(cls, "exec", run)


def names(view, group):
    return [item.card_name for item in view.today_view.group_items(group)]


def cell(window, group, index, column, role=Qt.ItemDataRole.DisplayRole):
    return window.today_view.row_of(group, index).siblingAtColumn(column).data(role)


def click_row(qtbot, window, group, index):
    view = window.today_view
    row = view.row_of(group, index)
    rect = view.tree.visualRect(row)
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return rect


def test_the_app_opens_on_today_with_each_follow_up_in_its_group(cards, main_window):
    assert main_window.views.currentWidget() is main_window.today_view
    assert names(main_window, "overdue") == ["Wang Wei"]
    assert names(main_window, "today") == ["Li Na"]
    assert names(main_window, "upcoming") == ["Zhou Min"]
    assert cell(main_window, "overdue", 0, 0) == days(-3).isoformat()
    assert cell(main_window, "overdue", 0, 0,
                Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"
    assert cell(main_window, "overdue", 0, 3) == "send the price list"
    assert cell(main_window, "today", 0, 1) == "Revisit"


def test_without_follow_ups_the_app_opens_on_the_cards(main_window):
    assert main_window.views.currentWidget() is main_window.splitter


def test_done_with_a_click_logs_the_outcome_and_leaves_the_list(cards, main_window, qtbot,
                                                                monkeypatch):
    fake_exec(monkeypatch, OutcomeDialog, lambda d: d.outcome.setText("Sent by e-mail"))
    click_row(qtbot, main_window, "overdue", 0)
    qtbot.mouseClick(main_window.today_view.done_button, Qt.MouseButton.LeftButton)
    assert "overdue" not in main_window.today_view.groups
    assert [e.text for e in card_history(cards["wang"])] == [
        "Follow-up (send the price list): Sent by e-mail"]


def test_skip_and_move_with_a_click(cards, main_window, qtbot, monkeypatch):
    click_row(qtbot, main_window, "today", 0)
    qtbot.mouseClick(main_window.today_view.skip_button, Qt.MouseButton.LeftButton)
    assert names(main_window, "today") == []
    assert FollowUp.get(FollowUp.card == cards["li"]).status == "skipped"

    fake_exec(monkeypatch, DatePickDialog, lambda d: d.set_date(days(2)))
    click_row(qtbot, main_window, "overdue", 0)
    qtbot.mouseClick(main_window.today_view.move_button, Qt.MouseButton.LeftButton)
    assert names(main_window, "upcoming") == ["Wang Wei", "Zhou Min"]
    assert cell(main_window, "upcoming", 0, 0) == days(2).isoformat()


def test_a_birthday_in_the_week_can_be_done(database, main_window, qtbot, monkeypatch):
    birthday = days(3)
    card = create_card(CardData(name="Chen Jing", birthday=birthday.replace(year=1980)
                                if not (birthday.month == 2 and birthday.day == 29)
                                else datetime.date(1980, 2, 29)))
    main_window.show_view(main_window.today_view)
    assert [(i.kind, i.date) for i in main_window.today_view.group_items("upcoming")][-1] == (
        "birthday", birthday)
    index = len(main_window.today_view.group_items("upcoming")) - 1
    fake_exec(monkeypatch, OutcomeDialog, lambda d: d.outcome.setText("Called, sang"))
    click_row(qtbot, main_window, "upcoming", index)
    qtbot.mouseClick(main_window.today_view.done_button, Qt.MouseButton.LeftButton)
    assert "birthday" not in [i.kind for i in main_window.today_view.group_items("upcoming")]
    assert [e.text for e in card_history(card)] == ["Birthday: Called, sang"]


def test_double_click_opens_the_card(cards, main_window, qtbot):
    rect = click_row(qtbot, main_window, "upcoming", 0)
    qtbot.mouseDClick(main_window.today_view.tree.viewport(), Qt.MouseButton.LeftButton,
                      pos=rect.center())
    assert main_window.views.currentWidget() is main_window.splitter
    assert main_window.editor.card_id == cards["zhou"]
    assert main_window.editor.texts["name"].text() == "Zhou Min"
    assert main_window.follow_ups.items()[0].kind == "mailer"


def test_a_long_overdue_list_is_read_as_it_scrolls_and_done_keeps_the_place(
        database, main_window, qtbot, monkeypatch):
    from ui.models.agenda_models import PAGE_SIZE

    late = PAGE_SIZE + 40
    for n in range(late):
        card = create_card(CardData(name=f"Card {n:03}"))
        add_follow_up(card, "manual", days(-10))
    main_window.show_view(main_window.today_view)
    view = main_window.today_view
    assert view.summary.text().startswith(f"{late} overdue")
    assert view.model.index(0, 0).data() == f"Overdue ({late})"
    assert len(view.group_items("overdue")) == PAGE_SIZE
    view.tree.scrollToBottom()
    qtbot.waitUntil(lambda: len(view.group_items("overdue")) == late)
    assert names(main_window, "overdue")[-1] == f"Card {late - 1:03}"

    view.tree.scrollToTop()
    click_row(qtbot, main_window, "overdue", 2)
    fake_exec(monkeypatch, OutcomeDialog, lambda d: d.outcome.setText("Called"))
    qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    assert view.model.index(0, 0).data() == f"Overdue ({late - 1})"
    assert view.current_item().card_name == "Card 003"  # the next one, ready for Done


def test_folding_overdue_away_reads_what_comes_into_view(database, main_window, qtbot):
    from ui.models.agenda_models import PAGE_SIZE

    for n in range(40 + PAGE_SIZE + 20):
        card = create_card(CardData(name=f"Card {n:03}"))
        add_follow_up(card, "manual", days(-1) if n < 40 else days(2))
    view = main_window.today_view
    main_window.show_view(view)
    row = view.tree.sizeHintForRow(0)
    # room for 120 lines: the first page of the week ahead shows only once
    # the 40 overdue lines are folded away
    view.tree.setFixedHeight(row * 120 + view.tree.header().height() + 4)
    qtbot.wait(50)
    assert len(view.group_items("upcoming")) == PAGE_SIZE
    view.tree.collapse(view.model.index(0, 0))
    qtbot.waitUntil(lambda: len(view.group_items("upcoming")) == PAGE_SIZE + 20)
