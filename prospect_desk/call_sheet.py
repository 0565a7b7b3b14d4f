"""The call sheet: whom to phone on a day (or range), with what to say.

Plain data for the printer: each entry names the person, their numbers, why
(the follow-up's rule and parameters, which the UI translates), when they were
last contacted with a one-line summary of the last history entry, and which
opening line fits (`opening_lines.line_key`)."""

import datetime
from dataclasses import dataclass, field

from prospect_desk.card_query import NO_CIRCLE
from prospect_desk.follow_ups import OPEN_ONLY, AgendaItem, agenda, overdue
from prospect_desk.models import Activity, Card, db
from prospect_desk.opening_lines import line_key

SUMMARY_LENGTH = 80


@dataclass(frozen=True)
class CallSheetEntry:
    date: datetime.date
    card_id: int
    name: str
    company: str
    phone: str
    mobile: str
    kind: str
    """The follow-up kind (enums.FollowUpKind)."""
    rule: str
    params: dict = field(hash=False)
    reason: str
    """The follow-up's free text."""
    last_contact: datetime.date | None
    last_summary: str
    """The first line of the newest history entry, shortened."""
    opening_line: str
    """A key of opening_lines.OPENING_LINES."""
    follow_up_id: int | None = None


def summary_line(text: str, length: int = SUMMARY_LENGTH) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if len(first) <= length else first[:length - 1].rstrip() + "…"


def _chunks(ids: list[int], size: int = 500):
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _cards(ids: list[int]) -> dict[int, tuple]:
    cards = {}
    for chunk in _chunks(ids):
        query = (Card.select(Card.id, Card.kind, Card.name, Card.employer, Card.phone,
                             Card.mobile, Card.circle, Card.last_contact)
                 .where(Card.id.in_(chunk)).tuples())
        for card_id, kind, name, employer, phone, mobile, circle, last in query:
            company = name if kind == "company" else employer
            cards[card_id] = (company, phone, mobile, circle, last)
    return cards


def _last_entries(ids: list[int]) -> dict[int, str]:
    """The newest history entry's text of each card."""
    latest: dict[int, str] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        table = Activity._meta.table_name
        sql = (f'SELECT "card_id", "text" FROM "{table}" WHERE "card_id" IN ({marks}) '
               'ORDER BY "card_id", "date" DESC, "id" DESC')
        for card_id, text in db.execute_sql(sql, chunk):
            latest.setdefault(card_id, text)
    return latest


def call_sheet(start: datetime.date, end: datetime.date | None = None,
               circle_id: int | None = None, kind: str | None = None,
               include_overdue: bool = False) -> list[CallSheetEntry]:
    """The open follow-ups due from `start` to `end` (the one day if None), in
    agenda order, optionally only of a circle (NO_CIRCLE: cards in none) or of
    one follow-up kind; with `include_overdue`, the open ones due before `start`
    come first."""
    end = end or start
    items: list[AgendaItem] = agenda(start, end, OPEN_ONLY)
    if include_overdue:
        items = overdue(start) + items
    if kind:
        items = [item for item in items if item.kind == kind]
    ids = list(dict.fromkeys(item.card_id for item in items))
    cards = _cards(ids)
    if circle_id is not None:
        wanted = None if circle_id == NO_CIRCLE else circle_id
        items = [item for item in items
                 if item.card_id in cards and cards[item.card_id][3] == wanted]
    last = _last_entries(ids)
    entries = []
    for item in items:
        if item.card_id not in cards:
            continue
        company, phone, mobile, _circle, last_contact = cards[item.card_id]
        entries.append(CallSheetEntry(
            item.date, item.card_id, item.card_name, company if company != item.card_name else "",
            phone, mobile, item.kind, item.rule, item.params, item.reason, last_contact,
            summary_line(last.get(item.card_id, "")), line_key(item.rule, item.kind),
            item.follow_up_id))
    return entries
