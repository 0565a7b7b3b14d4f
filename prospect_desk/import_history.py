"""The import history: every import of cards is a batch that can be undone.

An import calls `start_batch` inside its transaction, writes its cards with
the batch's id in the card's `import_batch_id` column, calls `record_update`
for each existing card it changes (its values before and after), and ends
with `finish_batch`. Nothing here costs anything per added card.

`undo_batch` takes a whole import back in one transaction: the cards it added
go to the trash (nothing is destroyed: they can be restored from the trash
until it is emptied), and the cards it updated get their earlier values back
unless they were changed after the import: those are left as they are and
listed, so the user can look at them. The open revisits the import put on
cards it updated are taken away, and the circles it made that no live card
uses any more.
"""

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from prospect_desk import bulk_indexes, trash
from prospect_desk.cards import CARD_FIELDS, CardData, derived_columns
from prospect_desk.models import Card, Circle, ImportBatch, ImportBatchUpdate, _now, db

_DATE_FIELDS = frozenset({"first_contact", "transaction_date", "birthday"})


class BatchKind(StrEnum):
    CARDS = "cards"
    SALES = "sales"
    """A sales history: `added` counts the deals, `updated` the cards made
    customers, `skipped` the unmatched rows left out."""


class BatchState(StrEnum):
    DONE = "done"
    UNDONE = "undone"


class UndoProblem(StrEnum):
    NOT_FOUND = "not_found"
    ALREADY_UNDONE = "already_undone"


class UndoError(Exception):
    def __init__(self, batch_id: int, problem: UndoProblem):
        super().__init__(f"{problem}: import {batch_id}")
        self.batch_id = batch_id
        self.problem = problem


@dataclass(frozen=True)
class BatchInfo:
    id: int
    kind: BatchKind
    file_name: str
    sheet: str
    created_at: datetime.datetime
    added: int
    updated: int
    skipped: int
    rejected: int
    undone_at: datetime.datetime | None
    resolved: int = 0
    """Sales imports: unmatched rows imported on a card the user picked or made."""
    cards_created: int = 0
    """Sales imports: cards made for unmatched rows."""

    @property
    def state(self) -> BatchState:
        return BatchState.UNDONE if self.undone_at is not None else BatchState.DONE

    @property
    def can_undo(self) -> bool:
        return self.undone_at is None and (self.added or self.updated) > 0


@dataclass
class UndoResult:
    batch_id: int
    trashed: int = 0
    """Added cards moved to the trash."""
    trashed_changed_since: int = 0
    """Of those, how many had been changed after the import (they are in the trash too)."""
    restored: int = 0
    """Updated cards given back their values from before the import."""
    kept: list[tuple[int, str]] = field(default_factory=list)
    """Updated cards changed after the import, left as they are: (id, name)."""
    follow_ups_removed: int = 0
    """Open revisits the import put on cards it updated, taken away. (Those on
    the cards it added stay with them in the trash.)"""
    circles_removed: list[str] = field(default_factory=list)
    """Names of the circles the import made that no live card uses any more,
    taken away."""
    kind: BatchKind = BatchKind.CARDS
    deals_removed: int = 0
    """Sales imports: deals taken away (with the payments the import wrote)."""
    payments_removed: int = 0
    deals_kept: list[tuple[int, str]] = field(default_factory=list)
    """Sales imports: deals paid on, followed up or filled in after the import,
    left as they are: (deal id, card name)."""
    cards_kept: list[tuple[int, str]] = field(default_factory=list)
    """Sales imports: cards the import made that something else now refers to
    (another deal, a follow-up, a note, a referred card), left as they are."""


# Recording -----------------------------------------------------------------------

def start_batch(kind: BatchKind, file_name: str, sheet: str,
                created_at: datetime.datetime | None = None) -> int:
    """A new batch, counts zero; call inside the import's transaction."""
    return ImportBatch.insert(kind=kind.value, file_name=file_name, sheet=sheet,
                              created_at=created_at or _now(), added=0, updated=0, skipped=0,
                              rejected=0).execute()


