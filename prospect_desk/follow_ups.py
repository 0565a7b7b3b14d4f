"""Working the calendar: manual follow-ups, completing, skipping and moving them,
and the agenda, overdue, today and month views.

Birthday occurrences are computed (`follow_up_rules.birthday_occurrences`), not
stored; completing, skipping or moving one makes it a row carrying the date it
was computed for (`occurrence_date`), after which the computed one is hidden.
"""

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from prospect_desk import follow_up_rules
from prospect_desk.enums import ActivityKind, FollowUpKind, FollowUpRule, FollowUpStatus, Repeat
from prospect_desk.follow_up_rules import (
    BIRTHDAY_KINDS,
    KIND_LABELS,
    RuleError,
    RuleProblem,
    describe,
    follow_up_values,
    load_params,
)
from prospect_desk.history import add_activity
from prospect_desk.models import Card, FollowUp, _now, db

KIND_ORDER = {kind.value: i for i, kind in enumerate(FollowUpKind)}
OPEN_ONLY = (FollowUpStatus.OPEN.value,)
OPEN_AND_DONE = (FollowUpStatus.OPEN.value, FollowUpStatus.DONE.value)
ALL_STATUSES = tuple(s.value for s in FollowUpStatus)


class FollowUpNotFoundError(LookupError):
    pass


class FollowUpNotOpenError(ValueError):
    """Only an open follow-up can be completed, skipped or moved."""

    def __init__(self, follow_up_id: int, status: str):
        super().__init__(f"{follow_up_id}: {status}")
        self.follow_up_id = follow_up_id
        self.status = status


class AgendaItem(NamedTuple):
    """One line of the calendar: a stored follow-up or a computed birthday
    occurrence (follow_up_id None). `rule` and `params` say why, `reason` is the
    free text; `occurrence_date` is what a computed occurrence is known by.
    (A named tuple: the today view builds thousands, and a frozen dataclass
    costs several times more to make.)"""

    date: datetime.date
    kind: str
    card_id: int
    card_name: str
    reason: str
    follow_up_id: int | None
    status: str
    rule: str = FollowUpRule.MANUAL.value
    params: dict = {}  # shared default, never mutated: items are read-only
    repeat: str = ""
    occurrence_date: datetime.date | None = None

    @property
    def computed(self) -> bool:
        return self.follow_up_id is None

    def describe(self) -> str:
        """An English sentence for where no translation is at hand."""
        return describe(self.rule, self.params, self.reason)

    def sort_key(self) -> tuple:
        return (self.date, self.status != "open", KIND_ORDER.get(self.kind, 99),
                self.card_name.casefold(), self.card_id, self.follow_up_id or 0)


@dataclass(frozen=True)
class TodayView:
    overdue: list[AgendaItem]
    today: list[AgendaItem]
    upcoming: list[AgendaItem]


# --- manual follow-ups and repeats ---------------------------------------------


def add_follow_up(card_id: int, kind: str, due_date: datetime.date, note: str = "",
                  repeat: str = "") -> int:
    """A follow-up the user sets; a repeating one comes back each week, month or
    year when done or skipped."""
    kind = FollowUpKind(kind)
    repeat = Repeat(repeat)
    params = {}
    if repeat is Repeat.MONTHLY:
        params["anchor_day"] = due_date.day
    elif repeat is Repeat.YEARLY:
        params["anchor_month"], params["anchor_day"] = due_date.month, due_date.day
    with db.atomic():
        if not Card.select().where((Card.id == card_id) & Card.deleted_at.is_null()).exists():
            raise RuleError(RuleProblem.CARD_NOT_FOUND, card_id)
        return FollowUp.insert(**follow_up_values(
            card_id, kind, due_date, FollowUpRule.MANUAL, params, reason=note,
            repeat=repeat.value)).execute()


