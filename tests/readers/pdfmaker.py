"""A small PDF writer for the reader tests: text placed where a word processor would place it, ruling
lines, images, and the damaged or hostile files the reader must refuse.

Text is written with a Type0 font (Identity-H) whose ToUnicode map gives each glyph its character, so
any Vietnamese text reads back without a font file on the machine (the glyphs are not embedded: the
tests read the text layer, they never look at the page). Every character is 0.5 em wide, a space 0.25
em, so the tests can lay lines out exactly. Everything here is original test text.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

CHAR_EM = 0.5
SPACE_EM = 0.25


def width(text: str, size: float) -> float:
    return sum((SPACE_EM if c == " " else CHAR_EM) * size for c in text)


@dataclass
class Page:
    width: float = 595.0
    height: float = 842.0
    ops: list[str] = field(default_factory=list)
    images: int = 0
    rotate: int = 0

    def text(self, x: float, top: float, text: str, size: float = 13, bold: bool = False, rise: float = 0):
        """`text` with its baseline `top` points below the top of the page, starting at `x`."""
        self.ops.append(("T", x, self.height - top + rise, text, size, bold))
        return x + width(text, size)

    def line(self, x0: float, top0: float, x1: float, top1: float, w: float = 0.5) -> None:
        self.ops.append(("L", x0, self.height - top0, x1, self.height - top1, w))

    def rect_fill(self, x: float, top: float, w: float, h: float) -> None:
        self.ops.append(("R", x, self.height - top - h, w, h))

    def image(self) -> None:
        """A grey image covering the page (a scanned page)."""
        self.images += 1
        self.ops.append(("I", self.images))

    def table(self, left: float, top: float, widths: list[float], heights: list[float],
              merged: set[tuple[str, int, int]] = frozenset()) -> list[list[tuple[float, float]]]:
        """Draws the borders of a table; `merged` names inner borders left out: ("v", row, col) is the
        vertical line left of column col in row row, ("h", row, col) the line above row row in column col
        (0-based). Returns the top-left corner of every cell."""
        xs = [left]
        for w in widths:
            xs.append(xs[-1] + w)
        ys = [top]
        for h in heights:
            ys.append(ys[-1] + h)
        for r in range(len(heights)):
            for c in range(len(xs)):
                if ("v", r, c) not in merged:
                    self.line(xs[c], ys[r], xs[c], ys[r + 1])
        for r in range(len(ys)):
            for c in range(len(widths)):
                if ("h", r, c) not in merged:
                    self.line(xs[c], ys[r], xs[c + 1], ys[r])
        return [[(xs[c], ys[r]) for c in range(len(widths))] for r in range(len(heights))]


def _hex(codes) -> str:
    return "".join(f"{c:04X}" for c in codes)


def build(pages: list[Page], *, encrypt: bool = False, to_unicode: bool = True, extra_objects: list[bytes] = (),
          raw_stream: bytes | None = None, info: str = "") -> bytes:
    """The PDF file of `pages` (see the module docstring)."""
    chars = sorted({c for p in pages for op in p.ops if op[0] == "T" for c in op[3]})
    cid = {c: k + 1 for k, c in enumerate(chars)}
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    def stream(dictionary: str, data: bytes, compress: bool = True) -> bytes:
        if compress:
            data = zlib.compress(data)
            dictionary += " /Filter /FlateDecode"
        return f"<< {dictionary} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    cmap_lines = [f"<{cid[c]:04X}> <{c.encode('utf-16-be').hex().upper()}>" for c in chars]
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
            "/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            + "".join(f"{len(cmap_lines[i:i + 100])} beginbfchar\n" + "\n".join(cmap_lines[i:i + 100]) + "\nendbfchar\n"
                      for i in range(0, len(cmap_lines), 100))
            + "endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    tounicode = add(stream("", cmap)) if to_unicode else None
    widths = " ".join(f"{cid[c]} [{int((SPACE_EM if c == ' ' else CHAR_EM) * 1000)}]" for c in chars)
    fonts = {}
    for key, bold in (("F1", False), ("F2", True)):
        name = "TestSerif-Bold" if bold else "TestSerif"
        desc = add(f"<< /Type /FontDescriptor /FontName /{name} /Flags 34 /FontBBox [-200 -216 1000 891] "
                   f"/ItalicAngle 0 /Ascent 891 /Descent -216 /CapHeight 662 /StemV {140 if bold else 80} "
                   f"/FontWeight {700 if bold else 400} >>".encode())
        cidfont = add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry "
                      f"(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {desc} 0 R /DW 500 "
                      f"/W [{widths}] /CIDToGIDMap /Identity >>".encode())
        tu = f" /ToUnicode {tounicode} 0 R" if tounicode else ""
        fonts[key] = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H "
                         f"/DescendantFonts [{cidfont} 0 R]{tu} >>".encode())
    image = None
    if any(p.images for p in pages):
        image = add(stream("/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                           "/BitsPerComponent 8", bytes(range(64))))
    for o in extra_objects:
        add(o)
    if raw_stream is not None:
        add(stream("", raw_stream, compress=False))
    page_ids = []
    for p in pages:
        out = []
        for op in p.ops:
            if op[0] == "T":
                _, x, y, text, size, bold = op
                out.append(f"BT /{'F2' if bold else 'F1'} {size:g} Tf {x:.2f} {y:.2f} Td <{_hex(cid[c] for c in text)}> Tj ET")
            elif op[0] == "L":
                _, x0, y0, x1, y1, w = op
                out.append(f"{w:g} w {x0:.2f} {y0:.2f} m {x1:.2f} {y1:.2f} l S")
            elif op[0] == "R":
                _, x, y, w, h = op
                out.append(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re f")
            elif op[0] == "I":
                out.append(f"q {p.width:g} 0 0 {p.height:g} 0 0 cm /Im1 Do Q")
        content = add(stream("", "\n".join(out).encode()))
        xobj = f" /XObject << /Im1 {image} 0 R >>" if p.images else ""
        rot = f" /Rotate {p.rotate}" if p.rotate else ""
        page_ids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {p.width:g} {p.height:g}]{rot} "
                            f"/Resources << /Font << /F1 {fonts['F1']} 0 R /F2 {fonts['F2']} 0 R >>{xobj} >> "
                            f"/Contents {content} 0 R >>".encode()))
    objs[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
    objs[pages_id - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{i} 0 R' for i in page_ids)}] "
                          f"/Count {len(page_ids)} >>").encode()
    encrypt_id = None
    if encrypt:  # the standard handler with a user password: the reader cannot open it
        encrypt_id = add(b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 "
                         b"/O <" + b"1F" * 32 + b"> /U <" + b"2E" * 32 + b"> >>")
    info_id = add(f"<< /Producer ({info}) >>".encode()) if info else None
    data = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objs, 1):
        offsets.append(len(data))
        data += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(data)
    data += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        data += f"{off:010d} 00000 n \n".encode()
    trailer = f"<< /Size {len(objs) + 1} /Root {catalog} 0 R"
    if encrypt_id:
        trailer += f" /Encrypt {encrypt_id} 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]"
    if info_id:
        trailer += f" /Info {info_id} 0 R"
    data += f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(data)


class Writer:
    """Lays out lines of a report the way a word processor does: justified lines run from the left to the
    right margin, a paragraph's first line is indented, its last line stops short."""

    def __init__(self, size: float = 13, left: float = 85, right: float = 540, top: float = 70,
                 bottom: float = 780, pitch: float = 17):
        self.size, self.left, self.right, self.top, self.bottom, self.pitch = size, left, right, top, bottom, pitch
        self.pages: list[Page] = [Page()]
        self.y = top

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = self.top

    def skip(self, lines: float = 1) -> None:
        self.y += lines * self.pitch

    def line(self, text: str, x: float | None = None, size: float | None = None, bold: bool = False,
             justify: bool = False) -> None:
        """One line at the current position; `justify` spreads its words to reach the right margin."""
        size = size or self.size
        x = self.left if x is None else x
        if self.y > self.bottom:
            self.new_page()
        if justify and " " in text:
            words = text.split(" ")
            room = self.right - x - sum(width(w, size) for w in words)
            gap = room / (len(words) - 1)
            for w in words:
                self.page.text(x, self.y, w, size, bold)
                x += width(w, size) + gap
        else:
            self.page.text(x, self.y, text, size, bold)
        self.y += self.pitch

    def centred(self, text: str, size: float | None = None, bold: bool = False, centre: float | None = None) -> None:
        size = size or self.size
        c = (self.left + self.right) / 2 if centre is None else centre
        self.line(text, x=c - width(text, size) / 2, size=size, bold=bold)

    def paragraph(self, text: str, indent: float = 28, bold: bool = False, size: float | None = None,
                  gap: float = 0.0) -> None:
        """A justified paragraph: words filled into lines, the first indented, the last not justified."""
        size = size or self.size
        words = text.split(" ")
        lines: list[list[str]] = [[]]
        x0 = self.left + indent
        for w in words:
            trial = " ".join(lines[-1] + [w])
            start = x0 if len(lines) == 1 else self.left
            if lines[-1] and start + width(trial, size) > self.right:
                lines.append([w])
            else:
                lines[-1].append(w)
        for k, ws in enumerate(lines):
            start = x0 if k == 0 else self.left
            self.line(" ".join(ws), x=start, size=size, bold=bold, justify=k < len(lines) - 1)
        self.y += gap

    def pdf(self, **kw) -> bytes:
        return build(self.pages, **kw)
