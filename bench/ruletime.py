"""Per-rule CPU time of the checks on one file, minimum over N fresh processes (a profiling aid for
speed work: run it before and after a change, on the same file, minutes apart).

    .venv/bin/python bench/ruletime.py FILE [-n 5] [--top 20]

Each process warms up on two sample reports, reads FILE and runs the rules in id order on one shared
Context (as the engine does, without its profile detection and section paths), so the first rule that
needs a shared per-document index (figures, references…) pays for building it. Prints the read time,
the sum of the checks and the costliest rules.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARMUP = [ROOT / "samples" / "bao-cao-thang-5-2024-dang-uy-xa.txt", ROOT / "samples" / "bao-cao-ubnd-xa-phu-an-thang-10-2024.docx"]

CHILD = r'''
import sys, time, json, gc
from pathlib import Path
from checker.readers import read_path
from checker import engine, api
from checker.checks.base import Context
rules = engine.load_rules()
for warm in sys.argv[2:]:  # other reports first: imports, rule loading and lazy builds are not counted
    api.lint_document(read_path(Path(warm)))
p = Path(sys.argv[1]); gc.collect()
t = time.process_time(); doc = read_path(p); out = {"read": time.process_time() - t}
ctx = Context(doc=doc, lang="vi")
for r in rules:
    if not engine.applies(r, doc.profile): continue
    t = time.process_time(); list(r.check.run(doc, ctx)); out[r.id] = time.process_time() - t
print(json.dumps(out))
'''

ap = argparse.ArgumentParser()
ap.add_argument("file"); ap.add_argument("-n", type=int, default=5); ap.add_argument("--top", type=int, default=20)
a = ap.parse_args()
best = {}
for _ in range(a.n):
    r = subprocess.run([sys.executable, "-c", CHILD, a.file, *map(str, WARMUP)], capture_output=True, text=True)
    if r.returncode:
        sys.exit(r.stderr)
    for k, v in json.loads(r.stdout).items():
        best[k] = min(v, best.get(k, 1e9))
checks = sum(v for k, v in best.items() if k != "read")
print(f"read {best['read']*1000:.1f} ms   checks {checks*1000:.1f} ms   (min of {a.n} processes, CPU time)")
for k, v in sorted(((k, v) for k, v in best.items() if k != "read"), key=lambda kv: -kv[1])[:a.top]:
    print(f"  {k:6} {v*1000:7.2f} ms")
