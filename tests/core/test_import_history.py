"""Each import is recorded as a batch and can be undone as a whole."""

import datetime

import pytest

from prospect_desk import bulk_indexes, trash
from prospect_desk.cards import CardData, card_data, create_card, delete_cards, update_card
from prospect_desk.excel_import import DuplicateMode, import_file
from prospect_desk.import_history import (
    BatchState,
    UndoCancelled,
    UndoError,
    UndoProblem,
    get_batch,
    list_batches,
    undo_batch,
)
from prospect_desk.models import Card, Circle, FollowUp, ImportBatchUpdate


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



def test_undo_moves_its_cards_to_the_trash_a_chunk_at_a_time_at_the_undos_time(
        old_card, tmp_path, monkeypatch):
    monkeypatch.setattr(trash, "CHUNK", 1)
    import_three(tmp_path)
    batch_id = list_batches()[0].id
    seen = []
    undo_batch(batch_id, progress=lambda done, total: seen.append(done))
    assert seen[:4] == [0, 1, 2, 3]  # the three added cards, one per chunk
    trashed = Card.select(Card.deleted_at).where(Card.deleted_at.is_null(False))
    assert {card.deleted_at for card in trashed} == {get_batch(batch_id).undone_at}


def test_a_big_undo_cancelled_between_trash_chunks_leaves_cards_and_indexes_as_they_were(
        old_card, tmp_path, monkeypatch):
    monkeypatch.setattr(trash, "CHUNK", 1)
    monkeypatch.setattr(bulk_indexes, "MIN_BULK_ROWS", 1)
    import_three(tmp_path)
    indexes = bulk_indexes.table_indexes("card")
    assert trash.worth_dropping_card_indexes(4)
    checks = []
    with pytest.raises(UndoCancelled):
        undo_batch(list_batches()[0].id, cancelled=lambda: checks.append(1) or len(checks) > 2)
    assert live_names() == ["张伟", "李娜", "王芳", "赵六"]
    assert bulk_indexes.table_indexes("card") == indexes
    assert list_batches()[0].state is BatchState.DONE

# What an import makes besides cards -------------------------------------------------

def import_with_revisits_and_circles(tmp_path):
    """Adds 张伟 (new circle 展会) and updates 王芳 (new circle 老乡), each with a revisit."""
    path = write_csv(tmp_path / "回访.csv", [
        "姓名,手机,圈子,下次回访",
        "张伟,13800138000,展会,2030-03-01",
        "王芳,13900139000,老乡,2030-04-01",
    ])
    return import_file(path, duplicate_mode=DuplicateMode.UPDATE)


def open_revisits(card_id):
    return [(f.due_date, f.status) for f in FollowUp.select().where(
        (FollowUp.card == card_id) & (FollowUp.kind == "revisit"))]


def circle_names():
    return sorted(c.name for c in Circle.select().where(Circle.name.is_null(False)))


def test_undo_takes_away_the_revisit_it_put_on_an_updated_card(old_card, tmp_path):
    import_with_revisits_and_circles(tmp_path)
    assert open_revisits(old_card) == [(datetime.date(2030, 4, 1), "open")]

    result = undo_batch(list_batches()[0].id)

    assert open_revisits(old_card) == []
    assert result.follow_ups_removed == 1


def test_a_revisit_the_user_had_already_made_stays(old_card, tmp_path):
    from prospect_desk.models import FollowUp as Row
    Row.create(card=old_card, kind="revisit", due_date=datetime.date(2030, 4, 1))
    import_with_revisits_and_circles(tmp_path)  # same date: the import adds none

    undo_batch(list_batches()[0].id)

    assert open_revisits(old_card) == [(datetime.date(2030, 4, 1), "open")]


def test_a_revisit_done_since_the_import_is_a_record_and_stays(old_card, tmp_path):
    import_with_revisits_and_circles(tmp_path)
    FollowUp.update(status="done").where(FollowUp.card == old_card).execute()

    result = undo_batch(list_batches()[0].id)

    assert open_revisits(old_card) == [(datetime.date(2030, 4, 1), "done")]
    assert result.follow_ups_removed == 0


def test_an_added_cards_revisit_goes_to_the_trash_with_it_and_comes_back(old_card, tmp_path):
    from prospect_desk.cards import restore_cards

    import_with_revisits_and_circles(tmp_path)
    zhang = Card.get(Card.name == "张伟").id

    undo_batch(list_batches()[0].id)
    assert open_revisits(zhang) == [(datetime.date(2030, 3, 1), "open")]
    restore_cards([zhang])

    assert open_revisits(zhang) == [(datetime.date(2030, 3, 1), "open")]


def test_undo_takes_away_the_circles_it_made_that_no_live_card_uses(old_card, tmp_path):
    before = circle_names()
    import_with_revisits_and_circles(tmp_path)
    assert circle_names() == sorted([*before, "展会", "老乡"])

    result = undo_batch(list_batches()[0].id)

    assert circle_names() == before
    assert sorted(result.circles_removed) == ["展会", "老乡"]
    assert Card.get(Card.name == "张伟").circle_id is None


def test_a_circle_the_import_made_stays_while_a_live_card_uses_it(old_card, tmp_path):
    import_with_revisits_and_circles(tmp_path)
    fair = Circle.get(Circle.name == "展会").id
    create_card(CardData(name="刘洋", circle_id=fair))

    result = undo_batch(list_batches()[0].id)

    assert result.circles_removed == ["老乡"]
    assert Circle.get_or_none(Circle.id == fair) is not None


def test_a_circle_a_campaign_targets_stays(old_card, tmp_path):
    from prospect_desk.follow_up_rules import CampaignTarget, create_campaign

    import_with_revisits_and_circles(tmp_path)
    fair = Circle.get(Circle.name == "展会").id
    create_campaign("Fair invitation", datetime.date(2030, 5, 1), "exhibition_invitation",
                    CampaignTarget(circle_id=fair))

    result = undo_batch(list_batches()[0].id)

    assert result.circles_removed == ["老乡"]
    assert Circle.get_or_none(Circle.id == fair) is not None


def test_a_circle_that_was_there_before_the_import_stays(old_card, tmp_path):
    Circle.create(name="展会", position=99)
    import_with_revisits_and_circles(tmp_path)

    result = undo_batch(list_batches()[0].id)

    assert result.circles_removed == ["老乡"]
    assert "展会" in circle_names()


def test_a_cancel_at_the_very_end_keeps_the_revisits_and_circles(old_card, tmp_path):
    from prospect_desk.import_history import UndoCancelled

    import_with_revisits_and_circles(tmp_path)
    calls = []

    def cancel_at_the_last_check():
        calls.append(1)
        return len(calls) >= 4  # start, trash, updated cards, then the last check

    with pytest.raises(UndoCancelled):
        undo_batch(list_batches()[0].id, cancelled=cancel_at_the_last_check)
    assert len(calls) == 4
    assert open_revisits(old_card) == [(datetime.date(2030, 4, 1), "open")]
    assert {"展会", "老乡"} <= set(circle_names())
    assert live_names() == ["张伟", "王芳"]
