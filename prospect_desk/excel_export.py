"""Exporting prospect cards to an .xlsx file that `excel_import` reads back.

Rows are fetched from SQL a chunk at a time and streamed to xlsxwriter in
constant-memory mode. Text is always written as a text cell (so '=1+2' or
'+86 138…' is shown, never calculated), dates as date cells. The file is
written beside its target and moved into place only when complete.
"""

import datetime
import json
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from functools import lru_cache
from pathlib import Path

import xlsxwriter

from prospect_desk.builtin_labels import (
    CREDIT_STATUS_LABELS,
    KIND_LABELS,
    REFERRAL_SOURCE_LABELS,
    STAGE_LABELS,
    Language,
    circle_label,
    value_label,
)
from prospect_desk.card_query import card_ids as list_card_ids
from prospect_desk.header_mapping import DATE_FIELDS, ImportField, export_header
from prospect_desk.models import db

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

CHUNK_ROWS = 500
SLICE_IDS = 5000
DATE_FORMAT = "yyyy-mm-dd"

EXPORT_FIELDS: list[ImportField] = [
    ImportField.NAME, ImportField.KIND, ImportField.EMPLOYER, ImportField.PHONE,
    ImportField.MOBILE, ImportField.FAX, ImportField.EMAIL, ImportField.ADDRESS,
    ImportField.PERSON_IN_CHARGE, ImportField.HANDLER, ImportField.STAGE,
    ImportField.CREDIT_STATUS, ImportField.CIRCLE, ImportField.REFERRAL_SOURCE,
    ImportField.REFERRER, ImportField.FIRST_CONTACT, ImportField.TRANSACTION_DATE,
    ImportField.BIRTHDAY, ImportField.NEXT_REVISIT, ImportField.INTERESTS, ImportField.NOTES,
]
"""The columns of an exported file, in order."""

COLUMN_WIDTHS: dict[ImportField, int] = {
    ImportField.NAME: 22, ImportField.KIND: 10, ImportField.EMPLOYER: 26,
    ImportField.PHONE: 18, ImportField.MOBILE: 18, ImportField.FAX: 18,
    ImportField.EMAIL: 28, ImportField.ADDRESS: 36, ImportField.PERSON_IN_CHARGE: 14,
    ImportField.HANDLER: 14, ImportField.STAGE: 16, ImportField.CREDIT_STATUS: 12,
    ImportField.CIRCLE: 22, ImportField.REFERRAL_SOURCE: 18, ImportField.REFERRER: 16,
    ImportField.INTERESTS: 24, ImportField.NOTES: 40,
}
DATE_WIDTH = 14

_LABEL_TABLES = {
    ImportField.KIND: KIND_LABELS,
    ImportField.STAGE: STAGE_LABELS,
    ImportField.CREDIT_STATUS: CREDIT_STATUS_LABELS,
    ImportField.REFERRAL_SOURCE: REFERRAL_SOURCE_LABELS,
}

# One row per card: the card's own columns, then its circle, referrer and
# earliest open revisit. `{}` stands for a chunk of ids. The unary + keeps
# SQLite on the follow-up's card index (the status index would scan them all).
_CARD_COLUMNS = [f for f in EXPORT_FIELDS
                 if f not in (ImportField.CIRCLE, ImportField.REFERRER, ImportField.NEXT_REVISIT)]
# The ids to export come as JSON arrays, a slice each, and the rows are read
# in their order by a statement that writes nothing (a read-only file exports
# too, and another connection's write never holds it up). A slice is sorted
# whole before its first row comes: slices keep that short.
_SELECT = (
    "SELECT " + ", ".join(f"c.{f.value}" for f in _CARD_COLUMNS)
    + ", ci.builtin_key, ci.name, r.name,"
    " (SELECT MIN(f.due_date) FROM follow_up f WHERE f.card_id = c.id"
    " AND +f.kind = 'revisit' AND +f.status = 'open')"
    " FROM json_each(?) o CROSS JOIN card c ON c.id = o.value"
    " LEFT JOIN circle ci ON ci.id = c.circle_id"
    " LEFT JOIN card r ON r.id = c.referrer_id"
    " ORDER BY o.key"
)


class ExportCancelled(Exception):
    """The user cancelled; no file was written under the chosen name."""


def export_cards(path: str | os.PathLike, card_ids: Sequence[int] | None = None,
                 language: str = Language.EN, progress: ProgressCallback | None = None,
                 cancelled: CancelCheck | None = None) -> int:
    """Write the cards `card_ids` (in that order), or all live cards in name
    order, to the .xlsx file at `path`, with headers and labels in `language`.
    Returns how many cards were written."""
    language = Language(language)
    ids = list(card_ids) if card_ids is not None else list_card_ids()
    with atomic_xlsx(path) as workbook:
        sheet = _start_sheet(workbook, language)
        date_format = workbook.add_format({"num_format": DATE_FORMAT})
        written = 0
        for rows in _fetch_chunks(ids):
            for values in rows:
                written += 1
                _write_card(sheet, written, values, language, date_format)
            if cancelled is not None and cancelled():
                raise ExportCancelled
            if progress is not None:
                progress(written, len(ids))
        sheet.autofilter(0, 0, max(written, 1), len(EXPORT_FIELDS) - 1)
    if progress is not None:
        progress(len(ids), len(ids))
    return written


