"""The follow-up calendar on the command line: the agenda of a date range, and
the same range written as an .ics file for other calendars."""

import argparse
import sys

from prospect_desk.follow_ups import agenda
from prospect_desk.ics_export import export_ics
from ui.cli_command import (
    EXIT_FAILED,
    EXIT_OK,
    Command,
    date_option,
    translate,
    write_failed,
)
from ui.follow_up_text import item_reason, kind_label


def _range_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="start",
        required=True,
        metavar="DATE",
        help=translate("cli", "first day, e.g. 2025-03-04"),
    )
    parser.add_argument(
        "--to",
        dest="end",
        required=True,
        metavar="DATE",
        help=translate("cli", "last day, e.g. 2025-03-31"),
    )


def _ics_arguments(parser: argparse.ArgumentParser) -> None:
    _range_arguments(parser)
    parser.add_argument(
        "--ics", required=True, metavar="FILE", help=translate("cli", "the .ics file to write")
    )


def _date_range(args: argparse.Namespace):
    """(start, end), or None after saying on stderr what is wrong."""
    dates = []
    for option, text in (("--from", args.start), ("--to", args.end)):
        day = date_option(option, text)
        if day is None:
            return None
        dates.append(day)
    if dates[1] < dates[0]:
        print(translate("cli", "--to comes before --from."), file=sys.stderr)
        return None
    return dates


def _run_agenda(args: argparse.Namespace) -> int:
    dates = _date_range(args)
    if dates is None:
        return EXIT_FAILED
    for item in agenda(*dates):
        print(
            "\t".join(
                [item.date.isoformat(), kind_label(item.kind), item.card_name, item_reason(item)]
            )
        )
    return EXIT_OK


def _run_calendar(args: argparse.Namespace) -> int:
    dates = _date_range(args)
    if dates is None:
        return EXIT_FAILED
    try:
        count = export_ics(dates[0], dates[1], args.ics)
    except OSError as error:
        return write_failed(args.ics, error)
    print(
        translate("cli", "%1 events written to %2.")
        .replace("%1", str(count))
        .replace("%2", args.ics)
    )
    return EXIT_OK


COMMANDS: list[Command] = [
    Command(
        "agenda",
        lambda: translate(
            "cli",
            "print the follow-ups of a date range, one per line: date, "
            "kind, card, why (tab separated)",
        ),
        _range_arguments,
        _run_agenda,
    ),
    Command(
        "calendar",
        lambda: translate(
            "cli", "write the follow-ups and birthdays of a date range to an .ics file"
        ),
        _ics_arguments,
        _run_calendar,
    ),
]
