"""The per-block structure every relation is read in: a block's figures (counting nouns attached), the
offsets that end its sentences and clauses, and its parentheses. Built once per document and shared by every
rule (`doc_figures`), with the document's prevailing number convention and the coverage of figures read."""

import bisect
import re
from dataclasses import dataclass

from .. import figures as F
from ..document import Block, BlockKind, Document
from ..checks.base import Context
from .nouns import with_nouns


@dataclass
class BlockFigures:
    """The figures of one block with the offsets that bound its sentences, clauses and parentheses."""

    block: Block
    figs: tuple
    bounds: list[int]  # sentence/clause boundary offsets
    sent_bounds: list[int]  # sentence boundary offsets (". " and newlines only)
    parens: list[tuple[int, int]]

    @property
    def text(self) -> str:
        return self.block.text

    def sentence_of(self, pos: int) -> int:
        """The 0-based number of the sentence holding offset `pos`."""
        return bisect.bisect_left(self.sent_bounds, pos)

    def clause_of(self, pos: int) -> int:
        return bisect.bisect_left(self.bounds, pos)

    def sentence_span(self, k: int) -> tuple[int, int]:
        """[start, end) of sentence k (its end mark included)."""
        b = self.sent_bounds
        start = b[k - 1] + 1 if k > 0 else 0
        end = b[k] + 1 if k < len(b) else len(self.block.text)
        return start, end

    def sentences(self) -> int:
        return len(self.sent_bounds) + 1

    def last_sentence(self) -> tuple[int, int]:
        """The span of the last sentence that holds more than spaces."""
        text = self.block.text
        for k in range(self.sentences() - 1, -1, -1):
            s, e = self.sentence_span(k)
            if text[s:e].strip(" \t.;!?"):
                return s, e
        return 0, 0

    def paren_of(self, pos: int) -> tuple[int, int] | None:
        """The innermost parenthesis around `pos`."""
        return in_paren(self, pos)

    def figs_in(self, start: int, end: int) -> tuple:
        """The figures between two offsets, in order (found by bisection: a search in a window costs the
        window, not the block)."""
        starts = self.__dict__.get("_starts")
        if starts is None:
            starts = self.__dict__["_starts"] = [f.start for f in self.figs]
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end, lo)
        return tuple(f for f in self.figs[lo:hi] if f.end <= end)

    def quantities(self, start: int = 0, end: int | None = None) -> list:
        """The quantities (figures with a unit or counting noun) between two offsets, in order."""
        end = len(self.block.text) if end is None else end
        return [f for f in self.figs_in(start, end) if f.kind == "quantity"]


# "[;!?\n]|\.(?=\s|$)" written to start with a character class, which the regex engine skips to quickly;
# sentence ends are the same but ";"
_CLAUSE_END = re.compile(r"[;!?\n.](?:(?<!\.)|(?=\s|$))")


_PAREN = re.compile(r"[()]")


def _paren_spans(text: str) -> list[tuple[int, int]]:
    if "(" not in text:
        return []
    out, stack = [], []
    for m in _PAREN.finditer(text):
        i = m.start()
        if text[i] == "(":
            stack.append(i)
        elif stack:
            out.append((stack.pop(), i + 1))
    return sorted(out)


def figure_index(doc: Document, ctx: Context) -> dict[int, tuple]:
    """block index -> the figures the grammar reads in the block's masked text (footnote marks blanked, same
    length, so offsets index block.text), parsed once per document and shared by every family of rules."""

    def compute() -> dict[int, tuple]:
        out = {}
        for b in doc.blocks:
            figs = F.extract(b.masked_text())
            if figs:
                out[b.index] = figs
        return out

    return ctx.memo("figures:index", compute)


def _outside(spans: list[tuple[int, int]], holes: tuple[tuple[int, int], ...]) -> int:
    """How many of `spans` start outside every one of `holes` (sorted and disjoint): not counted twice."""
    if not holes:
        return len(spans)
    starts = [a for a, _ in holes]
    n = 0
    for s, _ in spans:
        k = bisect.bisect_right(starts, s) - 1
        n += not (k >= 0 and s < holes[k][1])
    return n


def doc_figures(doc: Document, ctx: Context) -> list[BlockFigures]:
    """Figures of every block, computed once per document; counts coverage once."""

    def compute() -> list[BlockFigures]:
        out = []
        nfig = unparsed = 0
        index = figure_index(doc, ctx)
        for b in doc.blocks:
            figs = index.get(b.index)
            # figures left out for a number too long to be one (figures.MAX_FIGURE_DIGITS): not understood
            unread = F.overlong_spans(b.masked_text())
            unparsed += len(unread)
            if not figs:
                continue
            figs = with_nouns(b.text, figs)
            for f in figs:
                kind = f.kind
                if kind == "link":
                    continue
                nfig += 1
                names = _INNER.get(kind)
                if names is None:
                    continue
                if not names:  # a bare number
                    unparsed += f.malformed
                else:
                    for name in names:
                        unparsed += getattr(f, name).malformed
            unparsed += _outside(uninterpreted(b.masked_text(), figs), unread)
            text = b.text
            bounds = [m.start() for m in _CLAUSE_END.finditer(text)]
            # the sentence ends are the clause ends but ";" (both patterns match one character)
            sent_bounds = [i for i in bounds if text[i] != ";"] if ";" in text else bounds[:]
            bf = BlockFigures(b, figs, bounds, sent_bounds, _paren_spans(text))
            out.append(bf)
        ctx.coverage.figures += nfig
        ctx.coverage.unparsed += unparsed
        return out

    return ctx.memo("arithmetic:figures", compute)



