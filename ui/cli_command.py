"""What a subcommand is, for ui/cli.py and each feature's ui/cli_*.py."""

import argparse
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
