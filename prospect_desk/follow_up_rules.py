"""The rules that put follow-ups on the calendar (DOMAIN §3–§6).

Birthdays are computed by a query over a date range, never stored, unless the
user completes, skips or moves one (see `follow_ups`). The other rules write
FollowUp rows: a revisit after "not now", the after-sale steps of a won deal,
the revisit of a lost one, the first call to a referred prospect and the thanks
to its referrer, and one follow-up per card of a mailing campaign.

Each row keeps the rule that made it (`FollowUpRule`) with its parameters as
JSON, so the UI can say why in the user's language; `reason` is free text.
"""

import calendar
import datetime
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import NamedTuple

from peewee import fn

from prospect_desk import rule_settings, search_keys
from prospect_desk.card_query import CardFilter, card_ids, count_cards
from prospect_desk.enums import (
    CampaignKind,
    CreditStatus,
    DealOutcome,
    DeclineReason,
    FollowUpKind,
    FollowUpRule,
    FollowUpStatus,
    Kind,
    LostReason,
    SelfReviewQuestion,
    Stage,
)
from prospect_desk.models import Campaign, Card, Deal, FollowUp, _now, db

# --- errors -----------------------------------------------------------------


class RuleProblem(StrEnum):
    CARD_NOT_FOUND = "card_not_found"
    DEAL_NOT_FOUND = "deal_not_found"
    UNKNOWN_REASON = "unknown_reason"
    NOTE_REQUIRED = "note_required"
    NOTE_TOO_VAGUE = "note_too_vague"
    DATE_IN_PAST = "date_in_past"
    UNKNOWN_OUTCOME = "unknown_outcome"
    AMOUNT_INVALID = "amount_invalid"
    LOST_REASON_REQUIRED = "lost_reason_required"
    SELF_REVIEW_INCOMPLETE = "self_review_incomplete"
    UNKNOWN_CAMPAIGN_KIND = "unknown_campaign_kind"
    NAME_REQUIRED = "name_required"
    TARGET_REQUIRED = "target_required"
    INVALID_LUNAR_DATE = "invalid_lunar_date"


class RuleError(ValueError):
    """A rule refused its input; `problem` says why, `detail` says about what."""

    def __init__(self, problem: RuleProblem, detail: object = None):
        super().__init__(f"{problem}: {detail!r}" if detail is not None else str(problem))
        self.problem = problem
        self.detail = detail


# --- reasons as text ----------------------------------------------------------

# English sentences for where no translation is at hand (the .ics export, a
# history entry when the UI gives no label). The UI translates from the keys.
REASON_TEMPLATES: dict[str, str] = {
    FollowUpRule.BIRTHDAY_GIFT: "Birthday on {birthday}: send a small gift",
    FollowUpRule.BIRTHDAY: "Birthday",
    FollowUpRule.DECLINE_REVISIT: ("Revisit after 'not now' ({reason}): "
                                   "check the same person still buys"),
    FollowUpRule.LOST_REVISIT: ("Revisit after a lost deal ({reason}): "
                                "bring something new"),
    FollowUpRule.WON_THANK_YOU: "Thank the customer for the purchase",
    FollowUpRule.WON_DELIVERY_CHECK: "Check the delivery and ask whether they are satisfied",
    FollowUpRule.WON_INSTALLATION_TEST: "Test the installation",
    FollowUpRule.WON_TRAINING: "Train use and upkeep",
    FollowUpRule.WON_TESTIMONIAL: "Ask for a testimonial letter",
    FollowUpRule.WON_REPEAT_PURCHASE: "Prompt the repeat purchase",
    FollowUpRule.REFERRAL_FIRST_CONTACT: ("Referred by {referrer_name}: "
                                          "\"{referrer_name} asked me to call you\""),
    FollowUpRule.THANK_REFERRER: "{referred_name} became a customer: thank the referrer",
    FollowUpRule.CAMPAIGN: "Campaign ({campaign_kind})",
    FollowUpRule.WIN_BACK: "Win back ({approach}, {channel})",
    FollowUpRule.COLLECTION: "Collect what is owed ({step})",
    FollowUpRule.MANUAL: "",
}

