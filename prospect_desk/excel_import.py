"""Importing prospect cards from a spreadsheet.

`read_sheet` (spreadsheet_read) gives the rows, `auto_map` (header_mapping) a
first mapping of columns to fields, and import_rows each row's values;
`preview_import` shows what the first rows would become, and `import_cards`
sorts out duplicates, circles, referrers and revisits and writes the valid
rows in one transaction.
Both run without Qt, so the UI calls them from a worker thread with a progress
callback and a cancel check.
"""

import datetime
import gc
import logging
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import closing, contextmanager, nullcontext
from dataclasses import dataclass, field
from enum import StrEnum

from peewee import fn

from prospect_desk import bulk_indexes, import_history, import_rows, parallel_rows
from prospect_desk.builtin_labels import BUILTIN_CIRCLE_LABELS
from prospect_desk.cards import CardData, derived_columns
from prospect_desk.header_mapping import (
    Mapping,
    auto_map,
    normalise,
)
from prospect_desk.import_rows import (
    DATA_NAMES,
    EMAIL_KEY,
    NAME_KEY,
    PHONE_KEY,
    DuplicateKey,
    ImportProblem,
    ParsedRow,
    RowParser,
    RowProblem,
    RowSpec,
    astuple_shallow,
    card_keys,
    english_reason,
    normalise_mapping,
    prepare_rows,
    warm_up,
)
from prospect_desk.models import Card, Circle, FollowUp, _now, db
from prospect_desk.spreadsheet_read import (
    Cell,
    SheetTable,
    cell_text,
    file_version,
    is_blank,
    read_sheet,
)

_log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

CHUNK_ROWS = 500
"""Rows per INSERT statement, and how often progress and cancel are checked."""


class DuplicateMode(StrEnum):
    SKIP = "skip"
    UPDATE = "update"
    ADD = "add"


class ImportCancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass
class RejectedRow:
    row_number: int
    """As the spreadsheet numbers it: 1-based, the header row being 1."""
    values: list[Cell]
    """The row's cells exactly as read."""
    problems: list[RowProblem]

    @property
    def reason(self) -> ImportProblem:
        return self.problems[0].reason

    @property
    def header(self) -> str:
        return self.problems[0].header


@dataclass(frozen=True)
class RowWarning:
    row_number: int
    problem: RowProblem


@dataclass(frozen=True)
class DuplicateMatch:
    key: DuplicateKey
    card_id: int | None = None
    """The existing card the row duplicates, or None for an earlier row."""
    row_number: int | None = None
    """The earlier row of the same file it duplicates."""


@dataclass
class ImportResult:
    imported: int = 0
    """New cards written, duplicates added anyway included."""
    updated: int = 0
    """Existing cards (or earlier rows of the file) updated by a duplicate row."""
    duplicates_skipped: int = 0
    duplicates_added: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    circles_created: int = 0
    follow_ups_created: int = 0
    warnings: list[RowWarning] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    """The sheet's header row, which the rejected rows' cells are under."""


@dataclass(frozen=True)
class PreviewRow:
    row: ParsedRow
    duplicate: DuplicateMatch | None

    @property
    def problems(self) -> list[RowProblem]:
        return self.row.problems


class _DuplicateIndex:
    """Phones, e-mails and (name, company) of the live cards and of the rows
    already taken from the file; a value points to a card id (int) or to a
    row of the file (ParsedRow)."""

    def __init__(self) -> None:
        self.index: dict[tuple[DuplicateKey, object], int | ParsedRow] = {}
        self.names: dict[str, int] = {}
        """Live cards by case-folded name, for linking referrers."""

    def load_live_cards(self, cancelled: CancelCheck | None = None) -> None:
        query = (Card.select(Card.id, Card.kind, Card.name, Card.employer, Card.phone,
                             Card.mobile, Card.email)
                 .where(Card.deleted_at.is_null()).order_by(Card.id).tuples())
        for count, (card_id, kind, name, employer, phone, mobile, email) in enumerate(
                query.iterator()):
            if cancelled is not None and count % 5000 == 0 and cancelled():
                raise ImportCancelled
            data = CardData(kind=kind, name=name, employer=employer, phone=phone,
                            mobile=mobile, email=email)
            self.add(data, card_id)
            self.names.setdefault(name.strip().casefold(), card_id)

    def find(self, data: CardData) -> tuple[DuplicateKey, int | ParsedRow] | None:
        return self.find_keys(card_keys(data))

    def find_keys(self, keys: list) -> tuple[DuplicateKey, int | ParsedRow] | None:
        get = self.index.get
        for key in keys:
            target = get(key)
            if target is not None:
                return key[0], target
        return None

    def add(self, data: CardData, target: int | ParsedRow) -> None:
        self.add_keys(card_keys(data), target)

    def add_keys(self, keys: list, target: int | ParsedRow) -> None:
        setdefault = self.index.setdefault
        for key in keys:
            setdefault(key, target)


def _match(found: tuple[DuplicateKey, int | ParsedRow] | None) -> DuplicateMatch | None:
    if found is None:
        return None
    key, target = found
    if isinstance(target, int):
        return DuplicateMatch(key, card_id=target)
    return DuplicateMatch(key, row_number=target.row_number)


# Preview --------------------------------------------------------------------------

