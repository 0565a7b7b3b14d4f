"""Tools → Mailer campaigns…: the campaigns, newest first; a new one for a
circle, a stage, a search or exactly what the card list shows, with a
follow-up on each card on its date; and for the chosen one its labels,
envelopes and letters, Mark all sent and Delete (DOMAIN §4)."""

import datetime

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)
from shiboken6 import isValid

from prospect_desk.card_query import NO_CIRCLE, CardFilter
from prospect_desk.circles import list_circles
from prospect_desk.follow_up_rules import (
    CampaignCancelled,
    CampaignTarget,
    RuleError,
    RuleProblem,
    create_campaign,
    target_size,
)
from prospect_desk.mailing import (
    CampaignOverview,
    campaign_card_ids,
    delete_campaign,
    mark_campaign_sent,
)
from ui import worker
from ui.follow_up_dialogs import ERROR_STYLE, date_edit
from ui.follow_up_text import rule_error_text, to_date
from ui.labels import CAMPAIGN_KINDS, CREDIT_STATUSES, KINDS, STAGES, circle_name, label
from ui.models.campaign_table_model import CampaignTableModel
from ui.record_views import set_up_record_view
from ui.worker import run_sized, start_job

DEFAULT_LEAD_DAYS = 7


def _worker_from() -> int:
    """Campaigns reaching up to WORKER_FROM cards (and follow-ups) are still
    dealt with at once, as ever; the worker, with progress and Cancel, takes
    over from one more."""
    return worker.WORKER_FROM + 1


def _one(values: frozenset):
    """The single value of a list filter, or None for 'any'."""
    return next(iter(values)) if len(values) == 1 else None


