"""The month calendar: a day shows its count; choosing it lists its follow-ups."""

import datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QTableView

from prospect_desk.cards import CardData, create_card
from prospect_desk.follow_ups import add_follow_up

TODAY = datetime.date.today()


def test_a_day_counts_its_follow_ups_and_clicking_it_lists_them(database, main_window, qtbot):
    wang = create_card(CardData(name="Wang Wei"))
    li = create_card(CardData(name="Li Na"))
    first = TODAY.replace(day=1)
    day = first + datetime.timedelta(days=14)
    add_follow_up(wang, "manual", day, "bring samples")
    add_follow_up(li, "revisit", day)
    add_follow_up(li, "mailer", day + datetime.timedelta(days=1))
    main_window.calendar_view_action.trigger()
    view = main_window.calendar_view
    assert main_window.views.currentWidget() is view
    assert view.calendar.day_count(day) == 2
    assert view.calendar.counts[day] == {"manual": 1, "revisit": 1}

    # the count is painted in the day's cell
    image = QImage(120, 80, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    view.calendar.paintCell(painter, image.rect(), QDate(day.year, day.month, day.day))
    painter.end()
    assert image.pixelColor(99, 9).name() == "#37474f"  # the badge, left of its number

    table = view.calendar.findChild(QTableView)
    model = table.model()
    index = next(model.index(r, c) for r in range(model.rowCount())
                 for c in range(model.columnCount())
                 if model.index(r, c).data() == day.day
                 and not (day.day > 20 and r < 2) and not (day.day < 10 and r > 4))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(index).center())
    assert view.selected_day() == day
    assert sorted(i.card_name for i in view.day_items()) == ["Li Na", "Wang Wei"]
    assert view.lists.tabText(0) == "Day (2)"

    row = view.day_list.model().index(0, 0)
    rect = view.day_list.visualRect(row)
    qtbot.mouseClick(view.day_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.day_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert main_window.views.currentWidget() is main_window.splitter
    assert main_window.editor.card_id == row.data(Qt.ItemDataRole.UserRole).card_id


def test_next_month_shows_its_own_counts_and_overdue_is_listed_apart(database, main_window,
                                                                     qtbot):
    wang = create_card(CardData(name="Wang Wei"))
    next_month = (TODAY.replace(day=28) + datetime.timedelta(days=10)).replace(day=3)
    add_follow_up(wang, "manual", next_month)
    add_follow_up(wang, "revisit", TODAY - datetime.timedelta(days=40))
    main_window.show_view(main_window.calendar_view)
    view = main_window.calendar_view
    assert view.calendar.day_count(next_month) == 0
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.calendar.day_count(next_month) == 1
    assert view.lists.tabText(2) == "Overdue (1)"
    assert view.overdue_list.model().index(0, 2).data() == "Wang Wei"


def test_tools_exports_the_calendar_to_an_ics_file(database, main_window, tmp_path,
                                                   monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from ui.ics_export_dialog import IcsExportDialog

    wang = create_card(CardData(name="Wang Wei"))
    add_follow_up(wang, "manual", TODAY + datetime.timedelta(days=5))
    add_follow_up(wang, "manual", TODAY + datetime.timedelta(days=200))  # after 90 days
    target = tmp_path / "out.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))

    def run(dialog):
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(IcsExportDialog, "exec", run)
    main_window.export_ics_action.trigger()
    assert target.read_bytes().count(b"BEGIN:VEVENT") == 1
    assert main_window.statusBar().currentMessage() == "1 events exported."


def click_tab(qtbot, view, index):
    bar = view.lists.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def test_the_week_shows_seven_days_and_works_like_the_lists(database, main_window, qtbot,
                                                            monkeypatch):
    from ui.follow_up_dialogs import OutcomeDialog

    wang = create_card(CardData(name="Wang Wei"))
    li = create_card(CardData(name="Li Na"))
    view = main_window.calendar_view
    main_window.show_view(view)
    first = view.calendar.firstDayOfWeek().value  # 1 Monday .. 7 Sunday
    start = TODAY - datetime.timedelta(days=(TODAY.isoweekday() - first) % 7)
    add_follow_up(wang, "manual", start, "bring samples")
    add_follow_up(li, "revisit", start + datetime.timedelta(days=6))
    add_follow_up(li, "mailer", start + datetime.timedelta(days=6))
    add_follow_up(li, "mailer", start + datetime.timedelta(days=7))  # the next week
    main_window.show_view(view)
    click_tab(qtbot, view, 1)
    week = view.week
    assert [len(week.day_items(c)) for c in range(7)] == [1, 0, 0, 0, 0, 0, 2]
    assert [i.kind for i in week.day_items(6)] == ["revisit", "mailer"]
    assert week.headers[0].text().endswith(f"{start.month}/{start.day}\n(1)")
    assert week.headers[6].text().endswith("(2)")

    qtbot.mouseClick(week.headers[6], Qt.MouseButton.LeftButton)
    assert view.selected_day() == start + datetime.timedelta(days=6)
    assert view.lists.currentWidget() is week

    column = week.columns[6]
    rect = column.visualRect(column.model().index(1, 0))
    qtbot.mouseClick(column.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_item().kind == "mailer" and view.done_button.isEnabled()

    def answer(dialog):
        dialog.outcome.setText("Sent")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(OutcomeDialog, "exec", answer)
    qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    assert [(i.kind, i.status) for i in week.day_items(6)] == [("revisit", "open"),
                                                               ("mailer", "done")]
    assert view.current_item().kind == "mailer"  # still chosen, now done
    assert not view.done_button.isEnabled()
    rect = week.columns[0].visualRect(week.columns[0].model().index(0, 0))
    qtbot.mouseClick(week.columns[0].viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(week.columns[0].viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert main_window.views.currentWidget() is main_window.splitter
    assert main_window.editor.card_id == wang


def test_a_crowded_day_shows_the_biggest_kinds_and_how_many_more():
    from ui.calendar_view import kinds_shown

    counts = {"manual": 1, "revisit": 5, "mailer": 3, "birthday": 2}
    assert kinds_shown(counts, 4) == ([("revisit", 5), ("mailer", 3), ("birthday", 2),
                                       ("manual", 1)], 0)
    assert kinds_shown(counts, 3) == ([("revisit", 5), ("mailer", 3)], 3)


def test_a_long_day_is_read_a_page_at_a_time(database, main_window, qtbot):
    from ui.models.agenda_models import PAGE_SIZE

    day = TODAY.replace(day=1) + datetime.timedelta(days=14)
    cards = [create_card(CardData(name=f"Card {n:03}")) for n in range(PAGE_SIZE + 30)]
    for card in cards:
        add_follow_up(card, "manual", day)
    view = main_window.calendar_view
    main_window.show_view(view)
    view.select_day(day)
    assert view.lists.tabText(0) == f"Day ({PAGE_SIZE + 30})"
    model = view.day_list.model()
    assert model.rowCount() == PAGE_SIZE
    view.day_list.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE + 30)
    assert model.index(PAGE_SIZE + 29, 2).data() == f"Card {PAGE_SIZE + 29:03}"


def test_the_list_models_keep_qts_rules(database, qtmodeltester):
    from prospect_desk.agenda_query import overdue_section, range_section
    from ui.models.agenda_models import AgendaListModel, GroupedAgendaModel

    wang = create_card(CardData(name="Wang Wei"))
    add_follow_up(wang, "manual", TODAY - datetime.timedelta(days=2))
    add_follow_up(wang, "revisit", TODAY)
    flat = AgendaListModel(["date", "kind", "card", "reason"])
    flat.set_section(range_section(TODAY - datetime.timedelta(days=5), TODAY), TODAY)
    qtmodeltester.check(flat)
    grouped = GroupedAgendaModel(["date", "kind", "card", "reason"])
    grouped.set_groups([("overdue", "Overdue", None, overdue_section(TODAY), None),
                        ("today", "Today", None, range_section(TODAY, TODAY), "Nothing"),
                        ("later", "Later", None, range_section(TODAY + datetime.timedelta(1),
                                                               TODAY + datetime.timedelta(9)),
                         "Nothing")], TODAY)
    qtmodeltester.check(grouped)
    assert grouped.keys() == ["overdue", "today", "later"]
