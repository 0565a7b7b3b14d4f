"""Today → Print call sheet…: the call sheet dialog opens set to the day shown."""

import datetime

from PySide6.QtCore import Qt

from ui.call_sheet_print import CallSheetDialog


def test_print_button_opens_the_call_sheet_for_the_day_shown(database, qtbot):
    from ui.today_view import TodayView

    view = TodayView()
    qtbot.addWidget(view)
    day = datetime.date(2025, 3, 10)
    view.reload(day)
    view.show()
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in view.findChildren(CallSheetDialog)]
    assert len(dialogs) == 1
    assert dialogs[0].start.date() == day and dialogs[0].end.date() == day
    dialogs[0].reject()
