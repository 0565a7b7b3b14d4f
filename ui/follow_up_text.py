"""How a follow-up looks to the user: its kind's colour and icon, the sentence
saying why it exists, and what a refused rule means, all translated."""

import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from prospect_desk.follow_up_rules import RuleError, RuleProblem
from prospect_desk.follow_ups import AgendaItem
from ui.labels import (
    CAMPAIGN_KINDS,
    CHANNELS,
    COLLECTION_STEPS,
    DECLINE_REASONS,
    FOLLOW_UP_KINDS,
    FOLLOW_UP_REASONS,
    LOST_REASONS,
    WIN_BACK_APPROACHES,
    label,
)

translate = QCoreApplication.translate  # called as translate("FollowUps", ...) for lupdate

KIND_COLOURS = {
    "birthday_gift": "#d81b60",
    "birthday": "#ec407a",
    "revisit": "#6d4c41",
    "thank_you": "#2e7d32",
    "delivery_check": "#00897b",
    "installation_test": "#00838f",
    "training": "#0277bd",
    "testimonial": "#558b2f",
    "repeat_purchase": "#1565c0",
    "referral_first_contact": "#ef6c00",
    "thank_referrer": "#f9a825",
    "mailer": "#5e35b1",
    "collection": "#c62828",
    "win_back": "#8e24aa",
    "manual": "#546e7a",
}
OVERDUE_COLOUR = "#c62828"

_icons: dict[str, QIcon] = {}


def kind_colour(kind: str) -> QColor:
    return QColor(KIND_COLOURS.get(kind, KIND_COLOURS["manual"]))


def kind_icons_dir() -> Path:
    root = Path(__file__).resolve().parent.parent
    return root / "resources" / "icons" / "kinds"


def kind_icon(kind: str) -> QIcon:
    """The kind's glyph on a disc of its colour (resources/icons/kinds), so
    kinds of close colours still tell apart; a plain dot for a kind without one."""
    icon = _icons.get(kind)
    if icon is None:
        path = kind_icons_dir() / f"{kind}.svg"
        icon = QIcon(str(path)) if path.is_file() else QIcon()
        if icon.isNull() or icon.pixmap(16, 16).isNull():
            icon = _dot_icon(kind)
        _icons[kind] = icon
    return icon


def _dot_icon(kind: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(kind_colour(kind)))
    painter.drawEllipse(QRectF(1, 1, 12, 12))
    painter.end()
    return QIcon(pixmap)


def kind_label(kind: str) -> str:
    return label(FOLLOW_UP_KINDS, kind)


class _Blank(dict):
    def __missing__(self, key):
        return "?"


_PARAM_TABLES = {"reason": {**DECLINE_REASONS, **LOST_REASONS},
                 "campaign_kind": CAMPAIGN_KINDS, "approach": WIN_BACK_APPROACHES,
                 "channel": CHANNELS, "step": COLLECTION_STEPS}


def reason_text(rule: str, params: dict, reason: str = "") -> str:
    """The translated sentence for why a follow-up exists, free text appended."""
    source = FOLLOW_UP_REASONS.get(rule)
    text = ""
    if source:
        values = {key: label(_PARAM_TABLES[key], value) if key in _PARAM_TABLES else value
                  for key, value in params.items()}
        template = QCoreApplication.translate("Labels", source)
        try:
            text = template.format_map(_Blank(values))
        except (ValueError, IndexError):
            text = template
    return " — ".join(part for part in (text, reason.strip()) if part)


def item_reason(item: AgendaItem) -> str:
    return reason_text(item.rule, item.params, item.reason)


def item_label(item: AgendaItem) -> str:
    """The follow-up as the history will record it: kind, and why."""
    why, kind = item_reason(item), kind_label(item.kind)
    return f"{kind} ({why})" if why and why != kind else kind



def rule_error_text(error: RuleError) -> str:
    texts = {
        RuleProblem.CARD_NOT_FOUND: translate(
            "FollowUps", "This card no longer exists."),
        RuleProblem.DEAL_NOT_FOUND: translate(
            "FollowUps", "This deal no longer exists."),
        RuleProblem.UNKNOWN_REASON: translate(
            "FollowUps", "Choose a reason from the list."),
        RuleProblem.NOTE_REQUIRED: translate(
            "FollowUps", "Say in the note what the real reason was."),
        RuleProblem.NOTE_TOO_VAGUE: translate(
            "FollowUps", "“Not interested” is not a reason you can work with. Write down the real "
            "reason (price, timing, a supplier they already have…) so the revisit can "
            "address it."),
        RuleProblem.DATE_IN_PAST: translate(
            "FollowUps", "The revisit date cannot be in the past."),
        RuleProblem.UNKNOWN_OUTCOME: translate(
            "FollowUps", "Choose whether the deal was won or lost."),
        RuleProblem.AMOUNT_INVALID: translate(
            "FollowUps", "The amount must be zero or more."),
        RuleProblem.LOST_REASON_REQUIRED: translate(
            "FollowUps", "Choose why the deal was lost."),
        RuleProblem.SELF_REVIEW_INCOMPLETE: translate(
            "FollowUps", "Answer all six self-review questions with yes or no."),
        RuleProblem.UNKNOWN_CAMPAIGN_KIND: translate(
            "FollowUps", "Choose the kind of campaign."),
        RuleProblem.NAME_REQUIRED: translate(
            "FollowUps", "A name is required."),
        RuleProblem.TARGET_REQUIRED: translate(
            "FollowUps", "Choose which cards the campaign goes to."),
        RuleProblem.INVALID_LUNAR_DATE: translate(
            "FollowUps", "This lunar date does not exist."),
    }
    return texts.get(error.problem, str(error))


def to_date(qdate) -> datetime.date:
    return datetime.date(qdate.year(), qdate.month(), qdate.day())
