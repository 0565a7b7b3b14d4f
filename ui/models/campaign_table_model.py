"""The mailer campaigns, newest first, with how many cards each reaches and how
many of its follow-ups are still open or done."""

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from prospect_desk.card_query import NO_CIRCLE
from prospect_desk.circles import list_circles
from prospect_desk.mailing import CampaignOverview, campaign_overviews
from ui.follow_up_text import kind_icon
from ui.labels import CAMPAIGN_KINDS, CREDIT_STATUSES, KINDS, STAGES, circle_name, label

DATE, NAME, KIND, CARDS, OPEN, DONE, TARGET = range(7)


def describe_target(target: dict, circle_names: dict[int, str]) -> str:
    """Whom a campaign goes to, as the user chose it: circle · stage · kind ·
    credit · “search”."""
    parts = []
    circle_id = target.get("circle_id")
    if circle_id == NO_CIRCLE:
        parts.append(QCoreApplication.translate("CampaignTableModel", "No circle"))
    elif circle_id is not None:
        parts.append(circle_names.get(circle_id) or QCoreApplication.translate(
            "CampaignTableModel", "A removed circle"))
    if target.get("stage"):
        parts.append(label(STAGES, target["stage"]))
    if target.get("kind"):
        parts.append(label(KINDS, target["kind"]))
    if target.get("credit_status"):
        parts.append(QCoreApplication.translate("CampaignTableModel", "credit: %1")
                     .replace("%1", label(CREDIT_STATUSES, target["credit_status"])))
    if (target.get("search") or "").strip():
        parts.append(f"“{target['search'].strip()}”")
    return " · ".join(parts)


class CampaignTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.campaigns: list[CampaignOverview] = []
        self.circle_names: dict[int, str] = {}

    def reload(self) -> None:
        self.beginResetModel()
        self.campaigns = campaign_overviews()
        self.circle_names = {c.id: circle_name(c.name, c.builtin_key) for c in list_circles()}
        self.endResetModel()

    def campaign(self, row: int) -> CampaignOverview | None:
        return self.campaigns[row] if 0 <= row < len(self.campaigns) else None

    def row_of(self, campaign_id: int) -> int | None:
        for row, campaign in enumerate(self.campaigns):
            if campaign.campaign_id == campaign_id:
                return row
        return None

    # --- Qt --------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.campaigns)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Date"), self.tr("Name"), self.tr("Kind"), self.tr("Cards"),
                self.tr("Open"), self.tr("Done"), self.tr("Goes to")][section] \
            if 0 <= section < 7 else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.campaigns):
            return None
        campaign, column = self.campaigns[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [campaign.date.isoformat(), campaign.name,
                    label(CAMPAIGN_KINDS, campaign.kind), str(campaign.card_count),
                    str(campaign.open_count), str(campaign.done_count),
                    describe_target(campaign.target, self.circle_names)][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (CARDS, OPEN, DONE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            return kind_icon("mailer")
        if role == Qt.ItemDataRole.ToolTipRole and column in (NAME, TARGET):
            return describe_target(campaign.target, self.circle_names) or None
        return None
