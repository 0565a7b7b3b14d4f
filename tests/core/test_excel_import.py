import datetime
import zipfile

import openpyxl
import pytest

from prospect_desk.cards import CardData, create_card, derived_columns
from prospect_desk.excel_import import (
    DuplicateMode,
    ImportCancelled,
    import_cards,
    import_file,
    preview_import,
    save_rejects,
)
from prospect_desk.header_mapping import ImportField
from prospect_desk.import_rows import DuplicateKey, ImportProblem
from prospect_desk.models import Card, Circle, FollowUp
from prospect_desk.spreadsheet_read import ReadProblem, SpreadsheetError, read_sheet, sheet_names


def write_xlsx(path, rows, sheet_title="Sheet", origin=(1, 1)):
    """An .xlsx whose cells hold `rows` as given; text starting with '=' stays text."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            cell = sheet.cell(row=origin[0] + r, column=origin[1] + c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
    workbook.save(path)
    return path


def card_named(name):
    return Card.get(Card.name == name)


def db_snapshot():
    return (
        list(Card.select().order_by(Card.id).tuples()),
        list(Circle.select().order_by(Circle.id).tuples()),
        list(FollowUp.select().order_by(FollowUp.id).tuples()),
    )


# What becomes of a row ---------------------------------------------------------

def test_a_name_row_with_a_company_becomes_an_individual_employed_there(database, tmp_path):
    path = write_xlsx(tmp_path / "in.xlsx", [["姓名", "公司", "手机"],
                                             ["张伟", "上海贸易有限公司", "13800138000"]])
    result = import_file(path)
    card = card_named("张伟")
    assert result.imported == 1
    assert (card.kind, card.employer, card.mobile) == ("individual", "上海贸易有限公司",
                                                       "13800138000")


def test_a_company_row_without_a_name_becomes_a_company_card_named_by_the_company(
        database, tmp_path):
    path = write_xlsx(tmp_path / "in.xlsx", [["Company", "Phone", "Person in charge"],
                                             ["Acme Ltd", "021-5555 0101", "Mr Li"]])
    import_file(path)
    card = card_named("Acme Ltd")
    assert (card.kind, card.employer, card.person_in_charge) == ("company", "", "Mr Li")


def test_the_kind_column_makes_a_named_row_a_company_card(database, tmp_path):
    path = write_xlsx(tmp_path / "in.xlsx", [["姓名", "类型"], ["北京建材", "公司"]])
    import_file(path)
    assert card_named("北京建材").kind == "company"


def test_every_field_is_read_and_the_derived_keys_are_those_of_a_saved_card(database, tmp_path):
    headers = ["Name", "Kind", "Employer", "Phone", "Mobile", "Fax", "E-mail", "Address",
               "Person in charge", "Handler", "Interests", "Notes", "First contact",
               "Transaction date", "Birthday", "Stage", "Credit status", "Referral source"]
    row = ["王芳", "个人", "杭州电子", "0571-8888 1234", "13900001111", "0571-8888 1235",
           "Wang.Fang@Example.com", "杭州市西湖区", "", "", "围棋", "在展会认识",
           datetime.date(2024, 5, 6), datetime.date(2024, 6, 7), datetime.date(1988, 8, 8),
           "现在的客户", "良好", "朋友"]
    import_file(write_xlsx(tmp_path / "in.xlsx", [headers, row]))
    card = card_named("王芳")
    expected = CardData(
        kind="individual", name="王芳", employer="杭州电子", phone="0571-8888 1234",
        mobile="13900001111", fax="0571-8888 1235", email="Wang.Fang@Example.com",
        address="杭州市西湖区", interests="围棋", notes="在展会认识",
        first_contact=datetime.date(2024, 5, 6), transaction_date=datetime.date(2024, 6, 7),
        birthday=datetime.date(1988, 8, 8), stage="customer", credit_status="good",
        referral_source="friend")
    for name, value in vars(expected).items():
        if name not in ("circle_id", "referrer_id"):
            assert getattr(card, name) == value, name
    derived = derived_columns(expected)
    assert (card.sort_name, card.search_text) == (derived["sort_name"], derived["search_text"])


def test_phones_stay_text_as_written(database, tmp_path):
    path = write_xlsx(tmp_path / "in.xlsx", [
        ["姓名", "电话", "手机", "传真"],
        ["甲", 13800138000, "+86 138 0013 8000", "02155550101"],
        ["乙", 13800138001.0, "0086-13800138001", "00215555"],
    ])
    import_file(path)
    first, second = card_named("甲"), card_named("乙")
    assert (first.phone, first.mobile, first.fax) == ("13800138000", "+86 138 0013 8000",
                                                      "02155550101")
    assert (second.phone, second.mobile, second.fax) == ("13800138001", "0086-13800138001",
                                                         "00215555")


@pytest.mark.parametrize("written", [
    datetime.date(2025, 3, 4), datetime.datetime(2025, 3, 4, 0, 0), "2025-03-04",
    "2025/3/4", "2025.3.4", "2025年3月4日",
])
def test_dates_are_read_from_date_cells_and_from_the_usual_spellings(database, tmp_path,
                                                                    written):
    import_file(write_xlsx(tmp_path / "in.xlsx", [["Name", "First contact"], ["Ann", written]]))
    assert card_named("Ann").first_contact == datetime.date(2025, 3, 4)


def test_text_that_looks_like_a_formula_is_imported_as_that_text(database, tmp_path):
    path = write_xlsx(tmp_path / "in.xlsx", [["Name", "Notes", "Interests"],
                                             ["Bob", "=1+2", "@SUM(A1)"]])
    import_file(path)
    card = card_named("Bob")
    assert (card.notes, card.interests) == ("=1+2", "@SUM(A1)")


def test_a_header_that_is_not_in_the_first_row_or_column_is_found(database, tmp_path):
    path = write_xlsx(tmp_path / "in.xlsx", [["Name", "Phone"], ["Ann", "123456"], ["", "x"]],
                      origin=(3, 3))
    result = import_file(path)
    assert card_named("Ann").phone == "123456"
    assert [(r.row_number, r.reason) for r in result.rejected] == [(5, ImportProblem.NAME_REQUIRED)]


# Rows that are not imported --------------------------------------------------

def test_each_bad_row_is_left_out_with_its_row_column_and_reason(database, tmp_path):
    headers = ["姓名", "电话", "生日", "第一次接触日期", "阶段", "类型", "信用状况", "推荐来源",
               "电子邮件"]
    rows = [
        headers,
        ["好行", "1", None, None, None, None, None, None, None],            # row 2: fine
        [None, "2", None, None, None, None, None, None, None],              # row 3: no name
        ["甲", "3", "1985-02-30", None, None, None, None, None, None],      # row 4: no such day
        ["乙", "4", None, "last spring", None, None, None, None, None],     # row 5: not a date
        ["丙", "5", None, None, "maybe", None, None, None, None],           # row 6: stage
        ["丁", "6", None, None, None, "robot", None, None, None],           # row 7: kind
        ["戊", "7", None, None, None, None, "so-so", None, None],           # row 8: credit
        ["己", "8", None, None, None, None, None, "the internet", None],    # row 9: source
        ["庚", "9", None, None, None, None, None, None, "not-an-address"],  # row 10: e-mail
        ["辛", "10", "2999-01-01", None, None, None, None, None, None],     # row 11: future
    ]
    result = import_file(write_xlsx(tmp_path / "in.xlsx", rows))
    assert result.imported == 1
    assert [c.name for c in Card.select()] == ["好行"]
    assert [(r.row_number, r.header, r.reason) for r in result.rejected] == [
        (3, "姓名", ImportProblem.NAME_REQUIRED),
        (4, "生日", ImportProblem.IMPOSSIBLE_DATE),
        (5, "第一次接触日期", ImportProblem.NOT_A_DATE),
        (6, "阶段", ImportProblem.UNKNOWN_STAGE),
        (7, "类型", ImportProblem.UNKNOWN_KIND),
        (8, "信用状况", ImportProblem.UNKNOWN_CREDIT_STATUS),
        (9, "推荐来源", ImportProblem.UNKNOWN_REFERRAL_SOURCE),
        (10, "电子邮件", ImportProblem.EMAIL_INVALID),
        (11, "生日", ImportProblem.BIRTHDAY_IN_FUTURE),
    ]


def test_blank_rows_are_passed_over_without_complaint(database, tmp_path):
    path = write_xlsx(tmp_path / "in.xlsx", [["Name"], ["Ann"], [None], ["  "], ["Bob"]])
    result = import_file(path)
    assert (result.imported, result.rejected) == (2, [])


def test_rejected_rows_are_saved_as_they_were_with_a_translated_reason(database, tmp_path):
    birthday = datetime.date(1990, 1, 2)
    rows = [["Name", "Phone", "Birthday", "First contact"],
            [None, 13800138000, birthday, "2024-02-30"]]
    table = read_sheet(write_xlsx(tmp_path / "in.xlsx", rows))
    result = import_cards(table)
    out = tmp_path / "rejects.xlsx"
    save_rejects(out, table.headers, result.rejected,
                 reason_text=lambda reason: {"name_required": "没有姓名"}.get(reason, reason),
                 reason_header="原因", row_header="行")
    saved = read_sheet(out)
    assert saved.headers == ["Name", "Phone", "Birthday", "First contact", "行", "原因"]
    [(_, cells)] = list(saved.rows())
    assert cells[:4] == ["", 13800138000, birthday, "2024-02-30"]
    assert cells[4] == 2
    assert cells[5] == "Name: 没有姓名; First contact: impossible_date"


def test_rejected_rows_get_english_reasons_by_default(database, tmp_path):
    table = read_sheet(write_xlsx(tmp_path / "in.xlsx", [["Name", "Birthday"],
                                                         ["Ann", "1985-02-30"]]))
    result = import_cards(table)
    save_rejects(tmp_path / "rejects.xlsx", table.headers, result.rejected)
    [(_, cells)] = list(read_sheet(tmp_path / "rejects.xlsx").rows())
    assert cells[-1] == "Birthday: No such date"


# Duplicates ------------------------------------------------------------------

@pytest.fixture
def existing_card(database):
    return create_card(CardData(name="Ann Lee", employer="Acme", phone="+86 138-0013-8000",
                                email="Ann@Example.com", notes="met at the fair"))


@pytest.mark.parametrize("row, key", [
    (["Anne L.", "", "13800138000", ""], DuplicateKey.PHONE),
    (["A. Lee", "", "", "ann@example.COM"], DuplicateKey.EMAIL),
    (["ann lee", "ACME", "", ""], DuplicateKey.NAME_AND_COMPANY),
])
def test_a_row_like_a_live_card_is_found_and_skipped_by_default(existing_card, tmp_path,
                                                                 row, key):
    table = read_sheet(write_xlsx(tmp_path / "in.xlsx",
                                  [["Name", "Company", "Phone", "E-mail"], row]))
    [preview] = preview_import(table)
    assert (preview.duplicate.key, preview.duplicate.card_id) == (key, existing_card)
    result = import_cards(table)
    assert (result.imported, result.duplicates_skipped) == (0, 1)
    assert Card.select().count() == 1


def test_the_same_name_without_the_same_company_is_not_a_duplicate(existing_card, tmp_path):
    path = write_xlsx(tmp_path / "in.xlsx", [["Name", "Company"], ["Ann Lee", "Other Co"]])
    assert import_file(path).imported == 1


def test_update_mode_writes_the_given_values_over_the_existing_card(existing_card, tmp_path):
    path = write_xlsx(tmp_path / "in.xlsx", [["Name", "Phone", "Mobile", "Notes", "Stage"],
                                             ["Ann Lee", "13800138000", "13911112222", None,
                                              "current customer"]])
    result = import_file(path, duplicate_mode=DuplicateMode.UPDATE)
    card = Card.get_by_id(existing_card)
    assert (result.imported, result.updated) == (0, 1)
    assert (card.phone, card.mobile, card.stage) == ("13800138000", "13911112222", "customer")
    assert card.notes == "met at the fair"  # an empty cell changes nothing
    assert "13911112222" in card.search_text


def test_add_mode_adds_the_duplicate_and_counts_it(existing_card, tmp_path):
    path = write_xlsx(tmp_path / "in.xlsx", [["Name", "E-mail"], ["Ann", "ann@example.com"]])
    result = import_file(path, duplicate_mode=DuplicateMode.ADD)
    assert (result.imported, result.duplicates_added) == (1, 1)
    assert Card.select().count() == 2


def test_a_row_repeating_an_earlier_row_of_the_file_is_a_duplicate_too(database, tmp_path):
    rows = [["Name", "Phone", "Notes"], ["Ann", "555-0101", "first"],
            ["Ann B.", "5550101", "second"]]
    path = write_xlsx(tmp_path / "in.xlsx", rows)
    skipped = import_file(path)
    assert (skipped.imported, skipped.duplicates_skipped) == (1, 1)


def test_in_update_mode_a_later_row_of_the_file_updates_the_earlier(database, tmp_path):
    rows = [["Name", "Phone", "Notes"], ["Ann", "555-0101", "first"],
            ["Ann", "555-0101", "second"]]
    result = import_file(write_xlsx(tmp_path / "in.xlsx", rows),
                         duplicate_mode=DuplicateMode.UPDATE)
    assert (result.imported, result.updated) == (1, 1)
    assert card_named("Ann").notes == "second"


def test_a_trashed_card_is_not_a_duplicate(existing_card, tmp_path):
    from prospect_desk.cards import delete_cards
    delete_cards([existing_card])
    path = write_xlsx(tmp_path / "in.xlsx", [["Name", "Phone"], ["Ann", "13800138000"]])
    assert import_file(path).imported == 1


# Circles, referrers, revisits ------------------------------------------------

def test_circles_are_matched_by_label_or_name_and_created_when_new(database, tmp_path):
    Circle.insert(name="Golf Club", position=99).execute()
    work = Circle.get(Circle.builtin_key == "work").id
    school = Circle.get(Circle.builtin_key == "school").id
    rows = [["Name", "Circle"], ["A", "Work friends"], ["B", "学校时的朋友"], ["C", "golf club"],
            ["D", "扶轮社"], ["E", "扶轮社"], ["F", "工作上的朋友"]]
    result = import_file(write_xlsx(tmp_path / "in.xlsx", rows))
    golf = Circle.get(Circle.name == "Golf Club").id
    rotary = Circle.get(Circle.name == "扶轮社").id
    assert result.circles_created == 1
    assert {c.name: c.circle_id for c in Card.select()} == {
        "A": work, "B": school, "C": golf, "D": rotary, "E": rotary, "F": work}


def test_a_referrer_is_linked_to_a_card_of_the_file_or_a_live_card(database, tmp_path):
    old = create_card(CardData(name="老客户"))
    rows = [["Name", "推荐人"], ["甲", "乙"], ["乙", "老客户"], ["丙", "无名氏"]]
    result = import_file(write_xlsx(tmp_path / "in.xlsx", rows))
    assert card_named("甲").referrer_id == card_named("乙").id
    assert card_named("乙").referrer_id == old
    assert card_named("丙").referrer_id is None
    assert [(w.row_number, w.problem.reason) for w in result.warnings] == [
        (4, ImportProblem.REFERRER_NOT_FOUND)]


def test_a_next_revisit_date_becomes_an_open_revisit_follow_up(database, tmp_path):
    rows = [["Name", "下次回访日期"], ["甲", "2025年6月1日"], ["乙", None]]
    result = import_file(write_xlsx(tmp_path / "in.xlsx", rows))
    [follow_up] = FollowUp.select()
    assert (follow_up.card_id, follow_up.kind, follow_up.status, follow_up.due_date) == (
        card_named("甲").id, "revisit", "open", datetime.date(2025, 6, 1))
    assert result.follow_ups_created == 1


# Preview, progress and cancel ------------------------------------------------

def test_the_preview_shows_rows_and_problems_and_writes_nothing(database, tmp_path):
    rows = [["Name", "Birthday"], ["Ann", "1990-01-02"], [None, None], ["", "1990-01-03"],
            ["Bob", None]]
    table = read_sheet(write_xlsx(tmp_path / "in.xlsx", rows))
    preview = preview_import(table, limit=2)
    assert [(p.row.row_number, p.row.data.name, p.problems) for p in preview][0] == (
        2, "Ann", [])
    assert preview[1].row.row_number == 4
    assert [p.reason for p in preview[1].problems] == [ImportProblem.NAME_REQUIRED]
    assert Card.select().count() == 0


def test_a_mapping_chosen_by_the_user_is_followed(database, tmp_path):
    table = read_sheet(write_xlsx(tmp_path / "in.xlsx", [["Col A", "Col B"], ["Ann", "x1"]]))
    import_cards(table, mapping={"0": "name", "1": "notes"})
    assert card_named("Ann").notes == "x1"


def test_progress_is_reported_up_to_the_total(database, tmp_path):
    rows = [["Name"]] + [[f"Person {i}"] for i in range(1200)]
    calls = []
    import_file(write_xlsx(tmp_path / "in.xlsx", rows), progress=lambda d, t: calls.append((d, t)))
    assert len(calls) > 2
    assert calls[-1][0] == calls[-1][1]
    assert all(a[0] <= b[0] for a, b in zip(calls, calls[1:], strict=False))


@pytest.mark.parametrize("cancel_after", [1, 5])
def test_cancelling_leaves_the_database_as_it_was(database, tmp_path, cancel_after):
    create_card(CardData(name="Already here"))
    rows = [["Name", "Circle", "Next revisit"]] + [
        [f"Person {i}", "New circle", "2025-01-01"] for i in range(2000)]
    path = write_xlsx(tmp_path / "in.xlsx", rows)
    before = db_snapshot()
    checks = []

    def cancelled():
        checks.append(1)
        return len(checks) >= cancel_after

    with pytest.raises(ImportCancelled):
        import_file(path, progress=lambda d, t: None, cancelled=cancelled)
    assert db_snapshot() == before


# Files that cannot be read -----------------------------------------------------

def test_sheet_names_are_listed_and_a_sheet_chosen_by_name(database, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Notes"
    workbook.active.append(["nothing"])
    second = workbook.create_sheet("客户")
    second.append(["姓名"])
    second.append(["甲"])
    workbook.save(tmp_path / "two.xlsx")
    assert sheet_names(tmp_path / "two.xlsx") == ["Notes", "客户"]
    assert import_file(tmp_path / "two.xlsx", sheet="客户").imported == 1
    with pytest.raises(SpreadsheetError) as error:
        read_sheet(tmp_path / "two.xlsx", sheet="Missing")
    assert error.value.problem is ReadProblem.SHEET_NOT_FOUND


def test_a_damaged_workbook_is_refused(database, tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", [["Name"], ["Ann"]])
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(SpreadsheetError) as error:
        import_file(damaged)
    assert error.value.problem is ReadProblem.DAMAGED
    assert Card.select().count() == 0


def test_a_zip_without_a_workbook_is_not_a_spreadsheet(tmp_path):
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "hello")
    with pytest.raises(SpreadsheetError) as error:
        read_sheet(path)
    assert error.value.problem is ReadProblem.NOT_A_SPREADSHEET


def test_a_file_that_is_no_spreadsheet_is_refused(tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("Dear customer, thank you for your order.")
    with pytest.raises(SpreadsheetError) as error:
        read_sheet(path)
    assert error.value.problem is ReadProblem.NOT_A_SPREADSHEET


def test_an_empty_file_is_refused(tmp_path):
    (tmp_path / "empty.xlsx").write_bytes(b"")
    with pytest.raises(SpreadsheetError) as error:
        read_sheet(tmp_path / "empty.xlsx")
    assert error.value.problem is ReadProblem.EMPTY


def test_a_workbook_with_no_cells_has_no_header(tmp_path):
    openpyxl.Workbook().save(tmp_path / "blank.xlsx")
    with pytest.raises(SpreadsheetError) as error:
        read_sheet(tmp_path / "blank.xlsx")
    assert error.value.problem is ReadProblem.EMPTY


def test_a_sheet_whose_first_row_holds_only_numbers_has_no_header(tmp_path):
    write_xlsx(tmp_path / "numbers.xlsx", [[1, 2, 3], [4, 5, 6]])
    with pytest.raises(SpreadsheetError) as error:
        read_sheet(tmp_path / "numbers.xlsx")
    assert error.value.problem is ReadProblem.NO_HEADER


def test_a_password_protected_workbook_is_refused_as_encrypted(tmp_path):
    # An encrypted .xlsx is an OLE compound file holding an 'EncryptionInfo' stream.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 100
    path = tmp_path / "secret.xlsx"
    path.write_bytes(header + directory + b"\x00" * 1024)
    with pytest.raises(SpreadsheetError) as error:
        read_sheet(path)
    assert error.value.problem is ReadProblem.ENCRYPTED


def test_a_missing_file_is_reported_as_not_found(tmp_path):
    with pytest.raises(SpreadsheetError) as error:
        read_sheet(tmp_path / "nowhere.xlsx")
    assert error.value.problem is ReadProblem.NOT_FOUND


# CSV ------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
def test_csv_files_are_read_in_utf8_or_gb18030(database, tmp_path, encoding):
    text = "姓名,电话,生日\r\n张伟,013800138000,1980/1/2\r\n"
    path = tmp_path / "cards.csv"
    path.write_bytes(text.encode(encoding))
    result = import_file(path)
    card = card_named("张伟")
    assert result.imported == 1
    assert (card.phone, card.birthday) == ("013800138000", datetime.date(1980, 1, 2))


def test_an_unmapped_column_is_ignored(database, tmp_path):
    path = write_xlsx(tmp_path / "in.xlsx", [["Name", "Shoe size"], ["Ann", 42]])
    table = read_sheet(path)
    import_cards(table)
    assert card_named("Ann").notes == ""
    assert ImportField.NOTES not in {None}


@pytest.mark.parametrize("updates", [False, True])
def test_rows_prepared_a_column_at_a_time_are_those_prepared_one_by_one(updates):
    """The bulk path (`prepare_rows`) gives what the row parser gives, for
    every kind of cell, in every column, with columns left out of the mapping."""
    import random

    from prospect_desk.header_mapping import auto_map
    from prospect_desk.import_rows import RowParser, RowSpec, prepare_row, prepare_rows

    rng = random.Random(3 if updates else 4)
    headers = ["姓名", "公司", "类型", "服务公司", "电话", "手机", "传真", "电子邮件", "地址",
               "负责人", "承办人", "兴趣", "备注", "第一次接触日期", "交易日期", "生日", "阶段",
               "信用状况", "来源圈子", "推荐来源", "推荐人", "下次回访日期", "其他"]
    full = auto_map(headers)
    assert len([f for f in full.values() if f is not None]) == len(headers) - 1
    day = datetime.date(2020, 2, 29)
    texts = ["", None, "  ", "\t", "张伟", " 李 娜 ", "Zoë Σ", "重庆长乐有限公司", "=1+1", 0, 1,
             13800138000, 2.5, True, day, datetime.time(9, 30), "２０２５", "a@b.cn", " A@B.CN "]
    phones = ["", None, " ", "+86 138-0013-8000", "0086 13800138000", "021-5000", "13800138000",
              13800138000, "１３８００１３８０００", "86 21 5000 1234", "86 21 5000 123", "00"]
    dates = ["", None, "  ", day, datetime.datetime(2020, 2, 29, 0, 0),
             datetime.datetime(2020, 3, 1, 9, 30), "2025-03-04", "2025年3月4日", 20250304]
    bad_dates = ["1985-02-30", "not a date", True, datetime.time(9, 30), datetime.date(2099, 1, 1)]
    pools = {
        ImportField.KIND: ["", None, "公司", "个人", "company", "Individual", " 公司 "],
        ImportField.EMAIL: ["", None, " ", "a@b.cn", " A@B.CN ", "Zoë@例子.中国", "x@y.z"],
        ImportField.PHONE: phones, ImportField.MOBILE: phones, ImportField.FAX: phones,
        ImportField.STAGE: ["", None, "现在的客户", "new prospect", "拒绝", " 以往客户"],
        ImportField.CREDIT_STATUS: ["", None, "良好", "good"],
        ImportField.REFERRAL_SOURCE: ["", None, "friend", "customer", " Family"],
        ImportField.CIRCLE: ["", None, "工作上的朋友", " 高尔夫球友 ", 7],
        ImportField.REFERRER: ["", None, "张伟", " Wang Li "],
    }
    invalid = {ImportField.KIND: ["火星", 3], ImportField.STAGE: ["unknown"],
               ImportField.CREDIT_STATUS: ["?"], ImportField.REFERRAL_SOURCE: ["x"],
               ImportField.EMAIL: ["bad@", "a b@c.d"]}
    for field in (ImportField.FIRST_CONTACT, ImportField.TRANSACTION_DATE, ImportField.BIRTHDAY,
                  ImportField.NEXT_REVISIT):
        pools[field], invalid[field] = dates, bad_dates
    for mapped in (full, {c: f for c, f in full.items() if rng.random() < 0.6}):
        spec = RowSpec(tuple(headers), tuple(sorted(mapped.items())), datetime.date(2026, 11, 24),
                     updates=updates)
        parser = RowParser(headers, mapped, spec.today)
        chunk = []
        for number in range(2, 3002):
            if number % 97 == 0:
                row = [rng.choice(["", None, "  "]) for _ in headers]
            else:
                row = []
                for column in range(len(headers)):
                    target = full.get(column)
                    pool = pools.get(target, texts)
                    if target in invalid and rng.random() < 0.01:
                        pool = invalid[target]
                    row.append(rng.choice(pool))
                if rng.random() < 0.9:
                    row[0] = rng.choice(["张伟", "李娜", "Wang Li", "王 芳", "重庆人", "ΌΣΟΣ"])
            chunk.append((number, row))
        prepared = prepare_rows(spec, chunk)
        expected = [prepare_row(parser, number, row) for number, row in chunk]
        if not updates:  # which fields a row gives is only worked out for updates
            expected = [(r[0], frozenset(), *r[2:]) if isinstance(r, tuple) else r
                        for r in expected]
        assert prepared == expected
        kinds = [type(r) for r in prepared]
        # Blank, rejected and good rows all met, most of them good.
        assert kinds.count(tuple) > len(chunk) / 2 and list in kinds and type(None) in kinds


def test_a_sheet_read_before_is_imported_as_read_unless_the_file_changed_since(
        database, tmp_path, monkeypatch):
    import os
    from dataclasses import replace

    from prospect_desk import excel_import

    path = write_xlsx(tmp_path / "list.xlsx", [["Name", "Mobile"], ["Alice Wong", "13800138000"]])
    table = read_sheet(path)
    reads = []
    real_read = excel_import.read_sheet
    monkeypatch.setattr(excel_import, "read_sheet",
                        lambda *args, **kwargs: reads.append(1) or real_read(*args, **kwargs))
    assert import_file(path, table.sheet_name, read=table).imported == 1
    assert reads == []  # as the preview read it
    # A sheet read without the checks, or named otherwise, is read again.
    for other in (real_read(path, scan=False), replace(table, sheet_name="Elsewhere")):
        import_file(path, sheet=table.sheet_name, read=other)
    assert reads == [1, 1]
    reads.clear()

    # Saved again since: read again, and what it holds now is imported.
    write_xlsx(path, [["Name", "Mobile"], ["Bob Li", "13900139000"]])
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert import_file(path, table.sheet_name, read=table).imported == 1
    assert reads == [1]
    assert sorted(c.name for c in Card.select()) == ["Alice Wong", "Bob Li"]
