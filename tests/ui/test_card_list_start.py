"""When the app opens on the today view, the card list is filled only when it is
first shown (or something asks for its cards): start-up pays for what is seen."""

import datetime

import pytest
from PySide6.QtCore import Qt

from prospect_desk.cards import CardData, create_card
from prospect_desk.follow_ups import add_follow_up
from ui.models import card_table_model


@pytest.fixture
def due_today(database):
    ids = [create_card(CardData(name=name)) for name in ("Zhou Min", "Li Na", "Wang Wei")]
    add_follow_up(ids[1], "revisit", datetime.date.today(), "ask about the new office")
    return ids


@pytest.fixture
def queries(monkeypatch):
    made = []
    real = card_table_model.card_ids

    def counted(*args, **kwargs):
        made.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(card_table_model, "card_ids", counted)
    return made


def shown_names(window):
    model = window.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_opening_on_today_leaves_the_list_for_when_it_is_shown(due_today, queries,
                                                               main_window):
    window = main_window
    assert window.views.currentWidget() is window.today_view
    assert queries == []
    window.cards_view_action.trigger()  # the Cards button of the toolbar
    assert window.views.currentWidget() is window.splitter
    assert shown_names(window) == ["Li Na", "Wang Wei", "Zhou Min"]
    assert window.count_label.text() == "3 of 3 cards"
    assert len(queries) == 1


def test_a_card_opened_from_today_is_selected_in_the_filled_list(due_today, main_window,
                                                                 qtbot):
    window = main_window
    view = window.today_view
    rect = view.tree.visualRect(view.row_of("today", 0))
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.views.currentWidget() is window.splitter
    assert window.editor.texts["name"].text() == "Li Na"
    selected = window.table.selectionModel().selectedRows()
    assert [index.data() for index in selected] == ["Li Na"]


def test_the_whole_list_is_there_for_a_printout_before_the_list_was_shown(due_today, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.views.currentWidget() is window.today_view
    assert sorted(window.model.ids) == sorted(due_today)


def test_the_calendar_and_reports_are_built_when_first_shown(due_today, main_window):
    window = main_window
    assert window._calendar_view is None and window._reports_view is None
    window.calendar_view_action.trigger()
    assert window.views.currentWidget() is window.calendar_view
    assert window.calendar_view_action.isChecked()
    assert window.calendar_view.done_button.isVisible()
    window.reports_view_action.trigger()
    assert window.views.currentWidget() is window.reports_view
    window.today_view_action.trigger()
    assert window.views.currentWidget() is window.today_view


def test_a_calendar_built_in_a_read_only_window_offers_no_buttons_that_write(due_today,
                                                                            main_window):
    main_window.set_read_only(True)
    main_window.calendar_view_action.trigger()
    view = main_window.calendar_view
    assert not any(b.isVisible() for b in (view.done_button, view.skip_button, view.move_button))
