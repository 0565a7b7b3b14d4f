"""Lapsed customers, the loss rate and the 80/20 view, each on a few hand-built
deals whose right answer is counted out in the test."""

import datetime

import pytest

from prospect_desk import rule_settings
from prospect_desk.cards import CardData, create_card, delete_cards
from prospect_desk.enums import Channel, LapseReason, WinBackApproach
from prospect_desk.models import Card, Circle, Deal, FollowUp
from prospect_desk.reports import (
    lapsed_customers,
    loss_rates,
    pareto_customers,
    pareto_groups,
    schedule_win_back,
    set_lapse_months,
    set_lapse_reason,
    top_count,
    top_customer_ids,
)

D = datetime.date
AS_OF = D(2025, 6, 15)


@pytest.fixture(autouse=True)
def _db(database):
    yield


def card(name, last_contact=None, **values) -> int:
    card_id = create_card(CardData(name=name, **values))
    if last_contact:
        Card.update(last_contact=last_contact).where(Card.id == card_id).execute()
    return card_id


def deal(card_id, date, amount, outcome="won"):
    return Deal.insert(card=card_id, date=date, amount_cents=amount, outcome=outcome,
                       created_at=datetime.datetime(2020, 1, 1)).execute()


def test_a_customer_is_lapsed_only_when_the_last_purchase_is_older_than_twelve_months():
    on_edge = card("On the edge")
    deal(on_edge, D(2024, 6, 15), 100)  # exactly 12 months: not yet lapsed
    day_older = card("A day older")
    deal(day_older, D(2024, 6, 14), 100)
    recent = card("Recent")
    deal(recent, D(2020, 1, 1), 100)
    deal(recent, D(2025, 1, 1), 100)
    assert [c.name for c in lapsed_customers(AS_OF)] == ["A day older"]


def test_a_customer_whose_only_deal_was_lost_is_not_lapsed():
    deal(card("Never bought"), D(2020, 1, 1), 5000, outcome="lost")
    assert lapsed_customers(AS_OF) == []


def test_a_card_threshold_overrides_the_setting_and_the_setting_applies_to_the_rest():
    seasonal = card("Seasonal")
    deal(seasonal, D(2023, 9, 1), 100)  # 21 months ago
    set_lapse_months(seasonal, 24)
    plain = card("Plain")
    deal(plain, D(2025, 1, 1), 100)  # 5 months ago
    assert lapsed_customers(AS_OF) == []
    rule_settings.set("lapse_months", 3)
    assert [c.name for c in lapsed_customers(AS_OF)] == ["Plain"]


def test_lapsed_customers_come_by_total_then_number_of_purchases_then_recency():
    big = card("Big", address="1 Main St")
    deal(big, D(2020, 3, 1), 900)
    twice = card("Twice", phone="123")
    deal(twice, D(2019, 1, 1), 250)
    deal(twice, D(2021, 1, 1), 250)
    once_recent = card("Once recent")
    deal(once_recent, D(2023, 1, 1), 500)
    once_old = card("Once old")
    deal(once_old, D(2022, 1, 1), 500)
    rows = lapsed_customers(AS_OF)
    assert [r.name for r in rows] == ["Big", "Twice", "Once recent", "Once old"]
    twice_row = rows[1]
    assert (twice_row.purchases, twice_row.total_cents, twice_row.last_purchase) == (
        2, 500, D(2021, 1, 1))
    # 2019-01-01 to 2025-06-15: 6 years and 165 days = 2357 days / 365.25 = 6.45
    assert twice_row.years_as_customer == 6.5
    assert [r.channel for r in rows] == [Channel.VISIT, Channel.PHONE, Channel.LETTER,
                                         Channel.LETTER]


def test_the_lapse_reason_gives_the_approach_and_one_call_schedules_it():
    wang = card("Wang", mobile="138")
    deal(wang, D(2022, 1, 1), 100)
    set_lapse_reason(wang, LapseReason.BAD_EXPERIENCE)
    row = lapsed_customers(AS_OF)[0]
    assert (row.reason, row.approach, row.channel) == (
        LapseReason.BAD_EXPERIENCE, WinBackApproach.APOLOGY_AND_REPAIR, Channel.PHONE)
    follow_up = FollowUp.get_by_id(schedule_win_back(wang, D(2025, 6, 20)))
    assert (follow_up.kind, follow_up.rule, follow_up.due_date) == (
        "win_back", "win_back", D(2025, 6, 20))
    assert '"approach": "apology_and_repair"' in follow_up.rule_params


def test_deleted_cards_are_left_out_of_the_reports():
    gone = card("Gone")
    deal(gone, D(2020, 1, 1), 100)
    delete_cards([gone])
    assert lapsed_customers(AS_OF) == []
    assert pareto_customers(D(2019, 1, 1), AS_OF).rows == []


