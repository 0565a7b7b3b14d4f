"""The fixed vocabularies of a prospect card, stored as their string values."""

from enum import StrEnum


class Kind(StrEnum):
    COMPANY = "company"
    INDIVIDUAL = "individual"


class Stage(StrEnum):
    """The four kinds of prospect (DOMAIN §2)."""

    NEW = "new"
    DECLINED = "declined"
    CUSTOMER = "customer"
    FORMER = "former"


class CreditStatus(StrEnum):
    UNKNOWN = "unknown"
    GOOD = "good"
    NORMAL = "normal"
    WATCH = "watch"
    BAD = "bad"


class ReferralSource(StrEnum):
    CUSTOMER = "customer"
    FRIEND = "friend"
    COMPETITOR_CUSTOMER = "competitor_customer"
    SUPPLIER = "supplier"
    FAMILY = "family"


class ActivityKind(StrEnum):
    NOTE = "note"
    CALL = "call"
    VISIT = "visit"
    LETTER = "letter"
    EMAIL = "email"
    MEETING = "meeting"

    @property
    def is_contact(self) -> bool:
        """A contact moves the card's last-contact date; a note does not."""
        return self is not ActivityKind.NOTE


class BuiltinCircle(StrEnum):
    """The twelve source circles of DOMAIN §3, in their default order."""

    WORK = "work"
    SCHOOL = "school"
    HOBBY = "hobby"
    SOCIAL = "social"
    RESIDENCE = "residence"
    COMMUTE = "commute"
    DAILY = "daily"
    NEIGHBOURHOOD = "neighbourhood"
    CHILDREN = "children"
    SPOUSE = "spouse"
    CLUB = "club"
    RELIGION = "religion"
