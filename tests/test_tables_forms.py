"""Tables beyond totals (issue 12, form 9), both ways, on Word tables built here and on Markdown tables:
AR105 shares above 100% and counts in rate columns, AR106 stated maxima, AR107 stated formulas, AR108 rate rows
and columns, AR109 highest/lowest/mean rows, and AR102's rate columns whose header names no columns."""

from __future__ import annotations

import json

import pytest

from _tablesutil import docx_table, docx_tables, lint_path


def _md(lint_text, text, rule):
    return [i for i in lint_text(text, select=[rule]) if i.rule == rule]


# --- AR105: a "%" row or column holding a share above 100 or a count --------------------------------------

STAT_HEAD = [["STT", "Chỉ tiêu", "Kết quả năm 2025", None], [None, None, "Đơn vị tính", "Số liệu"]]
STAT_MERGES = [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 3))]


def test_share_row_above_100_is_a_warning_at_its_cell(tmp_path):
    rows = STAT_HEAD + [
        ["1", "Số xã đạt chuẩn nông thôn mới", "Xã", "58"],
        ["2", "Tỷ lệ xã đạt chuẩn nông thôn mới", "%", "116"],
        ["3", "Số hộ thoát nghèo", "Hộ", "412"],
    ]
    (i,) = lint_path(docx_table(tmp_path, rows, STAT_MERGES), ["AR105"])
    assert i.severity.value == "warning" and i.actual == "116"
    assert (i.location.table, i.location.row, i.location.column_index) == (1, 4, 4)
    assert "116%" in i.message and "Tỷ lệ xã đạt chuẩn nông thôn mới" in i.message
    (en,) = lint_path(docx_table(tmp_path, rows, STAT_MERGES, name="en.docx"), ["AR105"], lang="en")
    assert "above 100%" in en.message


@pytest.mark.parametrize("label", [
    "Tốc độ tăng trưởng kinh tế",  # a growth
    "Tỷ lệ thu ngân sách so với dự toán",  # against a plan
    "Tỷ lệ hoàn thành kế hoạch đầu tư công",
    "Tỷ lệ thực hiện",  # completion of a plan, with no subject
    "Chỉ số giá tiêu dùng",  # an index
])
def test_comparison_rates_may_pass_100(tmp_path, label):
    rows = STAT_HEAD + [["1", label, "%", "108,5"], ["2", "Số hộ thoát nghèo", "Hộ", "412"]]
    assert lint_path(docx_table(tmp_path, rows, STAT_MERGES), ["AR105"]) == []


def test_share_of_exactly_100_and_counts_in_count_rows_are_silent(tmp_path):
    rows = STAT_HEAD + [["1", "Tỷ lệ thôn có nhà văn hóa", "%", "100"], ["2", "Số thôn có nhà văn hóa", "Thôn", "118"]]
    assert lint_path(docx_table(tmp_path, rows, STAT_MERGES), ["AR105"]) == []


def test_share_column_with_a_rate_above_100(lint_text):
    text = ("| STT | Xã | Số hộ | Tỷ lệ hộ dùng nước sạch (%) |\n|---|---|---|---|\n"
            "| 1 | Tân Phong | 820 | 92,4 |\n| 2 | Hòa Bình | 615 | 104,0 |\n| 3 | Đông Khê | 540 | 90,7 |\n")
    (i,) = _md(lint_text, text, "AR105")
    assert i.location.line == 4 and "104,0" in i.message


def test_bare_rate_column_in_a_table_of_two_years_or_plans_is_a_comparison(lint_text):
    years = ("| Chỉ tiêu | Năm 2024 | Năm 2025 | Tỷ lệ (%) |\n|---|---|---|---|\n"
             "| Kết nạp đảng viên | 96 | 104 | 108,3 |\n| Lớp bồi dưỡng | 12 | 15 | 125,0 |\n")
    plan = ("| Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ (%) |\n|---|---|---|---|\n"
            "| Kết nạp đảng viên | 96 | 104 | 108,3 |\n")
    assert _md(lint_text, years, "AR105") == [] and _md(lint_text, plan, "AR105") == []
    share = ("| Chỉ tiêu | Số lượng | Tổng số | Tỷ lệ (%) |\n|---|---|---|---|\n"
             "| Đảng viên nữ | 104 | 96 | 108,3 |\n")
    assert len(_md(lint_text, share, "AR105")) == 1


