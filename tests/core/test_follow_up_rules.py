"""The rules that put follow-ups on the calendar. Expected dates are counted by
hand in each test (month lengths spelled out)."""

import datetime
import json

import pytest

from prospect_desk import rule_settings
from prospect_desk.cards import CardData, create_card, delete_cards
from prospect_desk.enums import LostReason, SelfReviewQuestion
from prospect_desk.follow_up_rules import (
    CampaignTarget,
    RuleError,
    RuleProblem,
    birthday_occurrences,
    campaign_size,
    create_campaign,
    mark_declined,
    on_card_created,
    on_stage_changed,
    record_deal,
    set_delivery_date,
    set_lunar_birthday,
)
from prospect_desk.models import Card, Circle, Deal, FollowUp

D = datetime.date


def card(name="Wang Wei", **values) -> int:
    return create_card(CardData(name=name, **values))


def occurrences(start, end):
    return [(o.card_id, o.date, o.kind) for o in birthday_occurrences(start, end)]


def open_follow_ups(card_id):
    return list(FollowUp.select().where((FollowUp.card == card_id) & (FollowUp.status == "open"))
                .order_by(FollowUp.due_date, FollowUp.id))


def full_review(yes=True):
    return {q.value: {"yes": yes, "note": ""} for q in SelfReviewQuestion}


# --- settings ---------------------------------------------------------------------


def test_rule_settings_start_at_their_declared_defaults(database):
    values = rule_settings.all_values()
    assert values["birthday_lead_days"] == 7
    assert values["decline_revisit_days"] == 90
    assert values["decline_revisit_days_cash_shortage"] == 30
    assert values["lost_revisit_days_competitor"] == 120
    assert values["referral_first_contact_days"] == 1


def test_a_changed_setting_is_kept_and_a_bad_value_refused(database):
    rule_settings.set("birthday_lead_days", 3)
    assert rule_settings.get("birthday_lead_days") == 3
    with pytest.raises(rule_settings.SettingValueError):
        rule_settings.set("birthday_lead_days", -1)
    with pytest.raises(rule_settings.UnknownSettingError):
        rule_settings.get("no_such_setting")
    rule_settings.reset("birthday_lead_days")
    assert rule_settings.get("birthday_lead_days") == 7


# --- birthdays --------------------------------------------------------------------


def test_birthday_gift_comes_seven_days_before_and_the_birthday_shows_too(database):
    wang = card(birthday=D(1980, 6, 20))
    assert occurrences(D(2025, 6, 1), D(2025, 6, 30)) == [
        (wang, D(2025, 6, 13), "birthday_gift"),
        (wang, D(2025, 6, 20), "birthday"),
    ]


def test_a_january_birthday_is_prepared_for_in_december_of_the_year_before(database):
    wang = card(birthday=D(1980, 1, 3))
    # Jan 3 less 7 days: Jan 2, Jan 1, Dec 31, 30, 29, 28, 27.
    assert occurrences(D(2025, 12, 20), D(2026, 1, 10)) == [
        (wang, D(2025, 12, 27), "birthday_gift"),
        (wang, D(2026, 1, 3), "birthday"),
    ]
    # December alone shows only the gift; its birthday is next year.
    assert occurrences(D(2025, 12, 1), D(2025, 12, 31)) == [
        (wang, D(2025, 12, 27), "birthday_gift")]


def test_a_feb_29_birthday_falls_on_feb_28_in_non_leap_years(database):
    li = card("Li Na", birthday=D(1984, 2, 29))
    # 2023 is not a leap year: Feb 28; the gift 7 days before is Feb 21.
    assert occurrences(D(2023, 2, 1), D(2023, 3, 31)) == [
        (li, D(2023, 2, 21), "birthday_gift"), (li, D(2023, 2, 28), "birthday")]
    # A range ending on Feb 28 still finds it.
    assert occurrences(D(2023, 2, 28), D(2023, 2, 28)) == [(li, D(2023, 2, 28), "birthday")]
    # 2024 is a leap year: Feb 29; the gift is Feb 22.
    assert occurrences(D(2024, 2, 1), D(2024, 3, 31)) == [
        (li, D(2024, 2, 22), "birthday_gift"), (li, D(2024, 2, 29), "birthday")]
    # ...and a leap-year range ending on Feb 28 does not show the birthday.
    assert occurrences(D(2024, 2, 28), D(2024, 2, 28)) == []


