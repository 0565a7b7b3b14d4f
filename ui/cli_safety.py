"""Subcommands for keeping the card file safe: backup, restore, backups, and
the import history: imports, undo-import.

None of them opens the card file through the app's usual path: a backup reads
it with SQLite's backup API, and a restore must work on a damaged file, which
cannot be opened. A restore takes the instance lock, so it never pulls the file
from under a running window."""

import argparse
import sys
from pathlib import Path

from prospect_desk import backups, import_history, instance_lock
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


def _state_label(batch: import_history.BatchInfo) -> str:
    if batch.undone_at is not None:
        return translate("cli", "undone %1").replace("%1", f"{batch.undone_at:%Y-%m-%d %H:%M}")
    return translate("cli", "imported")


def _run_imports(args: argparse.Namespace) -> int:
    found = import_history.list_batches()
    if not found:
        print(translate("cli", "No cards have been imported yet."))
        return EXIT_OK
    print(
        translate(
            "cli", "ID  imported on       added  updated  skipped  left out  state  kind  file"
        )
    )
    for batch in found:
        print(
            f"{batch.id:<3} {batch.created_at:%Y-%m-%d %H:%M}  {batch.added:>6}  "
            f"{batch.updated:>7}  {batch.skipped:>7}  {batch.rejected:>8}  "
            f"{_state_label(batch)}  {_kind_label_of(batch)}  {batch.file_name}"
        )
    return EXIT_OK


def _kind_label_of(batch: import_history.BatchInfo) -> str:
    if batch.kind is import_history.BatchKind.SALES:
        return translate("cli", "sales")
    return translate("cli", "cards")


def _print_sales_undone(batch_id: int, result: import_history.UndoResult) -> None:
    print(
        translate(
            "cli",
            "Import %1 undone: %2 deals and %3 payments removed, %4 cards given their earlier "
            "stage back, %5 cards it made moved to the trash.",
        )
        .replace("%1", str(batch_id))
        .replace("%2", str(result.deals_removed))
        .replace("%3", str(result.payments_removed))
        .replace("%4", str(result.restored))
        .replace("%5", str(result.trashed))
    )
    if result.follow_ups_removed:
        print(
            translate("cli", "%1 open follow-ups of those deals were taken away.").replace(
                "%1", str(result.follow_ups_removed)
            )
        )
    if result.deals_kept:
        print(
            translate(
                "cli",
                "Paid on, followed up or filled in after the import, so kept (deal ID, card):",
            )
        )
        for deal_id, name in result.deals_kept:
            print(f"  {deal_id}  {name}")
    if result.cards_kept:
        print(translate("cli", "Cards it made that are in use now, so kept (ID, name):"))
        for card_id, name in result.cards_kept:
            print(f"  {card_id}  {name}")
    if result.kept:
        print(translate("cli", "Changed again after the import, so left as they are (ID, name):"))
        for card_id, name in result.kept:
            print(f"  {card_id}  {name}")


def _undo_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "batch",
        metavar="ID",
        type=int,
        help=translate("cli", "the import's ID, as `imports` shows it"),
    )


def _run_undo_import(args: argparse.Namespace) -> int:
    try:
        lock = instance_lock.acquire(resolve_db_path(args.db))
    except instance_lock.AlreadyRunningError as error:
        return _already_open(error)
    except OSError:
        lock = None  # a read-only folder: the undo itself will say so
    try:
        result = import_history.undo_batch(args.batch)
    except import_history.UndoError as error:
        if error.problem is import_history.UndoProblem.ALREADY_UNDONE:
            return _fail(
                translate(
                    "cli", "Import %1 was undone already; it cannot be undone twice."
                ).replace("%1", str(args.batch))
            )
        return _fail(
            translate("cli", "There is no import %1; `imports` lists them.").replace(
                "%1", str(args.batch)
            )
        )
    finally:
        if lock is not None:
            lock.release()
    if result.kind is import_history.BatchKind.SALES:
        _print_sales_undone(args.batch, result)
        return EXIT_OK
    print(
        translate(
            "cli",
            "Import %1 undone: %2 cards moved to the trash, %3 cards given their earlier "
            "values back.",
        )
        .replace("%1", str(args.batch))
        .replace("%2", str(result.trashed))
        .replace("%3", str(result.restored))
    )
    if result.trashed_changed_since:
        print(
            translate(
                "cli", "%1 of the cards moved to the trash had been changed after the import."
            ).replace("%1", str(result.trashed_changed_since))
        )
    if result.kept:
        print(translate("cli", "Changed again after the import, so left as they are (ID, name):"))
        for card_id, name in result.kept:
            print(f"  {card_id}  {name}")
    if result.follow_ups_removed:
        print(
            translate(
                "cli", "%1 revisits the import had put on the cards it updated were taken away."
            ).replace("%1", str(result.follow_ups_removed))
        )
    if result.circles_removed:
        print(
            translate(
                "cli", "Circles the import made that no card uses any more were removed: %1"
            ).replace("%1", ", ".join(result.circles_removed))
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
    Command(
        "imports",
        lambda: translate(
            "cli", "list the imports of cards and of sales histories, newest first, with their IDs"
        ),
        _no_arguments,
        _run_imports,
    ),
    Command(
        "undo-import",
        lambda: translate(
            "cli",
            "undo an import: the cards it added go to the trash, the cards it updated get "
            "their earlier values back unless changed since; a sales history's deals and "
            "payments are removed unless worked on since",
        ),
        _undo_arguments,
        _run_undo_import,
    ),
]
