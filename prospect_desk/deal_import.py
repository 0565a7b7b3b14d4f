"""Importing a sales history (.xlsx/.csv) as deals on existing cards.

Each row is a sale: date, customer (matched to one live card by phone, else
e-mail, else name and company), product, amount, won or lost, amount paid
and due date. Headers are recognised in Chinese and English (compared in
header_mapping's normalised form). Rows that cannot be read are rejected with
their reasons; rows whose customer matches no card, or several, are listed as
unmatched for the user to resolve. The whole import is one transaction, and
it schedules no follow-ups: the sales are history. Each import is a batch in
the import history (kind "sales"): its deals and payments carry the batch id
from their own INSERT, the cards it makes customers keep their values before
and after, and the cards it makes for unmatched rows the batch id, so that
import_history.undo_batch can take it back.
"""

import datetime
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from peewee import chunked, fn

from prospect_desk import import_history
from prospect_desk.cards import CardData, CardInvalidError, create_card
from prospect_desk.enums import DealOutcome, Kind, Stage
from prospect_desk.excel_import import ImportCancelled, RejectedRow
from prospect_desk.header_mapping import normalise
from prospect_desk.import_rows import MIN_PHONE_DIGITS, RowProblem, cell_date, phone_key
from prospect_desk.models import Card, Deal, _now, db
from prospect_desk.spreadsheet_read import Cell, SheetTable, cell_text, is_blank, read_sheet
from prospect_desk.validation import DateParseError

PROGRESS_EVERY = 500
"""Rows read or written between two progress reports (and cancel checks)."""


class DealField(StrEnum):
    DATE = "date"
    CUSTOMER = "customer"
    COMPANY = "company"
    PHONE = "phone"
    EMAIL = "email"
    PRODUCT = "product"
    AMOUNT = "amount"
    OUTCOME = "outcome"
    AMOUNT_PAID = "amount_paid"
    DUE_DATE = "due_date"


DEAL_HEADERS: dict[DealField, list[str]] = {
    DealField.DATE: ["date", "sale date", "deal date", "日期", "成交日期", "销售日期", "购买日期"],
    DealField.CUSTOMER: ["customer", "name", "customer name", "客户", "客户名称", "姓名",
                         "客户姓名", "名称"],
    DealField.COMPANY: ["company", "employer", "公司", "公司名称", "单位", "工作单位"],
    DealField.PHONE: ["phone", "mobile", "telephone", "电话", "手机", "联系电话", "手机号码"],
    DealField.EMAIL: ["email", "e-mail", "mail", "邮箱", "电子邮件", "电子邮箱"],
    DealField.PRODUCT: ["product", "item", "产品", "商品", "产品名称"],
    DealField.AMOUNT: ["amount", "total", "value", "金额", "成交金额", "销售金额", "总额"],
    DealField.OUTCOME: ["outcome", "result", "won/lost", "won or lost", "status", "结果",
                        "成交结果", "是否成交", "状态"],
    DealField.AMOUNT_PAID: ["amount paid", "paid", "payment", "已付金额", "已付", "付款金额",
                            "已收金额", "实收金额"],
    DealField.DUE_DATE: ["due date", "due", "payment due", "到期日", "付款期限", "应付日期",
                         "应收日期", "到期日期"],
}

_HEADER_INDEX = {normalise(text): f for f, texts in DEAL_HEADERS.items() for text in texts}

_OUTCOMES = {normalise(text): outcome for outcome, texts in {
    DealOutcome.WON: ["won", "win", "yes", "y", "sold", "成交", "已成交", "成功", "赢单", "是"],
    DealOutcome.LOST: ["lost", "lose", "no", "n", "失败", "未成交", "丢单", "输单", "否"],
}.items() for text in texts}


class DealImportProblem(StrEnum):
    DATE_REQUIRED = "date_required"
    NOT_A_DATE = "not_a_date"
    AMOUNT_INVALID = "amount_invalid"
    OUTCOME_UNKNOWN = "outcome_unknown"
    CUSTOMER_REQUIRED = "customer_required"
    PAID_MORE_THAN_AMOUNT = "paid_more_than_amount"
    PAID_ON_LOST_DEAL = "paid_on_lost_deal"
    NO_CARD = "no_card"
    SEVERAL_CARDS = "several_cards"


