"""Tools → Export calendar (.ics): the follow-ups and birthdays of a date range,
for a phone or another calendar."""

import datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
)

from prospect_desk.ics_export import export_ics
from ui.follow_up_dialogs import date_edit
from ui.follow_up_text import to_date


class IcsExportDialog(QDialog):
    def __init__(self, today: datetime.date, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export calendar (.ics)"))
        self.count: int | None = None
        self.start = date_edit(today)
        self.end = date_edit(today + datetime.timedelta(days=90))
        intro = QLabel(self.tr("Follow-ups and birthdays between these dates go into one "
                               ".ics file that other calendars can import."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        start, end = to_date(self.start.date()), to_date(self.end.date())
        if end < start:
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("The last day comes before the first."))
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), f"follow-ups-{start.isoformat()}.ics",
            self.tr("Calendar files (*.ics)"))
        if not path:
            return
        try:
            self.count = export_ics(start, end, path)
        except OSError as error:
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("%1 could not be written: %2").replace("%1", path)
                                .replace("%2", error.strerror or str(error)))
            return
        super().accept()
