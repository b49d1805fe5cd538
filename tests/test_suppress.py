"""Reviewer suppressions: Word comments (`checker: bỏ qua AR001`), text directives, per-file-ignores."""

from __future__ import annotations

import pytest

from checker.api import lint_document, lint_file
from checker.readers import read_string
from checker.config import Selection
from checker.suppress import Suppression, parse_directive
from test_api_kit import use_needles  # noqa: F401  (fixture)


@pytest.mark.parametrize("text,expected", [
    ("checker: bỏ qua AR001", ["AR001"]),
    ("Checker: Bỏ qua AR001, NF002", ["AR001", "NF002"]),
    ("checker: ignore AR001 NF", ["AR001", "NF"]),
    ("checker:bo qua ar001", ["AR001"]),
    ("checker: bỏ qua", []),
    ("checker: bỏ qua - số liệu đã đối chiếu với Cục Thống kê", []),
    ("checker: bỏ qua AR001 vì số liệu đã đối chiếu", ["AR001"]),
    ("checker: ignore ALL", []),
    ("  checker : ignore AR001.", ["AR001"]),
    ("Bo\u0309 qua", None),  # not a directive
    ("checker: kiểm tra lại AR001", None),
    ("Đề nghị checker: bỏ qua AR001", None),  # must start the comment
    ("", None),
])
def test_parse_directive(text, expected):
    assert parse_directive(text) == expected


def test_nfd_directive_is_recognised():
    import unicodedata

    assert parse_directive(unicodedata.normalize("NFD", "checker: bỏ qua AR001")) == ["AR001"]


def _doc(text, comments=None):
    doc = read_string(text)
    if comments is not None:
        doc.meta["comments"] = comments
    return doc


def _rules(result):
    return [(i.rule, i.location.block, i.excerpt) for i in result.issues]


def test_word_comment_silences_inside_its_range_only(use_needles):
    text = "Tỷ lệ sai lệch nhỏ\nSố sai khác"
    assert _rules(lint_document(_doc(text))) == [("AR901", 1, "sai"), ("NF902", 1, "lệch"), ("AR901", 2, "sai")]
    # The reviewer selected "sai" in paragraph 1 and commented it.
    comment = {"id": 0, "author": "Trưởng phòng", "text": "checker: bỏ qua AR901",
               "start_block": 1, "start_offset": 6, "end_block": 1, "end_offset": 9}
    assert _rules(lint_document(_doc(text, [comment]))) == [("NF902", 1, "lệch"), ("AR901", 2, "sai")]


def test_word_comment_without_id_silences_every_rule_in_range(use_needles):
    comment = {"id": 3, "author": "A", "text": "checker: ignore",
               "start_block": 1, "start_offset": 0, "end_block": 2, "end_offset": 3}
    result = lint_document(_doc("Tỷ lệ sai lệch nhỏ\nSố sai khác", [comment]))
    assert _rules(result) == [("AR901", 2, "sai")]  # "sai" of block 2 starts at 3: outside


def test_word_comment_other_rule_or_plain_comment_silences_nothing(use_needles):
    comments = [
        {"id": 0, "author": "A", "text": "checker: bỏ qua ST001", "start_block": 1, "start_offset": 0,
         "end_block": 1, "end_offset": 20},
        {"id": 1, "author": "A", "text": "Xem lại số liệu này", "start_block": 1, "start_offset": 0,
         "end_block": 1, "end_offset": 20},
    ]
    assert len(lint_document(_doc("Tỷ lệ sai lệch nhỏ", comments)).issues) == 2


def test_word_comment_prefix_and_several_ids(use_needles):
    comment = {"id": 0, "author": "A", "text": "checker: bỏ qua AR, NF902", "start_block": 1,
               "start_offset": 0, "end_block": 1, "end_offset": 20}
    assert lint_document(_doc("Tỷ lệ sai lệch nhỏ", [comment])).issues == []


