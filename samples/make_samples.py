"""Builds the Word sample reports of `samples/` with python-docx.

    .venv/bin/python samples/make_samples.py            # writes the .docx files next to this script
    .venv/bin/python samples/make_samples.py OUT_DIR    # or into another folder

The reports are fictional (Huyện ủy Tân Hòa, UBND xã Phú An) and written by us in the style of real
Vietnamese reports; their deliberate errors are listed in samples/README.md and samples/expected.json.
Every other figure is correct (recomputed when the text was written).

python-docx has no footnote API: `_Footnotes` adds word/footnotes.xml, its relationship, the
footnote styles and the w:footnoteReference runs itself (the content-type override is written by
python-docx for every part it saves).
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT = "Times New Roman"

# "[[fn:text]]" inside a paragraph places a footnote reference there, with that footnote text.
FOOTNOTE_MARK = re.compile(r"\[\[fn:(.*?)\]\]")


class _Footnotes:
    """Real Word footnotes: word/footnotes.xml + relationship + styles + reference runs."""

    def __init__(self, doc):
        self.doc = doc
        self.notes: list[tuple[int, str]] = []
        styles = doc.styles
        text_style = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
        text_style.base_style = styles["Normal"]
        text_style.font.size = Pt(10)
        text_style.paragraph_format.space_after = Pt(0)
        text_style.paragraph_format.first_line_indent = Cm(0)
        ref_style = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        ref_style.font.superscript = True

    def reference(self, paragraph, text: str) -> int:
        """Appends a footnote reference run to `paragraph` and records the note's text."""
        number = len(self.notes) + 1
        self.notes.append((number, text))
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        rstyle = OxmlElement("w:rStyle")
        rstyle.set(qn("w:val"), "FootnoteReference")
        rpr.append(rstyle)
        run.append(rpr)
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(number))
        run.append(ref)
        paragraph._p.append(run)
        return number

    def attach(self) -> None:
        if not self.notes:
            return
        parts = [
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">',
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
            'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
            'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
        ]
        for number, text in self.notes:
            parts.append(
                f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/><w:jc w:val="both"/>'
                '</w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
            )
        parts.append("</w:footnotes>")
        main = self.doc.part
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, "".join(parts).encode("utf-8"),
                    main.package)
        main.relate_to(part, RT.FOOTNOTES)


