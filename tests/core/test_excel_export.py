import datetime
import os
import zipfile

import pytest
from defusedxml import ElementTree

from prospect_desk.cards import CardData, create_card
from prospect_desk.database import close_database, open_database
from prospect_desk.excel_export import EXPORT_FIELDS, ExportCancelled, export_cards
from prospect_desk.excel_import import import_file
from prospect_desk.header_mapping import ImportField, auto_map
from prospect_desk.models import Card, Circle, FollowUp
from prospect_desk.spreadsheet_read import read_sheet

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
RISKY_TEXTS = ["=1+2", "+86 138 0013 8000", "-5 off", "@SUM(A1)", "\tindented", "\rreturn"]


def sheet_xml(path):
    with zipfile.ZipFile(path) as archive:
        return ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))


def cell_values(path):
    table = read_sheet(path)
    return [table.headers, *[cells for _, cells in table.rows()]]


@pytest.fixture
def sample_cards(database):
    """A company, an individual it referred, and one with every kind of risky text."""
    rotary = Circle.insert(name="扶轮社", position=50).execute()
    work = Circle.get(Circle.builtin_key == "work").id
    company = create_card(CardData(
        kind="company", name="上海贸易有限公司", phone="021-5555 0101", fax="021-5555 0102",
        person_in_charge="李总", handler="小王", address="上海市浦东新区", stage="customer",
        credit_status="good", circle_id=work, transaction_date=datetime.date(2024, 7, 1)))
    person = create_card(CardData(
        name="张伟", employer="上海贸易有限公司", mobile="013800138000", email="zw@example.cn",
        birthday=datetime.date(1980, 1, 2), first_contact=datetime.date(2023, 3, 4),
        stage="declined", credit_status="watch", referral_source="competitor_customer",
        referrer_id=company, circle_id=rotary, interests="围棋", notes="两次来电"))
    risky = create_card(CardData(name="Risky", phone=RISKY_TEXTS[1], notes=RISKY_TEXTS[0],
                                 interests=RISKY_TEXTS[2], handler=RISKY_TEXTS[3],
                                 address=RISKY_TEXTS[4], person_in_charge=RISKY_TEXTS[5]))
    for due, status in [(datetime.date(2025, 9, 1), "open"), (datetime.date(2025, 6, 1), "open"),
                        (datetime.date(2025, 1, 1), "done")]:
        FollowUp.insert(card=person, kind="revisit", due_date=due, status=status).execute()
    return {"company": company, "person": person, "risky": risky}


def test_every_card_field_is_written_under_headers_import_recognises(sample_cards, tmp_path):
    for language in ("en", "zh_CN"):
        path = tmp_path / f"cards-{language}.xlsx"
        export_cards(path, language=language)
        headers = read_sheet(path).headers
        assert auto_map(headers) == dict(enumerate(EXPORT_FIELDS))


def test_labels_dates_circle_referrer_and_next_revisit_are_written_in_chinese(sample_cards,
                                                                               tmp_path):
    path = tmp_path / "cards.xlsx"
    export_cards(path, [sample_cards["person"]], language="zh_CN")
    [_, row] = cell_values(path)
    cell = dict(zip(EXPORT_FIELDS, row, strict=True))
    assert cell[ImportField.KIND] == "个人"
    assert cell[ImportField.STAGE] == "拒绝"
    assert cell[ImportField.CREDIT_STATUS] == "需注意"
    assert cell[ImportField.REFERRAL_SOURCE] == "竞争对手的客户"
    assert cell[ImportField.CIRCLE] == "扶轮社"
    assert cell[ImportField.REFERRER] == "上海贸易有限公司"
    assert cell[ImportField.MOBILE] == "013800138000"
    assert cell[ImportField.BIRTHDAY] == datetime.date(1980, 1, 2)
    # the earliest open revisit; the done one of January does not count
    assert cell[ImportField.NEXT_REVISIT] == datetime.date(2025, 6, 1)


def test_builtin_circles_and_labels_are_written_in_english(sample_cards, tmp_path):
    path = tmp_path / "cards.xlsx"
    export_cards(path, [sample_cards["company"]], language="en")
    [_, row] = cell_values(path)
    cell = dict(zip(EXPORT_FIELDS, row, strict=True))
    assert (cell[ImportField.KIND], cell[ImportField.STAGE], cell[ImportField.CREDIT_STATUS],
            cell[ImportField.CIRCLE]) == ("Company", "Current customer", "Good", "Work friends")
    assert cell[ImportField.TRANSACTION_DATE] == datetime.date(2024, 7, 1)


def test_the_given_cards_are_written_in_the_given_order(sample_cards, tmp_path):
    path = tmp_path / "cards.xlsx"
    order = [sample_cards["risky"], sample_cards["company"]]
    assert export_cards(path, order) == 2
    names = [row[0] for row in cell_values(path)[1:]]
    assert names == ["Risky", "上海贸易有限公司"]


