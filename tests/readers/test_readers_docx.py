"""The Word reader: reading order, tables and merged cells, run text, notes, headers, styles,
numbering, comments, NFC, legacy fonts."""

import unicodedata

import docx
import pytest
from readers_fixtures import (NS, fnref, make_docx, notes_xml, p, r, styles_xml, tbl, tc, to_tcvn3_mojibake,
                              to_vni_mojibake, tr)

from checker.document import BlockKind
from checker.readers import read_path


@pytest.fixture(autouse=True, params=["styles parsed whole", "styles indexed"])
def styles_mode(request, monkeypatch):
    """Every test here runs with the styles part parsed whole and with it indexed (the path large
    styles parts take), which must read the same document."""
    from checker.readers import docx as reader

    if request.param == "styles indexed":
        monkeypatch.setattr(reader, "STYLES_INDEX_MIN_BYTES", 0)
    return request.param


def texts(doc, kind=None):
    return [b.text for b in doc.blocks if kind is None or b.kind is kind]


def test_paragraphs_and_tables_in_reading_order(tmp_path):
    body = (p("BÁO CÁO") + tbl(tr("STT", "Chỉ tiêu"), tr("1", "Kết nạp đảng viên")) + p("Đoạn giữa")
            + tbl(tr("A", "B")) + p("Đoạn cuối"))
    doc = read_path(make_docx(tmp_path / "a.docx", body))
    assert [(b.kind.value, b.text, b.table, b.row, b.column) for b in doc.blocks] == [
        ("paragraph", "BÁO CÁO", None, None, None),
        ("table_cell", "STT", 1, 1, 1), ("table_cell", "Chỉ tiêu", 1, 1, 2),
        ("table_cell", "1", 1, 2, 1), ("table_cell", "Kết nạp đảng viên", 1, 2, 2),
        ("paragraph", "Đoạn giữa", None, None, None),
        ("table_cell", "A", 2, 1, 1), ("table_cell", "B", 2, 1, 2),
        ("paragraph", "Đoạn cuối", None, None, None),
    ]
    assert [b.index for b in doc.blocks] == list(range(1, 10))


def test_merged_cells_are_read_once_with_grid_columns(tmp_path):
    body = tbl(
        tr(tc("Nội dung", '<w:vMerge w:val="restart"/>'), tc("Kết quả", '<w:gridSpan w:val="2"/>')),
        tr(tc("", "<w:vMerge/>"), "Số lượng", "Tỷ lệ"),
        tr("Đảng viên", "12", "85,7%"),
    )
    doc = read_path(make_docx(tmp_path / "m.docx", body))
    assert [(b.text, b.row, b.column) for b in doc.blocks] == [
        ("Nội dung", 1, 1), ("Kết quả", 1, 2),
        ("Số lượng", 2, 2), ("Tỷ lệ", 2, 3),
        ("Đảng viên", 3, 1), ("12", 3, 2), ("85,7%", 3, 3),
    ]


def test_cell_paragraphs_join_and_nested_tables_follow(tmp_path):
    inner = tbl(tr("x1", "x2"))
    body = tbl(tr(tc(p("Dòng một") + p("Dòng hai") + inner), "Bên phải")) + p("Sau bảng")
    doc = read_path(make_docx(tmp_path / "n.docx", body))
    assert [(b.text, b.table, b.row, b.column) for b in doc.blocks] == [
        ("Dòng một\nDòng hai", 1, 1, 1), ("x1", 2, 1, 1), ("x2", 2, 1, 2), ("Bên phải", 1, 1, 2),
        ("Sau bảng", None, None, None)]


