"""Tools → Backups…: the copies kept of the card file, a copy made now, and a
restore that keeps the file it replaces."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from prospect_desk import backups
from prospect_desk.backups import BackupInfo, BackupKind
from prospect_desk.database import (
    DatabaseOpenError,
    close_database,
    close_for_good,
    open_database,
)
from ui import index_builds
from ui.error_dialog import show_error
from ui.record_list_dialog import RecordListDialog
from ui.worker import start_job

translate = QCoreApplication.translate  # called as translate("BackupsDialog", ...) for lupdate


def kind_label(kind: BackupKind) -> str:
    return {
        BackupKind.DAILY: translate("BackupsDialog", "Daily"),
        BackupKind.WEEKLY: translate("BackupsDialog", "Weekly"),
        BackupKind.PRE_IMPORT: translate("BackupsDialog", "Before an import"),
        BackupKind.PRE_MIGRATION: translate("BackupsDialog", "Before an upgrade"),
        BackupKind.MANUAL: translate("BackupsDialog", "Made by hand"),
    }[kind]


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return translate("BackupsDialog", "%1 KB").replace("%1", f"{max(size / 1024, 0.1):.1f}")
    return translate("BackupsDialog", "%1 MB").replace("%1", f"{size / (1024 * 1024):.1f}")


class BackupsDialog(RecordListDialog):
    """`restored` follows a restore: the card file now holds other cards."""

    restored = Signal()

    def __init__(self, db_path: Path, parent: QWidget | None = None, read_only: bool = False):
        super().__init__(parent, read_only, "backupList",
                         [self.tr("Made on"), self.tr("Kind"), self.tr("Size")])
        self.db_path = Path(db_path)
        self.setWindowTitle(self.tr("Backups"))
        self.resize(620, 420)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemDoubleClicked.connect(lambda _item, _column: self.restore_selected())

        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button = QPushButton(self.tr("Open folder"))
        self.folder_button.clicked.connect(self.open_folder)
        self.lay_out([self.backup_button, self.restore_button, self.folder_button],
                     QPushButton(self.tr("Close")))
        self.reload()

    def backups(self) -> list[BackupInfo]:
        return self.records()

    def reload(self) -> None:
        self.list.clear()
        found = backups.list_backups(self.db_path)
        for info in found:
            item = QTreeWidgetItem([info.created.strftime("%Y-%m-%d %H:%M"),
                                    kind_label(info.kind), size_text(info.size)])
            item.setData(0, Qt.ItemDataRole.UserRole, info)
            item.setToolTip(0, str(info.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight
                                  | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        if found:
            text = self.tr(
                "%1 backups of this card file, newest first. A copy is made every day "
                "you open it; the last 7 days and 4 weeks are kept, and every copy made "
                "by hand.").replace("%1", str(len(found)))
        else:
            text = self.tr("No backups of this card file yet.")
        self.show_summary(text, self.tr(
            "The card file is read-only: backups cannot be made or restored here."))

    def _update_buttons(self) -> None:
        busy = self.job is not None
        self.backup_button.setEnabled(not self.read_only and not busy)
        self.restore_button.setEnabled(not self.read_only and not busy
                                       and self._selected() is not None)
        self.folder_button.setEnabled(backups.backup_dir(self.db_path).is_dir())

    # --- backing up --------------------------------------------------------------
    def back_up_now(self) -> None:
        db_path = self.db_path

        def make(progress, _cancelled):
            progress(0, 1)
            path = backups.make_backup(db_path, BackupKind.MANUAL)
            progress(1, 1)
            return path

        self.job = start_job(make, self._backed_up, self._job_failed, parent=self,
                             label=self.tr("Making a backup…"))
        self._update_buttons()

    def _backed_up(self, path: Path) -> None:
        self.job = None
        self.reload()
        self.summary.setText(self.tr("Backup made: %1").replace("%1", str(path)))

    def _job_failed(self, error: BaseException, details: str) -> None:
        self.job = None
        self._update_buttons()
        show_error(self, error, details)

    # --- restoring ----------------------------------------------------------------
    def restore_selected(self) -> None:
        info = self._selected()
        if info is None or self.read_only or self.job is not None:
            return
        if not self.window_lets_go():
            return
        answer = QMessageBox.question(
            self, self.tr("Restore a backup"),
            self.tr("Replace the card file with the backup made on %1? The cards as they "
                    "are now are kept in a file beside it, not deleted.")
            .replace("%1", info.created.strftime("%Y-%m-%d %H:%M")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        # The backup is checked and copied beside the card file on a worker,
        # while the window keeps its connection; only the renames that put the
        # copy in place happen here, with the card file closed for a moment.
        db_path, backup_path = self.db_path, info.path

        def prepare(progress, _cancelled):
            progress(0, 1)
            incoming = backups.prepare_restore(db_path, backup_path)
            progress(1, 1)
            return incoming

        self.job = start_job(prepare, lambda incoming: self._put_in_place(info, incoming),
                             self._restore_failed, parent=self,
                             label=self.tr("Restoring the backup…"))
        self._update_buttons()

    def _put_in_place(self, info: BackupInfo, incoming: Path) -> None:
        if self.job is not None and self.job.is_cancelled():  # Cancel came first
            incoming.unlink(missing_ok=True)
            self.job = None
            self._update_buttons()
            return
        index_builds.stop_and_wait()  # it must not go on writing to the file set aside
        close_database()
        try:
            aside = backups.put_restored_in_place(self.db_path, incoming)
        except (backups.BackupError, OSError) as error:
            try:
                open_database(self.db_path)  # the file it was, untouched
            except DatabaseOpenError:
                close_for_good()
            self._restore_failed(error, "")
            return
        self._restored(info, aside)

    def _restore_failed(self, error: BaseException, details: str) -> None:
        self.job = None
        self._update_buttons()
        if not isinstance(error, (backups.BackupError, OSError)):
            show_error(self, error, details)
            return
        detail = (error.detail or str(error.path)) if isinstance(
            error, backups.BackupError) else str(error)
        QMessageBox.warning(self, self.tr("Restore a backup"), self.tr(
            "This backup could not be restored, so the card file was left as it "
            "was: %1").replace("%1", detail))

    def _restored(self, info: BackupInfo, aside: Path | None) -> None:
        self.job = None
        self._update_buttons()
        try:
            open_database(self.db_path)
        except DatabaseOpenError as error:
            close_for_good()  # the window must not write to a file it could not open
            QMessageBox.critical(self, self.tr("Restore a backup"), self.tr(
                "The backup was put in place but could not be opened: %1. Your previous "
                "card file was kept as %2.").replace("%1", error.detail)
                .replace("%2", str(aside)))
            return
        self.restored.emit()
        self.reload()
        where = (self.tr("The card file as it was before is kept as %1.")
                 .replace("%1", str(aside)) if aside else "")
        QMessageBox.information(self, self.tr("Restore a backup"), self.tr(
            "The backup made on %1 was restored.").replace(
                "%1", info.created.strftime("%Y-%m-%d %H:%M")) + ("\n\n" + where if where
                                                                  else ""))

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(backups.backup_dir(self.db_path))))

