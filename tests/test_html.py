"""The HTML report (`checker lint --format html`): valid HTML5, every finding marked on its own text,
document text inert, tables as tables, footnotes linked, unreadable files listed, both languages."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import html5lib
import pytest
from click.testing import CliRunner

from checker.api import Result, lint_file
from checker.cli import main
from checker.readers import read_path
from checker.report.html import render

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".docx", ".txt", ".md")
                 and p.stem != "README")
NS = "{http://www.w3.org/1999/xhtml}"


def parse(html: str):
    """The page as a tree; html5lib's strict mode raises on any HTML5 parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(html)


def by_id(tree) -> dict:
    return {el.get("id"): el for el in tree.iter() if el.get("id")}


def text_of(el) -> str:
    return "".join(el.itertext())


def lint_paths(*paths, lang="vi") -> Result:
    return Result([lint_file(p, lang=lang) for p in paths])


@pytest.fixture(scope="module")
def samples_page():
    result = lint_paths(*SAMPLES)
    html = render(result, "vi")
    return result, html, parse(html)


def test_samples_page_is_valid_html5_and_self_contained(samples_page):
    result, html, tree = samples_page
    assert html.startswith("<!DOCTYPE html>")
    # nothing is loaded from anywhere: no src/href to another place, no @import, no url()
    assert not re.search(r'\s(?:src|href)="(?!#)', html)
    assert "@import" not in html and "url(" not in html
    heads = tree.find(f"{NS}head")
    csp = [m.get("content") for m in heads.iter(f"{NS}meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0] and "unsafe-inline" not in csp[0]
    ids = [el.get("id") for el in tree.iter() if el.get("id")]
    assert len(ids) == len(set(ids))  # every anchor names one place
    targets = {a.get("href")[1:] for a in tree.iter(f"{NS}a") if (a.get("href") or "").startswith("#")}
    assert targets <= set(ids)  # and every link inside the page leads somewhere


def test_the_policy_allows_exactly_the_page_s_own_style_and_script(samples_page):
    _, html, tree = samples_page
    policy = next(m.get("content") for m in tree.iter(f"{NS}meta") if m.get("http-equiv") == "Content-Security-Policy")
    scripts = list(tree.iter(f"{NS}script"))
    styles = list(tree.iter(f"{NS}style"))
    assert len(scripts) == 1 and len(styles) == 1
    for el, directive in ((scripts[0], "script-src"), (styles[0], "style-src")):
        digest = base64.b64encode(hashlib.sha256((el.text or "").encode("utf-8")).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in policy


def test_every_finding_is_highlighted_on_its_own_text(samples_page):
    result, _, tree = samples_page
    ids = by_id(tree)
    marks = [m for m in tree.iter(f"{NS}mark")]
    total = 0
    for k, fr in enumerate(result.files, 1):
        for n, issue in enumerate(fr.issues, 1):
            anchor = f"f{k}-i{n}"
            note = ids[anchor]
            assert note.get("data-rule") == issue.rule and note.get("data-sev") == issue.severity.value
            assert issue.message in text_of(note)
            covered = "".join(text_of(m) for m in marks if anchor in (m.get("data-i") or "").split())
            assert covered == issue.excerpt, (fr.path, issue.rule)
            # its number follows the span and links to the note; its rule id links to the explanation
            tags = [a for a in tree.iter(f"{NS}a") if a.get("class", "").startswith("tag") and a.get("href") == "#" + anchor]
            assert len(tags) == 1
            assert f"rule-{issue.rule}" in ids
            total += 1
    assert total == len(result.issues) >= 10


def test_the_marks_sit_inside_the_block_the_finding_names(samples_page):
    result, _, tree = samples_page
    ids = by_id(tree)
    for k, fr in enumerate(result.files, 1):
        for n, issue in enumerate(fr.issues, 1):
            block = ids[f"f{k}-b{issue.location.block}"]
            inside = [m for m in block.iter(f"{NS}mark") if f"f{k}-i{n}" in (m.get("data-i") or "").split()]
            assert "".join(text_of(m) for m in inside) == issue.excerpt


def test_tables_are_tables_and_footnotes_are_linked(samples_page):
    result, _, tree = samples_page
    k = next(i for i, fr in enumerate(result.files, 1) if fr.path.endswith("huyen-uy-tan-hoa.docx"))
    section = by_id(tree)[f"f{k}"]
    tables = [t for t in section.iter(f"{NS}table")]
    assert len(tables) == 3
    header = [text_of(th) for th in tables[1].iter(f"{NS}th")]
    assert header[:2] == ["TT", "Xã, thị trấn"]
    # AR101's total cell is a table cell, highlighted there
    ar101 = next(n for n, i in enumerate(result.files[k - 1].issues, 1) if i.rule == "AR101")
    cell = next(td for td in tables[1].iter(f"{NS}td")
                if any(f"f{k}-i{ar101}" in (m.get("data-i") or "") for m in td.iter(f"{NS}mark")))
    assert text_of(cell) == "8.780" and cell.get("id", "").startswith(f"f{k}-b")
    refs = [a.get("href") for sup in section.iter(f"{NS}sup") for a in sup.iter(f"{NS}a")]
    assert refs == [f"#f{k}-fn1", f"#f{k}-fn2"]
    ids = by_id(tree)
    assert "đảng viên" in text_of(ids[f"f{k}-fn1"])


def test_the_text_reads_in_order_with_headings(samples_page):
    result, _, tree = samples_page
    k = next(i for i, fr in enumerate(result.files, 1) if fr.path.endswith("dang-uy-xa.txt"))
    section = by_id(tree)[f"f{k}"]
    headings = [text_of(h) for level in "3456" for h in section.iter(f"{NS}h{level}")]
    assert "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 5/2024" in headings
    doc = read_path(result.files[k - 1].path)
    order = [el.get("id") for el in section.iter() if (el.get("id") or "").startswith(f"f{k}-b")]
    ids = by_id(tree)
    for block in doc.blocks:  # every block shown, verbatim, in reading order
        assert text_of(ids[f"f{k}-b{block.index}"]) == block.text
    assert order == [f"f{k}-b{b.index}" for b in doc.blocks]


HOSTILE = (
    "BÁO CÁO\n"
    "Kết nạp 112/158 đảng viên <script>alert('x')</script>, đạt 70,87% kế hoạch.\n"
    "<img src=x onerror=\"alert(1)\"> và \"><b>đậm</b> {{ 7 * 7 }} {% raw %} &amp;\n"
    "</p></div></main><script src=\"https://example.org/x.js\"></script>\n"
)


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_document_text_with_markup_stays_inert(tmp_path, suffix):
    path = tmp_path / f"<b onclick=\"x()\">bad{suffix}"
    if suffix == ".txt":
        path.write_text(HOSTILE, encoding="utf-8")
    else:
        import docx

        d = docx.Document()
        for line in HOSTILE.splitlines():
            d.add_paragraph(line)
        d.save(str(path))
    result = lint_paths(path)
    html = render(result, "vi")
    tree = parse(html)
    scripts = list(tree.iter(f"{NS}script"))
    assert len(scripts) == 1 and scripts[0].get("src") is None  # only the report's own
    assert not any(el.get("onerror") is not None or el.get("onclick") is not None for el in tree.iter())
    assert not [el for el in tree.iter(f"{NS}img")]
    assert not [el for el in tree.iter(f"{NS}b") if text_of(el) == "đậm"]
    page_text = text_of(tree.find(f"{NS}body"))
    assert "<script>alert('x')</script>" in page_text and "{{ 7 * 7 }}" in page_text and "&amp;" in page_text
    assert "<b onclick=\"x()\">bad" in page_text  # the file name too
    # the finding on that line is still marked on its text
    ar001 = [m for m in tree.iter(f"{NS}mark") if m.get("data-i")]
    assert any("112/158" in text_of(m) for m in ar001)


def test_a_batch_lists_its_unreadable_files_with_their_reasons(tmp_path):
    good = tmp_path / "tot.txt"
    good.write_text("Kết nạp 112/158 đảng viên, đạt 70,87% kế hoạch.\n", encoding="utf-8")
    legacy = tmp_path / "cu.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    empty = tmp_path / "rong.txt"
    empty.write_text("", encoding="utf-8")
    code = CliRunner().invoke(main, ["lint", "--format", "html", "-o", str(tmp_path / "out.html"),
                                     str(good), str(legacy), str(empty), str(tmp_path / "khong-co.docx")])
    assert code.exit_code == 2
    tree = parse((tmp_path / "out.html").read_text(encoding="utf-8"))
    listed = next(ul for ul in tree.iter(f"{NS}ul") if ul.get("class") == "unreadable")
    items = [text_of(li) for li in listed.iter(f"{NS}li")]
    assert len(items) == 3
    assert any("cu.doc" in i and "Word 97-2003" in i for i in items)
    assert any("rong.txt" in i and "tệp rỗng" in i for i in items)
    assert any("khong-co.docx" in i and "không tìm thấy" in i for i in items)
    # the readable file is still shown with its finding
    assert any("112/158" in text_of(m) for m in tree.iter(f"{NS}mark"))


def test_english_with_lang_en(tmp_path):
    out = tmp_path / "r.html"
    runner = CliRunner().invoke(main, ["lint", "--format", "html", "--lang", "en", "-o", str(out),
                                       str(ROOT / "samples" / "bao-cao-thang-5-2024-dang-uy-xa.txt")])
    assert runner.exit_code == 1
    html = out.read_text(encoding="utf-8")
    tree = parse(html)
    assert tree.get("lang") == "en"
    assert "Report check results" in html and "The rules explained" in html and "Why" in html
    text = text_of(tree)
    assert "Kết quả kiểm tra" not in text and "error (" in text and "lỗi (" not in text
    assert "the text says" in text  # the rules' messages in English


def test_rule_explanations_are_those_of_checker_explain(samples_page):
    from checker.i18n import source_text
    from checker.ruledocs import find_rule, reflow

    _, _, tree = samples_page
    article = by_id(tree)["rule-AR001"]
    spec = find_rule("AR001").spec
    text = text_of(article)
    assert spec.summary["vi"] in text and reflow(spec.explain["vi"])[0] in text
    assert "Kiểm tra gì" in text and "Vì sao" in text
    if spec.source:
        assert source_text(spec.source, "vi") in text


def test_related_places_are_marked_and_linked(tmp_path):
    from checker.issues import FileResult, Issue, Location, Related, Severity

    path = tmp_path / "r.txt"
    path.write_text("Tổ chức 24 cuộc giám sát.\nGồm 03 cuộc cấp huyện, 20 cuộc cấp xã.\n", encoding="utf-8")
    doc = read_path(path)
    issue = Issue(rule="AR003", name="parts-total-mismatch", category="arithmetic", severity=Severity.ERROR,
                  message="3 + 20 = 23, tổng ghi 24", excerpt="03 cuộc cấp huyện, 20 cuộc cấp xã",
                  location=Location(block=2, kind="paragraph", line=2, column=5, end_column=38),
                  related=[Related(location=Location(block=1, kind="paragraph", line=1, column=9, end_column=16),
                                   excerpt="24 cuộc")])
    html = render(Result([FileResult(path=str(path), issues=[issue])]), "vi", documents={str(path): doc})
    tree = parse(html)
    rel = [m for m in tree.iter(f"{NS}mark") if m.get("data-r") == "f1-i1"]
    assert [text_of(m) for m in rel] == ["24 cuộc"] and "rel" in rel[0].get("class")
    note = by_id(tree)["f1-i1"]
    link = [a.get("href") for a in note.iter(f"{NS}a")]
    assert "#f1-b1" in link and "«24 cuộc»" in text_of(note)


def test_a_finding_whose_text_moved_is_listed_apart(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Kết nạp 112/158 đảng viên, đạt 70,87% kế hoạch.\n", encoding="utf-8")
    result = lint_paths(path)
    path.write_text("Một dòng mới ở đầu.\nKết nạp đảng viên theo kế hoạch.\n", encoding="utf-8")
    tree = parse(render(result, "vi"))
    unplaced = next(div for div in tree.iter(f"{NS}div") if "unplaced" in (div.get("class") or ""))
    assert "AR001" in text_of(unplaced)
    assert not [m for m in tree.iter(f"{NS}mark") if m.get("data-i")]


def test_a_file_gone_before_rendering_still_lists_its_findings(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Kết nạp 112/158 đảng viên, đạt 70,87% kế hoạch.\n", encoding="utf-8")
    result = lint_paths(path)
    path.unlink()
    html = render(result, "en")
    parse(html)
    assert "could not be read again" in html and "AR001" in html


def test_markdown_pipe_tables_become_tables(tmp_path):
    path = tmp_path / "bang.md"
    path.write_text("# Báo cáo\n\n| TT | Đơn vị | Số hộ |\n|---|---|---|\n| 1 | Xã A | 120 |\n| 2 | Xã B | 80 |\n"
                    "| | Tổng cộng | 210 |\n\nHết.\n", encoding="utf-8")
    result = lint_paths(path)
    assert [i.rule for i in result.issues] == ["AR101"]
    tree = parse(render(result, "vi"))
    (table,) = list(by_id(tree)["f1"].iter(f"{NS}table"))
    cells = [text_of(td) for td in table.iter(f"{NS}td")]
    assert cells[-3:] == ["", "Tổng cộng", "210"] and [text_of(th) for th in table.iter(f"{NS}th")] == ["TT", "Đơn vị", "Số hộ"]
    assert any(text_of(m) == "210" for m in table.iter(f"{NS}mark"))
    assert "|---|" not in text_of(table)


def test_a_warm_json_run_never_imports_jinja(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Kết nạp 112/158 đảng viên, đạt 70,87% chỉ tiêu.\n", encoding="utf-8")
    code = ("import sys\nfrom checker.cli import main\n"
            "try:\n    main(['lint', '--format', 'json', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
            "print('JINJA:' + str('jinja2' in sys.modules), file=sys.stderr)")
    p = subprocess.run([sys.executable, "-c", code, str(report)], capture_output=True, text=True, timeout=60)
    assert p.stderr.strip().splitlines()[-1] == "JINJA:False"


def test_an_html_run_imports_neither_rich_nor_yaml(tmp_path):
    """The page is rendered by Jinja2 alone: no rich (the console's library), no PyYAML, no pydantic."""
    report = tmp_path / "r.txt"
    report.write_text("Kết nạp 112/158 đảng viên, đạt 70,87% chỉ tiêu.\n", encoding="utf-8")
    code = ("import sys\nfrom checker.cli import main\n"
            "try:\n    main(['lint', '--format', 'html', '-o', sys.argv[2], sys.argv[1]])\nexcept SystemExit:\n    pass\n"
            "print('HEAVY:' + ','.join(m for m in ('rich', 'yaml', 'pydantic') if m in sys.modules), file=sys.stderr)")
    env = {**os.environ, "CHECKER_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", code, str(report), str(tmp_path / "r.html")], capture_output=True,
                           text=True, timeout=60, env=env) for _ in range(2)]  # the first fills the caches
    assert runs[1].stderr.strip().splitlines()[-1] == "HEAVY:"
    assert "112/158" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_a_finding_outside_the_text_or_of_an_unknown_rule_leaves_no_broken_link(tmp_path):
    from checker.issues import FileResult, Issue, Location, Severity

    path = tmp_path / "r.txt"
    path.write_text("Một dòng.\n", encoding="utf-8")
    issue = Issue(rule="ZZ901", name="custom", category="text", severity=Severity.WARNING, message="ngoài văn bản",
                  location=Location(block=999, kind="paragraph", line=999, column=1, end_column=2), excerpt="x")
    tree = parse(render(Result([FileResult(path=str(path), issues=[issue])]), "vi"))
    ids = set(by_id(tree))
    assert {a.get("href")[1:] for a in tree.iter(f"{NS}a") if (a.get("href") or "").startswith("#")} <= ids
    unplaced = next(div for div in tree.iter(f"{NS}div") if "unplaced" in (div.get("class") or ""))
    assert "ZZ901" in text_of(unplaced) and "ngoài văn bản" in text_of(unplaced)


def test_word_headers_and_merged_cells(tmp_path):
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "ỦY BAN NHÂN DÂN XÃ AN BÌNH"
    d.add_paragraph("I. KẾT QUẢ")
    table = d.add_table(rows=3, cols=3)
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Kết quả năm 2024"
    table.cell(0, 0).text = "Chỉ tiêu"
    table.cell(1, 1).text = "Kế hoạch"
    table.cell(1, 2).text = "Thực hiện"
    for c, text in enumerate(["Số hộ", "120", "96"]):
        table.cell(2, c).text = text
    d.add_paragraph("Hết.")
    path = tmp_path / "gop.docx"
    d.save(str(path))
    tree = parse(render(lint_paths(path), "vi"))
    section = by_id(tree)["f1"]
    hf = [p for p in section.iter(f"{NS}p") if p.get("class") == "hf"]
    assert hf and "ỦY BAN NHÂN DÂN XÃ AN BÌNH" in text_of(hf[0]) and "đầu trang" in text_of(hf[0])
    (tbl,) = list(section.iter(f"{NS}table"))
    spanning = [c for c in tbl.iter() if c.get("colspan") == "2"]
    assert [text_of(c) for c in spanning] == ["Kết quả năm 2024"]
    assert [text_of(c) for c in tbl.iter(f"{NS}td")][-3:] == ["Số hộ", "120", "96"]
    headings = [text_of(h) for h in section.iter(f"{NS}h3")]
    assert headings == ["I. KẾT QUẢ"]


def test_the_command_line_shows_the_documents_it_checked_without_reading_them_again(tmp_path, monkeypatch):
    import checker.report.html as html_report

    def no_second_read(fr, lang):
        raise AssertionError(f"{fr.path} read again")

    monkeypatch.setattr(html_report, "_reread", no_second_read)
    out = tmp_path / "r.html"
    r = CliRunner().invoke(main, ["lint", "--format", "html", "-o", str(out), str(ROOT / "samples")])
    assert r.exit_code == 1, r.output
    tree = parse(out.read_text(encoding="utf-8"))
    assert len([s for s in tree.iter(f"{NS}section") if (s.get("id") or "").startswith("f")]) == len(SAMPLES)
