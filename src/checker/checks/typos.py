"""Typos a reviewer marks first: a syllable typed twice (TX006), a syllable that is not Vietnamese
(TX008), and two syllables that form no word where one slip of the keyboard away they form a common one
(TX009). They read the document's words once (`typos_tokens`) and the lexicon (`checker.lexicon`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import eq
from typing import Iterable

from ..document import Document
from ..lexicon import Lexicon, analyse, canonical, lexicon, neighbours
from ..validation import FORBID
from .base import Check, Context, Finding, register
from .typos_tokens import BlockWords, document_words, is_title


@dataclass(slots=True, kw_only=True)
class TypoParams:
    """The word lists of the typo rules (`rules/data/NAME.yaml`)."""

    __pydantic_config__ = FORBID
    table: str = "typo_words"


def word_lists(name: str) -> dict:
    from ..rules import load_data_table

    return load_data_table(name)


def same_case(like: str, word: str) -> str:
    """`word` written with the capitals of `like` ("Kế hạch", "kế hoạch" → "Kế hoạch")."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    parts, shapes = word.split(" "), like.split(" ")
    out = []
    for i, p in enumerate(parts):
        shape = shapes[i] if i < len(shapes) else ""
        out.append(p[:1].upper() + p[1:] if shape[:1].isupper() else p)
    return " ".join(out)


def _pair(low: list[str], linked: list[bool], i: int, j: int) -> str | None:
    """"low[i] low[j]" when j == i + 1 and they are in one phrase."""
    if 0 <= i and j < len(low) and linked[j]:
        return low[i] + " " + low[j]
    return None


# --- TX006 repeated syllables ---------------------------------------------------------------------

_FIGURE_NEXT = re.compile(r" +\d")
# Words a number follows ("số 71", "khoản 2"): after a word that ends with the same syllable.
_NUMBERED = frozenset("số khoản điều điểm mục năm ngày tháng lần phần chương quý kỳ đợt tổ ấp khu".split())


@register("repeated-syllable")
class RepeatedSyllable(Check):
    """The same syllable (or two) typed twice in a row: "các các", "hoàn thành thành Đề án". Silent on
    reduplicated words ("từ từ"), on a syllable that ends one word and starts the next ("hoàn thành
    thành công"), on a verb after the person it names ("thư ký ký"), and where the capitals differ
    ("Đại hội Hội Nông dân")."""

    Params = TypoParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        lex = lexicon()
        data = word_lists(self.params.table)
        redup = frozenset(data.get("reduplicatives", ()))
        roles = frozenset(data.get("roles", ()))
        for bw in document_words(ctx):
            low, linked = bw.low, bw.linked
            n = len(low)
            if n < 2:
                continue
            # (most blocks repeat nothing: a pass of C-level comparisons rules them out first)
            repeats = [k for k, (a, b) in enumerate(zip(low, low[1:]), 1) if a == b and linked[k]] \
                if any(map(eq, low, low[1:])) else []
            doubles = [k for k, (a, b, c, d) in enumerate(zip(low, low[1:], low[2:], low[3:]), 3)
                       if a == c and b == d and a != b and linked[k] and linked[k - 1] and linked[k - 2]] \
                if any(map(eq, low, low[2:])) else []
            if not repeats and not doubles:
                continue
            text = bw.block.text
            for k, size in sorted([(k, 1) for k in repeats] + [(k, 2) for k in doubles]):
                first = k - 2 * size + 1  # the first word of the first copy
                s, mid, e = bw.start(first), bw.end(first + size - 1), bw.end(k)
                one, two = text[s:mid], text[bw.start(k - size + 1):e]
                if one != two and not (is_title(one) and two == one.lower() and bw.sentence_start(first)):
                    continue  # "Đại hội Hội Nông dân": another word, a name
                if size == 1 and self._legitimate(bw, first, lex, redup, roles):
                    continue
                yield Finding(bw.block, s, e, args={"word": one, "text": text[s:e]}, expected=one, actual=text[s:e])

    @staticmethod
    def _legitimate(bw: BlockWords, i: int, lex: Lexicon, redup: frozenset, roles: frozenset) -> bool:
        """The doubled word i, i + 1 is right."""
        low, linked = bw.low, bw.linked
        x = low[i]
        if f"{x} {x}" in redup or f"{x} {x}" in lex.words:
            return True
        left = _pair(low, linked, i - 1, i)
        right = _pair(low, linked, i + 1, i + 2)
        left_word = left is not None and left in lex.pairs
        right_word = right is not None and right in lex.pairs
        if left_word and right_word:
            return True  # "hoàn thành | thành công"
        if x in _NUMBERED and i > 0 and linked[i] and _FIGURE_NEXT.match(bw.text_low, bw.end(i + 1)):
            return True  # "công nghệ số | số 71/2025"
        return left_word and left in roles  # "thư ký | ký"


