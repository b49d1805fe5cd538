"""PDF reports with a text layer, read with PDFium (pypdfium2) into the same `Document` as Word and text.

This module opens the file safely and takes from each page what the layout needs: every character
with its box, baseline, size and font, the straight lines drawn on the page (table borders, the
footnote separator) and how much of the page images cover. `pdflayout` turns that into blocks:
paragraphs, tables, the two-column header, footnotes (see its docstring).

Why PDFium: measured on a 50-page LibreOffice export (bench/pdf_libraries.py), pdfplumber (pdfminer.six)
took ≈ 2.5 s to extract the words alone, PDFium ≈ 0.4 s for every character with its box, size and
font; both gave the same text. PDFium (BSD/Apache) is the engine of Chrome's PDF viewer, fuzzed
continuously; pypdfium2 ships it as a wheel for every common platform.

Bad input raises `ReadError`: `pdf-encrypted` (a password is needed to open it), `pdf-corrupt`,
`pdf-scanned` (no text layer: OCR it first), `pdf-unmapped` (text whose fonts carry no Unicode
mapping), `too-large` (file size, page count, characters, drawing objects, or a compressed stream that
inflates beyond the limits: a "PDF bomb"), `empty`. The input file is only read.
"""

from __future__ import annotations

import ctypes
import re
import zlib
from pathlib import Path

from ..document import Document
from .errors import ReadError, checked_size, unreadable

MAX_FILE_BYTES = 200 * 2**20  # as for a .docx
MAX_PAGES = 2_000
MAX_PAGE_CHARS = 100_000  # a text page holds 2-5 thousand
MAX_TOTAL_CHARS = 20_000_000
MAX_PAGE_OBJECTS = 100_000  # drawing objects on one page (a page of text has a few hundred)
MAX_PATH_SEGMENTS = 200_000  # segments of the line drawings read on one page
MAX_STREAM_BYTES = 50 * 2**20  # one inflated stream (as one .docx part)
MAX_TOTAL_BYTES = 300 * 2**20  # all inflated streams together
MAX_RATIO = 200  # inflation ratio allowed for a stream inflating beyond RATIO_MIN_BYTES
RATIO_MIN_BYTES = 8 * 2**20
FORM_DEPTH = 8  # nested form XObjects followed for line drawings

INSTALL_HINT = "pip install pypdfium2"

# pdfium's FPDF_GetLastError codes
_ERR_FILE, _ERR_FORMAT, _ERR_PASSWORD, _ERR_SECURITY = 2, 3, 4, 5
_OBJ_TEXT, _OBJ_PATH, _OBJ_IMAGE, _OBJ_FORM = 1, 2, 3, 5
_SEG_LINETO, _SEG_MOVETO = 0, 2


def read_pdf(path: Path, name: str) -> Document:
    checked_size(path, name, MAX_FILE_BYTES)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise unreadable(exc, name) from None
    head = data[:1024]
    if b"%PDF-" not in head:
        raise ReadError("pdf-corrupt", "not a PDF file (no %PDF- header)", name, detail="no %PDF- header")
    check_streams(data, name)
    try:
        import pypdfium2 as pdfium  # noqa: F401  (imported here: only a PDF pays for it)
    except ImportError:
        raise ReadError("pdf-unavailable", f"reading PDF needs pypdfium2 ({INSTALL_HINT})", name,
                        detail=INSTALL_HINT) from None
    try:
        pages, producer = _extract(data, name)
    except ReadError:
        raise
    except RecursionError:
        raise ReadError("pdf-corrupt", "the PDF is too deeply nested", name, detail="nesting") from None
    except MemoryError:
        raise ReadError("too-large", "out of memory", name, detail="memory") from None
    except Exception as exc:  # never a traceback for a damaged file
        raise ReadError("pdf-corrupt", f"cannot read the PDF ({type(exc).__name__}: {exc})", name,
                        detail=type(exc).__name__) from None
    from .pdflayout import layout

    return layout(pages, name, producer)


# --- PDF bombs -------------------------------------------------------------------------------------

_STREAM = re.compile(rb"stream\r?\n")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_NOT_READ = re.compile(rb"/Subtype\s*/Image\b|/Type\s*/EmbeddedFile\b")  # images, attachments: never inflated


