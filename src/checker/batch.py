"""Parallel batch runs (`checker lint FOLDER --jobs N`).

Files are checked in a pool of worker processes; each worker loads the rule set once (in its
initializer) and then lints one file per task with `api.lint_file`, which never raises on bad input.
Whatever else goes wrong with one file (an exception in a check, a worker that dies) becomes that
file's FileResult with error code "internal"; the other files are still checked. Results come back
as a dict keyed by path, and the caller prints them in the order of its input (stable).
"""

from __future__ import annotations

import concurrent.futures as cf
import os
from typing import Any, Sequence

from .issues import FileError, FileResult


def _init_worker() -> None:
    """Loads the rules (and every check kind) once per worker process."""
    os.environ.setdefault("NO_COLOR", "1")
    try:
        from .engine import load_rules

        load_rules()
    except Exception:  # reported per file by lint_file's caller below
        pass


def _lint_one(path: str, cli: dict[str, Any]) -> FileResult:
    from .api import lint_file
    from .figures import clear_caches

    try:
        return lint_file(path, **cli)
    finally:
        clear_caches()  # the text caches would keep every earlier report of this worker alive


def internal_error(path: str, detail: str, lang: str) -> FileResult:
    from .i18n import t

    message = t("error.internal", lang, detail=detail)
    if message == "error.internal":
        message = f"internal error while checking this file: {detail}"
    return FileResult(path=path, error=FileError(code="internal", message=message))


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _run_pool(files: Sequence[str], cli: dict[str, Any], jobs: int, advance: Any, lang: str,
              results: dict[str, FileResult]) -> list[str]:
    """Runs `files` in one pool; returns the files left unfinished because the pool broke."""
    broken: list[str] = []
    with cf.ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker) as pool:
        futures = {pool.submit(_lint_one, path, cli): path for path in files}
        for future in cf.as_completed(futures):
            path = futures[future]
            try:
                results[path] = future.result()
            except cf.process.BrokenProcessPool:
                broken.append(path)
                continue
            except BaseException as exc:  # an exception raised by a check inside the worker
                results[path] = internal_error(path, _describe(exc), lang)
            advance()
    return broken


def _run_isolated(path: str, cli: dict[str, Any], lang: str) -> FileResult:
    """One file in its own single-worker pool: if it kills the worker, only it is lost."""
    try:
        with cf.ProcessPoolExecutor(max_workers=1, initializer=_init_worker) as pool:
            return pool.submit(_lint_one, path, cli).result()
    except cf.process.BrokenProcessPool:
        return internal_error(path, "the worker process stopped unexpectedly", lang)
    except BaseException as exc:
        return internal_error(path, _describe(exc), lang)


def lint_parallel(files: Sequence[str], cli: dict[str, Any], jobs: int = 2,
                  show_progress: bool = True) -> dict[str, FileResult]:
    """Lints `files` in `jobs` processes; every file gets a FileResult, keyed by its path."""
    from .progress import progress_bar

    lang = cli.get("lang") or "vi"
    files = list(dict.fromkeys(files))
    jobs = max(1, min(jobs, len(files) or 1))
    results: dict[str, FileResult] = {}
    with progress_bar(len(files), enabled=show_progress, lang=lang) as advance:
        unfinished = _run_pool(files, cli, jobs, advance, lang, results)
        # A worker died (killed, out of memory, a crash in a C library): the pool is gone and its
        # pending files with it. Re-run those one by one, each isolated, so the culprit is found.
        for path in files:
            if path in unfinished or path not in results:
                results[path] = _run_isolated(path, cli, lang)
                advance()
    return {path: results[path] for path in files}
