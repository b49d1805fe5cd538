"""A time limit for checking one file (`--timeout`), in the process that checks it.

The limit is an interval timer (SIGALRM) whose handler raises `FileTimeout` in the main thread,
where the checks run: Python code is interrupted between two bytecodes, and the regular expression
engine checks for signals while it matches. It derives from BaseException so that no `except
Exception` on the way (a reader turning any failure into "corrupt") can swallow it. Where there is no
SIGALRM (Windows) or outside the main thread, the limit is not enforced here; a parallel run's parent
process also stops a worker that overruns its file (batch.py).
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator


class FileTimeout(BaseException):
    """Checking one file took longer than its time limit."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        super().__init__(f"checking the file took longer than {seconds:g} s")


def enforceable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raises FileTimeout inside the block once `seconds` have passed (None or 0: no limit). The
    handler and the timer that were set before (a test runner's own time limit, say) are put back,
    the timer with what remained of it."""
    if not seconds or seconds <= 0 or not enforceable():
        yield
        return
    fired = False

    def on_alarm(signum: int, frame: object) -> None:
        nonlocal fired
        if not fired:
            fired = True
            raise FileTimeout(seconds)

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, on_alarm)
    earlier, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if earlier > 0:
            signal.setitimer(signal.ITIMER_REAL, max(0.001, earlier - (time.monotonic() - started)), interval)
