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

import bisect
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
        out.extend(_run_pieces(r))
    return out


_VANISH = qn("w:vanish")
_VAL = qn("w:val")


def _run_pieces(r: Any) -> list[Piece]:
    """The pieces of one run (none when it is hidden text, which is not in the reader's text either)."""
    rpr = r.find(_W_RPR)
    if rpr is not None:
        vanish = rpr.find(_VANISH)
        if vanish is not None and vanish.get(_VAL) not in ("0", "false", "off"):
            return []
    out = []
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


_QTAGS: dict[tuple[str, ...], frozenset[str]] = {}


def _inside(el: Any, tags: tuple[str, ...]) -> bool:
    qtags = _QTAGS.get(tags)
    if qtags is None:
        qtags = _QTAGS[tags] = frozenset(_q(t) for t in tags)
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


class ParagraphMap:
    """A paragraph's pieces with their offsets, kept up to date as runs are split, so that placing many
    comments in one paragraph does not walk all its runs again for each one (that was quadratic)."""

    def __init__(self, p: Any):
        self.p = p
        self.pieces = _pieces(p)
        self.starts: list[int] = []
        pos = 0
        for piece in self.pieces:
            self.starts.append(pos)
            pos += len(piece.text)
        self.length = pos

    def _at(self, offset: int) -> int:
        """The index of the piece holding `offset` strictly inside it, or -1."""
        k = bisect.bisect_right(self.starts, offset) - 1
        if k < 0 or not offset < self.starts[k] + len(self.pieces[k].text) or offset == self.starts[k]:
            return -1
        return k

    def _explode(self, k: int) -> None:
        """Splits the run of piece k into runs of one content child each; its pieces follow."""
        run = self.pieces[k].run
        i = k
        while i > 0 and self.pieces[i - 1].run is run:
            i -= 1
        j = k + 1
        while j < len(self.pieces) and self.pieces[j].run is run:
            j += 1
        self.pieces[i:j] = [piece for new in _explode(run) for piece in _run_pieces(new)]

    def split_at(self, offset: int) -> None:
        """Makes `offset` (raw, in the paragraph text) fall on a run boundary."""
        k = self._at(offset)
        if k < 0:
            return
        piece = self.pieces[k]
        if len([c for c in piece.run if c.tag != _W_RPR]) > 1:
            self._explode(k)
            piece = self.pieces[k]
        if piece.child.tag != _W_TEXT:  # a tab or break is one character: nothing to split
            return
        cut = offset - self.starts[k]
        second = copy.deepcopy(piece.run)
        first_t, second_t = piece.run.find(_W_TEXT), second.find(_W_TEXT)
        _set_text(first_t, piece.text[:cut])
        _set_text(second_t, piece.text[cut:])
        piece.run.addnext(second)
        self.pieces[k:k + 1] = [Piece(piece.run, first_t, piece.text[:cut]), Piece(second, second_t, piece.text[cut:])]
        self.starts.insert(k + 1, offset)

    def runs_between(self, start: int, end: int) -> tuple[Any, Any] | None:
        """The first and last run covering raw [start, end) after splitting; None when empty."""
        self.split_at(start)
        self.split_at(end)
        first = last = None
        k = max(0, bisect.bisect_right(self.starts, start) - 1)
        while k < len(self.pieces) and self.starts[k] < end:
            piece = self.pieces[k]
            if self.starts[k] + len(piece.text) > start:
                # make sure this run holds only this piece, so that the range is exact
                if len([c for c in piece.run if c.tag != _W_RPR]) > 1:
                    self._explode(k)
                    continue
                if first is None:
                    first = piece.run
                last = piece.run
            k += 1
        return (first, last) if first is not None else None


# --- finding the paragraphs of a block --------------------------------------------------------

