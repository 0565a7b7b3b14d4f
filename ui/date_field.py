"""A date the user may leave empty, typed as 2025-03-04, 2025/3/4 or 2025年3月4日,
or picked from a calendar."""

import datetime

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from prospect_desk.validation import DateParseError, parse_date


class DateField(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textEdited.connect(lambda _text: self.changed.emit())
        self.edit.editingFinished.connect(self._tidy)
        self.button = QToolButton()
        self.button.setText("…")
        self.button.setToolTip(self.tr("Pick a date"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        self.calendar = QCalendarWidget()
        self.calendar.clicked.connect(self._picked)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)

    def text(self) -> str:
        return self.edit.text()

    def set_date(self, value: datetime.date | None) -> None:
        self.edit.setText(value.isoformat() if value else "")

    def date(self) -> datetime.date | None:
        """The date typed; raises DateParseError when it is not one."""
        return parse_date(self.edit.text())

    def _tidy(self) -> None:
        """Show a valid date in one spelling once the user leaves the field."""
        try:
            value = self.date()
        except DateParseError:
            return
        if value and self.edit.text() != value.isoformat():
            self.edit.setText(value.isoformat())

    def _prepare_calendar(self) -> None:
        try:
            value = self.date()
        except DateParseError:
            value = None
        value = value or datetime.date.today()
        self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))

    def _picked(self, qdate: QDate) -> None:
        self.set_date(datetime.date(qdate.year(), qdate.month(), qdate.day()))
        self.button.menu().hide()
        self.changed.emit()
