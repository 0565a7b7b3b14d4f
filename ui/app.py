"""Starting the desktop app: the application object, its language, the
database, and the main window (rebuilt when the language changes)."""

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from prospect_desk.card_query import count_cards
from prospect_desk.database import (
    DatabaseDamagedError,
    DatabaseOpenError,
    SchemaTooNewError,
    close_database,
    open_database,
)
from ui import settings
from ui.main_window import MainWindow
from ui.translation import install_language

ICON_PATH = Path(__file__).resolve().parent.parent / "resources" / "icons" / "prospect_desk.svg"


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("Prospect Desk")
    if ICON_PATH.exists():
        app.setWindowIcon(QIcon(str(ICON_PATH)))
    install_language(settings.effective_language())
    return app


class DesktopApp:
    """Owns the main window, and makes it anew in another language on request."""

    def __init__(self, db_path: Path):
        self.db_path = db_path
        self.window: MainWindow | None = None

    def show_window(self) -> MainWindow:
        self.window = MainWindow(db_label=str(self.db_path))
        self.window.languageChangeRequested.connect(self.change_language)
        self.window.show()
        return self.window

    def change_language(self, _language: str) -> None:
        old = self.window
        old.save_layout()
        install_language(settings.effective_language())
        self.show_window()
        old.hide()
        old.deleteLater()


def _open_error_text(error: DatabaseOpenError) -> str:
    tr = QApplication.translate
    if isinstance(error, SchemaTooNewError):
        return tr("App", "The card file %1 was written by a newer version of Prospect Desk. "
                  "It has not been changed. Please install the newer version.")
    if isinstance(error, DatabaseDamagedError):
        return tr("App", "The card file %1 is damaged, so it was not opened and nothing was "
                  "written to it. Restore a backup, or keep the file for repair.")
    return tr("App", "The card file %1 could not be opened: %2")


def run(db_path: Path) -> int:
    app = create_application()
    try:
        opened = open_database(db_path)
    except DatabaseOpenError as error:
        text = _open_error_text(error).replace("%1", str(error.path)).replace("%2", error.detail)
        QMessageBox.critical(None, QApplication.translate("App", "Prospect Desk"), text)
        return 1
    desktop = DesktopApp(opened.path)
    window = desktop.show_window()
    if opened.created and count_cards() == 0:
        window.offer_demo()
    code = app.exec()
    close_database()
    return code
