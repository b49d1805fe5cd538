"""Defect 16.3: Word findings are located as a clerk finds them. "đoạn N" is Word's paragraph number
(the body's paragraphs outside tables, empty ones included: what Word shows with ¶ marks and what
python-docx's `Document.paragraphs` lists), not the reader's block index, which also counts the header
table's cells, other tables' cells and the page header. Every output carries it."""

import io
import json

import docx
import pytest
from click.testing import CliRunner

from checker.api import lint_document
from checker.cli import main
from checker.readers import read_path
from checker.report.console import make_console, render
from checker.report.docx_comments import comment_text, write_annotated


def write_report(path):
    """A state report: the header table (4 cells), an empty paragraph, the title, a results table,
    and a ratio that does not hold after the table. Original text."""
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Dự thảo lần 2"
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "ỦY BAN NHÂN DÂN XÃ AN BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    t.cell(1, 0).text, t.cell(1, 1).text = "Số: 41/BC-UBND", "An Bình, ngày 05 tháng 8 năm 2024"
    d.add_paragraph("")
    d.add_paragraph("BÁO CÁO")
    d.add_paragraph("Kết quả thực hiện nhiệm vụ tháng 7 năm 2024")
    d.add_paragraph("I. KẾT QUẢ THỰC HIỆN")
    d.add_paragraph("1. Lĩnh vực xã hội")
    g = d.add_table(rows=4, cols=3)
    for r, row in enumerate([("Chỉ tiêu", "Thôn Đông", "Thôn Tây"), ("Hộ mới", "12", "15"),
                             ("Hộ cũ", "30", "41"), ("Tổng cộng", "42", "65")]):
        for c, value in enumerate(row):
            g.cell(r, c).text = value
    d.add_paragraph("")
    d.add_paragraph("Vận động 1.236/1.416 hộ tham gia bảo hiểm y tế, đạt 87,66% kế hoạch.")
    d.save(path)
    paragraphs = [p.text for p in docx.Document(path).paragraphs]
    return path, paragraphs.index("Vận động 1.236/1.416 hộ tham gia bảo hiểm y tế, đạt 87,66% kế hoạch.") + 1


@pytest.fixture
def report(tmp_path):
    return write_report(tmp_path / "bao-cao.docx")


def lint_json(*args):
    res = CliRunner().invoke(main, ["lint", "--format", "json", *map(str, args)])
    return json.loads(res.stdout)


def test_the_paragraph_number_is_words_not_the_block_index(report):
    path, word_number = report
    doc = read_path(path)
    block = next(b for b in doc.blocks if b.text.startswith("Vận động"))
    assert block.paragraph == word_number == 7
    assert block.index != word_number  # the header, the header table and the table cells come first
    assert all(b.paragraph is None for b in doc.blocks if b.kind.value != "paragraph")
    numbers = [b.paragraph for b in doc.blocks if b.kind.value == "paragraph"]
    assert numbers == list(range(1, len(numbers) + 1))


def test_every_output_names_words_paragraph(report):
    path, n = report
    data = lint_json(path, "--select", "AR001,AR101")
    issues = {i["rule"]: i for i in data["files"][0]["issues"]}
    loc = issues["AR001"]["location"]
    assert loc["paragraph"] == n and loc["block"] > n and loc["kind"] == "paragraph"  # block keeps its meaning
    cell = issues["AR101"]["location"]
    assert (cell["table"], cell["row"], cell["column_index"]) == (2, 4, 3) and "paragraph" not in cell

    res = CliRunner().invoke(main, ["lint", str(path), "--select", "AR001,AR101", "--no-color"],
                             env={"COLUMNS": "120"})
    assert f"đoạn {n}\n" in res.stdout and f"đoạn {loc['block']}" not in res.stdout
    assert "bảng 2, hàng 4, cột 3\n" in res.stdout  # a cell is named by its table, not by a paragraph
    res = CliRunner().invoke(main, ["lint", str(path), "--select", "AR001", "--lang", "en", "--no-color"])
    assert f"paragraph {n}\n" in res.stdout

    res = CliRunner().invoke(main, ["lint", str(path), "--select", "AR001,AR101", "--format", "concise"])
    lines = res.stdout.splitlines()
    assert f"{path}:¶{n}: AR001 1.236/1.416 = 87,29%, văn bản ghi 87,66% — có thể 1.416 là 1.410? " \
           f"(1.236/1.410 = 87,66%)" in lines
    assert any(line.startswith(f"{path}:bảng 2, hàng 4, cột 3: AR101 ") for line in lines)

    res = CliRunner().invoke(main, ["lint", str(path), "--select", "AR001", "--format", "sarif"])
    logical = json.loads(res.stdout)["runs"][0]["results"][0]["locations"][0]["logicalLocations"][0]
    assert logical["name"] == f"đoạn {n}" and logical["fullyQualifiedName"].endswith(f"đoạn {n}")

    res = CliRunner().invoke(main, ["lint", str(path), "--select", "AR001", "--format", "github"])
    assert f"[mục I.1 · đoạn {n}]" in res.stdout


def test_a_comment_that_cannot_sit_on_its_text_says_where_the_text_is(report):
    path, n = report
    doc = read_path(path)
    issues = lint_document(doc, select=["AR001"]).issues
    block = doc.block(issues[0].location.block)
    block.text = block.text.replace("Vận động", "Tuyên truyền")  # the Word file no longer holds this text
    _, placed = write_annotated(path.read_bytes(), doc, issues, "vi")
    assert placed[0].mode == "fallback" and f"(mục I.1 · đoạn {n})" in placed[0].text


def test_the_comment_says_computed_not_right_and_names_the_likely_correction(report):
    """Defect 16.8: "Giá trị đúng: 87,29%" when the fix is the denominator misled the reader."""
    path, _ = report
    issue = lint_document(read_path(path), select=["AR001"]).issues[0]
    vi = comment_text(issue, "vi")
    assert "Giá trị đúng" not in vi
    assert vi.splitlines()[1:] == ["Tính ra: 87,29% · Văn bản ghi: 87,66%", "Có thể sửa: 1.416 → 1.410"]
    en = comment_text(issue, "en")
    assert en.splitlines()[1:] == ["Computed: 87,29% · Stated: 87,66%", "Likely correction: 1.416 → 1.410"]
    from checker.api import Result
    from checker.issues import FileResult

    out = io.StringIO()  # the console says the same
    render(Result([FileResult(path="x.docx", profile="state", issues=[issue])]),
           make_console(out, color="never", width=120), "vi")
    assert "Tính ra: 87,29% · Văn bản ghi: 87,66% · Có thể sửa: 1.416 → 1.410" in out.getvalue()
    assert lint_json(path, "--select", "AR001")["files"][0]["issues"][0]["suggestion"] == {"from": "1.416",
                                                                                            "to": "1.410"}
