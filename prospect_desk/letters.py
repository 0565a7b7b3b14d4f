"""Personal letters by mail merge (DOMAIN §4 personal letters and new-arrival
reports, §6 the thank-you after a sale, §7 winning back lapsed customers).

A template is a plain text file a user can read: its first line is `# Title`,
the rest is the letter, with fields in braces such as `{name}` or
`{last_product}`. The templates that ship live under resources/letters/<language>/;
when the user edits one, the copy is saved in the folder beside the database
(letters/<language>/), never in the install folder, and deleting that copy
restores the original. Templates the user makes live only there.

Filling a template is done per card, in the template's language (a Chinese
letter dates and greets in Chinese whatever the window speaks). Fields that are
not known are left as typed and reported, so a printed letter never silently
drops a word."""

import datetime
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from prospect_desk.models import Card, Deal, Setting, db
from prospect_desk.safe_write import atomic_write_path

LANGUAGES = ("en", "zh_CN")
FOLDER_NAME = "letters"
SUFFIX = ".txt"
USER_KEY_PREFIX = "my_letter_"

FIELDS: tuple[str, ...] = (
    "name", "addressee", "salutation", "company", "person_in_charge", "address",
    "recipient_block", "last_product", "last_purchase_date", "last_amount",
    "referred_name", "today", "my_name", "signature",
)
"""Every field a template may use, in the order the insert menu offers them."""

FIELD_PATTERN = re.compile(r"\{([^{}\s]{1,40})\}")

_SALUTATIONS = {"en": "Dear {addressee},", "zh_CN": "尊敬的{addressee}："}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
SENDER_NAME_KEY = "letters.sender_name"
SIGNATURE_KEY = "letters.signature"


class TemplateNotFoundError(LookupError):
    def __init__(self, key: str, language: str):
        super().__init__(f"{language}/{key}")
        self.key = key
        self.language = language


class TemplateNameError(ValueError):
    """A template needs a title, and its body may not be empty."""


@dataclass(frozen=True)
class LetterTemplate:
    key: str
    language: str
    title: str
    body: str
    builtin: bool
    """An original ships with the app (so the user's copy can be restored)."""
    edited: bool
    """The user's copy is what is used (an edited original, or the user's own)."""


@dataclass(frozen=True)
class Sender:
    name: str
    signature: str


@dataclass(frozen=True)
class Letter:
    card_id: int
    text: str


# --- where templates live ------------------------------------------------------------


def builtin_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / FOLDER_NAME


def database_folder() -> Path:
    """The folder of the open database (read-only ones are opened by URI)."""
    from prospect_desk.database import data_dir

    if db.obj is None:
        return data_dir()
    name = str(db.obj.database)
    if name.startswith("file:"):
        name = unquote(urlparse(name).path)
    return Path(name).resolve().parent


def database_is_read_only() -> bool:
    """The database was opened read-only (mode=ro): nothing can be marked done."""
    return db.obj is not None and "mode=ro" in str(db.obj.database)


def user_dir() -> Path:
    """Where the user's templates are kept: beside the database, never in the install."""
    return database_folder() / FOLDER_NAME


def _language(language: str) -> str:
    return language if language in LANGUAGES else "en"


def parse_template(text: str) -> tuple[str, str]:
    """(title, body) of a template file's text."""
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    first, _, rest = text.partition("\n")
    if first.startswith("#"):
        return first.lstrip("#").strip(), rest.lstrip("\n").rstrip() + "\n"
    return "", text.rstrip() + "\n"


def template_text(title: str, body: str) -> str:
    return f"# {title.strip()}\n\n{body.strip()}\n"


def _files(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    return {path.stem: path for path in folder.glob("*" + SUFFIX) if path.is_file()}


def _read(path: Path, key: str, language: str, builtin: bool, edited: bool) -> LetterTemplate:
    title, body = parse_template(path.read_text(encoding="utf-8"))
    return LetterTemplate(key, language, title or key, body, builtin, edited)


def list_templates(language: str) -> list[LetterTemplate]:
    """The templates of a language, the user's copy where there is one, by title."""
    language = _language(language)
    originals = _files(builtin_dir() / language)
    copies = _files(user_dir() / language)
    found = [_read(copies.get(key, path), key, language, key in originals, key in copies)
             for key, path in {**originals, **copies}.items()]
    found.sort(key=lambda t: (not t.builtin, t.title.casefold(), t.key))
    return found


def load_template(key: str, language: str) -> LetterTemplate:
    """The template `key`: the user's copy if any, else the original. A key not
    found in `language` is looked for in the other languages too."""
    wanted = _language(language)
    for lang in (wanted, *[other for other in LANGUAGES if other != wanted]):
        original = builtin_dir() / lang / (key + SUFFIX)
        copy = user_dir() / lang / (key + SUFFIX)
        if copy.is_file():
            return _read(copy, key, lang, original.is_file(), True)
        if original.is_file():
            return _read(original, key, lang, True, False)
    raise TemplateNotFoundError(key, wanted)


def load_original(key: str, language: str) -> LetterTemplate:
    path = builtin_dir() / _language(language) / (key + SUFFIX)
    if not path.is_file():
        raise TemplateNotFoundError(key, language)
    return _read(path, key, _language(language), True, False)


def save_template(key: str, language: str, title: str, body: str) -> LetterTemplate:
    """Keep the user's version of a template, in the folder beside the database."""
    if not title.strip() or not body.strip():
        raise TemplateNameError(key)
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,60}", key):
        raise TemplateNameError(key)
    language = _language(language)
    folder = user_dir() / language
    folder.mkdir(parents=True, exist_ok=True)
    with atomic_write_path(folder / (key + SUFFIX)) as path:
        path.write_text(template_text(title, body), encoding="utf-8")
    return load_template(key, language)


