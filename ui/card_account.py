"""Under the card's title: whether the card is a top customer, what it owes
(all that was due, paid, owed, and what is overdue since when), and after how
long without a purchase it counts as lapsed (its own threshold, for a seasonal
buyer, or the setting)."""

import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prospect_desk import rule_settings
from prospect_desk.follow_up_rules import RuleError
from ui.follow_up_text import rule_error_text
from ui.top_customers import STAR_COLOUR, star_icon, top_customers

if TYPE_CHECKING:
    from prospect_desk.receivables import CardAccount

# The receivables and the reports (the lapse threshold) load with the first card
# shown, not with the window.

OVERDUE_STYLE = "color: #c0392b; font-weight: 600;"
MAX_LAPSE_MONTHS = 240


def money(cents: int) -> str:
    return f"{cents / 100:,.2f}"


class CardAccountBox(QWidget):
    """`changed(card_id)` follows a change of the card's lapse threshold."""

    changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("cardAccount")
        self._card_id: int | None = None
        self.account: CardAccount | None = None
        self._showing = False
        self.top_icon = QLabel()
        self.top_icon.setPixmap(star_icon().pixmap(14, 14))
        self.top_label = QLabel(self.tr("Top customer: among the top 20% by revenue of the "
                                        "last 12 months"))
        self.top_label.setObjectName("topCustomer")
        self.top_label.setStyleSheet(f"color: {STAR_COLOUR.name()};")
        top_row = QHBoxLayout()
        top_row.setContentsMargins(0, 0, 0, 0)
        top_row.addWidget(self.top_icon)
        top_row.addWidget(self.top_label, 1)
        self.top_box = QWidget()
        self.top_box.setLayout(top_row)

        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(0)
        captions = [("due", self.tr("Total due")), ("paid", self.tr("Paid")),
                    ("owed", self.tr("Owed")), ("overdue", self.tr("Overdue"))]
        for column, (key, caption) in enumerate(captions):
            title = QLabel(caption)
            title.setStyleSheet("color: palette(mid);")
            value = QLabel()
            value.setObjectName(f"account_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            grid.addWidget(title, 0, column)
            grid.addWidget(value, 1, column)
        grid.setColumnStretch(len(captions), 1)
        self.account_box = QWidget()
        self.account_box.setLayout(grid)

        self.lapse_label = QLabel()
        self.lapse_label.setObjectName("lapseThreshold")
        self.lapse_button = QPushButton(self.tr("Change…"))
        self.lapse_button.setToolTip(self.tr("A seasonal buyer can have a longer threshold "
                                             "than the one in Settings"))
        self.lapse_button.clicked.connect(self.change_lapse_months)
        lapse_row = QHBoxLayout()
        lapse_row.setContentsMargins(0, 0, 0, 0)
        lapse_row.addWidget(self.lapse_label)
        lapse_row.addWidget(self.lapse_button)
        lapse_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(4)
        layout.addWidget(self.top_box)
        layout.addWidget(self.account_box)
        layout.addLayout(lapse_row)
        top_customers().changed.connect(self._show_top)
        self.show_card(None)

    def show_card(self, card_id: int | None, as_of: datetime.date | None = None) -> None:
        """Show a saved card's account; None (no card, or a new one) hides it."""
        self._card_id = card_id
        self._showing = True
        self.setVisible(card_id is not None)
        self._showing = False
        if card_id is None:
            self.account = None
            return
        from prospect_desk.receivables import card_account

        as_of = as_of or datetime.date.today()
        self.account = account = card_account(card_id, as_of)
        self.account_box.setVisible(account.due_cents > 0)
        self.values["due"].setText(money(account.due_cents))
        self.values["paid"].setText(money(account.paid_cents))
        self.values["owed"].setText(money(account.owed_cents))
        overdue = self.values["overdue"]
        if account.overdue_cents:
            overdue.setText(self.tr("%1 (due since %2)").replace(
                "%1", money(account.overdue_cents)).replace(
                "%2", account.oldest_overdue.isoformat()))
            overdue.setStyleSheet(OVERDUE_STYLE)
        else:
            overdue.setText(money(0))
            overdue.setStyleSheet("")
        self._show_lapse_months()
        self._show_top()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Back from the Reports view, say, where a payment may have been recorded."""
        super().showEvent(event)
        if self._card_id is not None and not self._showing:
            self.show_card(self._card_id)

    def _show_top(self) -> None:
        self.top_box.setVisible(top_customers().is_top(self._card_id))

    def _show_lapse_months(self) -> None:
        from prospect_desk.reports import card_lapse_months

        own = card_lapse_months(self._card_id)
        if own is None:
            text = self.tr("Lapsed after %1 months without a purchase (the setting)").replace(
                "%1", str(rule_settings.get("lapse_months")))
        else:
            text = self.tr("Lapsed after %1 months without a purchase (this card's own "
                           "threshold)").replace("%1", str(own))
        self.lapse_label.setText(text)
        self.lapse_button.setVisible(not getattr(self.window(), "read_only", False))

    def change_lapse_months(self) -> None:
        from prospect_desk.reports import card_lapse_months, set_lapse_months

        if self._card_id is None:
            return
        own = card_lapse_months(self._card_id)
        months, ok = QInputDialog.getInt(
            self, self.tr("Lapse threshold"),
            self.tr("Months without a purchase before this customer counts as lapsed "
                    "(0: use the setting, now %1 months):").replace(
                "%1", str(rule_settings.get("lapse_months"))),
            own or 0, 0, MAX_LAPSE_MONTHS)
        if not ok:
            return
        try:
            set_lapse_months(self._card_id, months or None)
        except RuleError as error:
            QMessageBox.warning(self, self.tr("Lapse threshold"), rule_error_text(error))
            return
        self._show_lapse_months()
        self.changed.emit(self._card_id)