def check_streams(data: bytes, name: str) -> None:
    """Inflates every Flate stream that reading the text inflates (page contents, fonts, forms, object
    streams; not images or attachments), never further than the limits, and refuses the file when one
    inflates beyond MAX_STREAM_BYTES, beyond MAX_RATIO × its size past RATIO_MIN_BYTES, or all together
    beyond MAX_TOTAL_BYTES. PDFium would inflate them with no such bound."""
    total = 0
    pos = 0
    find = data.find
    while True:
        m = _STREAM.search(data, pos)
        if m is None:
            return
        start = m.end()
        end = find(b"endstream", start)
        if end < 0:
            return
        pos = end + 9
        dict_start = data.rfind(b"obj", max(0, m.start() - 4096), m.start())
        if (dict_start < 0 or not _FLATE.search(data, dict_start, m.start())
                or _NOT_READ.search(data, dict_start, m.start())):
            continue
        raw = data[start:end]
        room = min(MAX_STREAM_BYTES, MAX_TOTAL_BYTES - total) + 1
        inflated = _inflate(raw, room)
        if inflated is None:
            continue  # not plain zlib (encrypted, predictors…): PDFium decides
        total += inflated
        if inflated >= room or (inflated > RATIO_MIN_BYTES and inflated > MAX_RATIO * max(len(raw), 1)):
            what = "the streams together" if total > MAX_TOTAL_BYTES else "a stream"
            raise ReadError("too-large", f"{what} inflate beyond the limit (PDF bomb?)", name,
                            detail=f"{what}: > {min(room, MAX_STREAM_BYTES) // 2**20} MB inflated"
                            if inflated >= room else f"{what}: compression ratio > {MAX_RATIO}")


def _inflate(raw: bytes, limit: int) -> int | None:
    """How many bytes `raw` inflates to, counting no further than `limit`; None when it is not zlib."""
    d = zlib.decompressobj()
    size = 0
    chunk = 1 << 20
    try:
        buf = d.decompress(raw, chunk)
        while True:
            size += len(buf)
            if size >= limit or d.eof:
                return size
            tail = d.unconsumed_tail
            if not tail:
                return size + len(d.flush(limit - size))
            buf = d.decompress(tail, chunk)
    except zlib.error:
        return None if size == 0 else size


# --- extraction ------------------------------------------------------------------------------------


def _open(data: bytes, name: str):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = raw.FPDF_GetLastError()
        if code in (_ERR_PASSWORD, _ERR_SECURITY):
            raise ReadError("pdf-encrypted", "the PDF is password-protected", name, detail="password") from None
        raise ReadError("pdf-corrupt", f"PDFium cannot open the file ({exc})", name,
                        detail=f"PDFium error {code}") from None


def _extract(data: bytes, name: str):
    from .pdflayout import PageContent

    pdf = _open(data, name)
    try:
        count = len(pdf)
        if count == 0:
            raise ReadError("pdf-corrupt", "the PDF has no pages", name, detail="no pages")
        if count > MAX_PAGES:
            raise ReadError("too-large", f"the PDF has more than {MAX_PAGES} pages", name,
                            detail=f"{count} pages > {MAX_PAGES}")
        producer = _producer(pdf)
        fonts: dict[int, tuple[bool, str]] = {}
        total_chars = 0
        pages = []
        for number in range(1, count + 1):
            page = pdf[number - 1]
            try:
                content = PageContent(number=number, fonts=fonts)
                _page_geometry(page, content)
                _page_objects(page, content, name)
                _page_text(page, content, fonts, name)
                total_chars += len(content.chars)
                if total_chars > MAX_TOTAL_CHARS:
                    raise ReadError("too-large", "the PDF holds too many characters", name,
                                    detail=f"> {MAX_TOTAL_CHARS:,} characters")
                pages.append(content)
            finally:
                page.close()
        return pages, producer
    finally:
        pdf.close()


def _producer(pdf) -> str:
    try:
        meta = pdf.get_metadata_dict(skip_empty=True)
    except Exception:
        return ""
    return " ".join(str(meta.get(k, "")) for k in ("Creator", "Producer")).strip()


def _page_geometry(page, content) -> None:
    """The page box and a transform from PDF user space to the page as shown, y downwards."""
    left, bottom, right, top = page.get_bbox()
    rotation = page.get_rotation() % 360
    content.upright = (left, top) if rotation == 0 else None
    w, h = right - left, top - bottom
    if rotation == 90:
        content.width, content.height = h, w
        content.transform = lambda x, y: (y - bottom, x - left)
    elif rotation == 180:
        content.width, content.height = w, h
        content.transform = lambda x, y: (right - x, y - bottom)
    elif rotation == 270:
        content.width, content.height = h, w
        content.transform = lambda x, y: (top - y, right - x)
    else:
        content.width, content.height = w, h
        content.transform = lambda x, y: (x - left, top - y)


