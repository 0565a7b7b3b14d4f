import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from ui import settings
from ui.translation import install_language


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Each test gets its own settings file, in English unless it switches."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    qapp.setOrganizationName(settings.ORGANIZATION)
    qapp.setApplicationName(settings.APPLICATION)
    settings.write(settings.LANGUAGE, "en")
    install_language("en")
    yield
    install_language("en")


@pytest.fixture
def answer_questions(monkeypatch):
    """Answer every QMessageBox with the given button and record what was asked."""
    asked: list[str] = []

    def install(button=QMessageBox.StandardButton.Yes):
        def fake(parent, title, text, *args, **kwargs):
            asked.append(text)
            return button

        for name in ("question", "warning", "information", "critical"):
            monkeypatch.setattr(QMessageBox, name, staticmethod(fake))
        return asked

    return install


@pytest.fixture
def main_window(database, qtbot):
    from ui.main_window import MainWindow

    def drop_edits(w):  # a test that left edits: closing must not ask
        if w.editor.is_dirty:
            w.editor.revert()

    window = MainWindow()
    qtbot.addWidget(window, before_close_func=drop_edits)
    window.show()
    return window


@pytest.fixture
def type_text(qtbot):
    """Type into a widget as a user would: Latin text key by key, Chinese as an
    input method commits it."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    def type_(widget, text: str, replace: bool = True) -> None:
        widget.setFocus()
        if replace and hasattr(widget, "selectAll"):
            widget.selectAll()
        run = ""
        for char in text + "\0":
            if char != "\0" and char.isascii():
                run += char
                continue
            if run:
                qtbot.keyClicks(widget, run)
                run = ""
            if char != "\0":
                event = QInputMethodEvent()
                event.setCommitString(char)
                QApplication.sendEvent(widget, event)

    return type_


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """The .qm files are built from the .ts sources (as scripts/setup.sh does)."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from ui.translation import translations_dir

    local = Path(sys.executable).parent / "pyside6-lrelease"
    lrelease = str(local) if local.exists() else shutil.which("pyside6-lrelease")
    for ts in translations_dir().glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if lrelease and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
            subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture
def started(qtbot):
    """Whatever open_for_desktop opened is closed and unlocked afterwards."""
    from prospect_desk.database import close_database

    starts = []
    yield starts
    close_database()
    for start in starts:
        if start.lock is not None:
            start.lock.release()
