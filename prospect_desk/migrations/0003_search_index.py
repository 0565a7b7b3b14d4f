"""Covering indexes for the list: live cards in name order with their search
text, so a search keystroke reads one index in order instead of the table; and
live cards by circle, so circle counts never touch the table."""


def up(migrator, db):
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "card_live_search" ON "card" ("sort_name", "search_text") '
        'WHERE "deleted_at" IS NULL')
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "card_live_circle" ON "card" ("circle_id") '
        'WHERE "deleted_at" IS NULL')


def down(migrator, db):
    db.execute_sql('DROP INDEX IF EXISTS "card_live_search"')
    db.execute_sql('DROP INDEX IF EXISTS "card_live_circle"')
