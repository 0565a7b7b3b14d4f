"""The printed call sheet: the right people in order, Chinese as text, the
preview opens, the command line writes the same PDF."""

import datetime
import subprocess

import pytest
from PySide6.QtPrintSupport import QPrintPreviewDialog

import main
from prospect_desk.cards import CardData, create_card
from prospect_desk.database import close_database, open_database
from prospect_desk.follow_up_rules import mark_declined
from prospect_desk.follow_ups import add_follow_up
from prospect_desk.history import add_activity
from ui.call_sheet_print import CallSheetDialog, CallSheetOptions, write_call_sheet_pdf
from ui.translation import install_language

D = datetime.date
DAY = D(2025, 3, 10)


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def fill():
    wang = create_card(CardData(name="Wang Wei", phone="021-1234", employer="Acme"))
    li = create_card(CardData(name="李娜", mobile="138 0000"))
    zhao = create_card(CardData(name="Zhao Gang"))
    add_activity(wang, "call", D(2025, 2, 1), "Asked for samples")
    add_follow_up(wang, "manual", DAY, "bring samples")
    mark_declined(li, "price", "", DAY, today=D(2025, 3, 1))
    add_follow_up(zhao, "manual", D(2025, 3, 11))  # the next day: not on the sheet


def test_the_pdf_lists_exactly_the_day_people_in_order(database, tmp_path):
    fill()
    target = tmp_path / "sheet.pdf"
    pages = write_call_sheet_pdf(target, CallSheetOptions(DAY, DAY))
    text = pdf_text(target)
    assert pages == 1 and "Page 1 of 1" in text
    assert "Zhao Gang" not in text
    assert text.index("李娜") < text.index("Wang Wei")  # revisit before a plain follow-up
    assert "Acme" in text and "021-1234" in text and "Asked for samples" in text
    # the opening lines wrap inside their column: look for their first words
    assert "Your name came" in text and "I just happened" in text


def test_a_row_never_splits_across_pages(database, tmp_path):
    for i in range(60):
        card = create_card(CardData(name=f"Person {i:02d}"))
        add_follow_up(card, "manual", DAY)
    target = tmp_path / "long.pdf"
    pages = write_call_sheet_pdf(target, CallSheetOptions(DAY, DAY, paper="letter"))
    assert pages > 1
    text = pdf_text(target)
    assert f"Page {pages} of {pages}" in text
    per_page = [page.count("Person ") for page in text.split("\f") if page.strip()]
    assert sum(per_page) == 60
    order = [line.split()[1] for line in text.splitlines() if line.strip().startswith("Person")]
    assert order == [f"{i:02d}" for i in range(60)]


def test_the_sheet_prints_in_chinese(database, tmp_path):
    fill()
    install_language("zh_CN")
    target = tmp_path / "zh.pdf"
    write_call_sheet_pdf(target, CallSheetOptions(DAY, DAY))
    text = pdf_text(target)
    assert "李娜" in text and "回访" in text


def test_the_dialog_opens_the_print_preview(database, qtbot, monkeypatch):
    fill()
    shown = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: shown.append(self) or 0)
    dialog = CallSheetDialog(DAY)
    qtbot.addWidget(dialog)
    dialog.preview_button.click()
    assert len(shown) == 1 and isinstance(shown[0], QPrintPreviewDialog)


def test_the_dialog_saves_a_pdf_off_the_ui_thread(database, qtbot, monkeypatch, tmp_path):
    fill()
    target = tmp_path / "saved.pdf"
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    dialog = CallSheetDialog(DAY)
    qtbot.addWidget(dialog)
    dialog.pdf_button.click()
    qtbot.waitUntil(lambda: dialog.pages is not None, timeout=10000)
    assert "Wang Wei" in pdf_text(target)


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "cards.sqlite3"
    open_database(path)
    fill()
    close_database()
    return path


def test_the_command_line_writes_the_call_sheet(db_file, tmp_path, capsys):
    target = tmp_path / "cli.pdf"
    code = main.main(["--db", str(db_file), "callsheet", "--date", "2025-03-10",
                      "--to", "2025-03-11", "--pdf", str(target)])
    assert code == 0
    assert str(target) in capsys.readouterr().out
    text = pdf_text(target)
    assert [name for name in ("李娜", "Wang Wei", "Zhao Gang") if name in text] == [
        "李娜", "Wang Wei", "Zhao Gang"]
    assert text.index("Wang Wei") < text.index("Zhao Gang")


def test_the_command_line_refuses_a_bad_date(db_file, tmp_path, capsys):
    code = main.main(["--db", str(db_file), "callsheet", "--date", "2025-02-30",
                      "--pdf", str(tmp_path / "x.pdf")])
    assert code == 2
    assert "is not a date" in capsys.readouterr().err


def test_the_file_menu_opens_the_call_sheet_dialog_for_today(main_window, qtbot):
    main_window.call_sheet_action.trigger()
    dialog = main_window.findChild(CallSheetDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.start.date() == datetime.date.today() == dialog.end.date()
    dialog.close()


def test_an_opening_line_reworded_in_the_dialog_prints_on_the_sheet(database, qtbot, tmp_path):
    fill()
    sheet = CallSheetDialog(DAY)
    qtbot.addWidget(sheet)
    dialog = sheet.edit_opening_lines()
    assert dialog.fields["revisit"].placeholderText() == "Your name came up in our sales meeting."
    dialog.fields["revisit"].setText("Hello again from Prospect")
    dialog.accept()
    target = tmp_path / "own.pdf"
    write_call_sheet_pdf(target, CallSheetOptions(DAY, DAY))
    assert "Hello again from" in pdf_text(target)
