"""Deleting the cards chosen in the list: to the trash, after asking when they are many.

All of them move in one transaction (the trash gives them back); from
`WORKER_FROM` cards on the move runs on a worker with progress and Cancel,
so deleting 100,000 chosen cards does not hold the window."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from prospect_desk import trash
from ui.error_dialog import show_error
from ui.worker import Job, start_job

WORKER_FROM = 2000


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
    if len(ids) < WORKER_FROM:
        try:
            count = trash.move_to_trash(ids)
        except Exception as error:  # noqa: BLE001 - shown; nothing moved
            show_error(parent, error)
            count = 0
        done(count)
        return None

    def failed(error: BaseException, details: str) -> None:
        if not isinstance(error, trash.TrashCancelled):
            show_error(parent, error, details)
        done(0)  # one transaction: nothing moved

    return start_job(lambda progress, cancelled: trash.move_to_trash(ids, progress, cancelled),
                     done, failed, parent=parent,
                     label=QCoreApplication.translate("BulkDelete",
                                                      "Moving cards to the trash…"))
