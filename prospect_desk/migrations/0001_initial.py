"""The first schema: circles, cards, history, follow-ups, deals, payments, settings.

Frozen as SQL on purpose: later changes to the models must come as new
migration scripts, never as edits here.
"""

BUILTIN_CIRCLES = [
    "work", "school", "hobby", "social", "residence", "commute",
    "daily", "neighbourhood", "children", "spouse", "club", "religion",
]

STATEMENTS = [
    """CREATE TABLE "circle" (
        "id" INTEGER NOT NULL PRIMARY KEY,
        "builtin_key" TEXT,
        "name" TEXT,
        "position" INTEGER NOT NULL,
        "created_at" DATETIME NOT NULL)""",
    'CREATE UNIQUE INDEX "circle_builtin_key" ON "circle" ("builtin_key")',
    """CREATE TABLE "card" (
        "id" INTEGER NOT NULL PRIMARY KEY,
        "kind" TEXT NOT NULL,
        "name" TEXT NOT NULL,
        "address" TEXT NOT NULL,
        "phone" TEXT NOT NULL,
        "mobile" TEXT NOT NULL,
        "fax" TEXT NOT NULL,
        "email" TEXT NOT NULL,
        "person_in_charge" TEXT NOT NULL,
        "handler" TEXT NOT NULL,
        "employer" TEXT NOT NULL,
        "interests" TEXT NOT NULL,
        "notes" TEXT NOT NULL,
        "first_contact" DATE,
        "transaction_date" DATE,
        "birthday" DATE,
        "stage" TEXT NOT NULL,
        "credit_status" TEXT NOT NULL,
        "circle_id" INTEGER REFERENCES "circle" ("id") ON DELETE SET NULL,
        "referral_source" TEXT,
        "referrer_id" INTEGER REFERENCES "card" ("id") ON DELETE SET NULL,
        "last_contact" DATE,
        "sort_name" TEXT NOT NULL,
        "search_text" TEXT NOT NULL,
        "deleted_at" DATETIME,
        "created_at" DATETIME NOT NULL,
        "updated_at" DATETIME NOT NULL)""",
    'CREATE INDEX "card_circle_id" ON "card" ("circle_id")',
    'CREATE INDEX "card_referrer_id" ON "card" ("referrer_id")',
    'CREATE INDEX "card_deleted_at" ON "card" ("deleted_at")',
    # The list sorts live cards by each column; these keep a sort an index walk.
    *[
        f'CREATE INDEX "card_live_{col}" ON "card" ("{col}", "sort_name") WHERE "deleted_at" IS NULL'
        for col in ("sort_name", "kind", "phone", "stage", "credit_status",
                    "first_contact", "last_contact", "employer")
    ],
    """CREATE TABLE "activity" (
        "id" INTEGER NOT NULL PRIMARY KEY,
        "card_id" INTEGER NOT NULL REFERENCES "card" ("id") ON DELETE CASCADE,
        "kind" TEXT NOT NULL,
        "date" DATE NOT NULL,
        "text" TEXT NOT NULL,
        "created_at" DATETIME NOT NULL)""",
    'CREATE INDEX "activity_card_id" ON "activity" ("card_id", "date")',
    """CREATE TABLE "follow_up" (
        "id" INTEGER NOT NULL PRIMARY KEY,
        "card_id" INTEGER NOT NULL REFERENCES "card" ("id") ON DELETE CASCADE,
        "kind" TEXT NOT NULL,
        "due_date" DATE NOT NULL,
        "reason" TEXT NOT NULL,
        "status" TEXT NOT NULL,
        "outcome" TEXT NOT NULL,
        "done_at" DATETIME,
        "created_at" DATETIME NOT NULL)""",
    'CREATE INDEX "follow_up_card_id" ON "follow_up" ("card_id")',
    'CREATE INDEX "follow_up_status_due" ON "follow_up" ("status", "due_date")',
    """CREATE TABLE "deal" (
        "id" INTEGER NOT NULL PRIMARY KEY,
        "card_id" INTEGER NOT NULL REFERENCES "card" ("id") ON DELETE CASCADE,
        "date" DATE NOT NULL,
        "product" TEXT NOT NULL,
        "amount_cents" INTEGER NOT NULL,
        "outcome" TEXT NOT NULL,
        "delivery_date" DATE,
        "due_date" DATE,
        "notes" TEXT NOT NULL,
        "created_at" DATETIME NOT NULL)""",
    'CREATE INDEX "deal_card_id" ON "deal" ("card_id", "date")',
    """CREATE TABLE "payment" (
        "id" INTEGER NOT NULL PRIMARY KEY,
        "deal_id" INTEGER NOT NULL REFERENCES "deal" ("id") ON DELETE CASCADE,
        "date" DATE NOT NULL,
        "amount_cents" INTEGER NOT NULL,
        "created_at" DATETIME NOT NULL)""",
    'CREATE INDEX "payment_deal_id" ON "payment" ("deal_id")',
    """CREATE TABLE "setting" (
        "key" TEXT NOT NULL PRIMARY KEY,
        "value" TEXT NOT NULL)""",
]


def up(migrator, db):
    for sql in STATEMENTS:
        db.execute_sql(sql)
    for position, key in enumerate(BUILTIN_CIRCLES):
        db.execute_sql(
            'INSERT INTO "circle" ("builtin_key", "name", "position", "created_at") '
            "VALUES (?, NULL, ?, datetime('now', 'localtime'))",
            (key, position),
        )
