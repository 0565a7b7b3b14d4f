"""Import history: each import is a batch that can be undone as a whole.

Frozen here on purpose, independent of the models. A card remembers the batch
that added it (set in the same INSERT as the card, so an import pays nothing
more per row); a card that an import updated gets one row with its values
before and after, so that undoing can put it back unless it changed since.
"""

CREATE_BATCH = """CREATE TABLE "import_batch" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "sheet" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    "added" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "skipped" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "undone_at" DATETIME)"""

CREATE_UPDATE = """CREATE TABLE "import_batch_update" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "batch_id" INTEGER NOT NULL REFERENCES "import_batch" ("id") ON DELETE CASCADE,
    "card_id" INTEGER NOT NULL REFERENCES "card" ("id") ON DELETE CASCADE,
    "before" TEXT NOT NULL,
    "after" TEXT NOT NULL)"""

STATEMENTS = [
    CREATE_BATCH,
    CREATE_UPDATE,
    'ALTER TABLE "card" ADD COLUMN "import_batch_id" INTEGER '
    'REFERENCES "import_batch" ("id") ON DELETE SET NULL',
    'CREATE INDEX "import_batch_update_batch_id" ON "import_batch_update" ("batch_id")',
    'CREATE INDEX "import_batch_update_card_id" ON "import_batch_update" ("card_id")',
    'CREATE INDEX "card_import_batch" ON "card" ("import_batch_id") '
    'WHERE "import_batch_id" IS NOT NULL',
]


def up(migrator, db):
    for sql in STATEMENTS:
        db.execute_sql(sql)


def down(migrator, db):
    db.execute_sql('DROP INDEX IF EXISTS "card_import_batch"')
    migrator.migrate(migrator.drop_column("card", "import_batch_id"))
    db.execute_sql('DROP TABLE IF EXISTS "import_batch_update"')
    db.execute_sql('DROP TABLE IF EXISTS "import_batch"')
