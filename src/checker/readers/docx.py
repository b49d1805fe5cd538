"""Word (.docx) reports: body paragraphs and table cells in reading order, footnotes and endnotes,
headers and footers, heading levels, Word automatic numbering, comments.

The package is read with `zipfile` and each part we need is parsed once with a hardened lxml
parser (no DTD, no entities, no network, no huge trees); everything else (images, embedded
objects, themes) is never loaded. The body is walked once, `w:p` and `w:tbl` interleaved, which
is faster than building python-docx objects per paragraph.

Bad input raises `ReadError` with a stable code (locales: `error.<code>`): empty, legacy-doc,
encrypted, corrupt, no-document-xml, too-large, unsafe-xml. The input file is opened read-only.
"""

from __future__ import annotations

import posixpath
import re
import struct
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Block, BlockKind, Document, NoteRef, renumber
from .errors import ReadError, checked_size, unreadable
from .legacy import font_encoding
from .limits import check_blocks

MAX_FILE_BYTES = 200 * 2**20  # the .docx itself
MAX_PART_BYTES = 50 * 2**20  # one uncompressed XML part
MAX_TOTAL_BYTES = 150 * 2**20  # all parts we read, uncompressed
MAX_GRID = 10_000  # grid columns a gridSpan/gridBefore may claim (a damaged file may say anything)
MAX_RATIO = 100  # compression ratio allowed for a part larger than RATIO_MIN_BYTES
RATIO_MIN_BYTES = 2 * 2**20

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


T_P, T_TBL, T_TR, T_TC, T_R, T_T = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("r"), _w("t")
T_TAB, T_BR, T_CR, T_NBH = _w("tab"), _w("br"), _w("cr"), _w("noBreakHyphen")
T_PPR, T_RPR, T_TCPR, T_TRPR = _w("pPr"), _w("rPr"), _w("tcPr"), _w("trPr")
T_DEL, T_MOVEFROM, T_INS, T_MOVETO = _w("del"), _w("moveFrom"), _w("ins"), _w("moveTo")
T_HYPER, T_FLDSIMPLE, T_SMART, T_SDT, T_SDTCONTENT, T_CUSTOMXML = (
    _w("hyperlink"), _w("fldSimple"), _w("smartTag"), _w("sdt"), _w("sdtContent"), _w("customXml"))
T_FNREF, T_ENREF = _w("footnoteReference"), _w("endnoteReference")
T_CSTART, T_CEND, T_CREF = _w("commentRangeStart"), _w("commentRangeEnd"), _w("commentReference")
T_VANISH, T_RFONTS, T_SECTPR = _w("vanish"), _w("rFonts"), _w("sectPr")
T_HDRREF, T_FTRREF = _w("headerReference"), _w("footerReference")
A_VAL, A_ID, A_TYPE = _w("val"), _w("id"), _w("type")
A_ASCII, A_HANSI = _w("ascii"), _w("hAnsi")
A_RID = f"{{{R}}}id"
T_PSTYLE, T_NUMPR, T_OUTLINE, T_SYM, A_CHAR = _w("pStyle"), _w("numPr"), _w("outlineLvl"), _w("sym"), _w("char")
T_GRIDBEFORE, T_GRIDSPAN, T_VMERGE, T_HMERGE = _w("gridBefore"), _w("gridSpan"), _w("vMerge"), _w("hMerge")
# text boxes: their paragraphs (w:txbxContent) sit inside a run's drawing; Word writes each twice, in
# mc:Choice (DrawingML) and in mc:Fallback (VML), and the fallback copy is not read
T_TXBX, T_DRAWING, T_PICT = _w("txbxContent"), _w("drawing"), _w("pict")
T_ALTERNATE, T_FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Fallback"
# containers whose children are walked as if they were the parent's children
_TRANSPARENT_P = {T_HYPER, T_FLDSIMPLE, T_SMART, T_INS, T_MOVETO, T_CUSTOMXML, T_SDT, T_SDTCONTENT,
                  _w("dir"), _w("bdo")}
_TRANSPARENT_BODY = {T_SDT, T_SDTCONTENT, T_CUSTOMXML, T_INS, T_MOVETO}
_SKIP = {T_DEL, T_MOVEFROM, T_PPR, _w("sdtPr"), _w("sdtEndPr")}


@dataclass
class _Para:
    """One paragraph's visible text and what sits at positions inside it."""

    text: str = ""
    refs: list[NoteRef] = field(default_factory=list)
    note_ids: list[tuple[str, str]] = field(default_factory=list)  # (kind, w:id) parallel to refs
    marks: list[tuple[str, str, int]] = field(default_factory=list)  # ("start"|"end", comment id, pos)
    legacy_font: str | None = None
    style_id: str | None = None
    num: tuple[int, int] | None = None
    outline: int | None = None
    textboxes: list = field(default_factory=list)  # w:txbxContent elements anchored in the paragraph


@dataclass
class _Style:
    """What a Word style contributes to a paragraph: name, parent, outline level, numbering, font."""

    name: str | None = None
    based_on: str | None = None
    outline: int | None = None
    num: tuple[int, int] | None = None
    font: str | None = None


# --- safety ---------------------------------------------------------------------------------------

