"""Issue 14, items 3 to 6 and 11: headings in every numbering style, header and closing parts found by their
content wherever they sit, appendices, report sections under other names, and the forms of every document
type. Original texts in the shape of real reports (no sentence of a real document)."""

import pytest
from _lintutil import findings

from checker.api import lint_document, prepare
from checker.document import Block, BlockKind, Document
from checker.headings import appendix_label, parse_heading
from checker.readers import read_string


def _doc(blocks, **meta):
    for i, b in enumerate(blocks, 1):
        b.index = i
    return Document(path="x.docx", format="docx", blocks=blocks, meta=meta)


def _messages(text, rules):
    return [(i.rule, i.message) for i in findings(text, rules)]


# --- item 3: headings --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, level, label, style", [
    ("6.1.Công tác rà soát hồ sơ", "decimal", "6.1", "."),
    ("3.2.1.Tổ chức tập huấn", "decimal", "3.2.1", "."),
    ("2.Kết quả cụ thể", "arabic", "2", "."),
    ("1) Công tác tuyên truyền", "arabic", "1", ")"),
    ("3- Về tổ chức bộ máy", "arabic", "3", "-"),
    ("I- TÌNH HÌNH CHUNG", "roman", "I", "-"),
    ("II – NHIỆM VỤ THỜI GIAN TỚI", "roman", "II", "-"),
    ("b- Công tác kiểm tra", "letter", "b", "-"),
    ("c. Công tác giám sát", "letter", "c", "."),
])
def test_heading_labels_in_every_style(text, level, label, style):
    h = parse_heading(text)
    assert h is not None and (h.level, h.label, h.style) == (level, label, style)


@pytest.mark.parametrize("text", ["2.000 hộ tham gia", "1.5 triệu đồng", "1-2 tháng một lần", "V-League mùa giải",
                                  "I-ốt hóa muối ăn", "a-xít hữu cơ", "15/6/2024 Hội nghị"])
def test_numbers_dates_and_words_are_not_headings(text):
    assert parse_heading(text) is None


def test_a_subsection_without_a_space_is_its_first_item_not_a_missing_one():
    text = ("I. KẾT QUẢ\n5. Công tác văn thư\nNội dung.\n6. Công tác lưu trữ\n6.1.Công tác thu thập hồ sơ\n"
            "Đã thu 120 hồ sơ.\n6.2. Công tác chỉnh lý\nĐã chỉnh lý 3 phông.\n7. Công tác khác")
    assert findings(text, "ST006") == []
    # the same outline with 6.1 really missing is still reported
    missing = text.replace("6.1.Công tác thu thập hồ sơ\nĐã thu 120 hồ sơ.\n", "")
    assert [(i.excerpt.strip(), i.expected) for i in findings(missing, "ST006")] == [("6.2.", "6.1.")]


def test_a_label_written_in_an_unread_form_is_not_called_missing():
    text = ("I. KẾT QUẢ\n4. Công tác tổ chức\n4.1 .Công tác cán bộ\nNội dung.\n4.2. Công tác đảng viên\n"
            "(5) Công tác kiểm tra\nNội dung.\n6. Công tác dân vận")
    assert findings(text, "ST006") == []


def test_paren_items_inside_dot_sections_are_their_own_list():
    text = ("I. KẾT QUẢ\n1. Kinh tế\n1) Nông nghiệp\n2) Công nghiệp\n2. Xã hội\n1) Giáo dục\n2) Y tế\n"
            "3. Môi trường\nII. NHIỆM VỤ\n1. Kinh tế")
    assert findings(text, "ST006") == []
    gap = text.replace("2) Y tế", "3) Y tế")
    assert [(i.excerpt.strip(), i.expected) for i in findings(gap, "ST006")] == [("3)", "2)")]


