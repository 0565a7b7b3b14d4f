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


class FollowUpKind(StrEnum):
    """What a follow-up asks the salesperson to do (DOMAIN §3–§9)."""

    BIRTHDAY_GIFT = "birthday_gift"
    BIRTHDAY = "birthday"
    REVISIT = "revisit"
    THANK_YOU = "thank_you"
    DELIVERY_CHECK = "delivery_check"
    INSTALLATION_TEST = "installation_test"
    TRAINING = "training"
    TESTIMONIAL = "testimonial"
    REPEAT_PURCHASE = "repeat_purchase"
    REFERRAL_FIRST_CONTACT = "referral_first_contact"
    THANK_REFERRER = "thank_referrer"
    MAILER = "mailer"
    COLLECTION = "collection"
    WIN_BACK = "win_back"
    MANUAL = "manual"


class FollowUpStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    SKIPPED = "skipped"


class FollowUpRule(StrEnum):
    """Why a follow-up exists: the rule that made it. The UI turns the key and the
    follow-up's parameters into a sentence, e.g. DECLINE_REVISIT with
    {"reason": "price"}: "Revisit after 'not now' (price): check the same person
    still buys"."""

    BIRTHDAY_GIFT = "birthday_gift"
    BIRTHDAY = "birthday"
    DECLINE_REVISIT = "decline_revisit"
    LOST_REVISIT = "lost_revisit"
    WON_THANK_YOU = "won_thank_you"
    WON_DELIVERY_CHECK = "won_delivery_check"
    WON_INSTALLATION_TEST = "won_installation_test"
    WON_TRAINING = "won_training"
    WON_TESTIMONIAL = "won_testimonial"
    WON_REPEAT_PURCHASE = "won_repeat_purchase"
    REFERRAL_FIRST_CONTACT = "referral_first_contact"
    THANK_REFERRER = "thank_referrer"
    CAMPAIGN = "campaign"
    WIN_BACK = "win_back"
    COLLECTION = "collection"
    MANUAL = "manual"


class Repeat(StrEnum):
    NONE = ""
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    YEARLY = "yearly"


class DeclineReason(StrEnum):
    """The real reason a prospect said "not now" (DOMAIN §5). There is no
    "not interested": OTHER needs a note saying what lies behind it."""

    PRICE = "price"
    TIMING = "timing"
    BUDGET = "budget"
    HAS_SUPPLIER = "has_supplier"
    OBSTACLE = "obstacle"
    PERSON_LEFT = "person_left"
    CASH_SHORTAGE = "cash_shortage"
    OTHER = "other"


class DealOutcome(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


class LostReason(StrEnum):
    """Why a deal was lost (DOMAIN §6): price and terms can move, the product cannot."""

    PRICE_TERMS = "price_terms"
    PRODUCT_FIT = "product_fit"
    TIMING = "timing"
    COMPETITOR = "competitor"
    OTHER = "other"


class SelfReviewQuestion(StrEnum):
    """The six questions to ask oneself after a lost deal (DOMAIN §6), in order."""

    NEED_AND_MOTIVE = "need_and_motive"
    APPROACH_ATTENTION = "approach_attention"
    TALK_RAISED_DESIRE = "talk_raised_desire"
    HANDLED_OBJECTIONS = "handled_objections"
    CLOSING_TECHNIQUES = "closing_techniques"
    ATTITUDE_AND_MANNER = "attitude_and_manner"


class CampaignKind(StrEnum):
    """Ways of working many prospects at once (DOMAIN §4)."""

    ADVERTISING_MAILER = "advertising_mailer"
    BROCHURE = "brochure"
    NEW_ARRIVAL_REPORT = "new_arrival_report"
    EXHIBITION_INVITATION = "exhibition_invitation"
    PERSONAL_LETTER = "personal_letter"


class LapseReason(StrEnum):
    """Why a customer stopped buying (DOMAIN §7)."""

    INTERRUPTED = "interrupted"
    BAD_EXPERIENCE = "bad_experience"
    SITUATION_CHANGED = "situation_changed"


class WinBackApproach(StrEnum):
    """What to bring to a lapsed customer, by lapse reason (DOMAIN §7)."""

    REASON_AND_OFFER = "reason_and_offer"
    APOLOGY_AND_REPAIR = "apology_and_repair"
    THANKS_AND_REFERRAL = "thanks_and_referral"


class Channel(StrEnum):
    """How to reach a customer: visit if possible, else phone, else letter."""

    VISIT = "visit"
    PHONE = "phone"
    LETTER = "letter"


class ArrearsKind(StrEnum):
    """Goodwill arrears (a real problem) or malicious (invented reasons) (DOMAIN §9)."""

    GOODWILL = "goodwill"
    MALICIOUS = "malicious"


class CollectionStep(StrEnum):
    """The collection ladder (DOMAIN §9), in order; a goodwill case gets a
    repayment-plan check instead."""

    LETTER_PHONE_FAX = "letter_phone_fax"
    EMAIL = "email"
    VISIT = "visit"
    LEGAL_ACTION = "legal_action"
    PLAN_CHECK = "plan_check"
