"""The small dialogs of the follow-up calendar: what came of a follow-up, another
date, a follow-up of one's own, "not now" with its real reason, and a deal won
or lost. Each dialog calls the core on OK and stays open, saying what is wrong,
when the core refuses."""

import datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
)

from prospect_desk import follow_up_rules, follow_ups, rule_settings
from prospect_desk.enums import DeclineReason, FollowUpKind
from prospect_desk.follow_up_rules import RuleError
from ui.follow_up_text import kind_icon, kind_label, rule_error_text, to_date
from ui.labels import (
    ACTIVITY_KINDS,
    DECLINE_REASONS,
    LOST_REASONS,
    REPEATS,
    SELF_REVIEW_QUESTIONS,
    label,
)

ERROR_STYLE = "color: #c62828;"


def date_edit(value: datetime.date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _error_label() -> QLabel:
    error = QLabel()
    error.setObjectName("dialogError")
    error.setWordWrap(True)
    error.setStyleSheet(ERROR_STYLE)
    error.hide()
    return error


class _RuleDialog(QDialog):
    """OK runs `apply()`; a RuleError keeps the dialog open with its message."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.error = _error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def apply(self) -> None:
        """Do what the dialog is for; raise RuleError to refuse."""

    def accept(self) -> None:
        try:
            self.apply()
        except RuleError as error:
            self.show_error(rule_error_text(error))
            return
        super().accept()


class OutcomeDialog(QDialog):
    """What came of a follow-up, and how it was done (logged in the history)."""

    def __init__(self, what: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Follow-up done"))
        self.what = QLabel(what)
        self.what.setWordWrap(True)
        self.how = QComboBox()
        for key in ACTIVITY_KINDS:
            self.how.addItem(label(ACTIVITY_KINDS, key), key)
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText(self.tr("What came of it…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("How"), self.how)
        form.addRow(self.tr("Outcome"), self.outcome)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def outcome_text(self) -> str:
        return self.outcome.text().strip()

    def activity_kind(self) -> str:
        return self.how.currentData()


class DatePickDialog(QDialog):
    """Another date for a follow-up."""

    def __init__(self, current: datetime.date, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move to another date"))
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self.calendar.activated.connect(lambda _d: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.calendar)
        layout.addWidget(buttons)

    def set_date(self, value: datetime.date) -> None:
        self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))

    def chosen_date(self) -> datetime.date:
        return to_date(self.calendar.selectedDate())


class AddFollowUpDialog(_RuleDialog):
    """A follow-up the user sets: kind, date, note, repeat."""

    def __init__(self, card_id: int, today: datetime.date, parent=None):
        super().__init__(parent)
        self.card_id = card_id
        self.follow_up_id: int | None = None
        self.setWindowTitle(self.tr("Add a follow-up"))
        self.kind = QComboBox()
        for kind in FollowUpKind:
            if kind.value in follow_up_rules.BIRTHDAY_KINDS:
                continue
            self.kind.addItem(kind_icon(kind.value), kind_label(kind.value), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(FollowUpKind.MANUAL.value))
        self.date = date_edit(today)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What to do, what to bring…"))
        self.repeat = QComboBox()
        for key in REPEATS:
            self.repeat.addItem(label(REPEATS, key), key)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Repeat"), self.repeat)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())

    def apply(self) -> None:
        self.follow_up_id = follow_ups.add_follow_up(
            self.card_id, self.kind.currentData(), to_date(self.date.date()),
            self.note.text(), self.repeat.currentData())


class DeclineDialog(_RuleDialog):
    """The prospect said "not now": the real reason, and when to come back."""

    def __init__(self, card_id: int, today: datetime.date, parent=None):
        super().__init__(parent)
        self.card_id = card_id
        self.today = today
        self.follow_up_id: int | None = None
        self.setWindowTitle(self.tr("Mark declined"))
        intro = QLabel(self.tr("“No” usually means “not now”. Record the real reason, so the "
                               "revisit can answer it."))
        intro.setWordWrap(True)
        self.reason = QComboBox()
        for key in DECLINE_REASONS:
            self.reason.addItem(label(DECLINE_REASONS, key), key)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        self.note.setPlaceholderText(self.tr("What exactly did they say? (required for “Other”)"))
        self.revisit = date_edit(today)
        self.revisit.setMinimumDate(QDate(today.year, today.month, today.day))
        self.reason.currentIndexChanged.connect(self._default_revisit)
        form = QFormLayout()
        form.addRow(self.tr("Real reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Revisit on"), self.revisit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._default_revisit()
        self.resize(460, self.sizeHint().height())

    def _default_revisit(self, *_args) -> None:
        key = ("decline_revisit_days_cash_shortage"
               if self.reason.currentData() == DeclineReason.CASH_SHORTAGE
               else "decline_revisit_days")
        day = self.today + datetime.timedelta(days=rule_settings.get(key))
        self.revisit.setDate(QDate(day.year, day.month, day.day))

    def set_reason(self, reason: str) -> None:
        self.reason.setCurrentIndex(self.reason.findData(reason))

    def apply(self) -> None:
        self.follow_up_id = follow_up_rules.mark_declined(
            self.card_id, self.reason.currentData(), self.note.toPlainText(),
            to_date(self.revisit.date()), today=self.today)


class DealDialog(_RuleDialog):
    """A deal won or lost, and what follows it (DOMAIN §6)."""

    def __init__(self, card_id: int, today: datetime.date, parent=None):
        super().__init__(parent)
        self.card_id = card_id
        self.today = today
        self.deal_id: int | None = None
        self.setWindowTitle(self.tr("Record deal"))
        self.date = date_edit(today)
        self.product = QLineEdit()
        self.amount = QDoubleSpinBox()
        self.amount.setRange(0, 1e10)
        self.amount.setDecimals(2)
        self.amount.setGroupSeparatorShown(True)
        self.won = QRadioButton(self.tr("Won"))
        self.lost = QRadioButton(self.tr("Lost"))
        self.won.setChecked(True)
        outcome = QButtonGroup(self)
        outcome.addButton(self.won)
        outcome.addButton(self.lost)
        outcome_row = QHBoxLayout()
        outcome_row.addWidget(self.won)
        outcome_row.addWidget(self.lost)
        outcome_row.addStretch()

        self.won_box = QGroupBox(self.tr("After the sale"))
        self.has_delivery = QCheckBox(self.tr("Delivery on"))
        self.has_delivery.setChecked(True)
        self.delivery = date_edit(today)
        self.has_delivery.toggled.connect(self.delivery.setEnabled)
        delivery_row = QHBoxLayout()
        delivery_row.addWidget(self.has_delivery)
        delivery_row.addWidget(self.delivery)
        delivery_row.addStretch()
        self.install_test = QCheckBox(self.tr("Test the installation"))
        self.training = QCheckBox(self.tr("Train use and upkeep"))
        won_layout = QVBoxLayout(self.won_box)
        won_layout.addLayout(delivery_row)
        won_layout.addWidget(self.install_test)
        won_layout.addWidget(self.training)

        self.lost_box = QGroupBox(self.tr("Why it was lost, and a look at yourself"))
        self.lost_reason = QComboBox()
        self.lost_reason.addItem(self.tr("(choose)"), None)
        for key in LOST_REASONS:
            self.lost_reason.addItem(label(LOST_REASONS, key), key)
        lost_form = QFormLayout(self.lost_box)
        lost_form.addRow(self.tr("Reason"), self.lost_reason)
        self.review: dict[str, QComboBox] = {}
        for key in SELF_REVIEW_QUESTIONS:
            answer = QComboBox()
            answer.addItem("—", None)
            answer.addItem(self.tr("Yes"), True)
            answer.addItem(self.tr("No"), False)
            question = QLabel(label(SELF_REVIEW_QUESTIONS, key))
            question.setWordWrap(True)
            lost_form.addRow(question, answer)
            self.review[key] = answer

        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(54)
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Product"), self.product)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Outcome"), outcome_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.won_box)
        layout.addWidget(self.lost_box)
        notes_form = QFormLayout()
        notes_form.addRow(self.tr("Note"), self.notes)
        layout.addLayout(notes_form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.won.toggled.connect(self._show_outcome)
        self._show_outcome()
        self.resize(520, self.sizeHint().height())

    def _show_outcome(self, *_args) -> None:
        self.won_box.setVisible(self.won.isChecked())
        self.lost_box.setVisible(self.lost.isChecked())
        self.error.hide()
        self.adjustSize()

    def set_review(self, answers: dict[str, bool]) -> None:
        for key, yes in answers.items():
            combo = self.review[key]
            combo.setCurrentIndex(combo.findData(yes))

    def apply(self) -> None:
        won = self.won.isChecked()
        review = {key: combo.currentData() for key, combo in self.review.items()
                  if combo.currentData() is not None}
        self.deal_id = follow_up_rules.record_deal(
            self.card_id, to_date(self.date.date()), self.product.text(),
            round(self.amount.value() * 100), "won" if won else "lost",
            delivery_date=(to_date(self.delivery.date())
                           if won and self.has_delivery.isChecked() else None),
            install_test=won and self.install_test.isChecked(),
            training=won and self.training.isChecked(),
            lost_reason=None if won else self.lost_reason.currentData(),
            self_review=None if won else review,
            notes=self.notes.toPlainText(), today=self.today)


