"""Checking what a user typed: dates in the spellings salespeople use, and cards."""

import datetime
import re
from dataclasses import dataclass
from enum import StrEnum

_DATE_PATTERNS = [
    re.compile(r"^\s*(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*$"),
    re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?\s*$"),
    re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$"),
]


class DateProblem(StrEnum):
    NOT_A_DATE = "not_a_date"
    IMPOSSIBLE = "impossible"


class DateParseError(ValueError):
    def __init__(self, text: str, problem: DateProblem):
        super().__init__(f"{problem}: {text!r}")
        self.text = text
        self.problem = problem


def parse_date(text: str) -> datetime.date | None:
    """'' gives None; 2025-03-04, 2025/3/4, 2025.3.4, 2025年3月4日 and 20250304
    give the date; anything else, or a day that does not exist, raises."""
    if text is None or not text.strip():
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                return datetime.date(year, month, day)
            except ValueError:
                raise DateParseError(text, DateProblem.IMPOSSIBLE) from None
    raise DateParseError(text, DateProblem.NOT_A_DATE)


class CardProblem(StrEnum):
    NAME_REQUIRED = "name_required"
    EMAIL_INVALID = "email_invalid"
    BIRTHDAY_IN_FUTURE = "birthday_in_future"
    REFERRER_IS_SELF = "referrer_is_self"


@dataclass(frozen=True)
class FieldError:
    field: str
    problem: CardProblem


EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_card(card, card_id: int | None = None,
               today: datetime.date | None = None) -> list[FieldError]:
    """The problems with a `CardData`, field by field; empty when it may be saved."""
    today = today or datetime.date.today()
    errors = []
    if not card.name.strip():
        errors.append(FieldError("name", CardProblem.NAME_REQUIRED))
    if card.email.strip() and not EMAIL_PATTERN.match(card.email.strip()):
        errors.append(FieldError("email", CardProblem.EMAIL_INVALID))
    if card.birthday and card.birthday > today:
        errors.append(FieldError("birthday", CardProblem.BIRTHDAY_IN_FUTURE))
    if card_id is not None and card.referrer_id == card_id:
        errors.append(FieldError("referrer_id", CardProblem.REFERRER_IS_SELF))
    return errors