# --- TX008 non-words ------------------------------------------------------------------------------

def _is_name(bw: BlockWords, i: int) -> bool:
    """A capitalised word inside a sentence, or a word in capitals: a name or an abbreviation."""
    w = bw.orig(i)
    if w.islower():
        return False
    return not (is_title(w) and bw.sentence_start(i))


def _forms_word(lex: Lexicon, low: list[str], linked: list[bool], i: int, form: str) -> int:
    """On how many sides (0-2) `form` in place of word i makes a word with its neighbour, 3 when it
    makes a word of three with both ("căn cước công dân")."""
    left = i > 0 and linked[i] and (low[i - 1] + " " + form) in lex.pairs
    right = i + 1 < len(low) and linked[i + 1] and (form + " " + low[i + 1]) in lex.pairs
    if i > 0 and i + 1 < len(low) and linked[i] and linked[i + 1] \
            and f"{low[i - 1]} {form} {low[i + 1]}" in lex.trigrams:
        return 3
    return left + right


@register("non-word")
class NonWord(Check):
    """A word with Vietnamese letters that is no Vietnamese syllable in use ("chuần", "truyên", "trển"),
    with the likely correction: the syllable one slip away that makes a word with its neighbour.
    Skips names and abbreviations (capitalised inside a sentence), plain-ASCII words (foreign words,
    codes, units) and the allow-list; a well-formed syllable without a likely correction is left alone
    (the list lacks rare syllables), a malformed one ("nhiêt", "tòan") is reported."""

    Params = TypoParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        lex = lexicon()
        allow = frozenset(word_lists(self.params.table).get("allow", ()))
        blocks = document_words(ctx)
        every = set()
        for bw in blocks:
            every.update(bw.low)
        suspects = {w for w in every.difference(lex.syllables) if not w.isascii() and w not in allow}
        if not suspects:
            return
        for bw in blocks:
            if suspects.isdisjoint(bw.low):
                continue
            low = bw.low
            for i, w in enumerate(bw.low):
                if w not in suspects or len(w) < 2 or _is_name(bw, i):
                    continue
                found = self._judge(lex, low, bw.linked, i)
                if found is None:
                    continue
                fix, variant, severity = found
                orig = bw.orig(i)
                expected = same_case(orig, fix) if fix else None
                yield Finding(bw.block, bw.start(i), bw.end(i), args={"word": orig, "fix": expected or ""},
                              variant=variant, expected=expected, actual=orig, severity=severity)

    @staticmethod
    def _judge(lex: Lexicon, low: list[str], linked: list[bool], i: int):
        """(correction or None, message variant, severity or None for the rule's) or None to stay silent."""
        w = low[i]
        a = analyse(w)
        if a is not None and not a[4]:  # the tone mark on the wrong vowel: "tòan"
            fix = canonical(w)
            if fix in lex.syllables:
                return fix, "misplaced", None
        ranked = sorted(neighbours(lex, w), key=lambda fk: (-_forms_word(lex, low, linked, i, fk[0]), fk[1],
                                                             -lex.zipf(fk[0])))
        if ranked and _forms_word(lex, low, linked, i, ranked[0][0]):
            return ranked[0][0], "default", None
        if a is None:  # no Vietnamese syllable at all ("nhiêt", "hoạchh")
            if ranked:
                return ranked[0][0], "default", None
            return None, "malformed", "info"
        return None  # well formed, unknown to the list, nothing better nearby: a rare word or a name


