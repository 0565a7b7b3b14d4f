"""Receivables and collection (DOMAIN §9): what a won deal leaves owed, the
payments against it, how overdue arrears are classed, the collection ladder,
the credit status this history suggests, and the ageing report.

A won deal is a receivable once it has a due date; it owes `amount_due_cents`,
or its whole amount when that is not set. Sums are computed in SQL.
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from prospect_desk import rule_settings
from prospect_desk.enums import (
    ArrearsKind,
    CollectionStep,
    CreditStatus,
    DealOutcome,
    FollowUpKind,
    FollowUpRule,
    FollowUpStatus,
)
from prospect_desk.follow_up_rules import follow_up_values
from prospect_desk.models import Card, Deal, FollowUp, Payment, _now, db

LADDER = [CollectionStep.LETTER_PHONE_FAX, CollectionStep.EMAIL, CollectionStep.VISIT,
          CollectionStep.LEGAL_ACTION]
"""The collection ladder for arrears not classed goodwill, in order."""


class ReceivableProblem(StrEnum):
    DEAL_NOT_FOUND = "deal_not_found"
    NOT_WON = "not_won"
    AMOUNT_INVALID = "amount_invalid"
    OVERPAYMENT = "overpayment"
    UNKNOWN_ARREARS_KIND = "unknown_arrears_kind"
    REASON_REQUIRED = "reason_required"
    NOTHING_OWED = "nothing_owed"
    GOODWILL_NEEDS_PLAN = "goodwill_needs_plan"
    CARD_NOT_FOUND = "card_not_found"


class ReceivableError(ValueError):
    """Refused input; `problem` says why, `detail` about what (for
    OVERPAYMENT: the amount still owed, in cents)."""

    def __init__(self, problem: ReceivableProblem, detail: object = None):
        super().__init__(f"{problem}: {detail!r}" if detail is not None else str(problem))
        self.problem = problem
        self.detail = detail


def _date(value) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


def _won_deal(deal_id: int) -> Deal:
    deal = Deal.get_or_none(Deal.id == deal_id)
    if deal is None:
        raise ReceivableError(ReceivableProblem.DEAL_NOT_FOUND, deal_id)
    if deal.outcome != DealOutcome.WON.value:
        raise ReceivableError(ReceivableProblem.NOT_WON, deal_id)
    return deal


def _valid_cents(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def amount_due(deal: Deal) -> int:
    return deal.amount_cents if deal.amount_due_cents is None else deal.amount_due_cents


def paid_cents(deal_id: int, as_of: datetime.date | None = None) -> int:
    query = Payment.select(Payment.amount_cents).where(Payment.deal == deal_id)
    if as_of is not None:
        query = query.where(Payment.date <= as_of)
    return sum(row[0] for row in query.tuples())


def outstanding_cents(deal_id: int) -> int:
    return amount_due(_won_deal(deal_id)) - paid_cents(deal_id)


def set_receivable(deal_id: int, due_date: datetime.date | None,
                   amount_due_cents: int | None = None) -> None:
    """Give a won deal its due date and what is owed (None: the whole amount)."""
    if amount_due_cents is not None and not _valid_cents(amount_due_cents):
        raise ReceivableError(ReceivableProblem.AMOUNT_INVALID, amount_due_cents)
    with db.atomic():
        _won_deal(deal_id)
        Deal.update(due_date=due_date, amount_due_cents=amount_due_cents).where(
            Deal.id == deal_id).execute()


def record_payment(deal_id: int, date: datetime.date, amount_cents: int) -> int:
    """Record a payment against a won deal; more than is owed is refused
    (ReceivableError OVERPAYMENT, detail = what is still owed). When the deal
    is paid off, its open collection follow-ups are skipped. Returns the id."""
    if not _valid_cents(amount_cents) or amount_cents == 0:
        raise ReceivableError(ReceivableProblem.AMOUNT_INVALID, amount_cents)
    with db.atomic():
        deal = _won_deal(deal_id)
        owed = amount_due(deal) - paid_cents(deal_id)
        if amount_cents > owed:
            raise ReceivableError(ReceivableProblem.OVERPAYMENT, max(owed, 0))
        payment_id = Payment.insert(deal=deal_id, date=date, amount_cents=amount_cents,
                                    created_at=_now()).execute()
        if amount_cents == owed:
            FollowUp.update(status=FollowUpStatus.SKIPPED.value, done_at=_now()).where(
                (FollowUp.deal == deal_id) & (FollowUp.kind == FollowUpKind.COLLECTION.value)
                & (FollowUp.status == FollowUpStatus.OPEN.value)).execute()
        return payment_id


@dataclass(frozen=True)
class CardAccount:
    """What a card's receivables come to: all that was due, what was paid
    against it, what is still owed, how much of that is past its due date, and
    the oldest due date still unpaid."""

    due_cents: int
    paid_cents: int
    owed_cents: int
    overdue_cents: int
    oldest_overdue: datetime.date | None


ACCOUNT_SQL = """
SELECT COALESCE(SUM(x.due), 0), COALESCE(SUM(x.paid), 0),
       COALESCE(SUM(MAX(x.due - x.paid, 0)), 0),
       COALESCE(SUM(CASE WHEN x.due_date < ? AND x.due > x.paid THEN x.due - x.paid END), 0),
       MIN(CASE WHEN x.due_date < ? AND x.due > x.paid THEN x.due_date END)
