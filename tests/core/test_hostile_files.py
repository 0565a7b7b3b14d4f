"""Hostile spreadsheets are refused before they are parsed, each with its own
reason, in bounded memory, and without a change to the cards.

Every file is made here: a minimal workbook is written part by part, so each
test can put exactly the hostile thing it is about where a real one would be."""

import tracemalloc
import zipfile

import pytest

from prospect_desk.cards import CardData, create_card
from prospect_desk.excel_import import import_file
from prospect_desk.models import Card
from prospect_desk.spreadsheet_read import ReadProblem, SpreadsheetError

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
SHEET_START = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               '<sheetData>')
SHEET_END = '</sheetData></worksheet>'


def cell(ref, text):
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_xml(rows, prolog='<?xml version="1.0" encoding="UTF-8"?>'):
    """rows: (row number, [cell texts]) with the texts in columns A, B, ..."""
    body = "".join(
        f'<row r="{number}">'
        + "".join(cell(f"{chr(65 + i)}{number}", text) for i, text in enumerate(texts))
        + "</row>"
        for number, texts in rows)
    return prolog + SHEET_START + body + SHEET_END


def write_workbook(path, sheet, extra=()):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in extra:
            archive.writestr(name, data)
    return path


GOOD_ROWS = [(1, ["姓名", "手机"]), (2, ["张伟", "13800138000"])]


@pytest.fixture
def cards(database):
    """Two cards already kept, which no refused file may touch."""
    create_card(CardData(name="王芳"))
    create_card(CardData(name="李娜"))
    return 2


def refused(path) -> SpreadsheetError:
    with pytest.raises(SpreadsheetError) as caught:
        import_file(path)
    return caught.value


def refused_with_peak(path):
    """Why the file is refused, and the most memory traced while refusing it."""
    tracemalloc.start()
    try:
        problem = refused(path).problem
        return problem, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_sound_hand_made_workbook_imports(cards, tmp_path):
    path = write_workbook(tmp_path / "good.xlsx", sheet_xml(GOOD_ROWS))
    assert import_file(path).imported == 1
    assert Card.select().count() == cards + 1


# Not a workbook at all ---------------------------------------------------------

def test_a_text_file_named_xlsx_is_not_a_spreadsheet(cards, tmp_path):
    path = tmp_path / "letter.xlsx"
    path.write_text("Dear customer, ...", encoding="utf-8")
    assert refused(path).problem is ReadProblem.NOT_A_SPREADSHEET
    assert Card.select().count() == cards


def test_a_truncated_workbook_is_damaged(cards, tmp_path):
    whole = write_workbook(tmp_path / "whole.xlsx", sheet_xml(GOOD_ROWS)).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    assert refused(path).problem is ReadProblem.DAMAGED
    assert Card.select().count() == cards


def test_a_password_protected_workbook_is_encrypted(cards, tmp_path):
    # Excel keeps a protected .xlsx in an OLE compound file whose directory
    # names an EncryptionInfo stream (directory names are UTF-16).
    path = tmp_path / "secret.xlsx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    directory = "EncryptionInfo".encode("utf-16-le") + bytes(100)
    path.write_bytes(header + directory + bytes(4096))
    assert refused(path).problem is ReadProblem.ENCRYPTED
    assert Card.select().count() == cards


def test_a_zip_with_encrypted_parts_is_encrypted(cards, tmp_path):
    path = write_workbook(tmp_path / "locked.xlsx", sheet_xml(GOOD_ROWS))
    data = bytearray(path.read_bytes())
    # Set the "encrypted" flag bit of every entry, in local and central headers.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            data[start + offset] |= 0x1
            start += 4
    path.write_bytes(bytes(data))
    assert refused(path).problem is ReadProblem.ENCRYPTED
    assert Card.select().count() == cards


# Zip bombs -----------------------------------------------------------------------

def test_a_zip_bomb_is_refused_before_anything_is_unpacked(cards, tmp_path):
    # 200 MB of one repeated byte packs to about 200 KB (a ratio near 1000).
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                           ("xl/workbook.xml", WORKBOOK),
                           ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)):
            archive.writestr(name, data)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(SHEET_START.encode())
            block = b" " * (1024 * 1024)
            for _ in range(200):
                part.write(block)
            part.write(SHEET_END.encode())
    assert path.stat().st_size < 2 * 1024 * 1024

    problem, peak = refused_with_peak(path)

    assert problem is ReadProblem.ZIP_BOMB
    assert peak < 5 * 1024 * 1024
    assert Card.select().count() == cards


