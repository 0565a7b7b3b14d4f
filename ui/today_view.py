"""Today: what is overdue (kept apart, in red, until dealt with), what is due
today and what comes in the next seven days, each done, skipped or moved with
a click; a double click opens the card."""

import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prospect_desk.follow_ups import AgendaItem, today_view
from ui.follow_up_actions import AgendaActions
from ui.follow_up_panel import ITEM_ROLE, agenda_tree_item
from ui.follow_up_text import OVERDUE_COLOUR

COLUMNS = ["date", "kind", "card", "reason"]
UPCOMING_DAYS = 7


class TodayView(AgendaActions, QWidget):
    """`openCard(card_id)` asks the window to show a card; `changed(card_id)`
    follows a follow-up done, skipped or moved here."""

    openCard = Signal(int)
    changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today = datetime.date.today()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.summary = QLabel()
        self.tree = QTreeWidget()
        self.tree.setObjectName("todayList")
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Card"),
                                   self.tr("Why")])
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.itemActivated.connect(self._activated)

        self.done_button = QPushButton(self.tr("Done…"))
        self.done_button.clicked.connect(self.done)
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.clicked.connect(self.skip)
        self.move_button = QPushButton(self.tr("Move…"))
        self.move_button.clicked.connect(self.move)
        self.open_button = QPushButton(self.tr("Open card"))
        self.open_button.clicked.connect(self.open_current)
        self.print_button = QPushButton(self.tr("Print call sheet…"))
        self.print_button.setObjectName("todayPrintCallSheet")
        self.print_button.clicked.connect(self.print_call_sheet)
        buttons = QHBoxLayout()
        for button in (self.done_button, self.skip_button, self.move_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.print_button)
        hint = QLabel(self.tr("Double-click a line to open its card."))
        hint.setStyleSheet("color: palette(mid);")

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        self.groups: dict[str, QTreeWidgetItem] = {}

    def reload(self, today: datetime.date | None = None) -> None:
        self.today = today or datetime.date.today()
        view = today_view(self.today, UPCOMING_DAYS)
        self.title.setText(self.tr("Today, %1").replace("%1", self.today.isoformat()))
        self.summary.setText(
            self.tr("%1 overdue · %2 today · %3 in the next 7 days")
            .replace("%1", str(len(view.overdue))).replace("%2", str(len(view.today)))
            .replace("%3", str(len(view.upcoming))))
        self.tree.clear()
        self.groups = {}
        for key, title, items in (
                ("overdue", self.tr("Overdue"), view.overdue),
                ("today", self.tr("Today"), view.today),
                ("upcoming", self.tr("Next 7 days"), view.upcoming)):
            if key != "today" and not items:
                continue
            group = QTreeWidgetItem([f"{title} ({len(items)})"])
            group.setFirstColumnSpanned(True)
            font = QFont(group.font(0))
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if key == "overdue":
                group.setForeground(0, QBrush(QColor(OVERDUE_COLOUR)))
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for item in items:
                group.addChild(agenda_tree_item(item, self.today, COLUMNS))
            if not items:
                empty = QTreeWidgetItem([self.tr("Nothing due today.")])
                empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.addChild(empty)
                empty.setFirstColumnSpanned(True)
            group.setExpanded(True)
            self.groups[key] = group
        self._update_buttons()

    def group_items(self, key: str) -> list[AgendaItem]:
        group = self.groups.get(key)
        if group is None:
            return []
        found = (group.child(i).data(0, ITEM_ROLE) for i in range(group.childCount()))
        return [item for item in found if item is not None]

    def row_of(self, key: str, index: int) -> QTreeWidgetItem:
        return self.groups[key].child(index)

    def current_item(self) -> AgendaItem | None:
        row = self.tree.currentItem()
        return row.data(0, ITEM_ROLE) if row is not None else None

    def _update_buttons(self) -> None:
        chosen = self.current_item() is not None
        for button in (self.done_button, self.skip_button, self.move_button, self.open_button):
            button.setEnabled(chosen)


    def open_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.openCard.emit(item.card_id)

    def print_call_sheet(self) -> QWidget:
        """The call sheet dialog, set to the day shown here."""
        from ui.call_sheet_print import CallSheetDialog

        dialog = CallSheetDialog(self.today, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog




