"""The call sheet on paper: one row per person to phone, with their numbers, why,
the last contact, an opening line, and an empty box for the outcome and next
step. Preview, print, or save as PDF (the PDF is written on a worker thread)."""

import datetime
import html
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QPushButton,
    QWidget,
)

from prospect_desk import opening_lines
from prospect_desk.call_sheet import CallSheetEntry, call_sheet
from prospect_desk.card_query import NO_CIRCLE
from prospect_desk.circles import circle_names
from prospect_desk.enums import FollowUpKind
from ui.date_field import DateField
from ui.follow_up_text import kind_label, reason_text
from ui.labels import FOLLOW_UP_KINDS, circle_name
from ui.paged_print import (
    PrintCancelled,
    cjk_family,
    no_cjk_font_message,
    paint_blocks,
    set_page,
    write_pdf,
)
from ui.worker import start_job

translate = QCoreApplication.translate

# The default opening lines, in the words of opening_lines.OPENING_LINES, for lupdate.
OPENING_LINE_TEXTS = {
    "referral": QT_TRANSLATE_NOOP(
        "CallSheet", "{referrer} asked me to call you, and I promised I would."),
    "revisit": QT_TRANSLATE_NOOP("CallSheet", "Your name came up in our sales meeting."),
    "revisit_lost": QT_TRANSLATE_NOOP(
        "CallSheet", "I just happened to think of you, and we have something new."),
    "thank_you": QT_TRANSLATE_NOOP("CallSheet", "I wanted to thank you for your purchase."),
    "after_sale": QT_TRANSLATE_NOOP("CallSheet", "Is everything working as you hoped?"),
    "testimonial": QT_TRANSLATE_NOOP(
        "CallSheet", "Would you write a few lines about how it has worked for you?"),
    "repeat_purchase": QT_TRANSLATE_NOOP(
        "CallSheet", "It has been a while: is it time to stock up again?"),
    "birthday": QT_TRANSLATE_NOOP(
        "CallSheet", "Happy birthday! I just wanted to wish you well."),
    "thank_referrer": QT_TRANSLATE_NOOP(
        "CallSheet", "Thank you for introducing me to {referred}."),
    "collection": QT_TRANSLATE_NOOP(
        "CallSheet", "I am calling about the open invoice: when can we expect it?"),
    "win_back": QT_TRANSLATE_NOOP(
        "CallSheet", "We have missed you: is there anything we could do better?"),
    "campaign": QT_TRANSLATE_NOOP("CallSheet", "Did our letter reach you?"),
    "general": QT_TRANSLATE_NOOP("CallSheet", "I just happened to think of you."),
}


class _Blank(dict):
    def __missing__(self, key):
        return "…"


def opening_line_text(key: str, params: dict, overrides: dict[str, str]) -> str:
    """The user's own line for `key`, else the translated default, with the
    referrer's or referred person's name filled in."""
    template = overrides.get(key) or translate("CallSheet", OPENING_LINE_TEXTS.get(
        key, OPENING_LINE_TEXTS["general"]))
    values = _Blank(referrer=params.get("referrer_name", "…"),
                    referred=params.get("referred_name", "…"))
    try:
        return template.format_map(values)
    except (ValueError, IndexError):
        return template


@dataclass(frozen=True)
class CallSheetOptions:
    start: datetime.date
    end: datetime.date
    circle_id: int | None = None
    kind: str | None = None
    include_overdue: bool = False
    paper: str = "a4"


WIDTHS = (19, 14, 20, 17, 15, 15)


def _e(text: str) -> str:
    return html.escape(text or "").replace("\n", "<br>")


def _row(cells: list[str], header: bool = False) -> str:
    tag = "th" if header else "td"
    style = ' bgcolor="#e8e8e8"' if header else ""
    tds = "".join(f'<{tag} width="{w}%" valign="top"{style}>{c}</{tag}>'
                  for w, c in zip(WIDTHS, cells, strict=True))
    return ('<table width="100%" cellspacing="0" cellpadding="4" border="1" '
            'style="border-collapse: collapse; border-color: #888888;">'
            f"<tr>{tds}</tr></table>")


def column_header() -> str:
    return _row([_e(translate("CallSheet", "Name / company")),
                 _e(translate("CallSheet", "Phone")),
                 _e(translate("CallSheet", "Why")),
                 _e(translate("CallSheet", "Last contact")),
                 _e(translate("CallSheet", "Opening line")),
                 _e(translate("CallSheet", "Outcome / next step"))], header=True)


def entry_html(entry: CallSheetEntry, overrides: dict[str, str], show_date: bool) -> str:
    who = f"<b>{_e(entry.name)}</b>"
    if entry.company:
        who += f"<br>{_e(entry.company)}"
    if show_date:
        who += f'<br><span style="color:#555555;">{entry.date.isoformat()}</span>'
    phones = "<br>".join(_e(p) for p in (entry.phone, entry.mobile) if p)
    why = f"<b>{_e(kind_label(entry.kind))}</b>"
    said = reason_text(entry.rule, entry.params, entry.reason)
    if said and said != kind_label(entry.kind):
        why += f"<br>{_e(said)}"
    if entry.last_contact:
        last = entry.last_contact.isoformat()
    else:
        last = _e(translate("CallSheet", "never"))
    if entry.last_summary:
        last += f'<br><span style="color:#444444;">{_e(entry.last_summary)}</span>'
    opening = f"<i>{_e(opening_line_text(entry.opening_line, entry.params, overrides))}</i>"
    box = "<br>" * 4
    return _row([who, phones, why, last, opening, box])