def preview_import(table: SheetTable, mapping: Mapping | None = None, limit: int = 50,
                   check_duplicates: bool = True,
                   cancelled: CancelCheck | None = None) -> list[PreviewRow]:
    """The first `limit` non-blank rows as they would be imported, each with its
    problems and the card or earlier row it duplicates. Writes nothing; raises
    ImportCancelled when `cancelled()` says so while the cards are read."""
    parser = RowParser(table.headers, _mapping_for(table, mapping), datetime.date.today())
    duplicates = _DuplicateIndex()
    if check_duplicates:
        duplicates.load_live_cards(cancelled)
    preview: list[PreviewRow] = []
    for row_number, cells in table.rows():
        if len(preview) >= limit:
            break
        if all(is_blank(c) for c in cells):
            continue
        parsed = parser.parse(row_number, cells)
        found = duplicates.find(parsed.data) if not parsed.problems else None
        if not parsed.problems and found is None:
            duplicates.add(parsed.data, parsed)
        preview.append(PreviewRow(parsed, _match(found)))
    return preview


def _mapping_for(table: SheetTable, mapping: Mapping | None) -> Mapping:
    return auto_map(table.headers) if mapping is None else normalise_mapping(mapping)


# Import ---------------------------------------------------------------------------

class _Progress:
    def __init__(self, total: int, progress: ProgressCallback | None,
                 cancelled: CancelCheck | None):
        self.total = max(total, 1)
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled

    def cancelled(self) -> bool:
        return self._cancelled is not None and self._cancelled()

    def step(self, count: int) -> None:
        self.done += count
        if self._cancelled is not None and self._cancelled():
            raise ImportCancelled
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)


def import_file(path: str | os.PathLike, sheet: str | None = None,
                mapping: Mapping | Callable[[list[str]], Mapping] | None = None,
                duplicate_mode: DuplicateMode = DuplicateMode.SKIP,
                progress: ProgressCallback | None = None,
                cancelled: CancelCheck | None = None,
                before_writing: Callable[[], None] | None = None,
                read: SheetTable | None = None) -> ImportResult:
    """Read `sheet` of the file at `path` and import it (see `import_cards`);
    `mapping` may also be a function that gives it for the sheet's headers.
    `before_writing()` is called once the file has been read and found sound,
    before anything is written (a backup: a file that cannot be read leaves
    no trace); what it raises ends the import.

    `read` is that sheet as `read_sheet` read and checked it before (for the
    wizard's preview; `sheet` must name it): it is imported without reading
    the file again, as long as the file is still as it was then. Otherwise
    the workbook unpacks on a side thread (calamine lets go of the GIL),
    while this one reads the live cards for the duplicate check and the
    pinyin tables load; a file that cannot be read still changes nothing.

    A big file is read by a second process too, which prepares its last rows
    meanwhile (`prepare_tail`); not when duplicates update cards, since a
    later row may then change an earlier one."""
    mode = DuplicateMode(duplicate_mode)
    today = datetime.date.today()  # one day for both processes, even at midnight
    version = file_version(path)
    reuse = (read is not None and read.checked and read.version is not None
             and read.version == version and sheet == read.sheet_name)
    big = (version or (0, 0))[0] >= PARALLEL_MIN_BYTES and mode is not DuplicateMode.UPDATE
    with _import_session(), _scratch_folder(big) as folder, _second_process(big) as pool, \
            _tail_started(pool, folder, path, sheet, today,
                          MAIN_SHARE_READ if reuse else MAIN_SHARE) as tail:
        if tail is not None and not callable(mapping):
            tail.prepare(mapping)  # at once: it begins as soon as it has read the file
        reader = None if reuse else _SideRead(path, sheet)
        threading.Thread(target=warm_up, daemon=True).start()
        duplicates = _DuplicateIndex()
        duplicates.load_live_cards(cancelled)
        table = read if reader is None else reader.table()
        if before_writing is not None:
            before_writing()
        if callable(mapping):
            mapping = mapping(table.headers)
            if tail is not None:
                tail.prepare(mapping)
        # The second process's rows only when the file stayed as it was all along.
        same = table.row_count >= PARALLEL_MIN_ROWS and table.version is not None
        return _import(table, mapping, mode, progress, cancelled, os.path.basename(path),
                       duplicates, tail if same else None, today)


PARALLEL_MIN_ROWS = 5000
"""From this many rows on, a second process prepares the last rows
(parallel_rows); below, it costs more than it saves."""
PARALLEL_MIN_BYTES = 256 * 1024
"""A workbook this big may hold PARALLEL_MIN_ROWS rows: the second process is
started before the sheet is read, so that it has loaded by then."""


@contextmanager
def _second_process(wanted: bool) -> Iterator[parallel_rows.RowPool | None]:
    pool = parallel_rows.start_pool(import_rows.__name__, "warm_up") if wanted else None
    try:
        yield pool
    finally:
        if pool is not None:
            pool.close()


@contextmanager
def _scratch_folder(wanted: bool) -> Iterator[str | None]:
    """A folder for the rows the second process prepares, removed afterwards."""
    if not wanted:
        yield None
        return
    try:
        folder = tempfile.mkdtemp(prefix="prospect-desk-import-")
    except OSError:  # the rows are then all prepared here
        _log.warning("no scratch folder for the second process", exc_info=True)
        yield None
        return
    try:
        yield folder
    finally:
        try:
            shutil.rmtree(folder)
        except OSError:
            _log.warning("the scratch folder %s stays", folder, exc_info=True)


