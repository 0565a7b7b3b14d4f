"""The Reports view: win back, 80/20 and receivables, driven as a user would."""

import datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QInputDialog

from prospect_desk import rule_settings
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


@pytest.fixture
def loaded(qtbot, view):
    """Wait for the report the block asks for: it is worked out off the UI thread."""
    def wait():
        return qtbot.waitSignal(view.loaded, timeout=10000)
    return wait


def texts(table, column):
    return [table.text(row, column) for row in range(table.rowCount())]


def test_win_back_lists_lapsed_customers_and_schedules_the_chosen_approach(
        view, loaded, answer_questions):
    wang = create_card(CardData(name="Wang Wei", phone="021-5555"))
    li = create_card(CardData(name="Li Na"))
    deal(wang, D(2023, 1, 1), 90_000)
    deal(li, D(2022, 5, 1), 10_000)
    deal(li, D(2023, 2, 1), 10_000)
    asked = answer_questions()
    with loaded():
        view.reload(AS_OF)
    tab = view.win_back
    assert texts(tab.table, 0) == ["Wang Wei", "Li Na"]
    assert "need 1 new customers" not in tab.loss_label.text()
    # Before 2024 both had bought; in 2024 neither did: 2 lost, 2 + ceil(0.2) = 3 to grow.
    assert "need 3 new customers" in tab.loss_label.text()
    tab.table.selectRow(0)
    tab.reason_combo.setCurrentIndex(tab.reason_combo.findData("bad_experience"))
    with loaded():
        tab.reason_combo.activated.emit(tab.reason_combo.currentIndex())
    assert Card.get_by_id(wang).lapse_reason == "bad_experience"
    assert texts(tab.table, 6)[0] == "Apologise, ask what went wrong and make amends"
    assert texts(tab.table, 7)[0] == "Phone"
    tab.table.selectRow(0)
    tab.schedule_button.click()
    follow_up = FollowUp.get(FollowUp.card == wang)
    assert (follow_up.kind, follow_up.due_date) == ("win_back", datetime.date.today())
    assert "Wang Wei" in asked[-1]


def test_the_pareto_tab_ranks_customers_and_draws_bars_and_the_cumulative_line(view, loaded):
    for name, amount in [("A", 700), ("B", 200), ("C", 100)]:
        deal(create_card(CardData(name=name)), D(2025, 3, 1), amount * 100)
    with loaded():
        view.setCurrentWidget(view.pareto)
    with loaded():
        view.reload(AS_OF)
    tab = view.pareto
    assert texts(tab.table, 1) == ["A", "B", "C"]
    assert texts(tab.table, 4) == ["70.0%", "90.0%", "100.0%"]
    assert texts(tab.table, 5) == ["yes", "", ""]
    assert "70.0%" in tab.summary.text()
    bars, line = tab.chart.series()
    assert [bars.barSets()[0].at(i) for i in range(3)] == [700, 0, 0]
    assert [p.y() for p in line.points()] == [70, 90, 100]
    with loaded():
        tab.group_combo.setCurrentIndex(tab.group_combo.findData("circle"))
    assert texts(tab.table, 1) == ["No circle"]


def test_receivables_take_a_payment_refuse_too_much_and_start_the_ladder(
        view, loaded, monkeypatch, answer_questions):
    wang = create_card(CardData(name="Wang Wei"))
    owed = deal(wang, D(2025, 1, 1), 100_000, due=D(2025, 4, 1))
    asked = answer_questions()
    with loaded():
        view.setCurrentWidget(view.receivables)
    with loaded():
        view.reload(AS_OF)
    tab = view.receivables
    # Due April 1, 90 days before June 30: the 61-90 column.
    assert [tab.ageing_table.text(0, c) for c in (0, 4, 6)] == [
        "Wang Wei", "1,000.00", "1,000.00"]
    tab.receivables_table.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getDouble", staticmethod(lambda *a, **k: (1200.0, True)))
    tab.payment_button.click()
    assert "only 1,000.00 is still owed" in asked[-1]
    monkeypatch.setattr(QInputDialog, "getDouble", staticmethod(lambda *a, **k: (400.0, True)))
    with loaded():
        tab.payment_button.click()
    assert [p.amount_cents for p in Payment.select()] == [40_000]
    assert texts(tab.receivables_table, 5) == ["600.00"]
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: ("claims goods never came", True)))
    tab.receivables_table.selectRow(0)
    with loaded():
        tab.malicious_button.click()
    assert texts(tab.receivables_table, 6) == ["Malicious arrears"]
    tab.receivables_table.selectRow(0)
    with loaded():
        tab.ladder_button.click()
    steps = FollowUp.select().where(FollowUp.deal == owed).order_by(FollowUp.due_date)
    today = datetime.date.today()
    assert [s.due_date for s in steps] == [today + datetime.timedelta(days=3 * n)
                                           for n in range(4)]


