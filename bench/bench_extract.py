"""Times figure extraction + arithmetic checks on the seeds and on a synthetic multi-MB report.

Usage: .venv/bin/python bench/bench_extract.py [--mb 3] [--scale 64] [SEED.txt ...]
Prints KB/s for extraction alone, for extraction + the relation rules AR001-AR008, and for extraction +
every AR rule; then the time per KB of one seed repeated 1×, 8× and --scale× (linearity: the 1× run also
pays the one-time rule loading).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from checker.api import lint_document
from checker.figures import _extract, extract
from checker.readers import read_path, read_string

TEMPLATES = [
    "- Kết nạp mới {a}/{b} đảng viên, đạt {p}% chỉ tiêu.",
    "Tòa án thụ lý {b} vụ án các loại, đã giải quyết {a} vụ, đạt tỷ lệ {p}%, án tồn {r} vụ.",
    "Tổ chức {b} cuộc giám sát ({a} cuộc cấp huyện và {r} cuộc cấp xã).",
    "Tổng thu ngân sách ước đạt {m} tỷ đồng (tăng {g}% so với cùng kỳ), đạt {p}% dự toán.",
    "Ngày {d}/{mo}/2024, Ban Thường vụ ban hành Kế hoạch số {k}-KH/HU về triển khai nhiệm vụ quý II/2024.",
    "Tổ chức kỷ niệm {n} năm Ngày thành lập Hội ({y1} - 2024) và khen thưởng {a} tập thể, {r} cá nhân.",
    "Công tác tuyên truyền được quan tâm thực hiện thường xuyên, nhất là trong cán bộ, đảng viên và Nhân dân.",
    "Tiếp tục chỉ đạo thực hiện các chương trình, kế hoạch đã đề ra, bảo đảm tiến độ và chất lượng.",
    "Thực hiện đạt và vượt {a}/{b} chỉ tiêu, {r} chỉ tiêu còn lại đạt trên 70% và sẽ hoàn thành trong năm.",
]


def synthetic(mb: float, seed: int = 7) -> str:
    rnd = random.Random(seed)
    out, size = [], 0
    while size < mb * 1_000_000:
        b = rnd.randint(20, 20000)
        a = rnd.randint(1, b)
        p = f"{a * 100 / b:.2f}".replace(".", ",")
        y1 = rnd.randint(1930, 2000)
        line = rnd.choice(TEMPLATES).format(
            a=f"{a:,}".replace(",", "."), b=f"{b:,}".replace(",", "."), r=b - a, p=p,
            m=f"{rnd.uniform(10, 900):.3f}".replace(".", ","), g=f"{rnd.uniform(0, 20):.2f}".replace(".", ","),
            d=rnd.randint(1, 28), mo=rnd.randint(1, 12), k=rnd.randint(1, 400), n=2024 - y1, y1=y1)
        out.append(line)
        size += len(line.encode()) + 1
    return "\n".join(out)


RELATIONS = [f"AR00{i}" for i in range(1, 9)]


def measure(doc, label: str) -> None:
    nbytes = len(doc.text.encode())
    _extract.cache_clear()
    t = time.perf_counter()
    for b in doc.blocks:
        extract(b.text)
    te = time.perf_counter() - t
    _extract.cache_clear()
    t = time.perf_counter()
    res = lint_document(doc, select=RELATIONS)
    tr = time.perf_counter() - t
    _extract.cache_clear()
    t = time.perf_counter()
    res_all = lint_document(doc, select=["AR"])
    tc = time.perf_counter() - t
    kb = nbytes / 1024
    print(f"{label:44s} {kb:7.0f} KB  extract {kb / te:6.0f} KB/s  +AR001-008 {kb / tr:6.0f} KB/s  "
          f"+all AR {kb / tc:6.0f} KB/s  findings {len(res.issues)}/{len(res_all.issues)}")


def linearity(path: str, scale: int) -> None:
    seed = Path(path).read_text(encoding="utf-8").split("\n")

    def tag(i: int) -> str:  # a letters-only word, so that every copy's lines are new text (no cache hits)
        w = ""
        while True:
            w += "abcdefghiklmnopqrstuvxy"[i % 23]
            i //= 23
            if not i:
                return w

    for k in sorted({1, 8, scale}):
        text = "\n".join(f"{line} {tag(c)}" if line.strip() else line for c in range(k) for line in seed)
        doc = read_string(text, name=f"x{k}.txt")
        _extract.cache_clear()
        t = time.perf_counter()
        lint_document(doc, select=RELATIONS)
        dt = time.perf_counter() - t
        kb = len(doc.text.encode()) / 1024
        print(f"{Path(path).name} ×{k:<3d} {kb:7.0f} KB  AR001-008 {kb / dt:6.0f} KB/s  {dt / kb * 1000:6.3f} ms/KB")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("seeds", nargs="*")
    ap.add_argument("--mb", type=float, default=3.0)
    ap.add_argument("--scale", type=int, default=64)
    a = ap.parse_args()
    extract("khởi động 1/2 đạt 50%")  # build the parser once, outside the timings
    seeds = a.seeds or sorted(str(p) for p in Path("/work/shared/seeds").glob("*.txt"))
    for s in seeds:
        measure(read_path(s), Path(s).name)
    measure(read_string(synthetic(a.mb), name="synthetic.txt"), f"synthetic ({a.mb:g} MB)")
    linearity(seeds[0], a.scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
