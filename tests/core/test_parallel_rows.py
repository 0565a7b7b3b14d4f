"""A big import has a second process read the file too and prepare its last
rows: the cards, the rejected rows and the counts are exactly those of
preparing them all here, and when that process cannot start, dies or fails,
the import still ends the same."""

import csv
import datetime
import os
import time

import pytest

from prospect_desk import excel_import, parallel_rows
from prospect_desk.cards import CardData, create_card
from prospect_desk.database import close_database, open_database
from prospect_desk.excel_import import DuplicateMode, import_file
from prospect_desk.models import FollowUp, db

ROWS = 6000


def write_sheet(path, title=False):
    """Rows of every kind: good ones, bad dates, no name, duplicates of a live
    card and of earlier rows, referrers further down, circles, revisits; with
    `title`, a blank row above the header, blank rows about the middle and a
    circle first named in the second half."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        if title:
            writer.writerow([])  # the header on row 2
        writer.writerow(["姓名", "公司名称", "手机", "电子邮件", "生日", "来源圈子", "推荐人",
                         "下次回访日期", "类型"])
        for i in range(ROWS):
            if title and ROWS // 2 - 3 <= i <= ROWS // 2 + 3 and i % 2:
                writer.writerow([])
                continue
            circle = "读书会" if title and i > ROWS * 3 // 4 and i % 7 == 0 else None
            name = f"客户{i % 4500}" if i % 97 else ""
            birthday = "1985-02-30" if i % 211 == 0 else f"19{60 + i % 40}-0{1 + i % 9}-1{i % 9}"
            writer.writerow([
                name, f"公司{i % 300}", f"+86 138{i % 5200:08d}", f"u{i % 5100}@example.com",
                birthday, circle or ["高尔夫球友", "Rotary", ""][i % 3], f"客户{(i + 50) % 4500}",
                "2027-01-05" if i % 5 == 0 else "", "公司" if i % 13 == 0 else "个人"])
    return path


def waiting_for_the_second_process(monkeypatch):
    """Start it as the import does, but wait until it has loaded; count the
    jobs it is given."""
    taken = []
    real_start, real_submit = parallel_rows.start_pool, parallel_rows.RowPool.submit

    def start(*args):
        pool = real_start(*args)
        deadline = time.monotonic() + 60
        while pool is not None and not pool.usable() and time.monotonic() < deadline:
            time.sleep(0.02)
        return pool

    def submit(self, job, *args):
        taken.append(job.__name__)
        return real_submit(self, job, *args)

    monkeypatch.setattr(parallel_rows, "start_pool", start)
    monkeypatch.setattr(parallel_rows.RowPool, "submit", submit)
    return taken


def import_into(path, sheet, mode, parallel):
    open_database(path)
    try:
        create_card(CardData(name="客户7", mobile="13800000007"))
        if not parallel:
            excel_import.PARALLEL_MIN_BYTES = excel_import.PARALLEL_MIN_ROWS = 10**12
        result = import_file(sheet, duplicate_mode=mode)
        columns = [row[1] for row in db.execute_sql('PRAGMA table_info("card")').fetchall()
                   if row[1] not in ("created_at", "updated_at", "import_batch_id")]
        cards = db.execute_sql('SELECT {} FROM "card" ORDER BY "id"'.format(
            ", ".join(f'"{c}"' for c in columns))).fetchall()
        revisits = sorted(FollowUp.select(FollowUp.card, FollowUp.due_date).tuples())
        return result, cards, revisits
    finally:
        close_database()


def counting_copied(monkeypatch):
    """Note (first row, rows copied) each time the rows are taken from the
    second process's scratch file."""
    copied = []
    real_copy = excel_import._copy_tail

    def copy(writer, start, skipped):
        count = real_copy(writer, start, skipped)
        copied.append((start, count))
        return count

    monkeypatch.setattr(excel_import, "_copy_tail", copy)
    return copied


