"""The new cards go in chunk by chunk as the file is read; circles that do not
exist yet and referrers further down the file are linked at the end. The
outcome is the same as when every row is held until the end (as an update
import does), whatever the chunk size."""

import csv

import pytest

from prospect_desk import excel_import
from prospect_desk.cards import CardData, create_card
from prospect_desk.database import close_database, open_database
from prospect_desk.excel_import import DuplicateMode, import_file
from prospect_desk.import_rows import ImportProblem
from prospect_desk.models import Card, Circle, FollowUp

ROWS = [
    ["Name", "Phone", "Circle", "Referred by", "Next revisit"],
    ["Ann", "021-5550001", "Golf", "Dan", "2030-01-02"],      # referrer four rows down
    ["Bob", "021-5550002", "golf", "Ann", ""],                # same new circle, other case
    ["Cy", "021-5550003", "Work friends", "Old friend", ""],  # built-in circle
    ["Di", "021-5550004", "", "Di", "2030-02-03"],            # refers to herself
    ["Dan", "021-5550005", "Abacus club", "Nobody", ""],      # no such card
    ["Eve", "021-5550006", "Golf", "old friend", ""],
    ["Old friend", "021-5550007", "", "", ""],                # a file card wins over the live one
]


def write_csv(path):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(ROWS)
    return path


def outcome(result):
    ids = {card_id: name for card_id, name in Card.select(Card.id, Card.name).tuples()}
    circles = {c.id: c.name or c.builtin_key for c in Circle.select()}
    cards = [(c.name, c.phone, circles.get(c.circle_id), ids.get(c.referrer_id), c.sort_name,
              c.search_text, c.import_batch_id is not None)
             for c in Card.select().order_by(Card.id)]
    circle_rows = list(Circle.select(Circle.name, Circle.position).order_by(Circle.id).tuples())
    revisits = sorted((ids[f.card_id], f.due_date) for f in FollowUp.select())
    warnings = [(w.row_number, w.problem.reason) for w in result.warnings]
    return (cards, circle_rows, revisits, warnings, result.imported, result.circles_created,
            result.follow_ups_created)


def import_into_fresh(path, db_path, mode):
    open_database(db_path)
    try:
        create_card(CardData(name="Old friend", employer="Acme"))
        result = import_file(path, duplicate_mode=mode)
        return outcome(result)
    finally:
        close_database()


@pytest.mark.parametrize("chunk", [1, 2, 3, 500])
def test_streamed_rows_give_the_same_cards_as_rows_held_to_the_end(tmp_path, monkeypatch,
                                                                   chunk):
    path = write_csv(tmp_path / "in.csv")
    held = import_into_fresh(path, tmp_path / "held.sqlite3", DuplicateMode.UPDATE)
    monkeypatch.setattr(excel_import, "CHUNK_ROWS", chunk)
    streamed = import_into_fresh(path, tmp_path / "streamed.sqlite3", DuplicateMode.SKIP)
    assert streamed == held
    cards, circles, revisits, warnings, imported, created, follow_ups = streamed
    by_name = {card[0]: card for card in cards}
    assert by_name["Ann"][2:4] == ("Golf", "Dan")
    assert by_name["Bob"][2:4] == ("Golf", "Ann")
    assert by_name["Cy"][2:4] == ("work", "Old friend")
    assert by_name["Cy"][3] == by_name["Eve"][3]
    assert [name for name, _position in circles][-2:] == ["Golf", "Abacus club"]  # file order
    assert warnings == [(5, ImportProblem.REFERRER_NOT_FOUND),
                        (6, ImportProblem.REFERRER_NOT_FOUND)]
    assert (imported, created, follow_ups) == (7, 2, 2)


def test_the_file_card_of_a_referrer_name_wins_over_the_live_card(tmp_path):
    path = write_csv(tmp_path / "in.csv")
    open_database(tmp_path / "cards.sqlite3")
    try:
        old = create_card(CardData(name="Old friend", employer="Acme"))
        import_file(path)
        cy = Card.get(Card.name == "Cy")
        assert cy.referrer_id != old
        assert Card.get_by_id(cy.referrer_id).import_batch_id is not None
    finally:
        close_database()
