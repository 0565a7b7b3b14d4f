"""Peewee models, bound to one database proxy that `database.open_database` fills.

The tables themselves are created and changed only by the migration scripts in
`prospect_desk/migrations/`; a test checks that the two agree.
"""

import datetime

from peewee import (
    AutoField,
    DatabaseProxy,
    DateField,
    DateTimeField,
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


class Payment(BaseModel):
    id = AutoField()
    deal = ForeignKeyField(Deal, on_delete="CASCADE", backref="payments")
    date = DateField()
    amount_cents = IntegerField()
    created_at = DateTimeField(default=_now)


class Setting(BaseModel):
    """Per-database settings (rule defaults and the like), one JSON value a key."""

    key = TextField(primary_key=True)
    value = TextField()


ALL_MODELS = [Circle, Card, Activity, FollowUp, Deal, Payment, Setting]
