"""Preferences: the language the app speaks, and the rules of the reports and
of collection (stored in the card file through prospect_desk.rule_settings)."""

import logging
import sqlite3

import peewee
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
)

from prospect_desk import rule_settings
from ui import settings

RULE_FIELDS = [
    # (setting, label, unit, lowest, highest)
    ("lapse_months", QT_TRANSLATE_NOOP("SettingsDialog", "A customer has lapsed after"),
     QT_TRANSLATE_NOOP("SettingsDialog", " months without a purchase"), 1, 240),
    ("top_customer_no_contact_days",
     QT_TRANSLATE_NOOP("SettingsDialog", "Flag top customers with no contact in"),
     QT_TRANSLATE_NOOP("SettingsDialog", " days"), 1, rule_settings.MAX_DAYS),
    ("collection_step_days",
     QT_TRANSLATE_NOOP("SettingsDialog", "Collection steps, goodwill or not yet classed"),
     QT_TRANSLATE_NOOP("SettingsDialog", " days apart"), 1, 365),
    ("collection_step_days_malicious",
     QT_TRANSLATE_NOOP("SettingsDialog", "Collection steps, malicious arrears"),
     QT_TRANSLATE_NOOP("SettingsDialog", " days apart"), 1, 365),
]


class SettingsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(440)
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
        self._add_rule_fields(layout, read_only=getattr(parent, "read_only", False))
        layout.addRow(buttons)

    def _add_rule_fields(self, layout: QFormLayout, read_only: bool) -> None:
        heading = QLabel(self.tr("Reports and collection"))
        heading.setStyleSheet("font-weight: 600; margin-top: 8px;")
        layout.addRow(heading)
        values = rule_settings.all_values()
        self.rule_spins: dict[str, QSpinBox] = {}
        for key, caption, unit, lowest, highest in RULE_FIELDS:
            spin = QSpinBox()
            spin.setObjectName(key)
            spin.setRange(lowest, highest)
            spin.setSuffix(QCoreApplication.translate("SettingsDialog", unit))
            spin.setValue(values[key])
            spin.setEnabled(not read_only)
            self.rule_spins[key] = spin
            layout.addRow(QCoreApplication.translate("SettingsDialog", caption), spin)
        hint = QLabel(self.tr("A seasonal buyer can have a longer lapse threshold of their own: "
                              "set it on their card. Malicious arrears are usually chased "
                              "faster."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        layout.addRow(hint)

    def chosen_language(self) -> str:
        return self.language.currentData()

    def save_rules(self) -> bool:
        """Store the rule settings that changed; False (and a message) if the card
        file could not be written."""
        current = rule_settings.all_values()
        try:
            for key, spin in self.rule_spins.items():
                if spin.isEnabled() and spin.value() != current[key]:
                    rule_settings.set(key, spin.value())
        except (peewee.OperationalError, sqlite3.OperationalError) as error:
            logging.getLogger(__name__).warning("Settings not saved: %s", error)
            QMessageBox.warning(self, self.tr("Settings not saved"),
                                self.tr("The settings could not be saved in the card file: %1")
                                .replace("%1", str(error)))
            return False
        return True

    def accept(self) -> None:
        if self.save_rules():
            super().accept()
