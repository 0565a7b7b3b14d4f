"""Writing a file so that readers see either the old file or the whole new one."""

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def temporary_sibling(final_path: Path, label: str = "tmp") -> Path:
    """A path that does not exist yet, in the same folder as `final_path`
    (so that renaming it into place stays on one file system)."""
    while True:
        candidate = final_path.with_name(
            f".{final_path.name}.{secrets.token_hex(6)}.{label}")
        if not candidate.exists():
            return candidate


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; the rename is still atomic.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; nothing more to do
    finally:
        os.close(fd)


@contextmanager
def atomic_write_path(final_path: str | os.PathLike) -> Iterator[Path]:
    """Yield a not-yet-existing temporary path beside `final_path`; when the
    block succeeds, flush it to disk and move it over `final_path` in one step.
    When the block fails, the temporary file is deleted and `final_path` is
    left as it was.

        with atomic_write_path(target) as tmp:
            workbook.save(tmp)
    """
    final_path = Path(final_path)
    tmp = temporary_sibling(final_path)
    try:
        yield tmp
        _fsync_file(tmp)
        os.replace(tmp, final_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(final_path.parent)
