"""Printing speed: a 500-entry call sheet PDF (goal ≤ 1.5 s), 1,000 address
labels on A4 3×8 sheets (goal ≤ 5 s) and 500 merged personal letters, one a
page. Prints the figures; not a test.

    python bench/bench_print.py
"""

import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtGui import QGuiApplication  # noqa: E402

from prospect_desk.cards import CardData, create_card  # noqa: E402
from prospect_desk.database import close_database, open_database  # noqa: E402
from prospect_desk.follow_up_rules import mark_declined, record_deal  # noqa: E402
from prospect_desk.follow_ups import add_follow_up  # noqa: E402
from prospect_desk.history import add_activity  # noqa: E402
from prospect_desk.letters import load_template  # noqa: E402
from ui.call_sheet_print import CallSheetOptions, write_call_sheet_pdf  # noqa: E402
from ui.label_print import write_labels_pdf  # noqa: E402
from ui.letter_print import LetterJob, write_letters_pdf  # noqa: E402

DAY = datetime.date(2025, 3, 10)


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 - painting needs it
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        open_database(folder / "bench.sqlite3")
        ids = []
        for i in range(1000):
            card = create_card(CardData(
                name=f"王伟 {i}" if i % 2 else f"Smith {i}", employer="上海贸易有限公司",
                phone="021-5555 1234", mobile="138 0013 8000",
                address=f"南京西路 {i} 号\n上海 200040"))
            ids.append(card)
            if i % 2:
                record_deal(card, DAY - datetime.timedelta(days=60 + i), "净水器 water filter",
                            129900, "won", today=DAY)
            if i < 500:
                add_activity(card, "call", DAY - datetime.timedelta(days=30),
                             "谈了价格，客户想要样品 and asked about delivery")
                if i % 3:
                    add_follow_up(card, "manual", DAY, "带样品 bring samples")
                else:
                    mark_declined(card, "price", "", DAY, today=DAY - datetime.timedelta(days=9))
        start = time.perf_counter()
        pages = write_call_sheet_pdf(folder / "sheet.pdf", CallSheetOptions(DAY, DAY))
        sheet = time.perf_counter() - start
        print(f"call sheet, 500 entries: {sheet:.2f} s, {pages} pages (goal ≤ 1.5 s)")
        start = time.perf_counter()
        pages = write_labels_pdf(folder / "labels.pdf", ids, "a4_3x8")
        labels = time.perf_counter() - start
        print(f"labels, 1,000 on A4 3×8: {labels:.2f} s, {pages} pages (goal ≤ 5 s)")
        for language in ("zh_CN", "en"):
            job = LetterJob(load_template("thank_you", language), tuple(ids[:500]), DAY)
            start = time.perf_counter()
            result = write_letters_pdf(folder / f"letters-{language}.pdf", job)
            took = time.perf_counter() - start
            print(f"letters, 500 ({language}, thank-you, merged): {took:.2f} s, "
                  f"{result.pages} pages")
        close_database()


if __name__ == "__main__":
    main()