def test_count_typed_into_a_comparison_rate_column(lint_text):
    text = ("| STT | Chỉ tiêu | Năm 2024 | Năm 2025 | So sánh cùng kỳ (%) |\n|---|---|---|---|---|\n"
            "| 1 | Thu ngân sách | 312 | 328 | 105,2 |\n| 2 | Chi thường xuyên | 250 | 246 | 98,4 |\n"
            "| 3 | Vốn đầu tư | 118 | 131 | 1.250 |\n| 4 | Thu dịch vụ | 76 | 77 | 101,3 |\n")
    (i,) = _md(lint_text, text, "AR105")
    assert "1.250" in i.message and "98,4" in i.message and "105,2" in i.message
    # a large rate that may be real (a small base grew fast) is left alone
    assert _md(lint_text, text.replace("1.250", "250"), "AR105") == []


def test_a_cell_written_with_percent_in_a_share_row(lint_text):
    text = ("| Chỉ tiêu | Kết quả | Ghi chú |\n|---|---|---|\n| Số trường đạt chuẩn | 42 trường | |\n"
            "| Tỷ lệ trường đạt chuẩn quốc gia | 112% | |\n| Tỷ lệ thu học phí so với kế hoạch | 108% | |\n")
    (i,) = _md(lint_text, text, "AR105")
    assert "Tỷ lệ trường đạt chuẩn quốc gia" in i.message


# --- AR106: a figure above the maximum the table states --------------------------------------------------

def test_group_title_maximum_bounds_its_columns_not_the_ranking(tmp_path):
    rows = [
        ["STT", "Đơn vị", "Lĩnh vực 1 (tối đa 18 điểm)", None, "Xếp hạng"],
        [None, None, "Tự chấm", "Thẩm định", None],
        ["1", "Xã Tân Phong", "17", "18,5", "2"],
        ["2", "Xã Hòa Bình", "16,5", "16", "21"],
        ["3", "Xã Đông Khê", "18", "17,75", "1"],
    ]
    merges = [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 3)), ((0, 4), (1, 4))]
    (i,) = lint_path(docx_table(tmp_path, rows, merges), ["AR106"])
    assert i.severity.value == "error" and i.actual == "18,5" and i.location.column_index == 4
    assert "18" in i.message and "Xã Tân Phong" in i.message


def test_maximum_column_beside_the_scores(lint_text):
    text = ("| Thứ hạng | Đơn vị | Điểm chuẩn tối đa | Điểm đạt được |\n|---|---|---|---|\n"
            "| 1 | Sở Giao thông | 92,00 | 84,15 |\n| 2 | Sở Văn hóa | 88,50 | 89,20 |\n| 3 | Sở Tài chính | 90,00 | 71,64 |\n")
    (i,) = _md(lint_text, text, "AR106")
    assert "89,20" in i.message and "88,50" in i.message and "Điểm chuẩn tối đa" in i.message


def test_maximum_row_bounds_the_units_but_not_the_total(lint_text):
    text = ("| Đơn vị | Chỉ đạo điều hành | Thủ tục hành chính |\n|---|---|---|\n"
            "| Điểm tối đa | 12 | 10 |\n| Xã An Lạc | 11,5 | 9 |\n| Xã Phú Mỹ | 10 | 10,5 |\n| Tổng cộng | 21,5 | 19,5 |\n")
    (i,) = _md(lint_text, text, "AR106")
    assert i.actual == "10,5" and "Điểm tối đa" in i.message


def test_a_row_named_tối_đa_outside_a_table_of_points_is_not_a_maximum(lint_text):
    text = ("| Chỉ tiêu | Tháng 7 | Tháng 8 |\n|---|---|---|\n| Tối đa | 35 | 36 |\n| Trạm Tân Phong | 37 | 33 |\n")
    assert _md(lint_text, text, "AR106") == []
    assert len(_md(lint_text, text.replace("Tháng 7", "Điểm tháng 7"), "AR106")) == 1


