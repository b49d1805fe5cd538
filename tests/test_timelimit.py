"""The per-file time limit (timelimit.py): interrupts Python code and regular expressions, leaves
what was set before as it was."""

from __future__ import annotations

import re
import signal
import threading
import time

import pytest

from checker.timelimit import FileTimeout, enforceable, time_limit

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no SIGALRM on this system")


def test_a_slow_block_is_interrupted():
    started = time.monotonic()
    with pytest.raises(FileTimeout) as exc:
        with time_limit(0.2):
            while True:
                pass
    assert time.monotonic() - started < 2 and exc.value.seconds == 0.2


def test_catastrophic_regular_expression_is_interrupted():
    with pytest.raises(FileTimeout):
        with time_limit(0.2):
            re.match(r"(a+)+$", "a" * 40 + "b")


def test_no_limit_and_a_fast_block():
    with time_limit(None):
        pass
    with time_limit(0):
        pass
    with time_limit(5):
        x = sum(range(1000))
    assert x == 499500 and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_an_except_exception_on_the_way_does_not_swallow_it():
    with pytest.raises(FileTimeout):
        with time_limit(0.1):
            try:
                time.sleep(5)
            except Exception:  # what a reader turning failures into "corrupt" does
                pass


def test_the_earlier_handler_and_timer_are_put_back():
    calls = []
    previous = signal.signal(signal.SIGALRM, lambda *a: calls.append("outer"))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        with time_limit(5):
            pass
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 0.5
        time.sleep(0.7)
        assert calls == ["outer"]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_outside_the_main_thread_there_is_no_limit():
    seen = []

    def work():
        seen.append(enforceable())
        with time_limit(0.05):
            time.sleep(0.2)
        seen.append("done")

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert seen == [False, "done"]
