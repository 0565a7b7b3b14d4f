"""Tools → Mailer campaigns…: a campaign made for a circle puts a follow-up on
each of its cards for the date (seen in Today and the calendar), its letters
complete them, Mark all sent and Delete ask first, and the list's own filters
can be the target."""

import datetime
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from prospect_desk.cards import CardData, create_card
from prospect_desk.follow_up_rules import CampaignTarget, create_campaign
from prospect_desk.history import card_history
from prospect_desk.models import Campaign, Circle, FollowUp
from ui import campaigns_dialog, worker
from ui.campaigns_dialog import CampaignsDialog, NewCampaignDialog
from ui.label_print import LabelsDialog
from ui.letters_dialog import LettersDialog
from ui.models.campaign_table_model import CampaignTableModel

TODAY = datetime.date.today()
WEEK_AHEAD = TODAY + datetime.timedelta(days=7)


def click(qtbot, button):
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def circle(key) -> int:
    return Circle.get(Circle.builtin_key == key).id


@pytest.fixture
def work_friends(database):
    """Three cards among work friends (with addresses), one schoolfriend."""
    work = circle("work")
    ids = [create_card(CardData(name=name, circle_id=work, address=f"{n} Nanjing Road\nShanghai",
                                notes="vip" if n < 2 else ""))
           for n, name in enumerate(["Wang Wei", "Li Na", "Zhou Min"])]
    create_card(CardData(name="Chen Jie", circle_id=circle("school"), notes="vip"))
    return ids


