"""The benchmark: prints a table of start-up, throughput, Word floor, batch, memory and peer figures.

    .venv/bin/python bench/run.py            # full run, a few minutes on a 2-core machine
    .venv/bin/python bench/run.py --quick    # about a minute: fewer runs, up to 16x, batch of 200

Only the standard library is used here; the measurements that need `checker` run under the project's
interpreter (`--python`, default `.venv/bin/python`), proselint under the benchmark's own venv
`bench/.venv` (created by `bench/setup.sh` on first use, never the project's venv).
Synthetic reports are cached in `bench/out/` (gitignored). Not part of the pytest suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
KB = 1024
MB = 1024 * 1024

TARGETS = {
    "version_s": 0.15,
    "lint_cold_s": 0.25,
    "throughput_kbs": 1024.0,  # 1 MB/s
    "linearity": 1.3,
    "docx_floor_ratio": 1.5,
    "batch_s": 60.0,
    "peak_rss_mb": 200.0,
}


# What `checker lint` cannot go below: importing the three libraries it is built on (with the same
# start-up plumbing as the command: no pydantic plugin scan, cached regexes, no teardown) and building
# one pydantic model.
# What a warm `checker lint` cannot avoid: click and rich's console, with the command's start-up plumbing
# (pydantic is only imported to validate changed rule files or a configuration file: bench/README.md).
LIBRARIES_FLOOR = """
from checker._regex_cache import install; install()
import click, rich.console, rich.table
import os; os._exit(0)
"""


def ok(flag: bool | None) -> str:
    return "n/a" if flag is None else ("PASS" if flag else "MISS")


def run_quiet(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


def time_process(cmd: list[str], runs: int, warmup: int = 1, env: dict | None = None) -> dict:
    """Median wall time of `runs` whole-process runs (stdout discarded), after `warmup` runs."""
    return time_processes({"cmd": cmd}, runs, warmup, env)["cmd"]


def time_processes(cmds: dict[str, list[str]], runs: int, warmup: int = 1, env: dict | None = None) -> dict:
    """`time_process` for several commands at once, run round-robin (each command once per round), so
    that a slow spell of a shared machine falls on all of them alike and their ratios stay fair."""
    for cmd in cmds.values():
        for _ in range(warmup):
            run_quiet(cmd, env=env)
    samples: dict[str, dict] = {name: {"times": [], "cpu": [], "rc": 0, "err": ""} for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            acc = samples[name]
            with tempfile.TemporaryFile() as errf:
                t0 = time.perf_counter()
                p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errf, env=env)
                _, status, usage = os.wait4(p.pid, 0)
                acc["times"].append(time.perf_counter() - t0)
                acc["cpu"].append(usage.ru_utime + usage.ru_stime)
                errf.seek(0)
                stderr = errf.read().decode("utf-8", "replace")
            # an uncaught exception exits with 1, like "findings": tell them apart by the traceback
            rc = os.waitstatus_to_exitcode(status)
            acc["rc"] = 3 if "Traceback (most recent call last)" in stderr else rc
            acc["err"] = (stderr.strip().splitlines() or [""])[-1] if acc["rc"] >= 2 else ""
    return {name: {"median": statistics.median(a["times"]), "min": min(a["times"]), "max": max(a["times"]),
                   "rc": a["rc"], "cpu": statistics.median(a["cpu"]), "error": a["err"]}
            for name, a in samples.items()}


def peak_rss(cmd: list[str]) -> tuple[float, float, int]:
    """(peak resident set in MB, wall seconds, exit code) of one child process (os.wait4)."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        rc = os.waitstatus_to_exitcode(status)
        err.seek(0)
        if b"Traceback (most recent call last)" in err.read():
            rc = 3
    return usage.ru_maxrss / 1024, wall, rc  # ru_maxrss is in KB on Linux


class Table:
    def __init__(self, title: str, headers: list[str]):
        self.title, self.headers, self.rows = title, headers, []

    def add(self, *cells: object) -> None:
        self.rows.append([c if isinstance(c, str) else f"{c}" for c in cells])

    def render(self) -> str:
        lines = [f"### {self.title}", "", "| " + " | ".join(self.headers) + " |",
                 "|" + "|".join("---" for _ in self.headers) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in self.rows]
        return "\n".join(lines) + "\n"


