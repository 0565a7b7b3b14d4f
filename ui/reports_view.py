"""Reports: win back lapsed customers (with the loss rate in plain words), the
80/20 view of revenue with its Pareto chart, and receivables (ageing, payments,
arrears and the collection ladder). Every figure comes from the core's report
functions, worked out off the UI thread (ui/worker.py) while the view stays
live; the widgets only show them and pass the user's choices back.

Each tab says what it needs (`parameters`, read from its controls on the UI
thread), works it out (`compute`, on a worker thread, no widgets) and shows it
(`show_result`). The view runs the tab in sight, as of the date in its corner."""

import datetime
import sqlite3

import peewee
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QAbstractTableModel, QDate, QMargins, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from prospect_desk import receivables, reports, rule_settings
from prospect_desk.error_log import logger
from prospect_desk.follow_up_rules import RuleError
from prospect_desk.receivables import ReceivableError, ReceivableProblem
from ui.follow_up_text import rule_error_text
from ui.labels import (
    ARREARS_KINDS,
    CHANNELS,
    LAPSE_REASONS,
    WIN_BACK_APPROACHES,
    circle_name,
    label,
)
from ui.record_views import set_up_record_view
from ui.worker import start_job

MAX_ROWS = 1000
"""Rows a table shows; the command line's report (or .xlsx) has them all."""
CHART_BARS = 30
SIZED_ROWS = 100
"""Rows (the visible ones first) that set a column's width."""
TOP_COLOUR = QColor("#d9822b")
REST_COLOUR = QColor("#5b8bd0")
LATE_COLOUR = QColor("#c0392b")
ID_ROLE = Qt.ItemDataRole.UserRole


def money(cents: int) -> str:
    return f"{cents / 100:,.2f}"


def percent(share: float) -> str:
    return f"{share * 100:.1f}%"


class RowsModel(QAbstractTableModel):
    """A report's rows as texts, each with a key (a card or deal id) kept on the
    row: the view paints only the rows in sight, so showing 1,000 rows costs
    a model reset, not 8,000 items."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple[object, list[str]]] = []
        self.right_aligned: set[int] = set()
        self.colours: dict[tuple[int, int], QColor] = {}

    def set_rows(self, rows: list[tuple[object, list[str]]], right_aligned: set[int],
                 colours: dict[tuple[int, int], QColor] | None = None) -> None:
        self.beginResetModel()
        self.rows, self.right_aligned, self.colours = rows, set(right_aligned), colours or {}
        self.endResetModel()

    def key(self, row: int):
        return self.rows[row][0] if 0 <= row < len(self.rows) else None

    def text(self, row: int, column: int) -> str:
        return self.rows[row][1][column]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[row][1][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.right_aligned:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.colours.get((row, column))
            return QBrush(colour) if colour is not None else None
        if role == ID_ROLE:
            return self.rows[row][0]
        return None


class ReportTable(QTableView):
    """A read-only table of report rows, one selected at a time."""

    currentRowChanged = Signal(int)

    def __init__(self, headers: list[str], name: str, stretch: int = 0):
        super().__init__()
        self.setObjectName(name)
        self.setModel(RowsModel(headers, self))
        set_up_record_view(self)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(SIZED_ROWS)  # not every one of 1,000 rows
        self.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.currentRowChanged.emit(current.row()))

    def rowCount(self) -> int:  # noqa: N802 - like QTableWidget's
        return self.model().rowCount()

    def currentRow(self) -> int:  # noqa: N802 - like QTableWidget's
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def text(self, row: int, column: int) -> str:
        return self.model().text(row, column)


def _table(headers: list[str], name: str, stretch: int = 0) -> ReportTable:
    """The `stretch` column (the name) takes the spare width so that figures stay
    next to their neighbours."""
    return ReportTable(headers, name, stretch)


def _fill(table: ReportTable, rows: list[tuple[object, list[str]]],
          right_aligned: set[int] = frozenset(),
          colours: dict[tuple[int, int], QColor] | None = None) -> None:
    """Each row as (id kept on the row, texts); `colours` for some cells' text."""
    table.model().set_rows(rows, right_aligned, colours)