class _CharCalls:
    """PDFium's per-character calls with plain ctypes prototypes (handles as integers): the same C
    functions pypdfium2 binds, at half the cost per call, which matters at a million calls a report."""

    def __init__(self) -> None:
        import pypdfium2.raw as raw

        c_void_p, c_int, c_double = ctypes.c_void_p, ctypes.c_int, ctypes.c_double

        def proto(fn, restype, *argtypes):
            return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, c_void_p).value)

        self.text_object = proto(raw.FPDFText_GetTextObject, c_void_p, c_void_p, c_int)
        self.loose_box = proto(raw.FPDFText_GetLooseCharBox, c_int, c_void_p, c_int, c_void_p)
        self.origin = proto(raw.FPDFText_GetCharOrigin, c_int, c_void_p, c_int, c_void_p, c_void_p)
        self.font_size = proto(raw.FPDFText_GetFontSize, c_double, c_void_p, c_int)
        self.unmapped = proto(raw.FPDFText_HasUnicodeMapError, c_int, c_void_p, c_int)


_CALLS: _CharCalls | None = None


def _page_text(page, content, fonts: dict, name: str) -> None:
    """Every character of the page's text layer: (char, x0, x1, top, bottom, baseline, size, font key)."""
    import pypdfium2.raw as raw

    global _CALLS
    if _CALLS is None:
        _CALLS = _CharCalls()
    calls = _CALLS
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        n = raw.FPDFText_CountChars(tp)
        if n <= 0:
            return
        if n > MAX_PAGE_CHARS:
            raise ReadError("too-large", f"page {content.number} holds too many characters", name,
                            detail=f"page {content.number}: {n:,} characters > {MAX_PAGE_CHARS:,}")
        buf = (ctypes.c_ushort * (n + 1))()
        got = raw.FPDFText_GetText(tp, 0, n, buf)
        text = bytes(buf)[:max(0, got - 1) * 2].decode("utf-16-le", "replace")
        if len(text) != n:  # surrogate pairs or a short read: ask char by char
            text = "".join(chr(raw.FPDFText_GetUnicode(tp, i) or 0xFFFD) for i in range(n))
        handle = ctypes.cast(tp, ctypes.c_void_p).value
        rect = raw.FS_RECTF()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        p_rect, p_ox, p_oy = ctypes.addressof(rect), ctypes.addressof(ox), ctypes.addressof(oy)
        loose, origin, size_of, obj_of = calls.loose_box, calls.origin, calls.font_size, calls.text_object
        tf = content.transform
        upright = content.upright
        shift_x, page_top = upright if upright is not None else (0.0, 0.0)
        objects: dict[int, int] = {}  # text object address -> font key (or -1: text to leave out)
        chars = content.chars
        append = chars.append
        bad = sampled = 0
        last_obj = last_key = None
        for i, ch in enumerate(text):
            if ch == "\r" or ch == "\n":
                continue
            obj = obj_of(handle, i) or 0
            if obj != last_obj:
                key = objects.get(obj)
                if key is None:
                    key = objects[obj] = _font_key(obj, fonts) if obj else 0
                    sampled += 1  # one character tells for the object's font
                    bad += calls.unmapped(handle, i) != 0
                last_obj, last_key = obj, key
            key = last_key
            if key < 0:
                continue
            loose(handle, i, p_rect)
            origin(handle, i, p_ox, p_oy)
            if upright is not None:  # the usual page: no transform call per character
                x0, x1, t0, t1 = rect.left - shift_x, rect.right - shift_x, page_top - rect.top, page_top - rect.bottom
                baseline = page_top - oy.value
            else:
                x0, t0 = tf(rect.left, rect.top)
                x1, t1 = tf(rect.right, rect.bottom)
                baseline = tf(ox.value, oy.value)[1]
            if x0 > x1:
                x0, x1 = x1, x0
            if t0 > t1:
                t0, t1 = t1, t0
            append((ch, x0, x1, t0, t1, baseline, size_of(handle, i), key))
        content.unmapped, content.sampled = bad, sampled
    finally:
        textpage.close()


_BOLD_NAME = re.compile(r"(?i)bold|black|heavy|semibold|demi")


