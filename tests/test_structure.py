"""Structure rules: mandatory parts, blank draft fields, number shape, header date, sections,
heading numbering, footnotes (original texts in the shape of real district reports)."""

from _lintutil import findings
from checker.api import lint_document
from checker.document import Block, BlockKind, Document, NoteRef

PARTY_HEAD = ("ĐẢNG BỘ TỈNH SÓC TRĂNG\nHUYỆN ỦY MỸ TÚ\nVĂN PHÒNG\n*\nĐẢNG CỘNG SẢN VIỆT NAM\n"
              "Mỹ Tú, ngày      tháng 9 năm 2024\nSố       -BC/VPHU\n\nBÁO CÁO\n"
              "Kết quả làm việc định kỳ quý III/2024 của Thường trực Huyện ủy\n-----\n")
PARTY_BODY = (
    "I. KẾT QUẢ THỰC HIỆN KẾT LUẬN QUÝ II/2024\n"
    "Các cơ quan đã thực hiện 08 nội dung được giao.\n"
    "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 9 THÁNG NĂM 2024\n"
    "1. Các chỉ tiêu về xây dựng Đảng\n- Kết nạp 95 đảng viên.\n"
    "2. Công tác trọng tâm\n- Tổ chức hội nghị sơ kết.\n"
    "2. Kết quả trên từng lĩnh vực\n* Công tác Tuyên giáo: đạt kế hoạch.\n"
    "III. NHẬN XÉT, ĐÁNH GIÁ\n1. Kết quả đạt được\nCơ bản hoàn thành.\n"
    "2. Hạn chế và nguyên nhân\nMột số việc còn chậm do thiếu cán bộ.\n"
    "IV. NHIỆM VỤ TRONG THỜI GIAN TỚI\n1. Tiếp tục kiểm tra\n"
    "IV. ĐỀ XUẤT, KIẾN NGHỊ\nĐề xuất trang bị máy tính.\n"
    "Nơi nhận:\n- Thường trực Huyện ủy,\n- Lưu Văn phòng Huyện ủy.\nCHÁNH VĂN PHÒNG\n\nNguyễn Văn Bình\n")


def rules_of(issues):
    return sorted((i.rule, i.location.line, i.severity.value) for i in issues)


def test_party_report_numbering_duplicates_found():
    issues = findings(PARTY_HEAD + PARTY_BODY, "ST006")
    labels = [(i.excerpt.strip(), i.expected) for i in issues]
    assert labels == [("2.", "3."), ("IV.", "V.")]
    assert all(i.severity.value == "error" for i in issues)


def test_blank_number_and_day_are_info_not_errors():
    issues = findings(PARTY_HEAD + PARTY_BODY, ["ST001", "ST002", "ST003", "ST004"])
    assert [(i.rule, i.severity.value) for i in issues] == [("ST002", "info"), ("ST002", "info")]
    assert "điền khi ban hành" in issues[0].message


def test_complete_party_report_has_no_structure_findings_besides_numbering():
    text = (PARTY_HEAD + PARTY_BODY).replace("2. Kết quả trên", "3. Kết quả trên").replace(
        "IV. ĐỀ XUẤT", "V. ĐỀ XUẤT")
    assert findings(text, "ST") == [i for i in findings(text, "ST") if i.rule == "ST002"]


def test_missing_parts_one_finding_each_anchored_at_subject_and_end():
    text = ("BÁO CÁO\nTình hình thực hiện nhiệm vụ quý III/2023\nI. KẾT QUẢ\nHoàn thành kế hoạch.\n"
            "II. HẠN CHẾ\nCòn chậm.\nIII. NHIỆM VỤ QUÝ IV/2023\nTiếp tục.")
    issues = [i for i in findings(text, "ST001")]
    variants = [(i.location.line, i.message) for i in issues]
    assert len(issues) == 6
    assert {line for line, _ in variants[:4]} == {2}  # header parts at the subject line
    assert {line for line, _ in variants[4:]} == {8}  # recipients and signature at the last line
    assert len({m for _, m in variants}) == 6


def test_snippet_is_not_a_document():
    assert findings("Kết nạp 12 đảng viên, đạt 80% chỉ tiêu.", "ST") == []


def test_number_symbol_shape_and_type_code():
    assert [i.expected for i in findings("ĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-KH/HU\nBÁO CÁO\ntình hình", "ST003")] == ["BC"]
    state = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n{}\nBÁO CÁO\nKết quả"
    assert findings(state.format("Số: 45/BC-UBND"), "ST003") == []
    assert len(findings(state.format("Số: 45-BC/UBND"), "ST003")) == 1
    colon = findings("ĐẢNG CỘNG SẢN VIỆT NAM\nSố: 12-BC/HU\nBÁO CÁO\ntình hình", "ST003")
    assert [i.severity.value for i in colon] == ["info"]