def title_text(start: datetime.date, end: datetime.date) -> str:
    if start == end:
        return translate("CallSheet", "Call sheet, %1").replace("%1", start.isoformat())
    return (translate("CallSheet", "Call sheet, %1 to %2")
            .replace("%1", start.isoformat()).replace("%2", end.isoformat()))


def call_sheet_blocks(options: CallSheetOptions) -> list[str]:
    """The rows of the sheet as HTML, read from the database (any thread)."""
    entries = call_sheet(options.start, options.end, options.circle_id, options.kind,
                         options.include_overdue)
    overrides = opening_lines.overrides()
    show_date = options.start != options.end or options.include_overdue
    if not entries:
        return ["<p>" + _e(translate("CallSheet", "Nobody to call.")) + "</p>"]
    return [entry_html(e, overrides, show_date) for e in entries]


def paint_call_sheet(device, options: CallSheetOptions, progress=None, cancelled=None) -> int:
    return paint_blocks(device, call_sheet_blocks(options),
                        title_text(options.start, options.end), column_header(),
                        progress=progress, cancelled=cancelled)


def write_call_sheet_pdf(path, options: CallSheetOptions, progress=None, cancelled=None) -> int:
    """Write the call sheet as a PDF; safe on a worker thread. Returns the pages."""
    return write_pdf(path, options.paper,
                     lambda writer: paint_call_sheet(writer, options, progress, cancelled),
                     title_text(options.start, options.end))


def paper_combo(parent: QWidget | None = None) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(translate("Printing", "A4"), "a4")
    combo.addItem(translate("Printing", "Letter"), "letter")
    return combo


def make_printer(paper: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_page(printer, paper)
    return printer


def check_font(parent: QWidget | None) -> None:
    if cjk_family() is None:
        QMessageBox.warning(parent, translate("Printing", "No Chinese font"),
                            no_cjk_font_message())


class CallSheetDialog(QDialog):
    """File → Print call sheet…: the day or range, a circle or kind, the paper;
    then Preview, Print or Save PDF."""

    def __init__(self, today: datetime.date, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print call sheet"))
        self.start = DateField()
        self.start.setObjectName("callSheetStart")
        self.start.set_date(today)
        self.end = DateField()
        self.end.setObjectName("callSheetEnd")
        self.end.set_date(today)
        self.overdue = QCheckBox(self.tr("Include overdue follow-ups"))
        self.overdue.setChecked(True)
        self.circle = QComboBox()
        self.circle.addItem(self.tr("Any circle"), None)
        self.circle.addItem(self.tr("No circle"), NO_CIRCLE)
        for circle_id, name, key in circle_names():
            self.circle.addItem(circle_name(name, key), circle_id)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Any kind"), None)
        for kind in FollowUpKind:
            if kind.value in FOLLOW_UP_KINDS:
                self.kind.addItem(kind_label(kind.value), kind.value)
        self.paper = paper_combo()
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.lines_button = QPushButton(self.tr("Opening lines…"))
        self.lines_button.clicked.connect(self.edit_opening_lines)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.preview_button, self.print_button, self.pdf_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_sheet)
        self.pdf_button.clicked.connect(self.save_pdf)
        layout = QFormLayout(self)
        layout.addRow(self.tr("From"), self.start)
        layout.addRow(self.tr("To"), self.end)
        layout.addRow("", self.overdue)
        layout.addRow(self.tr("Circle"), self.circle)
        layout.addRow(self.tr("Kind"), self.kind)
        layout.addRow(self.tr("Paper"), self.paper)
        layout.addRow(self.tr("What to say"), self.lines_button)
        layout.addRow(buttons)
        self.job = None
        self.pages: int | None = None

    def edit_opening_lines(self) -> QDialog:
        from ui.opening_lines_dialog import OpeningLinesDialog

        dialog = OpeningLinesDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def options(self) -> CallSheetOptions | None:
        start, end = self.start.date(), self.end.date()
        if start is None or end is None or end < start:
            QMessageBox.warning(self, self.tr("Print call sheet"),
                                self.tr("Choose a first day and a last day on or after it."))
            return None
        return CallSheetOptions(start, end, self.circle.currentData(), self.kind.currentData(),
                                self.overdue.isChecked(), self.paper.currentData())

    def preview(self) -> QPrintPreviewDialog | None:
        options = self.options()
        if options is None:
            return None
        check_font(self)
        printer = make_printer(options.paper)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.printer_kept = printer  # the dialog does not own it
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(lambda p: paint_call_sheet(p, options))
        dialog.exec()
        return dialog

    def print_sheet(self) -> None:
        options = self.options()
        if options is None:
            return
        check_font(self)
        printer = make_printer(options.paper)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            paint_call_sheet(printer, options)

    def save_pdf(self) -> None:
        options = self.options()
        if options is None:
            return
        check_font(self)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save call sheet as PDF"),
            f"call-sheet-{options.start.isoformat()}.pdf", self.tr("PDF files (*.pdf)"))
        if not path:
            return
        self.pdf_button.setEnabled(False)
        self.job = start_job(
            lambda progress, cancelled: write_call_sheet_pdf(path, options, progress, cancelled),
            self._written, self._failed, self, self.tr("Writing the call sheet…"))

    def _written(self, pages: int) -> None:
        self.pdf_button.setEnabled(True)
        self.pages = pages

    def _failed(self, error: BaseException, _details: str) -> None:
        self.pdf_button.setEnabled(True)
        if isinstance(error, PrintCancelled):
            return
        QMessageBox.warning(self, self.tr("Print call sheet"),
                            self.tr("The PDF could not be written: %1").replace("%1", str(error)))
