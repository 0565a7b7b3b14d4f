"""What an import made besides cards: its revisit follow-ups and its circles.

Frozen here on purpose, independent of the models. A follow-up or a circle an
import made remembers the batch (set in the same INSERT), so undoing the import
can take away the follow-ups it put on the cards it updated and the circles it
made that no live card uses any more.
"""

STATEMENTS = [
    'ALTER TABLE "follow_up" ADD COLUMN "import_batch_id" INTEGER '
    'REFERENCES "import_batch" ("id") ON DELETE SET NULL',
    'ALTER TABLE "circle" ADD COLUMN "import_batch_id" INTEGER '
    'REFERENCES "import_batch" ("id") ON DELETE SET NULL',
    'CREATE INDEX "follow_up_import_batch" ON "follow_up" ("import_batch_id") '
    'WHERE "import_batch_id" IS NOT NULL',
]


def up(migrator, db):
    for sql in STATEMENTS:
        db.execute_sql(sql)


def down(migrator, db):
    db.execute_sql('DROP INDEX IF EXISTS "follow_up_import_batch"')
    migrator.migrate(migrator.drop_column("follow_up", "import_batch_id"),
                     migrator.drop_column("circle", "import_batch_id"))
