"""Starting the desktop app: the application object, its language, the
database, and the main window (rebuilt when the language changes)."""

import datetime
import logging
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

import peewee
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from prospect_desk import backups, database, error_log, instance_lock, integrity
from prospect_desk.card_query import count_cards
from prospect_desk.database import (
    DatabaseDamagedError,
    DatabaseOpenError,
    MigrationsPendingError,
    NotACardFileError,
    OpenedDatabase,
    SchemaTooNewError,
    close_database,
    open_database,
)
from ui import index_builds, settings
from ui.error_dialog import install_exception_hooks
from ui.main_window import MainWindow
from ui.translation import install_language
from ui.worker import start_job

translate = QApplication.translate  # called as translate("App", ...) for lupdate

logger = logging.getLogger(__name__)

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


# The menu entries of the dialogs the app adds to the window. Each dialog's
# module (and the core it needs) is loaded when the entry is first chosen, not
# at start-up.

def add_backups_action(window: MainWindow, db_path: Path, read_only: bool = False) -> QAction:
    """Tools → Backups… in the main window."""
    action = QAction(translate("BackupsDialog", "Backups…"), window)
    action.setObjectName("backupsAction")

    def show() -> None:
        from ui.backups_dialog import BackupsDialog

        dialog = BackupsDialog(db_path, window, read_only=read_only)
        dialog.restored.connect(window.reload_from_database)
        dialog.exec()

    action.triggered.connect(show)
    window.tools_menu.addAction(action)
    window.backups_action = action
    return action


def add_import_history_action(window: MainWindow) -> QAction:
    """File → Import history… in the main window, after Import… and Export…."""
    action = QAction(translate("ImportHistoryDialog", "Import history…"), window)
    action.setObjectName("importHistoryAction")

    def show() -> None:
        from ui.import_history_dialog import ImportHistoryDialog

        dialog = ImportHistoryDialog(window, read_only=getattr(window, "read_only", False))
        # The card shown may have gone to the trash or got its old values back:
        # show the card file afresh rather than keep a stale form to save.
        dialog.changed.connect(window.reload_from_database)
        dialog.exec()

    action.triggered.connect(show)
    actions = window.file_menu.actions()
    window.file_menu.insertAction(actions[actions.index(window.export_action) + 1], action)
    window.import_history_action = action
    return action


def start_daily_backup(window: MainWindow, db_path: Path) -> object:
    """The day's backup (if not made yet today), on a worker once the window
    shows, so opening is not held up by copying the card file. The status bar
    says what is happening; a failure is logged and shown there, never in the
    way of the day's work."""

    def back_up(progress, _cancelled):
        progress(0, 1)
        path = backups.daily_backup_if_due(db_path, datetime.date.today())
        progress(1, 1)
        return path

    def say(text: str, timeout: int = 0) -> None:
        try:
            window.statusBar().showMessage(text, timeout)
        except RuntimeError:  # the window was rebuilt in another language meanwhile
            pass

    def done(path: Path | None) -> None:
        say(translate("BackupsDialog", "Today's backup was made.") if path is not None
            else "", 5000)

    def failed(error: BaseException, details: str) -> None:
        logger.error("The daily backup of %s failed:\n%s", db_path, details)
        say(translate("BackupsDialog", "Today's backup could not be made: %1")
            .replace("%1", str(error)), 15000)

    say(translate("BackupsDialog", "Making today's backup…"))
    return start_job(back_up, done, failed)


class DesktopApp:
    """Owns the main window, and makes it anew in another language on request."""

    def __init__(self, db_path: Path, read_only: bool = False):
        self.db_path = db_path
        self.read_only = read_only
        self.window: MainWindow | None = None

    def build_window(self) -> MainWindow:
        self.window = MainWindow(db_label=str(self.db_path))
        self.window.languageChangeRequested.connect(self.change_language)
        add_backups_action(self.window, self.db_path, self.read_only)
        add_import_history_action(self.window)
        if self.read_only:
            self.window.set_read_only(True)
        return self.window

    def show_window(self) -> MainWindow:
        self.build_window().show()
        return self.window

    def change_language(self, _language: str) -> None:
        old = self.window
        old.save_layout()
        install_language(settings.effective_language())
        self.show_window()
        old.hide()
        old.deleteLater()


