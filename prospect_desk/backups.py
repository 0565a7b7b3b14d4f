"""Consistent copies of the live database, kept in `backups/` beside it.

Copies are made with SQLite's backup API, never by copying the file, so a
copy taken while the app is writing is still a whole, consistent database.
Every copy is checked with `PRAGMA integrity_check` before it counts.

File names carry the kind and the time:
`prospect_desk-2026-11-23T101500-daily.sqlite3`.
"""

import datetime
import enum
import os
import re
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from prospect_desk.safe_write import temporary_sibling

BACKUP_DIR_NAME = "backups"
BACKUP_SUFFIX = ".sqlite3"
TIMESTAMP_FORMAT = "%Y-%m-%dT%H%M%S"

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_EVENT = 5  # each of pre-import and pre-migration


class BackupKind(enum.StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"  # a daily kept on as its ISO week's representative
    PRE_IMPORT = "pre-import"
    PRE_MIGRATION = "pre-migration"
    MANUAL = "manual"


_NAME_RE = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d{2}-\d{2}T\d{6})"
    r"-(?P<kind>" + "|".join(re.escape(k.value) for k in BackupKind) + r")"
    r"(?:-(?P<n>\d+))?" + re.escape(BACKUP_SUFFIX) + "$"
)


class BackupError(Exception):
    """A backup could not be made, checked or restored; `path` says which file."""

    def __init__(self, path: Path, detail: str = ""):
        super().__init__(f"{path}: {detail}" if detail else str(path))
        self.path = path
        self.detail = detail


class BackupCheckFailedError(BackupError):
    """The copy failed `PRAGMA integrity_check`; `problems` lists what SQLite said."""

    def __init__(self, path: Path, problems: list[str]):
        super().__init__(path, "; ".join(problems[:5]))
        self.problems = problems


class DatabaseStillOpenError(BackupError):
    """A restore was asked for while this process still has the database open."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: BackupKind
    created: datetime.datetime
    size: int


def backup_dir(db_path: str | os.PathLike) -> Path:
    return Path(db_path).parent / BACKUP_DIR_NAME


def _stem(db_path: Path) -> str:
    return db_path.stem if db_path.suffix else db_path.name


def _backup_name(db_path: Path, kind: BackupKind, created: datetime.datetime,
                 n: int = 0) -> str:
    counter = f"-{n}" if n else ""
    return (f"{_stem(db_path)}-{created.strftime(TIMESTAMP_FORMAT)}"
            f"-{kind.value}{counter}{BACKUP_SUFFIX}")


def _free_backup_path(folder: Path, db_path: Path, kind: BackupKind,
                      created: datetime.datetime) -> Path:
    n = 0
    while (folder / _backup_name(db_path, kind, created, n)).exists():
        n += 1
    return folder / _backup_name(db_path, kind, created, n)


def _read_only_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def integrity_problems(path: str | os.PathLike) -> list[str]:
    """What `PRAGMA integrity_check` finds wrong with the file (empty: sound).
    A file SQLite cannot read at all is reported as one problem."""
    path = Path(path)
    if not path.is_file():
        return [f"{path} does not exist"]
    try:
        with closing(sqlite3.connect(_read_only_uri(path), uri=True)) as conn:
            rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def _copy_database(source: Path, target: Path, journal_mode: str) -> None:
    """Copy `source` to the new file `target` with the backup API, in one step,
    so the copy is one consistent snapshot even while others write."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
        dst.execute(f"PRAGMA journal_mode = {journal_mode}")


def _copy_and_check(source: Path, target: Path, journal_mode: str = "delete") -> None:
    """Write a checked copy of `source` to `target`; a copy that fails its
    check is deleted and never takes `target`'s name."""
    tmp = temporary_sibling(target, "partial")
    try:
        try:
            _copy_database(source, tmp, journal_mode)
        except sqlite3.Error as exc:
            raise BackupError(source, str(exc)) from exc
        problems = integrity_problems(tmp)
        if problems:
            raise BackupCheckFailedError(source, problems)
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"),
                         Path(f"{tmp}-journal")):
            leftover.unlink(missing_ok=True)


def make_backup(db_path: str | os.PathLike, kind: BackupKind | str,
                dest: str | os.PathLike | None = None, *,
                now: datetime.datetime | None = None) -> Path:
    """Make a checked copy of the database and return where it is.

    `dest` is a folder or a file name for the copy; by default the copy goes to
    `backups/` beside the database with the kind and time in its name."""
    db_path = Path(db_path)
    kind = BackupKind(kind)
    if not db_path.is_file():
        raise BackupError(db_path, "the database file does not exist")
    created = (now or datetime.datetime.now()).replace(microsecond=0)
    if dest is None:
        folder = backup_dir(db_path)
        folder.mkdir(parents=True, exist_ok=True)
        target = _free_backup_path(folder, db_path, kind, created)
    else:
        dest = Path(dest)
        target = _free_backup_path(dest, db_path, kind, created) if dest.is_dir() else dest
    _copy_and_check(db_path, target)
    return target


def _parse(path: Path, stem: str) -> BackupInfo | None:
    match = _NAME_RE.match(path.name)
    if not match or match["stem"] != stem:
        return None
    created = datetime.datetime.strptime(match["stamp"], TIMESTAMP_FORMAT)
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return BackupInfo(path=path, kind=BackupKind(match["kind"]), created=created, size=size)