@contextmanager
def _import_session() -> Iterator[None]:
    """For the import: what preparing rows keeps between chunks let go of
    afterwards (import_rows.release), and Python's cycle collector off.

    The import makes no reference cycles worth the name (reference counting
    frees its rows), but it keeps hundreds of thousands of duplicate keys and
    names alive, which every full collection walks again: with the collector
    on, some 1.5 s of a 100k-row import went to it. The collector is on again
    afterwards, and the little cyclic garbage left (caught exceptions) is
    collected then."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        import_rows.release()
        if was_enabled:
            gc.enable()


class _SideRead:
    """`read_sheet` on a thread of its own; `table()` waits for it and raises
    what it raised."""

    def __init__(self, path: str | os.PathLike, sheet: str | None):
        self._table: SheetTable | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(path, sheet), daemon=True)
        self._thread.start()

    def _run(self, path: str | os.PathLike, sheet: str | None) -> None:
        try:
            self._table = read_sheet(path, sheet)
        except BaseException as error:  # noqa: BLE001 - raised again by table()
            self._error = error

    def table(self) -> SheetTable:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._table


def import_cards(table: SheetTable, mapping: Mapping | None = None,
                 duplicate_mode: DuplicateMode = DuplicateMode.SKIP,
                 progress: ProgressCallback | None = None,
                 cancelled: CancelCheck | None = None, file_name: str = "") -> ImportResult:
    """Import the rows of `table` as cards, all in one transaction.

    Rows with a bad value are left out and listed in `rejected`; rows that
    duplicate a live card or an earlier row are skipped, update it, or are
    added anyway, as `duplicate_mode` says. `progress(done, total)` is called
    every few hundred rows and `cancelled()` checked as often: when it returns
    True, ImportCancelled is raised and the database is as it was. The import
    is recorded in the import history (under `file_name`), so it can be undone."""
    with _import_session():
        duplicates = _DuplicateIndex()
        duplicates.load_live_cards(cancelled)
        return _import(table, mapping, duplicate_mode, progress, cancelled, file_name,
                       duplicates)


def _import(table: SheetTable, mapping: Mapping | None, duplicate_mode: DuplicateMode,
            progress: ProgressCallback | None, cancelled: CancelCheck | None, file_name: str,
            duplicates: "_DuplicateIndex", tail: "_Tail | None" = None,
            today: datetime.date | None = None) -> ImportResult:
    mode = DuplicateMode(duplicate_mode)
    today = today or datetime.date.today()
    steps = _Progress(2 * table.row_count, progress, cancelled)
    result = ImportResult(headers=list(table.headers))
    bulk = bulk_indexes.worth_dropping(table.row_count,
                                       Card.select(fn.MAX(Card.id)).scalar() or 0)
    # With the second process's rows attached, the transaction takes the write
    # lock at its first write, not on the attached file too, which that process
    # is still writing. That first write must be its first statement (the
    # batch, just below): a read before it would take a snapshot, and a write
    # lock taken after another connection's commit then fails at once instead
    # of waiting for it.
    with (bulk_indexes.checkpoint_deferred() if bulk else nullcontext()), \
            db.atomic("DEFERRED" if tail is not None else None):
        # Referrers may point at rows further down: check the links at commit.
        db.execute_sql("PRAGMA defer_foreign_keys = ON")
        batch_id = import_history.start_batch(import_history.BatchKind.CARDS, file_name,
                                              table.sheet_name)
        writer = _Writer(result, duplicates.names, steps, batch_id,
                         keep_rows=mode is DuplicateMode.UPDATE)
        with bulk_indexes.indexes_dropped("card", drop=bulk):
            mapping = _mapping_for(table, mapping)
            spec = RowSpec(tuple(table.headers), tuple(sorted(mapping.items())), today,
                           updates=mode is DuplicateMode.UPDATE)
            if tail is not None:
                cut = _tail_start(table, tail.spec.share)
                _plan(table, spec, mode, duplicates, steps, writer, stop=cut)
                _take_tail(table, spec, mode, duplicates, steps, writer, tail, cut)
            else:
                _plan(table, spec, mode, duplicates, steps, writer)
            writer.finish()
        import_history.finish_batch(batch_id, result.imported, result.updated,
                                    result.duplicates_skipped, len(result.rejected))
    if progress is not None:
        progress(steps.total, steps.total)
    return result


def _chunks(table: SheetTable, start: int = 0,
            stop: int | None = None) -> Iterator[list[tuple[int, list[Cell]]]]:
    """The rows numbered from `start` up to (not including) `stop`, in chunks."""
    chunk = []
    for row in table.rows():
        if row[0] < start:
            continue
        if stop is not None and row[0] >= stop:
            break
        chunk.append(row)
        if len(chunk) == CHUNK_ROWS:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _plan(table: SheetTable, spec: "RowSpec", mode: DuplicateMode,
          duplicates: _DuplicateIndex, steps: _Progress, writer: "_Writer",
          start: int = 0, stop: int | None = None) -> None:
    """Prepare the rows numbered from `start` up to `stop` (all by default)
    and, in file order, sort out duplicates; the rows to add go to `writer` as
    they come, so a big file is never held whole."""
    result = writer.result
    keep_rows = writer.keep_rows
    add_anyway = mode is DuplicateMode.ADD
    skip = mode is DuplicateMode.SKIP
    find_keys, add_keys = duplicates.find_keys, duplicates.add_keys
    for chunk in _chunks(table, start, stop):
        for (row_number, cells), row in zip(chunk, prepare_rows(spec, chunk), strict=True):
            if row is None:
                continue
            if row.__class__ is list:
                result.rejected.append(RejectedRow(row_number, list(cells), row))
                continue
            values, given, circle, referrer, next_revisit, keys, sort_name, search_text = row
            found = find_keys(keys)
            if found is not None and not add_anyway:
                if skip:
                    result.duplicates_skipped += 1
                    continue
                parsed = ParsedRow(row_number, None, circle, referrer, next_revisit, given, [],
                                   values, sort_name, search_text)
                _plan_update(writer, found[1], parsed)
                continue
            if found is not None:
                result.duplicates_added += 1
            parsed = ParsedRow(row_number, None, circle, referrer, next_revisit, given, [],
                               values, sort_name, search_text)
            # Only an update looks at which row a key leads to.
            add_keys(keys, parsed if keep_rows else _ROW_OF_FILE)
            writer.add(parsed)
        steps.step(len(chunk))


_ROW_OF_FILE = 0
"""What a key of an earlier row points to when no update will need the row
(card ids start at 1)."""


def _plan_update(writer: "_Writer", target: int | ParsedRow, parsed: ParsedRow) -> None:
    writer.result.updated += 1
    if isinstance(target, int):
        writer.updates.setdefault(target, []).append(parsed)
    else:
        _merge(target, parsed)


def _merge(into: ParsedRow, parsed: ParsedRow) -> None:
    """A later row of the same card: the values it gives replace the earlier ones."""
    data, later = into.card(), parsed.card()
    for name in parsed.given:
        setattr(data, name, getattr(later, name))
    into.values = astuple_shallow(data)
    into.sort_name = into.search_text = None  # worked out again when written
    into.given |= parsed.given
    into.circle = parsed.circle or into.circle
    into.referrer = parsed.referrer or into.referrer
    into.next_revisit = parsed.next_revisit or into.next_revisit


_INSERT_COLUMNS = ["id", *DATA_NAMES, "sort_name", "search_text", "created_at", "updated_at",
                   "import_batch_id"]
_INSERT_SQL = 'INSERT INTO "card" ({}) VALUES ({})'.format(
    ", ".join(f'"{c}"' for c in _INSERT_COLUMNS), ", ".join("?" * len(_INSERT_COLUMNS)))
_DATE_INDEXES = [i for i, c in enumerate(_INSERT_COLUMNS)
                 if c in ("first_contact", "transaction_date", "birthday")]


_SET_REFERRER_SQL = 'UPDATE "card" SET "referrer_id" = ? WHERE "id" = ?'


# The last rows, prepared by the second process ----------------------------------

MAIN_SHARE = 0.5
"""The part of a big file this process prepares itself; the second process
reads the file too and prepares the rest, writing them into a scratch file
that the import copies from in one statement. Such a row costs this process
about a third of what preparing and writing it here costs, but the second
process pays more for it (the scratch file) and starts later: on two cores
the two ended closest together at a half."""
MAIN_SHARE_READ = 0.75
"""The same when this process has the sheet already (read for the preview):
it begins on its rows at once, while the second process reads the file
(timed for 100,000 rows: 3.0 s at three quarters, 3.15 s at two thirds)."""


@dataclass(frozen=True)
class _TailSpec:
    path: str
    sheet: str | None
    today: datetime.date
    scratch: str
    """The scratch SQLite file the prepared rows go to."""
    share: float
    """The part of the rows the import prepares itself (the first ones)."""


@dataclass
class _Tail:
    spec: _TailSpec
    pool: parallel_rows.RowPool
    future: Future | None = None
    """prepare_tail's, once given its job (None if it could not be)."""

    def prepare(self, mapping: Mapping | None) -> None:
        """Give the second process its rows to prepare, columns mapped as
        `mapping` says (None: as `auto_map` maps them)."""
        items = None if mapping is None else tuple(sorted(mapping.items()))
        try:
            self.future = self.pool.submit(prepare_tail, self.spec, items)
        except parallel_rows.PoolBroken:
            self.future = None


