"""Mailer campaigns as the campaign list works them: their counts, a target
that is exactly the card list's filters, making one that can be cancelled,
marking one sent (in each card's history) and deleting one without losing
what was already done."""

import datetime
import json

import pytest

from prospect_desk import follow_up_rules
from prospect_desk.card_query import NO_CIRCLE
from prospect_desk.cards import CardData, create_card, delete_cards
from prospect_desk.follow_up_rules import (
    CampaignCancelled,
    CampaignTarget,
    create_campaign,
    target_size,
)
from prospect_desk.history import card_history
from prospect_desk.mailing import (
    campaign_card_ids,
    campaign_overviews,
    delete_campaign,
    mark_campaign_sent,
)
from prospect_desk.models import Campaign, Card, Circle, FollowUp

D = datetime.date


def card(name, **values) -> int:
    return create_card(CardData(name=name, **values))


def circle(key) -> int:
    return Circle.get(Circle.builtin_key == key).id


def statuses(campaign_id):
    return {f.card_id: f.status for f in FollowUp.select()
            .where(FollowUp.campaign == campaign_id)}


def test_the_target_size_counts_the_live_cards_a_campaign_would_reach(database):
    work = circle("work")
    card("Ann", circle_id=work, kind="company", credit_status="good")
    card("Bob", circle_id=work, kind="individual", credit_status="good")
    gone = card("Cy", circle_id=work)
    card("Di")  # in no circle
    delete_cards([gone])

    assert target_size(CampaignTarget()) == 0
    assert target_size(CampaignTarget(circle_id=work)) == 2
    assert target_size(CampaignTarget(circle_id=work, kind="company")) == 1
    assert target_size(CampaignTarget(credit_status="good")) == 2
    assert target_size(CampaignTarget(circle_id=NO_CIRCLE)) == 1


def test_a_target_of_kind_and_credit_reaches_exactly_those_cards(database):
    ann = card("Ann", kind="company", credit_status="good")
    card("Bob", kind="individual", credit_status="good")
    card("Cy", kind="company", credit_status="bad")

    campaign = create_campaign("Fair", D(2025, 6, 1), "exhibition_invitation",
                               CampaignTarget(kind="company", credit_status="good"))

    assert list(statuses(campaign)) == [ann]


@pytest.fixture
def batches_of_200(monkeypatch):
    monkeypatch.setattr(follow_up_rules, "CAMPAIGN_BATCH", 200)


def test_a_cancelled_campaign_leaves_nothing_behind(database, batches_of_200):
    for n in range(450):
        card(f"Card {n:03}", notes="fair")
    heard = []

    def cancel_after_first_batch():
        return bool(heard)

    with pytest.raises(CampaignCancelled):
        create_campaign("Fair", D(2025, 6, 1), "brochure", CampaignTarget(search="fair"),
                        progress=lambda done, total: heard.append((done, total)),
                        cancelled=cancel_after_first_batch)

    assert heard == [(200, 450)]
    assert Campaign.select().count() == 0
    assert FollowUp.select().count() == 0


def test_progress_is_heard_for_each_batch_up_to_the_whole_target(database, batches_of_200):
    for n in range(450):
        card(f"Card {n:03}", notes="fair")
    heard = []
    campaign = create_campaign("Fair", D(2025, 6, 1), "brochure", CampaignTarget(search="fair"),
                               progress=lambda done, total: heard.append((done, total)))
    assert heard == [(200, 450), (400, 450), (450, 450)]
    assert len(statuses(campaign)) == 450
    row = FollowUp.get(FollowUp.campaign == campaign)
    assert (row.kind, row.due_date, row.reason, row.status, row.rule) == (
        "mailer", D(2025, 6, 1), "Fair", "open", "campaign")
    assert json.loads(row.rule_params) == {"campaign_kind": "brochure", "campaign_id": campaign}
    assert row.created_at is not None and row.done_at is None and row.deal_id is None


def test_the_overview_lists_every_campaign_newest_first_with_its_counts(database):
    a, b, c = card("Ann", notes="vip"), card("Bob", notes="vip"), card("Cy", notes="vip")
    older = create_campaign("Spring", D(2025, 4, 1), "brochure", CampaignTarget(search="vip"))
    newer = create_campaign("Summer", D(2025, 7, 1), "advertising_mailer",
                            CampaignTarget(search="vip", stage="new"))
    empty = create_campaign("Nobody", D(2025, 5, 1), "brochure", CampaignTarget(search="zzz"))
    mark_campaign_sent(older, [a])
    FollowUp.update(status="skipped").where(
        (FollowUp.campaign == older) & (FollowUp.card == b)).execute()
    delete_cards([c])  # a trashed card counts nowhere

    shown = [(o.campaign_id, o.name, o.date, o.kind, o.card_count, o.open_count, o.done_count)
             for o in campaign_overviews()]

    assert shown == [
        (newer, "Summer", D(2025, 7, 1), "advertising_mailer", 2, 2, 0),
        (empty, "Nobody", D(2025, 5, 1), "brochure", 0, 0, 0),
        (older, "Spring", D(2025, 4, 1), "brochure", 2, 0, 1),
    ]
    assert campaign_overviews()[0].target["stage"] == "new"


