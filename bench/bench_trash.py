"""The trash with 100,000 cards in it (an undone import), and a bulk delete.

    QT_QPA_PLATFORM=offscreen python bench/bench_trash.py [rows]

Imports `rows` new cards (xlsx), undoes the import (all to the trash), then
times: opening the Trash dialog until its first paint, a search typed in it,
"Restore all from this import", the main list's delete of every card
(selecting them, the question, the move to the trash), choosing them all in
the trash and restoring them, and emptying the trash.
"""

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_excel import make_rows, write_bare  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from prospect_desk import trash  # noqa: E402
from prospect_desk.database import close_database, open_database  # noqa: E402
from prospect_desk.excel_export import EXPORT_FIELDS  # noqa: E402
from prospect_desk.excel_import import import_file  # noqa: E402
from prospect_desk.header_mapping import export_header  # noqa: E402
from prospect_desk.import_history import list_batches, undo_batch  # noqa: E402
from prospect_desk.models import Card  # noqa: E402


def timed(label: str, function):
    start = time.perf_counter()
    result = function()
    print(f"{label:<52} {time.perf_counter() - start:7.3f} s")
    return result


def wait_for(app, job_holder) -> None:
    while job_holder.job is not None:
        app.processEvents()
        time.sleep(0.005)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    folder = Path(tempfile.mkdtemp())
    source = folder / "cards.xlsx"
    write_bare(source, [export_header(f, "zh_CN") for f in EXPORT_FIELDS], make_rows(rows))
    app = QApplication.instance() or QApplication(sys.argv)
    QMessageBox.warning = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    open_database(folder / "cards.sqlite3")
    try:
        from ui.main_window import MainWindow
        from ui.trash_dialog import TrashDialog

        added = timed("import (setup)", lambda: import_file(source))
        print(f"  {added.imported} cards")
        timed("undo the import (all to the trash)", lambda: undo_batch(list_batches()[0].id))

        def open_trash():
            dialog = TrashDialog()
            dialog.show()
            dialog.cards.viewport().repaint()
            app.processEvents()
            return dialog

        dialog = timed("open the Trash dialog, first paint", open_trash)
        print(f"  {dialog.summary.text()}")
        timed("search typed: one word (王)", lambda: (dialog.search.setText("王"),
                                                      dialog.cards.viewport().repaint()))
        print(f"  {dialog.model.rowCount()} shown")
        timed("search typed: a phone number piece", lambda: (dialog.search.setText("0001234"),
                                                              dialog.cards.viewport().repaint()))
        dialog.search.clear()
        dialog.imports.setCurrentIndex(1)

        def restore_import():
            dialog.restore_import()
            wait_for(app, dialog)

        timed("Restore all from this import (worker, reload)", restore_import)
        print(f"  {dialog.note.text()}")
        dialog.close()

        window = timed("main window (setup)", lambda: MainWindow())
        window.show()
        app.processEvents()
        window.model.hold_refreshes(False)
        app.processEvents()
        timed("main list: select all", window.table.selectAll)
        ids = timed("main list: ids of the selection", window.selected_ids)
        print(f"  {len(ids)} selected")

        def delete_all():
            window.delete_selected()
            while window.delete_job is not None:
                app.processEvents()
                time.sleep(0.005)
            app.processEvents()

        timed("main list: delete them (question, worker, refresh)", delete_all)
        print(f"  {trash.trashed_count()} in the trash; {window.model.rowCount()} listed")

        dialog = timed("open the Trash dialog again", open_trash)

        def restore_all():
            dialog.cards.selectAll()
            dialog.restore_selected()
            wait_for(app, dialog)

        timed("trash: select all and Restore (worker, reload)", restore_all)
        print(f"  {dialog.note.text()}")
        timed("put them all back in the trash (core, one move)",
              lambda: trash.move_to_trash([row[0] for row in Card.select(Card.id).tuples()]))
        dialog.reload()

        def empty():
            dialog.empty()
            wait_for(app, dialog)

        timed("trash: Empty trash (worker, reload)", empty)
        print(f"  {dialog.note.text()}")
        dialog.close()
        window.close()
    finally:
        close_database()


if __name__ == "__main__":
    main()
