"""Counts of live cards by kind, stage, credit status and circle."""

from dataclasses import dataclass

from peewee import fn

from prospect_desk.circles import CircleInfo, circles_and_unfiled
from prospect_desk.models import Card


@dataclass(frozen=True)
class CardStats:
    total: int
    trashed: int
    by_kind: dict[str, int]
    by_stage: dict[str, int]
    by_credit_status: dict[str, int]
    by_circle: list[CircleInfo]
    without_circle: int


def _count_by(column) -> dict[str, int]:
    query = (Card.select(column, fn.COUNT(Card.id))
             .where(Card.deleted_at.is_null()).group_by(column).tuples())
    return dict(query)


def card_stats() -> CardStats:
    by_circle, without_circle = circles_and_unfiled()
    return CardStats(
        total=Card.select().where(Card.deleted_at.is_null()).count(),
        trashed=Card.select().where(Card.deleted_at.is_null(False)).count(),
        by_kind=_count_by(Card.kind),
        by_stage=_count_by(Card.stage),
        by_credit_status=_count_by(Card.credit_status),
        by_circle=by_circle,
        without_circle=without_circle,
    )
