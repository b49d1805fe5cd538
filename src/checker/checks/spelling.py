"""Consistent spelling of one term within a document: variant spellings ("quí"/"quý"), tone-mark
placement ("hòa"/"hoà", "ủy"/"uỷ") and the capitalisation of "Nhân dân"."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Iterable

from pydantic import BaseModel, ConfigDict

from ..document import Block, Document
from .base import Check, Context, Finding, register
from .numberformat import body_blocks

_WORD = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)?", re.UNICODE)


def _words(text: str):
    return re.finditer(r"[^\W\d_]+", text)


def _report(occ: dict[str, list[tuple[Block, int, int]]], preferred: str | None = None):
    """One finding naming both forms and their counts, at the first occurrence of the rarer form."""
    forms = sorted(occ, key=lambda f: (-len(occ[f]), f))
    if len(forms) < 2:
        return None
    major, minor = forms[0], forms[1]
    if len(occ[major]) == len(occ[minor]) and preferred in (major, minor):
        major, minor = preferred, minor if preferred == major else major
    b, s, e = occ[minor][0]
    return Finding(b, s, e, args={"form": minor, "count": len(occ[minor]), "other": major,
                                  "other_count": len(occ[major])}, actual=minor, expected=major)


class VariantParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    table: str = "spelling_variants"


@register("spelling-variants")
class SpellingVariants(Check):
    Params = VariantParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        from ..rules import load_data_table

        groups = load_data_table(self.params.table).get("variants", [])
        blocks = body_blocks(doc)
        texts = [b.text for b in blocks]
        folded: list[str] | None = None
        for g in groups:
            forms = [f for f in g["forms"]]
            lower_only = g.get("case") == "lower"
            # A cheap substring test first: a block can only match where one of the forms occurs
            # (case-folded when the match ignores case: a case-insensitive match folds to the form).
            if lower_only:
                keep = [i for i, t in enumerate(texts) if any(f in t for f in forms)]
            else:
                if folded is None:
                    folded = [t.casefold() for t in texts]
                cf = [f.casefold() for f in forms]
                keep = [i for i, t in enumerate(folded) if any(f in t for f in cf)]
            if not keep:
                continue
            pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w])",
                                 0 if lower_only else re.IGNORECASE)
            occ: dict[str, list] = {}
            for b in (blocks[i] for i in keep):
                for m in pattern.finditer(b.text):
                    key = m.group(1).lower()
                    canon = next(f for f in forms if f == key)
                    occ.setdefault(canon, []).append((b, m.start(), m.end()))
            f = _report(occ, forms[0])
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


_TAIL_RE = None
_LETTER = re.compile(r"[^\W\d_]")


def _tail_words(text: str):
    """(start, end) of the words (`_words`) whose last two letters, lower-cased, are a vowel pair of
    `_OLD`/`_NEW`: found from their ending in the lower-cased text, not by visiting every word."""
    global _TAIL_RE
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: offsets would differ
        for m in _words(text):
            yield m.start(), m.end()
        return
    if _TAIL_RE is None:
        tails = sorted(set(_OLD) | set(_NEW))
        _TAIL_RE = re.compile("(?:" + "|".join(tails) + r")(?![^\W\d_])")
    letter = _LETTER.match
    for m in _TAIL_RE.finditer(low):
        s = m.start()
        while s > 0 and letter(text, s - 1):
            s -= 1
        yield s, m.end()


@register("tone-placement")
class TonePlacement(Check):
    """A word written with both tone placements ("hòa" and "hoà") in one document."""

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        occ: dict[str, dict[str, list]] = {}
        for b in body_blocks(doc):
            for start, end in _tail_words(b.text):
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
        before = sorted((c.lower() for c in spec.get("compounds_before", [])), key=len, reverse=True)
        after = [c.lower() for c in spec.get("compounds_after", [])]
        pattern = re.compile(r"(?<![\w])(" + re.escape(word) + r")(?![\w])", re.IGNORECASE)
        occ: dict[str, list] = {}
        for b in body_blocks(doc):
            text = b.text
            for m in pattern.finditer(text):
                written = m.group(1)
                prefix = text[max(0, m.start() - 60):m.start()].lower().rstrip()
                if any(prefix.endswith(c) for c in before):
                    continue
                follow = text[m.end():m.end() + 20].lower()
                if any(re.match(r"\s+" + re.escape(c) + r"(?!\w)", follow) for c in after):
                    continue
                if not prefix or prefix.endswith((".", ":", "!", "?", "-", "+", "•", "“", "\"", "(")):
                    continue  # sentence start: capitalised anyway
                if written == word:
                    form = word
                elif written == word[0].upper() + word[1:]:
                    form = written
                else:
                    continue  # "NHÂN DÂN" in a heading
                occ.setdefault(form, []).append((b, m.start(), m.end()))
        f = _report(occ, word[0].upper() + word[1:])
        if f is not None:
            yield f
