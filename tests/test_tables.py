"""Table rules (AR101 totals, AR102 percentage columns) on Word tables built here with python-docx,
in the shapes of real reports: two-row headers with merged cells, unit rows, STT columns, totals first
or last, "Trong đó" sub-rows, blank and "-" cells. Also the grid itself and table locations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.api import lint_document
from checker.readers import read_path, read_string
from checker.tablegrid import fmt_vi, grids

from _tablesutil import docx_table


def _docx(tmp_path, rows, merges=(), before="Báo cáo kết quả thực hiện nhiệm vụ năm 2025.", name="t.docx"):
    return docx_table(tmp_path, rows, merges, before=before, name=name)


def _lint(path, select=("AR101", "AR102"), lang="vi"):
    return lint_document(read_path(path), select=list(select), lang=lang).issues


# --- shapes -------------------------------------------------------------------------------------

HEADER2 = [  # two header rows: STT and Đơn vị merged down, "Kết quả" spanning two columns
    ["STT", "Đơn vị", "Kết quả năm 2025", None],
    [None, None, "Số hộ", "Kinh phí (triệu đồng)"],
]
MERGES2 = [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 3))]


def test_totals_last_with_two_row_header_fires_once_with_table_location(tmp_path):
    rows = HEADER2 + [
        ["1", "Xã Tân Phong", "126", "1.250,5"],
        ["2", "Xã Hòa Bình", "87", "980"],
        ["3", "Thị trấn Đông Khê", "54", "-"],
        ["", "Tổng cộng", "277", "2.230,5"],
    ]
    issues = _lint(_docx(tmp_path, rows, MERGES2))
    assert len(issues) == 1, [i.message for i in issues]
    i = issues[0]
    assert i.rule == "AR101" and i.severity.value == "error"
    assert i.expected == "267" and i.actual == "277"
    assert "267" in i.message and "277" in i.message and "Tổng cộng" in i.message
    loc = i.location
    assert (loc.table, loc.row, loc.column_index) == (1, 6, 3)
    assert loc.kind == "table_cell" and i.excerpt == "277"
    data = i.location.to_json()
    assert data["table"] == 1 and data["row"] == 6 and data["column_index"] == 3


def test_totals_correct_with_blank_and_dash_cells_is_silent(tmp_path):
    rows = HEADER2 + [
        ["1", "Xã Tân Phong", "126", "1.250,5"],
        ["2", "Xã Hòa Bình", "", "980"],
        ["3", "Thị trấn Đông Khê", "54", "-"],
        ["", "Tổng cộng", "180", "2.230,5"],
    ]
    assert _lint(_docx(tmp_path, rows, MERGES2)) == []


def test_decimal_total_within_rounding_is_silent_and_beyond_is_error(tmp_path):
    head = [["Đơn vị: tỷ đồng", None, None], ["STT", "Nguồn vốn", "Giá trị"]]
    merges = [((0, 0), (0, 2))]
    ok = head + [["1", "Ngân sách tỉnh", "12,4"], ["2", "Ngân sách huyện", "3,65"], ["3", "Huy động", "1,2"],
                 ["", "Tổng cộng", "17,2"]]
    assert _lint(_docx(tmp_path, ok, merges, name="ok.docx")) == []
    bad = head + [["1", "Ngân sách tỉnh", "12,4"], ["2", "Ngân sách huyện", "3,65"], ["3", "Huy động", "1,2"],
                  ["", "Tổng cộng", "18,2"]]
    issues = _lint(_docx(tmp_path, bad, merges, name="bad.docx"))
    assert [i.rule for i in issues] == ["AR101"]
    assert issues[0].expected == "17,25"


def test_totals_first_with_trong_do_rows_skipped(tmp_path):
    rows = [
        ["STT", "Đơn vị", "Đảng viên mới"],
        ["", "Toàn huyện", "64"],
        ["1", "Đảng bộ xã An Lạc", "20"],
        ["", "Trong đó: nữ", "8"],
        ["2", "Đảng bộ xã Phú Mỹ", "25"],
        ["3", "Chi bộ Cơ quan", "19"],
    ]
    assert _lint(_docx(tmp_path, rows)) == []
    rows[1][2] = "72"
    issues = _lint(_docx(tmp_path, rows, name="bad.docx"))
    assert len(issues) == 1 and issues[0].expected == "64"
    assert "cộng 3 dòng được 64" in issues[0].message  # the "Trong đó" row is not one of the rows summed


def test_hierarchical_table_total_of_top_level_or_leaves_is_accepted(tmp_path):
    rows = [
        ["STT", "Chỉ tiêu", "Số lượng"],
        ["I", "Khối Đảng", "30"],
        ["1", "Văn phòng", "12"],
        ["2", "Ban Tổ chức", "18"],
        ["II", "Khối chính quyền", "45"],
        ["1", "Phòng Nội vụ", "20"],
        ["2", "Phòng Tài chính", "25"],
        ["", "Tổng cộng", "75"],
    ]
    assert _lint(_docx(tmp_path, rows)) == []
    rows[7][2] = "150"  # summing everything (parents and children) would give 150: still wrong
    issues = _lint(_docx(tmp_path, rows, name="bad.docx"))
    assert len(issues) == 1 and issues[0].expected == "75"


def test_merged_value_cell_in_body_keeps_the_column_silent(tmp_path):
    rows = [
        ["STT", "Đơn vị", "Số hộ"],
        ["1", "Xã A", "40"],
        ["2", "Xã B", None],
        ["3", "Xã C", "10"],
        ["", "Cộng", "90"],
    ]
    assert _lint(_docx(tmp_path, rows, merges=[((1, 2), (2, 2))])) == []


def test_total_in_the_middle_is_ambiguous_and_silent(tmp_path):
    rows = [
        ["STT", "Đơn vị", "Số hộ"],
        ["1", "Xã A", "40"],
        ["", "Tổng", "99"],
        ["2", "Xã B", "10"],
    ]
    assert _lint(_docx(tmp_path, rows)) == []


def test_row_units_that_differ_or_rates_are_not_summed(tmp_path):
    rows = [
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"],
        ["1", "Hồ sơ tiếp nhận", "Hồ sơ", "1.200"],
        ["2", "Tỷ lệ giải quyết đúng hạn", "%", "98,5"],
        ["3", "Hồ sơ trễ hạn", "Hồ sơ", "18"],
        ["", "Tổng số", "Hồ sơ", "1.218"],
    ]
    assert _lint(_docx(tmp_path, rows)) == []


def test_total_column_under_trong_do_and_left_parts(tmp_path):
    rows = [
        ["STT", "Đơn vị", "Tổng số", "Trong đó", None],
        [None, None, None, "Nam", "Nữ"],
        ["1", "Xã A", "50", "30", "20"],
        ["2", "Xã B", "40", "25", "15"],
        ["3", "Xã C", "30", "25", "15"],
    ]
    merges = [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (1, 2)), ((0, 3), (0, 4))]
    issues = _lint(_docx(tmp_path, rows, merges))
    assert len(issues) == 1 and issues[0].location.row == 5 and issues[0].location.column_index == 3
    assert issues[0].expected == "40"


def test_total_column_that_fails_in_most_rows_is_a_misread_layout(tmp_path):
    rows = [
        ["STT", "Xã", "Năm 2024", "Năm 2025", "Cộng"],
        ["1", "A", "12", "15", "30"],
        ["2", "B", "8", "10", "21"],
        ["3", "C", "9", "7", "16"],
    ]
    assert _lint(_docx(tmp_path, rows)) == []


# --- percentage columns --------------------------------------------------------------------------

PCT_HEAD = [
    ["STT", "Chỉ tiêu", "Kế hoạch năm 2025", "Thực hiện năm 2025", "Cùng kỳ năm 2024", "So sánh (%)", None],
    [None, None, None, None, None, "TH/KH", "TH/CK"],
]
PCT_MERGES = [((0, c), (1, c)) for c in range(5)] + [((0, 5), (0, 6))]


def test_percentage_columns_from_plan_and_same_period(tmp_path):
    rows = PCT_HEAD + [
        ["1", "Kết nạp đảng viên", "150", "138", "120", "92,0", "115,0"],
        ["2", "Hội viên mới", "400", "412", "390", "103,0", "105,6"],
        ["3", "Lớp bồi dưỡng", "12", "12", "10", "100", "120"],
    ]
    assert _lint(_docx(tmp_path, rows, PCT_MERGES)) == []
    rows[3][6] = "106,6"  # 412/390 = 105,64%
    issues = _lint(_docx(tmp_path, rows, PCT_MERGES, name="bad.docx"))
    assert len(issues) == 1
    i = issues[0]
    assert i.rule == "AR102" and i.severity.value == "error"
    assert "412/390" in i.message and "105,64%" in i.message and "106,6" in i.message
    assert (i.location.table, i.location.row, i.location.column_index) == (1, 4, 7)


def test_truncated_percentage_is_info(tmp_path):
    rows = [
        ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ % so với kế hoạch"],
        ["1", "Thu ngân sách", "300", "200", "66,67"],
        ["2", "Chi đầu tư", "90", "60", "66,6"],
        ["3", "Vốn vay", "50", "25", "50,0"],
    ]
    issues = _lint(_docx(tmp_path, rows))
    assert len(issues) == 1 and issues[0].severity.value == "info"


def test_unexplained_rate_column_is_silent(tmp_path):
    rows = [
        ["STT", "Chỉ tiêu", "Số lượng", "Tổng số", "Tỷ lệ (%)"],
        ["1", "Hộ nghèo", "120", "4.350", "7,5"],
        ["2", "Hộ cận nghèo", "200", "4.350", "3,1"],
    ]
    assert _lint(_docx(tmp_path, rows)) == []


def test_percentage_by_explicit_column_numbers(tmp_path):
    rows = [
        ["TT", "Chỉ tiêu", "Năm trước", "Năm nay", "Tỷ lệ"],
        ["A", "B", "1", "2", "3=2/1"],
        ["1", "Tin bài", "200", "250", "125"],
        ["2", "Phóng sự", "40", "50", "120"],
        ["3", "Chuyên mục", "10", "12", "120"],
    ]
    assert _lint(_docx(tmp_path, rows)) == []  # a stated formula is the formula rule's (AR107), not AR102's
    issues = _lint(_docx(tmp_path, rows), select=("AR107",))
    assert len(issues) == 1 and issues[0].location.row == 4 and issues[0].expected == "125"
    assert "(3) = (2) / (1)" in issues[0].message and "50 / 40 × 100 = 125" in issues[0].message


# --- console and English -----------------------------------------------------------------------

def test_console_shows_table_row_and_column(tmp_path):
    from click.testing import CliRunner

    from checker.cli import main

    rows = [["STT", "Đơn vị", "Số hộ"], ["1", "Xã A", "40"], ["2", "Xã B", "10"], ["", "Cộng", "60"]]
    path = _docx(tmp_path, rows)
    out = CliRunner().invoke(main, ["lint", "--select", "AR101", "--no-color", str(path)]).output
    assert "bảng 1, hàng 4, cột 3" in out
    out = CliRunner().invoke(main, ["lint", "--select", "AR101", "--format", "json", str(path)]).output
    issue = json.loads(out)["files"][0]["issues"][0]
    assert issue["location"]["table"] == 1 and issue["location"]["row"] == 4 and issue["location"]["column_index"] == 3
    en = CliRunner().invoke(main, ["lint", "--select", "AR101", "--lang", "en", "--no-color", str(path)]).output
    assert "table 1, row 4, col 3" in en and "add up to 50" in en


# --- the grid -----------------------------------------------------------------------------------

def test_grid_headers_resolve_merges_and_units(tmp_path):
    rows = [["Đơn vị: triệu đồng", None, None, None]] + HEADER2 + [["1", "Xã A", "3", "4"]]
    merges = [((0, 0), (0, 3))] + [((a + 1, b), (c + 1, e)) for (a, b), (c, e) in MERGES2]
    g = grids(read_path(_docx(tmp_path, rows, merges)))[0]
    assert g.header_rows == 3 and g.unit == "Đơn vị: triệu đồng"
    assert g.stt_col == 1 and g.label_col == 2
    assert g.headers[3] == "Kết quả năm 2025 Số hộ"
    assert g.headers[4] == "Kết quả năm 2025 Kinh phí (triệu đồng)"


def test_markdown_pipe_table_is_a_grid():
    doc = read_string("Bảng:\n| STT | Xã | Số hộ |\n|---|---|---|\n| 1 | A | 4 |\n| 2 | B | 5 |\nHết.")
    (g,) = grids(doc)
    assert g.header_rows == 1 and g.n_rows == 3 and g.n_cols == 3
    assert g.at(2, 3).text == "4" and g.at(2, 3).block.line == 4


def test_markdown_column_number_row_under_the_delimiter():
    doc = read_string("| TT | Xã | Nam | Nữ | Cộng |\n|---|---|---|---|---|\n| A | B | 1 | 2 | 3=1+2 |\n"
                      "| 1 | An | 4 | 5 | 9 |\n| 2 | Bình | 3 | 3 | 6 |\n")
    (g,) = grids(doc)
    assert g.colnum_row == 2 and g.header_rows == 2 and list(g.data_rows()) == [3, 4]
    doc = read_string("| TT | Xã | Số hộ |\n|---|---|---|\n| 1 | A | 4 |\n| 2 | B | 5 |\n")
    (g,) = grids(doc)  # "| 1 | A | 4 |" is a data row: its numbers do not count the columns
    assert g.colnum_row is None and g.header_rows == 1


def test_word_column_number_row_with_an_en_dash(tmp_path):
    rows = [["TT", "Chỉ tiêu", "Năm 2024", "Năm 2025", "Chênh lệch"], ["A", "B", "(1)", "(2)", "(3)=(2)–(1)"],
            ["1", "Hộ nghèo", "120", "96", "24"]]
    (g,) = grids(read_path(_docx(tmp_path, rows)))
    assert g.colnum_row == 2 and g.header_rows == 2 and g.headers[5] == "Chênh lệch"


def test_header_cell_follows_a_group_title(tmp_path):
    (g,) = grids(read_path(_docx(tmp_path, HEADER2 + [["1", "Xã A", "3", "4"]], MERGES2)))
    assert g.header_cell(1, 4).text == "Kết quả năm 2025" and g.header_cell(2, 4).text.startswith("Kinh phí")
    assert g.header_cell(2, 1).text == "STT"  # merged down


@pytest.mark.parametrize("value,dec,out", [(1234567, 0, "1.234.567"), ("17.25", 2, "17,25"), ("-5.5", 1, "-5,5"),
                                           ("105.6410", 2, "105,64")])
def test_fmt_vi(value, dec, out):
    from decimal import Decimal

    assert fmt_vi(Decimal(value), dec) == out


# --- a rate column whose header names only its numerator ("Tỷ lệ tiêm (%)") -----------------------------------

def _rate_rows():
    return [
        ["STT", "Xã", "Số trẻ trong độ tuổi", "Số trẻ được tiêm", "Tỷ lệ tiêm (%)"],
        ["1", "Xã An Bình", "412", "398", "96,6"],
        ["2", "Xã Phú Lợi", "356", "331", "93,0"],
        ["3", "Xã Tân Lập", "289", "281", "97,2"],
        ["4", "Xã Hòa Hiệp", "520", "487", "93,7"],
        ["", "Cộng", "1.577", "1.497", "94,9"],
    ]


def test_rate_column_with_inferred_base_is_silent_when_it_holds(tmp_path):
    assert _lint(_docx(tmp_path, _rate_rows())) == []


def test_rate_column_with_inferred_base_flags_one_row_as_warning(tmp_path):
    rows = _rate_rows()
    rows[2][4] = "95,0"  # 331/356 = 92,98%
    (i,) = _lint(_docx(tmp_path, rows))
    assert i.rule == "AR102" and i.severity.value == "warning" and "331/356" in i.message


def test_rate_column_without_a_fitting_base_stays_silent(tmp_path):
    rows = _rate_rows()
    for r, v in zip(rows[1:], ["80,1", "71,3", "66,0", "90,2", "77,7"]):
        r[4] = v  # a rate of something else (no column explains it)
    assert _lint(_docx(tmp_path, rows)) == []


# --- a first or last row named "Tổng <noun>" ------------------------------------------------------------------

def _area_rows():
    return [
        ["TT", "Cây trồng", "Kế hoạch", "Thực hiện"],
        ["", "Tổng diện tích gieo trồng", "9.120,5", "9.046,2"],
        ["1", "Lúa", "6.400,0", "6.315,8"],
        ["2", "Ngô", "1.520,5", "1.498,0"],
        ["3", "Rau màu", "1.200,0", "1.232,4"],
    ]


def test_named_total_row_at_the_top_is_checked_as_warning(tmp_path):
    rows = _area_rows()
    assert _lint(_docx(tmp_path, rows)) == []
    rows[3][3] = "1.489,0"
    (i,) = _lint(_docx(tmp_path, rows, name="bad.docx"))
    assert i.rule == "AR101" and i.severity.value == "warning" and "9.037,2" in i.message


def test_indicator_table_starting_with_tong_san_pham_is_silent(tmp_path):
    rows = [
        ["TT", "Chỉ tiêu", "Năm 2024", "Năm 2025"],
        ["1", "Tổng sản phẩm trên địa bàn (tỷ đồng)", "48.215", "52.630"],
        ["2", "Thu ngân sách (tỷ đồng)", "6.120", "6.845"],
        ["3", "Kim ngạch xuất khẩu (triệu USD)", "1.240", "1.385"],
    ]
    assert _lint(_docx(tmp_path, rows)) == []


def test_percent_column_finding_states_the_value_as_a_percentage():
    from checker.api import lint

    r = lint(Path(__file__).parent.parent / "samples" / "bao-cao-ubnd-xa-phu-an-thang-10-2024.docx", select=["AR102"])
    (issue,) = r.issues
    assert issue.actual == "75,73%" and issue.expected == "77,53%"
