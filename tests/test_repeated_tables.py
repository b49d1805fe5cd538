"""The same indicator in a table and in the prose with two values (AR103, issue 12 form 10), both ways:
Word tables by rows (periods in columns) and by columns (units in rows, a total row), Markdown tables."""

from __future__ import annotations

import json

import pytest

from checker.checks.tablecells import header_period

from _tablesutil import docx_tables, lint_path

HEAD = ["BÁO CÁO", "Kết quả công tác xây dựng Đảng quý III năm 2024"]
QUARTERS = [["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả năm 2024", None, None],
            [None, None, None, "Quý I", "Quý II", "Quý III"]]
Q_MERGES = [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (1, 2)), ((0, 3), (0, 5))]


def _quarter_table(kn="45", unit="Đảng viên"):
    return QUARTERS + [["1", "Kết nạp đảng viên", unit, "30", "38", kn],
                       ["2", "Chuyển đảng chính thức", "Đảng viên", "22", "25", "31"]]


def _ar103(tmp_path, sentence, table=None, name="t.docx", lang="vi"):
    path = docx_tables(tmp_path, [(table or _quarter_table(), Q_MERGES)], before=HEAD + [sentence],
                       after="Trên đây là báo cáo quý III năm 2024.", name=name)
    return lint_path(path, ["AR103"], lang=lang)


def test_prose_against_the_quarter_column_names_both_places(tmp_path):
    (i,) = _ar103(tmp_path, "Trong quý, các chi bộ kết nạp 48 đảng viên, tổ chức 6 lớp bồi dưỡng.")
    assert i.severity.value == "warning" and i.actual == "48" and i.excerpt == "48 đảng viên"
    assert "45" in i.message and "Kết nạp đảng viên" in i.message and "Quý III" in i.message
    assert "bảng 1, hàng 3, cột 6" in i.message
    (rel,) = i.related
    assert (rel.location.table, rel.location.row, rel.location.column_index) == (1, 3, 6) and rel.excerpt == "45"
    (en,) = _ar103(tmp_path, "Trong quý, các chi bộ kết nạp 48 đảng viên.", name="en.docx", lang="en")
    assert "the table (table 1, row 3, col 6" in en.message


@pytest.mark.parametrize("sentence", [
    "Trong quý, các chi bộ kết nạp 45 đảng viên.",  # the same value
    "Trong tháng 8/2024, kết nạp 20 đảng viên.",  # another period
    "Trong quý II/2024, kết nạp 48 đảng viên.",  # the period of another column, another value
    "Trong quý, kết nạp 48 đảng viên là người dân tộc thiểu số.",  # a narrower count
    "Chi bộ Thôn Đông kết nạp 4 đảng viên.",  # a named unit
    "Phấn đấu trong quý IV kết nạp 48 đảng viên.",  # a target
    "Lũy kế từ đầu năm kết nạp 113 đảng viên.",  # cumulative
])
def test_no_clear_match_or_same_value_is_silent(tmp_path, sentence):
    assert _ar103(tmp_path, sentence) == []


def test_unit_that_is_not_the_counting_noun_is_silent(tmp_path):
    assert _ar103(tmp_path, "Trong quý, kết nạp 48 đảng viên.", table=_quarter_table(unit="Hồ sơ")) == []
    (i,) = _ar103(tmp_path, "Trong quý, kết nạp 48 đảng viên.", table=_quarter_table(unit="Người"), name="n.docx")
    assert i.actual == "48"


def test_a_label_with_more_words_is_another_indicator(tmp_path):
    table = QUARTERS + [["1", "Kết nạp đảng viên nữ", "Đảng viên", "10", "12", "15"]]
    assert _ar103(tmp_path, "Trong quý, kết nạp 48 đảng viên.", table=table) == []


def test_plan_and_cumulative_columns_are_not_read(lint_text):
    text = ("BÁO CÁO\nKết quả công tác quý III năm 2024\nTrong quý, kết nạp 48 đảng viên.\n"
            "| Chỉ tiêu | Kế hoạch năm | Lũy kế 9 tháng |\n|---|---|---|\n| Kết nạp đảng viên | 150 | 113 |\n")
    assert [i for i in lint_text(text, select=["AR103"]) if i.rule == "AR103"] == []