# --- TX009 near misses ----------------------------------------------------------------------------

@register("near-miss")
class NearMiss(Check):
    """Two syllables that form no word, where one slip of the keyboard in one of them gives a common
    word: "Kế hạch" → "Kế hoạch", "tập tể" → "tập thể", "bị đọng" → "bị động". Only a syllable that is
    left over (it belongs to no word with either neighbour and does not stand on its own) is looked at;
    names and capitals inside a sentence are skipped."""

    Params = TypoParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        lex = lexicon()
        pairs, free, syllables = lex.pairs, lex.free, lex.syllables
        bound = syllables - free  # syllables that do not stand alone as a word
        fixes: dict[tuple[str, str, bool], str | None] = {}  # the same pair is judged once per document
        for bw in document_words(ctx):
            low = bw.low
            n = len(low)
            if n < 2:
                continue
            loose = [i for i, w in enumerate(low) if w in bound]
            if not loose:
                continue
            linked = bw.linked
            # joined[i]: words i, i + 1 make a word
            joined = list(map(pairs.__contains__, map(" ".join, zip(low, low[1:]))))
            attached = {k for k, j in enumerate(joined) if j and linked[k + 1]}
            attached.update([k + 1 for k in attached])
            covered: set[int] = set()  # words already inside a reported pair
            for i in loose:
                if i in attached or i in covered:
                    continue
                w = low[i]
                if (i > 0 and linked[i] and low[i - 1] not in syllables) or \
                        (i + 1 < n and linked[i + 1] and low[i + 1] not in syllables):
                    continue  # beside a non-word (TX008): that is where the slip is
                if _is_name(bw, i):
                    continue
                for j in (i - 1, i):  # the pair (j, j + 1) holding word i
                    if j < 0 or j + 1 >= n or j in covered or j + 1 in covered or not linked[j + 1]:
                        continue
                    other = j + 1 if j == i else j
                    if low[other] not in syllables or low[other] == w or _is_name(bw, other):
                        continue
                    far = other + (1 if other > i else -1)  # the other word's other neighbour
                    if 0 <= far < n and linked[max(far, other)] and joined[min(far, other)]:
                        continue  # the other word already belongs to a word ("nổ | công nghiệp")
                    key = (low[j], low[j + 1], j == i)
                    fix = fixes[key] if key in fixes else fixes.setdefault(key, self._fix(lex, low, j, i))
                    if fix is None:
                        continue
                    covered.update((j, j + 1))
                    s, e = bw.start(j), bw.end(j + 1)
                    written = bw.block.text[s:e]
                    expected = same_case(written, fix)
                    yield Finding(bw.block, s, e, args={"text": written, "fix": expected},
                                  expected=expected, actual=written)
                    break

    @staticmethod
    def _fix(lex: Lexicon, low: list[str], j: int, orphan: int) -> str | None:
        """The most likely word for the pair (j, j + 1), changing one mark of one of its syllables, or
        adding or dropping one letter, or None."""
        a, b = low[j], low[j + 1]
        best = None
        other = j + 1 if orphan == j else j
        for pos, word in ((orphan, low[orphan]), (other, low[other])):
            for form, kind in neighbours(lex, word, 2):
                pair = (form + " " + b) if pos == j else (a + " " + form)
                if pair in lex.words:
                    key = (kind, pos != orphan, -lex.zipf(form))
                    if best is None or key < best[0]:
                        best = (key, pair)
        return best[1] if best else None