def _open_error_text(error: DatabaseOpenError) -> str:
    if isinstance(error, SchemaTooNewError):
        return translate("App", "The card file %1 was written by a newer version of Prospect Desk. "
                  "It has not been changed. Please install the newer version.")
    if isinstance(error, DatabaseDamagedError):
        return translate("App", "The card file %1 is damaged, so it was not opened and nothing "
                         "was written to it. Restore a backup, or keep the file for repair.")
    if isinstance(error, NotACardFileError):
        return translate("App", "%1 is not a Prospect Desk card file (it holds other tables), "
                         "so it was not opened and nothing was written to it. Choose a card "
                         "file, or a new file name, with --db.")
    if isinstance(error, MigrationsPendingError):
        return translate("App", "The card file %1 needs upgrading to this version of Prospect "
                         "Desk, but it is read-only. Make it writable, then open it again.")
    return translate("App", "The card file %1 could not be opened: %2")


@dataclass
class DesktopStart:
    """What start-up came to: an open database (and the lock held on it), or the
    exit code to leave with after the user was told why."""

    opened: OpenedDatabase | None = None
    read_only: bool = False
    lock: instance_lock.InstanceLock | None = None
    exit_code: int = 0


def _title() -> str:
    return translate("App", "Prospect Desk")


def _take_lock(db_path: Path, read_only: bool) -> instance_lock.InstanceLock | None:
    """The lock, or None when a read-only folder has no room for the lock file
    (reading alone cannot harm another writer). Raises AlreadyRunningError."""
    try:
        return instance_lock.acquire(db_path)
    except instance_lock.AlreadyRunningError:
        raise
    except OSError:
        if read_only:
            return None
        raise


def _already_open_text(error: instance_lock.AlreadyRunningError) -> str:
    if error.pid is not None:
        text = translate("App", "Prospect Desk is already open with this card file (process %1). "
                  "Switch to that window, or close it before opening the file again.")
        return text.replace("%1", str(error.pid))
    return translate("App", "Prospect Desk is already open with this card file. Switch to that "
              "window, or close it before opening the file again.")