def new_template_key(language: str) -> str:
    """A key for a template the user makes, not yet taken."""
    taken = {t.key for t in list_templates(language)}
    n = 1
    while f"{USER_KEY_PREFIX}{n}" in taken:
        n += 1
    return f"{USER_KEY_PREFIX}{n}"


def restore_original(key: str, language: str) -> LetterTemplate | None:
    """Drop the user's copy: an original comes back (and is returned); a
    template the user made is gone (None)."""
    language = _language(language)
    copy = user_dir() / language / (key + SUFFIX)
    if copy.is_file():
        os.remove(copy)
    try:
        return load_original(key, language)
    except TemplateNotFoundError:
        return None


# --- the salesperson's own name ----------------------------------------------------------


def sender() -> Sender:
    values = dict(Setting.select(Setting.key, Setting.value)
                  .where(Setting.key.in_([SENDER_NAME_KEY, SIGNATURE_KEY])).tuples())
    return Sender(values.get(SENDER_NAME_KEY, ""), values.get(SIGNATURE_KEY, ""))


def set_sender(name: str, signature: str) -> None:
    with db.atomic():
        for key, value in ((SENDER_NAME_KEY, name), (SIGNATURE_KEY, signature)):
            if value.strip():
                Setting.insert(key=key, value=value.strip()).on_conflict_replace().execute()
            else:
                Setting.delete().where(Setting.key == key).execute()


# --- filling ---------------------------------------------------------------------------


def format_date(day: datetime.date | None, language: str) -> str:
    if day is None:
        return ""
    if _language(language) == "zh_CN":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def format_amount(cents: int | None) -> str:
    return "" if cents is None else f"{cents / 100:,.2f}"


def _as_date(value) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def merge_values(card_ids: list[int], language: str, today: datetime.date,
                 me: Sender | None = None) -> list[tuple[int, dict[str, str]]]:
    """Each live card among `card_ids` (in that order) with the value of every field."""
    me = me if me is not None else sender()
    language = _language(language)
    found: dict[int, dict[str, str]] = {}
    common = {"today": format_date(today, language), "my_name": me.name,
              "signature": me.signature or me.name}
    for start in range(0, len(card_ids), 500):
        chunk = card_ids[start:start + 500]
        last: dict[int, tuple] = {}
        for card_id, date, product, cents in (
                Deal.select(Deal.card, Deal.date, Deal.product, Deal.amount_cents)
                .where(Deal.card.in_(chunk) & (Deal.outcome == "won"))
                .order_by(Deal.card, Deal.date, Deal.id).tuples()):
            last[card_id] = (_as_date(date), product, cents)
        referred: dict[int, str] = {}
        for referrer, name in (Card.select(Card.referrer, Card.name)
                               .where(Card.referrer.in_(chunk) & Card.deleted_at.is_null())
                               .order_by(Card.created_at, Card.id).tuples()):
            referred[referrer] = name
        query = (Card.select(Card.id, Card.kind, Card.name, Card.employer,
                             Card.person_in_charge, Card.address)
                 .where(Card.id.in_(chunk) & Card.deleted_at.is_null()).tuples())
        for card_id, kind, name, employer, person, address in query:
            company = name if kind == "company" else employer
            addressee = person if kind == "company" and person else name
            lines = [name] + ([person] if kind == "company" and person else [])
            lines += [line.strip() for line in (address or "").splitlines() if line.strip()]
            date, product, cents = last.get(card_id, (None, "", None))
            found[card_id] = {
                **common, "name": name, "addressee": addressee,
                "salutation": _SALUTATIONS[language].replace("{addressee}", addressee),
                "company": company or "", "person_in_charge": person or "",
                "address": (address or "").strip(), "recipient_block": "\n".join(lines),
                "last_product": product or "", "last_purchase_date": format_date(date, language),
                "last_amount": format_amount(cents), "referred_name": referred.get(card_id, ""),
            }
    return [(i, found[i]) for i in card_ids if i in found]


def used_fields(body: str) -> list[str]:
    """The known fields the body uses, each once, in order of first use."""
    seen: list[str] = []
    for match in FIELD_PATTERN.finditer(body):
        if match.group(1) in FIELDS and match.group(1) not in seen:
            seen.append(match.group(1))
    return seen


def unknown_fields(body: str) -> list[str]:
    """Words in braces that are not fields, each once: they would print as typed."""
    seen: list[str] = []
    for match in FIELD_PATTERN.finditer(body):
        if match.group(1) not in FIELDS and match.group(1) not in seen:
            seen.append(match.group(1))
    return seen


def fill(body: str, values: dict[str, str]) -> str:
    """The body with each known field replaced by its value; anything else stays."""
    return FIELD_PATTERN.sub(
        lambda m: values.get(m.group(1), m.group(0)) if m.group(1) in FIELDS else m.group(0),
        body)


def empty_fields(body: str, merges: list[tuple[int, dict[str, str]]]) -> dict[str, int]:
    """{field: how many of the cards have nothing for it}, for the fields the body uses."""
    counts: dict[str, int] = {}
    for field in used_fields(body):
        n = sum(1 for _, values in merges if not values.get(field, "").strip())
        if n:
            counts[field] = n
    return counts


def letters(template: LetterTemplate, card_ids: list[int], today: datetime.date,
            me: Sender | None = None) -> list[Letter]:
    """One filled letter per live card, in the order given."""
    return [Letter(card_id, fill(template.body, values))
            for card_id, values in merge_values(card_ids, template.language, today, me)]