def open_campaigns(window) -> CampaignsDialog:
    window.campaigns_action.trigger()
    dialog = window.findChild(CampaignsDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def new_campaign(qtbot, dialog) -> NewCampaignDialog:
    click(qtbot, dialog.new_button)
    new = dialog.findChild(NewCampaignDialog)
    assert new is not None and new.isVisible()
    return new


def counted(qtbot, new, start: str) -> None:
    """The count is worked out on a worker: wait for it, then Create is there."""
    qtbot.waitUntil(lambda: new.count_label.text().startswith(start), timeout=10000)
    assert new.create_button.isEnabled()


def row_texts(dialog) -> list[list[str]]:
    model = dialog.model
    return [[model.index(row, column).data() for column in range(6)]
            for row in range(model.rowCount())]


def test_a_campaign_for_a_circle_puts_a_follow_up_on_each_card_for_its_date(
        work_friends, main_window, qtbot, type_text):
    dialog = open_campaigns(main_window)
    assert dialog.empty_label.isVisible() and dialog.model.rowCount() == 0

    new = new_campaign(qtbot, dialog)
    assert new.campaign_date() == WEEK_AHEAD  # a week ahead unless changed
    type_text(new.name, "Spring new arrivals")
    new.kind.setCurrentIndex(new.kind.findData("new_arrival_report"))
    new.circle.setCurrentIndex(new.circle.findData(circle("work")))
    counted(qtbot, new, "3 cards")
    assert new.count_label.text() == f"3 cards will get a follow-up on {WEEK_AHEAD.isoformat()}"
    click(qtbot, new.create_button)

    assert row_texts(dialog) == [[WEEK_AHEAD.isoformat(), "Spring new arrivals",
                                  "New-arrival report", "3", "3", "0"]]
    assert dialog.model.index(0, 6).data() == "Work friends"
    assert not dialog.empty_label.isVisible()
    dialog.reject()

    main_window.today_view_action.trigger()
    upcoming = main_window.today_view.group_items("upcoming")
    assert sorted((i.card_name, i.kind, i.date) for i in upcoming) == [
        ("Li Na", "mailer", WEEK_AHEAD), ("Wang Wei", "mailer", WEEK_AHEAD),
        ("Zhou Min", "mailer", WEEK_AHEAD)]
    main_window.calendar_view_action.trigger()
    main_window.calendar_view.select_day(WEEK_AHEAD)
    assert sorted(i.card_name for i in main_window.calendar_view.day_items()) == [
        "Li Na", "Wang Wei", "Zhou Min"]


def test_a_name_and_a_target_are_asked_for_before_anything_is_made(
        work_friends, qtbot, type_text):
    dialog = CampaignsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    new = new_campaign(qtbot, dialog)
    assert new.count_label.text() == "Choose which cards the campaign goes to."

    click(qtbot, new.create_button)
    assert new.error.isVisible() and new.error.text() == "A name is required."
    type_text(new.name, "Fair")
    click(qtbot, new.create_button)
    assert new.error.text() == "Choose which cards the campaign goes to."
    type_text(new.search, "nobody-has-this")
    assert new.count_label.text() == "Counting…" and not new.create_button.isEnabled()
    new.update_count()  # as the pause in typing would
    counted(qtbot, new, "0 cards will get a follow-up")
    click(qtbot, new.create_button)
    assert "No card matches" in new.error.text()

    assert new.isVisible() and Campaign.select().count() == 0


def test_the_current_lists_search_and_filters_become_the_target(
        work_friends, main_window, qtbot, type_text):
    main_window.filter_panel.select_circle(circle("work"))
    type_text(main_window.search, "vip")
    listed = main_window.model.rowCount()
    assert listed == 2

    dialog = open_campaigns(main_window)
    new = new_campaign(qtbot, dialog)
    click(qtbot, new.use_list_button)

    assert new.circle.currentData() == circle("work") and new.search.text() == "vip"
    assert new.stage.currentData() is None and new.card_kind.currentData() is None
    counted(qtbot, new, f"{listed} cards")
    assert new.count_label.text().startswith(f"{listed} cards will get a follow-up")
    type_text(new.name, "VIP brochure")
    click(qtbot, new.create_button)
    assert [r[3] for r in row_texts(dialog)] == ["2"]


def test_a_big_target_is_made_on_a_worker(work_friends, qtbot, type_text, monkeypatch):
    monkeypatch.setattr(worker, "WORKER_FROM", 1)  # campaigns of 2 and more
    dialog = CampaignsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    new = new_campaign(qtbot, dialog)
    type_text(new.name, "Everyone at work")
    new.circle.setCurrentIndex(new.circle.findData(circle("work")))
    counted(qtbot, new, "3 cards")

    with qtbot.waitSignal(new.accepted, timeout=10000):
        click(qtbot, new.create_button)

    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert FollowUp.select().where(FollowUp.campaign == new.campaign_id).count() == 3


def test_a_count_for_an_older_target_is_dropped_when_a_newer_one_is_asked_for(
        work_friends, qtbot, monkeypatch):
    """Counts come back in any order: only the one for the target as it is now
    is shown, and Create waits for it."""
    started = []
    monkeypatch.setattr(campaigns_dialog, "start_job",
                        lambda function, done, failed: started.append((function, done)))
    dialog = campaigns_for(qtbot)
    new = new_campaign(qtbot, dialog)
    new.circle.setCurrentIndex(new.circle.findData(circle("work")))
    new.circle.setCurrentIndex(new.circle.findData(circle("school")))
    assert len(started) == 2
    assert new.count_label.text() == "Counting…" and not new.create_button.isEnabled()

    (older, older_done), (newer, newer_done) = started
    older_done(older(None, None))  # the work friends' 3, arriving late
    assert new.count_label.text() == "Counting…" and not new.create_button.isEnabled()
    assert new.count is None
    newer_done(newer(None, None))
    assert new.count_label.text().startswith("1 cards will get a follow-up")
    assert new.count == 1 and new.create_button.isEnabled()

    new.date.setDate(new.date.date().addDays(1))  # the date needs no new count
    assert len(started) == 2 and new.create_button.isEnabled()


@pytest.fixture
def campaign(work_friends):
    return create_campaign("Spring letters", WEEK_AHEAD, "personal_letter",
                           CampaignTarget(circle_id=circle("work")))


def campaigns_for(qtbot) -> CampaignsDialog:
    dialog = CampaignsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_print_letters_writes_the_campaigns_letters_and_completes_its_follow_ups(
        campaign, work_friends, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "spring.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    dialog = campaigns_for(qtbot)
    changed = []
    dialog.changed.connect(lambda: changed.append(True))

    click(qtbot, dialog.letters_button)
    letters = dialog.findChild(LettersDialog)
    assert letters.campaign_id() == campaign
    assert sorted(letters.recipient_ids()) == sorted(work_friends)
    with qtbot.waitSignal(letters.sent, timeout=20000):
        click(qtbot, letters.pdf_button)

    pages = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True,
                           check=True).stdout
    assert "Pages:           3" in pages
    assert row_texts(dialog)[0][3:] == ["3", "0", "3"]
    assert changed and not dialog.sent_button.isEnabled()
    assert card_history(work_friends[0])[0].kind == "letter"


def test_mark_all_sent_asks_then_completes_each_follow_up_in_the_history(
        campaign, work_friends, main_window, qtbot, answer_questions):
    asked = answer_questions(QMessageBox.StandardButton.No)
    main_window.today_view_action.trigger()
    assert len(main_window.today_view.group_items("upcoming")) == 3
    dialog = open_campaigns(main_window)

    click(qtbot, dialog.sent_button)
    assert "3 open follow-ups of “Spring letters”" in asked[0]
    assert {f.status for f in FollowUp.select()} == {"open"}

    answer_questions(QMessageBox.StandardButton.Yes)
    click(qtbot, dialog.sent_button)

    assert {f.status for f in FollowUp.select()} == {"done"}
    assert row_texts(dialog)[0][3:] == ["3", "0", "3"]
    assert dialog.message.text() == "3 follow-ups marked done."
    [entry] = card_history(work_friends[1])
    assert (entry.kind, entry.date, entry.text) == (
        "letter", TODAY, "Sent: Spring letters (Personal letter)")
    assert main_window.today_view.group_items("upcoming") == []  # the view followed


def test_a_big_campaign_is_marked_sent_on_a_worker(campaign, qtbot, answer_questions,
                                                  monkeypatch):
    monkeypatch.setattr(worker, "WORKER_FROM", 1)  # campaigns of 2 and more
    answer_questions(QMessageBox.StandardButton.Yes)
    dialog = campaigns_for(qtbot)

    click(qtbot, dialog.sent_button)

    qtbot.waitUntil(lambda: dialog.message.text() == "3 follow-ups marked done.", timeout=10000)
    assert {f.status for f in FollowUp.select()} == {"done"}
    assert row_texts(dialog)[0][3:] == ["3", "0", "3"]


def test_delete_removes_the_open_follow_ups_and_keeps_the_done_in_history(
        campaign, work_friends, main_window, qtbot, answer_questions):
    from prospect_desk.mailing import mark_campaign_sent

    mark_campaign_sent(campaign, [work_friends[0]], today=TODAY, label="Sent early")
    asked = answer_questions(QMessageBox.StandardButton.Yes)
    dialog = open_campaigns(main_window)

    click(qtbot, dialog.delete_button)

    assert "Its 2 open follow-ups are removed; the 1 done stay" in asked[0]
    assert dialog.model.rowCount() == 0 and dialog.empty_label.isVisible()
    assert [(f.card_id, f.status) for f in FollowUp.select()] == [(work_friends[0], "done")]
    assert [e.text for e in card_history(work_friends[0])] == ["Sent early"]
    assert dialog.message.text() == "Campaign deleted: 2 open follow-ups removed."


def test_a_big_campaign_is_deleted_on_a_worker(campaign, work_friends, qtbot,
                                               answer_questions, monkeypatch):
    monkeypatch.setattr(worker, "WORKER_FROM", 1)  # campaigns of 2 and more
    answer_questions(QMessageBox.StandardButton.Yes)
    dialog = campaigns_for(qtbot)

    click(qtbot, dialog.delete_button)

    assert dialog.job is not None and not dialog.delete_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.message.text()
                    == "Campaign deleted: 3 open follow-ups removed.", timeout=10000)
    assert dialog.model.rowCount() == 0 and Campaign.select().count() == 0
    assert FollowUp.select().count() == 0


