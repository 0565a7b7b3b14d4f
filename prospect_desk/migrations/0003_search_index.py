"""A covering index for the search box: live cards in name order with their
search text, so a keystroke reads one index in order instead of the table."""


def up(migrator, db):
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "card_live_search" ON "card" ("sort_name", "search_text") '
        'WHERE "deleted_at" IS NULL')


def down(migrator, db):
    db.execute_sql('DROP INDEX IF EXISTS "card_live_search"')
