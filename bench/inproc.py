"""In-process measurements, run by `bench/run.py` under the project's interpreter (the one with `checker`).

    python bench/inproc.py --warmup SMALL.txt --warmup SMALL.docx FILE

One process measures one file once: first a warm-up lint of small other reports (imports, rule
loading, parser and registry construction are not counted: they are in the cold-start figures),
then read (readers.read_path) and check (api.lint_document) of FILE, timed separately. Only the
first run of FILE is taken, so that caches keyed by text (lru_cache on extraction) do not flatter
the figure; run.py repeats whole processes and keeps the median run. For a .docx the python-docx floor is
measured in the same process (median of 3; run.py takes the median over its processes): open the file and read the text of every paragraph
and every table cell, nothing else. Prints one JSON object.
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


def measure(path: Path) -> dict:
    from checker.api import lint_document
    from checker.readers import read_path

    gc.collect()
    c0 = time.process_time()
    t0 = time.perf_counter()
    doc = read_path(path)
    t1 = time.perf_counter()
    result = lint_document(doc)
    t2 = time.perf_counter()
    cpu = time.process_time() - c0
    out = {
        "path": str(path), "format": path.suffix.lower().lstrip("."),
        "text_bytes": sum(len(b.text.encode("utf-8")) for b in doc.blocks), "blocks": len(doc.blocks),
        "issues": len(result.issues), "read_s": t1 - t0, "check_s": t2 - t1, "total_s": t2 - t0, "cpu_s": cpu,
    }
    del doc, result
    if path.suffix.lower() == ".docx":
        floors, floor_cpu = [], []
        for _ in range(3):
            gc.collect()
            c0 = time.process_time()
            t0 = time.perf_counter()
            docx_floor(path)
            floors.append(time.perf_counter() - t0)
            floor_cpu.append(time.process_time() - c0)
        out["floor_s"] = statistics.median(floors)
        out["floor_cpu_s"] = statistics.median(floor_cpu)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--warmup", action="append", type=Path, default=[])
    ap.add_argument("file", type=Path)
    args = ap.parse_args()
    try:
        import checker.api

        for w in args.warmup:
            if w.suffix.lower() == ".docx":
                import docx  # noqa: F401  (import cost is not part of the floor)
            checker.api.lint_document(__import__("checker.readers", fromlist=["read_path"]).read_path(w))
        row = measure(args.file)
    except Exception as exc:  # a reader or check still being written must not stop the bench
        row = {"path": str(args.file), "format": args.file.suffix.lower().lstrip("."),
               "error": f"{type(exc).__name__}: {exc}"}
    print(json.dumps(row), flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
