"""Writing many cards at once without paying for every list index row by row.

The card table carries some eighteen indexes for the list (sorts, search,
circles, birthdays, the trash), the follow-ups seven for the agenda. Keeping
each of them up to date while 100,000 rows go in costs more than building
them again afterwards, so a big write drops them inside its transaction.
SQLite's DDL is transactional: a cancel, a crash or a kill leaves the
indexes exactly as they were, together with the rows.

None of them is built again before the commit: they are recorded in
`pending_index`, in the same transaction, and `build_pending` builds them
after the commit, one short transaction each, while the window goes on
reading. Meanwhile a sort is only slower, and a query that names a missing
index in INDEXED BY runs without the hint (database.CardDatabase). What
must not wait is deleting: SQLite finds the cards and follow-ups pointing at
a deleted card, circle, deal, campaign or import in the foreign-key indexes,
or reads the whole table for every row deleted; `build_foreign_key_indexes` builds those first, in
the deleting transaction. The cards are all there and searchable from the
commit on; a kill before the pending indexes are built loses nothing, since
the next start (or the next migration, or the next big write) builds what is
still listed.

The definitions come from the database's own `sqlite_master`, so the indexes
that come back are, byte for byte, the ones the migrations made; nothing here
repeats them.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from peewee import Database

from prospect_desk.models import db

MIN_BULK_ROWS = 5000
"""Fewer new rows than this are cheaper to index one by one."""

FOREIGN_KEY_INDEXES = ("card_circle_id", "card_import_batch", "card_referrer_id",
                       "follow_up_campaign_id", "follow_up_card_id", "follow_up_deal_id",
                       "follow_up_import_batch")
"""The card and follow-up indexes SQLite looks in when a card, a circle, a
deal, a campaign or an import batch is deleted (a test holds this list to
the schema)."""

_PENDING_TABLE_EXISTS = ("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                         "AND name = 'pending_index'")


def table_indexes(table: str) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of the indexes created on `table`; the
    automatic ones (primary key, UNIQUE) cannot be dropped and are left out."""
    cursor = db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL ORDER BY name", (table,))
    return list(cursor.fetchall())


def worth_dropping(new_rows: int, existing_rows: int) -> bool:
    """Rebuilding pays when the new rows are many and at least half as many as
    the rows already there (the rebuild reads those too)."""
    return new_rows >= MIN_BULK_ROWS and 2 * new_rows >= existing_rows


@contextmanager
def indexes_dropped(table: str, drop: bool = True) -> Iterator[None]:
    """Drop `table`'s indexes for the block; after it, list them all for
    `build_pending`.

    Must run inside a transaction (db.atomic()): if the block raises, nothing
    is recorded here, and the rollback brings the indexes back."""
    if not drop:
        yield
        return
    if not db.in_transaction():
        raise RuntimeError("indexes may only be dropped inside a transaction")
    indexes = table_indexes(table)
    for name, _sql in indexes:
        db.execute_sql(f'DROP INDEX "{name}"')
    yield
    for name, sql in indexes:
        db.execute_sql('INSERT OR REPLACE INTO "pending_index" ("name", "sql") '
                       'VALUES (?, ?)', (name, sql))


def build_foreign_key_indexes(*tables: str) -> None:
    """Build, in the caller's transaction, the foreign-key indexes of `tables`
    (of both when none is named) that a bulk write left for later: call it
    before deleting what their rows point at (cards, circles, deals, campaigns)."""
    if not db.in_transaction():
        raise RuntimeError("indexes may only be built here inside a transaction")
    if not db.execute_sql(_PENDING_TABLE_EXISTS).fetchone():
        return
    wanted = [name for name in FOREIGN_KEY_INDEXES
              if not tables or any(name.startswith(f"{table}_") for table in tables)]
    listed = db.execute_sql(
        'SELECT "name", "sql" FROM "pending_index" WHERE "name" IN ({})'.format(
            ", ".join("?" * len(wanted))), wanted).fetchall()
    for name, sql in listed:
        db.execute_sql(sql.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
        db.execute_sql('DELETE FROM "pending_index" WHERE "name" = ?', (name,))


def pending(database: Database | None = None) -> list[str]:
    """The names of the indexes still to be built, in name order."""
    database = database or db
    if not database.execute_sql(_PENDING_TABLE_EXISTS).fetchone():
        return []  # a file from before migration 0011
    return [row[0] for row in database.execute_sql(
        'SELECT "name" FROM "pending_index" ORDER BY "name"').fetchall()]


def build_pending(database: Database | None = None,
                  cancelled: Callable[[], bool] | None = None) -> int:
    """Build the indexes a bulk write left for later, each in a transaction of
    its own (other connections write in between), then fold the write-ahead
    log back into the file. `cancelled()` is asked between indexes; what is
    not built stays listed. Returns how many were built."""
    database = database or db
    built = 0
    try:
        for name in pending(database):
            if cancelled is not None and cancelled():
                break
            # IMMEDIATE: the write lock first, then look again, since another
            # connection may have built it (or a new bulk write listed it) since.
            with database.atomic("IMMEDIATE"):
                row = database.execute_sql(
                    'SELECT "sql" FROM "pending_index" WHERE "name" = ?', (name,)).fetchone()
                if row is None:
                    continue
                exists = database.execute_sql(
                    "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                    (name,)).fetchone()
                if not exists:
                    database.execute_sql(row[0])
                database.execute_sql('DELETE FROM "pending_index" WHERE "name" = ?', (name,))
            built += 1
    finally:
        if built:
            checkpoint(database)
    return built


@contextmanager
def checkpoint_deferred() -> Iterator[None]:
    """No automatic checkpoint at the commit of the block's transaction, but
    the write-ahead log synced to disk at that commit.

    A big write fills the write-ahead log with every page it touched; the
    commit that follows would copy them all back into the file before
    returning (a third of a second for 100,000 cards). The commit is durable
    without that copy once the log is synced (synchronous FULL, for this
    commit only); `build_pending` (or the last connection closing) runs the
    checkpoint afterwards, off the user's wait."""
    previous = db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0]
    synchronous = db.execute_sql("PRAGMA synchronous").fetchone()[0]
    db.execute_sql("PRAGMA wal_autocheckpoint = 0")
    db.execute_sql("PRAGMA synchronous = FULL")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA synchronous = {int(synchronous)}")
        db.execute_sql(f"PRAGMA wal_autocheckpoint = {int(previous)}")


def checkpoint(database: Database | None = None) -> None:
    """Copy the write-ahead log into the file, without waiting for readers
    (PASSIVE: what a reader still needs is copied at a later checkpoint)."""
    (database or db).execute_sql("PRAGMA wal_checkpoint(PASSIVE)")
