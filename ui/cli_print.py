"""Printing from the command line: the call sheet of a day or range as a PDF."""

import argparse
import sys

from prospect_desk.enums import FollowUpKind
from ui.cli_command import (
    EXIT_FAILED,
    EXIT_OK,
    Command,
    date_option,
    translate,
    write_failed,
)
from ui.paged_print import PAPER_SIZES, cjk_family, no_cjk_font_message


def _callsheet_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date",
        required=True,
        metavar="DATE",
        help=translate("cli", "the day, or the first day of a range, e.g. 2025-03-04"),
    )
    parser.add_argument(
        "--to",
        dest="end",
        metavar="DATE",
        help=translate("cli", "the last day of the range (default: the same day)"),
    )
    parser.add_argument(
        "--kind",
        choices=[k.value for k in FollowUpKind],
        help=translate("cli", "only follow-ups of this kind"),
    )
    parser.add_argument(
        "--overdue",
        action="store_true",
        help=translate("cli", "also list the open follow-ups due before the day"),
    )
    parser.add_argument(
        "--paper",
        choices=list(PAPER_SIZES),
        default="a4",
        help=translate("cli", "paper size (default: a4)"),
    )
    parser.add_argument(
        "--pdf", required=True, metavar="FILE", help=translate("cli", "the PDF file to write")
    )


def _run_callsheet(args: argparse.Namespace) -> int:
    from ui.call_sheet_print import CallSheetOptions, write_call_sheet_pdf

    start = date_option("--date", args.date)
    if start is None:
        return EXIT_FAILED
    end = start
    if args.end:
        end = date_option("--to", args.end)
        if end is None:
            return EXIT_FAILED
        if end < start:
            print(translate("cli", "--to comes before --date."), file=sys.stderr)
            return EXIT_FAILED
    if cjk_family() is None:
        print(no_cjk_font_message(), file=sys.stderr)
    options = CallSheetOptions(
        start, end, kind=args.kind, include_overdue=args.overdue, paper=args.paper
    )
    try:
        pages = write_call_sheet_pdf(args.pdf, options)
    except OSError as error:
        return write_failed(args.pdf, error)
    print(
        translate("cli", "%2 written (%1 pages).").replace("%1", str(pages)).replace("%2", args.pdf)
    )
    return EXIT_OK


COMMANDS: list[Command] = [
    Command(
        "callsheet",
        lambda: translate("cli", "write the call sheet of a day or range as a PDF"),
        _callsheet_arguments,
        _run_callsheet,
        needs_gui=True,
    ),
]