def map_headers(headers: list[str]) -> dict[DealField, int]:
    """Each field to the first column whose header names it."""
    mapping: dict[DealField, int] = {}
    for index, header in enumerate(headers):
        found = _HEADER_INDEX.get(normalise(header)) if header else None
        if found is not None and found not in mapping:
            mapping[found] = index
    return mapping


_MONEY_IGNORED = re.compile(r"[\s,，¥￥$元]|rmb|cny", re.IGNORECASE)


def parse_cents(value: Cell) -> int | None:
    """An amount as whole cents; blank gives None; raises ValueError if not a
    non-negative amount."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        number = float(_MONEY_IGNORED.sub("", cell_text(value)))
    if not number >= 0 or number > 1e13:
        raise ValueError(value)
    return round(number * 100)


@dataclass(frozen=True)
class Customer:
    """The customer as the row names them."""

    name: str
    company: str
    phone: str
    email: str


@dataclass(frozen=True)
class Sale:
    card_id: int | None
    """None while the customer matches no card, or several."""
    date: datetime.date
    product: str
    amount_cents: int
    outcome: DealOutcome
    paid_cents: int
    due_date: datetime.date | None
    row_number: int = 0
    customer: Customer = Customer("", "", "", "")


@dataclass
class UnmatchedRow:
    row_number: int
    values: list[Cell]
    problem: DealImportProblem
    """NO_CARD or SEVERAL_CARDS."""
    card_ids: list[int]
    """The cards that match, for SEVERAL_CARDS."""
    sale: Sale | None = field(default=None, repr=False)
    """The sale as read, to import once the user says whose it is."""


class Resolve(StrEnum):
    """What to do with an unmatched row, besides naming its card by id."""

    NEW_CARD = "new_card"
    SKIP = "skip"


Resolution = int | Resolve
"""A card id, or Resolve.NEW_CARD / Resolve.SKIP."""


@dataclass
class DealImportResult:
    headers: list[str]
    imported: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    unmatched: list[UnmatchedRow] = field(default_factory=list)
    """Rows whose customer matched no card or several, and that were not resolved."""
    matched: dict[int, int] = field(default_factory=dict)
    """Row number to card id, for each row that matched one card."""
    skipped: int = 0
    """Unmatched rows the user chose to leave out."""
    cards_created: int = 0
    resolved: int = 0
    """Unmatched rows imported on the card the user picked or created."""
    batch_id: int | None = None
    """The import in the import history (None for a check, which writes nothing)."""


class _CardMatcher:
    """Live cards by phone, e-mail and (name, company), each key to all its cards."""

    def __init__(self) -> None:
        self.keys: dict[tuple[str, object], set[int]] = {}
        query = (Card.select(Card.id, Card.kind, Card.name, Card.employer, Card.phone,
                             Card.mobile, Card.email)
                 .where(Card.deleted_at.is_null()).tuples())
        for card_id, kind, name, employer, phone, mobile, email in query.iterator():
            company = name if kind == "company" else employer
            for key in self._keys(name, company, [phone, mobile], email):
                self.keys.setdefault(key, set()).add(card_id)
            if kind == "company" and name.strip():  # a row naming the company alone
                self.keys.setdefault(("name", (name.strip().casefold(), "")), set()).add(card_id)

    @staticmethod
    def _keys(name: str, company: str, phones: list[str], email: str):
        for phone in phones:
            digits = phone_key(phone)
            if len(digits) >= MIN_PHONE_DIGITS:
                yield ("phone", digits)
        if email.strip():
            yield ("email", email.strip().casefold())
        if name.strip():
            yield ("name", (name.strip().casefold(), company.strip().casefold()))

    def match(self, name: str, company: str, phone: str, email: str) -> set[int]:
        """The cards the first key that finds any points to: phone, e-mail, name."""
        for key in self._keys(name, company, [phone], email):
            found = self.keys.get(key)
            if found:
                return found
        return set()


def _text(cells: list[Cell], mapping: dict[DealField, int], f: DealField) -> str:
    return cell_text(cells[mapping[f]]).strip() if f in mapping else ""


def _parse(number: int, cells: list[Cell], headers: list[str],
           mapping: dict[DealField, int], matcher: _CardMatcher,
           result: DealImportResult) -> Sale | None:
    problems: list[RowProblem] = []

    def problem(f: DealField | None, reason: DealImportProblem) -> None:
        column = mapping.get(f) if f is not None else None
        problems.append(RowProblem(column, headers[column] if column is not None else "",
                                   reason))

    def date_of(f: DealField, required: bool) -> datetime.date | None:
        if f not in mapping or is_blank(cells[mapping[f]]):
            if required:
                problem(f, DealImportProblem.DATE_REQUIRED)
            return None
        try:
            return cell_date(cells[mapping[f]])
        except DateParseError:
            problem(f, DealImportProblem.NOT_A_DATE)
            return None

    def cents_of(f: DealField) -> int | None:
        if f not in mapping:
            return None
        try:
            return parse_cents(cells[mapping[f]])
        except ValueError:
            problem(f, DealImportProblem.AMOUNT_INVALID)
            return None

    date = date_of(DealField.DATE, required=True)
    due_date = date_of(DealField.DUE_DATE, required=False)
    amount = cents_of(DealField.AMOUNT)
    paid = cents_of(DealField.AMOUNT_PAID)
    outcome = _OUTCOMES.get(normalise(_text(cells, mapping, DealField.OUTCOME)))
    if outcome is None:
        problem(DealField.OUTCOME, DealImportProblem.OUTCOME_UNKNOWN)
    if amount is not None and paid is not None and paid > amount:
        problem(DealField.AMOUNT_PAID, DealImportProblem.PAID_MORE_THAN_AMOUNT)
    if outcome is DealOutcome.LOST and paid:
        problem(DealField.AMOUNT_PAID, DealImportProblem.PAID_ON_LOST_DEAL)
    name, company, phone, email = (_text(cells, mapping, f) for f in (
        DealField.CUSTOMER, DealField.COMPANY, DealField.PHONE, DealField.EMAIL))
    if not (name or email or len(phone_key(phone)) >= MIN_PHONE_DIGITS):
        problem(DealField.CUSTOMER, DealImportProblem.CUSTOMER_REQUIRED)
    if problems:
        result.rejected.append(RejectedRow(number, list(cells), problems))
        return None
    cards = matcher.match(name, company, phone, email)
    sale = Sale(next(iter(cards)) if len(cards) == 1 else None, date,
                _text(cells, mapping, DealField.PRODUCT), amount or 0, outcome, paid or 0,
                due_date, number, Customer(name, company, phone, email))
    if len(cards) != 1:
        result.unmatched.append(UnmatchedRow(
            number, list(cells),
            DealImportProblem.NO_CARD if not cards else DealImportProblem.SEVERAL_CARDS,
            sorted(cards), sale))
        return None
    result.matched[number] = sale.card_id
    return sale


Progress = Callable[[int, int], None]


def _no_progress(_done: int, _total: int) -> None:
    pass


def _not_cancelled() -> bool:
    return False


def _scan(table: SheetTable, mapping: dict[DealField, int] | None, progress: Progress,
          cancelled: Callable[[], bool]) -> tuple[DealImportResult, list[Sale]]:
    result = DealImportResult(list(table.headers))
    mapping = map_headers(table.headers) if mapping is None else mapping
    matcher = _CardMatcher()
    sales = []
    total = table.row_count
    for count, (number, cells) in enumerate(table.rows(), start=1):
        if count % PROGRESS_EVERY == 0:
            if cancelled():
                raise ImportCancelled
            progress(count, total)
        if all(is_blank(c) for c in cells):
            continue
        sale = _parse(number, cells, table.headers, mapping, matcher, result)
        if sale is not None:
            sales.append(sale)
    progress(total, total)
    return result, sales


def check_deals(table: SheetTable, mapping: dict[DealField, int] | None = None,
                progress: Progress = _no_progress,
                cancelled: Callable[[], bool] = _not_cancelled) -> DealImportResult:
    """What an import would do, writing nothing: the rows it would reject, the
    rows whose customer matches no card or several, and the card each other row
    matches (`imported` counts those rows)."""
    result, sales = _scan(table, mapping, progress, cancelled)
    result.imported = len(sales)
    return result


def _new_card(customer: Customer) -> int:
    """A card for a customer the user says is new: a company card when the
    customer is the company itself, else an individual working there."""
    name = customer.name or customer.company or customer.email or customer.phone
    company = customer.company.strip()
    is_company = bool(company) and company.casefold() == name.casefold()
    data = CardData(kind=Kind.COMPANY.value if is_company else Kind.INDIVIDUAL.value,
                    name=name, employer="" if is_company else company,
                    phone=customer.phone, email=customer.email)
    try:
        return create_card(data)
    except CardInvalidError:  # an e-mail that is not one: the card without it
        data.email = ""
        return create_card(data)


def _live_cards(card_ids: set[int]) -> set[int]:
    found: set[int] = set()
    for batch in chunked(sorted(card_ids), 500):
        found.update(card_id for (card_id,) in Card.select(Card.id).where(
            Card.id.in_(batch) & Card.deleted_at.is_null()).tuples())
    return found


def _resolve(result: DealImportResult, sales: list[Sale],
             resolutions: dict[int, Resolution], batch_id: int | None = None) -> list[Sale]:
    """The unmatched rows the user resolved become sales (on the picked card,
    or on a new card: one per customer, however many rows name them)."""
    picked = _live_cards({r for r in resolutions.values() if isinstance(r, int)})
    created: dict[Customer, int] = {}
    still: list[UnmatchedRow] = []
    for row in result.unmatched:
        choice = resolutions.get(row.row_number)
        if isinstance(choice, str):
            choice = Resolve(choice)
        if choice is Resolve.SKIP:
            result.skipped += 1
            continue
        if row.sale is None or (choice is not Resolve.NEW_CARD and choice not in picked):
            still.append(row)  # not resolved, or the picked card is gone
            continue
        if choice is Resolve.NEW_CARD:
            customer = row.sale.customer
            key = Customer(customer.name.strip().casefold(), customer.company.strip().casefold(),
                           phone_key(customer.phone), customer.email.strip().casefold())
            if key not in created:
                created[key] = _new_card(customer)
                result.cards_created += 1
                if batch_id is not None:
                    Card.update(import_batch=batch_id).where(
                        Card.id == created[key]).execute()
            card_id = created[key]
        else:
            card_id = choice
        sales.append(Sale(card_id, row.sale.date, row.sale.product, row.sale.amount_cents,
                          row.sale.outcome, row.sale.paid_cents, row.sale.due_date,
                          row.row_number, row.sale.customer))
        result.matched[row.row_number] = card_id
        result.resolved += 1
    result.unmatched = still
    return sales


def import_deals(table: SheetTable, mapping: dict[DealField, int] | None = None,
                 resolutions: dict[int, Resolution] | None = None,
                 progress: Progress = _no_progress,
                 cancelled: Callable[[], bool] = _not_cancelled,
                 file_name: str = "") -> DealImportResult:
    """Read every row, then write the good ones in one transaction. `mapping`
    (field to column) replaces the recognised headers; `resolutions` says, for
    an unmatched row (by row number), which card it is for, or to create a card
    or skip it. Cancelling raises ImportCancelled and writes nothing. The
    import is recorded in the import history under `file_name`; its id is
    `result.batch_id`."""
    result, sales = _scan(table, mapping, progress, cancelled)
    with db.atomic():
        now = _now()
        batch_id = import_history.start_batch(import_history.BatchKind.SALES, file_name,
                                              table.sheet_name, created_at=now)
        if resolutions:
            sales = _resolve(result, sales, resolutions, batch_id)
        created_cards = {row[0] for row in Card.select(Card.id).where(
            Card.import_batch == batch_id).tuples()} if result.cards_created else set()
        _write_deals(sales, now, batch_id, progress, cancelled)
        last_won: dict[int, datetime.date] = {}
        for sale in sales:
            if sale.outcome is DealOutcome.WON:
                last_won[sale.card_id] = max(sale.date, last_won.get(sale.card_id, sale.date))
        made_customers = 0
        cursor = db.cursor()
        for batch in chunked(sorted(last_won.items()), 500):
            rows = {row[0]: row for row in Card.select(Card.id, *import_history.CARD_COLUMNS)
                    .where(Card.id.in_([card_id for card_id, _ in batch])).tuples()}
            changed, recorded = [], []
            for card_id, day in batch:
                before = CardData(*rows[card_id][1:])
                latest = max(filter(None, [before.transaction_date, day]))
                after = replace(before, stage=Stage.CUSTOMER.value, transaction_date=latest)
                if after == before:
                    continue
                changed.append((Stage.CUSTOMER.value, latest, now, card_id))
                if card_id not in created_cards:  # those go to the trash on undo
                    recorded.append((card_id, before, after))
            cursor.executemany(_MAKE_CUSTOMER_SQL, changed)
            import_history.record_updates(batch_id, recorded)
            made_customers += len(recorded)
        result.imported = len(sales)
        result.batch_id = batch_id
        import_history.finish_batch(batch_id, result.imported, made_customers, result.skipped,
                                    len(result.rejected), result.resolved,
                                    result.cards_created)
    return result


# Written as SQL run over many rows: peewee builds the text of an INSERT anew for
# every row, which took nine tenths of a big sales import. The values are the
# Python objects peewee would pass, so they are stored the same way.
_DEAL_SQL = (
    'INSERT INTO "deal" ("id", "card_id", "date", "product", "amount_cents", "outcome", '
    '"due_date", "notes", "created_at", "self_review", "install_test", "training", '
    '"arrears_reason", "repayment_plan", "plan_sealed", "import_batch_id") '
    "VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, '', 0, 0, '', '', 0, ?)")
_PAYMENT_SQL = ('INSERT INTO "payment" ("deal_id", "date", "amount_cents", "created_at", '
                '"import_batch_id") VALUES (?, ?, ?, ?, ?)')
_MAKE_CUSTOMER_SQL = ('UPDATE "card" SET "stage" = ?, "transaction_date" = ?, "updated_at" = ? '
                      'WHERE "id" = ?')


def _write_deals(sales: list[Sale], now: datetime.datetime, batch_id: int,
                 progress: Progress, cancelled: Callable[[], bool]) -> None:
    """The deals, and a payment for each part paid, with ids given here so that
    the payments can point at their deals."""
    cursor = db.cursor()
    next_id = (Deal.select(fn.MAX(Deal.id)).scalar() or 0) + 1
    for start in range(0, len(sales), PROGRESS_EVERY):
        if start and cancelled():
            raise ImportCancelled
        chunk = sales[start:start + PROGRESS_EVERY]
        deals, payments = [], []
        for deal_id, sale in enumerate(chunk, start=next_id):
            won = sale.outcome is DealOutcome.WON
            deals.append((deal_id, sale.card_id, sale.date, sale.product, sale.amount_cents,
                          sale.outcome.value, sale.due_date if won else None, now, batch_id))
            if sale.paid_cents:
                payments.append((deal_id, sale.date, sale.paid_cents, now, batch_id))
        next_id += len(chunk)
        cursor.executemany(_DEAL_SQL, deals)
        cursor.executemany(_PAYMENT_SQL, payments)
        progress(start + len(chunk), len(sales))


def import_deals_file(path: str | os.PathLike, sheet: str | None = None,
                      mapping: dict[DealField, int] | None = None,
                      resolutions: dict[int, Resolution] | None = None,
                      progress: Progress = _no_progress,
                      cancelled: Callable[[], bool] = _not_cancelled) -> DealImportResult:
    return import_deals(read_sheet(path, sheet), mapping, resolutions, progress, cancelled,
                        file_name=os.path.basename(os.fspath(path)))