def ole_names(path: Path) -> bytes | None:
    """The bytes of an OLE compound file where its stream names are (its start and its first directory
    sector); None when the file is not OLE or cannot be read."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
            if head[:8] != OLE_MAGIC:
                return None
            data = head + fh.read(4 * 2**20)
            # the first directory sector (where the stream names live) may lie further in a big file
            shift = int.from_bytes(head[0x1E:0x20], "little")
            first_dir = int.from_bytes(head[0x30:0x34], "little")
            if 7 <= shift <= 16 and first_dir < 0xFFFFFFFA:
                fh.seek((first_dir + 1) << shift)
                data += fh.read(1 << shift)
    except (OSError, ValueError):
        return None
    return data


def sniff_ole(path: Path, name: str) -> ReadError | None:
    """An OLE compound file is either an encrypted .docx or a legacy .doc; None if not OLE."""
    data = ole_names(path)
    if data is None:
        return None
    for stream in ("EncryptionInfo", "EncryptedPackage"):
        if stream.encode("utf-16-le") in data:
            return ReadError("encrypted", "the Word file is password-protected", name)
    return ReadError("legacy-doc", "legacy Word 97-2003 (.doc) file", name, detail=".doc")


_PARSER = None


def _parser():
    global _PARSER
    if _PARSER is None:
        from lxml import etree

        _PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                                  remove_comments=True, remove_pis=True, dtd_validation=False)
    return _PARSER


class _Package:
    def __init__(self, zf: zipfile.ZipFile, name: str):
        self.zf, self.name = zf, name
        self.infos = {i.filename: i for i in zf.infolist()}
        self.total = 0

    def has(self, part: str) -> bool:
        return part in self.infos

    def xml(self, part: str):
        """The parsed part, or None when it is absent."""
        data = self.data(part)
        return None if data is None else self.parse(part, data)

    def data(self, part: str) -> bytes | None:
        """The part's bytes (size limits checked, no DTD or entity declaration), or None when absent."""
        info = self.infos.get(part)
        if info is None:
            return None
        size = info.file_size
        if size > MAX_PART_BYTES:
            raise ReadError("too-large", f"part {part} is too large", self.name,
                            detail=f"{part}: {size / 2**20:.0f} MB > {MAX_PART_BYTES // 2**20} MB")
        if size > RATIO_MIN_BYTES and size > MAX_RATIO * max(info.compress_size, 1):
            raise ReadError("too-large", f"part {part} is suspiciously compressed (zip bomb?)", self.name,
                            detail=f"{part}: compression ratio > {MAX_RATIO}")
        self.total += size
        if self.total > MAX_TOTAL_BYTES:
            raise ReadError("too-large", "the document parts are too large in total", self.name,
                            detail=f"> {MAX_TOTAL_BYTES // 2**20} MB uncompressed")
        try:
            with self.zf.open(info) as fh:
                data = fh.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError,
                zlib.error) as exc:
            raise ReadError("corrupt", f"cannot decompress {part}: {exc}", self.name) from None
        if len(data) > MAX_PART_BYTES:
            raise ReadError("too-large", f"part {part} is too large", self.name, detail=part)
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            raise ReadError("unsafe-xml", f"{part} declares a DTD or entities", self.name, detail=part)
        return data

    def parse(self, part: str, data: bytes):
        """`data` (from `data()`) parsed with the hardened parser."""
        from lxml import etree

        try:
            root = etree.fromstring(data, _parser())
        except etree.XMLSyntaxError as exc:
            raise ReadError("corrupt", f"{part} is not well-formed XML ({exc})", self.name) from None
        if root is None:
            raise ReadError("corrupt", f"{part} is empty", self.name)
        docinfo = root.getroottree().docinfo
        if docinfo.doctype or docinfo.internalDTD is not None:
            raise ReadError("unsafe-xml", f"{part} declares a DTD", self.name, detail=part)
        return root

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (type, target part name) for a part's relationships."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, tuple[str, str]] = {}
        if root is None:
            return out
        for rel in root:
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            if target.startswith("/"):
                full = target.lstrip("/")
            else:
                full = posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id") or ""] = ((rel.get("Type") or "").rsplit("/", 1)[-1], full)
        return out


def _open(path: Path, name: str) -> tuple[zipfile.ZipFile, str]:
    checked_size(path, name, MAX_FILE_BYTES)
    ole = sniff_ole(path, name)
    if ole is not None:
        raise ole
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        raise unreadable(exc, name) from None
    if not zipfile.is_zipfile(path):
        if head.lstrip().startswith(b"{\\rtf"):
            raise ReadError("unknown-format", "an RTF file named .docx", name, detail="RTF, not .docx")
        if head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith((b"<html", b"<!DOCTYPE html", b"<HTML")):
            raise ReadError("unknown-format", "an HTML file named .docx", name, detail="HTML, not .docx")
        raise ReadError("corrupt", "not a zip package (corrupt, or not a Word file)", name)
    try:
        zf = zipfile.ZipFile(path, "r")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError,
            struct.error, UnicodeDecodeError) as exc:  # e.g. "zip file version 6.4" from a damaged header
        raise ReadError("corrupt", f"corrupt zip ({exc})", name) from None
    return zf, name


# --- styles, numbering ----------------------------------------------------------------------------

