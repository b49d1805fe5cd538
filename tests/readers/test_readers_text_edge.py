"""Plain-text edge cases: line ends (CRLF, mixed, lone CR), blank files, Markdown front matter,
UTF-8 with a few invalid bytes, BOM-less UTF-16 named .txt."""

import pytest
from readers_fixtures import cp1258_bytes, to_tcvn3_mojibake

from checker.api import lint_file
from checker.i18n import t
from checker.readers import ReadError, read_path, read_string

TEXT = [
    "ĐẢNG BỘ XÃ HÒA BÌNH",
    "BÁO CÁO",
    "Kết quả công tác tháng 9 năm 2024",
    "",
    "Kết nạp 06 đảng viên mới; thu đảng phí đạt 101,5% kế hoạch.",
]


def lines(doc):
    return [(b.line, b.text) for b in doc.blocks]


def expected(lines_):
    return [(n, ln) for n, ln in enumerate(lines_, 1)]


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_each_line_end_gives_the_same_lines(tmp_path, eol):
    f = tmp_path / "r.txt"
    f.write_bytes(eol.join(TEXT).encode("utf-8"))
    doc = read_path(f)
    assert lines(doc) == expected(TEXT)
    assert not any("\r" in b.text for b in doc.blocks)


def test_mixed_line_ends_count_as_an_editor_does(tmp_path):
    f = tmp_path / "r.txt"
    raw = TEXT[0] + "\r\n" + TEXT[1] + "\n" + TEXT[2] + "\r" + TEXT[3] + "\r\n" + TEXT[4] + "\n"
    f.write_bytes(raw.encode("utf-8"))
    doc = read_path(f)
    assert lines(doc) == expected(TEXT + [""])


def test_crlf_keeps_columns_of_findings(tmp_path):
    """A finding on a CRLF file points at the same line and column as on the LF file."""
    body = "BÁO CÁO\nKết nạp 112/158 đảng viên, đạt 70,87% chỉ tiêu.\n"
    out = {}
    for eol in ("\n", "\r\n"):
        f = tmp_path / f"r{len(eol)}.txt"
        f.write_bytes(body.replace("\n", eol).encode("utf-8"))
        res = lint_file(f, select=["AR"])
        out[eol] = [(i.rule, i.location.line, i.location.column, i.location.end_column) for i in res.issues]
    assert out["\n"] == out["\r\n"]


def test_form_feed_and_line_separator_are_not_line_ends():
    doc = read_string("Trang một\x0cvẫn dòng một\nDòng\u2028hai")
    assert lines(doc) == [(1, "Trang một\x0cvẫn dòng một"), (2, "Dòng\u2028hai")]


@pytest.mark.parametrize("raw", [b" ", b"\r\n\r\n", b"\t \n \r", "\u3000\n".encode("utf-8"), b"\xef\xbb\xbf \n",
                                 "  \n".encode("utf-16")])
def test_only_whitespace_is_empty(tmp_path, raw):
    f = tmp_path / "blank.txt"
    f.write_bytes(raw)
    with pytest.raises(ReadError) as e:
        read_path(f)
    assert e.value.code == "empty"
    res = lint_file(f)
    assert res.error is not None and res.error.code == "empty" and not res.issues


# --- Markdown front matter --------------------------------------------------------------------------

FRONT = ["---", "title: Báo cáo tháng 9", "date: 2024-09-30", "tags:", "  - đảng bộ", "---"]


def test_markdown_front_matter_is_metadata(tmp_path):
    f = tmp_path / "r.md"
    f.write_text("\n".join(FRONT + TEXT) + "\n", encoding="utf-8")
    doc = read_path(f)
    assert lines(doc)[0] == (7, TEXT[0])  # line numbers stay those of the file
    assert lines(doc) == [(n + 6, ln) for n, ln in expected(TEXT + [""])]
    assert doc.meta["front_matter"] == "title: Báo cáo tháng 9\ndate: 2024-09-30\ntags:\n  - đảng bộ"
    assert [b.index for b in doc.blocks] == list(range(1, len(doc.blocks) + 1))


def test_front_matter_with_crlf_and_dots_closer(tmp_path):
    f = tmp_path / "r.md"
    f.write_bytes("\r\n".join(["---", "title: x", "..."] + TEXT).encode("utf-8"))
    assert lines(read_path(f))[0] == (4, TEXT[0])


def test_front_matter_only_in_markdown_and_only_at_the_top(tmp_path):
    txt = tmp_path / "r.txt"
    txt.write_text("\n".join(FRONT + TEXT), encoding="utf-8")
    assert lines(read_path(txt))[0] == (1, "---")  # a .txt has no front matter
    md = tmp_path / "late.md"
    md.write_text("\n".join(TEXT + FRONT), encoding="utf-8")
    doc = read_path(md)
    assert "front_matter" not in doc.meta and len(doc.blocks) == len(TEXT) + len(FRONT)