def test_a_cancelled_delete_leaves_the_campaign_as_it_was(campaign, qtbot, answer_questions,
                                                         monkeypatch):
    monkeypatch.setattr(worker, "WORKER_FROM", 1)  # campaigns of 2 and more
    answer_questions(QMessageBox.StandardButton.Yes)
    dialog = campaigns_for(qtbot)
    monkeypatch.setattr(worker, "start_job",
                        lambda function, _done, failed, **_rest: failed(*_run(function)))

    click(qtbot, dialog.delete_button)

    assert Campaign.select().count() == 1 and FollowUp.select().count() == 3
    assert row_texts(dialog)[0][3:] == ["3", "3", "0"] and dialog.delete_button.isEnabled()
    assert dialog.message.text() == ""


def errors_shown(monkeypatch) -> list:
    """What the error dialog would have shown, (parent, error) each."""
    shown = []
    monkeypatch.setattr(worker, "show_error",
                        lambda parent, error, details=None: shown.append((parent, error)))
    return shown


def locked(*_args, **_kwargs):
    raise OSError("database is locked")


def test_a_failed_mark_sent_goes_to_the_error_dialog_and_changes_nothing(
        campaign, qtbot, answer_questions, monkeypatch):
    asked = answer_questions(QMessageBox.StandardButton.Yes)
    shown = errors_shown(monkeypatch)
    monkeypatch.setattr(campaigns_dialog, "mark_campaign_sent", locked)
    dialog = campaigns_for(qtbot)

    click(qtbot, dialog.sent_button)

    assert len(asked) == 1  # the question only: no message box of its own after it
    [(parent, error)] = shown
    assert parent is dialog and str(error) == "database is locked"
    assert {f.status for f in FollowUp.select()} == {"open"}
    assert dialog.sent_button.isEnabled() and dialog.message.text() == ""


