"""`import` and `export` subcommands: spreadsheets in and out without the window."""

import argparse
import sys

from prospect_desk.builtin_labels import BUILTIN_CIRCLE_LABELS
from prospect_desk.card_query import CardFilter, card_ids
from prospect_desk.circles import list_circles
from prospect_desk.excel_export import export_cards
from prospect_desk.excel_import import DuplicateMode, import_file, save_rejects
from prospect_desk.header_mapping import normalise
from ui import settings
from ui.cli_command import (
    EXIT_FAILED,
    EXIT_OK,
    Command,
    backed_up_before_import,
    reading,
    translate,
)
from ui.import_mappings import initial_mapping
from ui.import_messages import import_problem_text
from ui.labels import circle_name


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        metavar=translate("cli", "FILE"),
        help=translate("cli", "the spreadsheet (.xlsx, .xls, .ods or .csv)"),
    )
    parser.add_argument(
        "--sheet",
        metavar=translate("cli", "NAME"),
        help=translate("cli", "the sheet to read (default: the first)"),
    )
    parser.add_argument(
        "--on-duplicate",
        choices=[m.value for m in DuplicateMode],
        default=DuplicateMode.SKIP.value,
        help=translate(
            "cli",
            "what to do with a row that duplicates a card: skip it, "
            "update the card, or add it anyway (default: skip)",
        ),
    )
    parser.add_argument(
        "--rejects",
        metavar=translate("cli", "REJECTS.xlsx"),
        help=translate("cli", "save the rows left out, with the reason, to this file"),
    )


class _NoBackup(Exception):
    """No pre-import backup could be made (the reason is on stderr)."""


def _back_up() -> None:
    if not backed_up_before_import():
        raise _NoBackup


def _run_import(args: argparse.Namespace) -> int:
    # A big file is read by a second process too; the columns are mapped as
    # last time for the file's headers, and the backup is made once the file
    # has been read (a file that cannot be read leaves no trace).
    try:
        result = reading(lambda: import_file(args.file, args.sheet, initial_mapping,
                                             DuplicateMode(args.on_duplicate),
                                             before_writing=_back_up), args.file)
    except _NoBackup:
        return EXIT_FAILED
    if result is None:
        return EXIT_FAILED
    duplicates = result.duplicates_skipped + result.duplicates_added + result.updated
    print(
        translate(
            "cli",
            "Imported %1 cards; %2 duplicates (%3 skipped, %4 updated, %5 added); "
            "%6 rows rejected.",
        )
        .replace("%1", str(result.imported - result.duplicates_added))
        .replace("%2", str(duplicates))
        .replace("%3", str(result.duplicates_skipped))
        .replace("%4", str(result.updated))
        .replace("%5", str(result.duplicates_added))
        .replace("%6", str(len(result.rejected)))
    )
    if args.rejects and result.rejected:
        try:
            save_rejects(
                args.rejects,
                result.headers,
                result.rejected,
                reason_text=import_problem_text,
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


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar=translate("cli", "FILE"), help=translate("cli", "the .xlsx file to write")
    )
    parser.add_argument(
        "--search",
        metavar=translate("cli", "TEXT"),
        default="",
        help=translate("cli", "only cards found by this search, as in the window"),
    )
    parser.add_argument(
        "--circle",
        metavar=translate("cli", "NAME"),
        help=translate("cli", "only cards of the circle of this name (in either language)"),
    )


def find_circle(name: str) -> int | None:
    """The id of the circle called `name`: its own name, its label as the
    window shows it, or its built-in label in English or Chinese."""
    wanted = normalise(name)
    for circle in list_circles():
        names = [circle.name or "", circle_name(circle.name, circle.builtin_key)]
        if circle.builtin_key in BUILTIN_CIRCLE_LABELS:
            names.extend(BUILTIN_CIRCLE_LABELS[circle.builtin_key])
        if any(n and normalise(n) == wanted for n in names):
            return circle.id
    return None


def _run_export(args: argparse.Namespace) -> int:
    circle_ids: frozenset[int] = frozenset()
    if args.circle:
        circle_id = find_circle(args.circle)
        if circle_id is None:
            print(
                translate("cli", "There is no circle called %1.").replace("%1", args.circle),
                file=sys.stderr,
            )
            return EXIT_FAILED
        circle_ids = frozenset({circle_id})
    ids = card_ids(CardFilter(search=args.search, circle_ids=circle_ids))
    try:
        count = export_cards(args.file, ids, settings.effective_language())
    except OSError as error:
        print(
            translate("cli", "The cards could not be written to %1: %2")
            .replace("%1", args.file)
            .replace("%2", error.strerror or str(error)),
            file=sys.stderr,
        )
        return EXIT_FAILED
    print(
        translate("cli", "%1 cards written to %2.")
        .replace("%1", str(count))
        .replace("%2", args.file)
    )
    return EXIT_OK


COMMANDS: list[Command] = [
    Command(
        "import",
        lambda: translate(
            "cli",
            "import cards from a spreadsheet; prints what was imported, duplicated and rejected",
        ),
        _import_arguments,
        _run_import,
    ),
    Command(
        "export",
        lambda: translate(
            "cli", "write the cards (all, or those of a search or circle) to an .xlsx file"
        ),
        _export_arguments,
        _run_export,
    ),
]
