"""Printing blocks of rich text onto pages: each block is kept whole on one page,
every page gets a header line (title, "page N of M") and, optionally, a column
header repeated under it. One painting function serves the PDF writer (which
may run on a worker thread: no widgets), the printer and the print preview.

Also the paper sizes offered and the font that shows Chinese."""

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from prospect_desk.safe_write import temporary_sibling

translate = QCoreApplication.translate

PAPER_SIZES = {
    "a4": QPageSize.PageSizeId.A4,
    "letter": QPageSize.PageSizeId.Letter,
}
MARGIN_MM = 12.0
PDF_RESOLUTION = 300
PREFERRED_CJK = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC",
                 "Microsoft YaHei", "PingFang SC", "SimSun")

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class PrintCancelled(Exception):
    pass


def cjk_family() -> str | None:
    """A font family that has Simplified Chinese, or None when the system has none."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    for name in PREFERRED_CJK:
        if name in families:
            return name
    return families[0] if families else None


def no_cjk_font_message() -> str:
    return translate("Printing", "No font with Chinese characters is installed, so Chinese "
                                 "text would print as empty boxes. Install a Chinese font "
                                 "(for example WenQuanYi Micro Hei) and try again.")


def print_font(point_size: float = 9.0) -> QFont:
    font = QFont()
    family = cjk_family()
    if family:
        font.setFamilies([family])
    font.setPointSizeF(point_size)
    return font


def set_page(device: QPagedPaintDevice, paper: str, margin_mm: float = MARGIN_MM) -> None:
    device.setPageLayout(QPageLayout(
        QPageSize(PAPER_SIZES.get(paper, QPageSize.PageSizeId.A4)),
        QPageLayout.Orientation.Portrait,
        QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm), QPageLayout.Unit.Millimeter))


def paint_rect(device: QPagedPaintDevice) -> QRectF:
    """The printable area in device pixels, with (0, 0) where the painter starts."""
    rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
    return QRectF(0, 0, rect.width(), rect.height())


def make_document(html: str, device, font: QFont, width: float) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setTextWidth(width)
    doc.setHtml(html)
    return doc


def paint_blocks(device: QPagedPaintDevice, blocks: list[str], title: str,
                 column_header: str = "", point_size: float = 9.0,
                 progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> int:
    """Lay `blocks` (HTML) out on pages, none split across two, and paint them
    with a header on each page. Returns the number of pages."""
    progress = progress or (lambda done, total: None)
    cancelled = cancelled or (lambda: False)
    font = print_font(point_size)
    area = paint_rect(device)
    width = area.width()
    small = QFont(font)
    small.setPointSizeF(point_size * 0.9)
    header_height = small.pointSizeF() / 72 * device.logicalDpiY() * 2.2
    columns = make_document(column_header, device, font, width) if column_header else None
    top = header_height + (columns.size().height() if columns else 0)
    body = area.height() - top
    total = len(blocks)
    pages: list[list[tuple[float, QTextDocument]]] = [[]]
    y = 0.0
    for done, html in enumerate(blocks):
        if cancelled():
            raise PrintCancelled
        doc = make_document(html, device, font, width)
        height = doc.size().height()
        if pages[-1] and y + height > body:
            pages.append([])
            y = 0.0
        pages[-1].append((y, doc))
        y += height
        if done % 20 == 0:
            progress(done, total * 2)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(translate("Printing", "The printer or file could not be opened."))
    try:
        for number, page in enumerate(pages, 1):
            if cancelled():
                raise PrintCancelled
            if number > 1:
                device.newPage()
            painter.setFont(small)
            line = QRectF(0, 0, width, header_height * 0.7)
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             title)
            painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             translate("Printing", "Page %1 of %2")
                             .replace("%1", str(number)).replace("%2", str(len(pages))))
            painter.drawLine(QPointF(0, header_height * 0.8), QPointF(width, header_height * 0.8))
            if columns:
                painter.save()
                painter.translate(0, header_height)
                columns.drawContents(painter)
                painter.restore()
            for y, doc in page:
                painter.save()
                painter.translate(0, top + y)
                doc.drawContents(painter)
                painter.restore()
            progress(total + total * number // len(pages), total * 2)
    finally:
        painter.end()
    return len(pages)


def write_pdf(path: str | Path, paper: str, paint: Callable[[QPdfWriter], int],
              title: str = "") -> int:
    """Paint into a new PDF at `path`, written beside it and moved into place
    when whole (a cancelled or failed job leaves no half file). Returns pages."""
    path = Path(path)
    partial = temporary_sibling(path, "part")
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Prospect Desk")
    set_page(writer, paper)
    try:
        pages = paint(writer)
    except BaseException:
        del writer
        partial.unlink(missing_ok=True)
        raise
    del writer  # flushes and closes the file
    os.replace(partial, path)
    return pages
