"""In-process measurements, run by `bench/run.py` under the project's interpreter (the one with `checker`).

    python bench/inproc.py [--budget S] [--max-runs N] FILE...

For every file: read (readers.read_path) and check (api.lint_document) timed separately, the
median of up to N runs (stopping once `budget` seconds were spent on the file, at least one run),
after one warm-up lint so that rule loading and parser construction are not counted (they are in
the cold-start figures). For .docx files the python-docx floor is measured in the same loop:
open the file and read the text of every paragraph and every table cell, nothing else.
Prints one JSON object per file, one a line.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path


def docx_floor(path: Path) -> int:
    """python-docx alone: open, read all paragraph and table text. Returns the characters read."""
    import docx

    d = docx.Document(str(path))
    n = 0
    for p in d.paragraphs:
        n += len(p.text)
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                n += len(cell.text)
    return n


def measure(path: Path, budget: float, max_runs: int) -> dict:
    from checker.api import lint_document
    from checker.readers import read_path

    is_docx = path.suffix.lower() == ".docx"
    reads, checks, floors = [], [], []
    text_bytes = blocks = issues = 0
    spent = 0.0
    while len(reads) < max_runs and (not reads or spent < budget):
        gc.collect()
        if is_docx:
            t0 = time.perf_counter()
            docx_floor(path)
            floors.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        doc = read_path(path)
        t1 = time.perf_counter()
        result = lint_document(doc)
        t2 = time.perf_counter()
        reads.append(t1 - t0)
        checks.append(t2 - t1)
        spent += (t2 - t0) + (floors[-1] if floors else 0.0)
        text_bytes = sum(len(b.text.encode("utf-8")) for b in doc.blocks)
        blocks = len(doc.blocks)
        issues = len(result.issues)
        del doc, result
    read_s, check_s = statistics.median(reads), statistics.median(checks)
    totals = [r + c for r, c in zip(reads, checks)]
    out = {
        "path": str(path), "format": path.suffix.lower().lstrip("."), "runs": len(reads),
        "text_bytes": text_bytes, "blocks": blocks, "issues": issues,
        "read_s": read_s, "check_s": check_s, "total_s": statistics.median(totals),
    }
    if is_docx:
        out["floor_s"] = statistics.median(floors)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--budget", type=float, default=2.0)
    ap.add_argument("--max-runs", type=int, default=5)
    ap.add_argument("files", nargs="+", type=Path)
    args = ap.parse_args()

    import checker.api
    from checker.readers import read_string

    # warm-up: rules loaded, parsers and registries built, check modules imported
    checker.api.lint_document(read_string("Kết nạp 112/158 đảng viên, đạt 70,89% chỉ tiêu năm 2024.\n"))
    if any(f.suffix.lower() == ".docx" for f in args.files):
        import docx  # noqa: F401  (import cost is not part of the floor)
        try:
            checker.api.lint_file(next(f for f in args.files if f.suffix.lower() == ".docx"))
        except Exception:  # reported per file below
            pass
    for f in args.files:
        try:
            row = measure(f, args.budget, args.max_runs)
        except Exception as exc:  # a reader still being written must not stop the bench
            row = {"path": str(f), "format": f.suffix.lower().lstrip("."), "error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(row), flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
