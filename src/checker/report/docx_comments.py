"""The annotated Word copy: one comment per finding, anchored on the exact offending text.

How a finding finds its text in the Word file: the reader gave us Blocks (kind, text, table/row/
column, footnote number); here we walk the same `word/document.xml` with lxml and look, for each
block, for the paragraph(s) holding the same text (compared after NFC and whitespace folding, the
k-th equal paragraph for the k-th equal block), then for the excerpt nearest to the finding's offset.
So the anchoring does not depend on the reader's block numbering, only on the text.

The runs around the excerpt are split at its first and last character (formatting copied), and a
`w:commentRangeStart`/`w:commentRangeEnd` pair is put around exactly those runs (python-docx's
comments part holds the comment). Word allows no comment in headers and footers, and python-docx
cannot write into footnotes: a finding there is anchored on the footnote's reference mark in the body
(headers/footers: on the first paragraph) and the comment says where the text really is.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from docx.oxml.ns import qn

if TYPE_CHECKING:
    from ..document import Block, Document as CheckerDocument
    from ..issues import Issue

AUTHOR = "checker"
INITIALS = "CK"

_W_TEXT = qn("w:t")
_W_TAB = qn("w:tab")
_W_BR = qn("w:br")
_W_CR = qn("w:cr")
_W_R = qn("w:r")
_W_RPR = qn("w:rPr")
_W_NBH = qn("w:noBreakHyphen")
_W_SOFT = qn("w:softHyphen")

def labels(lang: str) -> dict[str, str]:
    """The comment's words in the run's language (from the catalogue, as every other output)."""
    from ..i18n import t

    keys = ("footnote", "endnote", "header", "footer", "lost")
    return {k: t(f"comment.{k}", lang) for k in keys}


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


# --- paragraph text with a map back to the XML --------------------------------------------------

@dataclass
class Piece:
    """One content child of a run (w:t, w:tab, w:br…) and the text it stands for."""

    run: Any  # the w:r element
    child: Any  # the content element
    text: str


def _pieces(p: Any) -> list[Piece]:
    out = []
    for r in p.iter(_W_R):
        if _inside(r, ("w:del", "w:moveFrom")) or r.getparent() is None:
            continue
        rpr = r.find(_W_RPR)
        if rpr is not None:  # hidden text is not in the reader's text either
            vanish = rpr.find(qn("w:vanish"))
            if vanish is not None and vanish.get(qn("w:val")) not in ("0", "false", "off"):
                continue
        for child in r:
            tag = child.tag
            if tag == _W_TEXT:
                text = child.text or ""
            elif tag == _W_TAB:
                text = "\t"
            elif tag in (_W_BR, _W_CR):
                text = " "  # as the reader does
            elif tag == _W_NBH:
                text = "-"
            elif tag == _W_SOFT:
                text = ""
            else:
                continue
            if text:
                out.append(Piece(r, child, text))
    return out


_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _q(tag: str) -> str:
    return f"{{{_MC}}}{tag[3:]}" if tag.startswith("mc:") else qn(tag)


def _inside(el: Any, tags: tuple[str, ...]) -> bool:
    qtags = {_q(t) for t in tags}
    parent = el.getparent()
    while parent is not None:
        if parent.tag in qtags:
            return True
        parent = parent.getparent()
    return False


def paragraph_text(p: Any) -> str:
    return "".join(piece.text for piece in _pieces(p))


def _nfc_map(raw: str) -> tuple[str, list[int]]:
    """NFC text and, for each NFC offset (and the end), the raw offset it comes from."""
    out: list[str] = []
    mapping: list[int] = []
    i = 0
    while i < len(raw):
        j = i + 1
        while j < len(raw) and unicodedata.combining(raw[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", raw[i:j])
        for k, ch in enumerate(cluster):
            out.append(ch)
            mapping.append(i if k == 0 else j)
        i = j
    mapping.append(len(raw))
    return "".join(out), mapping


# --- splitting runs ---------------------------------------------------------------------------

def _explode(run: Any) -> list[Any]:
    """Splits a run with several content children into runs of one child each (same formatting)."""
    content = [c for c in run if c.tag != _W_RPR]
    if len(content) <= 1:
        return [run]
    runs = []
    for child in content:
        new = copy.deepcopy(run)
        for c in list(new):
            if c.tag != _W_RPR:
                new.remove(c)
        new.append(copy.deepcopy(child))
        runs.append(new)
    parent = run.getparent()
    idx = parent.index(run)
    parent.remove(run)
    for n, new in enumerate(runs):
        parent.insert(idx + n, new)
    return runs


def _set_text(t: Any, text: str) -> None:
    t.text = text
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _split_at(p: Any, offset: int) -> None:
    """Makes `offset` (raw, in the paragraph text) fall on a run boundary."""
    while True:
        pos = 0
        for piece in _pieces(p):
            end = pos + len(piece.text)
            if pos < offset < end:
                if len([c for c in piece.run if c.tag != _W_RPR]) > 1:
                    _explode(piece.run)
                    break  # look again, now that every run holds one piece
                if piece.child.tag != _W_TEXT:  # a tab or break is one character: nothing to split
                    return
                k = offset - pos
                second = copy.deepcopy(piece.run)
                _set_text(piece.run.find(_W_TEXT), piece.text[:k])
                _set_text(second.find(_W_TEXT), piece.text[k:])
                piece.run.addnext(second)
                return
            pos = end
        else:
            return


def _runs_between(p: Any, start: int, end: int) -> tuple[Any, Any] | None:
    """The first and last run covering raw [start, end) after splitting; None when empty."""
    _split_at(p, start)
    _split_at(p, end)
    first = last = None
    pos = 0
    for piece in _pieces(p):
        piece_end = pos + len(piece.text)
        if piece_end > start and pos < end:
            # make sure this run holds only this piece, so that the range is exact
            if len([c for c in piece.run if c.tag != _W_RPR]) > 1:
                _explode(piece.run)
                return _runs_between(p, start, end)
            if first is None:
                first = piece.run
            last = piece.run
        pos = piece_end
    return (first, last) if first is not None else None


# --- finding the paragraphs of a block --------------------------------------------------------

class Locator:
    """Paragraph lists of the Word document, in the reader's reading order, for matching blocks."""

    def __init__(self, docx_document: Any):
        body = docx_document.element.body
        self.body_paragraphs = [p for p in body.iter(qn("w:p"))
                                if not _inside(p, ("w:tbl", "mc:Fallback", "w:txbxContent"))]
        self.tables = [t for t in body.iter(qn("w:tbl")) if not _inside(t, ("mc:Fallback",))]
        self.all_paragraphs = [p for p in body.iter(qn("w:p")) if not _inside(p, ("mc:Fallback",))]
        self._used: dict[int, int] = {}
        self.notes = {"footnote": _note_texts(docx_document, "footnotes"),
                      "endnote": _note_texts(docx_document, "endnotes")}

    def cell_paragraphs(self, table: int, row: int, column: int) -> list[Any]:
        if not (1 <= table <= len(self.tables)):
            return []
        rows = [tr for tr in self.tables[table - 1].iterchildren(qn("w:tr"))]
        if not (1 <= row <= len(rows)):
            return []
        cells = []  # grid columns: a cell spanning n columns counts n times (as python-docx does)
        for tc in rows[row - 1].iterchildren(qn("w:tc")):
            span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            n = int(span.get(qn("w:val"), "1")) if span is not None else 1
            cells.extend([tc] * max(1, n))
        if not (1 <= column <= len(cells)):
            return []
        return [p for p in cells[column - 1].iter(qn("w:p"))]

    def paragraphs_for(self, doc: "CheckerDocument", block: "Block") -> list[Any]:
        """The Word paragraphs holding `block` (several for a table cell), or [] when unknown."""
        kind = block.kind.value
        if kind == "table_cell" and block.table and block.row and block.column:
            paras = self.cell_paragraphs(block.table, block.row, block.column)
            if paras and _fold("\n".join(paragraph_text(p) for p in paras)) == _fold(block.text):
                return paras
            for tbl_n in range(1, len(self.tables) + 1):  # numbering differs: find the cell by its text
                for tr_n, tr in enumerate(self.tables[tbl_n - 1].iterchildren(qn("w:tr")), 1):
                    for tc in tr.iterchildren(qn("w:tc")):
                        ps = list(tc.iter(qn("w:p")))
                        if _fold("\n".join(paragraph_text(p) for p in ps)) == _fold(block.text):
                            return ps
            return paras
        if kind == "paragraph":
            target = _fold(block.text)
            k = sum(1 for b in doc.blocks[:block.index - 1]
                    if b.kind is block.kind and _fold(b.text) == target)
            same = [p for p in self.body_paragraphs if _fold(paragraph_text(p)) == target]
            if same:
                return [same[min(k, len(same) - 1)]]
            same = [p for p in self.all_paragraphs if _fold(paragraph_text(p)) == target]
            return same[:1]
        return []

    def note_reference(self, kind: str, block: "Block") -> Any | None:
        """The body run holding the reference mark of the footnote/endnote `block` belongs to."""
        tag = qn("w:footnoteReference" if kind == "footnote" else "w:endnoteReference")
        refs = [r for r in self.all_paragraphs_refs(tag)]
        if not refs:
            return None
        texts = self.notes.get(kind, {})
        target = _fold(block.text)
        for ref in refs:  # the note whose text holds the block's text
            nid = ref.get(qn("w:id"))
            if target and target in _fold(texts.get(nid, "")):
                return ref.getparent()
        for ref in refs:
            if ref.get(qn("w:id")) == str(block.note):
                return ref.getparent()
        if block.note and 1 <= block.note <= len(refs):
            return refs[block.note - 1].getparent()
        return None

    def all_paragraphs_refs(self, tag: str) -> list[Any]:
        return [el for p in self.all_paragraphs for el in p.iter(tag)]


