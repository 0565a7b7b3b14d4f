"""Each import is recorded as a batch and can be undone as a whole."""

import datetime

import pytest

from prospect_desk.cards import CardData, card_data, create_card, delete_cards, update_card
from prospect_desk.excel_import import DuplicateMode, import_file
from prospect_desk.import_history import (
    BatchState,
    UndoError,
    UndoProblem,
    get_batch,
    list_batches,
    undo_batch,
)
from prospect_desk.models import Card, ImportBatchUpdate


def write_csv(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def live_names():
    return sorted(c.name for c in Card.select().where(Card.deleted_at.is_null()))


@pytest.fixture
def old_card(database):
    return create_card(CardData(name="王芳", mobile="13900139000", notes="met at the fair",
                                first_contact=datetime.date(2024, 5, 6)))


def import_three(tmp_path, mode=DuplicateMode.UPDATE):
    path = write_csv(tmp_path / "新客户.csv", [
        "姓名,手机,备注",
        "张伟,13800138000,",
        "李娜,13700137000,",
        "王芳,13900139000,called twice",
        ",,",
        "赵六,abc,",
    ])
    return import_file(path, duplicate_mode=mode)


def test_an_import_is_listed_with_its_file_and_counts(old_card, tmp_path):
    import_three(tmp_path)
    [batch] = list_batches()
    assert (batch.file_name, batch.sheet) == ("新客户.csv", "CSV")
    assert (batch.added, batch.updated, batch.skipped, batch.rejected) == (3, 1, 0, 0)
    assert batch.state is BatchState.DONE and batch.can_undo


def test_a_skipped_duplicate_counts_as_skipped(old_card, tmp_path):
    import_three(tmp_path, DuplicateMode.SKIP)
    [batch] = list_batches()
    assert (batch.added, batch.updated, batch.skipped) == (3, 0, 1)


def test_added_cards_remember_their_import_and_only_updated_ones_get_a_before_row(
        old_card, tmp_path):
    import_three(tmp_path)
    [batch] = list_batches()
    added = Card.select().where(Card.import_batch == batch.id).count()
    assert added == 3
    assert [u.card_id for u in ImportBatchUpdate.select()] == [old_card]


def test_undo_trashes_the_added_cards_and_puts_the_updated_card_back(old_card, tmp_path):
    before = card_data(Card.get_by_id(old_card))
    import_three(tmp_path)
    assert Card.get_by_id(old_card).notes == "called twice"
    [batch] = list_batches()

    result = undo_batch(batch.id)

    assert (result.trashed, result.restored, result.kept) == (3, 1, [])
    assert live_names() == ["王芳"]
    assert card_data(Card.get_by_id(old_card)) == before
    assert Card.select().where(Card.deleted_at.is_null(False)).count() == 3
    assert get_batch(batch.id).state is BatchState.UNDONE


def test_an_updated_card_changed_after_the_import_is_kept_and_reported(old_card, tmp_path):
    import_three(tmp_path)
    data = card_data(Card.get_by_id(old_card))
    data.notes = "my own note after the import"
    update_card(old_card, data)
    [batch] = list_batches()

    result = undo_batch(batch.id)

    assert result.restored == 0
    assert result.kept == [(old_card, "王芳")]
    assert Card.get_by_id(old_card).notes == "my own note after the import"


def test_undoing_twice_is_refused(old_card, tmp_path):
    import_three(tmp_path)
    [batch] = list_batches()
    undo_batch(batch.id)
    with pytest.raises(UndoError) as caught:
        undo_batch(batch.id)
    assert caught.value.problem is UndoProblem.ALREADY_UNDONE
    assert live_names() == ["王芳"]


def test_an_unknown_import_is_refused(database):
    with pytest.raises(UndoError) as caught:
        undo_batch(42)
    assert caught.value.problem is UndoProblem.NOT_FOUND


def test_undo_leaves_cards_already_in_the_trash_and_other_imports_alone(old_card, tmp_path):
    import_three(tmp_path)
    second = write_csv(tmp_path / "more.csv", ["姓名,手机", "孙七,13600136000"])
    import_file(second)
    first_id = list_batches()[-1].id
    zhang = Card.get(Card.name == "张伟").id
    delete_cards([zhang])

    result = undo_batch(first_id)

    assert result.trashed == 2
    assert live_names() == ["孙七", "王芳"]


def test_the_newest_import_is_listed_first(database, tmp_path):
    import_file(write_csv(tmp_path / "a.csv", ["姓名", "甲"]))
    import_file(write_csv(tmp_path / "b.csv", ["姓名", "乙"]))
    assert [b.file_name for b in list_batches()] == ["b.csv", "a.csv"]


def test_undo_reports_its_progress_up_to_every_card(old_card, tmp_path):
    import_three(tmp_path)
    seen = []
    undo_batch(list_batches()[0].id, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)


def test_a_cancelled_undo_changes_nothing(old_card, tmp_path):
    from prospect_desk.import_history import UndoCancelled

    import_three(tmp_path)
    calls = []

    def cancel_after_the_trash():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(UndoCancelled):
        undo_batch(list_batches()[0].id, cancelled=cancel_after_the_trash)
    assert live_names() == ["张伟", "李娜", "王芳", "赵六"]
    assert Card.get_by_id(old_card).notes == "called twice"
    assert list_batches()[0].state is BatchState.DONE
