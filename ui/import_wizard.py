"""File → Import…: a spreadsheet of prospects becomes cards, in four steps.

Pick the file and sheet, check how its columns map to card fields, look at the
first rows as they will be imported and choose what to do with duplicates,
then read what was imported and what was left out (and why)."""

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from prospect_desk.backups import BackupError, BackupKind, make_backup
from prospect_desk.error_log import logger
from prospect_desk.excel_import import (
    DuplicateMode,
    ImportCancelled,
    ImportResult,
    PreviewRow,
    import_file,
    preview_import,
)
from prospect_desk.header_mapping import FIELD_HEADERS, ImportField, Mapping
from prospect_desk.models import db
from prospect_desk.spreadsheet_read import (
    SheetTable,
    SpreadsheetError,
    cell_text,
)
from ui.import_mappings import initial_mapping, remember_mapping
from ui.import_messages import (
    duplicate_key_text,
    field_label,
    import_problem_text,
    read_problem_text,
)
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
from ui.labels import KINDS, label
from ui.worker import start_job

DUPLICATE_BACKGROUND = ATTENTION_BACKGROUND


class ImportWizard(SheetImportWizard):
    imported = Signal()
    """Cards were written: the list and the circles need a refresh."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, self.tr("Import"))
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import cards from a spreadsheet"))
        self.mapping: Mapping = {}
        self.result: ImportResult | None = None
        self.file_page = FilePage()
        self.mapping_page = MappingPage()
        self.preview_page = PreviewPage()
        self.result_page = ResultPage()
        for page in (self.file_page, self.mapping_page, self.preview_page, self.result_page):
            self.addPage(page)
        self.resize(920, 620)

    def done(self, result: int) -> None:
        """Closing the wizard stops a preview still under way (and, in the
        shared frame, a read of the sheet)."""
        if self.preview_page.preview_job is not None:
            self.preview_page.preview_job.cancel()
        super().done(result)


class FilePage(SheetFilePage):
    def __init__(self):
        super().__init__(
            self.tr("Choose the spreadsheet"),
            self.tr("An Excel (.xlsx, .xls), OpenDocument (.ods) or CSV file with one card per "
                    "row and a row of column titles on top."))

    def choose_dialog_title(self) -> str:
        return self.tr("Choose a spreadsheet to import")

    def read_summary(self, table: SheetTable) -> str:
        return (self.tr("%1 columns; up to %2 rows of cards under the titles in row %3.")
                .replace("%1", str(len(table.headers))).replace("%2", str(table.row_count))
                .replace("%3", str(table.header_row_number)))


class MappingPage(ColumnMappingPage):
    def __init__(self):
        super().__init__(
            self.tr("Match the columns to card fields"),
            self.tr("Each column of the file fills the card field chosen for it. Choose "
                    "“(leave out)” for a column you do not want."),
            self.tr("Card field"))
        self.hint_label.setText(self.tr("Choose a column for the name or the company: "
                                        "a card needs one of them."))

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        wizard: ImportWizard = self.wizard()
        self.fill_columns(((field_label(target), target.value) for target in FIELD_HEADERS),
                          {column: target.value for column, target
                           in initial_mapping(wizard.headers).items() if target is not None})

    def mapping(self) -> Mapping:
        return {column: (ImportField(combo.currentData()) if combo.currentData() else None)
                for column, combo in enumerate(self.combos)}

    def _has_name(self) -> bool:
        return bool({ImportField.NAME, ImportField.COMPANY} & set(self.mapping().values()))

    def _update_hint(self) -> None:
        self.hint_label.setVisible(not self._has_name())

    def isComplete(self) -> bool:
        return self._has_name()

    def validatePage(self) -> bool:
        wizard: ImportWizard = self.wizard()
        wizard.mapping = self.mapping()
        remember_mapping(wizard.headers, wizard.mapping)
        return True


class PreviewPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Check the first rows"))
        self.setSubTitle(self.tr("Rows with a problem (in red; point at a cell to see why) are "
                                 "left out. Duplicates of cards you have are in yellow."))
        self.setCommitPage(True)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("previewTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)

        self.skip_radio = QRadioButton(self.tr("Skip them: keep the cards as they are"))
        self.update_radio = QRadioButton(
            self.tr("Update the existing card with the values in the file"))
        self.add_radio = QRadioButton(self.tr("Add them anyway as new cards"))
        self.skip_radio.setChecked(True)
        self.duplicate_group = QButtonGroup(self)
        for radio in (self.skip_radio, self.update_radio, self.add_radio):
            self.duplicate_group.addButton(radio)
        duplicates_box = QVBoxLayout()
        duplicates_box.setSpacing(2)
        duplicates_box.addWidget(QLabel(self.tr("Rows that duplicate a card (same phone, "
                                                "e-mail, or name and company):")))
        for radio in (self.skip_radio, self.update_radio, self.add_radio):
            duplicates_box.addWidget(radio)

        self.status_label = problem_label("importStatus")
        self._running = False
        self.preview_job = None

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(duplicates_box)
        layout.addWidget(self.status_label)

    def duplicate_mode(self) -> DuplicateMode:
        if self.update_radio.isChecked():
            return DuplicateMode.UPDATE
        if self.add_radio.isChecked():
            return DuplicateMode.ADD
        return DuplicateMode.SKIP

    def initializePage(self) -> None:
        """Work out the preview off the UI thread: it reads every card to find
        the duplicates, a second or more with a big card file."""
        wizard: ImportWizard = self.wizard()
        self.status_label.hide()
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.summary_label.setText(self.tr("Looking at the first rows…"))
        if self.preview_job is not None:
            self.preview_job.cancel()
        table, mapping = wizard.table, dict(wizard.mapping)

        def work(progress, cancelled):
            preview = preview_import(table, mapping, limit=PREVIEW_ROWS, cancelled=cancelled)
            return preview, self._raw_cells(table, {row.row.row_number for row in preview})

        job = start_job(work, lambda result: self._on_preview(job, result),
                        lambda error, details: self._on_preview_failed(job, error, details),
                        parent=wizard, label=self.tr("Looking at the first rows…"))
        self.preview_job = job
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        if self.preview_job is not None:
            self.preview_job.cancel()
            self.preview_job = None
        super().cleanupPage()

    def _on_preview(self, job, result) -> None:
        if not shiboken6.isValid(self) or job is not self.preview_job:
            return
        self.preview_job = None
        self.completeChanged.emit()
        wizard: ImportWizard = self.wizard()
        preview, cells_of = result
        self._fill(wizard, preview, cells_of)
        problems = sum(1 for row in preview if row.problems)
        duplicates = sum(1 for row in preview if row.duplicate is not None)
        self.summary_label.setText(
            self.tr("The first %1 rows of %2: %3 with a problem, %4 duplicates.")
            .replace("%1", str(len(preview))).replace("%2", str(wizard.table.row_count))
            .replace("%3", str(problems)).replace("%4", str(duplicates)))

    def _on_preview_failed(self, job, error: BaseException, details: str) -> None:
        """No preview (cancelled, or the file went away): the import may still
        be tried, and says what went wrong if it goes wrong again."""
        if not shiboken6.isValid(self) or job is not self.preview_job:
            return
        self.preview_job = None
        self.completeChanged.emit()
        if isinstance(error, ImportCancelled):
            self.summary_label.setText(self.tr("No preview: it was cancelled."))
            return
        if isinstance(error, SpreadsheetError):
            text = read_problem_text(error)
        else:
            logger.error("Import preview failed:\n%s", details)
            text = str(error) or type(error).__name__
        self.summary_label.setText(self.tr("No preview: %1").replace("%1", text))

    def _fill(self, wizard: ImportWizard, preview: list[PreviewRow],
              cells_of: dict[int, list]) -> None:
        columns = [c for c, target in sorted(wizard.mapping.items()) if target is not None]
        set_preview_columns(self.table, [self.tr("Row"), self.tr("Will be"), self.tr("Kind")],
                            columns, [field_label(wizard.mapping[c]) for c in columns],
                            wizard.header_text)
        self.table.setRowCount(len(preview))
        for line, row in enumerate(preview):
            number = row.row.row_number
            cells = cells_of.get(number, [])
            status, tooltip = self._status(row)
            items = [QTableWidgetItem(str(number)), QTableWidgetItem(status),
                     QTableWidgetItem(label(KINDS, row.row.card().kind))]
            items[1].setToolTip(tooltip)
            for column in columns:
                items.append(QTableWidgetItem(
                    cell_text(cells[column]) if column < len(cells) else ""))
            if row.duplicate is not None and not row.problems:
                for item in items:
                    item.setBackground(QBrush(DUPLICATE_BACKGROUND))
            mark_problems(items, 3, columns, row.problems, import_problem_text)
            for position, item in enumerate(items):
                self.table.setItem(line, position, item)
        fit_columns(self.table, 240)

    def _status(self, row: PreviewRow) -> tuple[str, str]:
        if row.problems:
            reasons = "\n".join(import_problem_text(p.reason) for p in row.problems)
            return self.tr("Left out"), reasons
        duplicate = row.duplicate
        if duplicate is None:
            return self.tr("New card"), ""
        why = duplicate_key_text(duplicate.key)
        if duplicate.card_id is not None:
            return self.tr("Duplicate"), self.tr("Duplicates a card you have (%1)").replace(
                "%1", why)
        return self.tr("Duplicate"), self.tr("Duplicates row %1 (%2)").replace(
            "%1", str(duplicate.row_number)).replace("%2", why)

    @staticmethod
    def _raw_cells(table: SheetTable, numbers: set[int]) -> dict[int, list]:
        wanted = max(numbers, default=0)
        found: dict[int, list] = {}
        for number, cells in table.rows():
            if number > wanted:
                break
            if number in numbers:
                found[number] = cells
        return found

    def isComplete(self) -> bool:
        return not self._running and self.preview_job is None

    def validatePage(self) -> bool:
        wizard: ImportWizard = self.wizard()
        if wizard.result is not None:
            return True
        self._start_import(wizard)
        return False

    def _start_import(self, wizard: ImportWizard) -> None:
        db_path = db.obj.database
        path, table = wizard.path, wizard.table
        sheet = table.sheet_name
        mapping, mode = dict(wizard.mapping), self.duplicate_mode()

        def work(progress, cancelled) -> ImportResult:
            if cancelled():
                raise ImportCancelled
            # The sheet as read for the preview: not read again unless the file changed.
            return import_file(path, sheet, mapping, mode, progress, cancelled,
                               before_writing=lambda: make_backup(db_path, BackupKind.PRE_IMPORT),
                               read=table)

        self._set_running(True)
        self.status_label.hide()
        self.job = start_job(work, self._on_imported, self._on_failed, parent=wizard,
                             label=self.tr("Importing cards…"))

    def _set_running(self, running: bool) -> None:
        self._running = running
        for radio in (self.skip_radio, self.update_radio, self.add_radio):
            radio.setEnabled(not running)
        self.completeChanged.emit()

    def _on_imported(self, result: ImportResult) -> None:
        self._set_running(False)
        wizard: ImportWizard = self.wizard()
        wizard.result = result
        wizard.imported.emit()
        wizard.next()

    def _on_failed(self, error: BaseException, details: str) -> None:
        self._set_running(False)
        if isinstance(error, ImportCancelled):
            text = self.tr("The import was cancelled. Nothing was written.")
        elif isinstance(error, SpreadsheetError):
            text = read_problem_text(error) + " " + self.tr("Nothing was written.")
        elif isinstance(error, BackupError):
            text = self.tr("No backup of your cards could be made before the import, so "
                           "nothing was imported: %1").replace("%1", error.detail or str(error))
        else:
            logger.error("Import failed:\n%s", details)
            text = self.tr("The import failed and nothing was written: %1").replace(
                "%1", str(error) or type(error).__name__)
        self.status_label.setText(text)
        self.status_label.show()


class ResultPage(LeftOutResultPage):
    def __init__(self):
        super().__init__(self.tr("Save rejected rows…"))

    def initializePage(self) -> None:
        wizard: ImportWizard = self.wizard()
        result = wizard.result
        if result is None:
            return
        lines = [
            self.tr("%1 new cards imported.").replace("%1", str(result.imported
                                                               - result.duplicates_added)),
            self.tr("%1 existing cards updated.").replace("%1", str(result.updated)),
            self.tr("%1 duplicates skipped, %2 duplicates added as new cards.")
            .replace("%1", str(result.duplicates_skipped))
            .replace("%2", str(result.duplicates_added)),
            self.tr("%1 rows left out because of a problem.").replace(
                "%1", str(len(result.rejected))),
            self.tr("%1 circles created, %2 revisits scheduled.")
            .replace("%1", str(result.circles_created))
            .replace("%2", str(result.follow_ups_created)),
        ]
        if result.warnings:
            lines.append(self.tr("%1 referrers were not found; those cards were imported "
                                 "without the link.").replace("%1", str(len(result.warnings))))
        self.summary_label.setText("\n".join(lines))
        self.show_left_out(result.rejected, import_problem_text)

    def save_rejects(self) -> None:
        wizard: ImportWizard = self.wizard()
        self.save_left_out(
            wizard.result.rejected, import_problem_text, self.tr("Save rejected rows"),
            self.tr("The rejected rows could not be saved to %1: %2"),
            self.tr("The rejected rows were saved to %1. Correct them there and import that "
                    "file again."))
