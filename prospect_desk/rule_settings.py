"""The follow-up rules' defaults, which the user may change: each declared once
here (key, type, default), stored per database in the Setting table as JSON."""

import json
from dataclasses import dataclass

from prospect_desk.enums import LostReason
from prospect_desk.models import Setting, db


@dataclass(frozen=True)
class RuleSetting:
    key: str
    type: type
    default: object
    group: str


RULE_SETTINGS: list[RuleSetting] = [
    RuleSetting("birthday_lead_days", int, 7, "birthday"),
    RuleSetting("decline_revisit_days", int, 90, "decline"),
    RuleSetting("decline_revisit_days_cash_shortage", int, 30, "decline"),
    RuleSetting("won_thank_you_days", int, 2, "won"),
    RuleSetting("won_delivery_check_days", int, 7, "won"),
    RuleSetting("won_installation_test_days", int, 3, "won"),
    RuleSetting("won_training_days", int, 5, "won"),
    RuleSetting("won_testimonial_days", int, 30, "won"),
    RuleSetting("won_repeat_purchase_days", int, 180, "won"),
    RuleSetting(f"lost_revisit_days_{LostReason.PRICE_TERMS}", int, 60, "lost"),
    RuleSetting(f"lost_revisit_days_{LostReason.PRODUCT_FIT}", int, 180, "lost"),
    RuleSetting(f"lost_revisit_days_{LostReason.TIMING}", int, 90, "lost"),
    RuleSetting(f"lost_revisit_days_{LostReason.COMPETITOR}", int, 120, "lost"),
    RuleSetting(f"lost_revisit_days_{LostReason.OTHER}", int, 90, "lost"),
    RuleSetting("referral_first_contact_days", int, 1, "referral"),
    RuleSetting("lapse_months", int, 12, "reports"),
    RuleSetting("top_customer_no_contact_days", int, 60, "reports"),
    RuleSetting("collection_step_days", int, 7, "collection"),
    RuleSetting("collection_step_days_malicious", int, 3, "collection"),
]

SETTINGS_BY_KEY = {s.key: s for s in RULE_SETTINGS}
MAX_DAYS = 3660


class UnknownSettingError(KeyError):
    pass


class SettingValueError(ValueError):
    def __init__(self, key: str, value: object):
        super().__init__(f"{key}: {value!r}")
        self.key = key
        self.value = value


def _declared(key: str) -> RuleSetting:
    try:
        return SETTINGS_BY_KEY[key]
    except KeyError:
        raise UnknownSettingError(key) from None


def _valid(setting: RuleSetting, value: object) -> bool:
    if setting.type is int:
        return (isinstance(value, int) and not isinstance(value, bool)
                and 0 <= value <= MAX_DAYS)
    return isinstance(value, setting.type)


def get(key: str):
    """The stored value, or the default when none is stored or it is unusable."""
    setting = _declared(key)
    row = Setting.select(Setting.value).where(Setting.key == key).tuples().first()
    if row is None:
        return setting.default
    try:
        value = json.loads(row[0])
    except ValueError:
        return setting.default
    return value if _valid(setting, value) else setting.default


def set(key: str, value) -> None:  # noqa: A001 - the natural pair of get()
    setting = _declared(key)
    if not _valid(setting, value):
        raise SettingValueError(key, value)
    with db.atomic():
        (Setting.insert(key=key, value=json.dumps(value))
         .on_conflict_replace().execute())


def reset(key: str) -> None:
    _declared(key)
    Setting.delete().where(Setting.key == key).execute()


def all_values() -> dict[str, object]:
    """Every rule setting's current value, in declaration order."""
    stored = dict(Setting.select(Setting.key, Setting.value)
                  .where(Setting.key.in_(list(SETTINGS_BY_KEY))).tuples())
    values = {}
    for setting in RULE_SETTINGS:
        value = setting.default
        if setting.key in stored:
            try:
                loaded = json.loads(stored[setting.key])
            except ValueError:
                loaded = None
            if _valid(setting, loaded):
                value = loaded
        values[setting.key] = value
    return values


def lost_revisit_key(reason: str) -> str:
    return f"lost_revisit_days_{LostReason(reason)}"