KIND_LABELS: dict[str, str] = {
    FollowUpKind.BIRTHDAY_GIFT: "Birthday gift",
    FollowUpKind.BIRTHDAY: "Birthday",
    FollowUpKind.REVISIT: "Revisit",
    FollowUpKind.THANK_YOU: "Thank-you",
    FollowUpKind.DELIVERY_CHECK: "Delivery check",
    FollowUpKind.INSTALLATION_TEST: "Installation test",
    FollowUpKind.TRAINING: "Training",
    FollowUpKind.TESTIMONIAL: "Testimonial request",
    FollowUpKind.REPEAT_PURCHASE: "Repeat purchase",
    FollowUpKind.REFERRAL_FIRST_CONTACT: "Referral: first contact",
    FollowUpKind.THANK_REFERRER: "Thank the referrer",
    FollowUpKind.MAILER: "Mailer",
    FollowUpKind.COLLECTION: "Collection",
    FollowUpKind.WIN_BACK: "Win back",
    FollowUpKind.MANUAL: "Follow-up",
}


def describe(rule: str, params: Mapping, reason: str = "") -> str:
    """The English sentence for a follow-up's reason, free text appended."""
    template = REASON_TEMPLATES.get(rule, "")
    try:
        text = template.format_map(_Blank(params))
    except (ValueError, IndexError):
        text = template
    parts = [part for part in (text, reason.strip()) if part]
    return " — ".join(parts)


class _Blank(dict):
    def __missing__(self, key):
        return "?"


def dump_params(params: Mapping | None) -> str:
    return json.dumps(dict(params or {}), ensure_ascii=False, sort_keys=True)


def load_params(text: str | None) -> dict:
    if not text or text == "{}":
        return {}
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def follow_up_values(card_id: int, kind: str, due_date: datetime.date, rule: str,
                     params: Mapping | None = None, reason: str = "", repeat: str = "",
                     deal_id: int | None = None, campaign_id: int | None = None,
                     status: str = FollowUpStatus.OPEN,
                     occurrence_date: datetime.date | None = None) -> dict:
    """One FollowUp row as insert values."""
    return {
        "card": card_id, "kind": FollowUpKind(kind).value, "due_date": due_date,
        "rule": FollowUpRule(rule).value, "rule_params": dump_params(params),
        "reason": reason.strip(), "repeat": repeat, "deal": deal_id,
        "campaign": campaign_id, "status": FollowUpStatus(status).value, "outcome": "",
        "occurrence_date": occurrence_date, "created_at": _now(),
    }


def _today(today: datetime.date | None) -> datetime.date:
    return today or datetime.date.today()


def _days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def _live_card(card_id: int) -> Card:
    card = Card.get_or_none((Card.id == card_id) & Card.deleted_at.is_null())
    if card is None:
        raise RuleError(RuleProblem.CARD_NOT_FOUND, card_id)
    return card


# --- birthdays ------------------------------------------------------------------


class BirthdayOccurrence(NamedTuple):
    card_id: int
    name: str
    date: datetime.date
    kind: str  # FollowUpKind.BIRTHDAY_GIFT or FollowUpKind.BIRTHDAY
    birthday: datetime.date  # the birthday this occurrence belongs to


GIFT = FollowUpKind.BIRTHDAY_GIFT.value
BIRTHDAY = FollowUpKind.BIRTHDAY.value
BIRTHDAY_KINDS = (GIFT, BIRTHDAY)

_MD = "strftime('%m-%d', \"birthday\")"
# The WHERE matches the partial index card_live_birthday_md of migration 0002,
# which INDEXED BY insists on (without ANALYZE figures SQLite picks another).
SOLAR_BIRTHDAY_WHERE = ('"deleted_at" IS NULL AND "birthday" IS NOT NULL '
                        'AND "birthday_lunar" = 0')


def solar_birthday_in_year(birthday: datetime.date, year: int) -> datetime.date:
    """The birthday in `year`; Feb 29 falls on Feb 28 in non-leap years."""
    if birthday.month == 2 and birthday.day == 29 and not calendar.isleap(year):
        return datetime.date(year, 2, 28)
    return datetime.date(year, birthday.month, birthday.day)


def lunar_birthday_in_year(lunar_year: int, month: int, day: int,
                           leap: bool) -> datetime.date | None:
    """The solar date of lunar `month`/`day` in lunar year `lunar_year`.

    A leap-month birthday falls in the ordinary month of that number in years
    without that leap month; day 30 falls on day 29 in a short month."""
    from lunar_python import Lunar, LunarMonth  # loaded when a lunar date is worked out

    lunar_month = LunarMonth.fromYm(lunar_year, -month if leap else month)
    if lunar_month is None:
        lunar_month = LunarMonth.fromYm(lunar_year, month)
        leap = False
    if lunar_month is None:  # outside the library's range
        return None
    day = min(day, lunar_month.getDayCount())
    solar = Lunar.fromYmd(lunar_year, -month if leap else month, day).getSolar()
    return datetime.date(solar.getYear(), solar.getMonth(), solar.getDay())


