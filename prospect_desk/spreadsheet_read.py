"""Reading a spreadsheet (.xlsx, .xls, .ods or .csv) safely into rows of plain values.

Cells keep what was written: text stays text, dates come as `datetime.date`,
and numbers as int or float; `cell_text` turns a cell into the text a user saw
(13800138000, never 1.38E+10 or 13800138000.0). A file that cannot be read
raises `SpreadsheetError` with a `ReadProblem`; nothing else is touched.

A file is checked before it is parsed, each time in bounded memory: a workbook
must be a whole zip (or a legacy .xls) and not encrypted; its parts must not
unpack to far more than they take packed (a zip bomb), and are streamed once
through zlib to see that they unpack to no more than they say; no XML part may
declare a DOCTYPE or ENTITY (billion laughs, XXE); no cell may hold control
characters or more than 32,767 characters, and no sheet more than 1,048,576
rows, which is as far as Excel itself goes. A CSV file gets the same checks on
its text, plus a size limit and no binary content.
"""

import codecs
import csv
import datetime
import io
import os
import re
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from xml.parsers import expat

import python_calamine

Cell = str | int | float | bool | datetime.date | datetime.datetime | datetime.time | None

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
MAX_UNZIPPED_BYTES = 2 * 1024**3
"""A workbook whose parts unpack to more than this is refused (a zip bomb)."""
MAX_RATIO = 100
"""A part that unpacks to more than this many times its packed size is a zip
bomb (Apache POI draws the same line); parts under RATIO_FLOOR are not judged."""
RATIO_FLOOR = 1024**2
MAX_CSV_BYTES = 512 * 1024**2
"""A CSV file larger than this is refused: it is read into memory whole."""
MAX_CELL_CHARS = 32_767
MAX_ROWS = 1_048_576
"""Excel's own limits: a file beyond them was not made by a spreadsheet program."""
MAX_CSV_LINE_BYTES = 1024**2
"""A CSV line longer than this (a megabyte) is refused, as the csv module would."""
PROLOG_LIMIT = 1024**2
"""An XML part must reach its first element within this many bytes."""
SCAN_CHUNK = 1024**2
XML_PART_SUFFIXES = (".xml", ".rels", ".vml")

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
    ZIP_BOMB = "zip_bomb"
    XML_ENTITIES = "xml_entities"
    CONTROL_CHARACTERS = "control_characters"
    CELL_TOO_LONG = "cell_too_long"
    TOO_MANY_ROWS = "too_many_rows"
    LINE_TOO_LONG = "line_too_long"
    BINARY_DATA = "binary_data"


class SpreadsheetError(Exception):
    def __init__(self, path: str | os.PathLike, problem: ReadProblem, detail: str = "",
                 row: int | None = None):
        super().__init__(f"{problem}: {path}" + (f" ({detail})" if detail else "")
                         + (f" row {row}" if row is not None else ""))
        self.path = Path(path)
        self.problem = problem
        self.detail = detail
        self.row = row
        """The row (1-based, as the spreadsheet numbers it) the problem is in, if known."""

    def __reduce__(self):
        # Sent back pickled from the second process (parallel_rows).
        return type(self), (self.path, self.problem, self.detail, self.row)


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
    version: tuple[int, ...] | None = None
    """The file's `file_version` all the while it was read (None if it changed
    meanwhile): whether the table still is what the file holds."""
    checked: bool = False
    """Whether the file was checked in full as it was read (see `read_sheet`)."""

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


