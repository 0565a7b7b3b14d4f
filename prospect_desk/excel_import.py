"""Importing prospect cards from a spreadsheet.

`read_sheet` (spreadsheet_read) gives the rows, `auto_map` (header_mapping) a
first mapping of columns to fields; `preview_import` shows what the first rows
would become, and `import_cards` writes the valid rows in one transaction.
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
from dataclasses import dataclass, field, fields
from enum import Enum, StrEnum
from itertools import repeat

from peewee import fn

from prospect_desk import bulk_indexes, import_history, parallel_rows, search_keys
from prospect_desk.builtin_labels import BUILTIN_CIRCLE_LABELS
from prospect_desk.cards import CardData, derived_columns
from prospect_desk.enums import Kind
from prospect_desk.header_mapping import (
    DATE_FIELDS,
    ImportField,
    Mapping,
    auto_map,
    normalise,
    parse_credit_status,
    parse_kind,
    parse_referral_source,
    parse_stage,
)
from prospect_desk.models import Card, Circle, FollowUp, _now, db
from prospect_desk.spreadsheet_read import Cell, SheetTable, cell_text, is_blank, read_sheet
from prospect_desk.validation import (
    EMAIL_PATTERN,
    CardProblem,
    DateParseError,
    DateProblem,
    check_card,
    parse_date,
)

_log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

CHUNK_ROWS = 500
"""Rows per INSERT statement, and how often progress and cancel are checked."""

MIN_PHONE_DIGITS = 6
"""Phones with fewer digits than this are not compared for duplicates."""


class ImportProblem(StrEnum):
    """Why a row was not imported (or, for a warning, what was left out)."""

    NAME_REQUIRED = "name_required"
    NOT_A_DATE = "not_a_date"
    IMPOSSIBLE_DATE = "impossible_date"
    UNKNOWN_KIND = "unknown_kind"
    UNKNOWN_STAGE = "unknown_stage"
    UNKNOWN_CREDIT_STATUS = "unknown_credit_status"
    UNKNOWN_REFERRAL_SOURCE = "unknown_referral_source"
    EMAIL_INVALID = "email_invalid"
    BIRTHDAY_IN_FUTURE = "birthday_in_future"
    REFERRER_NOT_FOUND = "referrer_not_found"
    """A warning: the row is imported without the link to its referrer."""


ENGLISH_REASONS: dict[ImportProblem, str] = {
    ImportProblem.NAME_REQUIRED: "No name",
    ImportProblem.NOT_A_DATE: "Not a date",
    ImportProblem.IMPOSSIBLE_DATE: "No such date",
    ImportProblem.UNKNOWN_KIND: "Unknown kind (company or individual)",
    ImportProblem.UNKNOWN_STAGE: "Unknown stage",
    ImportProblem.UNKNOWN_CREDIT_STATUS: "Unknown credit status",
    ImportProblem.UNKNOWN_REFERRAL_SOURCE: "Unknown referral source",
    ImportProblem.EMAIL_INVALID: "Not an e-mail address",
    ImportProblem.BIRTHDAY_IN_FUTURE: "Birthday in the future",
    ImportProblem.REFERRER_NOT_FOUND: "Referrer not found",
}


def english_reason(problem: ImportProblem) -> str:
    return ENGLISH_REASONS[problem]


class DuplicateMode(StrEnum):
    SKIP = "skip"
    UPDATE = "update"
    ADD = "add"


class DuplicateKey(StrEnum):
    """What two cards share that makes them duplicates."""

    PHONE = "phone"
    EMAIL = "email"
    NAME_AND_COMPANY = "name_and_company"


class ImportCancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True)
class RowProblem:
    column: int | None
    """The column index, or None when the problem is not one cell's."""
    header: str
    reason: ImportProblem


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


@dataclass(slots=True)
class ParsedRow:
    """One spreadsheet row as it would be imported."""

    row_number: int
    data: CardData | None
    """None once `freeze` has packed it into `values`."""
    circle: str = ""
    referrer: str = ""
    next_revisit: datetime.date | None = None
    given: set[str] = field(default_factory=set)
    """The CardData fields this row gives a value for (an update sets only these)."""
    problems: list[RowProblem] = field(default_factory=list)
    values: tuple | None = None
    sort_name: str | None = None
    """The stored sort and search keys, when worked out with the row (None:
    work them out from the card when it is written)."""
    search_text: str | None = None

    def card(self) -> CardData:
        return self.data if self.data is not None else CardData(*self.values)

    def freeze(self) -> None:
        """Keep the card as a tuple (a tenth of the memory) until it is written."""
        if self.data is not None:
            self.values = astuple_shallow(self.data)
            self.data = None
            given = frozenset(self.given)
            self.given = _GIVEN_SETS.setdefault(given, given)  # most rows share one


_GIVEN_SETS: dict[frozenset, frozenset] = {}


def astuple_shallow(data: CardData) -> tuple:
    """The values in field order (a dataclass's __dict__ keeps that order)."""
    return tuple(data.__dict__.values())


_DATA_NAMES = [f.name for f in fields(CardData)]


