"""Plain-text footnote forms of exported reports: blocks, numbers, anchors, exact source columns."""

from checker.document import BlockKind
from checker.readers import read_string


def notes(doc):
    return [(b.note, b.line, b.text) for b in doc.blocks if b.kind is BlockKind.FOOTNOTE]


def assert_columns_exact(doc, source):
    """Every block's text is found in its source line at its column offset."""
    src = source.split("\n")
    for b in doc.blocks:
        line = src[b.line - 1]
        assert line[b.column_offset: b.column_offset + len(b.text)] == b.text, b
        for ref in b.note_refs:
            assert ref.length == 0 or line[b.column_offset + ref.position:][:ref.length].strip()


def test_inline_footnote_ref_form():
    src = (
        "I. KẾT QUẢ\n"
        "Tổ chức 03 hội nghị chuyên đề[footnoteRef:1], kết nạp 12 đảng viên[footnoteRef:2]. "
        "[1:  Hội nghị về chuyển đổi số, hội nghị về cải cách hành chính và hội nghị về an sinh.]  "
        "[2:  Trong đó 07 đồng chí là đoàn viên thanh niên.] \n"
        "Hoàn thành 100% kế hoạch."
    )
    doc = read_string(src)
    assert doc.meta["footnote_form"] == "inline"
    body = doc.blocks[1]
    assert body.text == ("Tổ chức 03 hội nghị chuyên đề[footnoteRef:1], kết nạp 12 đảng viên[footnoteRef:2].")
    assert [(r.number, body.text[r.position:r.position + r.length]) for r in body.note_refs] == [
        (1, "[footnoteRef:1]"), (2, "[footnoteRef:2]")]
    assert notes(doc) == [
        (1, 2, "Hội nghị về chuyển đổi số, hội nghị về cải cách hành chính và hội nghị về an sinh."),
        (2, 2, "Trong đó 07 đồng chí là đoàn viên thanh niên."),
    ]
    assert doc.blocks[-1].text == "Hoàn thành 100% kế hoạch." and doc.blocks[-1].line == 3
    assert_columns_exact(doc, src)


def test_inline_footnote_continued_over_lines():
    src = (
        "Giám sát 02 tổ chức đảng[footnoteRef:1]. [1:  Gồm:\n"
        "Chi bộ Trường Tiểu học A;\n"
        "Chi bộ Trạm Y tế xã.]  [2:  Lẻ, không có mốc.]\n"
        "Phần tiếp theo của báo cáo."
    )
    doc = read_string(src)
    assert notes(doc) == [(1, 1, "Gồm:"), (1, 2, "Chi bộ Trường Tiểu học A;"), (1, 3, "Chi bộ Trạm Y tế xã."),
                          (2, 3, "Lẻ, không có mốc.")]
    assert doc.blocks[-1].kind is BlockKind.PARAGRAPH and doc.blocks[-1].line == 4
    assert_columns_exact(doc, src)


def test_unclosed_inline_note_does_not_swallow_the_body():
    src = (
        "Kiểm tra 03 đơn vị[footnoteRef:1]. [1:  Ba đơn vị trực thuộc\n"
        "Dòng thân bài thứ nhất.\n"
        "Dòng thân bài thứ hai có mốc[footnoteRef:2].\n"
    )
    doc = read_string(src)
    kinds = [(b.kind.value, b.line) for b in doc.blocks]
    assert ("paragraph", 2) in kinds and ("paragraph", 3) in kinds


def test_superscript_form():
    src = (
        "Cấp thẻ cho 44 trường hợp¹. Trao huy hiệu cho 124 đảng viên².\n"
        "Diện tích sàn 4.180m² đã hoàn thành.\n"
        "¹ Trong đó 20 trường hợp chuyển đến.\n"
        "² Huy hiệu 30 năm: 100; 40 năm: 24.\n"
        "Tiếp tục thực hiện¹⁰ kế hoạch.\n"
        "¹⁰ Một chú thích số mười.\n"
    )
    doc = read_string(src)
    assert doc.meta["footnote_form"] == "superscript"
    first = doc.blocks[0]
    assert [(r.number, r.position, r.length) for r in first.note_refs] == [
        (1, first.text.index("¹"), 1), (2, first.text.index("²"), 1)]
    assert doc.blocks[1].note_refs == []  # m² is a unit, not a note mark
    assert notes(doc) == [(1, 3, "Trong đó 20 trường hợp chuyển đến."), (2, 4, "Huy hiệu 30 năm: 100; 40 năm: 24."),
                          (10, 6, "Một chú thích số mười.")]
    assert [r.number for r in doc.blocks[4].note_refs] == [10]
    assert_columns_exact(doc, src)


