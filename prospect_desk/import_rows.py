"""Spreadsheet rows turned into cards' values: each cell read as its field
wants it, the row checked, and what is stored with the card worked out (its
sort and search keys, and the keys it is found by as a duplicate).

`RowParser.parse` reads one row and names each of its problems; the preview
and the rows with a problem use it. `prepare_rows` gives the same for a chunk
of rows, a column at a time, as a big import needs it: plain values that can
come from the second process (parallel_rows). A test holds the two together.
"""

import datetime
from dataclasses import dataclass, field, fields
from enum import Enum, StrEnum
from itertools import repeat

from prospect_desk import search_keys
from prospect_desk.cards import CardData, derived_columns
from prospect_desk.enums import Kind
from prospect_desk.header_mapping import (
    DATE_FIELDS,
    ImportField,
    Mapping,
    parse_credit_status,
    parse_kind,
    parse_referral_source,
    parse_stage,
)
from prospect_desk.spreadsheet_read import Cell, cell_text, is_blank
from prospect_desk.validation import (
    EMAIL_PATTERN,
    CardProblem,
    DateParseError,
    DateProblem,
    check_card,
    parse_date,
)

MIN_PHONE_DIGITS = 6
"""Phones with fewer digits than this are not compared for duplicates."""


class ImportProblem(StrEnum):
    """Why a row was not imported (or, for a warning, what was left out)."""

    NAME_REQUIRED = "name_required"
    NOT_A_DATE = "not_a_date"
    IMPOSSIBLE_DATE = "impossible_date"
    UNKNOWN_KIND = "unknown_kind"
    UNKNOWN_STAGE = "unknown_stage"
    UNKNOWN_CREDIT_STATUS = "unknown_credit_status"
    UNKNOWN_REFERRAL_SOURCE = "unknown_referral_source"
    EMAIL_INVALID = "email_invalid"
    BIRTHDAY_IN_FUTURE = "birthday_in_future"
    REFERRER_NOT_FOUND = "referrer_not_found"
    """A warning: the row is imported without the link to its referrer."""


ENGLISH_REASONS: dict[ImportProblem, str] = {
    ImportProblem.NAME_REQUIRED: "No name",
    ImportProblem.NOT_A_DATE: "Not a date",
    ImportProblem.IMPOSSIBLE_DATE: "No such date",
    ImportProblem.UNKNOWN_KIND: "Unknown kind (company or individual)",
    ImportProblem.UNKNOWN_STAGE: "Unknown stage",
    ImportProblem.UNKNOWN_CREDIT_STATUS: "Unknown credit status",
    ImportProblem.UNKNOWN_REFERRAL_SOURCE: "Unknown referral source",
    ImportProblem.EMAIL_INVALID: "Not an e-mail address",
    ImportProblem.BIRTHDAY_IN_FUTURE: "Birthday in the future",
    ImportProblem.REFERRER_NOT_FOUND: "Referrer not found",
}


def english_reason(problem: ImportProblem) -> str:
    return ENGLISH_REASONS[problem]


class DuplicateKey(StrEnum):
    """What two cards share that makes them duplicates."""

    PHONE = "phone"
    EMAIL = "email"
    NAME_AND_COMPANY = "name_and_company"


@dataclass(frozen=True)
class RowProblem:
    column: int | None
    """The column index, or None when the problem is not one cell's."""
    header: str
    reason: ImportProblem


@dataclass(slots=True)
class ParsedRow:
    """One spreadsheet row as it would be imported."""

    row_number: int
    data: CardData | None
    """None once `freeze` has packed it into `values`."""
    circle: str = ""
    referrer: str = ""
    next_revisit: datetime.date | None = None
    given: set[str] = field(default_factory=set)
    """The CardData fields this row gives a value for (an update sets only these)."""
    problems: list[RowProblem] = field(default_factory=list)
    values: tuple | None = None
    sort_name: str | None = None
    """The stored sort and search keys, when worked out with the row (None:
    work them out from the card when it is written)."""
    search_text: str | None = None

    def card(self) -> CardData:
        return self.data if self.data is not None else CardData(*self.values)

    def freeze(self) -> None:
        """Keep the card as a tuple (a tenth of the memory) until it is written."""
        if self.data is not None:
            self.values = astuple_shallow(self.data)
            self.data = None
            given = frozenset(self.given)
            self.given = _GIVEN_SETS.setdefault(given, given)  # most rows share one


