"""Driving the main window as a salesperson would."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from prospect_desk.card_query import ListColumn
from prospect_desk.cards import CardData, create_card
from prospect_desk.circles import list_circles
from prospect_desk.models import Activity, Card


def shown_names(window) -> list[str]:
    model = window.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def select_row_named(window, name: str) -> None:
    row = shown_names(window).index(name)
    window.table.selectRow(row)


def test_user_creates_an_individual_card_and_sees_it_in_the_list(type_text, main_window, qtbot):
    main_window.new_individual_action.trigger()
    editor = main_window.editor
    type_text(editor.texts["name"], "张伟")
    type_text(editor.texts["mobile"], "+86 138 0013 8000")
    type_text(editor.texts["employer"], "华信贸易有限公司")
    type_text(editor.dates["first_contact"].edit, "2025年3月4日")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert shown_names(main_window) == ["张伟"]
    card = Card.get(Card.name == "张伟")
    assert card.mobile == "+86 138 0013 8000"
    assert card.first_contact.isoformat() == "2025-03-04"
    assert card.kind == "individual"
    assert main_window.table.currentIndex().row() == 0
    assert not editor.is_dirty


def test_company_card_shows_company_fields_and_keeps_phones_as_typed(type_text, main_window, qtbot):
    main_window.new_company_action.trigger()
    editor = main_window.editor
    assert editor.texts["fax"].isVisible()
    assert editor.texts["person_in_charge"].isVisible()
    assert not editor.texts["employer"].isVisible()
    type_text(editor.texts["name"], "Harbour Logistics Ltd")
    type_text(editor.texts["phone"], "021-6234 5678 ext. 12")
    type_text(editor.texts["fax"], "00862162345679")
    type_text(editor.texts["handler"], "李娜")
    editor.credit.setCurrentIndex(editor.credit.findData("good"))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    card = Card.get(Card.name == "Harbour Logistics Ltd")
    assert (card.kind, card.phone, card.fax, card.handler, card.credit_status) == (
        "company", "021-6234 5678 ext. 12", "00862162345679", "李娜", "good")
    row = shown_names(main_window).index("Harbour Logistics Ltd")
    assert main_window.model.index(row, 2).data() == "Harbour Logistics Ltd"  # company column
    assert main_window.model.index(row, 6).data() == "Good"


def test_a_card_without_a_name_or_with_an_impossible_date_is_not_saved(type_text, main_window,
                                                                       qtbot):
    main_window.new_individual_action.trigger()
    editor = main_window.editor
    type_text(editor.dates["birthday"].edit, "1985-02-30")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "1985-02-30" in editor.errors.text()
    assert Card.select().count() == 0

    editor.dates["birthday"].edit.clear()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "needs a name" in editor.errors.text()
    assert Card.select().count() == 0


def test_editing_a_card_changes_it_in_the_list(type_text, main_window, qtbot):
    create_card(CardData(name="Alice Wong", employer="Northwind"))
    main_window.model.refresh()
    select_row_named(main_window, "Alice Wong")
    editor = main_window.editor
    type_text(editor.texts["employer"], "Pacific Office Supply")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert main_window.model.index(0, 2).data() == "Pacific Office Supply"


def test_search_filters_as_the_user_types_including_pinyin_and_initials(type_text, main_window,
                                                                        qtbot):
    create_card(CardData(name="张伟", mobile="13800138000"))
    create_card(CardData(name="王芳", interests="golf"))
    create_card(CardData(name="Peter Lam", notes="met at the 2024 fair"))
    main_window.model.refresh()

    for text, expected in [("zhangwei", ["张伟"]), ("zw", ["张伟"]), ("golf", ["王芳"]),
                           ("fair", ["Peter Lam"]), ("138 0013", ["张伟"]), ("", None)]:
        main_window.search.clear()
        type_text(main_window.search, text)
        names = shown_names(main_window)
        assert names == (expected if expected is not None else ["Peter Lam", "王芳", "张伟"])


def test_filter_by_circle_shows_only_its_cards(main_window, qtbot):
    circles = list_circles()
    work, school = circles[0], circles[1]
    create_card(CardData(name="Colleague", circle_id=work.id))
    create_card(CardData(name="Classmate", circle_id=school.id))
    main_window.filter_panel.reload_circles()
    main_window.model.refresh()

    main_window.filter_panel.select_circle(school.id)
    assert shown_names(main_window) == ["Classmate"]
    item = main_window.filter_panel.circle_list.currentItem()
    assert item.text() == "School friends  (1)"


def test_empty_circles_are_marked(main_window):
    items = [main_window.filter_panel.circle_list.item(i)
             for i in range(main_window.filter_panel.circle_list.count())]
    work = next(i for i in items if i.text().startswith("Work friends"))
    assert work.text() == "Work friends  (0)"
    assert work.font().italic()
    assert "No cards" in work.toolTip()


def test_delete_goes_to_trash_and_restore_brings_it_back(main_window, qtbot, monkeypatch,
                                                         answer_questions):
    create_card(CardData(name="Keep me"))
    create_card(CardData(name="Delete me"))
    main_window.model.refresh()
    select_row_named(main_window, "Delete me")
    main_window.delete_action.trigger()
    assert shown_names(main_window) == ["Keep me"]

    from ui.trash_dialog import TrashDialog

    opened = []

    def run_trash(dialog):
        opened.append(dialog)
        assert dialog.model.index(0, 0).data() == "Delete me"
        dialog.cards.selectRow(0)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TrashDialog, "exec", run_trash)
    main_window.trash_action.trigger()
    assert opened
    assert shown_names(main_window) == ["Delete me", "Keep me"]


def test_emptying_the_trash_asks_first(main_window, qtbot, answer_questions):
    card_id = create_card(CardData(name="Old card"))
    main_window.model.refresh()
    select_row_named(main_window, "Old card")
    main_window.delete_action.trigger()

    from ui.trash_dialog import TrashDialog

    dialog = TrashDialog(main_window)
    qtbot.addWidget(dialog)
    asked = answer_questions(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert asked and Card.get_or_none(Card.id == card_id) is not None

    answer_questions(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert Card.get_or_none(Card.id == card_id) is None
    assert dialog.summary.text() == "The trash is empty."


def test_renaming_a_circle_shows_the_new_name_in_the_list(main_window, qtbot, monkeypatch):
    work = list_circles()[0]
    create_card(CardData(name="Colleague", circle_id=work.id))
    main_window.filter_panel.reload_circles()
    main_window.model.refresh()
    main_window.filter_panel.select_circle(work.id)
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *args, **kwargs: ("Old colleagues", True)))
    qtbot.mouseClick(main_window.filter_panel.rename_button, Qt.MouseButton.LeftButton)

    assert main_window.filter_panel.circle_list.currentItem().text() == "Old colleagues  (1)"
    assert main_window.model.index(0, 4).data() == "Old colleagues"
    assert main_window.editor.circle.findText("Old colleagues") >= 0


def test_adding_and_removing_a_circle_keeps_its_cards(main_window, qtbot, monkeypatch,
                                                      answer_questions):
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *args, **kwargs: ("Golf club", True)))
    qtbot.mouseClick(main_window.filter_panel.add_button, Qt.MouseButton.LeftButton)
    golf = list_circles()[-1]
    assert golf.name == "Golf club"
    create_card(CardData(name="Golfer", circle_id=golf.id))
    main_window.filter_panel.reload_circles()
    main_window.filter_panel.select_circle(golf.id)
    answer_questions(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(main_window.filter_panel.remove_button, Qt.MouseButton.LeftButton)

    assert all(c.name != "Golf club" for c in list_circles())
    assert Card.get(Card.name == "Golfer").circle_id is None
    assert shown_names(main_window) == ["Golfer"]


def test_switching_cards_with_unsaved_edits_asks_and_can_stay(type_text, main_window, qtbot,
                                                             answer_questions):
    create_card(CardData(name="First"))
    create_card(CardData(name="Second"))
    main_window.model.refresh()
    select_row_named(main_window, "First")
    type_text(main_window.editor.texts["phone"], "12345")
    asked = answer_questions(QMessageBox.StandardButton.Cancel)
    select_row_named(main_window, "Second")
    qtbot.wait(10)
    assert asked
    assert main_window.editor.texts["name"].text() == "First"
    assert main_window.editor.is_dirty

    answer_questions(QMessageBox.StandardButton.Save)
    select_row_named(main_window, "Second")
    assert Card.get(Card.name == "First").phone == "12345"
    assert main_window.editor.texts["name"].text() == "Second"


def test_referrer_is_chosen_by_typing_and_the_referrer_shows_whom_it_referred(
        main_window, qtbot, monkeypatch):
    create_card(CardData(name="陈静"))
    create_card(CardData(name="Bob Baker"))
    main_window.model.refresh()
    select_row_named(main_window, "Bob Baker")

    from ui.card_picker import CardPickerDialog

    def pick(dialog):
        qtbot.keyClicks(dialog.search, "chenj")
        assert dialog.results.count() == 1
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CardPickerDialog, "exec", pick)
    qtbot.mouseClick(main_window.editor.referrer_choose, Qt.MouseButton.LeftButton)
    assert main_window.editor.referrer_edit.text() == "陈静"
    qtbot.mouseClick(main_window.editor.save_button, Qt.MouseButton.LeftButton)

    select_row_named(main_window, "陈静")
    assert "Bob Baker" in main_window.editor.referred.text()


def test_logging_a_call_adds_history_and_moves_last_contact(main_window, qtbot):
    create_card(CardData(name="Grace Lee"))
    main_window.model.refresh()
    select_row_named(main_window, "Grace Lee")
    history = main_window.history
    history.kind.setCurrentIndex(history.kind.findData("call"))
    history.date.setDate(history.date.date().fromString("2026-11-20", "yyyy-MM-dd"))
    qtbot.keyClicks(history.text, "Asked for referrals")
    qtbot.mouseClick(history.add_button, Qt.MouseButton.LeftButton)

    assert history.entries.topLevelItem(0).text(2) == "Asked for referrals"
    assert Activity.select().count() == 1
    column = list(ListColumn).index(ListColumn.LAST_CONTACT)
    assert main_window.model.index(0, column).data() == "2026-11-20"


def test_sorting_by_a_column_orders_the_list(main_window, qtbot):
    create_card(CardData(name="B", phone="3"))
    create_card(CardData(name="A", phone="2"))
    create_card(CardData(name="C", phone="1"))
    main_window.model.refresh()
    phone_column = list(ListColumn).index(ListColumn.PHONE)
    main_window.table.sortByColumn(phone_column, Qt.SortOrder.AscendingOrder)
    assert shown_names(main_window) == ["C", "A", "B"]
    main_window.table.sortByColumn(phone_column, Qt.SortOrder.DescendingOrder)
    assert shown_names(main_window) == ["B", "A", "C"]


def test_window_remembers_sort_order(database, qtbot):
    from ui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    header = second.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        3, Qt.SortOrder.DescendingOrder)