def test_party_hyphen_outline_is_numbered_like_any_other():
    text = ("I- TÌNH HÌNH CHUNG\n1- Ưu điểm\n2- Hạn chế\n2- Nguyên nhân\nII- NHIỆM VỤ\na- Về tư tưởng\n"
            "b- Về tổ chức\nd- Về kiểm tra")
    found = [(i.excerpt.strip(), i.message.split(":")[0]) for i in findings(text, "ST006")]
    assert [f[0] for f in found] == ["2-", "d-"]


def test_numbering_restarts_in_each_appendix():
    text = ("BÁO CÁO\nkết quả công tác năm 2024\nI. KẾT QUẢ\n1. Kinh tế\nĐạt.\n2. Xã hội\nĐạt.\nII. NHIỆM VỤ\n"
            "1. Tiếp tục\nPHỤ LỤC I\nBIỂU TỔNG HỢP\n2. Thu ngân sách\n3. Chi ngân sách\nPhụ lục II\n"
            "II. DANH MỤC\n1. Công trình")
    assert findings(text, "ST006") == []


# --- item 5: appendices ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, label", [
    ("PHỤ LỤC", ""), ("Phụ lục I", "I"), ("Phụ lục số 02:", "02"), ("PHỤ LỤC 3", "3"),
    ("**PHỤ LỤC**", ""), ("Phụ lục II. Danh sách đơn vị", "II"), ("PHỤ LỤC KẾT QUẢ THU NGÂN SÁCH", ""),
    ("Phụ lục: Biểu tổng hợp", ""), ("PHỤ BIỂU 01", "01"),
])
def test_appendix_headings(text, label):
    assert appendix_label(text) == label


@pytest.mark.parametrize("text", ["Phụ lục kèm theo báo cáo này gồm 3 biểu.", "Phụ lục văn bản trình bày trên trang riêng",
                                  "(Chi tiết tại Phụ lục I kèm theo)", "Phụ lục …1…"])
def test_sentences_about_appendices_are_not_appendix_headings(text):
    assert appendix_label(text) is None


REPORT_WITH_APPENDIX = (
    "ỦY BAN NHÂN DÂN\nXÃ PHÚ LỘC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 41/BC-UBND\nPhú Lộc, ngày 15 tháng 12 năm 2024\nBÁO CÁO\nTình hình kinh tế - xã hội năm 2024\n"
    "I. KẾT QUẢ THỰC HIỆN\nThu ngân sách đạt 4.250 triệu đồng.\nII. HẠN CHẾ, KHÓ KHĂN\nGiải ngân chậm, nguyên nhân do thủ tục.\n"
    "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025\nĐẩy nhanh giải ngân.\n"
    "Nơi nhận:\n- UBND huyện;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Thị Mai\n"
    "PHỤ LỤC\nBIỂU SỐ LIỆU KINH TẾ - XÃ HỘI NĂM 2024\nI. Thu ngân sách\n1. Thu thuế\n2. Thu phí\n")


def test_the_appendix_is_recorded_in_the_document_model():
    doc = prepare(read_string(REPORT_WITH_APPENDIX, name="r.txt"))
    start = doc.block(doc.appendix_start)
    assert start.text == "PHỤ LỤC" and doc.meta["appendices"] == [(start.index, "")]
    assert [b.text for b in doc.blocks if doc.in_appendix(b)][:2] == ["PHỤ LỤC", "BIỂU SỐ LIỆU KINH TẾ - XÃ HỘI NĂM 2024"]
    assert all(not doc.in_appendix(b) for b in doc.main_body())
    assert doc.blocks[-1].section == "Phụ lục: I.2"
    assert doc.block(doc.appendix_start - 1).section == "III"


def test_a_document_that_is_itself_an_appendix_has_no_appendix_start():
    doc = prepare(read_string("PHỤ LỤC I\nBIỂU TỔNG HỢP\n1. Thu thuế\n2. Thu phí", name="p.txt"))
    assert doc.appendix_start is None