def test_the_loss_rate_counts_customers_from_before_the_year_who_bought_nothing_in_it():
    # Before 2024: A, B, C, D bought. In 2024: A and C bought again, E bought first.
    a, b, c, d, e = (card(n) for n in "ABCDE")
    for who in (a, b, c, d):
        deal(who, D(2023, 5, 1), 100)
    deal(a, D(2024, 2, 1), 100)
    deal(c, D(2024, 11, 30), 100)
    deal(e, D(2024, 3, 1), 100)
    deal(b, D(2024, 1, 1), 100, outcome="lost")
    rates = {r.period: r for r in loss_rates(D(2025, 1, 1), years=2)}
    assert set(rates) == {"2023", "2024"}
    assert (rates["2023"].customers, rates["2023"].lost) == (0, 0)
    year = rates["2024"]
    assert (year.customers, year.lost, year.rate) == (4, 2, 0.5)
    # 4 × (0.5 + 0.10) = 2.4, rounded up: 3
    assert year.new_needed_to_grow_10_percent == 3


def test_the_loss_rate_by_quarter_counts_only_whole_quarters_to_date():
    a, b = card("A"), card("B")
    deal(a, D(2024, 12, 1), 100)
    deal(b, D(2024, 12, 2), 100)
    deal(a, D(2025, 2, 10), 100)
    deal(b, D(2025, 4, 1), 100)
    rates = loss_rates(D(2025, 6, 29), years=0, quarterly=True)
    # 2025-Q2 ends on June 30, after the as-of date: left out.
    assert [(r.period, r.customers, r.lost) for r in rates] == [("2025-Q1", 2, 1)]


def test_pareto_ranks_by_revenue_breaking_ties_by_deals_then_name():
    names = {}
    for name, amounts in [("Zhao", [600]), ("Qian", [300, 300]), ("Sun", [300]),
                          ("Li", [300]), ("Zhou", [100]), ("Wu", [0])]:
        names[name] = card(name)
        for amount in amounts:
            deal(names[name], D(2025, 3, 1), amount)
    deal(names["Zhou"], D(2023, 1, 1), 10_000)  # before the period
    deal(names["Sun"], D(2025, 3, 1), 10_000, outcome="lost")
    result = pareto_customers(D(2025, 1, 1), D(2025, 3, 31))
    assert [r.name for r in result.rows] == ["Qian", "Zhao", "Li", "Sun", "Zhou"]
    assert result.total_cents == 1900  # Wu's 0 and Sun's lost deal bring nothing
    # 5 customers: the top 20% is 1 customer, Qian, with 600 of 1900.
    assert (result.top_count, result.top_share) == (1, 600 / 1900)
    assert [r.cumulative_share for r in result.rows] == [600 / 1900, 1200 / 1900,
                                                         1500 / 1900, 1800 / 1900, 1.0]
    assert [r.top for r in result.rows] == [True, False, False, False, False]


def test_top_customers_without_a_recent_contact_are_flagged():
    fresh = card("Fresh", last_contact=D(2025, 3, 1))
    stale = card("Stale", last_contact=D(2025, 1, 30))
    never = card("Never")
    small = [card(f"Small {i}") for i in range(7)]
    deal(fresh, D(2025, 2, 1), 1000)
    deal(stale, D(2025, 2, 1), 900)
    deal(never, D(2025, 2, 1), 800)
    for who in small:
        deal(who, D(2025, 2, 1), 10)
    # 10 customers: top 2. As of March 31, 60 days back is January 30 (kept).
    result = pareto_customers(D(2025, 1, 1), D(2025, 3, 31), no_contact_days=60)
    assert [(r.name, r.top, r.needs_contact) for r in result.rows[:3]] == [
        ("Fresh", True, False), ("Stale", True, False), ("Never", False, False)]
    result = pareto_customers(D(2025, 1, 1), D(2025, 3, 31), no_contact_days=59)
    assert result.rows[1].needs_contact


def test_top_count_is_a_fifth_rounded_up():
    assert [top_count(n) for n in (0, 1, 5, 6, 10, 11)] == [0, 1, 1, 2, 2, 3]


def test_pareto_by_circle_and_by_referrer_sums_the_groups():
    work = Circle.create(name="Work", position=0).id
    referrer = card("Referrer")
    a = card("A", circle_id=work, referrer_id=referrer)
    b = card("B", circle_id=work)
    c = card("C")
    deal(a, D(2025, 2, 1), 500)
    deal(b, D(2025, 2, 1), 200)
    deal(c, D(2025, 2, 1), 300)
    by_circle = pareto_groups("circle", D(2025, 1, 1), D(2025, 12, 31))
    assert [(r.key, r.revenue_cents) for r in by_circle.rows] == [(work, 700), (None, 300)]
    assert by_circle.top_share == 0.7
    by_referrer = pareto_groups("referrer", D(2025, 1, 1), D(2025, 12, 31))
    assert [(r.name, r.revenue_cents) for r in by_referrer.rows] == [("", 500), ("Referrer",
                                                                               500)]
    assert Card.get_by_id(a).referrer_id == referrer


