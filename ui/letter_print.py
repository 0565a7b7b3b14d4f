"""Personal letters on paper: one letter per card, each starting on a new page,
painted onto the PDF writer, the printer or the print preview. The PDF and the
printer are painted on a worker thread (no widgets here); when the letters of a
campaign went out, its follow-ups for those cards are completed afterwards."""

import datetime
import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF
from PySide6.QtGui import QPainter

from prospect_desk.letters import (
    LetterTemplate,
    database_is_read_only,
    fill,
    merge_values,
)
from prospect_desk.mailing import mark_campaign_sent
from ui.paged_print import (
    PrintCancelled,
    make_document,
    paint_rect,
    print_font,
    set_page,
    write_pdf,
)

translate = QCoreApplication.translate

LETTER_MARGIN_MM = 22.0
LETTER_POINT_SIZE = 11.0


@dataclass(frozen=True)
class LetterJob:
    """What to print: a template (as edited, saved or not) for these cards."""

    template: LetterTemplate
    card_ids: tuple[int, ...]
    today: datetime.date
    paper: str = "a4"
    campaign_id: int | None = None
    """The campaign whose open follow-ups for these cards the letters complete."""
    history_label: str = ""


@dataclass(frozen=True)
class LetterResult:
    letters: int
    pages: int
    completed: int
    """Follow-ups of the campaign marked done."""


def history_label(title: str) -> str:
    return translate("Letters", "Letter “%1” sent").replace("%1", title)


def letter_html(text: str) -> str:
    """The letter as typed: every line break and blank line kept, and the
    spaces too (a Chinese paragraph is indented with two full-width ones)."""
    lines = text.replace("\r\n", "\n").strip("\n").split("\n")
    return ('<p style="white-space: pre-wrap; line-height: 135%; margin: 0;">'
            + "<br>".join(html.escape(line) for line in lines) + "</p>")


def letter_texts(job: LetterJob) -> list[tuple[int, str]]:
    """(card id, filled letter) for each live card of the job (any thread)."""
    return [(card_id, fill(job.template.body, values))
            for card_id, values in merge_values(list(job.card_ids), job.template.language,
                                                job.today)]


def paint_letters(device, texts: list[str], progress=None, cancelled=None) -> int:
    """Each letter from the top of a new page; a long one runs on over more
    pages. Returns the pages painted."""
    progress = progress or (lambda done, total: None)
    cancelled = cancelled or (lambda: False)
    font = print_font(LETTER_POINT_SIZE)
    area = paint_rect(device)
    width, height = area.width(), area.height()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(translate("Printing", "The printer or file could not be opened."))
    pages = 0
    try:
        for done, text in enumerate(texts):
            if cancelled():
                if hasattr(device, "abort"):  # a printer: nothing goes out
                    device.abort()
                raise PrintCancelled
            doc = make_document(letter_html(text), device, font, width)
            doc.setPageSize(QSizeF(width, height))
            for page in range(max(doc.pageCount(), 1)):
                if pages:
                    device.newPage()
                pages += 1
                painter.save()
                painter.translate(0, -page * height)
                doc.drawContents(painter, QRectF(0, page * height, width, height))
                painter.restore()
            if done % 10 == 0:
                progress(done, len(texts))
        progress(len(texts), len(texts))
    finally:
        painter.end()
    return pages


def _finish(job: LetterJob, card_ids: list[int], pages: int) -> LetterResult:
    completed = 0
    if job.campaign_id is not None and card_ids and not database_is_read_only():
        completed = mark_campaign_sent(job.campaign_id, card_ids, today=job.today,
                                       label=job.history_label or None)
    return LetterResult(len(card_ids), pages, completed)


def write_letters_pdf(path: str | Path, job: LetterJob, progress=None,
                      cancelled=None) -> LetterResult:
    """Write the letters as a PDF, then complete the campaign's follow-ups for
    them; safe on a worker thread."""
    filled = letter_texts(job)

    def paint(writer) -> int:
        set_page(writer, job.paper, LETTER_MARGIN_MM)
        return paint_letters(writer, [text for _, text in filled], progress, cancelled)

    pages = write_pdf(path, job.paper, paint, job.template.title)
    return _finish(job, [card_id for card_id, _ in filled], pages)


def print_letters(printer, job: LetterJob, progress=None, cancelled=None) -> LetterResult:
    """Paint the letters on a printer (set up by the print dialog), then complete
    the campaign's follow-ups; safe on a worker thread."""
    filled = letter_texts(job)
    pages = paint_letters(printer, [text for _, text in filled], progress, cancelled)
    return _finish(job, [card_id for card_id, _ in filled], pages)