def _tail_start(table: SheetTable, share: float) -> int:
    """The first spreadsheet row the second process prepares."""
    return table.header_row_number + 1 + int(table.row_count * share)


_KEY_COLUMNS = ["key_phone", "key_mobile", "key_email", "key_name", "key_company"]
_SCRATCH_DATA = _INSERT_COLUMNS[1:-3]
"""The card's values, sort name and search text, as they are inserted."""
_SCRATCH_COLUMNS = ["row_number", *_SCRATCH_DATA, "circle", "referrer", "next_revisit",
                    *_KEY_COLUMNS]
_SCRATCH_DATES = [_SCRATCH_COLUMNS.index(c) for c in ("first_contact", "transaction_date",
                                                      "birthday")]
_SCRATCH_INSERT = 'INSERT INTO "prep" VALUES ({})'.format(", ".join("?" * len(_SCRATCH_COLUMNS)))
_TAIL_KEYS_SQL = ('SELECT "row_number", {} FROM "import_scratch"."prep" '
                  'WHERE "row_number" >= ? ORDER BY "row_number"').format(
    ", ".join(f'"{c}"' for c in _KEY_COLUMNS))
_TAIL_IDS_SQL = ('INSERT INTO temp."import_ids" SELECT s."row_number", '
                 '? + ROW_NUMBER() OVER (ORDER BY s."row_number") '
                 'FROM "import_scratch"."prep" AS s WHERE s."row_number" >= ? '
                 'AND s."row_number" NOT IN (SELECT "row_number" FROM temp."import_skipped") '
                 'ORDER BY s."row_number"')
"""The ids of the rows taken from the scratch file, the duplicates left out."""
_TAIL_TAKEN = ('temp."import_ids" AS i CROSS JOIN "import_scratch"."prep" AS s '
               'ON s."row_number" = i."row_number"')
"""Those rows, in file order (CROSS JOIN: i first, in its order)."""
_TAIL_CIRCLES_SQL = (f'SELECT s."circle" FROM {_TAIL_TAKEN} WHERE s."circle" != \'\' '
                     'GROUP BY s."circle" ORDER BY MIN(i."row_number")')
_TAIL_NAMES_SQL = f'SELECT i."card_id", s."name" FROM {_TAIL_TAKEN} ORDER BY i."row_number"'
_TAIL_REFERRERS_SQL = (f'SELECT i."card_id", i."row_number", s."referrer" FROM {_TAIL_TAKEN} '
                       'WHERE s."referrer" != \'\' ORDER BY i."row_number"')
