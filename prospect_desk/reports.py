"""Reports on customers (DOMAIN §7–§8): lapsed customers to win back, the loss
rate, and the 80/20 view of revenue.

Every figure is computed in SQL (GROUP BY and window functions over the won
deals' partial indexes); Python only shapes the rows the query returns. Keys,
not sentences: the UI turns reasons, approaches and channels into words.
"""

import datetime
import math
from dataclasses import dataclass

from prospect_desk import rule_settings
from prospect_desk.enums import (
    Channel,
    DealOutcome,
    FollowUpKind,
    FollowUpRule,
    LapseReason,
    WinBackApproach,
)
from prospect_desk.follow_up_rules import RuleError, RuleProblem, follow_up_values
from prospect_desk.models import Card, FollowUp, _now, db

WON = DealOutcome.WON.value


def _date(value) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


# --- lapsed customers -----------------------------------------------------------

APPROACH_FOR_REASON = {
    LapseReason.INTERRUPTED: WinBackApproach.REASON_AND_OFFER,
    LapseReason.BAD_EXPERIENCE: WinBackApproach.APOLOGY_AND_REPAIR,
    LapseReason.SITUATION_CHANGED: WinBackApproach.THANKS_AND_REFERRAL,
}


@dataclass(slots=True)
class LapsedCustomer:
    """One row of the win-back list. Not frozen: a frozen dataclass sets each
    field through object.__setattr__, which made building the tens of
    thousands of rows a large list has cost a fifth of the report's time."""

    card_id: int
    name: str
    last_purchase: datetime.date
    purchases: int
    total_cents: int
    first_purchase: datetime.date
    years_as_customer: float
    lapse_months: int
    reason: LapseReason | None
    approach: WinBackApproach | None
    channel: Channel


def channel_for(address: str, phone: str, mobile: str) -> Channel:
    """Visit if possible (an address), else phone, else letter."""
    if address.strip():
        return Channel.VISIT
    if phone.strip() or mobile.strip():
        return Channel.PHONE
    return Channel.LETTER


def _reason(value: str | None) -> LapseReason | None:
    try:
        return LapseReason(value) if value else None
    except ValueError:
        return None


LAPSED_SQL = """
SELECT c.id, c.name, w.last, w.n, w.total, w.first, COALESCE(c.lapse_months, :months) AS months,
       c.lapse_reason, c.address, c.phone, c.mobile
FROM (SELECT card_id, MAX(date) AS last, COUNT(*) AS n, SUM(amount_cents) AS total,
             MIN(date) AS first
      FROM deal WHERE outcome = 'won' AND date <= :as_of GROUP BY card_id) AS w
JOIN card AS c ON c.id = w.card_id
WHERE c.deleted_at IS NULL
  AND w.last < COALESCE(date(:as_of, '-' || c.lapse_months || ' months'),
                        date(:as_of, '-' || :months || ' months'))
ORDER BY w.total DESC, w.n DESC, w.last DESC, c.sort_name, c.id
"""
"""One walk of the won deals' card index gives every card's first and last
purchase, count and total. The threshold day is worked out once for the cards
that follow the setting (a constant expression); only a card with its own
threshold has a date computed for it (for the others its date() is NULL)."""


def lapsed_customers(as_of: datetime.date, limit: int | None = None) -> list[LapsedCustomer]:
    """Customers whose last won deal is older than their threshold (the card's
    own lapse_months, else the setting), those who bought most first, then
    most often, then most recently."""
    months = rule_settings.get("lapse_months")
    sql = LAPSED_SQL + (" LIMIT :limit" if limit is not None else "")
    params = {"months": months, "as_of": as_of.isoformat()}
    if limit is not None:
        params["limit"] = limit
    # Each day parsed once (and each first day's years as a customer worked out
    # once): tens of thousands of rows share a few thousand days.
    lasts: dict[str, datetime.date] = {}
    firsts: dict[str, tuple[datetime.date, float]] = {}
    rows = []
    for (card_id, name, last, n, total, first, card_months, reason, address, phone,
         mobile) in db.execute_sql(sql, params).fetchall():
        last_day = lasts.get(last)
        if last_day is None:
            last_day = lasts[last] = _date(last)
        first_day = firsts.get(first)
        if first_day is None:
            day = _date(first)
            first_day = firsts[first] = (day, round((as_of - day).days / 365.25, 1))
        lapse_reason = _reason(reason)
        rows.append(LapsedCustomer(
            card_id, name, last_day, n, total or 0, first_day[0], first_day[1], card_months,
            lapse_reason, APPROACH_FOR_REASON.get(lapse_reason),
            channel_for(address, phone, mobile)))
    return rows


def set_lapse_reason(card_id: int, reason: str | None) -> None:
    value = LapseReason(reason).value if reason else None
    with db.atomic():
        if not Card.update(lapse_reason=value, updated_at=_now()).where(
                (Card.id == card_id) & Card.deleted_at.is_null()).execute():
            raise RuleError(RuleProblem.CARD_NOT_FOUND, card_id)