def test_header_date_leading_zero():
    issues = findings("Mỹ Tú, ngày 5 tháng 2 năm 2024", "ST004")
    assert [(i.actual, i.expected) for i in issues] == [("5", "05"), ("2", "02")]
    assert findings("Mỹ Tú, ngày 05 tháng 02 năm 2024", "ST004") == []
    assert [i.expected for i in findings("Mỹ Tú, ngày 15 tháng 09 năm 2024", "ST004")] == ["9"]


def test_sections_missing_tasks_and_causes():
    text = ("BÁO CÁO\nkết quả quý III/2023\nI. CÔNG TÁC TRỌNG TÂM\n1. Kết quả\nĐạt.\n"
            "2. Hạn chế, khó khăn\nCòn chậm.\nPhối hợp chưa chặt chẽ.")
    msgs = [i.message for i in findings(text, "ST005")]
    assert any("nguyên nhân" in m for m in msgs) and any("nhiệm vụ" in m for m in msgs)
    assert len(msgs) == 2


def test_monthly_report_without_shortcomings_is_info():
    text = ("BÁO CÁO\ntình hình tháng 10; nhiệm vụ tháng 11 năm 2023\nI. KẾT QUẢ THỰC HIỆN\nĐạt.\n"
            "II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THÁNG 11 NĂM 2023\nTiếp tục.")
    assert [(i.severity.value) for i in findings(text, "ST005")] == ["info"]


def test_numbering_not_fooled_by_numbers_dates_and_restarting_lists():
    text = ("I. KẾT QUẢ\n1. Kinh tế\n2.000 hộ tham gia.\n15/6/2024 Hội nghị sơ kết.\n2. Xã hội\n"
            "Các việc gồm:\n1. Rà soát\n2. Kiểm tra\nII. NHIỆM VỤ\n1. Kinh tế\n1.1. Nông nghiệp\n1.1.1. Lúa\n"
            "1.1.2. Màu\n1.2. Công nghiệp\na) Điện\nb) Nước\nc) Đường")
    assert findings(text, "ST006") == []


def test_numbering_gap_start_and_order():
    text = "I. A\n1. Một\n3. Ba\nII. B\n2. Hai\nIII. C\n1. Một\n2. Hai\n4. Bốn\n3. Ba"
    variants = [i.message.split(":")[0] for i in findings(text, "ST006")]
    assert len(variants) == 4


def _doc(blocks, **meta):
    for i, b in enumerate(blocks, 1):
        b.index = i
    return Document(path="x.docx", format="docx", blocks=blocks, meta=meta)


def test_word_automatic_numbering_is_not_flagged():
    blocks = [Block(0, BlockKind.PARAGRAPH, "I. KẾT QUẢ"), Block(0, BlockKind.PARAGRAPH, "1. Kinh tế"),
              Block(0, BlockKind.PARAGRAPH, "Xã hội", list_id=3, list_level=0),
              Block(0, BlockKind.PARAGRAPH, "3. Môi trường")]
    assert lint_document(_doc(blocks), select=["ST006"]).issues == []


def test_footnotes_docx_blocks():
    blocks = [Block(0, BlockKind.PARAGRAPH, "Kết nạp 12 đảng viên mới",
                    note_refs=[NoteRef(1, 24), NoteRef(2, 10)]),
              Block(0, BlockKind.FOOTNOTE, "Gồm 7 nữ.", note=1),
              Block(0, BlockKind.FOOTNOTE, "Chi tiết tại phụ lục.", note=3)]
    issues = lint_document(_doc(blocks), select=["ST007"]).issues
    assert sorted(i.message for i in issues) == ["Chú thích 3 không có dấu chú thích nào trong nội dung dẫn tới",
                                                 "Dấu chú thích 2 không có nội dung chú thích"]


def test_footnote_anchors_lost_does_not_claim_missing_marks():
    blocks = [Block(0, BlockKind.PARAGRAPH, "Kết nạp 12 đảng viên mới"),
              Block(0, BlockKind.FOOTNOTE, "Gồm 7 nữ.", note=1)]
    assert lint_document(_doc(blocks, footnote_anchors_lost=True), select=["ST007"]).issues == []