def test_the_period_picker_changes_the_ranking_and_the_top_customer(view, loaded, qtbot):
    old, new = create_card(CardData(name="Old friend")), create_card(CardData(name="Newcomer"))
    deal(old, D(2024, 3, 1), 90_000)   # last year
    deal(new, D(2025, 2, 1), 10_000)   # this year
    with loaded():
        view.setCurrentWidget(view.pareto)
    tab = view.pareto
    with loaded():
        view.as_of_edit.setDate(QDate(2025, 6, 30))
    # The last 12 months by default: July 2024 to June 2025, only the newcomer bought.
    assert (tab.start_edit.date(), tab.end_edit.date()) == (QDate(2024, 6, 30),
                                                            QDate(2025, 6, 30))
    assert texts(tab.table, 1) == ["Newcomer"]
    with loaded():
        tab.period_combo.setCurrentIndex(tab.period_combo.findData("last_year"))
    assert (tab.start_edit.date(), tab.end_edit.date()) == (QDate(2024, 1, 1),
                                                            QDate(2024, 12, 31))
    assert texts(tab.table, 1) == ["Old friend"]
    assert "2024-01-01" in tab.summary.text() and "100.0%" in tab.summary.text()
    with loaded():
        tab.period_combo.setCurrentIndex(tab.period_combo.findData("this_year"))
    assert texts(tab.table, 1) == ["Newcomer"]
    # Typing a date makes the period the chosen dates: both years now.
    with loaded():
        tab.start_edit.setDate(QDate(2024, 1, 1))
    assert tab.period_combo.currentData() == "custom"
    assert texts(tab.table, 1) == ["Old friend", "Newcomer"]
    assert texts(tab.table, 5) == ["yes", ""]


def test_the_no_contact_days_flag_top_customers_and_are_kept_as_the_setting(view, loaded):
    wang = create_card(CardData(name="Wang Wei"))
    deal(wang, D(2025, 3, 1), 50_000)
    Card.update(last_contact=D(2025, 5, 1)).where(Card.id == wang).execute()
    with loaded():
        view.setCurrentWidget(view.pareto)
    tab = view.pareto
    with loaded():
        view.reload(AS_OF)
    assert tab.no_contact_spin.value() == 60
    assert texts(tab.table, 6) == [""]    # 60 days since May 1 not yet over
    with loaded():
        tab.no_contact_spin.setValue(30)
    assert texts(tab.table, 6) == ["yes"]
    assert rule_settings.get("top_customer_no_contact_days") == 30


def test_a_report_is_worked_out_off_the_ui_thread_as_of_the_chosen_day(view, loaded):
    wang = create_card(CardData(name="Wang Wei"))
    deal(wang, D(2024, 1, 1), 90_000)
    with loaded():
        view.reload(D(2024, 6, 30))
    assert texts(view.win_back.table, 0) == []   # bought within twelve months of that day
    with loaded():
        view.as_of_edit.setDate(QDate(2025, 6, 30))
        assert view.is_loading()                 # the call returned before the figures came
    assert texts(view.win_back.table, 0) == ["Wang Wei"]
    assert not view.is_loading() and view.status.text() == ""


def test_the_report_tables_are_sound_models_and_colour_what_is_late(view, loaded, qtmodeltester):
    wang = create_card(CardData(name="Wang Wei"))
    deal(wang, D(2025, 1, 1), 100_000, due=D(2025, 4, 1))
    deal(wang, D(2025, 6, 1), 50_000, due=D(2025, 8, 1))
    with loaded():
        view.setCurrentWidget(view.receivables)
    with loaded():
        view.reload(AS_OF)
    table = view.receivables.receivables_table
    qtmodeltester.check(table.model())
    late = [table.model().index(row, 2).data(Qt.ItemDataRole.ForegroundRole)
            for row in range(table.rowCount())]
    assert late[0].color().name() == "#c0392b" and late[1] is None
    aligned = table.model().index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole)
    assert aligned & Qt.AlignmentFlag.AlignRight
