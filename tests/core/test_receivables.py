"""Receivables: payments, over-payment, arrears, the collection ladder, the
suggested credit status and the ageing report, counted out by hand."""

import datetime

import pytest

from prospect_desk import rule_settings
from prospect_desk.cards import CardData, create_card
from prospect_desk.enums import CreditStatus
from prospect_desk.models import Deal, FollowUp
from prospect_desk.receivables import (
    CardAccount,
    ReceivableError,
    ReceivableProblem,
    ageing,
    card_account,
    classify_arrears,
    open_receivables,
    record_payment,
    record_repayment_plan,
    start_collection,
    suggested_credit_status,
)

D = datetime.date


@pytest.fixture(autouse=True)
def _db(database):
    yield


def card(name="Wang") -> int:
    return create_card(CardData(name=name))


def deal(card_id, amount, due=None, outcome="won", due_amount=None, date=D(2025, 1, 1)):
    return Deal.insert(card=card_id, date=date, amount_cents=amount, outcome=outcome,
                       due_date=due, amount_due_cents=due_amount,
                       created_at=datetime.datetime(2025, 1, 1)).execute()


def test_partial_payments_reduce_what_the_card_owes_and_what_is_overdue():
    wang = card()
    late = deal(wang, 10_000, due=D(2025, 3, 1))
    deal(wang, 5_000, due=D(2025, 5, 1), due_amount=4_000)  # 1,000 paid in cash
    record_payment(late, D(2025, 2, 1), 3_000)
    record_payment(late, D(2025, 3, 10), 2_500)
    # As of April 1: 10,000 - 5,500 overdue, plus 4,000 not yet due.
    account = card_account(wang, D(2025, 4, 1))
    assert (account.owed_cents, account.overdue_cents) == (4_500 + 4_000, 4_500)
    # As of March 5 the second payment had not come: 7,000 overdue.
    account = card_account(wang, D(2025, 3, 5))
    assert (account.owed_cents, account.overdue_cents) == (7_000 + 4_000, 7_000)
    assert [r.owed_cents for r in open_receivables(wang)] == [4_500, 4_000]


def test_an_over_payment_is_refused_saying_what_is_still_owed():
    wang = card()
    due = deal(wang, 10_000, due=D(2025, 3, 1))
    record_payment(due, D(2025, 2, 1), 9_000)
    with pytest.raises(ReceivableError) as raised:
        record_payment(due, D(2025, 2, 2), 1_001)
    assert (raised.value.problem, raised.value.detail) == (ReceivableProblem.OVERPAYMENT, 1_000)
    record_payment(due, D(2025, 2, 2), 1_000)
    assert open_receivables(wang) == []


def test_payments_on_a_lost_deal_or_of_nothing_are_refused():
    wang = card()
    lost = deal(wang, 10_000, outcome="lost")
    with pytest.raises(ReceivableError) as raised:
        record_payment(lost, D(2025, 2, 1), 100)
    assert raised.value.problem is ReceivableProblem.NOT_WON
    won = deal(wang, 10_000, due=D(2025, 3, 1))
    with pytest.raises(ReceivableError) as raised:
        record_payment(won, D(2025, 2, 1), 0)
    assert raised.value.problem is ReceivableProblem.AMOUNT_INVALID


def collection_steps(deal_id):
    return [(f.due_date, f.kind, f.rule_params) for f in FollowUp.select().where(
        (FollowUp.deal == deal_id) & (FollowUp.status == "open")).order_by(FollowUp.due_date)]


def test_the_ladder_schedules_each_step_a_week_apart_and_faster_when_malicious():
    wang = card()
    owed = deal(wang, 10_000, due=D(2025, 3, 1))
    start_collection(owed, D(2025, 4, 1))
    steps = collection_steps(owed)
    assert [s[0] for s in steps] == [D(2025, 4, 1), D(2025, 4, 8), D(2025, 4, 15),
                                     D(2025, 4, 22)]
    assert [s[1] for s in steps] == ["collection"] * 4
    assert ['"step": "letter_phone_fax"' in steps[0][2], '"step": "email"' in steps[1][2],
            '"step": "visit"' in steps[2][2], '"step": "legal_action"' in steps[3][2]] == [
        True] * 4

    cheat = deal(wang, 5_000, due=D(2025, 3, 1))
    classify_arrears(cheat, "malicious", "says the goods never came; the carrier has a receipt")
    rule_settings.set("collection_step_days_malicious", 2)
    start_collection(cheat, D(2025, 4, 1))
    assert [s[0] for s in collection_steps(cheat)] == [D(2025, 4, 1), D(2025, 4, 3),
                                                       D(2025, 4, 5), D(2025, 4, 7)]


def test_paying_off_skips_the_rest_of_the_ladder():
    wang = card()
    owed = deal(wang, 10_000, due=D(2025, 3, 1))
    start_collection(owed, D(2025, 4, 1))
    record_payment(owed, D(2025, 4, 2), 10_000)
    assert collection_steps(owed) == []


def test_goodwill_arrears_get_a_repayment_plan_instead_of_the_ladder():
    wang = card()
    owed = deal(wang, 10_000, due=D(2025, 3, 1))
    classify_arrears(owed, "goodwill", "cash short until the harvest")
    with pytest.raises(ReceivableError) as raised:
        start_collection(owed, D(2025, 4, 1))
    assert raised.value.problem is ReceivableProblem.GOODWILL_NEEDS_PLAN
    record_repayment_plan(owed, "half in May, half in June", sealed=True,
                          check_date=D(2025, 5, 31))
    stored = Deal.get_by_id(owed)
    assert (stored.repayment_plan, stored.plan_sealed) == ("half in May, half in June", True)
    assert [(s[0], '"plan_check"' in s[2]) for s in collection_steps(owed)] == [
        (D(2025, 5, 31), True)]


