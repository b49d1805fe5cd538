"""Per-document indexes that several families of rules read: the body blocks, the figures of each
block, the document references of each block, the body text joined and lower-cased. Each is built once
per document (`Context.memo`)."""

import re

from ..document import Block, BlockKind, Document
from ..references import find_references
from .base import Context

_BODY_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.TABLE_CELL, BlockKind.FOOTNOTE, BlockKind.ENDNOTE})


def body_blocks(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind in _BODY_KINDS and b.text.strip()]


def doc_body_blocks(ctx: Context) -> list[Block]:
    """`body_blocks(ctx.doc)`, built once per document (callers must not modify the list)."""
    return ctx.memo("body_blocks", lambda: body_blocks(ctx.doc))


def block_figures(ctx: Context, block: Block):
    """The block's figures from the per-document index the arithmetic rules use (parsed once, masked text)."""
    return figures_by_block(ctx).get(block.index, ())


def figures_by_block(ctx: Context) -> dict[int, tuple]:
    """block index -> figures (the index `block_figures` reads): a rule that visits many blocks fetches it
    once and reads `.get(b.index, ())` per block."""
    from ..relate.blocks import figure_index

    return figure_index(ctx.doc, ctx)


def body_references(ctx: Context) -> list[tuple[Block, tuple]]:
    """(block, `find_references(block.text)`) for the body blocks that cite something, in order; once per
    document, shared by the date, number-format and reference rules."""
    def compute():
        out = []
        for b in doc_body_blocks(ctx):
            refs = find_references(b.text)
            if refs:
                out.append((b, refs))
        return out

    return ctx.memo("body_references", compute)


def block_references(ctx: Context, block: Block):
    """`find_references(block.text)`, from `body_references` for a body block."""
    by_block = ctx.memo("body_references:map", lambda: {b.index: refs for b, refs in body_references(ctx)})
    found = by_block.get(block.index)
    return found if found is not None else find_references(block.text)  # () for most blocks (cached)


# --- the body text, joined and lower-cased ---------------------------------------------------------

# Characters (ASCII, the Vietnamese letters, general punctuation) for which re.IGNORECASE matching is
# plain `str.lower()` equality; outside them re's case folding has more (ſ ~ s, ı ~ i, µ ~ μ …).
NOT_PLAIN_CASE = re.compile("[^\x00-\x7f\u00c0-\u00ff\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169"
                             "\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u2000-\u206f]")


def plain_lower(text: str) -> str | None:
    """`text.lower()` when the text has only plain-case characters (then of the same length, position by
    position); None otherwise."""
    return None if NOT_PLAIN_CASE.search(text) else text.lower()


_SEP = "\n"


def joined_body(ctx: Context) -> tuple[list[Block], str, list[int]]:
    """(body blocks, their texts joined by a newline, where each text starts in the joined one), once per
    document: a pattern that cannot match a newline, bounded by non-word look-arounds, finds in the joined
    text exactly what it finds in each block, in the same order, with one scan instead of one per block."""
    def compute():
        blocks = doc_body_blocks(ctx)
        starts, pos = [], 0
        for b in blocks:
            starts.append(pos)
            pos += len(b.text) + len(_SEP)
        return blocks, _SEP.join(b.text for b in blocks), starts

    return ctx.memo("shared:joined", compute)


def joined_plain_lower(ctx: Context) -> str | None:
    """The joined body text lower-cased, once per document, when it has only plain-case characters (see
    `plain_lower`); None otherwise. There a case-insensitive pattern of plain-case words finds,
    at the same positions, what the lower-cased words find case-sensitively in this text: many times
    faster, as the regex engine can then skip to where the words' first letters occur."""
    def compute():
        joined = joined_body(ctx)[1]
        return None if NOT_PLAIN_CASE.search(joined) else joined_lower(ctx)

    return ctx.memo("shared:joined-low", compute)


def body_lows(ctx: Context) -> dict[int, str] | None:
    """Block index -> `block.text.lower()` for every body block, sliced from `joined_plain_lower` (once per
    document); None when the body text is not all plain-case (then lowering may change lengths)."""
    def compute():
        low = joined_plain_lower(ctx)
        if low is None:
            return None
        blocks, _, starts = joined_body(ctx)
        return {b.index: low[s:s + len(b.text)] for b, s in zip(blocks, starts)}

    return ctx.memo("shared:body-lows", compute)


def joined_lower(ctx: Context) -> str:
    """`joined.lower()` of `joined_body`, once per document."""
    return ctx.memo("shared:joined-lower", lambda: joined_body(ctx)[1].lower())


def token_span(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The run of non-space characters around text[start:end] (a word with what is glued to it)."""
    s = start
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    e = start if end is None else end
    while e < len(text) and not text[e].isspace():
        e += 1
    return s, e

