"""Consistent spelling of one term within a document: variant spellings ("quí"/"quý"), tone-mark
placement ("hòa"/"hoà", "ủy"/"uỷ") and the capitalisation of "Nhân dân"."""

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from ..document import Block, Document
from ..validation import FORBID
from .base import Check, Context, Finding, register
from .shared import NOT_PLAIN_CASE, joined_body, joined_lower, joined_plain_lower

_WORD = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)?", re.UNICODE)


def _block_at(blocks: list[Block], starts: list[int], pos: int) -> tuple[Block, int]:
    """The block holding offset `pos` of the joined text, and where its text starts."""
    i = bisect_right(starts, pos) - 1
    return blocks[i], starts[i]


_WORD_CHAR = re.compile(r"\w")


def _standalone(core: "re.Pattern[str]", text: str):
    r"""The matches of `(?<![\w])` + `core` in `text`, found as `finditer` would find them. The look-behind is
    tested by hand: a pattern that starts with one is tried at every position of the text, while a pattern
    that starts with letters lets the regex engine skip to where they occur (many times faster)."""
    search = core.search
    pos = 0
    while True:
        m = search(text, pos)
        if m is None:
            return
        s = m.start()
        if s and _WORD_CHAR.match(text, s - 1):
            pos = s + 1  # where finditer would try next
            continue
        yield m
        pos = m.end() if m.end() > s else s + 1


def _words(text: str):
    return re.finditer(r"[^\W\d_]+", text)


def _report(occ: dict[str, list[tuple[Block, int, int]]], preferred: str | None = None, standard: bool = False):
    """One finding naming both forms and their counts, at the first occurrence of the rarer form (of
    the form other than `preferred` when it is the `standard` one, whatever the counts)."""
    forms = sorted(occ, key=lambda f: (-len(occ[f]), f))
    if len(forms) < 2:
        return None
    major, minor = forms[0], forms[1]
    if standard and preferred in occ:
        major, minor = preferred, next(f for f in forms if f != preferred)
    elif len(occ[major]) == len(occ[minor]) and preferred in (major, minor):
        major, minor = preferred, minor if preferred == major else major
    b, s, e = occ[minor][0]
    return Finding(b, s, e, args={"form": minor, "count": len(occ[minor]), "other": major,
                                  "other_count": len(occ[major])}, actual=minor, expected=major)


@dataclass(slots=True, kw_only=True)
class VariantParams:
    """The data table of spelling variants."""

    __pydantic_config__ = FORBID
    table: str = "spelling_variants"


@register("spelling-variants")
class SpellingVariants(Check):
    Params = VariantParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        from ..rules import load_data_table

        groups = load_data_table(self.params.table).get("variants", [])
        blocks, joined, starts = joined_body(ctx)
        low = joined_plain_lower(ctx)
        for g in groups:
            forms = [f for f in g["forms"]]
            lower_only = g.get("case") == "lower"
            scanned = joined
            if not lower_only and low is not None and not any(NOT_PLAIN_CASE.search(f) for f in forms):
                # case-insensitive: the lower-cased forms in the lower-cased text (same matches, same offsets)
                scanned, alternatives, flags = low, [f.lower() for f in forms], 0
            else:
                alternatives, flags = forms, 0 if lower_only else re.IGNORECASE
            # `(?<![\w])(forms)(?![\w])`; one scan of the joined text is cheaper than a substring test first
            pattern = re.compile(r"(" + "|".join(re.escape(f) for f in alternatives) + r")(?![\w])", flags)
            occ: dict[str, list] = {}
            for m in _standalone(pattern, scanned):
                key = m.group(1).lower()
                canon = next(f for f in forms if f == key)
                b, offset = _block_at(blocks, starts, m.start())
                occ.setdefault(canon, []).append((b, m.start() - offset, m.end() - offset))
            f = _report(occ, forms[0], standard=True)  # the first form is the one official texts use
            if f is not None:
                yield f


# --- tone placement ---------------------------------------------------------------------------------

_OLD = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
        "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_NEW = {v: k for k, v in _OLD.items()}


def _style(word: str) -> tuple[str, str] | None:
    """("old"|"new", key) for a word ending in a vowel pair whose tone mark can sit on either vowel."""
    w = word.lower()
    if w.startswith("qu") or len(w) < 2:
        return None
    tail = w[-2:]
    if tail in _OLD:
        return "old", w[:-2] + _OLD[tail]
    if tail in _NEW and not (len(w) > 2 and w[-3] in "aăâeêioôơuưy"):
        return "new", w
    return None


