"""Typos of form rather than spelling: stray spaces (TX007), forms a style list prefers (TX011) and text
garbled by a wrong encoding or lost letters (TX012)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable

from ..document import Block, BlockKind, Document
from ..validation import FORBID
from .base import Check, Context, Finding, register
from ..lexicon import new_convention
from .shared import doc_body_blocks, joined_body, joined_lower, token_span
from .typos_tokens import WORD, document_vocabulary

_TEXT_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.FOOTNOTE, BlockKind.ENDNOTE})

# --- TX007 stray spaces ---------------------------------------------------------------------------

_L = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"  # letters (no superscript digits)
# (Each pattern starts with a literal so that the regex engine skips to where it can match; what must
# come before it is tested by hand.)
_WORDISH = re.compile(rf"[{_L}0-9]")
# Two or three spaces between words (more is alignment or a blank field of a draft).
_DOUBLE = re.compile(rf"( {{2,3}})(?=[{_L}0-9(“\"])")
_DOUBLE_AFTER = frozenset("%)”\"',;")
# A space before , ; : ) ! ? or a full stop that ends a sentence (not "…", ". . .", ".5").
_BEFORE = re.compile(r"( +)(?:[,;:!?)]|\.(?![.\w]))")
# A comma or semicolon glued to the next word; a full stop glued to the next sentence ("việc.Tổng").
_AFTER = re.compile(rf"(?=[,;.])(?:([,;])(?=[{_L}])|(\.)(?=[A-ZÀ-ỸĐ][a-zà-ỹđ]))")  # (the lookahead: a quick scan)
_LOWER2 = re.compile("[a-zà-ỹđ]{2}$")
# A decimal comma followed by a space inside a figure with a unit: "17, 66%", "2, 356kg".
_NUMBER = re.compile(r"(\d{1,3}), (\d{1,3})(?= ?(?:%|ha\b|kg\b|tấn\b|m2\b|m²|km\b|m\b|"
                     r"tỷ\b|triệu\b|nghìn\b|đồng\b|lít\b|người\b|hộ\b|điểm\b))")
_NUMBER_BEFORE = re.compile(r"[\d.,] ?$")
# Blank fields of a draft header ("ngày   tháng", "Số    -BC/HU") are left alone.
_BLANK_FIELD = re.compile(r"(?:ngày|tháng|năm|[Ss]ố:?)[ .…\d]*$")


@register("stray-spaces")
class StraySpaces(Check):
    """Two or three spaces between words, a space before a punctuation mark, none after a comma, a
    space inside a figure. One finding per paragraph and kind, at the first place, with the count.
    Table cells, page headers and footers, lines aligned with tabs, runs of four spaces or more and
    the blank fields of a draft's header are left alone."""

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        blocks, joined, starts = joined_body(ctx)
        hits: dict[int, dict[str, list[int]]] = {}  # block number -> kind -> offsets in the block

        def place(at: int, kind: str) -> None:
            i = bisect_right(starts, at) - 1
            hits.setdefault(i, {}).setdefault(kind, []).append(at - starts[i])

        # One scan of the whole body text per pattern; each hit is judged in its block.
        for m in _DOUBLE.finditer(joined):
            place(m.start(), "default")
        for m in _BEFORE.finditer(joined):
            place(m.start(), "before")
        for m in _AFTER.finditer(joined):
            place(m.start(), "after")
        for m in _NUMBER.finditer(joined):
            place(m.start(), "number")
        for i in sorted(hits):
            b = blocks[i]
            if b.kind not in _TEXT_KINDS or b.legacy_encoding or "\t" in b.text:
                continue
            yield from _judge(b, hits[i])


def _judge(b: Block, kinds: dict[str, list[int]]) -> Iterable[Finding]:
    text = b.text
    at = [m for m in (_DOUBLE.match(text, x) for x in kinds.get("default", ())) if m
          and _word_before(text, m.start(), _DOUBLE_AFTER) and not _blank_field(text, m.start())
          and not _after_sentence(text, m.start()) and not _layout(text, m.start(), m.end())]
    if at and not _mostly_capitals(text):
        yield _spaces(b, at, "default", lambda m: _around(text, m.start(1), m.end(1), " "))
    at = [m for m in (_BEFORE.match(text, x) for x in kinds.get("before", ())) if m
          and _word_before(text, m.start(), "%") and not _blank_field(text, m.start())]
    if at:
        yield _spaces(b, at, "before", lambda m: _around(text, m.start(1), m.end(1), ""))
    for x in kinds.get("number", ()):
        m = _NUMBER.match(text, x)
        if m is None or (x and (text[x - 1].isdigit() or _NUMBER_BEFORE.search(text, max(0, x - 2), x))):
            continue
        fix = f"{m.group(1)},{m.group(2)}"
        yield Finding(b, m.start(), m.end(), variant="number",
                      args={"text": m.group(0), "fix": fix, "count": 1}, expected=fix, actual=m.group(0))
    at = [m for m in (_AFTER.match(text, x) for x in kinds.get("after", ())) if m
          and _glued(text, m) and not _in_code(text, m.start())]
    if at:
        yield _spaces(b, at, "after", lambda m: _around(text, m.end(), m.end(), " "))


