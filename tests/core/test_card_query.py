import datetime

import pytest

from prospect_desk.card_query import (
    NO_CIRCLE,
    CardFilter,
    ListColumn,
    card_ids,
    card_rows,
    count_cards,
    count_query_plan,
)
from prospect_desk.cards import CardData, create_card, delete_cards
from prospect_desk.circles import list_circles


def names(ids):
    rows = card_rows(ids)
    return [rows[i].name for i in ids]


def make(**values):
    return create_card(CardData(**values))


def test_search_matches_every_listed_field(database):
    make(name="Name match")
    make(name="B", employer="Harbour Logistics")
    make(name="C", mobile="+86 138 0013 8000")
    make(name="D", email="d@example.com")
    make(name="E", address="上海市人民路")
    make(name="F", interests="高尔夫")
    make(name="G", notes="met at the fair")
    for text, expected in [("name match", ["Name match"]), ("harbour", ["B"]),
                           ("13800138000", ["C"]), ("+86 138", ["C"]), ("example.com", ["D"]),
                           ("人民路", ["E"]), ("高尔夫", ["F"]), ("FAIR", ["G"])]:
        assert names(card_ids(CardFilter(search=text))) == expected, text


def test_chinese_names_are_found_by_pinyin_and_initials(database):
    make(name="张伟")
    make(name="王芳")
    assert names(card_ids(CardFilter(search="zhangwei"))) == ["张伟"]
    assert names(card_ids(CardFilter(search="zw"))) == ["张伟"]
    assert names(card_ids(CardFilter(search="wang fang"))) == ["王芳"]


def test_like_wildcards_typed_by_the_user_are_taken_literally(database):
    make(name="100% cotton")
    make(name="100 cotton")
    make(name="a_b", notes="c\\d")
    make(name="axb", notes="cd")
    assert names(card_ids(CardFilter(search="100%"))) == ["100% cotton"]
    assert names(card_ids(CardFilter(search="a_b"))) == ["a_b"]
    assert names(card_ids(CardFilter(search="c\\d"))) == ["a_b"]
    assert names(card_ids(CardFilter(search="%"))) == ["100% cotton"]


def test_equal_names_list_by_when_they_were_made_reversed_with_the_order(database):
    first, second, third = (make(name="Wang", notes=n) for n in ("golf", "golf", "tea"))
    assert card_ids(CardFilter(search="wang")) == [first, second, third]
    assert card_ids(CardFilter(search="wang"), descending=True) == [third, second, first]
    assert card_ids(CardFilter(search="golf")) == [first, second]
    assert card_ids() == [first, second, third]


def test_a_search_in_name_order_reads_the_search_index_in_order_without_sorting(
        database, monkeypatch):
    from prospect_desk import card_query
    from prospect_desk.models import db

    make(name="Wang")
    queries = []
    real_fetch = card_query._fetch_ids
    monkeypatch.setattr(card_query, "_fetch_ids",
                        lambda query: queries.append(query.sql()) or real_fetch(query))
    card_ids(CardFilter(search="wa 13"))
    card_ids(CardFilter(search="wa"), descending=True)
    for sql, params in queries:
        plan = " ".join(str(row) for row in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params))
        assert "card_live_search" in plan and "TEMP B-TREE" not in plan, plan


def test_a_count_with_a_search_reads_the_search_index_as_the_list_does(database):
    make(name="Wang", mobile="13800138000")
    for card_filter in (CardFilter(search="wa"), CardFilter(search="wa 13"),
                        CardFilter(search="wa", kinds=frozenset({"person"}))):
        plan = " ".join(count_query_plan(card_filter))
        assert "card_live_search" in plan, (card_filter, plan)
    # The index holds live cards only: the trash is counted without it.
    assert "card_live_search" not in " ".join(
        count_query_plan(CardFilter(search="wa", trashed=True)))


def test_a_search_counts_the_cards_it_lists(database):
    work = list_circles()[0]
    make(name="Wang Fang", kind="company", mobile="13800138000", circle_id=work.id)
    make(name="Wang Wei", employer="Harbour", stage="customer")
    make(name="Li Na", notes="met Wang's brother")
    make(name="50%_off")
    delete_cards([make(name="Wang Gone"), make(name="Zhao Gone")])
    filters = [CardFilter(search=search, **more)
               for search in ("wang", "wa ha", "138-0013", "%_", "nobody", "gone", " ")
               for more in ({}, {"kinds": frozenset({"company"})},
                            {"circle_ids": frozenset({NO_CIRCLE})}, {"trashed": True})]
    counts = {}
    for card_filter in filters:
        counts[card_filter] = count_cards(card_filter)
        assert counts[card_filter] == len(card_ids(card_filter)), card_filter
    assert counts[CardFilter(search="wang")] == 3
    assert counts[CardFilter(search="gone", trashed=True)] == 2
    assert counts[CardFilter(search="%_")] == 1


def test_filters_combine_and_trashed_cards_are_hidden(database):
    work, school = list_circles()[:2]
    make(name="A", kind="company", stage="customer", circle_id=work.id)
    make(name="B", stage="customer", credit_status="bad", circle_id=work.id)
    make(name="C", stage="declined", circle_id=school.id)
    gone = make(name="D", stage="customer", circle_id=work.id)
    make(name="E")
    delete_cards([gone])
    assert names(card_ids(CardFilter(stages=frozenset({"customer"})))) == ["A", "B"]
    assert names(card_ids(CardFilter(kinds=frozenset({"company"})))) == ["A"]
    assert names(card_ids(CardFilter(credit_statuses=frozenset({"bad"})))) == ["B"]
    assert names(card_ids(CardFilter(circle_ids=frozenset({school.id})))) == ["C"]
    assert names(card_ids(CardFilter(circle_ids=frozenset({NO_CIRCLE})))) == ["E"]
    assert names(card_ids(CardFilter(trashed=True))) == ["D"]
    assert count_cards() == 4


