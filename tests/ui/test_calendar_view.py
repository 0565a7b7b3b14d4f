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
