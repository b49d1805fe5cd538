"""Date and period rules."""

from _lintutil import findings

HEAD = "ĐẢNG CỘNG SẢN VIỆT NAM\nSố 31-BC/HU\nMỹ Tú, ngày {day} tháng 6 năm 2024\nBÁO CÁO\nkết quả công tác quý II/2024\n"


def test_impossible_dates():
    issues = findings("Họp ngày 31/4/2024; Kế hoạch số 5-KH/HU ngày 29/02/2023; tháng 13/2024.", "DT001")
    assert len(issues) == 3
    assert findings("Họp ngày 30/4/2024; Kế hoạch số 10-KH/BCĐ ngày 29/02/2024.", "DT001") == []


def test_event_after_report_date():
    text = HEAD.format(day="12") + "I. KẾT QUẢ\nNgày 20/6/2024, tổ chức hội nghị sơ kết.\n"
    assert [i.excerpt for i in findings(text, "DT002")] == ["20/6/2024"]


def test_blank_day_uses_month_and_year():
    text = HEAD.format(day="     ") + "I. KẾT QUẢ\nNgày 20/6/2024 hội nghị; ngày 03/7/2024 hội thảo.\n"
    assert [i.excerpt for i in findings(text, "DT002")] == ["03/7/2024"]


def test_plans_deadlines_and_anniversaries_are_not_events():
    text = HEAD.format(day="12") + (
        "I. KẾT QUẢ\nDự kiến ngày 25/6/2024 tổng kết; hoàn thành trước ngày 30/9/2024.\n"
        "Kỷ niệm 35 năm Ngày truyền thống (06/12/1989 - 06/12/2024).\n"
        "II. NHIỆM VỤ QUÝ III/2024\nTổ chức hội nghị ngày 15/7/2024; trong tháng 8/2024 kiểm tra.\n")
    assert findings(text, ["DT002", "DT004"]) == []


def test_year_span_backwards():
    assert [i.excerpt for i in findings("Nhiệm kỳ 2026 - 2021 và giai đoạn 2021 - 2025.", "DT003")] == ["2026 - 2021"]


def test_period_contradictions():
    text = HEAD.format(day="20") + ("I. KẾT QUẢ\nTrong tháng 9/2024 kết nạp 12 đảng viên.\n"
                                    "II. NHIỆM VỤ QUÝ II/2024\nTiếp tục.\n")
    assert [i.excerpt for i in findings(text, "DT004")] == ["tháng 9/2024", "QUÝ II/2024"]


def test_district_body_after_reform():
    head = "HUYỆN ỦY MỸ TÚ\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 31-BC/HU\nMỹ Tú, ngày      tháng {m} năm 2025\nBÁO CÁO\n"
    assert len(findings(head.format(m="7"), "DT005")) == 1
    assert findings(head.format(m="6"), "DT005") == []
    assert len(findings("Theo Kế hoạch số 12-KH/HU ngày 02/7/2025.", "DT005")) == 1


def test_deadline_after_the_date_and_plans_are_not_events():
    head = ("ĐẢNG CỘNG SẢN VIỆT NAM\nSố 35-BC/ĐU\nPhú Hữu, ngày 02 tháng 7 năm 2025\nBÁO CÁO\n"
            "sơ kết công tác 6 tháng đầu năm 2025\nI. KẾT QUẢ\n")
    assert findings(head + "Ngày 20/10/2025 là hạn chót nộp hồ sơ; ngày 15/8/2025 sẽ khai giảng lớp học.",
                    "DT002") == []
    assert len(findings(head + "Ngày 20/7/2025, Ban Thường vụ đã tổ chức hội nghị.", "DT002")) == 1
    plan = ("ỦY BAN NHÂN DÂN\nXÃ PHÚ HỮU\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 12/KH-UBND\nPhú Hữu, ngày 02 tháng 7 năm 2025\nKẾ HOẠCH\ntổ chức hội thi quý III năm 2025\n"
            "I. MỤC ĐÍCH\nNgày 20/9/2025 tổ chức hội thi; tháng 10/2025 tổng kết.")
    assert findings(plan, ["DT002", "DT004"]) == []


def test_date_with_a_three_digit_year():
    issues = findings("Triển khai Nghị quyết số 71/NQ-CP ngày 21/9/025 của Chính phủ.", "DT001")
    assert [(i.excerpt, i.severity.value) for i in issues] == [("21/9/025", "error")]
    assert findings("Triển khai Nghị quyết số 71/NQ-CP ngày 21/9/2025; hồ sơ số 12/3/045.", "DT001") == []


def test_continuing_work_in_a_later_month_is_a_plan():
    head = ("ĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-BC/HU\nMỹ Tú, ngày 20 tháng 10 năm 2024\nBÁO CÁO\n"
            "kết quả công tác tháng 10 năm 2024\nI. KẾT QUẢ\n")
    assert findings(head + "Kiểm tra 2 chi bộ; trong tháng 11/2024 tiếp tục kiểm tra 3 chi bộ.", "DT004") == []
    assert len(findings(head + "Trong tháng 11/2024, Huyện ủy đã tổ chức hội nghị sơ kết.", "DT004")) == 1