_TAIL_REVISITS_SQL = (f'SELECT i."card_id", s."next_revisit" FROM {_TAIL_TAKEN} '
                      'WHERE s."next_revisit" IS NOT NULL ORDER BY i."row_number"')
_TAIL_INSERT_SQL = ('INSERT INTO "card" ({}) SELECT i."card_id", {}, ?, ?, ? '
                    'FROM {} ORDER BY i."row_number"').format(
    ", ".join(f'"{c}"' for c in _INSERT_COLUMNS),
    ", ".join('(SELECT c."id" FROM temp."import_circles" AS c WHERE c."name" = s."circle")'
              if c == "circle_id" else "NULL" if c == "referrer_id" else f's."{c}"'
              for c in _SCRATCH_DATA),
    _TAIL_TAKEN)
_TAIL_TABLES = {
    "import_skipped": '("row_number" INTEGER PRIMARY KEY)',
    "import_ids": '("row_number" INTEGER PRIMARY KEY, "card_id" INTEGER NOT NULL)',
    "import_circles": '("name" TEXT PRIMARY KEY, "id" INTEGER NOT NULL)',
}
"""The temporary tables copying the scratch file's rows needs, for as long as it takes."""


TAIL_MEMORY_FLOOR = 1024**3
TAIL_MEMORY_PER_BYTE = 40
"""The second process's address space while it reads the file: a 9 MB
workbook of 100,000 rows takes 270 MB there."""


_read_here: tuple[_TailSpec, SheetTable] | None = None
"""In the second process: the sheet `read_tail` read, for `prepare_tail`."""


def read_tail(spec: _TailSpec, _unused: object = None) -> None:
    """In the second process: read the file, as the import reads it meanwhile."""
    global _read_here
    _read_here = None
    # The import checks the file in full as it reads it, and this process's
    # rows are used only if it found nothing wrong with the file (of this
    # size and time). Meanwhile a hostile workbook that unpacks to far more
    # than it says cannot take more than this here.
    size = (file_version(spec.path) or (0, 0))[0]
    with parallel_rows.memory_capped(max(TAIL_MEMORY_FLOOR, TAIL_MEMORY_PER_BYTE * size)):
        table = read_sheet(spec.path, spec.sheet, scan=False)
    if table.version is None:
        raise RuntimeError("the file changed while it was read")  # its rows are prepared there
    _read_here = (spec, table)


def prepare_tail(spec: _TailSpec, mapping: tuple | None) -> tuple[tuple, list]:
    """In the second process, after `read_tail`: prepare the rows from
    `_tail_start` on, columns mapped as `mapping` (its items) says, into the
    scratch file's table; return what was read (to be held to what the
    import read) and the rejected rows as (row number, cells, problems)."""
    global _read_here
    kept, _read_here = _read_here, None
    if kept is None or kept[0] != spec:
        raise RuntimeError("the file was not read")  # its rows are prepared there
    _, table = kept
    mapping = _mapping_for(table, None if mapping is None else dict(mapping))
    row_spec = RowSpec(tuple(table.headers), tuple(sorted(mapping.items())), spec.today)
    start = _tail_start(table, spec.share)
    rejected = []
    scratch = sqlite3.connect(spec.scratch, isolation_level=None)
    try:
        scratch.execute("PRAGMA journal_mode = OFF")  # a scratch file: thrown away on failure
        scratch.execute("PRAGMA synchronous = OFF")
        scratch.execute("BEGIN")
        for chunk in _chunks(table, start):
            lines = []
            for (row_number, cells), row in zip(chunk, prepare_rows(row_spec, chunk),
                                                strict=True):
                if row is None:
                    continue
                if row.__class__ is list:
                    rejected.append((row_number, list(cells), row))
                    continue
                values, _given, circle, referrer, next_revisit, keys, sort_name, search_text = row
                line = [row_number, *values, sort_name, search_text, circle, referrer,
                        next_revisit and next_revisit.isoformat(), *_key_columns(keys)]
                for index in _SCRATCH_DATES:
                    if line[index] is not None:
                        line[index] = line[index].isoformat()
                lines.append(line)
            scratch.executemany(_SCRATCH_INSERT, lines)
        scratch.execute("COMMIT")
    finally:
        scratch.close()
    return _what_was_read(table, row_spec, start), rejected


def _what_was_read(table: SheetTable, spec: "RowSpec", start: int) -> tuple:
    """What both processes must have read alike for the second one's rows to be used."""
    return (table.version, table.sheet_name, table.header_row_number, table.row_count, spec,
            start)


def _key_columns(keys: list) -> tuple:
    phones = [value for kind, value in keys if kind is PHONE_KEY]
    phones += [None, None]
    email = next((value for kind, value in keys if kind is EMAIL_KEY), None)
    name = next((value for kind, value in keys if kind is NAME_KEY), (None, None))
    return phones[0], phones[1], email, *name


@contextmanager
def _tail_started(pool: parallel_rows.RowPool | None, folder: str | None,
                  path: str | os.PathLike, sheet: str | None, today: datetime.date,
                  share: float) -> Iterator[_Tail | None]:
    """The second process set reading the file, its scratch file made and
    attached to this connection first (before the transaction: SQLite
    attaches nothing inside one; and before that process writes: attaching
    reads the file). None when there is no second process, or this fails."""
    if pool is None:
        yield None
        return
    # The second process works in another folder: the file's whole path.
    spec = _TailSpec(os.path.abspath(path), sheet, today, os.path.join(folder, "rows.sqlite3"),
                     share)
    try:
        with closing(sqlite3.connect(spec.scratch)) as scratch:
            scratch.execute('CREATE TABLE "prep" ({})'.format(", ".join(
                f'"{c}"' + (" INTEGER PRIMARY KEY" if c == "row_number" else "")
                for c in _SCRATCH_COLUMNS)))
        db.execute_sql('ATTACH DATABASE ? AS "import_scratch"', (spec.scratch,))
    except Exception:  # noqa: BLE001 - the rows are then prepared here
        _log.warning("no scratch file for the second process", exc_info=True)
        yield None
        return
    try:
        try:
            pool.submit(read_tail, spec, None)
            tail = _Tail(spec, pool)
        except parallel_rows.PoolBroken:
            tail = None
        yield tail
    finally:
        try:
            db.execute_sql('DETACH DATABASE "import_scratch"')
        except Exception:  # noqa: BLE001 - goes with the connection; must not hide an error
            _log.warning("the scratch file stays attached", exc_info=True)


