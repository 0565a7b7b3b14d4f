"""File → Import history…: every import of cards or of a sales history, and
undoing one as a whole.

Undoing runs on a worker (a big import may have added 100,000 cards); the
card list refreshes when it is done."""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from prospect_desk import import_history
from prospect_desk.import_history import (
    BatchInfo,
    BatchKind,
    UndoError,
    UndoProblem,
    UndoResult,
)
from ui.error_dialog import show_error
from ui.record_list_dialog import RecordListDialog
from ui.worker import start_job

translate = QCoreApplication.translate  # called as translate("ImportHistoryDialog", ...)

COLUMNS = 8
KEPT_NAMES_SHOWN = 10
"""How many of the cards left as they are (changed since) a message names."""


def when_text(batch: BatchInfo) -> str:
    return batch.created_at.strftime("%Y-%m-%d %H:%M")


def kind_text(batch: BatchInfo) -> str:
    if batch.kind is BatchKind.SALES:
        return translate("ImportHistoryDialog", "Sales history")
    return translate("ImportHistoryDialog", "Cards")


def counts_tip(batch: BatchInfo) -> str:
    """What the numbers of a row mean, for its tooltip."""
    if batch.kind is BatchKind.SALES:
        return (translate("ImportHistoryDialog",
                          "%1 deals imported, %2 of them from unmatched rows you resolved "
                          "(%3 new cards made for them); %4 cards became customers; %5 "
                          "unmatched rows left out; %6 rows rejected.")
                .replace("%1", str(batch.added)).replace("%2", str(batch.resolved))
                .replace("%3", str(batch.cards_created)).replace("%4", str(batch.updated))
                .replace("%5", str(batch.skipped)).replace("%6", str(batch.rejected)))
    return (translate("ImportHistoryDialog",
                      "%1 cards added, %2 cards updated, %3 duplicates skipped, %4 rows "
                      "rejected.")
            .replace("%1", str(batch.added)).replace("%2", str(batch.updated))
            .replace("%3", str(batch.skipped)).replace("%4", str(batch.rejected)))


def state_text(batch: BatchInfo) -> str:
    if batch.undone_at is not None:
        return translate("ImportHistoryDialog", "Undone on %1").replace(
            "%1", batch.undone_at.strftime("%Y-%m-%d %H:%M"))
    return translate("ImportHistoryDialog", "Imported")


def undo_problem_text(error: UndoError) -> str:
    if error.problem is UndoProblem.ALREADY_UNDONE:
        return translate("ImportHistoryDialog",
                         "This import was undone already; it cannot be undone twice.")
    return translate("ImportHistoryDialog", "There is no import %1 in the history.").replace(
        "%1", str(error.batch_id))


def _names(kept: list[tuple[int, str]]) -> str:
    names = ", ".join(name for _id, name in kept[:KEPT_NAMES_SHOWN])
    return names + ", …" if len(kept) > KEPT_NAMES_SHOWN else names


def sales_undo_result_text(result: UndoResult) -> str:
    parts = [translate("ImportHistoryDialog", "The sales import was undone: %1 deals and %2 "
                       "payments it recorded were removed, and %3 cards it made customers got "
                       "their earlier stage back.").replace("%1", str(result.deals_removed))
             .replace("%2", str(result.payments_removed)).replace("%3", str(result.restored))]
    if result.follow_ups_removed:
        parts.append(translate("ImportHistoryDialog", "%1 open follow-ups of those deals were "
                               "taken away.").replace("%1", str(result.follow_ups_removed)))
    if result.trashed:
        parts.append(translate("ImportHistoryDialog", "%1 cards it made for unmatched rows "
                               "were moved to the trash.").replace("%1", str(result.trashed)))
    if result.deals_kept:
        parts.append(translate(
            "ImportHistoryDialog", "%1 deals were paid on, followed up or filled in after the "
            "import, so they were left as they are, with all their payments: %2")
            .replace("%1", str(len(result.deals_kept))).replace("%2", _names(result.deals_kept)))
    if result.cards_kept:
        parts.append(translate(
            "ImportHistoryDialog", "%1 cards it made have other deals, follow-ups, notes or "
            "referred cards now, so they were kept: %2")
            .replace("%1", str(len(result.cards_kept))).replace("%2", _names(result.cards_kept)))
    if result.kept:
        parts.append(translate(
            "ImportHistoryDialog", "%1 cards it made customers were changed again after it, "
            "so they were left as they are: %2").replace("%1", str(len(result.kept)))
            .replace("%2", _names(result.kept)))
    return "\n\n".join(parts)


def undo_result_text(result: UndoResult) -> str:
    """What an undo did, in sentences the user can act on."""
    if result.kind is BatchKind.SALES:
        return sales_undo_result_text(result)
    parts = [translate("ImportHistoryDialog", "The import was undone: %1 cards it added were "
                       "moved to the trash, and %2 cards it updated got their earlier values "
                       "back.").replace("%1", str(result.trashed))
             .replace("%2", str(result.restored))]
    if result.trashed_changed_since:
        parts.append(translate(
            "ImportHistoryDialog", "%1 of the cards moved to the trash had been changed after "
            "the import. If you want to keep them, restore them from the trash (Edit → "
            "Trash…).").replace("%1", str(result.trashed_changed_since)))
    if result.kept:
        parts.append(translate(
            "ImportHistoryDialog", "%1 cards the import updated were changed again after it, "
            "so they were left as they are: %2").replace("%1", str(len(result.kept)))
            .replace("%2", _names(result.kept)))
    if result.follow_ups_removed:
        parts.append(translate(
            "ImportHistoryDialog", "%1 revisits the import had put on the cards it updated "
            "were taken away (those on the cards it added are in the trash with them).")
            .replace("%1", str(result.follow_ups_removed)))
    if result.circles_removed:
        parts.append(translate(
            "ImportHistoryDialog", "Circles the import made that no card uses any more were "
            "removed: %1").replace("%1", ", ".join(result.circles_removed)))
    return "\n\n".join(parts)


