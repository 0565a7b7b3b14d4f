"""The indexes a big write left for later are built on a worker; a file held
busy by a long write elsewhere is tried again quietly."""

import logging

from peewee import OperationalError

from prospect_desk import bulk_indexes
from ui import index_builds


def test_a_busy_file_is_tried_again_later_without_an_error(database, qtbot, monkeypatch,
                                                           caplog):
    calls = []

    def build(database=None, cancelled=None):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return 1

    left = ["card_live_stage"]
    monkeypatch.setattr(bulk_indexes, "pending", lambda database=None: list(left))
    monkeypatch.setattr(bulk_indexes, "build_pending",
                        lambda database=None, cancelled=None: build() and left.clear() or 1)
    monkeypatch.setattr(index_builds, "RETRY_MS", 10)
    with caplog.at_level(logging.ERROR):
        index_builds.build_pending_soon()
        qtbot.waitUntil(lambda: len(calls) == 2 and index_builds._job is None, timeout=10000)
    assert not left
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_nothing_starts_when_nothing_waits(database):
    assert bulk_indexes.pending() == []
    assert index_builds.build_pending_soon() is None