def test_single_result_column_is_the_reports_period(lint_text):
    text = ("BÁO CÁO\nKết quả công tác quý III năm 2024\nTrong quý, kết nạp 48 đảng viên.\n"
            "| Chỉ tiêu | Kết quả |\n|---|---|\n| Số đảng viên mới kết nạp | 45 |\n| Số lớp bồi dưỡng | 6 |\n")
    (i,) = [i for i in lint_text(text, select=["AR103"]) if i.rule == "AR103"]
    assert i.location.line == 3 and "Số đảng viên mới kết nạp" in i.message


def test_table_of_units_with_a_total_row(tmp_path):
    rows = [["STT", "Đơn vị", "Kết nạp đảng viên", "Khen thưởng đảng viên"],
            ["1", "Đảng bộ xã An Lạc", "12", "3"], ["2", "Đảng bộ xã Phú Mỹ", "15", "2"],
            ["3", "Chi bộ Cơ quan", "9", "1"], ["", "Toàn huyện", "36", "6"]]
    path = docx_tables(tmp_path, [(rows, [])], before=HEAD + ["Toàn Đảng bộ kết nạp 38 đảng viên trong quý."])
    (i,) = lint_path(path, ["AR103"])
    assert i.actual == "38" and "36" in i.message and "Toàn huyện" in i.message
    assert (i.related[0].location.row, i.related[0].location.column_index) == (5, 3)


def test_years_in_columns_against_an_annual_report(lint_text):
    text = ("BÁO CÁO\nTổng kết công tác năm 2024\nNăm 2024, toàn huyện tiếp nhận 1.240 hồ sơ.\n"
            "| Chỉ tiêu | Năm 2023 | Năm 2024 |\n|---|---|---|\n| Tiếp nhận hồ sơ | 1.105 | 1.204 |\n")
    (i,) = [i for i in lint_text(text, select=["AR103"]) if i.rule == "AR103"]
    assert i.actual == "1.240" and "1.204" in i.message and "Năm 2024" in i.message
    assert [i for i in lint_text(text.replace("1.240", "1.204"), select=["AR103"]) if i.rule == "AR103"] == []


def test_two_tables_with_the_same_row_leave_it_ambiguous(lint_text):
    table = "| Chỉ tiêu | Kết quả |\n|---|---|\n| Kết nạp đảng viên | 45 |\n"
    text = "BÁO CÁO\nKết quả công tác quý III năm 2024\nTrong quý, kết nạp 48 đảng viên.\n" + table + "Và:\n" + table
    assert [i for i in lint_text(text, select=["AR103"]) if i.rule == "AR103"] == []


def test_json_related_points_at_the_table_cell(tmp_path):
    from click.testing import CliRunner

    from checker.cli import main

    path = docx_tables(tmp_path, [(_quarter_table(), Q_MERGES)], before=HEAD + ["Trong quý kết nạp 48 đảng viên."])
    out = CliRunner().invoke(main, ["lint", "--select", "AR103", "--format", "json", str(path)]).output
    data = json.loads(out)["files"][0]
    (issue,) = data["issues"]
    assert issue["related"][0]["location"]["table"] == 1 and issue["related"][0]["excerpt"] == "45"
    assert data["coverage"]["by_form"]["repeated-figure"] >= 1


@pytest.mark.parametrize("header,period", [
    ("Quý III", (None, 7, 9)), ("Kết quả quý II/2024", (2024, 4, 6)), ("Quý 4 năm 2025", (2025, 10, 12)),
    ("6 tháng đầu năm 2025", (2025, 1, 6)), ("9 tháng", (None, 1, 9)), ("Tháng 10/2024", (2024, 10, 10)),
    ("Năm 2024", (2024, 1, 12)), ("2023", (2023, 1, 12)), ("Thực hiện", None), ("Quý I và quý II", None),
    ("Tháng 13", None),
])
def test_header_period(header, period):
    assert header_period(header) == period
