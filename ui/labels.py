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
