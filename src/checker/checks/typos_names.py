"""One name, two spellings (TX010): a proper name written with other marks or other capitals in one
place than in the rest of the document ("Vinh Phong" once, "Vĩnh Phong" three times; "tân Phước Hưng"
among "Tân Phước Hưng"), and the names of bodies whose capitals differ from the form of Nghị định
30/2020/NĐ-CP, Phụ lục II and Quy định 4148-QĐ/VPTW ("Ban thường vụ" → "Ban Thường vụ")."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from ..document import Block, Document
from ..lexicon import VIETNAMESE_LETTERS, new_convention, skeleton
from ..validation import FORBID
from .base import Check, Context, Finding, register
from .typos_tokens import BlockWords, document_words, opens_sentence


@dataclass(slots=True, kw_only=True)
class NameParams:
    """The official names (`rules/data/NAME.yaml`) and the generic words that precede a place name."""

    __pydantic_config__ = FORBID
    table: str = "org_names"


# Generic words written in lower case before a place name (ND30 Phụ lục II): "xã Tân Phước Hưng".
_GENERIC = frozenset("""xã phường thị trấn huyện quận thị tỉnh thành phố ấp thôn xóm bản khu tổ khóm
sông cầu đường chợ núi đảo hồ kênh rạch cồn vàm làng buôn sóc""".split())


@register("name-variants")
class NameVariants(Check):
    Params = NameParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        words = document_words(ctx)
        yield from _official_capitals(words, self.params.table)
        yield from _spelling_variants(words)


# --- names written with other marks or capitals than elsewhere ------------------------------------

_UP = "".join(sorted(c for c in VIETNAMESE_LETTERS if c.isupper()))
_LOW = "".join(sorted(c for c in VIETNAMESE_LETTERS if c.islower()))
_TITLE = f"[{_UP}][{_LOW}]*"
_RUN = re.compile(f"(?<![{_UP}{_LOW}])({_TITLE}(?: {_TITLE})+)(?![{_UP}{_LOW}])")
_BEFORE = re.compile(f"(?<![{_UP}{_LOW}])([{_LOW}]+) $")


@dataclass(slots=True)
class _Run:
    block: Block
    start: int
    end: int
    text: str
    opens: bool  # at the start of a sentence


def _runs(words: list[BlockWords]) -> list[_Run]:
    """Runs of two or more capitalised words in one phrase ("Vĩnh Phong", "Tân Phước Hưng")."""
    from ..lexicon import lexicon

    common = lexicon().free
    out = []
    for bw in words:
        text = bw.block.text
        if text.isupper():
            continue
        for m in _RUN.finditer(text):
            start, name = m.start(), m.group(1)
            opens = opens_sentence(text[:start])
            head, _, rest = name.partition(" ")
            if opens and " " in rest and (head.lower() in _GENERIC or head.lower() in common):
                start, name = start + len(head) + 1, rest  # "Xã Vĩnh Phong …", "Tại Vĩnh Phong …"
            elif head.lower() in _GENERIC and " " in rest:
                start, name = start + len(head) + 1, rest  # "Thị Trấn …" written with a capital
            out.append(_Run(bw.block, start, m.end(), name, opens))
    return out


def _spelling_variants(words: list[BlockWords]) -> Iterable[Finding]:
    from ..lexicon import lexicon

    runs = _runs(words)
    # The same name with other marks ("Vinh Phong" / "Vĩnh Phong"): the rarer form, when the other is
    # clearly the usual one (ties are left alone).
    groups: dict[str, Counter] = {}
    for r in runs:
        key = skeleton(r.text.lower())
        groups.setdefault(key, Counter())[new_convention(r.text.lower())] += 1
    by_form: dict[str, list[_Run]] = {}
    for r in runs:
        by_form.setdefault(new_convention(r.text.lower()), []).append(r)
    for key, forms in groups.items():
        if len(forms) < 2:
            continue
        (major, n_major), (minor, n_minor) = forms.most_common(2)
        if n_major < 2 or n_major <= n_minor or len(forms) > 2:
            continue
        if not _one_syllable_apart(major, minor):
            continue
        usual = by_form[major][0].text
        for r in by_form[minor]:
            s, e = r.start, r.end
            yield Finding(r.block, s, e, variant="marks",
                          args={"text": r.text, "fix": usual, "count": n_minor, "other_count": n_major},
                          expected=usual, actual=r.text)
    # A name whose first word is in lower case here and capitalised elsewhere ("tân Phước Hưng").
    titled = Counter(r.text for r in runs if not r.opens)
    common = lexicon().free
    for r in runs:
        m = _BEFORE.search(r.block.text, max(0, r.start - 12), r.start)
        if m is None:
            continue
        before = m.group(1)
        if before in _GENERIC or before in common or len(before) < 2:
            continue
        full = before[0].upper() + before[1:] + " " + r.text
        if titled.get(full, 0) >= 1:  # the name is written with its capital elsewhere
            s, e = m.start(1), r.end
            written = r.block.text[s:e]
            yield Finding(r.block, s, e, variant="capitals",
                          args={"text": written, "fix": full, "count": 1, "other_count": titled[full]},
                          expected=full, actual=written)


def _one_syllable_apart(a: str, b: str) -> bool:
    pa, pb = a.split(" "), b.split(" ")
    return len(pa) == len(pb) and sum(x != y for x, y in zip(pa, pb)) == 1


# --- the capitals of official names ---------------------------------------------------------------

_PATTERNS: dict[str, tuple[re.Pattern, dict[str, str]]] = {}


def _official(table: str) -> tuple[re.Pattern, dict[str, str]]:
    found = _PATTERNS.get(table)
    if found is None:
        from ..rules import load_data_table

        names = load_data_table(table).get("names", [])
        canon = {new_convention(n.lower()): n for n in names}
        alts = sorted(canon, key=len, reverse=True)
        pattern = re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![^\W\d_])")
        found = _PATTERNS[table] = (pattern, canon)
    return found


def _shape(text: str) -> tuple[bool, ...]:
    return tuple(w[:1].isupper() for w in text.split())


def _official_capitals(words: list[BlockWords], table: str) -> Iterable[Finding]:
    pattern, canon = _official(table)
    for bw in words:
        low = new_convention(bw.text_low)
        text = bw.block.text
        seen = set()
        for m in pattern.finditer(low):
            written = text[m.start():m.end()]
            if written in seen:
                continue  # once per paragraph
            seen.add(written)
            if not written[:1].isupper() or written.isupper():
                continue  # a generic use ("các ban thường vụ") or a heading
            right = canon[m.group(0)]
            if _shape(written) == _shape(right):
                continue
            fix = right if written.split()[0] == right.split()[0] else written.split()[0] + right[len(right.split()[0]):]
            yield Finding(bw.block, m.start(), m.end(), variant="official",
                          args={"text": written, "fix": fix, "count": 1, "other_count": 0},
                          expected=fix, actual=written)
