"""backup, restore and backups on the command line."""

import os
from pathlib import Path

import pytest

import main
from prospect_desk import instance_lock
from prospect_desk.cards import CardData, create_card
from prospect_desk.database import close_database, open_database
from prospect_desk.models import Card


@pytest.fixture
def saved_file(db_path):
    open_database(db_path)
    create_card(CardData(name="First card"))
    close_database()
    return db_path


def names_in(db_path) -> list[str]:
    open_database(db_path)
    try:
        return sorted(card.name for card in Card.select())
    finally:
        close_database()


def test_backup_prints_the_copy_and_backups_lists_it(saved_file, capsys):
    assert main.main(["--db", str(saved_file), "backup"]) == 0
    copy = Path(capsys.readouterr().out.strip())
    assert copy.parent == saved_file.parent / "backups"
    assert copy.is_file() and "manual" in copy.name

    assert main.main(["--db", str(saved_file), "backups"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 1 and str(copy) in listed[0] and "by hand" in listed[0]
    assert names_in(copy) == ["First card"]


def test_backup_to_a_named_file(saved_file, tmp_path, capsys):
    target = tmp_path / "usb" / "cards-copy.sqlite3"
    target.parent.mkdir()
    assert main.main(["--db", str(saved_file), "backup", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    assert names_in(target) == ["First card"]


def test_backups_lists_newest_first(saved_file, capsys):
    import datetime

    from prospect_desk.backups import BackupKind, make_backup

    older = make_backup(saved_file, BackupKind.DAILY, now=datetime.datetime(2025, 1, 2, 9))
    newer = make_backup(saved_file, BackupKind.MANUAL, now=datetime.datetime(2025, 3, 4, 9))
    assert main.main(["--db", str(saved_file), "backups"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [str(newer) in lines[0], str(older) in lines[1]] == [True, True]


def test_restore_brings_back_the_cards_and_keeps_the_current_file(saved_file, capsys):
    assert main.main(["--db", str(saved_file), "backup"]) == 0
    copy = capsys.readouterr().out.strip()
    open_database(saved_file)
    create_card(CardData(name="Second card"))
    close_database()

    assert main.main(["--db", str(saved_file), "restore", copy]) == 0
    out = capsys.readouterr().out
    asides = list(saved_file.parent.glob(saved_file.name + ".before-restore-*"))
    assert len(asides) == 1 and str(asides[0]) in out
    assert names_in(saved_file) == ["First card"]
    assert names_in(asides[0]) == ["First card", "Second card"]


def test_restore_is_refused_while_the_app_has_the_file_open(saved_file, capsys):
    assert main.main(["--db", str(saved_file), "backup"]) == 0
    copy = capsys.readouterr().out.strip()
    before = saved_file.read_bytes()
    with instance_lock.acquire(saved_file):
        assert main.main(["--db", str(saved_file), "restore", copy]) == 2
    err = capsys.readouterr().err
    assert f"process {os.getpid()}" in err and "close it first" in err
    assert saved_file.read_bytes() == before
    assert not list(saved_file.parent.glob(saved_file.name + ".before-restore-*"))


def test_restore_of_a_file_that_is_no_backup_changes_nothing(saved_file, tmp_path, capsys):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 100)
    before = saved_file.read_bytes()
    assert main.main(["--db", str(saved_file), "restore", str(junk)]) == 2
    assert "nothing was changed" in capsys.readouterr().err
    assert saved_file.read_bytes() == before


def test_restore_of_a_missing_file_and_backup_of_a_missing_database_fail_clearly(
        tmp_path, capsys):
    missing_db = tmp_path / "none.sqlite3"
    assert main.main(["--db", str(missing_db), "restore", str(tmp_path / "nope")]) == 2
    assert "There is no backup file" in capsys.readouterr().err
    assert main.main(["--db", str(missing_db), "backup"]) == 2
    assert "No backup was made" in capsys.readouterr().err
    assert not missing_db.exists()


def test_a_damaged_file_can_be_restored_from_the_command_line(saved_file, capsys):
    assert main.main(["--db", str(saved_file), "backup"]) == 0
    copy = capsys.readouterr().out.strip()
    saved_file.write_bytes(b"garbage" * 500)
    assert main.main(["--db", str(saved_file), "restore", copy]) == 0
    assert names_in(saved_file) == ["First card"]


# --- the import history ------------------------------------------------------------
@pytest.fixture
def imported_file(saved_file, tmp_path):
    """The saved file after one import that added two cards and updated one."""
    from prospect_desk.excel_import import DuplicateMode, import_file

    path = tmp_path / "fair.csv"
    path.write_text("Name,Notes\nSecond card,\nThird card,\nFirst card,updated\n", encoding="utf-8")
    open_database(saved_file)
    try:
        import_file(path, duplicate_mode=DuplicateMode.UPDATE)
    finally:
        close_database()
    return saved_file


def test_imports_lists_each_import_with_its_id_and_counts(imported_file, capsys):
    assert main.main(["--db", str(imported_file), "imports"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2  # a header and the one import
    assert lines[1].split()[0] == "1"
    assert lines[1].split()[3:7] == ["2", "1", "0", "0"]
    assert lines[1].endswith("fair.csv")


def test_undo_import_trashes_the_added_cards_and_refuses_a_second_time(imported_file, capsys):
    assert main.main(["--db", str(imported_file), "undo-import", "1"]) == 0
    out = capsys.readouterr().out
    assert "2 cards moved to the trash" in out and "1 cards given" in out
    open_database(imported_file)
    try:
        live = sorted(c.name for c in Card.select().where(Card.deleted_at.is_null()))
        assert live == ["First card"]
        assert Card.get(Card.name == "First card").notes == ""
    finally:
        close_database()

    assert main.main(["--db", str(imported_file), "undo-import", "1"]) == 2
    assert "cannot be undone twice" in capsys.readouterr().err
    assert main.main(["--db", str(imported_file), "imports"]) == 0
    assert "undone" in capsys.readouterr().out


def test_undo_import_of_an_unknown_id_says_so(imported_file, capsys):
    assert main.main(["--db", str(imported_file), "undo-import", "7"]) == 2
    assert "There is no import 7" in capsys.readouterr().err


def test_undo_import_is_refused_while_the_window_has_the_file(imported_file, capsys):
    with instance_lock.acquire(imported_file):
        assert main.main(["--db", str(imported_file), "undo-import", "1"]) == 2
    assert "close it first" in capsys.readouterr().err


def test_a_sales_import_is_listed_with_its_kind_and_undone(saved_file, tmp_path, capsys):
    from prospect_desk.deal_import import import_deals_file
    from prospect_desk.models import Deal

    sales = tmp_path / "sales.csv"
    sales.write_text("Date,Customer,Product,Amount,Won/Lost,Amount paid\n"
                     "2025-03-01,First card,Printer,100,won,40\n", encoding="utf-8")
    open_database(saved_file)
    try:
        import_deals_file(sales)
    finally:
        close_database()
    assert main.main(["--db", str(saved_file), "imports"]) == 0
    line = capsys.readouterr().out.splitlines()[1]
    assert line.split()[3:7] == ["1", "1", "0", "0"]
    assert line.endswith("sales  sales.csv")
    assert main.main(["--db", str(saved_file), "undo-import", line.split()[0]]) == 0
    assert "1 deals and 1 payments removed, 1 cards given their earlier stage back" in \
        capsys.readouterr().out
    open_database(saved_file)
    try:
        assert Deal.select().count() == 0
        assert Card.get(Card.name == "First card").stage == "new"
    finally:
        close_database()
    assert main.main(["--db", str(saved_file), "undo-import", line.split()[0]]) == 2
    assert "cannot be undone twice" in capsys.readouterr().err
