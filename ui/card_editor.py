"""The card form: the fields of a company or an individual card, checked where
the user types them, with Save and Revert and a record of unsaved edits."""

import logging
import sqlite3

import peewee
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from prospect_desk.cards import (
    CardData,
    CardInvalidError,
    card_data,
    card_name,
    get_card,
    referred_by,
    save_card,
)
from prospect_desk.circles import circle_names
from prospect_desk.enums import Kind
from prospect_desk.validation import CardProblem, DateParseError, DateProblem
from ui.card_account import CardAccountBox
from ui.card_picker import CardPickerDialog
from ui.date_field import DateField
from ui.labels import CREDIT_STATUSES, KINDS, REFERRAL_SOURCES, STAGES, circle_name, label

TEXT_FIELDS = ["name", "address", "phone", "mobile", "fax", "email", "person_in_charge",
               "handler", "employer", "interests"]
DATE_FIELDS = ["first_contact", "transaction_date", "birthday"]
COMPANY_ONLY = {"fax", "person_in_charge", "handler"}
INDIVIDUAL_ONLY = {"employer", "interests", "birthday"}

ERROR_STYLE = "border: 1px solid #c62828; background: #fff3f3;"


class CardEditor(QWidget):
    """Edits one card. `saved(card_id)` follows a save; `dirtyChanged` tells
    whether there are unsaved edits; `openCard(card_id)` asks to show another."""

    saved = Signal(int)
    dirtyChanged = Signal(bool)
    openCard = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._card_id: int | None = None
        self._kind = Kind.INDIVIDUAL.value
        self._referrer_id: int | None = None
        self._dirty = False
        self._loading = False

        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: palette(mid);")
        self.account = CardAccountBox()  # top-customer mark, what is owed, lapse threshold

        self.texts: dict[str, QLineEdit] = {name: QLineEdit() for name in TEXT_FIELDS}
        self.texts["name"].setObjectName("nameEdit")
        self.dates: dict[str, DateField] = {name: DateField() for name in DATE_FIELDS}
        self.stage = QComboBox()
        self.credit = QComboBox()
        self.circle = QComboBox()
        self.referral_source = QComboBox()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        self.referrer_edit = QLineEdit()
        self.referrer_edit.setReadOnly(True)
        self.referrer_choose = QPushButton(self.tr("Choose…"))
        self.referrer_choose.clicked.connect(self.choose_referrer)
        self.referrer_clear = QPushButton(self.tr("Clear"))
        self.referrer_clear.clicked.connect(lambda: self._set_referrer(None, mark_dirty=True))
        self.referred = QLabel()
        self.referred.setWordWrap(True)
        self.referred.linkActivated.connect(lambda link: self.openCard.emit(int(link)))

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._rows: dict[str, QLabel] = {}
        referrer_row = QHBoxLayout()
        referrer_row.addWidget(self.referrer_edit, 1)
        referrer_row.addWidget(self.referrer_choose)
        referrer_row.addWidget(self.referrer_clear)
        referrer_box = QWidget()
        referrer_box.setLayout(referrer_row)
        referrer_row.setContentsMargins(0, 0, 0, 0)
        self._widgets = {
            **self.texts, **self.dates, "stage": self.stage, "credit_status": self.credit,
            "circle_id": self.circle, "referral_source": self.referral_source,
            "referrer_id": referrer_box, "referred": self.referred, "notes": self.notes,
        }
        order = ["name", "employer", "address", "phone", "mobile", "fax", "email",
                 "person_in_charge", "handler", "birthday", "first_contact", "transaction_date",
                 "interests", "stage", "credit_status", "circle_id", "referral_source",
                 "referrer_id", "referred", "notes"]
        for field in order:
            caption = QLabel()
            self._rows[field] = caption
            self.form.addRow(caption, self._widgets[field])

        self.errors = QLabel()
        self.errors.setObjectName("cardErrors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #c62828;")
        self.errors.hide()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        # The fields scroll; the title, the problems and Save/Revert stay in view.
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addLayout(self.form)
        fields_layout.addStretch()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.account)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.errors)
        layout.addLayout(buttons)

        for edit in self.texts.values():
            edit.textEdited.connect(self._mark_dirty)
        for field in self.dates.values():
            field.changed.connect(self._mark_dirty)
        for combo in (self.stage, self.credit, self.circle, self.referral_source):
            combo.currentIndexChanged.connect(self._mark_dirty)
        self.notes.textChanged.connect(self._mark_dirty)
        self._fill_combos()
        self.show_card(None)

    # --- which card -----------------------------------------------------------
    @property
    def card_id(self) -> int | None:
        return self._card_id

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    @property
    def is_new(self) -> bool:
        return self._card_id is None and self.isEnabled()

    def show_card(self, card_id: int | None) -> None:
        """Show a saved card, or nothing when `card_id` is None."""
        self._card_id = card_id
        self.account.show_card(card_id)
        if card_id is None:
            self._load(CardData())
            self.setEnabled(False)
            self.title.setText(self.tr("No card selected"))
            self.subtitle.setText(self.tr("Choose a card in the list, or create one."))
            return
        self.setEnabled(True)
        self._load(card_data(get_card(card_id)))

    def new_card(self, kind: str) -> None:
        self._card_id = None
        self.account.show_card(None)
        self.setEnabled(True)
        self._load(CardData(kind=kind))
        self.texts["name"].setFocus()

    def revert(self) -> None:
        if self._card_id is None and self.isEnabled():
            self.new_card(self._kind)
        else:
            self.show_card(self._card_id)

    def _load(self, data: CardData) -> None:
        self._loading = True
        self._kind = data.kind
        for name, edit in self.texts.items():
            edit.setText(getattr(data, name))
        for name, field in self.dates.items():
            field.set_date(getattr(data, name))
        self._select(self.stage, data.stage)
        self._select(self.credit, data.credit_status)
        self._select(self.circle, data.circle_id)
        self._select(self.referral_source, data.referral_source)
        self.notes.setPlainText(data.notes)
        self._set_referrer(data.referrer_id)
        self._show_referred()
        self._apply_kind()
        self._clear_errors()
        self._loading = False
        self._set_dirty(False)

    def _apply_kind(self) -> None:
        company = self._kind == Kind.COMPANY.value
        for field, caption in self._rows.items():
            visible = not ((company and field in INDIVIDUAL_ONLY)
                           or (not company and field in COMPANY_ONLY))
            self.form.setRowVisible(caption, visible)
        self.form.setRowVisible(self._rows["referred"], bool(self.referred.text()))
        self.retranslate()

    def retranslate(self) -> None:
        company = self._kind == Kind.COMPANY.value
        captions = {
            "name": self.tr("Company name") if company else self.tr("Name"),
            "employer": self.tr("Employer"),
            "address": self.tr("Address") if company else self.tr("Home address"),
            "phone": self.tr("Phone"),
            "mobile": self.tr("Mobile"),
            "fax": self.tr("Fax"),
            "email": self.tr("E-mail"),
            "person_in_charge": self.tr("Person in charge"),
            "handler": self.tr("Handler"),
            "birthday": self.tr("Birthday"),
            "first_contact": self.tr("First contact"),
            "transaction_date": self.tr("Transaction date"),
            "interests": self.tr("Interests"),
            "stage": self.tr("Stage"),
            "credit_status": self.tr("Credit status"),
            "circle_id": self.tr("Source circle"),
            "referral_source": self.tr("Referral source"),
            "referrer_id": self.tr("Referred by"),
            "referred": self.tr("Has referred"),
            "notes": self.tr("Notes"),
        }
        for field, caption in self._rows.items():
            text = captions[field]
            caption.setText(text + (" *" if field == "name" else ""))
        if self.isEnabled():
            name = self.texts["name"].text().strip()
            kind = label(KINDS, self._kind)
            if self._card_id is None:
                self.title.setText(self.tr("New company card") if company
                                   else self.tr("New individual card"))
                self.subtitle.setText(self.tr("Fields marked * are required."))
            else:
                self.title.setText(name)
                self.subtitle.setText(kind)

    def _fill_combos(self) -> None:
        for combo, table in ((self.stage, STAGES), (self.credit, CREDIT_STATUSES)):
            combo.clear()
            for key in table:
                combo.addItem(label(table, key), key)
        self.referral_source.clear()
        self.referral_source.addItem(self.tr("(none)"), None)
        for key in REFERRAL_SOURCES:
            self.referral_source.addItem(label(REFERRAL_SOURCES, key), key)
        self.reload_circles()

    def reload_circles(self) -> None:
        """Refill the circle choice after circles were added, renamed or removed."""
        loading, self._loading = self._loading, True
        current = self.circle.currentData()
        self.circle.clear()
        self.circle.addItem(self.tr("(no circle)"), None)
        for circle_id, builtin_key, name in circle_names():
            self.circle.addItem(circle_name(name, builtin_key), circle_id)
        self._select(self.circle, current)
        self._loading = loading

    @staticmethod
    def _select(combo: QComboBox, key) -> None:
        index = combo.findData(key)
        combo.setCurrentIndex(max(index, 0))

    # --- referrer -------------------------------------------------------------
    def choose_referrer(self) -> None:
        dialog = CardPickerDialog(self, exclude_id=self._card_id)
        if dialog.exec() and dialog.chosen_id() is not None:
            self._set_referrer(dialog.chosen_id(), mark_dirty=True)

    def _set_referrer(self, card_id: int | None, mark_dirty: bool = False) -> None:
        self._referrer_id = card_id
        self.referrer_edit.setText(card_name(card_id))
        self.referrer_clear.setEnabled(card_id is not None)
        if mark_dirty:
            self._mark_dirty()

    def _show_referred(self) -> None:
        people = referred_by(self._card_id) if self._card_id else []
        self.referred.setText(", ".join(f'<a href="{cid}">{name}</a>' for cid, name in people))

    # --- editing ----------------------------------------------------------------
    def _mark_dirty(self, *_args) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def collect(self) -> tuple[CardData | None, dict[str, str]]:
        """The card as typed, or None with a message for each field in error."""
        errors: dict[str, str] = {}
        values = {name: edit.text() for name, edit in self.texts.items()}
        for name, field in self.dates.items():
            try:
                values[name] = field.date()
            except DateParseError as error:
                errors[name] = (self.tr("“%1” is not a date that exists.")
                                if error.problem == DateProblem.IMPOSSIBLE
                                else self.tr("“%1” is not a date: type it as 2025-03-04."))
                errors[name] = errors[name].replace("%1", error.text)
        if errors:
            return None, errors
        data = CardData(kind=self._kind, stage=self.stage.currentData(),
                        credit_status=self.credit.currentData(),
                        circle_id=self.circle.currentData(),
                        referral_source=self.referral_source.currentData(),
                        referrer_id=self._referrer_id, notes=self.notes.toPlainText(), **values)
        return data, {}

    def save(self) -> bool:
        """Save the edits; on a problem, show it beside the field and return False."""
        data, errors = self.collect()
        if data is not None:
            try:
                self._card_id = save_card(self._card_id, data)
            except CardInvalidError as invalid:
                errors = {e.field: self._problem_text(e.problem) for e in invalid.errors}
            except (peewee.OperationalError, sqlite3.OperationalError) as failure:
                self._write_failed(failure)  # rolled back; the edits stay, unsaved
                return False
        if errors:
            self._show_errors(errors)
            return False
        self._clear_errors()
        self._set_dirty(False)
        self.retranslate()
        self.saved.emit(self._card_id)
        return True

    def _write_failed(self, failure: Exception) -> None:
        logging.getLogger(__name__).warning("Saving a card failed: %s", failure)
        reason = str(failure).lower()
        if "full" in reason:
            text = self.tr("The card could not be saved because the disk is full. Nothing "
                           "was changed in the card file, and what you typed is still here: "
                           "free some space, then save again.")
        elif "readonly" in reason or "read-only" in reason:
            text = self.tr("The card could not be saved because the card file cannot be "
                           "written (it is read-only). What you typed is still here.")
        else:
            text = self.tr("The card could not be saved: %1. Nothing was changed in the card "
                           "file, and what you typed is still here.").replace("%1", str(failure))
        QMessageBox.warning(self, self.tr("Card not saved"), text)

    def _problem_text(self, problem: CardProblem) -> str:
        return {
            CardProblem.NAME_REQUIRED: self.tr("A card needs a name."),
            CardProblem.EMAIL_INVALID: self.tr("This is not an e-mail address."),
            CardProblem.BIRTHDAY_IN_FUTURE: self.tr("A birthday cannot be in the future."),
            CardProblem.REFERRER_IS_SELF: self.tr("A card cannot refer itself."),
        }[problem]

    def _show_errors(self, errors: dict[str, str]) -> None:
        self._clear_errors()
        for field in errors:
            widget = self._widgets[field]
            target = widget.edit if isinstance(widget, DateField) else widget
            target.setStyleSheet(ERROR_STYLE)
        self.errors.setText("\n".join(
            f"{self._rows[field].text().rstrip(' *')}: {message}"
            for field, message in errors.items()))
        self.errors.show()
        first = self._widgets[next(iter(errors))]
        (first.edit if isinstance(first, DateField) else first).setFocus()

    def _clear_errors(self) -> None:
        for widget in self._widgets.values():
            (widget.edit if isinstance(widget, DateField) else widget).setStyleSheet("")
        self.errors.hide()
        self.errors.clear()
