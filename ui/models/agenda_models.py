"""Follow-up lists as Qt item models over `prospect_desk.agenda_query`: a
section is counted per day by SQL, and its rows are read a page at a time as
the view scrolls to them (canFetchMore / fetchMore), so a list of thousands
shows as fast as a list of ten."""

import datetime

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from prospect_desk.agenda_query import AgendaSection, SectionPages
from prospect_desk.follow_ups import AgendaItem
from ui.follow_up_actions import ITEM_ROLE
from ui.follow_up_text import (
    KIND_COLOURS,
    OVERDUE_COLOUR,
    item_reason,
    kind_colour,
    kind_icon,
    kind_label,
)

PAGE_SIZE = 100
DONE_COLOUR = "#9e9e9e"

_HEADERS = {
    "date": lambda: QCoreApplication.translate("AgendaModel", "Date"),
    "kind": lambda: QCoreApplication.translate("AgendaModel", "Kind"),
    "card": lambda: QCoreApplication.translate("AgendaModel", "Card"),
    "reason": lambda: QCoreApplication.translate("AgendaModel", "Why"),
}


_brushes: dict[str, QBrush] = {}


def _brush(colour: str) -> QBrush:
    brush = _brushes.get(colour)
    if brush is None:
        brush = _brushes[colour] = QBrush(QColor(colour))
    return brush


def item_texts(item: AgendaItem) -> dict[str, str]:
    """The texts of a follow-up's columns (worked out once per line shown)."""
    return {"date": item.date.isoformat(), "kind": kind_label(item.kind),
            "card": item.card_name, "reason": item_reason(item)}


def item_data(item: AgendaItem, column: str, role: int, today: datetime.date,
              texts: dict[str, str] | None = None):
    """What a follow-up shows in one column for one role."""
    if role == Qt.ItemDataRole.DisplayRole:
        return (texts or item_texts(item))[column]
    if role == ITEM_ROLE:
        return item
    if role == Qt.ItemDataRole.ForegroundRole:
        if item.status != "open":
            return _brush(DONE_COLOUR)
        if column == "kind":
            return _brush(KIND_COLOURS.get(item.kind, KIND_COLOURS["manual"]))
        if column == "date" and item.date < today:
            return _brush(OVERDUE_COLOUR)
        return None
    if role == Qt.ItemDataRole.DecorationRole and column == "kind":
        return kind_icon(item.kind)
    if role == Qt.ItemDataRole.ToolTipRole:
        texts = texts or item_texts(item)
        why = texts["reason"]
        if column == "reason":
            return why or None
        if column == "card":  # all of it, where the name may be cut short
            return f"{item.card_name}\n{texts['date']} {texts['kind']}" + (
                f"\n{why}" if why and why != texts["kind"] else "")
    return None


class _Rows:
    """A section's rows fetched so far."""

    def __init__(self, section: AgendaSection | None, page_size: int = PAGE_SIZE,
                 per_day: dict | None = None):
        self.pages = SectionPages(section, per_day) if section is not None else None
        self.page_size = page_size
        self.items: list[AgendaItem] = []
        self._texts: dict[int, dict[str, str]] = {}
        if self.can_fetch():  # the first page at once: every view shows it
            self.items = self.next_page()

    def texts(self, row: int) -> dict[str, str]:
        texts = self._texts.get(row)
        if texts is None:
            texts = self._texts[row] = item_texts(self.items[row])
        return texts

    @property
    def total(self) -> int:
        return self.pages.total if self.pages is not None else 0

    def can_fetch(self) -> bool:
        return len(self.items) < self.total

    def next_page(self) -> list[AgendaItem]:
        return self.pages.rows(len(self.items), self.page_size)


