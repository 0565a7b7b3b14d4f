"""Indexes that let the list sort by the company and phone it shows, and by
circle, as index walks instead of sorting 100k rows each time.

The two expressions must stay exactly as `card_query` writes them, or SQLite
will not use these indexes."""

COMPANY = """CASE WHEN "kind" = 'company' THEN "name" ELSE "employer" END"""
PHONE = """CASE WHEN "phone" != '' THEN "phone" ELSE "mobile" END"""


def up(migrator, db):
    db.execute_sql(f'CREATE INDEX IF NOT EXISTS "card_live_company_shown" ON "card" '
                   f'(({COMPANY}), "sort_name") WHERE "deleted_at" IS NULL')
    db.execute_sql(f'CREATE INDEX IF NOT EXISTS "card_live_phone_shown" ON "card" '
                   f'(({PHONE}), "sort_name") WHERE "deleted_at" IS NULL')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "card_live_circle_name" ON "card" '
                   '("circle_id", "sort_name") WHERE "deleted_at" IS NULL')
    db.execute_sql('DROP INDEX IF EXISTS "card_live_circle"')  # covered by the one above
    # An index on deleted_at tempts the planner (before ANALYZE) to fetch all live
    # cards by it and sort them; the trash is found by a partial index instead.
    db.execute_sql('DROP INDEX IF EXISTS "card_deleted_at"')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "card_trashed" ON "card" ("deleted_at") '
                   'WHERE "deleted_at" IS NOT NULL')


def down(migrator, db):
    for name in ("card_live_company_shown", "card_live_phone_shown", "card_live_circle_name"):
        db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "card_live_circle" ON "card" ("circle_id") '
                   'WHERE "deleted_at" IS NULL')
    db.execute_sql('DROP INDEX IF EXISTS "card_trashed"')
    db.execute_sql('CREATE INDEX IF NOT EXISTS "card_deleted_at" ON "card" ("deleted_at")')
