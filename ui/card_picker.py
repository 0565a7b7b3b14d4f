"""Choosing another card (a referrer) by typing part of its name, phone or pinyin."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from prospect_desk.card_query import CardFilter, card_ids, card_rows

SHOWN_AT_MOST = 100


class CardPickerDialog(QDialog):
    def __init__(self, parent=None, exclude_id: int | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose a card"))
        self.resize(420, 480)
        self._exclude_id = exclude_id
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a name, company, phone or pinyin…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._reload)
        self.results = QListWidget()
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        self.results.currentRowChanged.connect(self._update_ok)
        self.more = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.more)
        layout.addWidget(self.buttons)
        self._reload()

    def _reload(self) -> None:
        ids = [i for i in card_ids(CardFilter(search=self.search.text())) if i != self._exclude_id]
        shown = ids[:SHOWN_AT_MOST]
        rows = card_rows(shown)
        self.results.clear()
        for card_id in shown:
            row = rows[card_id]
            detail = " · ".join(part for part in (row.company if row.company != row.name else "",
                                                  row.phone) if part)
            item = QListWidgetItem(f"{row.name}    {detail}" if detail else row.name)
            item.setData(Qt.ItemDataRole.UserRole, card_id)
            self.results.addItem(item)
        self.more.setText(self.tr("%1 more: type more to narrow the list.")
                          .replace("%1", str(len(ids) - len(shown))) if len(ids) > len(shown)
                          else "")
        if shown:
            self.results.setCurrentRow(0)
        self._update_ok()

    def _update_ok(self, *_args) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.results.currentItem() is not None)

    def chosen_id(self) -> int | None:
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None
