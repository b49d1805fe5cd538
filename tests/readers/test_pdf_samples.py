"""Parity of Word and PDF: the same checks on a report in .docx and on its PDF export (LibreOffice) find
the same figure findings — at least 95% of the .docx's AR/NF findings, and no `error` the .docx does not
have. The PDFs in tests/data/pdf were made by tests/data/pdf/make_pdfs.py from samples/ and from a
report of our own laid out as Word lays reports out (page numbers, a running footer, a table over two
pages with a repeated two-row header, footnotes); where LibreOffice is installed the samples are also
converted afresh."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from checker.api import lint_file
from checker.document import BlockKind
from checker.readers import read_path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "pdf"
PAIRS = [(ROOT / "samples" / "bao-cao-quy-iii-2024-huyen-uy-tan-hoa.docx", DATA / "bao-cao-quy-iii-2024-huyen-uy-tan-hoa.pdf"),
         (ROOT / "samples" / "bao-cao-ubnd-xa-phu-an-thang-10-2024.docx", DATA / "bao-cao-ubnd-xa-phu-an-thang-10-2024.pdf"),
         (DATA / "bo-cuc-word.docx", DATA / "bo-cuc-word.pdf")]


def key(issue) -> tuple[str, str]:
    return issue.rule, re.sub(r"\s+", " ", issue.message).strip()


def parity(docx: Path, pdf: Path) -> tuple[int, int, list]:
    """(AR/NF findings of the .docx found in the PDF, AR/NF findings of the .docx, extra PDF errors)."""
    word, paper = lint_file(docx), lint_file(pdf)
    assert word.error is None and paper.error is None
    found = {key(i) for i in paper.issues}
    figures = [i for i in word.issues if i.rule[:2] in ("AR", "NF")]
    same = sum(1 for i in figures if key(i) in found)
    known = {key(i) for i in word.issues}
    extra = [i for i in paper.issues if i.severity.value == "error" and key(i) not in known]
    return same, len(figures), extra


@pytest.mark.parametrize("docx,pdf", PAIRS, ids=[p.stem for _, p in PAIRS])
def test_figure_findings_are_the_same_in_word_and_pdf(docx, pdf):
    same, total, extra = parity(docx, pdf)
    assert total > 0 and same >= 0.95 * total
    assert extra == []


def test_pdf_findings_carry_pages():
    result = lint_file(DATA / "bao-cao-quy-iii-2024-huyen-uy-tan-hoa.pdf")
    pages = {i.rule: i.location.page for i in result.issues}
    assert pages["AR001"] == 2 and pages["AR101"] == 2
    assert all(i.location.page in (1, 2, 3) for i in result.issues)


def test_word_layouts_survive_the_pdf():
    doc = read_path(DATA / "bo-cuc-word.pdf")
    word = read_path(DATA / "bo-cuc-word.docx")
    # the header, the data table and the closing table are tables 1-3 in both
    assert {b.table for b in doc.blocks if b.table} == {1, 2, 3}
    cells = [b for b in doc.blocks if b.table == 2]
    assert {b.page for b in cells} == {1, 2}  # one table over two pages, its repeated header dropped
    assert [b.text for b in cells if b.column == 4] == [b.text for b in word.blocks if b.table == 2 and b.column == 4]
    assert doc.meta["table_spans"][2] == word.meta["table_spans"][2]  # merged header cells
    # page numbers and the running footer are left out; footnotes are linked to their marks
    assert not any(b.text.strip().isdigit() for b in doc.blocks if b.kind is BlockKind.PARAGRAPH)
    assert not any("Báo cáo tình hình giảm nghèo" in b.text for b in doc.blocks)
    notes = [b for b in doc.blocks if b.kind is BlockKind.FOOTNOTE]
    assert [n.text for n in notes] == [n.text for n in word.blocks if n.kind is BlockKind.FOOTNOTE]
    assert sorted(r.number for b in doc.blocks for r in b.note_refs) == [1, 2]
    result = lint_file(DATA / "bo-cuc-word.pdf", select=["ST", "AR101"])
    assert [i.rule for i in result.issues] == ["AR101"]  # the wrong total, and no structure finding


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: the committed PDFs are used")
def test_fresh_libreoffice_exports_keep_parity(tmp_path):
    docs = [d for d, _ in PAIRS]
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, docs)],
                   check=True, capture_output=True, timeout=300)
    for docx in docs:
        same, total, extra = parity(docx, tmp_path / (docx.stem + ".pdf"))
        assert same >= 0.95 * total and extra == []
