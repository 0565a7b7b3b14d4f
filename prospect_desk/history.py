"""A card's history: notes and logged contacts, which keep its last-contact date."""

import datetime
from dataclasses import dataclass

from peewee import fn

from prospect_desk.enums import ActivityKind
from prospect_desk.models import Activity, Card, db

CONTACT_KINDS = [k.value for k in ActivityKind if k.is_contact]


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    kind: str
    date: datetime.date
    text: str


def add_activity(card_id: int, kind: str, date: datetime.date, text: str) -> int:
    kind = ActivityKind(kind)
    with db.atomic():
        activity_id = Activity.insert(card=card_id, kind=kind.value, date=date,
                                      text=text.strip()).execute()
        if kind.is_contact:
            _refresh_last_contact(card_id)
        return activity_id


def delete_activity(activity_id: int) -> None:
    with db.atomic():
        activity = Activity.get_by_id(activity_id)
        activity.delete_instance()
        _refresh_last_contact(activity.card_id)


def _refresh_last_contact(card_id: int) -> None:
    last = (Activity.select(fn.MAX(Activity.date))
            .where((Activity.card == card_id) & Activity.kind.in_(CONTACT_KINDS)).scalar())
    Card.update(last_contact=last).where(Card.id == card_id).execute()


def card_history(card_id: int) -> list[HistoryEntry]:
    """Newest first."""
    query = (Activity.select(Activity.id, Activity.kind, Activity.date, Activity.text)
             .where(Activity.card == card_id)
             .order_by(Activity.date.desc(), Activity.id.desc()))
    return [HistoryEntry(*row) for row in query.tuples()]