def set_lunar_birthday(card_id: int, month: int, day: int, leap: bool = False) -> None:
    """Keep the card's birthday as a lunar date: month 1–12, day 1–30."""
    if not (1 <= month <= 12 and 1 <= day <= 30):
        raise RuleError(RuleProblem.INVALID_LUNAR_DATE, (month, day, leap))
    with db.atomic():
        changed = (Card.update(birthday_lunar=True, lunar_birthday_month=month,
                               lunar_birthday_day=day, lunar_birthday_leap=bool(leap),
                               updated_at=_now())
                   .where(Card.id == card_id).execute())
    if not changed:
        raise RuleError(RuleProblem.CARD_NOT_FOUND, card_id)


def clear_lunar_birthday(card_id: int) -> None:
    """Back to the solar `birthday` column (if any) for reminders."""
    with db.atomic():
        (Card.update(birthday_lunar=False, lunar_birthday_month=None,
                     lunar_birthday_day=None, lunar_birthday_leap=False, updated_at=_now())
         .where(Card.id == card_id).execute())


def _md_windows(start: datetime.date, end: datetime.date) -> list[tuple[str, str]] | None:
    """The month-day ranges a date range covers; None when it covers a year."""
    if (end - start).days >= 365:
        return None
    lo, hi = start.strftime("%m-%d"), end.strftime("%m-%d")
    windows = [(lo, hi)] if start.year == end.year else [(lo, "12-31"), ("01-01", hi)]
    # Feb 29 birthdays fall on Feb 28 in non-leap years.
    if any(w[1] == "02-28" and not calendar.isleap(_year_of(w, start, end))
           for w in windows):
        windows.append(("02-29", "02-29"))
    return windows


def _year_of(window: tuple[str, str], start: datetime.date, end: datetime.date) -> int:
    return end.year if window[0] == "01-01" and start.year != end.year else start.year


def solar_birthday_query(start: datetime.date, end: datetime.date,
                         group_by_md: bool = False) -> tuple[str, list]:
    """SQL and parameters for live cards whose solar birthday falls in the
    range: (id, name, birthday) rows, or (month-day, count) when grouped. Each
    month-day window is its own index range search (an OR would scan)."""
    columns = f"{_MD} AS md, COUNT(*)" if group_by_md else '"id", "name", "birthday"'
    base = (f'SELECT {columns} FROM "card" INDEXED BY "card_live_birthday_md" '
            f"WHERE {SOLAR_BIRTHDAY_WHERE}")
    group = " GROUP BY md" if group_by_md else ""
    windows = _md_windows(start, end)
    if windows is None:
        return base + group, []
    sql = " UNION ALL ".join(f"{base} AND {_MD} BETWEEN ? AND ?{group}" for _ in windows)
    return sql, [bound for window in windows for bound in window]


def _solar_dates(birthday: datetime.date, start: datetime.date,
                 end: datetime.date) -> Iterable[datetime.date]:
    for year in range(start.year, end.year + 1):
        day = solar_birthday_in_year(birthday, year)
        if start <= day <= end:
            yield day


def _lunar_dates(month: int, day: int, leap: bool, start: datetime.date,
                 end: datetime.date) -> Iterable[datetime.date]:
    # A lunar year starts in late January or February of the solar year.
    for lunar_year in range(start.year - 1, end.year + 1):
        solar = lunar_birthday_in_year(lunar_year, month, day, leap)
        if solar is not None and start <= solar <= end:
            yield solar


def _occurrences(card_id: int, name: str, birthdays: Iterable[datetime.date],
                 start: datetime.date, end: datetime.date,
                 lead: int) -> Iterable[BirthdayOccurrence]:
    for birthday in birthdays:
        gift = birthday - _days(lead)
        if start <= gift <= end:
            yield BirthdayOccurrence(card_id, name, gift, GIFT, birthday)
        if start <= birthday <= end:
            yield BirthdayOccurrence(card_id, name, birthday, BIRTHDAY, birthday)


