"""Both languages ship complete, and the window switches between them."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ui.translation import translations_dir

ROOT = Path(__file__).resolve().parents[2]
ZH_TS = translations_dir() / "prospect_desk_zh_CN.ts"


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message
    return found


def tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def test_every_chinese_message_is_translated():
    unfinished = [source for (context, source), message in messages(ZH_TS).items()
                  if not (message.findtext("translation") or "").strip()
                  or message.find("translation").get("type") in ("unfinished", "obsolete",
                                                                  "vanished")]
    assert unfinished == []


def test_translation_sources_cover_every_string_in_the_ui(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(ZH_TS, fresh)
    sources = sorted(str(p) for p in [ROOT / "main.py", *(ROOT / "ui").rglob("*.py")])
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-locations", "none", *sources,
                    "-ts", str(fresh)], check=True, cwd=ROOT)
    assert set(messages(fresh)) == set(messages(ZH_TS)), (
        "run scripts/update-translations.sh and translate the new entries")


@pytest.fixture
def desktop(database, db_path, qtbot):
    from ui.app import DesktopApp

    app = DesktopApp(db_path)
    window = app.show_window()
    qtbot.addWidget(window)
    yield app
    app.window.close()


def test_user_switches_the_window_to_chinese_and_back(desktop, qtbot, monkeypatch):
    from ui.settings_dialog import SettingsDialog

    def choose(language):
        def run(dialog):
            dialog.language.setCurrentIndex(dialog.language.findData(language))
            return QDialog.DialogCode.Accepted
        monkeypatch.setattr(SettingsDialog, "exec", run)

    assert desktop.window.file_menu.title() == "&File"
    choose("zh_CN")
    desktop.window.settings_action.trigger()
    qtbot.addWidget(desktop.window)
    assert desktop.window.file_menu.title().startswith("文件")
    assert desktop.window.model.headerData(0, Qt.Orientation.Horizontal) == "姓名"
    circles = desktop.window.filter_panel.circle_list
    assert circles.item(1).text() == "工作上的朋友  (0)"
    choose("en")
    desktop.window.settings_action.trigger()
    qtbot.addWidget(desktop.window)
    assert desktop.window.file_menu.title() == "&File"
