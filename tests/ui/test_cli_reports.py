"""Reports on the command line: one customer per line in the report's order,
or an .xlsx file."""

import datetime

import openpyxl
import pytest

import main
from prospect_desk.cards import CardData, create_card
from prospect_desk.database import close_database, open_database
from prospect_desk.models import Deal

D = datetime.date


def deal(card_id, date, amount, due=None):
    Deal.insert(card=card_id, date=date, amount_cents=amount, outcome="won", due_date=due,
                created_at=datetime.datetime(2024, 1, 1)).execute()


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "cards.sqlite3"
    open_database(path)
    wang = create_card(CardData(name="Wang Wei", address="1 Main St"))
    li = create_card(CardData(name="李娜"))
    deal(wang, D(2023, 1, 10), 50_000)
    deal(li, D(2023, 2, 1), 20_000)
    deal(li, D(2025, 5, 1), 30_000, due=D(2025, 5, 31))
    close_database()
    return path


def run(db_file, *args):
    return main.main(["--db", str(db_file), "report", *args])


def test_the_lapsed_report_prints_one_customer_per_line(db_file, capsys):
    assert run(db_file, "lapsed", "--as-of", "2025-06-30") == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert lines[0].split("\t")[:4] == ["Customer", "Last purchase", "Purchases", "Total amount"]
    # Li bought in May 2025, so only Wang is lapsed.
    assert lines[1].split("\t")[:4] == ["Wang Wei", "2023-01-10", "1", "500.00"]
    assert lines[1].split("\t")[-1] == "Visit"
    assert len(lines) == 2
    # Before 2024 both bought; in 2024 neither did: 2 lost of 2, 2 + ceil(0.2) = 3.
    assert "need 3 new customers" in out.err


def test_the_pareto_report_ranks_by_revenue_of_the_last_year(db_file, capsys):
    assert run(db_file, "pareto", "--as-of", "2025-06-30") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:3] for line in lines[1:]] == [["1", "李娜", "300.00"]]


def test_the_ageing_report_goes_to_xlsx(db_file, tmp_path, capsys):
    target = tmp_path / "ageing.xlsx"
    assert run(db_file, "ageing", "--as-of", "2025-07-15", "--xlsx", str(target)) == 0
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Customer"
    # Due May 31, 45 days before July 15: the 31-60 bucket.
    assert rows[1] == ("李娜", 0, 0, 300, 0, 0, 300)


def test_a_bad_as_of_date_is_refused(db_file, capsys):
    assert run(db_file, "ageing", "--as-of", "someday") == 2
    assert "not a date" in capsys.readouterr().err


def test_import_deals_prints_what_was_imported_rejected_and_unmatched(db_file, tmp_path,
                                                                        capsys):
    history = tmp_path / "sales.csv"
    history.write_text("Date,Customer,Product,Amount,Won/Lost\n"
                       "2024-01-05,Wang Wei,Printer,100,won\n"
                       "2024-01-06,Nobody,Printer,100,won\n"
                       "2024-01-07,Wang Wei,Printer,lots,won\n", encoding="utf-8")
    rejects = tmp_path / "rejects.xlsx"
    assert main.main(["--db", str(db_file), "import-deals", str(history),
                      "--rejects", str(rejects)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["Imported 1 deals; 1 rows rejected; 1 rows unmatched.",
                     "Row 3: no card matches the customer",
                     "Row 4: Amount: not an amount"]
    saved = list(openpyxl.load_workbook(rejects).active.iter_rows(values_only=True))
    assert [row[-2:] for row in saved[1:]] == [(3, "no card matches the customer"),
                                               (4, "Amount: not an amount")]
