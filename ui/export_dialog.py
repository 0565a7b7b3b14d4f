"""File → Export…: the cards of the list, or all of them, to an Excel file
whose column titles are in the language of the window."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from prospect_desk.error_log import logger
from prospect_desk.excel_export import ExportCancelled, export_cards
from ui import settings
from ui.worker import start_job


class ExportDialog(QDialog):
    def __init__(self, list_ids: list[int], total: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export cards"))
        self.list_ids = list_ids
        self.job = None
        self.written_path = ""
        self.list_radio = QRadioButton(
            self.tr("The cards in the list now, as searched and filtered (%1)")
            .replace("%1", str(len(list_ids))))
        self.all_radio = QRadioButton(self.tr("All cards (%1)").replace("%1", str(total)))
        self.list_radio.setChecked(True)
        note = QLabel(self.tr("The file is an Excel workbook that Prospect Desk can import "
                              "again. Column titles are in the language of the window."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export…"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.choose_file_and_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which cards?")))
        layout.addWidget(self.list_radio)
        layout.addWidget(self.all_radio)
        layout.addSpacing(8)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def chosen_ids(self) -> list[int] | None:
        """The ids to write, or None for all live cards."""
        return list(self.list_ids) if self.list_radio.isChecked() else None

    def choose_file_and_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export cards to"), self.tr("prospects.xlsx"),
            self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.export_to(path)

    def export_to(self, path: str) -> None:
        ids, language = self.chosen_ids(), settings.effective_language()

        def work(progress, cancelled) -> int:
            return export_cards(path, ids, language, progress, cancelled)

        self.export_button.setEnabled(False)
        self.job = start_job(work, lambda count: self._on_done(path, count),
                             lambda error, details: self._on_failed(path, error, details),
                             parent=self, label=self.tr("Exporting cards…"))

    def _on_done(self, path: str, count: int) -> None:
        self.written_path = path
        QMessageBox.information(self, self.tr("Export finished"),
                                self.tr("%1 cards were written to %2.")
                                .replace("%1", str(count)).replace("%2", path))
        self.accept()

    def _on_failed(self, path: str, error: BaseException, details: str) -> None:
        self.export_button.setEnabled(True)
        if isinstance(error, ExportCancelled):
            QMessageBox.information(self, self.tr("Export cancelled"),
                                    self.tr("The export was cancelled; no file was written."))
            return
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
        else:
            logger.error("Export failed:\n%s", details)
            reason = str(error) or type(error).__name__
        QMessageBox.warning(self, self.tr("Export failed"),
                            self.tr("The cards could not be written to %1: %2. Nothing was "
                                    "changed there; choose another folder or free some space "
                                    "and try again.").replace("%1", path).replace("%2", reason))
