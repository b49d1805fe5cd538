"""The relate stage: relations beyond one clause, each form both ways on original text (fires on the faulty
text, silent on the correct one), in Party and state styles."""

import pytest

from _lintutil import findings
from checker.api import prepare
from checker.checks.base import Context
from checker.readers import read_string
from checker.relate.blocks import doc_figures, in_paren
from checker.relate.candidates import candidates


def ar(text):
    return [(i.rule, i.severity.value) for i in findings(text, ["AR"])]


def only(text, rule):
    return [i for i in findings(text, [rule]) if i.rule == rule]


# --- breakdowns across sentences and paragraphs (AR009) -----------------------------------------------

BREAKDOWNS = [
    # (correct, faulty)
    ("Toàn huyện có 58 sản phẩm OCOP. Trong đó: 21 sản phẩm 4 sao, 37 sản phẩm 3 sao.",
     "Toàn huyện có 58 sản phẩm OCOP. Trong đó: 24 sản phẩm 4 sao, 37 sản phẩm 3 sao."),
    ("Tổng thu ngân sách xã đạt 12,6 tỷ đồng. Gồm: thu thuế 4,1 tỷ đồng; thu phí, lệ phí 900 triệu đồng; thu bổ sung"
     " từ ngân sách cấp trên 7,6 tỷ đồng.",
     "Tổng thu ngân sách xã đạt 12,6 tỷ đồng. Gồm: thu thuế 4,1 tỷ đồng; thu phí, lệ phí 900 triệu đồng; thu bổ sung"
     " từ ngân sách cấp trên 8,6 tỷ đồng."),
    ("Năm 2025 tiếp nhận 3.120 hồ sơ đăng ký hộ tịch.\nTrong đó, 2.450 hồ sơ trực tuyến và 670 hồ sơ trực tiếp.",
     "Năm 2025 tiếp nhận 3.120 hồ sơ đăng ký hộ tịch.\nTrong đó, 2.750 hồ sơ trực tuyến và 670 hồ sơ trực tiếp."),
    ("Giải quyết 640 việc, cụ thể: hòa giải thành 412 việc; chuyển cơ quan chức năng 128 việc; đang xác minh 100 việc.",
     "Giải quyết 640 việc, cụ thể: hòa giải thành 412 việc; chuyển cơ quan chức năng 158 việc; đang xác minh 100 việc."),
    ("Trong 20 chỉ tiêu chủ yếu năm 2025, có 12 chỉ tiêu đạt và vượt kế hoạch; 5 chỉ tiêu đạt trên 90% và 3 chỉ tiêu"
     " chưa đạt.",
     "Trong 20 chỉ tiêu chủ yếu năm 2025, có 12 chỉ tiêu đạt và vượt kế hoạch; 5 chỉ tiêu đạt trên 90% và 5 chỉ tiêu"
     " chưa đạt."),
    ("Cho ý kiến về công tác cán bộ 14 trường hợp, cụ thể: bổ nhiệm lại 5; điều động 06; luân chuyển 03.",
     "Cho ý kiến về công tác cán bộ 14 trường hợp, cụ thể: bổ nhiệm lại 5; điều động 09; luân chuyển 03."),
]


@pytest.mark.parametrize("good,bad", BREAKDOWNS)
def test_breakdown_beyond_one_clause_both_ways(good, bad):
    assert only(good, "AR009") == []
    (issue,) = only(bad, "AR009")
    assert issue.expected and issue.actual


