"""The side panel: filter by kind, stage, credit status and source circle, and
look after the circles themselves (add, rename, reorder, remove)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prospect_desk.card_query import NO_CIRCLE
from prospect_desk.circles import (
    CircleNameError,
    add_circle,
    circles_and_unfiled,
    list_circles,
    move_circle,
    remove_circle,
    rename_circle,
)
from ui.labels import CREDIT_STATUSES, KINDS, STAGES, circle_name, label

ALL_CIRCLES = -1
CIRCLE_ID_ROLE = Qt.ItemDataRole.UserRole
CIRCLE_COUNT_ROLE = Qt.ItemDataRole.UserRole + 1


def _fill_combo(combo: QComboBox, table: dict[str, str], any_text: str) -> None:
    combo.addItem(any_text, None)
    for key in table:
        combo.addItem(label(table, key), key)


class FilterPanel(QWidget):
    filterChanged = Signal()
    circlesChanged = Signal()

    def __init__(self, parent=None, load_circles: bool = True):
        """`load_circles=False`: the circles are counted when the panel first
        shows (or `ensure_circles`), not while a window that opens on another
        view is built."""
        super().__init__(parent)
        self._circles_loaded = False
        self.kind_combo = QComboBox()
        _fill_combo(self.kind_combo, KINDS, self.tr("All kinds"))
        self.stage_combo = QComboBox()
        _fill_combo(self.stage_combo, STAGES, self.tr("All stages"))
        self.credit_combo = QComboBox()
        _fill_combo(self.credit_combo, CREDIT_STATUSES, self.tr("Any credit status"))
        for combo in (self.kind_combo, self.stage_combo, self.credit_combo):
            combo.currentIndexChanged.connect(self.filterChanged)

        filters = QGroupBox(self.tr("Show"))
        form = QFormLayout(filters)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Stage"), self.stage_combo)
        form.addRow(self.tr("Credit"), self.credit_combo)

        self.circle_list = QListWidget()
        self.circle_list.setObjectName("circleList")
        self.circle_list.currentItemChanged.connect(self._on_circle_changed)
        self.circle_list.itemDoubleClicked.connect(lambda _item: self.rename_current())
        self.circle_hint = QLabel(self.tr("Grey circles have no cards yet: find a few "
                                          "prospects in every circle."))
        self.circle_hint.setWordWrap(True)
        self.circle_hint.setStyleSheet("color: palette(mid); font-size: 11px;")

        self.add_button = self._tool_button("+", self.tr("Add circle"), self.add)
        self.rename_button = self._tool_button("✎", self.tr("Rename circle"),
                                               self.rename_current)
        self.up_button = self._tool_button("↑", self.tr("Move up"), lambda: self.move(-1))
        self.down_button = self._tool_button("↓", self.tr("Move down"), lambda: self.move(1))
        self.remove_button = self._tool_button("−", self.tr("Remove circle"),
                                               self.remove_current)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.up_button, self.down_button,
                       self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()

        circles = QGroupBox(self.tr("Source circles"))
        circles_layout = QVBoxLayout(circles)
        circles_layout.addWidget(self.circle_list)
        circles_layout.addLayout(buttons)
        circles_layout.addWidget(self.circle_hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(filters)
        layout.addWidget(circles, 1)
        if load_circles:
            self.reload_circles()

    def ensure_circles(self) -> None:
        if not self._circles_loaded:
            self.reload_circles()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.ensure_circles()
        super().showEvent(event)

    def _tool_button(self, symbol: str, text: str, slot) -> QToolButton:
        """A small button showing a symbol, named in full by its tooltip."""
        button = QToolButton()
        button.setText(symbol)
        button.setToolTip(text)
        button.setAccessibleName(text)
        button.setMinimumWidth(28)
        button.clicked.connect(slot)
        return button

    # --- the filter ---------------------------------------------------------
    def kinds(self) -> frozenset[str]:
        key = self.kind_combo.currentData()
        return frozenset([key]) if key else frozenset()

    def stages(self) -> frozenset[str]:
        key = self.stage_combo.currentData()
        return frozenset([key]) if key else frozenset()

    def credit_statuses(self) -> frozenset[str]:
        key = self.credit_combo.currentData()
        return frozenset([key]) if key else frozenset()

    def circle_ids(self) -> frozenset[int]:
        circle_id = self.current_circle_id()
        return frozenset() if circle_id in (None, ALL_CIRCLES) else frozenset([circle_id])

    def current_circle_id(self) -> int | None:
        item = self.circle_list.currentItem()
        return item.data(CIRCLE_ID_ROLE) if item else None

    def select_circle(self, circle_id: int) -> None:
        for row in range(self.circle_list.count()):
            if self.circle_list.item(row).data(CIRCLE_ID_ROLE) == circle_id:
                self.circle_list.setCurrentRow(row)
                return

    def _on_circle_changed(self, current, _previous) -> None:
        circle_id = current.data(CIRCLE_ID_ROLE) if current else None
        editable = circle_id not in (None, ALL_CIRCLES, NO_CIRCLE)
        for button in (self.rename_button, self.up_button, self.down_button, self.remove_button):
            button.setEnabled(editable)
        self.filterChanged.emit()

    # --- the circles ----------------------------------------------------------
    def reload_circles(self) -> None:
        """Re-read circles and counts, keeping the selection."""
        self._circles_loaded = True
        selected = self.current_circle_id()
        self.circle_list.blockSignals(True)
        self.circle_list.clear()
        circles, without_circle = circles_and_unfiled()
        total = sum(c.card_count for c in circles) + without_circle
        self._add_item(self.tr("All circles"), ALL_CIRCLES, total, bold=True)
        for circle in circles:
            self._add_item(circle_name(circle.name, circle.builtin_key), circle.id,
                           circle.card_count)
        self._add_item(self.tr("No circle"), NO_CIRCLE, without_circle, italic=True)
        self.circle_list.blockSignals(False)
        self.select_circle(selected if selected is not None else ALL_CIRCLES)
        if self.circle_list.currentItem() is None:
            self.select_circle(ALL_CIRCLES)

    def _add_item(self, name: str, circle_id: int, count: int, bold=False, italic=False) -> None:
        item = QListWidgetItem(f"{name}  ({count})")
        item.setData(CIRCLE_ID_ROLE, circle_id)
        item.setData(CIRCLE_COUNT_ROLE, count)
        font = QFont(self.font())
        font.setBold(bold)
        font.setItalic(italic)
        if count == 0 and circle_id not in (ALL_CIRCLES, NO_CIRCLE):
            item.setForeground(QBrush(QColor("#9a9a9a")))
            item.setToolTip(self.tr("No cards in this circle yet"))
            font.setItalic(True)
        item.setFont(font)
        self.circle_list.addItem(item)

    def add(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add circle"), self.tr("Circle name:"))
        if ok and self._apply_name(lambda: add_circle(name), name):
            circle_id = list_circles()[-1].id
            self.reload_circles()
            self.select_circle(circle_id)
            self.circlesChanged.emit()

    def rename_current(self) -> None:
        circle_id = self.current_circle_id()
        if circle_id in (None, ALL_CIRCLES, NO_CIRCLE):
            return
        current = next(c for c in list_circles() if c.id == circle_id)
        old_name = circle_name(current.name, current.builtin_key)
        name, ok = QInputDialog.getText(self, self.tr("Rename circle"),
                                        self.tr("New name:"), text=old_name)
        if ok and name.strip() != old_name and self._apply_name(
                lambda: rename_circle(circle_id, name), name):
            self.reload_circles()
            self.circlesChanged.emit()

    def _apply_name(self, action, name: str) -> bool:
        try:
            action()
        except CircleNameError as error:
            message = (self.tr("A circle named “%1” exists already.").replace("%1", error.name)
                       if error.taken else self.tr("A circle needs a name."))
            QMessageBox.warning(self, self.tr("Circle not saved"), message)
            return False
        return True

    def move(self, offset: int) -> None:
        circle_id = self.current_circle_id()
        if circle_id in (None, ALL_CIRCLES, NO_CIRCLE):
            return
        move_circle(circle_id, offset)
        self.reload_circles()
        self.circlesChanged.emit()

    def remove_current(self) -> None:
        circle_id = self.current_circle_id()
        if circle_id in (None, ALL_CIRCLES, NO_CIRCLE):
            return
        item = self.circle_list.currentItem()
        count = item.data(CIRCLE_COUNT_ROLE)
        name = item.text().rsplit("  (", 1)[0]
        answer = QMessageBox.question(
            self, self.tr("Remove circle"),
            self.tr("Remove the circle “%1”? Its %2 cards stay, filed under no circle.")
            .replace("%1", name).replace("%2", str(count)))
        if answer == QMessageBox.StandardButton.Yes:
            remove_circle(circle_id)
            self.select_circle(ALL_CIRCLES)
            self.reload_circles()
            self.circlesChanged.emit()
            self.filterChanged.emit()
