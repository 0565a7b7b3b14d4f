import datetime

import pytest

from prospect_desk.cards import CardData
from prospect_desk.validation import (
    CardProblem,
    DateParseError,
    DateProblem,
    check_card,
    parse_date,
)


@pytest.mark.parametrize("text", ["2025-03-04", "2025/3/4", "2025.3.4", "2025年3月4日",
                                  " 2025 - 03 - 04 ", "20250304", "2025年3月4号"])
def test_common_spellings_of_a_date_are_read(text):
    assert parse_date(text) == datetime.date(2025, 3, 4)


def test_an_empty_date_is_no_date():
    assert parse_date("") is None
    assert parse_date("   ") is None


def test_a_day_that_does_not_exist_is_refused_as_impossible():
    with pytest.raises(DateParseError) as error:
        parse_date("1985-02-30")
    assert error.value.problem == DateProblem.IMPOSSIBLE


@pytest.mark.parametrize("text", ["next week", "3/4/2025", "2025-3", "abc"])
def test_text_that_is_not_a_date_is_refused(text):
    with pytest.raises(DateParseError) as error:
        parse_date(text)
    assert error.value.problem == DateProblem.NOT_A_DATE


def test_a_card_needs_a_name_that_is_not_only_spaces():
    problems = check_card(CardData(name="   "))
    assert [p.problem for p in problems] == [CardProblem.NAME_REQUIRED]


def test_a_malformed_email_and_a_future_birthday_are_reported_by_field():
    today = datetime.date(2026, 11, 23)
    card = CardData(name="A", email="not-an-address", birthday=datetime.date(2027, 1, 1))
    problems = {p.field: p.problem for p in check_card(card, today=today)}
    assert problems == {"email": CardProblem.EMAIL_INVALID,
                        "birthday": CardProblem.BIRTHDAY_IN_FUTURE}


def test_a_card_cannot_be_its_own_referrer():
    problems = check_card(CardData(name="A", referrer_id=5), card_id=5)
    assert [p.problem for p in problems] == [CardProblem.REFERRER_IS_SELF]
