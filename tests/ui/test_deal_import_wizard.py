"""File → Import sales history…, driven as a user would: columns recognised in
Chinese and one corrected, problems marked, an unmatched customer resolved by
picking a card, another by a new card, the rows left out saved to .xlsx."""

import datetime
import threading
import time

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QWizard

import ui.import_wizard_pages as import_wizard_pages
from prospect_desk.backups import list_backups
from prospect_desk.cards import CardData, create_card
from prospect_desk.models import Card, Deal, Payment
from ui.card_picker import CardPickerDialog
from ui.deal_import_wizard import UNMATCHED_BACKGROUND, DealImportWizard
from ui.import_wizard_pages import PROBLEM_BACKGROUND

HEADERS = ["日期", "客户", "电话", "货品", "金额", "结果", "已付金额", "到期日"]
ROWS = [
    ["2025-03-01", "王伟", "021-5555 0001", "打印机", 1200, "成交", 200, "2025-04-01"],
    ["2025-03-02", "王伟", "", "纸", 30, "不知道", "", ""],          # outcome unknown
    ["2025-03-03", "张三", "", "墨盒", 80, "成交", "", ""],           # two cards named 张三
    ["2025-03-04", "Nobody", "139 1111 2222", "纸", 50, "成交", 50, ""],  # no card
    ["2025-03-05", "Ghost", "", "纸", 20, "失败", "", ""],           # no card, left out
]