def list_backups(db_path: str | os.PathLike) -> list[BackupInfo]:
    """This database's backups, newest first."""
    db_path = Path(db_path)
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    stem = _stem(db_path)
    found = [info for p in folder.iterdir() if p.is_file()
             if (info := _parse(p, stem)) is not None]
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def daily_backup_if_due(db_path: str | os.PathLike, today: datetime.date, *,
                        now: datetime.datetime | None = None) -> Path | None:
    """Make the day's backup unless one was already made on `today`, then
    rotate. Returns the new copy, or None when none was due (or there is no
    database yet)."""
    db_path = Path(db_path)
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    if any(b.created.date() == today for b in list_backups(db_path)
           if b.kind in (BackupKind.DAILY, BackupKind.WEEKLY)):
        return None
    moment = now or datetime.datetime.now()
    if moment.date() != today:
        moment = datetime.datetime.combine(today, moment.time())
    path = make_backup(db_path, BackupKind.DAILY, now=moment)
    rotate(db_path)
    return path


def _iso_week(moment: datetime.datetime) -> tuple[int, int]:
    year, week, _ = moment.isocalendar()
    return year, week


def _weekly_keepers(dated: Iterable[BackupInfo]) -> set[Path]:
    """The newest daily-or-weekly copy of each of the latest ISO weeks that have one."""
    newest_of_week: dict[tuple[int, int], BackupInfo] = {}
    for info in dated:  # newest first, so the first seen of a week is its newest
        newest_of_week.setdefault(_iso_week(info.created), info)
    weeks = sorted(newest_of_week, reverse=True)[:KEEP_WEEKLY]
    return {newest_of_week[w].path for w in weeks}


def rotate(db_path: str | os.PathLike) -> list[Path]:
    """Delete the backups no longer kept; returns the deleted paths.

    Kept: the 7 newest daily copies; the newest copy of each of the 4 latest
    ISO weeks (a daily that is kept only for its week is renamed `weekly`);
    the 5 newest pre-import and the 5 newest pre-migration copies; every
    manual copy."""
    db_path = Path(db_path)
    backups = list_backups(db_path)
    dated = [b for b in backups if b.kind in (BackupKind.DAILY, BackupKind.WEEKLY)]
    dailies = [b for b in dated if b.kind is BackupKind.DAILY]
    keep = {b.path for b in dailies[:KEEP_DAILY]}
    weekly = _weekly_keepers(dated)
    for kind in (BackupKind.PRE_IMPORT, BackupKind.PRE_MIGRATION):
        keep |= {b.path for b in [b for b in backups if b.kind is kind][:KEEP_EVENT]}
    keep |= {b.path for b in backups if b.kind is BackupKind.MANUAL}

    deleted = []
    for info in backups:
        if info.path in keep:
            continue
        if info.path in weekly:
            if info.kind is BackupKind.DAILY:
                folder = info.path.parent
                info.path.rename(_free_backup_path(folder, db_path, BackupKind.WEEKLY,
                                                   info.created))
            continue
        info.path.unlink(missing_ok=True)
        deleted.append(info.path)
    return deleted


def _is_open_in_this_process(db_path: Path) -> bool:
    from prospect_desk.models import db

    if db.obj is None or db.is_closed():
        return False
    try:
        return Path(db.obj.database).resolve() == db_path.resolve()
    except (TypeError, OSError):
        return False


def _set_aside(db_path: Path, stamp: str) -> Path | None:
    """Rename the database and its -wal/-shm files to `<db>.before-restore-<stamp>`
    (the -wal keeps its pairing, so the set-aside file still opens whole)."""
    aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
    n = 1
    while aside.exists():
        aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}-{n}")
        n += 1
    moved = None
    if db_path.exists():
        os.replace(db_path, aside)
        moved = aside
    for suffix in ("-wal", "-shm", "-journal"):
        companion = Path(f"{db_path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{aside}{suffix}"))
            moved = moved or aside
    return moved


def restore_backup(db_path: str | os.PathLike, backup_path: str | os.PathLike) -> Path | None:
    """Put a backup in place of the (closed) database.

    The backup is checked first; the current file and its -wal/-shm are moved
    aside, never deleted. Returns the set-aside file's path (None when there
    was no database to set aside)."""
    db_path = Path(db_path)
    if _is_open_in_this_process(db_path):
        raise DatabaseStillOpenError(db_path, "close the database before restoring")
    return put_restored_in_place(db_path, prepare_restore(db_path, backup_path))


def prepare_restore(db_path: str | os.PathLike, backup_path: str | os.PathLike) -> Path:
    """The slow half of a restore, which may run while the database is still
    open (on a worker): check the backup and write a checked copy beside the
    database. Returns the copy, for `put_restored_in_place`."""
    db_path = Path(db_path)
    backup_path = Path(backup_path)
    problems = integrity_problems(backup_path)
    if problems:
        raise BackupCheckFailedError(backup_path, problems)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    incoming = temporary_sibling(db_path, "restoring")
    _copy_and_check(backup_path, incoming, journal_mode="wal")
    return incoming


def put_restored_in_place(db_path: str | os.PathLike, incoming: Path) -> Path | None:
    """The quick half, once the database is closed: move the current file
    aside and the prepared copy into its place (renames only)."""
    db_path = Path(db_path)
    if _is_open_in_this_process(db_path):
        incoming.unlink(missing_ok=True)
        raise DatabaseStillOpenError(db_path, "close the database before restoring")
    try:
        stamp = datetime.datetime.now().strftime(TIMESTAMP_FORMAT)
        aside = _set_aside(db_path, stamp)
        os.replace(incoming, db_path)
    finally:
        incoming.unlink(missing_ok=True)
    return aside
