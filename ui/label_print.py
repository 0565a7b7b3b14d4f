"""Address labels (sheets of 3×8 and 2×7 on A4) and envelopes (DL, C5) for
chosen cards: preview, print or save as PDF."""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
)

from prospect_desk.mailing import Recipient, recipients
from ui.call_sheet_print import check_font
from ui.paged_print import PrintCancelled, print_font, write_pdf
from ui.worker import start_job

translate = QCoreApplication.translate


@dataclass(frozen=True)
class SheetLayout:
    """A page of labels (or one envelope when columns = rows = 1), in millimetres."""

    page_width: float
    page_height: float
    columns: int
    rows: int
    label_width: float
    label_height: float
    left: float = 0.0
    top: float = 0.0
    column_gap: float = 0.0
    envelope: bool = False

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


LAYOUTS = {
    "a4_3x8": SheetLayout(210, 297, 3, 8, 70, 37, 0, 0.5),
    "a4_2x7": SheetLayout(210, 297, 2, 7, 99.1, 38.1, 4.65, 15.15, 2.5),
    "dl": SheetLayout(220, 110, 1, 1, 220, 110, envelope=True),
    "c5": SheetLayout(229, 162, 1, 1, 229, 162, envelope=True),
}


def layout_names() -> dict[str, str]:
    return {"a4_3x8": translate("Mailing", "Labels, A4, 3 × 8 (24 a sheet)"),
            "a4_2x7": translate("Mailing", "Labels, A4, 2 × 7 (14 a sheet)"),
            "dl": translate("Mailing", "Envelope DL (220 × 110 mm)"),
            "c5": translate("Mailing", "Envelope C5 (229 × 162 mm)")}


def set_sheet(device, layout: SheetLayout) -> None:
    device.setPageLayout(QPageLayout(
        QPageSize(QSizeF(layout.page_width, layout.page_height), QPageSize.Unit.Millimeter,
                  "", QPageSize.SizeMatchPolicy.ExactMatch),
        QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))


def paint_labels(device, people: list[Recipient], layout: SheetLayout,
                 progress=None, cancelled=None) -> int:
    """One label (or envelope) per person, row by row. Returns the pages."""
    progress = progress or (lambda done, total: None)
    cancelled = cancelled or (lambda: False)
    mm = device.logicalDpiX() / 25.4
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot paint")
    font = print_font(10 if layout.envelope else 9)
    pages = 0
    try:
        painter.setFont(font)
        for index, person in enumerate(people):
            if cancelled():
                raise PrintCancelled
            slot = index % layout.per_page
            if slot == 0:
                if pages:
                    device.newPage()
                pages += 1
            column, row = slot % layout.columns, slot // layout.columns
            x = (layout.left + column * (layout.label_width + layout.column_gap)) * mm
            y = (layout.top + row * layout.label_height) * mm
            if layout.envelope:  # the address window sits right of centre, lower half
                box = QRectF(layout.page_width * 0.45 * mm, layout.page_height * 0.45 * mm,
                             layout.page_width * 0.5 * mm, layout.page_height * 0.5 * mm)
            else:
                box = QRectF(x + 5 * mm, y + 3 * mm, (layout.label_width - 10) * mm,
                             (layout.label_height - 6) * mm)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                             | Qt.TextFlag.TextWordWrap, "\n".join(person.address_lines()))
            if index % 50 == 0:
                progress(index, len(people))
    finally:
        painter.end()
    return pages


def write_labels_pdf(path, card_ids: list[int], layout_key: str,
                     progress=None, cancelled=None) -> int:
    layout = LAYOUTS[layout_key]
    people = recipients(card_ids)

    def paint(writer) -> int:
        set_sheet(writer, layout)
        return paint_labels(writer, people, layout, progress, cancelled)

    return write_pdf(path, "a4", paint)


class LabelsDialog(QDialog):
    """Labels or envelopes for the given cards: the sheet, then Preview, Print
    or Save PDF."""

    def __init__(self, card_ids: list[int], parent=None):
        super().__init__(parent)
        self.card_ids = card_ids
        self.setWindowTitle(self.tr("Print labels and envelopes"))
        self.layout_combo = QComboBox()
        for key, name in layout_names().items():
            self.layout_combo.addItem(name, key)
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.preview_button, self.print_button, self.pdf_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_labels)
        self.pdf_button.clicked.connect(self.save_pdf)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("%1 cards").replace("%1", str(len(card_ids)))))
        form.addRow(self.tr("Sheet"), self.layout_combo)
        form.addRow(buttons)
        self.job = None
        self.pages: int | None = None

    def layout_key(self) -> str:
        return self.layout_combo.currentData()

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_sheet(printer, LAYOUTS[self.layout_key()])
        return printer

    def _paint(self, printer) -> int:
        return paint_labels(printer, recipients(self.card_ids), LAYOUTS[self.layout_key()])

    def preview(self) -> QPrintPreviewDialog:
        check_font(self)
        self.preview_printer = self._printer()  # the dialog does not own it
        dialog = QPrintPreviewDialog(self.preview_printer, self)
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(self._paint)
        dialog.exec()
        return dialog

    def print_labels(self) -> None:
        check_font(self)
        printer = self._printer()
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self._paint(printer)

    def save_pdf(self) -> None:
        check_font(self)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save labels as PDF"),
                                              "labels.pdf", self.tr("PDF files (*.pdf)"))
        if not path:
            return
        ids, key = list(self.card_ids), self.layout_key()
        self.pdf_button.setEnabled(False)
        self.job = start_job(
            lambda progress, cancelled: write_labels_pdf(path, ids, key, progress, cancelled),
            self._written, self._failed, self, self.tr("Writing the labels…"))

    def _written(self, pages: int) -> None:
        self.pdf_button.setEnabled(True)
        self.pages = pages

    def _failed(self, error: BaseException, _details: str) -> None:
        self.pdf_button.setEnabled(True)
        if not isinstance(error, PrintCancelled):
            QMessageBox.warning(self, self.tr("Print labels and envelopes"),
                                self.tr("The PDF could not be written: %1")
                                .replace("%1", str(error)))