@pytest.mark.parametrize(("mode", "title"), [(DuplicateMode.SKIP, False),
                                             (DuplicateMode.ADD, False),
                                             (DuplicateMode.SKIP, True)])
def test_the_second_process_changes_nothing_in_what_is_imported(tmp_path, monkeypatch, mode,
                                                               title):
    sheet = write_sheet(tmp_path / "many.csv", title)
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_ROWS", 0)
    monkeypatch.setattr(excel_import, "CHUNK_ROWS", 250)
    taken = waiting_for_the_second_process(monkeypatch)
    copied = counting_copied(monkeypatch)
    together = import_into(tmp_path / "together.sqlite3", sheet, mode, parallel=True)
    assert taken == ["read_tail", "prepare_tail"], "the second process was given no rows"
    assert len(copied) == 1 and copied[0][1] > 1000 and copied[0][0] > ROWS // 2, \
        "its rows were not used"
    alone = import_into(tmp_path / "alone.sqlite3", sheet, mode, parallel=False)
    assert together[0] == alone[0]
    assert together[1] == alone[1]
    assert together[2] == alone[2]
    result = together[0]
    assert result.rejected and result.imported and result.warnings == alone[0].warnings
    assert len(together[1]) > 4000


def test_an_update_import_prepares_every_row_here(tmp_path, monkeypatch):
    sheet = write_sheet(tmp_path / "many.csv")
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_ROWS", 0)
    started = []
    monkeypatch.setattr(parallel_rows, "start_pool", lambda *args: started.append(1))
    result, cards, _ = import_into(tmp_path / "update.sqlite3", sheet, DuplicateMode.UPDATE,
                                   True)
    assert not started and result.updated and len(cards) > 4000


def killed_at_once(self, *args):
    future = REAL_SUBMIT(self, *args)
    self._process.kill()
    return future


def failing_job(spec, _unused):
    raise OSError("the file changed")


def reading_another_file(spec, _unused):
    import dataclasses
    import os

    return excel_import.prepare_tail(dataclasses.replace(spec, path=os.environ["OTHER_SHEET"]))


REAL_SUBMIT = parallel_rows.RowPool.submit


@pytest.mark.parametrize("how", ["killed", "failed", "changed"])
def test_an_import_goes_on_without_the_second_process_when_it_dies_or_fails(
        tmp_path, monkeypatch, how):
    sheet = write_sheet(tmp_path / "many.csv")
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_ROWS", 0)
    monkeypatch.setattr(excel_import, "CHUNK_ROWS", 250)
    waiting_for_the_second_process(monkeypatch)
    if how == "killed":
        monkeypatch.setattr(parallel_rows.RowPool, "submit", killed_at_once)
    elif how == "failed":
        monkeypatch.setattr(excel_import, "prepare_tail", failing_job)
    else:  # the file was saved again between the two reads
        other = write_sheet(tmp_path / "other.csv", title=True)
        monkeypatch.setattr(excel_import, "prepare_tail", reading_another_file)
        monkeypatch.setenv("OTHER_SHEET", str(other))
    copied = counting_copied(monkeypatch)
    together = import_into(tmp_path / "together.sqlite3", sheet, DuplicateMode.SKIP, True)
    assert not copied
    alone = import_into(tmp_path / "alone.sqlite3", sheet, DuplicateMode.SKIP, False)
    assert together[1:] == alone[1:]
    assert together[0] == alone[0]


