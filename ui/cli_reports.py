"""Reports on the command line: lapsed customers, the 80/20 view and the
ageing of receivables, printed as a table or written to .xlsx."""

import argparse
import datetime
import sys
from pathlib import Path

from prospect_desk.deal_import import DealImportProblem, RejectedRow, RowProblem, import_deals
from prospect_desk.excel_export import atomic_xlsx
from prospect_desk.excel_import import save_rejects
from prospect_desk.receivables import ageing
from prospect_desk.reports import lapsed_customers, loss_rates, pareto_customers
from ui.cli_command import (
    EXIT_FAILED,
    EXIT_OK,
    Command,
    date_option,
    open_for_import,
    translate,
    write_failed,
)
from ui.labels import CHANNELS, LAPSE_REASONS, WIN_BACK_APPROACHES, label

REPORTS = ("lapsed", "pareto", "ageing")


def money(cents: int) -> str:
    return f"{cents / 100:,.2f}"


def percent(share: float) -> str:
    return f"{share * 100:.1f}%"


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "report", choices=REPORTS, help=translate("cli", "which report: lapsed, pareto or ageing")
    )
    parser.add_argument(
        "--as-of",
        dest="as_of",
        metavar="DATE",
        help=translate("cli", "the day the report is made for (default: today)"),
    )
    parser.add_argument(
        "--xlsx",
        metavar="FILE",
        help=translate("cli", "write the report to this .xlsx file instead"),
    )


def _yes(flag: bool) -> str:
    return translate("cli", "yes") if flag else ""


def lapsed_table(as_of: datetime.date) -> tuple[list[str], list[list]]:
    headers = [
        translate("cli", "Customer"),
        translate("cli", "Last purchase"),
        translate("cli", "Purchases"),
        translate("cli", "Total amount"),
        translate("cli", "Years as customer"),
        translate("cli", "Lapse reason"),
        translate("cli", "Approach"),
        translate("cli", "Channel"),
    ]
    rows = [
        [
            r.name,
            r.last_purchase,
            r.purchases,
            r.total_cents / 100,
            r.years_as_customer,
            label(LAPSE_REASONS, r.reason),
            label(WIN_BACK_APPROACHES, r.approach),
            label(CHANNELS, r.channel),
        ]
        for r in lapsed_customers(as_of)
    ]
    return headers, rows


def pareto_table(as_of: datetime.date) -> tuple[list[str], list[list]]:
    """The year up to `as_of`."""
    start = as_of - datetime.timedelta(days=365)
    result = pareto_customers(start, as_of)
    headers = [
        translate("cli", "Rank"),
        translate("cli", "Customer"),
        translate("cli", "Revenue"),
        translate("cli", "Deals"),
        translate("cli", "Cumulative share"),
        translate("cli", "Top 20%"),
        translate("cli", "No recent contact"),
    ]
    rows = [
        [
            rank,
            r.name,
            r.revenue_cents / 100,
            r.deals,
            r.cumulative_share,
            _yes(r.top),
            _yes(r.needs_contact),
        ]
        for rank, r in enumerate(result.rows, start=1)
    ]
    return headers, rows


def ageing_table(as_of: datetime.date) -> tuple[list[str], list[list]]:
    headers = [
        translate("cli", "Customer"),
        translate("cli", "Current"),
        translate("cli", "1–30 days"),
        translate("cli", "31–60 days"),
        translate("cli", "61–90 days"),
        translate("cli", "Over 90 days"),
        translate("cli", "Total"),
    ]
    rows = [
        [r.name, *(cents / 100 for cents in r.buckets), r.total_cents / 100] for r in ageing(as_of)
    ]
    return headers, rows


TABLES = {"lapsed": lapsed_table, "pareto": pareto_table, "ageing": ageing_table}


def _cell_text(value) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _print_table(report: str, headers: list[str], rows: list[list]) -> None:
    texts = []
    for row in rows:
        cells = [_cell_text(v) for v in row]
        if report == "pareto":
            cells[4] = percent(row[4])
        texts.append(cells)
    print("\t".join(headers))
    for cells in texts:
        print("\t".join(cells))


def _write_xlsx(path: str, title: str, headers: list[str], rows: list[list]) -> None:
    with atomic_xlsx(path) as workbook:
        sheet = workbook.add_worksheet(title)
        bold = workbook.add_format({"bold": True})
        dates = workbook.add_format({"num_format": "yyyy-mm-dd"})
        sheet.write_row(0, 0, headers, bold)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                if isinstance(value, datetime.date):
                    sheet.write_datetime(
                        number, column, datetime.datetime.combine(value, datetime.time()), dates
                    )
                else:
                    sheet.write(number, column, value)


def _as_of(text: str | None) -> datetime.date | None:
    return date_option("--as-of", text) if text else datetime.date.today()