def test_state_docx_detected_and_blanks_are_info(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    for cell, lines in ((t.cell(0, 0), ["ỦY BAN NHÂN DÂN", "XÃ BÌNH AN", "Số:      /BC-UBND"]),
                        (t.cell(0, 1), ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                        "Bình An, ngày      tháng 3 năm 2025"])):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    for line in ("BÁO CÁO", "Kết quả thu ngân sách quý I năm 2025", "I. KẾT QUẢ", "Thu đạt 1.250 triệu đồng."):
        d.add_paragraph(line)
    path = tmp_path / "bc.docx"
    d.save(path)
    from checker.api import lint_file

    result = lint_file(path, select=["ST002", "ST003"])
    assert result.profile == "state"
    assert [(i.rule, i.severity.value) for i in result.issues] == [("ST002", "info"), ("ST002", "info")]


STATE_HEAD = ("ỦY BAN NHÂN DÂN\nHUYỆN TÂN HIỆP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "{number}\nTân Hiệp, ngày 14 tháng 5 năm 2024\n")


def test_mandatory_parts_for_every_document_type():
    """Issue 14.11: plans, guides and công văn are held to their parts too (a công văn has no type name)."""
    plan = STATE_HEAD.format(number="Số: 31/KH-UBND") + (
        "KẾ HOẠCH\nTriển khai chuyển đổi số năm 2024\nI. MỤC ĐÍCH\nNâng cao chất lượng dịch vụ công.")
    cong_van = STATE_HEAD.format(number="Số: 812/UBND-VP") + "Kính gửi: Các phòng chuyên môn.\nĐề nghị góp ý."
    closing = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nPhan Thị Lụa"
    assert {i.message for i in findings(plan, "ST001")} == {'Thiếu phần "Nơi nhận"',
                                                             "Thiếu phần chức vụ, họ tên và chữ ký của người ký"}
    assert findings(plan + closing, "ST001") == []
    messages = [i.message for i in findings(cong_van + closing, "ST001")]
    assert messages == ['Công văn thiếu trích yếu ("V/v …") dưới số và ký hiệu']
    with_vv = cong_van.replace("Kính gửi", "V/v góp ý dự thảo quy chế\nKính gửi")
    assert findings(with_vv + closing, "ST001") == []
    no_archive = with_vv + closing.replace("\n- Lưu: VT.", "")
    assert [i.message for i in findings(no_archive, "ST001")] == ['Phần "Nơi nhận" không kết thúc bằng dòng "Lưu …"']
    report = STATE_HEAD.format(number="Số: 31/BC-UBND") + "BÁO CÁO\nKết quả chuyển đổi số quý I năm 2024\nĐạt."
    assert {i.message for i in findings(report, "ST001")} >= {'Thiếu phần "Nơi nhận"'}


def test_signature_name_in_one_multi_line_cell():
    blocks = [Block(0, BlockKind.TABLE_CELL, "ỦY BAN NHÂN DÂN\nXÃ AN LẠC"),
              Block(0, BlockKind.TABLE_CELL, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
              Block(0, BlockKind.TABLE_CELL, "Số: 07/BC-UBND"),
              Block(0, BlockKind.TABLE_CELL, "An Lạc, ngày 03 tháng 4 năm 2024"),
              Block(0, BlockKind.PARAGRAPH, "BÁO CÁO"),
              Block(0, BlockKind.PARAGRAPH, "Kết quả thu ngân sách quý I năm 2024"),
              Block(0, BlockKind.PARAGRAPH, "Thu ngân sách đạt 1.250 triệu đồng."),
              Block(0, BlockKind.TABLE_CELL, "Nơi nhận:\n- UBND huyện;\n- Lưu: VT."),
              Block(0, BlockKind.TABLE_CELL, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\u00a0\n(Đã ký)\n\nVõ Thị Ngọc Hân")]
    doc = _doc(blocks)
    assert lint_document(doc, select=["ST001"]).issues == []
    blocks[-1] = Block(0, BlockKind.TABLE_CELL, "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\n\n")
    issues = lint_document(_doc(blocks), select=["ST001"]).issues
    assert [(i.message, i.severity.value) for i in issues] == [("Phần chữ ký chưa có họ tên người ký", "warning")]


def test_one_off_report_sections_are_info_periodic_ones_warn():
    body = ("I. KẾT QUẢ KIỂM TRA\nKiểm tra 9 xã, 7 xã đúng quy định.\nII. TỒN TẠI, HẠN CHẾ\nHai xã chưa lập danh mục.\n"
            "III. KIẾN NGHỊ\nĐề nghị các xã khắc phục.")
    one_off = findings("BÁO CÁO\nKết quả kiểm tra công tác lưu trữ tại các xã\n" + body, "ST005")
    assert [i.severity.value for i in one_off] == ["info", "info"]
    event = findings("BÁO CÁO\nKết quả Tháng hành động vì môi trường năm 2024 của ngành Tài nguyên\n" + body, "ST005")
    assert [i.severity.value for i in event] == ["info", "info"]
    periodic = findings("BÁO CÁO\nTình hình thực hiện nhiệm vụ quý II năm 2024\n" + body, "ST005")
    assert [i.severity.value for i in periodic] == ["warning", "warning"]
    annual = findings("BÁO CÁO\nCông tác cải cách hành chính năm 2024\n" + body, "ST005")
    assert [i.severity.value for i in annual] == ["warning", "warning"]


def test_profile_from_body_when_header_missing():
    from checker.api import prepare
    from checker.readers import read_string

    party = ("BÁO CÁO\nkết quả công tác tháng 5 năm 2024\nBan Thường vụ Huyện ủy báo cáo kết quả như sau:\n"
             "I. KẾT QUẢ\nĐạt.\nNơi nhận:\n- Lưu Văn phòng Huyện ủy.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nLê Văn Tám")
    assert prepare(read_string(party, name="a.txt")).profile == "party"
    state = ("BÁO CÁO\nkết quả thu ngân sách tháng 5 năm 2024\nI. KẾT QUẢ\nĐạt.\nNơi nhận:\n- Lưu: VT.\n"
             "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Tám")
    assert prepare(read_string(state, name="b.txt")).profile == "state"
    # no evidence, or evidence both ways: no profile
    assert prepare(read_string("BÁO CÁO\nkết quả tháng 5\nI. KẾT QUẢ\nĐạt.", name="c.txt")).profile is None
    mixed = party.replace("T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN")
    assert prepare(read_string(mixed, name="d.txt")).profile is None


def test_youth_union_report_has_its_own_header():
    text = ("ĐOÀN TNCS HỒ CHÍ MINH\nBCH HUYỆN ĐOÀN TÂN PHƯỚC\n***\nSố: 41-BC/HĐTN\nTân Phước, ngày 27 tháng 6 năm 2024\n"
            "BÁO CÁO\nkết quả công tác Đoàn 6 tháng đầu năm 2024\nI. KẾT QUẢ\nKết nạp 120 đoàn viên.\n"
            "II. HẠN CHẾ, NGUYÊN NHÂN\nSinh hoạt chưa đều do đoàn viên đi làm xa.\nIII. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM\n"
            "Tổ chức chiến dịch hè.\nNơi nhận:\n- Tỉnh Đoàn,\n- Lưu VP.\nTM. BAN THƯỜNG VỤ HUYỆN ĐOÀN\nBÍ THƯ\nPhan Văn Lộc")
    from checker.api import prepare
    from checker.readers import read_string

    assert prepare(read_string(text, name="d.txt")).profile is None
    assert findings(text, ["ST001", "ST003"]) == []


def test_nested_list_restarting_at_one_does_not_break_outer_sections():
    text = ("I. KẾT QUẢ\n1. Kinh tế\nThu đạt kế hoạch.\n2. Xã hội, gồm các mặt:\n1. Giáo dục có 41 trường.\n"
            "2. Y tế có 11 trạm.\n3. Văn hóa có 27 nhà văn hóa.\n4. Thể thao có 6 sân.\n3. Quốc phòng, an ninh\n"
            "Ổn định.\nII. NHIỆM VỤ\n1. Tiếp tục")
    assert findings(text, "ST006") == []
    dup = text.replace("3. Quốc phòng, an ninh\n", "3. Quốc phòng, an ninh\n3. Nội chính\n")
    assert [(i.excerpt.strip(), i.expected) for i in findings(dup, "ST006")] == [("3.", "4.")]


def test_two_column_header_typed_on_one_line_or_as_a_table():
    tail = ("BÁO CÁO\nkết quả công tác quý I năm 2024\nI. KẾT QUẢ\nĐạt.\nII. HẠN CHẾ, NGUYÊN NHÂN\n"
            "Chậm do thiếu người.\nIII. NHIỆM VỤ QUÝ II/2024\nTiếp tục.\nNơi nhận:\n- Như trên,\n- Lưu VP.\n"
            "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nLê Văn Tám")
    tabbed = ("HUYỆN ỦY TRI TÔN\t\tĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 12-BC/HU\t\tTri Tôn, ngày 02 tháng 4 năm 2024\n")
    table = ("| HUYỆN ỦY TRI TÔN | ĐẢNG CỘNG SẢN VIỆT NAM |\n|---|---|\n"
             "| Số 12-BC/HU | Tri Tôn, ngày 02 tháng 4 năm 2024 |\n")
    assert findings(tabbed + tail, "ST") == []
    assert findings(table + tail, "ST") == []
    blank = findings(table.replace("Số 12", "Số   ").replace("ngày 02", "ngày   ") + tail, "ST002")
    assert [i.excerpt.split(",")[0] for i in blank] == ["Số   -BC/HU", "Tri Tôn"]
