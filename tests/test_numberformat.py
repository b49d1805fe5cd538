"""Number-format rules on original sentences in the style of district reports."""

import pytest
from _lintutil import findings


def test_malformed_count_and_grouping():
    issues = findings("Tuyên truyền trong hội viên được 7.25 cuộc; cấp 2.34.567 thẻ.", "NF001")
    assert [i.excerpt for i in issues] == ["7.25", "2.34.567"]
    assert all(i.severity.value == "error" for i in issues)


def test_not_counts_are_not_flagged():
    text = ("Theo Điều 5.2 Quy chế và khoản 1.2 Điều 3; họp lúc 7.30 sáng; liên hệ 0299.3821.456; "
            "Kế hoạch số 139-KH/HU ngày 26/6/2023; Nghị quyết 66.4/2025/NQ-CP; phiên bản 2.1.3; "
            "mục 3.3.1 của phụ lục; năm 2024 và nhiệm kỳ 2020 - 2025.")
    assert findings(text, "NF") == []


def test_english_separators_and_mixed_document():
    issues = findings("Tỷ lệ hộ nghèo còn 2,15%; bao phủ bảo hiểm y tế đạt 93.5%; sản lượng 1,250.5 tấn.", "NF002")
    assert [(i.excerpt, i.expected) for i in issues] == [("93.5", "93,5"), ("1,250.5", "1.250,5")]
    assert "2,15" in issues[0].message  # names an example of the document's own convention
    assert [i.excerpt for i in findings("Có 12,500 hộ tham gia.", "NF002")] == ["12,500"]


def test_range_and_percent_spacing():
    assert [i.excerpt for i in findings("Đạt từ 71 -94% kế hoạch.", "NF003")] == ["71 -94%"]
    assert findings("Đạt từ 71 - 94% và 60-70% kế hoạch.", "NF003") == []
    spaced = findings("Đạt 91%, 92%, 95% và 100,5 % kế hoạch.", "NF003")
    assert [(i.excerpt, i.severity.value) for i in spaced] == [("100,5 %", "info")]


def test_share_above_100():
    assert [i.excerpt for i in findings("Có 820 hộ tham gia, chiếm 102,5% tổng số hộ.", "NF004")] == ["102,5%"]
    assert findings("Có 820 hộ tham gia, chiếm 92,5% tổng số hộ, đạt 110% kế hoạch.", "NF004") == []


def test_missing_thousands_separator_low_severity():
    text = "Tuyên truyền 2468 lượt; cấp 1.200 thẻ, 3.450 sổ cho 5.678 hộ trong năm 2024."
    issues = findings(text, "NF005")
    assert [(i.excerpt, i.expected, i.severity.value) for i in issues] == [("2468", "2.468", "info")]
    assert findings("Tuyên truyền 2468 lượt trong năm 2024.", "NF005") == []  # the document never groups


def test_malformed_symbol_number_named_as_a_symbol():
    issues = findings("Thực hiện Nghị quyết 71.2.2024/NQ-CP của Chính phủ về đầu tư công.", "NF001")
    assert [(i.excerpt, i.expected) for i in issues] == [("71.2.2024/NQ-CP", "71.2/2024/NQ-CP")]
    assert "ký hiệu văn bản" in issues[0].message
    assert findings("Thực hiện Nghị quyết 71.2/2024/NQ-CP; họp ngày 21.9.2025 tại hội trường.", "NF001") == []
    plain = findings("Số tiền đã thu 2.416.7000.000 đồng.", "NF001")
    assert [i.excerpt for i in plain] == ["2.416.7000.000"] and "3 chữ số" in plain[0].message


def test_share_over_100_against_a_plan_is_a_wording_warning():
    issues = findings("Thu ngân sách 12,5 tỷ đồng, chiếm 104% dự toán; có 1.250 hộ, chiếm 105% số hộ.", "NF004")
    assert [(i.excerpt, i.severity.value) for i in issues] == [("104%", "warning"), ("105%", "error")]
    assert "so sánh" in issues[0].message


def test_number_format_reads_the_shared_figure_index():
    """Number-format and arithmetic rules read one parse per block (masked text, footnote marks blanked)."""
    from checker.relate.blocks import figure_index
    from checker.checks.base import Context
    from checker.checks.shared import block_figures
    from checker.readers import read_string

    doc = read_string("Kết nạp 12 đảng viên, đạt 85,7% kế hoạch.\nTổ chức 5.15 cuộc tuyên truyền.", "t.txt")
    ctx = Context(doc, "vi")
    index = figure_index(doc, ctx)
    for b in doc.blocks:
        assert block_figures(ctx, b) is index.get(b.index, ())
    assert figure_index(doc, ctx) is index


@pytest.mark.parametrize("text", [
    "Giá trị sản xuất công nghiệp gấp 1,2 lần cùng kỳ năm trước.",
    "Tỷ lệ hộ nghèo giảm 1,5 điểm phần trăm so với đầu năm.",
    "Chỉ số cải cách hành chính tăng 2,3 điểm, xếp thứ 12/63 tỉnh.",
])
def test_a_decimal_comma_before_a_noun_is_a_measure_not_a_malformed_count(text):
    assert not findings(text, "NF001")


def test_a_dot_that_cannot_group_thousands_before_a_count_is_still_malformed():
    (issue,) = findings("Các chi bộ tổ chức 7.25 cuộc sinh hoạt chuyên đề.", "NF001")
    assert issue.excerpt == "7.25" and issue.severity.value == "error"