def _take_tail(table: SheetTable, spec: "RowSpec", mode: DuplicateMode,
               duplicates: _DuplicateIndex, steps: _Progress, writer: "_Writer",
               tail: _Tail, start: int) -> None:
    """The rows from `start` on, as the second process prepared them: sorted
    out in file order as `_plan` does, then copied in one statement. If that
    process failed, or read the file otherwise (it changed in between), they
    are prepared here instead."""
    try:
        if tail.future is None:
            raise parallel_rows.PoolBroken
        read, rejected = tail.pool.result(tail.future, steps.cancelled)
    except Exception:  # noqa: BLE001 - ended, stalled or failed: prepare them here
        if steps.cancelled():
            raise ImportCancelled from None
        _log.warning("the second process did not prepare its rows", exc_info=True)
        read = None
    if read != _what_was_read(table, spec, start):
        if read is not None:
            _log.warning("the second process read the file otherwise")
        _plan(table, spec, mode, duplicates, steps, writer, start=start)
        return
    result = writer.result
    result.rejected.extend(RejectedRow(*row) for row in rejected)
    writer.flush()
    add_anyway = mode is DuplicateMode.ADD
    find_keys, add_keys = duplicates.find_keys, duplicates.add_keys
    skipped = []
    # Closed on the way out: a statement left open part-way would hold the
    # scratch file (it could not be let go of after a cancel).
    with closing(db.execute_sql(_TAIL_KEYS_SQL, (start,))) as cursor:
        while rows := cursor.fetchmany(CHUNK_ROWS):
            for row_number, phone, mobile, email, key_name, key_company in rows:
                keys = []  # as card_keys gives them
                if phone is not None:
                    keys.append((PHONE_KEY, phone))
                if mobile is not None:
                    keys.append((PHONE_KEY, mobile))
                if email is not None:
                    keys.append((EMAIL_KEY, email))
                if key_name is not None:
                    keys.append((NAME_KEY, (key_name, key_company)))
                if find_keys(keys) is not None:
                    if not add_anyway:
                        result.duplicates_skipped += 1
                        skipped.append((row_number,))
                        continue
                    result.duplicates_added += 1
                add_keys(keys, _ROW_OF_FILE)
            steps.step(len(rows))
    taken = _copy_tail(writer, start, skipped)
    result.imported += taken
    steps.step(taken)


def _copy_tail(writer: "_Writer", start: int, skipped: list[tuple[int]]) -> int:
    """Copy the second process's rows from `start` on into the cards, but
    the `skipped` ones, in one statement, with ids following the ones given
    so far; make the circles they name first, and hand their referrers and
    revisits to `writer`, to go in with the others. Returns how many cards
    it wrote."""
    with _tail_tables():
        db.cursor().executemany('INSERT INTO temp."import_skipped" VALUES (?)', skipped)
        taken = db.execute_sql(_TAIL_IDS_SQL, (writer.next_id - 1, start)).rowcount
        writer.next_id += taken
        circle_ids = {name: writer.circles.id_of(name)  # made in the order the file names them
                      for (name,) in db.execute_sql(_TAIL_CIRCLES_SQL).fetchall()}
        db.cursor().executemany('INSERT INTO temp."import_circles" VALUES (?, ?)',
                                list(circle_ids.items()))
        db.execute_sql(_TAIL_INSERT_SQL, (writer.now, writer.now, writer.batch_id))
        referrers = db.execute_sql(_TAIL_REFERRERS_SQL).fetchall()
        if referrers or writer.waiting_referrers:
            # Referrers are linked at the end, to the first card of their name.
            names = writer.names
            for card_id, name in db.execute_sql(_TAIL_NAMES_SQL):
                names.setdefault(name.casefold(), card_id)
            writer.waiting_referrers += [(card_id, row_number, referrer.casefold())
                                         for card_id, row_number, referrer in referrers]
        writer.follow_ups += [(card_id, datetime.date.fromisoformat(day))
                              for card_id, day in db.execute_sql(_TAIL_REVISITS_SQL)]
    return taken


@contextmanager
def _tail_tables() -> Iterator[None]:
    for name, columns in _TAIL_TABLES.items():
        db.execute_sql(f'DROP TABLE IF EXISTS temp."{name}"')
        db.execute_sql(f'CREATE TEMP TABLE "{name}" {columns}')
    try:
        yield
    finally:
        for name in _TAIL_TABLES:
            db.execute_sql(f'DROP TABLE IF EXISTS temp."{name}"')


