import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# What the app keeps in the user's cache folder (pinyin_tables) goes to one of
# the test run's own, here and in the processes the tests start.
os.environ["PROSPECT_DESK_CACHE_DIR"] = tempfile.mkdtemp(prefix="prospect-desk-test-cache-")
atexit.register(shutil.rmtree, os.environ["PROSPECT_DESK_CACHE_DIR"], ignore_errors=True)
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


@pytest.fixture
def kill_after():
    """kill_after(script, args, started, delay): run `script` (python -c, the
    project on its path), SIGKILL it `delay` seconds after it prints the line
    `started`; returns whether it had printed "committed" by then."""
    import signal
    import subprocess
    import time

    def run(script: str, args: list[str], started: str, delay: float) -> bool:
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        proc = subprocess.Popen([sys.executable, "-c", script, *args],
                                stdout=subprocess.PIPE, text=True, env=env)
        try:
            assert proc.stdout.readline().strip() == started
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return "committed" in proc.stdout.read()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()

    return run
