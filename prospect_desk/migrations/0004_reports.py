"""Reports and collection: per-card lapse threshold and lapse reason; on a deal,
the amount due, how its arrears are classed, and the repayment plan.

Frozen here on purpose, independent of the models. NOT NULL columns carry an
SQL DEFAULT so that SQLite adds them in place. The partial indexes serve the
reports, which read won deals only: by card (lapsed customers, loss rate), by
date (the 80/20 view over a period) and by due date (receivables).
"""

from peewee import SQL, BooleanField, IntegerField, TextField


def _text(default: str = "") -> TextField:
    return TextField(default=default, constraints=[SQL(f"DEFAULT '{default}'")])


INDEXES = [
    'CREATE INDEX "deal_won_card" ON "deal" ("card_id", "date", "amount_cents") '
    "WHERE \"outcome\" = 'won'",
    'CREATE INDEX "deal_won_date" ON "deal" ("date", "card_id", "amount_cents") '
    "WHERE \"outcome\" = 'won'",
    'CREATE INDEX "deal_won_due" ON "deal" ("due_date", "card_id") '
    "WHERE \"outcome\" = 'won' AND \"due_date\" IS NOT NULL",
    'CREATE INDEX "payment_deal_date" ON "payment" ("deal_id", "date", "amount_cents")',
]


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("card", "lapse_months", IntegerField(null=True)),
        migrator.add_column("card", "lapse_reason", TextField(null=True)),
        migrator.add_column("deal", "amount_due_cents", IntegerField(null=True)),
        migrator.add_column("deal", "arrears_kind", TextField(null=True)),
        migrator.add_column("deal", "arrears_reason", _text(), allow_not_null=True),
        migrator.add_column("deal", "repayment_plan", _text(), allow_not_null=True),
        migrator.add_column("deal", "plan_sealed", BooleanField(
            default=False, constraints=[SQL("DEFAULT 0")]), allow_not_null=True),
    )
    for sql in INDEXES:
        db.execute_sql(sql)

