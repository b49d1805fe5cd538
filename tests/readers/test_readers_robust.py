"""Robustness, property-based: whatever bytes a reader is given, it returns a Document or raises
ReadError, never another exception; `checker.api.lint_file` on the same input never raises and gives
a FileResult. Plus size limits exercised with files built here (no monkeypatching of the text limit
for the "just over" case)."""

from __future__ import annotations

import atexit
import functools
import io
import shutil
import struct
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from readers_fixtures import NS, fnref, make_docx, notes_xml, p, r, tbl, tc, tr

from checker.api import lint_file
from checker.document import Document
from checker.issues import FileResult
from checker.readers import ReadError, read_path
from checker.readers import docx as docx_reader
from checker.readers import text as text_reader

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_TMP = Path(tempfile.mkdtemp(prefix="checker-robust-"))  # one folder for all examples (hypothesis and
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)  # function-scoped tmp_path do not mix)


def _write(data: bytes, suffix: str) -> Path:
    path = _TMP / f"case{suffix}"
    path.write_bytes(data)
    return path


def read_or_error(path: Path) -> Document | None:
    """The property: a Document, or a ReadError (returned as None); anything else fails the test."""
    try:
        doc = read_path(path)
    except ReadError as e:
        assert e.code and e.reason
        return None
    assert isinstance(doc, Document)
    assert [b.index for b in doc.blocks] == list(range(1, len(doc.blocks) + 1))
    return doc


@functools.lru_cache(maxsize=None)
def base_docx() -> bytes:
    """A small but complete package: headings, a merged table, a footnote, a header."""
    body = (p("BÁO CÁO", style="Heading1")
            + p(runs=r("Kết nạp 12 đảng viên mới") + fnref(1) + r(", đạt 120% kế hoạch."))
            + tbl(tr(tc("Chỉ tiêu", '<w:vMerge w:val="restart"/>'), tc("Kết quả", '<w:gridSpan w:val="2"/>')),
                  tr(tc("", "<w:vMerge/>"), "KH", "TH"), tr("Đảng viên", "10", "12"))
            + p("Nơi nhận: như trên."))
    path = make_docx(_TMP / "base.docx", body, footnotes=notes_xml("footnote", {1: "Số liệu đến ngày 30/9."}),
                     headers=[p("ĐẢNG BỘ XÃ AN PHÚ")])
    return path.read_bytes()