def _lunar_cards(where_extra: str = "", params: tuple = ()) -> list[tuple]:
    return db.execute_sql(
        'SELECT "id", "name", "lunar_birthday_month", "lunar_birthday_day", '
        '"lunar_birthday_leap" FROM "card" WHERE "deleted_at" IS NULL AND '
        '"birthday_lunar" = 1 AND "lunar_birthday_month" IS NOT NULL AND '
        f'"lunar_birthday_day" IS NOT NULL {where_extra}', params).fetchall()


def _all_occurrences(start: datetime.date, end: datetime.date,
                     lead: int) -> list[BirthdayOccurrence]:
    found: list[BirthdayOccurrence] = []
    sql, params = solar_birthday_query(start, end + _days(lead))
    for card_id, name, birthday in db.execute_sql(sql, params):
        birthday = datetime.date.fromisoformat(birthday)
        found += _occurrences(card_id, name, _solar_dates(birthday, start, end + _days(lead)),
                              start, end, lead)
    for card_id, name, month, day, leap in _lunar_cards():
        dates = _lunar_dates(month, day, bool(leap), start, end + _days(lead))
        found += _occurrences(card_id, name, dates, start, end, lead)
    return found


def _card_occurrences(card_id: int, start: datetime.date, end: datetime.date,
                      lead: int) -> list[BirthdayOccurrence]:
    row = (Card.select(Card.name, Card.birthday, Card.birthday_lunar,
                       Card.lunar_birthday_month, Card.lunar_birthday_day,
                       Card.lunar_birthday_leap)
           .where((Card.id == card_id) & Card.deleted_at.is_null()).tuples().first())
    if row is None:
        return []
    name, birthday, lunar, month, day, leap = row
    until = end + _days(lead)
    if lunar:
        if month is None or day is None:
            return []
        dates = list(_lunar_dates(month, day, bool(leap), start, until))
    elif birthday is not None:
        dates = list(_solar_dates(birthday, start, until))
    else:
        return []
    return list(_occurrences(card_id, name, dates, start, end, lead))


def materialised_occurrences(start: datetime.date,
                             end: datetime.date) -> set[tuple[int, str, datetime.date]]:
    """(card_id, kind, occurrence date) of computed occurrences that became rows."""
    query = (FollowUp.select(FollowUp.card, FollowUp.kind, FollowUp.occurrence_date)
             .where(FollowUp.occurrence_date.between(start, end)
                    & FollowUp.occurrence_date.is_null(False)
                    & FollowUp.kind.in_(BIRTHDAY_KINDS)))
    return {(card_id, kind, day) for card_id, kind, day in query.tuples()}


def birthday_occurrences(start: datetime.date, end: datetime.date,
                         include_materialised: bool = False) -> list[BirthdayOccurrence]:
    """The birthday gifts (N days before) and birthdays falling in [start, end],
    ordered by date. Occurrences the user completed, skipped or moved are left
    out unless asked for: they are rows now."""
    if end < start:
        return []
    lead = rule_settings.get("birthday_lead_days")
    found = _all_occurrences(start, end, lead)
    if not include_materialised:
        done = materialised_occurrences(start, end)
        if done:
            found = [o for o in found if (o.card_id, o.kind, o.date) not in done]
    found.sort(key=lambda o: (o.date, o.kind != GIFT, o.name, o.card_id))
    return found


def is_birthday_occurrence(card_id: int, kind: str, day: datetime.date) -> bool:
    """Whether the card has a computed `kind` occurrence on `day`."""
    lead = rule_settings.get("birthday_lead_days")
    return any(o.kind == kind and o.date == day
               for o in _card_occurrences(card_id, day, day, lead))


def birthday_counts(start: datetime.date, end: datetime.date) -> dict[datetime.date, dict]:
    """{date: {kind: count}} of computed occurrences in the range, by SQL GROUP BY
    on month-day (for the month view), less those that became rows."""
    counts: dict[datetime.date, dict[str, int]] = {}
    if end < start:
        return counts

    def add(day: datetime.date, kind: str, n: int) -> None:
        per_day = counts.setdefault(day, {})
        per_day[kind] = per_day.get(kind, 0) + n
        if per_day[kind] == 0:
            del per_day[kind]
            if not per_day:
                del counts[day]

    lead = rule_settings.get("birthday_lead_days")
    until = end + _days(lead)
    sql, params = solar_birthday_query(start, until, group_by_md=True)
    for md, n in db.execute_sql(sql, params):
        month, day = int(md[:2]), int(md[3:])
        # Any leap year stands in for the birthday's month-day.
        for o in _occurrences(0, "", _solar_dates(datetime.date(2000, month, day), start,
                                                  until), start, end, lead):
            add(o.date, o.kind, n)
    for card_id, name, month, day, leap in _lunar_cards():
        for o in _occurrences(card_id, name, _lunar_dates(month, day, bool(leap), start, until),
                              start, end, lead):
            add(o.date, o.kind, 1)
    for card_id, kind, day in materialised_occurrences(start, end):
        if any(o.kind == kind and o.date == day
               for o in _card_occurrences(card_id, day, day, lead)):
            add(day, kind, -1)
    return counts