def _clamped(year: int, month: int, day: int) -> datetime.date:
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _step(day: datetime.date, repeat: Repeat, params: dict, n: int) -> datetime.date:
    if repeat is Repeat.WEEKLY:
        return day + datetime.timedelta(weeks=n)
    if repeat is Repeat.MONTHLY:
        months = day.year * 12 + day.month - 1 + n
        return _clamped(months // 12, months % 12 + 1, params.get("anchor_day", day.day))
    if repeat is Repeat.YEARLY:
        return _clamped(day.year + n, params.get("anchor_month", day.month),
                        params.get("anchor_day", day.day))
    raise ValueError(repeat)


def next_occurrence(due_date: datetime.date, repeat: str, params: dict,
                    today: datetime.date) -> datetime.date:
    """The first date of the series after `due_date` that is also after today."""
    repeat = Repeat(repeat)
    n = 1
    if repeat is Repeat.WEEKLY and today > due_date:
        n = (today - due_date).days // 7 + 1
    day = _step(due_date, repeat, params, n)
    while day <= today:
        n += 1
        day = _step(due_date, repeat, params, n)
    return day


def _open_follow_up(follow_up_id: int) -> FollowUp:
    follow_up = FollowUp.get_or_none(FollowUp.id == follow_up_id)
    if follow_up is None:
        raise FollowUpNotFoundError(follow_up_id)
    if follow_up.status != FollowUpStatus.OPEN:
        raise FollowUpNotOpenError(follow_up_id, follow_up.status)
    return follow_up


def _again(follow_up: FollowUp, due_date: datetime.date) -> int:
    values = follow_up_values(
        follow_up.card_id, follow_up.kind, due_date, follow_up.rule,
        load_params(follow_up.rule_params), reason=follow_up.reason, repeat=follow_up.repeat,
        deal_id=follow_up.deal_id, campaign_id=follow_up.campaign_id)
    return FollowUp.insert(**values).execute()


def _next(follow_up: FollowUp, today: datetime.date,
          next_date: datetime.date | None) -> int | None:
    if next_date is not None:
        return _again(follow_up, next_date)
    if follow_up.repeat:
        return _again(follow_up, next_occurrence(
            follow_up.due_date, follow_up.repeat, load_params(follow_up.rule_params), today))
    return None


def complete(follow_up_id: int, outcome: str = "", today: datetime.date | None = None,
             next_date: datetime.date | None = None, activity_kind: str = "note",
             label: str | None = None) -> int | None:
    """Mark the follow-up done, log it in the card's history (as a note, or as
    the contact it was: call, visit...) and schedule the next one: on
    `next_date`, else the series' next date for a repeating one. `label` is the
    UI's wording of the follow-up for the history entry. Returns the next
    follow-up's id, or None."""
    today = today or datetime.date.today()
    activity_kind = ActivityKind(activity_kind)
    with db.atomic():
        follow_up = _open_follow_up(follow_up_id)
        (FollowUp.update(status=FollowUpStatus.DONE.value, outcome=outcome.strip(),
                         done_at=_now())
         .where(FollowUp.id == follow_up_id).execute())
        add_activity(follow_up.card_id, activity_kind, today,
                     _history_text(follow_up, outcome, label))
        return _next(follow_up, today, next_date)


def _history_text(follow_up: FollowUp, outcome: str, label: str | None) -> str:
    if label is None:
        label = KIND_LABELS.get(follow_up.kind, follow_up.kind)
        said = describe(follow_up.rule, load_params(follow_up.rule_params), follow_up.reason)
        if said:
            label = f"{label} ({said})"
    return f"{label}: {outcome.strip()}" if outcome.strip() else label


def skip(follow_up_id: int, today: datetime.date | None = None) -> int | None:
    """Mark it skipped; a repeating one still comes back. Returns the next id or None."""
    today = today or datetime.date.today()
    with db.atomic():
        follow_up = _open_follow_up(follow_up_id)
        (FollowUp.update(status=FollowUpStatus.SKIPPED.value, done_at=_now())
         .where(FollowUp.id == follow_up_id).execute())
        return _next(follow_up, today, None)


def move(follow_up_id: int, new_date: datetime.date) -> None:
    with db.atomic():
        _open_follow_up(follow_up_id)
        FollowUp.update(due_date=new_date).where(FollowUp.id == follow_up_id).execute()


# --- computed (birthday) occurrences --------------------------------------------


def _materialise(card_id: int, kind: str, occurrence_date: datetime.date,
                 due_date: datetime.date) -> FollowUp:
    """The row a computed occurrence becomes (made open, or found)."""
    if kind not in BIRTHDAY_KINDS:
        raise RuleError(RuleProblem.UNKNOWN_REASON, kind)
    existing = FollowUp.get_or_none((FollowUp.card == card_id) & (FollowUp.kind == kind)
                                    & (FollowUp.occurrence_date == occurrence_date))
    if existing is not None:
        if existing.status != FollowUpStatus.OPEN:
            raise FollowUpNotOpenError(existing.id, existing.status)
        return existing
    if not follow_up_rules.is_birthday_occurrence(card_id, kind, occurrence_date):
        raise RuleError(RuleProblem.CARD_NOT_FOUND, (card_id, kind, occurrence_date))
    birthday = occurrence_date
    if kind == FollowUpKind.BIRTHDAY_GIFT:
        lead = follow_up_rules.rule_settings.get("birthday_lead_days")
        birthday = occurrence_date + datetime.timedelta(days=lead)
    follow_up_id = FollowUp.insert(**follow_up_values(
        card_id, kind, due_date, kind, {"birthday": birthday.isoformat()},
        occurrence_date=occurrence_date)).execute()
    return FollowUp.get_by_id(follow_up_id)


def complete_occurrence(card_id: int, kind: str, occurrence_date: datetime.date,
                        outcome: str = "", today: datetime.date | None = None,
                        activity_kind: str = "note", label: str | None = None) -> int:
    """Complete a computed birthday occurrence (or the row it already became):
    it is stored as done and logged like `complete`. Returns the row's id."""
    with db.atomic():
        row = _materialise(card_id, kind, occurrence_date, occurrence_date)
        complete(row.id, outcome, today, activity_kind=activity_kind, label=label)
        return row.id


def skip_occurrence(card_id: int, kind: str, occurrence_date: datetime.date) -> int:
    with db.atomic():
        row = _materialise(card_id, kind, occurrence_date, occurrence_date)
        skip(row.id)
        return row.id


def move_occurrence(card_id: int, kind: str, occurrence_date: datetime.date,
                    new_date: datetime.date) -> int:
    """Move a computed occurrence to another day: it becomes an open row."""
    with db.atomic():
        row = _materialise(card_id, kind, occurrence_date, new_date)
        move(row.id, new_date)
        return row.id


# --- views -------------------------------------------------------------------------

_ITEM_COLUMNS = (FollowUp.due_date, FollowUp.kind, FollowUp.card, Card.name, FollowUp.reason,
                 FollowUp.id, FollowUp.status, FollowUp.rule, FollowUp.rule_params,
                 FollowUp.repeat, FollowUp.occurrence_date)


def _date(value) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _stored(condition, order=(FollowUp.due_date, FollowUp.id)) -> list[AgendaItem]:
    query = (FollowUp.select(*_ITEM_COLUMNS)
             .join(Card, on=(FollowUp.card == Card.id))
             .where(condition & Card.deleted_at.is_null())
             .order_by(*order))
    # Straight from the cursor: peewee's per-field conversion costs more than
    # the query when thousands of rows come back.
    return [AgendaItem(_date(due), kind, card_id, name, reason, fid, status, rule,
                       load_params(params), repeat, _date(occurrence))
            for (due, kind, card_id, name, reason, fid, status, rule, params, repeat, occurrence)
            in db.execute_sql(*query.sql())]


_OPEN = FollowUpStatus.OPEN.value


def _computed(start: datetime.date, end: datetime.date) -> list[AgendaItem]:
    return [AgendaItem(o.date, o.kind, o.card_id, o.name, "", None, _OPEN,
                       o.kind, {"birthday": o.birthday.isoformat()}, "", o.date)
            for o in follow_up_rules.birthday_occurrences(start, end)]


def agenda(start: datetime.date, end: datetime.date,
           statuses: Iterable[str] = OPEN_AND_DONE) -> list[AgendaItem]:
    """Stored follow-ups due in [start, end] with these statuses, and the computed
    birthday occurrences (always open), ordered by date."""
    statuses = tuple(FollowUpStatus(s).value for s in statuses)
    items = _stored(FollowUp.due_date.between(start, end) & FollowUp.status.in_(statuses))
    if FollowUpStatus.OPEN.value in statuses:
        items += _computed(start, end)
    items.sort(key=AgendaItem.sort_key)
    return items


def overdue(today: datetime.date) -> list[AgendaItem]:
    """Open follow-ups due before today, oldest first; they stay until dealt with."""
    items = _stored((FollowUp.status == FollowUpStatus.OPEN.value)
                    & (FollowUp.due_date < today))
    items.sort(key=AgendaItem.sort_key)
    return items


def today_view(today: datetime.date, days: int = 7) -> TodayView:
    """What is overdue, what is due today, and what comes in the next `days` days."""
    coming = agenda(today, today + datetime.timedelta(days=days), OPEN_ONLY)
    return TodayView(overdue=overdue(today),
                     today=[item for item in coming if item.date == today],
                     upcoming=[item for item in coming if item.date > today])


def card_follow_ups(card_id: int, today: datetime.date, days: int = 366) -> list[AgendaItem]:
    """The card's open follow-ups, overdue ones included, and its birthday
    occurrences of the next `days` days, ordered by date."""
    items = _stored((FollowUp.card == card_id) & (FollowUp.status == FollowUpStatus.OPEN.value))
    end = today + datetime.timedelta(days=days)
    lead = follow_up_rules.rule_settings.get("birthday_lead_days")
    done = follow_up_rules.materialised_occurrences(today, end)
    items += [AgendaItem(o.date, o.kind, o.card_id, o.name, "", None, _OPEN,
                         o.kind, {"birthday": o.birthday.isoformat()}, "", o.date)
              for o in follow_up_rules._card_occurrences(card_id, today, end, lead)
              if (o.card_id, o.kind, o.date) not in done]
    items.sort(key=AgendaItem.sort_key)
    return items


def has_work(today: datetime.date, days: int = 7) -> bool:
    """Whether there is anything open to follow up: any open follow-up of a live
    card, or a birthday in the next `days` days."""
    stored = (FollowUp.select(FollowUp.id).join(Card, on=(FollowUp.card == Card.id))
              .where((FollowUp.status == FollowUpStatus.OPEN.value)
                     & Card.deleted_at.is_null()).exists())
    if stored:
        return True
    # Only birthdays are left to count, by their indexed GROUP BY (1 ms at 100k
    # cards; working out each occurrence took 15): the window opens on this answer.
    return bool(follow_up_rules.birthday_counts(today, today + datetime.timedelta(days=days)))