def _font_key(address: int, fonts: dict) -> int:
    """A small integer naming the text object's font (`fonts` maps it to (bold?, font name)); -1 for
    text drawn in a direction other than left to right (rotated cells, margin notes)."""
    import pypdfium2.raw as raw

    obj = ctypes.cast(address, raw.FPDF_PAGEOBJECT)
    matrix = raw.FS_MATRIX()
    if raw.FPDFPageObj_GetMatrix(obj, matrix) and (abs(matrix.b) > abs(matrix.a) or matrix.a < 0):
        return -1
    font = raw.FPDFTextObj_GetFont(obj)
    fname = ""
    weight = 0
    name_of = getattr(raw, "FPDFFont_GetBaseFontName", None) or getattr(raw, "FPDFFont_GetFontName", None)
    if font and name_of is not None:  # (PDFium renamed GetFontName to GetBaseFontName; both in pypdfium2 5.x)
        size = name_of(font, None, 0)
        if 0 < size < 512:
            buf = ctypes.create_string_buffer(size)
            name_of(font, buf, size)
            fname = buf.value.decode("latin-1", "replace")
        weight = raw.FPDFFont_GetWeight(font)
    mode = raw.FPDFTextObj_GetTextRenderMode(obj)
    bold = weight >= 600 or bool(_BOLD_NAME.search(fname)) or mode == 2  # 2: fill + stroke ("fake bold")
    entry = (bold, fname.split("+", 1)[-1])
    for k, v in fonts.items():
        if v == entry:
            return k
    key = len(fonts) + 1
    fonts[key] = entry
    return key


def _page_objects(page, content, name: str) -> None:
    """Straight horizontal and vertical lines (strokes and thin filled rectangles), and image area."""
    import pypdfium2.raw as raw

    n = raw.FPDFPage_CountObjects(page.raw)
    if n > MAX_PAGE_OBJECTS:
        raise ReadError("too-large", f"page {content.number} holds too many drawing objects", name,
                        detail=f"page {content.number}: {n:,} objects > {MAX_PAGE_OBJECTS:,}")
    budget = [MAX_PATH_SEGMENTS]
    for k in range(n):
        _object(raw.FPDFPage_GetObject(page.raw, k), content, None, 0, budget)


def _object(obj, content, parent, depth: int, budget: list[int]) -> None:
    import pypdfium2.raw as raw

    kind = raw.FPDFPageObj_GetType(obj)
    if kind == _OBJ_PATH:
        _path(obj, content, parent, budget)
    elif kind == _OBJ_IMAGE:
        left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
        if raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            content.image_area += max(0.0, right.value - left.value) * max(0.0, top.value - bottom.value)
    elif kind == _OBJ_FORM and depth < FORM_DEPTH:
        m = _matrix(obj)
        if parent is not None:
            m = _compose(m, parent)
        for i in range(raw.FPDFFormObj_CountObjects(obj)):
            if budget[0] <= 0:
                return
            _object(raw.FPDFFormObj_GetObject(obj, i), content, m, depth + 1, budget)


def _matrix(obj) -> tuple[float, ...]:
    import pypdfium2.raw as raw

    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: tuple, outer: tuple) -> tuple:
    """The matrix applying `inner` then `outer` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _path(obj, content, parent, budget: list[int]) -> None:
    """The straight axis-parallel pieces of a path, in page coordinates (y downwards)."""
    import pypdfium2.raw as raw

    fill, stroke = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(obj, fill, stroke)
    n = raw.FPDFPath_CountSegments(obj)
    if n <= 0 or n > budget[0]:
        budget[0] = 0 if n > budget[0] else budget[0]
        return
    budget[0] -= n
    m = _matrix(obj)
    if parent is not None:
        m = _compose(m, parent)
    a, b, c, d, e, f = m
    tf = content.transform
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float, int, bool]] = []
    for i in range(n):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        if not seg or not raw.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        px, py = x.value, y.value
        points.append((*tf(a * px + c * py + e, b * px + d * py + f), raw.FPDFPathSegment_GetType(seg),
                       bool(raw.FPDFPathSegment_GetClose(seg))))
    width = raw_stroke_width(obj) * max(abs(a), abs(d), 1e-9) if stroke.value else 0.0
    content.add_path(points, bool(stroke.value), bool(fill.value), width)


def raw_stroke_width(obj) -> float:
    import pypdfium2.raw as raw

    w = ctypes.c_float()
    return w.value if raw.FPDFPageObj_GetStrokeWidth(obj, w) else 1.0