_HEADING_NAME = re.compile(r"^(?:heading|tiêu đề|đề mục|titre|überschrift)\s*([1-9])$", re.IGNORECASE)


def _read_styles(pkg: _Package, part: str | None) -> "dict[str, _Style] | _StyleIndex":
    """styleId -> _Style for paragraph and character styles; "\0default" is the default paragraph style,
    "\0docdefault" carries the font of docDefaults. A large styles part (a template's hundreds of
    styles, most never used) is indexed instead, and a style parsed when a paragraph asks for it."""
    data = pkg.data(part) if part else None
    if data is None:
        return {}
    if len(data) >= STYLES_INDEX_MIN_BYTES:
        index = _StyleIndex.build(pkg, part, data)
        if index is not None:
            return index
    return _styles_from(pkg.parse(part, data))


def _styles_from(root) -> dict[str, _Style]:
    """The styles dict of a whole parsed styles part."""
    styles: dict[str, _Style] = {}
    default_font = _default_font(root)
    for st in root.iter(_w("style")):
        if st.get(A_TYPE) not in (None, "paragraph", "character"):
            continue
        s = _style_of(st)
        if st.get(A_TYPE) == "paragraph" and st.get(_w("default")) in ("1", "true", "on"):
            styles["\0default"] = s
        if default_font and "\0docdefault" not in styles:
            styles["\0docdefault"] = _Style(font=default_font)
        styles[st.get(_w("styleId")) or ""] = s
    return styles


def _default_font(root) -> str | None:
    defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{T_RPR}/{T_RFONTS}")
    return defaults.get(A_ASCII) or defaults.get(A_HANSI) if defaults is not None else None


def _style_of(st) -> _Style:
    s = _Style()
    for child in st:
        tag = child.tag
        if tag == _w("name"):
            s.name = child.get(A_VAL)
        elif tag == _w("basedOn"):
            s.based_on = child.get(A_VAL)
        elif tag == T_PPR:
            for pp in child:
                if pp.tag == _w("outlineLvl"):
                    s.outline = _int(pp.get(A_VAL))
                elif pp.tag == _w("numPr"):
                    s.num = _numpr(pp, default_ilvl=0)
        elif tag == T_RPR:
            f = child.find(T_RFONTS)
            if f is not None:
                s.font = f.get(A_ASCII) or f.get(A_HANSI)
    return s


# A styles part at least this large is indexed rather than parsed whole. Word's own styles part is
# 15–50 KB; python-docx's default template (and the reports generated from it) carries 350 KB of
# style definitions, parsing which took longer than the whole document body.
STYLES_INDEX_MIN_BYTES = 96 * 1024

_STYLES_ROOT = re.compile(rb"\s*(?:<\?xml[^>]*\?>\s*)?(<w:styles\b[^>]*>)")
_TAG_NAME_END = frozenset(b" \t\r\n>/")


def _style_elements(data: bytes, pos: int):
    """(byte range, attribute bytes) of every `<w:style>` element from `pos` on (they do not nest);
    a (None, b"") item when one is not closed."""
    find = data.find
    while True:
        i = find(b"<w:style", pos)
        if i < 0:
            return
        pos = i + 8
        if pos >= len(data) or data[pos] not in _TAG_NAME_END:
            continue  # <w:styles>, <w:styleLink…>: another element
        j = find(b">", pos)
        if j < 0:
            yield None, b""
            return
        if data[j - 1:j] == b"/":
            end = j + 1
        else:
            k = find(b"</w:style>", j)
            if k < 0:
                yield None, b""
                return
            end = k + len(b"</w:style>")
        yield (i, end), data[pos:j]
        pos = end


_DOC_DEFAULTS = re.compile(rb"<w:docDefaults\b.*?</w:docDefaults>", re.DOTALL)
_ATTR = {name: re.compile(rb'\bw:' + name.encode() + rb'="([^"]*)"') for name in ("styleId", "type", "default")}


