"""Whom a mailing goes to: the postal addresses of chosen cards or of a
campaign's cards, as plain data for labels, envelopes and letters."""

import datetime
from dataclasses import dataclass

from peewee import fn

from prospect_desk.enums import FollowUpStatus
from prospect_desk.models import Campaign, Card, Deal, FollowUp, _now, db


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


def campaign_card_ids(campaign_id: int) -> list[int]:
    """The cards a campaign's open follow-ups go to, by name."""
    query = (FollowUp.select(FollowUp.card).join(Card, on=(FollowUp.card == Card.id))
             .where((FollowUp.campaign == campaign_id)
                    & (FollowUp.status == FollowUpStatus.OPEN.value)
                    & Card.deleted_at.is_null())
             .order_by(Card.sort_name, Card.id).tuples())
    return [card_id for (card_id,) in query]


def mark_campaign_sent(campaign_id: int, card_ids: list[int] | None = None) -> int:
    """The campaign's open follow-ups (of these cards, if given) are done: the
    letters went out. Returns how many."""
    condition = ((FollowUp.campaign == campaign_id)
                 & (FollowUp.status == FollowUpStatus.OPEN.value))
    if card_ids is not None:
        condition &= FollowUp.card.in_(card_ids)
    with db.atomic():
        return (FollowUp.update(status=FollowUpStatus.DONE.value, done_at=_now())
                .where(condition).execute())


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