def set_lapse_months(card_id: int, months: int | None) -> None:
    """A card's own threshold (a seasonal buyer's, say); None: the setting."""
    if months is not None and (not isinstance(months, int) or not 1 <= months <= 240):
        raise RuleError(RuleProblem.AMOUNT_INVALID, months)
    with db.atomic():
        if not Card.update(lapse_months=months, updated_at=_now()).where(
                (Card.id == card_id) & Card.deleted_at.is_null()).execute():
            raise RuleError(RuleProblem.CARD_NOT_FOUND, card_id)


def card_lapse_months(card_id: int) -> int | None:
    """The card's own lapse threshold, or None when the setting applies."""
    row = Card.select(Card.lapse_months).where(Card.id == card_id).tuples().first()
    return row[0] if row else None


def schedule_win_back(card_id: int, due_date: datetime.date) -> int:
    """Schedule the suggested approach for the card's lapse reason as a
    follow-up (kind win_back). Returns its id."""
    with db.atomic():
        card = Card.get_or_none((Card.id == card_id) & Card.deleted_at.is_null())
        if card is None:
            raise RuleError(RuleProblem.CARD_NOT_FOUND, card_id)
        reason = _reason(card.lapse_reason)
        approach = APPROACH_FOR_REASON.get(reason)
        params = {"reason": reason.value if reason else "",
                  "approach": approach.value if approach else "",
                  "channel": channel_for(card.address, card.phone, card.mobile).value}
        return FollowUp.insert(**follow_up_values(
            card_id, FollowUpKind.WIN_BACK, due_date, FollowUpRule.WIN_BACK, params)).execute()


# --- loss rate --------------------------------------------------------------------


@dataclass(frozen=True)
class LossRate:
    period: str
    """"2024" for a year, "2024-Q3" for a quarter."""
    start: datetime.date
    end: datetime.date
    """The day after the period."""
    customers: int
    """Customers at the start: they bought before it."""
    lost: int
    """Of those, the ones who bought nothing during it."""

    @property
    def rate(self) -> float:
        return self.lost / self.customers if self.customers else 0.0

    @property
    def new_needed_to_grow_10_percent(self) -> int:
        """customers × (loss rate + 10%), rounded up: replace the lost, then grow."""
        return self.lost + math.ceil(self.customers / 10)


_YEAR_KEY = "strftime('%Y', {col})"
_QUARTER_KEY = ("strftime('%Y', {col}) || '-Q' || "
                "((CAST(strftime('%m', {col}) AS INTEGER) + 2) / 3)")

LOSS_SQL = """
SELECT 'first', {first_key}, COUNT(*)
FROM (SELECT MIN(date) AS first FROM deal
      WHERE outcome = 'won' AND date < :end
        AND card_id NOT IN (SELECT id FROM card WHERE deleted_at IS NOT NULL)
      GROUP BY card_id) AS f
GROUP BY 2
UNION ALL
SELECT 'active', {deal_key}, COUNT(DISTINCT d.card_id)
FROM deal AS d
WHERE d.outcome = 'won' AND d.date >= :start AND d.date < :end
  AND d.card_id NOT IN (SELECT id FROM card WHERE deleted_at IS NOT NULL)
GROUP BY 2
"""
"""Two walks, each over one index, for all periods at once: every customer's
first purchase (the card index), counted by the period it fell in; and the
customers who bought in each period (the date index). Those who bought in a
period are the customers kept through it plus the ones it won for the first
time, so kept = bought − first bought then; no per-customer lookups."""