class _StyleIndex:
    """The styles of a large styles part, found by their `<w:style>` elements' byte ranges and each
    parsed (with the root element's namespace declarations) the first time it is asked for. Behaves as
    the dict `_read_styles` builds for a small part: the same keys, the same `_Style` values."""

    def __init__(self, pkg: _Package, part: str, data: bytes, root_start: bytes,
                 spans: dict[str, tuple[int, int]], default_span: tuple[int, int] | None,
                 default_font: str | None, any_style: bool):
        self.pkg, self.part, self.data, self.root_start = pkg, part, data, root_start
        self.spans, self.default_span = spans, default_span
        self.parsed: dict[tuple[int, int], _Style] = {}  # by byte range: one object per <w:style>
        self.whole: dict[str, _Style] | None = None
        self.docdefault = _Style(font=default_font) if default_font and any_style else None

    @classmethod
    def build(cls, pkg: _Package, part: str, data: bytes) -> "_StyleIndex | None":
        """None when the part is not written the usual way (`w:` prefix, attributes in double quotes):
        the caller then parses it whole."""
        root = _STYLES_ROOT.match(data)
        if root is None:
            return None
        root_start = root.group(1)
        spans: dict[str, tuple[int, int]] = {}
        default_span = None
        any_style = False
        for span, attrs in _style_elements(data, root.end()):
            if span is None:
                return None
            if b'"' not in attrs and b"'" in attrs:
                return None  # single-quoted attributes: not what the patterns read
            typ = _ATTR["type"].search(attrs)
            typ_value = typ.group(1) if typ else None
            if typ_value not in (None, b"paragraph", b"character"):
                continue
            any_style = True
            sid_m = _ATTR["styleId"].search(attrs)
            try:
                sid = sid_m.group(1).decode("utf-8") if sid_m else ""
            except UnicodeDecodeError:
                return None
            if "&" in sid:
                return None  # an escaped character in the id: leave it to the XML parser
            spans[sid] = span
            default = _ATTR["default"].search(attrs)
            if typ_value == b"paragraph" and default and default.group(1) in (b"1", b"true", b"on"):
                default_span = span
        defaults = _DOC_DEFAULTS.search(data, root.end())
        default_font = None
        if defaults is not None:
            try:
                default_font = _default_font(pkg.parse(part, root_start + defaults.group() + b"</w:styles>"))
            except ReadError:
                return None
        return cls(pkg, part, data, root_start, spans, default_span, default_font, any_style)

    def _get(self, key: str) -> _Style | None:
        if self.whole is not None:
            return self.whole.get(key)
        if key == "\0docdefault":
            return self.docdefault
        span = self.default_span if key == "\0default" else self.spans.get(key)
        if span is None:
            return None
        style = self.parsed.get(span)
        if style is None:
            start, end = span
            try:
                root = self.pkg.parse(self.part, self.root_start + self.data[start:end] + b"</w:styles>")
            except ReadError:  # the byte range was not one element after all (a comment holding a tag…)
                return self._whole().get(key)
            element = next(iter(root), None)
            style = self.parsed[span] = _style_of(element) if element is not None else _Style()
        return style

    def _whole(self) -> dict[str, _Style]:
        """The whole part parsed the usual way; from then on every answer comes from it."""
        if self.whole is None:
            self.whole = _styles_from(self.pkg.parse(self.part, self.data))
        return self.whole

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._get(key) is not None

    def __getitem__(self, key: str) -> _Style:
        style = self._get(key)
        if style is None:
            raise KeyError(key)
        return style


def _int(v: str | None) -> int | None:
    try:
        return int(v) if v is not None else None
    except ValueError:
        return None


def _numpr(el, default_ilvl: int | None = 0) -> tuple[int, int] | None:
    num_id = ilvl = None
    for c in el:
        if c.tag == _w("numId"):
            num_id = _int(c.get(A_VAL))
        elif c.tag == _w("ilvl"):
            ilvl = _int(c.get(A_VAL))
    if num_id is None:
        return None
    return num_id, ilvl if ilvl is not None else (default_ilvl or 0)


def _style_chain(styles: "dict[str, _Style] | _StyleIndex", sid: str | None):
    seen = set()
    while sid and sid in styles and sid not in seen:
        seen.add(sid)
        yield styles[sid]
        sid = styles[sid].based_on


def _read_numbering(pkg: _Package, part: str | None) -> dict:
    """numId -> {ilvl: {"format", "text", "start"}} (for rules that want to know what Word shows)."""
    root = pkg.xml(part) if part else None
    if root is None:
        return {}
    abstract: dict[str, dict[int, dict]] = {}
    for an in root.iter(_w("abstractNum")):
        levels = {}
        for lvl in an.iter(_w("lvl")):
            il = _int(lvl.get(_w("ilvl")))
            if il is None:
                continue
            info = {}
            for c in lvl:
                if c.tag == _w("numFmt"):
                    info["format"] = c.get(A_VAL)
                elif c.tag == _w("lvlText"):
                    info["text"] = c.get(A_VAL)
                elif c.tag == _w("start"):
                    info["start"] = _int(c.get(A_VAL))
            levels[il] = info
        abstract[an.get(_w("abstractNumId")) or ""] = levels
    out: dict[int, dict] = {}
    for num in root.iter(_w("num")):
        nid = _int(num.get(_w("numId")))
        a = num.find(_w("abstractNumId"))
        if nid is None or a is None:
            continue
        out[nid] = {k: dict(v) for k, v in abstract.get(a.get(A_VAL) or "", {}).items()}
    return out


# --- the walk -------------------------------------------------------------------------------------

