"""The one way to run long work off the UI thread: a job on the thread pool with
progress and cancel, its result handed back to the main thread by a signal.

The job function gets `progress(done, total)` and `cancelled()` to pass to the
core; it runs on its own database connection (peewee's are per thread), which
is closed when it ends. Jobs never touch widgets."""

import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from prospect_desk.models import db

JobFunction = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class JobSignals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object, str)
    """The exception, and its traceback as text."""
    finished = Signal()


class Job(QRunnable):
    def __init__(self, function: JobFunction):
        super().__init__()
        self.setAutoDelete(False)
        self.function = function
        self.signals = JobSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.function(self.signals.progress.emit, self._cancel.is_set)
        except BaseException as error:  # noqa: BLE001 - reported to the main thread
            details = "".join(traceback.format_exception(*sys.exc_info()))
            self.signals.failed.emit(error, details)
        else:
            self.signals.succeeded.emit(result)
        finally:
            if db.obj is not None and not db.is_closed():
                db.close()  # this thread's connection only
            self.signals.finished.emit()


_running: set[Job] = set()


def start_job(function: JobFunction, on_success: Callable[[Any], None],
              on_failure: Callable[[BaseException, str], None],
              parent: QWidget | None = None, label: str = "") -> Job:
    """Run `function` on the thread pool. With a parent, a progress dialog with
    a Cancel button shows while it runs (after a short moment)."""
    job = Job(function)
    _running.add(job)
    if parent is not None:
        dialog = QProgressDialog(label, QProgressDialog.tr("Cancel"), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        job.dialog = dialog

        def show_progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)

        job.signals.progress.connect(show_progress)
        job.signals.finished.connect(dialog.close)
        job.signals.finished.connect(dialog.deleteLater)
    job.signals.succeeded.connect(on_success)
    job.signals.failed.connect(on_failure)
    job.signals.finished.connect(lambda: _running.discard(job))
    QThreadPool.globalInstance().start(job)
    return job
