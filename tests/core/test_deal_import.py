"""Importing a sales history: headers in Chinese, customers matched by phone,
e-mail or name and company, rejects and unmatched rows, paid amounts."""

import datetime

import pytest

from prospect_desk.cards import CardData, create_card
from prospect_desk.deal_import import DealImportProblem, import_deals_file, map_headers
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
