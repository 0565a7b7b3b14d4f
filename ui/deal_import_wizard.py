"""File → Import sales history…: a spreadsheet of past sales becomes deals on
the cards, in the same steps as the card import.

Pick the file and sheet; check how its columns map to sale fields; look at the
rows as they will be imported (the whole file is checked off the UI thread);
say whose each unmatched row is (a card picked, a new card, or leave it out);
then read what was imported and what was left out, and why. The import itself,
resolutions included, is one transaction (prospect_desk/deal_import.py)."""

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from prospect_desk.backups import BackupError, BackupKind, make_backup
from prospect_desk.card_query import card_rows
from prospect_desk.deal_import import (
    DealField,
    DealImportProblem,
    DealImportResult,
    Resolution,
    Resolve,
    UnmatchedRow,
    check_deals,
    import_deals,
    map_headers,
)
from prospect_desk.error_log import logger
from prospect_desk.excel_import import ImportCancelled, RejectedRow
from prospect_desk.import_rows import RowProblem
from prospect_desk.models import db
from prospect_desk.spreadsheet_read import (
    SheetTable,
    SpreadsheetError,
    cell_text,
    read_sheet,
)
from ui.card_picker import CardPickerDialog
from ui.import_messages import read_problem_text
from ui.import_wizard_pages import (
    ATTENTION_BACKGROUND,
    PREVIEW_ROWS,
    ColumnMappingPage,
    LeftOutResultPage,
    SheetFilePage,
    SheetImportWizard,
    fit_columns,
    mark_problems,
    problem_label,
    set_preview_columns,
)
from ui.top_customers import top_customers
from ui.worker import start_job

CONTEXT = "DealImportWizard"

UNMATCHED_BACKGROUND = ATTENTION_BACKGROUND

FIELD_LABELS: dict[DealField, str] = {
    DealField.DATE: QT_TRANSLATE_NOOP("DealImportWizard", "Date of the sale"),
    DealField.CUSTOMER: QT_TRANSLATE_NOOP("DealImportWizard", "Customer name"),
    DealField.COMPANY: QT_TRANSLATE_NOOP("DealImportWizard", "Company"),
    DealField.PHONE: QT_TRANSLATE_NOOP("DealImportWizard", "Phone"),
    DealField.EMAIL: QT_TRANSLATE_NOOP("DealImportWizard", "E-mail"),
    DealField.PRODUCT: QT_TRANSLATE_NOOP("DealImportWizard", "Product"),
    DealField.AMOUNT: QT_TRANSLATE_NOOP("DealImportWizard", "Amount"),
    DealField.OUTCOME: QT_TRANSLATE_NOOP("DealImportWizard", "Won or lost"),
    DealField.AMOUNT_PAID: QT_TRANSLATE_NOOP("DealImportWizard", "Amount paid"),
    DealField.DUE_DATE: QT_TRANSLATE_NOOP("DealImportWizard", "Due date"),
}

PROBLEMS: dict[DealImportProblem, str] = {
    DealImportProblem.DATE_REQUIRED: QT_TRANSLATE_NOOP("DealImportWizard", "No date"),
    DealImportProblem.NOT_A_DATE: QT_TRANSLATE_NOOP("DealImportWizard", "Not a date"),
    DealImportProblem.AMOUNT_INVALID: QT_TRANSLATE_NOOP("DealImportWizard", "Not an amount"),
    DealImportProblem.OUTCOME_UNKNOWN: QT_TRANSLATE_NOOP(
        "DealImportWizard", "Not “won” or “lost” (成交 or 失败)"),
    DealImportProblem.CUSTOMER_REQUIRED: QT_TRANSLATE_NOOP(
        "DealImportWizard", "No customer: give a name, phone or e-mail"),
    DealImportProblem.PAID_MORE_THAN_AMOUNT: QT_TRANSLATE_NOOP(
        "DealImportWizard", "More paid than the amount"),
    DealImportProblem.PAID_ON_LOST_DEAL: QT_TRANSLATE_NOOP(
        "DealImportWizard", "A payment on a lost sale"),
    DealImportProblem.NO_CARD: QT_TRANSLATE_NOOP(
        "DealImportWizard", "No card matches the customer"),
    DealImportProblem.SEVERAL_CARDS: QT_TRANSLATE_NOOP(
        "DealImportWizard", "Several cards match the customer"),
}


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_label(target: DealField) -> str:
    return translate(FIELD_LABELS[DealField(target)])