def _start_sheet(workbook: xlsxwriter.Workbook, language: Language):
    sheet = workbook.add_worksheet("Cards" if language is Language.EN else "潜在客户")
    bold = workbook.add_format({"bold": True})
    for column, target in enumerate(EXPORT_FIELDS):
        width = DATE_WIDTH if target in DATE_FIELDS else COLUMN_WIDTHS.get(target, 16)
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 0)
    for column, target in enumerate(EXPORT_FIELDS):
        sheet.write_string(0, column, export_header(target, language), bold)
    return sheet


def _fetch_chunks(ids: list[int]) -> Iterator[list[tuple]]:
    """The export rows of `ids`, a chunk at a time, in the order of `ids`
    (an id of no card is passed over)."""
    for start in range(0, len(ids), SLICE_IDS):
        # Closed on the way out, finished or not.
        with closing(db.execute_sql(_SELECT, (json.dumps(ids[start:start + SLICE_IDS]),))) \
                as cursor:
            while rows := cursor.fetchmany(CHUNK_ROWS):
                yield rows


_TEXT, _LABEL, _DATE, _CIRCLE, _REFERRER = range(5)


def _column_plan() -> list[tuple[int, int, ImportField]]:
    """For each column of EXPORT_FIELDS: how its cell is made, and from which
    value of a fetched row."""
    extra = len(_CARD_COLUMNS)  # builtin_key, circle name, referrer name, next revisit
    plan = []
    for target in EXPORT_FIELDS:
        if target is ImportField.CIRCLE:
            plan.append((_CIRCLE, extra, target))
        elif target is ImportField.REFERRER:
            plan.append((_REFERRER, extra + 2, target))
        elif target is ImportField.NEXT_REVISIT:
            plan.append((_DATE, extra + 3, target))
        elif target in _LABEL_TABLES:
            plan.append((_LABEL, _CARD_COLUMNS.index(target), target))
        elif target in DATE_FIELDS:
            plan.append((_DATE, _CARD_COLUMNS.index(target), target))
        else:
            plan.append((_TEXT, _CARD_COLUMNS.index(target), target))
    return plan


_COLUMN_PLAN = _column_plan()


def _write_card(sheet, row: int, values: tuple, language: Language, date_format) -> None:
    """Write a fetched row as the cells of EXPORT_FIELDS (an empty value
    leaves its cell empty)."""
    # A row of cells is a hundred thousand times the same few steps: the
    # labels and dates come from small caches, and empty cells are skipped.
    write_string, write_datetime = sheet.write_string, sheet.write_datetime
    for column, (kind, index, target) in enumerate(_COLUMN_PLAN):
        value = values[index]
        if kind == _TEXT or kind == _REFERRER:
            if value:
                write_string(row, column, value)
        elif kind == _DATE:
            if value:
                write_datetime(row, column, _as_date(value), date_format)
        elif kind == _LABEL:
            if label := _label(target, value, language):
                write_string(row, column, label)
        elif label := _circle(value, values[index + 1], language):
            write_string(row, column, label)


@lru_cache(maxsize=512)
def _label(target: ImportField, value: str | None, language: Language) -> str:
    return value_label(_LABEL_TABLES[target], value, language)


@lru_cache(maxsize=4096)
def _circle(builtin_key: str | None, name: str | None, language: Language) -> str:
    return circle_label(builtin_key, name, language) if builtin_key or name else ""


@lru_cache(maxsize=65536)
def _as_date(value: object) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


@contextmanager
def atomic_xlsx(path: str | os.PathLike) -> Iterator[xlsxwriter.Workbook]:
    """An xlsxwriter workbook (constant-memory) written to a temporary file in
    the folder of `path`, moved onto `path` only once closed without error."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".xlsx.tmp",
                                         dir=folder)
    os.close(handle)
    try:
        workbook = xlsxwriter.Workbook(temp_name, {
            "constant_memory": True,
            "tmpdir": str(folder),
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        })
        try:
            yield workbook
        except BaseException:
            _close_quietly(workbook)
            raise
        workbook.close()
        os.replace(temp_name, target)
    except BaseException:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
        raise


def _close_quietly(workbook: xlsxwriter.Workbook) -> None:
    try:
        workbook.close()
    except Exception:  # the file is removed anyway
        pass
