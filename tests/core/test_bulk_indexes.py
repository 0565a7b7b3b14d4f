"""A big import drops the card indexes in its transaction and lists them to be
built right after it commits (or at the next start); meanwhile queries that
name one run without it, and deletes build the foreign-key ones first.
Afterwards (or after a cancel) they are exactly as before."""

import csv
import re
from pathlib import Path

import pytest

from prospect_desk import bulk_indexes, card_query, circles, trash
from prospect_desk.card_query import CardFilter
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
    left = bulk_indexes.pending()
    assert set(left) == {name for name, _ in before}
    assert index_sql() == []
    assert bulk_indexes.build_pending() == len(left)
    assert bulk_indexes.pending() == []
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


def test_queries_that_name_a_missing_index_run_without_it_until_it_is_built(
        database, tmp_path, small_bulk):
    named = set()
    for path in Path(bulk_indexes.__file__).parent.glob("*.py"):
        named |= set(re.findall(r'INDEXED BY \\?"?(card_\w+)', path.read_text(encoding="utf-8")))
    assert named == {"card_live_search", "card_live_circle_name", "card_live_birthday_md"}
    import_file(write_csv(tmp_path / "in.csv", 1200))
    assert named <= set(bulk_indexes.pending())
    search = CardFilter(search="person 1199")
    found = card_query.card_ids(search)
    assert len(found) == 1 and card_query.count_cards(search) == 1
    assert card_query.count_cards(CardFilter()) == 1200
    assert [info.card_count for info in circles.list_circles() if info.name == "Golf"] == [1200]
    bulk_indexes.build_pending()
    assert card_query.card_ids(search) == found


def test_other_errors_are_raised_as_they_are(database):
    from peewee import OperationalError

    with pytest.raises(OperationalError, match="no such table"):
        db.execute_sql('SELECT 1 FROM "no_such_table" INDEXED BY "card_live_search"')
    with pytest.raises(OperationalError, match="no such index"):
        db.execute_sql('DROP INDEX "card_no_such_index"')


def test_an_import_commits_without_a_checkpoint_and_leaves_the_setting_as_it_was(
        database, tmp_path, small_bulk):
    import_file(write_csv(tmp_path / "in.csv", 1200))
    busy, log_pages, copied = db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert log_pages > 0 and copied == log_pages  # left for later, and done now
    assert db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000


def test_indexes_left_by_a_kill_are_built_before_the_next_migration(
        database, db_path, tmp_path, small_bulk, monkeypatch):
    import shutil

    from prospect_desk import database as database_module

    before = index_sql()
    import_file(write_csv(tmp_path / "in.csv", 1200))
    assert "card_live_stage" in bulk_indexes.pending()  # killed before they were built
    database_module.close_database()
    # A newer version with a migration that changes that index.
    newer = tmp_path / "migrations"
    shutil.copytree(database_module.migrations_dir(), newer)
    (newer / "0099_test_stage_index.py").write_text(
        "def up(migrator, db):\n"
        "    db.execute_sql('DROP INDEX \"card_live_stage\"')\n"
        "    db.execute_sql('CREATE INDEX \"card_live_stage\" ON \"card\" (\"stage\")')\n",
        encoding="utf-8")
    monkeypatch.setattr(database_module, "migrations_dir", lambda: newer)
    database_module.open_database(db_path)
    assert bulk_indexes.pending() == []
    after = dict(index_sql())
    assert after.pop("card_live_stage") == 'CREATE INDEX "card_live_stage" ON "card" ("stage")'
    assert after == {name: sql for name, sql in before if name != "card_live_stage"}


def test_building_stops_between_indexes_when_cancelled_and_goes_on_later(
        database, tmp_path, small_bulk):
    before = index_sql()
    import_file(write_csv(tmp_path / "in.csv", 1200))
    left = bulk_indexes.pending()
    asked = []
    assert bulk_indexes.build_pending(cancelled=lambda: asked.append(1) or len(asked) > 2) == 2
    assert bulk_indexes.pending() == left[2:]
    assert bulk_indexes.build_pending() == len(left) - 2
    assert index_sql() == before