@dataclass(frozen=True)
class PreviewRow:
    row: ParsedRow
    duplicate: DuplicateMatch | None

    @property
    def problems(self) -> list[RowProblem]:
        return self.row.problems


# Turning cells into values --------------------------------------------------

_TEXT_FIELDS = frozenset({
    ImportField.ADDRESS, ImportField.PHONE, ImportField.MOBILE, ImportField.FAX,
    ImportField.EMAIL, ImportField.PERSON_IN_CHARGE, ImportField.HANDLER,
    ImportField.EMPLOYER, ImportField.INTERESTS, ImportField.NOTES,
})
_ENUM_PARSERS = {
    ImportField.KIND: (parse_kind, ImportProblem.UNKNOWN_KIND),
    ImportField.STAGE: (parse_stage, ImportProblem.UNKNOWN_STAGE),
    ImportField.CREDIT_STATUS: (parse_credit_status, ImportProblem.UNKNOWN_CREDIT_STATUS),
    ImportField.REFERRAL_SOURCE: (parse_referral_source, ImportProblem.UNKNOWN_REFERRAL_SOURCE),
}
_CARD_PROBLEMS = {
    CardProblem.NAME_REQUIRED: (ImportField.NAME, ImportProblem.NAME_REQUIRED),
    CardProblem.EMAIL_INVALID: (ImportField.EMAIL, ImportProblem.EMAIL_INVALID),
    CardProblem.BIRTHDAY_IN_FUTURE: (ImportField.BIRTHDAY, ImportProblem.BIRTHDAY_IN_FUTURE),
}


