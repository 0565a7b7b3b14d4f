"""The indexes a big write left for after its commit (bulk_indexes), built on
a worker while the window goes on: after an import, an undo or a big move to
the trash, and at start when a kill left some. Nothing is shown: the cards
are all there already; a sort whose index is not back yet is only slower."""

import logging

from prospect_desk import bulk_indexes
from ui.worker import Job, start_job

logger = logging.getLogger(__name__)

_job: Job | None = None


def build_pending_soon() -> Job | None:
    """Start building, unless a build is running or nothing waits; returns the job."""
    global _job
    if _job is not None or not bulk_indexes.pending():
        return _job

    def done(_built: int) -> None:
        global _job
        _job = None
        if not job.is_cancelled():
            build_pending_soon()  # another big write may have listed more meanwhile

    def failed(_error: BaseException, details: str) -> None:
        global _job
        _job = None  # what is left stays listed for the next start
        logger.error("Building the card indexes left for later failed:\n%s", details)

    job = _job = start_job(
        lambda _progress, cancelled: bulk_indexes.build_pending(cancelled=cancelled),
        done, failed)
    return job


def stop() -> None:
    """At quit: stop after the index being built; the next start builds the rest."""
    if _job is not None:
        _job.cancel()