def test_closing_parts_are_looked_for_before_the_appendix_and_body_findings_stay_out_of_it():
    assert findings(REPORT_WITH_APPENDIX, ["ST001", "ST005", "ST006"]) == []
    # no closing parts before the appendix: the findings sit on the last line of the body, not in the appendix
    bare = REPORT_WITH_APPENDIX.replace("Nơi nhận:\n- UBND huyện;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"
                                        "Trần Thị Mai\n", "").replace("PHỤ LỤC\n", "PHỤ LỤC\nNơi nhận:\n- Lưu: VT.\n")
    issues = findings(bare, ["ST001", "ST005"])
    assert {i.message for i in issues} == {'Thiếu phần "Nơi nhận"', "Thiếu phần chức vụ, họ tên và chữ ký của người ký"}
    assert {i.excerpt for i in issues} == {"Đẩy nhanh giải ngân."}
    # a cause given in a sentence that starts with "Do …" is a cause too
    assert findings(REPORT_WITH_APPENDIX.replace("Giải ngân chậm, nguyên nhân do thủ tục.", "Giải ngân chậm.\n"
                                                 "Do thủ tục còn phức tạp."), "ST005") == []


def test_sections_named_in_the_appendix_do_not_count_for_the_report():
    text = REPORT_WITH_APPENDIX.replace("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025\nĐẩy nhanh giải ngân.\n", "") \
        .replace("I. Thu ngân sách", "II. PHƯƠNG HƯỚNG NĂM 2025")
    assert [i.message for i in findings(text, "ST005")] == [
        "Báo cáo không có phần nhiệm vụ, giải pháp (phương hướng) cho kỳ tới"]


# --- item 4: header and closing found by content -----------------------------------------------------

def test_an_indented_date_line_in_a_text_file_is_found():
    text = ("HUYỆN ỦY TÂN PHÚ" + " " * 30 + "ĐẢNG CỘNG SẢN VIỆT NAM\n" + " " * 46
            + "Tân Phú, ngày 5 tháng 7 năm 2024\nSố 31-BC/HU\nBÁO CÁO\nkết quả công tác tháng 6 năm 2024\n")
    assert [(i.rule, i.excerpt) for i in findings(text, ["ST001", "ST004"]) if "ngày" in i.message
            or i.rule == "ST004"] == [("ST004", "5")]


def test_a_date_line_beside_the_agency_column_keeps_only_its_place():
    from checker.profiles import read_header

    doc = read_string("HUYỆN ỦY TÂN PHÚ          Tân Phú, ngày 05 tháng 7 năm 2024\nBÁO CÁO\nkết quả", name="h.txt")
    assert read_header(doc).date.group("place") == "Tân Phú"


SIGNED_WITH_TABS = (
    "ĐẢNG BỘ TỈNH HẬU AN\nHUYỆN ỦY TÂN PHÚ\t\t\tĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 31-BC/HU\t\t\t"
    "Tân Phú, ngày 05 tháng 7 năm 2024\nBÁO CÁO\nkết quả công tác tháng 6 năm 2024\n"
    "I. KẾT QUẢ\nKết nạp 8 đảng viên.\nII. NHIỆM VỤ THÁNG 7 NĂM 2024\nTiếp tục kiểm tra.\n"
    "Nơi nhận:\t\t\t\tT/M BAN THƯỜNG VỤ\n- Ban Thường vụ Tỉnh ủy,\t\t\tBÍ THƯ\n- Các chi, đảng bộ,\n"
    "- Lưu Văn phòng Huyện ủy.\n\t\t\t\t\tNguyễn Hoàng Sơn\n")


def test_a_signature_typed_with_tabs_beside_the_recipients_is_found():
    assert findings(SIGNED_WITH_TABS, "ST001") == []
    unsigned = SIGNED_WITH_TABS.replace("\t\t\t\tT/M BAN THƯỜNG VỤ", "").replace("\t\t\tBÍ THƯ", "") \
        .replace("\n\t\t\t\t\tNguyễn Hoàng Sơn", "")
    assert [i.message for i in findings(unsigned, "ST001")] == ["Thiếu phần chức vụ, họ tên và chữ ký của người ký"]


