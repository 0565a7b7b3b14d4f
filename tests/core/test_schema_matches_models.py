"""After every migration has run, each model's table holds exactly its columns."""

import pytest

from prospect_desk.models import ALL_MODELS, db


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_table_has_exactly_the_models_columns(database, model):
    table = model._meta.table_name
    columns = {row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()}
    expected = {field.column_name for field in model._meta.fields.values()}
    assert columns == expected


def test_no_table_lacks_a_model(database):
    tables = {row[0] for row in db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' AND name != 'schema_migration'").fetchall()}
    assert tables == {model._meta.table_name for model in ALL_MODELS}


def test_foreign_keys_of_new_columns_point_where_the_models_say(database):
    keys = {(row[3], row[2], row[6])
            for row in db.execute_sql('PRAGMA foreign_key_list("follow_up")').fetchall()}
    assert ("deal_id", "deal", "SET NULL") in keys
    assert ("campaign_id", "campaign", "SET NULL") in keys


def test_the_birthday_query_searches_its_index_in_every_window(database):
    import datetime

    from prospect_desk.follow_up_rules import solar_birthday_query

    # Dec 20 to Jan 10 wraps the year end: two month-day windows.
    sql, params = solar_birthday_query(datetime.date(2025, 12, 20), datetime.date(2026, 1, 10))
    plan = [row[-1] for row in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()]
    searches = [step for step in plan if step.startswith("SEARCH card")]
    assert len(searches) == 2
    assert all("card_live_birthday_md" in step for step in searches)


def test_a_database_made_with_the_first_schema_upgrades_with_its_rows(tmp_path):
    from peewee import SqliteDatabase

    from prospect_desk.database import close_database, migration_runner, open_database
    from prospect_desk.models import Card, FollowUp

    path = tmp_path / "old.sqlite3"
    old = SqliteDatabase(str(path))
    migration_runner(old).up(target="0001_initial")
    old.execute_sql(
        "INSERT INTO card (kind, name, address, phone, mobile, fax, email, person_in_charge, "
        "handler, employer, interests, notes, stage, credit_status, sort_name, search_text, "
        "created_at, updated_at) VALUES ('individual', 'Wang', '', '', '', '', '', '', '', '', "
        "'', '', 'new', 'unknown', 'wang', 'wang', '2024-01-01', '2024-01-01')")
    old.execute_sql(
        "INSERT INTO follow_up (card_id, kind, due_date, reason, status, outcome, created_at) "
        "VALUES (1, 'revisit', '2024-02-01', 'call back', 'open', '', '2024-01-01')")
    old.close()
    open_database(path)
    try:
        card = Card.get_by_id(1)
        assert (card.birthday_lunar, card.decline_note, card.lunar_birthday_leap) == (False, "",
                                                                                  False)
        follow_up = FollowUp.get_by_id(1)
        assert (follow_up.rule, follow_up.rule_params, follow_up.repeat, follow_up.deal_id) == (
            "manual", "{}", "", None)
        assert follow_up.reason == "call back"
    finally:
        close_database()
