"""File → Print letters…: personal letters by mail merge. Choose whom they go
to (the chosen cards, or a mailing campaign), pick a template, edit it with
fields inserted from a menu while a preview shows the letter of one card, then
preview, print or save one letter per card as PDF. Letters of a campaign that
were printed or saved complete that campaign's follow-ups for those cards."""

import datetime
import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prospect_desk import letters
from prospect_desk.letters import LetterTemplate
from prospect_desk.mailing import campaign_card_ids, campaigns_with_open_follow_ups
from ui import settings
from ui.call_sheet_print import check_font, paper_combo
from ui.letter_print import (
    LETTER_MARGIN_MM,
    LetterJob,
    LetterResult,
    history_label,
    letter_html,
    letter_texts,
    paint_letters,
    print_letters,
    write_letters_pdf,
)
from ui.paged_print import PrintCancelled, set_page
from ui.worker import start_job

translate = QCoreApplication.translate
PREVIEW_SAMPLE = 200
"""Cards offered in the preview list (and checked for empty fields)."""


FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("Letters", "Name"),
    "addressee": QT_TRANSLATE_NOOP("Letters", "Addressee (person in charge, else name)"),
    "salutation": QT_TRANSLATE_NOOP("Letters", "Salutation (Dear …)"),
    "company": QT_TRANSLATE_NOOP("Letters", "Company"),
    "person_in_charge": QT_TRANSLATE_NOOP("Letters", "Person in charge"),
    "address": QT_TRANSLATE_NOOP("Letters", "Address"),
    "recipient_block": QT_TRANSLATE_NOOP("Letters", "Name and address block"),
    "last_product": QT_TRANSLATE_NOOP("Letters", "Last purchase: product"),
    "last_purchase_date": QT_TRANSLATE_NOOP("Letters", "Last purchase: date"),
    "last_amount": QT_TRANSLATE_NOOP("Letters", "Last purchase: amount"),
    "referred_name": QT_TRANSLATE_NOOP("Letters", "Person they referred"),
    "today": QT_TRANSLATE_NOOP("Letters", "Today's date"),
    "my_name": QT_TRANSLATE_NOOP("Letters", "Your name"),
    "signature": QT_TRANSLATE_NOOP("Letters", "Your signature"),
}
"""How the insert menu names each field of letters.FIELDS, in its order."""


def field_names() -> dict[str, str]:
    """The fields as the insert menu names them."""
    return {key: translate("Letters", FIELD_LABELS[key]) for key in letters.FIELDS}


def language_names() -> dict[str, str]:
    return {"zh_CN": translate("Letters", "Chinese letters"),
            "en": translate("Letters", "English letters")}


