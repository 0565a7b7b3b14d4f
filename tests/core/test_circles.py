import pytest

from prospect_desk.cards import CardData, create_card, delete_cards, get_card
from prospect_desk.circles import (
    CircleNameError,
    add_circle,
    count_without_circle,
    list_circles,
    move_circle,
    remove_circle,
    rename_circle,
)


def test_the_twelve_source_circles_exist_from_the_start_in_order(database):
    keys = [c.builtin_key for c in list_circles()]
    assert keys == ["work", "school", "hobby", "social", "residence", "commute", "daily",
                    "neighbourhood", "children", "spouse", "club", "religion"]
    assert all(c.name is None and c.card_count == 0 for c in list_circles())


def test_counts_are_of_live_cards_only(database):
    work = list_circles()[0]
    create_card(CardData(name="A", circle_id=work.id))
    gone = create_card(CardData(name="B", circle_id=work.id))
    create_card(CardData(name="C"))
    delete_cards([gone])
    assert list_circles()[0].card_count == 1
    assert count_without_circle() == 1


def test_a_circle_can_be_added_renamed_and_moved(database):
    golf = add_circle("  Golf club ")
    assert list_circles()[-1].id == golf and list_circles()[-1].name == "Golf club"
    rename_circle(golf, "Golf")
    move_circle(golf, -12)
    assert list_circles()[0].name == "Golf"
    assert list_circles()[1].builtin_key == "work"


def test_circle_names_must_be_given_and_unique(database):
    add_circle("Golf")
    with pytest.raises(CircleNameError) as taken:
        add_circle("golf")
    assert taken.value.taken
    with pytest.raises(CircleNameError) as empty:
        add_circle("  ")
    assert not empty.value.taken


def test_removing_a_circle_keeps_its_cards(database):
    golf = add_circle("Golf")
    card_id = create_card(CardData(name="A", circle_id=golf))
    assert remove_circle(golf) == 1
    assert get_card(card_id).circle_id is None
    assert all(c.id != golf for c in list_circles())


def test_circles_and_the_cards_in_none_are_counted_together(database):
    from prospect_desk.cards import CardData, create_card, delete_cards
    from prospect_desk.circles import circles_and_unfiled, count_without_circle, list_circles

    first = list_circles()[0]
    create_card(CardData(name="In", circle_id=first.id))
    create_card(CardData(name="Out"))
    delete_cards([create_card(CardData(name="Gone"))])
    circles, unfiled = circles_and_unfiled()
    assert circles == list_circles()
    assert circles[0].card_count == 1
    assert unfiled == count_without_circle() == 1