class _Writer:
    """Writes the new cards in chunks as `_plan` hands them over, with ids given
    here (so referrers and follow-ups can point at them); then the circles that
    did not exist yet, the links that had to wait for them or for a referrer
    further down the file, the updates and the revisits.

    In update mode the rows are held until the end, since a later row of the
    file may still change an earlier one. The INSERT is one prepared statement
    run over each chunk: peewee's insert_many builds the SQL text anew for every
    row, ten times slower."""

    def __init__(self, result: ImportResult, live_names: dict[str, int], steps: _Progress,
                 batch_id: int, keep_rows: bool):
        self.result = result
        self.live_names = live_names
        self.steps = steps
        self.batch_id = batch_id
        self.keep_rows = keep_rows
        self.next_id = (Card.select(fn.MAX(Card.id)).scalar() or 0) + 1
        self.first_id = self.next_id
        self.pending: list[ParsedRow] = []
        self.updates: dict[int, list[ParsedRow]] = {}
        self.circles = _Circles(result, batch_id)
        self.names: dict[str, int] = {}
        """The file's new cards by case-folded name (the first of each name)."""
        self.waiting_referrers: list[tuple[int, int, str]] = []
        self.new_card_warnings: list[RowWarning] = []
        self.follow_ups: list[tuple[int, datetime.date]] = []
        self.now = str(_now())
        self.cursor = db.cursor()

    def add(self, row: ParsedRow) -> None:
        self.pending.append(row)
        if len(self.pending) >= CHUNK_ROWS and not self.keep_rows:
            self.flush()

    def flush(self) -> None:
        """Write the rows handed over so far."""
        if self.pending:
            self._insert(self.pending)
            self.pending = []

    def finish(self) -> None:
        rows, self.pending = self.pending, []
        for start in range(0, len(rows), CHUNK_ROWS):
            self._insert(rows[start:start + CHUNK_ROWS])
        del rows
        links = []
        for card_id, row_number, key in self.waiting_referrers:
            found = self.names.get(key) or self.live_names.get(key)
            if found is None or found == card_id:
                self._referrer_not_found(row_number)
            else:
                links.append((found, card_id))
        self.cursor.executemany(_SET_REFERRER_SQL, links)
        # As they would come row by row; the updated cards' after them.
        self.result.warnings.extend(sorted(self.new_card_warnings, key=lambda w: w.row_number))
        referrer_of = _referrer_linker(self.names, self.live_names, self.result)
        for card_id, update_rows in self.updates.items():
            _update_card(card_id, update_rows, self.circles, referrer_of, self.follow_ups,
                         self.now, self.batch_id)
        self.result.follow_ups_created = _add_revisits(self.follow_ups, self.first_id,
                                                       self.now, self.batch_id)

    def _insert(self, chunk: list[ParsedRow]) -> None:
        first = self.next_id
        self.next_id += len(chunk)
        names = self.names
        for card_id, row in enumerate(chunk, start=first):
            names.setdefault(row.values[_NAME_INDEX].casefold(), card_id)
        now, batch_id = self.now, self.batch_id
        circle_id_of, referrer_of = self.circles.id_of, self._referrer_of
        first_contact_at, transaction_at, birthday_at = _DATE_INDEXES
        lines = []
        for card_id, row in enumerate(chunk, start=first):
            sort_name, search_text = row.sort_name, row.search_text
            if sort_name is None:
                keys = derived_columns(row.card())
                sort_name, search_text = keys["sort_name"], keys["search_text"]
            # Run for every new card: each step inline.
            line = [card_id, *row.values, sort_name, search_text, now, now, batch_id]
            if row.circle:
                line[_CIRCLE_COLUMN] = circle_id_of(row.circle)
            if row.referrer:
                line[_REFERRER_COLUMN] = referrer_of(row.referrer, row.row_number, card_id)
            if (day := line[first_contact_at]) is not None:
                line[first_contact_at] = day.isoformat()
            if (day := line[transaction_at]) is not None:
                line[transaction_at] = day.isoformat()
            if (day := line[birthday_at]) is not None:
                line[birthday_at] = day.isoformat()
            lines.append(line)
            if row.next_revisit is not None:
                self.follow_ups.append((card_id, row.next_revisit))
        self.cursor.executemany(_INSERT_SQL, lines)
        self.result.imported += len(chunk)
        self.steps.step(len(chunk))

    def _referrer_of(self, referrer: str, row_number: int, card_id: int) -> int | None:
        """A card of the file first, then a live card; a name not (yet) seen
        in the file is looked up again at the end."""
        if not referrer:
            return None
        key = referrer.casefold()
        found = self.names.get(key)
        if found is None:
            self.waiting_referrers.append((card_id, row_number, key))
            return None
        if found == card_id:
            self._referrer_not_found(row_number)
            return None
        return found

    def _referrer_not_found(self, row_number: int) -> None:
        problem = RowProblem(None, "", ImportProblem.REFERRER_NOT_FOUND)
        self.new_card_warnings.append(RowWarning(row_number, problem))


_NAME_INDEX = DATA_NAMES.index("name")
_CIRCLE_COLUMN = _INSERT_COLUMNS.index("circle_id")
_REFERRER_COLUMN = _INSERT_COLUMNS.index("referrer_id")


def _update_card(card_id: int, rows: list[ParsedRow], circles: "_Circles",
                 referrer_of: Callable[[ParsedRow, int], int | None],
                 follow_ups: list[tuple[int, datetime.date]], now: str, batch_id: int) -> None:
    card = Card.get_by_id(card_id)
    values = {n: getattr(card, n) for n in DATA_NAMES if not n.endswith("_id")}
    data = CardData(**values, circle_id=card.circle_id, referrer_id=card.referrer_id)
    before = CardData(**values, circle_id=card.circle_id, referrer_id=card.referrer_id)
    for row in rows:
        given = row.card()
        for name in row.given:
            setattr(data, name, getattr(given, name))
        if row.circle:
            data.circle_id = circles.id_of(row.circle)
        if row.referrer:
            data.referrer_id = referrer_of(row, card_id) or data.referrer_id
        if row.next_revisit is not None:
            follow_ups.append((card_id, row.next_revisit))
    changes = {n: getattr(data, n) for n in DATA_NAMES if not n.endswith("_id")}
    Card.update(**changes, circle=data.circle_id, referrer=data.referrer_id,
                **derived_columns(data), updated_at=now).where(Card.id == card_id).execute()
    import_history.record_update(batch_id, card_id, before, data)


