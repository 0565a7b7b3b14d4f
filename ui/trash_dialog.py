"""The trash: deleted cards, which can be restored, or removed for good after asking."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from prospect_desk.cards import empty_trash, restore_cards, trashed_cards
from ui.labels import KINDS, label


class TrashDialog(QDialog):
    """`changed` follows a restore or an emptying, so the list can refresh."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trash"))
        self.resize(560, 420)
        self.summary = QLabel()
        self.cards = QTreeWidget()
        self.cards.setObjectName("trashList")
        self.cards.setRootIsDecorated(False)
        self.cards.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.cards.setHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Deleted")])
        self.cards.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.cards.itemSelectionChanged.connect(self._update_buttons)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = QPushButton(self.tr("Empty trash…"))
        self.empty_button.clicked.connect(self.empty)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.empty_button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.cards, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.cards.clear()
        rows = trashed_cards()
        for card_id, name, kind, deleted_at in rows:
            item = QTreeWidgetItem([name, label(KINDS, kind),
                                    deleted_at.strftime("%Y-%m-%d %H:%M")])
            item.setData(0, Qt.ItemDataRole.UserRole, card_id)
            self.cards.addTopLevelItem(item)
        self.summary.setText(self.tr("%1 cards in the trash.").replace("%1", str(len(rows)))
                             if rows else self.tr("The trash is empty."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.cards.selectedItems()))
        self.empty_button.setEnabled(self.cards.topLevelItemCount() > 0)

    def restore_selected(self) -> None:
        ids = [item.data(0, Qt.ItemDataRole.UserRole) for item in self.cards.selectedItems()]
        if ids:
            restore_cards(ids)
            self.reload()
            self.changed.emit()

    def empty(self) -> None:
        count = self.cards.topLevelItemCount()
        answer = QMessageBox.warning(
            self, self.tr("Empty trash"),
            self.tr("Delete the %1 cards in the trash for good, with their history? "
                    "This cannot be undone.").replace("%1", str(count)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            empty_trash()
            self.reload()
            self.changed.emit()
