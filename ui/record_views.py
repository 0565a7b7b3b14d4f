"""The one look of a list of records (the cards, the campaigns, the trash, a
report): whole rows are chosen, nothing is edited in place, rows alternate
in colour, each stays one line, and there are no row numbers."""

from PySide6.QtWidgets import QAbstractItemView, QTableView

Selection = QAbstractItemView.SelectionMode


def set_up_record_view(view: QTableView, selection: Selection = Selection.SingleSelection
                       ) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
