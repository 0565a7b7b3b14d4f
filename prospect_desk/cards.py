"""Creating, changing, trashing and restoring cards."""

import datetime
from dataclasses import asdict, dataclass, fields

from prospect_desk import bulk_indexes, follow_up_rules, search_keys
from prospect_desk.enums import CreditStatus, Kind, Stage
from prospect_desk.models import Card, _now, db
from prospect_desk.validation import FieldError, check_card


@dataclass
class CardData:
    """Everything a user edits on a card, as plain values."""

    kind: str = Kind.INDIVIDUAL.value
    name: str = ""
    address: str = ""
    phone: str = ""
    mobile: str = ""
    fax: str = ""
    email: str = ""
    person_in_charge: str = ""
    handler: str = ""
    employer: str = ""
    interests: str = ""
    notes: str = ""
    first_contact: datetime.date | None = None
    transaction_date: datetime.date | None = None
    birthday: datetime.date | None = None
    stage: str = Stage.NEW.value
    credit_status: str = CreditStatus.UNKNOWN.value
    circle_id: int | None = None
    referral_source: str | None = None
    referrer_id: int | None = None


CARD_FIELDS = [f.name for f in fields(CardData)]


class CardInvalidError(ValueError):
    def __init__(self, errors: list[FieldError]):
        super().__init__(", ".join(f"{e.field}: {e.problem}" for e in errors))
        self.errors = errors


class CardNotFoundError(LookupError):
    pass


def derived_columns(data: CardData) -> dict:
    """The stored keys that search and sort use, worked out from the card."""
    phones = [data.phone, data.mobile, data.fax]
    texts = [data.name, data.employer, data.email, data.address, data.interests,
             data.notes, data.person_in_charge, data.handler]
    return {
        "sort_name": search_keys.sort_name(data.name),
        "search_text": search_keys.search_text(texts, phones, [data.name, data.employer]),
    }


def _row_values(data: CardData) -> dict:
    values = asdict(data)
    values["name"] = values["name"].strip()
    values["circle"] = values.pop("circle_id")
    values["referrer"] = values.pop("referrer_id")
    values.update(derived_columns(data))
    return values


def create_card(data: CardData) -> int:
    errors = check_card(data)
    if errors:
        raise CardInvalidError(errors)
    with db.atomic():
        return Card.insert(**_row_values(data)).execute()


def update_card(card_id: int, data: CardData) -> None:
    errors = check_card(data, card_id=card_id)
    if errors:
        raise CardInvalidError(errors)
    with db.atomic():
        changed = (Card.update(**_row_values(data), updated_at=_now())
                   .where(Card.id == card_id).execute())
    if not changed:
        raise CardNotFoundError(card_id)


def save_card(card_id: int | None, data: CardData,
              today: datetime.date | None = None) -> int:
    """Save the card form as the user does: create it (card_id None) or update
    it, then let the follow-up rules react, so a referred prospect gets its first
    contact and a referrer is thanked when the card becomes a customer. Returns
    the card's id. All of it is one transaction: a failure (a full disk) leaves
    neither a card without its follow-ups nor a second copy on the next try."""
    with db.atomic():
        if card_id is None:
            card_id = create_card(data)
            follow_up_rules.on_card_created(card_id, today)
            if data.stage == Stage.CUSTOMER:
                follow_up_rules.on_stage_changed(card_id, Stage.NEW.value, data.stage, today)
            return card_id
        old_stage = Card.select(Card.stage).where(Card.id == card_id).scalar()
        update_card(card_id, data)
        if old_stage != data.stage:
            follow_up_rules.on_stage_changed(card_id, old_stage, data.stage, today)
        return card_id


def card_data(card: Card) -> CardData:
    values = {name: getattr(card, name) for name in CARD_FIELDS
              if name not in ("circle_id", "referrer_id")}
    return CardData(**values, circle_id=card.circle_id, referrer_id=card.referrer_id)


def get_card(card_id: int) -> Card:
    card = Card.get_or_none(Card.id == card_id)
    if card is None:
        raise CardNotFoundError(card_id)
    return card


def card_name(card_id: int | None) -> str:
    if card_id is None:
        return ""
    row = Card.select(Card.name).where(Card.id == card_id).tuples().first()
    return row[0] if row else ""


def referred_by(card_id: int) -> list[tuple[int, str]]:
    """The live cards this card referred, as (id, name)."""
    query = (Card.select(Card.id, Card.name)
             .where((Card.referrer == card_id) & Card.deleted_at.is_null())
             .order_by(Card.sort_name))
    return list(query.tuples())


def delete_cards(card_ids: list[int]) -> int:
    """Move cards to the trash; returns how many moved."""
    with db.atomic():
        return (Card.update(deleted_at=_now())
                .where(Card.id.in_(card_ids) & Card.deleted_at.is_null()).execute())


def restore_cards(card_ids: list[int]) -> int:
    with db.atomic():
        return (Card.update(deleted_at=None)
                .where(Card.id.in_(card_ids) & Card.deleted_at.is_null(False)).execute())


def trashed_cards() -> list[tuple[int, str, str, datetime.datetime]]:
    """(id, name, kind, deleted_at), most recently deleted first."""
    query = (Card.select(Card.id, Card.name, Card.kind, Card.deleted_at)
             .where(Card.deleted_at.is_null(False))
             .order_by(Card.deleted_at.desc(), Card.id.desc()))
    return list(query.tuples())


def empty_trash() -> int:
    """Delete the trashed cards for good (their history with them); cards they
    referred keep their data and lose only the link."""
    with db.atomic():
        bulk_indexes.build_foreign_key_indexes()
        return Card.delete().where(Card.deleted_at.is_null(False)).execute()
