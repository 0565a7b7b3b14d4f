"""What a subcommand is, for ui/cli.py and each feature's ui/cli_*.py."""

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

EXIT_OK = 0
EXIT_FAILED = 2


translate = QCoreApplication.translate
"""Call as translate("cli", "...") so that lupdate finds the text."""


@dataclass(frozen=True)
class Command:
    name: str
    help: Callable[[], str]
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    opens_database: bool = True
    """False for a command that must not open the file first (a restore of a
    damaged file, say); it finds the file with `resolve_db_path(args.db)`."""
    needs_gui: bool = False
    """True for a command that paints (printing): it needs a QGuiApplication."""


# --- what several subcommands do alike ------------------------------------------
def date_option(option: str, text: str):
    """The date given to `option`, or None after saying on stderr that it is not one."""
    from prospect_desk.validation import DateParseError, parse_date

    try:
        day = parse_date(text)
    except DateParseError:
        day = None
    if day is None:
        print(
            translate("cli", "%1: “%2” is not a date; write it as 2025-03-04.")
            .replace("%1", option)
            .replace("%2", text),
            file=sys.stderr,
        )
    return day


def write_failed(path: str, error: OSError) -> int:
    """Say that `path` could not be written, and give the exit code for it."""
    print(
        translate("cli", "%1 could not be written: %2")
        .replace("%1", path)
        .replace("%2", error.strerror or str(error)),
        file=sys.stderr,
    )
    return EXIT_FAILED


def open_for_import(path: str, sheet: str | None = None):
    """The sheet to import, after a pre-import backup; None, with the reason on
    stderr, when the file cannot be read or no backup can be made."""
    from prospect_desk.spreadsheet_read import read_sheet  # only the imports need it

    table = reading(lambda: read_sheet(path, sheet), path)
    if table is None or not backed_up_before_import():
        return None
    return table


def reading(read, path: str):
    """What read() returns; None, with the reason on stderr, when it raises
    because the spreadsheet at `path` cannot be read."""
    from prospect_desk.spreadsheet_read import SpreadsheetError
    from ui.import_messages import read_problem_text

    try:
        return read()
    except SpreadsheetError as error:
        print(read_problem_text(error), file=sys.stderr)
    except OSError as error:
        print(
            translate("cli", "The file %1 could not be opened: %2")
            .replace("%1", path)
            .replace("%2", error.strerror or str(error)),
            file=sys.stderr,
        )
    return None


def backed_up_before_import() -> bool:
    """Whether a pre-import backup of the card file was made (if not, the
    reason is on stderr)."""
    from prospect_desk.backups import BackupError, BackupKind, make_backup
    from prospect_desk.models import db

    try:
        make_backup(db.obj.database, BackupKind.PRE_IMPORT)
    except (BackupError, OSError) as error:
        print(
            translate(
                "cli", "No backup of the card file could be made, so nothing was imported: %1"
            ).replace("%1", str(error)),
            file=sys.stderr,
        )
        return False
    return True
