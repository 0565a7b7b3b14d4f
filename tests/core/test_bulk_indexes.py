"""A big import drops the card indexes in its transaction and creates them again
before it commits: afterwards (or after a cancel) they are exactly as before."""

import csv

import pytest

from prospect_desk import bulk_indexes
from prospect_desk.cards import CardData, create_card
from prospect_desk.excel_import import ImportCancelled, import_file
from prospect_desk.models import Card, db


def index_sql():
    return sorted(db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'card'"
    ).fetchall())


def write_csv(path, count):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Phone", "Circle"])
        for i in range(count):
            writer.writerow([f"Person {i}", f"021-{50000000 + i}", "Golf"])
    return path


@pytest.fixture
def small_bulk(monkeypatch):
    monkeypatch.setattr(bulk_indexes, "MIN_BULK_ROWS", 10)


def test_a_big_import_leaves_the_same_indexes_and_they_are_used(database, tmp_path,
                                                               small_bulk):
    create_card(CardData(name="Already here"))
    before = index_sql()
    assert len(before) > 5
    result = import_file(write_csv(tmp_path / "in.csv", 1200))
    assert result.imported == 1200
    assert index_sql() == before
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    plan = " ".join(row[-1] for row in db.execute_sql(
        'EXPLAIN QUERY PLAN SELECT "id" FROM "card" INDEXED BY "card_live_search" '
        'WHERE "deleted_at" IS NULL AND "search_text" LIKE \'%person%\' '
        'ORDER BY "sort_name", "id"').fetchall())
    assert "card_live_search" in plan and "TEMP B-TREE" not in plan


def test_a_cancel_while_writing_brings_back_cards_and_indexes(database, tmp_path, small_bulk):
    create_card(CardData(name="Already here"))
    before = index_sql()
    path = write_csv(tmp_path / "in.csv", 3000)
    seen = []

    def progress(done, total):
        seen.append(done)

    def cancelled():
        # Past the planning half: the cards are being inserted.
        return bool(seen) and seen[-1] > 3000 + 1000

    with pytest.raises(ImportCancelled):
        import_file(path, progress=progress, cancelled=cancelled)
    assert index_sql() == before
    assert Card.select().count() == 1


def test_a_small_import_into_a_big_table_keeps_its_indexes():
    assert not bulk_indexes.worth_dropping(100, 0)
    assert not bulk_indexes.worth_dropping(10_000, 100_000)
    assert bulk_indexes.worth_dropping(100_000, 10)


def test_indexes_are_only_dropped_inside_a_transaction(database):
    with pytest.raises(RuntimeError), bulk_indexes.indexes_dropped("card"):
        pass
    assert index_sql()