def fmt_s(s: float | None) -> str:
    if s is None:
        return "n/a"
    return f"{s * 1000:.0f} ms" if s < 10 else f"{s:.1f} s"


def fmt_ms(s: float) -> str:
    return f"{s * 1000:.1f}" if s < 1 else f"{s * 1000:.0f}"


def ensure_synth(py: str, scales: list[float], seed: int = 7) -> dict[tuple[float, str], Path]:
    args = [py, str(BENCH / "synth.py"), "--out", str(OUT), "--seed", str(seed)]
    for s in scales:
        args += ["--scale", f"{s:g}"]
    p = subprocess.run(args, capture_output=True, text=True, check=True)
    out: dict[tuple[float, str], Path] = {}
    for line in p.stdout.splitlines():
        path = Path(line.split("  ")[0])
        scale = float(path.stem.rsplit("-", 1)[1].rstrip("x"))
        out[(scale, path.suffix.lstrip("."))] = path
    return out


def ensure_proselint(skip: bool) -> str | None:
    exe = BENCH / ".venv" / "bin" / "proselint"
    if skip:
        return None
    if not exe.exists():
        print("setting up bench/.venv with proselint (bench/setup.sh)…", file=sys.stderr)
        r = subprocess.run(["bash", str(BENCH / "setup.sh")], capture_output=True, text=True)
        if r.returncode != 0 or not exe.exists():
            print("proselint unavailable: " + (r.stderr.strip().splitlines() or ["?"])[-1], file=sys.stderr)
            return None
    return str(exe)