class Locator:
    """Paragraph lists of the Word document, in the reader's reading order, for matching blocks.

    Everything a finding's lookup needs is indexed once (paragraphs by their folded text, table rows,
    note references) or kept per block: placing a comment costs no scan of the whole document. The text
    of a paragraph does not change while comments are added (runs are split, ranges and reference runs
    without text are inserted), so the indexes stay true."""

    def __init__(self, docx_document: Any):
        body = docx_document.element.body
        self.body_paragraphs = [p for p in body.iter(qn("w:p"))
                                if not _inside(p, ("w:tbl", "mc:Fallback", "w:txbxContent"))]
        self.tables = [t for t in body.iter(qn("w:tbl")) if not _inside(t, ("mc:Fallback",))]
        self.all_paragraphs = [p for p in body.iter(qn("w:p")) if not _inside(p, ("mc:Fallback",))]
        self._used: dict[int, int] = {}
        self.notes = {"footnote": _note_texts(docx_document, "footnotes"),
                      "endnote": _note_texts(docx_document, "endnotes")}
        self._folded_notes = {kind: {nid: _fold(t) for nid, t in texts.items()} for kind, texts in self.notes.items()}
        self._maps: dict[Any, ParagraphMap] = {}
        self._body_by_text: dict[str, list[Any]] | None = None
        self._all_by_text: dict[str, Any] | None = None
        self._cells_by_text: dict[str, list[Any]] | None = None
        self._rows: dict[int, list[Any]] = {}
        self._row_cells: dict[tuple[int, int], list[Any]] = {}
        self._refs: dict[str, list[Any]] = {}
        self._for_block: dict[int, list[Any]] = {}
        self._ordinals: tuple[Any, dict[int, int]] | None = None
        self._first_with_text: Any = False
        self._joined: dict[tuple[int, ...], tuple] = {}

    def paragraph_map(self, p: Any) -> ParagraphMap:
        """The (cached, kept up to date) pieces of paragraph `p`."""
        m = self._maps.get(p)
        if m is None:
            m = self._maps[p] = ParagraphMap(p)
        return m

    def text_of(self, p: Any) -> str:
        return "".join(piece.text for piece in self.paragraph_map(p).pieces)

    def joined(self, paras: list[Any]) -> tuple[str, list[list[int]], list[tuple[int, int, int]]]:
        """The NFC text of `paras` joined by newlines, each paragraph's map NFC offset → raw offset, and
        each paragraph's (start, end, number) in the joined text; once per paragraph list."""
        key = tuple(id(p) for p in paras)
        found = self._joined.get(key)
        if found is None:
            nfcs, maps = zip(*(_nfc_map(self.text_of(p)) for p in paras)) if paras else ((), ())
            bounds, pos = [], 0
            for n, t in enumerate(nfcs):
                bounds.append((pos, pos + len(t), n))
                pos += len(t) + 1
            found = self._joined[key] = ("\n".join(nfcs), list(maps), bounds)
        return found

    def first_paragraph_with_text(self) -> Any | None:
        """The first paragraph of the body (else of the document) that has text: where a finding that
        cannot be placed goes."""
        if self._first_with_text is False:
            self._first_with_text = next((p for p in self.body_paragraphs or self.all_paragraphs
                                          if self.paragraph_map(p).pieces), None)
        return self._first_with_text

    def _table_rows(self, table: int) -> list[Any]:
        rows = self._rows.get(table)
        if rows is None:
            rows = self._rows[table] = list(self.tables[table - 1].iterchildren(qn("w:tr")))
        return rows

    def cell_paragraphs(self, table: int, row: int, column: int) -> list[Any]:
        if not (1 <= table <= len(self.tables)):
            return []
        rows = self._table_rows(table)
        if not (1 <= row <= len(rows)):
            return []
        cells = self._row_cells.get((table, row))
        if cells is None:
            cells = []  # grid columns: a cell spanning n columns counts n times (as python-docx does)
            for tc in rows[row - 1].iterchildren(qn("w:tc")):
                span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                try:
                    n = int(span.get(qn("w:val"), "1")) if span is not None else 1
                except ValueError:
                    n = 1
                cells.extend([tc] * max(1, min(n, 10_000)))
            self._row_cells[(table, row)] = cells
        if not (1 <= column <= len(cells)):
            return []
        return [p for p in cells[column - 1].iter(qn("w:p"))]

    def _cell_text(self, paras: list[Any]) -> str:
        return _fold("\n".join(self.text_of(p) for p in paras))

    def _cell_by_text(self, target: str) -> list[Any] | None:
        """The paragraphs of the first table cell (in document order) whose folded text is `target`."""
        if self._cells_by_text is None:
            self._cells_by_text = {}
            for table in self.tables:
                for tr in table.iterchildren(qn("w:tr")):
                    for tc in tr.iterchildren(qn("w:tc")):
                        ps = list(tc.iter(qn("w:p")))
                        self._cells_by_text.setdefault(self._cell_text(ps), ps)
        return self._cells_by_text.get(target)

    def _ordinal(self, doc: "CheckerDocument", block: "Block") -> int:
        """How many blocks before `block` have its kind and folded text."""
        if self._ordinals is None or self._ordinals[0] is not doc:
            seen: dict[tuple, int] = {}
            ordinals = {}
            for b in doc.blocks:
                key = (b.kind, _fold(b.text))
                ordinals[b.index] = seen.get(key, 0)
                seen[key] = ordinals[b.index] + 1
            self._ordinals = (doc, ordinals)
        return self._ordinals[1].get(block.index, 0)

    def paragraphs_for(self, doc: "CheckerDocument", block: "Block") -> list[Any]:
        """The Word paragraphs holding `block` (several for a table cell), or [] when unknown."""
        found = self._for_block.get(block.index)
        if found is None:
            found = self._for_block[block.index] = self._paragraphs_for(doc, block)
        return found

    def _paragraphs_for(self, doc: "CheckerDocument", block: "Block") -> list[Any]:
        kind = block.kind.value
        if kind == "table_cell" and block.table and block.row and block.column:
            paras = self.cell_paragraphs(block.table, block.row, block.column)
            target = _fold(block.text)
            if paras and self._cell_text(paras) == target:
                return paras
            found = self._cell_by_text(target)  # numbering differs: find the cell by its text
            return found if found is not None else paras
        if kind == "paragraph":
            target = _fold(block.text)
            if self._body_by_text is None:
                self._body_by_text, self._all_by_text = {}, {}
                for p in self.body_paragraphs:
                    self._body_by_text.setdefault(_fold(self.text_of(p)), []).append(p)
                for p in self.all_paragraphs:
                    self._all_by_text.setdefault(_fold(self.text_of(p)), p)
            same = self._body_by_text.get(target)
            if same:
                return [same[min(self._ordinal(doc, block), len(same) - 1)]]
            first = self._all_by_text.get(target)
            return [first] if first is not None else []
        return []

    def note_reference(self, kind: str, block: "Block") -> Any | None:
        """The body run holding the reference mark of the footnote/endnote `block` belongs to."""
        tag = qn("w:footnoteReference" if kind == "footnote" else "w:endnoteReference")
        refs = self.all_paragraphs_refs(tag)
        if not refs:
            return None
        texts = self._folded_notes.get(kind, {})
        target = _fold(block.text)
        id_attr = qn("w:id")
        for ref in refs:  # the note whose text holds the block's text
            if target and target in texts.get(ref.get(id_attr), ""):
                return ref.getparent()
        for ref in refs:
            if ref.get(id_attr) == str(block.note):
                return ref.getparent()
        if block.note and 1 <= block.note <= len(refs):
            return refs[block.note - 1].getparent()
        return None

    def all_paragraphs_refs(self, tag: str) -> list[Any]:
        refs = self._refs.get(tag)
        if refs is None:
            refs = self._refs[tag] = [el for p in self.all_paragraphs for el in p.iter(tag)]
        return refs


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

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class CommentWriter:
    """Appends comments to the document's comments part, numbering them itself.

    python-docx's `comments.add_comment` reads every existing comment id on each call, which made
    placing n comments take time in n²; here the ids are counted from the largest one found. The part is
    reached through python-docx's public API (`Document.comments` creates it when missing, the document
    part's relationships lead to it), and each comment has the same XML python-docx writes."""

    def __init__(self, docx_document: Any):
        import datetime as dt

        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        docx_document.comments  # creates the comments part if the document has none
        self.root = next(rel.target_part.element for rel in docx_document.part.rels.values()
                         if rel.reltype == RT.COMMENTS and not rel.is_external)
        self.used = {int(v) for v in self.root.xpath("./w:comment/@w:id") if v.isdigit()}
        self.next_id = max(self.used, default=-1) + 1
        self.date = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _take_id(self) -> int:
        if self.next_id > 2**31 - 1:  # (as python-docx: the first free id when the largest is too large)
            self.next_id = 0
        while self.next_id in self.used:
            self.next_id += 1
        self.used.add(self.next_id)
        return self.next_id

    def add(self, text: str) -> int:
        from xml.sax.saxutils import quoteattr

        from docx.oxml.ns import nsdecls
        from docx.oxml.parser import parse_xml
        from docx.text.paragraph import Paragraph

        cid = self._take_id()
        style = '<w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
        comment = parse_xml(
            f'<w:comment {nsdecls("w")} w:id="{cid}" w:author={quoteattr(AUTHOR)} w:initials={quoteattr(INITIALS)} '
            f'w:date="{self.date}"><w:p>{style}<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
            f'<w:annotationRef/></w:r></w:p></w:comment>')
        for k, line in enumerate(_NOT_XML.sub("", text).split("\n")):
            p = comment[0] if k == 0 else parse_xml(f"<w:p {nsdecls('w')}>{style}</w:p>")
            if k:
                comment.append(p)
            if k == 0 or line:  # (python-docx too: a run on the first line, none on an empty later one)
                Paragraph(p, None).add_run(line)
        self.root.append(comment)
        return cid


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


