"""The queries behind the card list: filter, search and sort in SQL, rows by id."""

import datetime
import json
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum

from peewee import SQL, NodeList, fn

from prospect_desk import search_keys
from prospect_desk.models import Card, Circle, db

NO_CIRCLE = 0
"""In `CardFilter.circle_ids`, stands for cards filed under no circle."""


class ListColumn(StrEnum):
    NAME = "name"
    KIND = "kind"
    COMPANY = "company"
    PHONE = "phone"
    CIRCLE = "circle"
    STAGE = "stage"
    CREDIT_STATUS = "credit_status"
    FIRST_CONTACT = "first_contact"
    LAST_CONTACT = "last_contact"


LIST_COLUMNS = list(ListColumn)

# Written as the indexes of migration 0005 write them, so that SQLite uses them.
_COMPANY = SQL("""CASE WHEN "kind" = 'company' THEN "name" ELSE "employer" END""")
_PHONE = SQL("""CASE WHEN "phone" != '' THEN "phone" ELSE "mobile" END""")

_SHOWN = {ListColumn.COMPANY: _COMPANY, ListColumn.PHONE: _PHONE}


@dataclass(frozen=True)
class CardFilter:
    """What the list shows. Empty sets mean 'any'."""

    search: str = ""
    kinds: frozenset[str] = field(default_factory=frozenset)
    stages: frozenset[str] = field(default_factory=frozenset)
    credit_statuses: frozenset[str] = field(default_factory=frozenset)
    circle_ids: frozenset[int] = field(default_factory=frozenset)
    trashed: bool = False


@dataclass(frozen=True)
class CardRow:
    """One line of the list, as shown."""

    id: int
    name: str
    kind: str
    company: str
    phone: str
    circle_id: int | None
    stage: str
    credit_status: str
    first_contact: datetime.date | None
    last_contact: datetime.date | None


_PHONE_LIKE = re.compile(r"^[\d+\-().]+$")


