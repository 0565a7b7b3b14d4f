"""The error log: a small rotating file in the user's data folder, and the
details text an error dialog shows (and lets the user copy)."""

import datetime
import logging
import logging.handlers
import os
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from prospect_desk import __version__

LOG_FILE_NAME = "prospect_desk.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUP_COUNT = 3
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

logger = logging.getLogger("prospect_desk")

_handler: logging.Handler | None = None


def default_log_dir() -> Path:
    from prospect_desk.database import data_dir

    return data_dir() / "logs"


def setup_logging(log_dir: str | os.PathLike | None = None,
                  level: int = logging.INFO) -> Path:
    """Send log records to `log_dir/prospect_desk.log` (1 MB, 3 old files kept).
    Calling it again moves the log; returns the log file's path."""
    log_dir = Path(log_dir) if log_dir is not None else default_log_dir()
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUP_COUNT, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    shutdown_logging()
    global _handler
    _handler = handler
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path


def shutdown_logging() -> None:
    """Stop writing to the log file set up by `setup_logging` and close it."""
    global _handler
    if _handler is None:
        return
    logging.getLogger().removeHandler(_handler)
    _handler.close()
    _handler = None


def error_details(exc_type: type[BaseException], exc: BaseException,
                  tb: TracebackType | None) -> str:
    """Plain text for a bug report: what failed, where, and on what system."""
    lines = [
        f"Prospect Desk {__version__}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"Time {datetime.datetime.now().isoformat(timespec='seconds')}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


def log_exception(exc_type: type[BaseException], exc: BaseException,
                  tb: TracebackType | None) -> str:
    """Write the error and its traceback to the log; return the details text
    for the error dialog. Fits `sys.excepthook`'s signature."""
    details = error_details(exc_type, exc, tb)
    logger.error("Unhandled error: %s", "".join(
        traceback.format_exception_only(exc_type, exc)).strip(),
        exc_info=(exc_type, exc, tb))
    for handler in logging.getLogger().handlers:
        handler.flush()
    if _handler is None and not logging.getLogger().handlers:
        sys.stderr.write(details + "\n")  # nowhere else to put it
    return details