@pytest.mark.parametrize("header", ["Thời hạn giải quyết tối đa 15 ngày", "Mức phạt tối đa 5 triệu đồng",
                                    "Điểm chuẩn"])
def test_maxima_of_other_things_are_not_read(lint_text, header):
    text = f"| Đơn vị | {header} |\n|---|---|\n| Xã A | 20 |\n| Xã B | 12 |\n"
    assert _md(lint_text, text, "AR106") == []


# --- AR107: formulas the table states ---------------------------------------------------------------------

def _formula_rows():
    return [
        ["STT", "Đơn vị", "Dân số (người)", "Số hộ", None, None, None],
        [None, None, None, "Năm 2024", "Tăng thêm", "Năm 2025", "Hộ/1.000 dân"],
        ["A", "B", "(1)", "(2)", "(3)", "(4)=(2)+(3)", "(5)=(4)/(1)*1000"],
        ["1", "Xã Tân Phong", "12.400", "3.120", "35", "3.155", "254,4"],
        ["2", "Xã Hòa Bình", "9.850", "2.410", "28", "2.438", "247,5"],
        ["3", "Xã Đông Khê", "7.300", "1.905", "-", "1.905", "261,0"],
        ["", "Tổng cộng", "29.550", "7.435", "63", "7.498", "253,7"],
    ]


_FORMULA_MERGES = [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (1, 2)), ((0, 3), (0, 6))]


def test_column_number_formulas_hold_on_every_row(tmp_path):
    path = docx_table(tmp_path, _formula_rows(), _FORMULA_MERGES)
    assert lint_path(path, ["AR101", "AR102", "AR107"]) == []


def test_a_row_that_breaks_a_stated_sum_is_an_error_showing_the_computation(tmp_path):
    rows = _formula_rows()
    rows[3][5] = "3.165"  # 3.120 + 35 = 3.155
    rows[3][6] = "255,2"  # keep (5) consistent with the wrong (4): 3.165/12.400·1000 = 255,2
    issues = lint_path(docx_table(tmp_path, rows, _FORMULA_MERGES), ["AR107"])
    assert len(issues) == 1, [i.message for i in issues]
    i = issues[0]
    assert i.severity.value == "error" and i.expected == "3.155" and i.actual == "3.165"
    assert "(4) = (2) + (3)" in i.message and "3.120 + 35 = 3.155" in i.message and "3.165" in i.message
    assert (i.location.row, i.location.column_index) == (4, 6)


def test_an_exact_sum_off_by_one_may_be_rounded_amounts(lint_text):
    text = ("| STT | Nguồn vốn | Năm 2024 | Năm 2025 | Cộng |\n|---|---|---|---|---|\n| A | B | 1 | 2 | 3=1+2 |\n"
            "| 1 | Ngân sách tỉnh | 1.234 | 2.346 | 3.581 |\n| 2 | Ngân sách huyện | 410 | 385 | 795 |\n"
            "| 3 | Huy động | 96 | 120 | 216 |\n")
    (i,) = _md(lint_text, text, "AR107")
    assert i.severity.value == "warning"
    (i,) = _md(lint_text, text.replace("3.581", "3.590"), "AR107")
    assert i.severity.value == "error"


def test_a_blank_operand_counts_as_zero_in_a_sum(tmp_path):
    rows = _formula_rows()
    rows[5][5] = "1.915"  # 1.905 + "-" = 1.905
    rows[5][6] = "262,3"
    (i,) = lint_path(docx_table(tmp_path, rows, _FORMULA_MERGES), ["AR107"])
    assert "1.905 + 0 = 1.905" in i.message


def test_a_truncated_rate_is_info(lint_text):
    text = ("| STT | Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ (%) |\n|---|---|---|---|---|\n"
            "| (1) | (2) | (3) | (4) | (5)=(4)/(3)*100 |\n"
            "| 1 | Thu ngân sách | 300 | 200 | 66,6 |\n| 2 | Chi đầu tư | 90 | 60 | 66,67 |\n"
            "| 3 | Vốn vay | 50 | 25 | 50,0 |\n")
    (i,) = _md(lint_text, text, "AR107")
    assert i.severity.value == "info" and "200 / 300 × 100" in i.message