_CAPS_BEFORE = re.compile(r"[A-ZĐÀ-ỸÂĂÊÔƠƯ]{2,}[…).]*$")


def _layout(text: str, s: int, e: int) -> bool:
    """Spaces after a word in capitals, before a parenthesis or another capital: the layout of a
    heading or a signature in a form ("CHÁNH VĂN PHÒNG  (chữ ký)")."""
    return (e < len(text) and (text[e] == "(" or text[e].isupper())
            and bool(_CAPS_BEFORE.search(text, max(0, s - 12), s)))


def _blank_field(text: str, at: int) -> bool:
    return bool(_BLANK_FIELD.search(text, max(0, at - 24), at))


def _word_before(text: str, at: int, also: str | frozenset) -> bool:
    """A letter, a digit or one of `also` right before `at`."""
    return at > 0 and (bool(_WORDISH.match(text, at - 1)) or text[at - 1] in also)


def _glued(text: str, m: re.Match) -> bool:
    at = m.start()
    if m.group(1):  # a comma or semicolon: a letter must come before it
        return at > 0 and text[at - 1].isalpha()
    return bool(_LOWER2.search(text, max(0, at - 2), at))  # a full stop after a lower-case word


def _mostly_capitals(text: str) -> bool:
    """A line in capitals (a signature block, a heading of a form): its spaces are layout."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _after_sentence(text: str, at: int) -> bool:
    """Two spaces after the full stop that ends a sentence: a typing habit, not a typo."""
    return text[:at].rstrip()[-1:] in ".!?:"


def _in_code(text: str, at: int) -> bool:
    """Inside a web or e-mail address, a document symbol or a number ("a,b" in "gov.vn,abc")."""
    s, e = token_span(text, at)
    token = text[s:e]
    return any(c in token for c in "@/\\=_") or "www" in token or "http" in token


def _around(text: str, s: int, e: int, replacement: str) -> tuple[int, int, str]:
    """(start, end, corrected) for the words around text[s:e] with text[s:e] replaced."""
    a, z = token_span(text, s, e)
    return a, z, text[a:s] + replacement + text[e:z]


def _spaces(b: Block, hits: list, variant: str, span) -> Finding:
    a, z, fixed = span(hits[0])
    return Finding(b, a, z, variant=variant, args={"text": b.text[a:z], "fix": fixed, "count": len(hits)},
                   expected=fixed, actual=b.text[a:z])


# --- TX011 style list -----------------------------------------------------------------------------

@dataclass(slots=True, kw_only=True)
class StyleParams:
    """The style list (`rules/data/NAME.yaml`); a configuration's `style-list` adds to it."""

    __pydantic_config__ = FORBID
    table: str = "style_list"


@dataclass(slots=True)
class StyleEntry:
    wrong: str
    right: str
    case: bool = True  # match the case exactly (units: "Kwh"), else any case ("sát nhập")
    after_number: bool = False  # only right after a figure ("10 Ha")
    unless_mixed: bool = False  # silent when the document also writes `right` (TX003 reports the mix)
    pattern: re.Pattern = field(init=False)

    def __post_init__(self) -> None:
        core = re.escape(self.wrong)
        # (No look-behind first: the engine then skips to where the form's first letter occurs; the
        # letter before a match is tested by hand in `StyleList.run`.)
        before = r"\d\s?" if self.after_number else ""
        self.pattern = re.compile(rf"{before}{core}(?![\w])", 0 if self.case else re.IGNORECASE)


_ENTRIES: dict[tuple, list[StyleEntry]] = {}