def test_a_big_delete_that_fails_on_the_worker_goes_to_the_error_dialog(
        campaign, qtbot, answer_questions, monkeypatch):
    monkeypatch.setattr(worker, "WORKER_FROM", 1)  # campaigns of 2 and more
    answer_questions(QMessageBox.StandardButton.Yes)
    shown = errors_shown(monkeypatch)
    monkeypatch.setattr(campaigns_dialog, "delete_campaign", locked)
    dialog = campaigns_for(qtbot)

    click(qtbot, dialog.delete_button)

    assert dialog.job is not None  # on a worker
    qtbot.waitUntil(lambda: dialog.job is None and len(shown) == 1, timeout=10000)
    assert [(parent, str(error)) for parent, error in shown] == [(dialog, "database is locked")]
    assert Campaign.select().count() == 1 and dialog.delete_button.isEnabled()


def _run(function):
    """A job run here, cancelled as soon as it looks: the error it ends with."""
    try:
        function(lambda _done, _total: None, lambda: True)
    except Exception as error:  # noqa: BLE001
        return error, ""
    raise AssertionError("the job was not cancelled")


def test_labels_and_envelopes_open_on_the_campaigns_cards(campaign, work_friends, qtbot):
    dialog = campaigns_for(qtbot)

    click(qtbot, dialog.labels_button)
    labels = dialog.findChildren(LabelsDialog)[-1]
    assert sorted(labels.card_ids) == sorted(work_friends)
    assert labels.layout_key() == "a4_3x8"
    labels.reject()

    click(qtbot, dialog.envelopes_button)
    envelopes = dialog.findChildren(LabelsDialog)[-1]
    assert envelopes.layout_key() == "dl" and len(envelopes.card_ids) == 3


def test_a_read_only_card_file_shows_the_campaigns_but_changes_nothing(campaign, qtbot):
    dialog = CampaignsDialog(read_only=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 1
    assert not any(b.isVisible() for b in (dialog.new_button, dialog.sent_button,
                                          dialog.delete_button))
    assert dialog.letters_button.isEnabled()


def test_the_campaign_model_keeps_qts_rules(campaign, qtmodeltester):
    model = CampaignTableModel()
    model.reload()
    qtmodeltester.check(model)
