"""Exporting the calendar as iCalendar (RFC 5545) for phone and desktop calendars.

One all-day VEVENT per follow-up or birthday occurrence. UIDs are stable, so a
calendar that imports the file again updates events instead of duplicating
them: a follow-up is known by its id, a birthday occurrence by card, kind and
the date it was computed for (also once it became a row).
"""

import datetime
import os
import tempfile
from pathlib import Path

from icalendar import Calendar, Event

from prospect_desk.enums import FollowUpStatus
from prospect_desk.follow_up_rules import BIRTHDAY_KINDS, KIND_LABELS
from prospect_desk.follow_ups import ALL_STATUSES, AgendaItem, agenda

PRODID = "-//Prospect Desk//Follow-up calendar//EN"
UID_DOMAIN = "prospect-desk"

_EVENT_STATUS = {
    FollowUpStatus.OPEN: "CONFIRMED",
    FollowUpStatus.DONE: "CONFIRMED",
    FollowUpStatus.SKIPPED: "CANCELLED",
}


def event_uid(item: AgendaItem) -> str:
    if item.kind in BIRTHDAY_KINDS and item.occurrence_date is not None:
        prefix = "birthday" if item.kind == "birthday" else "birthday-gift"
        return f"{prefix}-{item.card_id}-{item.occurrence_date.isoformat()}@{UID_DOMAIN}"
    return f"followup-{item.follow_up_id}@{UID_DOMAIN}"


def _summary(item: AgendaItem) -> str:
    text = f"{KIND_LABELS.get(item.kind, item.kind)}: {item.card_name}"
    return f"✓ {text}" if item.status == FollowUpStatus.DONE else text


def build_calendar(start: datetime.date, end: datetime.date,
                   stamp: datetime.datetime | None = None) -> Calendar:
    stamp = stamp or datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    for item in agenda(start, end, statuses=ALL_STATUSES):
        event = Event()
        event.add("uid", event_uid(item))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.date)
        event.add("dtend", item.date + datetime.timedelta(days=1))
        event.add("summary", _summary(item))
        description = item.describe()
        if description:
            event.add("description", description)
        event.add("status", _EVENT_STATUS[FollowUpStatus(item.status)])
        event.add("transp", "TRANSPARENT")
        event.add("categories", [item.kind])
        cal.add_component(event)
    return cal


def export_ics(start: datetime.date, end: datetime.date, path: str | os.PathLike) -> int:
    """Write the follow-ups and birthdays of [start, end] to `path` (replaced
    whole, never left half-written). Returns the number of events."""
    cal = build_calendar(start, end)
    data = cal.to_ical()
    path = Path(path)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return len(cal.walk("VEVENT"))