class SenderDialog(QDialog):
    """The salesperson's name and signature, used by every letter."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your name and signature"))
        me = letters.sender()
        self.name = QLineEdit(me.name)
        self.name.setObjectName("senderName")
        self.signature = QPlainTextEdit(me.signature)
        self.signature.setObjectName("senderSignature")
        self.signature.setPlaceholderText(self.tr("For example:\nWang Wei\nSales manager, "
                                                  "Prospect Co.\nTel. 138 0013 8000"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Signature"), self.signature)
        form.addRow(QLabel(self.tr("An empty signature signs with your name.")))
        form.addRow(buttons)

    def accept(self) -> None:
        letters.set_sender(self.name.text(), self.signature.toPlainText())
        super().accept()


class LettersDialog(QDialog):
    """`sent(card_ids)` follows letters of a campaign printed or saved (their
    follow-ups are now done)."""

    sent = Signal(list)

    def __init__(self, card_ids: list[int], parent=None, campaign_id: int | None = None,
                 today: datetime.date | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print letters"))
        self.card_ids = list(card_ids)
        self.today = today or datetime.date.today()
        self.template: LetterTemplate | None = None
        self.merges: list[tuple[int, dict[str, str]]] = []
        self.dirty = False
        self.job = None
        self.printer: QPrinter | None = None
        self.result: LetterResult | None = None
        self._sending: LetterJob | None = None
        self._preview_printer: QPrinter | None = None

        self.recipients = QComboBox()
        self.recipients.setObjectName("letterRecipients")
        self._fill_recipients(campaign_id)
        self.language = QComboBox()
        for key, name in language_names().items():
            self.language.addItem(name, key)
        self.language.setCurrentIndex(
            max(self.language.findData(settings.effective_language()), 0))
        self.sender_button = QPushButton(self.tr("Your name and signature…"))
        self.sender_button.clicked.connect(self.edit_sender)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Letters to")))
        top.addWidget(self.recipients, 1)
        top.addWidget(self.language)
        top.addWidget(self.sender_button)

        self.templates = QListWidget()
        self.templates.setObjectName("letterTemplates")
        self.templates.setWordWrap(True)
        self.templates.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.clicked.connect(self.new_template)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Templates")))
        left_layout.addWidget(self.templates, 1)
        left_layout.addWidget(self.new_button)

        self.title = QLineEdit()
        self.title.setObjectName("letterTitle")
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("letterText")
        self.editor.setTabChangesFocus(True)
        self.insert_button = QToolButton()
        self.insert_button.setText(self.tr("Insert field"))
        self.insert_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.insert_menu = QMenu(self.insert_button)
        for key, name in field_names().items():
            action = self.insert_menu.addAction(f"{name}  {{{key}}}")
            action.setData(key)
        self.insert_menu.triggered.connect(lambda action: self.insert_field(action.data()))
        self.insert_button.setMenu(self.insert_menu)
        self.save_button = QPushButton(self.tr("Save template"))
        self.save_button.clicked.connect(self.save_template)
        self.restore_button = QPushButton(self.tr("Restore the original"))
        self.restore_button.clicked.connect(self.restore_template)
        self.problems = QLabel()
        self.problems.setObjectName("letterProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a05a00;")
        edit_buttons = QHBoxLayout()
        edit_buttons.addWidget(self.insert_button)
        edit_buttons.addStretch()
        edit_buttons.addWidget(self.restore_button)
        edit_buttons.addWidget(self.save_button)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(QLabel(self.tr("Title")))
        title_row.addWidget(self.title, 1)
        middle_layout.addLayout(title_row)
        middle_layout.addWidget(self.editor, 1)
        middle_layout.addLayout(edit_buttons)
        middle_layout.addWidget(self.problems)

        self.preview_card = QComboBox()
        self.preview_card.setObjectName("letterPreviewCard")
        self.preview_view = QTextBrowser()
        self.preview_view.setObjectName("letterPreview")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        preview_row = QHBoxLayout()
        preview_row.addWidget(QLabel(self.tr("Preview for")))
        preview_row.addWidget(self.preview_card, 1)
        right_layout.addLayout(preview_row)
        right_layout.addWidget(self.preview_view, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(right)
        splitter.setSizes([220, 400, 400])
        splitter.setChildrenCollapsible(False)

        self.paper = paper_combo()
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.preview_button.clicked.connect(self.print_preview)
        self.print_button.clicked.connect(self.print_letters)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.count_label = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.preview_button, self.print_button, self.pdf_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(QLabel(self.tr("Paper")))
        bottom.addWidget(self.paper)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(1080, 640)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(150)
        self._preview_timer.timeout.connect(self.update_preview)
        self.editor.textChanged.connect(self._edited)
        self.title.textEdited.connect(self._edited)
        self.preview_card.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.templates.currentItemChanged.connect(self._template_chosen)
        self.recipients.currentIndexChanged.connect(lambda _i: self.reload_recipients())
        self.language.currentIndexChanged.connect(lambda _i: self._language_changed())
        self.reload_templates()
        self.reload_recipients()

    # --- whom -----------------------------------------------------------------------
    def _fill_recipients(self, campaign_id: int | None) -> None:
        """The chosen cards, then each campaign that still has letters to send."""
        self.recipients.blockSignals(True)
        self.recipients.clear()
        if self.card_ids:
            self.recipients.addItem(self.tr("The %1 chosen cards")
                                    .replace("%1", str(len(self.card_ids))), None)
        for campaign in campaigns_with_open_follow_ups():
            self.recipients.addItem(
                self.tr("Campaign “%1” of %2 (%3 letters to send)")
                .replace("%1", campaign.name).replace("%2", campaign.date.isoformat())
                .replace("%3", str(campaign.open_count)), campaign.campaign_id)
            if campaign.campaign_id == campaign_id:
                self.recipients.setCurrentIndex(self.recipients.count() - 1)
        self.recipients.blockSignals(False)

    def campaign_id(self) -> int | None:
        return self.recipients.currentData()

    def recipient_ids(self) -> list[int]:
        campaign = self.campaign_id()
        return campaign_card_ids(campaign) if campaign is not None else list(self.card_ids)

    def template_language(self) -> str:
        return self.language.currentData()

    def reload_recipients(self) -> None:
        """The cards the letters go to, and a sample of them for the preview."""
        ids = self.recipient_ids()
        self.merges = letters.merge_values(ids[:PREVIEW_SAMPLE], self.template_language(),
                                           self.today)
        chosen = self.preview_card.currentData()
        self.preview_card.blockSignals(True)
        self.preview_card.clear()
        for card_id, values in self.merges:
            self.preview_card.addItem(values["name"], card_id)
        self.preview_card.setCurrentIndex(max(self.preview_card.findData(chosen), 0))
        self.preview_card.blockSignals(False)
        self.count_label.setText(self.tr("%1 letters, one per card").replace("%1", str(len(ids))))
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(bool(ids))
        self.update_preview()

    def edit_sender(self) -> SenderDialog:
        dialog = SenderDialog(self)
        dialog.accepted.connect(self.reload_recipients)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- which template ---------------------------------------------------------------
    def reload_templates(self, select: str | None = None) -> None:
        select = select or (self.template.key if self.template else None)
        self.templates.blockSignals(True)
        self.templates.clear()
        for template in letters.list_templates(self.template_language()):
            text = template.title
            if template.builtin and template.edited:
                text = self.tr("%1 (edited)").replace("%1", template.title)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, template.key)
            if not template.builtin:
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
            self.templates.addItem(item)
            if template.key == select:
                self.templates.setCurrentItem(item)
        if self.templates.currentItem() is None and self.templates.count():
            self.templates.setCurrentRow(0)
        self.templates.blockSignals(False)
        self._show_template(self.templates.currentItem())

    def template_keys(self) -> list[str]:
        return [self.templates.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.templates.count())]

    def select_template(self, key: str) -> None:
        self.templates.setCurrentRow(self.template_keys().index(key))

    def _template_chosen(self, current, previous) -> None:
        if current is previous:
            return
        if not self.confirm_leave():
            self.templates.blockSignals(True)
            self.templates.setCurrentItem(previous)
            self.templates.blockSignals(False)
            return
        self._show_template(current)

    def _show_template(self, item) -> None:
        self.template = None
        if item is not None:
            self.template = letters.load_template(item.data(Qt.ItemDataRole.UserRole),
                                                  self.template_language())
        self.title.setText(self.template.title if self.template else "")
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.template.body if self.template else "")
        self.editor.blockSignals(False)
        self.dirty = False
        self._update_edit_buttons()
        self.update_preview()

    def _language_changed(self) -> None:
        if not self.confirm_leave():  # stay with the edited template and its language
            self.language.blockSignals(True)
            self.language.setCurrentIndex(self.language.findData(self.template.language))
            self.language.blockSignals(False)
            return
        self.template = None
        self.reload_templates()
        self.reload_recipients()

    def _update_edit_buttons(self) -> None:
        template = self.template
        self.save_button.setEnabled(template is not None and self.dirty)
        self.restore_button.setEnabled(template is not None and template.edited)
        self.restore_button.setText(
            self.tr("Restore the original") if template is None or template.builtin
            else self.tr("Delete template"))

    # --- editing ----------------------------------------------------------------------
    def _edited(self, *_args) -> None:
        self.dirty = True
        self._update_edit_buttons()
        self._preview_timer.start()

    def insert_field(self, key: str) -> None:
        self.editor.insertPlainText("{" + key + "}")
        self.editor.setFocus()

    def edited_template(self) -> LetterTemplate | None:
        """The template as it stands in the editor, saved or not: what prints."""
        if self.template is None:
            return None
        return LetterTemplate(self.template.key, self.template.language,
                              self.title.text().strip() or self.template.title,
                              self.editor.toPlainText(), self.template.builtin,
                              self.template.edited)

    def save_template(self) -> bool:
        template = self.edited_template()
        if template is None:
            return False
        try:
            letters.save_template(template.key, template.language, self.title.text(),
                                  template.body)
        except letters.TemplateNameError:
            QMessageBox.warning(self, self.tr("Print letters"),
                                self.tr("A template needs a title and some text."))
            return False
        except OSError as error:
            QMessageBox.warning(self, self.tr("Print letters"),
                                self.tr("The template could not be saved: %1")
                                .replace("%1", str(error)))
            return False
        self.dirty = False
        self.reload_templates(template.key)
        return True

    def restore_template(self) -> None:
        template = self.template
        if template is None or not template.edited:
            return
        if template.builtin:
            question = self.tr("Throw away your changes to “%1” and go back to the "
                               "original?").replace("%1", template.title)
        else:
            question = self.tr("Delete the template “%1”?").replace("%1", template.title)
        answer = QMessageBox.question(self, self.tr("Print letters"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            letters.restore_original(template.key, template.language)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Print letters"),
                                self.tr("The template could not be saved: %1")
                                .replace("%1", str(error)))
            return
        self.dirty = False
        self.reload_templates(template.key if template.builtin else None)

    def new_template(self) -> None:
        if not self.confirm_leave():
            return
        title, ok = QInputDialog.getText(self, self.tr("New template"),
                                         self.tr("Title of the new letter"))
        if not ok or not title.strip():
            return
        language = self.template_language()
        key = letters.new_template_key(language)
        body = self.template.body if self.template else "{salutation}\n\n\n{signature}\n"
        try:
            letters.save_template(key, language, title, body)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Print letters"),
                                self.tr("The template could not be saved: %1")
                                .replace("%1", str(error)))
            return
        self.dirty = False
        self.reload_templates(key)

    def confirm_leave(self) -> bool:
        """Unsaved edits are saved or dropped on purpose, never lost silently."""
        if not self.dirty or self.template is None:
            return True
        answer = QMessageBox.question(
            self, self.tr("Print letters"),
            self.tr("Save your changes to “%1”?").replace("%1", self.template.title),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_template()
        if answer == QMessageBox.StandardButton.Discard:
            self.dirty = False
            return True
        return False

    # --- preview ----------------------------------------------------------------------
    def update_preview(self) -> None:
        template = self.edited_template()
        values = dict(self.merges).get(self.preview_card.currentData())
        if template is None:
            self.preview_view.clear()
            self.problems.clear()
            return
        if values is None:
            self.preview_view.setHtml("<p>" + html.escape(self.tr("No cards to write to."))
                                      + "</p>")
        else:
            self.preview_view.setHtml(letter_html(letters.fill(template.body, values)))
        notes = []
        unknown = letters.unknown_fields(template.body)
        if unknown:
            notes.append(self.tr("Not a field, printed as typed: %1")
                         .replace("%1", ", ".join("{" + u + "}" for u in unknown)))
        names = field_names()
        empty = letters.empty_fields(template.body, self.merges)
        if empty:
            notes.append(self.tr("Empty for some cards: %1").replace("%1", ", ".join(
                self.tr("%1 (%2 of %3)").replace("%1", names[key]).replace("%2", str(n))
                .replace("%3", str(len(self.merges))) for key, n in empty.items())))
        self.problems.setText("\n".join(notes))

    # --- printing ---------------------------------------------------------------------
    def letter_job(self) -> LetterJob | None:
        template = self.edited_template()
        if template is None:
            return None
        unknown = letters.unknown_fields(template.body)
        if unknown:
            answer = QMessageBox.question(
                self, self.tr("Print letters"),
                self.tr("These words in braces are not fields and will print as typed: "
                        "%1. Print anyway?").replace(
                    "%1", ", ".join("{" + u + "}" for u in unknown)))
            if answer != QMessageBox.StandardButton.Yes:
                return None
        check_font(self)
        return LetterJob(template, tuple(self.recipient_ids()), self.today,
                         self.paper.currentData(), self.campaign_id(),
                         history_label(template.title))

    def _printer(self, paper: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_page(printer, paper, LETTER_MARGIN_MM)
        return printer

    def print_preview(self) -> QPrintPreviewDialog | None:
        """Qt's print preview of all the letters; nothing is marked done from here."""
        job = self.letter_job()
        if job is None:
            return None
        texts = [text for _, text in letter_texts(job)]
        printer = self._printer(job.paper)
        self._preview_printer = printer  # the dialog does not own it
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(lambda printer: paint_letters(printer, texts))
        dialog.exec()
        return dialog

    def print_letters(self) -> None:
        job = self.letter_job()
        if job is None:
            return
        printer = self._printer(job.paper)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        self.printer = printer  # painted on the worker; kept alive until it ends
        self._start(lambda progress, cancelled: print_letters(printer, job, progress,
                                                               cancelled),
                    self.tr("Printing the letters…"), job)

    def save_pdf(self) -> None:
        job = self.letter_job()
        if job is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save letters as PDF"), f"letters-{job.template.key}.pdf",
            self.tr("PDF files (*.pdf)"))
        if not path:
            return
        self._start(lambda progress, cancelled: write_letters_pdf(path, job, progress,
                                                                   cancelled),
                    self.tr("Writing the letters…"), job)

    def _start(self, function, label: str, job: LetterJob) -> None:
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(False)
        self._sending = job
        self.job = start_job(function, self._done, self._failed, self, label)

    def _done(self, result: LetterResult) -> None:
        self.result = result
        self.printer = None
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(True)
        if result.completed:
            # the campaign's letters went out: its count of letters to send changed
            self._fill_recipients(self.campaign_id())
            self.reload_recipients()
            self.sent.emit(list(self._sending.card_ids))

    def _failed(self, error: BaseException, _details: str) -> None:
        self.printer = None
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(True)
        if isinstance(error, PrintCancelled):
            return
        QMessageBox.warning(self, self.tr("Print letters"),
                            self.tr("The letters could not be printed: %1")
                            .replace("%1", str(error)))

    def reject(self) -> None:
        if self.confirm_leave():
            super().reject()