_GIVEN_SETS: dict[frozenset, frozenset] = {}


def astuple_shallow(data: CardData) -> tuple:
    """The values in field order (a dataclass's __dict__ keeps that order)."""
    return tuple(data.__dict__.values())


DATA_NAMES = [f.name for f in fields(CardData)]


# Turning cells into values --------------------------------------------------

_TEXT_FIELDS = frozenset({
    ImportField.ADDRESS, ImportField.PHONE, ImportField.MOBILE, ImportField.FAX,
    ImportField.EMAIL, ImportField.PERSON_IN_CHARGE, ImportField.HANDLER,
    ImportField.EMPLOYER, ImportField.INTERESTS, ImportField.NOTES,
})
_ENUM_PARSERS = {
    ImportField.KIND: (parse_kind, ImportProblem.UNKNOWN_KIND),
    ImportField.STAGE: (parse_stage, ImportProblem.UNKNOWN_STAGE),
    ImportField.CREDIT_STATUS: (parse_credit_status, ImportProblem.UNKNOWN_CREDIT_STATUS),
    ImportField.REFERRAL_SOURCE: (parse_referral_source, ImportProblem.UNKNOWN_REFERRAL_SOURCE),
}
_CARD_PROBLEMS = {
    CardProblem.NAME_REQUIRED: (ImportField.NAME, ImportProblem.NAME_REQUIRED),
    CardProblem.EMAIL_INVALID: (ImportField.EMAIL, ImportProblem.EMAIL_INVALID),
    CardProblem.BIRTHDAY_IN_FUTURE: (ImportField.BIRTHDAY, ImportProblem.BIRTHDAY_IN_FUTURE),
}


