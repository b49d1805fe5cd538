"""Parallel batch runs: same results as a serial run, stable order, one bad file never stops the batch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker import batch
from checker.api import lint_file
from test_api_kit import use_needles  # noqa: F401  (fixture)


def _files(folder: Path, n: int = 6) -> list[str]:
    paths = []
    for k in range(n):
        f = folder / f"bao-cao-{k:02d}.txt"
        f.write_text(f"Báo cáo số {k}\nSố liệu sai\n" + ("lệch\n" * (k % 3)), encoding="utf-8")
        paths.append(str(f))
    return paths


def test_parallel_equals_serial_in_input_order(use_needles, tmp_path):
    files = _files(tmp_path)
    results = batch.lint_parallel(files, {"lang": "vi"}, jobs=3, show_progress=False)
    assert list(results) == files
    serial = [lint_file(f, lang="vi") for f in files]
    assert list(results.values()) == serial  # every field, the console-only context included
    assert [len(r.issues) for r in results.values()] == [1, 2, 3, 1, 2, 3]


def crashing_lint(path, cli):
    """Stands in for batch._lint_one in forked workers: one file raises, one kills its worker."""
    if path.endswith("boom.txt"):
        raise RuntimeError("a check failed")
    if path.endswith("crash.txt"):
        os._exit(3)
    return lint_file(path, **cli)


def _forked_workers(monkeypatch, lint_one, folder: Path, *bad: str) -> list[Path]:
    """Workers that run `lint_one` (patched before they fork); the `bad` files written in `folder`."""
    import multiprocessing

    if sys.platform == "win32" or multiprocessing.get_start_method() != "fork":
        pytest.skip("needs the fork start method to patch the workers")
    monkeypatch.setattr(batch, "_lint_one", lint_one)
    paths = [folder / name for name in bad]
    for path in paths:
        path.write_text("sai", encoding="utf-8")
    return paths


def test_one_bad_file_never_stops_the_batch(use_needles, tmp_path, monkeypatch):
    boom, crash = _forked_workers(monkeypatch, crashing_lint, tmp_path, "boom.txt", "crash.txt")
    files = _files(tmp_path, 4)
    order = [files[0], str(boom), files[1], str(crash), files[2], files[3]]
    results = batch.lint_parallel(order, {"lang": "en"}, jobs=2, show_progress=False)
    assert list(results) == order
    assert results[str(boom)].error.code == "internal"
    assert "RuntimeError: a check failed" in results[str(boom)].error.message
    assert results[str(crash)].error.code == "internal"
    for f in files:
        assert results[f].error is None and results[f].issues


def test_cli_jobs_stable_order_and_exit_code(tmp_path):
    """The real command in a subprocess: --jobs gives the same JSON as a serial run."""
    for k in range(5):
        (tmp_path / f"{k}.txt").write_text(f"Báo cáo {k}\nKe\u0302\u0301t qua\u0309\n", encoding="utf-8")
    (tmp_path / "rong.txt").write_bytes(b"")
    exe = [sys.executable, "-m", "checker", "lint", str(tmp_path), "--format", "json", "--select", "TX001"]
    serial = subprocess.run(exe, capture_output=True, text=True, timeout=120)
    parallel = subprocess.run(exe + ["--jobs", "3"], capture_output=True, text=True, timeout=120)
    assert parallel.returncode == serial.returncode == 2  # the empty file
    assert parallel.stdout == serial.stdout
    assert "rong.txt" in parallel.stderr


def test_worker_forgets_parsed_texts_after_each_file(tmp_path):
    """A batch worker clears the figure caches after each file: earlier reports are not kept alive."""
    from checker import figures

    path = tmp_path / "bao-cao.txt"
    path.write_text("Kết nạp 14/20 đảng viên, đạt 70% chỉ tiêu; tổ chức 9 cuộc giám sát.\n", encoding="utf-8")
    figures.extract("Tổ chức 12 cuộc kiểm tra.")
    result = batch._lint_one(str(path), {})
    assert result.error is None
    assert figures._extract.cache_info().currsize == 0
    assert figures._numbers.cache_info().currsize == 0


def stuck_lint(path, cli):
    """Stands in for batch._lint_one: one file hangs where the worker's own time limit cannot reach it
    (SIGALRM blocked, as in a long call into a C library)."""
    import signal
    import time

    if path.endswith("ket.txt"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    return lint_file(path, **cli)


def test_a_worker_stuck_past_the_time_limit_is_killed_and_replaced(use_needles, tmp_path, monkeypatch):
    import time

    (stuck,) = _forked_workers(monkeypatch, stuck_lint, tmp_path, "ket.txt")
    files = _files(tmp_path, 5)
    order = [files[0], str(stuck), *files[1:]]
    started = time.monotonic()
    results = batch.lint_parallel(order, {"lang": "en", "timeout": 0.2}, jobs=2, show_progress=False)
    assert time.monotonic() - started < 10  # killed after timeout + grace (1 s), not after 60 s
    assert list(results) == order
    assert results[str(stuck)].error.code == "timeout"
    for f in files:
        assert results[f].error is None and results[f].issues


def test_grace_before_a_worker_is_killed():
    assert batch.grace(60) == 5 and batch.grace(0.2) == 1 and batch.grace(4) == 2
