"""The document model every reader produces and every check consumes.

A `Document` is an ordered list of `Block`s in reading order: body paragraphs,
table cells, footnotes, endnotes, headers and footers. Text is always NFC.
Positions inside a block are 0-based character offsets into `Block.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Iterator


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    TABLE_CELL = "table_cell"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    HEADER = "header"
    FOOTER = "footer"


@dataclass(slots=True)
class NoteRef:
    """A footnote or endnote reference mark inside a block's text.

    `position` is the offset in the block text right after the text the mark
    follows (the mark itself is not part of `Block.text` for .docx inputs; for
    plain text it may be, then `length` says how many characters it covers).
    """

    number: int
    position: int
    kind: str = "footnote"  # "footnote" | "endnote"
    length: int = 0


@dataclass(slots=True)
class Block:
    """One unit of text in reading order (a paragraph, a table cell, a note, a header line) and where it is."""

    index: int  # 1-based, unique in the document, in reading order
    kind: BlockKind
    text: str
    line: int | None = None  # 1-based source line (text inputs only)
    column_offset: int = 0  # offset of text[0] inside that source line
    style: str | None = None  # Word paragraph style name
    heading_level: int | None = None  # from a Word heading/outline style
    list_id: int | None = None  # Word automatic numbering (numId): label is not in text
    list_level: int | None = None  # Word automatic numbering level (ilvl, 0-based)
    table: int | None = None  # 1-based table number (table cells)
    row: int | None = None  # 1-based
    column: int | None = None  # 1-based
    note: int | None = None  # footnote/endnote number (note blocks)
    paragraph: int | None = None  # Word's paragraph number: body paragraphs outside tables, empty ones too
    # (a PDF: the number among the paragraphs starting on the block's page)
    note_refs: list[NoteRef] = field(default_factory=list)
    section: str | None = None  # heading path, e.g. "II.1"
    legacy_encoding: str | None = None  # "TCVN3" | "VNI" when the text is in a legacy encoding
    was_nfd: bool = False  # the source held decomposed (NFD) Vietnamese letters
    page: int | None = None  # 1-based page the block starts on (PDF inputs)

    def masked_text(self) -> str:
        """The text with footnote marks typed into it ("[footnoteRef:3]", "¹⁸") blanked out, same length,
        so that figure extraction does not read a note number as a figure and offsets stay true."""
        marks = [r for r in self.note_refs if r.length]
        if not marks:
            return self.text
        chars = list(self.text)
        for r in marks:
            for i in range(r.position, min(len(chars), r.position + r.length)):
                chars[i] = " "
        return "".join(chars)

    @property
    def is_body(self) -> bool:
        return self.kind in (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL)


@dataclass(slots=True)
class Document:
    """A report as every reader gives it: its blocks in reading order, and what was learnt about it."""

    path: str
    format: str  # "docx" | "pdf" | "txt" | "md" | "text" (in-memory)
    blocks: list[Block]
    encoding: str | None = None
    profile: str | None = None  # "party" | "state" | None (unknown)
    meta: dict = field(default_factory=dict)
    # Where the appendices begin: the index of the block holding the first "PHỤ LỤC" / "Phụ lục I" heading
    # after the body (None: no appendix). Set by `headings.mark_appendices` (run by `assign_sections`);
    # `doc.meta["appendices"]` lists every appendix heading inside as (block index, label).
    appendix_start: int | None = None

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    def body(self) -> Iterator[Block]:
        """Paragraphs and table cells, in reading order (no notes, headers, footers)."""
        return (b for b in self.blocks if b.is_body)

    def paragraphs(self) -> Iterator[Block]:
        return (b for b in self.blocks if b.kind is BlockKind.PARAGRAPH)

    def notes(self, kind: BlockKind = BlockKind.FOOTNOTE) -> dict[int, list[Block]]:
        out: dict[int, list[Block]] = {}
        for b in self.blocks:
            if b.kind is kind and b.note is not None:
                out.setdefault(b.note, []).append(b)
        return out

    def in_appendix(self, block: Block) -> bool:
        """A paragraph or table cell of an appendix (notes, page headers and footers never are)."""
        return self.appendix_start is not None and block.is_body and block.index >= self.appendix_start

    def main_body(self) -> Iterator[Block]:
        """`body()` without the appendices: the report itself, up to its signature and recipients."""
        stop = self.appendix_start
        return (b for b in self.blocks if b.is_body and (stop is None or b.index < stop))

    def block(self, index: int) -> Block:
        return self.blocks[index - 1]

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


def renumber(blocks: list[Block]) -> list[Block]:
    """Gives blocks consecutive 1-based indices in list order."""
    for i, b in enumerate(blocks, 1):
        b.index = i
    return blocks
