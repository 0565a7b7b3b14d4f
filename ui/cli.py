"""The command line: the same core as the window, for scripts and tests.

Each subcommand is a function registered in COMMANDS with its arguments;
messages go through Qt's translation like the rest of the UI."""

import argparse
import os
import sys
from pathlib import Path

from peewee import DatabaseError
from PySide6.QtCore import QCoreApplication

from prospect_desk import bulk_indexes
from prospect_desk.database import (
    DatabaseOpenError,
    NotACardFileError,
    close_database,
    open_database,
)
from prospect_desk.demo import load_demo
from prospect_desk.stats import card_stats
from ui import cli_calendar, cli_excel, cli_print, cli_reports, cli_safety, settings
from ui.cli_command import EXIT_FAILED, EXIT_OK, Command, translate
from ui.labels import CREDIT_STATUSES, KINDS, STAGES, circle_name, label
from ui.translation import install_language


def _run_demo(args: argparse.Namespace) -> int:
    count = load_demo()
    print(translate("cli", "%1 demo cards added.").replace("%1", str(count)))
    return EXIT_OK


def _print_counts(title: str, rows: list[tuple[str, int]]) -> None:
    print(title)
    for name, count in rows:
        print(f"  {count:>7}  {name}")


def _run_stats(args: argparse.Namespace) -> int:
    stats = card_stats()
    print(
        translate("cli", "Cards: %1 (in the trash: %2)")
        .replace("%1", str(stats.total))
        .replace("%2", str(stats.trashed))
    )
    _print_counts(
        translate("cli", "By kind:"), [(label(KINDS, k), stats.by_kind.get(k, 0)) for k in KINDS]
    )
    _print_counts(
        translate("cli", "By stage:"),
        [(label(STAGES, k), stats.by_stage.get(k, 0)) for k in STAGES],
    )
    _print_counts(
        translate("cli", "By credit status:"),
        [(label(CREDIT_STATUSES, k), stats.by_credit_status.get(k, 0)) for k in CREDIT_STATUSES],
    )
    _print_counts(
        translate("cli", "By circle:"),
        [(circle_name(c.name, c.builtin_key), c.card_count) for c in stats.by_circle]
        + [(translate("cli", "No circle"), stats.without_circle)],
    )
    return EXIT_OK


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


CARD_COMMANDS: list[Command] = [
    Command(
        "demo",
        lambda: translate("cli", "fill the database with the demo set of about 200 cards"),
        _no_arguments,
        _run_demo,
    ),
    Command(
        "stats",
        lambda: translate("cli", "print counts of cards by kind, stage, credit status and circle"),
        _no_arguments,
        _run_stats,
    ),
]


COMMANDS: list[Command] = [
    *CARD_COMMANDS,
    *cli_calendar.COMMANDS,
    *cli_excel.COMMANDS,
    *cli_safety.COMMANDS,
    *cli_print.COMMANDS,
    *cli_reports.COMMANDS,
]
"""Every subcommand; each feature's module (ui/cli_*.py) adds its own list here."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description=translate(
            "cli",
            "Prospect Desk: prospect cards for the individual salesperson. "
            "Without a subcommand, the window opens.",
        ),
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=translate(
            "cli", "the card file to use (default: $PROSPECT_DESK_DB, else the user's data folder)"
        ),
    )
    subparsers = parser.add_subparsers(dest="command", metavar=translate("cli", "subcommand"))
    for command in COMMANDS:
        sub = subparsers.add_parser(command.name, help=command.help(), description=command.help())
        command.add_arguments(sub)
        sub.set_defaults(run=command.run, opens_database=command.opens_database)
    return parser


def _make_app(argv: list[str]) -> QCoreApplication:
    """A plain core application, or a GUI one (without a display: offscreen)
    when the subcommand paints."""
    if not any(c.needs_gui and c.name in argv for c in COMMANDS):
        return QCoreApplication([sys.argv[0]])
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication([sys.argv[0]])


def run_cli(argv: list[str], db_path: Path) -> int:
    app = QCoreApplication.instance() or _make_app(argv)
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    install_language(settings.effective_language())
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return EXIT_OK
    if not args.opens_database:
        return args.run(args)
    try:
        open_database(db_path)
    except NotACardFileError as error:
        print(translate("cli", "%1 is not a Prospect Desk card file, so it was not opened "
                        "and nothing was written to it.").replace("%1", str(error.path)),
              file=sys.stderr)
        return EXIT_FAILED
    except DatabaseOpenError as error:
        print(
            translate("cli", "The card file %1 could not be opened: %2")
            .replace("%1", str(error.path))
            .replace("%2", error.detail or type(error).__name__),
            file=sys.stderr,
        )
        return EXIT_FAILED
    try:
        code = args.run(args)
        _build_pending_indexes()  # only after the command ran to its end (not on Ctrl-C)
        return code
    finally:
        close_database()


def _build_pending_indexes() -> None:
    """Leave the file complete: build the indexes a big import, undo or trash
    move left for after its commit (the cards were committed already)."""
    try:
        bulk_indexes.build_pending()
    except DatabaseError:  # read-only, or locked: the app builds them at its next start
        pass
