"""The Qt binding must keep Python's reference counts straight: a release that
loses a reference to None whenever an empty QVariant comes back to Python
crashes the app after enough clicks."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidgetItem


def test_reading_empty_item_data_many_times_keeps_none_alive(qapp):
    combo = QComboBox()
    combo.addItem("(none)", None)
    item = QListWidgetItem("x")
    before = sys.getrefcount(None)
    for _ in range(1000):
        combo.currentData()
        item.data(Qt.ItemDataRole.UserRole)
    assert sys.getrefcount(None) >= before - 10
