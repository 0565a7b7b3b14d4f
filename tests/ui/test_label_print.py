"""Address labels and envelopes: as many a page as the sheet holds, the address
as on the card, and the preview opens."""

import datetime
import subprocess

import pytest
from PySide6.QtPrintSupport import QPrintPreviewDialog

from prospect_desk.cards import CardData, create_card
from prospect_desk.follow_up_rules import CampaignTarget, create_campaign
from prospect_desk.follow_ups import agenda
from prospect_desk.mailing import campaign_card_ids, mark_campaign_sent, recipients
from ui.label_print import LabelsDialog, write_labels_pdf


def pdf_pages(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return [page for page in text.split("\f") if page.strip()]


def cards(n: int) -> list[int]:
    return [create_card(CardData(name=f"Person {i:02d}", address=f"{i} Main Road\nShanghai"))
            for i in range(n)]


@pytest.mark.parametrize(("layout", "per_page"), [("a4_3x8", 24), ("a4_2x7", 14), ("dl", 1)])
def test_each_page_holds_as_many_labels_as_the_sheet(database, tmp_path, layout, per_page):
    ids = cards(25)
    target = tmp_path / "labels.pdf"
    pages = write_labels_pdf(target, ids, layout)
    expected = -(-25 // per_page)
    assert pages == expected
    counts = [page.count("Person ") for page in pdf_pages(target)]
    assert counts == [per_page] * (expected - 1) + [25 - per_page * (expected - 1)]


def test_a_company_label_names_the_person_in_charge_then_the_address(database, tmp_path):
    acme = create_card(CardData(kind="company", name="上海贸易公司", person_in_charge="王经理",
                                address="南京路 100 号\n上海"))
    assert recipients([acme])[0].address_lines() == ["上海贸易公司", "王经理", "南京路 100 号",
                                                     "上海"]
    target = tmp_path / "one.pdf"
    write_labels_pdf(target, [acme], "a4_3x8")
    assert "王经理" in pdf_pages(target)[0]


def test_a_campaign_goes_to_its_cards_and_sending_marks_it_done(database):
    ids = cards(3)
    campaign = create_campaign("Spring", datetime.date(2025, 3, 10), "personal_letter",
                               CampaignTarget(search="Person"))
    assert campaign_card_ids(campaign) == ids
    assert mark_campaign_sent(campaign) == 3
    assert agenda(datetime.date(2025, 3, 10), datetime.date(2025, 3, 10), ["open"]) == []


def test_the_labels_dialog_opens_the_print_preview_and_draws_the_sheet(
        database, qtbot, monkeypatch):
    from tests.ui.test_card_print import draw_instead_of_exec

    ids = cards(2)
    shown = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", draw_instead_of_exec(qtbot, shown))
    dialog = LabelsDialog(ids)
    qtbot.addWidget(dialog)
    dialog.preview_button.click()
    assert shown == [1]


def test_the_file_menu_prints_labels_for_the_whole_list_when_none_is_selected(main_window):
    ids = cards(3)
    main_window.model.refresh()
    main_window.table.clearSelection()
    main_window.labels_action.trigger()
    dialog = main_window.findChild(LabelsDialog)
    assert sorted(dialog.card_ids) == sorted(ids)
    dialog.close()