class NewCampaignDialog(QDialog):
    """Name, date, kind and target of a new campaign, with a live count of the
    cards it will reach. `campaign_id` holds the campaign once made."""

    def __init__(self, list_filter: CardFilter | None = None, parent=None,
                 today: datetime.date | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New mailer campaign"))
        self.today = today or datetime.date.today()
        self.list_filter = list_filter
        self.campaign_id: int | None = None
        self.job = None
        self.count: int | None = None
        self._counted: CampaignTarget | None = None
        """The target `count` is for; None while it is being counted."""
        self._counting: CampaignTarget | None = None

        self.name = QLineEdit()
        self.name.setObjectName("campaignName")
        self.name.setPlaceholderText(self.tr("e.g. Spring new-arrival report"))
        self.date = date_edit(self.today + datetime.timedelta(days=DEFAULT_LEAD_DAYS))
        self.date.setObjectName("campaignDate")
        self.kind = QComboBox()
        self.kind.setObjectName("campaignKind")
        for key in CAMPAIGN_KINDS:
            self.kind.addItem(label(CAMPAIGN_KINDS, key), key)

        self.circle = QComboBox()
        self.circle.setObjectName("targetCircle")
        self.circle.addItem(self.tr("Any circle"), None)
        for circle in list_circles():
            self.circle.addItem(self.tr("%1 (%2)").replace(
                "%1", circle_name(circle.name, circle.builtin_key))
                .replace("%2", str(circle.card_count)), circle.id)
        self.circle.addItem(self.tr("No circle"), NO_CIRCLE)
        self.stage = self._combo("targetStage", STAGES, self.tr("Any stage"))
        self.card_kind = self._combo("targetKind", KINDS, self.tr("Any kind"))
        self.credit = self._combo("targetCredit", CREDIT_STATUSES, self.tr("Any credit status"))
        self.search = QLineEdit()
        self.search.setObjectName("targetSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Words as in the card list's search: name, company, notes, pinyin…"))
        self.use_list_button = QPushButton(self.tr("Use the current list's search and filters"))
        self.use_list_button.setEnabled(list_filter is not None)
        self.use_list_button.clicked.connect(self.use_list_filter)

        target_box = QGroupBox(self.tr("Goes to the cards that match all of"))
        target_form = QFormLayout(target_box)
        target_form.addRow(self.tr("Circle"), self.circle)
        target_form.addRow(self.tr("Stage"), self.stage)
        target_form.addRow(self.tr("Kind of card"), self.card_kind)
        target_form.addRow(self.tr("Credit"), self.credit)
        target_form.addRow(self.tr("Search"), self.search)
        target_form.addRow(self.use_list_button)

        self.count_label = QLabel()
        self.count_label.setObjectName("campaignCount")
        self.count_label.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(self.tr("Create"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Kind"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(target_box)
        layout.addWidget(self.count_label)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(500)

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(200)  # typing in the search: count when it pauses
        self._count_timer.timeout.connect(self.update_count)
        self.search.textChanged.connect(self._search_changed)
        for combo in (self.circle, self.stage, self.card_kind, self.credit):
            combo.currentIndexChanged.connect(lambda _i: self.update_count())
        self.date.dateChanged.connect(lambda _d: self._show_count())
        self.update_count()

    def _search_changed(self, _text: str) -> None:
        self._show_count()  # 'Counting…' and no Create until it is known
        self._count_timer.start()

    @staticmethod
    def _combo(name: str, table: dict[str, str], any_text: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(any_text, None)
        for key in table:
            combo.addItem(label(table, key), key)
        return combo

    # --- the target ------------------------------------------------------------------
    def target(self) -> CampaignTarget:
        return CampaignTarget(circle_id=self.circle.currentData(),
                              stage=self.stage.currentData(), search=self.search.text(),
                              kind=self.card_kind.currentData(),
                              credit_status=self.credit.currentData())

    def campaign_date(self) -> datetime.date:
        return to_date(self.date.date())

    def use_list_filter(self) -> None:
        """The list's search, stage, kind, credit and circle, as they are now."""
        chosen = self.list_filter
        if chosen is None:
            return
        for combo, value in ((self.circle, _one(chosen.circle_ids)),
                             (self.stage, _one(chosen.stages)),
                             (self.card_kind, _one(chosen.kinds)),
                             (self.credit, _one(chosen.credit_statuses))):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(chosen.search)
        self.search.blockSignals(False)
        self.update_count()

    def update_count(self) -> None:
        """Count the cards the target reaches, on a worker: 'Counting…' and
        Create disabled until the count for the target as it is now is known.
        A count that comes back for an older target is dropped."""
        self._count_timer.stop()
        target = self.target()
        if target == self._counted or target == self._counting:
            return
        self._counted = None
        if target.is_empty():
            self._counting, self._counted, self.count = None, target, None
            self._show_count()
            return
        self._counting = target
        self.count = None
        self._show_count()
        start_job(lambda _progress, _cancelled: target_size(target),
                  lambda size: self._count_done(target, size),
                  lambda error, _details: self._count_done(target, None, error))

    def _count_done(self, target: CampaignTarget, size: int | None,
                    error: BaseException | None = None) -> None:
        if not isValid(self) or target != self._counting:
            return  # closed, or the target changed meanwhile: its own count is on the way
        self._counting = None
        if error is not None:
            self.count_label.setText(self.tr("The cards could not be counted: %1")
                                     .replace("%1", str(error)))
            self.create_button.setEnabled(self.job is None)  # Create counts again
            return
        self._counted, self.count = target, size
        self._show_count()

    def is_counted(self) -> bool:
        """Whether the count shown is for the target as it is now."""
        return self._counted is not None and self._counted == self.target()

    def _show_count(self) -> None:
        """'N cards will get a follow-up on DATE', 'Counting…' or what is missing."""
        target = self.target()
        if target.is_empty():
            text = rule_error_text(RuleError(RuleProblem.TARGET_REQUIRED))
        elif self._counted != target:
            text = self.tr("Counting…")
        else:
            text = (self.tr("%1 cards will get a follow-up on %2")
                    .replace("%1", str(self.count))
                    .replace("%2", self.campaign_date().isoformat()))
        self.count_label.setText(text)
        self.create_button.setEnabled(self.job is None and (target.is_empty()
                                                            or self._counted == target))

    # --- making it -------------------------------------------------------------------
    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def create(self) -> None:
        """Check what is missing, then make the campaign: here for a small
        target, on a worker with progress and Cancel for a big one."""
        self.error.hide()
        name, target = self.name.text().strip(), self.target()
        if not name:
            self._show_error(rule_error_text(RuleError(RuleProblem.NAME_REQUIRED)))
            self.name.setFocus()
            return
        if target.is_empty():
            self._show_error(rule_error_text(RuleError(RuleProblem.TARGET_REQUIRED)))
            self.circle.setFocus()
            return
        if not self.is_counted():
            self.update_count()  # Create is enabled again once it is known
            return
        size = self.count
        if not size:
            self._show_error(self.tr("No card matches these choices: the campaign would "
                                     "reach nobody."))
            return
        date, kind = self.campaign_date(), self.kind.currentData()
        self.job = run_sized(
            self, size, lambda progress, cancelled: create_campaign(name, date, kind, target,
                                                                    progress, cancelled),
            self._created, self._failed, quiet=(CampaignCancelled, RuleError),
            label=self.tr("Adding a follow-up to each of %1 cards…").replace("%1", str(size)),
            worker_from=_worker_from())
        if self.job is not None:
            self.create_button.setEnabled(False)

    def _created(self, campaign_id: int) -> None:
        self.job = None
        self._show_count()
        self.campaign_id = campaign_id
        self.accept()

    def _failed(self, error: BaseException) -> None:
        """Nothing was made; a broken rule is said here, anything else but a
        Cancel in the error dialog."""
        self.job = None
        self._show_count()
        if isinstance(error, RuleError):
            self._show_error(rule_error_text(error))


class CampaignsDialog(QDialog):
    """`changed` follows anything that added, completed or removed follow-ups."""

    changed = Signal()

    def __init__(self, list_filter: CardFilter | None = None, parent=None,
                 read_only: bool = False, today: datetime.date | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mailer campaigns"))
        self.list_filter = list_filter
        self.read_only = read_only
        self.today = today or datetime.date.today()
        self.job = None

        self.model = CampaignTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("campaignTable")
        self.table.setModel(self.model)
        set_up_record_view(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate([95, 200, 150, 60, 60, 60]):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._update_buttons())

        self.empty_label = QLabel(self.tr(
            "No mailer campaigns yet. New campaign… sends a mailer, a brochure, a "
            "new-arrival report, an invitation or a personal letter to a circle, a stage or "
            "a search, and puts a follow-up on each of those cards for its date."))
        self.empty_label.setObjectName("campaignsEmpty")
        self.empty_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("campaignsMessage")
        self.message.setWordWrap(True)

        self.new_button = QPushButton(self.tr("New campaign…"))
        self.labels_button = QPushButton(self.tr("Print labels…"))
        self.envelopes_button = QPushButton(self.tr("Print envelopes…"))
        self.letters_button = QPushButton(self.tr("Print letters…"))
        self.sent_button = QPushButton(self.tr("Mark all sent"))
        self.delete_button = QPushButton(self.tr("Delete campaign"))
        self.new_button.clicked.connect(self.new_campaign)
        self.labels_button.clicked.connect(lambda: self.print_labels())
        self.envelopes_button.clicked.connect(lambda: self.print_labels(envelopes=True))
        self.letters_button.clicked.connect(self.print_letters)
        self.sent_button.clicked.connect(self.mark_sent)
        self.delete_button.clicked.connect(self.delete_current)
        side = QVBoxLayout()
        side.addWidget(self.new_button)
        side.addSpacing(12)
        for button in (self.labels_button, self.envelopes_button, self.letters_button):
            side.addWidget(button)
        side.addSpacing(12)
        side.addWidget(self.sent_button)
        side.addWidget(self.delete_button)
        side.addStretch()
        self.new_button.setVisible(not read_only)
        self.sent_button.setVisible(not read_only)
        self.delete_button.setVisible(not read_only)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        middle = QHBoxLayout()
        list_side = QVBoxLayout()
        list_side.addWidget(self.empty_label)
        list_side.addWidget(self.table, 1)
        middle.addLayout(list_side, 1)
        middle.addLayout(side)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        self.resize(980, 460)
        self.reload()

    # --- the list --------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        """Read the campaigns again, keeping the chosen one (or choosing `select`)."""
        current = self.current_campaign()
        keep = select if select is not None else (current.campaign_id if current else None)
        self.model.reload()
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self.empty_label.setVisible(self.model.rowCount() == 0)
        self._update_buttons()

    def current_campaign(self) -> CampaignOverview | None:
        index = self.table.currentIndex()
        return self.model.campaign(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        campaign = self.current_campaign()
        has_cards = campaign is not None and campaign.card_count > 0
        for button in (self.labels_button, self.envelopes_button, self.letters_button):
            button.setEnabled(has_cards)
        self.sent_button.setEnabled(campaign is not None and campaign.open_count > 0)
        self.delete_button.setEnabled(campaign is not None)

    def _after_change(self, text: str, select: int | None = None) -> None:
        self.reload(select)
        self.message.setText(text)
        self.changed.emit()

    # --- actions ---------------------------------------------------------------------
    def new_campaign(self) -> NewCampaignDialog:
        dialog = NewCampaignDialog(self.list_filter, self, self.today)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._created(dialog.campaign_id, dialog.count))
        dialog.open()
        return dialog

    def _created(self, campaign_id: int | None, count: int | None) -> None:
        if campaign_id is not None:
            self._after_change(self.tr("Campaign made: %1 follow-ups added.")
                               .replace("%1", str(count or 0)), select=campaign_id)

    def _card_ids(self, campaign: CampaignOverview) -> list[int]:
        """The cards still to send to; once all went out, all of them again."""
        return (campaign_card_ids(campaign.campaign_id)
                or campaign_card_ids(campaign.campaign_id, open_only=False))

    def print_labels(self, envelopes: bool = False):
        """The existing labels and envelopes dialog, on the campaign's cards."""
        from ui.label_print import LabelsDialog

        campaign = self.current_campaign()
        if campaign is None:
            return None
        dialog = LabelsDialog(self._card_ids(campaign), self)
        if envelopes:
            dialog.layout_combo.setCurrentIndex(max(dialog.layout_combo.findData("dl"), 0))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def print_letters(self):
        """The letters dialog on the campaign: letters written complete its
        open follow-ups for those cards."""
        from ui.letters_dialog import LettersDialog

        campaign = self.current_campaign()
        if campaign is None:
            return None
        dialog = LettersDialog(campaign_card_ids(campaign.campaign_id, open_only=False), self,
                               campaign_id=campaign.campaign_id, today=self.today)
        dialog.sent.connect(lambda ids: self._after_change(
            self.tr("Letters written: %1 follow-ups done.").replace("%1", str(len(ids)))))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def mark_sent(self) -> int:
        """After asking: every open follow-up of the campaign is done, and each
        card's history says the mailing went out today."""
        campaign = self.current_campaign()
        if campaign is None or not campaign.open_count:
            return 0
        answer = QMessageBox.question(
            self, self.tr("Mark all sent"),
            self.tr("Mark the %1 open follow-ups of “%2” as done? Each card's history will "
                    "say it was sent on %3.").replace("%1", str(campaign.open_count))
            .replace("%2", campaign.name).replace("%3", self.today.isoformat()))
        if answer != QMessageBox.StandardButton.Yes:
            return 0
        campaign_id, today = campaign.campaign_id, self.today
        text = (self.tr("Sent: %1 (%2)").replace("%1", campaign.name)
                .replace("%2", label(CAMPAIGN_KINDS, campaign.kind)))
        marked_here: list[int] = []
        self.job = run_sized(
            self, campaign.open_count,
            lambda _progress, cancelled: mark_campaign_sent(campaign_id, today=today,
                                                            label=text, cancelled=cancelled),
            lambda done: (marked_here.append(done), self._marked(done)), self._failed,
            quiet=(CampaignCancelled,),
            label=self.tr("Marking %1 follow-ups done…").replace("%1", str(campaign.open_count)),
            worker_from=_worker_from())
        if self.job is not None:
            self.sent_button.setEnabled(False)
        return sum(marked_here)  # 0 while a worker marks them

    def _marked(self, done: int) -> None:
        self.job = None
        self._after_change(self.tr("%1 follow-ups marked done.").replace("%1", str(done)))

    def _failed(self, _error: BaseException) -> None:
        """Nothing changed (one transaction): the buttons as they were."""
        self.job = None
        self._update_buttons()

    def delete_current(self) -> int:
        """After asking: the campaign and its open follow-ups go; done ones stay
        in the cards' history."""
        campaign = self.current_campaign()
        if campaign is None:
            return 0
        answer = QMessageBox.question(
            self, self.tr("Delete campaign"),
            self.tr("Delete the campaign “%1”? Its %2 open follow-ups are removed; the %3 "
                    "done stay in the cards' history.").replace("%1", campaign.name)
            .replace("%2", str(campaign.open_count)).replace("%3", str(campaign.done_count)))
        if answer != QMessageBox.StandardButton.Yes:
            return 0
        campaign_id = campaign.campaign_id
        removed_here: list[int] = []
        self.job = run_sized(
            self, campaign.open_count,
            lambda progress, cancelled: delete_campaign(campaign_id, progress, cancelled),
            lambda removed: (removed_here.append(removed), self._deleted(removed)), self._failed,
            quiet=(CampaignCancelled,),
            label=self.tr("Removing %1 open follow-ups…").replace("%1", str(campaign.open_count)),
            worker_from=_worker_from())
        if self.job is not None:
            self.delete_button.setEnabled(False)
            self.sent_button.setEnabled(False)
        return sum(removed_here)  # 0 while a worker removes them

    def _deleted(self, removed: int) -> None:
        self.job = None
        self._after_change(self.tr("Campaign deleted: %1 open follow-ups removed.")
                           .replace("%1", str(removed)))
