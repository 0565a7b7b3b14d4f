"""One card printed on one page: its fields, open follow-ups and history."""

import datetime
import subprocess

from PySide6.QtPrintSupport import QPrintPreviewDialog

from prospect_desk.cards import CardData, create_card
from prospect_desk.follow_ups import add_follow_up
from prospect_desk.history import add_activity
from ui.card_print import preview_card, write_card_pdf


def test_the_card_prints_on_one_page_with_follow_ups_and_history(database, tmp_path):
    today = datetime.date(2025, 3, 1)
    card = create_card(CardData(name="王伟", phone="021-1234", interests="golf"))
    add_follow_up(card, "manual", datetime.date(2025, 3, 10), "bring samples")
    add_activity(card, "call", datetime.date(2025, 2, 1), "asked for prices")
    target = tmp_path / "card.pdf"
    assert write_card_pdf(target, card, today) == 1
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], check=True,
                          capture_output=True, text=True).stdout
    for expected in ("王伟", "021-1234", "golf", "2025-03-10", "bring samples",
                     "asked for prices", "Page 1 of 1"):
        assert expected in text


def test_print_card_opens_the_preview_and_draws_the_page(database, qtbot, monkeypatch):
    card = create_card(CardData(name="Li"))
    shown = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", draw_instead_of_exec(qtbot, shown))
    preview_card(card)
    assert shown == [1]

def draw_instead_of_exec(qtbot, shown: list):
    """QPrintPreviewDialog.exec that draws the pages as on screen, records how
    many, and closes, without a modal loop."""
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    def run(preview) -> int:
        preview.show()
        widget = preview.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: widget.pageCount() > 0)
        shown.append(widget.pageCount())
        preview.close()
        return 0

    return run