def _note_texts(docx_document: Any, name: str) -> dict[str, str]:
    from lxml import etree

    reltype = f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{name}"
    for rel in docx_document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            try:
                parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
                root = etree.fromstring(rel.target_part.blob, parser)
            except Exception:
                return {}
            tag = qn("w:footnote" if name == "footnotes" else "w:endnote")
            return {n.get(qn("w:id")): "\n".join(paragraph_text(p) for p in n.iter(qn("w:p")))
                    for n in root.iter(tag)}
    return {}


# --- the comments -------------------------------------------------------------------------------

@dataclass
class Placed:
    """Where one finding's comment went (for tests and the command's summary)."""

    issue: "Issue"
    comment_id: int
    mode: str  # "exact" | "note-reference" | "paragraph" | "fallback"
    text: str


def comment_text(issue: "Issue", lang: str, where: str | None = None) -> str:
    """The rule and message; the computed and stated values ("Tính ra", not "the right value": when a
    figure is probably mistyped, the computed value is not the fix); the likely correction on its own
    line; and, when the comment cannot sit on the text itself, where the text is."""
    from .values import value_bits

    lines = [f"{issue.rule} ({issue.name}): {issue.message}"]
    bits = value_bits(issue, lang, actual_alone=False)
    fix = bits.pop() if issue.suggestion else None  # the likely correction on its own line
    if bits:
        lines.append(" · ".join(f"{label}: {value}" for label, value in bits))
    if fix:
        lines.append(f"{fix[0]}: {fix[1]}")
    if where:
        lines.append(where)
    return "\n".join(lines)


