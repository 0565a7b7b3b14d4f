"""The trash as a Qt table model over SQL: the query gives the ids of the
trashed cards in order, rows are read a page at a time as the view asks."""

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from prospect_desk.trash import TrashedRow, trashed_ids, trashed_rows
from ui.labels import KINDS, label

PAGE_SIZE = 100
CACHE_LIMIT = 5000

NAME, KIND, COMPANY, DELETED, IMPORT = range(5)


class TrashTableModel(QAbstractTableModel):
    """Rows are trashed card ids, most recently deleted first; `refresh()`
    re-runs the query for the search words and the import chosen."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._search = ""
        self._batch_id: int | None = None
        self._ids: list[int] = []
        self._rows: dict[int, TrashedRow] = {}
        self._import_names: dict[int, str] = {}

    def set_search(self, search: str) -> None:
        if search != self._search:
            self._search = search
            self.refresh()

    def set_import(self, batch_id: int | None) -> None:
        if batch_id != self._batch_id:
            self._batch_id = batch_id
            self.refresh()

    @property
    def search(self) -> str:
        return self._search

    @property
    def batch_id(self) -> int | None:
        return self._batch_id

    def reload(self, batch_id: int | None, import_names: dict[int, str]) -> None:
        """After the trash changed: the import to show and the file names of
        the imports with cards in the trash (the dialog has read them)."""
        self._batch_id = batch_id
        self._import_names = import_names
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._ids = trashed_ids(self._search, self._batch_id)
        self._rows.clear()
        self.endResetModel()

    def card_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def ids_of_rows(self, ranges: list[tuple[int, int]]) -> list[int]:
        """The ids of rows top..bottom (inclusive) of each range: a selection
        of 100,000 rows is a few ranges, not 100,000 indexes."""
        ids: list[int] = []
        for top, bottom in ranges:
            ids.extend(self._ids[top:bottom + 1])
        return ids

    def row(self, row_number: int) -> TrashedRow | None:
        card_id = self._ids[row_number]
        if card_id not in self._rows:
            if len(self._rows) > CACHE_LIMIT:
                self._rows.clear()
            start = (row_number // PAGE_SIZE) * PAGE_SIZE
            self._rows.update(trashed_rows(self._ids[start:start + PAGE_SIZE]))
        return self._rows.get(card_id)

    # --- Qt model interface --------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        # The dialog's words: its column names were translated there already.
        return [QCoreApplication.translate("TrashDialog", "Name"),
                QCoreApplication.translate("TrashDialog", "Kind"),
                QCoreApplication.translate("TrashDialog", "Company"),
                QCoreApplication.translate("TrashDialog", "Deleted"),
                QCoreApplication.translate("TrashDialog", "From import")][section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row(index.row())
        if row is None:
            return None
        column = index.column()
        if column == NAME:
            return row.name
        if column == KIND:
            return label(KINDS, row.kind)
        if column == COMPANY:
            return row.company
        if column == DELETED:
            return row.deleted_at.strftime("%Y-%m-%d %H:%M")
        if row.import_batch_id is None:
            return ""
        return self._import_names.get(row.import_batch_id, "")
