"""What the two spreadsheet import wizards share: File → Import… (cards) and
File → Import sales history… (deals) walk the same steps over a sheet.

The wizard frame with its headers, the file-and-sheet page's widgets, the
column-mapping table, the samples under each column, and the result page
with its rows left out and their saving. Each wizard's own pages subclass
these and keep their own texts; the texts the two share are translated in
the contexts they always had (FilePage, MappingPage, ResultPage), so the
translations apply to both."""

from collections.abc import Callable, Iterable, Sequence

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from prospect_desk.error_log import logger
from prospect_desk.excel_import import ImportCancelled, RejectedRow, save_rejects
from prospect_desk.spreadsheet_read import (
    SheetTable,
    SpreadsheetError,
    cell_text,
    is_blank,
    read_sheet,
    sheet_names,
)
from ui.import_messages import read_problem_text
from ui.worker import Job, start_job

PREVIEW_ROWS = 50
"""Rows the preview page shows."""
SAMPLE_ROWS = 20
"""Rows looked at for each column's examples on the mapping page."""
SAMPLES_PER_COLUMN = 3
PROBLEM_STYLE = "color: #b00020;"
PROBLEM_BACKGROUND = QColor(255, 205, 205)
"""A preview cell, or row, that keeps the row out."""
ATTENTION_BACKGROUND = QColor(255, 240, 190)
"""A preview row that asks for a choice (a duplicate, an unmatched customer)."""

translate = QCoreApplication.translate  # called with literal contexts and texts for lupdate


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_samples(table: SheetTable) -> list[list[str]]:
    """A few non-blank values from the first rows of each column."""
    samples: list[list[str]] = [[] for _ in table.headers]
    for count, (_number, cells) in enumerate(table.rows()):
        if count >= SAMPLE_ROWS:
            break
        for column, cell in enumerate(cells):
            if not is_blank(cell) and len(samples[column]) < SAMPLES_PER_COLUMN:
                samples[column].append(cell_text(cell).strip())
    return samples


def set_preview_columns(table: QTableWidget, fixed: list[str], columns: list[int],
                        labels: list[str], header_text: Callable[[int], str]) -> None:
    """Empty the preview and title it: the `fixed` columns, then a column per
    mapped file column (with the file's title as its tooltip)."""
    table.clear()
    table.setColumnCount(len(fixed) + len(columns))
    table.setHorizontalHeaderLabels(fixed + labels)
    for position, column in enumerate(columns, start=len(fixed)):
        table.horizontalHeaderItem(position).setToolTip(header_text(column))


def mark_problems(items: list[QTableWidgetItem], first: int, columns: list[int],
                  problems: Iterable, reason_text: Callable[[object], str]) -> None:
    """Colour the cell of each problem (the status cell, items[1], for a problem
    with no column shown) and add the reason to its tooltip; `first` is the
    position of the first file column among `items`."""
    for problem in problems:
        target = (items[first + columns.index(problem.column)]
                  if problem.column in columns else items[1])
        target.setBackground(QBrush(PROBLEM_BACKGROUND))
        reason = reason_text(problem.reason)
        target.setToolTip("\n".join(t for t in (target.toolTip(), reason) if t))


def fit_columns(table: QTableWidget, widest: int) -> None:
    """Columns as wide as their contents, up to `widest` pixels."""
    table.resizeColumnsToContents()
    for position in range(table.columnCount()):
        table.setColumnWidth(position, min(table.columnWidth(position), widest))


