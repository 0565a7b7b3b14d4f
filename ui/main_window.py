"""The main window: filters on the left, the card list in the middle, the card
and its history on the right."""

import datetime

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from prospect_desk.card_query import CardFilter, count_cards
from prospect_desk.enums import Kind
from prospect_desk.follow_ups import has_work
from ui import index_builds, settings
from ui.card_editor import CardEditor
from ui.filter_panel import FilterPanel
from ui.follow_up_panel import FollowUpPanel
from ui.history_panel import HistoryPanel
from ui.models.card_table_model import CardTableModel
from ui.record_views import Selection, set_up_record_view
from ui.today_view import TodayView


class MainWindow(QMainWindow):
    languageChangeRequested = Signal(str)

    def __init__(self, db_label: str = ""):
        super().__init__()
        self.setWindowTitle(self.tr("Prospect Desk"))
        self._db_label = db_label
        self._current_id: int | None = None
        self._total_cards: int | None = None
        self.read_only = False
        self.delete_job = None
        self.read_only_banner: QLabel | None = None

        self.model = CardTableModel(self)
        self.filter_panel = FilterPanel(load_circles=False)  # counted when the list shows
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(
            self.tr("Search name, company, phone, e-mail, address, interests, notes or pinyin"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)

        self.table = QTableView()
        self.table.setObjectName("cardTable")
        self.table.setModel(self.model)
        set_up_record_view(self.table, Selection.ExtendedSelection)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        for column, width in enumerate([140, 80, 190, 150, 150, 130, 90, 95, 95]):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

        self.editor = CardEditor()
        self.history = HistoryPanel()
        self.follow_ups = FollowUpPanel()

        list_pane = QWidget()
        list_layout = QVBoxLayout(list_pane)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.search)
        list_layout.addWidget(self.table, 1)

        self.detail_splitter = QSplitter(Qt.Orientation.Vertical)
        self.detail_splitter.addWidget(self.editor)
        self.card_tabs = QTabWidget()
        self.card_tabs.setObjectName("cardTabs")
        self.card_tabs.addTab(self.follow_ups, self.tr("Follow-ups"))
        self.card_tabs.addTab(self.history, self.tr("History"))
        self.detail_splitter.addWidget(self.card_tabs)
        self.detail_splitter.setStretchFactor(0, 3)
        self.detail_splitter.setStretchFactor(1, 2)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.filter_panel)
        self.splitter.addWidget(list_pane)
        self.splitter.addWidget(self.detail_splitter)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 760, 440])
        self.today_view = TodayView()
        self._calendar_view = None  # the calendar and the reports are built when first shown
        self._reports_view = None
        self.views = QStackedWidget()
        self.views.setObjectName("views")
        for page in (self.splitter, self.today_view):
            self.views.addWidget(page)
        self.setCentralWidget(self.views)

        self.count_label = QLabel()
        self.statusBar().addWidget(self.count_label)
        if db_label:
            self.statusBar().addPermanentWidget(QLabel(db_label))

        self.filter_panel.filterChanged.connect(self.apply_filter)
        self.filter_panel.circlesChanged.connect(self._on_circles_changed)
        self.editor.saved.connect(self._on_saved)
        self.editor.openCard.connect(self.open_card)
        self.editor.dirtyChanged.connect(self._update_title)
        self.history.changed.connect(lambda _card_id: self._refresh_keep_selection())
        self.follow_ups.changed.connect(self._on_follow_ups_changed)
        self.model.refreshed.connect(self._update_count)
        self._build_actions()
        self._build_view_actions()
        first_page = self.today_view if has_work(datetime.date.today()) else self.splitter
        self.model.hold_refreshes(first_page is not self.splitter)  # filled when first shown
        self._restore_layout()
        self.apply_filter()
        self.show_view(first_page)

    # --- actions -------------------------------------------------------------
    def _build_actions(self) -> None:
        self.new_company_action = QAction(self.tr("New company card"), self)
        self.new_company_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_company_action.triggered.connect(lambda: self.new_card(Kind.COMPANY.value))
        self.new_individual_action = QAction(self.tr("New individual card"), self)
        self.new_individual_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_individual_action.triggered.connect(lambda: self.new_card(Kind.INDIVIDUAL.value))
        self.save_action = QAction(self.tr("Save card"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.editor.save)
        self.delete_action = QAction(self.tr("Delete card"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.triggered.connect(self.delete_selected)
        self.trash_action = QAction(self.tr("Trash…"), self)
        self.trash_action.triggered.connect(self.show_trash)
        self.import_action = QAction(self.tr("Import…"), self)
        self.import_action.triggered.connect(self.show_import)
        self.import_deals_action = QAction(self.tr("Import sales history…"), self)
        self.import_deals_action.triggered.connect(self.show_import_deals)
        self.export_action = QAction(self.tr("Export…"), self)
        self.export_action.triggered.connect(self.show_export)
        self.call_sheet_action = QAction(self.tr("Print call sheet…"), self)
        self.call_sheet_action.setShortcut(QKeySequence.StandardKey.Print)
        self.call_sheet_action.triggered.connect(self.show_call_sheet)
        self.print_card_action = QAction(self.tr("Print card…"), self)
        self.print_card_action.triggered.connect(self.print_card)
        self.labels_action = QAction(self.tr("Print labels and envelopes…"), self)
        self.labels_action.triggered.connect(self.show_labels)
        self.letters_action = QAction(self.tr("Print letters…"), self)
        self.letters_action.triggered.connect(self.show_letters)
        self.demo_action = QAction(self.tr("Load demo cards"), self)
        self.demo_action.triggered.connect(self.load_demo_cards)
        self.settings_action = QAction(self.tr("Settings…"), self)
        self.settings_action.triggered.connect(self.show_settings)
        self.find_action = QAction(self.tr("Find"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.quit_action = QAction(self.tr("Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)

        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_menu.addActions([self.new_individual_action, self.new_company_action,
                                   self.save_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.import_action, self.import_deals_action,
                                   self.export_action])
        self.file_menu.addActions([self.call_sheet_action, self.labels_action,
                                   self.letters_action, self.print_card_action])
        self.file_menu.addAction(self.demo_action)
        self.file_menu.addSeparator()
        self.quit_separator = self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.edit_menu.addActions([self.find_action, self.delete_action, self.trash_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.settings_action)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.tools_menu = self.menuBar().addMenu(self.tr("&Tools"))

        self.write_actions = [self.new_company_action, self.new_individual_action,
                              self.save_action, self.delete_action, self.trash_action,
                              self.demo_action, self.import_action, self.import_deals_action]
        """Actions that change the card file: off while it is read-only (add yours)."""

        toolbar = self.addToolBar(self.tr("Cards"))
        toolbar.setObjectName("cardsToolbar")
        toolbar.setMovable(False)
        toolbar.addActions([self.new_individual_action, self.new_company_action,
                            self.delete_action, self.trash_action])
        toolbar.addSeparator()
        toolbar.addAction(self.settings_action)

    # --- cards, today, calendar ----------------------------------------------------
    def _build_view_actions(self) -> None:
        self.view_actions = QActionGroup(self)
        actions = []
        for attribute, text, shortcut in (("splitter", self.tr("Cards"), "Ctrl+1"),
                                          ("today_view", self.tr("Today"), "Ctrl+2"),
                                          ("calendar_view", self.tr("Calendar"), "Ctrl+3"),
                                          ("reports_view", self.tr("Reports"), "Ctrl+4")):
            action = QAction(text, self.view_actions)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(
                lambda _checked=False, a=attribute: self.show_view(getattr(self, a)))
            actions.append(action)
        (self.cards_view_action, self.today_view_action, self.calendar_view_action,
         self.reports_view_action) = actions
        self.view_pages = {self.splitter: self.cards_view_action,
                           self.today_view: self.today_view_action}
        self.view_menu.addActions(self.view_actions.actions())
        toolbar = self.addToolBar(self.tr("Views"))
        toolbar.setObjectName("viewsToolbar")
        toolbar.setMovable(False)
        toolbar.addActions(self.view_actions.actions())
        self.export_ics_action = QAction(self.tr("Export calendar (.ics)…"), self)
        self.export_ics_action.triggered.connect(self.export_calendar)
        self.tools_menu.addAction(self.export_ics_action)
        self.campaigns_action = QAction(self.tr("Mailer campaigns…"), self)
        self.campaigns_action.triggered.connect(self.show_campaigns)
        self.tools_menu.addAction(self.campaigns_action)
        self.today_view.openCard.connect(self.open_card)
        self.today_view.changed.connect(self._on_calendar_changed)

    @property
    def calendar_view(self) -> "CalendarView":  # noqa: F821
        if self._calendar_view is None:
            from ui.calendar_view import CalendarView

            self._calendar_view = CalendarView()
            self._calendar_view.openCard.connect(self.open_card)
            self._add_view(self._calendar_view, self.calendar_view_action)
            for button in self._agenda_write_buttons(self._calendar_view):
                button.setVisible(not self.read_only)
        return self._calendar_view

    @property
    def reports_view(self) -> "ReportsView":  # noqa: F821
        if self._reports_view is None:
            from ui.reports_view import ReportsView  # and Qt Charts: only when shown

            self._reports_view = ReportsView()
            self._add_view(self._reports_view, self.reports_view_action)
        return self._reports_view

    def _add_view(self, view: QWidget, action: QAction) -> None:
        """A view built on first use joins the others (start-up builds only
        the view the window opens on, and the card list)."""
        view.changed.connect(self._on_calendar_changed)
        self.views.addWidget(view)
        self.view_pages[view] = action

    def show_view(self, page: QWidget) -> None:
        """Show the card list, the today view or the calendar."""
        if page is not self.splitter:
            page.reload()
        else:
            self.filter_panel.ensure_circles()
            self.model.hold_refreshes(False)
        self.views.setCurrentWidget(page)
        self.view_pages[page].setChecked(True)

    def export_calendar(self) -> None:
        from ui.ics_export_dialog import IcsExportDialog  # loads icalendar: only when used

        dialog = IcsExportDialog(datetime.date.today(), self)
        if dialog.exec() and dialog.count is not None:
            self.statusBar().showMessage(
                self.tr("%1 events exported.").replace("%1", str(dialog.count)), 5000)

    def _on_calendar_changed(self, card_id: int) -> None:
        """Done, skipped or moved from the today view or the calendar."""
        if self.follow_ups.card_id == card_id:
            self.follow_ups.reload()
        if self.history.card_id == card_id:
            self.history.reload()
        self._refresh_keep_selection()

    # --- the list ------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def current_filter(self) -> CardFilter:
        return CardFilter(search=self.search.text(), kinds=self.filter_panel.kinds(),
                          stages=self.filter_panel.stages(),
                          credit_statuses=self.filter_panel.credit_statuses(),
                          circle_ids=self.filter_panel.circle_ids())

    def apply_filter(self, *_args) -> None:
        self.model.set_filter(self.current_filter())
        self._reselect()

    def _refresh_keep_selection(self) -> None:
        """After cards were written: count them again, re-run the list query,
        and build any index a big write left for after its commit."""
        self._total_cards = None
        self.model.refresh()
        self._reselect()
        if not self.read_only:
            index_builds.build_pending_soon()

    def _reselect(self) -> None:
        """After the list changed, keep the shown card selected if it is still listed."""
        row = self.model.row_of(self._current_id) if self._current_id is not None else None
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if row is None:
            selection.clearSelection()
            selection.setCurrentIndex(self.model.index(-1, -1),
                                      QItemSelectionModel.SelectionFlag.Clear)
        else:
            index = self.model.index(row, 0)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        selection.blockSignals(False)

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        if self._total_cards is None:  # a search or a sort does not change it
            self._total_cards = count_cards()
        total = self._total_cards
        self.count_label.setText(self.tr("%1 of %2 cards").replace("%1", str(shown))
                                 .replace("%2", str(total)))

    def _on_current_row_changed(self, current, _previous) -> None:
        card_id = self.model.card_id(current.row()) if current.isValid() else None
        if card_id == self._current_id and not self.editor.is_new:
            return
        if not self.confirm_leave_card():
            QTimer.singleShot(0, self._reselect)
            return
        self._show(card_id)

    def _show(self, card_id: int | None) -> None:
        self._current_id = card_id
        self.editor.show_card(card_id)
        self.history.show_card(card_id)
        self.follow_ups.show_card(card_id)
        self._update_title()

    def open_card(self, card_id: int) -> None:
        """Show a card, clearing search and filters if they hide it."""
        if not self.confirm_leave_card():
            return
        self.show_view(self.splitter)
        if self.model.row_of(card_id) is None:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.filter_panel.kind_combo.setCurrentIndex(0)
            self.filter_panel.stage_combo.setCurrentIndex(0)
            self.filter_panel.credit_combo.setCurrentIndex(0)
            self.filter_panel.reload_circles()
            self.filter_panel.select_circle(-1)
            self.model.set_filter(self.current_filter())
        self._show(card_id)
        self._reselect()

    # --- cards ---------------------------------------------------------------
    def confirm_leave_card(self) -> bool:
        """Before the shown card is left: save, discard or stay. True to go on."""
        if not self.editor.is_dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("This card has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.editor.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.editor.revert()
            return True
        return False

    def new_card(self, kind: str) -> None:
        if not self.confirm_leave_card():
            return
        self.table.selectionModel().clearSelection()
        self._current_id = None
        self.history.show_card(None)
        self.follow_ups.show_card(None)
        self.editor.new_card(kind)
        self._update_title()

    def _on_saved(self, card_id: int) -> None:
        self._current_id = card_id
        if self.history.card_id != card_id:
            self.history.show_card(card_id)
        self.follow_ups.show_card(card_id)
        self.filter_panel.reload_circles()
        self._refresh_keep_selection()
        self.statusBar().showMessage(self.tr("Card saved."), 3000)

    def _on_follow_ups_changed(self, card_id: int) -> None:
        """A follow-up done (history), a card declined or a deal won (stage)."""
        self.history.reload()
        if not self.editor.is_dirty and self.editor.card_id == card_id:
            self.editor.show_card(card_id)
        self._refresh_keep_selection()

    def selected_ids(self) -> list[int]:
        """In list order; read from the selection's ranges, as 100k chosen rows
        are a few ranges but 100k indexes."""
        rows: set[int] = set()
        for selected in self.table.selectionModel().selection():
            rows.update(range(selected.top(), selected.bottom() + 1))
        ids = self.model.ids
        return [ids[row] for row in sorted(rows) if row < len(ids)]

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids and self.delete_job is None:
            from ui.bulk_delete import delete_to_trash  # the dialogs' modules load on use

            self.delete_job = delete_to_trash(self, ids, lambda count: self._deleted(ids, count))

    def _deleted(self, ids: list[int], count: int) -> None:
        self.delete_job = None
        if count and self._current_id in ids:
            self._show(None)
        self.filter_panel.reload_circles()
        self._refresh_keep_selection()
        self.statusBar().showMessage(
            self.tr("%1 cards moved to the trash.").replace("%1", str(count)), 5000)

    def show_trash(self) -> None:
        from ui.trash_dialog import TrashDialog

        dialog = TrashDialog(self)
        dialog.changed.connect(self.filter_panel.reload_circles)
        dialog.changed.connect(self._refresh_keep_selection)
        dialog.exec()

    def load_demo_cards(self) -> None:
        from prospect_desk.demo import load_demo

        count = load_demo()
        self.filter_panel.reload_circles()
        self._refresh_keep_selection()
        self.statusBar().showMessage(self.tr("%1 demo cards added.").replace("%1", str(count)),
                                     5000)

    def show_import(self) -> "ImportWizard":  # noqa: F821
        """The import wizard, window-modal; the list refreshes once cards are written."""
        from ui.import_wizard import ImportWizard  # loads the spreadsheet readers: on use

        wizard = ImportWizard(self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.imported.connect(self._after_import)
        wizard.open()
        return wizard

    def show_import_deals(self) -> "DealImportWizard":  # noqa: F821
        """The sales-history import wizard; the list refreshes once sales are written."""
        from ui.deal_import_wizard import DealImportWizard

        wizard = DealImportWizard(self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.imported.connect(self._after_import)
        wizard.open()
        return wizard

    def _after_import(self) -> None:
        self.filter_panel.reload_circles()
        self.editor.reload_circles()
        self._refresh_keep_selection()

    def show_export(self) -> "ExportDialog":  # noqa: F821
        from ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.model.ids, count_cards(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_call_sheet(self) -> "CallSheetDialog":  # noqa: F821
        from ui.call_sheet_print import CallSheetDialog

        dialog = CallSheetDialog(datetime.date.today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def print_card(self) -> None:
        """The current card on one page, in the print preview."""
        if self._current_id is not None:
            from ui.card_print import preview_card

            preview_card(self._current_id, self)

    def show_labels(self) -> "LabelsDialog":  # noqa: F821
        """Labels for the selected cards, or for the whole list when none is selected."""
        from ui.label_print import LabelsDialog

        dialog = LabelsDialog(self.selected_ids() or list(self.model.ids), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_letters(self) -> "LettersDialog":  # noqa: F821
        """Letters to the selected cards (or the whole list), or to a campaign."""
        from ui.letters_dialog import LettersDialog

        dialog = LettersDialog(self.selected_ids() or list(self.model.ids), self,
                               campaign_id=self._current_campaign())
        dialog.sent.connect(lambda ids: self._on_calendar_changed(
            self.follow_ups.card_id if self.follow_ups.card_id in ids else -1))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_campaigns(self) -> "CampaignsDialog":  # noqa: F821
        """Mailer campaigns: make one for a circle, a stage or what the list shows."""
        from ui.campaigns_dialog import CampaignsDialog

        dialog = CampaignsDialog(self.current_filter(), self, read_only=self.read_only)
        dialog.changed.connect(self._on_campaigns_changed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_campaigns_changed(self) -> None:
        """A campaign made, sent or deleted: any card's follow-ups may have changed."""
        self.follow_ups.reload()
        self.history.reload()
        if self.views.currentWidget() is not self.splitter:  # today, calendar, reports
            self.views.currentWidget().reload()
        self._refresh_keep_selection()

    def _current_campaign(self) -> int | None:
        """The campaign of the follow-up chosen in Today, the calendar or the card's
        follow-ups, so its letters are the ones offered."""
        view = self.views.currentWidget()
        if view is not self.today_view and view is not self._calendar_view:
            view = self.follow_ups
        item = view.current_item()
        if item is not None and item.rule == "campaign":
            return item.params.get("campaign_id")
        return None

    def offer_demo(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Welcome to Prospect Desk"),
            self.tr("Your card file is empty. Load about 200 demo cards to look around? "
                    "You can delete them later, or start with your own cards."))
        if answer == QMessageBox.StandardButton.Yes:
            self.load_demo_cards()

    def set_read_only(self, read_only: bool) -> None:
        """Look but not change: a yellow bar says so, and every control that
        writes is switched off or hidden (hidden where the panels re-enable it)."""
        was_read_only, self.read_only = self.read_only, read_only
        for action in self.write_actions:
            action.setEnabled(not read_only)
        if read_only and self.read_only_banner is None:
            self.read_only_banner = QLabel(
                self.tr("This card file is read-only: you can look but not change anything."))
            self.read_only_banner.setObjectName("readOnlyBanner")
            self.read_only_banner.setWordWrap(True)
            self.read_only_banner.setStyleSheet(
                "background: #fff3b0; color: #4d3b00; padding: 6px 10px;"
                " border-bottom: 1px solid #e0c84a;")
            holder = QWidget()
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(0)
            layout.addWidget(self.read_only_banner)
            layout.addWidget(self.takeCentralWidget(), 1)
            self.setCentralWidget(holder)
        if self.read_only_banner is not None:
            self.read_only_banner.setVisible(read_only)
        editor = self.editor
        for edit in [*editor.texts.values(), *(d.edit for d in editor.dates.values())]:
            edit.setReadOnly(read_only)
        editor.notes.setReadOnly(read_only)
        for widget in [editor.stage, editor.credit, editor.circle, editor.referral_source,
                       editor.referrer_choose, *(d.button for d in editor.dates.values()),
                       self.history.kind, self.history.date, self.history.text]:
            widget.setEnabled(not read_only)
        panel = self.filter_panel
        for button in [editor.save_button, editor.revert_button, editor.referrer_clear,
                       self.history.add_button, self.history.remove_button,
                       panel.add_button, panel.rename_button, panel.up_button,
                       panel.down_button, panel.remove_button,
                       *self._follow_up_write_buttons()]:
            button.setVisible(not read_only)
        if read_only and not was_read_only:
            panel.circle_list.itemDoubleClicked.disconnect()
        elif was_read_only and not read_only:
            panel.circle_list.itemDoubleClicked.connect(lambda _item: panel.rename_current())

    def _follow_up_write_buttons(self) -> list:
        panel = self.follow_ups
        buttons = [panel.done_button, panel.skip_button, panel.move_button, panel.add_button,
                   panel.decline_button, panel.deal_button]
        for view in (self.today_view, self._calendar_view):
            if view is not None:  # the calendar hides its own when built later
                buttons += self._agenda_write_buttons(view)
        return buttons

    @staticmethod
    def _agenda_write_buttons(view: QWidget) -> list:
        return [view.done_button, view.skip_button, view.move_button]

    def reload_from_database(self) -> None:
        """After the card file was replaced (a restored backup): show it afresh."""
        self._show(None)
        self.filter_panel.reload_circles()
        self.editor.reload_circles()
        self._refresh_keep_selection()

    def _on_circles_changed(self) -> None:
        self.editor.reload_circles()
        self.model.refresh()
        self._reselect()

    def show_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self)
        if dialog.exec():
            language = dialog.chosen_language()
            if language != settings.read(settings.LANGUAGE):
                if not self.confirm_leave_card():
                    return
                settings.write(settings.LANGUAGE, language)
                self.languageChangeRequested.emit(language)

    def _update_title(self, *_args) -> None:
        mark = "*" if self.editor.is_dirty else ""
        self.setWindowTitle(self.tr("Prospect Desk") + (f" — {mark}" if mark else ""))

    # --- window state ----------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = settings.read(settings.WINDOW_GEOMETRY)
        if geometry and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 860)
        for spec, splitter in ((settings.MAIN_SPLITTER, self.splitter),
                               (settings.DETAIL_SPLITTER, self.detail_splitter)):
            state = settings.read(spec)
            if state and not state.isEmpty():
                splitter.restoreState(state)
        header_state = settings.read(settings.LIST_HEADER)
        if header_state and not header_state.isEmpty():
            self.table.horizontalHeader().restoreState(header_state)
        column = settings.read(settings.SORT_COLUMN)
        order = (Qt.SortOrder.DescendingOrder if settings.read(settings.SORT_DESCENDING)
                 else Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSortIndicator(column, order)
        self.table.setSortingEnabled(True)  # sorts once, by the restored column

    def save_layout(self) -> None:
        settings.write(settings.WINDOW_GEOMETRY, self.saveGeometry())
        settings.write(settings.MAIN_SPLITTER, self.splitter.saveState())
        settings.write(settings.DETAIL_SPLITTER, self.detail_splitter.saveState())
        header = self.table.horizontalHeader()
        settings.write(settings.LIST_HEADER, header.saveState())
        settings.write(settings.SORT_COLUMN, header.sortIndicatorSection())
        settings.write(settings.SORT_DESCENDING,
                       header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_leave_card():
            event.ignore()
            return
        self.save_layout()
        event.accept()

