"""The one way to run long work off the UI thread: a job on the thread pool with
progress and cancel, its result handed back to the main thread by a signal.

The job function gets `progress(done, total)` and `cancelled()` to pass to the
core; it runs on its own database connection (peewee's are per thread), which
is closed when it ends. Jobs never touch widgets.

`run_sized` is the usual way in: work over few items runs at once, work over
many (from WORKER_FROM) runs as a job, and a failure is shown the same way
either way."""

import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from prospect_desk.models import db
from ui.error_dialog import show_error

JobFunction = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]

WORKER_FROM = 2000
"""From this many items, `run_sized` runs the work on a worker with progress and
Cancel; fewer are done at once, faster than a progress dialog could show."""


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


def run_sized(parent: QWidget, size: int, function: JobFunction,
              on_done: Callable[[Any], None],
              on_failure: Callable[[BaseException], None] | None = None,
              quiet: tuple[type[BaseException], ...] = (), label: str = "",
              worker_from: int | None = None) -> Job | None:
    """Run `function(progress, cancelled)`, which works over `size` items.

    Fewer than `worker_from` (WORKER_FROM unless given): here and now, with
    progress and cancelled None, and None is returned. Otherwise a job with a
    progress dialog showing `label` and Cancel, which is returned. Either way
    `on_done(result)` follows on the main thread. A failure goes to
    `on_failure(error)` first (to put the window back as it was), then to the
    error dialog, which logs it, unless it is one of the `quiet` exceptions the
    caller reports itself: the core's Cancelled (its one transaction rolled
    back, nothing to tell), say, or a rule it explains in its own words."""
    def failed(error: BaseException, details: str | None) -> None:
        if on_failure is not None:
            on_failure(error)
        if not isinstance(error, quiet):
            show_error(parent, error, details)

    if size < (WORKER_FROM if worker_from is None else worker_from):
        try:
            result = function(None, None)
        except Exception as error:  # noqa: BLE001 - shown, the app goes on
            failed(error, None)
            return None
        on_done(result)
        return None
    return start_job(function, on_done, failed, parent=parent, label=label)
