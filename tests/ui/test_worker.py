"""ui.worker.run_sized: a little work is done at once on the UI thread, a lot on
a worker with progress and Cancel, and a failure either way reaches the
caller and the error dialog, except the caller's own quiet ones (a Cancel)."""

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from ui import worker
from ui.worker import Job, run_sized


class Cancelled(Exception):
    pass


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def shown_errors(monkeypatch):
    """What would have gone to the error dialog: (parent, error, details)."""
    shown: list[tuple] = []
    monkeypatch.setattr(worker, "show_error",
                        lambda parent, error, details=None: shown.append((parent, error, details)))
    return shown


def counting(seen: list):
    """Work over items that notes the thread it ran on and what it was given."""
    def work(progress, cancelled):
        seen.append((threading.current_thread(), progress, cancelled))
        return 42
    return work


def test_a_little_work_is_done_at_once_on_the_ui_thread(parent, shown_errors):
    seen, results = [], []

    job = run_sized(parent, worker.WORKER_FROM - 1, counting(seen), results.append,
                    label="Working…")

    assert job is None and results == [42]  # done before run_sized returned
    assert seen == [(threading.main_thread(), None, None)]
    assert parent.findChildren(worker.QProgressDialog) == []
    assert shown_errors == []


def test_a_lot_of_work_runs_on_a_worker_with_progress_and_calls_back(parent, qtbot,
                                                                     shown_errors):
    seen, results = [], []

    job = run_sized(parent, worker.WORKER_FROM, counting(seen), results.append,
                    label="Working…")

    assert isinstance(job, Job) and job.dialog.labelText() == "Working…"
    assert job.dialog.parent() is parent
    qtbot.waitUntil(lambda: results == [42], timeout=10000)
    [(thread, progress, cancelled)] = seen
    assert thread is not threading.main_thread()
    assert callable(progress) and callable(cancelled)
    assert shown_errors == []


def test_the_caller_can_set_where_the_worker_takes_over(parent, qtbot, shown_errors):
    results = []

    assert run_sized(parent, 3, counting([]), results.append, worker_from=4) is None
    assert results == [42]

    job = run_sized(parent, 4, counting([]), results.append, worker_from=4)
    assert job is not None
    qtbot.waitUntil(lambda: results == [42, 42], timeout=10000)


def test_cancel_on_a_worker_reaches_the_caller_but_shows_no_error(parent, qtbot, shown_errors):
    failures, results = [], []

    def work(_progress, cancelled):
        while not cancelled():
            threading.Event().wait(0.01)
        raise Cancelled()  # the core rolled its transaction back

    job = run_sized(parent, worker.WORKER_FROM, work, results.append, failures.append,
                    quiet=(Cancelled,))
    job.dialog.show()  # as it does after a moment
    qtbot.mouseClick(job.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(failures) == 1, timeout=10000)
    assert isinstance(failures[0], Cancelled)
    assert results == [] and shown_errors == []


def test_a_quiet_error_in_work_done_at_once_is_left_to_the_caller(parent, shown_errors):
    failures = []

    def work(_progress, _cancelled):
        raise Cancelled()

    assert run_sized(parent, 1, work, failures.append, failures.append,
                     quiet=(Cancelled,)) is None
    assert [type(f) for f in failures] == [Cancelled] and shown_errors == []


def test_another_error_done_at_once_reaches_the_caller_then_the_error_dialog(
        parent, shown_errors):
    happened = []
    broken = ValueError("disk on fire")

    def work(_progress, _cancelled):
        raise broken

    run_sized(parent, 1, work, lambda result: happened.append(("done", result)),
              lambda error: happened.append(("failed", error, len(shown_errors))),
              quiet=(Cancelled,))

    assert happened == [("failed", broken, 0)]  # the window first, then the dialog
    assert shown_errors == [(parent, broken, None)]  # the traceback is taken from the error


def test_another_error_on_a_worker_shows_the_error_dialog_with_its_traceback(
        parent, qtbot, shown_errors):
    failures = []

    def work_that_breaks(_progress, _cancelled):
        return 1 / 0

    run_sized(parent, worker.WORKER_FROM, work_that_breaks, failures.append, failures.append,
              quiet=(Cancelled,))

    qtbot.waitUntil(lambda: len(shown_errors) == 1, timeout=10000)
    [(shown_parent, error, details)] = shown_errors
    assert shown_parent is parent and isinstance(error, ZeroDivisionError)
    assert "work_that_breaks" in details  # the worker's own frame
    assert failures == [error]


def test_without_a_failure_callback_an_error_is_still_shown(parent, shown_errors):
    broken = RuntimeError("no callback")

    def work(_progress, _cancelled):
        raise broken

    run_sized(parent, 1, work, lambda _result: None)

    assert shown_errors == [(parent, broken, None)]