def test_all_live_cards_are_written_when_no_ids_are_given(sample_cards, tmp_path):
    from prospect_desk.cards import delete_cards
    delete_cards([sample_cards["risky"]])
    path = tmp_path / "cards.xlsx"
    assert export_cards(path) == 2
    assert sorted(row[0] for row in cell_values(path)[1:]) == sorted(["张伟", "上海贸易有限公司"])


def test_text_that_a_spreadsheet_would_calculate_is_stored_as_plain_text(sample_cards, tmp_path):
    path = tmp_path / "cards.xlsx"
    export_cards(path, [sample_cards["risky"]])
    root = sheet_xml(path)
    assert root.findall(".//m:f", NS) == []
    texts = ["".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
             for c in root.findall(".//m:c", NS) if c.get("t") == "inlineStr"]
    # Control characters are stored escaped as Excel writes them (_x000D_).
    texts = [t.replace("_x000D_", "\r") for t in texts]
    for risky in RISKY_TEXTS:
        assert risky in texts


def test_risky_text_reads_back_unchanged(sample_cards, tmp_path):
    path = tmp_path / "cards.xlsx"
    export_cards(path, [sample_cards["risky"]])
    close_database()
    open_database(tmp_path / "other.sqlite3")
    import_file(path)
    card = Card.get(Card.name == "Risky")
    assert [card.notes, card.phone, card.interests, card.handler, card.address,
            card.person_in_charge] == RISKY_TEXTS


def test_the_header_row_is_bold_frozen_and_filtered(sample_cards, tmp_path):
    path = tmp_path / "cards.xlsx"
    export_cards(path)
    root = sheet_xml(path)
    pane = root.find(".//m:pane", NS)
    assert (pane.get("ySplit"), pane.get("state")) == ("1", "frozen")
    assert root.find(".//m:autoFilter", NS) is not None
    columns = root.findall(".//m:col", NS)
    assert sum(int(c.get("max")) - int(c.get("min")) + 1 for c in columns) == len(EXPORT_FIELDS)
    assert min(float(c.get("width")) for c in columns) >= 10
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("xl/styles.xml").decode()
    assert "<b/>" in styles


def test_dates_are_date_cells_and_phones_text_cells(sample_cards, tmp_path):
    path = tmp_path / "cards.xlsx"
    export_cards(path, [sample_cards["person"]])
    cells = {c.get("r"): c for c in sheet_xml(path).findall(".//m:c", NS)}
    mobile = f"{chr(ord('A') + EXPORT_FIELDS.index(ImportField.MOBILE))}2"
    birthday = f"{chr(ord('A') + EXPORT_FIELDS.index(ImportField.BIRTHDAY))}2"
    assert cells[mobile].get("t") == "inlineStr"
    assert cells[birthday].get("t") is None and cells[birthday].get("s") is not None
    expected_serial = (datetime.date(1980, 1, 2) - datetime.date(1899, 12, 30)).days
    assert float(cells[birthday].find("m:v", NS).text) == expected_serial


def test_export_then_import_into_an_empty_database_then_export_gives_the_same_file(
        sample_cards, tmp_path):
    first = tmp_path / "first.xlsx"
    export_cards(first, language="zh_CN")
    close_database()
    open_database(tmp_path / "empty.sqlite3")
    result = import_file(first)
    assert (result.imported, result.rejected, result.warnings) == (3, [], [])
    second = tmp_path / "second.xlsx"
    export_cards(second, language="zh_CN")
    assert cell_values(second) == cell_values(first)


def test_progress_is_reported_and_cancel_leaves_no_file(database, tmp_path):
    for i in range(1200):
        create_card(CardData(name=f"Person {i:04}"))
    calls = []
    path = tmp_path / "cards.xlsx"
    export_cards(path, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (1200, 1200) and len(calls) > 2
    cancelled_path = tmp_path / "cancelled.xlsx"
    with pytest.raises(ExportCancelled):
        export_cards(cancelled_path, cancelled=lambda: True)
    assert not cancelled_path.exists()
    assert sorted(os.listdir(tmp_path)) == sorted(["cards.sqlite3", "cards.sqlite3-shm",
                                                   "cards.sqlite3-wal", "cards.xlsx"])


def test_a_failed_export_keeps_the_old_file_untouched(sample_cards, tmp_path, monkeypatch):
    path = tmp_path / "cards.xlsx"
    path.write_bytes(b"the previous export")
    import prospect_desk.excel_export as excel_export

    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr(excel_export, "_write_card", broken)
    with pytest.raises(OSError):
        export_cards(path)
    assert path.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