def test_point_comment_covers_its_paragraph(use_needles):
    comment = {"id": 0, "author": "A", "text": "checker: bỏ qua", "start_block": 2, "start_offset": 4,
               "end_block": 2, "end_offset": 4}
    assert _rules(lint_document(_doc("sai\nSố sai khác", [comment]))) == [("AR901", 1, "sai")]


def test_malformed_comment_records_are_ignored(use_needles):
    comments = [{"text": "checker: bỏ qua"}, {"text": None}, "not a dict"[:0] or {}]
    assert len(lint_document(_doc("sai", comments)).issues) == 1


def test_suppression_overlap():
    s = Suppression(("AR",), 2, 5, 3, 4)
    assert s.covers("AR001", 2, 4, 6)
    assert not s.covers("AR001", 2, 0, 5)
    assert s.covers("AR001", 3, 0, 1)
    assert not s.covers("AR001", 3, 4, 8)
    assert not s.covers("NF001", 2, 5, 6)
    assert s.covers("AR001", 2, 5, 5)  # empty span inside


# --- plain text -----------------------------------------------------------------------------------

def test_text_directive_on_its_own_line_silences_the_next_line(use_needles):
    text = "<!-- checker: bỏ qua AR901 -->\n\nSố sai lệch\nLại sai"
    assert _rules(lint_document(_doc(text))) == [("NF902", 3, "lệch"), ("AR901", 4, "sai")]


def test_text_directive_at_end_of_line_silences_that_line(use_needles):
    text = "Số sai lệch <!-- checker: ignore -->\nLại sai"
    assert _rules(lint_document(_doc(text))) == [("AR901", 2, "sai")]


def test_text_directive_wrong_rule_and_plain_html_comment(use_needles):
    text = "<!-- checker: bỏ qua ST001 -->\nSố sai\n<!-- ghi chú: sai -->\nSố sai"
    assert [r for r, _, _ in _rules(lint_document(_doc(text)))] == ["AR901", "AR901", "AR901"]


def test_text_directive_in_md_file(use_needles, tmp_path):
    f = tmp_path / "bao-cao.md"
    f.write_text("# Báo cáo\n\nSố sai <!-- checker: bỏ qua AR901 -->\n\nSố sai\n", encoding="utf-8")
    result = lint_file(f)
    assert [(i.rule, i.location.line) for i in result.issues] == [("AR901", 5)]


# --- per-file-ignores (config) ----------------------------------------------------------------------

def test_per_file_ignores_from_config(use_needles, tmp_path):
    from checker.config import _config_for_dir

    _config_for_dir.cache_clear()
    (tmp_path / "checker.toml").write_text(
        '[per-file-ignores]\n"cu/*.txt" = ["AR901"]\n"*-nhap.txt" = ["NF"]\n', encoding="utf-8")
    (tmp_path / "cu").mkdir()
    old = tmp_path / "cu" / "bao-cao.txt"
    draft = tmp_path / "bao-cao-nhap.txt"
    plain = tmp_path / "bao-cao.txt"
    for f in (old, draft, plain):
        f.write_text("Số sai lệch\n", encoding="utf-8")
    try:
        assert [i.rule for i in lint_file(old).issues] == ["NF902"]
        assert [i.rule for i in lint_file(draft).issues] == ["AR901"]
        assert [i.rule for i in lint_file(plain).issues] == ["AR901", "NF902"]
    finally:
        _config_for_dir.cache_clear()


# --- end to end with a real Word comment (the .docx reader records it) ---------------------------

def test_real_word_comment_silences_through_the_reader(use_needles, tmp_path):
    pytest.importorskip("checker.readers.docx")
    import docx

    d = docx.Document()
    p = d.add_paragraph("Tỷ lệ ")
    marked = p.add_run("sai")
    p.add_run(" lệch; số sai khác")
    d.add_comment(marked, text="checker: bỏ qua AR901 — đã đối chiếu số liệu", author="Phó phòng", initials="PP")
    other = d.add_paragraph("Lại sai")
    d.add_comment(other.runs, text="Đề nghị kiểm tra lại", author="Phó phòng")
    path = tmp_path / "bc.docx"
    d.save(path)
    result = lint_file(path)
    got = [(i.rule, i.excerpt, i.location.column) for i in result.issues]
    # the commented "sai" is silenced; the other "sai" of the paragraph and the plain comment are not
    assert got == [("NF902", "lệch", 11), ("AR901", "sai", 20), ("AR901", "sai", 5)]


