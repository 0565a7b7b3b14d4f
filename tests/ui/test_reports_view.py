"""The Reports view: win back, 80/20 and receivables, driven as a user would."""

import datetime

import pytest
from PySide6.QtWidgets import QInputDialog

from prospect_desk.cards import CardData, create_card
from prospect_desk.models import Card, Deal, FollowUp, Payment
from ui.reports_view import ReportsView

D = datetime.date
AS_OF = D(2025, 6, 30)


def deal(card_id, date, amount, due=None):
    return Deal.insert(card=card_id, date=date, amount_cents=amount, outcome="won",
                       due_date=due, created_at=datetime.datetime(2024, 1, 1)).execute()


@pytest.fixture
def view(database, qtbot):
    widget = ReportsView()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def texts(table, column):
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_win_back_lists_lapsed_customers_and_schedules_the_chosen_approach(
        view, answer_questions):
    wang = create_card(CardData(name="Wang Wei", phone="021-5555"))
    li = create_card(CardData(name="Li Na"))
    deal(wang, D(2023, 1, 1), 90_000)
    deal(li, D(2022, 5, 1), 10_000)
    deal(li, D(2023, 2, 1), 10_000)
    asked = answer_questions()
    view.reload(AS_OF)
    tab = view.win_back
    assert texts(tab.table, 0) == ["Wang Wei", "Li Na"]
    assert "need 1 new customers" not in tab.loss_label.text()
    # Before 2024 both had bought; in 2024 neither did: 2 lost, 2 + ceil(0.2) = 3 to grow.
    assert "need 3 new customers" in tab.loss_label.text()
    tab.table.selectRow(0)
    tab.reason_combo.setCurrentIndex(tab.reason_combo.findData("bad_experience"))
    tab.reason_combo.activated.emit(tab.reason_combo.currentIndex())
    assert Card.get_by_id(wang).lapse_reason == "bad_experience"
    assert texts(tab.table, 6)[0] == "Apologise, ask what went wrong and make amends"
    assert texts(tab.table, 7)[0] == "Phone"
    tab.table.selectRow(0)
    tab.schedule_button.click()
    follow_up = FollowUp.get(FollowUp.card == wang)
    assert (follow_up.kind, follow_up.due_date) == ("win_back", datetime.date.today())
    assert "Wang Wei" in asked[-1]


def test_the_pareto_tab_ranks_customers_and_draws_bars_and_the_cumulative_line(view):
    for name, amount in [("A", 700), ("B", 200), ("C", 100)]:
        deal(create_card(CardData(name=name)), D(2025, 3, 1), amount * 100)
    view.setCurrentWidget(view.pareto)
    view.reload(AS_OF)
    tab = view.pareto
    assert texts(tab.table, 1) == ["A", "B", "C"]
    assert texts(tab.table, 4) == ["70.0%", "90.0%", "100.0%"]
    assert texts(tab.table, 5) == ["yes", "", ""]
    assert "70.0%" in tab.summary.text()
    bars, line = tab.chart.series()
    assert [bars.barSets()[0].at(i) for i in range(3)] == [700, 0, 0]
    assert [p.y() for p in line.points()] == [70, 90, 100]
    tab.group_combo.setCurrentIndex(tab.group_combo.findData("circle"))
    assert texts(tab.table, 1) == ["No circle"]


def test_receivables_take_a_payment_refuse_too_much_and_start_the_ladder(
        view, monkeypatch, answer_questions):
    wang = create_card(CardData(name="Wang Wei"))
    owed = deal(wang, D(2025, 1, 1), 100_000, due=D(2025, 4, 1))
    asked = answer_questions()
    view.setCurrentWidget(view.receivables)
    view.reload(AS_OF)
    tab = view.receivables
    # Due April 1, 90 days before June 30: the 61-90 column.
    assert [tab.ageing_table.item(0, c).text() for c in (0, 4, 6)] == [
        "Wang Wei", "1,000.00", "1,000.00"]
    tab.receivables_table.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getDouble", staticmethod(lambda *a, **k: (1200.0, True)))
    tab.payment_button.click()
    assert "only 1,000.00 is still owed" in asked[-1]
    monkeypatch.setattr(QInputDialog, "getDouble", staticmethod(lambda *a, **k: (400.0, True)))
    tab.payment_button.click()
    assert [p.amount_cents for p in Payment.select()] == [40_000]
    assert texts(tab.receivables_table, 5) == ["600.00"]
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: ("claims goods never came", True)))
    tab.receivables_table.selectRow(0)
    tab.malicious_button.click()
    assert texts(tab.receivables_table, 6) == ["Malicious arrears"]
    tab.receivables_table.selectRow(0)
    tab.ladder_button.click()
    steps = FollowUp.select().where(FollowUp.deal == owed).order_by(FollowUp.due_date)
    today = datetime.date.today()
    assert [s.due_date for s in steps] == [today + datetime.timedelta(days=3 * n)
                                           for n in range(4)]
