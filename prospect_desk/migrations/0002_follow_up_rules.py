"""Follow-up rules: why a card declined, lunar birthdays, how a deal was won or
lost, mailing campaigns, and what made each follow-up.

Frozen here on purpose, independent of the models. Plain columns go through
peewee's migrator; NOT NULL ones carry an SQL DEFAULT so that SQLite adds them
in place (peewee would otherwise rebuild the table to add the constraint).
Columns that reference another table, and the new table, are written as SQL
because the migrator cannot add a foreign key to an SQLite table without
binding a model.
"""

from peewee import SQL, BooleanField, DateField, IntegerField, TextField


def _text(default: str = "") -> TextField:
    return TextField(default=default, constraints=[SQL(f"DEFAULT '{default}'")])


def _flag() -> BooleanField:
    return BooleanField(default=False, constraints=[SQL("DEFAULT 0")])


CREATE_CAMPAIGN = """CREATE TABLE "campaign" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL)"""

FOREIGN_KEY_COLUMNS = [
    'ALTER TABLE "follow_up" ADD COLUMN "deal_id" INTEGER '
    'REFERENCES "deal" ("id") ON DELETE SET NULL',
    'ALTER TABLE "follow_up" ADD COLUMN "campaign_id" INTEGER '
    'REFERENCES "campaign" ("id") ON DELETE SET NULL',
]

INDEXES = [
    'CREATE INDEX "follow_up_card_status" ON "follow_up" ("card_id", "status")',
    'CREATE INDEX "follow_up_deal_id" ON "follow_up" ("deal_id")',
    'CREATE INDEX "follow_up_campaign_id" ON "follow_up" ("campaign_id")',
    'CREATE INDEX "campaign_date" ON "campaign" ("date")',
    'CREATE INDEX "follow_up_occurrence" ON "follow_up" ("occurrence_date", "card_id") '
    'WHERE "occurrence_date" IS NOT NULL',
    # Birthday reminders are found by month-day over a date range; the
    # follow_up_rules query repeats this expression and condition exactly.
    """CREATE INDEX "card_live_birthday_md" ON "card" (strftime('%m-%d', "birthday"))
        WHERE "deleted_at" IS NULL AND "birthday" IS NOT NULL AND "birthday_lunar" = 0""",
    'CREATE INDEX "card_live_lunar_birthday" ON "card" ("birthday_lunar") '
    'WHERE "deleted_at" IS NULL AND "birthday_lunar" = 1',
]


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("card", "decline_reason", TextField(null=True)),
        migrator.add_column("card", "decline_note", _text(), allow_not_null=True),
        migrator.add_column("card", "birthday_lunar", _flag(), allow_not_null=True),
        migrator.add_column("card", "lunar_birthday_month", IntegerField(null=True)),
        migrator.add_column("card", "lunar_birthday_day", IntegerField(null=True)),
        migrator.add_column("card", "lunar_birthday_leap", _flag(), allow_not_null=True),
        migrator.add_column("deal", "lost_reason", TextField(null=True)),
        migrator.add_column("deal", "self_review", _text(), allow_not_null=True),
        migrator.add_column("deal", "install_test", _flag(), allow_not_null=True),
        migrator.add_column("deal", "training", _flag(), allow_not_null=True),
        migrator.add_column("follow_up", "rule", _text("manual"), allow_not_null=True),
        migrator.add_column("follow_up", "rule_params", _text("{}"), allow_not_null=True),
        migrator.add_column("follow_up", "repeat", _text(), allow_not_null=True),
        migrator.add_column("follow_up", "occurrence_date", DateField(null=True)),
    )
    db.execute_sql(CREATE_CAMPAIGN)
    for sql in FOREIGN_KEY_COLUMNS + INDEXES:
        db.execute_sql(sql)