def test_a_signer_name_on_the_line_of_the_position_is_found():
    text = SIGNED_WITH_TABS.replace("\t\t\tBÍ THƯ", "\t\t\tBÍ THƯ Nguyễn Hoàng Sơn").replace(
        "\n\t\t\t\t\tNguyễn Hoàng Sơn", "")
    assert findings(text, "ST001") == []


def test_a_sentence_about_recipients_is_not_the_recipients_block():
    text = SIGNED_WITH_TABS.replace("I. KẾT QUẢ\n", "I. KẾT QUẢ\nNơi nhận văn bản được ghi ở cuối trang.\n")
    assert findings(text, "ST001") == []


def test_header_and_closing_inside_tables():
    blocks = [Block(0, BlockKind.TABLE_CELL, "ỦY BAN NHÂN DÂN\nXÃ AN PHÚ", table=1, row=1, column=1),
              Block(0, BlockKind.TABLE_CELL, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc",
                    table=1, row=1, column=2),
              Block(0, BlockKind.TABLE_CELL, "Số: 12/KH-UBND", table=1, row=2, column=1),
              Block(0, BlockKind.TABLE_CELL, "        An Phú, ngày 02 tháng 3 năm 2025", table=1, row=2, column=2),
              Block(0, BlockKind.PARAGRAPH, "KẾ HOẠCH Tổ chức ngày hội văn hóa năm 2025"),
              Block(0, BlockKind.PARAGRAPH, "I. MỤC ĐÍCH"), Block(0, BlockKind.PARAGRAPH, "Phát huy bản sắc."),
              Block(0, BlockKind.TABLE_CELL, "Nơi nhận:\n- Các ấp;\n- Lưu: VT.", table=2, row=1, column=1),
              Block(0, BlockKind.TABLE_CELL, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nLê Văn Tám",
                    table=2, row=1, column=2)]
    assert lint_document(_doc(blocks), select=["ST001", "ST003", "ST004"]).issues == []


def test_a_present_but_malformed_part_gets_a_finding_about_its_form_not_missing():
    head = ("ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "{number}\n{date}\nBÁO CÁO\nKết quả thu ngân sách quý I năm 2025\nThu đạt 2.300 triệu đồng.\n"
            "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Tám")
    numeric = head.format(number="Số: 18/BC-UBND", date="An Phú, 31/3/2025")
    assert _messages(numeric, ["ST001", "ST004"]) == [
        ("ST004", 'Dòng địa danh, ngày tháng viết bằng số "An Phú, 31/3/2025"; phải viết đầy đủ '
                  '"An Phú, ngày 31 tháng 3 năm 2025"')]
    shapeless = head.format(number="Số: 18.BC.UBND", date="An Phú, ngày 31 tháng 3 năm 2025")
    assert [r for r, _ in _messages(shapeless, ["ST001", "ST003"])] == ["ST003"]
    no_place = head.format(number="Số: 18/BC-UBND", date="ngày 31 tháng 3 năm 2025")
    assert [m for _, m in _messages(no_place, ["ST001", "ST004"])] == [
        'Dòng ngày tháng "ngày 31 tháng 3 năm 2025" thiếu địa danh ("<Địa danh>, ngày … tháng … năm …")']


def test_type_name_and_subject_in_one_paragraph():
    from checker.profiles import read_header

    doc = read_string("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 05/BC-UBND\nBÁO CÁO Kết quả công tác quý I năm 2025\n"
                      "I. KẾT QUẢ", name="t.txt")
    h = read_header(doc)
    assert h.type_name == "BÁO CÁO" and h.subject == "Kết quả công tác quý I năm 2025"


