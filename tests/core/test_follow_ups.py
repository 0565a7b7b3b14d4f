"""Working the calendar: completing, skipping, moving, repeating, and the views."""

import datetime

import pytest

from prospect_desk.agenda_query import month_counts
from prospect_desk.cards import CardData, create_card, delete_cards
from prospect_desk.follow_up_rules import RuleError, mark_declined
from prospect_desk.follow_ups import (
    FollowUpNotOpenError,
    add_follow_up,
    agenda,
    complete,
    complete_occurrence,
    move,
    move_occurrence,
    next_occurrence,
    overdue,
    skip,
    skip_occurrence,
    today_view,
)
from prospect_desk.history import card_history
from prospect_desk.models import Card, FollowUp

D = datetime.date


def card(name="Wang Wei", **values) -> int:
    return create_card(CardData(name=name, **values))


def lines(items):
    return [(i.date, i.kind, i.card_name, i.status) for i in items]


# --- doing, skipping, moving -----------------------------------------------------


def test_completing_marks_done_and_logs_the_outcome_in_the_history(database):
    wang = card()
    fid = add_follow_up(wang, "manual", D(2025, 3, 3), "ask about the new office")
    assert complete(fid, "they move in May", today=D(2025, 3, 3), activity_kind="call") is None
    row = FollowUp.get_by_id(fid)
    assert (row.status, row.outcome) == ("done", "they move in May")
    assert row.done_at is not None
    [entry] = card_history(wang)
    assert (entry.kind, entry.date) == ("call", D(2025, 3, 3))
    assert "they move in May" in entry.text
    assert Card.get_by_id(wang).last_contact == D(2025, 3, 3)  # a call is a contact


def test_completing_with_a_next_date_schedules_the_next_one(database):
    wang = card()
    revisit = mark_declined(wang, "timing", "budget opens in April", today=D(2025, 1, 2))
    next_id = complete(revisit, "still waiting", today=D(2025, 4, 2), next_date=D(2025, 5, 2),
                       label="Revisit")
    follow_up = FollowUp.get_by_id(next_id)
    assert (follow_up.status, follow_up.due_date, follow_up.kind, follow_up.rule) == (
        "open", D(2025, 5, 2), "revisit", "decline_revisit")
    assert card_history(wang)[0].text == "Revisit: still waiting"


def test_a_done_follow_up_cannot_be_done_skipped_or_moved_again(database):
    fid = add_follow_up(card(), "manual", D(2025, 3, 3))
    complete(fid, "", today=D(2025, 3, 3))
    for action in (lambda: complete(fid, "", today=D(2025, 3, 3)), lambda: skip(fid),
                   lambda: move(fid, D(2025, 3, 9))):
        with pytest.raises(FollowUpNotOpenError):
            action()


def test_skipping_and_moving(database):
    wang = card()
    a = add_follow_up(wang, "manual", D(2025, 3, 3))
    b = add_follow_up(wang, "collection", D(2025, 3, 4))
    assert skip(a, today=D(2025, 3, 3)) is None
    move(b, D(2025, 3, 10))
    assert FollowUp.get_by_id(a).status == "skipped"
    assert FollowUp.get_by_id(b).due_date == D(2025, 3, 10)
    assert card_history(wang) == []  # skipping logs nothing


def test_an_unknown_kind_or_repeat_or_card_is_refused(database):
    wang = card()
    with pytest.raises(ValueError):
        add_follow_up(wang, "lunch", D(2025, 3, 3))
    with pytest.raises(ValueError):
        add_follow_up(wang, "manual", D(2025, 3, 3), repeat="daily")
    delete_cards([wang])
    with pytest.raises(RuleError):
        add_follow_up(wang, "manual", D(2025, 3, 3))


# --- repeats -----------------------------------------------------------------------


def test_a_weekly_follow_up_comes_back_a_week_later(database):
    fid = add_follow_up(card(), "manual", D(2025, 3, 3), "Monday call", repeat="weekly")
    next_id = complete(fid, "ok", today=D(2025, 3, 3))
    again = FollowUp.get_by_id(next_id)
    assert (again.due_date, again.repeat, again.reason) == (D(2025, 3, 10), "weekly",
                                                            "Monday call")


def test_a_late_weekly_follow_up_comes_back_after_today_on_its_weekday(database):
    fid = add_follow_up(card(), "manual", D(2025, 3, 3), repeat="weekly")  # a Monday
    # Done on Wednesday Mar 19: Mar 10 and 17 are past; next Monday is Mar 24.
    assert FollowUp.get_by_id(complete(fid, "", today=D(2025, 3, 19))).due_date == D(2025, 3, 24)


