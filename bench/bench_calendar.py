"""Calendar timings on a large database: 100,000 cards, all with birthdays, and
50,000 open follow-ups. Targets: month_counts and today_view within 100 ms each,
and the Today and month views painted within 100 ms each.

    python bench/bench_calendar.py [--rebuild]

The database is built once under bench/out/ and reused (--rebuild makes it afresh).
"""

import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from prospect_desk import agenda_query, follow_ups  # noqa: E402
from prospect_desk.agenda_query import month_counts  # noqa: E402
from prospect_desk.cards import CardData, derived_columns  # noqa: E402
from prospect_desk.database import close_database, open_database  # noqa: E402
from prospect_desk.enums import FollowUpKind, FollowUpRule  # noqa: E402
from prospect_desk.follow_up_rules import follow_up_values  # noqa: E402
from prospect_desk.follow_ups import today_view  # noqa: E402
from prospect_desk.models import Card, FollowUp, _now, db  # noqa: E402

CARDS = 100_000
FOLLOW_UPS = 50_000
TODAY = datetime.date(2025, 3, 8)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
KINDS = [k.value for k in FollowUpKind if k not in (FollowUpKind.BIRTHDAY,
                                                    FollowUpKind.BIRTHDAY_GIFT)]


def fill(rng: random.Random) -> None:
    now = _now()
    rows = []
    for _ in range(CARDS):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        data = CardData(name=name, phone=f"021-{rng.randrange(10**7, 10**8)}",
                        birthday=datetime.date(1950, 1, 1)
                        + datetime.timedelta(days=rng.randrange(50 * 365)))
        rows.append({"kind": data.kind, "name": data.name, "phone": data.phone,
                     "birthday": data.birthday, "stage": data.stage,
                     "credit_status": data.credit_status, "created_at": now,
                     "updated_at": now, **derived_columns(data)})
        if len(rows) == 1000:
            Card.insert_many(rows).execute()
            rows = []
    rows = [follow_up_values(rng.randrange(1, CARDS + 1), rng.choice(KINDS),
                             TODAY + datetime.timedelta(days=rng.randrange(-30, 365)),
                             FollowUpRule.MANUAL, reason="bench")
            for _ in range(FOLLOW_UPS)]
    for start in range(0, len(rows), 500):
        FollowUp.insert_many(rows[start:start + 500]).execute()


def timed(label: str, fn, runs: int = 20) -> float:
    fn()  # warm the cache
    samples = []
    for _ in range(runs):
        begin = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - begin) * 1000)
    median = statistics.median(samples)
    print(f"{label:<34} median {median:7.1f} ms   max {max(samples):7.1f} ms   {result}")
    return median


def _time_widgets() -> list[float]:
    """The views as the user sees them: query, rows built, and painted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    from ui.calendar_view import CalendarView
    from ui.today_view import TodayView

    app = QApplication.instance() or QApplication([])
    today_widget, month_widget = TodayView(), CalendarView()
    for widget in (today_widget, month_widget):
        widget.resize(1400, 800)
        widget.show()
    month_widget.calendar.setSelectedDate(QDate(TODAY.year, TODAY.month, TODAY.day))

    def paint(widget, reload):
        reload()
        app.processEvents()
        widget.grab()
        return "painted"

    def after_change():
        """A follow-up moved a day on and back, as Move… does, then the view again."""
        item = today_widget.group_items("overdue")[0]
        follow_ups.move(item.follow_up_id, item.date + datetime.timedelta(days=1))
        follow_ups.move(item.follow_up_id, item.date)
        today_widget.reload(TODAY)

    def week():
        month_widget.lists.setCurrentWidget(month_widget.week)
        month_widget.reload(TODAY)

    results = [timed("Today view (widgets, painted)",
                     lambda: paint(today_widget, lambda: today_widget.reload(TODAY)), runs=9),
               timed("Today view after a change",
                     lambda: paint(today_widget, after_change), runs=9),
               timed("Month view (widgets, painted)",
                     lambda: paint(month_widget, lambda: month_widget.reload(TODAY)), runs=9)]
    timed("Month view, week tab shown (no target)", lambda: paint(month_widget, week), runs=9)
    month_widget.lists.setCurrentIndex(0)
    return results


OUT = Path(__file__).resolve().parent / "out"
DATABASE = OUT / f"calendar-{CARDS}.sqlite3"


def build(path: Path) -> None:
    """Fill a fresh file beside `path`, then move it in place, so an interrupted
    build never leaves a half-filled database to be reused."""
    partial = path.with_name("building-" + path.name)
    for leftover in OUT.glob(partial.name + "*"):
        leftover.unlink()
    open_database(partial)
    begin = time.perf_counter()
    with db.atomic():
        fill(random.Random(7))
    db.execute_sql("ANALYZE")
    close_database()
    for old in OUT.glob(path.name + "*"):
        old.unlink()
    partial.rename(path)
    print(f"filled {CARDS:,} cards and {FOLLOW_UPS:,} follow-ups "
          f"in {time.perf_counter() - begin:.1f} s")


def main() -> None:
    if "--rebuild" in sys.argv or not DATABASE.exists():
        OUT.mkdir(exist_ok=True)
        build(DATABASE)
    open_database(DATABASE)

    def month():
        counts = month_counts(TODAY.year, TODAY.month)
        return f"{len(counts)} days, {sum(sum(k.values()) for k in counts.values()):,} items"

    def view():
        v = today_view(TODAY)
        return (f"{len(v.overdue):,} overdue, {len(v.today):,} today, "
                f"{len(v.upcoming):,} upcoming")

    def december():
        counts = month_counts(2025, 12)  # the gift window wraps into January
        return f"{len(counts)} days"

    def section(make):
        pages = agenda_query.SectionPages(make())
        return f"{pages.total:,} in all, {len(pages.rows(0, 100))} read"

    week_start = TODAY - datetime.timedelta(days=TODAY.weekday())
    results = [timed("month_counts(2025, 3)", month),
               timed("month_counts(2025, 12)", december)]
    # The whole lists at once, as the Today view read them before it read
    # counts and pages (below); for comparison, no target.
    timed(f"today_view({TODAY}) (whole lists)", view)
    results += [timed("overdue: count + first page",
                     lambda: section(lambda: agenda_query.overdue_section(TODAY))),
               timed("next 7 days: count + first page",
                     lambda: section(lambda: agenda_query.range_section(
                         TODAY + datetime.timedelta(days=1), TODAY + datetime.timedelta(days=7),
                         follow_ups.OPEN_ONLY))),
               timed("a week: count + first page",
                     lambda: section(lambda: agenda_query.range_section(
                         week_start, week_start + datetime.timedelta(days=6))))]
    for line in agenda_query.query_plan(agenda_query.range_section(
            TODAY + datetime.timedelta(days=1), TODAY + datetime.timedelta(days=7))):
        print(f"    plan: {line}")
    results += _time_widgets()
    close_database()
    verdict = "ok" if max(results) <= 100 else "OVER TARGET"
    print(f"target 100 ms each (queries, Today and month views): {verdict}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