def test_python_docx_table_with_merged_cells(tmp_path):
    d = docx.Document()
    d.add_heading("I. KẾT QUẢ", level=1)
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "Tiêu đề bảng"
    t.cell(1, 0).merge(t.cell(2, 0)).text = "Gộp dọc"
    t.cell(1, 1).text, t.cell(1, 2).text = "a", "b"
    t.cell(2, 1).text, t.cell(2, 2).text = "c", "d"
    d.add_paragraph("Thứ nhất", style="List Number")
    d.sections[0].header.paragraphs[0].text = "Dự thảo"
    path = tmp_path / "pd.docx"
    d.save(path)
    doc = read_path(path)
    cells = [(b.text, b.row, b.column) for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells == [("Tiêu đề bảng", 1, 1), ("Gộp dọc", 2, 1), ("a", 2, 2), ("b", 2, 3), ("c", 3, 2), ("d", 3, 3)]
    heading = next(b for b in doc.blocks if b.text == "I. KẾT QUẢ")
    assert heading.heading_level == 1 and heading.style == "Heading 1"
    item = next(b for b in doc.blocks if b.text == "Thứ nhất")
    assert item.list_id is not None and item.list_level == 0
    assert texts(doc, BlockKind.HEADER) == ["Dự thảo"]


def test_run_text_rules(tmp_path):
    runs = (
        r("Kế hoạch") + '<w:r><w:tab/></w:r>' + r("số 12") + '<w:r><w:br/></w:r>'
        + f'<w:hyperlink r:id="x">{r("trang web")}</w:hyperlink>'
        + f'<w:ins w:id="1" w:author="a">{r(" thêm")}</w:ins>'
        + f'<w:del w:id="2" w:author="a"><w:r><w:delText> bỏ</w:delText></w:r></w:del>'
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r(" 7") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + f'<w:fldSimple w:instr=" DATE ">{r(" ngày")}</w:fldSimple>'
        + r(" ẩn", "<w:vanish/>")
        + '<w:r><w:drawing><wp:inline xmlns:wp="urn:x"><w:t>không đọc</w:t></wp:inline></w:drawing></w:r>'
    )
    doc = read_path(make_docx(tmp_path / "r.docx", p(runs=runs)))
    assert doc.blocks[0].text == "Kế hoạch\tsố 12 trang web thêm 7 ngày"


def test_footnotes_numbered_by_first_reference(tmp_path):
    body = (p(runs=r("Kết nạp 12 đảng viên") + fnref(7) + r(", đạt 120%.") + fnref(3))
            + tbl(tr(tc(p(runs=r("Ô bảng") + fnref(9))), "x")) + p(runs=r("Nhắc lại") + fnref(7)))
    footnotes = notes_xml("footnote", {
        3: "Chú thích B.",
        7: p(runs='<w:r><w:footnoteRef/></w:r>' + r(" Chú thích A, đoạn một.")) + p("Đoạn hai của A."),
        9: "Chú thích C.",
        11: "Không được tham chiếu.",
    })
    endnotes = notes_xml("endnote", {2: "Ghi chú cuối."})
    body += p(runs=r("Cuối") + '<w:r><w:endnoteReference w:id="2"/></w:r>')
    doc = read_path(make_docx(tmp_path / "f.docx", body, footnotes=footnotes, endnotes=endnotes))
    first = doc.blocks[0]
    assert first.text == "Kết nạp 12 đảng viên, đạt 120%."
    assert [(n.number, n.position, n.kind) for n in first.note_refs] == [(1, 20, "footnote"), (2, 31, "footnote")]
    cell = next(b for b in doc.blocks if b.kind is BlockKind.TABLE_CELL)
    assert [(n.number, n.position) for n in cell.note_refs] == [(3, 6)]
    again = next(b for b in doc.blocks if b.text == "Nhắc lại")
    assert again.note_refs[0].number == 1
    assert [(b.note, b.text) for b in doc.blocks if b.kind is BlockKind.FOOTNOTE] == [
        (1, "Chú thích A, đoạn một."), (1, "Đoạn hai của A."), (2, "Chú thích B."), (3, "Chú thích C."),
        (4, "Không được tham chiếu.")]
    assert doc.meta["unreferenced_notes"] == {"footnote": [4]}
    assert [(b.note, b.text) for b in doc.blocks if b.kind is BlockKind.ENDNOTE] == [(1, "Ghi chú cuối.")]
    last_para = next(b for b in doc.blocks if b.text == "Cuối")
    assert [(n.number, n.kind) for n in last_para.note_refs] == [(1, "endnote")]
    # order: body first, then notes
    kinds = [b.kind for b in doc.blocks]
    assert kinds.index(BlockKind.FOOTNOTE) > kinds.index(BlockKind.TABLE_CELL)


def test_headers_and_footers_deduplicated_page_numbers_dropped(tmp_path):
    same = p("ĐẢNG BỘ TỈNH X") + p("Dự thảo lần 2")
    page = p(runs='<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
                  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("3") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    doc = read_path(make_docx(tmp_path / "h.docx", p("Thân bài"), headers=[same, same], footers=[page]))
    assert [(b.kind.value, b.text) for b in doc.blocks] == [
        ("header", "ĐẢNG BỘ TỈNH X"), ("header", "Dự thảo lần 2"), ("paragraph", "Thân bài")]


def test_heading_levels_from_styles_and_outline(tmp_path):
    styles = styles_xml(
        '<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Mục lớn"/><w:basedOn w:val="Heading2"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="TD3"><w:name w:val="Tiêu đề 3"/></w:style>'
    )
    body = (p("I. Phần một", style="Heading1") + p("1. Mục", style="Muc") + p("a) Ý", style="TD3")
            + p("Đoạn có cấp", ppr='<w:outlineLvl w:val="3"/>') + p("Thân bài", style="Normal")
            + p("Cấp thân bài", ppr='<w:outlineLvl w:val="9"/>', style="Heading1"))
    doc = read_path(make_docx(tmp_path / "s.docx", body, styles=styles))
    assert [(b.text, b.heading_level) for b in doc.blocks] == [
        ("I. Phần một", 1), ("1. Mục", 2), ("a) Ý", 3), ("Đoạn có cấp", 4), ("Thân bài", None), ("Cấp thân bài", None)]
    assert doc.blocks[0].style == "Heading 1" and doc.blocks[1].style == "Mục lớn"


def test_word_numbering_recorded_not_invented(tmp_path):
    numbering = (f'<w:numbering {NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1">'
                 '<w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    styles = styles_xml('<w:style w:type="paragraph" w:styleId="DS"><w:name w:val="Danh sách"/>'
                        '<w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>')
    body = (p("Kết quả", ppr='<w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr>')
            + p("Theo kiểu", style="DS")
            + p("Tắt số", style="DS", ppr='<w:numPr><w:numId w:val="0"/></w:numPr>')
            + p("Thường"))
    doc = read_path(make_docx(tmp_path / "num.docx", body, styles=styles, numbering=numbering))
    assert [(b.text, b.list_id, b.list_level) for b in doc.blocks] == [
        ("Kết quả", 4, 1), ("Theo kiểu", 4, 0), ("Tắt số", None, None), ("Thường", None, None)]
    assert doc.meta["numbering"][4][0] == {"start": 1, "format": "upperRoman", "text": "%1."}


def test_comments_with_ranges(tmp_path):
    comments = (f'<w:comments {NS}><w:comment w:id="0" w:author="Chánh Văn phòng" w:initials="CVP">'
                + p("checker: bỏ qua AR001") + '</w:comment>'
                + '<w:comment w:id="1" w:author="Thư ký">' + p("Xem lại số liệu") + '</w:comment>'
                + '<w:comment w:id="2" w:author="Thư ký">' + p("checker: bỏ qua") + '</w:comment></w:comments>')
    body = (p(runs=r("Đạt ") + '<w:commentRangeStart w:id="0"/>' + r("85,17%") + '<w:commentRangeEnd w:id="0"/>'
               + '<w:r><w:commentReference w:id="0"/></w:r>')
            + '<w:commentRangeStart w:id="1"/>' + p("Đoạn hai") + p("Đoạn ba")
            + p(runs=r("Đoạn bốn") + '<w:commentRangeEnd w:id="1"/>')
            + p(runs=r("Điểm") + '<w:r><w:commentReference w:id="2"/></w:r>'))
    doc = read_path(make_docx(tmp_path / "c.docx", body, comments=comments))
    assert doc.meta["comments"] == [
        {"id": "0", "author": "Chánh Văn phòng", "text": "checker: bỏ qua AR001",
         "start_block": 1, "start_offset": 4, "end_block": 1, "end_offset": 10},
        {"id": "1", "author": "Thư ký", "text": "Xem lại số liệu",
         "start_block": 2, "start_offset": 0, "end_block": 4, "end_offset": 8},
        {"id": "2", "author": "Thư ký", "text": "checker: bỏ qua",
         "start_block": 5, "start_offset": 4, "end_block": 5, "end_offset": 4},
    ]
    b = doc.block(1)
    assert b.text[4:10] == "85,17%"


def test_nfd_text_in_word_is_normalised_and_offsets_follow(tmp_path):
    nfd = unicodedata.normalize("NFD", "Kết quả thực hiện")
    body = p(runs=r(nfd) + fnref(1) + r(" tốt")) + p("Báo cáo")
    doc = read_path(make_docx(tmp_path / "nfd.docx", body, footnotes=notes_xml("footnote", {1: "Ghi chú."})))
    b = doc.blocks[0]
    assert b.text == "Kết quả thực hiện tốt" and b.was_nfd
    assert b.note_refs[0].position == len("Kết quả thực hiện")
    assert not doc.blocks[1].was_nfd


def test_legacy_fonts_and_mojibake_in_word(tmp_path):
    tcvn = to_tcvn3_mojibake("Kết quả thực hiện nhiệm vụ")
    vni = to_vni_mojibake("Báo cáo tình hình kinh tế xã hội")
    body = (p(runs=r(tcvn, '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>'))
            + p(runs=r(vni))
            + p(runs=r("2024", '<w:rFonts w:ascii=".VnTime"/>'))
            + p("Báo cáo bằng Unicode"))
    doc = read_path(make_docx(tmp_path / "leg.docx", body))
    assert [b.legacy_encoding for b in doc.blocks] == ["TCVN3", "VNI", None, None]


def test_legacy_default_font_lowers_the_evidence_needed(tmp_path):
    styles = (f'<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>'
              '</w:rPr></w:rPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '</w:styles>')
    one_word = to_tcvn3_mojibake("Kính") + " UBND"  # a single mojibake word
    doc = read_path(make_docx(tmp_path / "d.docx", p(one_word) + p("2024"), styles=styles))
    assert [b.legacy_encoding for b in doc.blocks] == ["TCVN3", None]
    plain = read_path(make_docx(tmp_path / "e.docx", p(one_word)))
    assert plain.blocks[0].legacy_encoding is None  # without the font, one word is not enough


def test_a_styles_part_written_another_way_is_parsed_whole(tmp_path, styles_mode):
    """Another prefix for Word's namespace than w: the index declines, the whole part is parsed."""
    from checker.readers import docx as reader

    styles = ('<x:styles xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<x:style x:type="paragraph" x:styleId="Heading1"><x:name x:val="heading 1"/></x:style></x:styles>')
    assert reader._StyleIndex.build(None, "word/styles.xml", styles.encode()) is None
    doc = read_path(make_docx(tmp_path / "ns.docx", p("I. Phần một", style="Heading1"), styles=styles))
    assert doc.blocks[0].heading_level == 1 and doc.blocks[0].style == "Heading 1"


def test_style_index_reads_only_the_styles_asked_for(tmp_path):
    from checker.readers import docx as reader

    many = "".join(f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="s{i}"/></w:style>'
                   for i in range(2000))
    data = styles_xml('<w:style w:type="table" w:styleId="Grid"><w:name w:val="Table Grid"/></w:style>'
                      '<w:style w:type="character" w:styleId="Empty"/>' + many).encode()
    pkg = reader._Package.__new__(reader._Package)
    index = reader._StyleIndex.build(pkg, "word/styles.xml", data)
    assert index is not None and "Grid" not in index and "Nope" not in index
    assert index["S1999"].name == "s1999" and index["Heading2"].outline == 1 and index["Empty"].name is None
    assert len(index.parsed) == 3
    assert reader._StyleIndex.build(pkg, "word/styles.xml", data[:-40]) is None  # an element left open


def test_a_style_range_that_is_not_one_element_falls_back_to_the_whole_part(tmp_path):
    """A comment holding '</w:style>' cuts the byte range short: the index parses the whole part instead."""
    from checker.readers import docx as reader

    styles = styles_xml('<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Mục"/>'
                        '<!-- </w:style> --><w:basedOn w:val="Heading2"/></w:style>').encode()
    pkg = reader._Package.__new__(reader._Package)
    pkg.name = "x.docx"
    index = reader._StyleIndex.build(pkg, "word/styles.xml", styles)
    assert index is not None
    assert index["Muc"].based_on == "Heading2" and index["Heading1"].outline == 0