def test_a_part_that_unpacks_to_more_than_it_says_is_refused(cards, tmp_path):
    # The sizes in the zip's directory claim 1 KB; the part holds 2 MB.
    sheet = sheet_xml(GOOD_ROWS).replace(SHEET_END, " " * 2_000_000 + SHEET_END)
    path = write_workbook(tmp_path / "liar.xlsx", sheet)
    data = bytearray(path.read_bytes())
    real = len(sheet.encode()).to_bytes(4, "little")
    assert data.count(real) == 2  # local header and central directory
    data = data.replace(real, (1024).to_bytes(4, "little"))
    path.write_bytes(bytes(data))
    assert refused(path).problem in (ReadProblem.DAMAGED, ReadProblem.ZIP_BOMB)
    assert Card.select().count() == cards


# XML that attacks the parser ----------------------------------------------------

BILLION_LAUGHS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
              for i in range(1, 10))
    + ']>')


def test_billion_laughs_in_a_sheet_is_refused(cards, tmp_path):
    sheet = sheet_xml([(1, ["姓名"]), (2, ["&lol9;"])], prolog=BILLION_LAUGHS)
    sheet = sheet.replace("&amp;lol9;", "&lol9;")
    path = write_workbook(tmp_path / "laughs.xlsx", sheet)
    problem, peak = refused_with_peak(path)
    assert problem is ReadProblem.XML_ENTITIES
    assert peak < 5 * 1024 * 1024
    assert Card.select().count() == cards


def test_an_external_entity_in_any_part_is_refused(cards, tmp_path):
    xxe = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1">'
           '<si><t>&xxe;</t></si></sst>')
    path = write_workbook(tmp_path / "xxe.xlsx", sheet_xml(GOOD_ROWS),
                          extra=[("xl/sharedStrings.xml", xxe)])
    assert refused(path).problem is ReadProblem.XML_ENTITIES
    assert Card.select().count() == cards


# Cells a spreadsheet program cannot make ---------------------------------------

def test_control_characters_in_a_cell_are_refused_with_their_row(cards, tmp_path):
    rows = [*GOOD_ROWS, (3, ["李雷", "_x0007_13900139000"])]
    path = write_workbook(tmp_path / "bell.xlsx", sheet_xml(rows))
    error = refused(path)
    assert (error.problem, error.row) == (ReadProblem.CONTROL_CHARACTERS, 3)
    assert Card.select().count() == cards


def test_a_cell_over_32767_characters_is_refused_with_its_row(cards, tmp_path):
    rows = [*GOOD_ROWS, (3, ["韩梅梅", "备" * 32_768])]
    path = write_workbook(tmp_path / "long.xlsx", sheet_xml(rows))
    error = refused(path)
    assert (error.problem, error.row) == (ReadProblem.CELL_TOO_LONG, 3)
    assert Card.select().count() == cards


def test_a_long_cell_within_the_limit_is_imported(cards, tmp_path):
    rows = [(1, ["姓名", "备注"]), (2, ["韩梅梅", "备" * 32_767])]
    path = write_workbook(tmp_path / "long-ok.xlsx", sheet_xml(rows))
    assert import_file(path).imported == 1


def test_a_sheet_beyond_row_1048576_is_refused(cards, tmp_path):
    rows = [*GOOD_ROWS, (1_048_577, ["赵六", "13700137000"])]
    path = write_workbook(tmp_path / "tall.xlsx", sheet_xml(rows))
    assert refused(path).problem is ReadProblem.TOO_MANY_ROWS
    assert Card.select().count() == cards


# CSV ----------------------------------------------------------------------------

def write_csv(path, data: bytes):
    path.write_bytes(data)
    return path


def test_csv_with_binary_content_is_refused(cards, tmp_path):
    data = "姓名,手机\n张伟,13800138000\n".encode() * 500 + bytes(range(256)) * 4
    assert refused(write_csv(tmp_path / "blob.csv", data)).problem is ReadProblem.BINARY_DATA
    assert Card.select().count() == cards


def test_csv_with_control_characters_names_the_line(cards, tmp_path):
    data = "姓名,手机\n张伟,13800138000\n李雷,139\x1b[31m00139000\n".encode()
    error = refused(write_csv(tmp_path / "escape.csv", data))
    assert (error.problem, error.row) == (ReadProblem.CONTROL_CHARACTERS, 3)
    assert Card.select().count() == cards


def test_csv_with_a_huge_line_is_refused(cards, tmp_path):
    data = b"name,notes\nZhang," + b"x" * (2 * 1024 * 1024) + b"\n"
    error = refused(write_csv(tmp_path / "line.csv", data))
    assert (error.problem, error.row) == (ReadProblem.LINE_TOO_LONG, 2)
    assert Card.select().count() == cards


