"""Personal letters by mail merge: templates shipped and edited, fields filled
from the card and its deals, and a campaign's letters marked as sent."""

import datetime

import pytest

from prospect_desk import letters
from prospect_desk.cards import CardData, create_card, delete_cards
from prospect_desk.follow_up_rules import CampaignTarget, create_campaign, record_deal
from prospect_desk.history import card_history
from prospect_desk.mailing import campaigns_with_open_follow_ups, mark_campaign_sent
from prospect_desk.models import FollowUp

D = datetime.date
TODAY = D(2025, 3, 10)


def card(name, **values) -> int:
    return create_card(CardData(name=name, **values))


def test_every_shipped_template_exists_in_both_languages_and_uses_only_known_fields():
    for language in letters.LANGUAGES:
        found = letters.list_templates(language)
        assert {t.key for t in found} >= {"thank_you", "new_arrival", "birthday", "win_back",
                                          "referral_thanks"}
        for template in found:
            assert template.builtin and not template.edited
            assert template.title and template.title != template.key
            assert letters.unknown_fields(template.body) == []
    assert ({t.key for t in letters.list_templates("en")}
            == {t.key for t in letters.list_templates("zh_CN")})


def test_fields_are_filled_from_the_card_its_last_won_deal_and_the_sender(database):
    acme = card("Acme Trading", kind="company", person_in_charge="Ms Zhou",
                address="1 Nanjing Road\nShanghai 200001")
    record_deal(acme, D(2024, 5, 2), "Old pump", 10000, "won", today=D(2024, 5, 2))
    record_deal(acme, D(2025, 1, 15), "Water pump", 123456, "won", today=D(2025, 1, 15))
    friend = card("Li Na", employer="Sunrise Ltd", referrer_id=acme)
    letters.set_sender("Wang Wei", "Wang Wei\nSales, Prospect Co.")
    template = letters.LetterTemplate(
        "t", "en", "T", "{salutation}\n{name} / {company} / {last_product} on "
        "{last_purchase_date} for {last_amount}; {referred_name}; {today}\n"
        "{recipient_block}\n{signature} {unknown}", False, True)

    (acme_letter, li_letter) = letters.letters(template, [acme, friend], TODAY)

    assert acme_letter.text.splitlines() == [
        "Dear Ms Zhou,",
        "Acme Trading / Acme Trading / Water pump on 15 January 2025 for 1,234.56; "
        "Li Na; 10 March 2025",
        "Acme Trading", "Ms Zhou", "1 Nanjing Road", "Shanghai 200001",
        "Wang Wei", "Sales, Prospect Co. {unknown}"]
    assert li_letter.text.startswith("Dear Li Na,\nLi Na / Sunrise Ltd /  on  for ; ; ")
    assert letters.unknown_fields(template.body) == ["unknown"]


def test_a_chinese_letter_greets_and_dates_in_chinese(database):
    zhang = card("张伟")
    record_deal(zhang, D(2025, 2, 3), "净水器", 99900, "won", today=D(2025, 2, 3))
    template = letters.load_template("thank_you", "zh_CN")

    (letter,) = letters.letters(template, [zhang], TODAY)

    assert "尊敬的张伟：" in letter.text
    assert "2025年2月3日选购净水器" in letter.text
    assert "2025年3月10日" in letter.text
    assert "{" not in letter.text


def test_deleted_cards_get_no_letter_and_empty_fields_are_counted(database):
    a, b, gone = card("A"), card("B"), card("Gone")
    record_deal(a, D(2025, 1, 1), "Pump", 100, "won", today=D(2025, 1, 1))
    delete_cards([gone])
    letters.set_sender("Wang Wei", "")  # the signature falls back to the name
    template = letters.load_template("thank_you", "en")
    merges = letters.merge_values([b, gone, a], "en", TODAY)

    assert [card_id for card_id, _ in merges] == [b, a]
    assert letters.empty_fields(template.body, merges) == {
        "last_product": 1, "last_purchase_date": 1}


def test_an_edited_template_is_saved_beside_the_database_and_the_original_restored(
        database, db_path):
    original = letters.load_template("birthday", "en")

    saved = letters.save_template("birthday", "en", "Birthday", "Happy birthday, {name}!")

    copy = db_path.parent / "letters" / "en" / "birthday.txt"
    assert copy.read_text(encoding="utf-8") == "# Birthday\n\nHappy birthday, {name}!\n"
    assert (saved.body, saved.builtin, saved.edited) == ("Happy birthday, {name}!\n", True, True)
    assert letters.load_template("birthday", "en").body == "Happy birthday, {name}!\n"
    assert (letters.builtin_dir() / "en" / "birthday.txt").read_text(
        encoding="utf-8").startswith("# Birthday greeting")

    restored = letters.restore_original("birthday", "en")

    assert restored == original and not copy.exists()


def test_a_template_of_ones_own_is_listed_and_can_be_deleted(database):
    key = letters.new_template_key("zh_CN")
    letters.save_template(key, "zh_CN", "展会邀请", "{salutation}\n诚邀您参观展览会。")

    mine = [t for t in letters.list_templates("zh_CN") if t.key == key]
    assert len(mine) == 1 and mine[0].title == "展会邀请" and not mine[0].builtin
    assert letters.new_template_key("zh_CN") != key
    assert letters.restore_original(key, "zh_CN") is None
    assert key not in {t.key for t in letters.list_templates("zh_CN")}


def test_a_template_needs_a_title_and_a_body(database):
    with pytest.raises(letters.TemplateNameError):
        letters.save_template("x", "en", " ", "body")
    with pytest.raises(letters.TemplateNameError):
        letters.save_template("x", "en", "Title", "\n")
    with pytest.raises(letters.TemplateNotFoundError):
        letters.load_template("no_such_letter", "en")


def test_sending_a_campaigns_letters_completes_its_open_follow_ups_of_those_cards(database):
    a, b, c = card("Ann", notes="vip"), card("Bob", notes="vip"), card("Cy", notes="vip")
    campaign = create_campaign("Spring mailer", TODAY, "new_arrival_report",
                               CampaignTarget(search="vip"))
    other = create_campaign("Other", TODAY, "brochure", CampaignTarget(search="vip"))

    assert [(s.name, s.open_count) for s in campaigns_with_open_follow_ups()] == [
        ("Other", 3), ("Spring mailer", 3)]

    marked = mark_campaign_sent(campaign, [a, b], TODAY, label="Letter sent")

    assert marked == 2
    status = {(f.card_id, f.campaign_id): f.status for f in FollowUp.select()}
    assert status[(a, campaign)] == status[(b, campaign)] == "done"
    assert status[(c, campaign)] == "open"
    assert status[(a, other)] == "open"
    assert [(h.kind, h.text, h.date) for h in card_history(a)] == [
        ("letter", "Letter sent", TODAY)]
    assert card_history(c) == []
    assert mark_campaign_sent(campaign, [a, b], TODAY) == 0
