"""A process killed in the middle of a large write leaves all of it or none of it."""

import os
import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from prospect_desk.cards import CardData, create_card
from prospect_desk.database import close_database, open_database

BULK = 20_000

WRITER = f"""
import sys
from prospect_desk.cards import CardData, derived_columns
from prospect_desk.database import open_database
from prospect_desk.models import Card, db

open_database(sys.argv[1])
rows = []
for i in range({BULK}):
    data = CardData(name=f"Bulk card {{i}}", phone=f"555-{{i:05}}")
    rows.append({{"kind": data.kind, "name": data.name, "phone": data.phone,
                 **derived_columns(data)}})
with db.atomic():
    print("begin", flush=True)
    for start in range(0, len(rows), 500):
        Card.insert_many(rows[start:start + 500]).execute()
print("committed", flush=True)
"""

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")


def count_and_check(path: Path) -> tuple[int, str]:
    with closing(sqlite3.connect(path)) as conn:
        count = conn.execute("SELECT count(*) FROM card").fetchone()[0]
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    return count, check


def test_a_bulk_insert_killed_at_any_point_leaves_all_or_none_of_its_cards(db_path, kill_after):
    open_database(db_path)
    for name in ("Alice", "Bob", "Chen"):
        create_card(CardData(name=name))
    close_database()

    # One kill in each half-second of the roughly two-second transaction.
    delays = [random.uniform(step * 0.5, (step + 1) * 0.5) for step in range(5)]
    for delay in delays:
        old_total, _ = count_and_check(db_path)
        committed = kill_after(WRITER, [str(db_path)], "begin", delay)
        total, check = count_and_check(db_path)
        assert check == "ok", f"killed after {delay:.2f}s"
        assert total in (old_total, old_total + BULK), f"killed after {delay:.2f}s"
        if committed:
            assert total == old_total + BULK