def cell_date(value: Cell) -> datetime.date | None:
    """A date cell as a date; text (or a number such as 20250304) in the
    spellings `parse_date` knows; raises DateParseError otherwise."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if is_blank(value):
        return None
    if isinstance(value, (bool, datetime.time)):
        raise DateParseError(cell_text(value), DateProblem.NOT_A_DATE)
    return parse_date(cell_text(value))


def normalise_mapping(mapping: dict) -> Mapping:
    """A mapping as the UI may have stored it (string keys and values) made typed."""
    return {int(column): (ImportField(value) if value else None)
            for column, value in mapping.items()}


_UNSEEN = object()


class _Role(Enum):
    TEXT = 1
    DATE = 2
    ENUM = 3
    EXTRA = 4
    """Name, company, circle and referrer: used to work out the card."""


def _role(target: ImportField) -> _Role:
    if target in DATE_FIELDS:
        return _Role.DATE
    if target in _ENUM_PARSERS:
        return _Role.ENUM
    if target in _TEXT_FIELDS:
        return _Role.TEXT
    return _Role.EXTRA


# Enum members and values looked up once, not on every cell.
_TEXT, _DATE, _ENUM, _EXTRA = _Role.TEXT, _Role.DATE, _Role.ENUM, _Role.EXTRA
_NAME, _COMPANY = ImportField.NAME.value, ImportField.COMPANY.value
_CIRCLE, _REFERRER = ImportField.CIRCLE.value, ImportField.REFERRER.value
_NEXT_REVISIT = ImportField.NEXT_REVISIT.value
_COMPANY_KIND, _INDIVIDUAL_KIND = Kind.COMPANY.value, Kind.INDIVIDUAL.value


class _RowParser:
    def __init__(self, headers: list[str], mapping: Mapping, today: datetime.date):
        self.headers = headers
        self.today = today
        self.columns: dict[ImportField, int] = {}
        for column, target in sorted(mapping.items()):
            if target is not None and column < len(headers):
                self.columns.setdefault(ImportField(target), column)
        self._enum_cache: dict[tuple[ImportField, str], str | None] = {}
        self._enum_values: dict[ImportField, dict[str, object]] = {}
        self.pinyin_known: dict[str, tuple[str, str]] = {}
        """Names and companies read already (most rows repeat a few companies)."""
        # The columns by what is done with them (run for every row: kept lean).
        plan = [(target.value, column, _role(target), target)
                for target, column in self.columns.items()]
        self.texts = [(name, column) for name, column, role, _ in plan if role is _TEXT]
        """Cells taken as text into the card's values."""
        self.extras = [(name, column) for name, column, role, _ in plan if role is _EXTRA]
        """Cells taken as text to work the card out from."""
        self.dates = [(name, column) for name, column, role, _ in plan if role is _DATE]
        self.enums = [(name, column, target) for name, column, role, target in plan
                      if role is _ENUM]

    def header(self, target: ImportField) -> str:
        column = self.columns.get(target)
        return self.headers[column] if column is not None else ""

    def parse(self, row_number: int, cells: list[Cell]) -> ParsedRow:
        """A blank cell (None, or only spaces) gives no value."""
        # Comprehensions: this runs for every cell of a big file.
        values: dict[str, object] = {
            name: cell if cell.__class__ is str else cell_text(cell)
            for name, column in self.texts
            if (cell := cells[column]) is not None
            and (cell.__class__ is not str or cell and not cell.isspace())}
        extra: dict[str, object] = {
            name: cell if cell.__class__ is str else cell_text(cell)
            for name, column in self.extras
            if (cell := cells[column]) is not None
            and (cell.__class__ is not str or cell and not cell.isspace())}
        problems: list[RowProblem] = []
        for name, column in self.dates:
            cell = cells[column]
            if cell.__class__ is datetime.date:
                value = cell
            elif cell is None or cell.__class__ is str and (not cell or cell.isspace()):
                continue
            else:
                value = self._date(cell, column, problems)
                if value is None:
                    continue
            if name == _NEXT_REVISIT:
                extra[_NEXT_REVISIT] = value
            else:
                values[name] = value
        for name, column, target in self.enums:
            cell = cells[column]
            if cell is None or cell.__class__ is str and (not cell or cell.isspace()):
                continue
            value = self._enum(cell, target, column, problems)
            if value is not None:
                values[name] = value
        parsed = ParsedRow(row_number=row_number, data=None, given=set(values),
                           problems=problems)
        self._fill(parsed, values, extra)
        return parsed

    def _date(self, cell: Cell, column: int,
              problems: list[RowProblem]) -> datetime.date | None:
        try:
            return cell_date(cell)
        except DateParseError as error:
            reason = (ImportProblem.IMPOSSIBLE_DATE if error.problem is DateProblem.IMPOSSIBLE
                      else ImportProblem.NOT_A_DATE)
            problems.append(RowProblem(column, self.headers[column], reason))
            return None

    def _enum(self, cell: Cell, target: ImportField, column: int,
              problems: list[RowProblem]) -> str | None:
        key = (target, cell if cell.__class__ is str else cell_text(cell))
        value = self._enum_cache.get(key, _UNSEEN)
        if value is _UNSEEN:
            parser, _problem = _ENUM_PARSERS[target]
            member = parser(key[1])
            value = self._enum_cache[key] = None if member is None else member.value
        if value is None:
            problems.append(RowProblem(column, self.headers[column], _ENUM_PARSERS[target][1]))
        return value

    def enum_values(self, target: ImportField, cells: tuple[Cell, ...]) -> list:
        """A column's cells as `target`'s values: None when blank, _BAD when
        the cell names none."""
        known = self._enum_values.setdefault(target, {None: None})
        values = [known.get(cell, _UNSEEN) for cell in cells]
        if _UNSEEN in values:
            parse = _ENUM_PARSERS[target][0]
            for index, cell in enumerate(cells):
                if values[index] is not _UNSEEN:
                    continue
                if cell.__class__ is str and (not cell or cell.isspace()):
                    value = None
                else:
                    member = parse(cell if cell.__class__ is str else cell_text(cell))
                    value = _BAD if member is None else member.value
                if cell.__class__ is str:  # a number equal to another (1, 1.0, True) is not
                    known[cell] = value
                values[index] = value
        return values

    def _fill(self, parsed: ParsedRow, values: dict, extra: dict) -> None:
        """Work out kind, name and employer (DOMAIN §1), then check the card."""
        name = str(extra.get(_NAME, "")).strip()
        company = str(extra.get(_COMPANY, "")).strip()
        kind = values.pop("kind", None)
        given = parsed.given
        if kind is not None:
            given.add("kind")
        else:
            kind = _COMPANY_KIND if company and not name else _INDIVIDUAL_KIND
        if kind == _COMPANY_KIND:
            if company and name and company != name and "person_in_charge" not in values:
                values["person_in_charge"] = name
                given.add("person_in_charge")
            name = company or name
        elif company and not values.get("employer"):
            values["employer"] = company
            given.add("employer")
        data = parsed.data = CardData(kind=kind, name=name, **values)
        given.add("name")
        parsed.circle = str(extra.get(_CIRCLE, "")).strip()
        parsed.referrer = str(extra.get(_REFERRER, "")).strip()
        parsed.next_revisit = extra.get(_NEXT_REVISIT)
        for error in check_card(data, today=self.today):
            target, reason = _CARD_PROBLEMS[error.problem]
            column = self.columns.get(target)
            if target is ImportField.NAME and column is None:
                column = self.columns.get(ImportField.COMPANY)
            header = self.headers[column] if column is not None else ""
            parsed.problems.append(RowProblem(column, header, reason))
        if len(parsed.problems) > 1:
            parsed.problems.sort(key=lambda p: (p.column is None, p.column or 0))


# Duplicates -------------------------------------------------------------------

def phone_key(phone: str) -> str:
    """The digits of a phone, without China's country code: +86 138-0013-8000,
    0086 13800138000 and 13800138000 are one number."""
    return phone_key_of_digits(search_keys.digits(phone))


def phone_key_of_digits(digits: str) -> str:
    if digits.startswith("00"):
        digits = digits[2:]
    if digits.startswith("86") and len(digits) >= 12:
        digits = digits[2:]
    return digits


_PHONE_KEY = DuplicateKey.PHONE
_EMAIL_KEY = DuplicateKey.EMAIL
_NAME_KEY = DuplicateKey.NAME_AND_COMPANY


