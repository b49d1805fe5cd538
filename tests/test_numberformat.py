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


# --- issue 14, items 2 (enumerations), 8, 9 and 10 ---------------------------------------------------

def test_numbered_names_listed_without_spaces_are_not_a_malformed_number():
    assert findings("Cụm công nghiệp Tân Mỹ 1,2,3 đã lấp đầy; các khoản 2,3,5 Điều 4 được sửa.", "NF") == []
    assert [i.excerpt for i in findings("Thu về 1,234,56 triệu đồng.", "NF001")] == ["1,234,56"]


@pytest.mark.parametrize("text, number", [
    ("Chỉ số đạt 16.5 điểm.", "16.5"), ("Tỷ lệ bao phủ đạt 98.5%.", "98.5"), ("Năng suất gấp 2.5 lần.", "2.5"),
    ("Diện tích gieo trồng 12.5 ha.", "12.5"),
])
def test_one_diagnosis_and_one_severity_for_a_decimal_point(text, number):
    assert findings(text, "NF001") == []
    (issue,) = findings(text, "NF002")
    assert (issue.excerpt, issue.severity.value) == (number, "warning")


def test_a_decimal_point_before_a_whole_count_is_a_malformed_count():
    issues = findings("Các chi bộ tổ chức 4.25 buổi sinh hoạt, kết nạp 3.5 đảng viên.", "NF001")
    assert [i.excerpt for i in issues] == ["4.25", "3.5"] and all("đếm nguyên" in i.message for i in issues)
    assert findings("Các chi bộ kết nạp 3.5 đảng viên.", "NF002") == []


def _table_doc(rows, prose=""):
    from checker.document import Block, BlockKind, Document

    blocks = [Block(0, BlockKind.PARAGRAPH, prose or "Kết quả như sau:")]
    for r, row in enumerate(rows, 1):
        for c, text in enumerate(row, 1):
            blocks.append(Block(0, BlockKind.TABLE_CELL, text, table=1, row=r, column=c))
    for i, b in enumerate(blocks, 1):
        b.index = i
    return Document(path="t.docx", format="docx", blocks=blocks)


def test_a_table_written_wholly_with_decimal_points_gets_one_finding():
    from checker.api import lint_document

    rows = [["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện"], ["1.", "Năng suất lúa", "62.5", "63.4"],
            ["1.1", "Vụ Đông Xuân", "65.2", "66.1"], ["1.2", "Vụ Hè Thu", "58.7", "59.3"]]
    issues = lint_document(_table_doc(rows), select=["NF002"]).issues
    assert len(issues) == 1
    (issue,) = issues
    assert issue.excerpt == "62.5" and "Bảng 1 viết 6 số" in issue.message and len(issue.related) == 5
    # a table that also writes decimal commas: each English number on its own
    rows[2][3] = "66,1"
    assert [i.excerpt for i in lint_document(_table_doc(rows), select=["NF002"]).issues] == ["62.5", "63.4", "65.2",
                                                                                              "58.7", "59.3"]
    # an STT column of outline numbers is not read as decimals
    assert lint_document(_table_doc([["TT", "Nội dung", "Số lượng"], ["1.", "Hội nghị", "12"], ["1.1", "Cấp xã", "7"],
                                     ["1.2", "Cấp ấp", "5"]]), select=["NF002"]).issues == []


def test_many_english_decimals_in_running_text_are_one_finding():
    text = ("Tỷ lệ hộ nghèo giảm còn 1.8%; hộ cận nghèo 2.6%.\nBảo hiểm y tế đạt 93.4%.\n"
            "Tỷ lệ lao động qua đào tạo 71.5%, có việc làm 96.2%.")
    (issue,) = findings(text, "NF002")
    assert issue.excerpt == "1.8" and "Có 5 số" in issue.message and "dòng 1; dòng 2; dòng 3" in issue.message
    assert [r.excerpt for r in issue.related] == ["2.6", "93.4", "71.5", "96.2"]


def test_malformed_numbers_glued_to_their_unit():
    issues = findings("Thu giữ 3.514.2209g ma túy đá và 1.208.4406kg tiền chất.", "NF001")
    assert [i.excerpt for i in issues] == ["3.514.2209", "1.208.4406"]
    assert findings("Thu giữ 3.514,2209g ma túy đá; mã lô 5.2a; quốc lộ QL1A.", "NF001") == []


def test_stray_space_inside_a_number():
    issues = findings("Tỷ lệ thu gom đạt 17, 66% kế hoạch; thu hồi 2, 356kg phế liệu.", "NF003")
    assert [(i.excerpt, i.expected) for i in issues] == [("17, 66", "17,66"), ("2, 356", "2,356")]
    assert findings("Các thôn 3, 5, 7 đạt 100%; tỷ lệ 15, 20 và 25%; trong tháng 10, 66% số hộ đã đăng ký.",
                    "NF003") == []


def test_counts_without_the_thousands_dot_are_one_finding_per_document():
    lines = ["Cấp 1.200 thẻ và 3.450 sổ cho 5.678 hộ."] + [f"Xã {k} tuyên truyền {1200 + k * 37} lượt." for k in
                                                           range(1, 9)]
    (issue,) = findings("\n".join(lines), "NF005")
    assert issue.severity.value == "info" and "Có 8 số đếm" in issue.message
    assert issue.location.line == 2 and len(issue.related) == 7


def test_spaces_before_percent_are_one_finding_per_document():
    text = "Đạt 91%, 92%, 93%, 95%, 96%, 97% và 98%.\nRiêng xã A đạt 90 %, xã B 88 % và xã C 87 %."
    (issue,) = findings(text, "NF003")
    assert issue.severity.value == "info" and "Có 3 chỗ" in issue.message and len(issue.related) == 2
