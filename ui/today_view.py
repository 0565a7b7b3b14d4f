"""Today: what is overdue (kept apart, in red, until dealt with), what is due
today and what comes in the next seven days, each done, skipped or moved with
a click; a double click opens the card.

The list is a tree model over SQL (`ui.models.agenda_models`): each group is
counted by day and its lines are read a page at a time as they scroll into
view, so thousands of follow-ups show as fast as ten."""

import datetime

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from prospect_desk.agenda_query import overdue_section, range_section
from prospect_desk.follow_ups import OPEN_ONLY, AgendaItem
from ui.follow_up_actions import ITEM_ROLE, AgendaActions
from ui.follow_up_text import OVERDUE_COLOUR
from ui.models.agenda_models import GroupedAgendaModel

COLUMNS = ["date", "kind", "card", "reason"]
UPCOMING_DAYS = 7
SIZED_FROM_LINES = 50
"""The first columns fit this many lines about the top, not every line read
(measuring 200 lines took two thirds of the first fill at start-up)."""


class GroupedTreeView(QTreeView):
    """A tree of groups whose lines are fetched as they come into view: each
    group's last line read is checked on scrolling and resizing."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.fetch_visible())
        self.collapsed.connect(lambda _index: self.fetch_visible())  # the next group shows

    def fetch_visible(self) -> None:
        model = self.model()
        if model is None:
            return
        height = self.viewport().height()
        for row in range(model.rowCount()):
            group = model.index(row, 0)
            if not (self.isExpanded(group) and model.group_can_fetch(row)):
                continue
            last = model.index(model.rowCount(group) - 1, 0, group)
            if self.visualRect(last).top() < height:
                model.fetch_group(row)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fetch_visible()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.fetch_visible()


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
        self.model = GroupedAgendaModel(COLUMNS, self)
        self.tree = GroupedTreeView()
        self.tree.setObjectName("todayList")
        self.tree.setModel(self.model)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(SIZED_FROM_LINES)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.tree.activated.connect(self._activated)

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
        self._sized = False

    @property
    def groups(self) -> list[str]:
        """The groups shown: overdue and the next days only when they have lines."""
        return self.model.keys()

    def reload(self, today: datetime.date | None = None) -> None:
        """Count and show the groups afresh (a few indexed queries; the lines
        come a page at a time). The line chosen before stays chosen, or the
        one now in its place, so a list can be worked down with Done."""
        self.today = today or datetime.date.today()
        chosen = self.tree.currentIndex()
        keep = (self.model.groups[chosen.internalId() - 1][0], chosen.row()) \
            if chosen.isValid() and chosen.internalId() else None
        upcoming_start = self.today + datetime.timedelta(days=1)
        self.model.set_groups([
            ("overdue", self.tr("Overdue"), QColor(OVERDUE_COLOUR),
             overdue_section(self.today), None),
            ("today", self.tr("Today"), None,
             range_section(self.today, self.today, OPEN_ONLY), self.tr("Nothing due today.")),
            ("upcoming", self.tr("Next 7 days"), None,
             range_section(upcoming_start,
                           self.today + datetime.timedelta(days=UPCOMING_DAYS), OPEN_ONLY), None),
        ], self.today)
        self.title.setText(self.tr("Today, %1").replace("%1", self.today.isoformat()))
        self.summary.setText(
            self.tr("%1 overdue · %2 today · %3 in the next 7 days")
            .replace("%1", str(self.model.group_total("overdue")))
            .replace("%2", str(self.model.group_total("today")))
            .replace("%3", str(self.model.group_total("upcoming"))))
        root = QModelIndex()
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, root, True)
            if not self.model.group_total(self.model.keys()[row]):
                self.tree.setFirstColumnSpanned(0, self.model.index(row, 0), True)
        self.tree.expandAll()  # one layout for all groups
        if not self._sized and any(self.model.group_total(k) for k in self.groups):
            # Fit the first columns to what the first lines hold, once.
            self._sized = True
            for column in range(len(COLUMNS) - 1):
                self.tree.resizeColumnToContents(column)
        if self.tree.isVisible():  # else when it shows (laying out a hidden tree is wasted)
            self.tree.fetch_visible()
        if keep is not None:
            self._choose_near(*keep)
        self._update_buttons()

    def _choose_near(self, key: str, row: int) -> None:
        group_row = self.model.group_row(key)
        if group_row is None:
            return
        group = self.model.index(group_row, 0)
        count = self.model.rowCount(group)
        if count and self.model.group_total(key):
            index = self.model.index(min(row, count - 1), 0, group)
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def group_items(self, key: str) -> list[AgendaItem]:
        """The lines of a group read so far (all of them in a short list)."""
        return self.model.group_items(key)

    def row_of(self, key: str, index: int) -> QModelIndex:
        return self.model.index(index, 0, self.model.index(self.model.group_row(key), 0))

    def current_item(self) -> AgendaItem | None:
        index = self.tree.currentIndex()
        return index.data(ITEM_ROLE) if index.isValid() else None

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
