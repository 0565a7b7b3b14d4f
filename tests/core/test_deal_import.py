"""Importing a sales history: headers in Chinese, customers matched by phone,
e-mail or name and company, rejects and unmatched rows, paid amounts."""

import datetime

import pytest

from prospect_desk.cards import CardData, create_card
from prospect_desk.deal_import import (
    DealField,
    DealImportProblem,
    Resolve,
    check_deals,
    import_deals,
    import_deals_file,
    map_headers,
)
from prospect_desk.excel_import import ImportCancelled
from prospect_desk.models import Card, Deal, Payment

D = datetime.date


@pytest.fixture(autouse=True)
def _db(database):
    yield


def write_csv(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_english_and_chinese_headers_name_the_same_fields():
    assert map_headers(["日期", "客户", "产品", "金额", "结果", "已付金额", "到期日"]) == \
        map_headers(["Date", "Customer", "Product", "Amount", "Won/Lost", "Amount paid",
                     "Due date"])


def test_a_sales_history_becomes_deals_and_payments_on_the_matching_cards(tmp_path):
    wang = create_card(CardData(name="王伟", mobile="138 0013 8000"))
    li = create_card(CardData(name="李娜", email="li@example.com"))
    zhao = create_card(CardData(name="赵敏", employer="华为"))
    create_card(CardData(name="张三"))
    create_card(CardData(name="张三"))
    path = write_csv(tmp_path / "sales.csv", [
        "日期,客户,公司,电话,邮箱,产品,金额,结果,已付金额,到期日",
        "2024-03-01,Wang,,+86 13800138000,,打印机,\"¥1,200.50\",成交,200,2024-04-01",
        "2024/5/6,,,,LI@example.com,纸,300,失败,,",
        "2024-06-01,赵敏,华为,,,墨盒,80,成交,80,",
        "2024-06-02,张三,,,,墨盒,80,成交,,",          # two cards named 张三
        "2024-06-03,Nobody,,,,墨盒,80,成交,,",         # no card
        "someday,王伟,,,,墨盒,80,成交,,",              # bad date
        "2024-06-04,王伟,,,,墨盒,80,maybe,100,",      # outcome unknown, paid > amount
    ])
    result = import_deals_file(path)
    assert result.imported == 3
    assert [(r.row_number, [p.reason for p in r.problems]) for r in result.rejected] == [
        (7, [DealImportProblem.NOT_A_DATE]),
        (8, [DealImportProblem.OUTCOME_UNKNOWN, DealImportProblem.PAID_MORE_THAN_AMOUNT]),
    ]
    assert [(u.row_number, u.problem, len(u.card_ids)) for u in result.unmatched] == [
        (5, DealImportProblem.SEVERAL_CARDS, 2), (6, DealImportProblem.NO_CARD, 0)]
    deals = {d.card_id: d for d in Deal.select()}
    assert (deals[wang].amount_cents, deals[wang].outcome, deals[wang].due_date) == (
        120050, "won", D(2024, 4, 1))
    assert (deals[li].outcome, deals[li].date) == ("lost", D(2024, 5, 6))
    assert sorted(p.amount_cents for p in Payment.select()) == [8000, 20000]
    assert (Card.get_by_id(zhao).stage, Card.get_by_id(zhao).transaction_date) == (
        "customer", D(2024, 6, 1))
    assert Card.get_by_id(li).stage == "new"


UNMATCHED = [
    "日期,客户,公司,电话,产品,金额,结果,已付金额,到期日",
    "2024-03-01,张三,,,墨盒,80,成交,,",                 # two cards named 张三
    "2024-03-02,Nobody,Acme,021-66667777,纸,50,成交,10,2024-04-01",  # no card
    "2024-03-03,Nobody,Acme,021-66667777,纸,70,成交,,",  # the same unknown customer
    "2024-03-04,Ghost,,,纸,20,失败,,",                    # no card, left out
    "2024-03-05,王伟,,,纸,30,成交,,",
]


def test_checking_writes_nothing_and_says_what_each_row_would_become(tmp_path):
    wang = create_card(CardData(name="王伟"))
    create_card(CardData(name="张三"))
    create_card(CardData(name="张三"))
    path = write_csv(tmp_path / "sales.csv", UNMATCHED + ["bad,王伟,,,纸,1,成交,,"])
    from prospect_desk.spreadsheet_read import read_sheet

    seen = []
    result = check_deals(read_sheet(path), progress=lambda done, total: seen.append(total))
    assert result.imported == 1 and result.matched == {6: wang}
    assert [(u.row_number, u.problem) for u in result.unmatched] == [
        (2, DealImportProblem.SEVERAL_CARDS), (3, DealImportProblem.NO_CARD),
        (4, DealImportProblem.NO_CARD), (5, DealImportProblem.NO_CARD)]
    assert [r.row_number for r in result.rejected] == [7]
    assert result.unmatched[1].sale.customer.company == "Acme"
    assert seen and Deal.select().count() == 0


def test_unmatched_rows_go_to_the_picked_card_a_new_card_or_are_skipped(tmp_path):
    wang = create_card(CardData(name="王伟"))
    zhang = create_card(CardData(name="张三"))
    create_card(CardData(name="张三", phone="139 0000 0000"))
    path = write_csv(tmp_path / "sales.csv", UNMATCHED)
    result = import_deals_file(path, resolutions={
        2: zhang, 3: Resolve.NEW_CARD, 4: Resolve.NEW_CARD, 5: Resolve.SKIP})
    assert (result.imported, result.resolved, result.skipped, result.cards_created) == (
        4, 3, 1, 1)
    assert result.unmatched == []
    nobody = Card.get(Card.name == "Nobody")
    assert (nobody.kind, nobody.employer, nobody.phone, nobody.stage) == (
        "individual", "Acme", "021-66667777", "customer")
    assert sorted(d.amount_cents for d in Deal.select().where(Deal.card == nobody.id)) == [
        5000, 7000]
    assert [d.card_id for d in Deal.select().where(Deal.amount_cents == 8000)] == [zhang]
    assert Deal.select().where(Deal.card == wang).count() == 1
    assert [p.amount_cents for p in Payment.select()] == [1000]


def test_a_column_mapping_replaces_the_headers_and_a_cancel_writes_nothing(tmp_path):
    wang = create_card(CardData(name="王伟"))
    path = write_csv(tmp_path / "sales.csv", [
        "when,who,what,how much,result", *(f"2024-03-01,王伟,纸,{n},won" for n in range(1200))])
    from prospect_desk.spreadsheet_read import read_sheet

    mapping = {DealField.DATE: 0, DealField.CUSTOMER: 1, DealField.PRODUCT: 2,
               DealField.AMOUNT: 3, DealField.OUTCOME: 4}
    with pytest.raises(ImportCancelled):
        import_deals(read_sheet(path), mapping, cancelled=lambda: True)
    assert Deal.select().count() == 0
    calls = []

    def cancel_while_writing():
        calls.append(1)
        return len(calls) > 3  # two checks while reading, then during the writes

    with pytest.raises(ImportCancelled):
        import_deals(read_sheet(path), mapping, cancelled=cancel_while_writing)
    assert Deal.select().count() == 0 and len(calls) == 4
    result = import_deals(read_sheet(path), mapping)
    assert result.imported == 1200
    assert Deal.select().where(Deal.card == wang).count() == 1200


def test_a_row_naming_a_company_alone_matches_its_company_card(tmp_path):
    company = create_card(CardData(kind="company", name="华信贸易有限公司"))
    create_card(CardData(name="李娜", employer="华信贸易有限公司"))
    path = write_csv(tmp_path / "sales.csv", [
        "日期,客户,公司,金额,结果",
        "2024-03-01,华信贸易有限公司,,100,成交",
        "2024-03-02,华信贸易有限公司,华信贸易有限公司,100,成交",
        "2024-03-03,李娜,,100,成交",                    # 李娜 works there: no card by name alone
    ])
    result = import_deals_file(path)
    assert result.matched == {2: company, 3: company}
    assert [u.row_number for u in result.unmatched] == [4]