_TAIL_RE = re.compile("(?:" + "|".join(sorted(set(_OLD) | set(_NEW))) + r")(?![^\W\d_])")
_LETTER = re.compile(r"[^\W\d_]")


def _tail_words(text: str):
    """(start, end) of the words (`_words`) whose last two letters, lower-cased, are a vowel pair of
    `_OLD`/`_NEW`: found from their ending in the lower-cased text, not by visiting every word."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: offsets would differ
        for m in _words(text):
            yield m.start(), m.end()
        return
    yield from _tail_spans(text, low)


def _tail_spans(text: str, low: str):
    """(start, end) in `text` of each `_TAIL_RE` match in `low` (its lower case, same length), the start
    moved back to the beginning of the word."""
    letter = _LETTER.match
    for m in _TAIL_RE.finditer(low):
        s = m.start()
        while s > 0 and letter(text, s - 1):
            s -= 1
        yield s, m.end()


def _body_tail_words(ctx: Context):
    """(block, start, end) of `_tail_words(block.text)` for every body block, in order. When lower-casing
    keeps every length (no "İ"), one scan of the joined lower-cased text finds them all: the newline
    between two texts is neither a letter nor part of a vowel pair."""
    blocks, joined, starts = joined_body(ctx)
    low = joined_lower(ctx)
    if len(low) != len(joined):
        for b in blocks:
            for start, end in _tail_words(b.text):
                yield b, start, end
        return
    for s, e in _tail_spans(joined, low):
        b, offset = _block_at(blocks, starts, s)
        yield b, s - offset, e - offset


@register("tone-placement")
class TonePlacement(Check):
    """A word written with both tone placements ("hòa" and "hoà") in one document."""

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        occ: dict[str, dict[str, list]] = {}
        for b, start, end in _body_tail_words(ctx):
            word = b.text[start:end]
            st = _style(word)
            if st is None:
                continue
            style, key = st
            form = word.lower()
            occ.setdefault(key, {}).setdefault(form, []).append((b, start, end))
        for key in sorted(occ):
            if len(occ[key]) > 1:
                f = _report(occ[key], key)
                if f is not None:
                    yield f


# --- "Nhân dân" / "nhân dân" ---------------------------------------------------------------------

@register("capitalization-variants")
class CapitalizationVariants(Check):
    Params = VariantParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        from ..rules import load_data_table

        spec = load_data_table(self.params.table).get("nhan_dan")
        if not spec:
            return
        word = spec["word"]
        before = tuple(sorted((c.lower() for c in spec.get("compounds_before", [])), key=len, reverse=True))
        after = [c.lower() for c in spec.get("compounds_after", [])]
        after_patterns = [re.compile(r"\s+" + re.escape(c) + r"(?!\w)") for c in after]
        occ: dict[str, list] = {}
        blocks, joined, starts = joined_body(ctx)  # (the word holds no newline)
        low = joined_plain_lower(ctx)
        if low is not None and not NOT_PLAIN_CASE.search(word):
            # case-insensitive: the lower-cased word in the lower-cased text (same matches, same offsets)
            scanned, pattern = low, re.compile(r"(" + re.escape(word.lower()) + r")(?![\w])")
        else:
            scanned, pattern = joined, re.compile(r"(" + re.escape(word) + r")(?![\w])", re.IGNORECASE)
        for m in _standalone(pattern, scanned):  # (after `(?<![\w])`)
            b, offset = _block_at(blocks, starts, m.start())
            text = b.text
            start, end = m.start() - offset, m.end() - offset
            written = text[start:end]  # (as written, not as scanned)
            prefix = text[max(0, start - 60):start].lower().rstrip()
            if prefix.endswith(before):
                continue
            follow = text[end:end + 20].lower()
            if any(p.match(follow) for p in after_patterns):
                continue
            if not prefix or prefix.endswith((".", ":", "!", "?", "-", "+", "•", "“", "\"", "(")):
                continue  # sentence start: capitalised anyway
            if written == word:
                form = word
            elif written == word[0].upper() + word[1:]:
                form = written
            else:
                continue  # "NHÂN DÂN" in a heading
            occ.setdefault(form, []).append((b, start, end))
        f = _report(occ, word[0].upper() + word[1:])
        if f is not None:
            yield f