def test_text_boxes_of_a_word_file_are_read(tmp_path):
    from readers.readers_fixtures import make_docx

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')

    def para(text):
        return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'

    box = "".join(para(t) for t in ("Nơi nhận:", "- Các phòng;", "- Lưu: VT."))
    anchored = ('<w:p><w:r><w:t>Đề nghị các phòng thực hiện.</w:t></w:r><w:r><mc:AlternateContent>'
                f'<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx>'
                f'</w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>{box}</w:txbxContent>'
                '</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    body = "".join(para(t) for t in ("Số: 77/UBND-VP", "V/v thực hiện")) + anchored + para("Sau hộp")
    path = make_docx(tmp_path / "box.docx", "", document_xml=f"<w:document {ns}><w:body>{body}</w:body></w:document>")
    from checker.readers import read_path

    doc = read_path(path)
    assert [b.text for b in doc.blocks] == ["Số: 77/UBND-VP", "V/v thực hiện", "Đề nghị các phòng thực hiện.",
                                            "Nơi nhận:", "- Các phòng;", "- Lưu: VT.", "Sau hộp"]
    # Word numbers the body's own paragraphs, not a text box's: the paragraph after the box is the 4th
    assert [b.paragraph for b in doc.blocks] == [1, 2, 3, None, None, None, 4]


# --- item 6: report sections -------------------------------------------------------------------------

GENERAL = "BÁO CÁO\nkết quả công tác năm 2024\n"


def test_results_and_tasks_under_other_names():
    text = (GENERAL + "1. Một số nội dung đã thực hiện trong năm\nHoàn thành kế hoạch.\n2. Khó khăn, vướng mắc\n"
            "Do thiếu kinh phí nên một số việc chậm.\n3. Nhiệm vụ trọng tâm trong thời gian tới\nTiếp tục.")
    assert findings(text, "ST005") == []


def test_parts_a_report_type_does_not_require_are_info():
    body = "I. KẾT QUẢ THỰC HIỆN\nHoàn thành 12 cuộc kiểm tra.\nII. KIẾN NGHỊ\nĐề nghị bổ sung kinh phí."
    general = [(i.severity.value) for i in findings(GENERAL + body, "ST005")]
    assert general == ["warning", "warning"]
    for subject in ("Kết quả thực hiện Chỉ thị số 12/CT-UBND năm 2024 về phòng chống thiên tai",
                    "Tình hình hoạt động của các hợp tác xã năm 2024",
                    "Kết quả thực hiện nhiệm vụ năm 2024 (theo đề cương của Sở Nội vụ)"):
        severities = {i.severity.value for i in findings("BÁO CÁO\n" + subject + "\n" + body, "ST005")}
        assert severities == {"info"}, subject


# --- item 11: every document type --------------------------------------------------------------------

STATE_HEAD = ("ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "{number}\n{date}\n")
CLOSING = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nĐoàn Văn Lợi"


def test_cong_van_with_a_type_code_numeric_date_and_no_archive_line():
    text = (STATE_HEAD.format(number="Số: 456/CV-UBND", date="Hòa Bình, 30/12/2025")
            + "V/v báo cáo công tác cuối năm\nKính gửi: Các ban, ngành xã.\nĐề nghị gửi báo cáo trước ngày 05/01/2026."
            + CLOSING.replace("\n- Lưu: VT.", ""))
    found = {(i.rule, i.message.split(":")[0].split(" (")[0]) for i in findings(text, ["ST001", "ST003", "ST004"])}
    assert found == {("ST003", "Công văn hành chính không có chữ viết tắt tên loại trong ký hiệu"),
                     ("ST004", "Dòng địa danh, ngày tháng viết bằng số \"Hòa Bình, 30/12/2025\"; phải viết đầy đủ \"Hòa Bình, ngày 30 tháng 12 năm 2025\""),
                     ("ST001", 'Phần "Nơi nhận" không kết thúc bằng dòng "Lưu …"')}
    fixed = (STATE_HEAD.format(number="Số: 456/UBND-VP", date="Hòa Bình, ngày 30 tháng 12 năm 2025")
             + "V/v báo cáo công tác cuối năm\nKính gửi: Các ban, ngành xã.\nĐề nghị gửi báo cáo đúng hạn." + CLOSING)
    assert findings(fixed, ["ST001", "ST003", "ST004"]) == []


@pytest.mark.parametrize("number, title, bad", [
    ("Số: 09/QĐ-UBND", "QUYẾT ĐỊNH\nVề việc thành lập tổ công tác", False),
    ("Số: 09/KH-UBND", "QUYẾT ĐỊNH\nVề việc thành lập tổ công tác", True),
    ("Số: 14/TTr-UBND", "TỜ TRÌNH\nVề việc đề nghị phê duyệt dự toán", False),
    ("Số: 14/TT-UBND", "TỜ TRÌNH\nVề việc đề nghị phê duyệt dự toán", True),
    ("Số: 21/TB-UBND", "THÔNG BÁO\nKết luận của Chủ tịch tại cuộc họp", False),
    ("Số: 21/BC-UBND", "THÔNG BÁO\nKết luận của Chủ tịch tại cuộc họp", True),
    ("Số: 03/QyĐ-UBND", "QUY ĐỊNH\nvề quản lý nhà văn hóa ấp", False),
    ("Số: 07/GM-UBND", "GIẤY MỜI\nDự hội nghị sơ kết", False),
])
def test_the_symbol_of_every_type_matches_its_name(number, title, bad):
    text = STATE_HEAD.format(number=number, date="Hòa Bình, ngày 02 tháng 3 năm 2025") + title + "\nNội dung." + CLOSING
    issues = findings(text, ["ST001", "ST003"])
    assert [i.rule for i in issues] == (["ST003"] if bad else [])


def test_party_cong_van_carries_cv():
    head = ("ĐẢNG BỘ XÃ HÒA BÌNH\nCHI BỘ ẤP 2\n*\nĐẢNG CỘNG SẢN VIỆT NAM\n{number}\n"
            "Hòa Bình, ngày 02 tháng 3 năm 2025\nV/v chuẩn bị sinh hoạt chuyên đề\nNội dung.\n"
            "Nơi nhận:\n- Đảng ủy xã,\n- Lưu Chi bộ.\nT/M CHI BỘ\nBÍ THƯ\nHồ Văn Tư")
    assert findings(head.format(number="Số 05-CV/CB"), ["ST001", "ST003"]) == []
    assert [i.expected for i in findings(head.format(number="Số 05-BC/CB"), "ST003")] == ["CV"]


def test_the_authority_line_of_a_decision_is_not_its_signature():
    text = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN TÂN LỘC\tĐộc lập – Tự do – Hạnh phúc\n"
            "Số: 318/QĐ-UBND\tTân Lộc, ngày 15 tháng 9 năm 2024\nQUYẾT ĐỊNH\nVề việc thành lập tổ kiểm tra\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TÂN LỘC\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Thành lập tổ kiểm tra gồm 05 thành viên.\nĐiều 2. Quyết định có hiệu lực từ ngày ký./.\n"
            "Nơi nhận:\tKT. CHỦ TỊCH\n- Như Điều 2;\tPHÓ CHỦ TỊCH\n- Lưu: VT.\n\tĐặng Văn Sáu")
    assert findings(text, "ST001") == []
    assert [i.message for i in findings(text.replace("\n\tĐặng Văn Sáu", ""), "ST001")] == [
        "Phần chữ ký chưa có họ tên người ký"]


def test_minutes_are_not_held_to_a_number_and_recipients():
    text = ("ĐẢNG BỘ XÃ PHÚ HỮU\t\tĐẢNG CỘNG SẢN VIỆT NAM\nCHI BỘ ẤP 4\n*\t\tPhú Hữu, ngày 10 tháng 01 năm 2025\n"
            "BIÊN BẢN\nhọp chi bộ thường kỳ tháng 01 năm 2025\nChi bộ thống nhất các nội dung.\n"
            "THƯ KÝ\t\t\tT/M CHI BỘ\n\t\t\tBÍ THƯ\nLê Thị Ngọc\t\tTrần Văn Bình")
    assert findings(text, "ST001") == []
