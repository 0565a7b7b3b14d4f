"""Writing many cards at once without paying for every list index row by row.

The card table carries a dozen indexes for the list (sorts, search, circles,
the trash). Keeping each of them up to date while 100,000 rows go in costs
more than building them again afterwards, so a big import drops them inside
its transaction and creates them again before it commits. SQLite's DDL is
transactional: a cancel, a crash or a kill leaves the indexes exactly as they
were, together with the cards.

The definitions come from the database's own `sqlite_master`, so the indexes
that come back are, byte for byte, the ones the migrations made; nothing here
repeats them.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from prospect_desk.models import db

MIN_BULK_ROWS = 5000
"""Fewer new rows than this are cheaper to index one by one."""


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
    """Drop `table`'s indexes for the block and create them again after it.

    Must run inside a transaction (db.atomic()): if the block raises, the
    indexes are not recreated here, and the rollback brings them back."""
    if not drop:
        yield
        return
    if not db.in_transaction():
        raise RuntimeError("indexes may only be dropped inside a transaction")
    indexes = table_indexes(table)
    for name, _sql in indexes:
        db.execute_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        db.execute_sql(sql)
