"""Deleting the cards chosen in the list: to the trash, after asking when they are many.

All of them move in one transaction (the trash gives them back); from
ui.worker.WORKER_FROM cards on the move runs on a worker with progress and
Cancel, so deleting 100,000 chosen cards does not hold the window."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from prospect_desk import trash
from ui.worker import Job, run_sized


def delete_to_trash(parent: QWidget, ids: list[int],
                    done: Callable[[int], None]) -> Job | None:
    """Ask first when more than one card is chosen (the question names the
    count), then move them to the trash; `done(count)` follows on the main
    thread. Returns the job when the move runs on a worker."""
    if len(ids) > 1:
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("BulkDelete", "Delete cards"),
            QCoreApplication.translate(
                "BulkDelete", "Move the %1 chosen cards to the trash? You can restore them "
                "from Edit → Trash….").replace("%1", str(len(ids))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return None
    return run_sized(
        parent, len(ids), lambda progress, cancelled: trash.move_to_trash(ids, progress, cancelled),
        done, lambda _error: done(0),  # one transaction: nothing moved
        quiet=(trash.TrashCancelled,),
        label=QCoreApplication.translate("BulkDelete", "Moving cards to the trash…"))