def test_a_range_of_a_year_or_more_finds_every_birthday_each_year(database):
    wang = card(birthday=D(1980, 6, 20))
    found = occurrences(D(2025, 1, 1), D(2026, 12, 31))
    assert [d for c, d, k in found if k == "birthday"] == [D(2025, 6, 20), D(2026, 6, 20)]
    assert all(c == wang for c, _, _ in found)


def test_trashed_cards_and_cards_without_birthday_have_no_reminders(database):
    gone = card(birthday=D(1980, 6, 20))
    card("No Birthday")
    delete_cards([gone])
    assert occurrences(D(2025, 6, 1), D(2025, 6, 30)) == []


def test_a_lunar_birthday_follows_the_lunar_calendar_each_year(database):
    zhao = card("Zhao Lei", birthday=D(1970, 3, 5))
    set_lunar_birthday(zhao, 1, 1)  # born on Spring Festival, 正月初一
    # Spring Festival fell on 2025-01-29 and falls on 2026-02-17; the solar
    # birthday column no longer gives reminders.
    found = [(d, k) for _, d, k in occurrences(D(2025, 1, 1), D(2026, 12, 31))]
    assert found == [(D(2025, 1, 22), "birthday_gift"), (D(2025, 1, 29), "birthday"),
                     (D(2026, 2, 10), "birthday_gift"), (D(2026, 2, 17), "birthday")]


def test_a_lunar_twelfth_month_birthday_falls_in_the_next_solar_year(database):
    chen = card("Chen Jie")
    set_lunar_birthday(chen, 12, 8)  # 腊八: 2025-01-07 for lunar year 2024
    assert (chen, D(2025, 1, 7), "birthday") in occurrences(D(2025, 1, 1), D(2025, 1, 31))


def test_a_leap_month_birthday_uses_the_ordinary_month_in_years_without_it(database):
    sun = card("Sun Hua")
    set_lunar_birthday(sun, 2, 1, leap=True)  # 闰二月初一
    # 2023 had a leap second month starting 2023-03-22 (the ordinary second
    # month began 2023-02-20). 2024 has none: its second month began 2024-03-10.
    births = [d for _, d, k in occurrences(D(2023, 1, 1), D(2024, 12, 31)) if k == "birthday"]
    assert births == [D(2023, 3, 22), D(2024, 3, 10)]


def test_the_birthday_lead_follows_the_setting(database):
    wang = card(birthday=D(1980, 6, 20))
    rule_settings.set("birthday_lead_days", 3)
    assert occurrences(D(2025, 6, 1), D(2025, 6, 30))[0] == (wang, D(2025, 6, 17),
                                                                 "birthday_gift")


def test_a_lunar_date_that_cannot_be_is_refused(database):
    sun = card("Sun Hua")
    with pytest.raises(RuleError) as error:
        set_lunar_birthday(sun, 13, 1)
    assert error.value.problem is RuleProblem.INVALID_LUNAR_DATE


# --- declined --------------------------------------------------------------------


def test_declining_records_the_reason_and_schedules_a_revisit_in_90_days(database):
    wang = card()
    revisit_id = mark_declined(wang, "price", "wants 10% off", today=D(2025, 3, 1))
    row = Card.get_by_id(wang)
    assert (row.stage, row.decline_reason, row.decline_note) == ("declined", "price",
                                                                 "wants 10% off")
    revisit = FollowUp.get_by_id(revisit_id)
    # Mar 1 + 30 = Mar 31, + 30 = Apr 30, + 30 = May 30.
    assert revisit.due_date == D(2025, 5, 30)
    assert (revisit.kind, revisit.rule) == ("revisit", "decline_revisit")
    assert json.loads(revisit.rule_params) == {"reason": "price"}


