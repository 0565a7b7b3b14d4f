"""The trash as pages of a list: ids in order first, rows read as they are shown.

Undoing a big import can put 100,000 cards in the trash, so the trash is read
the way the card list is: `trashed_ids` gives the ids of the cards a search
lets through, most recently deleted first (walking the index of trashed
cards), and `trashed_rows` reads the few a screen shows. Restoring and
emptying work in chunks, each whole job in one transaction, with progress and
cancel for the UI's worker.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from peewee import fn

from prospect_desk import bulk_indexes
from prospect_desk.card_query import CardFilter, _where
from prospect_desk.models import Card, ImportBatch, _now, db

CHUNK = 5000
"""Cards restored or deleted by one statement, between progress reports."""

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class TrashCancelled(Exception):
    """The user cancelled; the trash is as it was."""


@dataclass(frozen=True)
class TrashedRow:
    id: int
    name: str
    kind: str
    company: str
    deleted_at: datetime.datetime
    import_batch_id: int | None


@dataclass(frozen=True)
class TrashedImport:
    """An import with cards in the trash."""

    batch_id: int
    file_name: str
    created_at: datetime.datetime
    count: int


def trashed_ids(search: str = "", batch_id: int | None = None) -> list[int]:
    """The trashed cards the search words (as in the card list) and the import
    let through, most recently deleted first."""
    condition = _where(CardFilter(search=search, trashed=True))
    if batch_id is not None:
        condition &= Card.import_batch == batch_id
    query = (Card.select(Card.id).where(condition)
             .order_by(Card.deleted_at.desc(), Card.id.desc()))
    return [row[0] for row in db.execute(query).fetchall()]


def trashed_count() -> int:
    return Card.select().where(Card.deleted_at.is_null(False)).count()


def trashed_rows(ids: list[int]) -> dict[int, TrashedRow]:
    """The rows of those ids still in the trash (a restore may be running)."""
    query = (Card.select(Card.id, Card.name, Card.kind, Card.employer, Card.deleted_at,
                         Card.import_batch)
             .where(Card.id.in_(ids) & Card.deleted_at.is_null(False)).tuples())
    rows = {}
    for card_id, name, kind, employer, deleted_at, batch_id in query:
        company = name if kind == "company" else employer
        rows[card_id] = TrashedRow(card_id, name, kind, company, deleted_at, batch_id)
    return rows


def trashed_imports() -> list[TrashedImport]:
    """The imports whose cards are in the trash, newest first."""
    count = Card.select(Card.import_batch, fn.COUNT(Card.id)).where(
        Card.deleted_at.is_null(False) & Card.import_batch.is_null(False)
    ).group_by(Card.import_batch).tuples()
    counts = dict(count)
    if not counts:
        return []
    batches = (ImportBatch.select(ImportBatch.id, ImportBatch.file_name, ImportBatch.created_at)
               .where(ImportBatch.id.in_(list(counts)))
               .order_by(ImportBatch.created_at.desc(), ImportBatch.id.desc()).tuples())
    return [TrashedImport(batch_id, file_name, created_at, counts[batch_id])
            for batch_id, file_name, created_at in batches]


def worth_dropping_card_indexes(count: int) -> bool:
    """Whether moving `count` cards in or out of the trash (or otherwise out of
    the live cards) is cheaper with the card indexes dropped and built again
    (most are for live cards only, so each card moved is a row taken out of or
    put into a dozen of them)."""
    return bulk_indexes.worth_dropping(count, Card.select().count() - count)


def _chunked(ids: list[int], statement: Callable[[list[int]], int],
             progress: Progress | None, cancelled: Cancelled | None,
             rebuild_indexes: bool = True) -> int:
    done = 0
    drop = rebuild_indexes and worth_dropping_card_indexes(len(ids))
    with db.atomic(), bulk_indexes.indexes_dropped("card", drop=drop):
        for start in range(0, len(ids), CHUNK):
            if cancelled is not None and cancelled():
                raise TrashCancelled
            done += statement(ids[start:start + CHUNK])
            if progress is not None:
                progress(min(start + CHUNK, len(ids)), len(ids))
        if cancelled is not None and cancelled():
            raise TrashCancelled
    return done


def move_to_trash(ids: list[int], progress: Progress | None = None,
                  cancelled: Cancelled | None = None, *,
                  now: datetime.datetime | None = None, rebuild_indexes: bool = True) -> int:
    """Move these cards to the trash, all or none (one transaction, a chunk of
    ids per statement); returns how many moved. They share one deletion
    time (`now`, or the time of the call), so the trash lists them together.

    `rebuild_indexes=False` when the caller decides about the card indexes
    itself (an undone import drops them around more than this move, see
    `worth_dropping_card_indexes`); otherwise a big move drops and builds them."""
    now = now or _now()
    return _chunked(ids, lambda chunk: Card.update(deleted_at=now).where(
        Card.id.in_(chunk) & Card.deleted_at.is_null()).execute(), progress, cancelled,
        rebuild_indexes)


def restore(ids: list[int], progress: Progress | None = None,
            cancelled: Cancelled | None = None) -> int:
    """Take these cards out of the trash, all or none; returns how many came back."""
    return _chunked(ids, lambda chunk: Card.update(deleted_at=None).where(
        Card.id.in_(chunk) & Card.deleted_at.is_null(False)).execute(), progress, cancelled)


def restore_import(batch_id: int) -> int:
    """Take every trashed card the import added out of the trash (one statement)."""
    trashed = (Card.import_batch == batch_id) & Card.deleted_at.is_null(False)
    with db.atomic(), bulk_indexes.indexes_dropped(
            "card", drop=worth_dropping_card_indexes(Card.select().where(trashed).count())):
        return Card.update(deleted_at=None).where(trashed).execute()


def empty(progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
    """Delete every trashed card for good, with its history, follow-ups and
    deals; cards they referred lose only the link. All or none. The card
    indexes stay: each card deleted looks up the cards it referred in one."""
    ids = trashed_ids()
    with db.atomic():
        bulk_indexes.build_foreign_key_indexes()
        return _chunked(ids, lambda chunk: Card.delete().where(
            Card.id.in_(chunk) & Card.deleted_at.is_null(False)).execute(), progress, cancelled,
            rebuild_indexes=False)