def docx_with_document_xml(xml: bytes) -> bytes:
    """The base package with word/document.xml replaced by the given bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base_docx())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, xml if info.filename == "word/document.xml" else src.read(info.filename))
    return out.getvalue()


def test_base_package_reads():
    doc = read_or_error(_write(base_docx(), ".docx"))
    assert doc is not None and doc.blocks[0].text == "ĐẢNG BỘ XÃ AN PHÚ"
    assert doc.meta["table_spans"][1][(1, 1)] == (2, 1)


# --- 1. the zip bytes ------------------------------------------------------------------------------

MUTATION = st.one_of(
    st.tuples(st.just("set"), st.integers(0, 10**6), st.integers(0, 255)),
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(0, 7)),
    st.tuples(st.just("cut"), st.integers(0, 10**6), st.just(0)),
    st.tuples(st.just("drop"), st.integers(0, 10**6), st.integers(1, 64)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.integers(0, 255)),
)


def mutate(data: bytes, ops) -> bytes:
    raw = bytearray(data)
    for op, at, arg in ops:
        if not raw:
            break
        i = at % len(raw)
        if op == "set":
            raw[i] = arg
        elif op == "flip":
            raw[i] ^= 1 << arg
        elif op == "cut":
            del raw[i:]
        elif op == "drop":
            del raw[i:i + arg]
        else:
            raw[i:i] = bytes([arg]) * 3
    return bytes(raw)


@FAST
@given(st.lists(MUTATION, min_size=1, max_size=6))
def test_mutated_zip_bytes(ops):
    read_or_error(_write(mutate(base_docx(), ops), ".docx"))


# --- 2. the XML inside word/document.xml ---------------------------------------------------------------

TAGS = ["p", "r", "t", "tbl", "tr", "tc", "tcPr", "trPr", "gridSpan", "gridBefore", "vMerge", "hMerge", "pPr",
        "pStyle", "numPr", "numId", "ilvl", "outlineLvl", "rPr", "rFonts", "vanish", "sym", "tab", "br",
        "footnoteReference", "endnoteReference", "commentRangeStart", "commentRangeEnd", "commentReference",
        "hyperlink", "sdt", "sdtContent", "ins", "del", "moveTo", "fldSimple", "smartTag", "sectPr",
        "headerReference", "body", "noBreakHyphen"]
ATTRS = ["val", "id", "type", "char", "ascii", "hAnsi", "styleId"]
ATTR_VALUES = st.one_of(
    st.sampled_from(["restart", "continue", "0", "1", "-1", "2", "99999999999999999999", "F020", "zz", "",
                     "separator", "Heading1", ".VnTime", "VNI-Times", "true", "off"]),
    st.integers(-2**70, 2**70).map(str),
    st.text(max_size=20),
    st.integers(1, 200_000).map(lambda n: "x" * n),  # huge attribute values
)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


ELEMENT = st.recursive(
    TEXT.map(_escape),
    lambda children: st.builds(
        lambda tag, attrs, kids: (f"<w:{tag}" + "".join(f' w:{a}="{_escape(v)}"' for a, v in attrs)
                                  + ">" + "".join(kids) + f"</w:{tag}>"),
        st.sampled_from(TAGS), st.lists(st.tuples(st.sampled_from(ATTRS), ATTR_VALUES), max_size=3, unique_by=lambda x: x[0]),
        st.lists(children, max_size=4)),
    max_leaves=30,
)


def document(inner: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{inner}</w:body></w:document>'


@FAST
@given(st.lists(ELEMENT, max_size=5))
def test_random_wordprocessingml(elements):
    """Random (well-formed) WordprocessingML: any tag where any other is expected, any attribute value."""
    read_or_error(_write(docx_with_document_xml(document("".join(elements)).encode("utf-8")), ".docx"))


@FAST
@given(st.lists(ELEMENT, max_size=3), st.binary(max_size=40), st.integers(0, 10**6))
def test_random_bytes_inside_the_xml(elements, garbage, at):
    """Any bytes (invalid UTF-8, '<', '&', NUL...) spliced anywhere into the XML."""
    xml = document("".join(elements)).encode("utf-8")
    i = at % (len(xml) + 1)
    read_or_error(_write(docx_with_document_xml(xml[:i] + garbage + xml[i:]), ".docx"))


@pytest.mark.parametrize("xml", [
    document(p("a") + "\xff"),  # a lone byte decoded as text is fine
])
def test_latin1_char_is_text(xml):
    doc = read_or_error(_write(docx_with_document_xml(xml.encode("utf-8")), ".docx"))
    assert doc is not None


@pytest.mark.parametrize("bad", [b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x00"])
def test_invalid_utf8_in_xml_is_corrupt(bad):
    xml = document(p("Báo cáo")).encode("utf-8").replace("cáo".encode("utf-8"), b"c" + bad + b"o")
    with pytest.raises(ReadError) as e:
        read_path(_write(docx_with_document_xml(xml), ".docx"))
    assert e.value.code == "corrupt"


@pytest.mark.parametrize("depth", [50, 120, 5000])
@pytest.mark.parametrize("wrapper", ["sdt", "table", "hyperlink"])
def test_deep_nesting(depth, wrapper):
    """Deep nesting is read (within the XML parser's depth limit) or refused as corrupt, quickly."""
    inner = p("lõi")
    for _ in range(depth):
        if wrapper == "sdt":
            inner = f"<w:sdt><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
        elif wrapper == "table":
            inner = tbl(tr(tc(inner)))
        else:
            inner = p(runs="<w:hyperlink>" * depth + r("x") + "</w:hyperlink>" * depth)
            break
    t0 = time.perf_counter()
    doc = read_or_error(_write(docx_with_document_xml(document(inner).encode("utf-8")), ".docx"))
    assert time.perf_counter() - t0 < 2
    if doc is None:
        return
    body = [b.text for b in doc.blocks if b.text and b.kind.value in ("paragraph", "table_cell")]
    assert body in (["lõi"], ["x"])


@pytest.mark.parametrize("where", ["footnote", "header"])
def test_nested_tables_in_notes_and_headers_are_read_once(tmp_path, where):
    """Regression: tables nested in a note or header were walked once per enclosing table (2^depth)."""
    inner = p("lõi")
    for _ in range(60):
        inner = tbl(tr(tc(inner)))
    body = p(runs=r("Thân bài") + fnref(1))
    kw = ({"footnotes": notes_xml("footnote", {1: p("Chú thích") + inner})} if where == "footnote"
          else {"headers": [p("Đầu trang") + inner]})
    t0 = time.perf_counter()
    doc = read_path(make_docx(tmp_path / "n.docx", body, **kw))
    assert time.perf_counter() - t0 < 2
    kind = "footnote" if where == "footnote" else "header"
    assert [b.text for b in doc.blocks if b.kind.value == kind][-2:] == [
        "Chú thích" if where == "footnote" else "Đầu trang", "lõi"]


# --- 3. text inputs: any bytes --------------------------------------------------------------------------

@FAST
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md"]))
def test_any_bytes_as_a_text_file(raw, suffix):
    doc = read_or_error(_write(raw, suffix))
    if doc is not None:
        assert all(b.text == b.text.strip("\r") or "\r" not in b.text[-1:] for b in doc.blocks)


@FAST
@given(st.lists(st.sampled_from(["Báo cáo", "\r\n", "\n", "\r", "[footnoteRef:1]", "[1: x]", "¹", "---",
                                 "| a | b |", "|---|---|", "# Tiêu đề", "\ufeff", "\u0301", "B¸o c¸o", "\x00",
                                 "12,5%", " "]), max_size=30),
       st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1258"]), st.sampled_from([".txt", ".md"]))
def test_report_like_text_in_any_encoding(pieces, encoding, suffix):
    raw = "".join(pieces).encode(encoding, errors="replace")
    read_or_error(_write(raw, suffix))


# --- 4. end to end: lint_file never raises ----------------------------------------------------------------

def _lint(path: Path) -> FileResult:
    res = lint_file(path)
    assert isinstance(res, FileResult)
    if res.error is not None:
        assert not res.issues
    return res


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MUTATION, min_size=1, max_size=4))
def test_lint_file_on_mutated_docx(ops):
    _lint(_write(mutate(base_docx(), ops), ".docx"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ELEMENT, max_size=4))