def test_a_cash_shortage_is_revisited_after_30_days(database):
    wang = card()
    revisit_id = mark_declined(wang, "cash_shortage", today=D(2025, 3, 1))
    assert FollowUp.get_by_id(revisit_id).due_date == D(2025, 3, 31)


def test_a_given_revisit_date_wins(database):
    wang = card()
    revisit_id = mark_declined(wang, "obstacle", "delivery date too late",
                               revisit_date=D(2025, 4, 15), today=D(2025, 3, 1))
    assert FollowUp.get_by_id(revisit_id).due_date == D(2025, 4, 15)


def test_not_interested_alone_is_not_a_reason(database):
    wang = card()
    for note, problem in [("", RuleProblem.NOTE_REQUIRED),
                          ("not interested", RuleProblem.NOTE_TOO_VAGUE),
                          ("不感兴趣", RuleProblem.NOTE_TOO_VAGUE)]:
        with pytest.raises(RuleError) as error:
            mark_declined(wang, "other", note, today=D(2025, 3, 1))
        assert error.value.problem is problem
    with pytest.raises(RuleError) as error:
        mark_declined(wang, "not_interested", "x", today=D(2025, 3, 1))
    assert error.value.problem is RuleProblem.UNKNOWN_REASON
    assert Card.get_by_id(wang).stage == "new"
    assert open_follow_ups(wang) == []


def test_declining_again_moves_the_open_revisit_instead_of_adding_one(database):
    wang = card()
    first = mark_declined(wang, "price", today=D(2025, 3, 1))
    second = mark_declined(wang, "timing", "after their fiscal year", today=D(2025, 4, 1))
    assert first == second
    [revisit] = open_follow_ups(wang)
    # Apr 1 + 30 = May 1, + 30 = May 31, + 30 = Jun 30.
    assert revisit.due_date == D(2025, 6, 30)
    assert json.loads(revisit.rule_params) == {"reason": "timing"}
    assert revisit.reason == "after their fiscal year"


# --- deals ------------------------------------------------------------------------


def test_a_won_deal_schedules_the_after_sale_steps_from_delivery(database):
    wang = card()
    deal_id = record_deal(wang, D(2025, 6, 1), "copier", 1_250_000, "won",
                          delivery_date=D(2025, 6, 10), today=D(2025, 6, 1))
    steps = {(f.kind, f.due_date) for f in open_follow_ups(wang)}
    # June has 30 days: Jun 10 + 30 = Jul 10; + 180 = Dec 7 (Jun 20, Jul 31,
    # Aug 31, Sep 30, Oct 31, Nov 30 make 173, then 7 more).
    assert steps == {("thank_you", D(2025, 6, 12)), ("delivery_check", D(2025, 6, 17)),
                     ("testimonial", D(2025, 7, 10)), ("repeat_purchase", D(2025, 12, 7))}
    assert all(f.deal_id == deal_id for f in open_follow_ups(wang))
    row = Card.get_by_id(wang)
    assert (row.stage, row.transaction_date) == ("customer", D(2025, 6, 1))


def test_a_won_deal_with_installation_and_training_adds_those_steps(database):
    wang = card()
    record_deal(wang, D(2025, 6, 1), "press", 9_000_000, "won", delivery_date=D(2025, 6, 10),
                install_test=True, training=True, today=D(2025, 6, 1))
    steps = {f.kind: f.due_date for f in open_follow_ups(wang)}
    assert steps["installation_test"] == D(2025, 6, 13)
    assert steps["training"] == D(2025, 6, 15)
    assert len(steps) == 6