def finish_batch(batch_id: int, added: int, updated: int, skipped: int, rejected: int,
                 resolved: int = 0, cards_created: int = 0) -> None:
    ImportBatch.update(added=added, updated=updated, skipped=skipped, rejected=rejected,
                       resolved=resolved, cards_created=cards_created).where(
        ImportBatch.id == batch_id).execute()


def card_values_json(data: CardData) -> str:
    """A card's editable values as JSON (dates as ISO text)."""
    return json.dumps(data.__dict__, ensure_ascii=False, default=datetime.date.isoformat)


def _card_from_json(text: str) -> CardData:
    values = json.loads(text)
    known = {}
    for name in CARD_FIELDS:
        if name not in values:
            continue
        value = values[name]
        if name in _DATE_FIELDS and value:
            value = datetime.date.fromisoformat(value)
        known[name] = value
    return CardData(**known)


def record_update(batch_id: int, card_id: int, before: CardData, after: CardData) -> None:
    """Remember an existing card's values before and after an import changed it."""
    record_updates(batch_id, [(card_id, before, after)])


def record_updates(batch_id: int, changes: list[tuple[int, CardData, CardData]]) -> None:
    """record_update for many cards at once: (card id, before, after) each."""
    db.cursor().executemany(_RECORD_SQL, [
        (batch_id, card_id, card_values_json(before), card_values_json(after))
        for card_id, before, after in changes])


_RECORD_SQL = ('INSERT INTO "import_batch_update" ("batch_id", "card_id", "before", "after") '
               'VALUES (?, ?, ?, ?)')
"""Written as SQL: an import may update 100,000 cards, and peewee builds the
text of an INSERT anew each time."""


# Reading -------------------------------------------------------------------------

def _info(batch: ImportBatch) -> BatchInfo:
    return BatchInfo(id=batch.id, kind=BatchKind(batch.kind), file_name=batch.file_name,
                     sheet=batch.sheet, created_at=batch.created_at, added=batch.added,
                     updated=batch.updated, skipped=batch.skipped, rejected=batch.rejected,
                     undone_at=batch.undone_at, resolved=batch.resolved,
                     cards_created=batch.cards_created)


def list_batches() -> list[BatchInfo]:
    """Every import, newest first."""
    query = ImportBatch.select().order_by(ImportBatch.created_at.desc(), ImportBatch.id.desc())
    return [_info(batch) for batch in query]


def get_batch(batch_id: int) -> BatchInfo:
    batch = ImportBatch.get_or_none(ImportBatch.id == batch_id)
    if batch is None:
        raise UndoError(batch_id, UndoProblem.NOT_FOUND)
    return _info(batch)


# Undoing -------------------------------------------------------------------------

class UndoCancelled(Exception):
    """The user cancelled; nothing was changed."""


