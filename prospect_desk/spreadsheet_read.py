"""Reading a spreadsheet (.xlsx, .xls, .ods or .csv) safely into rows of plain values.

Cells keep what was written: text stays text, dates come as `datetime.date`,
and numbers as int or float; `cell_text` turns a cell into the text a user saw
(13800138000, never 1.38E+10 or 13800138000.0). A file that cannot be read
raises `SpreadsheetError` with a `ReadProblem`; nothing else is touched.
"""

import codecs
import csv
import datetime
import io
import os
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import python_calamine

Cell = str | int | float | bool | datetime.date | datetime.datetime | datetime.time | None

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
MAX_UNZIPPED_BYTES = 2 * 1024**3
"""A workbook whose parts unpack to more than this is refused (a zip bomb)."""

CSV_SUFFIXES = {".csv", ".txt"}
CSV_SHEET_NAME = "CSV"


class ReadProblem(StrEnum):
    NOT_FOUND = "not_found"
    EMPTY = "empty"
    NOT_A_SPREADSHEET = "not_a_spreadsheet"
    DAMAGED = "damaged"
    ENCRYPTED = "encrypted"
    TOO_LARGE = "too_large"
    SHEET_NOT_FOUND = "sheet_not_found"
    NO_HEADER = "no_header"
    UNKNOWN_ENCODING = "unknown_encoding"


class SpreadsheetError(Exception):
    def __init__(self, path: str | os.PathLike, problem: ReadProblem, detail: str = ""):
        super().__init__(f"{problem}: {path}" + (f" ({detail})" if detail else ""))
        self.path = Path(path)
        self.problem = problem
        self.detail = detail


RowSource = Callable[[], Iterator[list[Cell]]]
"""Gives the sheet's rows from row 1 and column A, each time it is called."""


@dataclass
class SheetTable:
    """One sheet: its header row and the rows under it, read lazily (the
    workbook's cells stay in calamine's compact form until asked for)."""

    sheet_name: str
    headers: list[str]
    header_row_number: int
    """The spreadsheet row number (1-based) of the header row."""
    row_count: int
    """How many rows follow the header (blank ones included)."""
    source: RowSource

    def rows(self) -> Iterator[tuple[int, list[Cell]]]:
        """Each data row with its spreadsheet row number, as a list exactly as
        long as the header row (cut or padded with '')."""
        width = len(self.headers)
        for number, row in enumerate(self.source(), start=1):
            if number <= self.header_row_number:
                continue
            if len(row) != width:
                row = list(row[:width]) + [""] * (width - len(row))
            yield number, row


