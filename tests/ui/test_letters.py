"""Personal letters: one filled letter per card in the PDF, templates edited,
saved and restored in the dialog, the print preview opens, and a campaign's
follow-ups are done only once its letters were written."""

import datetime
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from prospect_desk import letters
from prospect_desk.cards import CardData, create_card
from prospect_desk.follow_up_rules import CampaignTarget, create_campaign, record_deal
from prospect_desk.history import card_history
from prospect_desk.models import FollowUp
from ui.letter_print import LetterJob, write_letters_pdf
from ui.letters_dialog import LettersDialog

TODAY = datetime.date(2025, 3, 10)


def pdf_pages(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdf_page_count(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines()
                    if line.startswith("Pages:")))


@pytest.fixture
def customers(database):
    """Three customers, each with a won deal: (id, name, product)."""
    found = []
    for name, product in (("王伟", "净水器"), ("Anna Smith", "Water pump"), ("李娜", "空气净化器")):
        card_id = create_card(CardData(name=name, address="南京西路 1 号\n上海", notes="spring"))
        record_deal(card_id, datetime.date(2025, 1, 20), product, 250000, "won",
                    today=datetime.date(2025, 1, 20))
        found.append((card_id, name, product))
    return found


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_each_card_gets_its_own_filled_letter_on_its_own_page(customers, tmp_path, language):
    letters.set_sender("Zhou Min", "")
    template = letters.load_template("thank_you", language)
    target = tmp_path / "letters.pdf"

    result = write_letters_pdf(target, LetterJob(template, tuple(c[0] for c in customers),
                                                 TODAY))

    assert (result.letters, result.pages, result.completed) == (3, 3, 0)
    assert pdf_page_count(target) == 3
    pages = pdf_pages(target)
    assert len(pages) == 3
    for page, (_, name, product) in zip(pages, customers, strict=True):
        flat = "".join(page.split())
        assert "".join(name.split()) in flat and "".join(product.split()) in flat
        assert "ZhouMin" in flat
        assert "{" not in page and "}" not in page
    others = [n for _, n, _ in customers if n != customers[0][1]]
    assert not any("".join(n.split()) in "".join(pages[0].split()) for n in others)