def test_an_en_dash_difference_and_the_percent_implied_by_the_header(lint_text):
    text = ("| TT | Chỉ tiêu | Năm 2024 | Năm 2025 | Chênh lệch | Tỷ lệ (%) |\n|---|---|---|---|---|---|\n"
            "| A | B | 1 | 2 | 3=2–1 | 4=2/1 |\n"
            "| 1 | Kết nạp đảng viên | 96 | 104 | 8 | 108,3 |\n| 2 | Chuyển sinh hoạt | 40 | 35 | -5 | 87,5 |\n"
            "| 3 | Lớp bồi dưỡng | 12 | 15 | 4 | 125,0 |\n")
    issues = _md(lint_text, text, "AR107")
    assert [i.actual for i in issues] == ["4"]  # "-5" is not a figure the grid reads; 15 - 12 = 3
    assert "15 - 12 = 3" in issues[0].message


def test_formulas_that_fail_on_most_rows_mean_misread_columns(lint_text):
    text = ("| TT | Đơn vị | A | B | C |\n|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5=3+4 |\n"
            "| 1 | Xã A | 10 | 20 | 50 |\n| 2 | Xã B | 5 | 7 | 30 |\n| 3 | Xã C | 1 | 2 | 3 |\n")
    assert _md(lint_text, text, "AR107") == []


def test_a_formula_in_words_in_the_header(lint_text):
    text = ("| STT | Tiêu chí | Điểm tối đa | Tỷ lệ đạt (%) | Điểm đạt (= Tỷ lệ đạt × Điểm tối đa / 100) |\n"
            "|---|---|---|---|---|\n| 1 | Văn bản đúng hạn | 4 | 75 | 3 |\n| 2 | Hồ sơ đúng hạn | 6 | 90 | 5,8 |\n"
            "| 3 | Phản ánh kiến nghị | 2 | 100 | 2 |\n")
    (i,) = _md(lint_text, text, "AR107")
    assert "90 × 6 / 100 = 5,4" in i.message and i.actual == "5,8"


def test_a_formula_in_a_note_whose_names_are_unclear_is_ignored(lint_text):
    text = ("| STT | Tiêu chí | Điểm tối đa | Điểm tự chấm | Tỷ lệ (%) |\n|---|---|---|---|---|\n"
            "| 1 | Văn bản | 4 | 3 | 90 |\n| 2 | Hồ sơ | 6 | 5 | 20 |\n\nGhi chú: Điểm = Tỷ lệ × Điểm tối đa / 100.\n")
    assert _md(lint_text, text, "AR107") == []  # "Điểm" names two columns


def test_a_stated_total_column_is_the_formula_rules_not_ar101s(lint_text):
    text = ("| STT | Đơn vị | Nam | Nữ | Tổng số |\n|---|---|---|---|---|\n| A | B | 1 | 2 | 3=1+2 |\n"
            "| 1 | Xã A | 10 | 20 | 31 |\n| 2 | Xã B | 5 | 7 | 12 |\n| 3 | Xã C | 6 | 2 | 8 |\n")
    issues = lint_text(text, select=["AR101", "AR107"])
    assert [i.rule for i in issues] == ["AR107"]


# --- AR108: a rate row or column beside the counts it is computed from ----------------------------------------

_STAT = [["STT", "Chỉ tiêu thống kê", "Kết quả", None, "Ghi chú"], [None, None, "Đơn vị tính", "Số liệu", None]]
_STAT_M = [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 3)), ((0, 4), (1, 4))]