class _Walker:
    def __init__(self, styles: "dict[str, _Style] | _StyleIndex"):
        self.styles = styles
        # the legacy encoding implied by the fonts every paragraph inherits (docDefaults, default style)
        self.base_hint = None
        for key in ("\0default", "\0docdefault"):
            if key in styles and styles[key].font:
                self.base_hint = font_encoding(styles[key].font)
                break
        self.note_order: dict[str, dict[str, int]] = {"footnote": {}, "endnote": {}}
        self.header_refs: list[tuple[str, str]] = []  # (kind, rId) in document order
        self.table_spans: dict[int, dict[tuple[int, int], list[int]]] = {}  # table -> (row, col) -> [rows, cols]
        self.boxed: set[int] = set()  # ids of the blocks read from text boxes

    # paragraph ----------------------------------------------------------------------------------
    def para(self, p) -> _Para:
        out = _Para()
        parts: list[str] = []
        self._pos = 0
        for child in p:
            if child.tag == T_PPR:
                self._ppr(child, out)
                break
        self._inline(p, out, parts)
        out.text = "".join(parts)
        return out

    def _ppr(self, ppr, out: _Para) -> None:
        for c in ppr:
            tag = c.tag
            if tag == T_PSTYLE:
                out.style_id = c.get(A_VAL)
            elif tag == T_NUMPR:
                out.num = _numpr(c, default_ilvl=0) or (0, 0)
            elif tag == T_OUTLINE:
                out.outline = _int(c.get(A_VAL))
            elif tag == T_SECTPR:
                self._sect(c)

    def _sect(self, sect) -> None:
        for c in sect:
            if c.tag == T_HDRREF:
                self.header_refs.append(("header", c.get(A_RID) or ""))
            elif c.tag == T_FTRREF:
                self.header_refs.append(("footer", c.get(A_RID) or ""))

    def _inline(self, el, out: _Para, parts: list[str]) -> None:
        for child in el:
            tag = child.tag
            if tag == T_R:
                self._run(child, out, parts)
            elif tag in _TRANSPARENT_P:
                self._inline(child, out, parts)
            elif tag == T_CSTART:
                out.marks.append(("start", child.get(A_ID) or "", self._pos))
            elif tag == T_CEND:
                out.marks.append(("end", child.get(A_ID) or "", self._pos))
            # w:del, w:moveFrom, w:pPr, bookmarks, proofing marks, math: nothing visible to read

    def _run(self, r, out: _Para, parts: list[str]) -> None:
        for c in r:
            tag = c.tag
            if tag == T_T:
                t = c.text
                if t:
                    parts.append(t)
                    self._pos += len(t)
            elif tag == T_RPR:
                hidden = _first_child(c, T_VANISH)
                if hidden is not None and hidden.get(A_VAL) not in ("0", "false", "off"):
                    return
                f = _first_child(c, T_RFONTS)
                if f is not None and out.legacy_font is None:
                    enc = font_encoding(f.get(A_ASCII) or f.get(A_HANSI))
                    if enc:
                        out.legacy_font = enc
            elif tag == T_TAB:
                parts.append("\t")
                self._pos += 1
            elif tag == T_BR or tag == T_CR:
                parts.append(" ")
                self._pos += 1
            elif tag == T_NBH:
                parts.append("-")
                self._pos += 1
            elif tag == T_FNREF or tag == T_ENREF:
                kind = "footnote" if tag == T_FNREF else "endnote"
                nid = c.get(A_ID) or ""
                order = self.note_order[kind]
                if nid not in order:
                    order[nid] = len(order) + 1
                out.refs.append(NoteRef(order[nid], self._pos, kind))
            elif tag == T_CSTART:
                out.marks.append(("start", c.get(A_ID) or "", self._pos))
            elif tag == T_CEND:
                out.marks.append(("end", c.get(A_ID) or "", self._pos))
            elif tag == T_CREF:
                out.marks.append(("ref", c.get(A_ID) or "", self._pos))
            elif tag == T_SYM:
                ch = _int_hex(c.get(A_CHAR))
                if ch is not None and 0x20 <= ch < 0xD800 and not 0xE000 <= ch < 0xF900:
                    parts.append(chr(ch))
                    self._pos += 1
            elif tag in (T_ALTERNATE, T_DRAWING, T_PICT):
                out.textboxes.extend(_textboxes(c))

    # body ---------------------------------------------------------------------------------------
    def body(self, el, blocks: list[Block], pending: list, extras: dict, kind: BlockKind = BlockKind.PARAGRAPH,
             table_counter: list[int] | None = None) -> None:
        """Appends blocks for the block-level children of `el` (body, cell, header, footnote)."""
        table_counter = table_counter if table_counter is not None else [0]
        for child in el:
            tag = child.tag
            if tag == T_P:
                para = self.para(child)
                b = self._block(para, kind)
                blocks.append(b)
                extras[id(b)] = para
                self._flush(pending, para, b)
                for box in para.textboxes:  # a text box's paragraphs follow the paragraph it is anchored in
                    self._textbox(box, blocks, pending, extras, kind, table_counter)
            elif tag == T_TBL:
                if kind is BlockKind.PARAGRAPH:
                    self.table(child, blocks, pending, extras, table_counter)
                else:  # tables in headers and notes: their paragraphs, flattened (nested tables through
                    # body(), once each: iter(T_TC) here would visit a cell once per enclosing table)
                    for tr in self._rows(child):
                        for tc in self._cells(tr):
                            self.body(tc, blocks, pending, extras, kind, table_counter)
            elif tag in _TRANSPARENT_BODY:
                self.body(child, blocks, pending, extras, kind, table_counter)
            elif tag == T_SECTPR:
                self._sect(child)
            elif tag == T_CSTART:
                pending.append(("start", child.get(A_ID) or ""))
            elif tag == T_CEND:
                if blocks:
                    para = extras.get(id(blocks[-1]))
                    if para is not None:
                        para.marks.append(("end", child.get(A_ID) or "", len(para.text)))

    def _textbox(self, box, blocks: list[Block], pending: list, extras: dict, kind: BlockKind,
                 table_counter: list[int]) -> None:
        """The blocks of a text box; they are not among the paragraphs Word numbers (`self.boxed`)."""
        first = len(blocks)
        self.body(box, blocks, pending, extras, kind, table_counter)
        self.boxed.update(id(b) for b in blocks[first:])

    def _flush(self, pending: list, para: _Para, b: Block) -> None:
        if pending:
            para.marks[:0] = [(k, cid, 0) for k, cid in pending]
            pending.clear()

    def _block(self, para: _Para, kind: BlockKind) -> Block:
        b = Block(index=0, kind=kind, text=para.text, note_refs=para.refs)
        if para.style_id or para.num or para.outline is not None:
            self._style_info(b, para)
        if para.legacy_font is None and self.base_hint and not para.style_id:
            para.legacy_font = self.base_hint
        return b

    def _style_info(self, b: Block, para: _Para) -> None:
        chain = list(_style_chain(self.styles, para.style_id))
        if chain:
            name = chain[0].name
            if name and name[:1].islower() and name.isascii():
                name = name[:1].upper() + name[1:]
            b.style = name
        level = None
        if para.outline is not None:
            level = para.outline + 1 if 0 <= para.outline < 9 else None
        else:
            for s in chain:
                m = _HEADING_NAME.match((s.name or "").strip())
                if m:
                    level = int(m.group(1))
                    break
                if s.outline is not None:
                    level = s.outline + 1 if 0 <= s.outline < 9 else None
                    break
        b.heading_level = level
        num = para.num
        if num is None:
            for s in chain:
                if s.num is not None:
                    num = s.num
                    break
        if num is not None and num[0] != 0:
            b.list_id, b.list_level = num
        if para.legacy_font is None:
            for s in chain:
                if s.font:
                    para.legacy_font = font_encoding(s.font)
                    break

    def table(self, tbl, blocks: list[Block], pending: list, extras: dict, counter: list[int]) -> None:
        """One block per distinct cell at its top-left grid position; the spans go to `self.table_spans`.

        Spans: ``w:gridSpan`` widens a cell; ``w:vMerge`` (restart, then continue cells in the rows
        below at the same grid column) makes it taller; legacy ``w:hMerge`` continue cells widen the
        cell to their left. A continue cell with nothing to continue is dropped (as Word shows it empty).
        """
        counter[0] += 1
        number = counter[0]
        spans: dict[tuple[int, int], list[int]] = {}
        self.table_spans[number] = spans
        open_v: dict[int, tuple[int, int]] = {}  # grid column -> origin of the vertical merge running there
        row_no = 0
        for tr in self._rows(tbl):
            row_no += 1
            col = 1
            for c in tr.iterchildren(T_TRPR):
                gb = _first_child(c, T_GRIDBEFORE)
                if gb is not None:
                    col += max(0, min(_int(gb.get(A_VAL)) or 0, MAX_GRID))
            left: tuple[int, int] | None = None  # origin of the previous cell of this row
            running: set[int] = set()  # grid columns where a vertical merge starts or goes on in this row
            for tc in self._cells(tr):
                span, vmerge, hcont = _cell_props(tc)
                if hcont:
                    if left is not None:
                        spans[left][1] += span
                elif vmerge == "continue":
                    origin = open_v.get(col)
                    if origin is not None and origin[0] < row_no:
                        spans[origin][0] = row_no - origin[0] + 1
                        running.add(col)
                    left = None  # an hMerge right of a continue cell: leave the origin's width alone
                else:
                    key = (row_no, col)
                    spans[key] = [1, span]
                    left = key
                    if vmerge == "restart":
                        open_v[col] = key
                        running.add(col)
                    self._cell(tc, number, row_no, col, blocks, pending, extras, counter)
                col += span
            for c in [c for c in open_v if c not in running]:  # any other cell there ends the merge
                del open_v[c]

    def _rows(self, tbl):
        for c in tbl:
            if c.tag == T_TR:
                yield c
            elif c.tag in _TRANSPARENT_BODY:
                yield from self._rows(c)

    def _cells(self, tr):
        for c in tr:
            if c.tag == T_TC:
                yield c
            elif c.tag in _TRANSPARENT_BODY:
                yield from self._cells(c)

    def _cell(self, tc, table: int, row: int, col: int, blocks: list[Block], pending: list, extras: dict,
              counter: list[int]) -> None:
        """One block for the cell's own paragraphs (joined by newlines); nested tables follow it."""
        paras: list[_Para] = []
        nested: list = []
        self._cell_paras(tc, paras, nested)
        if len(paras) == 1:  # the usual cell: its paragraph is the merge (offsets unchanged)
            merged = paras[0]
        else:
            merged = self._merge(paras)
        b = self._block(merged, BlockKind.TABLE_CELL)
        b.table, b.row, b.column = table, row, col
        blocks.append(b)
        extras[id(b)] = merged
        self._flush(pending, merged, b)
        for p in paras:  # text boxes anchored in the cell: their paragraphs follow it
            for box in p.textboxes:
                self._textbox(box, blocks, pending, extras, BlockKind.PARAGRAPH, counter)
        for t in nested:
            self.table(t, blocks, pending, extras, counter)

    @staticmethod
    def _merge(paras: list[_Para]) -> _Para:
        """The paragraphs of a cell as one: texts joined by newlines, positions shifted accordingly;
        the first paragraph's style, numbering and outline level."""
        merged = _Para()
        texts = []
        offset = 0
        for k, p in enumerate(paras):
            if k:
                offset += 1
            for r in p.refs:
                merged.refs.append(NoteRef(r.number, r.position + offset, r.kind, r.length))
            for kind, cid, pos in p.marks:
                merged.marks.append((kind, cid, pos + offset))
            texts.append(p.text)
            offset += len(p.text)
            merged.legacy_font = merged.legacy_font or p.legacy_font
            if k == 0:
                merged.style_id, merged.num, merged.outline = p.style_id, p.num, p.outline
        merged.text = "\n".join(texts)
        return merged

    def _cell_paras(self, el, paras: list[_Para], nested: list) -> None:
        for c in el:
            if c.tag == T_P:
                paras.append(self.para(c))
            elif c.tag == T_TBL:
                nested.append(c)
            elif c.tag in _TRANSPARENT_BODY:
                self._cell_paras(c, paras, nested)


