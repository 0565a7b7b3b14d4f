"""Indexes a bulk write left to be built after its commit.

Frozen here on purpose, independent of the models. A big import drops the
card table's indexes inside its transaction; those no query names in INDEXED
BY are not built again before the commit but recorded here, in the same
transaction, and built one by one afterwards (see bulk_indexes). A kill in
between loses nothing: the next start builds what is still listed.
"""

STATEMENTS = [
    'CREATE TABLE "pending_index" ("name" TEXT NOT NULL PRIMARY KEY, "sql" TEXT NOT NULL)',
]


def up(migrator, db):
    for sql in STATEMENTS:
        db.execute_sql(sql)


def down(migrator, db):
    for name, sql in db.execute_sql('SELECT "name", "sql" FROM "pending_index"').fetchall():
        if not db.execute_sql("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                              (name,)).fetchone():
            db.execute_sql(sql)
    db.execute_sql('DROP TABLE "pending_index"')
