"""The words of a document as the typo rules read them: per body block, its letter runs ("words", in
Vietnamese mostly syllables) lower-cased, the text between them, and which neighbours belong to one
phrase (nothing but spaces between them). Built once per document (`Context.memo`) with two C-level
regex calls per block; positions are only worked out for the few words a rule reports."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate

from ..document import Block, BlockKind
from .base import Context
from .shared import body_lows, doc_body_blocks

# Letters only: Python's \w also takes superscript footnote digits ("hợp¹") and other numerals.
WORD = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+")
_SPACES = re.compile(r"[ \u00a0]+")
_OPENERS = frozenset(".!?:;…\"“”'‘’([«»\n")
_BULLETS = "-+*•–—"
_LABEL = re.compile(r"\s*\(?[0-9A-Za-zđĐ]{1,4}\)")
_NOTE_KINDS = frozenset({BlockKind.FOOTNOTE, BlockKind.ENDNOTE})


@dataclass(slots=True)
class BlockWords:
    """The words of one block: `low[i]` lower-cased, `gaps[i]` the text before word i (`gaps[-1]` the text
    after the last), `linked[i]` word i follows word i-1 in the same phrase."""

    block: Block
    text_low: str
    low: list[str]
    gaps: list[str]
    linked: list[bool]
    _starts: list[int] | None = field(default=None, repr=False)
    _orig: list[str] | None = field(default=None, repr=False)

    def start(self, i: int) -> int:
        """Offset of word i in the block's text."""
        if self._starts is None:
            starts, pos = [], 0
            for g, w in zip(self.gaps, self.low):
                pos += len(g)
                starts.append(pos)
                pos += len(w)
            self._starts = starts
        return self._starts[i]

    def index_at(self, offset: int) -> int:
        """The index of the first word starting at or after `offset`."""
        from bisect import bisect_left

        self.start(0)
        return bisect_left(self._starts, offset)

    def end(self, i: int) -> int:
        return self.start(i) + len(self.low[i])

    def orig(self, i: int) -> str:
        """Word i as written (case kept)."""
        if self._orig is None:
            self._orig = WORD.findall(self.block.text)
        return self._orig[i]

    def sentence_start(self, i: int) -> bool:
        """Word i opens the block, a sentence, a list item or a quotation (a capital there proves nothing)."""
        if i and self.linked[i]:
            return False
        return opens_sentence(self.block.text[:self.start(i)])


def opens_sentence(before: str) -> bool:
    """The text `before` a word leaves it at the start of a sentence, list item or quotation."""
    prev = before.rstrip()
    if not prev:
        return True
    c = prev[-1]
    if c in _OPENERS:
        return True
    if c in _BULLETS and not prev.rstrip(_BULLETS).strip():
        return True
    return c == ")" and bool(_LABEL.fullmatch(prev))


def _words_of(block: Block, low: str) -> BlockWords:
    words = WORD.findall(low)
    gaps = WORD.split(low)
    linked = [False] + [bool(_SPACES.fullmatch(g)) for g in gaps[1:-1]]
    return BlockWords(block, low, words, gaps, linked)


def document_words(ctx: Context) -> list[BlockWords]:
    """The words of every body block (paragraphs, table cells, notes) not in a legacy encoding, once per
    document."""
    def compute() -> list[BlockWords]:
        lows = body_lows(ctx)
        out = []
        for b in doc_body_blocks(ctx):
            if b.legacy_encoding:
                continue
            low = lows.get(b.index) if lows is not None else None
            if low is None or len(low) != len(b.text):
                low = b.text.lower()
                if len(low) != len(b.text):
                    continue  # a letter whose lower case is longer: offsets would not hold
            out.append(_words_of(b, low))
        return out

    return ctx.memo("typos:words", compute)


def is_title(word: str) -> bool:
    """"Vĩnh", not "vĩnh", "VĨNH" or "vĨnh"."""
    return word[:1].isupper() and (len(word) == 1 or word[1:].islower())


def is_note(block: Block) -> bool:
    return block.kind in _NOTE_KINDS