def _keys(data: CardData) -> list[tuple[DuplicateKey, object]]:
    """The keys a card is found by (run for every row: kept lean)."""
    keys: list[tuple[DuplicateKey, object]] = []
    for phone in (data.phone, data.mobile):
        if phone:
            digits = phone_key(phone)
            if len(digits) >= MIN_PHONE_DIGITS:
                keys.append((_PHONE_KEY, digits))
    email = data.email
    if email:
        email = email.strip().casefold()
        if email:
            keys.append((_EMAIL_KEY, email))
    name = data.name.strip()
    if name:
        company = data.name if data.kind == _COMPANY_KIND else data.employer
        keys.append((_NAME_KEY, (name.casefold(), company.strip().casefold())))
    return keys


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
        return self.find_keys(_keys(data))

    def find_keys(self, keys: list) -> tuple[DuplicateKey, int | ParsedRow] | None:
        get = self.index.get
        for key in keys:
            target = get(key)
            if target is not None:
                return key[0], target
        return None

    def add(self, data: CardData, target: int | ParsedRow) -> None:
        self.add_keys(_keys(data), target)

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
    parser = _RowParser(table.headers, _mapping_for(table, mapping), datetime.date.today())
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
                mapping: Mapping | None = None,
                duplicate_mode: DuplicateMode = DuplicateMode.SKIP,
                progress: ProgressCallback | None = None,
                cancelled: CancelCheck | None = None) -> ImportResult:
    """Read `sheet` of the file at `path` and import it (see `import_cards`).

    The workbook unpacks on a side thread (calamine lets go of the GIL), while
    this one reads the live cards for the duplicate check and the pinyin
    dictionaries load; a file that cannot be read still changes nothing.

    A big file is read by a second process too, which prepares its last rows
    meanwhile (`prepare_tail`); not when duplicates update cards, since a
    later row may then change an earlier one."""
    mode = DuplicateMode(duplicate_mode)
    today = datetime.date.today()  # one day for both processes, even at midnight
    big = ((_file_version(path) or (0, 0))[0] >= PARALLEL_MIN_BYTES
           and mode is not DuplicateMode.UPDATE)
    with _collector_paused(), _scratch_folder(big) as folder, _second_process(big) as pool, \
            _tail_started(pool, folder, path, sheet, mapping, today) as tail:
        file_seen = _file_version(path)
        reader = _SideRead(path, sheet)
        threading.Thread(target=warm_up, daemon=True).start()
        duplicates = _DuplicateIndex()
        duplicates.load_live_cards(cancelled)
        table = reader.table()
        if tail is not None:
            tail.file_seen = file_seen
        # The second process's rows only when the file stayed as it was all along.
        same = table.row_count >= PARALLEL_MIN_ROWS and _file_version(path) == file_seen
        return _import(table, mapping, mode, progress, cancelled, os.path.basename(path),
                       duplicates, tail if same else None, today)


PARALLEL_MIN_ROWS = 5000
"""From this many rows on, a second process prepares the last rows
(parallel_rows); below, it costs more than it saves."""
PARALLEL_MIN_BYTES = 256 * 1024
"""A workbook this big may hold PARALLEL_MIN_ROWS rows: the second process is
started before the sheet is read, so that it has loaded by then."""


def _file_version(path: str | os.PathLike) -> tuple[int, int] | None:
    """Size and modification time: whether two reads read the same file.
    None when it cannot be looked at (read_sheet says what is wrong)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


@contextmanager
def _second_process(wanted: bool) -> Iterator[parallel_rows.RowPool | None]:
    pool = parallel_rows.start_pool(__name__, "warm_up") if wanted else None
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
    folder = tempfile.mkdtemp(prefix="prospect-desk-import-")
    try:
        yield folder
    finally:
        try:
            shutil.rmtree(folder)
        except OSError:
            _log.warning("the scratch folder %s stays", folder, exc_info=True)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the import. The import makes no
    reference cycles worth the name (reference counting frees its rows), but
    it keeps hundreds of thousands of duplicate keys and names alive, which
    every full collection walks again: with the collector on, some 1.5 s of a
    100k-row import went to it. The collector is on again afterwards, and the
    little cyclic garbage left (caught exceptions) is collected then."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
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
    with _collector_paused():
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
    result = ImportResult()
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
            spec = _Spec(tuple(table.headers), tuple(sorted(mapping.items())), today,
                         updates=mode is DuplicateMode.UPDATE)
            if tail is not None:
                cut = _tail_start(table)
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


@dataclass(frozen=True)
class _Spec:
    """What preparing a row needs besides the row: plain values, so that it
    can go to the second process (parallel_rows)."""

    headers: tuple[str, ...]
    mapping: tuple[tuple[int, ImportField | None], ...]
    today: datetime.date
    updates: bool = False
    """Whether a row may update a card: only then is it worked out which
    fields each row gives (ParsedRow.given), since only an update uses them."""


_parsers: dict[_Spec, _RowParser] = {}


def prepare_rows(spec: _Spec, chunk: list[tuple[int, list[Cell]]]) -> list:
    """Each row of `chunk` checked and worked out, on its own (it may run in
    another process): None for a blank row, the list of its problems for a
    row that cannot be imported, else (card values, fields given, circle,
    referrer, next revisit, duplicate keys, sort name, search text)."""
    parser = _parsers.get(spec)
    if parser is None:
        _parsers.clear()
        parser = _parsers[spec] = _RowParser(list(spec.headers), dict(spec.mapping), spec.today)
    return _prepare_columns(parser, chunk, spec.updates)


def prepare_row(parser: _RowParser, row_number: int, cells: list[Cell]) -> object:
    """One row as `prepare_rows` gives it, worked out by `_RowParser.parse`."""
    if all(is_blank(c) for c in cells):
        return None
    parsed = parser.parse(row_number, cells)
    if parsed.problems:
        return parsed.problems
    data = parsed.data
    parsed.freeze()
    derived = derived_columns(data)
    return (parsed.values, parsed.given, parsed.circle, parsed.referrer, parsed.next_revisit,
            _keys(data), derived["sort_name"], derived["search_text"])


_BAD = object()
"""A cell that cannot be read as its field's value (its row is rejected)."""
_NO_TEXT = repeat("")
_NO_VALUE = repeat(None)
_NO_PINYIN = repeat(("", ""))
_NOTHING_GIVEN = frozenset()
PINYIN_KEPT = 20_000
"""How many names' pinyin preparing rows keeps at most."""
_DEFAULTS = CardData()