def cell_date(value: Cell) -> datetime.date | None:
    """A date cell as a date; text (or a number such as 20250304) in the
    spellings `parse_date` knows; raises DateParseError otherwise."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if is_blank(value):
        return None
    if isinstance(value, (bool, datetime.time)):
        raise DateParseError(cell_text(value), DateProblem.NOT_A_DATE)
    return parse_date(cell_text(value))


def normalise_mapping(mapping: dict) -> Mapping:
    """A mapping as the UI may have stored it (string keys and values) made typed."""
    return {int(column): (ImportField(value) if value else None)
            for column, value in mapping.items()}


_UNSEEN = object()


class _Role(Enum):
    TEXT = 1
    DATE = 2
    ENUM = 3
    EXTRA = 4
    """Name, company, circle and referrer: used to work out the card."""


def _role(target: ImportField) -> _Role:
    if target in DATE_FIELDS:
        return _Role.DATE
    if target in _ENUM_PARSERS:
        return _Role.ENUM
    if target in _TEXT_FIELDS:
        return _Role.TEXT
    return _Role.EXTRA


# Enum members and values looked up once, not on every cell.
_TEXT, _DATE, _ENUM, _EXTRA = _Role.TEXT, _Role.DATE, _Role.ENUM, _Role.EXTRA
_NAME, _COMPANY = ImportField.NAME.value, ImportField.COMPANY.value
_CIRCLE, _REFERRER = ImportField.CIRCLE.value, ImportField.REFERRER.value
_NEXT_REVISIT = ImportField.NEXT_REVISIT.value
_COMPANY_KIND, _INDIVIDUAL_KIND = Kind.COMPANY.value, Kind.INDIVIDUAL.value


class RowParser:
    def __init__(self, headers: list[str], mapping: Mapping, today: datetime.date):
        self.headers = headers
        self.today = today
        self.columns: dict[ImportField, int] = {}
        for column, target in sorted(mapping.items()):
            if target is not None and column < len(headers):
                self.columns.setdefault(ImportField(target), column)
        self._enum_cache: dict[tuple[ImportField, str], str | None] = {}
        self._enum_values: dict[ImportField, dict[str, object]] = {}
        self.pinyin_known: dict[str, tuple[str, str]] = {}
        """Names and companies read already (most rows repeat a few companies)."""
        # The columns by what is done with them (run for every row: kept lean).
        plan = [(target.value, column, _role(target), target)
                for target, column in self.columns.items()]
        self.texts = [(name, column) for name, column, role, _ in plan if role is _TEXT]
        """Cells taken as text into the card's values."""
        self.extras = [(name, column) for name, column, role, _ in plan if role is _EXTRA]
        """Cells taken as text to work the card out from."""
        self.dates = [(name, column) for name, column, role, _ in plan if role is _DATE]
        self.enums = [(name, column, target) for name, column, role, target in plan
                      if role is _ENUM]

    def header(self, target: ImportField) -> str:
        column = self.columns.get(target)
        return self.headers[column] if column is not None else ""

    def parse(self, row_number: int, cells: list[Cell]) -> ParsedRow:
        """A blank cell (None, or only spaces) gives no value."""
        # Comprehensions: this runs for every cell of a big file.
        values: dict[str, object] = {
            name: cell if cell.__class__ is str else cell_text(cell)
            for name, column in self.texts
            if (cell := cells[column]) is not None
            and (cell.__class__ is not str or cell and not cell.isspace())}
        extra: dict[str, object] = {
            name: cell if cell.__class__ is str else cell_text(cell)
            for name, column in self.extras
            if (cell := cells[column]) is not None
            and (cell.__class__ is not str or cell and not cell.isspace())}
        problems: list[RowProblem] = []
        for name, column in self.dates:
            cell = cells[column]
            if cell.__class__ is datetime.date:
                value = cell
            elif cell is None or cell.__class__ is str and (not cell or cell.isspace()):
                continue
            else:
                value = self._date(cell, column, problems)
                if value is None:
                    continue
            if name == _NEXT_REVISIT:
                extra[_NEXT_REVISIT] = value
            else:
                values[name] = value
        for name, column, target in self.enums:
            cell = cells[column]
            if cell is None or cell.__class__ is str and (not cell or cell.isspace()):
                continue
            value = self._enum(cell, target, column, problems)
            if value is not None:
                values[name] = value
        parsed = ParsedRow(row_number=row_number, data=None, given=set(values),
                           problems=problems)
        self._fill(parsed, values, extra)
        return parsed

    def _date(self, cell: Cell, column: int,
              problems: list[RowProblem]) -> datetime.date | None:
        try:
            return cell_date(cell)
        except DateParseError as error:
            reason = (ImportProblem.IMPOSSIBLE_DATE if error.problem is DateProblem.IMPOSSIBLE
                      else ImportProblem.NOT_A_DATE)
            problems.append(RowProblem(column, self.headers[column], reason))
            return None

    def _enum(self, cell: Cell, target: ImportField, column: int,
              problems: list[RowProblem]) -> str | None:
        key = (target, cell if cell.__class__ is str else cell_text(cell))
        value = self._enum_cache.get(key, _UNSEEN)
        if value is _UNSEEN:
            parser, _problem = _ENUM_PARSERS[target]
            member = parser(key[1])
            value = self._enum_cache[key] = None if member is None else member.value
        if value is None:
            problems.append(RowProblem(column, self.headers[column], _ENUM_PARSERS[target][1]))
        return value

    def enum_values(self, target: ImportField, cells: tuple[Cell, ...]) -> list:
        """A column's cells as `target`'s values: None when blank, _BAD when
        the cell names none."""
        known = self._enum_values.setdefault(target, {None: None})
        values = [known.get(cell, _UNSEEN) for cell in cells]
        if _UNSEEN in values:
            parse = _ENUM_PARSERS[target][0]
            for index, cell in enumerate(cells):
                if values[index] is not _UNSEEN:
                    continue
                if cell.__class__ is str and (not cell or cell.isspace()):
                    value = None
                else:
                    member = parse(cell if cell.__class__ is str else cell_text(cell))
                    value = _BAD if member is None else member.value
                if cell.__class__ is str:  # a number equal to another (1, 1.0, True) is not
                    known[cell] = value
                values[index] = value
        return values

    def _fill(self, parsed: ParsedRow, values: dict, extra: dict) -> None:
        """Work out kind, name and employer (DOMAIN §1), then check the card."""
        name = str(extra.get(_NAME, "")).strip()
        company = str(extra.get(_COMPANY, "")).strip()
        kind = values.pop("kind", None)
        given = parsed.given
        if kind is not None:
            given.add("kind")
        else:
            kind = _COMPANY_KIND if company and not name else _INDIVIDUAL_KIND
        if kind == _COMPANY_KIND:
            if company and name and company != name and "person_in_charge" not in values:
                values["person_in_charge"] = name
                given.add("person_in_charge")
            name = company or name
        elif company and not values.get("employer"):
            values["employer"] = company
            given.add("employer")
        data = parsed.data = CardData(kind=kind, name=name, **values)
        given.add("name")
        parsed.circle = str(extra.get(_CIRCLE, "")).strip()
        parsed.referrer = str(extra.get(_REFERRER, "")).strip()
        parsed.next_revisit = extra.get(_NEXT_REVISIT)
        for error in check_card(data, today=self.today):
            target, reason = _CARD_PROBLEMS[error.problem]
            column = self.columns.get(target)
            if target is ImportField.NAME and column is None:
                column = self.columns.get(ImportField.COMPANY)
            header = self.headers[column] if column is not None else ""
            parsed.problems.append(RowProblem(column, header, reason))
        if len(parsed.problems) > 1:
            parsed.problems.sort(key=lambda p: (p.column is None, p.column or 0))


