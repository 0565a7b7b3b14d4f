"""Importing a spreadsheet through File → Import…, and exporting the list, as a user would."""

import threading

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QWizard

import ui.import_wizard as import_wizard
import ui.import_wizard_pages as import_wizard_pages
from prospect_desk.backups import list_backups
from prospect_desk.cards import CardData, create_card
from prospect_desk.excel_import import ImportCancelled
from prospect_desk.models import Card, Circle, FollowUp
from ui.export_dialog import ExportDialog
from ui.import_wizard import ImportWizard
from ui.import_wizard_pages import PROBLEM_BACKGROUND

HEADERS = ["姓名", "公司名称", "手机", "生日", "客户备注栏"]
ROWS = [
    ["张伟", "华信贸易有限公司", "13800138000", "1985-03-04", "喜欢喝茶"],
    ["李娜", "", "13900139000", "1985-02-30", "生日写错了"],
    ["王芳", "", "+86 137 0013 7000", "", "上次见面在展会"],
]


def write_xlsx(path, rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "客户"
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    workbook.save(path)
    return path


def choose_files(monkeypatch, open_path=None, save_path=None):
    if open_path is not None:
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            staticmethod(lambda *args, **kwargs: (str(open_path), "")))
    if save_path is not None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *args, **kwargs: (str(save_path), "")))


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_wizard(main_window) -> ImportWizard:
    main_window.import_action.trigger()
    shown = [w for w in main_window.findChildren(ImportWizard) if w.isVisible()]
    assert len(shown) == 1
    return shown[0]


def next_page(qtbot, wizard):
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    if wizard.currentPage() is wizard.preview_page:  # the preview is worked out off the UI thread
        qtbot.waitUntil(lambda: wizard.preview_page.preview_job is None, timeout=10000)


def choose_file(qtbot, wizard):
    """Click Choose file… and wait for the sheet to be read (off the UI thread)."""
    click(qtbot, wizard.file_page.choose_button)
    qtbot.waitUntil(lambda: wizard.file_page.job is None, timeout=10000)


def opened_on_the_mapping(main_window, qtbot, monkeypatch, path) -> ImportWizard:
    """The wizard, the file at `path` chosen and read, on the mapping page."""
    choose_files(monkeypatch, open_path=path)
    wizard = open_wizard(main_window)
    choose_file(qtbot, wizard)
    next_page(qtbot, wizard)
    return wizard


def shown_names(window) -> list[str]:
    return [window.model.index(row, 0).data() for row in range(window.model.rowCount())]