def _text_of(cell: Cell) -> str:
    """A cell that is not a non-blank text, as text ('' when blank)."""
    if cell is None or cell.__class__ is str:
        return ""
    return cell_text(cell)


def _date_of(cell: Cell) -> datetime.date | None | object:
    if cell is None or cell.__class__ is str and (not cell or cell.isspace()):
        return None
    try:
        return cell_date(cell)
    except DateParseError:
        return _BAD


def _prepare_columns(parser: _RowParser, chunk: list[tuple[int, list[Cell]]],
                     updates: bool) -> list:
    """What `prepare_row` gives for each row of `chunk`, a column at a time:
    each column's cells are read in one pass, then each row is put together
    in one more. A row with a problem is prepared again by `prepare_row`,
    which names its problems (this only finds that it has one)."""
    rows = [cells for _, cells in chunk]
    columns = list(zip(*rows, strict=True)) if rows else []
    bad = [False] * len(rows)
    by_field: dict[str, list | repeat] = {}
    # When rows may update cards: each field's column, true where its cell gives a value.
    given: list[tuple[str, list]] = []
    for name, column in parser.texts:
        texts = [c if c.__class__ is str else _text_of(c) for c in columns[column]]
        if any(map(str.isspace, texts)):
            texts = [c if not c.isspace() else "" for c in texts]
        by_field[name] = texts
        if updates:
            given.append((name, by_field[name]))
    extra: dict[str, list] = {}
    for name, column in parser.extras:
        extra[name] = [c.strip() if c.__class__ is str else _text_of(c).strip()
                       for c in columns[column]]
    for name, column in parser.dates:
        dates = [c if c.__class__ is datetime.date else None if c is None or c == "" else
                 _date_of(c) for c in columns[column]]
        if _BAD in dates:
            bad = [b or d is _BAD for b, d in zip(bad, dates, strict=True)]
        if name == _NEXT_REVISIT:
            extra[name] = dates
        else:
            by_field[name] = dates
            if updates:
                given.append((name, [d is not None and d is not _BAD for d in dates]))
    for name, column, target in parser.enums:
        values = parser.enum_values(target, columns[column])
        if _BAD in values:
            bad = [b or v is _BAD for b, v in zip(bad, values, strict=True)]
        if name == "kind":
            by_field[name] = values
            continue
        if updates:
            given.append((name, [v is not None and v is not _BAD for v in values]))
        default = getattr(_DEFAULTS, name)
        by_field[name] = [default if v is None or v is _BAD else v for v in values]
    # Which fields a row gives, as the bits of a number: one per column, then these.
    given_names = [name for name, _ in given] + ["kind", "person_in_charge", "employer"]
    kind_given, person_given, employer_given = (1 << len(given), 2 << len(given),
                                                4 << len(given))
    masks = [0] * len(rows)
    for bit, (_, flags) in enumerate(given):
        masks = [m | 1 << bit if f else m for m, f in zip(masks, flags, strict=True)]
    given_sets: dict[int, frozenset] = {}

    def texts(name: str) -> list | repeat:
        return by_field.get(name, _NO_TEXT)

    def values(name: str) -> list | repeat:
        found = by_field.get(name)
        return found if found is not None else repeat(getattr(_DEFAULTS, name))

    if len(parser.pinyin_known) > PINYIN_KEPT:
        parser.pinyin_known.clear()

    def pinyin(column: list | None) -> list | repeat:
        return (_NO_PINYIN if column is None
                else search_keys.pinyin_pairs(column, parser.pinyin_known))

    def digits(name: str) -> list | repeat:
        column = by_field.get(name)
        return _NO_TEXT if column is None else search_keys.digits_of_each(column)

    today, email_pattern = parser.today, EMAIL_PATTERN
    cjk = search_keys.CJK
    prepared = []
    for ((row_number, cells), is_bad, mask, name_pinyin, company_pinyin, employer_pinyin,
         phone_digits, mobile_digits, fax_digits, kind, name, company, circle,
         referrer, next_revisit, address, phone, mobile, fax, email, person, handler,
         employer, interests, notes, first_contact, transaction_date, birthday, stage,
         credit_status, referral_source) in zip(
            chunk, bad, masks, pinyin(extra.get(_NAME)), pinyin(extra.get(_COMPANY)),
            pinyin(by_field.get("employer")), digits("phone"), digits("mobile"), digits("fax"),
            by_field.get("kind", _NO_VALUE),
            extra.get(_NAME, _NO_TEXT), extra.get(_COMPANY, _NO_TEXT),
            extra.get(_CIRCLE, _NO_TEXT), extra.get(_REFERRER, _NO_TEXT),
            extra.get(_NEXT_REVISIT, _NO_VALUE), texts("address"), texts("phone"),
            texts("mobile"), texts("fax"), texts("email"), texts("person_in_charge"),
            texts("handler"), texts("employer"), texts("interests"), texts("notes"),
            values("first_contact"), values("transaction_date"), values("birthday"),
            values("stage"), values("credit_status"), values("referral_source"),
            strict=False):  # the columns not in the file repeat their default
        if not name and not company and all(is_blank(c) for c in cells):
            prepared.append(None)
            continue
        if kind is None:
            kind = _COMPANY_KIND if company and not name else _INDIVIDUAL_KIND
        else:
            mask |= kind_given
        if kind == _COMPANY_KIND:
            if company and name and company != name and not person:
                person = name
                mask |= person_given
            if company:
                name, name_pinyin = company, company_pinyin
        elif company and not employer:
            employer, employer_pinyin = company, company_pinyin
            mask |= employer_given
        if (is_bad or not name or birthday is not None and birthday > today
                or email and (address_part := email.strip())
                and not email_pattern.match(address_part)):
            prepared.append(prepare_row(parser, row_number, cells))
            continue
        keys = []  # as _keys gives them
        for found in (phone_digits, mobile_digits):
            if found and len(found := phone_key_of_digits(found)) >= MIN_PHONE_DIGITS:
                keys.append((_PHONE_KEY, found))
        if email and (folded := email.strip().casefold()):
            keys.append((_EMAIL_KEY, folded))
        keys.append((_NAME_KEY, (name.casefold(), (name if kind == _COMPANY_KIND
                                                    else employer).strip().casefold())))
        # As derived_columns works them out.
        parts = [name, employer, email, address, interests, notes, person, handler, phone,
                 mobile, fax, phone_digits, mobile_digits, fax_digits]
        if cjk.search(name):
            parts += name_pinyin
            sort_name = f"{name_pinyin[0]} {name}"
        else:
            sort_name = f"{name.lower()} {name}"
        if employer and cjk.search(employer):
            parts += employer_pinyin
        given_set = given_sets.get(mask) if updates else _NOTHING_GIVEN
        if given_set is None:
            names = frozenset([n for b, n in enumerate(given_names) if mask >> b & 1]
                              + ["name"])
            given_set = given_sets[mask] = _GIVEN_SETS.setdefault(names, names)
        prepared.append((
            (kind, name, address, phone, mobile, fax, email, person, handler, employer,
             interests, notes, first_contact, transaction_date, birthday, stage,
             credit_status, None, referral_source, None),
            given_set, circle, referrer, next_revisit, keys, sort_name,
            search_keys.joined(parts)))
    return prepared