def test_a_cancel_while_the_second_process_works_ends_it_and_changes_nothing(
        tmp_path, monkeypatch):
    sheet = write_sheet(tmp_path / "many.csv")
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_ROWS", 0)
    waiting_for_the_second_process(monkeypatch)
    pools = []
    real_start = parallel_rows.start_pool
    monkeypatch.setattr(parallel_rows, "start_pool",
                        lambda *args: pools.append(real_start(*args)) or pools[-1])
    monkeypatch.setattr(excel_import, "prepare_tail", stalling_job)
    open_database(tmp_path / "cancel.sqlite3")
    try:
        create_card(CardData(name="客户7"))
        seen = []
        with pytest.raises(excel_import.ImportCancelled):
            import_file(sheet, progress=lambda done, _total: seen.append(done),
                        cancelled=lambda: bool(seen) and seen[-1] >= 2000)
        assert db.execute_sql('SELECT COUNT(*) FROM "card"').fetchone()[0] == 1
        assert pools[0]._process.wait(timeout=10) is not None  # ended, not left behind
    finally:
        close_database()


def stalling_job(spec, _unused):
    time.sleep(600)


def test_a_cancel_while_taking_the_second_processs_rows_changes_nothing(tmp_path, monkeypatch):
    sheet = write_sheet(tmp_path / "many.csv")
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_ROWS", 0)
    monkeypatch.setattr(excel_import, "CHUNK_ROWS", 250)
    waiting_for_the_second_process(monkeypatch)
    copied = counting_copied(monkeypatch)
    folders = []
    real_folder = excel_import._scratch_folder

    def folder(wanted):
        manager = real_folder(wanted)
        return _Remembered(manager, folders)

    monkeypatch.setattr(excel_import, "_scratch_folder", folder)
    open_database(tmp_path / "cancel.sqlite3")
    try:
        create_card(CardData(name="客户7"))
        with pytest.raises(excel_import.ImportCancelled):
            import_file(sheet, cancelled=lambda: bool(copied))  # just after the copy
        assert db.execute_sql('SELECT COUNT(*) FROM "card"').fetchone()[0] == 1
        attached = [row[1] for row in db.execute_sql("PRAGMA database_list").fetchall()]
        assert "import_scratch" not in attached
        assert folders and not any(os.path.exists(f) for f in folders)
    finally:
        close_database()


class _Remembered:
    """A context manager that notes the folder the real one gives."""

    def __init__(self, manager, folders):
        self.manager, self.folders = manager, folders

    def __enter__(self):
        folder = self.manager.__enter__()
        self.folders.append(folder)
        return folder

    def __exit__(self, *exc):
        return self.manager.__exit__(*exc)


def test_an_import_goes_on_when_no_second_process_can_start(tmp_path, monkeypatch):
    sheet = write_sheet(tmp_path / "many.csv")
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_BYTES", 0)

    def refuse(*args, **kwargs):
        raise OSError("no more processes")

    monkeypatch.setattr(parallel_rows.subprocess, "Popen", refuse)
    assert parallel_rows.start_pool(excel_import.__name__, "warm_up") is None
    monkeypatch.setattr(parallel_rows.sys, "frozen", True, raising=False)
    assert parallel_rows.start_pool(excel_import.__name__, "warm_up") is None  # an app bundle
    result, cards, _ = import_into(tmp_path / "alone.sqlite3", sheet, DuplicateMode.SKIP, True)
    assert result.imported == len(cards) - 1


def double(_spec, chunk):
    if chunk == ["boom"]:
        raise ValueError("boom")
    if chunk == ["stall"]:
        time.sleep(600)
    return [2 * x for x in chunk]


def ready_pool():
    pool = parallel_rows.start_pool(__name__, "warm")
    assert pool is not None
    deadline = time.monotonic() + 60
    while not pool.usable() and time.monotonic() < deadline:
        time.sleep(0.02)
    return pool


def test_a_cancel_while_waiting_for_a_stalled_process_gives_it_up_at_once():
    pool = ready_pool()
    try:
        future = pool.submit(double, None, ["stall"])
        started = time.monotonic()
        with pytest.raises(parallel_rows.PoolBroken):
            pool.result(future, cancelled=lambda: time.monotonic() - started > 0.3)
        assert time.monotonic() - started < 5
        assert pool._process.wait(timeout=10) is not None  # ended, not left behind
        with pytest.raises(parallel_rows.PoolBroken):
            pool.submit(double, None, [1])
    finally:
        pool.close()


