"""The card shows what the customer owes and whether they are a top customer;
the list stars top customers; a seasonal buyer gets their own lapse threshold."""

import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from prospect_desk.cards import CardData, create_card
from prospect_desk.models import Card, Deal
from prospect_desk.receivables import record_payment
from ui.top_customers import top_customers

TODAY = datetime.date.today()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def deal(card_id, date, amount, due=None):
    return Deal.insert(card=card_id, date=date, amount_cents=amount, outcome="won",
                       due_date=due, created_at=datetime.datetime(2024, 1, 1)).execute()


def shown_names(window) -> list[str]:
    return [window.model.index(row, 0).data() for row in range(window.model.rowCount())]


def select(window, name: str) -> None:
    window.table.selectRow(shown_names(window).index(name))


def test_the_card_shows_what_is_due_paid_owed_and_overdue_since_when(main_window):
    wang = create_card(CardData(name="Wang Wei"))
    create_card(CardData(name="Li Na"))
    late = deal(wang, days(-90), 100_000, due=days(-60))
    deal(wang, days(-80), 30_000, due=days(-20))
    deal(wang, days(-10), 50_000, due=days(20))
    record_payment(late, days(-50), 40_000)
    main_window.model.refresh()
    select(main_window, "Wang Wei")
    account = main_window.editor.account
    assert account.isVisible() and account.account_box.isVisible()
    values = {key: label.text() for key, label in account.values.items()}
    assert values == {"due": "1,800.00", "paid": "400.00", "owed": "1,400.00",
                      "overdue": f"900.00 (due since {days(-60).isoformat()})"}
    assert "c0392b" in account.values["overdue"].styleSheet()
    # A customer who owes nothing shows no account figures.
    select(main_window, "Li Na")
    assert account.isVisible() and not account.account_box.isVisible()
    # A new card has no account yet.
    main_window.new_individual_action.trigger()
    assert not account.isVisible()


def test_the_top_customer_is_starred_in_the_list_and_marked_on_the_card(main_window, qtbot):
    ids = {name: create_card(CardData(name=name)) for name in "ABCDEF"}
    for name, amount in zip("ABCDE", [500, 100, 200, 300, 50], strict=True):
        deal(ids[name], days(-30), amount * 100)
    deal(ids["F"], days(-400), 100_000)  # a big sale, but more than 12 months ago
    top_customers().invalidate()
    qtbot.waitUntil(top_customers().is_known, timeout=10000)
    main_window.model.refresh()
    model = main_window.model
    starred = [model.index(row, 0).data() for row in range(model.rowCount())
               if model.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is not None]
    assert starred == ["A"]
    row = shown_names(main_window).index("A")
    assert "top customer" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, 1).data(Qt.ItemDataRole.DecorationRole) is None
    select(main_window, "A")
    assert main_window.editor.account.top_box.isVisible()
    select(main_window, "F")
    assert not main_window.editor.account.top_box.isVisible()
    # A large sale to F today makes F the top customer once the marks are worked out again.
    deal(ids["F"], TODAY, 90_000)
    with qtbot.waitSignal(top_customers().changed, timeout=10000):
        top_customers().invalidate()
    assert main_window.editor.account.top_box.isVisible()
    row = shown_names(main_window).index("F")
    assert model.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is not None


def test_a_seasonal_buyer_gets_their_own_lapse_threshold_on_the_card(main_window, monkeypatch):
    wang = create_card(CardData(name="Wang Wei"))
    main_window.model.refresh()
    select(main_window, "Wang Wei")
    account = main_window.editor.account
    assert "12 months" in account.lapse_label.text()
    asked = []

    def get_int(parent, title, text, value, low, high):
        asked.append((value, low, high))
        return 18, True

    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(get_int))
    account.lapse_button.click()
    assert Card.get_by_id(wang).lapse_months == 18
    assert "18 months" in account.lapse_label.text() and "own" in account.lapse_label.text()
    assert asked == [(0, 0, 240)]
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *a: (0, True)))
    account.lapse_button.click()
    assert Card.get_by_id(wang).lapse_months is None
    assert "the setting" in account.lapse_label.text()
