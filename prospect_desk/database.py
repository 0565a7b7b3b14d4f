"""Opening the one SQLite file: where it lives, its pragmas, and its migrations."""

import os
import re
import sqlite3
import threading
from contextlib import closing
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from peewee import OperationalError, SqliteDatabase

from prospect_desk import APP_NAME, backups, bulk_indexes
from prospect_desk.models import db

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


# Opening read-only: nothing here may write (the journal mode is the file's own).
READ_ONLY_PRAGMAS = {
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -16000,
    "query_only": 1,
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


class MigrationsPendingError(DatabaseOpenError):
    """The file needs upgrading, which a read-only open cannot do."""


class PreMigrationBackupError(DatabaseOpenError):
    """No backup could be made before upgrading, so the upgrade was not run."""


class NotACardFileError(DatabaseOpenError):
    """An SQLite file with tables of its own and none of ours: someone else's
    database. It is not opened, so nothing is added to it."""


def _refuse_foreign(path: Path) -> None:
    """Look, read-only and before anything is set on the file (switching it to
    WAL would already change it), whether it holds tables but no migration
    table; raise NotACardFileError if so."""
    try:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")}
    except sqlite3.Error:
        return  # not a database, damaged or locked: opening it says which
    if tables and MIGRATION_TABLE not in tables:
        raise NotACardFileError(path, "not a Prospect Desk card file")


class BackgroundCheck:
    """SQLite's quick check of an opened file, run on a thread of its own with
    its own read-only connection (SQLite lets go of the GIL while it reads), so
    that the window can be built meanwhile. Until `finish_check` says the file
    is sound, the models' connection is query-only: nothing is written to it."""

    def __init__(self, path: Path):
        self.path = path
        self._error: DatabaseOpenError | None = None
        self._thread = threading.Thread(target=self._run, name="quick_check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from prospect_desk.integrity import quick_check  # integrity imports this module

        try:
            quick_check(self.path)
        except DatabaseOpenError as error:
            self._error = error
        except BaseException as error:  # noqa: BLE001 - a check that did not finish never passes
            self._error = DatabaseOpenError(self.path, f"the check failed: {error!r}")

    def wait(self) -> None:
        """Raise the check's DatabaseDamagedError (or DatabaseOpenError)."""
        self._thread.join()
        if self._error is not None:
            raise self._error


def _file_stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


_early_check: tuple[Path, tuple[int, int, int], BackgroundCheck] | None = None


def start_quick_check(path: str | os.PathLike) -> None:
    """Start the quick check of an existing file before the user interface is
    even imported (main.py does), so that it has run by the time the window is
    built. The next open_database(path, check_later=True) takes it over if the
    file has not changed meanwhile; otherwise it checks afresh."""
    global _early_check
    path = Path(path)
    stamp = _file_stamp(path)
    if stamp is not None and stamp[1] > 0:
        _early_check = (path.resolve(), stamp, BackgroundCheck(path))


def _take_early_check(path: Path) -> BackgroundCheck | None:
    global _early_check
    early, _early_check = _early_check, None
    if early is None or early[0] != path.resolve() or early[1] != _file_stamp(path):
        return None
    return early[2]


@dataclass(frozen=True)
class OpenedDatabase:
    path: Path
    created: bool
    applied_migrations: tuple[str, ...]
    check: BackgroundCheck | None = None
    """The quick check still running (open_database with check_later)."""
    read_only: bool = False


def data_dir() -> Path:
    import platformdirs  # only when no path was given

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


def migration_runner(database: SqliteDatabase) -> "Runner":  # noqa: F821
    from playhouse.migrations import Runner  # only when a file is made or upgraded

    return Runner(database, str(migrations_dir()), table_name=MIGRATION_TABLE)


def is_read_only(path: str | os.PathLike) -> bool:
    """Whether this process cannot write the database: the file, or its folder
    (where SQLite keeps its -wal and -shm files), is not writable."""
    path = Path(path)
    if path.exists():
        return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return not os.access(folder, os.W_OK)


class CardDatabase(SqliteDatabase):
    """The card file's connection. A query that names an index in INDEXED BY
    runs without the hint while that index is missing, since a big write
    leaves its indexes to be built after its commit (bulk_indexes): slower
    for those seconds, never an error. Asking SQLite is the only check that
    holds against another connection committing such a write at any moment."""

    def execute_sql(self, sql, params=None):
        try:
            return super().execute_sql(sql, params)
        except OperationalError as error:
            missing = str(error).removeprefix("no such index: ")
            hint = re.compile(rf'\s+INDEXED\s+BY\s+"?{re.escape(missing)}"?(?!\w)')
            unhinted = hint.sub("", sql) if missing != str(error) else sql
            if unhinted == sql:
                raise
            return self.execute_sql(unhinted, params)


def open_database(path: str | os.PathLike, read_only: bool = False,
                  check_later: bool = False) -> OpenedDatabase:
    """Open (creating if needed) the database at `path`, check it, migrate it,
    and bind the models to it.

    With `read_only`, the file is opened with SQLite's `mode=ro` and never
    created or migrated; one that needs migrating raises MigrationsPendingError.

    With `check_later`, a file that needs no migration is quick-checked on
    another thread while the caller goes on reading it: the models' connection
    stays query-only until `finish_check` (a file to be migrated is checked
    first, as always)."""
    path = Path(path)
    early = _take_early_check(path)  # before this connection touches the file
    created = not path.exists() or path.stat().st_size == 0
    if not created:
        _refuse_foreign(path)
    if read_only:
        if not path.is_file():
            raise DatabaseOpenError(path, "the file does not exist")
        database = CardDatabase(path.resolve().as_uri() + "?mode=ro", uri=True,
                                  pragmas=READ_ONLY_PRAGMAS)
    else:
        if created:
            path.parent.mkdir(parents=True, exist_ok=True)
        # Every transaction takes the write lock when it begins, waiting for it
        # (busy_timeout) if another connection writes: one begun for reading
        # could not wait for it later, and would fail at its first write
        # (a card saved while the list indexes are built in the background).
        database = CardDatabase(str(path), pragmas=PRAGMAS, lock_type="IMMEDIATE")
    check = None
    try:
        database.connect(reuse_if_open=True)
        if check_later and not created and _nothing_to_migrate(database, path):
            database.execute_sql("PRAGMA query_only = 1")
            check = early or BackgroundCheck(path)
        elif not created:
            result = database.execute_sql("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise DatabaseDamagedError(path, result)
        if read_only:
            _check_no_migration_pending(database, path)
            applied = []
        elif check is not None:
            applied = []
        else:
            applied = _migrate(database, path)
    except DatabaseOpenError:
        database.close()
        raise
    except Exception as exc:  # sqlite3.DatabaseError: not a database, locked, ...
        database.close()
        raise DatabaseOpenError(path, str(exc)) from exc
    db.initialize(database)
    return OpenedDatabase(path=path, created=created, applied_migrations=tuple(applied),
                          check=check, read_only=read_only)


def finish_check(opened: OpenedDatabase) -> None:
    """Wait for the quick check open_database(check_later=True) started; when
    the file is sound, let the models' connection write again (unless opened
    read-only). When it is not, close it and raise DatabaseDamagedError."""
    if opened.check is None:
        return
    try:
        opened.check.wait()
    except DatabaseOpenError:
        close_for_good()  # no query may reconnect to it, writable, meanwhile
        raise
    if not opened.read_only:
        db.execute_sql("PRAGMA query_only = 0")


def _nothing_to_migrate(database: SqliteDatabase, path: Path) -> bool:
    """Every migration file has run and no other: read straight from the
    migrations table, as the runner would (the everyday open needs no runner)."""
    files = {p.stem for p in migrations_dir().glob("[0-9]*.py")}
    try:
        applied = {row[0] for row in database.execute_sql(
            f'SELECT "name" FROM "{MIGRATION_TABLE}"').fetchall()}
    except Exception:  # noqa: BLE001 - no table yet: the runner will say what is pending
        return False
    return applied == files


def _migration_status(database: SqliteDatabase, path: Path) -> list:
    status = migration_runner(database).status()
    unknown = [m.name for m in status if m.path is None]
    if unknown:
        raise SchemaTooNewError(path, ", ".join(unknown))
    return status


def _check_no_migration_pending(database: SqliteDatabase, path: Path) -> None:
    pending = [m.name for m in _migration_status(database, path) if not m.applied]
    if pending:
        raise MigrationsPendingError(path, ", ".join(pending))


def _backup_before_migrating(path: Path) -> Path:
    try:
        copy = backups.make_backup(path, backups.BackupKind.PRE_MIGRATION)
        backups.rotate(path)
    except (backups.BackupError, OSError) as exc:
        raise PreMigrationBackupError(path, str(exc)) from exc
    return copy


def _migrate(database: SqliteDatabase, path: Path) -> list[str]:
    runner = migration_runner(database)
    status = _migration_status(database, path)
    if all(m.applied for m in status):
        return []
    if any(m.applied for m in status):
        # An existing database is about to change shape: keep a copy first,
        # and build the indexes a bulk write left for later (a migration may
        # change them).
        _backup_before_migrating(path)
        bulk_indexes.build_pending(database)
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


def close_for_good() -> None:
    """Close the models' connection and keep it closed until open_database binds
    a file again: peewee would otherwise reconnect on the next query, to a file
    that could not be opened (not checked, not upgraded, or newer than this
    version), and write to it."""
    close_database()
    if db.obj is not None:
        db.obj.autoconnect = False
