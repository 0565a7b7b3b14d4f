"""Suggested opening lines for a call, one per kind of reason (DOMAIN §3, §5, §6).

The defaults are English sentences the UI translates; the user may replace any
of them with their own words, stored per database in the Setting table. Each
line is declared once here (key, default)."""

from dataclasses import dataclass

from prospect_desk.models import Setting, db


@dataclass(frozen=True)
class OpeningLine:
    key: str
    default: str
    """English source text; the UI shows it translated."""


OPENING_LINES: list[OpeningLine] = [
    OpeningLine("referral", "{referrer} asked me to call you, and I promised I would."),
    OpeningLine("revisit", "Your name came up in our sales meeting."),
    OpeningLine("revisit_lost", "I just happened to think of you, and we have something new."),
    OpeningLine("thank_you", "I wanted to thank you for your purchase."),
    OpeningLine("after_sale", "Is everything working as you hoped?"),
    OpeningLine("testimonial", "Would you write a few lines about how it has worked for you?"),
    OpeningLine("repeat_purchase", "It has been a while: is it time to stock up again?"),
    OpeningLine("birthday", "Happy birthday! I just wanted to wish you well."),
    OpeningLine("thank_referrer", "Thank you for introducing me to {referred}."),
    OpeningLine("collection", "I am calling about the open invoice: when can we expect it?"),
    OpeningLine("win_back", "We have missed you: is there anything we could do better?"),
    OpeningLine("campaign", "Did our letter reach you?"),
    OpeningLine("general", "I just happened to think of you."),
]

LINES_BY_KEY = {line.key: line for line in OPENING_LINES}
PREFIX = "opening_line."

_BY_RULE = {
    "referral_first_contact": "referral",
    "decline_revisit": "revisit",
    "lost_revisit": "revisit_lost",
    "won_thank_you": "thank_you",
    "won_delivery_check": "after_sale",
    "won_installation_test": "after_sale",
    "won_training": "after_sale",
    "won_testimonial": "testimonial",
    "won_repeat_purchase": "repeat_purchase",
    "birthday": "birthday",
    "birthday_gift": "birthday",
    "thank_referrer": "thank_referrer",
    "campaign": "campaign",
}
_BY_KIND = {
    "referral_first_contact": "referral",
    "revisit": "revisit",
    "thank_you": "thank_you",
    "delivery_check": "after_sale",
    "installation_test": "after_sale",
    "training": "after_sale",
    "testimonial": "testimonial",
    "repeat_purchase": "repeat_purchase",
    "birthday": "birthday",
    "birthday_gift": "birthday",
    "thank_referrer": "thank_referrer",
    "collection": "collection",
    "win_back": "win_back",
    "mailer": "campaign",
}


class UnknownOpeningLineError(KeyError):
    pass


def line_key(rule: str, kind: str) -> str:
    """The opening line fitting a follow-up: by the rule that made it, else its kind."""
    return _BY_RULE.get(rule) or _BY_KIND.get(kind) or "general"


def _declared(key: str) -> OpeningLine:
    try:
        return LINES_BY_KEY[key]
    except KeyError:
        raise UnknownOpeningLineError(key) from None


def overrides() -> dict[str, str]:
    """The user's own lines, by key (keys without one are absent)."""
    rows = (Setting.select(Setting.key, Setting.value)
            .where(Setting.key.in_([PREFIX + line.key for line in OPENING_LINES])).tuples())
    return {key[len(PREFIX):]: value for key, value in rows if value.strip()}


def set_override(key: str, text: str) -> None:
    """Keep the user's own line for `key`; an empty text goes back to the default."""
    _declared(key)
    with db.atomic():
        if text.strip():
            Setting.insert(key=PREFIX + key, value=text.strip()).on_conflict_replace().execute()
        else:
            Setting.delete().where(Setting.key == PREFIX + key).execute()