def test_marking_a_campaign_sent_logs_a_letter_in_each_cards_history(database):
    a = card("Ann", notes="vip")
    b = card("Bob", notes="vip")
    Card.update(last_contact=D(2025, 9, 1)).where(Card.id == b).execute()  # later already
    campaign = create_campaign("Autumn mailer", D(2025, 8, 1), "advertising_mailer",
                               CampaignTarget(search="vip"))

    assert mark_campaign_sent(campaign, today=D(2025, 8, 2), label="Mailer sent") == 2

    assert statuses(campaign) == {a: "done", b: "done"}
    assert [(h.kind, h.date, h.text) for h in card_history(a)] == [
        ("letter", D(2025, 8, 2), "Mailer sent")]
    assert Card.get_by_id(a).last_contact == D(2025, 8, 2)
    assert Card.get_by_id(b).last_contact == D(2025, 9, 1)
    assert mark_campaign_sent(campaign) == 0  # nothing left open: nothing logged twice
    assert len(card_history(a)) == 1


def test_without_a_label_the_history_says_the_campaigns_name(database):
    a = card("Ann", notes="vip")
    campaign = create_campaign("Autumn mailer", D(2025, 8, 1), "advertising_mailer",
                               CampaignTarget(search="vip"))
    mark_campaign_sent(campaign, today=D(2025, 8, 2))
    assert card_history(a)[0].text == "Autumn mailer"


def test_deleting_a_campaign_removes_its_open_follow_ups_and_keeps_the_done_ones(database):
    a, b = card("Ann", notes="vip"), card("Bob", notes="vip")
    campaign = create_campaign("Spring", D(2025, 4, 1), "brochure", CampaignTarget(search="vip"))
    other = create_campaign("Other", D(2025, 4, 2), "brochure", CampaignTarget(search="vip"))
    mark_campaign_sent(campaign, [a], today=D(2025, 4, 1))

    assert delete_campaign(campaign) == 1

    assert Campaign.get_or_none(Campaign.id == campaign) is None
    kept = list(FollowUp.select().where((FollowUp.card == a) & (FollowUp.reason == "Spring")))
    assert [(f.status, f.campaign_id) for f in kept] == [("done", None)]
    assert not FollowUp.select().where((FollowUp.card == b) & (FollowUp.reason == "Spring")
                                       ).exists()
    assert statuses(other) == {a: "open", b: "open"}
    assert len(card_history(a)) == 1


def test_a_campaigns_cards_are_those_still_to_send_or_all_of_them(database):
    a, b = card("Ann", notes="vip"), card("Bob", notes="vip")
    campaign = create_campaign("Spring", D(2025, 4, 1), "brochure", CampaignTarget(search="vip"))
    mark_campaign_sent(campaign, [a])
    assert campaign_card_ids(campaign) == [b]
    assert campaign_card_ids(campaign, open_only=False) == [a, b]


def test_a_cancelled_mark_sent_leaves_the_follow_ups_open_and_no_history(database):
    a = card("Ann", notes="vip")
    campaign = create_campaign("Autumn", D(2025, 8, 1), "brochure", CampaignTarget(search="vip"))
    with pytest.raises(CampaignCancelled):
        mark_campaign_sent(campaign, today=D(2025, 8, 2), cancelled=lambda: True)
    assert statuses(campaign) == {a: "open"}
    assert card_history(a) == [] and Card.get_by_id(a).last_contact is None


def test_a_cancelled_delete_leaves_the_campaign_and_its_follow_ups(database):
    a, b = card("Ann", notes="vip"), card("Bob", notes="vip")
    campaign = create_campaign("Winter", D(2025, 12, 1), "brochure", CampaignTarget(search="vip"))
    heard = []

    def cancel_once_removed() -> bool:
        return bool(heard)

    with pytest.raises(CampaignCancelled):
        delete_campaign(campaign, lambda done, total: heard.append((done, total)),
                        cancel_once_removed)
    assert heard == [(2, 2)]
    assert Campaign.get_or_none(Campaign.id == campaign) is not None
    assert statuses(campaign) == {a: "open", b: "open"}

    heard.clear()
    assert delete_campaign(campaign, lambda done, total: heard.append((done, total))) == 2
    assert heard == [(2, 2)] and Campaign.get_or_none(Campaign.id == campaign) is None


def test_deleting_a_campaign_builds_the_follow_ups_campaign_index_first_if_left(database):
    from prospect_desk import bulk_indexes
    from prospect_desk.models import db

    card("Ann", notes="vip")
    campaign = create_campaign("Spring", D(2025, 4, 1), "brochure", CampaignTarget(search="vip"))
    with db.atomic(), bulk_indexes.indexes_dropped("follow_up"):
        pass  # as a big import of revisits leaves them: listed, to be built later
    assert delete_campaign(campaign) == 1
    left = bulk_indexes.pending()
    assert "follow_up_campaign_id" not in left and "follow_up_status_due" in left
