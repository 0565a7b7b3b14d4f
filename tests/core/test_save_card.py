"""Saving a card from the form lets the follow-up rules react to it."""

import datetime

from prospect_desk.cards import CardData, create_card, save_card
from prospect_desk.models import FollowUp

D = datetime.date


def rules_of(card_id):
    return [(f.rule, f.due_date) for f in FollowUp.select().where(FollowUp.card == card_id)
            .order_by(FollowUp.id)]


def test_a_new_referred_card_gets_its_first_contact_the_next_day(database):
    referrer = create_card(CardData(name="Li Na"))
    referred = save_card(None, CardData(name="Zhou Min", referrer_id=referrer), today=D(2025, 3, 4))
    assert rules_of(referred) == [("referral_first_contact", D(2025, 3, 5))]


def test_a_card_without_referrer_gets_no_follow_up(database):
    card_id = save_card(None, CardData(name="Zhou Min"), today=D(2025, 3, 4))
    assert rules_of(card_id) == []


def test_becoming_a_customer_thanks_the_referrer_once(database):
    referrer = create_card(CardData(name="Li Na"))
    referred = save_card(None, CardData(name="Zhou Min", referrer_id=referrer), today=D(2025, 3, 4))
    save_card(referred, CardData(name="Zhou Min", referrer_id=referrer, stage="customer"),
              today=D(2025, 4, 1))
    save_card(referred, CardData(name="Zhou Min", referrer_id=referrer, stage="former"),
              today=D(2025, 5, 1))
    save_card(referred, CardData(name="Zhou Min", referrer_id=referrer, stage="customer"),
              today=D(2025, 6, 1))
    assert rules_of(referrer) == [("thank_referrer", D(2025, 4, 1))]


def test_editing_without_a_stage_change_adds_nothing(database):
    referrer = create_card(CardData(name="Li Na"))
    referred = create_card(CardData(name="Zhou Min", referrer_id=referrer, stage="customer"))
    save_card(referred, CardData(name="Zhou Min B", referrer_id=referrer, stage="customer"))
    assert rules_of(referrer) == []


def test_a_failure_in_the_rules_leaves_no_card_behind(database, monkeypatch):
    import pytest

    from prospect_desk import follow_up_rules
    from prospect_desk.cards import CardData, save_card
    from prospect_desk.models import Card

    def full_disk(*args, **kwargs):
        raise OSError("database or disk is full")

    monkeypatch.setattr(follow_up_rules, "on_card_created", full_disk)
    with pytest.raises(OSError):
        save_card(None, CardData(name="Half saved"))
    assert Card.select().count() == 0
