"""Footnote links: each footnote mark in the body, with the footnote it points to.

A plain-text export may lose the marks but keep the breaks they made: the body paragraph stops at the mark
and the next line continues the sentence (". Nhận 09 đơn…", " theo thẩm quyền…"). When the number of such
breaks equals the number of notes, the k-th break is the k-th note's mark.
"""

import re
from dataclasses import dataclass

from ..checks.base import Context
from ..document import Block, BlockKind, Document


@dataclass(slots=True)
class NoteLink:
    """A footnote mark: the block it is in, the offset right after the text it follows, and the note."""

    block: Block
    position: int
    number: int
    notes: list[Block]


_CONTINUES = re.compile(r"^(?:[.,;:](?:\s|$)|[ ]+[^\s\t]|[a-zà-ỹđ])")
_ENDS = re.compile(r"[.!?:;]\s*$")


def note_links(doc: Document, ctx: Context) -> list[NoteLink]:
    """Every footnote mark of the body with its note blocks, once per document."""
    return ctx.memo("relate:note links", lambda: list(_links(doc)))


def _links(doc: Document):
    notes = doc.notes(BlockKind.FOOTNOTE)
    if not notes:
        return
    found = False
    for b in doc.blocks:
        if b.kind is BlockKind.FOOTNOTE:
            continue
        for ref in b.note_refs:
            if ref.kind == "footnote" and ref.number in notes:
                found = True
                yield NoteLink(b, ref.position, ref.number, notes[ref.number])
    if found or not doc.meta.get("footnote_anchors_lost"):
        return
    body = [b for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    breaks = []
    for prev, nxt in zip(body, body[1:]):
        if prev.line is not None and nxt.line is not None and nxt.line != prev.line + 1:
            continue
        if len(prev.text.strip()) >= 8 and _CONTINUES.match(nxt.text) and not _ENDS.search(prev.text):
            breaks.append(prev)
    numbers = sorted(notes)
    if len(breaks) != len(numbers) or numbers != list(range(1, len(numbers) + 1)):
        return
    for b, number in zip(breaks, numbers):
        yield NoteLink(b, len(b.text.rstrip()), number, notes[number])
