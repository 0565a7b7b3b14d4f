import datetime

import pytest

from prospect_desk.cards import (
    CardData,
    CardInvalidError,
    card_data,
    create_card,
    delete_cards,
    empty_trash,
    get_card,
    referred_by,
    restore_cards,
    trashed_cards,
    update_card,
)
from prospect_desk.history import add_activity
from prospect_desk.models import Activity, Card


def test_phones_are_kept_exactly_as_typed(database):
    card_id = create_card(CardData(name="王芳", phone="021-6234 5678 ext. 12",
                                   mobile="+86 138 0013 8000", fax="00862162345679"))
    card = get_card(card_id)
    assert (card.phone, card.mobile, card.fax) == ("021-6234 5678 ext. 12",
                                                   "+86 138 0013 8000", "00862162345679")


def test_a_card_reads_back_as_it_was_saved(database):
    data = CardData(kind="company", name="华信贸易有限公司", address="上海市人民路1号",
                    person_in_charge="李强", handler="陈静", credit_status="good",
                    first_contact=datetime.date(2025, 3, 4), notes="年底预算充足")
    card_id = create_card(data)
    assert card_data(get_card(card_id)) == data


def test_an_invalid_card_is_not_written(database):
    with pytest.raises(CardInvalidError):
        create_card(CardData(name=""))
    assert Card.select().count() == 0


def test_updating_a_card_refreshes_its_search_keys(database):
    card_id = create_card(CardData(name="Alice"))
    update_card(card_id, CardData(name="张伟"))
    card = get_card(card_id)
    assert "zhangwei" in card.search_text and "zw" in card.search_text.split("\n")
    assert card.sort_name.startswith("zhangwei")


def test_a_referrer_shows_whom_it_referred_but_not_trashed_ones(database):
    referrer = create_card(CardData(name="Grace"))
    first = create_card(CardData(name="Bob", referrer_id=referrer))
    second = create_card(CardData(name="Amy", referrer_id=referrer))
    delete_cards([first])
    assert referred_by(referrer) == [(second, "Amy")]


def test_deleted_cards_wait_in_the_trash_and_can_be_restored(database):
    card_id = create_card(CardData(name="Grace"))
    assert delete_cards([card_id]) == 1
    assert [row[0] for row in trashed_cards()] == [card_id]
    assert restore_cards([card_id]) == 1
    assert trashed_cards() == []
    assert get_card(card_id).deleted_at is None


def test_emptying_the_trash_removes_cards_with_their_history_and_unlinks_referrals(database):
    referrer = create_card(CardData(name="Grace"))
    referred = create_card(CardData(name="Bob", referrer_id=referrer))
    add_activity(referrer, "call", datetime.date(2026, 1, 5), "hello")
    delete_cards([referrer])
    assert empty_trash() == 1
    assert Card.get_or_none(Card.id == referrer) is None
    assert Activity.select().count() == 0
    assert get_card(referred).referrer_id is None