def test_csv_with_a_cell_over_32767_characters_is_refused(cards, tmp_path):
    data = ("姓名,备注\n张伟,\"" + "长\n" * 20_000 + "\"\n").encode()
    error = refused(write_csv(tmp_path / "cell.csv", data))
    assert (error.problem, error.row) == (ReadProblem.CELL_TOO_LONG, 2)
    assert Card.select().count() == cards


def test_csv_with_more_than_1048576_rows_is_refused(cards, tmp_path):
    data = b"name\n" + b"a\n" * 1_048_576
    assert refused(write_csv(tmp_path / "many.csv", data)).problem is ReadProblem.TOO_MANY_ROWS
    assert Card.select().count() == cards


def test_a_workbook_renamed_to_csv_is_not_a_spreadsheet(cards, tmp_path):
    book = write_workbook(tmp_path / "book.xlsx", sheet_xml(GOOD_ROWS))
    path = write_csv(tmp_path / "book.csv", book.read_bytes())
    assert refused(path).problem is ReadProblem.NOT_A_SPREADSHEET
    assert Card.select().count() == cards


def test_the_long_text_probe_finds_what_the_plain_pattern_finds():
    """`_long_text` measures only the runs around its probes; it must answer
    as a search for '<' and then MAX_CELL_CHARS bytes without one would."""
    import random
    import re

    from prospect_desk import spreadsheet_read

    limit = spreadsheet_read.MAX_CELL_CHARS
    pattern = re.compile(rb"<[^<]{%d}" % limit)
    rng = random.Random(5)
    lengths = [0, 1, limit // 2, limit // 2 + 1, limit - 1, limit, limit + 1]
    for _ in range(2000):
        window = b"".join(b"<" * rng.randint(0, 2) + b"x" * rng.choice(
            [*lengths, rng.randint(0, 3 * limit)]) for _ in range(rng.randint(0, 6)))
        assert spreadsheet_read._long_text(window) == bool(pattern.search(window))


# A big workbook, read by the second process too --------------------------------

@pytest.mark.parametrize(("hostile", "problem"), [
    ("_x0007_13900139000", ReadProblem.CONTROL_CHARACTERS),
    ("备" * 32_768, ReadProblem.CELL_TOO_LONG),
])
def test_a_big_workbook_is_refused_though_the_second_process_read_it_unchecked(
        cards, tmp_path, monkeypatch, hostile, problem):
    """The second process reads a big file without the streamed checks (the
    import's own reading makes them); none of what it prepared goes in."""
    from prospect_desk import excel_import, parallel_rows

    rows = [(1, ["姓名", "手机"]), *((n, [f"客户{n}", f"138{n:08d}"]) for n in range(2, 6001)),
            (6001, ["李雷", hostile])]
    path = write_workbook(tmp_path / "big.xlsx", sheet_xml(rows))
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_BYTES", 0)
    jobs = []
    real_submit = parallel_rows.RowPool.submit
    monkeypatch.setattr(parallel_rows.RowPool, "submit",
                        lambda self, *args: jobs.append(real_submit(self, *args)) or jobs[-1])
    error = refused(path)
    assert (error.problem, error.row) == (problem, 6001)
    assert Card.select().count() == cards
    assert len(jobs) == 2  # read it, and prepare its rows


def test_a_reading_without_the_scan_leaves_the_checks_to_a_full_one(tmp_path):
    from prospect_desk.spreadsheet_read import read_sheet

    rows = [*GOOD_ROWS, (3, ["李雷", "_x0007_13900139000"])]
    path = write_workbook(tmp_path / "bell.xlsx", sheet_xml(rows))
    table = read_sheet(path, scan=False)
    assert [cells for _, cells in table.rows()][-1] == ["李雷", "\x0713900139000"]
    with pytest.raises(SpreadsheetError) as caught:
        read_sheet(path)
    assert caught.value.problem is ReadProblem.CONTROL_CHARACTERS
    # The zip's own checks are made all the same.
    with zipfile.ZipFile(tmp_path / "nothing.xlsx", "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
    with pytest.raises(SpreadsheetError) as caught:
        read_sheet(tmp_path / "nothing.xlsx", scan=False)
    assert caught.value.problem is ReadProblem.DAMAGED


def test_a_reading_problem_goes_from_the_second_process_whole():
    import pickle

    error = SpreadsheetError("/tmp/a.xlsx", ReadProblem.CELL_TOO_LONG, "40000", row=7)
    back = pickle.loads(pickle.dumps(error))
    assert (back.path, back.problem, back.detail, back.row, str(back)) == (
        error.path, error.problem, error.detail, error.row, str(error))