def file_version(path: str | os.PathLike) -> tuple[int, ...] | None:
    """The file's size, modification time and identity on its disk: whether
    two readings read the same file, as it was. None when it cannot be looked
    at (reading it says why)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns, stat.st_dev, stat.st_ino


def read_sheet(path: str | os.PathLike, sheet: str | None = None, *,
               scan: bool = True) -> SheetTable:
    """The sheet named `sheet` (the first one when None) of the file at `path`.

    `scan=False` leaves out streaming a workbook's XML through the checks and
    looking at its cells (the quick checks of its zip stay): only for a second
    reading of a file that another reading checks in full, and whose result is
    used only if that one found nothing wrong with the file."""
    path = Path(path)
    version = file_version(path)
    table = _read_table(path, sheet, scan)
    if version is not None and file_version(path) == version:
        table.version = version
    table.checked = scan
    return table


def _read_table(path: Path, sheet: str | None, scan: bool) -> SheetTable:
    if _is_csv(path):
        _check_exists(path)
        rows = _read_csv_rows(path)
        return _table(path, CSV_SHEET_NAME, lambda: iter(rows), len(rows))
    workbook, suspects = _open_workbook_checked(path, scan)
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
    height = _calamine_height(calamine_sheet)
    if height > MAX_ROWS:
        raise SpreadsheetError(path, ReadProblem.TOO_MANY_ROWS, str(height))
    source = _calamine_rows(calamine_sheet)
    if suspects and scan:
        _check_cells(path, source())
    return _table(path, name, source, height)


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
    return _open_workbook_checked(path)[0]


def _open_workbook_checked(path: Path,
                           scan: bool = True) -> tuple[python_calamine.CalamineWorkbook, bool]:
    """The workbook, and whether its parts hold text that may be control
    characters or an over-long cell (the cells then need to be looked at)."""
    _check_exists(path)
    with open(path, "rb") as handle:
        head = handle.read(8)
    suspects = False
    if head.startswith(ZIP_SIGNATURE):
        suspects = _check_zip(path, scan)
    elif head == OLE_SIGNATURE:
        _check_ole(path)
        suspects = True  # a legacy .xls has no XML to look into
    else:
        raise SpreadsheetError(path, ReadProblem.NOT_A_SPREADSHEET)
    try:
        return python_calamine.CalamineWorkbook.from_path(str(path)), suspects
    except python_calamine.PasswordError as exc:
        raise SpreadsheetError(path, ReadProblem.ENCRYPTED, str(exc)) from exc
    except Exception as exc:
        raise SpreadsheetError(path, ReadProblem.DAMAGED, str(exc)) from exc


_checked: dict[tuple[str, int, int], bool] = {}
_checked_lock = threading.Lock()


def _check_zip(path: Path, scan: bool = True) -> bool:
    """A workbook is a whole zip holding a workbook part, neither encrypted nor
    a bomb, whose XML declares no entities. Returns whether some part holds
    text that may be control characters or an over-long cell. The result is
    kept for the file as it is (size and time), since a wizard opens it often.
    Without `scan`, only the zip's directory is checked (and nothing is kept)."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    with _checked_lock:
        if key in _checked:
            return _checked[key]
    try:
        with zipfile.ZipFile(path) as archive:
            suspects = _check_archive(path, archive, stat.st_size, scan)
    except SpreadsheetError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError, RuntimeError) as exc:
        raise SpreadsheetError(path, ReadProblem.DAMAGED, str(exc)) from exc
    if not scan:
        return suspects
    with _checked_lock:
        _checked.clear()
        _checked[key] = suspects
    return suspects


def _check_archive(path: Path, archive: zipfile.ZipFile, packed_size: int,
                   scan: bool = True) -> bool:
    infos = archive.infolist()
    names = {info.filename for info in infos}
    if not ({"xl/workbook.xml", "xl/workbook.bin", "content.xml"} & names):
        if "[Content_Types].xml" in names or "mimetype" in names:
            raise SpreadsheetError(path, ReadProblem.DAMAGED, "no workbook part")
        raise SpreadsheetError(path, ReadProblem.NOT_A_SPREADSHEET, "zip without a workbook")
    if any(info.flag_bits & 0x1 for info in infos):
        raise SpreadsheetError(path, ReadProblem.ENCRYPTED, "encrypted zip")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNZIPPED_BYTES:
        raise SpreadsheetError(path, ReadProblem.TOO_LARGE)
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                info.compress_size, 1):
            raise SpreadsheetError(path, ReadProblem.ZIP_BOMB,
                                   f"{info.filename}: {info.compress_size} -> {info.file_size}")
    if total > RATIO_FLOOR and total > MAX_RATIO * max(packed_size, 1):
        raise SpreadsheetError(path, ReadProblem.ZIP_BOMB, f"{packed_size} -> {total}")
    suspects = "xl/workbook.bin" in names  # .xlsb: binary parts, so look at the cells
    if not scan:
        return suspects
    for info in infos:
        if info.filename.lower().endswith(XML_PART_SUFFIXES):
            suspects |= _scan_xml_part(path, archive, info)
    return suspects


_CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32)])
_NOT_CONTROL_BYTES = bytes(sorted(set(range(256)) - set(_CONTROL_BYTES)))
_CONTROL_ESCAPES = [
    re.compile(rb"&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F])|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]));"),
    re.compile(rb"_x00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F])_"),
]
"""A control character in XML, besides a raw byte: a character reference, or
Excel's _xHHHH_ escape (tab, line feed and carriage return are allowed). Each
pattern starts with a literal, which re finds at memchr speed."""


def _long_text(window: bytes) -> bool:
    """Whether `window` holds a '<' followed by MAX_CELL_CHARS bytes without
    one: a tag and the text after it, long enough to hold a cell over the
    limit (a character takes a byte or more; '<' cannot appear in XML text).

    Such a run spans a multiple of half the limit, so only the runs around
    those probes are measured (two memchr-speed finds each) instead of every
    byte going through a pattern: a 74 MB sheet in a millisecond, not 0.18 s."""
    step = MAX_CELL_CHARS // 2
    for probe in range(step, len(window), step):
        if window[probe] == 0x3C:  # '<'
            continue
        start = window.rfind(b"<", 0, probe)
        if start < 0:
            continue  # no tag before it in the window
        end = window.find(b"<", probe)
        if (end if end >= 0 else len(window)) - start - 1 >= MAX_CELL_CHARS:
            return True
    return False


class _HostileXml(Exception):
    pass


def _forbid(*_args) -> None:
    raise _HostileXml