class ImportHistoryDialog(RecordListDialog):
    """`changed` follows an undo: cards went to the trash or got old values back."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, read_only: bool = False):
        super().__init__(parent, read_only, "importHistoryList",
                         [self.tr("Imported on"), self.tr("Kind"), self.tr("File"),
                          self.tr("Added"), self.tr("Updated"), self.tr("Skipped"),
                          self.tr("Left out"), self.tr("State")])
        self.setWindowTitle(self.tr("Import history"))
        self.resize(860, 400)
        head = self.list.headerItem()
        head.setToolTip(3, self.tr("Cards added; for a sales history, deals imported"))
        head.setToolTip(4, self.tr("Cards updated; for a sales history, cards that became "
                                   "customers"))
        head.setToolTip(5, self.tr("Duplicates skipped; for a sales history, unmatched rows "
                                   "left out"))
        head.setToolTip(6, self.tr("Rows rejected"))
        header = self.list.header()
        for column in range(COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.undo_button = QPushButton(self.tr("Undo this import…"))
        self.undo_button.clicked.connect(self.undo_selected)
        self.lay_out([self.undo_button], QPushButton(self.tr("Close")))
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.list.clear()
        found = import_history.list_batches()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for batch in found:
            name = batch.file_name or self.tr("(no file name)")
            item = QTreeWidgetItem([when_text(batch), kind_text(batch), name,
                                    str(batch.added), str(batch.updated), str(batch.skipped),
                                    str(batch.rejected), state_text(batch)])
            item.setData(0, Qt.ItemDataRole.UserRole, batch)
            item.setToolTip(2, f"{name} — {batch.sheet}" if batch.sheet else name)
            tip = counts_tip(batch)
            for column in range(3, 7):
                item.setTextAlignment(column, right)
                item.setToolTip(column, tip)
            if batch.undone_at is not None:
                for column in range(COLUMNS):
                    item.setForeground(column, self.palette().placeholderText())
            self.list.addTopLevelItem(item)
            if batch.id == select:
                self.list.setCurrentItem(item)
        if found:
            text = self.tr(
                "Every import of cards or of a sales history, newest first. Undoing an import "
                "of cards moves the cards it added to the trash and gives the cards it "
                "updated their earlier values back, unless you changed them since. Undoing "
                "a sales history removes the deals and payments it recorded, except deals "
                "worked on since.")
        else:
            text = self.tr("No cards have been imported into this card file yet.")
        self.show_summary(text, self.tr(
            "The card file is read-only: imports cannot be undone here."))

    def _update_buttons(self) -> None:
        batch = self._selected()
        self.undo_button.setEnabled(not self.read_only and self.job is None
                                    and batch is not None and batch.can_undo)

    def undo_selected(self) -> None:
        batch = self._selected()
        if batch is None or self.read_only or self.job is not None:
            return
        if not self.window_lets_go():
            return
        if batch.kind is BatchKind.SALES:
            question = self.tr(
                "Undo the sales history import of %1 made on %2?\n\nThe %3 deals it recorded "
                "are removed with their payments and open follow-ups, the %4 cards it made "
                "customers get their earlier stage back, and the %5 cards it made go to the "
                "trash. Deals paid on or filled in since, and cards in use, are kept.")
            question = question.replace("%5", str(batch.cards_created))
        else:
            question = self.tr(
                "Undo the import of %1 made on %2?\n\nThe %3 cards it added go to the "
                "trash (you can restore them from there), and the %4 cards it updated get "
                "their earlier values back, unless you changed them since.")
        answer = QMessageBox.question(
            self, self.tr("Undo an import"),
            question.replace("%1", batch.file_name or self.tr("(no file name)"))
            .replace("%2", when_text(batch)).replace("%3", str(batch.added))
            .replace("%4", str(batch.updated)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        batch_id = batch.id

        def undo(progress, cancelled):
            return import_history.undo_batch(batch_id, progress, cancelled)

        self.job = start_job(undo, self._undone, self._undo_failed, parent=self,
                             label=self.tr("Undoing the import…"))
        self._update_buttons()

    def _undone(self, result: UndoResult) -> None:
        self.job = None
        if result.kind is BatchKind.SALES:  # the deals behind the top-customer marks went
            from ui.top_customers import top_customers

            top_customers().invalidate()
        self.reload(select=result.batch_id)
        self.changed.emit()
        QMessageBox.information(self, self.tr("Undo an import"), undo_result_text(result))

    def _undo_failed(self, error: BaseException, details: str) -> None:
        self.job = None
        self.reload()
        if isinstance(error, import_history.UndoCancelled):
            QMessageBox.information(self, self.tr("Undo an import"), self.tr(
                "The undo was cancelled: nothing was changed."))
        elif isinstance(error, UndoError):
            QMessageBox.warning(self, self.tr("Undo an import"), undo_problem_text(error))
        else:
            show_error(self, error, details)