class Report:
    """A small writer for report-shaped Word documents."""

    def __init__(self):
        self.doc = Document()
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(13)
        rfonts = normal.element.rPr.rFonts
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), FONT)
        normal.paragraph_format.space_after = Pt(3)
        section = self.doc.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21)
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin, section.right_margin = Cm(3), Cm(1.5)
        self.footnotes = _Footnotes(self.doc)
        props = self.doc.core_properties
        props.author = props.last_modified_by = "checker samples"
        props.created = props.modified = _dt.datetime(2024, 10, 4, 8, 0, 0)
        props.revision = 1
        props.title = ""

    # -- paragraphs -------------------------------------------------------------------------------
    def _fill(self, paragraph, text: str, bold=False, italic=False, size=None):
        pos = 0
        for m in FOOTNOTE_MARK.finditer(text):
            if m.start() > pos:
                self._run(paragraph, text[pos:m.start()], bold, italic, size)
            self.footnotes.reference(paragraph, m.group(1))
            pos = m.end()
        if pos < len(text):
            self._run(paragraph, text[pos:], bold, italic, size)
        return paragraph

    @staticmethod
    def _run(paragraph, text, bold, italic, size):
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)

    def center(self, text, bold=True, italic=False, size=None):
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        return self._fill(p, text, bold, italic, size)

    def heading(self, text):
        """A heading with its typed label ("I.", "1.", "1.1.", "a)"), bold, as clerks type them."""
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Cm(1)
        return self._fill(p, text, bold=True)

    def para(self, text, italic=False):
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Cm(1)
        return self._fill(p, text, italic=italic)

    # -- tables -----------------------------------------------------------------------------------
    @staticmethod
    def _cell_lines(cell, lines, align=WD_ALIGN_PARAGRAPH.CENTER, size=None):
        """Writes (text, bold, italic) lines into a cell, one paragraph each."""
        first = True
        for text, bold, italic in lines:
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            p.alignment = align
            p.paragraph_format.space_after = Pt(0)
            if text:
                run = p.add_run(text)
                run.bold = bold or None
                run.italic = italic or None
                if size:
                    run.font.size = Pt(size)

    def header_table(self, left_top, right_top, left_bottom, right_bottom, widths=(Cm(6.5), Cm(10))):
        """The two-column borderless table real reports use for their header."""
        table = self.doc.add_table(rows=2, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = width
        self._cell_lines(table.cell(0, 0), left_top)
        self._cell_lines(table.cell(0, 1), right_top)
        self._cell_lines(table.cell(1, 0), left_bottom)
        self._cell_lines(table.cell(1, 1), right_bottom)
        return table

    def data_table(self, header, rows, widths, total_label_col=1):
        """A bordered data table; the last row is the total row (bold)."""
        table = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for r, values in enumerate([header, *rows]):
            bold = r == 0 or r == len(rows)
            for c, (value, width) in enumerate(zip(values, widths)):
                cell = table.cell(r, c)
                cell.width = width
                align = WD_ALIGN_PARAGRAPH.LEFT if (c == total_label_col and r > 0) else WD_ALIGN_PARAGRAPH.CENTER
                if r > 0 and c > total_label_col:
                    align = WD_ALIGN_PARAGRAPH.RIGHT
                self._cell_lines(cell, [(value, bold, False)], align=align, size=12)
        return table

    def closing_table(self, recipients, signature, widths=(Cm(7.5), Cm(9))):
        """Nơi nhận (left, small) and the signature block (right, centred), side by side."""
        table = self.doc.add_table(rows=1, cols=2)
        table.autofit = False
        for cell, width in zip(table.rows[0].cells, widths):
            cell.width = width
        lines = [(recipients[0], True, True)] + [(r, False, False) for r in recipients[1:]]
        self._cell_lines(table.cell(0, 0), lines, align=WD_ALIGN_PARAGRAPH.LEFT, size=12)
        self._cell_lines(table.cell(0, 1), signature)
        return table

    def save(self, path: Path):
        self.footnotes.attach()
        self.doc.save(str(path))


# ------------------------------------------------------------------------------------------------
# Sample 1: Party quarterly report of a (fictional) district Party committee, with deliberate errors.
# ------------------------------------------------------------------------------------------------
def party_quarterly(path: Path) -> None:
    r = Report()
    r.header_table(
        left_top=[("HUYỆN ỦY TÂN HÒA", True, False), ("*", False, False)],
        right_top=[("ĐẢNG CỘNG SẢN VIỆT NAM", True, False)],
        left_bottom=[("Số 87-BC/HU", False, False)],
        right_bottom=[("Tân Hòa, ngày 04 tháng 10 năm 2024", False, True)],
    )
    r.doc.add_paragraph()
    r.center("BÁO CÁO", size=15)
    r.center("tình hình, kết quả thực hiện nhiệm vụ quý III và nhiệm vụ trọng tâm quý IV năm 2024")
    r.center("-----", bold=False)
    r.para("Thực hiện Quy chế làm việc của Ban Chấp hành Đảng bộ huyện khóa XIV, nhiệm kỳ 2020 - 2025 và "
           "Kế hoạch số 12-KH/HU ngày 05/01/2024 của Ban Thường vụ Huyện ủy về thực hiện nhiệm vụ năm 2024, "
           "Ban Thường vụ Huyện ủy báo cáo kết quả lãnh đạo, chỉ đạo quý III và nhiệm vụ trọng tâm quý IV "
           "năm 2024 như sau:")

    r.heading("I. KẾT QUẢ LÃNH ĐẠO, CHỈ ĐẠO THỰC HIỆN NHIỆM VỤ QUÝ III/2024")
    r.heading("1. Công tác xây dựng Đảng và hệ thống chính trị")
    r.heading("1.1. Công tác chính trị, tư tưởng")
    r.para("- Chỉ đạo tổ chức trang trọng các hoạt động kỷ niệm 79 năm Ngày Cách mạng tháng Tám thành công "
           "(19/8/1945 - 19/8/2024) và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 - "
           "02/9/2024); treo cờ, băng rôn, khẩu hiệu tại 11 xã, thị trấn và trên các tuyến đường chính.")
    r.para("- Tổ chức quán triệt Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị về đại hội đảng bộ các "
           "cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng cho cán bộ chủ chốt của huyện; học tập "
           "chuyên đề năm 2024 cho đảng viên trong toàn Đảng bộ"
           "[[fn:Có 3.215/3.298 đảng viên tham gia học tập chuyên đề, đạt 97,48%; 83 đảng viên vắng có lý do "
           "(ốm đau, đi làm ăn xa) được các chi bộ bố trí học bù trong tháng 9/2024.]].")
    r.para("- Duy trì sinh hoạt định kỳ của đội ngũ báo cáo viên; tổ chức 12 cuộc hội nghị báo cáo viên, có "
           "1.486 lượt cán bộ, đảng viên tham dự. Nắm và tổng hợp 04 báo cáo dư luận xã hội gửi Ban Tuyên giáo "
           "Tỉnh ủy.")
    r.heading("1.2. Công tác tổ chức, cán bộ")
    r.para("- Kết nạp mới 45/60 đảng viên, đạt 75% chỉ tiêu năm; xét công nhận đảng viên chính thức cho 38 "
           "đồng chí; nâng tổng số đảng viên toàn Đảng bộ lên 3.298 đồng chí, trong đó nữ 1.102 đồng chí, "
           "chiếm 33,41%.")
    r.para("- Trao tặng Huy hiệu Đảng đợt 02/9/2024 cho 57 đảng viên (30 năm tuổi Đảng 24 đồng chí, 40 năm "
           "tuổi Đảng 19 đồng chí, 45 năm tuổi Đảng 09 đồng chí, 50 năm tuổi Đảng 05 đồng chí).")
    r.para("- Thực hiện đúng quy trình công tác cán bộ đối với 17 trường hợp"
           "[[fn:Điều động, luân chuyển 05 trường hợp; bổ nhiệm 07 trường hợp; bổ nhiệm lại 02 trường hợp; "
           "giới thiệu ứng cử 03 trường hợp.]]; cử 35 cán bộ đi đào tạo lý luận chính trị (cao cấp 03, "
           "trung cấp 32).")
    # DELIBERATE: 86/97 = 88,66%, not 87,66%.
    r.para("- Chỉ đạo 86/97 chi bộ tổ chức sinh hoạt chuyên đề theo hướng dẫn, đạt 87,66%; các chi bộ còn lại "
           "hoàn thành trong tháng 10/2024.")
    r.heading("1.3. Công tác kiểm tra, giám sát và thi hành kỷ luật đảng")
    # DELIBERATE: "3.25 cuộc" is not a number in Vietnamese format.
    r.para("- Ban Thường vụ Huyện ủy kiểm tra 03 tổ chức đảng, giám sát chuyên đề 05 tổ chức đảng và 08 đảng "
           "viên theo chương trình năm 2024. Các chi bộ trực thuộc thực hiện 3.25 cuộc kiểm tra, giám sát đảng "
           "viên.")
    # DELIBERATE: the parts 04 + 02 + 02 = 08 exceed the stated total 07.
    r.para("- Ủy ban Kiểm tra các cấp kiểm tra khi có dấu hiệu vi phạm 02 tổ chức đảng và 06 đảng viên; thi "
           "hành kỷ luật 07 đảng viên (khiển trách 04 đảng viên, cảnh cáo 02 đảng viên, khai trừ 02 đảng "
           "viên).")
    r.para("- Tiếp nhận 26 đơn thư tố cáo, phản ánh liên quan đến cán bộ, đảng viên; đã xem xét, giải quyết "
           "21 đơn, tồn 05 đơn đang tiếp tục xác minh.")

    r.heading("2. Lãnh đạo phát triển kinh tế")
    r.heading("a) Sản xuất nông nghiệp, xây dựng nông thôn mới")
    r.para("- Xuống giống và thu hoạch dứt điểm 9.850 ha lúa Hè Thu, năng suất bình quân 5,8 tấn/ha, sản "
           "lượng 57.130 tấn.")
    r.para("- Chỉ đạo thực hiện Chiến dịch giao thông nông thôn - thủy lợi năm 2024 đạt kết quả khá; khối "
           "lượng và kinh phí thực hiện đến ngày 30/9/2024 như sau:")
    # DELIBERATE: the total of the last column is 8.870, the table says 8.780.
    r.data_table(
        ["TT", "Xã, thị trấn", "Lộ giao thông (m)", "Kè sinh thái (m)", "Kinh phí (triệu đồng)"],
        [
            ["1", "Thị trấn Tân Hòa", "1.250", "320", "1.845"],
            ["2", "Xã Tân Phước", "2.140", "560", "2.310"],
            ["3", "Xã Phú An", "1.830", "415", "1.920"],
            ["4", "Xã Long Điền", "960", "280", "1.135"],
            ["5", "Xã Mỹ Thạnh", "1.475", "390", "1.660"],
            ["", "Tổng cộng", "7.655", "1.965", "8.780"],
        ],
        widths=[Cm(1.2), Cm(4.6), Cm(3.4), Cm(3.2), Cm(4)],
    )
    r.heading("b) Tài chính - ngân sách")
    r.para("- Thu ngân sách nhà nước trên địa bàn 9 tháng đạt 186,4 tỷ đồng, bằng 76,08% dự toán năm (245 tỷ "
           "đồng), tăng 12,63% so với cùng kỳ (cùng kỳ năm 2023 đạt 165,5 tỷ đồng).")

    # DELIBERATE: a second "2." in part I (should be "3.").
    r.heading("2. Văn hóa - xã hội, quốc phòng - an ninh và nội chính")
    r.para("- Khai giảng năm học 2024 - 2025 đồng loạt vào ngày 05/9/2024; huy động 14.860 học sinh các cấp "
           "đến trường, đạt 100,27% kế hoạch.")
    r.para("- Vận động 12.486/14.720 hộ tham gia bảo hiểm y tế hộ gia đình, chiếm 84,82/84% số hộ, đạt 100,98% "
           "chỉ tiêu.")
    r.para("- Tổ chức thăm hỏi, tặng 1.245 phần quà cho gia đình chính sách nhân kỷ niệm 77 năm Ngày Thương "
           "binh - Liệt sĩ (27/7/1947 - 27/7/2024), tổng trị giá 622,5 triệu đồng.")
    r.para("- Vận động Quỹ “Vì người nghèo” được 3,85 tỷ đồng (trong đó: xây dựng 18 căn nhà Đại đoàn kết, "
           "trị giá 1,08 tỷ đồng; sửa chữa 07 cầu giao thông nông thôn, trị giá 2,15 tỷ đồng; học bổng cho "
           "học sinh nghèo 620 triệu đồng).")
    # DELIBERATE: 31/9/2024 does not exist (September has 30 days).
    r.para("- Ngày 31/9/2024, Ban Chỉ huy Quân sự huyện tổ chức diễn tập phòng thủ dân sự tại xã Long Điền "
           "với 240 lượt người tham gia; giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn.")
    r.para("- Tòa án nhân dân huyện thụ lý 412 vụ, việc các loại; đã giải quyết 356 vụ, việc, đạt 86,41%; tồn "
           "56 vụ, việc.")
    # DELIBERATE: 1.592/18.874 = 8,43%, not 84,95% (one digit inserted: 1.592/1.874 = 84,95%).
    r.para("- Chi cục Thi hành án dân sự huyện thi hành xong 1.592/18.874 việc có điều kiện thi hành, đạt tỷ "
           "lệ 84,95/83% chỉ tiêu giao.")

    r.heading("II. HẠN CHẾ, KHÓ KHĂN VÀ NGUYÊN NHÂN")
    r.heading("1. Hạn chế, khó khăn")
    r.para("- Tiến độ kết nạp đảng viên ở một số đảng bộ còn chậm; còn 15 đảng viên chưa kết nạp theo chỉ "
           "tiêu năm, tập trung ở các xã vùng sâu.")
    r.para("- Giải ngân vốn đầu tư công đạt thấp; một số công trình giao thông nông thôn thi công chậm do mưa "
           "kéo dài.")
    r.heading("2. Nguyên nhân")
    r.para("- Một số cấp ủy cơ sở chưa quyết liệt trong lãnh đạo, chỉ đạo; nguồn lực xã hội hóa còn hạn chế; "
           "thời tiết diễn biến bất thường.")

    r.heading("III. NHIỆM VỤ TRỌNG TÂM QUÝ IV/2024")
    r.para("1. Lãnh đạo tổ chức đại hội chi bộ trực thuộc nhiệm kỳ 2025 - 2027 theo Chỉ thị số 35-CT/TW; hoàn "
           "thành kết nạp 15 đảng viên còn lại của chỉ tiêu năm.")
    r.para("2. Tổ chức các hoạt động kỷ niệm 94 năm Ngày thành lập Hội Nông dân Việt Nam (14/10/1930 - "
           "14/10/2024) và 94 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930 - 20/10/2024).")
    r.para("3. Tập trung thu hoạch lúa Thu Đông; phấn đấu thu ngân sách đạt và vượt dự toán năm 2024; đẩy "
           "nhanh giải ngân vốn đầu tư công.")
    r.para("4. Giữ vững an ninh chính trị, trật tự an toàn xã hội; chuẩn bị tốt công tác tuyển chọn, gọi công "
           "dân nhập ngũ năm 2025.")
    r.para("Trên đây là báo cáo tình hình, kết quả thực hiện nhiệm vụ quý III và nhiệm vụ trọng tâm quý IV năm "
           "2024 của Ban Thường vụ Huyện ủy Tân Hòa./.")
    r.closing_table(
        ["Nơi nhận:", "- Thường trực Tỉnh ủy (để báo cáo),", "- Văn phòng Tỉnh ủy,",
         "- Các đồng chí Huyện ủy viên,", "- Các chi, đảng bộ trực thuộc,", "- Lưu Văn phòng Huyện ủy."],
        [("T/M BAN THƯỜNG VỤ", True, False), ("PHÓ BÍ THƯ", True, False), ("", False, False),
         ("", False, False), ("", False, False), ("Trần Minh Khoa", True, False)],
    )
    r.save(path)


# ------------------------------------------------------------------------------------------------
# Sample 2: state monthly report of a (fictional) commune People's Committee, an unsigned draft.
# ------------------------------------------------------------------------------------------------
def state_monthly(path: Path) -> None:
    r = Report()
    r.header_table(
        left_top=[("ỦY BAN NHÂN DÂN", True, False), ("XÃ PHÚ AN", True, False)],
        right_top=[("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False),
                   ("Độc lập - Tự do - Hạnh phúc", True, False)],
        left_bottom=[("Số:        /BC-UBND", False, False)],
        right_bottom=[("Phú An, ngày      tháng 10 năm 2024", False, True)],
        widths=(Cm(6), Cm(10.5)),
    )
    r.doc.add_paragraph()
    r.center("BÁO CÁO", size=15)
    r.center("Tình hình kinh tế - xã hội, quốc phòng - an ninh tháng 10 và nhiệm vụ trọng tâm tháng 11 năm 2024")
    r.center("-----", bold=False)
    r.para("Thực hiện Kế hoạch số 28/KH-UBND ngày 15/01/2024 của Ủy ban nhân dân xã về thực hiện nhiệm vụ "
           "phát triển kinh tế - xã hội năm 2024, Ủy ban nhân dân xã Phú An báo cáo tình hình tháng 10 năm "
           "2024 như sau:")
    r.heading("I. TÌNH HÌNH KINH TẾ - XÃ HỘI, QUỐC PHÒNG - AN NINH THÁNG 10")
    r.heading("1. Lĩnh vực kinh tế")
    r.heading("a) Sản xuất nông nghiệp")
    r.para("- Xuống giống lúa vụ Thu Đông được 1.245/1.300 ha, đạt 95,77% kế hoạch; diện tích đã thu hoạch "
           "860 ha, năng suất bình quân 5,6 tấn/ha, sản lượng ước đạt 4.816 tấn.")
    r.para("- Tiêm phòng vắc xin lở mồm long móng cho 2.350 con gia súc, đạt 94% kế hoạch (kế hoạch 2.500 "
           "con).")
    r.heading("b) Tài chính - ngân sách")
    r.para("Tổng thu ngân sách xã 10 tháng đạt 4.578 triệu đồng, bằng 82,19% dự toán năm; chi tiết theo từng "
           "nguồn thu như sau (đơn vị tính: triệu đồng):")
    # DELIBERATE: row 4, 1.194/1.540 = 77,53%, the table says 75,73% (digits swapped).
    r.data_table(
        ["TT", "Nội dung thu", "Dự toán năm", "Thực hiện 10 tháng", "Tỷ lệ so với dự toán (%)"],
        [
            ["1", "Thuế ngoài quốc doanh", "1.850", "1.612", "87,14"],
            ["2", "Lệ phí trước bạ", "620", "548", "88,39"],
            ["3", "Phí, lệ phí", "410", "287", "70,00"],
            ["4", "Thu từ quỹ đất công ích", "1.540", "1.194", "75,73"],
            ["5", "Thu khác ngân sách", "1.150", "937", "81,48"],
            ["", "Tổng cộng", "5.570", "4.578", "82,19"],
        ],
        widths=[Cm(1.2), Cm(5.6), Cm(3), Cm(3.2), Cm(3.4)],
    )
    r.heading("2. Lĩnh vực văn hóa - xã hội")
    r.para("- Số người tham gia bảo hiểm y tế 7.812/8.645 người, đạt 90,36%.")
    # DELIBERATE: "1.85%" uses an English decimal point (Vietnamese: 1,85%).
    r.para("- Rà soát giữa kỳ, tỷ lệ hộ nghèo của xã còn 1.85%, hộ cận nghèo còn 3,12%; trao 64 phần quà cho "
           "hộ nghèo, hộ cận nghèo với tổng trị giá 32 triệu đồng.")
    r.para("- Hội Liên hiệp Phụ nữ xã tổ chức họp mặt kỷ niệm 94 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt "
           "Nam (20/10/1930 - 20/10/2024), biểu dương 15 hội viên tiêu biểu.")
    r.heading("3. Quốc phòng - an ninh")
    r.para("- Tiếp nhận 11 đơn kiến nghị, phản ánh; đã giải quyết 08 đơn, đang giải quyết 03 đơn.")
    r.para("- Hoàn thành sơ tuyển sức khỏe nghĩa vụ quân sự năm 2025 cho 96 công dân (đạt 64 công dân, không "
           "đạt 32 công dân).")
    r.heading("II. HẠN CHẾ, KHÓ KHĂN VÀ NGUYÊN NHÂN")
    r.para("Tiến độ thu phí, lệ phí đạt thấp (70% dự toán); một số tuyến đường nội đồng xuống cấp chưa được "
           "sửa chữa kịp thời. Nguyên nhân: giá vật tư nông nghiệp tăng làm giảm thu nhập của nông dân; nguồn "
           "kinh phí sửa chữa của xã còn hạn chế.")
    r.heading("III. NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2024")
    r.para("1. Thu hoạch dứt điểm lúa Thu Đông; chuẩn bị giống, vật tư cho vụ Đông Xuân 2024 - 2025.")
    r.para("2. Phấn đấu hoàn thành 100% dự toán thu ngân sách năm 2024.")
    r.para("3. Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở 06 ấp, kỷ niệm 94 năm Ngày truyền thống Mặt trận "
           "Tổ quốc Việt Nam (18/11/1930 - 18/11/2024).")
    r.para("Trên đây là báo cáo tình hình kinh tế - xã hội, quốc phòng - an ninh tháng 10 và nhiệm vụ trọng "
           "tâm tháng 11 năm 2024 của Ủy ban nhân dân xã Phú An./.")
    r.closing_table(
        ["Nơi nhận:", "- UBND huyện Tân Hòa;", "- Thường trực Đảng ủy xã;", "- Thường trực HĐND xã;",
         "- Chủ tịch, các PCT UBND xã;", "- Lưu: VT."],
        [("TM. ỦY BAN NHÂN DÂN", True, False), ("CHỦ TỊCH", True, False), ("", False, False),
         ("", False, False), ("", False, False), ("Nguyễn Thị Hạnh", True, False)],
    )
    r.save(path)


SAMPLES = {
    "bao-cao-quy-iii-2024-huyen-uy-tan-hoa.docx": party_quarterly,
    "bao-cao-ubnd-xa-phu-an-thang-10-2024.docx": state_monthly,
}


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else HERE
    out.mkdir(parents=True, exist_ok=True)
    for name, build in SAMPLES.items():
        build(out / name)
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