def warm_up() -> None:
    """Load what preparing rows loads on first use (the pinyin dictionaries)."""
    search_keys.pinyin_full("中")


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


def _plan(table: SheetTable, spec: "_Spec", mode: DuplicateMode,
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


_INSERT_COLUMNS = ["id", *_DATA_NAMES, "sort_name", "search_text", "created_at", "updated_at",
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
a quarter of what preparing and writing it here costs, but the second
process pays more for it (the scratch file) and starts later: on two cores
the two ended closest together at a half."""


@dataclass(frozen=True)
class _TailSpec:
    path: str
    sheet: str | None
    mapping: tuple[tuple[int, ImportField | None], ...] | None
    today: datetime.date
    scratch: str
    """The scratch SQLite file the prepared rows go to."""


@dataclass
class _Tail:
    spec: _TailSpec
    pool: parallel_rows.RowPool
    future: Future
    file_seen: tuple[int, int] | None = None
    """The file's size and time when this process read it."""


def _tail_start(table: SheetTable) -> int:
    """The first spreadsheet row the second process prepares."""
    return table.header_row_number + 1 + int(table.row_count * MAIN_SHARE)


_KEY_COLUMNS = ["key_phone", "key_mobile", "key_email", "key_name", "key_company"]
_SCRATCH_DATA = _INSERT_COLUMNS[1:-3]
"""The card's values, sort name and search text, as they are inserted."""
_SCRATCH_COLUMNS = ["row_number", *_SCRATCH_DATA, "circle", "referrer", "next_revisit",
                    *_KEY_COLUMNS]
_SCRATCH_DATES = [_SCRATCH_COLUMNS.index(c) for c in ("first_contact", "transaction_date",
                                                      "birthday")]
_SCRATCH_INSERT = 'INSERT INTO "prep" VALUES ({})'.format(", ".join("?" * len(_SCRATCH_COLUMNS)))
_TAIL_READ_SQL = ('SELECT "row_number", "name", "circle", "referrer", "next_revisit", {} '
                  'FROM "import_scratch"."prep" WHERE "row_number" >= ? '
                  'ORDER BY "row_number"').format(
    ", ".join(f'"{c}"' for c in _KEY_COLUMNS))
# CROSS JOIN: the plan outside, in row order, which is card id order too, so the
# cards are appended (SQLite would otherwise sort them first).
_TAIL_INSERT_SQL = ('INSERT INTO "card" ({}) SELECT p."card_id", {}, ?, ?, ? '
                    'FROM temp."import_plan" AS p CROSS JOIN "import_scratch"."prep" AS s '
                    'ON s."row_number" = p."row_number"').format(
    ", ".join(f'"{c}"' for c in _INSERT_COLUMNS),
    ", ".join(f'p."{c}"' if c in ("circle_id", "referrer_id") else f's."{c}"'
              for c in _SCRATCH_DATA))


TAIL_MEMORY_FLOOR = 1024**3
TAIL_MEMORY_PER_BYTE = 40
"""The second process's address space while it reads the file: a 9 MB
workbook of 100,000 rows takes 270 MB there."""


def prepare_tail(spec: _TailSpec, _unused: object = None) -> tuple[tuple, list]:
    """In the second process: read the file, prepare the rows from
    `_tail_start` on into the scratch file's table, and return what was read
    (to be held to what the import read) and the rejected rows as (row
    number, cells, problems)."""
    file_seen = _file_version(spec.path)
    # This process reads the file while the import reads it too, and checks
    # it in full: its rows are used only if the import found nothing wrong
    # with the file (of this size and time). Meanwhile a hostile workbook
    # that unpacks to far more than it says cannot take more than this.
    with parallel_rows.memory_capped(max(TAIL_MEMORY_FLOOR,
                                         TAIL_MEMORY_PER_BYTE * (file_seen or (0, 0))[0])):
        table = read_sheet(spec.path, spec.sheet, scan=False)
    if _file_version(spec.path) != file_seen:
        raise RuntimeError("the file changed while it was read")  # its rows are prepared there
    mapping = _mapping_for(table, None if spec.mapping is None else dict(spec.mapping))
    row_spec = _Spec(tuple(table.headers), tuple(sorted(mapping.items())), spec.today)
    start = _tail_start(table)
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
    return _what_was_read(file_seen, table, row_spec, start), rejected


def _what_was_read(file_seen: tuple[int, int] | None, table: SheetTable, spec: "_Spec",
                   start: int) -> tuple:
    return (file_seen, table.sheet_name, table.header_row_number, table.row_count, spec,
            start)


def _key_columns(keys: list) -> tuple:
    phones = [value for kind, value in keys if kind is _PHONE_KEY]
    phones += [None, None]
    email = next((value for kind, value in keys if kind is _EMAIL_KEY), None)
    name = next((value for kind, value in keys if kind is _NAME_KEY), (None, None))
    return phones[0], phones[1], email, *name


@contextmanager
def _tail_started(pool: parallel_rows.RowPool | None, folder: str | None,
                  path: str | os.PathLike, sheet: str | None, mapping: Mapping | None,
                  today: datetime.date) -> Iterator[_Tail | None]:
    """The second process's job begun, its scratch file made and attached to
    this connection first (before the transaction: SQLite attaches nothing
    inside one; and before that process writes: attaching reads the file).
    None when there is no second process, or this fails."""
    if pool is None:
        yield None
        return
    spec = _TailSpec(str(path), sheet, None if mapping is None else
                     tuple(sorted(mapping.items())), today, os.path.join(folder, "rows.sqlite3"))
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
            tail = _Tail(spec, pool, pool.submit(prepare_tail, spec, None))
        except parallel_rows.PoolBroken:
            tail = None
        yield tail
    finally:
        try:
            db.execute_sql('DETACH DATABASE "import_scratch"')
        except Exception:  # noqa: BLE001 - goes with the connection; must not hide an error
            _log.warning("the scratch file stays attached", exc_info=True)


def _take_tail(table: SheetTable, spec: "_Spec", mode: DuplicateMode,
               duplicates: _DuplicateIndex, steps: _Progress, writer: "_Writer",
               tail: _Tail, start: int) -> None:
    """The rows from `start` on, as the second process prepared them: sorted
    out in file order as `_plan` does, then copied in one statement. If that
    process failed, or read the file otherwise (it changed in between), they
    are prepared here instead."""
    try:
        read, rejected = tail.pool.result(tail.future, steps.cancelled)
    except Exception:  # noqa: BLE001 - ended, stalled or failed: prepare them here
        if steps.cancelled():
            raise ImportCancelled from None
        _log.warning("the second process did not prepare its rows", exc_info=True)
        read = None
    if read != _what_was_read(tail.file_seen, table, spec, start):
        if read is not None:
            _log.warning("the second process read the file otherwise")
        _plan(table, spec, mode, duplicates, steps, writer, start=start)
        return
    result = writer.result
    result.rejected.extend(RejectedRow(*row) for row in rejected)
    writer.flush()
    add_anyway = mode is DuplicateMode.ADD
    find_keys, add_keys = duplicates.find_keys, duplicates.add_keys
    place = writer.place
    plan = []
    # Closed on the way out: a statement left open part-way would hold the
    # scratch file (it could not be let go of after a cancel).
    with closing(db.execute_sql(_TAIL_READ_SQL, (start,))) as cursor:
        while rows := cursor.fetchmany(CHUNK_ROWS):
            for (row_number, name, circle, referrer, next_revisit, phone, mobile, email,
                 key_name, key_company) in rows:
                keys = []  # as _keys gives them
                if phone is not None:
                    keys.append((_PHONE_KEY, phone))
                if mobile is not None:
                    keys.append((_PHONE_KEY, mobile))
                if email is not None:
                    keys.append((_EMAIL_KEY, email))
                if key_name is not None:
                    keys.append((_NAME_KEY, (key_name, key_company)))
                if find_keys(keys) is not None:
                    if not add_anyway:
                        result.duplicates_skipped += 1
                        continue
                    result.duplicates_added += 1
                add_keys(keys, _ROW_OF_FILE)
                plan.append(place(row_number, name, circle, referrer, next_revisit))
            steps.step(len(rows))
    db.execute_sql('CREATE TEMP TABLE "import_plan" ("row_number" INTEGER PRIMARY KEY, '
                   '"card_id" INTEGER, "circle_id" INTEGER, "referrer_id" INTEGER)')
    try:
        db.cursor().executemany('INSERT INTO temp."import_plan" VALUES (?, ?, ?, ?)', plan)
        db.execute_sql(_TAIL_INSERT_SQL, (writer.now, writer.now, writer.batch_id))
    finally:
        db.execute_sql('DROP TABLE IF EXISTS temp."import_plan"')
    result.imported += len(plan)
    steps.step(len(plan))


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

    def place(self, row_number: int, name: str, circle: str, referrer: str,
              next_revisit: str | None) -> tuple[int, int, int | None, int | None]:
        """An id, circle and referrer for a new card that another process
        wrote out (`_take_tail`): (row number, card id, circle id, referrer id)."""
        card_id = self.next_id
        self.next_id += 1
        self.names.setdefault(name.casefold(), card_id)
        if next_revisit is not None:
            self.follow_ups.append((card_id, datetime.date.fromisoformat(next_revisit)))
        return (row_number, card_id, self.circles.id_of(circle) if circle else None,
                self._referrer_of(referrer, row_number, card_id))

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
        lines = []
        for card_id, row in zip(range(first, self.next_id), chunk, strict=True):
            sort_name, search_text = row.sort_name, row.search_text
            if sort_name is None:
                keys = derived_columns(row.card())
                sort_name, search_text = keys["sort_name"], keys["search_text"]
            line = [card_id, *row.values, sort_name, search_text, now, now, batch_id]
            line[_CIRCLE_COLUMN] = self._circle_of(row, card_id)
            line[_REFERRER_COLUMN] = self._referrer_of(row.referrer, row.row_number, card_id)
            for index in _DATE_INDEXES:
                if line[index] is not None:
                    line[index] = line[index].isoformat()
            lines.append(line)
            if row.next_revisit is not None:
                self.follow_ups.append((card_id, row.next_revisit))
        self.cursor.executemany(_INSERT_SQL, lines)
        self.result.imported += len(chunk)
        self.steps.step(len(chunk))

    def _circle_of(self, row: ParsedRow, card_id: int) -> int | None:
        if not row.circle:
            return None
        return self.circles.id_of(row.circle)

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


_NAME_INDEX = _DATA_NAMES.index("name")
_CIRCLE_COLUMN = _INSERT_COLUMNS.index("circle_id")
_REFERRER_COLUMN = _INSERT_COLUMNS.index("referrer_id")


def _update_card(card_id: int, rows: list[ParsedRow], circles: "_Circles",
                 referrer_of: Callable[[ParsedRow, int], int | None],
                 follow_ups: list[tuple[int, datetime.date]], now: str, batch_id: int) -> None:
    card = Card.get_by_id(card_id)
    values = {n: getattr(card, n) for n in _DATA_NAMES if not n.endswith("_id")}
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
    changes = {n: getattr(data, n) for n in _DATA_NAMES if not n.endswith("_id")}
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
    existing = FollowUp.select(fn.MAX(FollowUp.id)).scalar() or 0
    with bulk_indexes.indexes_dropped("follow_up",
                                      drop=bulk_indexes.worth_dropping(len(rows), existing)):
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
