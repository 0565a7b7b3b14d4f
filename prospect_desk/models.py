"""Peewee models, bound to one database proxy that `database.open_database` fills.

The tables themselves are created and changed only by the migration scripts in
`prospect_desk/migrations/`; a test checks that the two agree.
"""

import datetime

from peewee import (
    AutoField,
    BooleanField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    DeferredForeignKey,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

db = DatabaseProxy()


def _now() -> datetime.datetime:
    return datetime.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class Circle(BaseModel):
    """A source circle. Built-in circles keep their key so they show in the
    user's language; `name` is set once the user renames one (or adds one)."""

    id = AutoField()
    builtin_key = TextField(null=True, unique=True)
    name = TextField(null=True)
    position = IntegerField(default=0)
    created_at = DateTimeField(default=_now)
    # The import that made the circle (None: made by hand, or before 0008).
    import_batch = DeferredForeignKey("ImportBatch", null=True, on_delete="SET NULL",
                                      backref="circles")


class Card(BaseModel):
    id = AutoField()
    kind = TextField()
    name = TextField()
    address = TextField(default="")
    phone = TextField(default="")
    mobile = TextField(default="")
    fax = TextField(default="")
    email = TextField(default="")
    person_in_charge = TextField(default="")
    handler = TextField(default="")
    employer = TextField(default="")
    interests = TextField(default="")
    notes = TextField(default="")
    first_contact = DateField(null=True)
    transaction_date = DateField(null=True)
    birthday = DateField(null=True)
    stage = TextField(default="new")
    credit_status = TextField(default="unknown")
    circle = ForeignKeyField(Circle, null=True, on_delete="SET NULL", backref="cards")
    referral_source = TextField(null=True)
    referrer = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="referred")
    last_contact = DateField(null=True)
    sort_name = TextField(default="")
    search_text = TextField(default="")
    deleted_at = DateTimeField(null=True)
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)
    # Why the prospect last said "not now" (enums.DeclineReason) and what lies behind it.
    decline_reason = TextField(null=True)
    decline_note = TextField(default="")
    # A birthday kept as a lunar date (农历): month, day and whether the month is
    # a leap month (闰月). `birthday` may still hold the solar date of birth.
    birthday_lunar = BooleanField(default=False)
    lunar_birthday_month = IntegerField(null=True)
    lunar_birthday_day = IntegerField(null=True)
    lunar_birthday_leap = BooleanField(default=False)
    # Months without a purchase before the customer counts as lapsed (None:
    # the rule setting), and why they lapsed (enums.LapseReason).
    lapse_months = IntegerField(null=True)
    lapse_reason = TextField(null=True)
    # The import that added the card (None: typed in, or added before 0006).
    import_batch = DeferredForeignKey("ImportBatch", null=True, on_delete="SET NULL",
                                      backref="cards")

    @property
    def company(self) -> str:
        """The company column of the list: the card itself, or the employer."""
        return self.name if self.kind == "company" else self.employer


class Activity(BaseModel):
    """One entry of a card's history: a note or a logged contact."""

    id = AutoField()
    card = ForeignKeyField(Card, on_delete="CASCADE", backref="activities")
    kind = TextField()
    date = DateField()
    text = TextField(default="")
    created_at = DateTimeField(default=_now)


class FollowUp(BaseModel):
    """A dated task on a card: whom to contact, when and why."""

    id = AutoField()
    card = ForeignKeyField(Card, on_delete="CASCADE", backref="follow_ups")
    kind = TextField()
    due_date = DateField()
    reason = TextField(default="")
    status = TextField(default="open")
    outcome = TextField(default="")
    done_at = DateTimeField(null=True)
    created_at = DateTimeField(default=_now)
    # The rule that made it (enums.FollowUpRule) and its parameters as JSON;
    # `reason` holds the free-text part.
    rule = TextField(default="manual")
    rule_params = TextField(default="{}")
    repeat = TextField(default="")
    deal = DeferredForeignKey("Deal", null=True, on_delete="SET NULL", backref="follow_ups")
    campaign = DeferredForeignKey("Campaign", null=True, on_delete="SET NULL",
                                  backref="follow_ups")
    # For a computed occurrence (a birthday) made into a row when done, skipped
    # or moved: the date it was computed for.
    occurrence_date = DateField(null=True)
    # The import that added it, as the next revisit of a row (None otherwise).
    import_batch = DeferredForeignKey("ImportBatch", null=True, on_delete="SET NULL",
                                      backref="follow_ups")


