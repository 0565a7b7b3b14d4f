"""Preparing a big import's rows on a second core.

Checking a spreadsheet row and working out what is kept with its card
(pinyin, initials, digits, duplicate keys) is pure Python, one row at a time,
and it takes most of a big import's time. A second process does part of that
work while this one goes on: it takes chunks of rows while it is not behind,
and this process prepares a chunk itself whenever the next one it needs is
not back yet, so the two share the work whatever the machine. The chunks come
back in file order, so everything that depends on order (duplicates, earlier
rows, the ids of new cards) is still done here, one row after another.

The second process never opens the database. If it cannot be started, or
dies, the rows it had are prepared here: the result is the same, only slower.
"""

import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, wait
from pathlib import Path
from typing import Any

LOOKAHEAD = 6
"""Chunks read ahead of the one being written."""
POOL_BACKLOG = 2
POLL_SECONDS = 0.25
STALL_SECONDS = 30.0
"""A chunk takes some 20 ms; a process that sends nothing for this long is
given up (its chunks are prepared here)."""
"""Chunks handed to the second process and not back yet, at most."""

Chunk = list
Prepare = Callable[[Any, Chunk], list]
_PROJECT_ROOT = str(Path(__file__).resolve().parents[1])
_READY = b"ready"


class PoolBroken(Exception):
    """The second process ended or could not be reached."""


class RowPool:
    """A second Python process for row preparation, started at once so that it
    has loaded by the time the sheet is read.

    It is this module run with -m, talking pickles over its stdin and stdout
    (never the multiprocessing module, which would run the calling program's
    main script again in the new process). Chunks go out and come back in
    order. Two threads here pickle them and wait on the pipes: they run
    while the caller's thread has let go of the interpreter lock, which it
    does for every row it writes to the database. The process ends when its
    stdin closes: when `close` is called, or when this process ends, even
    killed."""

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
        threading.Thread(target=self._send, daemon=True).start()
        threading.Thread(target=self._receive, daemon=True).start()

    def usable(self) -> bool:
        """Started, loaded and not broken (never waits)."""
        return self._ready.is_set() and not self.broken

    def submit(self, prepare: Prepare, spec: Any, chunk: Chunk) -> Future:
        """The future chunk prepared (it raises what preparing it raised, or
        PoolBroken)."""
        future: Future = Future()
        with self._lock:
            if self.broken:
                raise PoolBroken
            self._waiting.append(future)
        self._outbox.put((prepare, spec, chunk))
        return future

    def result(self, future: Future, cancelled: Callable[[], bool] | None = None) -> list:
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
        """Let the process go: it ends once it sees its input closed."""
        with self._lock:
            self.broken = True
        self._outbox.put(None)

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


def _serve(warm_module: str, warm_function: str) -> None:
    """The second process: prepare each chunk that comes in, send it back."""
    import gc
    import importlib

    gc.disable()  # as in the import itself: reference counting frees the chunks
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the results
    getattr(importlib.import_module(warm_module), warm_function)()
    _write(sink, _READY)
    while True:
        try:
            prepare, spec, chunk = pickle.loads(_read(source))
        except EOFError:
            return
        try:
            answer = (True, prepare(spec, chunk))
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


HEAD_WAIT = 0.004
"""Seconds to wait for the next chunk before preparing a later one here."""


def _settles(head: Future) -> bool:
    """Whether the chunk is back within HEAD_WAIT: sooner than this process
    would prepare one, so waiting shares the work better."""
    wait([head], timeout=HEAD_WAIT)
    return head.done()


class _Here:
    """A chunk prepared in this process: looks like a finished future."""

    __slots__ = ("value",)

    def __init__(self, value: list):
        self.value = value

    def done(self) -> bool:
        return True


def prepared_in_order(chunks: Iterable[Chunk], prepare: Prepare, spec: Any,
                      pool: RowPool | None, cancelled: Callable[[], bool] | None = None
                      ) -> Iterator[tuple[Chunk, list]]:
    """(chunk, prepare(spec, chunk)) for every chunk, in order, the work shared
    with `pool` when there is one. `prepare` and `spec` must be picklable
    (a module-level function, plain values). While waiting for the pool,
    `cancelled()` is asked: when it says so, the pool is given up and the
    caller, asking it too after the chunk, stops."""
    source = iter(chunks)
    waiting: deque[tuple[Chunk, Future | _Here]] = deque()
    exhausted = False

    def take() -> Chunk | None:
        nonlocal exhausted
        if exhausted:
            return None
        chunk = next(source, None)
        exhausted = chunk is None
        return chunk

    def outstanding() -> int:
        return sum(1 for _, job in waiting if not job.done())

    while True:
        while (pool is not None and len(waiting) < LOOKAHEAD and outstanding() < POOL_BACKLOG
               and pool.usable()):
            chunk = take()
            if chunk is None:
                break
            try:
                waiting.append((chunk, pool.submit(prepare, spec, chunk)))
            except PoolBroken:
                waiting.append((chunk, _Here(prepare(spec, chunk))))
        if not waiting:
            chunk = take()
            if chunk is None:
                return
            waiting.append((chunk, _Here(prepare(spec, chunk))))
            continue
        head_chunk, head = waiting[0]
        if not head.done() and len(waiting) < LOOKAHEAD and not _settles(head):
            chunk = take()  # the next chunk is not back soon: prepare a later one here
            if chunk is not None:
                waiting.append((chunk, _Here(prepare(spec, chunk))))
                continue
        waiting.popleft()
        if isinstance(head, _Here):
            yield head_chunk, head.value
            continue
        try:
            value = pool.result(head, cancelled)
        except PoolBroken:  # the rest here; this chunk again, here
            value = prepare(spec, head_chunk)
        yield head_chunk, value


if __name__ == "__main__":
    _serve(*sys.argv[1:3])