def test_a_monthly_follow_up_on_the_31st_keeps_to_the_month_end(database):
    fid = add_follow_up(card(), "collection", D(2025, 1, 31), repeat="monthly")
    feb = complete(fid, "", today=D(2025, 1, 31))
    assert FollowUp.get_by_id(feb).due_date == D(2025, 2, 28)
    mar = complete(feb, "", today=D(2025, 2, 28))
    assert FollowUp.get_by_id(mar).due_date == D(2025, 3, 31)


def test_a_yearly_follow_up_on_feb_29(database):
    assert next_occurrence(D(2024, 2, 29), "yearly", {"anchor_month": 2, "anchor_day": 29},
                           D(2024, 2, 29)) == D(2025, 2, 28)
    assert next_occurrence(D(2025, 2, 28), "yearly", {"anchor_month": 2, "anchor_day": 29},
                           D(2027, 6, 1)) == D(2028, 2, 29)


def test_a_skipped_repeating_follow_up_still_comes_back(database):
    fid = add_follow_up(card(), "manual", D(2025, 3, 3), repeat="weekly")
    next_id = skip(fid, today=D(2025, 3, 3))
    assert FollowUp.get_by_id(next_id).due_date == D(2025, 3, 10)


# --- birthday occurrences made into rows ----------------------------------------


def test_a_completed_birthday_no_longer_shows_as_open(database):
    wang = card(birthday=D(1980, 6, 20))
    june = (D(2025, 6, 1), D(2025, 6, 30))
    fid = complete_occurrence(wang, "birthday_gift", D(2025, 6, 13), "sent tea",
                              today=D(2025, 6, 13))
    items = agenda(*june)
    assert lines(items) == [(D(2025, 6, 13), "birthday_gift", "Wang Wei", "done"),
                            (D(2025, 6, 20), "birthday", "Wang Wei", "open")]
    assert items[0].follow_up_id == fid
    assert agenda(*june, statuses=["open"])[0].kind == "birthday"
    assert "sent tea" in card_history(wang)[0].text
    # Next year's gift is computed again.
    assert [i.date for i in agenda(D(2026, 6, 1), D(2026, 6, 30))] == [D(2026, 6, 13),
                                                                       D(2026, 6, 20)]
    with pytest.raises(FollowUpNotOpenError):
        complete_occurrence(wang, "birthday_gift", D(2025, 6, 13), today=D(2025, 6, 13))


def test_a_moved_birthday_shows_once_on_its_new_day(database):
    wang = card(birthday=D(1980, 6, 20))
    fid = move_occurrence(wang, "birthday_gift", D(2025, 6, 13), D(2025, 6, 16))
    items = agenda(D(2025, 6, 1), D(2025, 6, 30))
    assert lines(items) == [(D(2025, 6, 16), "birthday_gift", "Wang Wei", "open"),
                            (D(2025, 6, 20), "birthday", "Wang Wei", "open")]
    # The moved one is a row now, completed the ordinary way.
    complete(fid, "", today=D(2025, 6, 16))
    assert [i.status for i in agenda(D(2025, 6, 16), D(2025, 6, 16))] == ["done"]


def test_a_skipped_birthday_is_hidden_from_the_open_agenda(database):
    wang = card(birthday=D(1980, 6, 20))
    skip_occurrence(wang, "birthday", D(2025, 6, 20))
    assert [i.kind for i in agenda(D(2025, 6, 1), D(2025, 6, 30))] == ["birthday_gift"]


def test_only_a_real_occurrence_can_be_made_a_row(database):
    wang = card(birthday=D(1980, 6, 20))
    with pytest.raises(RuleError):
        complete_occurrence(wang, "birthday", D(2025, 6, 21), today=D(2025, 6, 21))


# --- views -------------------------------------------------------------------------


def test_the_agenda_merges_rows_and_birthdays_in_date_order_without_trashed_cards(database):
    wang = card("Wang", birthday=D(1980, 6, 20))
    li = card("Li")
    gone = card("Gone", birthday=D(1980, 6, 15))
    add_follow_up(li, "manual", D(2025, 6, 20), "bring samples")
    add_follow_up(gone, "manual", D(2025, 6, 18))
    delete_cards([gone])
    items = agenda(D(2025, 6, 1), D(2025, 6, 30))
    assert lines(items) == [(D(2025, 6, 13), "birthday_gift", "Wang", "open"),
                            (D(2025, 6, 20), "birthday", "Wang", "open"),
                            (D(2025, 6, 20), "manual", "Li", "open")]
    assert items[2].reason == "bring samples"
    assert items[0].follow_up_id is None and items[0].card_id == wang
    assert month_counts(2025, 6) == {D(2025, 6, 13): {"birthday_gift": 1},
                                     D(2025, 6, 20): {"birthday": 1, "manual": 1}}