def undo_batch(batch_id: int, progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> UndoResult:
    """Take the import `batch_id` back, all in one transaction (see the module
    text). Raises UndoError when there is no such import or it was undone.
    `progress(done, total)` is called every few thousand cards and
    `cancelled()` checked as often: when it returns True, UndoCancelled is
    raised and the card file is as it was."""

    def step(done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise UndoCancelled
        if progress is not None:
            progress(done, total)

    with db.atomic():
        batch = ImportBatch.get_or_none(ImportBatch.id == batch_id)
        if batch is None:
            raise UndoError(batch_id, UndoProblem.NOT_FOUND)
        if batch.undone_at is not None:
            raise UndoError(batch_id, UndoProblem.ALREADY_UNDONE)
        now = _now()
        if batch.kind == BatchKind.SALES.value:
            result = _undo_sales(batch, now, step)
            ImportBatch.update(undone_at=now).where(ImportBatch.id == batch_id).execute()
            return result
        result = UndoResult(batch_id)
        live_added = (Card.import_batch == batch_id) & Card.deleted_at.is_null()
        result.trashed_changed_since = (Card.select()
                                        .where(live_added & (Card.updated_at > batch.created_at))
                                        .count())
        added = [row[0] for row in Card.select(Card.id).where(live_added).tuples()]
        updates = list(ImportBatchUpdate.select(ImportBatchUpdate.card, ImportBatchUpdate.before,
                                                ImportBatchUpdate.after)
                       .where(ImportBatchUpdate.batch == batch_id)
                       .order_by(ImportBatchUpdate.id).tuples())
        total = len(added) + len(updates)
        step(0, total)
        # Many cards leaving the live-card indexes: cheaper to build them again.
        # Decided here for the move and the restore together; the move itself
        # is the trash's, its progress counted into this job's.
        bulk = trash.worth_dropping_card_indexes(total)
        with bulk_indexes.indexes_dropped("card", drop=bulk):
            result.trashed = trash.move_to_trash(
                added, lambda done, _n: step(done, total), now=now, rebuild_indexes=False)
            _restore_updated_cards(updates, str(now), result,
                                   lambda done: step(len(added) + done, total))
        _remove_what_else_it_made(batch_id, result)
        step(total, total)
        ImportBatch.update(undone_at=now).where(ImportBatch.id == batch_id).execute()
    return result


_REMOVE_FOLLOW_UPS_SQL = """DELETE FROM "follow_up"
    WHERE "import_batch_id" = ? AND "status" = 'open' AND "card_id" NOT IN (
        SELECT "id" FROM "card" WHERE "import_batch_id" = ?)"""
_UNUSED_CIRCLES_SQL = """SELECT "id", "name" FROM "circle" AS c
    WHERE "import_batch_id" = ? AND NOT EXISTS (
        SELECT 1 FROM "card" WHERE "circle_id" = c."id" AND "deleted_at" IS NULL)
    AND NOT EXISTS (
        SELECT 1 FROM "campaign" WHERE json_extract("target", '$.circle_id') = c."id")
    ORDER BY "id"
"""


def _remove_what_else_it_made(batch_id: int, result: UndoResult) -> None:
    """Take away the open revisits the import put on the cards it updated (one
    done since is a record of a contact and stays), and the circles it made
    that no live card uses now and no campaign targets (trashed cards in one
    lose the link)."""
    cursor = db.cursor()
    cursor.execute(_REMOVE_FOLLOW_UPS_SQL, (batch_id, batch_id))
    result.follow_ups_removed = cursor.rowcount
    if Circle.select().where(Circle.import_batch == batch_id).exists():
        # Finding the unused circles, and deleting them, looks up each one's
        # cards in the circle index (a big import or undo may have left it
        # for later): without it, the whole card table once a circle.
        bulk_indexes.build_foreign_key_indexes("card")
    unused = cursor.execute(_UNUSED_CIRCLES_SQL, (batch_id,)).fetchall()
    if unused:
        ids = [circle_id for circle_id, _ in unused]
        Card.update(circle=None).where(Card.circle.in_(ids)).execute()
        Circle.delete().where(Circle.id.in_(ids)).execute()
        result.circles_removed = [name for _, name in unused]


CARD_COLUMNS = [getattr(Card, name[:-3] if name.endswith("_id") else name)
                for name in CARD_FIELDS]
"""A card's editable values, in CardData's order."""
_CARD_COLUMNS = CARD_COLUMNS
_RESTORE_SQL = 'UPDATE "card" SET {}, "sort_name" = ?, "search_text" = ?, "updated_at" = ? ' \
    'WHERE "id" = ?'.format(", ".join(f'"{name}" = ?' for name in CARD_FIELDS))
CHUNK = 500


def _restore_updated_cards(updates: list[tuple[int, str, str]], now: str, result: UndoResult,
                           step: Callable[[int], None]) -> None:
    """Give each card the import updated its values from before, unless its
    values now differ from what the import wrote. One prepared UPDATE per
    chunk: peewee would build the SQL text anew for every card."""
    circles = {row[0] for row in Circle.select(Circle.id).tuples()}
    for start in range(0, len(updates), CHUNK):
        lines = []
        chunk = updates[start:start + CHUNK]
        current = {row[0]: row for row in Card.select(Card.id, *_CARD_COLUMNS)
                   .where(Card.id.in_([card_id for card_id, _, _ in chunk])).tuples()}
        before_chunk = []
        for card_id, before_json, after_json in chunk:
            row = current.get(card_id)
            if row is None:
                continue
            now_data = CardData(*row[1:])
            if now_data != _card_from_json(after_json):
                result.kept.append((card_id, now_data.name))
                continue
            before_chunk.append((card_id, _card_from_json(before_json)))
        referrers = {r for _, data in before_chunk if (r := data.referrer_id) is not None}
        if referrers:
            referrers = {row[0] for row in Card.select(Card.id)
                         .where(Card.id.in_(list(referrers))).tuples()}
        for card_id, before in before_chunk:
            if before.circle_id not in circles:
                before.circle_id = None  # deleted for good since
            if before.referrer_id not in referrers:
                before.referrer_id = None
            keys = derived_columns(before)
            values = [value.isoformat() if isinstance(value, datetime.date) else value
                      for value in before.__dict__.values()]  # in field order
            lines.append([*values, keys["sort_name"], keys["search_text"], now, card_id])
        db.cursor().executemany(_RESTORE_SQL, lines)
        result.restored += len(lines)
        step(start + len(chunk))


# Undoing a sales import ------------------------------------------------------------

_DEALS_WORKED_ON_SQL = """SELECT d."id", c."name" FROM "deal" AS d
    JOIN "card" AS c ON c."id" = d."card_id"
    WHERE d."import_batch_id" = ? AND (
        d."delivery_date" IS NOT NULL OR d."notes" != '' OR d."lost_reason" IS NOT NULL
        OR d."self_review" != '' OR d."install_test" OR d."training"
        OR d."amount_due_cents" IS NOT NULL OR d."arrears_kind" IS NOT NULL
        OR d."arrears_reason" != '' OR d."repayment_plan" != '' OR d."plan_sealed"
        OR EXISTS (SELECT 1 FROM "payment" AS p WHERE p."deal_id" = d."id"
                   AND p."import_batch_id" IS NOT d."import_batch_id")
        OR EXISTS (SELECT 1 FROM "follow_up" AS f WHERE f."deal_id" = d."id"
                   AND (f."status" != 'open'
                        OR f."import_batch_id" IS NOT d."import_batch_id")))
    ORDER BY d."id"
"""
"""Deals worked on after the import: paid on, a follow-up done or skipped or
planned since (a collection started on it, say), or a field the import leaves
empty filled in (delivery, notes, receivable,
arrears, plan, lost reason). The import's own fields have no earlier value
to compare with, so a change to those alone is not seen."""

_REFERRED_CARDS_SQL = """SELECT "id" FROM "card" AS c WHERE "id" IN ({marks}) AND (
    EXISTS (SELECT 1 FROM "deal" WHERE "card_id" = c."id")
    OR EXISTS (SELECT 1 FROM "follow_up" WHERE "card_id" = c."id")
    OR EXISTS (SELECT 1 FROM "activity" WHERE "card_id" = c."id")
    OR EXISTS (SELECT 1 FROM "card" AS r WHERE r."referrer_id" = c."id"
               AND r."deleted_at" IS NULL))"""


def _undo_sales(batch: ImportBatch, now: datetime.datetime,
                step: Callable[[int, int], None]) -> UndoResult:
    """Take a sales import back (inside undo_batch's transaction): its deals
    with their payments and open follow-ups go, except the deals worked on
    since, which stay with all they have and are listed; the cards it made
    customers get their earlier stage and transaction date back unless changed
    since or still holding a kept deal; the cards it made for unmatched rows go
    to the trash unless something else now refers to them."""
    result = UndoResult(batch.id, kind=BatchKind.SALES)
    cursor = db.cursor()
    deals = cursor.execute('SELECT "id", "card_id" FROM "deal" WHERE "import_batch_id" = ? '
                           'ORDER BY "id"', (batch.id,)).fetchall()
    result.deals_kept = [(deal_id, name) for deal_id, name in
                         cursor.execute(_DEALS_WORKED_ON_SQL, (batch.id,)).fetchall()]
    kept = {deal_id for deal_id, _ in result.deals_kept}
    kept_cards = {card_id for deal_id, card_id in deals if deal_id in kept}
    removable = [deal_id for deal_id, _ in deals if deal_id not in kept]
    updates = [row for row in ImportBatchUpdate.select(
        ImportBatchUpdate.card, ImportBatchUpdate.before, ImportBatchUpdate.after)
        .where(ImportBatchUpdate.batch == batch.id).order_by(ImportBatchUpdate.id).tuples()
        if row[0] not in kept_cards]
    created = [row for row in Card.select(Card.id, Card.name, Card.updated_at).where(
        (Card.import_batch == batch.id) & Card.deleted_at.is_null()).tuples()]
    total = len(deals) + len(updates) + len(created)
    step(0, total)
    if removable:
        # Their follow-ups are found in the deal index (a big import may have
        # left it for later): without it, every follow-up once a deal.
        bulk_indexes.build_foreign_key_indexes("follow_up")
    for start in range(0, len(removable), CHUNK):
        chunk = removable[start:start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        cursor.execute(f'DELETE FROM "payment" WHERE "deal_id" IN ({marks})', chunk)
        result.payments_removed += cursor.rowcount
        cursor.execute(f'DELETE FROM "follow_up" WHERE "deal_id" IN ({marks}) '
                       "AND \"status\" = 'open'", chunk)
        result.follow_ups_removed += cursor.rowcount
        cursor.execute(f'DELETE FROM "deal" WHERE "id" IN ({marks})', chunk)
        result.deals_removed += cursor.rowcount
        step(start + len(chunk), total)
    # Follow-ups the import put on its cards with no deal of their own.
    cursor.execute('DELETE FROM "follow_up" WHERE "import_batch_id" = ? '
                   "AND \"status\" = 'open' AND \"deal_id\" IS NULL", (batch.id,))
    result.follow_ups_removed += cursor.rowcount
    step(len(deals), total)
    _restore_updated_cards(updates, str(now), result,
                           lambda done: step(len(deals) + done, total))
    _trash_created_cards(created, batch.created_at, now, result)
    step(total, total)
    return result


def _trash_created_cards(created: list[tuple[int, str, datetime.datetime]],
                         since: datetime.datetime, now: datetime.datetime,
                         result: UndoResult) -> None:
    cursor = db.cursor()
    for start in range(0, len(created), CHUNK):
        chunk = created[start:start + CHUNK]
        ids = [card_id for card_id, _, _ in chunk]
        referred = {row[0] for row in cursor.execute(
            _REFERRED_CARDS_SQL.format(marks=", ".join("?" * len(ids))), ids).fetchall()}
        result.cards_kept += [(card_id, name) for card_id, name, _ in chunk
                              if card_id in referred]
        unreferred = [card_id for card_id in ids if card_id not in referred]
        if unreferred:
            result.trashed += trash.move_to_trash(unreferred, now=now, rebuild_indexes=False)
        result.trashed_changed_since += sum(
            1 for card_id, _, updated_at in chunk
            if card_id not in referred and updated_at is not None and updated_at > since)
