"""One writer per database file.

A lock file beside the database (`<db>.lock`) is held with an operating-system
advisory lock for as long as the process lives, and holds that process's pid.
The operating system drops the lock when the process ends, however it ends, so
a lock left by a crashed or killed process is simply taken over.
"""

import os
from pathlib import Path

LOCK_SUFFIX = ".lock"
# On Windows a locked byte range cannot be read by others, so the lock is put
# past the pid text to keep the pid readable.
_WINDOWS_LOCK_OFFSET = 1024


class AlreadyRunningError(Exception):
    """Another process has this database open; `pid` is that process's id
    when it could be read."""

    def __init__(self, db_path: Path, pid: int | None):
        who = f"process {pid}" if pid is not None else "another process"
        super().__init__(f"{db_path} is in use by {who}")
        self.db_path = db_path
        self.pid = pid


def lock_path(db_path: str | os.PathLike) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


if os.name == "nt":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _read_pid(path: Path) -> int | None:
    try:
        text = path.read_bytes()[:_WINDOWS_LOCK_OFFSET].decode("ascii", "replace")
        return int(text.strip().strip("\0"))
    except (OSError, ValueError):
        return None


class InstanceLock:
    """The held lock; `release()` gives it up (it is also dropped when the process ends)."""

    def __init__(self, db_path: Path, path: Path, fd: int):
        self.db_path = db_path
        self.path = path
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
            _unlock(fd)
        finally:
            os.close(fd)
        # The file is left in place: deleting it would let a process that has
        # just opened the old file lock it while a third locks a new one.

    def __enter__(self) -> "InstanceLock":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def acquire(db_path: str | os.PathLike) -> InstanceLock:
    """Take the lock for `db_path` or raise AlreadyRunningError."""
    db_path = Path(db_path)
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _try_lock(fd):
            raise AlreadyRunningError(db_path, _read_pid(path))
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        raise
    return InstanceLock(db_path, path, fd)