def test_the_top_customers_are_the_top_fifth_of_the_last_twelve_months():
    ids = {name: card(name) for name in ["A", "B", "C", "D", "E", "F"]}
    for name, amount in [("A", 100), ("B", 500), ("C", 300), ("D", 200), ("E", 50)]:
        deal(ids[name], D(2025, 1, 1), amount)
    deal(ids["F"], D(2024, 6, 14), 10_000)  # a day before the twelve months
    deal(ids["A"], D(2024, 6, 15), 1_000)   # the first day of them
    # Five customers in the period: the top fifth is one, A with 1,100.
    assert top_customer_ids(AS_OF) == {ids["A"]}
    deal(ids["E"], D(2025, 6, 1), 2_000)
    assert top_customer_ids(AS_OF) == {ids["E"]}


def test_a_card_threshold_has_its_own_edge_beside_cards_on_the_setting():
    # Six months before June 15 is December 15: that day is the edge, a day older lapses.
    on_edge, day_older = card("Own edge"), card("Own, a day older")
    deal(on_edge, D(2024, 12, 15), 100)
    deal(day_older, D(2024, 12, 14), 100)
    set_lapse_months(on_edge, 6)
    set_lapse_months(day_older, 6)
    # The same day older on the setting (12 months) is not lapsed; a year and a day is.
    deal(card("Setting, recent"), D(2024, 12, 14), 100)
    deal(card("Setting, a year and a day"), D(2024, 6, 14), 100)
    rows = lapsed_customers(AS_OF)
    assert [(c.name, c.lapse_months) for c in rows] == [
        ("Own, a day older", 6), ("Setting, a year and a day", 12)]


def test_deals_after_the_as_of_day_do_not_count_for_the_lapse():
    back = card("Came back later")
    deal(back, D(2023, 3, 1), 100)
    deal(back, D(2023, 5, 1), 200)
    deal(back, D(2025, 1, 1), 700)  # after the as-of day below
    [row] = lapsed_customers(D(2024, 12, 31))
    assert (row.first_purchase, row.last_purchase, row.purchases, row.total_cents) == (
        D(2023, 3, 1), D(2023, 5, 1), 2, 300)
    assert lapsed_customers(AS_OF) == []


def test_the_loss_rate_by_quarter_counts_each_customer_once_a_quarter():
    # 2024-Q4: A and B bought (A twice). 2025-Q1: A twice, C for the first time,
    # B nothing, D lost a deal only. 2025-Q2: nobody. Gone bought but is deleted.
    a, b, c, d, gone = (card(n) for n in ("A", "B", "C", "D", "Gone"))
    deal(a, D(2024, 10, 1), 100)
    deal(a, D(2024, 12, 31), 100)
    deal(b, D(2024, 11, 15), 100)
    deal(a, D(2025, 1, 1), 100)
    deal(a, D(2025, 3, 31), 100)
    deal(c, D(2025, 2, 1), 100)
    deal(d, D(2025, 2, 1), 100, outcome="lost")
    deal(gone, D(2024, 10, 1), 100)
    deal(gone, D(2025, 1, 2), 100)
    delete_cards([gone])
    rates = loss_rates(D(2025, 6, 30), years=1, quarterly=True)
    assert [(r.period, r.customers, r.lost) for r in rates] == [
        ("2024-Q1", 0, 0), ("2024-Q2", 0, 0), ("2024-Q3", 0, 0), ("2024-Q4", 0, 0),
        ("2025-Q1", 2, 1),   # A and B were customers; B bought nothing
        ("2025-Q2", 3, 3),   # A, B and C were customers; none bought
    ]
    [year] = loss_rates(D(2025, 1, 1), years=1)
    assert (year.period, year.customers, year.lost) == ("2024", 0, 0)


def test_the_loss_rate_walks_the_deals_once_without_a_lookup_per_customer():
    from prospect_desk.models import db
    from prospect_desk.reports import _QUARTER_KEY, LOSS_SQL

    sql = LOSS_SQL.format(first_key=_QUARTER_KEY.format(col="f.first"),
                          deal_key=_QUARTER_KEY.format(col="d.date"))
    plan = [row[-1] for row in db.execute_sql(
        "EXPLAIN QUERY PLAN " + sql, {"start": "2020-01-01", "end": "2025-01-01"}).fetchall()]
    assert not any("card_id=?" in step for step in plan), plan