# figure-like text: a number right before "%" or before "/" and another number
# (the lookbehind "(?<![\w.,/])" is checked after the first digit, so the engine can skip to digits)
_FIGURE_LIKE = re.compile(r"\d(?<![\w.,/]\d)\d*(?:[.,]\d+)*(?:[ \t]*%|[ \t]*/[ \t]*\d)")
_DOCREF_AT = re.compile(r"\d+(?:/\d{2,4})?[-/][A-ZĐ]")


def uninterpreted(text: str, figs: tuple) -> list[tuple[int, int]]:
    """Spans of figure-like text ("12,5 %" beyond the glue, "3/4/5") that no extracted figure covers.
    Document numbers ("28/KH-UBND") are not figures and not counted."""
    if "%" not in text and "/" not in text:
        return []
    starts = [f.start for f in figs]
    out = []
    for m in _FIGURE_LIKE.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and figs[k].start <= m.start() and m.end() <= figs[k].end:
            continue
        if _DOCREF_AT.match(text, m.start()):
            continue
        out.append(m.span())
    return out


_INNER = {"number": (), "percent": ("number",), "quantity": ("number",), "ratio": ("num", "den"),
          "pair": ("actual", "target")}


def inner_numbers(f) -> list:
    names = _INNER.get(f.kind)
    if names is None:
        return []
    if not names:
        return [f]
    return [getattr(f, k) for k in names]



def doc_style(doc: Document, ctx: Context) -> str:
    """The document's prevailing number convention: 'vi' unless English-style numbers dominate."""

    def compute() -> str:
        vi = en = 0
        for bf in doc_figures(doc, ctx):  # the numbers the figures hold (no second pass over the text)
            for f in bf.figs:
                names = _INNER.get(f.kind)
                if names is None:
                    continue
                for n in (f,) if not names else [getattr(f, k) for k in names]:
                    if n.style == "vi":
                        vi += not n.malformed
                    elif n.style == "en":
                        en += 1
        return "en" if en > vi * 2 and en >= 3 else "vi"

    return ctx.memo("arithmetic:style", compute)


def has_kind(bf: BlockFigures, kind: str) -> bool:
    """Whether the block holds a figure of this kind ("percent", "quantity", …): a rule's cheap block test."""
    for f in bf.figs:
        if f.kind == kind:
            return True
    return False


def same_unit_scope(bf: BlockFigures, a: int, b: int, sentence: bool = False) -> bool:
    """True when offsets a <= b lie in the same clause (or sentence)."""
    bounds = bf.sent_bounds if sentence else bf.bounds
    return bisect.bisect_left(bounds, a) == bisect.bisect_left(bounds, b)


def in_paren(bf: BlockFigures, pos: int) -> tuple[int, int] | None:
    """The innermost parenthesis strictly around `pos`: from the last one opening before it, up through the
    ones enclosing it (a walk as long as the nesting is deep, not as long as the block)."""
    parens = bf.parens
    if not parens:
        return None
    parent = bf.__dict__.get("_paren_parent")
    if parent is None:
        parent = bf.__dict__["_paren_parent"] = _paren_parents(parens)
        bf.__dict__["_paren_starts"] = [s for s, _ in parens]
    k = bisect.bisect_left(bf.__dict__["_paren_starts"], pos) - 1
    while k >= 0:
        s, e = parens[k]
        if pos < e:
            return parens[k]
        k = parent[k]
    return None


def _paren_parents(parens: list[tuple[int, int]]) -> list[int]:
    """For each parenthesis (sorted by start), the index of the one enclosing it, or -1."""
    out, stack = [], []
    for k, (s, e) in enumerate(parens):
        while stack and parens[stack[-1]][1] <= s:
            stack.pop()
        out.append(stack[-1] if stack else -1)
        stack.append(k)
    return out



def blocks_with(doc: Document, ctx: Context, kind: str) -> list[BlockFigures]:
    """The blocks of `doc_figures` (in order) that hold a figure of this kind, found once per document: most
    blocks (table cells above all) hold bare numbers only, and several rules need a quantity or a percent."""
    return ctx.memo(("relations:blocks with", kind),
                    lambda: [bf for bf in doc_figures(doc, ctx) if has_kind(bf, kind)])


PROSE = frozenset((BlockKind.PARAGRAPH, BlockKind.FOOTNOTE, BlockKind.ENDNOTE))


def prose_figures(doc: Document, ctx: Context) -> list[BlockFigures]:
    """The blocks of `doc_figures` that are running text (paragraphs and notes, not table cells): where the
    sentence-level finders look."""
    return ctx.memo("relate:prose figures", lambda: [bf for bf in doc_figures(doc, ctx) if bf.block.kind in PROSE])