def inproc(py: str, files: list[Path], warmup: list[Path], runs_per_file: int) -> list[dict]:
    """Per file: `runs_per_file` whole processes of bench/inproc.py (each measures the file once, after a
    warm-up on other reports); the median run (by CPU time) of each file.

    Every size gets the same number of runs and the same statistic, and the runs go round-robin over
    the files (all files once, then all again…), so that a slow spell of a shared machine falls on every
    size alike: a minimum over many 30 ms runs catches quiet moments that a 3 s run averages over."""
    runs: dict[Path, list[dict]] = {f: [] for f in files}
    for _ in range(runs_per_file):
        for f in files:
            if runs[f] and "error" in runs[f][-1]:
                continue
            cmd = [py, str(BENCH / "inproc.py"), *(a for w in warmup for a in ("--warmup", str(w))), str(f)]
            p = subprocess.run(cmd, capture_output=True, text=True)
            lines = [json.loads(line) for line in p.stdout.splitlines() if line.startswith("{")]
            runs[f].append(lines[0] if lines else {"path": str(f), "format": f.suffix.lstrip("."),
                                                   "error": (p.stderr.strip().splitlines() or ["no output"])[-1]})
    rows = []
    for f in files:
        good = [r for r in runs[f] if "error" not in r]
        if not good:
            rows.append(runs[f][-1])
            continue
        good.sort(key=lambda r: r.get("cpu_s", r["total_s"]))
        row = dict(good[(len(good) - 1) // 2])
        row["runs"] = len(good)
        for key in ("floor_s", "floor_cpu_s"):
            if key in row:
                row[key] = statistics.median(r[key] for r in good)
        if all("floor_cpu_s" in r for r in good):
            # each process times our run and the floor within a few tenths of a second of each other, so
            # the median of the per-process ratios is not thrown by a slow spell between processes
            row["floor_ratio"] = statistics.median(r.get("cpu_s", r["total_s"]) / r["floor_cpu_s"] for r in good)
        rows.append(row)
    return rows


def make_batch(py: str, n: int, tmp: Path, variants: int = 10) -> Path:
    """n reports of about 50 KB in a folder: half .docx, half .txt, copied from `variants` seeds."""
    pool: list[Path] = []
    for seed in range(100, 100 + variants // 2):
        made = ensure_synth(py, [1], seed=seed)
        pool += [made[(1.0, "docx")], made[(1.0, "txt")]]
    folder = tmp / "reports"
    folder.mkdir()
    for i in range(n):
        src = pool[i % len(pool)]
        shutil.copyfile(src, folder / f"bao-cao-{i + 1:04d}{src.suffix}")
    return folder


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer runs, scales up to 16x, a batch of 200")
    ap.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"),
                    help="interpreter with checker installed (default .venv/bin/python)")
    ap.add_argument("--checker", default=None, help="the checker executable (default: next to --python)")
    ap.add_argument("--runs", type=int, default=None, help="whole-process runs per command (10; quick 5)")
    ap.add_argument("--batch", type=int, default=None, help="reports in the batch (1000; quick 200)")
    ap.add_argument("--jobs", type=int, default=2, help="--jobs for the batch (2)")
    ap.add_argument("--scales", default=None, help="comma-separated multiples of 50 KB (1,4,16,64; quick 1,4,16)")
    ap.add_argument("--extra", action="append", type=Path, default=[],
                    help="also measure throughput on the reports in this folder (repeatable)")
    ap.add_argument("--no-proselint", action="store_true")
    ap.add_argument("--skip", default="", help="comma-separated sections to skip: cold,throughput,batch,memory,peer")
    ap.add_argument("--json", type=Path, help="also write the raw figures as JSON here")
    args = ap.parse_args()

    py = args.python
    checker = args.checker or str(Path(py).parent / "checker")
    runs = args.runs or (5 if args.quick else 10)
    batch_n = args.batch if args.batch is not None else (200 if args.quick else 1000)
    scales = [float(s) for s in (args.scales or ("1,4,16" if args.quick else "1,4,16,64")).split(",")]
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    started = time.perf_counter()
    raw: dict = {"targets": TARGETS}
    tables: list[Table] = []
    verdicts: list[tuple[str, str, str]] = []  # (target, figure, PASS/MISS)

    version = subprocess.run([checker, "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    machine = (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
               f"Python {subprocess.run([py, '-c', 'import sys;print(sys.version.split()[0])'], capture_output=True, text=True).stdout.strip()}")
    header = f"{version} · commit {commit}{' (+ local changes)' if dirty else ''} · {machine}"
    load_before = os.getloadavg()[0]
    print(f"checker benchmark · {header}\n", file=sys.stderr)
    raw["header"] = header

    synth = ensure_synth(py, scales)
    one_txt, one_docx = synth[(1.0, "txt")], synth[(1.0, "docx")]
    raw["synth"] = {f"{k[0]:g}x.{k[1]}": str(v) for k, v in synth.items()}

    # 1 + 6: cold start, and proselint side by side on the same 50 KB text -------------------
    cold: dict[str, dict] = {}
    if "cold" not in skip:
        t = Table(f"1. Cold start (whole process, median of {runs} runs, the commands taking turns)",
                  ["command", "median", "min", "CPU (median)", "target", ""])
        cmds = {
            "python -c pass (interpreter floor)": [py, "-c", "pass"],
            "import click, rich (the libraries' floor)": [py, "-c", LIBRARIES_FLOOR],
            "checker --version": [checker, "--version"],
            "checker lint report-50KB.txt": [checker, "lint", str(one_txt)],
            "checker lint report-50KB.docx": [checker, "lint", str(one_docx)],
            "checker lint --format json report-50KB.txt": [checker, "lint", "--format", "json", str(one_txt)],
        }
        cold.update(time_processes(cmds, runs))
        for name in cmds:
            r = cold[name]
            if name == "checker --version":
                target, flag = TARGETS["version_s"], r["median"] <= TARGETS["version_s"]
            elif name in ("checker lint report-50KB.txt", "checker lint report-50KB.docx"):
                target, flag = TARGETS["lint_cold_s"], r["median"] <= TARGETS["lint_cold_s"] and r["rc"] < 2
            else:
                target, flag = None, None
            note = ok(flag) + (f" (exit {r['rc']}: {r['error'][:60]})" if r["rc"] >= 2 else "")
            t.add(f"`{name}`", fmt_s(r["median"]), fmt_s(r["min"]), fmt_s(r["cpu"]),
                  f"≤ {fmt_s(target)}" if target else "", note)
            if flag is not None:
                verdicts.append((name + f" ≤ {fmt_s(target)}", fmt_s(r["median"]), ok(flag)))
        tables.append(t)
        raw["cold"] = cold

        samples: list[dict] = []
        for _ in range(runs):
            pr = subprocess.run([py, str(BENCH / "phases.py"), str(one_txt)], capture_output=True, text=True)
            if pr.returncode == 0 and pr.stdout.strip().startswith("{"):
                samples.append(json.loads(pr.stdout.strip().splitlines()[-1]))
        if samples:
            t = Table(f"1b. Where a cold `checker lint report-50KB.txt` spends its time "
                      f"(bench/phases.py, median of {len(samples)} processes)", ["phase", "median", "share"])
            names = [k for k in samples[0] if k != "rules"]
            med = {k: statistics.median(s_[k] for s_ in samples) for k in names}
            interp = cold["python -c pass (interpreter floor)"]["median"]
            total = interp + sum(med.values())
            t.add("interpreter start (python -c pass)", fmt_ms(interp) + " ms", f"{interp / total:.0%}")
            for k in names:
                t.add(k, fmt_ms(med[k]) + " ms", f"{med[k] / total:.0%}")
            t.add(f"**total** ({samples[0]['rules']} rules)", fmt_ms(total) + " ms", "100%")
            tables.append(t)
            raw["phases"] = med

    if "peer" not in skip:
        exe = ensure_proselint(args.no_proselint)
        t = Table(f"6. Peer: proselint on the same 50 KB text (whole processes, alternating, median of {runs} runs each)",
                  ["tool", "median", "min", "ratio", ""])
        ours_cmd = [checker, "lint", str(one_txt)]
        if exe:  # both in the same rounds: the ratio is what matters
            pair = time_processes({"ours": ours_cmd, "proselint": [exe, "check", str(one_txt)]}, runs)
            ours, pl = pair["ours"], pair["proselint"]
        else:
            ours = time_process(ours_cmd, runs)
        t.add("`checker lint report-50KB.txt`", fmt_s(ours["median"]), fmt_s(ours["min"]), "", "")
        if exe:
            pv = subprocess.run([exe, "version"], capture_output=True, text=True).stdout.strip().splitlines()
            ratio = ours["median"] / pl["median"]
            flag = ratio < 1.0
            t.add(f"`proselint check` ({(pv or ['?'])[-1]})", fmt_s(pl["median"]), fmt_s(pl["min"]),
                  f"ours = {ratio:.2f}×", ok(flag))
            verdicts.append(("checker lint 50 KB faster than proselint", f"{ratio:.2f}× its time", ok(flag)))
            raw["proselint"] = pl
        else:
            t.add("proselint", "n/a", "", "", "n/a")
        tables.append(t)

    # 2 + 3: throughput and the python-docx floor ----------------------------------------------
    if "throughput" not in skip:
        files: list[Path] = []
        for folder in [ROOT / "samples", *args.extra]:
            if folder.is_dir():
                files += sorted(p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".md", ".docx")
                               and not p.name.lower().startswith("readme"))
        synth_files = [synth[(s, f)] for f in ("txt", "docx") for s in scales]
        runs_per_file = 1 if args.quick else 5
        warm = ensure_synth(py, [0.5], seed=1)  # another report, half the size: exercises every check once
        rows = inproc(py, files + synth_files, [warm[(0.5, "txt")], warm[(0.5, "docx")]], runs_per_file)
        raw["throughput"] = rows
        t = Table("2. Throughput of reading + checks (in process, after a warm-up on another report; "
                  f"first run of each file in each process, median of {runs_per_file} processes; KB/s and ms/KB on CPU time)",
                  ["report", "text KB", "blocks", "read ms", "check ms", "total ms", "CPU ms", "KB/s", "ms/KB", "vs 1×",
                   "findings"])
        base: dict[str, float] = {}
        worst_kbs: dict[str, float] = {}
        lin: dict[str, float] = {}
        for r in rows:
            name = Path(r["path"]).name
            label = name
            for (s, f), p in synth.items():
                if str(p) == r["path"]:
                    label = f"synthetic {s:g}× .{f}"
            if "error" in r:
                t.add(label, "", "", "", "", "", "", "", "", "", r["error"][:70])
                continue
            kb = r["text_bytes"] / KB
            cpu = r.get("cpu_s", r["total_s"])  # throughput on CPU time: robust to other load on the machine
            kbs = kb / cpu if cpu > 0 else float("inf")
            per_kb = cpu / kb * 1000
            rel = ""
            if label.startswith("synthetic"):
                if label.startswith("synthetic 1×"):
                    base[r["format"]] = per_kb
                if r["format"] in base:
                    ratio = per_kb / base[r["format"]]
                    rel = f"{ratio:.2f}×"
                    lin[f"{label}"] = ratio
                worst_kbs[r["format"]] = min(worst_kbs.get(r["format"], float("inf")), kbs)
            t.add(label, f"{kb:.0f}", r["blocks"], fmt_ms(r["read_s"]), fmt_ms(r["check_s"]), fmt_ms(r["total_s"]),
                  fmt_ms(cpu), f"{kbs:,.0f}", f"{per_kb:.3f}", rel, r["issues"])
        tables.append(t)
        for f, kbs in worst_kbs.items():
            flag = kbs >= TARGETS["throughput_kbs"]
            verdicts.append((f"throughput ≥ 1 MB/s (.{f}, slowest synthetic size)", f"{kbs / 1024:.2f} MB/s", ok(flag)))
        top = max(scales)
        for f in ("txt", "docx"):
            key = f"synthetic {top:g}× .{f}"
            if key in lin and top > 1:
                flag = lin[key] <= TARGETS["linearity"]
                verdicts.append((f"time per KB at {top:g}× ≤ 1.3× that at 1× (.{f})", f"{lin[key]:.2f}×", ok(flag)))

        t3 = Table("3. Word floor: python-docx alone (open + all paragraph and table text) vs checker "
                   "(in process; ratio on CPU time, median of the per-process ratios)",
                   ["report", "python-docx ms", "checker read ms", "checker total ms", "total / floor", "target", ""])
        for r in rows:
            if "floor_s" not in r:
                continue
            label = Path(r["path"]).name
            for (s, f), p in synth.items():
                if str(p) == r["path"]:
                    label = f"synthetic {s:g}× .docx"
            ratio = r.get("floor_ratio") or r.get("cpu_s", r["total_s"]) / r.get("floor_cpu_s", r["floor_s"])
            flag = ratio <= TARGETS["docx_floor_ratio"]
            t3.add(label, fmt_ms(r["floor_s"]), fmt_ms(r["read_s"]), fmt_ms(r["total_s"]), f"{ratio:.2f}×", "≤ 1.5×", ok(flag))
            if label == "synthetic 1× .docx":
                verdicts.append(("total ≤ 1.5× python-docx floor (50 KB .docx)", f"{ratio:.2f}×", ok(flag)))
        if "cold" not in skip:
            floor_cmd = [py, "-c", "import sys, docx\nd = docx.Document(sys.argv[1])\n"
                         "[p.text for p in d.paragraphs]\n[c.text for t in d.tables for r in t.rows for c in r.cells]",
                         str(one_docx)]
            fl = time_process(floor_cmd, runs)
            ours = cold.get("checker lint report-50KB.docx")
            if ours:
                t3.add("whole process, 50 KB .docx: python script vs `checker lint`", fmt_s(fl["median"]), "",
                       fmt_s(ours["median"]), f"{ours['median'] / fl['median']:.2f}×", "(info)", "")
            raw["docx_floor_process"] = fl
        if t3.rows:
            tables.append(t3)

    # 4: batch -----------------------------------------------------------------------------------
    if "batch" not in skip and batch_n > 0:
        with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmpdir:
            tmp = Path(tmpdir)
            folder = make_batch(py, batch_n, tmp)
            total_kb = sum(f.stat().st_size for f in folder.iterdir()) / KB
            out = tmp / "out.json"
            cmd = [checker, "lint", str(folder), "--jobs", str(args.jobs), "--format", "json"]
            # a small wrapper process, so that its RUSAGE_CHILDREN covers exactly checker and its workers
            usage_file = tmp / "usage.json"
            wrapper = ("import json, resource, subprocess, sys\n"
                       "rc = subprocess.run(sys.argv[2:]).returncode\n"
                       "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
                       "json.dump({'cpu': u.ru_utime + u.ru_stime, 'maxrss_kb': u.ru_maxrss}, open(sys.argv[1], 'w'))\n"
                       "sys.exit(rc)\n")
            t0 = time.perf_counter()
            with out.open("wb") as fh:
                p = subprocess.run([sys.executable, "-c", wrapper, str(usage_file), *cmd], stdout=fh,
                                   stderr=subprocess.PIPE)
            wall = time.perf_counter() - t0
            try:
                usage = json.loads(usage_file.read_text())
            except (OSError, ValueError):
                usage = {"cpu": float("nan"), "maxrss_kb": float("nan")}
            cpu = usage["cpu"]
            checked = failed = 0
            try:
                data = json.loads(out.read_text(encoding="utf-8"))
                checked = len(data["files"])
                failed = sum(1 for f in data["files"] if f.get("error"))
            except Exception:
                pass
            err = p.stderr.decode("utf-8", "replace").strip().splitlines()
            t = Table(f"4. Batch: {batch_n} reports of ~50 KB (half .docx, half .txt) in one folder, "
                      f"`checker lint DIR --jobs {args.jobs} --format json`",
                      ["wall", "reports/s", "CPU (all processes)", "CPU / (wall × jobs)", "peak RSS of a process",
                       "files in output",
                       "unreadable", "exit", "target", ""])
            good = checked == batch_n and p.returncode < 2
            scaled = wall * 1000 / batch_n
            flag = good and scaled <= TARGETS["batch_s"]
            t.add(fmt_s(wall), f"{batch_n / wall:.1f}", fmt_s(cpu), f"{cpu / (wall * args.jobs):.0%}",
                  f"{usage['maxrss_kb'] / 1024:.0f} MB",
                  checked, failed, p.returncode,
                  "1,000 in ≤ 60 s" + (f" (≈ {scaled:.0f} s per 1,000)" if batch_n != 1000 else ""),
                  ok(flag) + ("" if good else f" ({(err or ['no output'])[-1][:80]})"))
            verdicts.append((f"1,000 reports ≤ 60 s with --jobs {args.jobs}",
                             f"{scaled:.1f} s per 1,000" + ("" if good else " (run failed)"), ok(flag)))
            tables.append(t)
            raw["batch"] = {"n": batch_n, "wall": wall, "cpu": cpu, "maxrss_kb": usage["maxrss_kb"], "kb": total_kb, "checked": checked,
                            "rc": p.returncode}

    # 5: memory ---------------------------------------------------------------------------------
    if "memory" not in skip:
        top = max(scales)
        t = Table(f"5. Peak memory (resident set of the whole `checker lint --format json` process), {top:g}× report",
                  ["report", "text KB", "peak RSS", "wall", "exit", "target", ""])
        mem = {}
        for f in ("txt", "docx"):
            p = synth[(top, f)]
            mb, wall, rc = peak_rss([checker, "lint", "--format", "json", str(p)])
            flag = mb <= TARGETS["peak_rss_mb"] and rc < 2
            kb = p.stat().st_size / KB if f == "txt" else None
            t.add(f"synthetic {top:g}× .{f}", f"{kb:.0f}" if kb else "", f"{mb:.0f} MB", fmt_s(wall), rc, "≤ 200 MB", ok(flag))
            verdicts.append((f"peak RSS ≤ 200 MB at {top:g}× (.{f})", f"{mb:.0f} MB", ok(flag)))
            mem[f] = {"mb": mb, "wall": wall, "rc": rc}
        tables.append(t)
        raw["memory"] = mem

    elapsed = time.perf_counter() - started
    summary = Table("Targets", ["target", "measured", ""])
    for v in verdicts:
        summary.add(*v)
    load = f"load average {load_before:.2f} at start, {os.getloadavg()[0]:.2f} at end"
    text = f"**checker benchmark** · {header} · {load} · bench took {elapsed:.0f} s\n\n" + summary.render() + "\n" + \
        "\n".join(tb.render() for tb in tables)
    print(text)
    OUT.mkdir(exist_ok=True)
    (OUT / "last.md").write_text(text, encoding="utf-8")
    raw["elapsed_s"] = elapsed
    if args.json:
        args.json.write_text(json.dumps(raw, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