def write_xlsx(path, rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "销售"
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_wizard(main_window) -> DealImportWizard:
    assert main_window.import_deals_action in main_window.file_menu.actions()
    main_window.import_deals_action.trigger()
    shown = [w for w in main_window.findChildren(DealImportWizard) if w.isVisible()]
    assert len(shown) == 1
    return shown[0]


def press(qtbot, wizard, which=QWizard.WizardButton.NextButton):
    click(qtbot, wizard.button(which))


def choose_file(monkeypatch, qtbot, wizard, path, wait=True):
    """Click Choose file… and wait for the sheet to be read (off the UI thread)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))
    click(qtbot, wizard.file_page.choose_button)
    if wait:
        qtbot.waitUntil(lambda: wizard.file_page.job is None, timeout=10000)


def pick_in_card_chooser(monkeypatch, card_id, seen):
    def fake_exec(dialog):
        seen.append(dialog.search.text())
        for row in range(dialog.results.count()):
            if dialog.results.item(row).data(Qt.ItemDataRole.UserRole) == card_id:
                dialog.results.setCurrentRow(row)
                return QDialog.DialogCode.Accepted
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(CardPickerDialog, "exec", fake_exec)


@pytest.fixture
def cards(database):
    return {
        "wang": create_card(CardData(name="王伟", phone="021-5555 0001")),
        "zhang_a": create_card(CardData(name="张三", mobile="138 0000 0001")),
        "zhang_b": create_card(CardData(name="张三", email="zhang@example.com")),
    }


def test_user_imports_sales_resolving_an_unmatched_customer_by_picking_the_card(
        cards, main_window, qtbot, monkeypatch, tmp_path, answer_questions):
    path = write_xlsx(tmp_path / "销售记录.xlsx", [HEADERS, *ROWS])
    wizard = open_wizard(main_window)
    choose_file(monkeypatch, qtbot, wizard, path)
    assert wizard.file_page.sheet_combo.currentText() == "销售"
    press(qtbot, wizard)

    mapping = wizard.mapping_page
    assert [c.currentData() for c in mapping.combos] == [
        "date", "customer", "phone", "", "amount", "outcome", "amount_paid", "due_date"]
    assert mapping.combos[0].currentText() == "Date of the sale"
    # Without the date, the file cannot be read as sales: Next waits for it.
    mapping.combos[0].setCurrentIndex(0)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "Date of the sale" in mapping.hint_label.text()
    mapping.combos[0].setCurrentIndex(mapping.combos[0].findData("date"))
    mapping.combos[3].setCurrentIndex(mapping.combos[3].findData("product"))  # 货品
    press(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=10000)

    preview = wizard.preview_page
    assert "5 rows" in preview.summary_label.text()
    assert "1 will be imported" in preview.summary_label.text()
    table = preview.table
    will_be = [table.item(row, 1).text() for row in range(table.rowCount())]
    assert will_be == ["Sale of 王伟", "Left out", "2 cards", "No card", "No card"]
    outcome_column = [table.horizontalHeaderItem(c).text()
                      for c in range(table.columnCount())].index("Won or lost")
    bad = table.item(1, outcome_column)
    assert bad.background().color() == PROBLEM_BACKGROUND
    assert "won" in bad.toolTip()
    assert table.item(2, 0).background().color() == UNMATCHED_BACKGROUND
    assert not preview.isCommitPage()
    press(qtbot, wizard)

    page = wizard.unmatched_page
    assert wizard.currentPage() is page
    assert [page.table.item(r, 1).text() for r in range(page.table.rowCount())] == [
        "张三", "Nobody · 139 1111 2222", "Ghost"]
    assert [page.table.item(r, 6).text() for r in range(3)] == ["Left out"] * 3
    assert not page.pick_button.isEnabled()
    seen = []
    pick_in_card_chooser(monkeypatch, cards["zhang_b"], seen)
    page.table.selectRow(0)
    click(qtbot, page.pick_button)
    assert seen == ["张三"]  # the chooser opens on the customer's name
    page.table.selectRow(1)
    click(qtbot, page.new_button)
    assert [page.table.item(r, 6).text() for r in range(3)] == [
        "Sale of 张三", "A new card", "Left out"]
    assert page.summary_label.text() == "1 on a picked card, 1 on new cards, 1 left out"
    assert Deal.select().count() == 0  # nothing written before Import
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Import"
    press(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=10000)

    deals = {d.card_id: d for d in Deal.select()}
    nobody = Card.get(Card.name == "Nobody")
    assert set(deals) == {cards["wang"], cards["zhang_b"], nobody.id}
    assert (deals[cards["wang"]].amount_cents, deals[cards["wang"]].due_date) == (
        120_000, datetime.date(2025, 4, 1))
    assert sorted(p.amount_cents for p in Payment.select()) == [5_000, 20_000]
    assert (nobody.phone, nobody.stage) == ("139 1111 2222", "customer")
    assert any(b.kind == "pre-import" for b in list_backups(main_window_db(main_window)))
    summary = wizard.result_page.summary_label.text()
    assert "3 sales imported" in summary and "1 new cards made" in summary
    rejects = wizard.result_page.rejects_table
    assert [rejects.item(r, 0).text() for r in range(rejects.rowCount())] == ["3", "6"]
    assert rejects.item(0, 1).text() == "F: 结果"
    assert rejects.item(1, 2).text() == "No card matches the customer"
    assert "Nobody" in shown_names(main_window)

    saved = tmp_path / "left out.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(saved), "")))
    asked = answer_questions()
    click(qtbot, wizard.result_page.save_button)
    assert "left out.xlsx" in asked[-1]
    sheet = openpyxl.load_workbook(saved).active
    values = list(sheet.values)
    assert list(values[0][-2:]) == ["Row", "Why"]
    assert [row[1] for row in values[1:]] == ["王伟", "Ghost"]
    assert values[2][-1] == "No card matches the customer"


def main_window_db(main_window):
    from prospect_desk.models import db

    return db.obj.database


def shown_names(window) -> list[str]:
    return [window.model.index(row, 0).data() for row in range(window.model.rowCount())]


def test_a_file_where_every_customer_matches_imports_from_the_preview(
        cards, main_window, qtbot, monkeypatch, tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text("Date,Customer,Phone,Product,Amount,Won/Lost\n"
                    "2025-03-01,Wang,021-5555 0001,Printer,100,won\n"
                    "2025-03-02,Wang,021-5555 0001,Paper,10,lost\n", encoding="utf-8")
    wizard = open_wizard(main_window)
    choose_file(monkeypatch, qtbot, wizard, path)
    press(qtbot, wizard)
    press(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=10000)
    assert wizard.preview_page.isCommitPage()
    press(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=10000)
    assert [d.outcome for d in Deal.select().order_by(Deal.date)] == ["won", "lost"]
    assert not wizard.result_page.rejects_table.isVisible()


def test_the_wizard_is_off_while_the_card_file_is_read_only(main_window):
    main_window.set_read_only(True)
    assert not main_window.import_deals_action.isEnabled()


def test_cancel_while_importing_writes_nothing_and_keeps_the_wizard_open(
        cards, main_window, qtbot, monkeypatch, tmp_path):
    import prospect_desk.deal_import as deal_import

    path = tmp_path / "sales.csv"
    path.write_text("Date,Customer,Phone,Amount,Won/Lost\n"
                    + "".join(f"2025-03-01,Wang,021-5555 0001,{n},won\n" for n in range(1200)),
                    encoding="utf-8")
    wizard = open_wizard(main_window)
    choose_file(monkeypatch, qtbot, wizard, path)
    press(qtbot, wizard)
    press(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=10000)
    started = []
    real_import = deal_import.import_deals

    def slow_import(table, mapping, resolutions, progress, cancelled, file_name=""):
        started.append(True)
        while not cancelled():  # until the user cancels
            time.sleep(0.01)
        return real_import(table, mapping, resolutions, progress, cancelled)

    monkeypatch.setattr("ui.deal_import_wizard.import_deals", slow_import)
    press(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: bool(started), timeout=10000)
    wizard.reject()  # Cancel, or Esc
    qtbot.waitUntil(lambda: not wizard.is_running(), timeout=10000)
    assert wizard.isVisible() and wizard.currentPage() is wizard.preview_page
    assert "cancelled" in wizard.preview_page.status_label.text()
    assert Deal.select().count() == 0


def test_cancel_while_the_sheet_is_read_stays_on_the_file_page_with_nothing_read(
        main_window, qtbot, monkeypatch, tmp_path):
    path = write_xlsx(tmp_path / "销售记录.xlsx", [HEADERS, *ROWS])
    release, threads = threading.Event(), []
    real_read = import_wizard_pages.read_sheet

    def slow_read(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        release.wait(10)  # a big sheet, still being unpacked
        return real_read(*args, **kwargs)

    monkeypatch.setattr(import_wizard_pages, "read_sheet", slow_read)
    wizard = open_wizard(main_window)
    choose_file(monkeypatch, qtbot, wizard, path, wait=False)
    page = wizard.file_page
    assert "Reading the spreadsheet" in page.info_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    job = page.job
    assert job is not None
    qtbot.waitUntil(lambda: bool(threads), timeout=10000)  # the sheet is being read
    job.dialog.canceled.emit()  # the Cancel button of the progress dialog
    release.set()
    qtbot.waitUntil(lambda: page.job is None, timeout=10000)
    assert threads == [False]
    assert wizard.isVisible() and wizard.currentPage() is page
    assert "cancelled" in page.info_label.text()
    assert wizard.table is None and page.sheet_combo.count() == 0
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.reject()
