"""Whom a mailing goes to: the postal addresses of chosen cards or of a
campaign's cards, as plain data for labels, envelopes and letters."""

import datetime
import json
from dataclasses import dataclass

from peewee import JOIN, Case, Value, chunked, fn

from prospect_desk import bulk_indexes
from prospect_desk.enums import ActivityKind, FollowUpStatus
from prospect_desk.follow_up_rules import CampaignCancelled
from prospect_desk.models import Activity, Campaign, Card, Deal, FollowUp, _now, db


@dataclass(frozen=True)
class Recipient:
    card_id: int
    kind: str
    name: str
    company: str
    person_in_charge: str
    address: str
    last_purchase: datetime.date | None

    def address_lines(self) -> list[str]:
        """What goes on a label: who (a company's person in charge under its
        name), then the address as written on the card."""
        lines = [self.name]
        if self.kind == "company" and self.person_in_charge:
            lines.append(self.person_in_charge)
        lines += [line.strip() for line in self.address.splitlines() if line.strip()]
        return lines


def recipients(card_ids: list[int]) -> list[Recipient]:
    """The live cards among `card_ids`, in that order, with their last won deal's date."""
    found: dict[int, Recipient] = {}
    for start in range(0, len(card_ids), 500):
        chunk = card_ids[start:start + 500]
        last = dict(Deal.select(Deal.card, fn.MAX(Deal.date))
                    .where(Deal.card.in_(chunk) & (Deal.outcome == "won"))
                    .group_by(Deal.card).tuples())
        query = (Card.select(Card.id, Card.kind, Card.name, Card.employer,
                             Card.person_in_charge, Card.address)
                 .where(Card.id.in_(chunk) & Card.deleted_at.is_null()).tuples())
        for card_id, kind, name, employer, person, address in query:
            company = name if kind == "company" else employer
            purchase = last.get(card_id)
            if isinstance(purchase, str):
                purchase = datetime.date.fromisoformat(purchase)
            found[card_id] = Recipient(card_id, kind, name, company, person, address, purchase)
    return [found[i] for i in card_ids if i in found]


def campaign_card_ids(campaign_id: int, open_only: bool = True) -> list[int]:
    """The cards a campaign's open follow-ups go to (or all its follow-ups, to
    print its labels again after it went out), by name."""
    condition = (FollowUp.campaign == campaign_id) & Card.deleted_at.is_null()
    if open_only:
        condition &= FollowUp.status == FollowUpStatus.OPEN.value
    query = (FollowUp.select(FollowUp.card).distinct()
             .join(Card, on=(FollowUp.card == Card.id)).where(condition)
             .order_by(Card.sort_name, Card.id).tuples())
    return [card_id for (card_id,) in query]


def mark_campaign_sent(campaign_id: int, card_ids: list[int] | None = None,
                       today: datetime.date | None = None, label: str | None = None,
                       cancelled=None) -> int:
    """The campaign's open follow-ups (of these cards, if given) are done: the
    mailing went out. Each card's history gets it as a letter on `today`, in
    the words of `label` (the UI's; else the campaign's name). All in one
    transaction, a few set statements (not a row at a time); returns how many.
    `cancelled()` true between two of them rolls it all back (CampaignCancelled)."""
    today = today or datetime.date.today()
    with db.atomic():
        if label is None:
            campaign = Campaign.get_or_none(Campaign.id == campaign_id)
            label = campaign.name if campaign is not None else ""
        if card_ids is None:
            return _mark_sent(campaign_id, None, today, label.strip(), cancelled)
        return sum(_mark_sent(campaign_id, list(chunk), today, label.strip(), cancelled)
                   for chunk in chunked(card_ids, 500))


def _mark_sent(campaign_id: int, card_ids: list[int] | None, today: datetime.date,
               text: str, cancelled=None) -> int:
    def check() -> None:
        if cancelled is not None and cancelled():
            raise CampaignCancelled

    condition = ((FollowUp.campaign == campaign_id)
                 & (FollowUp.status == FollowUpStatus.OPEN.value))
    if card_ids is not None:
        condition &= FollowUp.card.in_(card_ids)
    now = _now()
    cards = FollowUp.select(FollowUp.card).where(condition)  # (DISTINCT here made SQLite
    # walk every follow-up by card instead of the campaign's by its index)
    Activity.insert_from(
        FollowUp.select(FollowUp.card, Value(ActivityKind.LETTER.value),
                        Value(Activity.date.db_value(today)), Value(text),
                        Value(Activity.created_at.db_value(now)))
        .where(condition).distinct(),
        [Activity.card, Activity.kind, Activity.date, Activity.text,
         Activity.created_at]).execute()
    check()
    # a letter is a contact: the last contact is now `today` unless later
    (Card.update(last_contact=today)
     .where(Card.id.in_(cards)
            & (Card.last_contact.is_null() | (Card.last_contact < today)))
     .execute())
    check()
    return (FollowUp.update(status=FollowUpStatus.DONE.value, done_at=now)
            .where(condition).execute())