def _textboxes(el) -> list:
    """The text boxes (w:txbxContent) inside a run's drawing, the mc:Fallback copies left out, nested text
    boxes left to their own box."""
    out = []
    for box in el.iter(T_TXBX):
        anc = box.getparent()
        skip = False
        while anc is not None and anc is not el:
            if anc.tag == T_FALLBACK or anc.tag == T_TXBX:
                skip = True
                break
            anc = anc.getparent()
        if not skip:
            out.append(box)
    return out


def _first_child(el, tag: str):
    """`el.find(tag)` for a plain tag, without the path machinery (a few times faster)."""
    for c in el:
        if c.tag == tag:
            return c
    return None


def _cell_props(tc) -> tuple[int, str | None, bool]:
    """(grid span, vMerge "restart"/"continue"/None, legacy hMerge continue?) from the cell's w:tcPr.
    One pass over tcPr's children; the first of each kind counts, as with `find()`."""
    tcpr = _first_child(tc, T_TCPR)
    if tcpr is None:
        return 1, None, False
    gs = vm = hm = None
    for c in tcpr:
        tag = c.tag
        if tag == T_GRIDSPAN:
            gs = c if gs is None else gs
        elif tag == T_VMERGE:
            vm = c if vm is None else vm
        elif tag == T_HMERGE:
            hm = c if hm is None else hm
    span = max(1, min(_int(gs.get(A_VAL)) or 1, MAX_GRID)) if gs is not None else 1
    vmerge = None if vm is None else "restart" if vm.get(A_VAL) == "restart" else "continue"
    hcont = hm is not None and hm.get(A_VAL) != "restart"
    return span, vmerge, hcont


