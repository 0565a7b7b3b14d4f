"""Settings: the rules of the reports and of collection are kept in the card file."""

import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from prospect_desk import rule_settings
from prospect_desk.cards import CardData, create_card
from prospect_desk.models import Deal, FollowUp
from prospect_desk.receivables import classify_arrears, start_collection
from ui.settings_dialog import SettingsDialog


def open_dialog(qtbot, parent=None) -> SettingsDialog:
    dialog = SettingsDialog(parent)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def press_ok(qtbot, dialog):
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_the_rule_settings_show_their_defaults_and_keep_what_the_user_sets(database, qtbot):
    dialog = open_dialog(qtbot)
    spins = dialog.rule_spins
    assert {key: spin.value() for key, spin in spins.items()} == {
        "lapse_months": 12, "top_customer_no_contact_days": 60,
        "collection_step_days": 7, "collection_step_days_malicious": 3}
    for key, value in [("lapse_months", 18), ("top_customer_no_contact_days", 45),
                       ("collection_step_days", 10), ("collection_step_days_malicious", 2)]:
        spins[key].selectAll()
        qtbot.keyClicks(spins[key], str(value))
    press_ok(qtbot, dialog)
    assert rule_settings.all_values()["lapse_months"] == 18
    assert rule_settings.get("top_customer_no_contact_days") == 45
    assert rule_settings.get("collection_step_days") == 10
    assert rule_settings.get("collection_step_days_malicious") == 2
    again = open_dialog(qtbot)
    assert again.rule_spins["lapse_months"].value() == 18
    assert again.rule_spins["collection_step_days"].value() == 10
    # The ladder follows the new spacing.
    card = create_card(CardData(name="Wang Wei"))
    today = datetime.date.today()
    deal = Deal.insert(card=card, date=today, amount_cents=100, outcome="won",
                       due_date=today - datetime.timedelta(days=30),
                       created_at=datetime.datetime(2025, 1, 1)).execute()
    classify_arrears(deal, "malicious", "claims it never came")
    start_collection(deal, today)
    steps = FollowUp.select().where(FollowUp.deal == deal).order_by(FollowUp.due_date)
    assert [(s.due_date - today).days for s in steps] == [0, 2, 4, 6]


def test_cancel_keeps_the_rules_as_they_were(database, qtbot):
    dialog = open_dialog(qtbot)
    dialog.rule_spins["lapse_months"].setValue(24)
    dialog.reject()
    assert rule_settings.get("lapse_months") == 12


def test_a_read_only_card_file_shows_the_rules_without_letting_them_change(database, qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    parent.read_only = True
    qtbot.addWidget(parent)
    dialog = open_dialog(qtbot, parent)
    assert not any(spin.isEnabled() for spin in dialog.rule_spins.values())
    press_ok(qtbot, dialog)
    assert rule_settings.get("lapse_months") == 12