# --- revisit after "not now" (DOMAIN §5) ---------------------------------------

VAGUE_NOTES = {
    "not interested", "no interest", "did not buy", "didn't buy", "no", "not now",
    "不感兴趣", "没兴趣", "没有兴趣", "不感興趣", "沒興趣", "沒有興趣", "没买", "沒買",
    "不买", "不買", "不需要",
}


def _is_vague(note: str) -> bool:
    return note.strip().strip(".。!！").casefold() in VAGUE_NOTES


def mark_declined(card_id: int, reason: str, note: str = "",
                  revisit_date: datetime.date | None = None,
                  today: datetime.date | None = None) -> int:
    """Record why the prospect said "not now" and schedule the revisit (default
    from settings; cash shortage sooner). A card declined again keeps one open
    revisit, moved. Returns the revisit's follow-up id."""
    today = _today(today)
    try:
        reason = DeclineReason(reason)
    except ValueError:
        raise RuleError(RuleProblem.UNKNOWN_REASON, reason) from None
    note = (note or "").strip()
    if reason is DeclineReason.OTHER and not note:
        raise RuleError(RuleProblem.NOTE_REQUIRED, reason.value)
    if note and _is_vague(note) and reason is DeclineReason.OTHER:
        raise RuleError(RuleProblem.NOTE_TOO_VAGUE, note)
    if revisit_date is not None and revisit_date < today:
        raise RuleError(RuleProblem.DATE_IN_PAST, revisit_date)
    if revisit_date is None:
        key = ("decline_revisit_days_cash_shortage" if reason is DeclineReason.CASH_SHORTAGE
               else "decline_revisit_days")
        revisit_date = today + _days(rule_settings.get(key))
    with db.atomic():
        _live_card(card_id)
        Card.update(stage=Stage.DECLINED.value, decline_reason=reason.value,
                    decline_note=note, updated_at=_now()).where(Card.id == card_id).execute()
        params = {"reason": reason.value}
        open_ids = [row[0] for row in (
            FollowUp.select(FollowUp.id)
            .where((FollowUp.card == card_id)
                   & (FollowUp.rule == FollowUpRule.DECLINE_REVISIT.value)
                   & (FollowUp.status == FollowUpStatus.OPEN.value))
            .order_by(FollowUp.id).tuples())]
        if open_ids:
            keep, extra = open_ids[0], open_ids[1:]
            (FollowUp.update(due_date=revisit_date, rule_params=dump_params(params),
                             reason=note)
             .where(FollowUp.id == keep).execute())
            if extra:
                FollowUp.delete().where(FollowUp.id.in_(extra)).execute()
            return keep
        return FollowUp.insert(**follow_up_values(
            card_id, FollowUpKind.REVISIT, revisit_date, FollowUpRule.DECLINE_REVISIT,
            params, reason=note)).execute()


# --- deals (DOMAIN §6) -----------------------------------------------------------

# (kind, rule, setting key, needs the deal flag)
AFTER_SALE_STEPS: list[tuple[FollowUpKind, FollowUpRule, str, str | None]] = [
    (FollowUpKind.THANK_YOU, FollowUpRule.WON_THANK_YOU, "won_thank_you_days", None),
    (FollowUpKind.INSTALLATION_TEST, FollowUpRule.WON_INSTALLATION_TEST,
     "won_installation_test_days", "install_test"),
    (FollowUpKind.TRAINING, FollowUpRule.WON_TRAINING, "won_training_days", "training"),
    (FollowUpKind.DELIVERY_CHECK, FollowUpRule.WON_DELIVERY_CHECK,
     "won_delivery_check_days", None),
    (FollowUpKind.TESTIMONIAL, FollowUpRule.WON_TESTIMONIAL, "won_testimonial_days", None),
    (FollowUpKind.REPEAT_PURCHASE, FollowUpRule.WON_REPEAT_PURCHASE,
     "won_repeat_purchase_days", None),
]


