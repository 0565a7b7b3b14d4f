"""Which cards are top customers (the top 20% by revenue over the last 12
months), worked out once off the UI thread and kept until the day, the card
file or the deals change; the card list and the card read it without a query."""

import datetime
import logging
import time

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF

from prospect_desk.models import db
from ui.worker import start_job

MAX_AGE_SECONDS = 600
"""Worked out again after this long, so that deals won meanwhile count."""


def _top_customer_ids(today: datetime.date) -> set[int]:
    from prospect_desk.reports import top_customer_ids  # on the worker, not at start-up

    return top_customer_ids(today)


def _database_key() -> str | None:
    return db.obj.database if db.obj is not None else None


class TopCustomers(QObject):
    """`changed` follows a new set of ids; `ids` never waits for one."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ids: frozenset[int] = frozenset()
        self._key: tuple | None = None
        """(database, day, generation) the ids were worked out for."""
        self._wanted: tuple | None = None
        """The same for the job under way."""
        self._generation = 0
        self._failed_for: tuple | None = None
        self._worked_out_at = 0.0

    def _current(self) -> tuple:
        return (_database_key(), datetime.date.today())

    def ids(self) -> frozenset[int]:
        """The last known ids (empty until first worked out for this card file and
        day); asks for fresh ones when stale, keeping these meanwhile."""
        self.refresh_if_stale()
        return self._ids if self._key is not None and self._key[:2] == self._current() \
            else frozenset()

    def is_top(self, card_id: int | None) -> bool:
        return card_id is not None and card_id in self.ids()

    def is_known(self) -> bool:
        """The ids are worked out and no newer ones are on the way."""
        return self._key == (*self._current(), self._generation) and self._wanted is None

    def invalidate(self) -> None:
        """Deals changed: work the ids out again."""
        self._generation += 1
        self.refresh_if_stale()

    def refresh_if_stale(self) -> None:
        database, today = self._current()
        wanted = (database, today, self._generation)
        fresh = time.monotonic() - self._worked_out_at < MAX_AGE_SECONDS
        if database is None or (self._key == wanted and fresh):
            return
        if wanted in (self._wanted, self._failed_for):
            return
        self._wanted = wanted
        start_job(lambda _progress, _cancelled: _top_customer_ids(today),
                  lambda ids: self._done(wanted, ids), self._failed)

    def _done(self, wanted: tuple, ids: set[int]) -> None:
        if self._wanted != wanted:
            return  # a newer question is under way
        self._wanted = None
        self._key = wanted
        self._worked_out_at = time.monotonic()
        self._ids = frozenset(ids)
        self.changed.emit()
        self.refresh_if_stale()  # the card file, the day or the deals changed meanwhile

    def _failed(self, error: BaseException, _details: str) -> None:
        self._failed_for, self._wanted = self._wanted, None
        logging.getLogger(__name__).warning("Top customers not worked out: %s", error)


_instance: TopCustomers | None = None
_star: QIcon | None = None
STAR_COLOUR = QColor("#d9822b")
"""The colour of the top group in the Pareto chart."""


def star_icon() -> QIcon:
    """A small filled star, drawn once."""
    global _star
    if _star is None:
        import math

        size = 32
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        points = []
        for point in range(10):
            radius = size * (0.48 if point % 2 == 0 else 0.2)
            angle = math.pi / 2 + point * math.pi / 5
            points.append(QPointF(size / 2 + radius * math.cos(angle),
                                  size * 0.53 - radius * math.sin(angle)))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(STAR_COLOUR)
        painter.drawPolygon(QPolygonF(points))
        painter.end()
        _star = QIcon(pixmap)
    return _star


def top_customers() -> TopCustomers:
    global _instance
    if _instance is None:
        _instance = TopCustomers()
    return _instance