FROM (SELECT d.due_date, COALESCE(d.amount_due_cents, d.amount_cents) AS due,
             COALESCE((SELECT SUM(p.amount_cents) FROM payment AS p
                       WHERE p.deal_id = d.id AND p.date <= ?), 0) AS paid
      FROM deal AS d WHERE d.card_id = ? AND d.outcome = 'won' AND d.due_date IS NOT NULL) AS x
"""


def card_account(card_id: int, as_of: datetime.date) -> CardAccount:
    """The card's receivables as of a day (payments made by then count)."""
    day = as_of.isoformat()
    due, paid, owed, overdue, oldest = db.execute_sql(
        ACCOUNT_SQL, [day, day, day, card_id]).fetchone()
    return CardAccount(due, paid, owed, overdue, _date(oldest))


def classify_arrears(deal_id: int, kind: str, reason: str) -> None:
    """Class a receivable's arrears goodwill or malicious, with the reason given."""
    try:
        kind = ArrearsKind(kind)
    except ValueError:
        raise ReceivableError(ReceivableProblem.UNKNOWN_ARREARS_KIND, kind) from None
    if not reason.strip():
        raise ReceivableError(ReceivableProblem.REASON_REQUIRED)
    with db.atomic():
        _won_deal(deal_id)
        Deal.update(arrears_kind=kind.value, arrears_reason=reason.strip()).where(
            Deal.id == deal_id).execute()


def step_days(kind: str | None) -> int:
    """Days between ladder steps: the malicious spacing is the faster one."""
    if kind == ArrearsKind.MALICIOUS.value:
        return rule_settings.get("collection_step_days_malicious")
    return rule_settings.get("collection_step_days")


def start_collection(deal_id: int, today: datetime.date) -> list[int]:
    """Schedule the collection ladder for an overdue receivable: the first step
    today, each next one the default spacing later (faster for malicious
    arrears), each a follow-up of kind collection. Goodwill arrears are not
    escalated: they get a repayment plan (`record_repayment_plan`)."""
    with db.atomic():
        deal = _won_deal(deal_id)
        if amount_due(deal) - paid_cents(deal_id) <= 0:
            raise ReceivableError(ReceivableProblem.NOTHING_OWED, deal_id)
        if deal.arrears_kind == ArrearsKind.GOODWILL.value:
            raise ReceivableError(ReceivableProblem.GOODWILL_NEEDS_PLAN, deal_id)
        spacing = datetime.timedelta(days=step_days(deal.arrears_kind))
        rows = [follow_up_values(
                    deal.card_id, FollowUpKind.COLLECTION, today + spacing * number,
                    FollowUpRule.COLLECTION, {"step": step.value, "deal_id": deal_id},
                    deal_id=deal_id)
                for number, step in enumerate(LADDER)]
        return [FollowUp.insert(**row).execute() for row in rows]


def record_repayment_plan(deal_id: int, plan: str, sealed: bool,
                          check_date: datetime.date | None = None) -> int | None:
    """Record the repayment plan agreed (at a visit, or for goodwill arrears)
    and whether it is written and bears the company seal; given a date, a
    collection follow-up checks the plan is kept then. Returns its id."""
    with db.atomic():
        deal = _won_deal(deal_id)
        Deal.update(repayment_plan=plan.strip(), plan_sealed=bool(sealed)).where(
            Deal.id == deal_id).execute()
        if check_date is None:
            return None
        return FollowUp.insert(**follow_up_values(
            deal.card_id, FollowUpKind.COLLECTION, check_date, FollowUpRule.COLLECTION,
            {"step": CollectionStep.PLAN_CHECK.value, "deal_id": deal_id},
            deal_id=deal_id)).execute()


CREDIT_SQL = """
SELECT COUNT(*),
       SUM(d.arrears_kind = 'malicious'),
       SUM(d.arrears_kind = 'goodwill'),
       SUM(COALESCE(d.amount_due_cents, d.amount_cents) > COALESCE(
           (SELECT SUM(p.amount_cents) FROM payment AS p
            WHERE p.deal_id = d.id AND p.date <= d.due_date), 0)
           AND d.due_date < ?)
FROM deal AS d WHERE d.card_id = ? AND d.outcome = 'won' AND d.due_date IS NOT NULL
"""


def suggested_credit_status(card_id: int, as_of: datetime.date) -> CreditStatus:
    """The credit status the payment history suggests (the user confirms):
    bad after malicious arrears; watch after goodwill arrears or a payment
    late; good when everything due was paid on time; unknown with no history."""
    count, malicious, goodwill, late = db.execute_sql(
        CREDIT_SQL, [as_of.isoformat(), card_id]).fetchone()
    if not count:
        return CreditStatus.UNKNOWN
    if malicious:
        return CreditStatus.BAD
    if goodwill or late:
        return CreditStatus.WATCH
    return CreditStatus.GOOD