def normalise_self_review(self_review: Mapping | None) -> dict[str, dict]:
    """The six questions, each {"yes": bool, "note": str}. An answer may be given
    as that dict, a (yes, note) pair or a bare bool."""
    if not self_review:
        raise RuleError(RuleProblem.SELF_REVIEW_INCOMPLETE, [q.value for q in SelfReviewQuestion])
    answers: dict[str, dict] = {}
    missing = []
    for question in SelfReviewQuestion:
        answer = self_review.get(question.value, self_review.get(question))
        if isinstance(answer, Mapping) and isinstance(answer.get("yes"), bool):
            answers[question.value] = {"yes": answer["yes"],
                                       "note": str(answer.get("note") or "").strip()}
        elif isinstance(answer, tuple) and len(answer) == 2 and isinstance(answer[0], bool):
            answers[question.value] = {"yes": answer[0], "note": str(answer[1] or "").strip()}
        elif isinstance(answer, bool):
            answers[question.value] = {"yes": answer, "note": ""}
        else:
            missing.append(question.value)
    if missing:
        raise RuleError(RuleProblem.SELF_REVIEW_INCOMPLETE, missing)
    return answers


def record_deal(card_id: int, date: datetime.date, product: str, amount_cents: int,
                outcome: str, delivery_date: datetime.date | None = None,
                install_test: bool = False, training: bool = False,
                lost_reason: str | None = None, self_review: Mapping | None = None,
                notes: str = "", today: datetime.date | None = None) -> int:
    """Record a won or lost deal and schedule what follows it. Returns the deal id.

    Won: the card becomes a customer (transaction date = deal date) and, given a
    delivery date, the after-sale steps are scheduled from it. Lost: needs the
    reason and the six-question self-review; a revisit follows per reason."""
    today = _today(today)
    try:
        outcome = DealOutcome(outcome)
    except ValueError:
        raise RuleError(RuleProblem.UNKNOWN_OUTCOME, outcome) from None
    if outcome is DealOutcome.OPEN:
        raise RuleError(RuleProblem.UNKNOWN_OUTCOME, outcome.value)
    if not isinstance(amount_cents, int) or isinstance(amount_cents, bool) or amount_cents < 0:
        raise RuleError(RuleProblem.AMOUNT_INVALID, amount_cents)
    review = ""
    if outcome is DealOutcome.LOST:
        if not lost_reason:
            raise RuleError(RuleProblem.LOST_REASON_REQUIRED)
        try:
            lost_reason = LostReason(lost_reason)
        except ValueError:
            raise RuleError(RuleProblem.UNKNOWN_REASON, lost_reason) from None
        review = json.dumps(normalise_self_review(self_review), ensure_ascii=False)
    else:
        lost_reason = None
    with db.atomic():
        card = _live_card(card_id)
        deal_id = Deal.insert(
            card=card_id, date=date, product=product.strip(), amount_cents=amount_cents,
            outcome=outcome.value, delivery_date=delivery_date, notes=notes.strip(),
            lost_reason=lost_reason.value if lost_reason else None, self_review=review,
            install_test=bool(install_test), training=bool(training),
            created_at=_now()).execute()
        if outcome is DealOutcome.WON:
            transaction_date = max(filter(None, [card.transaction_date, date]))
            Card.update(stage=Stage.CUSTOMER.value, transaction_date=transaction_date,
                        updated_at=_now()).where(Card.id == card_id).execute()
            if delivery_date is not None:
                _schedule_after_sale(deal_id, card_id, delivery_date, install_test, training)
            thank_referrer(card_id, today)
        else:
            days = rule_settings.get(rule_settings.lost_revisit_key(lost_reason))
            FollowUp.insert(**follow_up_values(
                card_id, FollowUpKind.REVISIT, date + _days(days), FollowUpRule.LOST_REVISIT,
                {"reason": lost_reason.value, "product": product.strip()},
                deal_id=deal_id)).execute()
        return deal_id