def test_classing_arrears_needs_a_reason():
    owed = deal(card(), 10_000, due=D(2025, 3, 1))
    with pytest.raises(ReceivableError) as raised:
        classify_arrears(owed, "goodwill", "  ")
    assert raised.value.problem is ReceivableProblem.REASON_REQUIRED


def test_the_credit_status_suggested_follows_the_payment_history():
    on_time, late, cheat, nobody = card("On time"), card("Late"), card("Cheat"), card("Nobody")
    paid = deal(on_time, 1_000, due=D(2025, 3, 1))
    record_payment(paid, D(2025, 3, 1), 1_000)
    slow = deal(late, 1_000, due=D(2025, 3, 1))
    record_payment(slow, D(2025, 3, 2), 1_000)
    classify_arrears(deal(cheat, 1_000, due=D(2025, 3, 1)), "malicious", "invented complaint")
    as_of = D(2025, 4, 1)
    assert [suggested_credit_status(c, as_of) for c in (on_time, late, cheat, nobody)] == [
        CreditStatus.GOOD, CreditStatus.WATCH, CreditStatus.BAD, CreditStatus.UNKNOWN]


def test_ageing_puts_what_is_owed_in_buckets_by_days_overdue():
    wang, li = card("Wang"), card("Li")
    as_of = D(2025, 6, 30)
    deal(wang, 100, due=D(2025, 7, 1))        # not yet due: current
    deal(wang, 200, due=D(2025, 6, 30))       # due today: current
    deal(wang, 300, due=D(2025, 5, 31))       # 30 days: 1-30
    deal(wang, 400, due=D(2025, 5, 30))       # 31 days: 31-60
    deal(wang, 500, due=D(2025, 4, 1))        # 90 days: 61-90
    old = deal(li, 5_000, due=D(2025, 3, 31))  # 91 days: over 90
    record_payment(old, D(2025, 5, 1), 1_000)
    record_payment(old, D(2025, 7, 5), 1_000)  # after the as-of date: not counted
    deal(li, 9_999)                            # no due date: not a receivable
    rows = ageing(as_of)
    assert [(r.name, r.buckets, r.total_cents) for r in rows] == [
        ("Li", (0, 0, 0, 0, 4_000), 4_000),
        ("Wang", (300, 300, 400, 500, 0), 1_500),
    ]


def test_the_card_account_adds_up_due_paid_owed_and_the_oldest_overdue_date():
    wang, li = card(), card("Li")
    first = deal(wang, 10_000, due=D(2025, 2, 1))
    deal(wang, 5_000, due=D(2025, 3, 1), due_amount=4_000)
    paid_off = deal(wang, 2_000, due=D(2025, 1, 15))
    deal(wang, 7_000, due=D(2025, 9, 1))          # not yet due
    deal(wang, 9_000, outcome="lost", due=None)    # a lost deal owes nothing
    record_payment(first, D(2025, 2, 10), 6_000)
    record_payment(paid_off, D(2025, 1, 10), 2_000)
    account = card_account(wang, D(2025, 4, 1))
    assert account.due_cents == 10_000 + 4_000 + 2_000 + 7_000
    assert account.paid_cents == 8_000
    assert account.owed_cents == 4_000 + 4_000 + 7_000
    assert account.overdue_cents == 4_000 + 4_000
    # The paid-off deal was due earlier, but nothing of it is owed.
    assert account.oldest_overdue == D(2025, 2, 1)
    # Before the payment of 10 February, that payment does not count.
    assert card_account(wang, D(2025, 2, 5)).paid_cents == 2_000
    assert card_account(li, D(2025, 4, 1)) == CardAccount(0, 0, 0, 0, None)


def test_ageing_leaves_out_what_is_paid_off_and_counts_the_amount_due_and_payments_to_date():
    wang, li, zhao, sun = card("Wang"), card("Li"), card("Zhao"), card("Sun")
    as_of = D(2025, 6, 30)
    paid_off = deal(wang, 700, due=D(2025, 1, 1))
    record_payment(paid_off, D(2025, 2, 1), 700)
    deal(li, 1_000, due=D(2025, 5, 1), due_amount=600)   # 60 days: 31-60, owes 600
    part = deal(li, 500, due=D(2025, 4, 30))              # 61 days: 61-90
    record_payment(part, D(2025, 6, 30), 200)             # paid on the as-of day: counts
    deal(zhao, 900, due=D(2025, 6, 1))                     # 29 days: 1-30
    deal(sun, 900, due=D(2025, 8, 1), date=D(2025, 7, 1))  # sold after the as-of day
    rows = ageing(as_of)
    # Li and Zhao both owe 900: the tie goes by name.
    assert [(r.name, r.buckets, r.total_cents) for r in rows] == [
        ("Li", (0, 0, 600, 300, 0), 900),
        ("Zhao", (0, 900, 0, 0, 0), 900),
    ]


def test_the_due_date_index_holds_what_ageing_reads_so_no_deal_row_is_looked_up():
    from prospect_desk.models import db
    from prospect_desk.receivables import AGEING_SQL

    params = {"as_of": "2025-06-30", "d30": "2025-05-31", "d60": "2025-05-01",
              "d90": "2025-04-01"}
    plan = [row[-1] for row in db.execute_sql("EXPLAIN QUERY PLAN " + AGEING_SQL,
                                              params).fetchall()]
    assert any("deal_won_due" in step for step in plan)
    [sql] = db.execute_sql(
        "SELECT sql FROM sqlite_master WHERE name = 'deal_won_due'").fetchone()
    for column in ("due_date", "card_id", "date", "amount_due_cents", "amount_cents"):
        assert f'"{column}"' in sql