def _periods(start: datetime.date, end: datetime.date, quarterly: bool):
    """The whole years or quarters from the one holding `start` up to `end`."""
    step = 3 if quarterly else 12
    month = (start.month - 1) // step * step + 1
    day = datetime.date(start.year, month, 1)
    while True:
        next_month = day.month + step
        after = datetime.date(day.year + (next_month - 1) // 12, (next_month - 1) % 12 + 1, 1)
        if after > end:
            return
        key = f"{day.year}-Q{(day.month + 2) // 3}" if quarterly else str(day.year)
        yield key, day, after
        day = after


def loss_rates(as_of: datetime.date, years: int = 5, quarterly: bool = False) -> list[LossRate]:
    """The loss rate of each whole year (or quarter) of the last `years` years
    that ended by `as_of`, oldest first."""
    periods = list(_periods(datetime.date(as_of.year - years, 1, 1),
                            as_of + datetime.timedelta(days=1), quarterly))
    if not periods:
        return []
    key = _QUARTER_KEY if quarterly else _YEAR_KEY
    sql = LOSS_SQL.format(first_key=key.format(col="f.first"),
                          deal_key=key.format(col="d.date"))
    params = {"start": periods[0][1].isoformat(), "end": periods[-1][2].isoformat()}
    first_counts: dict[str, int] = {}
    active: dict[str, int] = {}
    for what, period, count in db.execute_sql(sql, params).fetchall():
        (first_counts if what == "first" else active)[period] = count
    result = []
    for period, start, after in periods:
        customers = sum(n for p, n in first_counts.items() if p < period)
        kept = active.get(period, 0) - first_counts.get(period, 0)
        result.append(LossRate(period, start, after, customers, customers - kept))
    return result


# --- 80/20 ------------------------------------------------------------------------


@dataclass(frozen=True)
class ParetoRow:
    key: int | None
    """The card id; for a circle or referrer group, its id (None: none)."""
    name: str
    builtin_key: str | None
    revenue_cents: int
    deals: int
    cumulative_share: float
    top: bool
    """In the top 20% of the ranking."""
    last_contact: datetime.date | None = None
    needs_contact: bool = False
    """A top customer with no contact in the last N days."""


@dataclass(frozen=True)
class Pareto:
    rows: list[ParetoRow]
    total_cents: int
    top_count: int
    top_share: float
    """The share of revenue the top 20% bring."""


def top_count(n: int) -> int:
    """How many rows make the top 20%: a fifth, rounded up."""
    return math.ceil(n / 5)


def _pareto(rows: list[tuple], make) -> Pareto:
    total = sum(row[0] for row in rows)
    top = top_count(len(rows))
    result, running = [], 0
    for rank, row in enumerate(rows):
        running += row[0]
        result.append(make(row, running / total if total else 0.0, rank < top))
    top_revenue = sum(row[0] for row in rows[:top])
    return Pareto(result, total, top, top_revenue / total if total else 0.0)


PARETO_SQL = """
SELECT w.revenue, w.n, c.id, c.name, c.last_contact
FROM (SELECT card_id, SUM(amount_cents) AS revenue, COUNT(*) AS n FROM deal
      WHERE outcome = 'won' AND date >= ? AND date <= ? GROUP BY card_id) AS w
JOIN card AS c ON c.id = w.card_id
WHERE c.deleted_at IS NULL AND w.revenue > 0
ORDER BY w.revenue DESC, w.n DESC, c.sort_name, c.id
"""


def pareto_customers(start: datetime.date, end: datetime.date, as_of: datetime.date | None = None,
                     no_contact_days: int | None = None) -> Pareto:
    """Customers ranked by won revenue in [start, end] (ties: more deals, then
    name), with the cumulative share; top customers not contacted in the last
    `no_contact_days` (the setting) by `as_of` (default `end`) are flagged."""
    as_of = as_of or end
    days = (rule_settings.get("top_customer_no_contact_days")
            if no_contact_days is None else no_contact_days)
    cutoff = as_of - datetime.timedelta(days=days)
    rows = db.execute_sql(PARETO_SQL, [start.isoformat(), end.isoformat()]).fetchall()

    def make(row, share, top):
        revenue, n, card_id, name, last_contact = row
        last_contact = _date(last_contact)
        stale = top and (last_contact is None or last_contact < cutoff)
        return ParetoRow(card_id, name, None, revenue, n, share, top, last_contact, stale)

    return _pareto(rows, make)


def default_period(as_of: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The 80/20 view's period unless the user picks another: the last 12 months."""
    return as_of - datetime.timedelta(days=365), as_of


def top_customer_ids(as_of: datetime.date) -> set[int]:
    """The cards in the top 20% of customers by revenue over the default period."""
    start, end = default_period(as_of)
    return {row.key for row in pareto_customers(start, end, no_contact_days=0).rows if row.top}


GROUP_SQL = {
    "circle": """
SELECT SUM(d.amount_cents) AS revenue, COUNT(*) AS n, g.id, g.name, g.builtin_key
FROM deal AS d JOIN card AS c ON c.id = d.card_id AND c.deleted_at IS NULL
LEFT JOIN circle AS g ON g.id = c.circle_id
WHERE d.outcome = 'won' AND d.date >= ? AND d.date <= ?
GROUP BY c.circle_id HAVING revenue > 0
ORDER BY revenue DESC, n DESC, g.position, g.id""",
    "referrer": """
SELECT SUM(d.amount_cents) AS revenue, COUNT(*) AS n, r.id, r.name, NULL
FROM deal AS d JOIN card AS c ON c.id = d.card_id AND c.deleted_at IS NULL
LEFT JOIN card AS r ON r.id = c.referrer_id
WHERE d.outcome = 'won' AND d.date >= ? AND d.date <= ?
GROUP BY c.referrer_id HAVING revenue > 0
ORDER BY revenue DESC, n DESC, r.sort_name, r.id""",
}


def pareto_groups(by: str, start: datetime.date, end: datetime.date) -> Pareto:
    """Which circles (by="circle") or referrers (by="referrer") brought the
    revenue of [start, end]; the group of cards with none has key None."""
    rows = db.execute_sql(GROUP_SQL[by], [start.isoformat(), end.isoformat()]).fetchall()

    def make(row, share, top):
        revenue, n, key, name, builtin_key = row
        return ParetoRow(key, name or "", builtin_key, revenue, n, share, top)

    return _pareto(rows, make)
