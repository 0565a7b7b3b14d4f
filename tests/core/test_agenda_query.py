"""The calendar's lists a page at a time: the same follow-ups, in the same order,
as the whole-list functions, counted and cut to windows by SQL."""

import datetime
import random

import pytest

from prospect_desk.agenda_query import (
    SectionPages,
    day_counts,
    kind_counts,
    month_day_windows,
    overdue_section,
    query_plan,
    range_section,
    section_count,
    section_rows,
)
from prospect_desk.cards import CardData, create_card, delete_cards
from prospect_desk.follow_up_rules import set_lunar_birthday
from prospect_desk.follow_ups import (
    OPEN_AND_DONE,
    OPEN_ONLY,
    add_follow_up,
    agenda,
    complete,
    complete_occurrence,
    move_occurrence,
    overdue,
    skip_occurrence,
)

D = datetime.date
KINDS = ["manual", "revisit", "mailer", "thank_you", "birthday"]


@pytest.fixture
def filled(database):
    """Cards with birthdays around Feb 29 and the year end, lunar birthdays,
    follow-ups open, done and of deleted cards, and birthdays made rows."""
    rng = random.Random(3)
    ids = []
    birthdays = [D(1980, 2, 29), D(1981, 2, 28), D(1979, 3, 1), D(1990, 12, 31),
                 D(1985, 1, 1), D(1970, 1, 5), D(1975, 12, 27), D(1988, 3, 7)]
    for n in range(60):
        birthday = birthdays[n % len(birthdays)] if n % 3 else (
            D(1960, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 30)))
        ids.append(create_card(CardData(name=f"{rng.choice('abcWxyZ')}name {n}",
                                        birthday=birthday)))
    set_lunar_birthday(ids[1], 1, 15)
    set_lunar_birthday(ids[2], 12, 30)
    for _ in range(150):
        due = D(2024, 12, 1) + datetime.timedelta(days=rng.randrange(200))
        follow_up_id = add_follow_up(rng.choice(ids), rng.choice(KINDS), due, "x")
        if rng.random() < 0.2:
            complete(follow_up_id, "ok", D(2025, 1, 1))
    complete_occurrence(ids[10], "birthday", D(2025, 3, 1), "sang", D(2025, 3, 1))
    skip_occurrence(ids[4], "birthday", D(2025, 1, 1))
    move_occurrence(ids[8], "birthday_gift", D(2025, 2, 21), D(2025, 2, 25))
    delete_cards([ids[12], ids[15]])
    return ids


def key(item):
    return (item.date, item.kind, item.card_id, item.card_name, item.follow_up_id, item.status,
            item.rule, item.params, item.reason, item.repeat, item.occurrence_date)


RANGES = [(D(2025, 2, 20), D(2025, 3, 5)), (D(2024, 2, 20), D(2024, 3, 5)),
          (D(2024, 12, 24), D(2025, 1, 9)), (D(2025, 3, 1), D(2025, 3, 1)),
          (D(2025, 2, 28), D(2025, 2, 28)), (D(2025, 2, 22), D(2025, 2, 28)),
          (D(2025, 1, 20), D(2025, 2, 20)), (D(2025, 12, 20), D(2026, 2, 28))]


def test_a_range_lists_what_the_agenda_lists_in_its_order(filled):
    for start, end in RANGES:
        for statuses in (OPEN_ONLY, OPEN_AND_DONE):
            expected = [key(i) for i in agenda(start, end, statuses)]
            section = range_section(start, end, statuses)
            assert [key(i) for i in section_rows(section)] == expected, (start, end, statuses)
            assert section_count(section) == len(expected)
            counts = day_counts(section)
            assert sum(counts.values()) == len(expected)
            assert all(counts[i[0]] for i in expected)


def test_counts_per_kind_are_the_agendas_kinds_and_add_up_to_the_day_counts(filled):
    for start, end in RANGES:
        for statuses in (OPEN_ONLY, OPEN_AND_DONE, ("done",)):
            expected: dict = {}
            for item in agenda(start, end, statuses):
                per_kind = expected.setdefault(item.date, {})
                per_kind[item.kind] = per_kind.get(item.kind, 0) + 1
            section = range_section(start, end, statuses)
            per_kind = kind_counts(section)
            assert per_kind == expected, (start, end, statuses)
            assert day_counts(section) == {day: sum(kinds.values())
                                           for day, kinds in expected.items()}


def test_pages_put_together_are_the_whole_list(filled):
    section = range_section(D(2024, 12, 20), D(2025, 2, 10))
    whole = section_rows(section)
    assert len(whole) > 40
    pages = [item for offset in range(0, len(whole), 7) for item in
             section_rows(section, offset, 7)]
    assert pages == whole


def test_overdue_is_the_open_stored_ones_before_today(filled):
    today = D(2025, 3, 1)
    expected = [key(i) for i in overdue(today)]
    assert expected
    assert [key(i) for i in section_rows(overdue_section(today))] == expected
    assert section_count(overdue_section(today)) == len(expected)


def test_a_feb_29_birthday_falls_on_feb_28_and_its_gift_a_week_before(database):
    leap = create_card(CardData(name="Leap", birthday=D(1980, 2, 29)))
    rows = section_rows(range_section(D(2025, 2, 20), D(2025, 2, 28), OPEN_ONLY))
    assert [(i.date, i.kind, i.params) for i in rows if i.card_id == leap] == [
        (D(2025, 2, 21), "birthday_gift", {"birthday": "2025-02-28"}),
        (D(2025, 2, 28), "birthday", {"birthday": "2025-02-28"})]


def test_month_day_windows_split_at_the_year_end_and_take_feb_29_in_common_years():
    assert month_day_windows(D(2025, 12, 30), D(2026, 1, 2)) == [
        ("12-30", "12-31", 2025), ("01-01", "01-02", 2026)]
    assert month_day_windows(D(2025, 12, 30), D(2026, 2, 28)) == [
        ("12-30", "12-31", 2025), ("01-01", "02-28", 2026), ("02-29", "02-29", 2026)]
    assert month_day_windows(D(2024, 2, 1), D(2024, 2, 28)) == [("02-01", "02-28", 2024)]
    with pytest.raises(ValueError):
        month_day_windows(D(2025, 1, 1), D(2026, 1, 1))


def test_the_queries_search_indexes_rather_than_scan_tables(filled):
    for section in (range_section(D(2025, 12, 28), D(2026, 1, 4)),
                    overdue_section(D(2025, 3, 1))):
        plan = query_plan(section)
        scans = [line for line in plan if line.startswith("SCAN")
                 and ("card" in line or "follow_up" in line) and "USING" not in line]
        assert scans == [], plan


def test_section_pages_read_windows_day_by_day(filled):
    section = range_section(D(2024, 12, 20), D(2025, 2, 10))
    whole = section_rows(section)
    pages = SectionPages(section)
    assert pages.total == len(whole)
    assert sum(pages.per_day.values()) == len(whole)
    for size in (1, 5, 13, 1000):
        got = [item for offset in range(0, pages.total, size) for item in pages.rows(offset, size)]
        assert got == whole
    assert pages.rows(pages.total, 10) == []
    late = SectionPages(overdue_section(D(2025, 3, 1)))
    assert late.rows(0, 1000) == section_rows(overdue_section(D(2025, 3, 1)))