def _schedule_after_sale(deal_id: int, card_id: int, delivery_date: datetime.date,
                         install_test: bool, training: bool,
                         skip_rules: Iterable[str] = ()) -> list[int]:
    flags = {"install_test": install_test, "training": training}
    skip_rules = set(skip_rules)
    rows = [follow_up_values(card_id, kind, delivery_date + _days(rule_settings.get(key)),
                             rule, {"delivery_date": delivery_date.isoformat()},
                             deal_id=deal_id)
            for kind, rule, key, flag in AFTER_SALE_STEPS
            if (flag is None or flags[flag]) and rule.value not in skip_rules]
    return [FollowUp.insert(**row).execute() for row in rows]


def set_delivery_date(deal_id: int, delivery_date: datetime.date) -> list[int]:
    """Set a won deal's delivery date: its open after-sale follow-ups are made
    again from the new date (steps already done or skipped stay as they are).
    Returns the ids of the follow-ups made."""
    with db.atomic():
        deal = Deal.get_or_none(Deal.id == deal_id)
        if deal is None:
            raise RuleError(RuleProblem.DEAL_NOT_FOUND, deal_id)
        if deal.outcome != DealOutcome.WON.value:
            raise RuleError(RuleProblem.UNKNOWN_OUTCOME, deal.outcome)
        Deal.update(delivery_date=delivery_date).where(Deal.id == deal_id).execute()
        after_sale = [rule.value for _, rule, _, _ in AFTER_SALE_STEPS]
        (FollowUp.delete()
         .where((FollowUp.deal == deal_id) & FollowUp.rule.in_(after_sale)
                & (FollowUp.status == FollowUpStatus.OPEN.value)).execute())
        settled = [row[0] for row in FollowUp.select(FollowUp.rule)
                   .where((FollowUp.deal == deal_id) & FollowUp.rule.in_(after_sale)).tuples()]
        return _schedule_after_sale(deal_id, deal.card_id, delivery_date, deal.install_test,
                                    deal.training, skip_rules=settled)


# --- referrals (DOMAIN §3) ---------------------------------------------------------


def on_card_created(card_id: int, today: datetime.date | None = None) -> int | None:
    """Call after saving a new card: a referred prospect gets a first contact
    due within the set days. Returns the follow-up id, or None."""
    today = _today(today)
    with db.atomic():
        card = Card.get_or_none((Card.id == card_id) & Card.deleted_at.is_null())
        if card is None or card.referrer_id is None:
            return None
        exists = (FollowUp.select(FollowUp.id)
                  .where((FollowUp.card == card_id)
                         & (FollowUp.rule == FollowUpRule.REFERRAL_FIRST_CONTACT.value))
                  .exists())
        if exists:
            return None
        referrer_name = (Card.select(Card.name).where(Card.id == card.referrer_id)
                         .scalar() or "")
        due = today + _days(rule_settings.get("referral_first_contact_days"))
        return FollowUp.insert(**follow_up_values(
            card_id, FollowUpKind.REFERRAL_FIRST_CONTACT, due,
            FollowUpRule.REFERRAL_FIRST_CONTACT,
            {"referrer_id": card.referrer_id, "referrer_name": referrer_name})).execute()


def on_stage_changed(card_id: int, old_stage: str, new_stage: str,
                     today: datetime.date | None = None) -> int | None:
    """Call after saving a card whose stage changed: a referred card that
    becomes a customer has its referrer thanked (once). Returns the follow-up
    id, or None."""
    if new_stage != Stage.CUSTOMER or old_stage == Stage.CUSTOMER:
        return None
    return thank_referrer(card_id, today)


def thank_referrer(card_id: int, today: datetime.date | None = None) -> int | None:
    """A "thank the referrer" follow-up on the referrer's card, the first time
    the card it referred buys. Returns its id, or None."""
    today = _today(today)
    with db.atomic():
        row = (Card.select(Card.name, Card.referrer)
               .where(Card.id == card_id).tuples().first())
        if row is None or row[1] is None:
            return None
        name, referrer_id = row
        if not Card.select().where((Card.id == referrer_id)
                                   & Card.deleted_at.is_null()).exists():
            return None
        already = (FollowUp.select(FollowUp.id)
                   .where((FollowUp.card == referrer_id)
                          & (FollowUp.rule == FollowUpRule.THANK_REFERRER.value)
                          & (fn.json_extract(FollowUp.rule_params, "$.referred_id") == card_id))
                   .exists())
        if already:
            return None
        return FollowUp.insert(**follow_up_values(
            referrer_id, FollowUpKind.THANK_REFERRER, today, FollowUpRule.THANK_REFERRER,
            {"referred_id": card_id, "referred_name": name})).execute()