def test_user_imports_a_chinese_sheet_fixing_a_column_and_updating_a_duplicate(
        main_window, qtbot, monkeypatch, tmp_path, db_path, answer_questions):
    create_card(CardData(name="王芳", mobile="13700137000"))
    main_window.model.refresh()
    path = write_xlsx(tmp_path / "客户名单.xlsx", [HEADERS, *ROWS])
    choose_files(monkeypatch, open_path=path)

    wizard = open_wizard(main_window)
    choose_file(qtbot, wizard)
    assert wizard.file_page.sheet_combo.currentText() == "客户"
    next_page(qtbot, wizard)

    combos = wizard.mapping_page.combos
    assert [c.currentData() for c in combos] == ["name", "company", "mobile", "birthday", ""]
    assert combos[0].currentText() == "Name"
    combos[4].setCurrentIndex(combos[4].findData("notes"))  # the column it did not know
    next_page(qtbot, wizard)

    preview = wizard.preview_page.table
    assert preview.rowCount() == 3
    headers = [preview.horizontalHeaderItem(c).text() for c in range(preview.columnCount())]
    birthday_column = headers.index("Birthday")
    bad_cell = preview.item(1, birthday_column)
    assert bad_cell.text() == "1985-02-30"
    assert bad_cell.background().color() == PROBLEM_BACKGROUND
    assert "No such date" in bad_cell.toolTip()
    assert preview.item(1, 1).text() == "Left out"
    assert preview.item(2, 1).text() == "Duplicate"
    assert "same phone" in preview.item(2, 1).toolTip()
    assert preview.item(0, 1).text() == "New card"

    radio = wizard.preview_page.update_radio
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=10000)

    summary = wizard.result_page.summary_label.text()
    assert "1 new cards imported." in summary
    assert "1 existing cards updated." in summary
    assert "1 rows left out because of a problem." in summary
    rejects = wizard.result_page.rejects_table
    assert rejects.rowCount() == 1
    assert [rejects.item(0, c).text() for c in range(3)] == ["3", "D: 生日", "No such date"]

    zhang = Card.get(Card.name == "张伟")
    assert (zhang.kind, zhang.employer, zhang.mobile, zhang.notes) == (
        "individual", "华信贸易有限公司", "13800138000", "喜欢喝茶")
    assert zhang.birthday.isoformat() == "1985-03-04"
    wang = Card.get(Card.name == "王芳")
    assert (wang.mobile, wang.notes) == ("+86 137 0013 7000", "上次见面在展会")
    assert not Card.select().where(Card.name == "李娜").exists()
    assert Card.select().count() == 2
    assert [b.kind for b in list_backups(db_path)] == ["pre-import"]
    assert sorted(shown_names(main_window)) == sorted(["张伟", "王芳"])

    rejects_path = tmp_path / "rejected.xlsx"
    choose_files(monkeypatch, save_path=rejects_path)
    asked = answer_questions()
    click(qtbot, wizard.result_page.save_button)
    assert asked and "rejected.xlsx" in asked[0]
    sheet = openpyxl.load_workbook(rejects_path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (*HEADERS, "Row", "Why")
    assert rows[1][0] == "李娜" and rows[1][5] == 3
    assert "No such date" in rows[1][6]


def test_the_mapping_chosen_for_a_header_row_is_offered_again(
        main_window, qtbot, monkeypatch, tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx", [HEADERS, ROWS[0]])
    choose_files(monkeypatch, open_path=path)
    wizard = open_wizard(main_window)
    choose_file(qtbot, wizard)
    next_page(qtbot, wizard)
    wizard.mapping_page.combos[4].setCurrentIndex(
        wizard.mapping_page.combos[4].findData("interests"))
    wizard.mapping_page.combos[2].setCurrentIndex(0)  # leave out the mobile
    next_page(qtbot, wizard)
    wizard.reject()

    wizard = open_wizard(main_window)
    choose_file(qtbot, wizard)
    next_page(qtbot, wizard)
    assert [c.currentData() for c in wizard.mapping_page.combos] == [
        "name", "company", "", "birthday", "interests"]
    wizard.reject()


def test_a_damaged_file_is_explained_and_nothing_changes(main_window, qtbot, monkeypatch,
                                                         tmp_path):
    create_card(CardData(name="Alice Wong"))
    before = (list(Card.select().tuples()), list(Circle.select().tuples()),
              list(FollowUp.select().tuples()))
    good = write_xlsx(tmp_path / "good.xlsx", [HEADERS, *ROWS])
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(good.read_bytes()[:600])
    choose_files(monkeypatch, open_path=damaged)

    wizard = open_wizard(main_window)
    choose_file(qtbot, wizard)

    problem = wizard.file_page.problem_label
    assert problem.isVisible()
    assert "damaged.xlsx is damaged" in problem.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    after = (list(Card.select().tuples()), list(Circle.select().tuples()),
             list(FollowUp.select().tuples()))
    assert after == before
    wizard.reject()


def test_export_writes_the_searched_list_in_list_order(main_window, qtbot, monkeypatch,
                                                       tmp_path, type_text, answer_questions):
    for name, employer in [("Alice Wong", "Northwind"), ("Bob Chen", "Northwind"),
                           ("Carol Li", "Pacific Office")]:
        create_card(CardData(name=name, employer=employer))
    main_window.model.refresh()
    type_text(main_window.search, "northwind")
    assert shown_names(main_window) == ["Alice Wong", "Bob Chen"]

    target = tmp_path / "northwind.xlsx"
    choose_files(monkeypatch, save_path=target)
    asked = answer_questions()
    main_window.export_action.trigger()
    dialog = main_window.findChild(ExportDialog)
    assert dialog.list_radio.isChecked()
    assert "(2)" in dialog.list_radio.text() and "(3)" in dialog.all_radio.text()
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)

    assert "2 cards were written" in asked[0]
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][0] == "Name" and rows[0][2] == "Employer"
    assert [(r[0], r[2]) for r in rows[1:]] == [("Alice Wong", "Northwind"),
                                                ("Bob Chen", "Northwind")]


def test_the_sheet_and_the_preview_are_read_off_the_ui_thread(main_window, qtbot, monkeypatch,
                                                              tmp_path):
    threads = []
    for module, name in ((import_wizard_pages, "read_sheet"), (import_wizard, "preview_import")):
        real = getattr(module, name)

        def spy(*args, real=real, **kwargs):
            threads.append(threading.current_thread() is threading.main_thread())
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, spy)
    path = write_xlsx(tmp_path / "list.xlsx", [HEADERS, *ROWS])
    choose_files(monkeypatch, open_path=path)
    wizard = open_wizard(main_window)
    click(qtbot, wizard.file_page.choose_button)
    assert "Reading the spreadsheet" in wizard.file_page.info_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.waitUntil(lambda: wizard.file_page.job is None, timeout=10000)
    assert "5 columns" in wizard.file_page.info_label.text()
    next_page(qtbot, wizard)

    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert "Looking at the first rows" in wizard.preview_page.summary_label.text()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    qtbot.waitUntil(lambda: wizard.preview_page.preview_job is None, timeout=10000)
    assert wizard.preview_page.table.rowCount() == 3
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert threads == [False, False]
    wizard.reject()