def _contains(text: str):
    """search_text holds `text`, matched literally: LIKE with %, _ and the
    escape character escaped. Both sides are lower case already, so LIKE's
    ASCII case folding changes nothing; it scans 100k cards in 25 ms where
    instr() takes 40 (instr counts characters, LIKE compares bytes)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return NodeList((Card.search_text, SQL("LIKE"), f"%{escaped}%", SQL("ESCAPE '\\'")))


def _digits_alternative(token: str) -> str | None:
    """The digits a phone-like token also matches (138-0013 finds 1380013)."""
    token_digits = search_keys.digits(token)
    if token_digits != token and len(token_digits) >= 3 and _PHONE_LIKE.match(token):
        return token_digits
    return None


def _where(card_filter: CardFilter):
    condition = (Card.deleted_at.is_null(False) if card_filter.trashed
                 else Card.deleted_at.is_null())
    for token in search_keys.search_tokens(card_filter.search):
        match = _contains(token)
        alternative = _digits_alternative(token)
        if alternative is not None:
            match |= _contains(alternative)
        condition &= match
    if card_filter.kinds:
        condition &= Card.kind.in_(sorted(card_filter.kinds))
    if card_filter.stages:
        condition &= Card.stage.in_(sorted(card_filter.stages))
    if card_filter.credit_statuses:
        condition &= Card.credit_status.in_(sorted(card_filter.credit_statuses))
    if card_filter.circle_ids:
        circles = sorted(c for c in card_filter.circle_ids if c != NO_CIRCLE)
        circle_match = Card.circle.in_(circles)
        if NO_CIRCLE in card_filter.circle_ids:
            circle_match |= Card.circle.is_null()
        condition &= circle_match
    return condition


_NULLABLE = {ListColumn.FIRST_CONTACT: Card.first_contact,
             ListColumn.LAST_CONTACT: Card.last_contact}
_PLAIN = {ListColumn.NAME: Card.sort_name, ListColumn.KIND: Card.kind,
          ListColumn.STAGE: Card.stage, ListColumn.CREDIT_STATUS: Card.credit_status}


def _fetch_ids(query) -> list[int]:
    """Ids straight from the cursor: building a row object for each of 100k
    ids would cost more than the query."""
    return [row[0] for row in db.execute(query).fetchall()]


# Peewee names the card table "t1" in a query over Card alone.
_CARDS_BY_SEARCH_INDEX = SQL('"card" AS "t1" INDEXED BY "card_live_search"')


def _by_search_index(card_filter: CardFilter) -> bool:
    """Whether a query for the filter reads the (sort_name, id, search_text)
    index of live cards: when it searches. Left to itself SQLite prefers the
    narrower name index and fetches every card's row for its search text:
    ten times slower. (The index holds live cards only.)"""
    return not card_filter.trashed and bool(search_keys.search_tokens(card_filter.search))


def narrows(new: CardFilter, old: CardFilter) -> bool:
    """Whether every card `new` lets through, `old` lets through too: the same
    filters, and each of old's search words inside one of new's (one more
    letter typed, or another word). A phone-like word also matches its digits,
    so it only narrows a word that matches digits too."""
    if replace(new, search="") != replace(old, search=""):
        return False
    new_tokens = search_keys.search_tokens(new.search)

    def covers(new_token: str, old_token: str) -> bool:
        if old_token not in new_token:
            return False
        return (_digits_alternative(new_token) is None
                or search_keys.digits(old_token) == old_token
                or _digits_alternative(old_token) is not None)

    return all(any(covers(n, t) for n in new_tokens)
               for t in search_keys.search_tokens(old.search))


def data_version() -> tuple[int, int]:
    """Changes since: (commits by other connections, changes by this one).
    Equal versions mean the cards a query saw are still the cards."""
    other = db.execute_sql("PRAGMA data_version").fetchone()[0]
    return other, db.connection().total_changes


def card_ids(card_filter: CardFilter = CardFilter(),
             sort: ListColumn = ListColumn.NAME, descending: bool = False,
             within: list[int] | None = None) -> list[int]:
    """The ids of the cards the filter lets through, in list order. Empty
    values sort last either way; ties fall back to the name, then the id
    (reversed with the order, so that the sort can walk an index).

    `within`: the ids, in this order, of an earlier query with the same sort
    that let through every card this one does (see `narrows`) over the same
    cards (see `data_version`). When few, only those cards are looked at
    (one more letter typed after 'zha' reads 1,200 cards, not 100k)."""
    sort = ListColumn(sort)
    where = _where(card_filter)
    if within is not None and _few(within):
        found = {row[0] for row in db.execute(Card.select(Card.id).where(
            NodeList((Card.id, SQL("IN (SELECT value FROM json_each(?))", [json.dumps(within)])))
            & where)).fetchall()}
        return [card_id for card_id in within if card_id in found]
    base = Card.select(Card.id)

    def direction(*terms):
        return [t.desc() if descending else t.asc() for t in terms]

    if sort == ListColumn.NAME:
        # A search reads the search index in list order.
        if _by_search_index(card_filter):
            base = base.from_(_CARDS_BY_SEARCH_INDEX)
        return _fetch_ids(base.where(where).order_by(*direction(Card.sort_name, Card.id)))
    if sort in _PLAIN:
        return _fetch_ids(base.where(where).order_by(
            *direction(_PLAIN[sort], Card.sort_name, Card.id)))
    if sort in _NULLABLE:
        # Two walks of the (column, sort_name) index: the dated cards, then the rest.
        column = _NULLABLE[sort]
        dated = base.where(where & column.is_null(False)).order_by(
            *direction(column, Card.sort_name, Card.id))
        undated = base.where(where & column.is_null()).order_by(
            *direction(Card.sort_name, Card.id))
        return _fetch_ids(dated) + _fetch_ids(undated)
    if sort == ListColumn.CIRCLE:
        # One walk of the (circle, sort_name) index per circle, in the user's order.
        order = [row[0] for row in Circle.select(Circle.id)
                 .order_by(Circle.position, Circle.id).tuples()]
        ids = []
        for circle_id in reversed(order) if descending else order:
            ids += _fetch_ids(base.where(where & (Card.circle == circle_id))
                              .order_by(*direction(Card.sort_name, Card.id)))
        return ids + _fetch_ids(base.where(where & Card.circle.is_null())
                                .order_by(*direction(Card.sort_name, Card.id)))
    # Company and phone: the cards that show one, by it, then those that do not.
    expression = _SHOWN[sort]
    shown = base.where(where & (expression != "")).order_by(
        *direction(expression, Card.sort_name, Card.id))
    blank = base.where(where & (expression == "")).order_by(
        *direction(Card.sort_name, Card.id))
    return _fetch_ids(shown) + _fetch_ids(blank)


def _few(ids: list[int]) -> bool:
    """Whether looking up these cards one by one beats a scan of all: at 100k
    cards (the highest id stands for their number) 7,000 lookups took 21 ms
    against a 25 ms scan, 5,000 took 14 against 28."""
    return len(ids) * 12 <= (Card.select(fn.MAX(Card.id)).scalar() or 0)


def _count_sql(card_filter: CardFilter) -> tuple[str, list]:
    if card_filter == CardFilter():
        # All live cards: counted in the smallest live-card index, not the table
        # SQLite would otherwise read (5 ms instead of 30 at 100k cards).
        return ('SELECT COUNT(*) FROM "card" INDEXED BY "card_live_circle_name" '
                'WHERE "deleted_at" IS NULL', [])
    query = Card.select(fn.COUNT(Card.id))
    if _by_search_index(card_filter):
        # As the list reads it: the search text is in the index, so no card's
        # row is read for it (20 ms instead of 180 at 100k cards).
        query = query.from_(_CARDS_BY_SEARCH_INDEX)
    return query.where(_where(card_filter)).sql()


def count_cards(card_filter: CardFilter = CardFilter()) -> int:
    return db.execute_sql(*_count_sql(card_filter)).fetchone()[0]


def count_query_plan(card_filter: CardFilter) -> list[str]:
    """EXPLAIN QUERY PLAN of `count_cards`, to check which index it reads."""
    sql, params = _count_sql(card_filter)
    return [row[-1] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params)]


def card_rows(ids: list[int]) -> dict[int, CardRow]:
    """The list rows of these cards, by id (ids that no longer exist are absent)."""
    rows: dict[int, CardRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        query = (Card.select(Card.id, Card.name, Card.kind, _COMPANY.alias("company"),
                             _PHONE.alias("phone"), Card.circle, Card.stage,
                             Card.credit_status, Card.first_contact, Card.last_contact)
                 .where(Card.id.in_(chunk)).tuples())
        for values in query:
            row = CardRow(*values)
            rows[row.id] = row
    return rows
