"""Mailer campaign timings on the calendar benchmark's card file (100,000 cards,
50,000 follow-ups), worked on a copy so that file stays as it is:

    python bench/bench_campaigns.py

Prints the live count of a target (what the new-campaign dialog shows as the
user changes it), making a campaign for a big target (the dialog does this on
a worker past 2,000 cards), the campaign list's query, Mark all sent (each
card's history gets the letter) and Delete.
"""

import datetime
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bench_calendar  # noqa: E402

from prospect_desk.database import close_database, open_database  # noqa: E402
from prospect_desk.follow_up_rules import CampaignTarget, create_campaign, target_size  # noqa: E402
from prospect_desk.mailing import (  # noqa: E402
    campaign_overviews,
    delete_campaign,
    mark_campaign_sent,
)

DATE = datetime.date(2025, 4, 1)


def timed(label: str, fn, runs: int = 1):
    best, result = None, None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print(f"{label:<58} {best * 1000:9.1f} ms")
    return result


def main() -> None:
    source = bench_calendar.DATABASE
    if not source.exists():
        bench_calendar.main()  # builds it
    work = Path(tempfile.mkdtemp()) / "campaigns.sqlite3"
    shutil.copy(source, work)
    open_database(work)
    try:
        every = CampaignTarget(stage="new")
        some = CampaignTarget(search="王")
        for label, target in (("count: stage (all 100k cards)", every),
                              ("count: search '王'", some)):
            n = timed(f"{label}", lambda t=target: target_size(t), runs=5)
            print(f"{'':<58} {n:>9} cards")
        small = timed("create: search '王'", lambda: create_campaign(
            "Bench small", DATE, "brochure", some))
        big = timed("create: stage new (every card)", lambda: create_campaign(
            "Bench big", DATE, "advertising_mailer", every))
        timed("campaign list (overviews)", campaign_overviews, runs=5)
        sent = timed("mark all sent: small", lambda: mark_campaign_sent(small, today=DATE))
        print(f"{'':<58} {sent:>9} follow-ups")
        sent = timed("mark all sent: big", lambda: mark_campaign_sent(big, today=DATE))
        print(f"{'':<58} {sent:>9} follow-ups")
        again = timed("create: stage new again", lambda: create_campaign(
            "Bench again", DATE, "advertising_mailer", every))
        removed = timed("delete: big campaign's open follow-ups", lambda: delete_campaign(again))
        print(f"{'':<58} {removed:>9} follow-ups")
    finally:
        close_database()
        shutil.rmtree(work.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