def problem_text(problem: DealImportProblem) -> str:
    return translate(PROBLEMS[DealImportProblem(problem)])


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _read_only_table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    return table


class DealImportWizard(SheetImportWizard):
    imported = Signal()
    """Deals (and maybe cards) were written: the list and the reports need a refresh."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, self.tr("Import"))
        self.setObjectName("dealImportWizard")
        self.setWindowTitle(self.tr("Import a sales history"))
        self.mapping: dict[DealField, int] = {}
        self.check: DealImportResult | None = None
        """What the whole file would give, before anything is written."""
        self.resolutions: dict[int, Resolution] = {}
        self.result: DealImportResult | None = None
        self.file_page = FilePage()
        self.mapping_page = MappingPage()
        self.preview_page = PreviewPage()
        self.unmatched_page = UnmatchedPage()
        self.result_page = ResultPage()
        for page in (self.file_page, self.mapping_page, self.preview_page,
                     self.unmatched_page, self.result_page):
            self.addPage(page)
        self.resize(960, 640)
        self._running = False

    def is_running(self) -> bool:
        return self._running

    def reject(self) -> None:
        """Cancel while rows are checked or imported stops that job (nothing is
        written) and keeps the wizard open to say so; otherwise it closes."""
        if self._running:
            self.job.cancel()
            return
        super().reject()

    # --- the background jobs ---------------------------------------------------------
    def start_check(self, page: QWizardPage) -> None:
        """Read and match every row, writing nothing; then go on to the preview."""
        path, sheet, mapping = self.path, self.table.sheet_name, dict(self.mapping)

        def work(progress, cancelled) -> DealImportResult:
            return check_deals(read_sheet(path, sheet), mapping, progress, cancelled)

        def done(check: DealImportResult) -> None:
            self._set_running(page, False)
            self.check = check
            self.resolutions = {row.row_number: Resolve.SKIP for row in check.unmatched}
            self.next()

        self._set_running(page, True)
        self.job = start_job(work, done, lambda error, details: self._failed(
            page, error, details, checking=True), parent=self,
            label=self.tr("Checking the rows…"))

    def start_import(self, page: QWizardPage) -> None:
        """Back up the card file, then import in one transaction; then show the result."""
        db_path = db.obj.database
        path, sheet = self.path, self.table.sheet_name
        mapping, resolutions = dict(self.mapping), dict(self.resolutions)

        def work(progress, cancelled) -> DealImportResult:
            if cancelled():
                raise ImportCancelled
            make_backup(db_path, BackupKind.PRE_IMPORT)
            return import_deals(read_sheet(path, sheet), mapping, resolutions, progress,
                                cancelled, file_name=Path(path).name)

        def done(result: DealImportResult) -> None:
            self._set_running(page, False)
            self.result = result
            top_customers().invalidate()
            self.imported.emit()
            self.next()

        self._set_running(page, True)
        self.job = start_job(work, done, lambda error, details: self._failed(
            page, error, details, checking=False), parent=self,
            label=self.tr("Importing the sales…"))

    def _set_running(self, page: QWizardPage, running: bool) -> None:
        self._running = running
        page.completeChanged.emit()

    def _failed(self, page: QWizardPage, error: BaseException, details: str,
                checking: bool) -> None:
        self._set_running(page, False)
        nothing = self.tr("Nothing was written.")
        if isinstance(error, ImportCancelled):
            text = (self.tr("The check was cancelled.") if checking
                    else self.tr("The import was cancelled. Nothing was written."))
        elif isinstance(error, SpreadsheetError):
            text = read_problem_text(error) + " " + nothing
        elif isinstance(error, BackupError):
            text = self.tr("No backup of your cards could be made before the import, so "
                           "nothing was imported: %1").replace("%1", error.detail or str(error))
        else:
            logger.error("Sales history import failed:\n%s", details)
            text = self.tr("The import failed and nothing was written: %1").replace(
                "%1", str(error) or type(error).__name__)
        page.show_status(text)

    # --- what is left out ---------------------------------------------------------------
    def left_out(self) -> list[RejectedRow]:
        """The rows not imported, with their reasons, in file order: rejected ones,
        and unmatched ones the user left out or that could not be resolved."""
        if self.result is None:
            return []
        rows = list(self.result.rejected)
        imported = set(self.result.matched)
        if self.check is not None:
            rows += [RejectedRow(u.row_number, u.values, [RowProblem(None, "", u.problem)])
                     for u in self.check.unmatched if u.row_number not in imported]
        return sorted(rows, key=lambda row: row.row_number)


class StatusMixin:
    def _status_label(self) -> QLabel:
        self.status_label = problem_label("importStatus")
        return self.status_label

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.show()


class FilePage(SheetFilePage):
    def __init__(self):
        super().__init__(
            self.tr("Choose the sales history"),
            self.tr("An Excel (.xlsx, .xls), OpenDocument (.ods) or CSV file with one sale per "
                    "row (date, customer, product, amount, won or lost, amount paid, due date) "
                    "under a row of column titles."))

    def choose_dialog_title(self) -> str:
        return self.tr("Choose a sales history to import")

    def read_summary(self, table: SheetTable) -> str:
        return (self.tr("%1 columns; up to %2 rows of sales under the titles in row %3.")
                .replace("%1", str(len(table.headers))).replace("%2", str(table.row_count))
                .replace("%3", str(table.header_row_number)))


class MappingPage(StatusMixin, ColumnMappingPage):
    def __init__(self):
        super().__init__(
            self.tr("Match the columns to the parts of a sale"),
            self.tr("Titles in Chinese or English are recognised; correct any column here. "
                    "Choose “(leave out)” for a column you do not want."),
            self.tr("Part of the sale"))
        self.hint_label.setObjectName("mappingHint")
        self.layout().addWidget(self._status_label())

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        wizard: DealImportWizard = self.wizard()
        self.status_label.hide()
        self.fill_columns(((field_label(target), target.value) for target in DealField),
                          {column: target.value
                           for target, column in map_headers(wizard.headers).items()})

    def mapping(self) -> dict[DealField, int]:
        return {DealField(value): column for column, value in self.chosen_values().items()}

    def missing(self) -> list[str]:
        chosen = set(self.mapping())
        missing = [field_label(f) for f in (DealField.DATE, DealField.OUTCOME)
                   if f not in chosen]
        if not chosen & {DealField.CUSTOMER, DealField.PHONE, DealField.EMAIL}:
            missing.append(self.tr("the customer (name, phone or e-mail)"))
        return missing

    def _update_hint(self) -> None:
        missing = self.missing()
        self.hint_label.setText(self.tr("Choose a column for: %1").replace(
            "%1", ", ".join(missing)))
        self.hint_label.setVisible(bool(missing))

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        wizard = self.wizard()
        return not self.missing() and wizard is not None and not wizard.is_running()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        wizard: DealImportWizard = self.wizard()
        mapping = self.mapping()
        if wizard.check is not None and mapping == wizard.mapping:
            return True
        wizard.mapping, wizard.check = mapping, None
        self.status_label.hide()
        wizard.start_check(self)
        return False


class PreviewPage(StatusMixin, QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(self.tr("Rows with a problem (in red; point at a cell to see why) are "
                                 "left out. Rows whose customer matches no card, or several, "
                                 "are in yellow: say whose they are on the next page."))
        self.summary_label = QLabel()
        self.summary_label.setObjectName("previewSummary")
        self.summary_label.setWordWrap(True)
        self.table = _read_only_table([], "previewTable")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._status_label())

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        wizard: DealImportWizard = self.wizard()
        check = wizard.check
        self.status_label.hide()
        # Without unmatched rows there is nothing to resolve: this page imports.
        self.setCommitPage(not check.unmatched)
        self.summary_label.setText(
            self.tr("Of %1 rows: %2 will be imported on the card they name, %3 are left out "
                    "because of a problem, %4 name a customer with no card or several.")
            .replace("%1", str(check.imported + len(check.rejected) + len(check.unmatched)))
            .replace("%2", str(check.imported)).replace("%3", str(len(check.rejected)))
            .replace("%4", str(len(check.unmatched))))
        self._fill(wizard, check)

    def _fill(self, wizard: DealImportWizard, check: DealImportResult) -> None:
        mapping = wizard.mapping
        columns = sorted(mapping.values())
        targets = {column: target for target, column in mapping.items()}
        rejected = {row.row_number: row for row in check.rejected}
        unmatched = {row.row_number: row for row in check.unmatched}
        lines = []
        for number, cells in wizard.table.rows():
            if len(lines) >= PREVIEW_ROWS:
                break
            if number in rejected or number in unmatched or number in check.matched:
                lines.append((number, cells))
        names = card_rows(sorted({check.matched[n] for n, _c in lines if n in check.matched}))
        set_preview_columns(self.table, [self.tr("Row"), self.tr("Will be")], columns,
                            [field_label(targets[c]) for c in columns], wizard.header_text)
        self.table.setRowCount(len(lines))
        for line, (number, cells) in enumerate(lines):
            items = [_item(str(number)), _item("")]
            items += [_item(cell_text(cells[c]) if c < len(cells) else "") for c in columns]
            if number in rejected:
                reasons = [problem_text(p.reason) for p in rejected[number].problems]
                items[1].setText(self.tr("Left out"))
                items[1].setToolTip("\n".join(reasons))
                mark_problems(items, 2, columns, rejected[number].problems, problem_text)
            elif number in unmatched:
                row = unmatched[number]
                items[1].setText(self.tr("No card") if row.problem is DealImportProblem.NO_CARD
                                 else self.tr("%1 cards").replace("%1", str(len(row.card_ids))))
                items[1].setToolTip(problem_text(row.problem))
                for item in items:
                    item.setBackground(QBrush(UNMATCHED_BACKGROUND))
            else:
                card = names.get(check.matched[number])
                items[1].setText(self.tr("Sale of %1").replace("%1", card.name if card else "?"))
            for position, item in enumerate(items):
                self.table.setItem(line, position, item)
        fit_columns(self.table, 220)

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        wizard: DealImportWizard = self.wizard()
        if wizard.check is not None and not wizard.check.unmatched:
            return wizard.pageIds()[-1]
        return super().nextId()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.wizard() is not None and not self.wizard().is_running()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        wizard: DealImportWizard = self.wizard()
        if not self.isCommitPage() or wizard.result is not None:
            return True
        self.status_label.hide()
        wizard.start_import(self)
        return False


class UnmatchedPage(StatusMixin, QWizardPage):
    """Each row whose customer matched no card or several: pick the card, make a
    new card, or leave the row out (the choice for a row not yet resolved)."""

    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Say whose these sales are"))
        self.setSubTitle(self.tr("These rows name a customer with no card, or one that several "
                                 "cards match. Select rows, then pick their card, make a new "
                                 "card, or leave them out."))
        self.setCommitPage(True)
        self.table = _read_only_table(
            [self.tr("Row"), self.tr("Customer"), self.tr("Date"), self.tr("Product"),
             self.tr("Amount"), self.tr("Why"), self.tr("Will be")], "unmatchedTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.pick_card())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.pick_button = QPushButton(self.tr("Pick the card…"))
        self.pick_button.clicked.connect(self.pick_card)
        self.new_button = QPushButton(self.tr("New card"))
        self.new_button.setToolTip(self.tr("One new card per customer, however many rows "
                                           "name them"))
        self.new_button.clicked.connect(lambda: self.resolve(Resolve.NEW_CARD))
        self.skip_button = QPushButton(self.tr("Leave out"))
        self.skip_button.clicked.connect(lambda: self.resolve(Resolve.SKIP))
        self.summary_label = QLabel()
        self.summary_label.setObjectName("unmatchedSummary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.pick_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self._status_label())
        self.rows: list[UnmatchedRow] = []
        self._names: dict[int, str] = {}

    @staticmethod
    def customer_text(row: UnmatchedRow) -> str:
        customer = row.sale.customer if row.sale else None
        if customer is None:
            return ""
        parts = [customer.name, customer.company, customer.phone, customer.email]
        return " · ".join(part for part in parts if part)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        wizard: DealImportWizard = self.wizard()
        self.status_label.hide()
        self.rows = list(wizard.check.unmatched)
        self.table.setRowCount(len(self.rows))
        for line, row in enumerate(self.rows):
            sale = row.sale
            why = problem_text(row.problem)
            if row.problem is DealImportProblem.SEVERAL_CARDS:
                why = self.tr("%1 cards match").replace("%1", str(len(row.card_ids)))
            texts = [str(row.row_number), self.customer_text(row),
                     sale.date.isoformat() if sale else "", sale.product if sale else "",
                     f"{sale.amount_cents / 100:,.2f}" if sale else "", why, ""]
            for position, text in enumerate(texts):
                self.table.setItem(line, position, _item(text))
        self._show_choices()
        self._update_buttons()

    def _show_choices(self) -> None:
        wizard: DealImportWizard = self.wizard()
        picked = {r for r in wizard.resolutions.values() if isinstance(r, int)}
        missing = picked - set(self._names)
        if missing:
            self._names.update({i: row.name for i, row in card_rows(sorted(missing)).items()})
        counts = {"card": 0, "new": 0, "skip": 0}
        for line, row in enumerate(self.rows):
            choice = wizard.resolutions.get(row.row_number, Resolve.SKIP)
            if choice is Resolve.SKIP:
                text, colour, counts["skip"] = self.tr("Left out"), QColor("#777777"), \
                    counts["skip"] + 1
            elif choice is Resolve.NEW_CARD:
                text, colour, counts["new"] = self.tr("A new card"), QColor("#1b6e2d"), \
                    counts["new"] + 1
            else:
                text, colour, counts["card"] = self.tr("Sale of %1").replace(
                    "%1", self._names.get(choice, "?")), QColor("#1b4f9c"), counts["card"] + 1
            item = self.table.item(line, 6)
            item.setText(text)
            item.setForeground(QBrush(colour))
        self.summary_label.setText(
            self.tr("%1 on a picked card, %2 on new cards, %3 left out")
            .replace("%1", str(counts["card"])).replace("%2", str(counts["new"]))
            .replace("%3", str(counts["skip"])))

    def selected_rows(self) -> list[UnmatchedRow]:
        lines = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows[line] for line in lines]

    def _update_buttons(self) -> None:
        selected = bool(self.selected_rows())
        for button in (self.pick_button, self.new_button, self.skip_button):
            button.setEnabled(selected)

    def resolve(self, choice: Resolution) -> None:
        wizard: DealImportWizard = self.wizard()
        for row in self.selected_rows():
            wizard.resolutions[row.row_number] = choice
        self._show_choices()

    def pick_card(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        dialog = CardPickerDialog(self)
        customer = rows[0].sale.customer if rows[0].sale else None
        if customer is not None:
            dialog.search.setText(customer.name or customer.phone or customer.email)
        if dialog.exec() and dialog.chosen_id() is not None:
            self.resolve(dialog.chosen_id())

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.wizard() is not None and not self.wizard().is_running()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        wizard: DealImportWizard = self.wizard()
        if wizard.result is not None:
            return True
        self.status_label.hide()
        wizard.start_import(self)
        return False


class ResultPage(LeftOutResultPage):
    def __init__(self):
        super().__init__(self.tr("Save rows left out…"))
        self.rejects_table.verticalHeader().setDefaultSectionSize(
            self.rejects_table.fontMetrics().height() + 8)
        self.rejects_table.setWordWrap(False)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        wizard: DealImportWizard = self.wizard()
        result = wizard.result
        if result is None:
            return
        left_out = wizard.left_out()
        lines = [
            self.tr("%1 sales imported, all in one go.").replace("%1", str(result.imported)),
            self.tr("%1 of them on the card you picked or on a new card; %2 new cards made.")
            .replace("%1", str(result.resolved)).replace("%2", str(result.cards_created)),
            self.tr("%1 rows left out because of a problem, %2 rows whose customer you left "
                    "out.").replace("%1", str(len(result.rejected)))
            .replace("%2", str(len(left_out) - len(result.rejected))),
        ]
        self.summary_label.setText("\n".join(lines))
        self.show_left_out(left_out, problem_text)

    def save_rejects(self) -> None:
        wizard: DealImportWizard = self.wizard()
        self.save_left_out(
            wizard.left_out(), problem_text, self.tr("Save rows left out"),
            self.tr("The rows could not be saved to %1: %2"),
            self.tr("The rows left out were saved to %1. Correct them there and import that "
                    "file again."))
