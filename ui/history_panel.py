"""A card's history: what happened, newest first, and a line to log a note or a contact."""

import datetime

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prospect_desk.history import add_activity, card_history, delete_activity
from ui.labels import ACTIVITY_KINDS, label


class HistoryPanel(QWidget):
    """`changed(card_id)` follows an added or removed entry (last contact may move)."""

    changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._card_id: int | None = None
        self.title = QLabel(self.tr("History"))
        self.title.setStyleSheet("font-weight: 600;")
        self.entries = QTreeWidget()
        self.entries.setObjectName("historyList")
        self.entries.setRootIsDecorated(False)
        self.entries.setHeaderLabels([self.tr("Date"), self.tr("What"), self.tr("Details")])
        header = self.entries.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.entries.setWordWrap(True)

        self.kind = QComboBox()
        for key in ACTIVITY_KINDS:
            self.kind.addItem(label(ACTIVITY_KINDS, key), key)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("What was said or done…"))
        self.text.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.entries.currentItemChanged.connect(
            lambda current, _prev: self.remove_button.setEnabled(current is not None))

        add_row = QHBoxLayout()
        add_row.addWidget(self.kind)
        add_row.addWidget(self.date)
        add_row.addWidget(self.text, 1)
        add_row.addWidget(self.add_button)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        title_row.addStretch()
        title_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(self.entries, 1)
        layout.addLayout(add_row)
        self.show_card(None)

    @property
    def card_id(self) -> int | None:
        return self._card_id

    def show_card(self, card_id: int | None) -> None:
        self._card_id = card_id
        self.setEnabled(card_id is not None)
        self.date.setDate(QDate.currentDate())
        self.text.clear()
        self.reload()

    def reload(self) -> None:
        self.entries.clear()
        if self._card_id is None:
            self.remove_button.setEnabled(False)
            return
        for entry in card_history(self._card_id):
            item = QTreeWidgetItem([entry.date.isoformat(), label(ACTIVITY_KINDS, entry.kind),
                                    entry.text])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(2, entry.text)
            self.entries.addTopLevelItem(item)
        self.remove_button.setEnabled(False)

    def add(self) -> None:
        if self._card_id is None:
            return
        text = self.text.text().strip()
        kind = self.kind.currentData()
        if not text and kind == "note":
            self.text.setFocus()
            return
        qdate = self.date.date()
        add_activity(self._card_id, kind, datetime.date(qdate.year(), qdate.month(), qdate.day()),
                     text)
        self.text.clear()
        self.reload()
        self.changed.emit(self._card_id)

    def remove_selected(self) -> None:
        item = self.entries.currentItem()
        if item is None or self._card_id is None:
            return
        answer = QMessageBox.question(self, self.tr("Remove entry"),
                                      self.tr("Remove this entry from the card's history?"))
        if answer == QMessageBox.StandardButton.Yes:
            delete_activity(item.data(0, Qt.ItemDataRole.UserRole))
            self.reload()
            self.changed.emit(self._card_id)