_NEAR = 4096  # how far around the reader's offset a misplaced excerpt is looked for first


def _locate_span(locator: Locator, paras: list[Any], start: int, end: int, excerpt: str
                 ) -> tuple[Any, int, Any, int] | None:
    """(first paragraph, raw start, last paragraph, raw end) of the excerpt inside `paras`."""
    joined, maps, bounds = locator.joined(paras)
    if excerpt and joined[start:end] != excerpt:  # the reader's text differs: find the excerpt near
        pattern = re.compile(re.escape(excerpt))
        lo = max(0, start - _NEAR)
        hits = [m.start() for m in pattern.finditer(joined, lo, min(len(joined), end + _NEAR))]
        if not hits or (lo > 0 and min(abs(h - start) for h in hits) > start - lo):
            hits = [m.start() for m in pattern.finditer(joined)]  # (the nearest may lie farther)
        if not hits:
            return None
        start = min(hits, key=lambda h: abs(h - start))
        end = start + len(excerpt)
    elif not excerpt:
        return None

    def where(off: int, is_end: bool) -> tuple[int, int]:
        # the paragraphs' spans are disjoint: only the last one starting at or before `off` may hold it
        k = bisect.bisect_right(bounds, (off, len(joined) + 2, 0)) - 1
        if k >= 0:
            lo, hi, n = bounds[k]
            if off <= hi and not (is_end and off == lo and n > 0 and lo < hi):
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
    comments = CommentWriter(docx_document)
    s = labels(lang)
    placed: list[Placed] = []

    def add(first: Any, last: Any, text: str) -> int:
        cid = comments.add(text)
        first.insert_comment_range_start_above(cid)
        last.insert_comment_range_end_and_reference_below(cid)
        return cid

    def add_on_paragraph(p: Any, text: str) -> int | None:
        pieces = locator.paragraph_map(p).pieces
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
            span = _locate_span(locator, paras, start, end, issue.excerpt) if paras else None
            if span is not None:
                pa, ra, pb, rb = span
                ma, mb = locator.paragraph_map(pa), locator.paragraph_map(pb)
                if pa is pb:
                    runs = ma.runs_between(ra, rb)
                else:
                    a = ma.runs_between(ra, ma.length)
                    b = mb.runs_between(0, rb)
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
        p = locator.first_paragraph_with_text()
        if p is not None:
            cid = add_on_paragraph(p, text)
            placed.append(Placed(issue, cid, "paragraph" if kind in ("header", "footer") else "fallback", text))
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