def delete_campaign(campaign_id: int, progress=None, cancelled=None) -> int:
    """The campaign is gone with its open follow-ups; those done or skipped stay
    in the cards' history (they keep the campaign's name as their reason).
    Returns how many open follow-ups were removed. In one transaction of a few
    set statements (one DELETE for them all: 0.3 s for 100k, where batches of
    5,000 took 0.5 s and id lists 1 s); `progress(done, total)` hears when they
    are gone, `cancelled()` true between two statements rolls it all back
    (CampaignCancelled)."""
    def check() -> None:
        if cancelled is not None and cancelled():
            raise CampaignCancelled

    with db.atomic():
        check()
        # Its follow-ups are found in the campaign index, which a big import
        # may have left for later.
        bulk_indexes.build_foreign_key_indexes("follow_up")
        removed = (FollowUp.delete()
                   .where((FollowUp.campaign == campaign_id)
                          & (FollowUp.status == FollowUpStatus.OPEN.value)).execute())
        if progress is not None:
            progress(removed, removed)
        check()
        FollowUp.update(campaign=None).where(FollowUp.campaign == campaign_id).execute()
        Campaign.delete().where(Campaign.id == campaign_id).execute()
        return removed


@dataclass(frozen=True)
class CampaignSummary:
    campaign_id: int
    name: str
    date: datetime.date
    kind: str
    open_count: int
    """How many of its follow-ups (to live cards) are still open."""


def campaigns_with_open_follow_ups() -> list[CampaignSummary]:
    """The campaigns that still have letters to send, newest first."""
    query = (Campaign.select(Campaign.id, Campaign.name, Campaign.date, Campaign.kind,
                             fn.COUNT(FollowUp.id))
             .join(FollowUp, on=(FollowUp.campaign == Campaign.id))
             .join(Card, on=(FollowUp.card == Card.id))
             .where((FollowUp.status == FollowUpStatus.OPEN.value) & Card.deleted_at.is_null())
             .group_by(Campaign.id)
             .order_by(Campaign.date.desc(), Campaign.id.desc()).tuples())
    return [CampaignSummary(cid, name, date if isinstance(date, datetime.date)
                            else datetime.date.fromisoformat(date), kind, n)
            for cid, name, date, kind, n in query]


@dataclass(frozen=True)
class CampaignOverview:
    """A campaign as the campaign list shows it."""

    campaign_id: int
    name: str
    date: datetime.date
    kind: str
    card_count: int
    """Its follow-ups to live cards, whatever their state."""
    open_count: int
    done_count: int
    target: dict


def campaign_overviews() -> list[CampaignOverview]:
    """Every campaign with its counts, newest date first (one grouped query)."""
    live = Card.deleted_at.is_null()
    joined = Card.id.is_null(False)  # a live card: the join matched one
    is_open = (FollowUp.status == FollowUpStatus.OPEN.value) & joined
    is_done = (FollowUp.status == FollowUpStatus.DONE.value) & joined
    query = (Campaign.select(Campaign.id, Campaign.name, Campaign.date, Campaign.kind,
                             Campaign.target,
                             fn.COUNT(Card.id),
                             fn.COALESCE(fn.SUM(Case(None, [(is_open, 1)], 0)), 0),
                             fn.COALESCE(fn.SUM(Case(None, [(is_done, 1)], 0)), 0))
             .join(FollowUp, JOIN.LEFT_OUTER, on=(FollowUp.campaign == Campaign.id))
             .join(Card, JOIN.LEFT_OUTER, on=((FollowUp.card == Card.id) & live))
             .group_by(Campaign.id)
             .order_by(Campaign.date.desc(), Campaign.id.desc()).tuples())
    found = []
    for cid, name, date, kind, target, cards, open_count, done_count in query:
        if isinstance(date, str):
            date = datetime.date.fromisoformat(date)
        try:
            target = json.loads(target or "{}")
        except ValueError:
            target = {}
        found.append(CampaignOverview(cid, name, date, kind, cards, open_count, done_count,
                                      target if isinstance(target, dict) else {}))
    return found