class AgendaListModel(QAbstractTableModel):
    """One section as a flat list with the given columns (date, kind, card, reason)."""

    def __init__(self, columns: list[str], parent=None, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self.columns = columns
        self.page_size = page_size
        self.today = datetime.date.today()
        self._rows = _Rows(None)

    def set_section(self, section: AgendaSection | None, today: datetime.date,
                    per_day: dict | None = None) -> None:
        """Show the section: counted (unless `per_day` says how many fall on
        each day already) and its first page read."""
        self.beginResetModel()
        self.today = today
        self._rows = _Rows(section, self.page_size, per_day)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._rows.total

    def items(self) -> list[AgendaItem]:
        """The rows fetched so far."""
        return list(self._rows.items)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows.items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._rows.can_fetch()

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or not self._rows.can_fetch():
            return
        page = self._rows.next_page()
        if not page:
            return
        first = len(self._rows.items)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.items += page
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return _HEADERS[self.columns[section]]()
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = index.row()
        if not index.isValid() or row >= len(self._rows.items):
            return None
        return item_data(self._rows.items[row], self.columns[index.column()], role, self.today,
                         self._rows.texts(row))


class GroupedAgendaModel(QAbstractItemModel):
    """Sections as groups of a tree (overdue, today, next days...): each group
    row says its title and count, its children are fetched a page at a time.
    A group whose section is empty shows `empty_text` as its only child when
    it is kept, or is left out."""

    def __init__(self, columns: list[str], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.today = datetime.date.today()
        self.groups: list[tuple[str, str, QColor | None, _Rows, str | None]] = []

    def set_groups(self, groups: list[tuple[str, str, QColor | None, AgendaSection, str | None]],
                   today: datetime.date) -> None:
        """(key, title, title colour, section, text when empty or None to drop it)."""
        self.beginResetModel()
        self.today = today
        self.groups = []
        for key, title, colour, section, empty_text in groups:
            rows = _Rows(section)
            if rows.total or empty_text is not None:
                self.groups.append((key, title, colour, rows, empty_text))
        self.endResetModel()

    def keys(self) -> list[str]:
        return [group[0] for group in self.groups]

    def group_row(self, key: str) -> int | None:
        return next((i for i, group in enumerate(self.groups) if group[0] == key), None)

    def group_total(self, key: str) -> int:
        row = self.group_row(key)
        return self.groups[row][3].total if row is not None else 0

    def group_items(self, key: str) -> list[AgendaItem]:
        row = self.group_row(key)
        return list(self.groups[row][3].items) if row is not None else []

    # --- the tree ------------------------------------------------------------------
    def index(self, row, column, parent=QModelIndex()):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index=QModelIndex()):
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def _children(self, group: int) -> int:
        rows, empty_text = self.groups[group][3], self.groups[group][4]
        return len(rows.items) if rows.total else (1 if empty_text is not None else 0)

    def rowCount(self, parent=QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return self._children(parent.row())
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(self.columns)

    def hasChildren(self, parent=QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self.groups)
        return parent.internalId() == 0 and parent.column() == 0

    # QTreeView asks every expanded group for more at each layout, before
    # anything is seen (and then as many pages as it guesses fit), so the
    # tree fetches by itself with `fetch_group` when a group's last line
    # comes into view (see today_view.GroupedTreeView).
    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return False

    def group_can_fetch(self, row: int) -> bool:
        return 0 <= row < len(self.groups) and self.groups[row][3].can_fetch()

    def fetch_group(self, row: int) -> None:
        if not self.group_can_fetch(row):
            return
        rows = self.groups[row][3]
        page = rows.next_page()
        if not page:
            return
        first = len(rows.items)
        self.beginInsertRows(self.index(row, 0), first, first + len(page) - 1)
        rows.items += page
        self.endInsertRows()

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0 or self.item(index) is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def item(self, index) -> AgendaItem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        items = self.groups[index.internalId() - 1][3].items
        return items[index.row()] if index.row() < len(items) else None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return _HEADERS[self.columns[section]]()
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        item = self.item(index)
        rows = self.groups[index.internalId() - 1][3]
        if item is None:  # the empty group's line
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return self.groups[index.internalId() - 1][4]
            return None
        return item_data(item, self.columns[index.column()], role, self.today,
                         rows.texts(index.row()))

    def _group_data(self, index, role):
        if index.column() != 0:
            return None
        _key, title, colour, rows, _empty = self.groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{title} ({rows.total})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and colour is not None:
            return QBrush(colour)
        return None


class WeekDayDelegate(QStyledItemDelegate):
    """A follow-up in a week column: a bar in its kind's colour, the card's
    name, and below the kind's icon and name in that colour (done ones greyed)."""

    def sizeHint(self, option, index) -> QSize:
        height = option.fontMetrics.height()
        return QSize(80, height * 2 + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        item: AgendaItem | None = index.data(ITEM_ROLE)
        if item is None:
            return super().paint(painter, option, index)
        painter.save()
        rect = option.rect.adjusted(1, 1, -1, -1)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = kind_colour(item.kind) if item.status == "open" else QColor(DONE_COLOUR)
        background = QColor(colour)
        background.setAlpha(110 if selected else 28)
        painter.fillRect(rect, background)
        painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), colour)
        text_rect = rect.adjusted(8, 2, -2, -2)
        line = option.fontMetrics.height()
        name_font = QFont(option.font)
        name_font.setBold(item.status == "open")
        painter.setFont(name_font)
        painter.setPen(option.palette.text().color() if item.status == "open"
                       else QColor(DONE_COLOUR))
        top = QRect(text_rect.left(), text_rect.top(), text_rect.width(), line)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(item.card_name,
                                                          Qt.TextElideMode.ElideRight,
                                                          top.width()))
        painter.setFont(option.font)
        painter.setPen(colour)
        icon = min(line, 14)
        icon_top = text_rect.top() + line + (line - icon) // 2
        kind_icon(item.kind).paint(
            painter, QRect(text_rect.left(), icon_top, icon, icon),
            mode=QIcon.Mode.Normal if item.status == "open" else QIcon.Mode.Disabled)
        bottom = QRect(text_rect.left() + icon + 3, text_rect.top() + line,
                       text_rect.width() - icon - 3, line)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         option.fontMetrics.elidedText(kind_label(item.kind),
                                                       Qt.TextElideMode.ElideRight,
                                                       bottom.width()))
        painter.restore()
