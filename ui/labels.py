"""Translated labels for the core's vocabularies: kinds, stages, circles and so on.

The tables hold English source text marked for lupdate; `label()` translates
at the moment of use, so a language switch takes effect everywhere."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Labels"

KINDS = {
    "company": QT_TRANSLATE_NOOP("Labels", "Company"),
    "individual": QT_TRANSLATE_NOOP("Labels", "Individual"),
}

STAGES = {
    "new": QT_TRANSLATE_NOOP("Labels", "New prospect"),
    "declined": QT_TRANSLATE_NOOP("Labels", "Declined / not now"),
    "customer": QT_TRANSLATE_NOOP("Labels", "Current customer"),
    "former": QT_TRANSLATE_NOOP("Labels", "Former customer"),
}

CREDIT_STATUSES = {
    "unknown": QT_TRANSLATE_NOOP("Labels", "Unknown"),
    "good": QT_TRANSLATE_NOOP("Labels", "Good"),
    "normal": QT_TRANSLATE_NOOP("Labels", "Normal"),
    "watch": QT_TRANSLATE_NOOP("Labels", "Watch"),
    "bad": QT_TRANSLATE_NOOP("Labels", "Bad"),
}

REFERRAL_SOURCES = {
    "customer": QT_TRANSLATE_NOOP("Labels", "Customer"),
    "friend": QT_TRANSLATE_NOOP("Labels", "Friend"),
    "competitor_customer": QT_TRANSLATE_NOOP("Labels", "Competitor's customer"),
    "supplier": QT_TRANSLATE_NOOP("Labels", "Supplier"),
    "family": QT_TRANSLATE_NOOP("Labels", "Family member"),
}

ACTIVITY_KINDS = {
    "note": QT_TRANSLATE_NOOP("Labels", "Note"),
    "call": QT_TRANSLATE_NOOP("Labels", "Call"),
    "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
    "letter": QT_TRANSLATE_NOOP("Labels", "Letter"),
    "email": QT_TRANSLATE_NOOP("Labels", "E-mail"),
    "meeting": QT_TRANSLATE_NOOP("Labels", "Meeting"),
}

BUILTIN_CIRCLES = {
    "work": QT_TRANSLATE_NOOP("Labels", "Work friends"),
    "school": QT_TRANSLATE_NOOP("Labels", "School friends"),
    "hobby": QT_TRANSLATE_NOOP("Labels", "Shared-hobby friends"),
    "social": QT_TRANSLATE_NOOP("Labels", "Social-activity friends"),
    "residence": QT_TRANSLATE_NOOP("Labels", "Residence-related"),
    "commute": QT_TRANSLATE_NOOP("Labels", "Commute and transport"),
    "daily": QT_TRANSLATE_NOOP("Labels", "Daily encounters"),
    "neighbourhood": QT_TRANSLATE_NOOP("Labels", "Neighbourhood community"),
    "children": QT_TRANSLATE_NOOP("Labels", "Children-related"),
    "spouse": QT_TRANSLATE_NOOP("Labels", "Spouse-related"),
    "club": QT_TRANSLATE_NOOP("Labels", "Same club or association"),
    "religion": QT_TRANSLATE_NOOP("Labels", "Same religion"),
}


def label(table: dict[str, str], key: str | None) -> str:
    """The translated label of `key` in `table`; an unknown key shows as itself."""
    if key is None:
        return ""
    source = table.get(key)
    return QCoreApplication.translate(CONTEXT, source) if source else key


def circle_name(name: str | None, builtin_key: str | None) -> str:
    """A circle as the user sees it: their own name, else the built-in label."""
    if name:
        return name
    return label(BUILTIN_CIRCLES, builtin_key)

FOLLOW_UP_KINDS = {
    "birthday_gift": QT_TRANSLATE_NOOP("Labels", "Birthday gift"),
    "birthday": QT_TRANSLATE_NOOP("Labels", "Birthday"),
    "revisit": QT_TRANSLATE_NOOP("Labels", "Revisit"),
    "thank_you": QT_TRANSLATE_NOOP("Labels", "Thank-you"),
    "delivery_check": QT_TRANSLATE_NOOP("Labels", "Delivery check"),
    "installation_test": QT_TRANSLATE_NOOP("Labels", "Installation test"),
    "training": QT_TRANSLATE_NOOP("Labels", "Training"),
    "testimonial": QT_TRANSLATE_NOOP("Labels", "Testimonial request"),
    "repeat_purchase": QT_TRANSLATE_NOOP("Labels", "Repeat purchase"),
    "referral_first_contact": QT_TRANSLATE_NOOP("Labels", "Referral: first contact"),
    "thank_referrer": QT_TRANSLATE_NOOP("Labels", "Thank the referrer"),
    "mailer": QT_TRANSLATE_NOOP("Labels", "Mailer"),
    "collection": QT_TRANSLATE_NOOP("Labels", "Collection"),
    "win_back": QT_TRANSLATE_NOOP("Labels", "Win back"),
    "manual": QT_TRANSLATE_NOOP("Labels", "Follow-up"),
}

# Why a follow-up exists, by rule; {name} stands for the rule's parameter.
FOLLOW_UP_REASONS = {
    "birthday_gift": QT_TRANSLATE_NOOP("Labels", "Birthday on {birthday}: send a small gift"),
    "birthday": QT_TRANSLATE_NOOP("Labels", "Birthday"),
    "decline_revisit": QT_TRANSLATE_NOOP(
        "Labels", "Revisit after 'not now' ({reason}): check the same person still buys"),
    "lost_revisit": QT_TRANSLATE_NOOP(
        "Labels", "Revisit after a lost deal ({reason}): bring something new"),
    "won_thank_you": QT_TRANSLATE_NOOP("Labels", "Thank the customer for the purchase"),
    "won_delivery_check": QT_TRANSLATE_NOOP(
        "Labels", "Check the delivery and ask whether they are satisfied"),
    "won_installation_test": QT_TRANSLATE_NOOP("Labels", "Test the installation"),
    "won_training": QT_TRANSLATE_NOOP("Labels", "Train use and upkeep"),
    "won_testimonial": QT_TRANSLATE_NOOP("Labels", "Ask for a testimonial letter"),
    "won_repeat_purchase": QT_TRANSLATE_NOOP("Labels", "Prompt the repeat purchase"),
    "referral_first_contact": QT_TRANSLATE_NOOP(
        "Labels", "Referred by {referrer_name}: “{referrer_name} asked me to call you”"),
    "thank_referrer": QT_TRANSLATE_NOOP(
        "Labels", "{referred_name} became a customer: thank the referrer"),
    "campaign": QT_TRANSLATE_NOOP("Labels", "Campaign ({campaign_kind})"),
    "win_back": QT_TRANSLATE_NOOP("Labels", "Win back: {approach} ({channel})"),
    "collection": QT_TRANSLATE_NOOP("Labels", "Collect what is owed: {step}"),
}

DECLINE_REASONS = {
    "price": QT_TRANSLATE_NOOP("Labels", "Price"),
    "timing": QT_TRANSLATE_NOOP("Labels", "Not the right time"),
    "budget": QT_TRANSLATE_NOOP("Labels", "No budget yet"),
    "has_supplier": QT_TRANSLATE_NOOP("Labels", "Has a supplier"),
    "obstacle": QT_TRANSLATE_NOOP("Labels", "An obstacle (delivery, packaging, payment terms)"),
    "person_left": QT_TRANSLATE_NOOP("Labels", "The buyer left or moved"),
    "cash_shortage": QT_TRANSLATE_NOOP("Labels", "Short of cash for now"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other (say what)"),
}

LOST_REASONS = {
    "price_terms": QT_TRANSLATE_NOOP("Labels", "Price or terms"),
    "product_fit": QT_TRANSLATE_NOOP("Labels", "The product did not fit"),
    "timing": QT_TRANSLATE_NOOP("Labels", "Timing"),
    "competitor": QT_TRANSLATE_NOOP("Labels", "A competitor won"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}

SELF_REVIEW_QUESTIONS = {
    "need_and_motive": QT_TRANSLATE_NOOP(
        "Labels", "Did I grasp the customer's need and motive?"),
    "approach_attention": QT_TRANSLATE_NOOP("Labels", "Did my approach get their attention?"),
    "talk_raised_desire": QT_TRANSLATE_NOOP("Labels", "Did my talk raise their desire to buy?"),
    "handled_objections": QT_TRANSLATE_NOOP("Labels", "Did I handle their objections?"),
    "closing_techniques": QT_TRANSLATE_NOOP("Labels", "Did I use closing techniques?"),
    "attitude_and_manner": QT_TRANSLATE_NOOP("Labels", "Were my attitude and manner right?"),
}

REPEATS = {
    "": QT_TRANSLATE_NOOP("Labels", "Once"),
    "weekly": QT_TRANSLATE_NOOP("Labels", "Every week"),
    "monthly": QT_TRANSLATE_NOOP("Labels", "Every month"),
    "yearly": QT_TRANSLATE_NOOP("Labels", "Every year"),
}

CAMPAIGN_KINDS = {
    "advertising_mailer": QT_TRANSLATE_NOOP("Labels", "Advertising mailer"),
    "brochure": QT_TRANSLATE_NOOP("Labels", "New-product brochure"),
    "new_arrival_report": QT_TRANSLATE_NOOP("Labels", "New-arrival report"),
    "exhibition_invitation": QT_TRANSLATE_NOOP("Labels", "Exhibition invitation"),
    "personal_letter": QT_TRANSLATE_NOOP("Labels", "Personal letter"),
}

LAPSE_REASONS = {
    "interrupted": QT_TRANSLATE_NOOP("Labels", "Something interrupted them"),
    "bad_experience": QT_TRANSLATE_NOOP("Labels", "A bad experience they never reported"),
    "situation_changed": QT_TRANSLATE_NOOP("Labels", "Their situation changed"),
}

WIN_BACK_APPROACHES = {
    "reason_and_offer": QT_TRANSLATE_NOOP(
        "Labels", "Give them a reason to return and a welcome-back gift"),
    "apology_and_repair": QT_TRANSLATE_NOOP(
        "Labels", "Apologise, ask what went wrong and make amends"),
    "thanks_and_referral": QT_TRANSLATE_NOOP(
        "Labels", "Greet and thank them, and ask for referrals"),
}

CHANNELS = {
    "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "letter": QT_TRANSLATE_NOOP("Labels", "Letter"),
}

ARREARS_KINDS = {
    "goodwill": QT_TRANSLATE_NOOP("Labels", "Goodwill arrears"),
    "malicious": QT_TRANSLATE_NOOP("Labels", "Malicious arrears"),
}

COLLECTION_STEPS = {
    "letter_phone_fax": QT_TRANSLATE_NOOP("Labels", "Letter, phone or fax"),
    "email": QT_TRANSLATE_NOOP("Labels", "E-mail"),
    "visit": QT_TRANSLATE_NOOP(
        "Labels", "Visit: get a written repayment plan with the company seal"),
    "legal_action": QT_TRANSLATE_NOOP("Labels", "Legal action"),
    "plan_check": QT_TRANSLATE_NOOP("Labels", "Check the repayment plan is kept"),
}
