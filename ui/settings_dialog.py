"""Preferences: for now, the language the app speaks."""

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel

from ui import settings


class SettingsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        chosen = self.language.findData(settings.read(settings.LANGUAGE))
        self.language.setCurrentIndex(max(0, chosen))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Language"), self.language)
        note = QLabel(self.tr("The window is rebuilt in the new language at once."))
        note.setStyleSheet("color: palette(mid);")
        layout.addRow(note)
        layout.addRow(buttons)

    def chosen_language(self) -> str:
        return self.language.currentData()
