"""Text and encoding kinds: mixed Unicode normalisation forms, legacy Vietnamese encodings."""

from dataclasses import dataclass
from typing import Iterable

from ..document import Block, Document
from ..validation import FORBID
from .base import Check, Context, Finding, register
from .grouping import RELATED_LIMIT, places_text
from .shared import token_span


def _has_vietnamese_letters(text: str) -> bool:
    return any(ord(ch) > 0x7F and ch.isalpha() for ch in text)


def _first_word_span(block: Block) -> tuple[int, int]:
    """The first word with a non-ASCII letter (where a reader will see the problem), else the block."""
    text = block.text
    for i, ch in enumerate(text):
        if ord(ch) > 0x7F and ch.isalpha():
            return token_span(text, i)
    return 0, len(text)


@register("mixed-normalization")
class MixedNormalization(Check):
    """Fires once per document whose source mixes composed (NFC) and decomposed (NFD) letters."""

    @dataclass(slots=True, kw_only=True)
    class Params:
        """How many decomposed (NFD) blocks, beside composed ones, make a mix."""

        __pydantic_config__ = FORBID
        min_blocks: int = 1  # NFD blocks needed, beside NFC ones, to call it a mix

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        nfd = [b for b in doc.blocks if b.was_nfd]
        if len(nfd) < self.params.min_blocks:
            return
        nfc = [b for b in doc.blocks if not b.was_nfd and _has_vietnamese_letters(b.text)]
        if not nfc:
            return
        first = nfd[0]
        start, end = _first_word_span(first)
        # one finding for the document (one conversion fixes it), naming where the decomposed text is
        related = [(b, *_first_word_span(b)) for b in nfd[1:1 + RELATED_LIMIT]]
        yield Finding(first, start, end, args={"nfd": len(nfd), "nfc": len(nfc),
                                               "places": places_text(nfd, ctx.lang)},
                      related=related)


@register("legacy-encoding")
class LegacyEncoding(Check):
    """Fires on the first block of each run of blocks the reader recognised as TCVN3 (ABC) or VNI text."""

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        previous = None
        count = sum(1 for b in doc.blocks if b.legacy_encoding)
        for b in doc.blocks:
            if b.legacy_encoding and b.legacy_encoding != previous:
                yield Finding(b, 0, min(len(b.text), 60), args={"encoding": b.legacy_encoding, "blocks": count})
            previous = b.legacy_encoding