def test_a_lone_superscript_in_a_unit_makes_no_footnotes():
    doc = read_string("Diện tích 25 m²\n² không phải chú thích nhưng bắt đầu bằng số mũ")
    assert all(b.kind is BlockKind.PARAGRAPH for b in doc.blocks)


def test_trailing_replacement_character_form():
    body = [f"Đoạn thân bài số {k} của báo cáo." for k in range(1, 9)]
    src = "\n".join(body + ["", "\ufffd Chú thích thứ nhất.", "", "\ufffd Chú thích thứ hai, đoạn một.",
                            "+ Đoạn hai của chú thích thứ hai.", "\ufffd Chú thích thứ ba."])
    doc = read_string(src)
    assert doc.meta["footnote_anchors_lost"] is True
    assert notes(doc) == [(1, 10, "Chú thích thứ nhất."), (2, 12, "Chú thích thứ hai, đoạn một."),
                          (2, 13, "+ Đoạn hai của chú thích thứ hai."), (3, 14, "Chú thích thứ ba.")]
    assert_columns_exact(doc, src)


def test_replacement_characters_early_in_a_text_are_not_footnotes():
    src = "\ufffd mở đầu lỗi\n\ufffd dòng lỗi\n" + "\n".join(f"Đoạn {k}." for k in range(6))
    doc = read_string(src)
    assert all(b.kind is BlockKind.PARAGRAPH for b in doc.blocks)
    assert "footnote_anchors_lost" not in doc.meta


def test_markdown_footnotes():
    src = "Kết nạp 12 đảng viên[^1].\n\n[^1]: Trong đó 05 nữ."
    doc = read_string(src)
    assert doc.blocks[0].note_refs[0].number == 1
    assert notes(doc) == [(1, 3, "Trong đó 05 nữ.")]
    assert_columns_exact(doc, src)


def test_no_footnotes_means_one_block_per_line():
    src = "Dòng một\nDòng hai [ghi chú: không phải chú thích]\n"
    doc = read_string(src)
    assert [(b.line, b.text) for b in doc.blocks] == [(1, "Dòng một"), (2, "Dòng hai [ghi chú: không phải chú thích]"),
                                                      (3, "")]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = st.sampled_from([
    "Báo cáo", " ", "\n", "[footnoteRef:1]", "[footnoteRef:2]", "[1:  ", "[2: ", "]", "]  ", "¹", "²", "¹⁰",
    "\ufffd ", "m²", "[^1]", "[^1]: ", "12,5%", "đạt", "\t", "B¸o", "caùo",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_any_text_reads_and_columns_stay_exact(pieces):
    src = "".join(pieces)
    doc = read_string(src)
    assert_columns_exact(doc, src)
    assert [b.index for b in doc.blocks] == list(range(1, len(doc.blocks) + 1))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_fail_cleanly(raw):
    from checker.readers import ReadError
    from checker.readers.text import decode_bytes

    try:
        text, enc = decode_bytes(raw)
    except ReadError as e:
        assert e.code in ("encoding", "invalid-utf8", "unknown-format")
    else:
        assert isinstance(text, str) and enc


def test_damaged_utf8_found_by_hypothesis_fails_cleanly():
    """Regression: mostly-UTF-8 bytes with a stray continuation byte are damaged UTF-8, not another encoding."""
    import pytest

    from checker.readers import ReadError
    from checker.readers.text import decode_bytes

    with pytest.raises(ReadError) as e:
        decode_bytes(b"\x80\xc2\x80" + "Báo cáo quý III năm 2024".encode())
    assert e.value.code in ("encoding", "invalid-utf8")