def test_rate_row_over_its_sub_items_in_a_table_continued_after_a_page_break(tmp_path):
    first = _STAT + [
        ["3.", "Kết quả giải quyết hồ sơ", "", "", ""],
        ["3.1.", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "97,25", ""],
        ["3.1.1.", "Tổng số hồ sơ đã giải quyết", "Hồ sơ", "24.310", ""],
    ]
    second = _STAT + [
        ["3.1.2.", "Số hồ sơ giải quyết đúng hạn", "Hồ sơ", "23.815", ""],
        ["3.2.", "Số phản ánh kiến nghị đã tiếp nhận", "Phản ánh", "312", ""],
    ]
    path = docx_tables(tmp_path, [(first, _STAT_M), (second, _STAT_M)])
    (i,) = lint_path(path, ["AR108"])  # 23.815/24.310 = 97,96%
    assert i.severity.value == "warning" and i.expected == "97,96%" and i.actual == "97,25"
    assert (i.location.table, i.location.row) == (1, 4)
    assert [(r.location.table, r.location.row) for r in i.related] == [(2, 3), (1, 5)]
    assert "23.815/24.310" in i.message
    second[2][3] = "23.642"  # 97,25%
    assert lint_path(docx_tables(tmp_path, [(first, _STAT_M), (second, _STAT_M)], name="ok.docx"), ["AR108"]) == []


def test_flat_rate_rows_in_year_columns(lint_text):
    text = ("| Chỉ tiêu | Năm 2024 | Năm 2025 |\n|---|---|---|\n| Tổng số hộ | 12.480 | 12.655 |\n"
            "| Số hộ nghèo | 512 | 431 |\n| Tỷ lệ hộ nghèo (%) | 4,10 | 3,61 |\n")
    (i,) = _md(lint_text, text, "AR108")  # 431/12.655 = 3,41%
    assert i.actual == "3,61" and "3,41%" in i.message and "Năm 2025" in i.message


def test_bare_rate_row_under_plan_and_result(lint_text):
    text = ("| Chỉ tiêu | Quý III |\n|---|---|\n| Kế hoạch kết nạp đảng viên | 40 |\n"
            "| Kết nạp đảng viên | 46 |\n| Tỷ lệ (%) | 105 |\n")
    (i,) = _md(lint_text, text, "AR108")
    assert "46/40" in i.message and "115,00%" in i.message


def test_complement_and_categories_are_left_alone(lint_text):
    late = ("| STT | Chỉ tiêu | Kết quả |\n|---|---|---|\n| 1 | Tỷ lệ hồ sơ đúng hạn | 98,2 |\n"
            "| 1.1 | Tổng số hồ sơ | 5.000 |\n| 1.2 | Số hồ sơ trễ hạn | 90 |\n")
    forest = ("| STT | Chỉ tiêu | Kết quả |\n|---|---|---|\n| 1 | Tỷ lệ che phủ rừng | 54,6 |\n"
              "| 1.1 | Rừng tự nhiên | 18.200 |\n| 1.2 | Rừng trồng | 9.450 |\n")
    assert _md(lint_text, late, "AR108") == [] and _md(lint_text, forest, "AR108") == []


def test_two_parts_of_a_whole_under_a_rate(lint_text):
    text = ("| STT | Chỉ tiêu | Kết quả |\n|---|---|---|\n| 1 | Tỷ lệ nhiệm vụ hoàn thành | 90 |\n"
            "| 1.1 | Số nhiệm vụ đã hoàn thành | 45 |\n| 1.2 | Số nhiệm vụ chưa hoàn thành | 5 |\n")
    assert _md(lint_text, text, "AR108") == []  # 45 / (45 + 5)


def test_column_group_rates_against_the_total_column(tmp_path):
    rows = [
        ["STT", "Xã", "Tổng số hộ", "Hộ nghèo", None, "Hộ cận nghèo", None],
        [None, None, None, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)"],
        ["1", "Tân Phong", "1.250", "85", "6,80", "112", "8,96"],
        ["2", "Hòa Bình", "980", "41", "4,18", "77", "7,86"],
        ["3", "Đông Khê", "1.430", "63", "4,41", "150", "10,49"],
        ["", "Cộng", "3.660", "189", "5,16", "339", "9,26"],
    ]
    merges = [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (1, 2)), ((0, 3), (0, 4)), ((0, 5), (0, 6))]
    assert lint_path(docx_table(tmp_path, rows, merges), ["AR108"]) == []
    rows[3][4] = "5,18"  # 41/980 = 4,18%
    issues = lint_path(docx_table(tmp_path, rows, merges, name="bad.docx"), ["AR108"])
    assert [(i.location.row, i.location.column_index, i.expected) for i in issues] == [(4, 5, "4,18%")]
    assert "Hòa Bình" in issues[0].message and "41/980" in issues[0].message