_FOLLOW_UP_SQL = ('INSERT INTO "follow_up" ("card_id", "kind", "due_date", "reason", "status",'
                  ' "outcome", "created_at", "import_batch_id")'
                  ' VALUES (?, \'revisit\', ?, \'\', \'open\', \'\', ?, ?)')


def _add_revisits(follow_ups: list[tuple[int, datetime.date]], first_new_id: int,
                  now: str, batch_id: int) -> int:
    """Open 'revisit' follow-ups, one per card and date; a card that had one
    open for that date already (only an updated card can) gets no second.
    Each remembers the import, so that undoing it takes them away."""
    wanted = set(follow_ups)
    old_ids = sorted({card_id for card_id, _ in wanted if card_id < first_new_id})
    for start in range(0, len(old_ids), CHUNK_ROWS):
        chunk = old_ids[start:start + CHUNK_ROWS]
        existing = (FollowUp.select(FollowUp.card, FollowUp.due_date)
                    .where(FollowUp.card.in_(chunk) & (FollowUp.kind == "revisit")
                           & (FollowUp.status == "open")).tuples())
        wanted -= set(existing)
    rows = [(card_id, due.isoformat(), now, batch_id) for card_id, due in sorted(wanted)]
    highest_id = FollowUp.select(fn.MAX(FollowUp.id)).scalar() or 0
    with bulk_indexes.indexes_dropped("follow_up",
                                      drop=bulk_indexes.worth_dropping(len(rows), highest_id)):
        db.cursor().executemany(_FOLLOW_UP_SQL, rows)
    return len(rows)


def _referrer_linker(in_file: dict[str, int], live: dict[str, int],
                     result: ImportResult) -> Callable[[ParsedRow, int], int | None]:
    """Referrer names resolve to a card of the file first, then a live card."""

    def referrer_of(row: ParsedRow, card_id: int) -> int | None:
        if not row.referrer:
            return None
        key = row.referrer.casefold()
        found = in_file.get(key) or live.get(key)
        if found is None or found == card_id:
            problem = RowProblem(None, "", ImportProblem.REFERRER_NOT_FOUND)
            result.warnings.append(RowWarning(row.row_number, problem))
            return None
        return found

    return referrer_of


class _Circles:
    """Circle names -> circle ids: an existing circle is found by its custom
    name or a built-in circle's English or Chinese label; the others are made
    when the file first names them (in that order), remembering the import."""

    def __init__(self, result: ImportResult, batch_id: int):
        self.result = result
        self.batch_id = batch_id
        self.known: dict[str, int] = {}
        for circle_id, builtin_key, name in Circle.select(
                Circle.id, Circle.builtin_key, Circle.name).order_by(Circle.id).tuples():
            if name:
                self.known.setdefault(normalise(name), circle_id)
            if builtin_key and builtin_key in BUILTIN_CIRCLE_LABELS:
                for label in BUILTIN_CIRCLE_LABELS[builtin_key]:
                    self.known.setdefault(normalise(label), circle_id)
        self.ids: dict[str, int] = {}
        """Name as written -> id (most rows repeat a few names)."""
        self.position = Circle.select(fn.MAX(Circle.position)).scalar() or 0

    def id_of(self, name: str) -> int:
        circle_id = self.ids.get(name)
        if circle_id is None:
            key = normalise(name) or name.casefold()
            circle_id = self.known.get(key)
            if circle_id is None:
                self.position += 1
                circle_id = self.known[key] = Circle.insert(
                    name=name, position=self.position, import_batch=self.batch_id).execute()
                self.result.circles_created += 1
            self.ids[name] = circle_id
        return circle_id


# Rejected rows ------------------------------------------------------------------

def save_rejects(path: str | os.PathLike, headers: list[str], rejected: list[RejectedRow],
                 reason_text: Callable[[ImportProblem], str] = english_reason,
                 reason_header: str = "Reason", row_header: str = "Row") -> None:
    """Write the rejected rows, cells as they were read, to an .xlsx file with
    the original header, then the row number and the reason(s) in two more
    columns. `reason_text` turns a reason into words (English by default)."""
    from prospect_desk.excel_export import atomic_xlsx

    with atomic_xlsx(path) as workbook:
        sheet = workbook.add_worksheet()
        bold = workbook.add_format({"bold": True})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        time_format = workbook.add_format({"num_format": "hh:mm:ss"})
        width = len(headers)
        sheet.freeze_panes(1, 0)
        for column, header in enumerate([*headers, row_header, reason_header]):
            sheet.write_string(0, column, header, bold)
        for line, reject in enumerate(rejected, start=1):
            for column, value in enumerate(reject.values[:width]):
                _write_cell(sheet, line, column, value, date_format, time_format)
            sheet.write_number(line, width, reject.row_number)
            reasons = "; ".join(_describe(p, reason_text) for p in reject.problems)
            sheet.write_string(line, width + 1, reasons)


def _describe(problem: RowProblem, reason_text: Callable[[ImportProblem], str]) -> str:
    text = reason_text(problem.reason)
    return f"{problem.header}: {text}" if problem.header else text


def _write_cell(sheet, row: int, column: int, value: Cell, date_format, time_format) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, column, value)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, column, value)
    elif isinstance(value, (datetime.date, datetime.datetime)):
        sheet.write_datetime(row, column, value, date_format)
    elif isinstance(value, datetime.time):
        sheet.write_datetime(row, column, value, time_format)
    else:
        sheet.write_string(row, column, cell_text(value))