# Duplicates -------------------------------------------------------------------

def phone_key(phone: str) -> str:
    """The digits of a phone, without China's country code: +86 138-0013-8000,
    0086 13800138000 and 13800138000 are one number."""
    return phone_key_of_digits(search_keys.digits(phone))


def phone_key_of_digits(digits: str) -> str:
    if digits.startswith("00"):
        digits = digits[2:]
    if digits.startswith("86") and len(digits) >= 12:
        digits = digits[2:]
    return digits


PHONE_KEY = DuplicateKey.PHONE
EMAIL_KEY = DuplicateKey.EMAIL
NAME_KEY = DuplicateKey.NAME_AND_COMPANY


def card_keys(data: CardData) -> list[tuple[DuplicateKey, object]]:
    """The keys a card is found by (run for every row: kept lean)."""
    keys: list[tuple[DuplicateKey, object]] = []
    for phone in (data.phone, data.mobile):
        if phone:
            digits = phone_key(phone)
            if len(digits) >= MIN_PHONE_DIGITS:
                keys.append((PHONE_KEY, digits))
    email = data.email
    if email:
        email = email.strip().casefold()
        if email:
            keys.append((EMAIL_KEY, email))
    name = data.name.strip()
    if name:
        company = data.name if data.kind == _COMPANY_KIND else data.employer
        keys.append((NAME_KEY, (name.casefold(), company.strip().casefold())))
    return keys


@dataclass(frozen=True)
class RowSpec:
    """What preparing a row needs besides the row: plain values, so that it
    can go to the second process (parallel_rows)."""

    headers: tuple[str, ...]
    mapping: tuple[tuple[int, ImportField | None], ...]
    today: datetime.date
    updates: bool = False
    """Whether a row may update a card: only then is it worked out which
    fields each row gives (ParsedRow.given), since only an update uses them."""


_parsers: dict[RowSpec, RowParser] = {}


def release() -> None:
    """Let go of what `prepare_rows` keeps from one chunk to the next (a
    parser, with the names it has read): call it when the rows are done."""
    _parsers.clear()


def prepare_rows(spec: RowSpec, chunk: list[tuple[int, list[Cell]]]) -> list:
    """Each row of `chunk` checked and worked out, on its own (it may run in
    another process): None for a blank row, the list of its problems for a
    row that cannot be imported, else (card values, fields given, circle,
    referrer, next revisit, duplicate keys, sort name, search text)."""
    parser = _parsers.get(spec)
    if parser is None:
        _parsers.clear()
        parser = _parsers[spec] = RowParser(list(spec.headers), dict(spec.mapping), spec.today)
    return _prepare_columns(parser, chunk, spec.updates)