def _int_hex(v: str | None) -> int | None:
    try:
        return int(v, 16) if v else None
    except ValueError:
        return None


# --- positions after NFC ----------------------------------------------------------------------------

def _normalise(b: Block, para: _Para | None) -> None:
    text = b.text
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return
    nfc = unicodedata.normalize("NFC", text)
    b.was_nfd = True

    def remap(pos: int) -> int:
        return len(unicodedata.normalize("NFC", text[:pos]))

    for r in b.note_refs:
        r.position = remap(r.position)
    if para is not None:
        para.marks = [(k, cid, remap(pos)) for k, cid, pos in para.marks]
    b.text = nfc


def _lstrip(b: Block, para: _Para | None) -> None:
    """Footnote text starts after the mark and a space: drop the leading blanks, shifting offsets."""
    n = len(b.text) - len(b.text.lstrip())
    if not n:
        return
    b.text = b.text[n:]
    for r in b.note_refs:
        r.position = max(0, r.position - n)
    if para is not None:
        para.marks = [(k, cid, max(0, pos - n)) for k, cid, pos in para.marks]


# --- the reader ---------------------------------------------------------------------------------------

def read_docx(path: Path, name: str) -> Document:
    try:
        zf, name = _open(path, name)
        with zf:
            return _read(_Package(zf, name), name)
    except ReadError:
        raise
    except (zipfile.BadZipFile, EOFError, KeyError, ValueError, AttributeError, TypeError, IndexError) as exc:
        raise ReadError("corrupt", f"cannot read the document ({type(exc).__name__})", name) from None
    except RecursionError:
        raise ReadError("corrupt", "the document is too deeply nested", name) from None
    except MemoryError:
        raise ReadError("too-large", "out of memory", name, detail="memory") from None
    except Exception as exc:  # never a traceback for a damaged file
        raise ReadError("corrupt", f"cannot read the document ({type(exc).__name__}: {exc})", name) from None


def _main_part(pkg: _Package) -> str | None:
    rels = pkg.rels("")
    for typ, target in rels.values():
        if typ == "officeDocument" and pkg.has(target):
            return target
    return "word/document.xml" if pkg.has("word/document.xml") else None


