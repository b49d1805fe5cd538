"""Word vs PDF: do the same checks find the same figure findings in a report and in its PDF export?
And how fast is reading a 50-page PDF? (A benchmark script, not a test; needs LibreOffice.)

    .venv/bin/python bench/pdf_parity.py                          # samples/ + the Word-layout fixture
    .venv/bin/python bench/pdf_parity.py ../shared/real --mutants 5
    .venv/bin/python bench/pdf_parity.py --speed                  # reading time of a 50-page PDF
    .venv/bin/python bench/pdf_parity.py --libraries              # pypdfium2 vs pdfplumber (if installed)

Every .docx given (files or folders) is exported to PDF by LibreOffice in a temporary folder (nothing is
written beside the inputs, nothing is kept), both are linted in this process, and for each document the
script prints: the .docx's AR/NF findings found again in the PDF (matched by rule and message), `error`
findings of the PDF the .docx does not have, all findings of each, and how many of the .docx's body
paragraphs appear word for word as a PDF block ("text"). `--mutants N` also makes N copies of every
document with one figure changed (a digit of a percentage in the body text), so that there are
arithmetic findings to compare even in reports that have none. Target: ≥ 95% of the AR/NF findings, no
extra `error`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT = [ROOT / "samples", ROOT / "tests" / "data" / "pdf" / "bo-cuc-word.docx"]


def soffice() -> str:
    found = os.environ.get("CHECKER_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        sys.exit("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui")
    return found


def to_pdf(docs: list[Path], outdir: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        for k in range(0, len(docs), 40):
            subprocess.run([soffice(), "--headless", f"-env:UserInstallation={Path(profile).as_uri()}",
                            "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docs[k:k + 40])],
                           check=True, capture_output=True, timeout=1800)


# the figures a mutation changes: percentages ("75%", "84,82%"), where a changed digit breaks a relation
_NUMBER = re.compile(r"(?<![\d.,/])\d{1,3}(?:,\d{1,2})?(?=\s?%)")
_TEXT = re.compile(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")


def mutate(src: Path, out: Path, k: int) -> bool:
    """A copy of `src` with the k-th percentage of its body text changed in its last digit; False when the
    document has fewer."""
    with zipfile.ZipFile(src) as zin:
        xml = zin.read("word/document.xml").decode("utf-8")
        seen = 0
        done = False

        def one(m: re.Match) -> str:
            nonlocal seen, done
            text = m.group(2)
            if done:
                return m.group(0)
            for n in _NUMBER.finditer(text):
                if seen == k:
                    s = n.group()
                    digit = s[-1]
                    s2 = s[:-1] + str((int(digit) + 3) % 10)
                    done = True
                    return m.group(1) + text[:n.start()] + s2 + text[n.end():] + m.group(3)
                seen += 1
            return m.group(0)

        xml2 = _TEXT.sub(one, xml)
        if not done:
            return False
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = xml2.encode("utf-8") if info.filename == "word/document.xml" else zin.read(info)
                zout.writestr(info, data)
    return True


def key(issue) -> tuple[str, str]:
    return issue.rule, re.sub(r"\s+", " ", issue.message).strip()


def compare(docx: Path, pdf: Path) -> dict:
    from checker.api import lint_file
    from checker.document import BlockKind
    from checker.readers import read_path

    word, paper = lint_file(docx), lint_file(pdf)
    if paper.error is not None:
        return {"error": paper.error.code}
    found = {key(i) for i in paper.issues}
    known = {key(i) for i in word.issues}
    figures = [i for i in word.issues if i.rule[:2] in ("AR", "NF")]
    missing = [i for i in figures if key(i) not in found]
    extra = [i for i in paper.issues if i.severity.value == "error" and key(i) not in known]
    wdoc, pdoc = read_path(docx), read_path(pdf)
    norm = lambda t: re.sub(r"\s+", " ", t).strip()  # noqa: E731
    blocks = {norm(b.text) for b in pdoc.blocks}
    paras = [norm(b.text) for b in wdoc.blocks if b.kind is BlockKind.PARAGRAPH and len(norm(b.text)) > 20
             and b.list_id is None]  # Word's automatic numbering is in the PDF's text, not in the .docx's
    same_text = sum(1 for t in paras if t in blocks)
    return {"figures": len(figures), "same": len(figures) - len(missing), "missing": missing, "extra": extra,
            "word": len(word.issues), "pdf": len(paper.issues), "paras": len(paras), "same_text": same_text}


def parity(paths: list[Path], mutants: int) -> None:
    docs = []
    for p in paths:
        docs += sorted(p.rglob("*.docx")) if p.is_dir() else [p]
    docs = [d for d in docs if not d.name.startswith("~$")]
    with tempfile.TemporaryDirectory(prefix="pdf-parity-") as tmp:
        work = Path(tmp)
        pairs = []
        for d in docs:
            local = work / d.name
            shutil.copyfile(d, local)
            pairs.append((d.name, local))
            for k in range(mutants):
                m = work / f"{d.stem}.mut{k}.docx"
                # spread the mutated figures over the document: the (3k+1)-th percentage
                if mutate(d, m, 3 * k + 1):
                    pairs.append((m.name, m))
        to_pdf([p for _, p in pairs], work / "pdf")
        totals = {"figures": 0, "same": 0, "extra": 0, "paras": 0, "same_text": 0}
        print(f"{'document':58} {'AR/NF found':>12} {'extra err':>9} {'findings docx/pdf':>17} {'text':>9}")
        for name, docx in pairs:
            r = compare(docx, work / "pdf" / (docx.stem + ".pdf"))
            if "error" in r:
                print(f"{name:58} PDF unreadable: {r['error']}")
                continue
            for k in totals:
                totals[k] += len(r[k]) if k == "extra" else r[k]
            print(f"{name[:58]:58} {r['same']:>5}/{r['figures']:<6} {len(r['extra']):>9} {r['word']:>8}/{r['pdf']:<8} "
                  f"{r['same_text']:>4}/{r['paras']:<4}")
            for i in r["missing"]:
                print(f"    missing {i.rule} {i.severity.value}: {i.message[:110]}")
            for i in r["extra"]:
                print(f"    extra   {i.rule} {i.severity.value}: {i.message[:110]} (page {i.location.page})")
        share = totals["same"] / totals["figures"] if totals["figures"] else 1.0
        text = totals["same_text"] / totals["paras"] if totals["paras"] else 1.0
        print(f"\nAR/NF findings of the .docx found in the PDF: {totals['same']}/{totals['figures']} ({share:.1%}); "
              f"extra errors in the PDF: {totals['extra']}; .docx paragraphs found word for word: "
              f"{totals['same_text']}/{totals['paras']} ({text:.1%})")


def speed(runs: int) -> None:
    """A 50-page report (the benchmark's synthetic report, exported by LibreOffice), read in fresh processes."""
    sys.path.insert(0, str(HERE))
    import synth

    with tempfile.TemporaryDirectory() as tmp:
        files = synth.ensure(2.2, HERE / "out", formats=("docx",))
        to_pdf([files["docx"]], Path(tmp))
        pdf = Path(tmp) / (files["docx"].stem + ".pdf")
        pages = subprocess.run([sys.executable, "-c", f"import pypdfium2; print(len(pypdfium2.PdfDocument({str(pdf)!r})))"],
                               capture_output=True, text=True, check=True).stdout.strip()
        code = ("import time; t = time.perf_counter(); from checker.readers import read_path; "
                f"d = read_path({str(pdf)!r}); print(time.perf_counter() - t, len(d.blocks))")
        times = []
        for _ in range(runs):
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
            times.append(float(out[0]))
        print(f"reading a {pages}-page PDF ({pdf.stat().st_size // 1024} KB) in a fresh process, {runs} runs: "
              f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s "
              f"(target ≤ 2 s)")


def libraries(runs: int) -> None:
    """pypdfium2 (what the reader uses) against pdfplumber/pdfminer.six on the same 50-page PDF: time to
    get the words with their positions, and whether both give the report's words."""
    try:
        import pdfplumber
    except ImportError:
        print("pdfplumber is not installed (pip install pdfplumber into a scratch environment to compare)")
        return
    sys.path.insert(0, str(HERE))
    import synth

    from checker.readers import pdf as reader
    from checker.readers import read_path
    from checker.readers.pdflayout import lines_of, words_of

    with tempfile.TemporaryDirectory() as tmp:
        files = synth.ensure(2.2, HERE / "out", formats=("docx",))
        to_pdf([files["docx"]], Path(tmp))
        pdf = Path(tmp) / (files["docx"].stem + ".pdf")
        word_text = " ".join(b.text for b in read_path(files["docx"]).blocks).split()
        t_plumber, t_pdfium = [], []
        for _ in range(runs):
            t = time.perf_counter()
            with pdfplumber.open(pdf) as doc:
                plumber_words = [w["text"] for page in doc.pages for w in page.extract_words(extra_attrs=["size"])]
            t_plumber.append(time.perf_counter() - t)
            t = time.perf_counter()
            pages, _ = reader._extract(pdf.read_bytes(), str(pdf))
            pdfium_words = [w.text for pc in pages for ln in lines_of(words_of(pc.chars, pc.fonts)) for w in ln.words]
            t_pdfium.append(time.perf_counter() - t)
        target = set(word_text)
        for name, words, times in (("pdfplumber (pdfminer.six)", plumber_words, t_plumber),
                                   ("pypdfium2 + pdflayout words", pdfium_words, t_pdfium)):
            known = sum(1 for w in words if w in target) / max(len(words), 1)
            print(f"{name:30} {min(times):6.2f} s   {len(words)} words, {known:.1%} of them words of the .docx")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--mutants", type=int, default=0, help="copies of each document with one figure changed")
    ap.add_argument("--speed", action="store_true", help="time reading a 50-page PDF")
    ap.add_argument("--libraries", action="store_true", help="pypdfium2 vs pdfplumber")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if args.speed:
        speed(args.runs)
    if args.libraries:
        libraries(args.runs)
    if args.paths or not (args.speed or args.libraries):
        parity(args.paths or DEFAULT, args.mutants)
    return 0


if __name__ == "__main__":
    sys.exit(main())
