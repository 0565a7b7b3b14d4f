"""The frame of a dialog over a list of records (Tools → Backups…, File →
Import history…): a summary above, one row per record holding the record, the
dialog's buttons below with Close on the right. The buttons act on the one
selected record, on a worker (`job`), and are off while one runs."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)


class RecordListDialog(QDialog):
    def __init__(self, parent: QWidget | None, read_only: bool, list_name: str,
                 headers: list[str]):
        super().__init__(parent)
        self.read_only = read_only
        self.job = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName(list_name)
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels(headers)
        self.list.header().setStretchLastSection(False)
        self.list.itemSelectionChanged.connect(self._update_buttons)

    def _update_buttons(self) -> None:
        raise NotImplementedError

    def lay_out(self, buttons: list[QPushButton], close: QPushButton) -> None:
        """The summary, the list, and `buttons` on the left of a row ending with `close`."""
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch()
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)

    def records(self) -> list[Any]:
        return [self.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                for i in range(self.list.topLevelItemCount())]

    def _selected(self) -> Any:
        items = self.list.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def show_summary(self, text: str, read_only_note: str) -> None:
        """The summary, and for a read-only card file why the buttons are off."""
        self.summary.setText(text + ("\n" + read_only_note if self.read_only else ""))
        self._update_buttons()

    def window_lets_go(self) -> bool:
        """Before the card file changes under it, the main window saves or drops
        the card being edited (it may ask); False if the user would rather not."""
        window = self.parent()
        if window is not None and hasattr(window, "confirm_leave_card"):
            return window.confirm_leave_card()
        return True