def test_overdue_follow_ups_stay_until_dealt_with(database):
    wang = card()
    old = add_follow_up(wang, "manual", D(2025, 1, 5))
    add_follow_up(wang, "manual", D(2025, 3, 1))
    assert [i.follow_up_id for i in overdue(D(2025, 3, 1))] == [old]
    assert [i.follow_up_id for i in overdue(D(2025, 12, 1))][0] == old
    complete(old, "", today=D(2025, 12, 1))
    assert len(overdue(D(2025, 12, 1))) == 1


def test_the_today_view_shows_overdue_today_and_the_next_seven_days(database):
    wang = card("Wang", birthday=D(1980, 3, 15))
    add_follow_up(wang, "manual", D(2025, 3, 1), "late")
    add_follow_up(wang, "manual", D(2025, 3, 8), "today")
    add_follow_up(wang, "manual", D(2025, 3, 16), "in eight days")
    view = today_view(D(2025, 3, 8))
    assert [i.reason for i in view.overdue] == ["late"]
    # The gift for Mar 15 is due Mar 8; the birthday itself is 7 days away.
    assert [(i.kind, i.reason) for i in view.today] == [("birthday_gift", ""),
                                                        ("manual", "today")]
    assert [(i.date, i.kind) for i in view.upcoming] == [(D(2025, 3, 15), "birthday")]


def test_month_counts_add_stored_follow_ups_and_birthdays_per_day_and_kind(database):
    wang = card("Wang", birthday=D(1980, 3, 15))
    card("Li", birthday=D(1990, 3, 15))
    card("Zhao", birthday=D(1984, 4, 3))  # gift on Mar 27
    add_follow_up(wang, "manual", D(2025, 3, 15))
    done = add_follow_up(wang, "manual", D(2025, 3, 15))
    complete(done, "", today=D(2025, 3, 15))
    add_follow_up(wang, "collection", D(2025, 4, 1))
    counts = month_counts(2025, 3)
    assert counts == {
        D(2025, 3, 8): {"birthday_gift": 2},
        D(2025, 3, 15): {"birthday": 2, "manual": 1},
        D(2025, 3, 27): {"birthday_gift": 1},
    }
    assert month_counts(2025, 3, statuses=["done"]) == {D(2025, 3, 15): {"manual": 1}}


def test_month_counts_leave_out_a_completed_birthday(database):
    wang = card("Wang", birthday=D(1980, 3, 15))
    card("Li", birthday=D(1990, 3, 15))
    complete_occurrence(wang, "birthday", D(2025, 3, 15), today=D(2025, 3, 15))
    assert month_counts(2025, 3)[D(2025, 3, 15)] == {"birthday": 1}


def test_month_counts_of_february_in_a_non_leap_year_include_feb_29_birthdays(database):
    card("Li", birthday=D(1984, 2, 29))
    assert month_counts(2025, 2) == {D(2025, 2, 21): {"birthday_gift": 1},
                                     D(2025, 2, 28): {"birthday": 1}}
    assert month_counts(2024, 2) == {D(2024, 2, 22): {"birthday_gift": 1},
                                     D(2024, 2, 29): {"birthday": 1}}


# --- a card's own follow-ups and whether there is work ------------------------------


def test_a_card_lists_its_open_follow_ups_and_coming_birthdays(database):
    from prospect_desk.cards import CardData, create_card
    from prospect_desk.follow_ups import add_follow_up, card_follow_ups, has_work, skip

    today = datetime.date(2025, 3, 4)
    assert not has_work(today)
    wang = create_card(CardData(name="Wang", birthday=datetime.date(1980, 3, 20)))
    other = create_card(CardData(name="Other"))
    late = add_follow_up(wang, "manual", datetime.date(2025, 3, 1), "call back")
    gone = add_follow_up(wang, "manual", datetime.date(2025, 3, 10))
    add_follow_up(other, "manual", datetime.date(2025, 3, 5))
    skip(gone, today)
    items = card_follow_ups(wang, today)
    # gift 7 days before the birthday: 20 - 7 = 13
    assert [(i.date, i.kind, i.follow_up_id) for i in items] == [
        (datetime.date(2025, 3, 1), "manual", late),
        (datetime.date(2025, 3, 13), "birthday_gift", None),
        (datetime.date(2025, 3, 20), "birthday", None),
    ]
    assert has_work(today)


def test_birthdays_done_or_skipped_leave_no_work(database):
    from prospect_desk.cards import CardData, create_card
    from prospect_desk.follow_ups import complete_occurrence, has_work, skip_occurrence

    today = datetime.date(2025, 6, 10)
    wang = create_card(CardData(name="Wang", birthday=datetime.date(1980, 6, 14)))
    assert has_work(today)  # the gift on the 7th has passed; the birthday itself is near
    skip_occurrence(wang, "birthday", datetime.date(2025, 6, 14))
    complete_occurrence(wang, "birthday_gift", datetime.date(2025, 6, 7))
    assert not has_work(today)
    assert has_work(datetime.date(2026, 6, 10))  # next year's comes round
