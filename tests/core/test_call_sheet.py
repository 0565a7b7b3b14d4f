"""The call sheet: who to phone on a day, why, when last, and what to open with."""

import datetime

from prospect_desk import opening_lines
from prospect_desk.call_sheet import call_sheet, summary_line
from prospect_desk.cards import CardData, create_card, delete_cards
from prospect_desk.circles import add_circle
from prospect_desk.follow_up_rules import mark_declined
from prospect_desk.follow_ups import add_follow_up, complete
from prospect_desk.history import add_activity

D = datetime.date


def card(name, **values) -> int:
    return create_card(CardData(name=name, **values))


def test_the_day_lists_open_follow_ups_with_numbers_reason_and_last_contact(database):
    wang = card("Wang Wei", phone="021-1234", mobile="138 0000", employer="Acme")
    li = card("李娜")
    zhao = card("Zhao")
    add_activity(wang, "call", D(2025, 2, 1), "Asked about prices\nsecond line")
    add_activity(wang, "note", D(2025, 2, 3), "Wants samples")
    add_follow_up(wang, "manual", D(2025, 3, 10), "bring samples")
    mark_declined(li, "price", "", D(2025, 3, 10), today=D(2025, 3, 1))
    done = add_follow_up(zhao, "manual", D(2025, 3, 10))
    complete(done, today=D(2025, 3, 1))
    add_follow_up(zhao, "manual", D(2025, 3, 11))  # another day

    entries = call_sheet(D(2025, 3, 10))

    # revisit comes before a manual follow-up in the agenda's kind order
    assert [e.name for e in entries] == ["李娜", "Wang Wei"]
    li_entry, wang_entry = entries
    assert (wang_entry.company, wang_entry.phone, wang_entry.mobile) == (
        "Acme", "021-1234", "138 0000")
    assert wang_entry.last_contact == D(2025, 2, 1)  # a note is not a contact
    assert wang_entry.last_summary == "Wants samples"
    assert wang_entry.reason == "bring samples"
    assert wang_entry.opening_line == "general"
    assert (li_entry.rule, li_entry.params["reason"]) == ("decline_revisit", "price")
    assert li_entry.opening_line == "revisit"
    assert li_entry.last_contact is None and li_entry.last_summary == ""


def test_a_range_a_kind_a_circle_and_overdue_narrow_or_widen_the_sheet(database):
    club = add_circle("Chess club")
    a = card("Ann", circle_id=club)
    b = card("Bob")
    add_follow_up(a, "collection", D(2025, 3, 10))
    add_follow_up(b, "manual", D(2025, 3, 12))
    add_follow_up(b, "manual", D(2025, 3, 1))  # overdue by the 10th
    gone = card("Gone")
    add_follow_up(gone, "manual", D(2025, 3, 10))
    delete_cards([gone])

    assert [e.name for e in call_sheet(D(2025, 3, 10), D(2025, 3, 12))] == ["Ann", "Bob"]
    assert [e.name for e in call_sheet(D(2025, 3, 10), D(2025, 3, 12),
                                       kind="collection")] == ["Ann"]
    assert [e.opening_line for e in call_sheet(D(2025, 3, 10))] == ["collection"]
    assert [e.name for e in call_sheet(D(2025, 3, 10), D(2025, 3, 12),
                                       circle_id=club)] == ["Ann"]
    assert [e.name for e in call_sheet(D(2025, 3, 10), D(2025, 3, 12), circle_id=0)] == ["Bob"]
    assert [(e.name, e.date) for e in call_sheet(D(2025, 3, 10), include_overdue=True)] == [
        ("Bob", D(2025, 3, 1)), ("Ann", D(2025, 3, 10))]


def test_a_referred_prospect_gets_the_referral_opening(database):
    referrer = card("Chen")
    referred = card("Liu", referrer_id=referrer, referral_source="friend")
    from prospect_desk.follow_up_rules import on_card_created

    on_card_created(referred, today=D(2025, 3, 9))
    entries = call_sheet(D(2025, 3, 9), D(2025, 3, 12))
    assert [(e.name, e.opening_line) for e in entries] == [("Liu", "referral")]


def test_a_long_summary_is_cut_to_one_line():
    assert summary_line("  \nfirst\nsecond") == "first"
    cut = summary_line("x" * 100, 10)
    assert len(cut) == 10 and cut.endswith("…")


def test_the_user_own_opening_line_replaces_the_default_and_empty_restores_it(database):
    assert opening_lines.overrides() == {}
    opening_lines.set_override("revisit", "  我最近正好想到您。 ")
    assert opening_lines.overrides() == {"revisit": "我最近正好想到您。"}
    opening_lines.set_override("revisit", "")
    assert opening_lines.overrides() == {}
