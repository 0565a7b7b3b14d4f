"""Done, skip and move for one follow-up, stored or computed (a birthday), as the
card panel, the today view and the calendar all offer them."""

import datetime

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QWidget

from prospect_desk import follow_ups
from prospect_desk.follow_ups import AgendaItem
from ui.follow_up_dialogs import DatePickDialog, OutcomeDialog
from ui.follow_up_text import item_label

ITEM_ROLE = Qt.ItemDataRole.UserRole
"""Where a follow-up list keeps each row's AgendaItem."""


def complete_item(parent: QWidget, item: AgendaItem, today: datetime.date) -> bool:
    """Ask what came of it and mark it done (logged in the card's history)."""
    dialog = OutcomeDialog(f"{item.card_name}: {item_label(item)}", parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    outcome, how, text = dialog.outcome_text(), dialog.activity_kind(), item_label(item)
    if item.computed:
        follow_ups.complete_occurrence(item.card_id, item.kind, item.occurrence_date, outcome,
                                       today, activity_kind=how, label=text)
    else:
        follow_ups.complete(item.follow_up_id, outcome, today, activity_kind=how, label=text)
    return True


def skip_item(item: AgendaItem, today: datetime.date) -> bool:
    if item.computed:
        follow_ups.skip_occurrence(item.card_id, item.kind, item.occurrence_date)
    else:
        follow_ups.skip(item.follow_up_id, today)
    return True


def move_item(parent: QWidget, item: AgendaItem) -> bool:
    """Ask for another date and move it there."""
    dialog = DatePickDialog(item.date, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    new_date = dialog.chosen_date()
    if new_date == item.date:
        return False
    if item.computed:
        follow_ups.move_occurrence(item.card_id, item.kind, item.occurrence_date, new_date)
    else:
        follow_ups.move(item.follow_up_id, new_date)
    return True


class AgendaActions:
    """Done, skip, move and open for a view listing follow-ups (the today view,
    the calendar). The view provides `current_item()`, `today`, `reload(today)`
    and the signals `changed(card_id)` and `openCard(card_id)`."""

    def _activated(self, row, _column: int = 0) -> None:
        """A line double-clicked (or Enter): a model index, or a tree widget item."""
        item = row.data(ITEM_ROLE) if isinstance(row, QModelIndex) else row.data(0, ITEM_ROLE)
        if item is not None:
            self.openCard.emit(item.card_id)

    def _after(self, item: AgendaItem) -> None:
        self.reload(self.today)
        self.changed.emit(item.card_id)

    def done(self) -> None:
        item = self.current_item()
        if item is not None and complete_item(self, item, self.today):
            self._after(item)

    def skip(self) -> None:
        item = self.current_item()
        if item is not None and skip_item(item, self.today):
            self._after(item)

    def move(self) -> None:
        item = self.current_item()
        if item is not None and move_item(self, item):
            self._after(item)