def test_a_won_deal_without_delivery_date_schedules_steps_once_it_is_set(database):
    wang = card()
    deal_id = record_deal(wang, D(2025, 6, 1), "copier", 100, "won", install_test=True,
                          today=D(2025, 6, 1))
    assert open_follow_ups(wang) == []
    set_delivery_date(deal_id, D(2025, 7, 1))
    set_delivery_date(deal_id, D(2025, 7, 2))  # moved: still one of each
    steps = sorted((f.kind, f.due_date) for f in open_follow_ups(wang))
    assert ("thank_you", D(2025, 7, 4)) in steps
    assert ("installation_test", D(2025, 7, 5)) in steps
    assert len(steps) == 5


@pytest.mark.parametrize("reason, revisit", [
    # Jan 10 + 21 = Jan 31; + 28 = Feb 28 (49); + 31 = Mar 31 (80); + 30 = Apr 30 (110).
    ("price_terms", D(2025, 3, 11)),   # 49 + 11 = 60
    ("product_fit", D(2025, 7, 9)),    # May 31 (141), Jun 30 (171), + 9 = 180
    ("timing", D(2025, 4, 10)),        # 80 + 10 = 90
    ("competitor", D(2025, 5, 10)),    # 110 + 10 = 120
    ("other", D(2025, 4, 10)),         # 90
])
def test_a_lost_deal_is_revisited_after_the_days_its_reason_calls_for(database, reason,
                                                                      revisit):
    wang = card()
    deal_id = record_deal(wang, D(2025, 1, 10), "copier", 500_000, "lost",
                          lost_reason=reason, self_review=full_review())
    [follow_up] = open_follow_ups(wang)
    assert (follow_up.kind, follow_up.due_date, follow_up.deal_id) == ("revisit", revisit,
                                                                       deal_id)
    assert json.loads(follow_up.rule_params)["reason"] == reason
    assert Deal.get_by_id(deal_id).lost_reason == reason


def test_a_lost_deal_keeps_the_six_answers_of_the_self_review(database):
    wang = card()
    review = {q.value: (q is not SelfReviewQuestion.CLOSING_TECHNIQUES, "") for q in
              SelfReviewQuestion}
    review[SelfReviewQuestion.CLOSING_TECHNIQUES.value] = (False, "never asked for the order")
    deal_id = record_deal(wang, D(2025, 1, 10), "copier", 1, "lost",
                          lost_reason=LostReason.COMPETITOR, self_review=review)
    stored = json.loads(Deal.get_by_id(deal_id).self_review)
    assert list(stored) == [q.value for q in SelfReviewQuestion]
    assert stored["closing_techniques"] == {"yes": False, "note": "never asked for the order"}
    assert stored["need_and_motive"] == {"yes": True, "note": ""}


def test_a_lost_deal_needs_a_reason_and_the_whole_self_review(database):
    wang = card()
    with pytest.raises(RuleError) as error:
        record_deal(wang, D(2025, 1, 10), "copier", 1, "lost", self_review=full_review())
    assert error.value.problem is RuleProblem.LOST_REASON_REQUIRED
    partial = full_review()
    del partial["handled_objections"]
    with pytest.raises(RuleError) as error:
        record_deal(wang, D(2025, 1, 10), "copier", 1, "lost", lost_reason="price_terms",
                    self_review=partial)
    assert error.value.problem is RuleProblem.SELF_REVIEW_INCOMPLETE
    assert error.value.detail == ["handled_objections"]
    assert Deal.select().count() == 0


def test_lost_revisit_days_follow_the_settings(database):
    rule_settings.set("lost_revisit_days_price_terms", 14)
    wang = card()
    record_deal(wang, D(2025, 1, 10), "copier", 1, "lost", lost_reason="price_terms",
                self_review=full_review(False))
    assert open_follow_ups(wang)[0].due_date == D(2025, 1, 24)


# --- referrals ----------------------------------------------------------------------


def test_a_referred_prospect_is_called_within_a_day(database):
    zhang = card("Zhang San")
    li = card("Li Si", referrer_id=zhang)
    follow_up_id = on_card_created(li, today=D(2025, 5, 5))
    follow_up = FollowUp.get_by_id(follow_up_id)
    assert (follow_up.card_id, follow_up.kind, follow_up.due_date) == (
        li, "referral_first_contact", D(2025, 5, 6))
    assert json.loads(follow_up.rule_params) == {"referrer_id": zhang,
                                                 "referrer_name": "Zhang San"}
    assert on_card_created(li, today=D(2025, 5, 5)) is None  # not twice
    assert on_card_created(zhang, today=D(2025, 5, 5)) is None  # nobody referred Zhang