def _scan_xml_part(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Stream one XML part: its prolog through expat up to the first element
    (a DOCTYPE or ENTITY refuses the file before anything is expanded), then
    every byte through zlib, which also checks that the part unpacks to no more
    than the zip says. Returns whether it holds suspect text."""
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _forbid
    parser.EntityDeclHandler = _forbid
    in_prolog = [True]

    def root_reached(*_args) -> None:
        in_prolog[0] = False
        parser.StartElementHandler = None

    parser.StartElementHandler = root_reached
    suspects = False
    fed = 0
    carry = b""
    with archive.open(info) as part:
        while chunk := part.read(SCAN_CHUNK):
            if in_prolog[0]:
                try:
                    parser.Parse(chunk[:PROLOG_LIMIT - fed], False)
                except _HostileXml:
                    raise SpreadsheetError(path, ReadProblem.XML_ENTITIES,
                                           info.filename) from None
                except expat.ExpatError:
                    # calamine reads the rest; only the prolog matters here
                    in_prolog[0] = False
                fed += len(chunk)
                if in_prolog[0] and fed >= PROLOG_LIMIT:
                    raise SpreadsheetError(path, ReadProblem.XML_ENTITIES,
                                           f"{info.filename}: no element in the first bytes")
            if not suspects:
                window = carry + chunk
                suspects = bool(chunk.translate(None, _NOT_CONTROL_BYTES)
                                or any(p.search(window) for p in _CONTROL_ESCAPES)
                                or _long_text(window))
                carry = window[-(MAX_CELL_CHARS + 8):]
    return suspects


_CONTROL_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _check_cells(path: Path, rows: Iterator[list[Cell]]) -> None:
    """Refuse the first cell holding control characters or too long a text."""
    for number, row in enumerate(rows, start=1):
        for cell in row:
            if isinstance(cell, str) and cell:
                if len(cell) > MAX_CELL_CHARS:
                    raise SpreadsheetError(path, ReadProblem.CELL_TOO_LONG, str(len(cell)),
                                           row=number)
                if _CONTROL_TEXT.search(cell):
                    raise SpreadsheetError(path, ReadProblem.CONTROL_CHARACTERS, row=number)


def _check_ole(path: Path) -> None:
    """An OLE file is a legacy .xls or an encrypted (password-protected) workbook,
    whose directory names the 'EncryptionInfo' stream."""
    with open(path, "rb") as handle:
        data = handle.read(4 * 1024 * 1024)
    if "EncryptionInfo".encode("utf-16-le") in data or b"\x06DataSpaces" in data:
        raise SpreadsheetError(path, ReadProblem.ENCRYPTED)


def _read_csv_rows(path: Path) -> list[list[Cell]]:
    if path.stat().st_size > MAX_CSV_BYTES:
        raise SpreadsheetError(path, ReadProblem.TOO_LARGE)
    raw = path.read_bytes()
    utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16:
        _check_csv_bytes(path, raw)
    text = _decode(path, raw)
    if utf16:
        _check_csv_bytes(path, text.encode("utf-8"))
    del raw
    try:
        dialect = csv.Sniffer().sniff(text[:65536], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    except csv.Error as exc:
        if "field limit" in str(exc):  # a cell over csv.field_size_limit()
            raise SpreadsheetError(path, ReadProblem.CELL_TOO_LONG, str(exc)) from exc
        raise SpreadsheetError(path, ReadProblem.DAMAGED, str(exc)) from exc
    if len(rows) > MAX_ROWS:
        raise SpreadsheetError(path, ReadProblem.TOO_MANY_ROWS, str(len(rows)))
    for number, row in enumerate(rows, start=1):
        if sum(map(len, row)) > MAX_CELL_CHARS:  # only then can one cell be too long
            for cell in row:
                if len(cell) > MAX_CELL_CHARS:
                    raise SpreadsheetError(path, ReadProblem.CELL_TOO_LONG, str(len(cell)),
                                           row=number)
    return rows


_LONG_LINE = re.compile(rb"[\n\r][^\n\r]{%d}" % MAX_CSV_LINE_BYTES)
_LONG_FIRST_LINE = re.compile(rb"[^\n\r]{%d}" % MAX_CSV_LINE_BYTES)


def _check_csv_bytes(path: Path, raw: bytes) -> None:
    """Binary content, control characters, too many lines or one too long, all
    found at C speed over the bytes (UTF-8 or GB18030, where a byte under 0x20
    is always that control character) before the csv module sees them."""
    if raw.startswith((ZIP_SIGNATURE, OLE_SIGNATURE)):
        raise SpreadsheetError(path, ReadProblem.NOT_A_SPREADSHEET, "a workbook named .csv")
    controls = raw.translate(None, _NOT_CONTROL_BYTES)
    if controls:
        if b"\x00" in controls:
            raise SpreadsheetError(path, ReadProblem.BINARY_DATA)
        first = min(raw.find(bytes([byte])) for byte in set(controls))
        raise SpreadsheetError(path, ReadProblem.CONTROL_CHARACTERS,
                               row=raw.count(b"\n", 0, first) + 1)
    if raw.count(b"\n") > MAX_ROWS:
        raise SpreadsheetError(path, ReadProblem.TOO_MANY_ROWS)
    found = _LONG_FIRST_LINE.match(raw) or _LONG_LINE.search(raw)
    if found:  # a match after the first line starts with its line's newline
        row = raw.count(b"\n", 0, found.start() + 1) + 1 if found.start() else 1
        raise SpreadsheetError(path, ReadProblem.LINE_TOO_LONG, row=row)


def _decode(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without a BOM), UTF-16 with a BOM, else GB18030."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    if raw.startswith((ZIP_SIGNATURE, OLE_SIGNATURE)):
        raise SpreadsheetError(path, ReadProblem.NOT_A_SPREADSHEET, "a workbook named .csv")
    if b"\x00" in raw[:4096]:
        raise SpreadsheetError(path, ReadProblem.BINARY_DATA)
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SpreadsheetError(path, ReadProblem.UNKNOWN_ENCODING)