def _current_key(table: ReportTable):
    return table.model().key(table.currentRow())


def date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def to_date(value: QDate) -> datetime.date:
    return datetime.date(value.year(), value.month(), value.day())


class ReportCancelled(Exception):
    """The user cancelled while a report was worked out: keep what is shown."""


class WinBackTab(QWidget):
    changed = Signal(int)
    reloadWanted = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.as_of = datetime.date.today()
        self.loss_label = QLabel()
        self.loss_label.setObjectName("lossRate")
        self.loss_label.setWordWrap(True)
        self.table = _table([self.tr("Customer"), self.tr("Last purchase"),
                             self.tr("Purchases"), self.tr("Total amount"),
                             self.tr("Years as customer"), self.tr("Why they lapsed"),
                             self.tr("Suggested approach"), self.tr("Channel")],
                            "lapsedTable")
        self.table.currentRowChanged.connect(lambda _row: self._update_controls())
        self.reason_combo = QComboBox()
        self.reason_combo.addItem(self.tr("Why did they lapse?"), None)
        for key in LAPSE_REASONS:
            self.reason_combo.addItem(label(LAPSE_REASONS, key), key)
        self.reason_combo.activated.connect(self._reason_chosen)
        self.schedule_button = QPushButton(self.tr("Schedule"))
        self.schedule_button.setToolTip(self.tr("Schedule the suggested approach as a "
                                                "follow-up for today"))
        self.schedule_button.clicked.connect(self.schedule)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Lapse reason:")))
        controls.addWidget(self.reason_combo)
        controls.addWidget(self.schedule_button)
        controls.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.loss_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(controls)
        self.rows: list[reports.LapsedCustomer] = []

    def parameters(self, as_of: datetime.date) -> datetime.date:
        return as_of

    @staticmethod
    def compute(as_of: datetime.date, progress, cancelled) -> tuple:
        rows = reports.lapsed_customers(as_of, limit=MAX_ROWS)
        if cancelled():
            raise ReportCancelled
        progress(1, 2)
        return rows, reports.loss_rates(as_of, years=1)

    def show_result(self, as_of: datetime.date, result: tuple) -> None:
        self.as_of = as_of
        self.rows, rates = result
        self.loss_label.setText(self._loss_sentence(rates))
        current = _current_key(self.table)
        _fill(self.table, [(r.card_id, [
            r.name, r.last_purchase.isoformat(), str(r.purchases), money(r.total_cents),
            f"{r.years_as_customer:.1f}", label(LAPSE_REASONS, r.reason),
            label(WIN_BACK_APPROACHES, r.approach), label(CHANNELS, r.channel)])
            for r in self.rows], {2, 3, 4})
        for number, row in enumerate(self.rows):
            if row.card_id == current:
                self.table.selectRow(number)
        self._update_controls()

    def _loss_sentence(self, rates: list[reports.LossRate]) -> str:
        if not rates or not rates[-1].customers:
            return self.tr("No loss rate yet: it needs customers who bought before last year.")
        last = rates[-1]
        return (self.tr("Loss rate %1: %2 of %3 customers bought nothing (%4). At this loss "
                        "rate you need %5 new customers a year to grow 10%.")
                .replace("%1", last.period).replace("%2", str(last.lost))
                .replace("%3", str(last.customers)).replace("%4", percent(last.rate))
                .replace("%5", str(last.new_needed_to_grow_10_percent)))

    def current(self) -> reports.LapsedCustomer | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _update_controls(self) -> None:
        row = self.current()
        self.reason_combo.setEnabled(row is not None)
        self.schedule_button.setEnabled(row is not None)
        index = self.reason_combo.findData(row.reason.value if row and row.reason else None)
        self.reason_combo.setCurrentIndex(max(index, 0))

    def _reason_chosen(self, index: int) -> None:
        row = self.current()
        if row is None:
            return
        reports.set_lapse_reason(row.card_id, self.reason_combo.itemData(index))
        self.reloadWanted.emit()
        self.changed.emit(row.card_id)

    def schedule(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            reports.schedule_win_back(row.card_id, datetime.date.today())
        except RuleError as error:
            QMessageBox.warning(self, self.tr("Win back"), rule_error_text(error))
            return
        self.changed.emit(row.card_id)
        QMessageBox.information(self, self.tr("Win back"),
                                self.tr("A win-back follow-up for %1 is on today's list.")
                                .replace("%1", row.name))


class ParetoTab(QWidget):
    reloadWanted = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.as_of = datetime.date.today()
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("periodCombo")
        self.period_combo.addItem(self.tr("Last 12 months"), "last_12_months")
        self.period_combo.addItem(self.tr("This year"), "this_year")
        self.period_combo.addItem(self.tr("Last year"), "last_year")
        self.period_combo.addItem(self.tr("Chosen dates"), "custom")
        self.period_combo.currentIndexChanged.connect(self._period_chosen)
        self.start_edit = date_edit("periodStart")
        self.end_edit = date_edit("periodEnd")
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(self._dates_edited)
        self._set_dates(*reports.default_period(self.as_of))
        self.group_combo = QComboBox()
        self.group_combo.addItem(self.tr("By customer"), "customer")
        self.group_combo.addItem(self.tr("By circle"), "circle")
        self.group_combo.addItem(self.tr("By referrer"), "referrer")
        self.group_combo.currentIndexChanged.connect(lambda _i: self.reloadWanted.emit())
        self.no_contact_spin = QSpinBox()
        self.no_contact_spin.setObjectName("noContactDays")
        self.no_contact_spin.setRange(1, rule_settings.MAX_DAYS)
        self.no_contact_spin.setSuffix(self.tr(" days"))
        self._setting_shown = rule_settings.get("top_customer_no_contact_days")
        self.no_contact_spin.setValue(self._setting_shown)
        self.no_contact_spin.setToolTip(self.tr("Top customers not contacted for this long are "
                                                "flagged (the same setting as in Settings)"))
        self.no_contact_spin.valueChanged.connect(self._no_contact_days_changed)
        self.summary = QLabel()
        self.summary.setObjectName("paretoSummary")
        self.summary.setWordWrap(True)
        self.table = _table([self.tr("Rank"), self.tr("Name"), self.tr("Revenue"),
                             self.tr("Deals"), self.tr("Cumulative share"), self.tr("Top 20%"),
                             self.tr("No contact lately")], "paretoTable", stretch=1)
        self.chart = QChart()
        self.chart.legend().setVisible(True)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(240)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Revenue of")))
        top.addWidget(self.period_combo)
        top.addWidget(QLabel(self.tr("from")))
        top.addWidget(self.start_edit)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.end_edit)
        top.addWidget(self.group_combo)
        top.addStretch()
        flag = QHBoxLayout()
        flag.addWidget(QLabel(self.tr("Flag top customers with no contact in")))
        flag.addWidget(self.no_contact_spin)
        flag.addStretch()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart_view)
        splitter.addWidget(self.table)
        splitter.setSizes([300, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(flag)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.result: reports.Pareto | None = None
        self.by = "customer"

    # --- the period ---------------------------------------------------------------
    @staticmethod
    def quick_period(choice: str, as_of: datetime.date) -> tuple[datetime.date, datetime.date]:
        if choice == "this_year":
            return datetime.date(as_of.year, 1, 1), as_of
        if choice == "last_year":
            return datetime.date(as_of.year - 1, 1, 1), datetime.date(as_of.year - 1, 12, 31)
        return reports.default_period(as_of)

    def _set_dates(self, start: datetime.date, end: datetime.date) -> None:
        for edit, day in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def period(self) -> tuple[datetime.date, datetime.date]:
        return to_date(self.start_edit.date()), to_date(self.end_edit.date())

    def _period_chosen(self, _index: int) -> None:
        choice = self.period_combo.currentData()
        if choice != "custom":
            self._set_dates(*self.quick_period(choice, self.as_of))
        self.reloadWanted.emit()

    def _dates_edited(self, _date) -> None:
        self.period_combo.blockSignals(True)
        self.period_combo.setCurrentIndex(self.period_combo.findData("custom"))
        self.period_combo.blockSignals(False)
        self.reloadWanted.emit()

    def _no_contact_days_changed(self, days: int) -> None:
        try:
            rule_settings.set("top_customer_no_contact_days", days)
            self._setting_shown = days
        except (peewee.OperationalError, sqlite3.OperationalError):  # read-only: this view only
            pass
        self.reloadWanted.emit()

    # --- working it out -------------------------------------------------------------
    def parameters(self, as_of: datetime.date) -> tuple:
        self.as_of = as_of
        setting = rule_settings.get("top_customer_no_contact_days")
        if setting != self._setting_shown:  # changed in Settings meanwhile
            self._setting_shown = setting
            self.no_contact_spin.blockSignals(True)
            self.no_contact_spin.setValue(setting)
            self.no_contact_spin.blockSignals(False)
        choice = self.period_combo.currentData()
        if choice != "custom":
            self._set_dates(*self.quick_period(choice, as_of))
        start, end = self.period()
        return (self.group_combo.currentData(), start, end, as_of, self.no_contact_spin.value())

    @staticmethod
    def compute(parameters: tuple, _progress, _cancelled) -> reports.Pareto:
        by, start, end, as_of, days = parameters
        if by == "customer":
            return reports.pareto_customers(start, end, as_of, no_contact_days=days)
        return reports.pareto_groups(by, start, end)

    def show_result(self, parameters: tuple, result: reports.Pareto) -> None:
        by, start, end, as_of, _days = parameters
        self.as_of, self.by, self.result = as_of, by, result
        if not result.rows:
            self.summary.setText(self.tr("No won deals from %1 to %2.")
                                 .replace("%1", start.isoformat()).replace("%2", end.isoformat()))
        else:
            self.summary.setText(
                self.tr("From %5 to %6, the top 20% (%1 of %2) bring %3 of the revenue of %4.")
                .replace("%1", str(result.top_count)).replace("%2", str(len(result.rows)))
                .replace("%3", percent(result.top_share)).replace("%4", money(result.total_cents))
                .replace("%5", start.isoformat()).replace("%6", end.isoformat()))
        yes = self.tr("yes")
        rows = []
        for rank, row in enumerate(result.rows[:MAX_ROWS], start=1):
            rows.append((row.key, [str(rank), self._name(by, row), money(row.revenue_cents),
                                   str(row.deals), percent(row.cumulative_share),
                                   yes if row.top else "", yes if row.needs_contact else ""]))
        late = {(number, 6): LATE_COLOUR for number, row in enumerate(result.rows[:MAX_ROWS])
                if row.needs_contact}
        _fill(self.table, rows, {0, 2, 3, 4}, late)
        self._draw_chart(by)

    def _name(self, by: str, row: reports.ParetoRow) -> str:
        if by == "circle":
            return circle_name(row.name, row.builtin_key) if row.key else self.tr("No circle")
        if by == "referrer" and row.key is None:
            return self.tr("Not referred")
        return row.name

    def _draw_chart(self, by: str) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        rows = self.result.rows[:CHART_BARS]
        top_set = QBarSet(self.tr("Top 20%"))
        top_set.setColor(TOP_COLOUR)
        rest_set = QBarSet(self.tr("Others"))
        rest_set.setColor(REST_COLOUR)
        cumulative = QLineSeries()
        cumulative.setName(self.tr("Cumulative share"))
        categories = []
        for number, row in enumerate(rows):
            value = row.revenue_cents / 100
            top_set.append(value if row.top else 0)
            rest_set.append(0 if row.top else value)
            cumulative.append(number, row.cumulative_share * 100)
            categories.append(str(number + 1))
        bars = QStackedBarSeries()
        bars.append(top_set)
        bars.append(rest_set)
        chart.addSeries(bars)
        chart.addSeries(cumulative)
        x_axis = QBarCategoryAxis()
        x_axis.append(categories)
        x_axis.setTitleText(self.tr("Rank"))
        revenue_axis = QValueAxis()
        revenue_axis.setLabelFormat("%.0f")
        revenue_axis.setTitleText(self.tr("Revenue"))
        share_axis = QValueAxis()
        share_axis.setRange(0, 100)
        share_axis.setLabelFormat("%d%%")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(revenue_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(share_axis, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(x_axis)
        bars.attachAxis(revenue_axis)
        cumulative.attachAxis(x_axis)
        cumulative.attachAxis(share_axis)
        if rows:
            revenue_axis.setRange(0, rows[0].revenue_cents / 100 * 1.05)


class ReceivablesTab(QWidget):
    changed = Signal(int)
    reloadWanted = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.as_of = datetime.date.today()
        self.ageing_table = _table([self.tr("Customer"), self.tr("Current"),
                                    self.tr("1–30 days"), self.tr("31–60 days"),
                                    self.tr("61–90 days"), self.tr("Over 90 days"),
                                    self.tr("Total")], "ageingTable")
        self.receivables_table = _table([self.tr("Customer"), self.tr("Product"),
                                         self.tr("Due date"), self.tr("Amount due"),
                                         self.tr("Paid"), self.tr("Owed"),
                                         self.tr("Arrears")], "receivablesTable")
        self.receivables_table.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.payment_button = QPushButton(self.tr("Record payment…"))
        self.payment_button.clicked.connect(self.record_payment)
        self.goodwill_button = QPushButton(self.tr("Goodwill arrears…"))
        self.goodwill_button.clicked.connect(lambda: self.classify("goodwill"))
        self.malicious_button = QPushButton(self.tr("Malicious arrears…"))
        self.malicious_button.clicked.connect(lambda: self.classify("malicious"))
        self.ladder_button = QPushButton(self.tr("Start collection"))
        self.ladder_button.setToolTip(self.tr(
            "Schedule the collection ladder: letter, phone or fax, then e-mail, then a "
            "visit, then legal action"))
        self.ladder_button.clicked.connect(self.start_collection)
        buttons = QHBoxLayout()
        for button in (self.payment_button, self.goodwill_button, self.malicious_button,
                       self.ladder_button):
            buttons.addWidget(button)
        buttons.addStretch()
        self.ageing_title = QLabel()
        self.ageing_title.setObjectName("ageingTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(self.ageing_title)
        layout.addWidget(self.ageing_table, 1)
        layout.addWidget(QLabel(self.tr("Open receivables, soonest due first")))
        layout.addWidget(self.receivables_table, 1)
        layout.addLayout(buttons)
        self.open_rows: list[receivables.Receivable] = []

    def parameters(self, as_of: datetime.date) -> datetime.date:
        return as_of

    @staticmethod
    def compute(as_of: datetime.date, progress, cancelled) -> tuple:
        rows = receivables.ageing(as_of)
        if cancelled():
            raise ReportCancelled
        progress(1, 2)
        return rows, receivables.open_receivables(limit=MAX_ROWS)

    def show_result(self, as_of: datetime.date, result: tuple) -> None:
        self.as_of = as_of
        rows, self.open_rows = result
        self.ageing_title.setText(self.tr("Ageing as of %1: %2 owed by %3 customers")
                                  .replace("%1", as_of.isoformat())
                                  .replace("%2", money(sum(r.total_cents for r in rows)))
                                  .replace("%3", str(len(rows))))
        _fill(self.ageing_table, [(r.card_id, [r.name, *(money(c) for c in r.buckets),
                                               money(r.total_cents)])
                                  for r in rows[:MAX_ROWS]], {1, 2, 3, 4, 5, 6})
        current = _current_key(self.receivables_table)
        overdue = {(number, 2): LATE_COLOUR for number, row in enumerate(self.open_rows)
                   if row.due_date < as_of}
        _fill(self.receivables_table, [(r.deal_id, [
            r.name, r.product, r.due_date.isoformat(), money(r.due_cents), money(r.paid_cents),
            money(r.owed_cents), label(ARREARS_KINDS, r.arrears_kind)])
            for r in self.open_rows], {3, 4, 5}, overdue)
        for number, row in enumerate(self.open_rows):
            if row.deal_id == current:
                self.receivables_table.selectRow(number)
        self._update_buttons()

    def current(self) -> receivables.Receivable | None:
        row = self.receivables_table.currentRow()
        return self.open_rows[row] if 0 <= row < len(self.open_rows) else None

    def _update_buttons(self) -> None:
        row = self.current()
        for button in (self.payment_button, self.goodwill_button, self.malicious_button,
                       self.ladder_button):
            button.setEnabled(row is not None)

    def error_text(self, error: ReceivableError) -> str:
        texts = {
            ReceivableProblem.OVERPAYMENT: self.tr(
                "That is more than is owed: only %1 is still owed on this deal."),
            ReceivableProblem.AMOUNT_INVALID: self.tr("Enter an amount above zero."),
            ReceivableProblem.REASON_REQUIRED: self.tr("Say what reason the customer gave."),
            ReceivableProblem.NOTHING_OWED: self.tr("Nothing is owed on this deal."),
            ReceivableProblem.GOODWILL_NEEDS_PLAN: self.tr(
                "Goodwill arrears are not escalated: agree a repayment plan instead."),
        }
        text = texts.get(error.problem, self.tr("This deal cannot take that change."))
        if error.problem is ReceivableProblem.OVERPAYMENT:
            text = text.replace("%1", money(error.detail))
        return text

    def _done(self, row: receivables.Receivable) -> None:
        self.reloadWanted.emit()
        self.changed.emit(row.card_id)

    def record_payment(self) -> None:
        row = self.current()
        if row is None:
            return
        amount, ok = QInputDialog.getDouble(
            self, self.tr("Record payment"),
            self.tr("Payment received today from %1 (%2 owed):")
            .replace("%1", row.name).replace("%2", money(row.owed_cents)),
            row.owed_cents / 100, 0, 1e12, 2)
        if not ok:
            return
        try:
            receivables.record_payment(row.deal_id, datetime.date.today(), round(amount * 100))
        except ReceivableError as error:
            QMessageBox.warning(self, self.tr("Record payment"), self.error_text(error))
            return
        self._done(row)

    def classify(self, kind: str) -> None:
        row = self.current()
        if row is None:
            return
        reason, ok = QInputDialog.getText(
            self, label(ARREARS_KINDS, kind),
            self.tr("What reason did %1 give for not paying?").replace("%1", row.name),
            text=row.arrears_reason)
        if not ok:
            return
        try:
            receivables.classify_arrears(row.deal_id, kind, reason)
        except ReceivableError as error:
            QMessageBox.warning(self, label(ARREARS_KINDS, kind), self.error_text(error))
            return
        self._done(row)

    def start_collection(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            receivables.start_collection(row.deal_id, datetime.date.today())
        except ReceivableError as error:
            QMessageBox.warning(self, self.tr("Start collection"), self.error_text(error))
            return
        self._done(row)
        QMessageBox.information(self, self.tr("Start collection"),
                                self.tr("The collection steps for %1 are on the calendar.")
                                .replace("%1", row.name))


class ReportsView(QTabWidget):
    """`changed(card_id)` follows a follow-up scheduled or a card changed here;
    `loaded` follows a report shown."""

    changed = Signal(int)
    loaded = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("reportsView")
        self.as_of = datetime.date.today()
        self.win_back = WinBackTab()
        self.pareto = ParetoTab()
        self.receivables = ReceivablesTab()
        self.addTab(self.win_back, self.tr("Win back"))
        self.addTab(self.pareto, self.tr("80/20"))
        self.addTab(self.receivables, self.tr("Receivables"))
        for tab in (self.win_back, self.pareto, self.receivables):
            tab.reloadWanted.connect(lambda tab=tab: self._tab_wants_reload(tab))
        self.win_back.changed.connect(self.changed)
        self.receivables.changed.connect(self.changed)
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.as_of_edit = date_edit("asOfDate")
        self.as_of_edit.setToolTip(self.tr("Lapsed customers, the loss rate, the ageing and "
                                           "the no-contact flag are worked out as of this day"))
        self._set_as_of(self.as_of)
        self.as_of_edit.dateChanged.connect(lambda _date: self.reload(
            to_date(self.as_of_edit.date())))
        corner = QWidget()
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 4, 0)
        corner_layout.addWidget(self.status)
        corner_layout.addWidget(QLabel(self.tr("As of")))
        corner_layout.addWidget(self.as_of_edit)
        self.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self._pending: tuple | None = None
        """(token, tab, parameters) of the report being worked out."""
        self._job = None
        self.currentChanged.connect(lambda _index: self.reload(self.as_of))

    def _set_as_of(self, day: datetime.date) -> None:
        self.as_of_edit.blockSignals(True)
        self.as_of_edit.setDate(QDate(day.year, day.month, day.day))
        self.as_of_edit.blockSignals(False)

    def _tab_wants_reload(self, tab: QWidget) -> None:
        if tab is self.currentWidget():
            self.reload(self.as_of)

    def is_loading(self) -> bool:
        return self._pending is not None

    def reload(self, as_of: datetime.date | None = None) -> None:
        """Work out the tab in sight again (the others when they are shown), off
        the UI thread; what is shown stays until the new figures arrive."""
        self.as_of = as_of or to_date(self.as_of_edit.date())
        self._set_as_of(self.as_of)
        tab = self.currentWidget()
        parameters = tab.parameters(self.as_of)
        token = object()
        self._pending = (token, tab, parameters)
        if self._job is not None:
            self._job.cancel()  # its figures are for an older question
        compute = type(tab).compute

        def work(progress, cancelled):
            result = compute(parameters, progress, cancelled)
            if cancelled():
                raise ReportCancelled
            return token, result

        self.status.setText(self.tr("Working out…"))
        self.status.setStyleSheet("color: palette(mid);")
        self._job = start_job(work, self._on_loaded, self._on_failed, parent=self,
                              label=self.tr("Working out the report…"))

    def _on_loaded(self, answer: tuple) -> None:
        token, result = answer
        if self._pending is None or self._pending[0] is not token:
            return
        _token, tab, parameters = self._pending
        self._pending, self._job = None, None
        self.status.clear()
        tab.show_result(parameters, result)
        self.loaded.emit()

    def _on_failed(self, error: BaseException, details: str) -> None:
        if isinstance(error, ReportCancelled):
            if self._job is not None and self._job.is_cancelled():
                self._pending, self._job = None, None
                self.status.setText(self.tr("Cancelled: the figures shown are the last ones."))
            return
        logger.error("A report failed:\n%s", details)
        self._pending, self._job = None, None
        self.status.setText(self.tr("The report could not be worked out: %1").replace(
            "%1", str(error) or type(error).__name__))
        self.status.setStyleSheet("color: #b00020;")