def test_column_share_of_the_total_is_not_the_rate_of_the_row(tmp_path):
    rows = [
        ["STT", "Xã", "Tổng số hộ", "Hộ nghèo", None],
        [None, None, None, "Số hộ", "Tỷ lệ (%)"],
        ["1", "Tân Phong", "1.250", "85", "45,0"],
        ["2", "Hòa Bình", "980", "41", "21,7"],
        ["3", "Đông Khê", "1.430", "63", "33,3"],
    ]
    merges = [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (1, 2)), ((0, 3), (0, 4))]
    assert lint_path(docx_table(tmp_path, rows, merges), ["AR108"]) == []


def test_header_naming_both_columns(lint_text):
    text = ("| Xã | Số hộ nghèo | Tổng số hộ | Tỷ lệ hộ nghèo/tổng số hộ (%) |\n|---|---|---|---|\n"
            "| Tân Phong | 85 | 1.250 | 6,8 |\n| Hòa Bình | 41 | 980 | 4,2 |\n| Đông Khê | 63 | 1.430 | 5,4 |\n")
    (i,) = _md(lint_text, text, "AR108")
    assert i.actual == "5,4" and "4,41%" in i.message


# --- AR109: highest, lowest and mean rows ------------------------------------------------------------------

def _ranking(summary):
    rows = "".join(f"| {a} | {b} | {c} |\n" for a, b, c in [
        ("1", "Sở Giao thông", "91,42%"), ("2", "Sở Tài chính", "87,16%"), ("3", "Sở Văn hóa", "79,05%"),
        ("4", "Sở Công Thương", "62,38%")])
    return "| Thứ hạng | Đơn vị | Chỉ số |\n|---|---|---|\n" + rows + "".join(f"| {a} | | {b} |\n" for a, b in summary)


def test_summary_rows_hold(lint_text):
    text = _ranking([("Chỉ số cao nhất", "91,42%"), ("Chỉ số trung bình", "80,00%"), ("Chỉ số thấp nhất", "62,38%")])
    assert _md(lint_text, text, "AR109") == []


def test_wrong_highest_is_an_error_and_wrong_plain_mean_a_warning(lint_text):
    text = _ranking([("Chỉ số cao nhất", "87,16%"), ("Chỉ số trung bình", "81,00%"), ("Chỉ số thấp nhất", "62,38%")])
    issues = _md(lint_text, text, "AR109")
    assert [(i.severity.value, i.expected) for i in issues] == [("error", "91,42%"), ("warning", "80,00%")]


def test_weighted_mean_inside_the_range_is_silent_outside_is_a_warning(lint_text):
    inside = _ranking([("Bình quân", "82,10%")])
    outside = _ranking([("Bình quân", "95,10%")])
    assert _md(lint_text, inside, "AR109") == []
    (i,) = _md(lint_text, outside, "AR109")
    assert i.severity.value == "warning"


def test_a_highest_above_every_listed_unit_may_be_of_more_units(lint_text):
    (i,) = _md(lint_text, _ranking([("Chỉ số cao nhất", "95,20%")]), "AR109")
    assert i.severity.value == "warning"
    (i,) = _md(lint_text, _ranking([("Chỉ số thấp nhất", "58,00%")]), "AR109")
    assert i.severity.value == "warning"
    (i,) = _md(lint_text, _ranking([("Chỉ số thấp nhất", "63,50%")]), "AR109")
    assert i.severity.value == "error"


def test_an_indicator_named_bình_quân_is_not_a_summary_row(lint_text):
    text = ("| STT | Chỉ tiêu | Năm 2025 |\n|---|---|---|\n| 1 | Tổng sản phẩm (tỷ đồng) | 52.630 |\n"
            "| 2 | Thu ngân sách (tỷ đồng) | 6.845 |\n| 3 | Vốn đầu tư (tỷ đồng) | 9.120 |\n"
            "| 4 | Thu nhập bình quân | 78 |\n")
    assert _md(lint_text, text, "AR109") == []


# --- AR102: a rate column whose header names no columns ----------------------------------------------------