def _locate_span(paras: list[Any], block_text: str, start: int, end: int, excerpt: str
                 ) -> tuple[Any, int, Any, int] | None:
    """(first paragraph, raw start, last paragraph, raw end) of the excerpt inside `paras`."""
    raws = [paragraph_text(p) for p in paras]
    nfcs, maps = zip(*(_nfc_map(r) for r in raws)) if raws else ((), ())
    joined = "\n".join(nfcs)
    if excerpt and joined[start:end] != excerpt:  # the reader's text differs: find the excerpt near
        hits = [m.start() for m in re.finditer(re.escape(excerpt), joined)]
        if not hits:
            return None
        start = min(hits, key=lambda h: abs(h - start))
        end = start + len(excerpt)
    elif not excerpt:
        return None
    # joined offset → (paragraph number, nfc offset)
    bounds = []
    pos = 0
    for n, t in enumerate(nfcs):
        bounds.append((pos, pos + len(t), n))
        pos += len(t) + 1

    def where(off: int, is_end: bool) -> tuple[int, int]:
        for lo, hi, n in bounds:
            if lo <= off <= hi and not (is_end and off == lo and n > 0 and lo < hi):
                return n, off - lo
        return bounds[-1][2], bounds[-1][1] - bounds[-1][0]

    pa, oa = where(start, False)
    pb, ob = where(end, True)
    return paras[pa], maps[pa][oa], paras[pb], maps[pb][ob]


