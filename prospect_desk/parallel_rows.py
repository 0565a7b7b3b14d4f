"""A second Python process for the work of a big import.

Checking a spreadsheet row and working out what is kept with its card
(pinyin, initials, digits, duplicate keys) is pure Python, one row at a time,
and it takes most of a big import's time. A second process started at once
(so that it has loaded by the time it is needed) takes jobs, each a
module-level function and its plain arguments, and sends back what the
function returns or raises. excel_import gives it the last part of a big
file to read and prepare.

The second process never opens the user's database. If it cannot be
started, dies or stalls, the caller does the job itself: the result is the
same, only slower.
"""

import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path
from typing import Any

POLL_SECONDS = 0.25
STALL_SECONDS = 120.0
"""A job of the biggest file allowed takes well under this: a process that
sends nothing for this long is given up (the caller does its job)."""

Job = Callable[[Any, Any], Any]
_PROJECT_ROOT = str(Path(__file__).resolve().parents[1])
_READY = b"ready"


class PoolBroken(Exception):
    """The second process ended or could not be reached."""


class RowPool:
    """A second Python process for jobs, started at once so that it has
    loaded by the time it is needed.

    It is this module run with -m, talking pickles over its stdin and stdout
    (never the multiprocessing module, which would run the calling program's
    main script again in the new process). Jobs go out and their results come
    back in order; two threads here pickle them and wait on the pipes. The
    process ends when its stdin closes: when `close` is called (at once, killed,
    if a job is still running), or when this process ends, even killed."""

    def __init__(self, warm_module: str, warm_function: str):
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            [_PROJECT_ROOT, *filter(None, [env.get("PYTHONPATH")])])
        # -P and the project as working folder: no module of whatever folder the
        # app was started from is imported in its place.
        self._process = subprocess.Popen(
            [sys.executable, "-P", "-m", __name__, warm_module, warm_function],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=_PROJECT_ROOT,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))  # no console on Windows
        self._lock = threading.Lock()
        """Held to hand out a future, to resolve one, and to give up."""
        self._ready = threading.Event()
        self._waiting: deque[Future] = deque()
        self._outbox: queue.SimpleQueue = queue.SimpleQueue()
        self.broken = False
        self._killed = False
        threading.Thread(target=self._send, daemon=True).start()
        threading.Thread(target=self._receive, daemon=True).start()

    def usable(self) -> bool:
        """Started, loaded and not broken (never waits)."""
        return self._ready.is_set() and not self.broken

    def submit(self, job: Job, spec: Any, argument: Any) -> Future:
        """The future result of job(spec, argument) (it raises what the job
        raised, or PoolBroken)."""
        future: Future = Future()
        with self._lock:
            if self.broken:
                raise PoolBroken
            self._waiting.append(future)
        self._outbox.put((job, spec, argument))
        return future

    def result(self, future: Future, cancelled: Callable[[], bool] | None = None) -> Any:
        """What `future` gives, waiting for it; gives up on the process (and
        raises PoolBroken) when it has ended, when `cancelled()` says so, or
        when it sends nothing for STALL_SECONDS."""
        waited = 0.0
        while True:
            try:
                return future.result(timeout=POLL_SECONDS)
            except TimeoutError:
                waited += POLL_SECONDS
                if (self._process.poll() is not None or waited >= STALL_SECONDS
                        or (cancelled is not None and cancelled())):
                    self._fail()

    def close(self) -> None:
        """Let the process go: it ends once it sees its input closed, or now
        if a job is still running (nobody will ask for its result)."""
        with self._lock:
            self.broken = True
            busy = any(not future.done() for future in self._waiting)
        self._outbox.put(None)
        if busy:
            self._fail()
        if self._killed:
            try:
                self._process.wait(timeout=10)  # ended: its files are let go of
            except subprocess.TimeoutExpired:
                pass

    def _send(self) -> None:
        stream = self._process.stdin
        try:
            while (message := self._outbox.get()) is not None:
                _write(stream, pickle.dumps(message, pickle.HIGHEST_PROTOCOL))
        except Exception:  # noqa: BLE001 - cannot be sent: the rest is prepared here
            self._fail()
        finally:
            try:
                stream.close()
            except OSError:
                pass

    def _receive(self) -> None:
        stream = self._process.stdout
        try:
            if _read(stream) != _READY:
                raise PoolBroken
            self._ready.set()
            while True:
                ok, value = pickle.loads(_read(stream))
                with self._lock:
                    future = self._waiting.popleft()
                    if ok:
                        future.set_result(value)
                    else:
                        future.set_exception(value)
        except Exception:  # noqa: BLE001 - ended, or garbled: the rest is prepared here
            self._fail()
        finally:
            stream.close()
            self._process.wait()

    def _fail(self) -> None:
        with self._lock:
            self.broken = True
            while self._waiting:
                future = self._waiting.popleft()
                if not future.done():
                    future.set_exception(PoolBroken())
        if self._process.poll() is None:
            self._process.kill()  # stalled, or no longer listened to
            self._killed = True


def start_pool(warm_module: str, warm_function: str) -> RowPool | None:
    """A RowPool, or None when this system will not start another process (or
    when this program is a frozen bundle, whose executable is the app itself,
    not a Python that runs -m)."""
    if getattr(sys, "frozen", False):
        return None
    try:
        return RowPool(warm_module, warm_function)
    except (OSError, ValueError, subprocess.SubprocessError):
        return None


_serving = False
"""Whether this is the second process."""


@contextmanager
def memory_capped(limit: int) -> Iterator[None]:
    """In the second process: its address space held under `limit` bytes for
    the block, where the system allows it (not on Windows), so that a job
    reading a file not yet checked fails (MemoryError, or the process ends)
    rather than take the machine's memory; the caller then does the job.
    Anywhere else, nothing."""
    try:
        import resource
    except ImportError:
        resource = None
    if not _serving or resource is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft != resource.RLIM_INFINITY and soft <= limit:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _serve(warm_module: str, warm_function: str) -> None:
    """The second process: run each job that comes in, send back its result."""
    import gc
    import importlib

    global _serving
    _serving = True
    gc.disable()  # as in the import itself: reference counting frees the chunks
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the results
    # Loaded on a thread of its own: the first job may begin meanwhile (a
    # job reading a workbook lets go of the interpreter lock while it unpacks).
    warm = getattr(importlib.import_module(warm_module), warm_function)
    threading.Thread(target=warm, daemon=True).start()
    _write(sink, _READY)
    while True:
        try:
            job, spec, argument = pickle.loads(_read(source))
        except EOFError:
            return
        try:
            answer = (True, job(spec, argument))
        except Exception as error:  # noqa: BLE001 - raised again in the caller
            answer = (False, error)
        _write(sink, pickle.dumps(answer, pickle.HIGHEST_PROTOCOL))


_LENGTH = struct.Struct("<Q")


def _write(stream, message: bytes) -> None:
    stream.write(_LENGTH.pack(len(message)))
    stream.write(message)
    stream.flush()


def _read(stream) -> bytes:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    (length,) = _LENGTH.unpack(head)
    message = stream.read(length)
    if len(message) < length:
        raise EOFError
    return message


if __name__ == "__main__":
    _serve(*sys.argv[1:3])
