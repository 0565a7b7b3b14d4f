"""Sales-history imports in the import history, so they can be undone too.

Frozen here on purpose, independent of the models. A deal or a payment a
sales import made remembers the batch (set in the same INSERT, so an import
pays nothing more per row); the batch keeps how many unmatched rows the user
resolved and how many cards it made for them. A payment written later has no
batch, which is how an undo tells that a deal was paid on since.
"""

STATEMENTS = [
    'ALTER TABLE "deal" ADD COLUMN "import_batch_id" INTEGER '
    'REFERENCES "import_batch" ("id") ON DELETE SET NULL',
    'ALTER TABLE "payment" ADD COLUMN "import_batch_id" INTEGER '
    'REFERENCES "import_batch" ("id") ON DELETE SET NULL',
    'ALTER TABLE "import_batch" ADD COLUMN "resolved" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "import_batch" ADD COLUMN "cards_created" INTEGER NOT NULL DEFAULT 0',
    'CREATE INDEX "deal_import_batch" ON "deal" ("import_batch_id") '
    'WHERE "import_batch_id" IS NOT NULL',
]


def up(migrator, db):
    for sql in STATEMENTS:
        db.execute_sql(sql)


def down(migrator, db):
    db.execute_sql('DROP INDEX IF EXISTS "deal_import_batch"')
    migrator.migrate(migrator.drop_column("deal", "import_batch_id"),
                     migrator.drop_column("payment", "import_batch_id"),
                     migrator.drop_column("import_batch", "resolved"),
                     migrator.drop_column("import_batch", "cards_created"))