def prepare_row(parser: RowParser, row_number: int, cells: list[Cell]) -> object:
    """One row as `prepare_rows` gives it, worked out by `RowParser.parse`."""
    if all(is_blank(c) for c in cells):
        return None
    parsed = parser.parse(row_number, cells)
    if parsed.problems:
        return parsed.problems
    data = parsed.data
    parsed.freeze()
    derived = derived_columns(data)
    return (parsed.values, parsed.given, parsed.circle, parsed.referrer, parsed.next_revisit,
            card_keys(data), derived["sort_name"], derived["search_text"])


_BAD = object()
"""A cell that cannot be read as its field's value (its row is rejected)."""
_NO_TEXT = repeat("")
_NO_VALUE = repeat(None)
_NO_PINYIN = repeat(("", ""))
_NOTHING_GIVEN = frozenset()
PINYIN_KEPT = 20_000
"""How many names' pinyin preparing rows keeps at most."""
_DEFAULTS = CardData()


def _text_of(cell: Cell) -> str:
    """A cell that is not a non-blank text, as text ('' when blank)."""
    if cell is None or cell.__class__ is str:
        return ""
    return cell_text(cell)


def _date_of(cell: Cell) -> datetime.date | None | object:
    if cell is None or cell.__class__ is str and (not cell or cell.isspace()):
        return None
    try:
        return cell_date(cell)
    except DateParseError:
        return _BAD