def style_entries(table: str, extra: dict[str, str] | None) -> list[StyleEntry]:
    """The entries of the data table and of the configuration's `style-list` (which wins)."""
    key = (table, tuple(sorted((extra or {}).items())))
    found = _ENTRIES.get(key)
    if found is None:
        from ..rules import load_data_table

        rows = load_data_table(table).get("entries", [])
        by_wrong = {r["wrong"]: StyleEntry(r["wrong"], r["right"], r.get("case", True), r.get("after_number", False),
                                           r.get("unless_mixed", False)) for r in rows}
        for wrong, right in (extra or {}).items():
            by_wrong[wrong] = StyleEntry(wrong, right, True)
        found = _ENTRIES[key] = [e for e in by_wrong.values() if e.wrong != e.right]
    return found


@register("style-list")
class StyleList(Check):
    """A form the style list replaces with the preferred one ("quí" → "quý", "Kwh" → "kWh")."""

    Params = StyleParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        entries = style_entries(self.params.table, doc.meta.get("style_list"))
        if not entries:
            return
        blocks, joined, starts = joined_body(ctx)
        low = joined_lower(ctx)
        vocabulary = document_vocabulary(ctx)
        for e in entries:
            if not all(new_convention(w.lower()) in vocabulary for w in WORD.findall(e.wrong)):
                continue  # (the set of the document's words rules most entries out at once)
            if (e.wrong not in joined) if e.case else (e.wrong.lower() not in low):
                continue
            if e.unless_mixed and e.right.lower() in low and re.search(
                    rf"(?<![\w]){re.escape(e.right)}(?![\w])", joined, re.IGNORECASE):
                continue
            for m in e.pattern.finditer(joined):
                if not e.after_number and m.start() and (joined[m.start() - 1].isalnum() or joined[m.start() - 1] == "_"):
                    continue  # inside a word
                i = bisect_right(starts, m.start()) - 1
                b = blocks[i]
                if b.legacy_encoding:
                    continue
                written = m.group(0).lstrip("0123456789").strip()
                s = m.end() - len(written) - starts[i]
                fix = _like(written, e.right) if not e.case else e.right
                yield Finding(b, s, s + len(written), args={"text": written, "fix": fix}, expected=fix, actual=written)


def _like(written: str, right: str) -> str:
    return right[:1].upper() + right[1:] if written[:1].isupper() and not right[:1].isupper() else right


# --- TX012 garbled text ---------------------------------------------------------------------------

# UTF-8 read as Windows-1252/Latin-1 ("Bá»™", "Ä‘á»“ng", "Ã¡"), lost letters ("Vi?t Nam", "Ph??ng"),
# and the replacement character of a failed decoding.
_MOJIBAKE = re.compile("á[º»][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
                       "|Ã[\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
                       "|Ä[\u0080-\u00bf\u2018\u2019]|Æ[°¯]|Å[©¨]|â€[™œ\u009d“”˜¦¢\u2122]")
_LOST = re.compile(rf"(?<=[{_L}])\?+(?=[{_L}])|\?{{2,}}(?=[{_L}])|(?<=[{_L}])\?{{2,}}")
_REPLACEMENT = re.compile("\ufffd+")
_MARKS = ("?", "\ufffd", "á»", "áº", "Ã", "Ä", "Æ", "Å", "â€")


@register("garbled-text")
class GarbledText(Check):
    """Letters replaced by "?" or by mojibake (a copy pasted through the wrong encoding), or by the
    replacement character: one finding for each run of garbled paragraphs, at its first place."""

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        joined = joined_body(ctx)[1]
        if not any(mark in joined for mark in _MARKS):
            return
        run_open = False
        for b in doc_body_blocks(ctx):
            if b.legacy_encoding:
                run_open = False
                continue
            hit = _garbled(b.text)
            if hit is None:
                run_open = False
                continue
            if not run_open:
                s, e, kind = hit
                yield Finding(b, s, e, variant=kind, args={"text": b.text[s:e]})
            run_open = True


def _garbled(text: str) -> tuple[int, int, str] | None:
    m = _MOJIBAKE.search(text)
    if m:
        return (*_word_span(text, m.start(), m.end()), "mojibake")
    m = _REPLACEMENT.search(text)
    if m and text[:m.start()].strip():  # not a mark a text export put at the start of a note
        return (*_word_span(text, m.start(), m.end()), "lost")
    if "?" not in text:
        return None
    lost = [m for m in _LOST.finditer(text) if not _in_code(text, m.start())]
    if len(lost) >= 2 or any("??" in m.group(0) for m in lost):
        return (*_word_span(text, lost[0].start(), lost[0].end()), "lost")
    return None


def _word_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    while e < len(text) and not text[e].isspace():
        e += 1
    return s, e
