"""Report timings on a large database: 100,000 cards and 500,000 deals (80% won,
a third of the won ones with a due date and some paid). Target: each report
within 1 s.

    python bench/bench_reports.py
"""

import datetime
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from peewee import chunked  # noqa: E402

from prospect_desk.database import close_database, open_database  # noqa: E402
from prospect_desk.models import Card, Circle, Deal, Payment, _now, db  # noqa: E402
from prospect_desk.receivables import ageing, card_account, open_receivables  # noqa: E402
from prospect_desk.reports import (  # noqa: E402
    lapsed_customers,
    loss_rates,
    pareto_customers,
    pareto_groups,
    top_customer_ids,
)

CARDS = 100_000
DEALS = 500_000
AS_OF = datetime.date(2025, 6, 30)
START = datetime.date(2015, 1, 1)


def fill(rng: random.Random) -> None:
    now = _now()
    circles = [Circle.insert(name=f"Circle {i}", position=i, created_at=now).execute()
               for i in range(12)]
    cards = []
    for i in range(1, CARDS + 1):
        cards.append({
            "id": i, "kind": "individual", "name": f"Customer {i}", "sort_name": f"customer {i:06}",
            "search_text": "", "stage": "customer", "credit_status": "unknown",
            "address": "1 Main St" if i % 3 else "", "phone": "021-5555" if i % 2 else "",
            "circle": rng.choice(circles) if i % 4 else None,
            "referrer": rng.randrange(1, i) if i > 10 and i % 5 == 0 else None,
            "last_contact": AS_OF - datetime.timedelta(days=rng.randrange(400)),
            "created_at": now, "updated_at": now})
    with db.atomic():
        for batch in chunked(cards, 2000):
            Card.insert_many(batch).execute()
    days = (AS_OF - START).days
    deals, payments = [], []
    for i in range(1, DEALS + 1):
        date = START + datetime.timedelta(days=rng.randrange(days))
        won = rng.random() < 0.8
        due = date + datetime.timedelta(days=30) if won and rng.random() < 0.33 else None
        amount = rng.randrange(100, 1_000_000)
        deals.append({"id": i, "card": rng.randrange(1, CARDS + 1), "date": date,
                      "amount_cents": amount, "outcome": "won" if won else "lost",
                      "due_date": due, "created_at": now})
        if due and rng.random() < 0.7:
            payments.append({"deal": i, "date": due, "amount_cents": rng.randrange(amount + 1),
                             "created_at": now})
    with db.atomic():
        for batch in chunked(deals, 5000):
            Deal.insert_many(batch).execute()
        for batch in chunked(payments, 5000):
            Payment.insert_many(batch).execute()
    db.execute_sql("ANALYZE")


def timed(label: str, run, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        begin = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - begin)
    best = min(times)
    size = len(result) if isinstance(result, list) else len(getattr(result, "rows", []))
    verdict = "ok" if best <= 1.0 else "SLOW"
    print(f"{label:<34} best {best * 1000:7.0f} ms  median {statistics.median(times) * 1000:7.0f}"
          f" ms  rows {size:>7}  {verdict}")
    return best


def time_the_view() -> None:
    """The Reports view as a user meets it: how long the UI thread is held when a
    tab is shown (the figures are worked out on a worker thread meanwhile), and
    how long until they are on screen."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.reports_view import ReportsView

    app = QApplication.instance() or QApplication([])
    view = ReportsView()
    view.resize(1400, 800)
    view.show()
    for tab in (view.win_back, view.pareto, view.receivables):
        held, shown, filled, painted = [], [], [], []
        real_show = tab.show_result

        def show_result(parameters, result, real_show=real_show, filled=filled, tab=tab,
                        painted=painted):
            begin = time.perf_counter()
            real_show(parameters, result)
            filled.append(time.perf_counter() - begin)
            begin = time.perf_counter()
            tab.repaint()
            painted.append(time.perf_counter() - begin)

        tab.show_result = show_result
        for _ in range(3):
            view.blockSignals(True)
            view.setCurrentWidget(tab)
            view.blockSignals(False)
            begin = time.perf_counter()
            view.reload(AS_OF)
            held.append(time.perf_counter() - begin)
            while view.is_loading():
                app.processEvents()
                time.sleep(0.002)
            shown.append(time.perf_counter() - begin)
        name = view.tabText(view.indexOf(tab))
        print(f"view {name:<12} UI thread held {max(held) * 1000:4.0f} ms to start, "
              f"{max(filled) * 1000:4.0f} ms to fill, {max(painted) * 1000:4.0f} ms to paint; "
              f"on screen after {min(shown) * 1000:5.0f} ms (best of 3)")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        open_database(Path(folder) / "bench.sqlite3")
        try:
            begin = time.perf_counter()
            fill(random.Random(6))
            print(f"filled {CARDS:,} cards and {DEALS:,} deals in "
                  f"{time.perf_counter() - begin:.1f} s")
            year_ago = AS_OF - datetime.timedelta(days=365)
            timed("lapsed customers", lambda: lapsed_customers(AS_OF))
            timed("loss rate by year (5 years)", lambda: loss_rates(AS_OF, years=5))
            timed("loss rate by quarter (5 years)",
                  lambda: loss_rates(AS_OF, years=5, quarterly=True))
            timed("80/20 by customer (one year)", lambda: pareto_customers(year_ago, AS_OF))
            timed("80/20 by circle (one year)", lambda: pareto_groups("circle", year_ago, AS_OF))
            timed("80/20 by referrer (one year)",
                  lambda: pareto_groups("referrer", year_ago, AS_OF))
            timed("ageing", lambda: ageing(AS_OF))
            timed("open receivables (all)", lambda: open_receivables())
            timed("open receivables (first 1,000)", lambda: open_receivables(limit=1000))
            timed("one card's receivables", lambda: open_receivables(card_id=4242))
            timed("one card's account (owed, overdue)", lambda: [card_account(4242, AS_OF)])
            timed("top customers (starred in the list)",
                  lambda: sorted(top_customer_ids(AS_OF)))
            time_the_view()
        finally:
            close_database()


if __name__ == "__main__":
    main()
