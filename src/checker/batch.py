"""Parallel batch runs (`checker lint FOLDER --jobs N`).

N worker processes each load the rule set once and then check the files sent to them over a pipe, one
at a time, with `api.lint_file` (which turns a bad file, a failing check or a file over its time limit
into that file's error result). The parent keeps each worker one file ahead (so that it never idles
between two files) and knows at every moment which file each worker is checking and since when, so that:

- a worker that dies (killed, out of memory, a crash in a C library) costs only its file, reported
  as `internal`; a new worker takes its place;
- a worker still on its file well after `--timeout` (stuck where its own time limit cannot reach) is
  killed and its file reported as `timeout`; a new worker takes its place.

Results come back as a dict keyed by path, in the order of the input (stable).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from multiprocessing.connection import wait
from typing import Any, Sequence

from .issues import FileResult


def _init_worker() -> None:
    """Loads the rules (and every check kind) once per worker process."""
    os.environ.setdefault("NO_COLOR", "1")
    try:
        from .engine import load_rules

        load_rules()
    except Exception:  # reported per file by lint_file below
        pass


def _lint_one(path: str, cli: dict[str, Any]) -> FileResult:
    from .api import lint_file
    from .figures import clear_caches

    try:
        return lint_file(path, **cli)
    finally:
        clear_caches()  # the text caches would keep every earlier report of this worker alive


def _serve(conn: Any, cli: dict[str, Any]) -> None:
    """A worker's life: receive a path, send back its FileResult, until told to stop (None)."""
    import traceback

    from .api import describe_exception, internal_error_result

    _init_worker()
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if path is None:
            return
        try:
            result = _lint_one(path, cli)
        except BaseException as exc:  # lint_file never raises for a file; anything else is a defect
            result = internal_error_result(path, describe_exception(exc), cli.get("lang") or "vi",
                                           traceback.format_exc())
        try:
            conn.send(result)
        except (OSError, ValueError):
            return


def grace(timeout: float) -> float:
    """How long past its time limit a worker may stay on a file before it is killed: its own limit
    (timelimit.py) normally answers first, with a `timeout` result."""
    return min(5.0, max(1.0, timeout / 2))


class _Worker:
    """One worker process and the files handed to it: the first is the one it is checking (since
    `started`), the next one waits in the pipe so that the worker never idles between two files."""

    def __init__(self, context: Any, cli: dict[str, Any]):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, cli), daemon=True)
        self.process.start()
        child.close()
        self.paths: deque[str] = deque()
        self.started = 0.0

    def give(self, path: str) -> None:
        if not self.paths:
            self.started = time.monotonic()
        self.paths.append(path)
        self.conn.send(path)

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


AHEAD = 2  # files handed to a worker at once: the one it checks and the next


def lint_parallel(files: Sequence[str], cli: dict[str, Any], jobs: int = 2,
                  show_progress: bool = True) -> dict[str, FileResult]:
    """Lints `files` in `jobs` processes; every file gets a FileResult, keyed by its path.
    `cli` holds lint_file's keyword arguments (its `timeout` is also enforced from here)."""
    from .api import internal_error_result, timeout_result
    from .progress import progress_bar

    lang = cli.get("lang") or "vi"
    timeout = cli.get("timeout") or 0
    files = list(dict.fromkeys(files))
    jobs = max(1, min(jobs, len(files) or 1))
    results: dict[str, FileResult] = {}
    todo = deque(files)
    context = multiprocessing.get_context()
    workers: list[_Worker] = []

    def top_up(worker: _Worker) -> None:
        while todo and len(worker.paths) < AHEAD:
            worker.give(todo.popleft())

    def replace(worker: _Worker, result: FileResult) -> None:
        """The worker's current file gets `result`; the worker is stopped, its other files go back
        first in line, and a new worker takes its place."""
        results[worker.paths.popleft()] = result
        advance()
        worker.kill()
        workers.remove(worker)
        todo.extendleft(reversed(worker.paths))
        if todo:
            fresh = _Worker(context, cli)
            workers.append(fresh)
            top_up(fresh)

    with progress_bar(len(files), enabled=show_progress, lang=lang) as advance:
        try:
            for _ in range(jobs):
                worker = _Worker(context, cli)
                workers.append(worker)
                top_up(worker)
            while any(w.paths for w in workers):
                busy = [w for w in workers if w.paths]
                wait_for = None
                if timeout:
                    deadline = min(w.started for w in busy) + timeout + grace(timeout)
                    wait_for = max(0.0, deadline - time.monotonic())
                ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=wait_for)
                for worker in busy:
                    path = worker.paths[0]
                    if worker.conn in ready:
                        try:
                            result = worker.conn.recv()
                        except (EOFError, OSError):  # it died while answering
                            replace(worker, internal_error_result(path, "the worker process stopped unexpectedly",
                                                                  lang))
                            continue
                        results[worker.paths.popleft()] = result
                        worker.started = time.monotonic()
                        advance()
                        top_up(worker)
                        if not worker.paths:
                            worker.stop()
                    elif worker.process.sentinel in ready:
                        replace(worker, internal_error_result(path, "the worker process stopped unexpectedly", lang))
                    elif timeout and time.monotonic() - worker.started > timeout + grace(timeout):
                        replace(worker, timeout_result(path, timeout, lang))
        finally:
            for worker in workers:
                worker.stop()
            for worker in workers:
                worker.process.join(timeout=2)
                worker.kill()
    return {path: results[path] for path in files}
