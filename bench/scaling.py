"""Does any check grow with the square of a paragraph? Times adversarial inputs at two sizes.

    .venv/bin/python bench/scaling.py                    # every case at 8 KB and 64 KB
    .venv/bin/python bench/scaling.py --only dates,parens --sizes 8,32,64
    .venv/bin/python bench/scaling.py --timeout 120 --json out.json

Each case is one pathological shape of input, built at each size (KB of UTF-8 text): a unit repeated on
ONE line (one paragraph, so per-paragraph work that is quadratic shows), a table cell holding a long
report text, a Markdown table, a Word file with many findings to annotate. Each measurement runs in a
fresh process (caches keyed by text would otherwise flatter a second run): it warms up on a sample
report (imports, rules), writes the input to a temporary file, then times read + checks
(`readers.read_path` + `api.lint_document`; for `annotate`, `annotate_cmd.annotate_file`) once, in CPU
seconds; the fastest of --repeat such processes is kept (repeats stop once they have taken 5 s).

The ratio of the largest to the smallest size must stay under 10 for 8 → 64 KB (linear is 8, quadratic
64; for other sizes the bar scales with their ratio); a measurement that exceeds --timeout counts as a
failure. A case the reader refuses (a `too-large` read error) is shown as such: a clear refusal, not a
hang.

Exit code 1 when some ratio is at or above the bar (or timed out), so the script can gate a change.
Only the standard library here; the project's interpreter runs the children (`--python`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARMUP = ROOT / "samples" / "bao-cao-thang-5-2024-dang-uy-xa.txt"
BAR = 10.0

# --- the cases -----------------------------------------------------------------------------------
# (name, shape, unit): shapes "line" (the unit repeated on one line), "lines" (the unit repeated, one
# per line: the linear reference for a "line" case), "cell" (one .docx table cell of report text),
# "pipes" (a Markdown table whose second row has that many cells: refused past 256), "md-table" (a
# Markdown table of 200 columns, as many rows as the size holds), "word-table" (a .docx table of 8
# columns with a total row, as many rows as the size holds), "annotate" (a .docx of short
# paragraphs, each with a finding, annotated), "annotate-line" (one .docx paragraph of the unit repeated,
# annotated), "report-line" (the synthetic report joined on one line).
# Units written for the benchmark (no sentence of a real report).

CASES = [
    ("heading-dots", "line", "1.2.3.4.5.6.7.8.9. "),
    ("dates", "line", "ngày 31/4/2024, "),
    ("percent-footnote", "line", "đạt 50%[1] "),
    ("parens", "line", "(((("),
    ("remainder", "line", "12/34 hộ, còn 22 hộ, "),
    ("remainder-lines", "lines", "12/34 hộ, còn 22 hộ."),
    ("ratio-percent", "line", "kết nạp 112/158 đảng viên, đạt 70,87%; "),
    ("parts", "line", "tổng số 120 hộ, trong đó 50 hộ nghèo, 30 hộ cận nghèo; "),
    ("growth", "line", "đạt 1.250 tỷ đồng, tăng 5% so với cùng kỳ, "),
    ("shares", "line", "có 40 xã, chiếm 12,5%, "),
    ("references", "line", "Kế hoạch số 139-KH/HU ngày 26/6/2023 của Huyện ủy, "),
    ("periods", "line", "quý II/2024, 6 tháng đầu năm 2024, "),
    ("malformed", "line", "5.15 cuộc, 1.23.456 lượt, "),
    ("thousands", "line", "1487 lần, 1.234 lần, "),
    ("english", "line", "12.5% và 1,234.5 tấn, "),
    ("spacing", "line", "từ 63 -96% và 10 % hộ, "),
    ("counted-list", "line", "gồm 3 nội dung: học tập, rèn luyện, thi đua; 7 xã (An, Bình), "),
    ("anniversary", "line", "kỷ niệm 5 năm (2020 - 2026), "),
    ("variants", "line", "quý quí hòa hoà Nhân dân nhân dân, "),
    ("long-numbers", "line", "9" * 49 + "/4 đạt 4%, "),
    ("footnote-marks", "line", "[1] [2] [footnoteRef:3] ¹² "),
    ("headings", "line", "I. II. 1. 2. a) b) "),
    ("brackets-close", "line", "))))"),
    ("breakdown", "line", "trong đó 5 hộ nghèo, gồm 2 hộ, "),
    ("targets", "line", "đạt 27/30 chỉ tiêu, 1 chỉ tiêu, 1 chỉ tiêu, 1 chỉ tiêu; "),
    ("ref-conflict", "line", "Kế hoạch số 12-KH/HU ngày 02/3/2024, Kế hoạch số 12-KH/HU ngày 03/3/2024, "),
    ("after-report", "line", "đã tổ chức ngày 20/12/2030, "),
    ("repeated-lines", "lines", "Toàn huyện kết nạp 12 đảng viên mới, đạt 80% kế hoạch."),
    ("word-table", "word-table", ""),
    ("heading-lines", "lines", "{k}. Kết quả thực hiện nhiệm vụ"),
    ("same-heading-lines", "lines", "1. Kết quả thực hiện nhiệm vụ"),
    ("footnote-lines", "lines", "Nội dung đã triển khai[footnoteRef:{k}]."),
    ("ref-date-lines", "lines", "Thực hiện Kế hoạch số 12-KH/HU ngày {k}/3/2024 của Huyện ủy."),
    ("indicator-lines", "lines", "Toàn huyện kết nạp {k} đảng viên mới."),
    ("share-over", "line", "chiếm 150%, "),
    ("draft-blanks", "line", "Số: ..../BC-UBND, ngày .... tháng .... năm 2024, "),
    ("header-dates", "line", "ngày 5 tháng 1 năm 2024, "),
    ("span-order", "line", "giai đoạn 2025 - 2020, "),
    ("period-mismatch", "line", "quý IV/2023, tháng 11/2019, "),
    ("district", "line", "Huyện ủy ban hành Kế hoạch số {k}-KH/HU ngày 01/7/2025; "),
    ("refs-distinct", "line", "Kế hoạch số {k}-QĐ/HU, Nghị quyết số {k}-NQ/TW của Tỉnh ủy, "),
    ("footnote-refs", "line", "nội dung[footnoteRef:{k}] "),
    ("legacy", "line", "Ch\u00ad\u00acng tr\u00d7nh c\u00f4ng t\u00b8c "),
    ("nfd-mix", "line", "ho\u0300a hòa thuận, "),
    ("repeated-syllables", "line", "các các chi bộ hoàn thành thành kế hoạch, "),
    ("stray-spaces", "line", "cán bộ ,đảng viên  và ( Nhân dân ) , "),
    ("non-words", "line", "chuần bị phát trển truyên thống, "),
    ("near-miss", "line", "Kế hạch tập tể phối họp, "),
    ("name-variants", "line", "xã Vĩnh Phong, xã Vinh Phong, Ban thường vụ, Ban Thường vụ, "),
    ("style-list", "line", "quí III, 23,6 triệu Kwh, sát nhập, "),
    ("garbled", "line", "Vi?t Nam k?t qu? BÃ¡o cÃ¡o, "),
    ("report-line", "report-line", ""),
    ("table-cell", "cell", ""),
    ("md-pipes", "pipes", ""),
    ("md-table", "md-table", ""),
    ("annotate", "annotate", "Kết nạp 12/34 đảng viên, đạt 50%."),
    ("annotate-line", "annotate-line", "ngày 31/4/2024, "),
]


def repeat_to(unit: str, size: int, sep: str = "") -> str:
    """`unit` repeated (joined by `sep`) to at least `size` bytes of UTF-8; "{k}" in the unit is replaced by
    the repetition's number (1, 2, …), for units that must differ (document numbers, note marks)."""
    if "{k}" not in unit:
        step = len((unit + sep).encode("utf-8"))
        return sep.join([unit] * max(1, -(-size // step)))
    out, n, k = [], 0, 0
    while n < size or not out:
        k += 1
        out.append(unit.replace("{k}", str(k)))
        n += len((out[-1] + sep).encode("utf-8"))
    return sep.join(out)


def report_text(size: int) -> str:
    """The benchmark's synthetic report (bench/synth.py), paragraphs joined by a space, cut to `size`."""
    sys.path.insert(0, str(ROOT / "bench"))
    import synth

    parts: list[str] = []
    n = 0
    for kind, content in synth.blocks_for(max(0.05, size / synth.UNIT_BYTES * 1.2)):
        texts = [str(content)] if kind == "p" else [" ".join(row) for row in content]
        for t in texts:
            parts.append(t)
            n += len(t.encode()) + 1
            if n >= size:
                return " ".join(parts)
    return " ".join(parts)


def build(shape: str, unit: str, size: int, folder: Path) -> Path:
    """Writes the input of one case at `size` bytes into `folder`; returns its path."""
    if shape == "line":
        path = folder / "case.txt"
        path.write_text(repeat_to(unit, size) + "\n", encoding="utf-8")
    elif shape == "lines":
        path = folder / "case.txt"
        path.write_text(repeat_to(unit, size, "\n") + "\n", encoding="utf-8")
    elif shape == "report-line":
        path = folder / "case.txt"
        path.write_text(report_text(size) + "\n", encoding="utf-8")
    elif shape == "pipes":
        path = folder / "case.md"
        cells = max(2, size // 2)
        path.write_text("| Chỉ tiêu | Số lượng |\n|---|---|\n|" + "1|" * cells + "\n", encoding="utf-8")
    elif shape == "md-table":
        path = folder / "case.md"
        cols = 200
        head = "| STT | " + " | ".join(f"Xã {c}" for c in range(1, cols)) + " |\n|" + "---|" * cols + "\n"
        rows, n, r = [], len(head.encode()), 0
        while n < size:
            r += 1
            row = f"| {r} | " + " | ".join(str((r * c) % 997) for c in range(1, cols)) + " |"
            rows.append(row)
            n += len(row.encode()) + 1
        path.write_text(head + "\n".join(rows) + "\n", encoding="utf-8")
    elif shape == "word-table":
        import docx

        path = folder / "case.docx"
        d = docx.Document()
        d.add_paragraph("Biểu 1. Kết quả thực hiện chỉ tiêu (Đơn vị: hộ)")
        header = ["STT", "Đơn vị", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Trong đó: nam", "Nữ", "Ghi chú"]
        rows, n = [], 0
        while n < size:
            k = len(rows) + 1
            row = [str(k), f"Xã số {k}", str(100 + k), str(90 + k), f"{(90 + k) * 100 / (100 + k):.2f}".replace(".", ","),
                   str(40 + k), str(50), ""]
            rows.append(row)
            n += sum(len(c.encode()) for c in row)
        total = ["", "Tổng cộng", str(sum(int(r[2]) for r in rows)), str(sum(int(r[3]) for r in rows)), "", "", "", ""]
        t = d.add_table(rows=len(rows) + 2, cols=len(header))
        for tr, values in zip(t.rows, [header] + rows + [total]):
            for c, v in zip(tr.cells, values):
                c.text = v
        d.save(str(path))
    elif shape == "cell":
        import docx

        path = folder / "case.docx"
        d = docx.Document()
        d.add_paragraph("BÁO CÁO kết quả thực hiện nhiệm vụ quý II/2024")
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).text, t.cell(0, 1).text = "Nội dung", "Kết quả"
        t.cell(1, 0).text, t.cell(1, 1).text = "1", report_text(size)
        d.save(str(path))
    elif shape == "annotate-line":
        import docx

        path = folder / "case.docx"
        d = docx.Document()
        d.add_paragraph(repeat_to(unit, size))
        d.save(str(path))
    elif shape == "annotate":
        import docx

        path = folder / "case.docx"
        d = docx.Document()
        body = d.element.body
        from docx.oxml.parser import OxmlElement
        from docx.text.paragraph import Paragraph

        for k in range(max(1, size // (len(unit.encode()) + 1))):
            el = OxmlElement("w:p")
            body.sectPr.addprevious(el)  # (python-docx's add_paragraph searches the body each time)
            Paragraph(el, d._body).add_run(f"{k + 1}. {unit}")
        d.save(str(path))
    else:
        raise ValueError(shape)
    return path


CHILD = textwrap.dedent(r'''
    import json, sys, time, gc
    from pathlib import Path
    from checker import api
    from checker.readers import ReadError, read_path
    api.lint_document(read_path(Path(sys.argv[2])))  # warm-up: imports, rules, parser
    path, shape = Path(sys.argv[1]), sys.argv[3]
    gc.collect()
    out = {}
    t0, w0 = time.process_time(), time.perf_counter()
    try:
        if shape.startswith("annotate"):
            from checker.annotate_cmd import annotate_file
            done = annotate_file(path, path.with_name("out.docx"), force=True)
            out["issues"] = len(done["placed"])
        else:
            r = api.lint_document(read_path(path))
            out["issues"] = len(r.issues)
    except ReadError as exc:
        out["error"] = exc.code
    out["cpu"], out["wall"] = time.process_time() - t0, time.perf_counter() - w0
    print(json.dumps(out))
''')


def measure(python: str, shape: str, unit: str, size_kb: int, timeout: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="checker-scaling-") as tmp:
        path = build(shape, unit, size_kb * 1024, Path(tmp))
        env = {**os.environ, "CHECKER_NO_CACHE": os.environ.get("CHECKER_NO_CACHE", "")}
        try:
            r = subprocess.run([python, "-c", CHILD, str(path), str(WARMUP), shape], capture_output=True,
                               text=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired:
            return {"timeout": True}
        if r.returncode:
            return {"crash": r.stderr.strip().splitlines()[-1] if r.stderr.strip() else f"exit {r.returncode}"}
        return json.loads(r.stdout.strip().splitlines()[-1])


def best_of(python: str, shape: str, unit: str, size_kb: int, timeout: float, repeat: int) -> dict:
    """The fastest of up to `repeat` measurements (fewer once they have taken 5 s: a slow case is slow
    whatever the machine's load, a fast one is measured again to see past a busy moment)."""
    best, spent = None, 0.0
    for _ in range(max(1, repeat)):
        m = measure(python, shape, unit, size_kb, timeout)
        if "cpu" not in m:
            return m
        spent += m["cpu"]
        if best is None or m["cpu"] < best["cpu"]:
            best = m
        if spent > 5:
            break
    return best


def cell(m: dict, timeout: float) -> str:
    if m.get("timeout"):
        return f"> {timeout:.0f} s"
    if "crash" in m:
        return "crash"
    if "error" in m:
        return f"{m['cpu'] * 1000:.0f} ({m['error']})"
    return f"{m['cpu'] * 1000:.0f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="8,64", help="sizes in KB, comma-separated (default 8,64)")
    ap.add_argument("--only", default="", help="case names, comma-separated (default: all)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per measurement (default 300)")
    ap.add_argument("--repeat", type=int, default=3, help="measurements per size, the fastest kept (default 3)")
    ap.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"))
    ap.add_argument("--json", type=Path, help="also write the raw figures to this file")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    only = {s.strip() for s in a.only.split(",") if s.strip()}
    unknown = only - {c[0] for c in CASES}
    if unknown:
        ap.error(f"unknown case(s): {', '.join(sorted(unknown))}")
    head = "| case | " + " | ".join(f"{s} KB (ms)" for s in sizes) + f" | {sizes[-1]}K/{sizes[0]}K | ms/KB at {sizes[-1]}K |"
    print(head)
    print("|" + "---|" * (len(sizes) + 3), flush=True)
    raw, failed = {}, []
    for name, shape, unit in CASES:
        if only and name not in only:
            continue
        ms = [best_of(a.python, shape, unit, s, a.timeout, a.repeat) for s in sizes]
        raw[name] = dict(zip(map(str, sizes), ms))
        first, last = ms[0], ms[-1]
        if last.get("timeout") or "crash" in last or "crash" in first or first.get("timeout"):
            ratio, verdict = "—", False
        else:
            r = last["cpu"] / max(first["cpu"], 1e-3)
            # a refusal (too-large) of the larger size is a clear answer, not a hang
            verdict = r < BAR * (sizes[-1] / sizes[0]) / 8 or "error" in last
            ratio = f"{r:.1f}"
        per_kb = f"{last['cpu'] * 1000 / sizes[-1]:.2f}" if "cpu" in last else "—"
        mark = "" if verdict else " ✗"
        print(f"| {name} | " + " | ".join(cell(m, a.timeout) for m in ms) + f" | {ratio}{mark} | {per_kb} |", flush=True)
        if not verdict:
            failed.append(name)
    if a.json:
        a.json.write_text(json.dumps(raw, indent=1), encoding="utf-8")
    if failed:
        print(f"\nratio at or above {BAR:g} (or timed out): {', '.join(failed)}")
        return 1
    print(f"\nevery ratio under {BAR:g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