def test_an_index_built_meanwhile_is_only_struck_off(database, tmp_path, small_bulk):
    import_file(write_csv(tmp_path / "in.csv", 1200))
    name = bulk_indexes.pending()[0]
    sql = db.execute_sql('SELECT "sql" FROM "pending_index" WHERE "name" = ?',
                         (name,)).fetchone()[0]
    db.execute_sql(sql)
    bulk_indexes.build_pending()
    assert bulk_indexes.pending() == []
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize(("table", "columns"), [
    ("card", ["circle_id", "import_batch_id", "referrer_id"]),
    ("follow_up", ["campaign_id", "card_id", "deal_id", "import_batch_id"]),
])
def test_the_foreign_key_indexes_are_those_a_delete_looks_in(database, table, columns):
    """Deleting a row a card or follow-up points at finds them as this query does."""
    keyed = [row[3] for row in db.execute_sql(f'PRAGMA foreign_key_list("{table}")').fetchall()]
    assert sorted(keyed) == columns
    for column in keyed:
        plan = " ".join(row[-1] for row in db.execute_sql(
            f'EXPLAIN QUERY PLAN SELECT "id" FROM "{table}" WHERE "{column}" = ?', (1,)))
        used = plan.split(" INDEX ")[1].split()[0] if " INDEX " in plan else None
        assert used in bulk_indexes.FOREIGN_KEY_INDEXES, (column, plan)


def test_deleting_builds_the_foreign_key_indexes_first(database, tmp_path, small_bulk,
                                                      monkeypatch):
    import_file(write_csv(tmp_path / "in.csv", 1200))
    trash.move_to_trash(card_query.card_ids(CardFilter())[:10])
    trashed_when_built = []
    real_build = bulk_indexes.build_foreign_key_indexes

    def build():
        trashed_when_built.append(len(trash.trashed_ids()))
        real_build()

    monkeypatch.setattr(bulk_indexes, "build_foreign_key_indexes", build)
    assert trash.empty() == 10
    assert trashed_when_built == [10]  # built before anything was deleted
    left = set(bulk_indexes.pending())
    assert not left & set(bulk_indexes.FOREIGN_KEY_INDEXES)
    assert {"card_live_stage", "card_live_search"} <= left
    names = {name for name, _ in index_sql() + follow_up_index_sql()}
    assert set(bulk_indexes.FOREIGN_KEY_INDEXES) <= names


def test_a_big_import_commits_with_its_log_synced_and_the_settings_as_they_were(
        database, tmp_path, small_bulk):
    import_file(write_csv(tmp_path / "in.csv", 1200))
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL again


def test_undoing_a_big_import_builds_the_circle_index_before_looking_for_unused_circles(
        database, tmp_path, small_bulk):
    from prospect_desk import import_history
    from prospect_desk.models import Circle, ImportBatch

    import_file(write_csv(tmp_path / "in.csv", 1200))  # makes the circle "Golf"
    assert "card_circle_id" in bulk_indexes.pending()
    statements = []
    db.connection().set_trace_callback(statements.append)
    try:
        import_history.undo_batch(ImportBatch.select().get().id)
    finally:
        db.connection().set_trace_callback(None)
    built = next(i for i, s in enumerate(statements) if 'INDEX IF NOT EXISTS "card_circle_id"' in s)
    looked = next(i for i, s in enumerate(statements) if "NOT EXISTS (" in s and "circle" in s)
    assert built < looked
    assert not Circle.select().where(Circle.name == "Golf").exists()


def follow_up_index_sql():
    return sorted(db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'follow_up'"
    ).fetchall())


def test_a_big_import_of_revisits_leaves_the_follow_up_indexes_for_later_too(
        database, tmp_path, small_bulk):
    before = follow_up_index_sql()
    assert len(before) > 5
    path = tmp_path / "in.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Phone", "Next revisit"])
        for i in range(1200):
            writer.writerow([f"Person {i}", f"021-{50000000 + i}", "2027-01-05"])
    assert import_file(path).follow_ups_created == 1200
    assert {name for name, _ in before} <= set(bulk_indexes.pending())
    assert follow_up_index_sql() == []
    # Emptying the trash deletes follow-ups with their cards: their card
    # index is built first, in that transaction.
    trash.move_to_trash(card_query.card_ids(CardFilter())[:10])
    assert trash.empty() == 10
    assert "follow_up_card_id" in {name for name, _ in follow_up_index_sql()}
    bulk_indexes.build_pending()
    assert follow_up_index_sql() == before
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute_sql('SELECT COUNT(*) FROM "follow_up"').fetchone()[0] == 1190


def test_removing_a_circle_builds_only_the_cards_foreign_key_indexes(database, tmp_path,
                                                                    small_bulk):
    path = tmp_path / "in.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Circle", "Next revisit"])
        for i in range(1200):
            writer.writerow([f"Person {i}", "Golf", "2027-01-05"])
    import_file(path)
    golf = next(c.id for c in circles.list_circles() if c.name == "Golf")
    circles.remove_circle(golf)
    left = set(bulk_indexes.pending())
    assert "card_circle_id" not in left
    assert {"follow_up_card_id", "follow_up_deal_id"} <= left
