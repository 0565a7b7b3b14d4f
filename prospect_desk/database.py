"""Opening the one SQLite file: where it lives, its pragmas, and its migrations."""

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import platformdirs
from peewee import SqliteDatabase
from playhouse.migrations import Runner

from prospect_desk.models import db

APP_NAME = "ProspectDesk"
DB_FILE_NAME = "prospect_desk.sqlite3"
DB_ENV_VAR = "PROSPECT_DESK_DB"
MIGRATION_TABLE = "schema_migration"

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
    "cache_size": -16000,
}


class DatabaseOpenError(Exception):
    """The database could not be opened; `path` says which file."""

    def __init__(self, path: Path, detail: str = ""):
        super().__init__(f"{path}: {detail}" if detail else str(path))
        self.path = path
        self.detail = detail


class SchemaTooNewError(DatabaseOpenError):
    """The file was written by a newer Prospect Desk; it is left untouched."""


class DatabaseDamagedError(DatabaseOpenError):
    """SQLite's quick check failed: the file is not written to."""


@dataclass(frozen=True)
class OpenedDatabase:
    path: Path
    created: bool
    applied_migrations: tuple[str, ...]


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def resolve_db_path(cli_path: str | os.PathLike | None = None) -> Path:
    """`--db PATH`, else $PROSPECT_DESK_DB, else the user's data folder."""
    if cli_path:
        return Path(cli_path).expanduser()
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_FILE_NAME


def migrations_dir() -> Path:
    return Path(str(resources.files("prospect_desk") / "migrations"))


def migration_runner(database: SqliteDatabase) -> Runner:
    return Runner(database, str(migrations_dir()), table_name=MIGRATION_TABLE)


def open_database(path: str | os.PathLike) -> OpenedDatabase:
    """Open (creating if needed) the database at `path`, check it, migrate it,
    and bind the models to it."""
    path = Path(path)
    created = not path.exists() or path.stat().st_size == 0
    if created:
        path.parent.mkdir(parents=True, exist_ok=True)
    database = SqliteDatabase(str(path), pragmas=PRAGMAS)
    try:
        database.connect(reuse_if_open=True)
        if not created:
            result = database.execute_sql("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise DatabaseDamagedError(path, result)
        applied = _migrate(database, path)
    except DatabaseOpenError:
        database.close()
        raise
    except Exception as exc:  # sqlite3.DatabaseError: not a database, locked, ...
        database.close()
        raise DatabaseOpenError(path, str(exc)) from exc
    db.initialize(database)
    return OpenedDatabase(path=path, created=created, applied_migrations=tuple(applied))


def _migrate(database: SqliteDatabase, path: Path) -> list[str]:
    runner = migration_runner(database)
    status = runner.status()
    unknown = [m.name for m in status if m.path is None]
    if unknown:
        raise SchemaTooNewError(path, ", ".join(unknown))
    if all(m.applied for m in status):
        return []
    # Foreign keys are off while tables are rebuilt, so that no row is cascaded
    # away; the check afterwards proves nothing was left dangling.
    database.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        applied = runner.up()
        problems = database.execute_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise DatabaseOpenError(path, f"foreign key check failed: {problems[:5]}")
    finally:
        database.execute_sql("PRAGMA foreign_keys = ON")
    return applied


def close_database() -> None:
    if db.obj is not None and not db.is_closed():
        db.close()
