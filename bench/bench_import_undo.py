"""Undoing a 100,000-card import, and what the hostile-file checks cost.

    python bench/bench_import_undo.py [rows]

Prints: the import of `rows` new cards (xlsx), the check of the workbook
before parsing (zip directory, every XML part streamed once), a second import
of the same file in update mode (every row updates a card: one before/after
row each), and the undo of each import.
"""

import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_excel import make_rows, write_bare  # noqa: E402

from prospect_desk import spreadsheet_read  # noqa: E402
from prospect_desk.database import close_database, open_database  # noqa: E402
from prospect_desk.excel_export import EXPORT_FIELDS  # noqa: E402
from prospect_desk.excel_import import DuplicateMode, import_file  # noqa: E402
from prospect_desk.header_mapping import export_header  # noqa: E402
from prospect_desk.import_history import list_batches, undo_batch  # noqa: E402


def timed(label: str, function):
    start = time.perf_counter()
    result = function()
    print(f"{label:<48} {time.perf_counter() - start:7.2f} s")
    return result


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    folder = Path(tempfile.mkdtemp())
    source = folder / "cards.xlsx"
    write_bare(source, [export_header(f, "zh_CN") for f in EXPORT_FIELDS], make_rows(rows))
    print(f"{rows} rows, {source.stat().st_size / 1e6:.1f} MB xlsx")

    with zipfile.ZipFile(source) as archive:
        timed("check before parsing (every part streamed)",
              lambda: spreadsheet_read._check_archive(source, archive, source.stat().st_size))

    open_database(folder / "cards.sqlite3")
    try:
        added = timed("import (new cards, batch id in the INSERT)", lambda: import_file(source))
        print(f"  imported {added.imported}")
        updated = timed("import again, updating every card",
                        lambda: import_file(source, duplicate_mode=DuplicateMode.UPDATE))
        print(f"  updated {updated.updated}")
        second, first = list_batches()[:2]
        result = timed("undo the updating import", lambda: undo_batch(second.id))
        print(f"  restored {result.restored}, kept {len(result.kept)}")
        result = timed("undo the first import (cards to the trash)",
                       lambda: undo_batch(first.id))
        print(f"  trashed {result.trashed}")
    finally:
        close_database()


if __name__ == "__main__":
    main()
