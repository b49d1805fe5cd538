"""Per-document indexes that several families of rules read: the body blocks, the figures of each
block, the document references of each block. Each is built once per document (`Context.memo`)."""

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
    from .arithmetic import figure_index  # (imported here: arithmetic is another family's module)

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
