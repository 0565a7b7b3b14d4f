"""A sales history imported through File → Import sales history… shows in
File → Import history… next to an import of cards, and is undone from there."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWizard

from prospect_desk.cards import CardData, create_card
from prospect_desk.excel_import import import_file
from prospect_desk.models import Card, Deal, Payment
from ui.deal_import_wizard import DealImportWizard


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def history(main_window, monkeypatch, qtbot):
    from ui.app import add_import_history_action
    from ui.import_history_dialog import ImportHistoryDialog

    opened = []
    monkeypatch.setattr(ImportHistoryDialog, "exec", lambda self: opened.append(self) or 0)
    action = add_import_history_action(main_window)  # as the app adds it at start

    def open_dialog():
        action.trigger()
        dialog = opened[-1]
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return open_dialog


def import_sales_in_the_wizard(main_window, qtbot, monkeypatch, path):
    main_window.import_deals_action.trigger()
    (wizard,) = [w for w in main_window.findChildren(DealImportWizard) if w.isVisible()]
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))
    click(qtbot, wizard.file_page.choose_button)
    qtbot.waitUntil(lambda: wizard.file_page.job is None, timeout=10000)  # read off the UI thread
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=10000)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    page = wizard.unmatched_page
    assert wizard.currentPage() is page
    page.table.selectRow(0)
    click(qtbot, page.new_button)  # Nobody gets a new card
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=10000)
    wizard.close()


def row_texts(dialog, row):
    item = dialog.list.topLevelItem(row)
    return [item.text(column) for column in range(dialog.list.columnCount())]


def test_a_sales_import_is_listed_by_kind_and_undone_from_the_history(
        main_window, qtbot, monkeypatch, tmp_path, history, answer_questions):
    wang = create_card(CardData(name="王伟", phone="021-5555 0001"))
    cards_file = tmp_path / "名单.csv"
    cards_file.write_text("姓名,手机\n周杰,13900001111\n", encoding="utf-8")
    import_file(cards_file)
    sales = tmp_path / "销售.csv"
    sales.write_text("日期,客户,电话,产品,金额,结果,已付金额\n"
                     "2025-03-01,王伟,021-5555 0001,打印机,1200,成交,200\n"
                     "2025-03-04,Nobody,139 1111 2222,纸,50,成交,50\n"
                     "someday,王伟,,纸,50,成交,\n", encoding="utf-8")
    import_sales_in_the_wizard(main_window, qtbot, monkeypatch, sales)
    assert Deal.select().count() == 2 and Card.get_by_id(wang).stage == "customer"

    dialog = history()
    assert dialog.list.headerItem().text(1) == "Kind"
    assert row_texts(dialog, 0)[1:] == ["Sales history", "销售.csv", "2", "1", "0", "1",
                                        "Imported"]
    assert row_texts(dialog, 1)[1:3] == ["Cards", "名单.csv"]
    assert "1 new cards made" in dialog.list.topLevelItem(0).toolTip(3)

    asked = answer_questions(QMessageBox.StandardButton.No)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    click(qtbot, dialog.undo_button)
    assert "sales history import of 销售.csv" in asked[-1]
    assert Deal.select().count() == 2  # No: nothing changed

    answer_questions()
    click(qtbot, dialog.undo_button)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert "2 deals and 2 payments it recorded were removed" in asked[-1]
    assert "1 cards it made for unmatched rows were moved to the trash" in asked[-1]
    assert Deal.select().count() == Payment.select().count() == 0
    assert Card.get_by_id(wang).stage == "new"
    assert Card.get(Card.name == "Nobody").deleted_at is not None
    assert Card.get(Card.name == "周杰").deleted_at is None  # the card import stays
    assert row_texts(dialog, 0)[-1].startswith("Undone on ")
    assert not dialog.undo_button.isEnabled()  # not twice
    dialog.list.setCurrentItem(dialog.list.topLevelItem(1))
    assert dialog.undo_button.isEnabled()  # the card import can still be undone


def test_a_deal_paid_on_since_is_kept_and_named(main_window, qtbot, monkeypatch, tmp_path,
                                               history, answer_questions):
    import datetime

    from prospect_desk.deal_import import import_deals_file
    from prospect_desk.receivables import record_payment

    create_card(CardData(name="王伟", phone="021-5555 0001"))
    sales = tmp_path / "sales.csv"
    sales.write_text("Date,Customer,Phone,Product,Amount,Won/Lost\n"
                     "2025-03-01,王伟,021-5555 0001,Printer,100,won\n"
                     "2025-03-02,王伟,021-5555 0001,Paper,10,won\n", encoding="utf-8")
    import_deals_file(sales)
    printer = Deal.get(Deal.product == "Printer")
    record_payment(printer.id, datetime.date(2025, 4, 1), 5000)
    dialog = history()
    asked = answer_questions()
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    click(qtbot, dialog.undo_button)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert "1 deals were paid on, followed up or filled in after the import" in asked[-1]
    assert asked[-1].endswith("王伟")
    assert [d.product for d in Deal.select()] == ["Printer"]
