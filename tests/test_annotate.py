"""The annotated Word copy: every comment anchored on the exact offending text, original untouched."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from checker.api import lint_document
from checker.document import Block, BlockKind, Document
from checker.report.docx_comments import paragraph_text, write_annotated
from test_api_kit import use_needles  # noqa: F401  (fixture)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _add_footnote(document, paragraph, text: str) -> None:
    """A real Word footnote (python-docx has no API for them): footnotes part + reference run."""
    xml = (f'<w:footnotes xmlns:w="{W}">'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
           '</w:p></w:footnote>'
           f'<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/>'
           f'</w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    run = parse_xml(f'<w:r xmlns:w="{W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    '<w:footnoteReference w:id="1"/></w:r>')
    paragraph._p.append(run)


def make_report(path: Path) -> None:
    d = docx.Document()
    d.add_heading("BÁO CÁO KẾT QUẢ CÔNG TÁC THÁNG 10", level=1)
    p = d.add_paragraph("Tỷ lệ đạt ")
    p.add_run("85,5% là sai").bold = True  # the needle "sai" sits at the end of a bold run
    p.add_run(" so với kế hoạch, lệch nhiều.")
    p2 = d.add_paragraph("Thu ngân sách cũ ước đạt 12.500 triệu đồng")
    _add_footnote(d, p2, "Số liệu sai theo báo cáo của Chi cục Thuế.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Chỉ tiêu"
    table.cell(0, 1).text = "Kết quả"
    table.cell(1, 0).text = "Hộ nghèo"
    table.cell(1, 1).text = "Giảm 12 hộ, sai số nhỏ"
    d.add_paragraph("Tỷ lệ đạt 85,5% là sai")  # same text as in paragraph 2's start: no confusion
    d.sections[0].header.paragraphs[0].text = "Bản nháp cũ"
    d.save(path)


def read_like_reader(path: Path, notes: bool = True) -> Document:
    """A stand-in for the .docx reader (body paragraphs and table cells in order, footnotes, header),
    so that these tests do not depend on it; the CLI tests below use the real one."""
    d = docx.Document(str(path))
    blocks: list[Block] = []
    body = d.element.body
    tables = 0
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            blocks.append(Block(0, BlockKind.PARAGRAPH, paragraph_text(child)))
        elif child.tag == qn("w:tbl"):
            tables += 1
            for r, tr in enumerate(child.iterchildren(qn("w:tr")), 1):
                for c, tc in enumerate(tr.iterchildren(qn("w:tc")), 1):
                    text = "\n".join(paragraph_text(p) for p in tc.iter(qn("w:p")))
                    blocks.append(Block(0, BlockKind.TABLE_CELL, text, table=tables, row=r, column=c))
    if notes:
        blocks.append(Block(0, BlockKind.FOOTNOTE, "Số liệu sai theo báo cáo của Chi cục Thuế.", note=1))
        blocks.append(Block(0, BlockKind.HEADER, "Bản nháp cũ"))
    for i, b in enumerate(blocks, 1):
        b.index = i
    return Document(path=str(path), format="docx", blocks=blocks)


def comments_with_anchors(path: Path) -> list[tuple[str, str, str]]:
    """(author, comment text, anchored text) for every comment of a .docx, from its XML."""
    d = docx.Document(str(path))
    texts = {c.comment_id: (c.author, c.text) for c in d.comments}
    body = d.element.body
    out = []
    for start in body.iter(qn("w:commentRangeStart")):
        cid = start.get(qn("w:id"))
        anchored, inside = [], False
        for el in body.iter():
            if el is start:
                inside = True
            elif el.tag == qn("w:commentRangeEnd") and el.get(qn("w:id")) == cid:
                break
            elif inside and el.tag == qn("w:t"):
                anchored.append(el.text or "")
            elif inside and el.tag == qn("w:p") and anchored:
                anchored.append("\n")
        author, text = texts[int(cid)]
        out.append((author, text, "".join(anchored)))
    return out


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "bao-cao.docx"
    make_report(path)
    return path


def test_every_comment_is_anchored_on_the_exact_text(use_needles, report, tmp_path):
    doc = read_like_reader(report)
    result = lint_document(doc)
    data, placed = write_annotated(report.read_bytes(), doc, result.issues, "vi")
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    found = comments_with_anchors(out)
    assert len(found) == len(result.issues) == len(placed)
    modes = [p.mode for p in placed]
    by_text = {}
    for author, text, anchored in found:
        assert author == "checker"
        by_text.setdefault(text.splitlines()[0][:5], []).append((text, anchored))
    exact = [(p.issue.rule, p.issue.excerpt) for p in placed if p.mode == "exact"]
    assert ("AR901", "sai") in exact and ("NF902", "lệch") in exact and ("DT903", "cũ") in exact
    for author, text, anchored in found:
        rule = text.split(" ", 1)[0]
        if "Trong chú thích" in text or "Ở đầu trang" in text:
            continue
        assert anchored == {"AR901": "sai", "NF902": "lệch", "DT903": "cũ"}[rule], (text, anchored)
        # the expected value travels with it: computed for an arithmetic rule, the form to use for others
        assert ("Tính ra: " if rule.startswith("AR") else "Nên ghi: ") + anchored.upper() in text
    assert modes.count("note-reference") == 1 and modes.count("paragraph") == 1  # footnote, header


def test_footnote_and_header_findings_say_where_they_are(use_needles, report, tmp_path):
    doc = read_like_reader(report)
    data, placed = write_annotated(report.read_bytes(), doc, lint_document(doc).issues, "vi")
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    notes = [p for p in placed if p.mode == "note-reference"]
    assert notes[0].issue.rule == "AR901" and "Trong chú thích 1: «sai»" in notes[0].text
    # The footnote's comment sits on the reference mark in the body paragraph.
    d = docx.Document(str(out))
    ref = next(d.element.body.iter(qn("w:footnoteReference")))
    run = ref.getparent()
    assert run.getprevious().tag == qn("w:commentRangeStart")
    header = [p for p in placed if p.issue.location.kind == "header"]
    assert header and "Ở đầu trang (header): «cũ»" in header[0].text


def test_table_cell_comment_is_in_that_cell(use_needles, report, tmp_path):
    doc = read_like_reader(report)
    data, placed = write_annotated(report.read_bytes(), doc, lint_document(doc, select=["AR901"]).issues)
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    d = docx.Document(str(out))
    cell = d.tables[0].cell(1, 1)._tc
    starts = list(cell.iter(qn("w:commentRangeStart")))
    assert len(starts) == 1
    assert d.tables[0].cell(1, 1).text == "Giảm 12 hộ, sai số nhỏ"  # text unchanged by the split


def test_text_and_formatting_unchanged(use_needles, report, tmp_path):
    doc = read_like_reader(report)
    data, _ = write_annotated(report.read_bytes(), doc, lint_document(doc).issues)
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    before, after = docx.Document(str(report)), docx.Document(str(out))
    assert [p.text for p in before.paragraphs] == [p.text for p in after.paragraphs]
    bold = "".join(r.text for r in after.paragraphs[1].runs if r.bold)
    assert bold == "85,5% là sai"


def test_english_comments(use_needles, report, tmp_path):
    doc = read_like_reader(report)
    _, placed = write_annotated(report.read_bytes(), doc, lint_document(doc, lang="en").issues, "en")
    assert any("Computed: SAI" in p.text for p in placed)
    assert any("In footnote 1" in p.text for p in placed)


def test_nfd_paragraph_offsets_map_back(use_needles, tmp_path):
    import unicodedata

    path = tmp_path / "nfd.docx"
    d = docx.Document()
    d.add_paragraph(unicodedata.normalize("NFD", "Kết quả thực hiện còn sai sót"))
    d.save(path)
    doc = read_like_reader(path, notes=False)
    for b in doc.blocks:
        b.text = unicodedata.normalize("NFC", b.text)
    data, placed = write_annotated(path.read_bytes(), doc, lint_document(doc, select=["AR901"]).issues)
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    assert [a for _, _, a in comments_with_anchors(out)] == ["sai"]


# --- the command (uses the real .docx reader) ---------------------------------------------------

def _needs_docx_reader():
    pytest.importorskip("checker.readers.docx")


def test_cli_writes_copy_and_never_touches_original(use_needles, report, tmp_path):
    _needs_docx_reader()
    from checker.cli import main

    digest = hashlib.sha256(report.read_bytes()).hexdigest()
    out = tmp_path / "bao-cao.checked.docx"
    res = CliRunner().invoke(main, ["annotate", str(report), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert hashlib.sha256(report.read_bytes()).hexdigest() == digest
    found = comments_with_anchors(out)
    assert found and all(a == "checker" for a, _, _ in found)
    assert {anchored for _, text, anchored in found if text.startswith("NF902")} == {"lệch"}
    # no temporary file left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.checked.docx", "bao-cao.docx"]


def test_cli_refuses_to_overwrite_without_force(use_needles, report, tmp_path):
    _needs_docx_reader()
    from checker.cli import main

    out = tmp_path / "out.docx"
    out.write_bytes(b"keep me")
    res = CliRunner().invoke(main, ["annotate", str(report), "-o", str(out)])
    assert res.exit_code == 2
    assert "--force" in res.output
    assert out.read_bytes() == b"keep me"
    res = CliRunner().invoke(main, ["annotate", str(report), "-o", str(out), "--force"])
    assert res.exit_code == 0, res.output
    assert comments_with_anchors(out)


def test_cli_refuses_same_file_and_non_docx(report, tmp_path):
    from checker.cli import main

    digest = hashlib.sha256(report.read_bytes()).hexdigest()
    res = CliRunner().invoke(main, ["annotate", str(report), "-o", str(report), "--force"])
    assert res.exit_code == 2 and hashlib.sha256(report.read_bytes()).hexdigest() == digest
    txt = tmp_path / "a.txt"
    txt.write_text("x", encoding="utf-8")
    res = CliRunner().invoke(main, ["annotate", str(txt), "-o", str(tmp_path / "a.docx")])
    assert res.exit_code == 2 and ".docx" in res.output


def test_cli_unreadable_input(tmp_path):
    _needs_docx_reader()
    from checker.cli import main

    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    res = CliRunner().invoke(main, ["annotate", str(bad), "-o", str(tmp_path / "out.docx")])
    assert res.exit_code == 2
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_annotated_copy(use_needles, report, tmp_path):
    doc = read_like_reader(report)
    data, _ = write_annotated(report.read_bytes(), doc, lint_document(doc).issues)
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    pdf_filter = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    proc = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                           "--convert-to", pdf_filter, "--outdir", str(tmp_path), str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    pdf = (tmp_path / "out.pdf").read_bytes()
    assert len(pdf) > 1000 and b"/Annot" in pdf  # the comments became PDF annotations
    assert "Error" not in proc.stderr


if __name__ == "__main__":  # pragma: no cover - make a sample by hand
    make_report(Path(sys.argv[1]))
