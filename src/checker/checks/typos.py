"""Typos a reviewer marks first: a syllable typed twice (TX006), a syllable that is not Vietnamese
(TX008), and two syllables that form no word where one slip of the keyboard away they form a common one
(TX009). They read the document's words once (`typos_tokens`) and the lexicon (`checker.lexicon`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..document import Document
from ..lexicon import Lexicon, analyse, canonical, lexicon, neighbours, new_convention
from ..validation import FORBID
from .base import Check, Context, Finding, register
from .typos_tokens import WORD, BlockWords, document_words, is_title


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


def _normal(words: BlockWords) -> list[str]:
    """The block's lower-case words in the lexicon's tone convention (same length, same positions)."""
    low = words.low
    if any(_OLD_TAIL.search(w) for w in low if len(w) > 1 and w[-1] in "àáảãạèéẻẽẹỳýỷỹỵ"):
        return [new_convention(w) for w in low]
    return low


_OLD_TAIL = re.compile("[oOuU][àáảãạèéẻẽẹỳýỷỹỵ]$")


def _pair(low: list[str], linked: list[bool], i: int, j: int) -> str | None:
    """"low[i] low[j]" when j == i + 1 and they are in one phrase."""
    if 0 <= i and j < len(low) and linked[j]:
        return low[i] + " " + low[j]
    return None


# --- TX006 repeated syllables ---------------------------------------------------------------------

_REPEAT = re.compile(r"(?<![^\W\d_])([^\W\d_]+(?: [^\W\d_]+)?) +\1(?![^\W\d_])")


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
            text = bw.block.text
            for m in _REPEAT.finditer(bw.text_low):
                if "\u00a0" in m.group(0) or not WORD.fullmatch(m.group(1).replace(" ", "")):
                    continue
                first, second = text[m.start(1):m.end(1)], text[m.end(0) - len(m.group(1)):m.end(0)]
                if first != second and not (is_title(first) and second == first.lower()
                                            and bw.sentence_start(bw.index_at(m.start(1)))):
                    continue  # "Đại hội Hội Nông dân": another word, a name
                unit = m.group(1)
                if " " not in unit and self._legitimate(bw, m, unit, lex, redup, roles):
                    continue
                yield Finding(bw.block, m.start(), m.end(), args={"word": first, "text": text[m.start():m.end()]},
                              expected=first, actual=text[m.start():m.end()])

    @staticmethod
    def _legitimate(bw: BlockWords, m: re.Match, x: str, lex: Lexicon, redup: frozenset, roles: frozenset) -> bool:
        if f"{x} {x}" in redup:
            return True
        i = bw.index_at(m.start(1))  # the first copy; the second is i + 1
        low, linked = _normal(bw), bw.linked
        left = _pair(low, linked, i - 1, i)
        right = _pair(low, linked, i + 1, i + 2)
        left_word = left is not None and left in lex.pairs
        right_word = right is not None and right in lex.pairs
        if left_word and right_word:
            return True  # "hoàn thành | thành công"
        return left_word and left in roles  # "thư ký | ký"


# --- TX008 non-words ------------------------------------------------------------------------------

def _is_name(bw: BlockWords, i: int) -> bool:
    """A capitalised word inside a sentence, or a word in capitals: a name or an abbreviation."""
    w = bw.orig(i)
    if w.islower():
        return False
    return not (is_title(w) and bw.sentence_start(i))


def _forms_word(lex: Lexicon, low: list[str], linked: list[bool], i: int, form: str) -> int:
    """On how many sides (0-2) `form` in place of word i makes a word with its neighbour."""
    left = i > 0 and linked[i] and (low[i - 1] + " " + form) in lex.pairs
    right = i + 1 < len(low) and linked[i + 1] and (form + " " + low[i + 1]) in lex.pairs
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
        suspects = {w for w in every.difference(lex.syllables) if not w.isascii()}
        suspects = {w for w in suspects if new_convention(w) not in lex.syllables and w not in allow}
        if not suspects:
            return
        for bw in blocks:
            if suspects.isdisjoint(bw.low):
                continue
            low = _normal(bw)
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
        for bw in document_words(ctx):
            low = _normal(bw)
            n = len(low)
            if n < 2:
                continue
            linked = bw.linked
            joined = [a + " " + b in pairs for a, b in zip(low, low[1:])]  # joined[i]: words i, i+1
            covered: set[int] = set()  # words already inside a reported pair
            for i, w in enumerate(low):
                if w in free or w not in syllables or i in covered:
                    continue
                if (i > 0 and linked[i] and joined[i - 1]) or (i + 1 < n and linked[i + 1] and joined[i]):
                    continue  # part of a word
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
                    loose = not (0 <= far < n and linked[max(far, other)] and joined[min(far, other)])
                    fix = self._fix(lex, low, j, i, loose)
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
    def _fix(lex: Lexicon, low: list[str], j: int, orphan: int, other_loose: bool) -> str | None:
        """The most likely word for the pair (j, j + 1), changing one mark of one of its syllables, or
        adding or dropping one letter, or None. The other syllable is only changed when it makes no
        word on its other side either ("hàng hóa ước đạt" is not "hòa ước")."""
        a, b = low[j], low[j + 1]
        best = None
        other = j + 1 if orphan == j else j
        for pos, word in ((orphan, low[orphan]), (other, low[other])):
            if pos == other and not other_loose:
                continue
            for form, kind in neighbours(lex, word):
                if kind > 2:
                    continue
                pair = (form + " " + b) if pos == j else (a + " " + form)
                if pair in lex.words:
                    key = (kind, pos != orphan, -lex.zipf(form))
                    if best is None or key < best[0]:
                        best = (key, pair)
        return best[1] if best else None