def test_bare_rate_after_plan_and_result_is_checked_as_a_warning(lint_text):
    text = ("| STT | Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ (%) |\n|---|---|---|---|---|\n"
            "| 1 | Kết nạp đảng viên | 150 | 138 | 92,0 |\n| 2 | Hội viên mới | 400 | 412 | 108,0 |\n"
            "| 3 | Lớp bồi dưỡng | 12 | 12 | 100 |\n")
    (i,) = _md(lint_text, text, "AR102")
    assert i.severity.value == "warning" and "412/400" in i.message


def test_so_sanh_column_after_estimate_and_budget(lint_text):
    text = ("| STT | Nội dung | Dự toán năm 2025 | Ước thực hiện năm 2025 | So sánh (%) |\n|---|---|---|---|---|\n"
            "| 1 | Thu nội địa | 4.200 | 4.515 | 107,5 |\n| 2 | Thu phí, lệ phí | 310 | 298 | 96,1 |\n"
            "| 3 | Thu khác | 95 | 130 | 136,8 |\n")
    assert _md(lint_text, text, "AR102") == []
    (i,) = _md(lint_text, text.replace("96,1", "91,6"), "AR102")
    assert i.severity.value == "warning" and "298/310" in i.message


_GROWTH = ("| Chỉ tiêu | Năm 2024 | Năm 2025 | Tăng, giảm (%) |\n|---|---|---|---|\n| Số vụ tai nạn | 48 | 41 | -14,6 |\n"
           "| Số người chết | 30 | 33 | 10,0 |\n| Số người bị thương | 52 | 47 | -9,6 |\n| Số vụ cháy | 12 | 9 | -25,0 |\n"
           "| Thiệt hại (triệu đồng) | 1.250 | 980 | -21,6 |\n")


def test_growth_column_beside_two_years(lint_text):
    assert _md(lint_text, _GROWTH, "AR102") == []
    assert _md(lint_text, _GROWTH.replace("-25,0", "25,0"), "AR102") == []  # a decrease written without its sign
    (i,) = _md(lint_text, _GROWTH.replace("10,0", "11,0"), "AR102")
    assert i.severity.value == "warning" and "(33 - 30)/30 = 10,0%" in i.message and i.actual == "11,0%"


def test_rate_column_inferred_from_its_cells(lint_text):
    rows = [("Sở Giao thông", "92,00", "84,15", "91,47%"), ("Sở Tài chính", "90,00", "78,42", "87,13%"),
            ("Sở Văn hóa", "88,50", "80,07", "90,47%"), ("Sở Công Thương", "86,00", "69,91", "81,29%"),
            ("Văn phòng Đoàn", "95,00", "81,33", "85,61%"), ("Sở Y tế", "91,50", "66,72", "72,92%")]
    head = "| Đơn vị | Điểm chuẩn | Điểm đạt được | Chỉ số chung |\n|---|---|---|---|\n"
    ok = head + "".join(f"| {a} | {b} | {c} | {d} |\n" for a, b, c, d in rows)
    assert _md(lint_text, ok, "AR102") == []
    (i,) = _md(lint_text, ok.replace("85,61%", "86,61%"), "AR102")
    assert i.severity.value == "warning" and "81,33/95,00" in i.message


# --- JSON ---------------------------------------------------------------------------------------------------

def test_json_carries_the_related_cells_and_the_coverage(tmp_path):
    from click.testing import CliRunner

    from checker.cli import main

    rows = [["STT", "Chỉ tiêu", "Số liệu"], ["1", "Tỷ lệ vấn đề đã xử lý", "90"], ["1.1", "Số vấn đề phát hiện", "20"],
            ["1.2", "Số vấn đề phát hiện đã xử lý", "19"]]
    path = docx_table(tmp_path, rows)
    out = CliRunner().invoke(main, ["lint", "--select", "AR108", "--format", "json", str(path)]).output
    data = json.loads(out)["files"][0]
    (issue,) = data["issues"]
    assert issue["rule"] == "AR108" and issue["expected"] == "95,00%"
    assert {(r["location"]["row"], r["location"]["column_index"]) for r in issue["related"]} == {(3, 3), (4, 3)}
    assert data["coverage"]["by_form"]["table-rate"] == 1 and data["coverage"]["by_scope"]["table"] == 1