def problem_label(name: str) -> QLabel:
    """A red line that says what went wrong, hidden until then."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(PROBLEM_STYLE)
    label.hide()
    return label


def three_column_table(name: str, headers: list[str]) -> QTableWidget:
    """A read-only table whose first two columns fit their contents and the
    third takes the rest (the mapping, the rows left out)."""
    table = QTableWidget(0, 3)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class SheetImportWizard(QWizard):
    """The frame both import wizards share: one sheet read into `table`, its
    column titles, and Import on the commit page."""

    def __init__(self, parent: QWidget | None, commit_text: str):
        super().__init__(parent)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, commit_text)
        self.path = ""
        self.table: SheetTable | None = None

    def done(self, result: int) -> None:
        """Closing the wizard stops a read of the sheet still under way."""
        for page_id in self.pageIds():
            page = self.page(page_id)
            if isinstance(page, SheetFilePage) and page.job is not None:
                page.job.cancel()
        super().done(result)

    @property
    def headers(self) -> list[str]:
        return self.table.headers if self.table is not None else []

    def header_text(self, column: int) -> str:
        header = self.headers[column] if column < len(self.headers) else ""
        return header or translate("ImportWizard", "(column %1)").replace(
            "%1", column_letter(column))

    def column_text(self, column: int) -> str:
        """“B: Phone”, as the mapping and the rows left out name a column."""
        return f"{column_letter(column)}: {self.header_text(column)}"


class SheetFilePage(QWizardPage):
    """The file and its sheet, read off the UI thread (a big workbook takes
    seconds to unpack) with a progress dialog and Cancel; Next waits for it.
    What the sheet holds is said in each wizard's own words (read_summary)."""

    def __init__(self, title: str, subtitle: str):
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(translate("FilePage", "No file chosen"))
        self.choose_button = QPushButton(translate("FilePage", "Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet_combo.currentTextChanged.connect(self._on_sheet_chosen)
        self.info_label = QLabel()
        self.problem_label = problem_label("readProblem")

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(translate("FilePage", "File:"), file_row)
        form.addRow(translate("FilePage", "Sheet:"), self.sheet_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.info_label)
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        self.job: Job | None = None
        """The read under way; a newer choice of file or sheet replaces it."""

    def choose_dialog_title(self) -> str:
        raise NotImplementedError

    def read_summary(self, table: SheetTable) -> str:
        """What the sheet just read holds, in the wizard's own words."""
        raise NotImplementedError

    def load_file(self, path: str) -> None:
        wizard: SheetImportWizard = self.wizard()
        wizard.path = path
        self.path_edit.setText(path)
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.blockSignals(False)
        self._read(path, None)

    def _on_sheet_chosen(self, name: str) -> None:
        wizard: SheetImportWizard = self.wizard()
        if not wizard.path or not name:
            return
        self._read(wizard.path, name)

    def _read(self, path: str, sheet: str | None) -> None:
        """Read the sheet (the first one, and the list of sheets, for a new
        file) on the thread pool."""
        wizard: SheetImportWizard = self.wizard()
        wizard.table = None
        if self.job is not None:
            self.job.cancel()
        self.problem_label.hide()
        self.info_label.setText(translate("FilePage", "Reading the spreadsheet…"))
        self.completeChanged.emit()

        def work(progress, cancelled):
            names = sheet_names(path) if sheet is None else None
            if cancelled():
                raise ImportCancelled
            table = read_sheet(path, sheet)
            if cancelled():
                raise ImportCancelled
            return names, table

        job = start_job(work, lambda result: self._on_read(job, result),
                        lambda error, details: self._on_read_failed(job, path, error, details),
                        parent=wizard, label=translate("FilePage", "Reading the spreadsheet…"))
        self.job = job

    def _on_read(self, job: Job, result: tuple[list[str] | None, SheetTable]) -> None:
        if not shiboken6.isValid(self) or job is not self.job:
            return
        self.job = None
        if job.is_cancelled():  # Cancel came after the last look at it
            self.info_label.setText(translate("FilePage", "Reading the file was cancelled."))
            return
        names, table = result
        if names is not None:
            self.sheet_combo.blockSignals(True)
            self.sheet_combo.addItems(names)
            self.sheet_combo.setCurrentText(table.sheet_name)
            self.sheet_combo.blockSignals(False)
        self.wizard().table = table
        self._show_read(self.read_summary(table))

    def _on_read_failed(self, job: Job, path: str, error: BaseException, details: str) -> None:
        if not shiboken6.isValid(self) or job is not self.job:
            return
        self.job = None
        if isinstance(error, ImportCancelled):
            self.info_label.setText(translate("FilePage", "Reading the file was cancelled."))
            return
        if not isinstance(error, (SpreadsheetError, OSError)):
            logger.error("Reading %s failed:\n%s", path, details)
        self._show_problem(path, error)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.choose_dialog_title(), "",
            translate("FilePage", "Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)"))
        if path:
            self.load_file(path)

    def _show_read(self, text: str) -> None:
        """The sheet was read: say what is in it."""
        self.problem_label.hide()
        self.info_label.setText(text)
        self.completeChanged.emit()

    def _show_problem(self, path: str, error: Exception) -> None:
        if isinstance(error, SpreadsheetError):
            text = read_problem_text(error)
        else:
            text = translate("FilePage", "The file %1 could not be opened: %2").replace(
                "%1", path).replace("%2", getattr(error, "strerror", None) or str(error))
        self.info_label.clear()
        self.problem_label.setText(text)
        self.problem_label.show()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.wizard() is not None and self.wizard().table is not None


class ColumnMappingPage(QWizardPage):
    """One row per column of the file: its title, the field it fills (a combo
    box; a field fills from one column only) and a few of its values."""

    def __init__(self, title: str, subtitle: str, field_header: str):
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.table = three_column_table(
            "mappingTable", [translate("MappingPage", "Column in the file"), field_header,
                             translate("MappingPage", "Examples")])
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(PROBLEM_STYLE)
        self.combos: list[QComboBox] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint_label)

    def _update_hint(self) -> None:
        raise NotImplementedError

    def fill_columns(self, fields: Iterable[tuple[str, str]],
                     chosen: dict[int, str]) -> None:
        """A row per column of the wizard's sheet; `fields` are the (label, value)
        choices, `chosen` the value first chosen for a column."""
        wizard: SheetImportWizard = self.wizard()
        fields = list(fields)
        samples = column_samples(wizard.table)
        self.combos = []
        self.table.setRowCount(len(wizard.headers))
        for column in range(len(wizard.headers)):
            self.table.setItem(column, 0, QTableWidgetItem(wizard.column_text(column)))
            combo = QComboBox()
            combo.addItem(translate("MappingPage", "(leave out)"), "")
            for text, value in fields:
                combo.addItem(text, value)
            combo.setCurrentIndex(combo.findData(chosen.get(column, "")))
            combo.currentIndexChanged.connect(
                lambda _index, column=column: self._on_mapping_changed(column))
            self.combos.append(combo)
            self.table.setCellWidget(column, 1, combo)
            example = QTableWidgetItem("  ·  ".join(samples[column]))
            example.setToolTip("\n".join(samples[column]))
            self.table.setItem(column, 2, example)
        self.table.resizeRowsToContents()
        self._update_hint()

    def chosen_values(self) -> dict[int, str]:
        """The value chosen for each column not left out."""
        return {column: combo.currentData() for column, combo in enumerate(self.combos)
                if combo.currentData()}

    def _on_mapping_changed(self, column: int) -> None:
        """A field fills from one column only: choosing it here leaves it out elsewhere."""
        chosen = self.combos[column].currentData()
        if chosen:
            for other, combo in enumerate(self.combos):
                if other != column and combo.currentData() == chosen:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._update_hint()
        self.completeChanged.emit()