def test_results_come_back_in_order_and_an_error_comes_back_as_raised():
    pool = ready_pool()
    try:
        chunks = [[i, i + 1] for i in range(0, 40, 2)]
        futures = [pool.submit(double, None, chunk) for chunk in chunks]
        assert [pool.result(f) for f in futures] == [[2 * x for x in c] for c in chunks]
        with pytest.raises(ValueError, match="boom"):
            pool.submit(double, None, ["boom"]).result(timeout=60)
    finally:
        pool.close()


def warm():
    """Called in the second process by the test above."""
    datetime.date.today()


def test_the_deferred_transaction_writes_before_it_reads(tmp_path, monkeypatch):
    """Begun DEFERRED (the scratch file is attached), the import's transaction
    must take the write lock with its first statement: a read first would
    hold a snapshot, and the lock taken after another connection's commit
    would then fail at once instead of waiting."""
    sheet = write_sheet(tmp_path / "many.csv")
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_ROWS", 0)
    waiting_for_the_second_process(monkeypatch)
    copied = counting_copied(monkeypatch)
    open_database(tmp_path / "order.sqlite3")
    statements = []
    try:
        db.connection().set_trace_callback(statements.append)
        import_file(sheet)
    finally:
        db.connection().set_trace_callback(None)
        close_database()
    assert copied
    begun = statements.index("BEGIN DEFERRED")
    first = next(s for s in statements[begun + 1:] if not s.startswith("PRAGMA"))
    assert first.startswith('INSERT INTO "import_batch"'), first


def test_the_memory_cap_holds_only_in_the_second_process_and_only_for_its_block(monkeypatch):
    resource = pytest.importorskip("resource")
    before = resource.getrlimit(resource.RLIMIT_AS)
    cap = 64 * 1024**3  # above what this process has mapped: allocating goes on
    with parallel_rows.memory_capped(cap):
        assert resource.getrlimit(resource.RLIMIT_AS) == before  # not the second process
    monkeypatch.setattr(parallel_rows, "_serving", True)
    with parallel_rows.memory_capped(cap):
        expected = cap if before[1] == resource.RLIM_INFINITY else min(cap, before[1])
        if before[0] == resource.RLIM_INFINITY or before[0] > expected:
            assert resource.getrlimit(resource.RLIMIT_AS)[0] == expected
    assert resource.getrlimit(resource.RLIMIT_AS) == before


def test_a_mapping_worked_out_from_the_headers_goes_to_the_second_process_too(
        tmp_path, monkeypatch):
    """The command line maps a file's columns as last time for its headers:
    the second process is given that mapping once the file has been read here."""
    from prospect_desk.header_mapping import ImportField, auto_map

    sheet = write_sheet(tmp_path / "many.csv")
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_ROWS", 0)
    taken = waiting_for_the_second_process(monkeypatch)
    copied = counting_copied(monkeypatch)
    seen = []

    def without_birthdays(headers):
        seen.append(list(headers))
        return {c: (None if f is ImportField.BIRTHDAY else f)
                for c, f in auto_map(headers).items()}

    open_database(tmp_path / "cards.sqlite3")
    try:
        result = import_file(sheet, mapping=without_birthdays)
        birthdays = db.execute_sql(
            'SELECT COUNT(*) FROM "card" WHERE "birthday" IS NOT NULL').fetchone()[0]
    finally:
        close_database()
    assert seen == [result.headers] and "生日" in result.headers
    assert taken == ["read_tail", "prepare_tail"]
    assert copied[0][1] > 1000
    assert birthdays == 0 and result.imported > 4000
    # No row was left out for its impossible birthday: that column was not read.
    assert not any(p.header == "生日" for row in result.rejected for p in row.problems)
