"""The call sheet's opening lines in the user's own words: one field per kind
of reason; an empty field keeps the suggested line (shown greyed)."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from prospect_desk import opening_lines
from ui.call_sheet_print import OPENING_LINE_TEXTS, translate


def line_name(key: str) -> str:
    names = {
        "referral": translate("OpeningLines", "Referral: first contact"),
        "revisit": translate("OpeningLines", "Revisit after 'not now'"),
        "revisit_lost": translate("OpeningLines", "Revisit after a lost deal"),
        "thank_you": translate("OpeningLines", "Thank-you"),
        "after_sale": translate("OpeningLines", "Delivery, installation, training"),
        "testimonial": translate("OpeningLines", "Testimonial request"),
        "repeat_purchase": translate("OpeningLines", "Repeat purchase"),
        "birthday": translate("OpeningLines", "Birthday"),
        "thank_referrer": translate("OpeningLines", "Thank the referrer"),
        "collection": translate("OpeningLines", "Collection"),
        "win_back": translate("OpeningLines", "Win back"),
        "campaign": translate("OpeningLines", "Mailing campaign"),
        "general": translate("OpeningLines", "Any other follow-up"),
    }
    return names.get(key, key)


class OpeningLinesDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Opening lines"))
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        hint = QLabel(self.tr("Leave a line empty to use the suggested one. {referrer} and "
                              "{referred} stand for the names."))
        hint.setWordWrap(True)
        form.addRow(hint)
        own = opening_lines.overrides()
        self.fields: dict[str, QLineEdit] = {}
        for line in opening_lines.OPENING_LINES:
            field = QLineEdit(own.get(line.key, ""))
            field.setPlaceholderText(translate("CallSheet", OPENING_LINE_TEXTS[line.key]))
            self.fields[line.key] = field
            form.addRow(line_name(line.key), field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        for key, field in self.fields.items():
            opening_lines.set_override(key, field.text())
        super().accept()
