"""`main.py import` and `main.py export` from the command line."""

import openpyxl

import main
from prospect_desk.backups import list_backups
from prospect_desk.cards import CardData, create_card
from prospect_desk.database import close_database, open_database
from prospect_desk.models import Card


def write_xlsx(path, rows):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def card_names(db_path) -> list[str]:
    open_database(db_path)
    try:
        return sorted(card.name for card in Card.select())
    finally:
        close_database()


def test_import_prints_one_summary_line_and_saves_the_rejected_rows(tmp_path, capsys):
    db_path = tmp_path / "cards.sqlite3"
    source = write_xlsx(tmp_path / "in.xlsx", [
        ["姓名", "手机", "电子邮件"],
        ["张伟", "13800138000", ""],
        ["李娜", "13900139000", "not-an-address"],
        ["张伟 (again)", "+86 138 0013 8000", ""],
        ["Bob Chen", "", "bob@example.com"],
    ])
    rejects = tmp_path / "rejects.xlsx"

    code = main.main(["--db", str(db_path), "import", str(source), "--rejects", str(rejects)])

    out = capsys.readouterr().out.strip().splitlines()
    assert code == 0
    assert out == ["Imported 2 cards; 1 duplicates (1 skipped, 0 updated, 0 added); "
                   "1 rows rejected."]
    assert card_names(db_path) == ["Bob Chen", "张伟"]
    rows = list(openpyxl.load_workbook(rejects).active.iter_rows(values_only=True))
    assert rows[1][:2] == ("李娜", "13900139000") and rows[1][3] == 3
    assert "Not an e-mail address" in rows[1][4]
    assert [b.kind for b in list_backups(db_path)] == ["pre-import"]


def test_import_of_a_file_that_is_no_spreadsheet_exits_2_and_changes_nothing(tmp_path,
                                                                               capsys):
    db_path = tmp_path / "cards.sqlite3"
    open_database(db_path)
    create_card(CardData(name="Alice Wong"))
    close_database()
    source = tmp_path / "notes.xlsx"
    source.write_text("just some notes, not a workbook")

    code = main.main(["--db", str(db_path), "import", str(source)])

    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert "notes.xlsx is not a spreadsheet" in captured.err
    assert card_names(db_path) == ["Alice Wong"]


def test_export_writes_the_cards_a_search_finds(tmp_path, capsys):
    db_path = tmp_path / "cards.sqlite3"
    open_database(db_path)
    for name, employer in [("Alice Wong", "Northwind"), ("Bob Chen", "Pacific"),
                           ("Carol Li", "Northwind")]:
        create_card(CardData(name=name, employer=employer))
    close_database()
    target = tmp_path / "out.xlsx"

    code = main.main(["--db", str(db_path), "export", str(target), "--search", "northwind"])

    assert code == 0
    assert "2 cards written" in capsys.readouterr().out
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][0] == "Name"
    assert [r[0] for r in rows[1:]] == ["Alice Wong", "Carol Li"]


def test_export_by_circle_knows_the_chinese_label_and_refuses_an_unknown_circle(tmp_path,
                                                                                 capsys):
    db_path = tmp_path / "cards.sqlite3"
    source = write_xlsx(tmp_path / "in.xlsx", [["姓名", "来源圈子"], ["张伟", "工作上的朋友"],
                                               ["李娜", "学校时的朋友"]])
    assert main.main(["--db", str(db_path), "import", str(source)]) == 0
    target = tmp_path / "work.xlsx"

    assert main.main(["--db", str(db_path), "export", str(target), "--circle", "工作上的朋友"]) == 0
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["张伟"]

    capsys.readouterr()
    assert main.main(["--db", str(db_path), "export", str(target), "--circle", "Golf"]) == 2
    assert "There is no circle called Golf." in capsys.readouterr().err


def test_a_big_import_leaves_the_file_with_every_index(tmp_path, monkeypatch, capsys):
    from prospect_desk import bulk_indexes

    monkeypatch.setattr(bulk_indexes, "MIN_BULK_ROWS", 2)
    db_path = tmp_path / "cards.sqlite3"
    open_database(db_path)
    before = bulk_indexes.table_indexes("card")
    close_database()
    source = write_xlsx(tmp_path / "in.xlsx",
                        [["Name", "Mobile"],
                         *([f"Person {i}", f"1380013{i:04d}"] for i in range(30))])

    assert main.main(["--db", str(db_path), "import", str(source)]) == 0

    open_database(db_path)
    try:
        assert bulk_indexes.pending() == []
        assert bulk_indexes.table_indexes("card") == before
    finally:
        close_database()


def test_another_programs_database_is_refused_with_a_sentence(tmp_path, capsys):
    import sqlite3
    from contextlib import closing

    path = tmp_path / "their.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.commit()
    before = path.read_bytes()

    assert main.main(["--db", str(path), "stats"]) == 2

    assert capsys.readouterr().err.strip() == (
        f"{path} is not a Prospect Desk card file, so it was not opened and nothing was "
        "written to it.")
    assert path.read_bytes() == before


def test_a_sheet_that_cannot_be_read_exits_2_with_no_backup_made(tmp_path, capsys):
    db_path = tmp_path / "cards.sqlite3"
    open_database(db_path)
    create_card(CardData(name="Alice Wong"))
    close_database()
    source = write_xlsx(tmp_path / "empty.xlsx", [])  # a workbook, but no header row

    assert main.main(["--db", str(db_path), "import", str(source)]) == 2

    assert "empty.xlsx" in capsys.readouterr().err
    assert card_names(db_path) == ["Alice Wong"]
    assert list_backups(db_path) == []


def test_a_csv_file_has_its_one_sheet_whatever_sheet_is_named(tmp_path, capsys):
    db_path = tmp_path / "cards.sqlite3"
    source = tmp_path / "in.csv"
    source.write_text("Name,Mobile\nAlice Wong,13800138000\n", encoding="utf-8")

    assert main.main(["--db", str(db_path), "import", str(source), "--sheet", "Sheet1"]) == 0
    assert card_names(db_path) == ["Alice Wong"]


def test_a_big_file_named_from_the_current_folder_is_read_by_the_second_process_too(
        tmp_path, monkeypatch, capsys):
    from prospect_desk import excel_import

    rows = [["姓名", "手机", "下次回访日期"],
            *([f"客户{i}", f"138{i:08d}", "2027-01-05" if i % 3 else ""] for i in range(6000))]
    write_xlsx(tmp_path / "big.xlsx", rows)
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_BYTES", 0)
    copied = []
    real_copy = excel_import._copy_tail
    monkeypatch.setattr(excel_import, "_copy_tail",
                        lambda *args: copied.append(real_copy(*args)) or copied[-1])
    monkeypatch.chdir(tmp_path)

    assert main.main(["--db", "cards.sqlite3", "import", "big.xlsx"]) == 0

    assert "Imported 6000 cards" in capsys.readouterr().out
    assert copied == [3000]  # the second half, as that process prepared it
    open_database(tmp_path / "cards.sqlite3")
    try:
        assert Card.select().count() == 6000
    finally:
        close_database()
