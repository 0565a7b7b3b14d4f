"""Subcommands for keeping the card file safe: backup, restore, backups.

None of them opens the card file through the app's usual path: a backup reads
it with SQLite's backup API, and a restore must work on a damaged file, which
cannot be opened. A restore takes the instance lock, so it never pulls the file
from under a running window."""

import argparse
import sys
from pathlib import Path

from prospect_desk import backups, instance_lock
from prospect_desk.backups import BackupKind
from prospect_desk.database import resolve_db_path
from ui.cli_command import EXIT_FAILED, EXIT_OK, Command, translate


def _fail(text: str) -> int:
    print(text, file=sys.stderr)
    return EXIT_FAILED


def _kind_label(kind: BackupKind) -> str:
    return {
        BackupKind.DAILY: translate("cli", "daily"),
        BackupKind.WEEKLY: translate("cli", "weekly"),
        BackupKind.PRE_IMPORT: translate("cli", "before an import"),
        BackupKind.PRE_MIGRATION: translate("cli", "before an upgrade"),
        BackupKind.MANUAL: translate("cli", "by hand"),
    }[kind]


def _already_open(error: instance_lock.AlreadyRunningError) -> int:
    who = str(error.pid) if error.pid is not None else "?"
    return _fail(
        translate("cli", "Prospect Desk has the card file %1 open (process %2): close it first.")
        .replace("%1", str(error.db_path))
        .replace("%2", who)
    )


def _backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help=translate(
            "cli", "where to write the copy (default: the backups folder beside the card file)"
        ),
    )


def _run_backup(args: argparse.Namespace) -> int:
    db_path = resolve_db_path(args.db)
    try:
        path = backups.make_backup(db_path, BackupKind.MANUAL, args.file)
    except backups.BackupError as error:
        return _fail(
            translate("cli", "No backup was made of %1: %2")
            .replace("%1", str(db_path))
            .replace("%2", error.detail or str(error.path))
        )
    except OSError as error:
        return _fail(
            translate("cli", "No backup was made of %1: %2")
            .replace("%1", str(db_path))
            .replace("%2", str(error))
        )
    print(path)
    return EXIT_OK


def _restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=translate("cli", "the backup to put in place"))


def _run_restore(args: argparse.Namespace) -> int:
    db_path = resolve_db_path(args.db)
    backup = Path(args.file)
    if not backup.is_file():
        return _fail(translate("cli", "There is no backup file %1.").replace("%1", str(backup)))
    try:
        lock = instance_lock.acquire(db_path)
    except instance_lock.AlreadyRunningError as error:
        return _already_open(error)
    except OSError as error:
        return _fail(
            translate("cli", "The card file %1 cannot be replaced: %2")
            .replace("%1", str(db_path))
            .replace("%2", str(error))
        )
    with lock:
        try:
            aside = backups.restore_backup(db_path, backup)
        except backups.BackupCheckFailedError as error:
            return _fail(
                translate("cli", "%1 is not a sound backup, so nothing was changed: %2")
                .replace("%1", str(backup))
                .replace("%2", error.detail)
            )
        except (backups.BackupError, OSError) as error:
            return _fail(
                translate(
                    "cli", "The backup could not be restored, so nothing was changed: %1"
                ).replace("%1", str(error))
            )
    print(
        translate("cli", "Restored %1 to %2.")
        .replace("%1", str(backup))
        .replace("%2", str(db_path))
    )
    if aside is not None:
        print(translate("cli", "The previous card file was kept as %1").replace("%1", str(aside)))
    return EXIT_OK


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def _run_list(args: argparse.Namespace) -> int:
    db_path = resolve_db_path(args.db)
    found = backups.list_backups(db_path)
    if not found:
        print(translate("cli", "No backups of %1 yet.").replace("%1", str(db_path)))
        return EXIT_OK
    for info in found:
        print(
            f"{info.created:%Y-%m-%d %H:%M:%S}  {_kind_label(info.kind):<18}"
            f"  {info.size:>12,}  {info.path}"
        )
    return EXIT_OK


COMMANDS: list[Command] = [
    Command(
        "backup",
        lambda: translate("cli", "make a checked copy of the card file now; prints its path"),
        _backup_arguments,
        _run_backup,
        opens_database=False,
    ),
    Command(
        "restore",
        lambda: translate(
            "cli", "put a backup in place of the card file, keeping the current file beside it"
        ),
        _restore_arguments,
        _run_restore,
        opens_database=False,
    ),
    Command(
        "backups",
        lambda: translate("cli", "list the backups of the card file, newest first"),
        _no_arguments,
        _run_list,
        opens_database=False,
    ),
]
