"""Typing in the search box letter by letter: each letter looks among the cards
already listed, and still finds what a fresh search would."""

import pytest
from PySide6.QtCore import Qt

from prospect_desk import card_query
from prospect_desk.cards import CardData, create_card


@pytest.fixture
def lookups_always(monkeypatch):
    monkeypatch.setattr(card_query, "_few", lambda ids: True)


def listed(window):
    model = window.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.fixture
def cards(database):
    for name in ["Wang Wei", "王芳", "Wanda Li", "Zhang Wei", "Li Na"]:
        create_card(CardData(name=name))


def test_each_letter_typed_narrows_the_list(cards, lookups_always, main_window, qtbot):
    qtbot.keyClicks(main_window.search, "wa")
    assert listed(main_window) == ["Wanda Li", "Wang Wei", "王芳"]
    qtbot.keyClicks(main_window.search, "ng")
    assert listed(main_window) == ["Wang Wei", "王芳"]
    qtbot.keyClicks(main_window.search, " we")
    assert listed(main_window) == ["Wang Wei"]
    qtbot.keyClick(main_window.search, Qt.Key.Key_Backspace)
    qtbot.keyClick(main_window.search, Qt.Key.Key_Backspace)
    assert listed(main_window) == ["Wang Wei", "王芳"]


def test_a_card_saved_between_two_letters_is_found_by_the_second(cards, lookups_always,
                                                                 main_window, qtbot):
    qtbot.keyClicks(main_window.search, "wan")
    create_card(CardData(name="Wang Lei"))  # written, the list not told
    qtbot.keyClicks(main_window.search, "g")
    assert listed(main_window) == ["Wang Lei", "Wang Wei", "王芳"]