def cell_text(value: Cell) -> str:
    """The text a cell shows: integral numbers without '.0', dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return str(value)
    return str(value)


def is_blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def sheet_names(path: str | os.PathLike) -> list[str]:
    """The sheets of a workbook, in order; a CSV file has one."""
    path = Path(path)
    if _is_csv(path):
        _check_exists(path)
        return [CSV_SHEET_NAME]
    workbook = _open_workbook(path)
    try:
        return list(workbook.sheet_names)
    finally:
        workbook.close()


def read_sheet(path: str | os.PathLike, sheet: str | None = None) -> SheetTable:
    """The sheet named `sheet` (the first one when None) of the file at `path`."""
    path = Path(path)
    if _is_csv(path):
        _check_exists(path)
        rows = _read_csv_rows(path)
        return _table(path, CSV_SHEET_NAME, lambda: iter(rows), len(rows))
    workbook = _open_workbook(path)
    try:
        names = workbook.sheet_names
        if not names:
            raise SpreadsheetError(path, ReadProblem.EMPTY)
        name = sheet if sheet is not None else names[0]
        if name not in names:
            raise SpreadsheetError(path, ReadProblem.SHEET_NOT_FOUND, name)
        try:
            calamine_sheet = workbook.get_sheet_by_name(name)
        except python_calamine.PasswordError as exc:
            raise SpreadsheetError(path, ReadProblem.ENCRYPTED, str(exc)) from exc
        except Exception as exc:  # calamine's XmlError, ZipError, CalamineError
            raise SpreadsheetError(path, ReadProblem.DAMAGED, str(exc)) from exc
    finally:
        workbook.close()
    return _table(path, name, _calamine_rows(calamine_sheet), _calamine_height(calamine_sheet))


def _calamine_rows(sheet: python_calamine.CalamineSheet) -> RowSource:
    """calamine yields rows from row 1 but columns from the first used one;
    blank cells are put back in front so that column j is always column j."""
    first_column = sheet.start[1] if sheet.start else 0
    padding = [""] * first_column

    def rows() -> Iterator[list[Cell]]:
        if sheet.start is None:
            return
        for row in sheet.iter_rows():
            yield padding + row if first_column else row

    return rows


def _calamine_height(sheet: python_calamine.CalamineSheet) -> int:
    return sheet.end[0] + 1 if sheet.end else 0


def _table(path: Path, name: str, source: RowSource, height: int) -> SheetTable:
    header_number = None
    for number, row in enumerate(source(), start=1):
        if any(not is_blank(c) for c in row):
            header_number, header_cells = number, row
            break
    if header_number is None:
        raise SpreadsheetError(path, ReadProblem.EMPTY)
    if not any(isinstance(c, str) and c.strip() for c in header_cells):
        raise SpreadsheetError(path, ReadProblem.NO_HEADER)
    headers = [cell_text(c).strip() for c in header_cells]
    while headers and not headers[-1]:
        headers.pop()
    return SheetTable(sheet_name=name, headers=headers, header_row_number=header_number,
                      row_count=max(height - header_number, 0), source=source)


def _is_csv(path: Path) -> bool:
    return path.suffix.lower() in CSV_SUFFIXES


def _check_exists(path: Path) -> None:
    if not path.is_file():
        raise SpreadsheetError(path, ReadProblem.NOT_FOUND)
    if path.stat().st_size == 0:
        raise SpreadsheetError(path, ReadProblem.EMPTY)


def _open_workbook(path: Path) -> python_calamine.CalamineWorkbook:
    _check_exists(path)
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head.startswith(ZIP_SIGNATURE):
        _check_zip(path)
    elif head == OLE_SIGNATURE:
        _check_ole(path)
    else:
        raise SpreadsheetError(path, ReadProblem.NOT_A_SPREADSHEET)
    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError as exc:
        raise SpreadsheetError(path, ReadProblem.ENCRYPTED, str(exc)) from exc
    except Exception as exc:
        raise SpreadsheetError(path, ReadProblem.DAMAGED, str(exc)) from exc


def _check_zip(path: Path) -> None:
    """A workbook is a zip holding a workbook part; a damaged one is refused here."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SpreadsheetError(path, ReadProblem.DAMAGED, str(exc)) from exc
    names = {info.filename for info in infos}
    if not ({"xl/workbook.xml", "xl/workbook.bin", "content.xml"} & names):
        if "[Content_Types].xml" in names or "mimetype" in names:
            raise SpreadsheetError(path, ReadProblem.DAMAGED, "no workbook part")
        raise SpreadsheetError(path, ReadProblem.NOT_A_SPREADSHEET, "zip without a workbook")
    if sum(info.file_size for info in infos) > MAX_UNZIPPED_BYTES:
        raise SpreadsheetError(path, ReadProblem.TOO_LARGE)


def _check_ole(path: Path) -> None:
    """An OLE file is a legacy .xls or an encrypted (password-protected) workbook,
    whose directory names the 'EncryptionInfo' stream."""
    with open(path, "rb") as handle:
        data = handle.read(4 * 1024 * 1024)
    if "EncryptionInfo".encode("utf-16-le") in data or b"\x06DataSpaces" in data:
        raise SpreadsheetError(path, ReadProblem.ENCRYPTED)


def _read_csv_rows(path: Path) -> list[list[Cell]]:
    raw = path.read_bytes()
    text = _decode(path, raw)
    try:
        dialect = csv.Sniffer().sniff(text[:65536], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    except csv.Error as exc:
        raise SpreadsheetError(path, ReadProblem.DAMAGED, str(exc)) from exc


def _decode(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without a BOM), UTF-16 with a BOM, else GB18030."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        raise SpreadsheetError(path, ReadProblem.NOT_A_SPREADSHEET, "binary data")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SpreadsheetError(path, ReadProblem.UNKNOWN_ENCODING)