class Deal(BaseModel):
    """A sale won, lost or under way, with what is owed on it."""

    id = AutoField()
    card = ForeignKeyField(Card, on_delete="CASCADE", backref="deals")
    date = DateField()
    product = TextField(default="")
    amount_cents = IntegerField(default=0)
    outcome = TextField(default="open")
    delivery_date = DateField(null=True)
    due_date = DateField(null=True)
    notes = TextField(default="")
    created_at = DateTimeField(default=_now)
    lost_reason = TextField(null=True)
    self_review = TextField(default="")  # JSON: question -> {"yes": bool, "note": str}
    install_test = BooleanField(default=False)
    training = BooleanField(default=False)
    # What the customer owes on a won deal (None: the whole amount), how the
    # arrears are classed (enums.ArrearsKind) and why, and the repayment plan.
    amount_due_cents = IntegerField(null=True)
    arrears_kind = TextField(null=True)
    arrears_reason = TextField(default="")
    repayment_plan = TextField(default="")
    plan_sealed = BooleanField(default=False)
    # The sales import that made the deal (None: recorded by hand, or before 0010).
    import_batch = DeferredForeignKey("ImportBatch", null=True, on_delete="SET NULL",
                                      backref="deals")


class Payment(BaseModel):
    id = AutoField()
    deal = ForeignKeyField(Deal, on_delete="CASCADE", backref="payments")
    date = DateField()
    amount_cents = IntegerField()
    created_at = DateTimeField(default=_now)
    # The sales import that made the payment (None: recorded by hand, or before 0010).
    import_batch = DeferredForeignKey("ImportBatch", null=True, on_delete="SET NULL",
                                      backref="payments")


class Setting(BaseModel):
    """Per-database settings (rule defaults and the like), one JSON value a key."""

    key = TextField(primary_key=True)
    value = TextField()


class Campaign(BaseModel):
    """A mailing (mailer, brochure, invitation...) sent to the cards a target picks."""

    id = AutoField()
    name = TextField()
    date = DateField()
    kind = TextField()
    target = TextField()  # JSON: {"circle_id": .., "stage": .., "search": ..}
    created_at = DateTimeField(default=_now)


class ImportBatch(BaseModel):
    """One import of a file: what it did, and whether it was undone."""

    id = AutoField()
    kind = TextField()  # import_history.BatchKind
    file_name = TextField()
    sheet = TextField()
    created_at = DateTimeField(default=_now)
    added = IntegerField()
    updated = IntegerField()
    skipped = IntegerField()
    rejected = IntegerField()
    undone_at = DateTimeField(null=True)
    # Sales imports: unmatched rows the user resolved, and the cards made for them.
    resolved = IntegerField(default=0)
    cards_created = IntegerField(default=0)


class ImportBatchUpdate(BaseModel):
    """A card an import updated: its values before and after, as JSON."""

    id = AutoField()
    batch = ForeignKeyField(ImportBatch, on_delete="CASCADE", backref="updates")
    card = ForeignKeyField(Card, on_delete="CASCADE", backref="import_updates")
    before = TextField()
    after = TextField()


class PendingIndex(BaseModel):
    """An index a bulk write dropped and left to be built after its commit
    (bulk_indexes): its name, and its CREATE INDEX statement as it was."""

    name = TextField(primary_key=True)
    sql = TextField()


ALL_MODELS = [Circle, Card, Activity, FollowUp, Deal, Payment, Setting, Campaign,
              ImportBatch, ImportBatchUpdate, PendingIndex]