def _read(pkg: _Package, name: str) -> Document:
    main = _main_part(pkg)
    if main is None:
        raise ReadError("no-document-xml", "the package has no word/document.xml", name)
    rels = pkg.rels(main)
    by_type: dict[str, list[str]] = {}
    for typ, target in rels.values():
        by_type.setdefault(typ, []).append(target)
    styles = _read_styles(pkg, (by_type.get("styles") or [None])[0])
    numbering = _read_numbering(pkg, (by_type.get("numbering") or [None])[0])
    root = pkg.xml(main)
    body = root.find(_w("body"))
    if body is None:
        raise ReadError("corrupt", "word/document.xml has no body", name)

    walker = _Walker(styles)
    extras: dict[int, _Para] = {}
    body_blocks: list[Block] = []
    walker.body(body, body_blocks, [], extras)
    number_paragraphs([b for b in body_blocks if id(b) not in walker.boxed])

    # notes, numbered in the order of their first reference in the body
    note_blocks: list[Block] = []
    unreferenced: dict[str, list[int]] = {}
    for kind, typ, tag in (("footnote", "footnotes", "footnote"), ("endnote", "endnotes", "endnote")):
        part = (by_type.get(typ) or [None])[0]
        nroot = pkg.xml(part) if part else None
        if nroot is None:
            continue
        order = walker.note_order[kind]
        bkind = BlockKind.FOOTNOTE if kind == "footnote" else BlockKind.ENDNOTE
        found: list[tuple[int, list[Block]]] = []
        extra_number = len(order)
        for note in nroot.iter(_w(tag)):
            if note.get(A_TYPE) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            nid = note.get(A_ID) or ""
            if nid in ("-1", "0") and nid not in order:
                continue
            number = order.get(nid)
            if number is None:
                extra_number += 1
                number = extra_number
                unreferenced.setdefault(kind, []).append(number)
            blocks: list[Block] = []
            walker.body(note, blocks, [], extras, bkind)
            for b in blocks:
                b.note = number
                b.note_refs = []  # the note's own mark (w:footnoteRef) is not a reference
            blocks = [b for b in blocks if b.text.strip()] or blocks[:1]
            if blocks:
                _lstrip(blocks[0], extras.get(id(blocks[0])))
            found.append((number, blocks))
        for _, blocks in sorted(found, key=lambda x: x[0]):
            note_blocks.extend(blocks)

    # headers and footers, in section order, identical ones once
    header_blocks: list[Block] = []
    footer_blocks: list[Block] = []
    seen_parts: set[str] = set()
    seen_texts: set[tuple] = set()
    for kind, rid in walker.header_refs:
        rel = rels.get(rid)
        if rel is None or rel[1] in seen_parts:
            continue
        seen_parts.add(rel[1])
        hroot = pkg.xml(rel[1])
        if hroot is None:
            continue
        bkind = BlockKind.HEADER if kind == "header" else BlockKind.FOOTER
        blocks = []
        walker.body(hroot, blocks, [], extras, bkind)
        blocks = [b for b in blocks if b.text.strip() and not b.text.strip().isdigit()]  # page numbers
        key = (kind, tuple(b.text for b in blocks))
        if not blocks or key in seen_texts:
            continue
        seen_texts.add(key)
        (header_blocks if kind == "header" else footer_blocks).extend(blocks)

    all_blocks = header_blocks + body_blocks + note_blocks + footer_blocks
    hints: dict[int, str] = {}
    for k, b in enumerate(all_blocks):
        para = extras.get(id(b))
        _normalise(b, para)
        if para is not None and para.legacy_font:
            hints[k] = para.legacy_font
    renumber(all_blocks)
    check_blocks(all_blocks, name)  # a paragraph of megabytes, a runaway table: refused, not checked for minutes
    from .text import mark_legacy

    mark_legacy(all_blocks, hints)
    meta: dict = {"numbering": numbering} if numbering else {}
    if unreferenced:
        meta["unreferenced_notes"] = unreferenced
    meta["table_spans"] = {t: {rc: (rs, cs) for rc, (rs, cs) in cells.items()}
                           for t, cells in walker.table_spans.items()}
    comments = _comments(pkg, (by_type.get("comments") or [None])[0], all_blocks, extras, walker)
    meta["comments"] = comments
    return Document(path=name, format="docx", blocks=all_blocks, encoding="utf-8", meta=meta)


def number_paragraphs(body_blocks: list[Block]) -> None:
    """Word's paragraph numbers: the body's paragraphs outside tables in order, empty ones included
    (as Word shows them with ¶ marks), so that "đoạn 16" is the 16th paragraph a clerk counts."""
    n = 0
    for b in body_blocks:
        if b.kind is BlockKind.PARAGRAPH:
            n += 1
            b.paragraph = n


def _comments(pkg: _Package, part: str | None, blocks: list[Block], extras: dict, walker: _Walker) -> list[dict]:
    root = pkg.xml(part) if part else None
    if root is None:
        return []
    found: dict[str, dict[str, tuple[int, int]]] = {"start": {}, "end": {}, "ref": {}}
    for b in blocks:
        para = extras.get(id(b))
        if para is None:
            continue
        for kind, cid, pos in para.marks:
            found[kind].setdefault(cid, (b.index, pos))
    starts, ends, refs = found["start"], found["end"], found["ref"]
    out = []
    for c in root.iter(_w("comment")):
        cid = c.get(A_ID) or ""
        texts = [walker.para(p).text for p in c.iter(T_P)]
        text = unicodedata.normalize("NFC", "\n".join(texts).strip())
        s = starts.get(cid) or refs.get(cid)  # a comment without a range sits at its reference mark
        e = ends.get(cid) or s
        out.append({"id": cid, "author": c.get(_w("author")) or "", "text": text,
                    "start_block": s[0] if s else None, "start_offset": s[1] if s else None,
                    "end_block": e[0] if e else None, "end_offset": e[1] if e else None})
    return out