class LeftOutResultPage(QWizardPage):
    """What was imported, and the rows left out with why, which can be saved
    to a workbook to correct and import again."""

    def __init__(self, save_text: str):
        super().__init__()
        self.setTitle(translate("ResultPage", "Import finished"))
        self.setFinalPage(True)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rejects_label = QLabel(translate("ResultPage", "Rows left out:"))
        self.rejects_table = three_column_table(
            "rejectsTable", [translate("ResultPage", "Row"), translate("ResultPage", "Column"),
                             translate("ResultPage", "Why")])
        self.save_button = QPushButton(save_text)
        self.save_button.setToolTip(translate(
            "ResultPage", "Save the rows left out, with the reason, to an Excel file you can "
            "correct and import again."))
        self.save_button.clicked.connect(self.save_rejects)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.rejects_label)
        layout.addWidget(self.rejects_table, 1)
        layout.addStretch(0)  # takes the room when no row was left out: the summary stays on top
        layout.addLayout(buttons)

    def save_rejects(self) -> None:
        raise NotImplementedError

    def show_left_out(self, left_out: Sequence[RejectedRow],
                      reason_text: Callable[[object], str]) -> None:
        """A line per problem of each row left out; nothing to show hides the list."""
        wizard: SheetImportWizard = self.wizard()
        rows = [(reject.row_number, problem) for reject in left_out
                for problem in reject.problems]
        self.rejects_table.setRowCount(len(rows))
        for line, (number, problem) in enumerate(rows):
            column = wizard.column_text(problem.column) if problem.column is not None else ""
            for position, text in enumerate([str(number), column, reason_text(problem.reason)]):
                self.rejects_table.setItem(line, position, QTableWidgetItem(text))
        for widget in (self.rejects_label, self.rejects_table, self.save_button):
            widget.setVisible(bool(left_out))

    def save_left_out(self, left_out: Sequence[RejectedRow],
                      reason_text: Callable[[object], str], dialog_title: str,
                      failed_text: str, saved_text: str) -> None:
        """Ask where, and write the rows left out with their reasons there.
        `failed_text` has %1 for the file and %2 for why; `saved_text` %1."""
        wizard: SheetImportWizard = self.wizard()
        path, _filter = QFileDialog.getSaveFileName(
            self, dialog_title, "", translate("ResultPage", "Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            save_rejects(path, wizard.headers, left_out, reason_text=reason_text,
                         reason_header=translate("ResultPage", "Why"),
                         row_header=translate("ResultPage", "Row"))
        except OSError as error:
            QMessageBox.warning(self, translate("ResultPage", "Not saved"), failed_text
                                .replace("%1", path)
                                .replace("%2", error.strerror or str(error)))
            return
        QMessageBox.information(self, translate("ResultPage", "Saved"),
                                saved_text.replace("%1", path))