def test_a_slow_preview_can_be_cancelled_and_the_import_still_run(main_window, qtbot,
                                                                  monkeypatch, tmp_path):
    def endless_preview(*args, cancelled, **kwargs):
        while not cancelled():
            pass
        raise ImportCancelled

    monkeypatch.setattr(import_wizard, "preview_import", endless_preview)
    path = write_xlsx(tmp_path / "list.xlsx", [HEADERS, *ROWS])
    wizard = opened_on_the_mapping(main_window, qtbot, monkeypatch, path)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    job = wizard.preview_page.preview_job
    assert job is not None
    job.dialog.canceled.emit()  # the Cancel button of the progress dialog
    qtbot.waitUntil(lambda: wizard.preview_page.preview_job is None, timeout=10000)
    assert "cancelled" in wizard.preview_page.summary_label.text()
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=10000)
    assert Card.select().count() == 2


@pytest.mark.parametrize("file_saved_again", [False, True])
def test_after_a_big_import_the_indexes_left_for_later_are_built_in_the_background(
        main_window, qtbot, monkeypatch, tmp_path, file_saved_again):
    """The sheet read for the preview is imported without reading the file
    again here (the second process reads it for its share of the rows); a
    file saved again since the preview is read again."""
    import os

    from prospect_desk import bulk_indexes, excel_import
    from prospect_desk.models import db

    monkeypatch.setattr(bulk_indexes, "MIN_BULK_ROWS", 2)
    # As a big file is: a second process would prepare the last half.
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(excel_import, "PARALLEL_MIN_ROWS", 0)
    placed = []
    real_copy = excel_import._copy_tail
    monkeypatch.setattr(excel_import, "_copy_tail",
                        lambda *args: placed.append(real_copy(*args)) or placed[-1])
    before = bulk_indexes.table_indexes("card")
    path = write_xlsx(tmp_path / "many.xlsx",
                      [["姓名", "手机"], *([f"客户{i}", f"1380013{i:04d}"] for i in range(40))])
    choose_files(monkeypatch, open_path=path)
    wizard = open_wizard(main_window)
    choose_file(qtbot, wizard)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    if file_saved_again:
        os.utime(path, ns=(os.stat(path).st_atime_ns, os.stat(path).st_mtime_ns + 10**9))
    reads = []
    real_read = excel_import.read_sheet
    monkeypatch.setattr(excel_import, "read_sheet",
                        lambda *args, **kwargs: reads.append(1) or real_read(*args, **kwargs))
    built = []
    real = bulk_indexes.build_pending
    monkeypatch.setattr(bulk_indexes, "build_pending",
                        lambda **kwargs: built.append(bulk_indexes.pending()) or real(**kwargs))
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=10000)
    assert "40 new cards imported." in wizard.result_page.summary_label.text()
    qtbot.waitUntil(lambda: bool(built) and not bulk_indexes.pending(), timeout=10000)
    assert "card_live_stage" in built[0]  # was left for later, and built on a worker
    assert bulk_indexes.table_indexes("card") == before
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(shown_names(main_window)) == 40
    share = excel_import.MAIN_SHARE if file_saved_again else excel_import.MAIN_SHARE_READ
    assert placed == [40 - int(40 * share)]  # the rows the second process prepared
    assert len(reads) == (1 if file_saved_again else 0)  # that process reads its own


def test_when_no_backup_can_be_made_nothing_is_imported_and_the_wizard_says_why(
        main_window, qtbot, monkeypatch, tmp_path, db_path):
    from prospect_desk.backups import BackupError
    from ui import import_wizard

    def no_room(*_args):
        raise BackupError("the disk is full")

    monkeypatch.setattr(import_wizard, "make_backup", no_room)
    path = write_xlsx(tmp_path / "客户名单.xlsx", [HEADERS, *ROWS])
    wizard = opened_on_the_mapping(main_window, qtbot, monkeypatch, path)
    next_page(qtbot, wizard)
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    status = wizard.preview_page.status_label
    qtbot.waitUntil(lambda: status.isVisible() and "No backup" in status.text(), timeout=10000)
    assert "the disk is full" in status.text()
    assert wizard.currentPage() is wizard.preview_page
    assert Card.select().count() == 0
    assert list_backups(db_path) == []
    wizard.reject()
