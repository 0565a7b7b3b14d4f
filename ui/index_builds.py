"""The indexes a big write left for after its commit (bulk_indexes), built on
a worker while the window goes on: after an import, an undo or a big move to
the trash, and at start when a kill left some. Nothing is shown: the cards
are all there already; a sort whose index is not back yet is only slower."""

import logging
import threading

from peewee import OperationalError
from PySide6.QtCore import QTimer

from prospect_desk import bulk_indexes
from prospect_desk.models import db
from ui.worker import Job, start_job

logger = logging.getLogger(__name__)

RETRY_MS = 5000
"""After the file was busy too long (a long write elsewhere), try again this much later."""

_job: Job | None = None
_idle = threading.Event()
_idle.set()


def build_pending_soon() -> Job | None:
    """Start building, unless a build is running or nothing waits; returns the job."""
    global _job
    if _job is not None or not bulk_indexes.pending():
        return _job

    def build(_progress, cancelled) -> int:
        try:
            return bulk_indexes.build_pending(cancelled=cancelled)
        finally:
            # Its connection closed here, before anyone waiting in
            # stop_and_wait goes on to close or replace the file.
            if db.obj is not None and not db.is_closed():
                db.close()
            _idle.set()

    def done(_built: int) -> None:
        global _job
        _job = None
        if not job.is_cancelled():
            build_pending_soon()  # another big write may have listed more meanwhile

    def failed(error: BaseException, details: str) -> None:
        global _job
        _job = None  # what is left stays listed
        if isinstance(error, OperationalError) and "locked" in str(error):
            QTimer.singleShot(RETRY_MS, build_pending_soon)  # a long write held the file
            return
        logger.error("Building the card indexes left for later failed:\n%s", details)

    _idle.clear()
    job = _job = start_job(build, done, failed)
    return job


def stop() -> None:
    """At quit: stop after the index being built; the next start builds the rest."""
    if _job is not None:
        _job.cancel()


def stop_and_wait(timeout: float = 30.0) -> None:
    """Before the card file is closed or replaced (a restore): stop after the
    index being built and wait until the build has let go of the file."""
    stop()
    _idle.wait(timeout)
