"""The card list as a Qt table model over SQL: the query gives ordered ids,
rows are fetched a page at a time as the view asks for them."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from prospect_desk.card_query import (
    LIST_COLUMNS,
    CardFilter,
    CardRow,
    ListColumn,
    card_ids,
    card_rows,
    data_version,
    narrows,
)
from prospect_desk.circles import circle_names
from ui.labels import CREDIT_STATUSES, KINDS, STAGES, circle_name, label
from ui.top_customers import star_icon, top_customers

PAGE_SIZE = 100  # a screenful or two: a keystroke fetches what it shows, not more
CACHE_LIMIT = 5000

HEADERS = {
    ListColumn.NAME: lambda: CardTableModel.tr("Name"),
    ListColumn.KIND: lambda: CardTableModel.tr("Kind"),
    ListColumn.COMPANY: lambda: CardTableModel.tr("Company"),
    ListColumn.PHONE: lambda: CardTableModel.tr("Phone"),
    ListColumn.CIRCLE: lambda: CardTableModel.tr("Circle"),
    ListColumn.STAGE: lambda: CardTableModel.tr("Stage"),
    ListColumn.CREDIT_STATUS: lambda: CardTableModel.tr("Credit status"),
    ListColumn.FIRST_CONTACT: lambda: CardTableModel.tr("First contact"),
    ListColumn.LAST_CONTACT: lambda: CardTableModel.tr("Last contact"),
}

_CREDIT_COLOURS = {"bad": QColor("#b3261e"), "watch": QColor("#a15c00"), "good": QColor("#1b6e2d")}


class CardTableModel(QAbstractTableModel):
    """Rows are card ids in list order; `refresh()` re-runs the query."""

    refreshed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._filter = CardFilter()
        self._sort = ListColumn.NAME
        self._descending = False
        self._ids: list[int] = []
        self._rows: dict[int, CardRow] = {}
        self._circle_names: dict[int, str] = {}
        self._top_ids: frozenset[int] = frozenset()
        """Top customers, starred in the name column (worked out off the UI thread)."""
        self._held = False
        self._owed = False
        self._version: tuple[int, int] | None = None
        """The cards' data_version when the ids were read."""
        top_customers().changed.connect(self._on_top_changed)
        top_customers().refresh_if_stale()  # worked out in the background meanwhile

    # --- what the list shows -------------------------------------------------
    @property
    def card_filter(self) -> CardFilter:
        return self._filter

    def set_filter(self, card_filter: CardFilter) -> None:
        if card_filter != self._filter:
            # One more letter typed: look among the cards listed, if the
            # cards have not changed since they were read.
            narrower = (narrows(card_filter, self._filter) and not self._owed
                        and self._version is not None and self._version == data_version())
            self._filter = card_filter
            self.refresh(within=self._ids if narrower else None)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = LIST_COLUMNS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    def hold_refreshes(self, held: bool) -> None:
        """While the list is not on screen (the app opened on another view), a
        refresh is only noted; it runs when released, or when asked for ids.
        Start-up then pays for the view the user sees, not for 100k ids."""
        self._held = held
        if not held and self._owed:
            self.refresh()

    def _settle(self) -> None:
        if self._owed:
            self._held = False
            self.refresh()

    def refresh(self, within: list[int] | None = None) -> None:
        """Re-run the query, keeping nothing cached (cards may have changed).
        `within`: the listed ids, when the new filter narrows the last one."""
        if self._held:
            self._owed = True
            return
        self._owed = False
        self.beginResetModel()
        self._circle_names = {cid: circle_name(name, key) for cid, key, name in circle_names()}
        self._version = data_version()
        self._ids = card_ids(self._filter, self._sort, self._descending, within=within)
        self._rows.clear()
        self._top_ids = top_customers().ids()
        self.endResetModel()
        self.refreshed.emit()

    def _on_top_changed(self) -> None:
        self._top_ids = top_customers().ids()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0),
                                  [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole])

    def is_top(self, card_id: int) -> bool:
        return card_id in self._top_ids

    def card_id(self, row: int) -> int | None:
        self._settle()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, card_id: int) -> int | None:
        self._settle()
        try:
            return self._ids.index(card_id)
        except ValueError:
            return None

    @property
    def ids(self) -> list[int]:
        self._settle()
        return list(self._ids)

    # --- Qt model interface --------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(LIST_COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[LIST_COLUMNS[section]]()
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.UserRole,
                        Qt.ItemDataRole.DecorationRole):
            return None
        card_id = self._ids[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return card_id
        if role == Qt.ItemDataRole.DecorationRole:
            top = LIST_COLUMNS[index.column()] == ListColumn.NAME and card_id in self._top_ids
            return star_icon() if top else None
        row = self._row(index.row())
        if row is None:
            return None
        column = LIST_COLUMNS[index.column()]
        if (role == Qt.ItemDataRole.ToolTipRole and column == ListColumn.NAME
                and card_id in self._top_ids):
            return self.tr("%1: a top customer (the top 20% by revenue of the last 12 months)"
                           ).replace("%1", row.name)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = _CREDIT_COLOURS.get(row.credit_status)
            return QBrush(colour) if colour and column == ListColumn.CREDIT_STATUS else None
        return self._display(row, column)

    def _display(self, row: CardRow, column: ListColumn) -> str:
        if column == ListColumn.NAME:
            return row.name
        if column == ListColumn.KIND:
            return label(KINDS, row.kind)
        if column == ListColumn.COMPANY:
            return row.company
        if column == ListColumn.PHONE:
            return row.phone
        if column == ListColumn.CIRCLE:
            return self._circle_names.get(row.circle_id, "")
        if column == ListColumn.STAGE:
            return label(STAGES, row.stage)
        if column == ListColumn.CREDIT_STATUS:
            return label(CREDIT_STATUSES, row.credit_status)
        if column == ListColumn.FIRST_CONTACT:
            return row.first_contact.isoformat() if row.first_contact else ""
        return row.last_contact.isoformat() if row.last_contact else ""

    def _row(self, row_number: int) -> CardRow | None:
        card_id = self._ids[row_number]
        if card_id not in self._rows:
            if len(self._rows) > CACHE_LIMIT:
                self._rows.clear()
            start = (row_number // PAGE_SIZE) * PAGE_SIZE
            self._rows.update(card_rows(self._ids[start:start + PAGE_SIZE]))
        return self._rows.get(card_id)
