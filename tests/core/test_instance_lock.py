import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from prospect_desk.instance_lock import AlreadyRunningError, acquire, lock_path

PROJECT_ROOT = Path(__file__).resolve().parents[2]

HOLDER = """
import sys, time
from prospect_desk.instance_lock import acquire
lock = acquire(sys.argv[1])
print("locked", flush=True)
time.sleep(60)
"""


@pytest.fixture
def holder(db_path):
    """Another process that holds the lock on `db_path` until killed."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path)],
                            stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout.readline().strip() == "locked"
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        proc.stdout.close()


def test_a_second_process_is_refused_and_told_which_process_holds_the_database(
        db_path, holder):
    with pytest.raises(AlreadyRunningError) as caught:
        acquire(db_path)
    assert caught.value.pid == holder.pid


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_the_lock_of_a_killed_process_is_taken_over(db_path, holder):
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    lock = acquire(db_path)
    try:
        assert lock_path(db_path).read_text().strip() == str(os.getpid())
    finally:
        lock.release()


def test_the_lock_file_sits_beside_the_database_and_holds_our_pid(db_path):
    with acquire(db_path) as lock:
        assert lock.path == db_path.parent / "cards.sqlite3.lock"
        assert lock.path.read_text().strip() == str(os.getpid())


def test_a_second_acquisition_within_one_process_is_refused_too(db_path):
    with acquire(db_path):
        with pytest.raises(AlreadyRunningError):
            acquire(db_path)


def test_a_released_lock_can_be_taken_again(db_path):
    acquire(db_path).release()
    lock = acquire(db_path)
    assert lock.held
    lock.release()
    assert not lock.held
