"""An import killed while it writes (its card indexes dropped for the bulk
insert) leaves the cards and every index exactly as they were, or all of it."""

import csv
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from prospect_desk.cards import CardData, create_card
from prospect_desk.database import close_database, open_database

ROWS = 30_000

IMPORTER = """
import sys
from prospect_desk import bulk_indexes, excel_import
from prospect_desk.database import open_database

open_database(sys.argv[1])
real = bulk_indexes.indexes_dropped
def announced(*args, **kwargs):
    print("dropping", kwargs.get("drop"), flush=True)
    return real(*args, **kwargs)
excel_import.bulk_indexes.indexes_dropped = announced
excel_import.import_file(sys.argv[2])
print("committed", flush=True)
"""

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")


def state(path: Path) -> tuple[int, list, str]:
    with closing(sqlite3.connect(path)) as conn:
        count = conn.execute("SELECT count(*) FROM card").fetchone()[0]
        indexes = sorted(conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall())
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    return count, indexes, check


def test_an_import_killed_while_its_indexes_are_dropped_leaves_them_as_they_were(
        db_path, tmp_path, kill_after):
    sheet = tmp_path / "big.csv"
    with open(sheet, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Phone", "Circle"])
        for i in range(ROWS):
            writer.writerow([f"Person {i}", f"021-{50000000 + i}", "Golf"])
    open_database(db_path)
    for name in ("Alice", "Bob", "Chen"):
        create_card(CardData(name=name))
    close_database()
    before = state(db_path)
    assert before[2] == "ok"

    for delay in (0.05, 0.3, 0.8):
        committed = kill_after(IMPORTER, [str(db_path), str(sheet)], "dropping True", delay)
        after = state(db_path)
        assert after[2] == "ok", f"killed after {delay}s"
        if committed or after[0] == before[0] + ROWS:  # killed after the commit
            assert after[0] == before[0] + ROWS
            # Every index is there, or listed to be built (bulk_indexes).
            assert sorted(after[1] + pending(db_path)) == before[1]
            break
        assert after == before, f"killed after {delay}s"


def pending(path: Path) -> list:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute('SELECT "name", "sql" FROM "pending_index"').fetchall()