def _offer_restore(db_path: Path, error: DatabaseDamagedError,
                   read_only: bool) -> OpenedDatabase | None:
    """The file is damaged: never write to it; offer the newest good backup
    instead, keeping the damaged file aside. None when nothing was opened."""
    damaged = _open_error_text(error).replace("%1", str(error.path))
    good = None if read_only else integrity.newest_good_backup(db_path)
    if good is None:
        reason = (translate("App", "The file is read-only, so no backup can be put in its place.")
                  if read_only else translate("App", "No good backup of it was found."))
        QMessageBox.critical(None, _title(), damaged + "\n\n" + reason)
        return None
    question = translate("App", "The card file %1 is damaged, so it was not opened and nothing was "
                  "written to it.\n\nRestore the newest good backup (%2)? The damaged file "
                  "is kept beside it, renamed.").replace("%1", str(error.path))
    question = question.replace("%2", good.name)
    answer = QMessageBox.question(
        None, _title(), question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        QMessageBox.information(None, _title(), translate(
            "App", "The damaged file was left as it is. Prospect Desk will close; you can "
            "restore a backup later with: main.py restore FILE"))
        return None
    try:
        aside = backups.restore_backup(db_path, good)
        opened = open_database(db_path)
    except (backups.BackupError, DatabaseOpenError, OSError) as failure:
        logger.exception("Restoring %s failed", good)
        QMessageBox.critical(None, _title(), translate(
            "App", "The backup could not be restored: %1").replace("%1", str(failure)))
        return None
    QMessageBox.information(None, _title(), translate(
        "App", "The backup %1 was restored. The damaged file was kept as %2.")
        .replace("%1", good.name).replace("%2", str(aside)))
    return opened


def _as_damaged(error: DatabaseOpenError) -> DatabaseDamagedError | None:
    """The error as damage, when it is (a file that is not a database at all is
    reported by SQLite as an open error, but a read-only check tells it apart)."""
    if isinstance(error, DatabaseDamagedError):
        return error
    if type(error) is DatabaseOpenError and error.path.is_file():
        try:
            integrity.quick_check(error.path)
        except DatabaseDamagedError as damaged:
            return damaged
        except DatabaseOpenError:
            return None
    return None


def open_for_desktop(db_path: Path) -> DesktopStart:
    """Everything between starting and showing the window: the instance lock,
    opening (read-only if the file or folder cannot be written, restoring a
    backup if the file is damaged). The day's backup follows once the window
    shows (start_daily_backup), off the UI thread."""
    read_only = database.is_read_only(db_path)
    try:
        lock = _take_lock(db_path, read_only)
    except instance_lock.AlreadyRunningError as error:
        QMessageBox.information(None, _title(), _already_open_text(error))
        return DesktopStart(exit_code=1)
    except OSError as error:
        text = _open_error_text(DatabaseOpenError(db_path))
        QMessageBox.critical(None, _title(), text.replace("%1", str(db_path))
                             .replace("%2", str(error)))
        return DesktopStart(exit_code=1)
    try:
        opened = open_database(db_path, read_only=read_only, check_later=True)
    except DatabaseOpenError as error:
        damaged = _as_damaged(error)
        if damaged is not None:
            opened = _offer_restore(db_path, damaged, read_only)
        else:
            text = (_open_error_text(error).replace("%1", str(error.path))
                    .replace("%2", error.detail))
            QMessageBox.critical(None, _title(), text)
            opened = None
    if opened is None:
        if lock is not None:
            lock.release()
        return DesktopStart(exit_code=1)
    return DesktopStart(opened=opened, read_only=read_only, lock=lock)


def show_checked_window(desktop: DesktopApp, opened: OpenedDatabase) -> MainWindow:
    """Build the window while SQLite quick-checks the file on another thread,
    and show it once the check passed: start-up costs the longer of the two,
    not both. Raises DatabaseDamagedError (the database closed, the window
    gone) when the check fails."""
    try:
        window = desktop.build_window()
    except (sqlite3.DatabaseError, peewee.DatabaseError):
        database.finish_check(opened)  # raises DatabaseDamagedError if that was why
        raise
    try:
        database.finish_check(opened)
    except DatabaseOpenError:
        window.deleteLater()
        raise
    window.show()
    return window


def _window_or_restore(desktop: DesktopApp, start: DesktopStart) -> MainWindow | None:
    """The checked window; when the check found the file damaged, the window of
    the restored backup the user accepted, or None."""
    try:
        return show_checked_window(desktop, start.opened)
    except DatabaseOpenError as error:
        damaged = _as_damaged(error)
        if damaged is None:
            QMessageBox.critical(None, _title(), _open_error_text(error)
                                 .replace("%1", str(error.path)).replace("%2", error.detail))
            return None
    start.opened = _offer_restore(desktop.db_path, damaged, start.read_only)
    return None if start.opened is None else desktop.show_window()


def run(db_path: Path) -> int:
    app = create_application()
    try:
        error_log.setup_logging()
    except OSError:
        pass  # no log folder: errors still go to stderr and the error dialog
    install_exception_hooks()
    start = open_for_desktop(db_path)
    if start.opened is None:
        return start.exit_code
    try:
        desktop = DesktopApp(start.opened.path, read_only=start.read_only)
        window = _window_or_restore(desktop, start)
        if window is None:
            return 1
        if not start.read_only:
            start_daily_backup(window, start.opened.path)
            index_builds.build_pending_soon()  # left by a kill after a big import
        if start.opened.created and not start.read_only and count_cards() == 0:
            window.offer_demo()
        code = app.exec()
        index_builds.stop()
        QThreadPool.globalInstance().waitForDone()  # a backup still being written
        close_database()
    finally:
        if start.lock is not None:
            start.lock.release()
    return code