@pytest.mark.parametrize("text", [
    # "Trong đó có" and "Riêng" name some parts only: a shortfall is no error
    "Toàn huyện có 58 sản phẩm OCOP. Trong đó có 21 sản phẩm 4 sao.",
    "Tổng thu ngân sách đạt 96,4 tỷ đồng. Riêng thu tiền sử dụng đất 12,5 tỷ đồng.",
    # two totals of one kind before the parts: which one they break down is not written
    "Kế hoạch giao 40 tỷ đồng, đã giải ngân 31 tỷ đồng. Trong đó, vốn tỉnh 25 tỷ đồng, vốn huyện 14 tỷ đồng.",
    # a change is not a part
    "Tiếp nhận 120 hồ sơ. Trong đó, giảm 130 hồ sơ so với cùng kỳ.",
    # people counted two ways are one kind, and overlapping attributes are not parts of a "gồm" list
    "Kết nạp 45 đảng viên. Trong đó, 20 đảng viên nữ, 18 đảng viên trẻ.",
])
def test_breakdown_silent_where_the_parts_do_not_close_the_total(text):
    assert only(text, "AR009") == []


def test_breakdown_across_paragraphs_names_the_total_as_a_related_place():
    text = "Cả năm tiếp nhận 1.240 hồ sơ đăng ký kinh doanh.\nTrong đó, 812 hồ sơ qua mạng và 530 hồ sơ trực tiếp.\n"
    (issue,) = only(text, "AR009")
    assert issue.location.line == 2
    (rel,) = issue.related
    assert rel.location.line == 1 and rel.excerpt == "1.240 hồ sơ"


def test_aggregate_rate_of_a_total_follows_from_its_parts():
    good = ("Giá trị sản xuất đạt 1.200 tỷ đồng, đạt 80,0% kế hoạch. Trong đó, công nghiệp đạt 700 tỷ đồng, đạt 70,0%"
            " kế hoạch; xây dựng 500 tỷ đồng, đạt 100,0% kế hoạch.")
    assert only(good, "AR014") == []
    (issue,) = only(good.replace("đạt 80,0%", "đạt 85,0%"), "AR014")
    assert issue.severity.value == "warning" and "80,0%" in issue.message


# --- footnotes (AR008, AR015) ------------------------------------------------------------------------------

FOOTNOTES = [
    ("Thi hành kỷ luật 09 đảng viên (06 khiển trách, 03 cảnh cáo)[footnoteRef:1].\n[1: Ban Thường vụ kỷ luật 03 đồng chí"
     " (02 khiển trách, 01 cảnh cáo); Ủy ban Kiểm tra kỷ luật 06 đảng viên (04 khiển trách, 02 cảnh cáo).]", "03 đồng chí",
     "05 đồng chí"),
    ("Tổ chức 12 cuộc, có 1.540 cử tri tham dự[footnoteRef:1].\n[1: Trong đó, 02 cuộc của đại biểu Quốc hội có 380 cử tri;"
     " 10 cuộc của đại biểu HĐND có 1.160 cử tri.]", "1.160 cử tri", "1.260 cử tri"),
    ("Tặng Huy hiệu Đảng cho 74 đảng viên[footnoteRef:1].\n[1: Huy hiệu 60 năm: 03, Huy hiệu 50 năm: 19, Huy hiệu 40 năm:"
     " 22, Huy hiệu 30 năm: 30.]", "năm: 30", "năm: 33"),
    ("Tiếp nhận 45 đơn thư[footnoteRef:1].\n[1: Số đơn đã xử lý: 45/45 đơn.]", "45/45", "45/47"),
]


@pytest.mark.parametrize("text,right,wrong", FOOTNOTES)
def test_footnote_against_the_count_at_its_mark(text, right, wrong):
    assert only(text, "AR008") == []
    (issue,) = only(text.replace(right, wrong), "AR008")
    assert issue.location.footnote == 1 and issue.related