def test_names_sort_by_pinyin_among_latin_names(database):
    for name in ["张伟", "Alice", "王芳", "Bob"]:
        make(name=name)
    assert names(card_ids(sort=ListColumn.NAME)) == ["Alice", "Bob", "王芳", "张伟"]
    descending = card_ids(sort=ListColumn.NAME, descending=True)
    assert names(descending) == ["张伟", "王芳", "Bob", "Alice"]


def test_empty_values_sort_last_in_both_directions(database):
    make(name="A")
    make(name="B", first_contact=datetime.date(2025, 1, 1))
    make(name="C", first_contact=datetime.date(2024, 1, 1))
    assert names(card_ids(sort=ListColumn.FIRST_CONTACT)) == ["C", "B", "A"]
    assert names(card_ids(sort=ListColumn.FIRST_CONTACT, descending=True)) == ["B", "C", "A"]


def test_circle_column_sorts_by_the_users_circle_order(database):
    work, school = list_circles()[:2]
    make(name="A", circle_id=school.id)
    make(name="B", circle_id=work.id)
    make(name="C")
    assert names(card_ids(sort=ListColumn.CIRCLE)) == ["B", "A", "C"]


def test_company_column_is_the_company_card_itself_or_the_employer(database):
    make(name="Harbour Ltd", kind="company")
    make(name="Bob", employer="Acme")
    make(name="Amy")
    ids = card_ids(sort=ListColumn.COMPANY)
    rows = card_rows(ids)
    assert [(rows[i].name, rows[i].company) for i in ids] == [
        ("Bob", "Acme"), ("Harbour Ltd", "Harbour Ltd"), ("Amy", "")]


def test_circle_and_phone_sorts_keep_empty_values_last_when_reversed(database):
    work, school = list_circles()[:2]
    make(name="A", circle_id=school.id, mobile="+86 139")
    make(name="B", circle_id=work.id, phone="021-1")
    make(name="C")
    assert names(card_ids(sort=ListColumn.CIRCLE, descending=True)) == ["A", "B", "C"]
    assert names(card_ids(sort=ListColumn.PHONE)) == ["A", "B", "C"]
    assert names(card_ids(sort=ListColumn.PHONE, descending=True)) == ["B", "A", "C"]


def test_every_list_sort_walks_an_index_even_before_sqlite_gathers_statistics(
        database, monkeypatch):
    from prospect_desk import card_query
    from prospect_desk.models import db

    queries = []
    real_fetch = card_query._fetch_ids
    monkeypatch.setattr(card_query, "_fetch_ids",
                        lambda query: queries.append(query.sql()) or real_fetch(query))
    for column in ListColumn:
        card_ids(sort=column)
        card_ids(sort=column, descending=True)
    for sql, params in queries:
        plan = " ".join(str(row) for row in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params))
        # Sorting ties among equal names is fine; sorting every card is not.
        assert "TEMP B-TREE FOR ORDER BY" not in plan, (sql, plan)


def test_a_filter_narrows_another_when_it_can_only_let_fewer_cards_through():
    from prospect_desk.card_query import narrows

    def f(search, **kw):
        return CardFilter(search=search, **kw)

    assert narrows(f("zhan"), f("zha"))
    assert narrows(f("wang 13"), f("wang"))
    assert narrows(f("Wang"), f("wan"))
    assert narrows(f("zha"), f(""))
    assert not narrows(f("zha"), f("zhan"))
    assert not narrows(f("wang"), f("13 wang"))
    assert not narrows(f("zhan", kinds=frozenset({"company"})), f("zha"))
    assert not narrows(f("zhan"), f("zha", trashed=True))
    # 1-234 also finds the digits 1234, which need not contain '1-2'.
    assert not narrows(f("1-234"), f("1-2"))
    assert narrows(f("138-0013"), f("138"))
    assert narrows(f("138-00"), f("138-0"))


@pytest.fixture
def lookups_always(monkeypatch):
    """Look among the earlier ids however few cards the file has."""
    from prospect_desk import card_query

    monkeypatch.setattr(card_query, "_few", lambda ids: True)


@pytest.mark.parametrize("sort", list(ListColumn))
def test_looking_among_earlier_results_finds_what_a_full_search_finds(
        database, lookups_always, sort):
    work = list_circles()[0]
    for i, name in enumerate(["Wang Wei", "王伟", "Wanda", "Wang", "Li Wang", "Zhou"]):
        make(name=name, phone=f"021-{i}" if i % 2 else "", circle_id=work.id if i % 3 else None,
             first_contact=datetime.date(2024, 1, i + 1) if i % 2 else None)
    make(name="Wang Trash")
    delete_cards([card_ids(CardFilter(search="trash"))[0]])
    for descending in (False, True):
        for old, new in [("wan", "wang"), ("w", "wang w"), ("", "wa")]:
            earlier = card_ids(CardFilter(search=old), sort, descending)
            assert card_ids(CardFilter(search=new), sort, descending, within=earlier) == \
                card_ids(CardFilter(search=new), sort, descending), (old, new)


def test_a_card_trashed_since_is_not_found_among_earlier_results(database, lookups_always):
    keep, gone = make(name="Wang Wei"), make(name="Wang Li")
    earlier = card_ids(CardFilter(search="wan"))
    delete_cards([gone])
    assert card_ids(CardFilter(search="wang"), within=earlier) == [keep]


def test_the_data_version_moves_with_every_write(database):
    from prospect_desk.card_query import data_version

    before = data_version()
    assert data_version() == before
    make(name="Wang")
    assert data_version() != before