def confirm_credit_status(card_id: int, status: str) -> None:
    status = CreditStatus(status)
    with db.atomic():
        if not Card.update(credit_status=status.value, updated_at=_now()).where(
                (Card.id == card_id) & Card.deleted_at.is_null()).execute():
            raise ReceivableError(ReceivableProblem.CARD_NOT_FOUND, card_id)


# --- ageing -------------------------------------------------------------------------

AGEING_BUCKETS = ("current", "1_30", "31_60", "61_90", "over_90")


@dataclass(slots=True)
class AgeingRow:
    """One customer's line of the ageing report (not frozen, like the
    win-back rows: a frozen init costs more than the rest of a large list)."""

    card_id: int
    name: str
    buckets: tuple[int, int, int, int, int]
    """Cents owed: not yet due, 1–30, 31–60, 61–90 and over 90 days overdue."""
    total_cents: int


AGEING_SQL = """
WITH owed AS MATERIALIZED (
    SELECT d.card_id AS card_id, d.due_date AS due,
           COALESCE(d.amount_due_cents, d.amount_cents) - COALESCE(
               (SELECT SUM(p.amount_cents) FROM payment AS p
                WHERE p.deal_id = d.id AND p.date <= :as_of), 0) AS owed
    FROM deal AS d INDEXED BY deal_won_due
    WHERE d.outcome = 'won' AND d.due_date IS NOT NULL AND d.date <= :as_of),
totals AS MATERIALIZED (
    SELECT card_id,
           SUM(CASE WHEN due >= :as_of THEN owed ELSE 0 END) AS b0,
           SUM(CASE WHEN due < :as_of AND due >= :d30 THEN owed ELSE 0 END) AS b1,
           SUM(CASE WHEN due < :d30 AND due >= :d60 THEN owed ELSE 0 END) AS b2,
           SUM(CASE WHEN due < :d60 AND due >= :d90 THEN owed ELSE 0 END) AS b3,
           SUM(CASE WHEN due < :d90 THEN owed ELSE 0 END) AS b4,
           SUM(owed) AS total
    FROM owed WHERE owed > 0 GROUP BY card_id)
SELECT c.id, c.name, t.b0, t.b1, t.b2, t.b3, t.b4, t.total
FROM totals AS t JOIN card AS c ON c.id = t.card_id
WHERE c.deleted_at IS NULL
ORDER BY t.total DESC, c.sort_name, c.id
"""
"""Days overdue by due date against the as-of day's boundaries (string
comparisons on the due-date index, which also holds each deal's date and
amounts, so no deal row is read), payments summed per deal on their index."""


def ageing(as_of: datetime.date) -> list[AgeingRow]:
    """What each customer owes by how long it is overdue, largest total first."""
    params = {"as_of": as_of.isoformat()}
    for days in (30, 60, 90):
        params[f"d{days}"] = (as_of - datetime.timedelta(days=days)).isoformat()
    return [AgeingRow(row[0], row[1], row[2:7], row[7])
            for row in db.execute_sql(AGEING_SQL, params).fetchall()]


@dataclass(frozen=True)
class Receivable:
    deal_id: int
    card_id: int
    name: str
    product: str
    due_date: datetime.date
    due_cents: int
    paid_cents: int
    arrears_kind: str | None
    arrears_reason: str

    @property
    def owed_cents(self) -> int:
        return self.due_cents - self.paid_cents


RECEIVABLES_SQL = """
SELECT x.id, c.id, c.name, x.product, x.due_date, x.due, x.paid, x.arrears_kind,
       x.arrears_reason
FROM (SELECT d.id, d.card_id, d.product, d.due_date, d.arrears_kind, d.arrears_reason,
             COALESCE(d.amount_due_cents, d.amount_cents) AS due,
             COALESCE((SELECT SUM(p.amount_cents) FROM payment AS p
                       WHERE p.deal_id = d.id), 0) AS paid
      FROM deal AS d {index}
      WHERE d.outcome = 'won' AND d.due_date IS NOT NULL {card}) AS x
JOIN card AS c ON c.id = x.card_id AND c.deleted_at IS NULL
WHERE x.due > x.paid
ORDER BY x.due_date, x.id
{limit}"""


def open_receivables(card_id: int | None = None, limit: int | None = None) -> list[Receivable]:
    """Receivables not paid off, soonest due first (of one card, if given)."""
    sql = RECEIVABLES_SQL.format(card="AND d.card_id = ?" if card_id is not None else "",
                                 index="" if card_id is not None else "INDEXED BY deal_won_due",
                                 limit="LIMIT ?" if limit is not None else "")
    params = [card_id] if card_id is not None else []
    if limit is not None:
        params.append(limit)
    return [Receivable(deal_id, cid, name, product, _date(due), due_cents, paid, kind, reason)
            for deal_id, cid, name, product, due, due_cents, paid, kind, reason
            in db.execute_sql(sql, params).fetchall()]
