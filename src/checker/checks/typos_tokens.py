"""The words of a document as the typo rules read them: per body block, its letter runs ("words", in
Vietnamese mostly syllables) lower-cased, the text between them, and which neighbours belong to one
phrase (nothing but spaces between them). Built once per document (`Context.memo`) with two C-level
regex calls per block; positions are only worked out for the few words a rule reports."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from sys import intern
from itertools import accumulate

from ..document import Block, BlockKind
from .base import Context
from ..lexicon import new_convention
from .shared import joined_body, joined_lower

# Letters only: Python's \w also takes superscript footnote digits ("hợp¹") and other numerals.
WORD = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+")
_OPENERS = frozenset(".!?:;…\"“”'‘’([«»\n")
_BULLETS = "-+*•–—"
_LABEL = re.compile(r"\s*\(?[0-9A-Za-zđĐ]{1,4}\)")
_NOTE_KINDS = frozenset({BlockKind.FOOTNOTE, BlockKind.ENDNOTE})


@dataclass(slots=True)
class BlockWords:
    """The words of one block: `low[i]` lower-cased (in the lexicon's tone convention), `linked[i]` word i
    follows word i-1 in the same phrase (nothing but spaces between them)."""

    block: Block
    text_low: str
    low: list[str]
    linked: list[bool]
    _starts: list[int] | None = field(default=None, repr=False)
    _orig: list[str] | None = field(default=None, repr=False)

    def start(self, i: int) -> int:
        """Offset of word i in the block's text."""
        if self._starts is None:
            self._starts = [m.start() for m in WORD.finditer(self.text_low)]
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


#: a phrase: words with nothing but spaces between them
PHRASE = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+"
                    "(?:[ \u00a0]+[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+)*")


def _words_of(block: Block, low: str) -> BlockWords:
    """The words of a block, found phrase by phrase (one regex match per phrase, then str.split)."""
    words: list[str] = []
    linked: list[bool] = []
    for phrase in PHRASE.findall(low):
        ws = phrase.split()
        words += map(intern, ws)  # one string per distinct word: a long report repeats a few thousand
        linked.append(False)
        linked += [True] * (len(ws) - 1)
    return BlockWords(block, low, words, linked)


def document_words(ctx: Context) -> list[BlockWords]:
    """The words of every body block (paragraphs, table cells, notes) not in a legacy encoding, once per
    document, lower-cased in the lexicon's tone convention ("hoà" read as "hòa", same length)."""
    def compute() -> list[BlockWords]:
        blocks, joined, starts = joined_body(ctx)
        low_all = joined_lower(ctx)
        same = len(low_all) == len(joined)
        if same:
            low_all = new_convention(low_all)
        out = []
        for b, s in zip(blocks, starts):
            if b.legacy_encoding:
                continue
            if same:
                low = low_all[s:s + len(b.text)]
            else:
                low = b.text.lower()
                if len(low) != len(b.text):
                    continue  # a letter whose lower case is longer: offsets would not hold
                low = new_convention(low)
            out.append(_words_of(b, low))
        return out

    return ctx.memo("typos:words", compute)


def document_vocabulary(ctx: Context) -> frozenset[str]:
    """Every word of the body, lower-cased in the lexicon's tone convention, once per document."""
    def compute() -> frozenset[str]:
        out: set[str] = set()
        for bw in document_words(ctx):
            out.update(bw.low)
        return frozenset(out)

    return ctx.memo("typos:vocabulary", compute)


def is_title(word: str) -> bool:
    """"Vĩnh", not "vĩnh", "VĨNH" or "vĨnh"."""
    return word[:1].isupper() and (len(word) == 1 or word[1:].islower())


def is_note(block: Block) -> bool:
    return block.kind in _NOTE_KINDS
