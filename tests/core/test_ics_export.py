"""The .ics export, read back with the icalendar library."""

import datetime

from icalendar import Calendar

from prospect_desk.cards import CardData, create_card
from prospect_desk.follow_up_rules import mark_declined
from prospect_desk.follow_ups import add_follow_up, complete_occurrence, skip
from prospect_desk.ics_export import export_ics

D = datetime.date


def read(path):
    cal = Calendar.from_ical(path.read_bytes())
    return cal, {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_each_follow_up_and_birthday_becomes_an_all_day_event(database, tmp_path):
    wang = create_card(CardData(name="Wang Wei", birthday=D(1980, 6, 20)))
    revisit = mark_declined(wang, "price", "wants 10% off", revisit_date=D(2025, 6, 25),
                            today=D(2025, 6, 1))
    path = tmp_path / "out" / "calendar.ics"
    path.parent.mkdir()
    assert export_ics(D(2025, 6, 1), D(2025, 6, 30), path) == 3
    cal, events = read(path)
    assert str(cal["VERSION"]) == "2.0"
    assert "Prospect Desk" in str(cal["PRODID"])
    assert set(events) == {f"birthday-gift-{wang}-2025-06-13@prospect-desk",
                           f"birthday-{wang}-2025-06-20@prospect-desk",
                           f"followup-{revisit}@prospect-desk"}
    event = events[f"followup-{revisit}@prospect-desk"]
    assert event.decoded("DTSTART") == D(2025, 6, 25)  # a date: all day
    assert event.decoded("DTEND") == D(2025, 6, 26)
    assert "Wang Wei" in str(event["SUMMARY"]) and "Revisit" in str(event["SUMMARY"])
    assert "price" in str(event["DESCRIPTION"]) and "wants 10% off" in str(event["DESCRIPTION"])
    assert all("DTSTAMP" in e for e in events.values())
    assert list(path.parent.iterdir()) == [path]  # no temp file left behind


def test_exporting_again_keeps_the_uids_so_calendars_update(database, tmp_path):
    wang = create_card(CardData(name="Wang Wei", birthday=D(1980, 6, 20)))
    manual = add_follow_up(wang, "manual", D(2025, 6, 5), "bring samples")
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    export_ics(D(2025, 6, 1), D(2025, 6, 30), first)
    # The gift is sent and the visit called off: same events, new states.
    complete_occurrence(wang, "birthday_gift", D(2025, 6, 13), "sent tea", today=D(2025, 6, 13))
    skip(manual, today=D(2025, 6, 5))
    export_ics(D(2025, 6, 1), D(2025, 6, 30), second)
    _, before = read(first)
    _, after = read(second)
    assert set(before) == set(after)
    assert str(after[f"followup-{manual}@prospect-desk"]["STATUS"]) == "CANCELLED"
    assert str(after[f"birthday-gift-{wang}-2025-06-13@prospect-desk"]["SUMMARY"]).startswith("✓")


def test_an_empty_range_gives_a_valid_empty_calendar(database, tmp_path):
    path = tmp_path / "empty.ics"
    assert export_ics(D(2025, 1, 1), D(2025, 1, 31), path) == 0
    cal, events = read(path)
    assert events == {} and str(cal["VERSION"]) == "2.0"
