"""Start-up loads what the first window shows and no more: the spreadsheet,
calendar-file, chart and print libraries (and the lunar calendar) load when a
user first asks for what needs them. Checked in a fresh process, since this
one has loaded them all for other tests."""

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from prospect_desk.cards import CardData, create_card
from prospect_desk.database import close_database, open_database
from prospect_desk.follow_ups import add_follow_up

ROOT = Path(__file__).resolve().parents[2]

HEAVY = ["openpyxl", "xlsxwriter", "python_calamine", "icalendar", "defusedxml", "pypinyin",
         "lunar_python", "PySide6.QtCharts", "PySide6.QtPrintSupport"]

# The desktop start as ui.app.run makes it, up to the window shown and painted.
START = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from ui.app import DesktopApp, create_application, open_for_desktop, show_checked_window
app = create_application([sys.argv[0]])
begun = open_for_desktop(Path(sys.argv[1]))
window = show_checked_window(DesktopApp(begun.opened.path), begun.opened)
app.processEvents()
window.centralWidget().grab()
print(json.dumps({"view": window.views.currentWidget().objectName() or
                  type(window.views.currentWidget()).__name__,
                  "loaded": [name for name in json.loads(sys.argv[3]) if name in sys.modules]}))
begun.lock.release()
"""


def start_window(db_path: Path, tmp_path: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", START, str(db_path), str(tmp_path / "settings"),
         json.dumps(HEAVY)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("due_today", [False, True], ids=["card list", "today"])
def test_the_first_window_loads_no_heavy_library(db_path, tmp_path, due_today):
    open_database(db_path)
    card = create_card(CardData(name="张伟"))
    create_card(CardData(name="Li Na"))
    if due_today:
        add_follow_up(card, "revisit", datetime.date.today(), "ask about the new office")
    close_database()

    started = start_window(db_path, tmp_path)

    assert started["view"] == ("TodayView" if due_today else "QSplitter")
    assert started["loaded"] == []
