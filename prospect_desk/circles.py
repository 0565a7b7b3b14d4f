"""Source circles: listing with card counts, adding, renaming, reordering, removing."""

from dataclasses import dataclass

from peewee import fn

from prospect_desk import bulk_indexes
from prospect_desk.models import Card, Circle, db


@dataclass(frozen=True)
class CircleInfo:
    id: int
    builtin_key: str | None
    name: str | None
    """The user's name; None for a built-in circle never renamed."""
    position: int
    card_count: int


class CircleNameError(ValueError):
    """The name is empty or another circle has it already."""

    def __init__(self, name: str, taken: bool):
        super().__init__(name)
        self.name = name
        self.taken = taken


def _live_counts() -> dict[int | None, int]:
    """Live cards per circle id (None: no circle), from one index-only pass.

    INDEXED BY: left to itself SQLite walks the plain circle_id index and reads
    every card row for its deleted_at (160 ms at 100k cards instead of 8 ms)."""
    cursor = db.execute_sql(
        'SELECT "circle_id", COUNT(*) FROM "card" INDEXED BY "card_live_circle_name" '
        'WHERE "deleted_at" IS NULL GROUP BY "circle_id"')
    return dict(cursor.fetchall())


def circle_names() -> list[tuple[int, str | None, str | None]]:
    """(id, builtin_key, name) in the user's order, without counting cards."""
    query = (Circle.select(Circle.id, Circle.builtin_key, Circle.name)
             .order_by(Circle.position, Circle.id))
    return list(query.tuples())


def list_circles() -> list[CircleInfo]:
    """Circles in the user's order, each with its count of live cards."""
    return circles_and_unfiled()[0]


def circles_and_unfiled() -> tuple[list[CircleInfo], int]:
    """The circles with their counts, and the live cards in no circle, from
    one pass over the cards."""
    counts = _live_counts()
    query = (Circle.select(Circle.id, Circle.builtin_key, Circle.name, Circle.position)
             .order_by(Circle.position, Circle.id))
    circles = [CircleInfo(*row, card_count=counts.get(row[0], 0)) for row in query.tuples()]
    return circles, counts.get(None, 0)


def count_without_circle() -> int:
    return _live_counts().get(None, 0)


def _check_name(name: str, except_id: int | None = None) -> str:
    name = name.strip()
    if not name:
        raise CircleNameError(name, taken=False)
    clash = Circle.select().where(fn.LOWER(Circle.name) == name.lower())
    if except_id is not None:
        clash = clash.where(Circle.id != except_id)
    if clash.exists():
        raise CircleNameError(name, taken=True)
    return name


def add_circle(name: str) -> int:
    with db.atomic():
        name = _check_name(name)
        last = Circle.select(fn.MAX(Circle.position)).scalar()
        return Circle.insert(name=name, position=(last or 0) + 1).execute()


def rename_circle(circle_id: int, name: str) -> None:
    with db.atomic():
        name = _check_name(name, except_id=circle_id)
        Circle.update(name=name).where(Circle.id == circle_id).execute()


def move_circle(circle_id: int, offset: int) -> None:
    """Move a circle up (negative) or down (positive) in the order."""
    with db.atomic():
        ids = [c.id for c in Circle.select(Circle.id).order_by(Circle.position, Circle.id)]
        index = ids.index(circle_id)
        target = max(0, min(len(ids) - 1, index + offset))
        ids.insert(target, ids.pop(index))
        for position, cid in enumerate(ids):
            Circle.update(position=position).where(Circle.id == cid).execute()


def remove_circle(circle_id: int) -> int:
    """Remove a circle; its cards stay, filed under no circle. Returns how many
    cards (live or in the trash) lost the circle."""
    with db.atomic():
        bulk_indexes.build_foreign_key_indexes("card")
        moved = Card.update(circle=None).where(Card.circle == circle_id).execute()
        Circle.delete().where(Circle.id == circle_id).execute()
        return moved
