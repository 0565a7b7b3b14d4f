"""One card on one page: all its fields, its open follow-ups and its recent
history, previewed and printed like the call sheet."""

import datetime
import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from prospect_desk.cards import card_data, get_card
from prospect_desk.follow_ups import card_follow_ups
from prospect_desk.history import card_history
from ui.call_sheet_print import check_font, make_printer
from ui.follow_up_text import item_reason, kind_label
from ui.labels import ACTIVITY_KINDS, CREDIT_STATUSES, KINDS, STAGES, label
from ui.paged_print import paint_blocks, write_pdf

translate = QCoreApplication.translate
RECENT_HISTORY = 10


def _e(value) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return html.escape(str(value or "")).replace("\n", "<br>")


def card_html(card_id: int, today: datetime.date) -> tuple[str, str]:
    """(title, HTML) of the card's page."""
    data = card_data(get_card(card_id))
    t = lambda text: translate("CardPrint", text)  # noqa: E731
    fields = [
        (t("Kind"), label(KINDS, data.kind)), (t("Address"), data.address),
        (t("Phone"), data.phone), (t("Mobile"), data.mobile), (t("Fax"), data.fax),
        (t("E-mail"), data.email), (t("Person in charge"), data.person_in_charge),
        (t("Handler"), data.handler), (t("Employer"), data.employer),
        (t("Interests"), data.interests), (t("Birthday"), data.birthday),
        (t("First contact"), data.first_contact),
        (t("Transaction date"), data.transaction_date),
        (t("Stage"), label(STAGES, data.stage)),
        (t("Credit status"), label(CREDIT_STATUSES, data.credit_status)),
        (t("Notes"), data.notes),
    ]
    rows = "".join(f'<tr><td width="25%"><b>{_e(name)}</b></td><td>{_e(value)}</td></tr>'
                   for name, value in fields if value)
    parts = [f"<h2>{_e(data.name)}</h2>",
             f'<table width="100%" cellpadding="3" cellspacing="0">{rows}</table>',
             f"<h3>{_e(t('Open follow-ups'))}</h3>"]
    follow_ups = card_follow_ups(card_id, today)
    if follow_ups:
        parts.append("<ul>" + "".join(
            f"<li>{_e(i.date)} · <b>{_e(kind_label(i.kind))}</b> {_e(item_reason(i))}</li>"
            for i in follow_ups) + "</ul>")
    else:
        parts.append(f"<p>{_e(t('None.'))}</p>")
    parts.append(f"<h3>{_e(t('Recent history'))}</h3>")
    history = card_history(card_id)[:RECENT_HISTORY]
    if history:
        parts.append("<ul>" + "".join(
            f"<li>{_e(h.date)} · <b>{_e(label(ACTIVITY_KINDS, h.kind))}</b> {_e(h.text)}</li>"
            for h in history) + "</ul>")
    else:
        parts.append(f"<p>{_e(t('None.'))}</p>")
    return data.name, "".join(parts)


def paint_card(device, card_id: int, today: datetime.date) -> int:
    title, page = card_html(card_id, today)
    return paint_blocks(device, [page], title, point_size=10)


def write_card_pdf(path, card_id: int, today: datetime.date, paper: str = "a4") -> int:
    return write_pdf(path, paper, lambda writer: paint_card(writer, card_id, today))


def preview_card(card_id: int, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """The card in Qt's print preview, from which it prints."""
    check_font(parent)
    printer = make_printer("a4")
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.printer_kept = printer  # the dialog does not own it: alive as long as the dialog
    dialog.setWindowTitle(translate("CardPrint", "Print card"))
    dialog.paintRequested.connect(lambda p: paint_card(p, card_id, datetime.date.today()))
    dialog.exec()
    return dialog