def test_suppressed_findings_are_counted_in_the_result(tmp_path):
    """A silenced finding does not vanish without trace: the file's JSON entry counts it."""
    import checker

    ratio = "Kết nạp mới 112/158 đảng viên, đạt 70,87% chỉ tiêu."
    report = tmp_path / "bao-cao.txt"
    report.write_text(f"<!-- checker: bỏ qua AR001 đã đối chiếu -->\n{ratio}\n{ratio}\n", encoding="utf-8")
    (entry,) = checker.lint(report, select=["AR001"]).files
    assert entry.suppressed == 1
    assert [i.location.line for i in entry.issues] == [3]
    assert entry.to_json()["suppressed"] == 1


# --- the unused-suppression rule (TX101, ruff's unused-noqa) --------------------------------------

@pytest.fixture
def needles_and_judge(monkeypatch):
    """The needle rules plus the shipped unused-suppression rule (off by default)."""
    import checker.engine as engine
    from test_api_kit import NEEDLES

    judge = next(r for r in engine.load_rules() if r.id == "TX101")
    monkeypatch.setattr(engine, "_default_rules", lambda: (*NEEDLES, judge))
    return judge


def _unused(result):
    return [(i.rule, i.location.block, i.excerpt, i.message) for i in result.issues if i.rule == "TX101"]


def test_unused_word_comment_is_reported_on_its_text(needles_and_judge):
    comments = [
        {"id": 0, "author": "A", "text": "checker: bỏ qua AR901", "start_block": 1, "start_offset": 6,
         "end_block": 1, "end_offset": 9},  # silences "sai"
        {"id": 1, "author": "A", "text": "checker: bỏ qua AR901\nđã đối chiếu", "start_block": 2, "start_offset": 0,
         "end_block": 2, "end_offset": 6},  # nothing there any more
    ]
    text = "Tỷ lệ sai\nSố đúng rồi"
    assert _unused(lint_document(_doc(text, comments))) == []  # off by default
    got = _unused(lint_document(_doc(text, comments), layers=[Selection(None, ("TX101",))], lang="en"))
    assert got == [("TX101", 2, "Số đún", 'The comment "checker: bỏ qua AR901" silences no finding: it can be '
                                           "removed")]


def test_partly_used_directive_names_the_unused_ids(needles_and_judge):
    result = lint_document(_doc("Số liệu sai <!-- checker: bỏ qua AR901, NF902 -->"), select=["ALL"])
    assert [i.message for i in result.issues] == [
        'Trong chú thích "checker: bỏ qua AR901, NF902", NF902 không bỏ qua phát hiện nào']


def test_directives_for_rules_that_did_not_run_are_not_judged(needles_and_judge):
    doc = "<!-- checker: bỏ qua NF902 -->\nSố liệu sai\n<!-- checker: bỏ qua ZZ1 -->\nSố liệu đúng"
    got = _unused(lint_document(_doc(doc), select=["AR901", "TX101"]))
    assert [(b, e) for _, b, e, _ in got] == [(3, "<!-- checker: bỏ qua ZZ1 -->")]  # ZZ1 names no rule at all


def test_a_directive_for_every_rule_is_judged_only_when_every_rule_ran(needles_and_judge):
    doc = "<!-- checker: bỏ qua -->\nSố liệu đúng"
    assert len(_unused(lint_document(_doc(doc), select=["ALL"]))) == 1
    assert _unused(lint_document(_doc(doc), select=["AR901", "TX101"])) == []
    used = "<!-- checker: bỏ qua -->\nSố liệu sai"
    assert _unused(lint_document(_doc(used), select=["ALL"])) == []
