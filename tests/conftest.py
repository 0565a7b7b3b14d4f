import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402

from prospect_desk.database import close_database, open_database  # noqa: E402


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "cards.sqlite3"


@pytest.fixture
def database(db_path):
    """A fresh, migrated database for one test."""
    opened = open_database(db_path)
    yield opened
    close_database()
