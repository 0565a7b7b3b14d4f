"""The ageing report reads the won deals with a due date from their index alone.

Frozen here on purpose, independent of the models. The due-date index held
(due_date, card_id), so the ageing report looked up each of the deal rows it
walked for their date and amounts: at 130k receivables a row lookup apiece,
some 400 ms of an 800 ms report. With the date and both amounts in the index
the walk needs no row; the index keeps its name, its rows (won deals with a
due date) and its order, so the receivables list reads it as before and a
write updates no more indexes than it did.
"""

UP = [
    'DROP INDEX IF EXISTS "deal_won_due"',
    'CREATE INDEX "deal_won_due" ON "deal" '
    '("due_date", "card_id", "date", "amount_due_cents", "amount_cents") '
    "WHERE \"outcome\" = 'won' AND \"due_date\" IS NOT NULL",
]

DOWN = [
    'DROP INDEX IF EXISTS "deal_won_due"',
    'CREATE INDEX "deal_won_due" ON "deal" ("due_date", "card_id") '
    "WHERE \"outcome\" = 'won' AND \"due_date\" IS NOT NULL",
]


def up(migrator, db):
    for sql in UP:
        db.execute_sql(sql)


def down(migrator, db):
    for sql in DOWN:
        db.execute_sql(sql)
