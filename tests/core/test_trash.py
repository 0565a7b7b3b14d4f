"""The trash read in pages, searched, restored and emptied in chunks."""

import pytest

from prospect_desk import trash
from prospect_desk.cards import CardData, create_card, delete_cards
from prospect_desk.excel_import import import_file
from prospect_desk.import_history import list_batches, undo_batch
from prospect_desk.models import Card, FollowUp


def live_names():
    return sorted(c.name for c in Card.select().where(Card.deleted_at.is_null()))


@pytest.fixture
def trashed(database):
    """Three typed cards deleted one after the other, one left alive."""
    ids = [create_card(CardData(name=name, employer=employer)) for name, employer in
           [("张伟", "华为"), ("李娜", "腾讯"), ("王芳", "华为"), ("留下", "")]]
    for card_id in ids[:3]:
        delete_cards([card_id])
    return ids


def test_the_trash_lists_the_last_deleted_first(trashed):
    assert trash.trashed_ids() == list(reversed(trashed[:3]))
    assert trash.trashed_count() == 3


def test_search_words_find_trashed_cards_as_the_card_list_does(trashed):
    assert sorted(trash.trashed_ids("华为")) == sorted([trashed[0], trashed[2]])
    assert trash.trashed_ids("华为 王") == [trashed[2]]
    assert trash.trashed_ids("留下") == []  # alive, not in the trash


def test_rows_are_read_for_the_ids_asked(trashed):
    rows = trash.trashed_rows([trashed[1]])
    assert list(rows) == [trashed[1]]
    assert (rows[trashed[1]].name, rows[trashed[1]].company) == ("李娜", "腾讯")


def test_restoring_puts_only_the_chosen_cards_back(trashed):
    assert trash.restore([trashed[0], trashed[3]]) == 1  # the live one is not counted
    assert live_names() == ["张伟", "留下"]


def test_a_cancelled_restore_changes_nothing(trashed, monkeypatch):
    monkeypatch.setattr(trash, "CHUNK", 1)
    calls = []

    def cancel_after_two_chunks():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(trash.TrashCancelled):
        trash.restore(trashed[:3], cancelled=cancel_after_two_chunks)
    assert live_names() == ["留下"]


def test_emptying_deletes_the_trashed_cards_with_their_follow_ups_in_chunks(trashed, monkeypatch):
    monkeypatch.setattr(trash, "CHUNK", 2)
    FollowUp.create(card=trashed[0], kind="revisit", due_date="2030-01-01")
    seen = []
    assert trash.empty(progress=lambda done, total: seen.append((done, total))) == 3
    assert seen == [(2, 3), (3, 3)]
    assert [c.name for c in Card.select()] == ["留下"]
    assert FollowUp.select().count() == 0


def test_a_cancelled_emptying_keeps_every_card(trashed):
    with pytest.raises(trash.TrashCancelled):
        trash.empty(cancelled=lambda: True)
    assert trash.trashed_count() == 3


def test_an_undone_import_is_listed_and_restored_as_a_whole(database, tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text("姓名,手机\n张伟,13800138000\n李娜,13700137000\n", encoding="utf-8")
    import_file(path)
    [batch] = list_batches()
    undo_batch(batch.id)
    delete_cards([create_card(CardData(name="手工"))])

    [item] = trash.trashed_imports()
    assert (item.batch_id, item.file_name, item.count) == (batch.id, "名单.csv", 2)
    assert len(trash.trashed_ids(batch_id=batch.id)) == 2

    assert trash.restore_import(batch.id) == 2
    assert live_names() == ["张伟", "李娜"]
    assert trash.trashed_imports() == []


def test_moving_many_cards_to_the_trash_is_one_move_with_one_time(database, monkeypatch):
    monkeypatch.setattr(trash, "CHUNK", 2)
    ids = [create_card(CardData(name=f"客户{i}")) for i in range(5)]
    seen = []
    assert trash.move_to_trash(ids, progress=lambda done, total: seen.append(done)) == 5
    assert seen == [2, 4, 5]
    assert len({c.deleted_at for c in Card.select()}) == 1
    assert trash.restore(trash.trashed_ids()) == 5


def test_a_move_that_fails_half_way_leaves_every_card_in_the_list(database, monkeypatch):
    monkeypatch.setattr(trash, "CHUNK", 2)
    ids = [create_card(CardData(name=f"客户{i}")) for i in range(5)]
    calls = []

    def cancel_after_the_first_chunk():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(trash.TrashCancelled):
        trash.move_to_trash(ids, cancelled=cancel_after_the_first_chunk)
    assert len(live_names()) == 5


def index_definitions():
    from prospect_desk.bulk_indexes import build_pending, table_indexes
    build_pending()  # what a big move left for after its commit
    return table_indexes("card")


def test_a_big_move_builds_the_card_indexes_again_as_they_were(database, monkeypatch):
    from prospect_desk import bulk_indexes

    monkeypatch.setattr(bulk_indexes, "MIN_BULK_ROWS", 1)
    before = index_definitions()
    ids = [create_card(CardData(name=f"客户{i}")) for i in range(4)]
    assert trash.move_to_trash(ids[:3]) == 3
    assert index_definitions() == before
    assert trash.restore(ids[:3]) == 3
    assert index_definitions() == before
    with pytest.raises(trash.TrashCancelled):
        trash.move_to_trash(ids, cancelled=lambda: True)
    assert index_definitions() == before and len(live_names()) == 4


def test_emptying_keeps_the_card_indexes_it_looks_referrers_up_in(database, monkeypatch):
    from prospect_desk import bulk_indexes

    monkeypatch.setattr(bulk_indexes, "MIN_BULK_ROWS", 1)
    dropped = []
    monkeypatch.setattr(bulk_indexes, "table_indexes", lambda table: dropped.append(table) or [])
    referrer = create_card(CardData(name="介绍人"))
    referred = create_card(CardData(name="新客户", referral_source="customer",
                                    referrer_id=referrer))
    delete_cards([referrer])
    assert trash.empty() == 1
    assert dropped == []
    assert Card.get_by_id(referred).referrer_id is None
