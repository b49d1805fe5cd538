"""Arithmetic consistency rules on original sentences shaped like real reports."""

from checker.api import lint


def issues(text, rule="AR"):
    r = lint(text, select=[rule])
    files = getattr(r, "files", None) or [r]
    return [i for f in files for i in f.issues]


def test_ratio_pair_with_typo_hint():
    (i,) = issues("Chi cục đã thi hành xong 1.538/11.847 việc có điều kiện thi hành, đạt tỷ lệ 83,27/80%.")
    assert i.rule == "AR002" and i.severity == "error"
    assert "1.538/11.847 = 12,98%" in i.message and "1.847?" in i.message
    assert i.expected == "12,98%" and i.actual == "83,27%"


def test_ratio_percent_error_message():
    (i,) = issues("- Kết nạp mới 127/179 đảng viên, đạt 70,97% chỉ tiêu.")
    assert i.rule == "AR001" and i.severity == "error"
    assert i.message.startswith("127/179 = 70,95%, văn bản ghi 70,97%")


def test_truncated_breakdown_is_at_most_info():
    text = ("Huy động 31,4 tỷ đồng (trong đó: vốn tỉnh 12,318 tỷ đồng; vốn huyện 2,2 tỷ đồng; "
            "vốn xã 14,9 tỷ đồng; vốn doanh nghiệp 600 triệu đồng; vốn dân 1,43 tỷ đồng).")
    assert all(i.severity in ("info", "warning") for i in issues(text))


def test_consistent_relations_stay_silent():
    texts = [
        "Tòa án thụ lý 1.208 vụ án các loại, đã giải quyết 983 vụ, đạt tỷ lệ 81,37%, án tồn 225 vụ.",
        "Thi hành xong số tiền trên 31,6/72 tỷ đồng có điều kiện thi hành, đạt tỷ lệ 43,89/45%.",
        "Vận động 38.212/45.031 hộ tham gia, chiếm 84,86/81,5% số hộ, đạt 104,12% chỉ tiêu.",
        "Chỉ đạo thực hiện 611/655 cuộc kiểm tra tại các chi bộ, đạt 93,28% chỉ tiêu.",
        "Tổ chức 31 cuộc giám sát (07 cuộc cấp huyện và 24 cuộc cấp xã, thị trấn).",
        "Thực hiện đạt và vượt 41/55 chỉ tiêu, 10 chỉ tiêu hoàn thành trên 60%, 04 chỉ tiêu chưa đến thời gian thực hiện.",
        "Tổ chức kỷ niệm 79 năm Ngày thành lập Quân đội (22/12/1944 - 22/12/2023).",
        "Kiểm sát giải quyết 58 vụ/97 bị can, đã truy tố 51 vụ/88 bị can.",
        "Tổ chức lễ kỷ niệm 512 năm ngày sinh của danh nhân văn hóa.",
        "Tổ chức kỷ niệm 76 năm Ngày thương binh liệt sĩ (1947-2023).",
    ]
    for t in texts:
        assert issues(t) == [], (t, [i.message for i in issues(t)])


def test_two_counts_are_not_a_ratio():
    assert issues("Kiểm sát giải quyết 58 vụ/97 bị can, đạt 59,79%.") == []


def test_anniversary_mismatch():
    (i,) = issues("Kỷ niệm 80 năm Ngày thành lập Đảng bộ huyện (1945 - 2024).")
    assert i.rule == "AR007" and i.expected == "79"


def test_remainder_and_parts():
    assert [i.rule for i in issues("Tòa án thụ lý 900 vụ, đã giải quyết 700 vụ, án tồn 210 vụ.")] == ["AR004"]
    assert [i.rule for i in issues("Kỷ luật 09 đảng viên (05 khiển trách, 02 cảnh cáo, 03 cách chức).")] == ["AR003"]


def test_money_parts_convert_units():
    assert issues("Tổng kinh phí 2,5 tỷ đồng, gồm: ngân sách 1,9 tỷ đồng và xã hội hóa 600 triệu đồng.") == []
    assert [i.rule for i in issues("Tổng kinh phí 2,1 tỷ đồng, gồm: ngân sách 1,9 tỷ đồng và xã hội hóa 600 triệu đồng.")] == ["AR003"]


def test_growth():
    assert issues("Thu ngân sách 66 tỷ đồng, tăng 10% so với cùng kỳ (60 tỷ đồng).") == []
    assert [i.rule for i in issues("Thu ngân sách 66 tỷ đồng, tăng 25% so với cùng kỳ (60 tỷ đồng).")] == ["AR006"]


def test_coverage_counts():
    r = lint("Kết nạp mới 127/179 đảng viên, đạt 70,95% chỉ tiêu; tổ chức 7.25 cuộc.", select=["AR"])
    f = (getattr(r, "files", None) or [r])[0]
    assert f.coverage.figures >= 3 and f.coverage.relations >= 1 and f.coverage.unparsed >= 1