def loss_sentence(as_of: datetime.date) -> str | None:
    rates = loss_rates(as_of, years=1)
    if not rates or not rates[-1].customers:
        return None
    last = rates[-1]
    return (
        translate(
            "cli",
            "Loss rate %1: %2 of %3 customers bought nothing (%4). At this "
            "loss rate you need %5 new customers a year to grow 10%.",
        )
        .replace("%1", last.period)
        .replace("%2", str(last.lost))
        .replace("%3", str(last.customers))
        .replace("%4", percent(last.rate))
        .replace("%5", str(last.new_needed_to_grow_10_percent))
    )


def _run_report(args: argparse.Namespace) -> int:
    as_of = _as_of(args.as_of)
    if as_of is None:
        return EXIT_FAILED
    headers, rows = TABLES[args.report](as_of)
    if args.xlsx:
        try:
            _write_xlsx(args.xlsx, args.report, headers, rows)
        except OSError as error:
            return write_failed(args.xlsx, error)
        print(
            translate("cli", "%1 rows written to %2.")
            .replace("%1", str(len(rows)))
            .replace("%2", args.xlsx)
        )
        return EXIT_OK
    _print_table(args.report, headers, rows)
    if args.report == "lapsed":
        sentence = loss_sentence(as_of)
        if sentence:
            print(sentence, file=sys.stderr)
    return EXIT_OK


def deal_problem_text(problem: DealImportProblem) -> str:
    texts = {
        DealImportProblem.DATE_REQUIRED: translate("cli", "a date is needed"),
        DealImportProblem.NOT_A_DATE: translate("cli", "not a date"),
        DealImportProblem.AMOUNT_INVALID: translate("cli", "not an amount"),
        DealImportProblem.OUTCOME_UNKNOWN: translate("cli", "say won or lost"),
        DealImportProblem.CUSTOMER_REQUIRED: translate(
            "cli", "no customer: give a name, phone or e-mail"
        ),
        DealImportProblem.PAID_MORE_THAN_AMOUNT: translate("cli", "more paid than the amount"),
        DealImportProblem.PAID_ON_LOST_DEAL: translate("cli", "a payment on a lost deal"),
        DealImportProblem.NO_CARD: translate("cli", "no card matches the customer"),
        DealImportProblem.SEVERAL_CARDS: translate("cli", "several cards match the customer"),
    }
    return texts[DealImportProblem(problem)]


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        metavar=translate("cli", "FILE"),
        help=translate("cli", "the sales history, .xlsx or .csv"),
    )
    parser.add_argument(
        "--rejects",
        metavar=translate("cli", "REJECTS.xlsx"),
        help=translate(
            "cli", "save the rejected and unmatched rows, with the reasons, to this .xlsx file"
        ),
    )


def _run_import_deals(args: argparse.Namespace) -> int:
    table = open_for_import(args.file)
    if table is None:
        return EXIT_FAILED
    result = import_deals(table, file_name=Path(args.file).name)
    print(
        translate("cli", "Imported %1 deals; %2 rows rejected; %3 rows unmatched.")
        .replace("%1", str(result.imported))
        .replace("%2", str(len(result.rejected)))
        .replace("%3", str(len(result.unmatched)))
    )
    listed = result.rejected + [
        RejectedRow(u.row_number, u.values, [RowProblem(None, "", u.problem)])
        for u in result.unmatched
    ]
    listed.sort(key=lambda row: row.row_number)
    for row in listed:
        reasons = "; ".join(
            f"{p.header}: {deal_problem_text(p.reason)}"
            if p.header
            else deal_problem_text(p.reason)
            for p in row.problems
        )
        print(
            translate("cli", "Row %1: %2").replace("%1", str(row.row_number)).replace("%2", reasons)
        )
    if args.rejects and listed:
        try:
            save_rejects(
                args.rejects,
                table.headers,
                listed,
                reason_text=deal_problem_text,
                reason_header=translate("cli", "Why"),
                row_header=translate("cli", "Row"),
            )
        except OSError as error:
            print(
                translate("cli", "The rejected rows could not be saved to %1: %2")
                .replace("%1", args.rejects)
                .replace("%2", error.strerror or str(error)),
                file=sys.stderr,
            )
    return EXIT_OK


COMMANDS: list[Command] = [
    Command(
        "import-deals",
        lambda: translate(
            "cli",
            "import a sales history (.xlsx or .csv) as deals on the matching cards, "
            "all or nothing, and print imported / rejected / unmatched",
        ),
        _import_arguments,
        _run_import_deals,
    ),
    Command(
        "report",
        lambda: translate(
            "cli",
            "print a report, one customer per line (tab separated), or write it to "
            ".xlsx: lapsed customers, the 80/20 view of the last year's revenue, "
            "or the ageing of receivables",
        ),
        _report_arguments,
        _run_report,
    ),
]
