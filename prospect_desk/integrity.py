"""Checking a database file, telling a damaged one, and finding a good backup.

Every check here opens the file read-only: checking never changes it.
"""

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from prospect_desk.backups import integrity_problems, list_backups
from prospect_desk.database import DatabaseDamagedError, DatabaseOpenError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a database: which check found it, and what SQLite said."""

    check: str  # "open", "integrity_check" or "foreign_key_check"
    detail: str

    def __str__(self) -> str:
        return f"{self.check}: {self.detail}"


def _connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def check_database(path: str | os.PathLike) -> list[Problem]:
    """Everything `PRAGMA integrity_check` and `PRAGMA foreign_key_check` find
    wrong with the file; an empty list means it is sound."""
    path = Path(path)
    if not path.is_file():
        return [Problem("open", f"{path} does not exist")]
    try:
        with closing(_connect_read_only(path)) as conn:
            rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            problems = [Problem("integrity_check", r) for r in rows if r != "ok"]
            for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
                problems.append(Problem(
                    "foreign_key_check",
                    f"{table} row {rowid} refers to a missing {parent} row"))
    except sqlite3.DatabaseError as exc:
        return [Problem("open", str(exc))]
    return problems


def quick_check(path: str | os.PathLike) -> None:
    """Raise DatabaseDamagedError when SQLite's quick check fails (or the file
    is not a database at all); DatabaseOpenError when it cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseOpenError(path, "the file does not exist")
    try:
        with closing(_connect_read_only(path)) as conn:
            rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed", ...
        if isinstance(exc, sqlite3.OperationalError) and "unable to open" in str(exc):
            raise DatabaseOpenError(path, str(exc)) from exc
        raise DatabaseDamagedError(path, str(exc)) from exc
    if rows != ["ok"]:
        raise DatabaseDamagedError(path, "; ".join(rows[:5]))


def is_damaged(path: str | os.PathLike) -> bool:
    try:
        quick_check(path)
    except DatabaseDamagedError:
        return True
    return False


def newest_good_backup(db_path: str | os.PathLike) -> Path | None:
    """The newest of the database's backups that passes a full integrity check."""
    for info in list_backups(db_path):
        if not integrity_problems(info.path):
            return info.path
    return None