def test_lint_file_on_random_wordprocessingml(elements):
    _lint(_write(docx_with_document_xml(document("".join(elements)).encode("utf-8")), ".docx"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300), st.sampled_from([".txt", ".md"]))
def test_lint_file_on_any_bytes(raw, suffix):
    _lint(_write(raw, suffix))


# --- 5. size limits, with files built here ------------------------------------------------------------------

def test_text_file_just_over_the_limit_is_too_large(tmp_path):
    f = tmp_path / "lon.txt"
    with open(f, "wb") as fh:
        fh.write("Báo cáo tổng kết\n".encode("utf-8"))
        fh.truncate(text_reader.MAX_TEXT_BYTES + 1)  # sparse: cheap to build
    with pytest.raises(ReadError) as e:
        read_path(f)
    assert e.value.code == "too-large"
    res = _lint(f)
    assert res.error is not None and res.error.code == "too-large"


def test_text_limit_boundary(tmp_path, monkeypatch):
    monkeypatch.setattr(text_reader, "MAX_TEXT_BYTES", 64)
    line = "Báo cáo quý I.\n".encode("utf-8")
    ok = tmp_path / "ok.txt"
    ok.write_bytes((line * 10)[:64])
    assert read_path(ok).blocks[0].text == "Báo cáo quý I."
    over = tmp_path / "over.txt"
    over.write_bytes((line * 10)[:65])
    with pytest.raises(ReadError) as e:
        read_path(over)
    assert e.value.code == "too-large"


def _patch_declared_size(data: bytes, member: str, size: int) -> bytes:
    """Rewrites the uncompressed size the zip declares for one member (local header and central directory)."""
    raw = bytearray(data)
    name = member.encode()
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = 0
        while (i := raw.find(sig, i)) >= 0:
            name_len = struct.unpack_from("<H", raw, i + (26 if sig == b"PK\x03\x04" else 28))[0]
            start = i + (30 if sig == b"PK\x03\x04" else 46)
            if raw[start:start + name_len] == name:
                struct.pack_into("<I", raw, i + size_at, size)
            i += 4
    return bytes(raw)


def test_part_declaring_a_size_over_the_limit_is_too_large():
    """The declared size alone refuses the part: nothing is decompressed."""
    data = _patch_declared_size(base_docx(), "word/document.xml", docx_reader.MAX_PART_BYTES + 1)
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size == docx_reader.MAX_PART_BYTES + 1
    with pytest.raises(ReadError) as e:
        read_path(_write(data, ".docx"))
    assert e.value.code == "too-large" and "word/document.xml" in e.value.detail


def test_part_declaring_less_than_it_holds_is_corrupt():
    """A part that inflates beyond its declared size is cut at that size and fails its CRC: corrupt."""
    data = _patch_declared_size(base_docx(), "word/document.xml", 100)
    with pytest.raises(ReadError) as e:
        read_path(_write(data, ".docx"))
    assert e.value.code == "corrupt"


def test_parts_over_the_total_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_TOTAL_BYTES", 1500)
    big_note = notes_xml("footnote", {1: "Ghi chú dài. " * 200})
    path = make_docx(tmp_path / "t.docx", p(runs=r("Thân") + fnref(1)), footnotes=big_note)
    with pytest.raises(ReadError) as e:
        read_path(path)
    assert e.value.code == "too-large"


def test_zip_needing_a_newer_version_is_corrupt():
    """Regression (found by test_mutated_zip_bytes): zipfile raised NotImplementedError('zip file version 6.4')."""
    raw = bytearray(base_docx())
    i = raw.find(b"PK\x01\x02")
    struct.pack_into("<H", raw, i + 6, 64)  # "version needed to extract" of the first central record
    path = _write(bytes(raw), ".docx")
    with pytest.raises(ReadError) as e:
        read_path(path)
    assert e.value.code == "corrupt"
    assert lint_file(path).error.code == "corrupt"