@pytest.mark.parametrize("text", [
    # the note details the outcomes of its items, not more items
    "Nhận 108 đơn[footnoteRef:1].\n[1: Trong đó, 66 đơn khiếu nại, đã giải quyết 40 đơn, còn 26 đơn; 42 đơn kiến nghị,"
    " giải quyết 31 đơn, còn 11 đơn.]",
    # stages of the whole, each within it
    "Tổng số 15 bị án[footnoteRef:1].\n[1: Đã ra quyết định thi hành án: 15 bị án; Đã thi hành án: 06 bị án.]",
    # the note names kinds of offences, not the 16 cases
    "Phát hiện 16 vụ[footnoteRef:1] phạm pháp hình sự.\n[1: Trộm cắp tài sản, cố ý gây thương tích, đánh bạc.]",
    # a figure that qualifies the words before the mark is no count of them
    "Vận động các cặp vợ chồng sinh đủ 02 con[footnoteRef:1].\n[1: Vận động 1.200 cặp sinh đủ 02 con; tư vấn 800 cặp sinh"
    " đủ 02 con.]",
])
def test_footnote_silent_on_outcomes_stages_and_kinds(text):
    assert only(text, "AR008") == []


def test_footnote_share_of_a_total_named_in_the_sentence():
    text = ("Tổng số việc phải thi hành: 640 việc; số việc có điều kiện: 512 việc[footnoteRef:1].\n"
            "[1: Chiếm 80% trong tổng số phải thi hành.]")
    assert only(text, "AR015") == []
    (issue,) = only(text.replace("Chiếm 80%", "Chiếm 85%"), "AR015")
    assert "512/640" in issue.message


def test_share_of_a_total_named_in_words():
    text = "Đã giải quyết 2.150 hồ sơ đúng hạn trên tổng số 2.300 hồ sơ tiếp nhận, đạt 93,48%."
    assert only(text, "AR015") == []
    assert len(only(text.replace("93,48%", "95,2%"), "AR015")) == 1


# --- counts and the lists they announce (AR104) ------------------------------------------------------------

COUNTED = [
    ("Thành lập 3 đơn vị, gồm: Sở Tài chính, Sở Nội vụ và Sở Tư pháp.", "3 đơn vị", "5 đơn vị"),
    ("Giám sát 02 tổ chức đảng và 01 cá nhân, gồm: Đảng ủy xã Tân An, Chi bộ Trường Tiểu học Tân An và đồng chí"
     " Bí thư Đảng ủy xã Tân An về việc thực hiện nghị quyết.", "02 tổ chức", "03 tổ chức"),
    ("Kiện toàn 4 đồng chí trong Thường trực Hội, gồm: Chủ tịch, 02 Phó Chủ tịch và 01 Ủy viên Thường trực.",
     "4 đồng chí", "5 đồng chí"),
    ("Triển khai mô hình 3 sạch “sạch nhà, sạch ngõ, sạch đồng ruộng” tại các ấp.", "3 sạch", "4 sạch"),
    ("Nghị quyết xác định 03 khâu đột phá: (1) hạ tầng giao thông; (2) cải cách hành chính; (3) nguồn nhân lực.",
     "03 khâu", "04 khâu"),
    ("Sáp nhập 02 đảng bộ (Cơ quan Đảng, đoàn thể huyện và cơ quan chính quyền huyện) thành một.", "02 đảng bộ",
     "03 đảng bộ"),
    ("Công nhận 7 xã đạt chuẩn nông thôn mới kiểu mẫu năm 2025 (An Bình, Tân Hòa, Mỹ Lộc, Phú Xuân, Đông Sơn, Tây"
     " Sơn, Hòa Lạc).", "7 xã", "8 xã"),
    ("Có 04 hợp tác xã tham gia liên kết[footnoteRef:1].\n[1: Gồm: HTX Thành Công; HTX Nông nghiệp An Phú, HTX Dịch vụ"
     " Tân Lộc; HTX Rau sạch Hòa Bình.]", "04 hợp tác xã", "05 hợp tác xã"),
]


@pytest.mark.parametrize("text,right,wrong", COUNTED)
def test_count_against_the_list_it_announces(text, right, wrong):
    assert only(text, "AR104") == []
    (issue,) = only(text.replace(right, wrong), "AR104")
    assert issue.severity.value == "warning"


