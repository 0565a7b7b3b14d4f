"""A sales history imported and undone.

    python bench/bench_sales_import_undo.py [rows] [cards]

Makes `cards` cards (default 5,000) and a .csv of `rows` sales (default
50,000; seven in ten won, half of those part paid), matched by mobile; times
the import (recorded as a batch in the import history: the deals and payments
carry its id in their own INSERT) and its undo (deals, payments and follow-ups
removed, the cards made customers given their stage back).
"""

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from prospect_desk.database import close_database, open_database  # noqa: E402
from prospect_desk.deal_import import import_deals_file  # noqa: E402
from prospect_desk.import_history import undo_batch  # noqa: E402
from prospect_desk.models import Card, db  # noqa: E402


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    cards = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000
    folder = Path(tempfile.mkdtemp())
    rng = random.Random(1)
    lines = ["Date,Customer,Phone,Product,Amount,Won/Lost,Amount paid"]
    for i in range(rows):
        card = rng.randrange(cards)
        won = rng.random() < 0.7
        paid = 50 if won and i % 2 else ""
        lines.append(f"2024-{1 + i % 12:02d}-{1 + i % 28:02d},Card {card},1390{card:07d},"
                     f"Item,{100 + i % 50},{'won' if won else 'lost'},{paid}")
    sales = folder / "sales.csv"
    sales.write_text("\n".join(lines) + "\n", encoding="utf-8")
    open_database(folder / "cards.sqlite3")
    try:
        with db.atomic():
            Card.insert_many([{"kind": "individual", "name": f"Card {i}",
                               "mobile": f"1390{i:07d}"} for i in range(cards)]).execute()
        start = time.perf_counter()
        result = import_deals_file(sales)
        imported = time.perf_counter() - start
        start = time.perf_counter()
        undone = undo_batch(result.batch_id)
        undo = time.perf_counter() - start
    finally:
        close_database()
    print(f"import {result.imported:,} deals on {cards:,} cards: {imported:.2f} s")
    print(f"undo: {undone.deals_removed:,} deals, {undone.payments_removed:,} payments, "
          f"{undone.restored:,} cards given their stage back: {undo:.2f} s")


if __name__ == "__main__":
    main()