def test_rules_between_report_text_are_not_front_matter(tmp_path):
    """Two horizontal rules around ordinary report lines are kept as text."""
    md = tmp_path / "r.md"
    md.write_text("\n".join(["---", TEXT[4], "---", TEXT[1]]), encoding="utf-8")
    doc = read_path(md)
    assert "front_matter" not in doc.meta
    assert lines(doc) == expected(["---", TEXT[4], "---", TEXT[1]])


def test_unclosed_front_matter_is_text(tmp_path):
    md = tmp_path / "r.md"
    md.write_text("\n".join(["---", "title: x"] + TEXT), encoding="utf-8")
    assert lines(read_path(md))[:2] == [(1, "---"), (2, "title: x")]


def test_front_matter_dates_give_no_findings(tmp_path):
    md = tmp_path / "r.md"
    md.write_text("\n".join(["---", "date: 2024-02-31", "so_hieu: 12-BC/ĐU", "---"] + TEXT), encoding="utf-8")
    res = lint_file(md)
    assert res.error is None
    assert all(i.location.line is None or i.location.line > 4 for i in res.issues)


# --- UTF-8 with invalid bytes: refused with the place of the first one ------------------------------------

def test_utf8_with_a_few_invalid_bytes_is_refused_with_its_place(tmp_path):
    good = ("\n".join(TEXT) + "\n").encode("utf-8")
    pos = good.index("thu đảng".encode("utf-8"))
    raw = good[:pos] + b"\xff" + good[pos + 1:]  # one stray byte in line 5
    f = tmp_path / "hong.txt"
    f.write_bytes(raw)
    with pytest.raises(ReadError) as e:
        read_path(f)
    err = e.value
    col = TEXT[4].index("thu đảng") + 1
    assert err.code == "invalid-utf8" and err.detail == f"5:{col}"
    assert "line 5" in err.reason
    for lang in ("vi", "en"):
        msg = t("error.invalid-utf8", lang, name=f.name, detail=err.detail)
        assert f"5:{col}" in msg and msg != "error.invalid-utf8"
    res = lint_file(f)
    assert res.error is not None and res.error.code == "invalid-utf8" and f"5:{col}" in res.error.message


def test_utf8_with_crlf_reports_the_editor_column(tmp_path):
    raw = "Dòng một\r\nDòng hai có lỗi".encode("utf-8") * 3
    raw = raw.replace("lỗi".encode("utf-8"), b"l\xc3\x28i", 1)  # a broken two-byte sequence
    f = tmp_path / "crlf.txt"
    f.write_bytes(raw)
    with pytest.raises(ReadError) as e:
        read_path(f)
    assert e.value.code == "invalid-utf8" and e.value.detail == f"2:{len('Dòng hai có l') + 1}"


def test_windows_1258_is_still_read_as_such(tmp_path):
    """The damaged-UTF-8 check never claims a real Windows-1258 or TCVN3 file."""
    f = tmp_path / "cp.txt"
    f.write_bytes(cp1258_bytes("\n".join(TEXT)))
    doc = read_path(f)
    assert doc.encoding == "cp1258" and lines(doc) == expected(TEXT)
    g = tmp_path / "tcvn.txt"
    g.write_bytes(to_tcvn3_mojibake("\n".join(TEXT[1:] * 3)).encode("latin-1", errors="replace"))
    doc = read_path(g)
    assert any(b.legacy_encoding == "TCVN3" for b in doc.blocks)


def test_mostly_invalid_utf8_is_not_called_damaged_utf8(tmp_path):
    f = tmp_path / "x.txt"
    f.write_bytes("Größe Maße prüfen Übersicht\n".encode("latin-1") * 5 + "và".encode("utf-8"))
    with pytest.raises(ReadError) as e:
        read_path(f)
    assert e.value.code == "encoding"


# --- UTF-16 without BOM --------------------------------------------------------------------------------

@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_txt_is_read(tmp_path, codec):
    f = tmp_path / "u16.txt"
    f.write_bytes("\r\n".join(TEXT).encode(codec))
    doc = read_path(f)
    assert doc.encoding == codec and lines(doc) == expected(TEXT)


def test_bomless_utf16_with_heavy_diacritics(tmp_path):
    text = "Ưu điểm: ổn định; hạn chế: chưa đồng bộ, tiến độ chậm.\n" * 4
    f = tmp_path / "u16.txt"
    f.write_bytes(text.encode("utf-16-le"))
    assert read_path(f).blocks[0].text == text.splitlines()[0]