@pytest.mark.parametrize("text", [
    "Toàn huyện có 16 cơ sở chế biến (gỗ, cơ khí, mộc dân dụng).",  # kinds of the members, not the members
    "Cụm công nghiệp Phú Thịnh 1,2,3 đã lấp đầy 80% diện tích.",
    "Công nhận 4 xã đạt chuẩn (Tân Lập, Hòa An, …).",  # an open list
    "Giải thể 02 đảng bộ (Cơ quan Đảng, đoàn thể huyện và cơ quan chính quyền huyện).",
])
def test_count_list_silent_on_kinds_open_lists_and_names_with_commas(text):
    assert only(text, "AR104") == []


# --- subsets (AR011) and parentheses that partition a count (AR003) ------------------------------------------

@pytest.mark.parametrize("good,bad", [
    ("Tòa án thụ lý 14 vụ/19 bị cáo, đã xét xử 09 vụ/12 bị cáo.", "Tòa án thụ lý 14 vụ/19 bị cáo, đã xét xử 09 vụ/21 bị cáo."),
    ("Phát hiện 23 vụ vi phạm, điều tra làm rõ 17 vụ.", "Phát hiện 23 vụ vi phạm, điều tra làm rõ 27 vụ."),
    ("Triệt xóa 20 điểm tệ nạn, có 83 đối tượng tham gia, xử phạt hành chính 08 vụ - 23 đối tượng.",
     "Triệt xóa 20 điểm tệ nạn, có 83 đối tượng tham gia, xử phạt hành chính 08 vụ - 93 đối tượng."),
])
def test_subset_within_its_whole(good, bad):
    assert only(good, "AR011") == []
    assert len(only(bad, "AR011")) >= 1


def test_subset_leaves_a_backlog_alone():
    assert only("Tiếp nhận 40 đơn, giải quyết 52 đơn (kể cả số tồn kỳ trước chuyển sang).", "AR011") == []


@pytest.mark.parametrize("good,bad", [
    ("Cử 30 đồng chí tham gia 05 lớp trung cấp lý luận chính trị (tập trung 13, không tập trung 17).",
     "Cử 30 đồng chí tham gia 05 lớp trung cấp lý luận chính trị (tập trung 13, không tập trung 19)."),
    ("Duy trì 39 mô hình làm ăn có hiệu quả trong thanh niên (05 câu lạc bộ và 34 cá nhân).",
     "Duy trì 41 mô hình làm ăn có hiệu quả trong thanh niên (05 câu lạc bộ và 34 cá nhân)."),
    ("Còn 59 ý kiến được tổng hợp và gửi đến các ngành có thẩm quyền xem xét (Trung ương 9 ý kiến; tỉnh 16 ý kiến,"
     " huyện 34 ý kiến).",
     "Còn 59 ý kiến được tổng hợp và gửi đến các ngành có thẩm quyền xem xét (Trung ương 9 ý kiến; tỉnh 18 ý kiến,"
     " huyện 34 ý kiến)."),
])
def test_parenthesis_that_makes_up_its_count(good, bad):
    assert only(good, "AR003") == []
    assert len(only(bad, "AR003")) == 1


# --- list lines keyed by activity (AR009, scope list) -------------------------------------------------------

LINES = ("Ủy ban Kiểm tra đã giám sát 03 tổ chức đảng, 02 cá nhân và kiểm tra 02 tổ chức đảng, cụ thể như sau:\n"
         "+ Hoàn thành giám sát 02 tổ chức đảng và 01 cá nhân về thực hiện quy chế làm việc.\n"
         "+ Triển khai giám sát đối với Chi bộ Trạm Y tế và đồng chí Bí thư Chi bộ Trạm Y tế.\n"
         "+ Đang kiểm tra 02 tổ chức đảng về công tác tài chính đảng.\n")


