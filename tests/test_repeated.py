"""The same indicator stated twice (AR103) and counted lists (AR104), both ways, on original text."""

from __future__ import annotations

import docx
import pytest

from checker.api import lint_document
from checker.readers import read_path


def _rule(issues, rule):
    return [i for i in issues if i.rule == rule]


# --- AR103 ---------------------------------------------------------------------------------------

def test_summary_and_body_disagree(lint_text):
    text = ("Tóm tắt: trong năm kết nạp 86 đảng viên, tổ chức 14 lớp bồi dưỡng.\n"
            "II. KẾT QUẢ\n"
            "Công tác phát triển đảng: kết nạp 84 đảng viên, chủ yếu là đoàn viên.")
    issues = _rule(lint_text(text, select=["AR103"]), "AR103")
    assert len(issues) == 1
    i = issues[0]
    assert i.severity.value == "warning" and i.location.line == 3
    assert "84" in i.message and "86" in i.message and "dòng 1" in i.message
    en = _rule(lint_text(text, select=["AR103"], lang="en"), "AR103")
    assert "line 1" in en[0].message


@pytest.mark.parametrize("text", [
    "Kết nạp 86 đảng viên.\nTrong năm kết nạp 86 đảng viên mới.",  # same value
    "Quý I kết nạp 20 đảng viên.\nQuý II kết nạp 25 đảng viên.",  # different periods
    "Chi bộ Thôn Đông kết nạp 2 đảng viên.\nChi bộ Thôn Tây kết nạp 3 đảng viên.",  # different subjects
    "Kết nạp 86 đảng viên, đạt 95% chỉ tiêu.\nChỉ tiêu năm là kết nạp 90 đảng viên.",  # target
    "Kết nạp 86 đảng viên.\nLũy kế từ đầu nhiệm kỳ kết nạp 410 đảng viên.",  # cumulative
    "Tổng số đơn vị hiện nay là 120 đơn vị.\nSố trường học hiện nay là 45 đơn vị.",  # copula: a subject, not an action
    "Xã A kết nạp 3 đảng viên; xã B kết nạp 4 đảng viên; xã C kết nạp 5 đảng viên.",  # one value per unit
    "Thi hành kỷ luật 10 đảng viên.\nChi bộ trực thuộc đảng ủy cơ sở thi hành kỷ luật 02 đảng viên.",  # a sub-unit
    # what must happen (a conclusion of the inspection commission), not what happened; another subject
    "Ủy ban Kiểm tra kiểm tra 8 đảng viên, kết luận 6 đảng viên vi phạm, phải thi hành kỷ luật 4 đảng viên.\n"
    "Thi hành kỷ luật 12 đảng viên (08 khiển trách, 03 cảnh cáo, 01 khai trừ).",
])
def test_repeated_stays_silent(lint_text, text):
    assert _rule(lint_text(text, select=["AR103"]), "AR103") == []


def test_text_against_table_cell(tmp_path):
    d = docx.Document()
    d.add_paragraph("Trong năm, bộ phận một cửa tiếp nhận 1.250 hồ sơ đăng ký.")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "Nội dung"
    t.cell(0, 1).text = "Kết quả"
    t.cell(1, 0).text = "Hồ sơ"
    t.cell(1, 1).text = "Đã tiếp nhận 1.205 hồ sơ đăng ký"
    path = tmp_path / "r.docx"
    d.save(path)
    issues = _rule(lint_document(read_path(path), select=["AR103"]).issues, "AR103")
    assert len(issues) == 1
    loc = issues[0].location
    assert (loc.table, loc.row, loc.column_index) == (1, 2, 2)


# --- AR104 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,items", [
    ("Công nhận 4 xã đạt chuẩn (Tân Lập, Hòa An, Phú Thịnh)", 3),
    ("Có 3 tổ chức cơ sở đảng (Chi bộ Trường Tiểu học; Chi bộ Trạm Y tế)", 2),
    ("Hội nghị bàn 4 nội dung (công tác cán bộ, công tác kiểm tra và dân vận)", 3),
    ("Đoàn làm việc gồm 4 thành viên: Trưởng ban; Phó Trưởng ban; một ủy viên.", 3),
])
def test_counted_list_fires(lint_text, text, items):
    issues = _rule(lint_text(text, select=["AR104"]), "AR104")
    assert len(issues) == 1 and issues[0].expected == str(items)


@pytest.mark.parametrize("text", [
    "Công nhận 3 xã đạt chuẩn (Tân Lập, Hòa An, Phú Thịnh).",
    "Công nhận 4 xã đạt chuẩn (Tân Lập, Hòa An, Phú Thịnh…).",
    "Công nhận 4 xã đạt chuẩn (Tân Lập, Hòa An, v.v.).",
    "Tiếp nhận 16 đồng chí (ngoài tỉnh 4, trong tỉnh 12).",  # a numeric breakdown: the parts rule's job
    "Giải thể 02 đảng bộ (Cơ quan Đảng, đoàn thể huyện và cơ quan chính quyền huyện).",  # 'và' inside an item
    "Trang bị 05 máy tính (cấu hình cao) cho tổ công tác.",  # one qualifier, not a list
    "Có 3 đơn vị chưa nộp báo cáo (lý do chủ yếu là thiếu cán bộ, thay đổi nhân sự, chưa có hướng dẫn).",
])
def test_counted_list_silent(lint_text, text):
    assert _rule(lint_text(text, select=["AR104"]), "AR104") == []


def test_following_items_with_children_are_counted_at_their_level(lint_text):
    text = ("Năm 2025 tập trung 3 nhiệm vụ sau:\n"
            "a) Kiện toàn tổ chức bộ máy;\n"
            "- Rà soát chức năng nhiệm vụ;\n"
            "- Sắp xếp lại các phòng;\n"
            "b) Nâng cao chất lượng sinh hoạt chi bộ;\n"
            "c) Đẩy mạnh chuyển đổi số.\n"
            "Kết quả cụ thể như sau.")
    assert _rule(lint_text(text, select=["AR104"]), "AR104") == []
    issues = _rule(lint_text(text.replace("3 nhiệm vụ", "4 nhiệm vụ"), select=["AR104"]), "AR104")
    assert len(issues) == 1 and issues[0].expected == "3" and issues[0].location.line == 1
