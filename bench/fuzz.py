"""Hostile texts through the whole API text path: how many crash (target 0), and how slow is the slowest.

    .venv/bin/python bench/fuzz.py                       # 100,000 texts, 2 processes
    .venv/bin/python bench/fuzz.py -n 20000 --seed 5000 --jobs 1 --json out.json

Texts come from tests/hostile_texts.py (the generator of the property tests): Vietnamese words, link
words and units, figures of up to 80 digits with any separators, impossible dates, brackets, footnote
marks, separators, headings, table rows, odd characters. Text k is `hostile_text(random.Random(seed + k))`,
so any text is reproducible from its number. Each is linted by `checker.api.lint_text` (or, before that
exists, read_string + lint_document); a crash is an exception or an `internal` error entry, reported by
its signature (exception type and the innermost checker frame) with the first text that raised it.

Speed: CPU time per text; "ms/KB" counts a text shorter than 1 KB as 1 KB (the fixed cost of a run
would otherwise make the shortest texts look slowest). Prints a Markdown summary; exit code 1 on a crash.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def _signature(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "checker" in f.filename]
    where = f"{frames[-1].filename.split('checker/')[-1]}:{frames[-1].lineno} {frames[-1].name}" if frames else "?"
    return f"{type(exc).__name__} at {where}"


def run(args: tuple[int, int, int]) -> dict:
    """Lints texts seed .. seed+count-1 in this process; returns crashes and timings."""
    first, count, keep = args
    from checker import figures
    from hostile_texts import hostile_text, internal_error, lint_text

    for sample in sorted((ROOT / "samples").glob("*.txt")):  # warm-up: rules, parser, unit registry
        lint_text(sample.read_text(encoding="utf-8"))
    lint_text("Tổng thu 1,34 tỷ đồng, trong đó 500 triệu đồng thu nội địa, 840 triệu đồng thu khác.")
    crashes: dict[str, dict] = {}
    slow: list[tuple[float, int, int]] = []  # (ms per KB, seed, bytes)
    total_ms = total_kb = 0.0
    worst_ms = (0.0, 0, 0)
    for seed in range(first, first + count):
        text = hostile_text(random.Random(seed))
        size = len(text.encode("utf-8"))
        t0 = time.process_time()
        try:
            message = internal_error(lint_text(text))
            sig = None if message is None else f"internal: {message[:120]}"
        except Exception as exc:  # noqa: BLE001 - what the benchmark counts
            sig = _signature(exc)
        ms = (time.process_time() - t0) * 1000
        if sig is not None:
            c = crashes.setdefault(sig, {"count": 0, "seed": seed, "text": text[:400]})
            c["count"] += 1
        kb = max(size, 1024) / 1024
        total_ms += ms
        total_kb += size / 1024
        slow.append((ms / kb, seed, size))
        if ms > worst_ms[0]:
            worst_ms = (ms, seed, size)
        if len(slow) > 4 * keep:
            slow = sorted(slow, reverse=True)[:keep]
        if (seed - first) % 1000 == 999:
            figures.clear_caches()  # (a batch worker does it after each file)
    return {"crashes": crashes, "slow": sorted(slow, reverse=True)[:keep], "ms": total_ms, "kb": total_kb,
            "count": count, "worst": worst_ms}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=100_000, help="number of texts (default 100,000)")
    ap.add_argument("--seed", type=int, default=0, help="number of the first text (default 0)")
    ap.add_argument("--jobs", "-j", type=int, default=2, help="processes (default 2)")
    ap.add_argument("--top", type=int, default=5, help="slowest texts to show (default 5)")
    ap.add_argument("--json", type=Path, help="also write the raw results to this file")
    a = ap.parse_args()
    chunk = 1000
    tasks = [(s, min(chunk, a.seed + a.n - s), a.top) for s in range(a.seed, a.seed + a.n, chunk)]
    t0 = time.perf_counter()
    results = []
    with multiprocessing.get_context("spawn").Pool(a.jobs) as pool:
        for k, r in enumerate(pool.imap_unordered(run, tasks), 1):
            results.append(r)
            done = sum(x["count"] for x in results)
            print(f"\r{done:,}/{a.n:,} texts, {sum(sum(c['count'] for c in x['crashes'].values()) for x in results)} "
                  f"crashes", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    wall = time.perf_counter() - t0
    crashes: dict[str, dict] = {}
    for r in results:
        for sig, c in r["crashes"].items():
            if sig in crashes:
                crashes[sig]["count"] += c["count"]
                if c["seed"] < crashes[sig]["seed"]:
                    crashes[sig].update(seed=c["seed"], text=c["text"])
            else:
                crashes[sig] = dict(c)
    slow = sorted((s for r in results for s in r["slow"]), reverse=True)[:a.top]
    worst = max((r["worst"] for r in results), default=(0.0, 0, 0))
    ms, kb = sum(r["ms"] for r in results), sum(r["kb"] for r in results)
    n_crash = sum(c["count"] for c in crashes.values())
    print("| texts | crashes | CPU ms per text (mean) | mean ms/KB | slowest ms/KB | slowest text (ms) | wall |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {a.n:,} | {n_crash} | {ms / max(a.n, 1):.2f} | {ms / max(kb, 1e-9):.1f} | "
          f"{slow[0][0]:.1f} (text {slow[0][1]}, {slow[0][2]:,} B) | {worst[0]:.0f} (text {worst[1]}, {worst[2]:,} B) | "
          f"{wall:.0f} s |" if slow else "| 0 | 0 | | | | | |")
    if slow:
        print("\nslowest ms/KB: " + ", ".join(f"text {s} ({v:.1f} ms/KB, {b:,} B)" for v, s, b in slow))
    for sig, c in sorted(crashes.items(), key=lambda kv: -kv[1]["count"]):
        print(f"\n{c['count']} × {sig}\n  first: text {c['seed']}: {c['text'][:200]!r}")
    if a.json:
        a.json.write_text(json.dumps({"texts": a.n, "crashes": crashes, "slowest": slow, "worst": worst,
                                      "ms": ms, "kb": kb, "wall": wall}, ensure_ascii=False, indent=1),
                          encoding="utf-8")
    return 1 if n_crash else 0


if __name__ == "__main__":
    sys.exit(main())
