"""Render the main window with the demo cards to a PNG (for README and review).

    QT_QPA_PLATFORM=offscreen python scripts/screenshot.py docs/main-window.png [--lang zh_CN]

--db shows an existing card file instead of the demo (e.g. the benchmark's
bench/out/calendar-100000.sqlite3), --date the today and calendar views as on
that day, --tab the calendar's day, week or overdue list.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--select", type=int, default=3, help="list row to select")
    parser.add_argument("--view", choices=["cards", "today", "calendar", "reports"],
                        default="cards")
    parser.add_argument("--db", help="an existing card file instead of the demo")
    parser.add_argument("--date", help="show the today and calendar views as on this day")
    parser.add_argument("--tab", choices=["day", "week", "overdue"], default="day",
                        help="the calendar's list")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings

    settings_dir = tempfile.mkdtemp()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)

    from prospect_desk.database import open_database
    from prospect_desk.demo import load_demo
    from ui import settings
    from ui.app import create_application

    app = create_application([sys.argv[0]])
    settings.write(settings.LANGUAGE, args.lang)
    from ui.translation import install_language

    install_language(args.lang)
    if args.db:
        open_database(args.db)
    else:
        open_database(Path(tempfile.mkdtemp()) / "demo.sqlite3")
        load_demo()
    from ui.main_window import MainWindow

    window = MainWindow(db_label="~/.local/share/ProspectDesk/prospect_desk.sqlite3")
    window.resize(1440, 860)
    window.show()
    window.show_view({"cards": window.splitter, "today": window.today_view,
                      "calendar": window.calendar_view,
                      "reports": window.reports_view}[args.view])
    window.table.selectRow(args.select)
    calendar = window.calendar_view
    calendar.lists.setCurrentIndex(["day", "week", "overdue"].index(args.tab))
    if args.date:
        import datetime

        day = datetime.date.fromisoformat(args.date)
        window.today_view.reload(day)
        calendar.reload(day)
        calendar.select_day(day)
    app.processEvents()
    window.grab().save(args.output)
    print(args.output)


if __name__ == "__main__":
    main()