# --- mailing campaigns (DOMAIN §4) -------------------------------------------------


@dataclass(frozen=True)
class CampaignTarget:
    """Which live cards a campaign goes to; the parts given must all match.
    `circle_id` may be card_query.NO_CIRCLE for the cards in no circle. Kind and
    credit status let a target be exactly what the card list shows."""

    circle_id: int | None = None
    stage: str | None = None
    search: str = ""
    kind: str | None = None
    credit_status: str | None = None

    def is_empty(self) -> bool:
        return (self.circle_id is None and not self.stage and not self.search.strip()
                and not self.kind and not self.credit_status)

    def card_filter(self) -> CardFilter:
        return CardFilter(
            search=self.search.strip(),
            stages=frozenset([Stage(self.stage).value]) if self.stage else frozenset(),
            circle_ids=frozenset([self.circle_id]) if self.circle_id is not None else frozenset(),
            kinds=frozenset([Kind(self.kind).value]) if self.kind else frozenset(),
            credit_statuses=(frozenset([CreditStatus(self.credit_status).value])
                             if self.credit_status else frozenset()),
        )


def target_size(target: CampaignTarget) -> int:
    """How many live cards the target matches now: the follow-ups a campaign
    made from it would get. A search is counted as the card list reads it,
    walking the search index (15 ms for a 5,000-card search at 100k cards,
    against 150 ms for a COUNT that reads every card's row); without one a
    COUNT in an index is quicker than fetching the ids."""
    if target.is_empty():
        return 0
    card_filter = target.card_filter()
    if search_keys.search_tokens(card_filter.search):
        return len(card_ids(card_filter))
    return count_cards(card_filter)


def _sql_value(value):
    """Dates as the sqlite3 module would write them, converted once instead of per row."""
    if isinstance(value, datetime.datetime):
        return value.isoformat(" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


CAMPAIGN_BATCH = 5000
"""Follow-ups a campaign writes between two looks at progress and cancel."""


class CampaignCancelled(Exception):
    """The user stopped a campaign being made; nothing of it was written."""


def create_campaign(name: str, date: datetime.date, kind: str,
                    target: CampaignTarget, progress=None, cancelled=None) -> int:
    """Make the campaign and one follow-up per live card the target matches, on
    its date, in one transaction. Returns the campaign id. `progress(done,
    total)` hears of each batch; `cancelled()` true rolls it all back
    (CampaignCancelled)."""
    try:
        kind = CampaignKind(kind)
    except ValueError:
        raise RuleError(RuleProblem.UNKNOWN_CAMPAIGN_KIND, kind) from None
    if not name.strip():
        raise RuleError(RuleProblem.NAME_REQUIRED)
    if target.is_empty():
        raise RuleError(RuleProblem.TARGET_REQUIRED)
    card_filter = target.card_filter()
    with db.atomic():
        campaign_id = Campaign.insert(
            name=name.strip(), date=date, kind=kind.value,
            target=json.dumps(asdict(target), ensure_ascii=False),
            created_at=_now()).execute()
        params = {"campaign_kind": kind.value, "campaign_id": campaign_id}
        ids = sorted(card_ids(card_filter))  # in id order: the card_id indexes grow at one end
        # One prepared INSERT run over each batch of cards: peewee building a
        # row dict per card took 12 s for 100,000 cards, this about 1 s.
        values = follow_up_values(0, FollowUpKind.MAILER, date, FollowUpRule.CAMPAIGN, params,
                                  reason=name, campaign_id=campaign_id)
        fields = [FollowUp._meta.fields[key] for key in values]
        row = [_sql_value(field.db_value(values[field.name])) for field in fields]
        card_at = list(values).index("card")
        sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
            FollowUp._meta.table_name, ", ".join(f'"{f.column_name}"' for f in fields),
            ", ".join("?" * len(fields)))
        cursor = db.cursor()
        for start in range(0, len(ids), CAMPAIGN_BATCH):
            if cancelled is not None and cancelled():
                raise CampaignCancelled
            batch = ids[start:start + CAMPAIGN_BATCH]
            cursor.executemany(sql, [(*row[:card_at], card_id, *row[card_at + 1:])
                                     for card_id in batch])
            if progress is not None:
                progress(start + len(batch), len(ids))
        return campaign_id


def campaign_size(campaign_id: int) -> int:
    return (FollowUp.select(fn.COUNT(FollowUp.id))
            .where(FollowUp.campaign == campaign_id).scalar())