def test_the_referrer_is_thanked_once_when_the_referral_buys(database):
    zhang = card("Zhang San")
    li = card("Li Si", referrer_id=zhang)
    assert on_stage_changed(li, "new", "declined", today=D(2025, 6, 1)) is None
    thanks_id = on_stage_changed(li, "new", "customer", today=D(2025, 6, 1))
    thanks = FollowUp.get_by_id(thanks_id)
    assert (thanks.card_id, thanks.kind, thanks.due_date) == (zhang, "thank_referrer",
                                                              D(2025, 6, 1))
    # Buying again, or the stage set again, thanks nobody twice.
    record_deal(li, D(2025, 7, 1), "toner", 100, "won", today=D(2025, 7, 1))
    assert on_stage_changed(li, "former", "customer", today=D(2025, 8, 1)) is None
    assert FollowUp.select().where(FollowUp.kind == "thank_referrer").count() == 1


def test_a_won_deal_by_a_referred_card_thanks_the_referrer(database):
    zhang = card("Zhang San")
    li = card("Li Si", referrer_id=zhang)
    record_deal(li, D(2025, 7, 1), "copier", 100, "won", today=D(2025, 7, 2))
    [thanks] = open_follow_ups(zhang)
    assert (thanks.kind, thanks.due_date) == ("thank_referrer", D(2025, 7, 2))
    assert json.loads(thanks.rule_params) == {"referred_id": li, "referred_name": "Li Si"}


# --- campaigns ----------------------------------------------------------------------


def _circle(key):
    return Circle.get(Circle.builtin_key == key).id


def test_a_campaign_reaches_each_live_card_of_the_circle_on_its_date(database):
    work = _circle("work")
    a = card("A", circle_id=work)
    b = card("B", circle_id=work)
    gone = card("C", circle_id=work)
    card("D", circle_id=_circle("school"))
    delete_cards([gone])
    campaign_id = create_campaign("Spring brochure", D(2025, 4, 1), "brochure",
                                  CampaignTarget(circle_id=work))
    rows = FollowUp.select().where(FollowUp.campaign == campaign_id)
    assert sorted(f.card_id for f in rows) == [a, b]
    assert {(f.kind, f.due_date, f.reason) for f in rows} == {
        ("mailer", D(2025, 4, 1), "Spring brochure")}
    assert campaign_size(campaign_id) == 2


def test_a_campaign_can_target_a_stage_or_a_search(database):
    a = card("Alpha Trading", stage="customer")
    card("Beta Trading", stage="new")
    card("Gamma Foods", stage="customer")
    by_stage = create_campaign("Fair", D(2025, 5, 1), "exhibition_invitation",
                               CampaignTarget(stage="customer"))
    assert campaign_size(by_stage) == 2
    both = create_campaign("New stock", D(2025, 5, 2), "new_arrival_report",
                           CampaignTarget(stage="customer", search="trading"))
    assert [f.card_id for f in FollowUp.select().where(FollowUp.campaign == both)] == [a]


def test_a_campaign_needs_a_target_a_name_and_a_known_kind(database):
    card("A")
    for args, problem in [
        (("X", D(2025, 4, 1), "brochure", CampaignTarget()), RuleProblem.TARGET_REQUIRED),
        (("", D(2025, 4, 1), "brochure", CampaignTarget(stage="new")),
         RuleProblem.NAME_REQUIRED),
        (("X", D(2025, 4, 1), "spam", CampaignTarget(stage="new")),
         RuleProblem.UNKNOWN_CAMPAIGN_KIND),
    ]:
        with pytest.raises(RuleError) as error:
            create_campaign(*args)
        assert error.value.problem is problem
    assert FollowUp.select().count() == 0
