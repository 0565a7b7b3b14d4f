"""A card's follow-ups: what is open, with Done, Skip, Move and Add, and the two
turns a prospect takes — "not now" and a deal won or lost."""

import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prospect_desk.follow_ups import AgendaItem, card_follow_ups
from ui.follow_up_actions import ITEM_ROLE, complete_item, move_item, skip_item
from ui.follow_up_dialogs import AddFollowUpDialog, DealDialog, DeclineDialog
from ui.follow_up_text import OVERDUE_COLOUR, item_reason, kind_colour, kind_icon, kind_label


def agenda_tree_item(item: AgendaItem, today: datetime.date,
                     columns: list[str]) -> QTreeWidgetItem:
    """One follow-up as a row: columns among date, kind, card, reason."""
    texts = {"date": item.date.isoformat(), "kind": kind_label(item.kind),
             "card": item.card_name, "reason": item_reason(item)}
    row = QTreeWidgetItem([texts[c] for c in columns])
    kind_column = columns.index("kind")
    row.setIcon(kind_column, kind_icon(item.kind))
    row.setForeground(kind_column, QBrush(kind_colour(item.kind)))
    if item.date < today and item.status == "open":
        row.setForeground(columns.index("date"), QBrush(QColor(OVERDUE_COLOUR)))
    if "reason" in columns:
        row.setToolTip(columns.index("reason"), texts["reason"])
    row.setData(0, ITEM_ROLE, item)
    return row


class FollowUpPanel(QWidget):
    """`changed(card_id)` follows anything done here: the history, the card's
    stage and the calendar may all have moved."""

    changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._card_id: int | None = None
        self.today = datetime.date.today()
        self.title = QLabel(self.tr("Open follow-ups"))
        self.title.setStyleSheet("font-weight: 600;")
        self.entries = QTreeWidget()
        self.entries.setObjectName("cardFollowUps")
        self.entries.setRootIsDecorated(False)
        self.entries.setHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Why")])
        header = self.entries.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.entries.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.entries.itemDoubleClicked.connect(lambda *_: self.done())

        self.done_button = QPushButton(self.tr("Done…"))
        self.done_button.clicked.connect(self.done)
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.clicked.connect(self.skip)
        self.move_button = QPushButton(self.tr("Move…"))
        self.move_button.clicked.connect(self.move)
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.clicked.connect(self.add)
        self.decline_button = QPushButton(self.tr("Mark declined…"))
        self.decline_button.setToolTip(self.tr("The prospect said “not now”: record the real "
                                               "reason and plan the revisit"))
        self.decline_button.clicked.connect(self.mark_declined)
        self.deal_button = QPushButton(self.tr("Record deal…"))
        self.deal_button.setToolTip(self.tr("A deal won or lost, and what follows it"))
        self.deal_button.clicked.connect(self.record_deal)

        item_row = QHBoxLayout()
        for button in (self.done_button, self.skip_button, self.move_button):
            item_row.addWidget(button)
        item_row.addStretch()
        item_row.addWidget(self.add_button)
        card_row = QHBoxLayout()
        card_row.addWidget(self.decline_button)
        card_row.addWidget(self.deal_button)
        card_row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.entries, 1)
        layout.addLayout(item_row)
        layout.addLayout(card_row)
        self.show_card(None)

    @property
    def card_id(self) -> int | None:
        return self._card_id

    def show_card(self, card_id: int | None) -> None:
        self._card_id = card_id
        self.setEnabled(card_id is not None)
        self.reload()

    def reload(self) -> None:
        self.today = datetime.date.today()
        self.entries.clear()
        if self._card_id is not None:
            for item in card_follow_ups(self._card_id, self.today):
                self.entries.addTopLevelItem(
                    agenda_tree_item(item, self.today, ["date", "kind", "reason"]))
        self._update_buttons()

    def items(self) -> list[AgendaItem]:
        return [self.entries.topLevelItem(i).data(0, ITEM_ROLE)
                for i in range(self.entries.topLevelItemCount())]

    def current_item(self) -> AgendaItem | None:
        row = self.entries.currentItem()
        return row.data(0, ITEM_ROLE) if row is not None else None

    def _update_buttons(self) -> None:
        chosen = self.current_item() is not None
        for button in (self.done_button, self.skip_button, self.move_button):
            button.setEnabled(chosen)

    def _changed(self) -> None:
        self.reload()
        self.changed.emit(self._card_id)

    def done(self) -> None:
        item = self.current_item()
        if item is not None and complete_item(self, item, self.today):
            self._changed()

    def skip(self) -> None:
        item = self.current_item()
        if item is not None and skip_item(item, self.today):
            self._changed()

    def move(self) -> None:
        item = self.current_item()
        if item is not None and move_item(self, item):
            self._changed()

    def add(self) -> None:
        if self._card_id is None:
            return
        if AddFollowUpDialog(self._card_id, self.today, self).exec() == QDialog.DialogCode.Accepted:
            self._changed()

    def mark_declined(self) -> None:
        if self._card_id is None:
            return
        if DeclineDialog(self._card_id, self.today, self).exec() == QDialog.DialogCode.Accepted:
            self._changed()

    def record_deal(self) -> None:
        if self._card_id is None:
            return
        if DealDialog(self._card_id, self.today, self).exec() == QDialog.DialogCode.Accepted:
            self._changed()