def annotate_document(docx_document: Any, doc: "CheckerDocument", issues: Iterable["Issue"],
                      lang: str = "vi") -> list[Placed]:
    """Adds one comment per issue to the python-docx `docx_document` (in memory)."""
    from .places import place_text

    locator = Locator(docx_document)
    s = labels(lang)
    placed: list[Placed] = []

    def add(first: Any, last: Any, text: str) -> int:
        comment = docx_document.comments.add_comment(text=text, author=AUTHOR, initials=INITIALS)
        first.insert_comment_range_start_above(comment.comment_id)
        last.insert_comment_range_end_and_reference_below(comment.comment_id)
        return comment.comment_id

    def add_on_paragraph(p: Any, text: str) -> int | None:
        pieces = _pieces(p)
        if not pieces:
            return None
        return add(pieces[0].run, pieces[-1].run, text)

    for issue in issues:
        loc = issue.location
        block = doc.block(loc.block) if 1 <= loc.block <= len(doc.blocks) else None
        kind = block.kind.value if block is not None else loc.kind
        if block is not None and kind in ("paragraph", "table_cell"):
            paras = locator.paragraphs_for(doc, block)
            start = (loc.column or 1) - 1 - block.column_offset
            end = (loc.end_column or loc.column or 1) - 1 - block.column_offset
            span = _locate_span(paras, block.text, start, end, issue.excerpt) if paras else None
            if span is not None:
                pa, ra, pb, rb = span
                if pa is pb:
                    runs = _runs_between(pa, ra, rb)
                else:
                    a = _runs_between(pa, ra, len(paragraph_text(pa)))
                    b = _runs_between(pb, 0, rb)
                    runs = (a[0], b[1]) if a and b else (a or b)
                if runs:
                    text = comment_text(issue, lang)
                    placed.append(Placed(issue, add(runs[0], runs[1], text), "exact", text))
                    continue
            if paras:
                text = comment_text(issue, lang, f"«{issue.excerpt}»" if issue.excerpt else None)
                cid = add_on_paragraph(paras[0], text)
                if cid is not None:
                    placed.append(Placed(issue, cid, "paragraph", text))
                    continue
        elif block is not None and kind in ("footnote", "endnote"):
            run = locator.note_reference(kind, block)
            if run is not None:
                where = s[kind].format(n=block.note if block.note is not None else "?")
                text = comment_text(issue, lang, f"{where}: «{issue.excerpt}»")
                placed.append(Placed(issue, add(run, run, text), "note-reference", text))
                continue
        # headers, footers, and anything that could not be found: on the first paragraph with text
        where = s.get(kind) if kind in ("header", "footer") else s["lost"]
        if kind in ("paragraph", "table_cell"):  # where the reader saw it: section, paragraph or cell
            where = f"{s['lost']} ({place_text(loc, lang)})"
        text = comment_text(issue, lang, f"{where}: «{issue.excerpt}»")
        for p in locator.body_paragraphs or locator.all_paragraphs:
            cid = add_on_paragraph(p, text)
            if cid is not None:
                placed.append(Placed(issue, cid, "paragraph" if kind in ("header", "footer") else "fallback", text))
                break
    return placed


def write_annotated(source_bytes: bytes, doc: "CheckerDocument", issues: list["Issue"], lang: str = "vi"
                    ) -> tuple[bytes, list[Placed]]:
    """The annotated copy of a .docx (given as bytes), and where each comment went."""
    import io

    import docx

    document = docx.Document(io.BytesIO(source_bytes))
    placed = annotate_document(document, doc, issues, lang)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), placed