def test_a_long_letter_runs_on_and_the_next_still_starts_a_new_page(customers, tmp_path):
    long = letters.LetterTemplate("long", "en", "Long", "{name}\n\n" + "A line.\n\n" * 80,
                                  False, True)
    target = tmp_path / "long.pdf"
    result = write_letters_pdf(target, LetterJob(long, (customers[0][0], customers[1][0]), TODAY))
    assert result.pages >= 4 and result.pages % 2 == 0
    pages = pdf_pages(target)
    assert pages[0].lstrip().startswith("王伟")
    assert pages[result.pages // 2].lstrip().startswith("Anna Smith")


@pytest.fixture
def campaign(customers):
    return create_campaign("Spring letters", TODAY, "personal_letter",
                           CampaignTarget(search="spring"))


def test_a_campaigns_follow_ups_are_done_only_when_its_letters_were_written(
        campaign, customers, tmp_path, monkeypatch):
    import ui.letter_print

    template = letters.load_template("new_arrival", "en")
    ids = tuple(c[0] for c in customers)

    def disk_full(*_args, **_kwargs):
        raise OSError("No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(ui.letter_print, "paint_letters", disk_full)
        with pytest.raises(OSError):
            write_letters_pdf(tmp_path / "failed.pdf",
                              LetterJob(template, ids, TODAY, campaign_id=campaign))
    assert {f.status for f in FollowUp.select()} == {"open"}
    assert not (tmp_path / "failed.pdf").exists()

    result = write_letters_pdf(tmp_path / "ok.pdf", LetterJob(
        template, ids[:2], TODAY, campaign_id=campaign, history_label="Letter sent"))

    assert result.completed == 2
    status = {f.card_id: f.status for f in FollowUp.select().where(FollowUp.campaign == campaign)}
    assert status == {ids[0]: "done", ids[1]: "done", ids[2]: "open"}
    assert [(h.kind, h.text) for h in card_history(ids[0])] == [("letter", "Letter sent")]


def test_a_cancelled_job_marks_nothing_and_leaves_no_file(campaign, customers, tmp_path):
    from ui.paged_print import PrintCancelled

    template = letters.load_template("new_arrival", "en")
    target = tmp_path / "cancelled.pdf"
    with pytest.raises(PrintCancelled):
        write_letters_pdf(target, LetterJob(template, tuple(c[0] for c in customers), TODAY,
                                            campaign_id=campaign), cancelled=lambda: True)
    assert not target.exists()
    assert {f.status for f in FollowUp.select()} == {"open"}


def dialog_for(qtbot, card_ids, **kwargs) -> LettersDialog:
    dialog = LettersDialog(card_ids, today=TODAY, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_template_is_edited_with_a_field_saved_and_restored(customers, qtbot, type_text,
                                                              answer_questions, db_path):
    asked = answer_questions(QMessageBox.StandardButton.Yes)
    dialog = dialog_for(qtbot, [c[0] for c in customers])
    dialog.select_template("birthday")
    assert dialog.preview_card.currentText() == "王伟"
    assert "王伟" in dialog.preview_view.toPlainText()
    assert not dialog.restore_button.isEnabled()

    type_text(dialog.editor, "Best wishes on your birthday, ")
    insert = next(a for a in dialog.insert_menu.actions() if a.data() == "name")
    insert.trigger()
    qtbot.waitUntil(lambda: "Best wishes on your birthday, 王伟" in
                    dialog.preview_view.toPlainText())
    dialog.preview_card.setCurrentIndex(1)
    assert "Best wishes on your birthday, Anna Smith" in dialog.preview_view.toPlainText()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    copy = db_path.parent / "letters" / "en" / "birthday.txt"
    assert copy.read_text(encoding="utf-8").endswith(
        "Best wishes on your birthday, {name}\n")
    assert letters.load_template("birthday", "en").edited
    assert "(edited)" in dialog.templates.currentItem().text()

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert len(asked) == 1 and "original" in asked[0]
    assert not copy.exists()
    assert dialog.editor.toPlainText() == letters.load_original("birthday", "en").body
    assert "(edited)" not in dialog.templates.currentItem().text()


def test_an_unknown_field_is_pointed_out_and_closing_asks_about_the_edit(
        customers, qtbot, type_text, answer_questions):
    asked = answer_questions(QMessageBox.StandardButton.Discard)
    dialog = dialog_for(qtbot, [customers[0][0]])
    type_text(dialog.editor, "Hello {nmae}")
    qtbot.waitUntil(lambda: "{nmae}" in dialog.problems.text())
    dialog.close()
    assert len(asked) == 1 and not dialog.isVisible()


def test_switching_template_with_unsaved_edits_asks_first(customers, qtbot, type_text,
                                                         answer_questions):
    asked = answer_questions(QMessageBox.StandardButton.Cancel)
    dialog = dialog_for(qtbot, [customers[0][0]])
    dialog.select_template("birthday")
    type_text(dialog.editor, "Draft")
    dialog.select_template("win_back")
    assert len(asked) == 1
    assert dialog.template.key == "birthday" and dialog.editor.toPlainText() == "Draft"
    assert dialog.templates.currentItem().data(Qt.ItemDataRole.UserRole) == "birthday"
    dialog.dirty = False


def test_the_letters_dialog_opens_the_print_preview_with_a_page_per_letter(
        customers, qtbot, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    shown = []

    def show_instead(preview):  # drawn as on screen, without a modal loop
        preview.show()
        widget = preview.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: widget.pageCount() > 0)
        shown.append(widget.pageCount())
        preview.close()
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", show_instead)
    dialog = dialog_for(qtbot, [c[0] for c in customers])
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert shown == [3]


def test_saving_a_campaigns_letters_from_the_dialog_completes_its_follow_ups(
        campaign, customers, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "spring.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    dialog = dialog_for(qtbot, [], campaign_id=campaign)
    assert dialog.campaign_id() == campaign
    assert dialog.count_label.text().startswith("3 letters")

    with qtbot.waitSignal(dialog.sent, timeout=20000) as sent:
        qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)

    assert sorted(sent.args[0]) == sorted(c[0] for c in customers)
    assert pdf_page_count(target) == 3
    assert {f.status for f in FollowUp.select()} == {"done"}
    assert card_history(customers[0][0])[0].kind == "letter"
    assert dialog.campaign_id() is None  # nothing left to send for it


def test_file_menu_print_letters_writes_to_the_selected_cards(customers, main_window):
    main_window.model.refresh()
    main_window.table.selectRow(1)
    dialog = main_window.show_letters()
    assert dialog.recipient_ids() == [main_window.model.card_id(1)]
    dialog.reject()


@pytest.fixture
def campaign_file(tmp_path):
    from prospect_desk.database import close_database, open_database

    path = tmp_path / "cli.sqlite3"
    open_database(path)
    ids = [create_card(CardData(name=name, notes="spring")) for name in ("Ann Lee", "赵刚")]
    campaign = create_campaign("Spring letters", TODAY, "personal_letter",
                               CampaignTarget(search="spring"))
    close_database()
    return path, ids, campaign


def test_the_command_line_writes_a_campaigns_letters_and_marks_them_sent(
        campaign_file, tmp_path, capsys):
    import main
    from prospect_desk.database import close_database, open_database

    path, ids, campaign = campaign_file
    target = tmp_path / "letters.pdf"
    code = main.main(["--db", str(path), "letters", "--template", "birthday", "--language",
                      "zh_CN", "--campaign", str(campaign), "--pdf", str(target)])
    assert code == 0
    out = capsys.readouterr().out
    assert "2 letters, 2 pages" in out and "2 follow-ups" in out
    pages = pdf_pages(target)
    assert ["尊敬的AnnLee：" in "".join(p.split()) for p in pages] == [True, False]
    assert "尊敬的赵刚：" in "".join(pages[1].split())
    open_database(path)
    try:
        assert {f.status for f in FollowUp.select()} == {"done"}
    finally:
        close_database()


def test_the_command_line_names_the_templates_when_one_is_unknown(campaign_file, tmp_path,
                                                                  capsys):
    import main

    path, ids, _ = campaign_file
    code = main.main(["--db", str(path), "letters", "--template", "nope", "--language", "en",
                      "--cards", ",".join(map(str, ids)), "--pdf", str(tmp_path / "x.pdf")])
    assert code == 2
    assert "thank_you" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_printing_a_campaigns_letters_completes_its_follow_ups_after_the_print(
        campaign, customers, qtbot, monkeypatch, tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog

    target = tmp_path / "printed.pdf"

    def choose_printer(print_dialog):  # the user picks "print to file" and OK
        print_dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        print_dialog.printer().setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_printer)
    dialog = dialog_for(qtbot, [], campaign_id=campaign)
    dialog.select_template("thank_you")

    with qtbot.waitSignal(dialog.sent, timeout=20000):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)

    assert pdf_page_count(target) == 3
    assert dialog.result.completed == 3
    assert {f.status for f in FollowUp.select()} == {"done"}


def test_declining_the_print_dialog_prints_and_marks_nothing(campaign, customers, qtbot,
                                                             monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    dialog = dialog_for(qtbot, [], campaign_id=campaign)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.job is None
    assert {f.status for f in FollowUp.select()} == {"open"}


def test_unknown_fields_are_confirmed_before_printing(customers, qtbot, type_text,
                                                     answer_questions, monkeypatch):
    asked = answer_questions(QMessageBox.StandardButton.No)
    shown = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: shown.append(self) or 0)
    dialog = dialog_for(qtbot, [customers[0][0]])
    type_text(dialog.editor, "Dear {nmae}")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "{nmae}" in asked[0]
    assert shown == []
    dialog.dirty = False


def test_the_senders_name_and_signature_sign_the_letters(customers, qtbot, type_text):
    from ui.letters_dialog import SenderDialog

    dialog = dialog_for(qtbot, [customers[0][0]])
    dialog.select_template("birthday")
    sender = dialog.edit_sender()
    assert isinstance(sender, SenderDialog)
    type_text(sender.name, "Zhou Min")
    type_text(sender.signature, "Zhou Min")
    qtbot.keyClick(sender.signature, Qt.Key.Key_Return)
    type_text(sender.signature, "Sales manager", replace=False)
    sender.accept()
    assert letters.sender() == letters.Sender("Zhou Min", "Zhou Min\nSales manager")
    assert dialog.preview_view.toPlainText().rstrip().endswith("Zhou Min\nSales manager")


def test_choosing_the_other_language_lists_its_templates(customers, qtbot):
    dialog = dialog_for(qtbot, [customers[0][0]])
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.select_template("thank_you")
    assert dialog.title.text() == "成交后的感谢信"
    assert "尊敬的王伟：" in dialog.preview_view.toPlainText()


def test_a_campaign_follow_up_chosen_in_today_or_on_the_card_offers_its_letters(
        main_window, qtbot):
    today = datetime.date.today()
    ann = create_card(CardData(name="Ann Lee", notes="autumn"))
    campaign = create_campaign("Autumn letters", today, "personal_letter",
                               CampaignTarget(search="autumn"))
    main_window.show_view(main_window.today_view)
    main_window.today_view.tree.setCurrentIndex(main_window.today_view.row_of("today", 0))
    dialog = main_window.show_letters()
    assert dialog.campaign_id() == campaign and dialog.recipient_ids() == [ann]
    dialog.reject()

    main_window.show_view(main_window.splitter)
    main_window.open_card(ann)
    panel = main_window.follow_ups
    panel.entries.setCurrentItem(panel.entries.topLevelItem(0))
    dialog = main_window.show_letters()
    assert dialog.campaign_id() == campaign
    dialog.reject()


def test_a_read_only_card_file_still_writes_the_letters_but_marks_nothing(campaign_file,
                                                                          tmp_path):
    from prospect_desk.database import close_database, open_database

    path, ids, campaign = campaign_file
    open_database(path, read_only=True)
    try:
        result = write_letters_pdf(tmp_path / "ro.pdf", LetterJob(
            letters.load_template("birthday", "en"), tuple(ids), TODAY, campaign_id=campaign))
        assert (result.letters, result.completed) == (2, 0)
        assert {f.status for f in FollowUp.select()} == {"open"}
    finally:
        close_database()