def test_list_lines_add_up_per_activity_and_noun():
    assert only(LINES, "AR009") == []
    (issue,) = only(LINES.replace("giám sát 03 tổ chức đảng", "giám sát 05 tổ chức đảng"), "AR009")
    assert issue.location.line == 1 and issue.severity.value == "warning"


# --- percentages paired by structure (AR001) ----------------------------------------------------------------

def test_ratio_pairs_with_the_percentage_it_explains_not_a_condition():
    text = "Tỷ lệ giải ngân đạt 75,2% (3.760/5.000 triệu đồng; trường hợp đạt 100% thì tiêu chí đạt điểm tối đa)."
    assert only(text, "AR001") == []
    (issue,) = only(text.replace("75,2%", "78,2%"), "AR001")
    assert issue.actual == "78,2%"
    assert only("Tiến độ chưa đạt 100% (có 4.609/4.642 cơ sở đã được phê duyệt, đạt 99%).", "AR001") == []


# --- the model itself ---------------------------------------------------------------------------------------

def test_candidates_carry_form_scope_and_evidence():
    doc = prepare(read_string("Toàn huyện có 58 sản phẩm OCOP. Trong đó: 21 sản phẩm 4 sao, 37 sản phẩm 3 sao.\n"))
    (c,) = [c for c in candidates(doc, Context(doc=doc)) if c.form == "breakdown"]
    assert (c.scope, c.explicit) == ("paragraph", True)
    assert c.relation.total.text == "58" and [p.text for p in c.relation.parts] == ["21", "37"]


def test_coverage_counts_relations_by_form_and_scope():
    r = findings  # noqa: F841 - the helper returns issues; coverage needs the file result
    from checker.api import lint_document

    doc = read_string("Toàn huyện có 58 sản phẩm OCOP. Trong đó: 21 sản phẩm 4 sao, 37 sản phẩm 3 sao.\n")
    cov = lint_document(doc, select=["AR"]).coverage
    assert cov.by_form.get("breakdown") == 1 and cov.by_scope.get("paragraph") == 1
    assert cov.relations == sum(cov.by_form.values()) == sum(cov.by_scope.values())


def test_innermost_parenthesis_is_found_through_the_nesting():
    doc = prepare(read_string("Có 10 hộ (trong đó 3 hộ (nghèo) và 2 hộ cận nghèo) được hỗ trợ.\n"))
    bf = doc_figures(doc, Context(doc=doc))[0]
    text = bf.text
    assert in_paren(bf, text.index("nghèo")) == (text.index("(nghèo"), text.index("nghèo)") + 6)
    assert in_paren(bf, text.index("2 hộ")) == (text.index("(trong"), text.index(") được") + 1)
    assert in_paren(bf, text.index("được")) is None


def test_console_names_the_relations_checked_by_form_and_scope():
    import io

    from checker.api import Result, lint_document
    from checker.report.console import make_console, render

    doc = read_string("Toàn huyện có 58 sản phẩm OCOP. Trong đó: 21 sản phẩm 4 sao, 37 sản phẩm 3 sao.\n", name="x.txt")
    out = io.StringIO()
    render(Result(files=[lint_document(doc, select=["AR"])]), make_console(out, no_color=True, width=200), "vi")
    assert "theo dạng: tổng và thành phần qua các câu 1; theo phạm vi: trong một đoạn 1." in out.getvalue()


def test_every_form_and_scope_has_a_name_in_both_languages():
    import json
    from pathlib import Path

    import checker
    from checker.relate.model import SCOPES

    base = Path(checker.__file__).parent / "locales"
    for lang in ("vi", "en"):
        data = json.loads((base / f"{lang}.json").read_text(encoding="utf-8"))
        assert all(f"scope.{s}" in data for s in SCOPES)
        forms = {k[5:] for k in data if k.startswith("form.")}
        assert {"breakdown", "footnote-breakdown", "count-list", "subset", "aggregate", "share-named"} <= forms
