"""The trash: deleted cards, which can be found, restored, or removed for good after asking.

Undoing a big import may put 100,000 cards here, so the list is a model over
SQL that reads the rows in sight (ui/models/trash_table_model.py), and
restoring or emptying many cards runs on a worker with progress and cancel."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from prospect_desk import trash
from ui.models.trash_table_model import COMPANY, DELETED, NAME, TrashTableModel
from ui.record_views import Selection, set_up_record_view
from ui.worker import run_sized


class TrashDialog(QDialog):
    """`changed` follows a restore or an emptying, so the list can refresh."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trash"))
        self.resize(760, 480)
        self.job = None
        self._total = 0
        self._import_counts: dict[int, int] = {}
        self.summary = QLabel()
        self.search = QLineEdit()
        self.search.setObjectName("trashSearch")
        self.search.setPlaceholderText(self.tr("Search the trash"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.imports = QComboBox()
        self.imports.setObjectName("trashImports")
        self.imports.currentIndexChanged.connect(self._on_import_chosen)
        self.model = TrashTableModel(self)
        self.cards = QTableView()
        self.cards.setObjectName("trashList")
        self.cards.setModel(self.model)
        set_up_record_view(self.cards, Selection.ExtendedSelection)
        rows = self.cards.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no row measured
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.cards.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((NAME, 180), (COMPANY, 200), (DELETED, 130)):
            header.resizeSection(column, width)
        self.cards.selectionModel().selectionChanged.connect(self._update_buttons)
        self.cards.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.note = QLabel()
        self.note.setObjectName("trashNote")
        self.note.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setToolTip(self.tr("Put the chosen cards back in the card list"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_import_button = QPushButton(self.tr("Restore all from this import"))
        self.restore_import_button.clicked.connect(self.restore_import)
        self.empty_button = QPushButton(self.tr("Empty trash…"))
        self.empty_button.clicked.connect(self.empty)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        for button in (self.restore_button, self.restore_import_button, self.empty_button, close):
            button.setAutoDefault(False)  # Enter in the search box restores nothing
        find = QHBoxLayout()
        find.addWidget(self.search, 2)
        find.addWidget(self.imports, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.restore_import_button)
        buttons.addWidget(self.empty_button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(find)
        layout.addWidget(self.cards, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.reload()

    # --- what is shown --------------------------------------------------------
    def reload(self) -> None:
        self._total = trash.trashed_count()
        imports = trash.trashed_imports()
        self._import_counts = {item.batch_id: item.count for item in imports}
        self._fill_imports(imports)
        self.model.reload(self.imports.currentData(),
                          {item.batch_id: item.file_name for item in imports})
        self._show_summary()
        self._update_buttons()

    def _fill_imports(self, imports: list[trash.TrashedImport]) -> None:
        chosen = self.imports.currentData()
        self.imports.blockSignals(True)
        self.imports.clear()
        self.imports.addItem(self.tr("All deleted cards"), None)
        for item in imports:
            self.imports.addItem(
                self.tr("From %1 (%2, %3 cards)").replace("%1", item.file_name)
                .replace("%2", item.created_at.strftime("%Y-%m-%d %H:%M"))
                .replace("%3", str(item.count)), item.batch_id)
        found = self.imports.findData(chosen) if chosen is not None else 0
        self.imports.setCurrentIndex(max(found, 0))
        self.imports.setVisible(self.imports.count() > 1)
        self.imports.blockSignals(False)

    def _show_summary(self) -> None:
        shown = self.model.rowCount()
        if not self._total:
            text = self.tr("The trash is empty.")
        elif shown == self._total:
            text = self.tr("%1 cards in the trash.").replace("%1", str(self._total))
        else:
            text = self.tr("%1 of the %2 cards in the trash are shown.").replace(
                "%1", str(shown)).replace("%2", str(self._total))
        self.summary.setText(text)

    def _on_search(self, text: str) -> None:
        self.model.set_search(text)
        self._show_summary()
        self._update_buttons()

    def _on_import_chosen(self) -> None:
        self.model.set_import(self.imports.currentData())
        self._show_summary()
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        ranges = [(r.top(), r.bottom()) for r in self.cards.selectionModel().selection()]
        return self.model.ids_of_rows(sorted(ranges))

    def _import_in_view(self) -> int | None:
        """The import chosen above the list, or else the current card's."""
        chosen = self.imports.currentData()
        if chosen is not None:
            return chosen
        current = self.cards.currentIndex()
        if not current.isValid() or not self.cards.selectionModel().hasSelection():
            return None
        row = self.model.row(current.row())
        return row.import_batch_id if row is not None else None

    def _update_buttons(self, *_args) -> None:
        idle = self.job is None
        self.restore_button.setEnabled(idle and self.cards.selectionModel().hasSelection())
        self.restore_import_button.setEnabled(idle and self._import_in_view() is not None)
        self.empty_button.setEnabled(idle and self._total > 0)

    # --- restoring and emptying ----------------------------------------------
    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self._run(lambda progress, cancelled: trash.restore(ids, progress, cancelled),
                      len(ids), self.tr("Restoring cards…"), self._restored)

    def restore_import(self) -> None:
        batch_id = self._import_in_view()
        if batch_id is None:
            return
        count = self._import_counts.get(batch_id, 0)
        self._run(lambda progress, cancelled: trash.restore_import(batch_id), count,
                  self.tr("Restoring cards…"), self._restored)

    def empty(self) -> None:
        count = self._total
        answer = QMessageBox.warning(
            self, self.tr("Empty trash"),
            self.tr("Delete all %1 cards in the trash for good, with their history, "
                    "follow-ups and deals? This cannot be undone.").replace("%1", str(count)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self._run(trash.empty, count, self.tr("Emptying the trash…"), self._emptied)

    def _run(self, function, count: int, label: str, done) -> None:
        """Few cards: at once. Many: on a worker with progress and Cancel."""
        self.job = run_sized(self, count, function, lambda result: self._job_done(done, result),
                             self._job_failed, quiet=(trash.TrashCancelled,), label=label)
        if self.job is not None:
            self.note.setText(label)
            self._update_buttons()

    def _job_done(self, done, result) -> None:
        self.job = None
        done(result)

    def _job_failed(self, error: BaseException) -> None:
        """A job cancelled or failed changed nothing (one transaction): the trash
        as it is, and why. Work done at once that failed leaves the list as it was."""
        if self.job is None:
            return
        self.job = None
        self.reload()
        if isinstance(error, trash.TrashCancelled):
            self.note.setText(self.tr("Cancelled: the trash is as it was."))
        else:
            self.note.clear()  # the error dialog follows

    def _restored(self, count: int) -> None:
        self.reload()
        self.note.setText(self.tr("%1 cards restored to the card list.").replace(
            "%1", str(count)))
        self.changed.emit()

    def _emptied(self, count: int) -> None:
        self.reload()
        self.note.setText(self.tr("%1 cards deleted for good.").replace("%1", str(count)))
        self.changed.emit()