def _prepare_columns(parser: RowParser, chunk: list[tuple[int, list[Cell]]],
                     updates: bool) -> list:
    """What `prepare_row` gives for each row of `chunk`, a column at a time:
    each column's cells are read in one pass, then each row is put together
    in one more. A row with a problem is prepared again by `prepare_row`,
    which names its problems (this only finds that it has one)."""
    rows = [cells for _, cells in chunk]
    columns = list(zip(*rows, strict=True)) if rows else []
    bad = [False] * len(rows)
    by_field: dict[str, list | repeat] = {}
    # When rows may update cards: each field's column, true where its cell gives a value.
    given: list[tuple[str, list]] = []
    for name, column in parser.texts:
        texts = [c if c.__class__ is str else _text_of(c) for c in columns[column]]
        if any(map(str.isspace, texts)):
            texts = [c if not c.isspace() else "" for c in texts]
        by_field[name] = texts
        if updates:
            given.append((name, by_field[name]))
    extra: dict[str, list] = {}
    for name, column in parser.extras:
        extra[name] = [c.strip() if c.__class__ is str else _text_of(c).strip()
                       for c in columns[column]]
    for name, column in parser.dates:
        dates = [c if c.__class__ is datetime.date else None if c is None or c == "" else
                 _date_of(c) for c in columns[column]]
        if _BAD in dates:
            bad = [b or d is _BAD for b, d in zip(bad, dates, strict=True)]
        if name == _NEXT_REVISIT:
            extra[name] = dates
        else:
            by_field[name] = dates
            if updates:
                given.append((name, [d is not None and d is not _BAD for d in dates]))
    for name, column, target in parser.enums:
        values = parser.enum_values(target, columns[column])
        if _BAD in values:
            bad = [b or v is _BAD for b, v in zip(bad, values, strict=True)]
        if name == "kind":
            by_field[name] = values
            continue
        if updates:
            given.append((name, [v is not None and v is not _BAD for v in values]))
        default = getattr(_DEFAULTS, name)
        by_field[name] = [default if v is None or v is _BAD else v for v in values]
    # Which fields a row gives, as the bits of a number: one per column, then these.
    given_names = [name for name, _ in given] + ["kind", "person_in_charge", "employer"]
    kind_given, person_given, employer_given = (1 << len(given), 2 << len(given),
                                                4 << len(given))
    masks = [0] * len(rows)
    for bit, (_, flags) in enumerate(given):
        masks = [m | 1 << bit if f else m for m, f in zip(masks, flags, strict=True)]
    given_sets: dict[int, frozenset] = {}

    def texts(name: str) -> list | repeat:
        return by_field.get(name, _NO_TEXT)

    def values(name: str) -> list | repeat:
        found = by_field.get(name)
        return found if found is not None else repeat(getattr(_DEFAULTS, name))

    if len(parser.pinyin_known) > PINYIN_KEPT:
        parser.pinyin_known.clear()

    def pinyin(column: list | None) -> list | repeat:
        return (_NO_PINYIN if column is None
                else search_keys.pinyin_pairs(column, parser.pinyin_known))

    def digits(name: str) -> list | repeat:
        column = by_field.get(name)
        return _NO_TEXT if column is None else search_keys.digits_of_each(column)

    today, email_pattern = parser.today, EMAIL_PATTERN
    cjk = search_keys.CJK
    prepared = []
    for ((row_number, cells), is_bad, mask, name_pinyin, company_pinyin, employer_pinyin,
         phone_digits, mobile_digits, fax_digits, kind, name, company, circle,
         referrer, next_revisit, address, phone, mobile, fax, email, person, handler,
         employer, interests, notes, first_contact, transaction_date, birthday, stage,
         credit_status, referral_source) in zip(
            chunk, bad, masks, pinyin(extra.get(_NAME)), pinyin(extra.get(_COMPANY)),
            pinyin(by_field.get("employer")), digits("phone"), digits("mobile"), digits("fax"),
            by_field.get("kind", _NO_VALUE),
            extra.get(_NAME, _NO_TEXT), extra.get(_COMPANY, _NO_TEXT),
            extra.get(_CIRCLE, _NO_TEXT), extra.get(_REFERRER, _NO_TEXT),
            extra.get(_NEXT_REVISIT, _NO_VALUE), texts("address"), texts("phone"),
            texts("mobile"), texts("fax"), texts("email"), texts("person_in_charge"),
            texts("handler"), texts("employer"), texts("interests"), texts("notes"),
            values("first_contact"), values("transaction_date"), values("birthday"),
            values("stage"), values("credit_status"), values("referral_source"),
            strict=False):  # the columns not in the file repeat their default
        if not name and not company and all(is_blank(c) for c in cells):
            prepared.append(None)
            continue
        if kind is None:
            kind = _COMPANY_KIND if company and not name else _INDIVIDUAL_KIND
        else:
            mask |= kind_given
        if kind == _COMPANY_KIND:
            if company and name and company != name and not person:
                person = name
                mask |= person_given
            if company:
                name, name_pinyin = company, company_pinyin
        elif company and not employer:
            employer, employer_pinyin = company, company_pinyin
            mask |= employer_given
        if (is_bad or not name or birthday is not None and birthday > today
                or email and (address_part := email.strip())
                and not email_pattern.match(address_part)):
            prepared.append(prepare_row(parser, row_number, cells))
            continue
        keys = []  # as card_keys gives them
        for found in (phone_digits, mobile_digits):
            if found and len(found := phone_key_of_digits(found)) >= MIN_PHONE_DIGITS:
                keys.append((PHONE_KEY, found))
        if email and (folded := email.strip().casefold()):
            keys.append((EMAIL_KEY, folded))
        keys.append((NAME_KEY, (name.casefold(), (name if kind == _COMPANY_KIND
                                                    else employer).strip().casefold())))
        # As derived_columns works them out.
        parts = [name, employer, email, address, interests, notes, person, handler, phone,
                 mobile, fax, phone_digits, mobile_digits, fax_digits]
        if cjk.search(name):
            parts += name_pinyin
            sort_name = f"{name_pinyin[0]} {name}"
        else:
            sort_name = f"{name.lower()} {name}"
        if employer and cjk.search(employer):
            parts += employer_pinyin
        given_set = given_sets.get(mask) if updates else _NOTHING_GIVEN
        if given_set is None:
            names = frozenset([n for b, n in enumerate(given_names) if mask >> b & 1]
                              + ["name"])
            given_set = given_sets[mask] = _GIVEN_SETS.setdefault(names, names)
        prepared.append((
            (kind, name, address, phone, mobile, fax, email, person, handler, employer,
             interests, notes, first_contact, transaction_date, birthday, stage,
             credit_status, None, referral_source, None),
            given_set, circle, referrer, next_revisit, keys, sort_name,
            search_keys.joined(parts)))
    return prepared


def warm_up() -> None:
    """Load what preparing rows loads on first use (the pinyin tables, and
    pypinyin for the few names read word by word)."""
    search_keys.load_tables()
    search_keys.load_word_reading()
