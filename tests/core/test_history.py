import datetime

from prospect_desk.cards import CardData, create_card, get_card
from prospect_desk.history import add_activity, card_history, delete_activity


def test_contacts_move_the_last_contact_date_and_notes_do_not(database):
    card_id = create_card(CardData(name="A"))
    add_activity(card_id, "note", datetime.date(2026, 5, 1), "likes golf")
    assert get_card(card_id).last_contact is None
    add_activity(card_id, "call", datetime.date(2026, 3, 1), "first call")
    add_activity(card_id, "visit", datetime.date(2026, 4, 1), "visit")
    assert get_card(card_id).last_contact == datetime.date(2026, 4, 1)


def test_history_is_newest_first_and_removing_an_entry_moves_last_contact_back(database):
    card_id = create_card(CardData(name="A"))
    first = add_activity(card_id, "call", datetime.date(2026, 3, 1), "first")
    latest = add_activity(card_id, "email", datetime.date(2026, 4, 1), "second")
    assert [e.id for e in card_history(card_id)] == [latest, first]
    delete_activity(latest)
    assert get_card(card_id).last_contact == datetime.date(2026, 3, 1)
