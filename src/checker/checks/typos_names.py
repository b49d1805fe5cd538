"""One name, two spellings (TX010): a proper name written with other marks or other capitals in one
place than in the rest of the document ("Vinh Phong" once, "Vĩnh Phong" three times; "tân Phước Hưng"
among "Tân Phước Hưng"), and the names of bodies whose capitals differ from the form of Nghị định
30/2020/NĐ-CP, Phụ lục II and Quy định 4148-QĐ/VPTW ("Ban thường vụ" → "Ban Thường vụ")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from ..document import Block, Document
from ..lexicon import VIETNAMESE_LETTERS, new_convention, old_convention, skeleton
from ..validation import FORBID
from .base import Check, Context, Finding, register
from .shared import joined_body
from .typos_tokens import opens_sentence


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
        yield from _official_capitals(ctx, self.params.table)
        yield from _spelling_variants(ctx)


# --- names written with other marks or capitals than elsewhere ------------------------------------

_UP = "".join(sorted(c for c in VIETNAMESE_LETTERS if c.isupper()))
_LOW = "".join(sorted(c for c in VIETNAMESE_LETTERS if c.islower()))
_TITLE = f"[{_UP}][{_LOW}]*"
_RUN = re.compile(f"({_TITLE}(?: {_TITLE})+)(?![{_UP}{_LOW}])")
_LETTERS = frozenset(_UP + _LOW)
_BEFORE = re.compile(f"(?<![{_UP}{_LOW}])([{_LOW}]+) $")


@dataclass(slots=True)
class _Run:
    block: Block
    start: int
    end: int
    text: str
    opens: bool  # at the start of a sentence


def _runs(ctx: Context) -> list[_Run]:
    """Runs of two or more capitalised words in one phrase ("Vĩnh Phong", "Tân Phước Hưng"), found by
    one scan of the body text."""
    from ..lexicon import lexicon

    common = lexicon().free
    blocks, joined, starts = joined_body(ctx)
    out = []
    for m in _RUN.finditer(joined):
        start, name = m.start(), m.group(1)
        if start and joined[start - 1] in _LETTERS:
            continue
        i = bisect_right(starts, start) - 1
        b, offset = blocks[i], starts[i]
        if b.legacy_encoding or b.text.isupper():
            continue
        opens = opens_sentence(b.text[:start - offset])
        head, _, rest = name.partition(" ")
        if opens and " " in rest and (head.lower() in _GENERIC or head.lower() in common):
            start, name = start + len(head) + 1, rest  # "Xã Vĩnh Phong …", "Tại Vĩnh Phong …"
        elif head.lower() in _GENERIC and " " in rest:
            start, name = start + len(head) + 1, rest  # "Thị Trấn …" written with a capital
        out.append(_Run(b, start - offset, m.end() - offset, name, opens))
    return out


def _spelling_variants(ctx: Context) -> Iterable[Finding]:
    from ..lexicon import lexicon

    runs = _runs(ctx)
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


def _official(table: str) -> tuple[re.Pattern, dict[str, list[tuple[str, str]]], frozenset[str]]:
    """(a pattern of the names' first words capitalised, first word -> [(lower-case name, name)] longest
    first, the names that need a qualifier)."""
    found = _PATTERNS.get(table)
    if found is None:
        from ..rules import load_data_table

        data = load_data_table(table)
        names, qualified = data.get("names", []), data.get("qualified", [])
        by_head: dict[str, list[tuple[str, str]]] = {}
        for n in [*names, *qualified]:
            low = new_convention(n.lower())
            by_head.setdefault(low.split(" ", 1)[0], []).append((low, n))
        for v in by_head.values():
            v.sort(key=lambda x: -len(x[0]))
        heads = set()
        for h in by_head:
            for form in (h, old_convention(h)):
                heads.add(form[0].upper() + form[1:])
        pattern = re.compile("(?:" + "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True)) + ") ")
        found = _PATTERNS[table] = (pattern, by_head, frozenset(new_convention(n.lower()) for n in qualified))
    return found


_QUALIFIER = re.compile(r" +(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]|\d)")


def _shape(text: str) -> tuple[bool, ...]:
    return tuple(w[:1].isupper() for w in text.split())


def _official_capitals(ctx: Context, table: str) -> Iterable[Finding]:
    pattern, by_head, qualified = _official(table)
    blocks, joined, starts = joined_body(ctx)
    found: dict[str, list] = {}  # written form -> [block, start, end, count, right]
    for m in pattern.finditer(joined):
        s = m.start()
        if s and joined[s - 1] in _LETTERS:
            continue
        head = new_convention(joined[s:m.end() - 1].lower())
        for low, right in by_head.get(head, ()):
            e = s + len(low)
            written = joined[s:e]
            if new_convention(written.lower()) != low or (e < len(joined) and joined[e] in _LETTERS):
                continue
            if written.isupper() or _shape(written) == _shape(right):
                break  # a heading, or written right
            if low in qualified and not _QUALIFIER.match(joined, e):
                break  # "Ban tổ chức hội thi": an ad hoc committee, not "Ban Tổ chức Tỉnh ủy"
            i = bisect_right(starts, s) - 1
            if blocks[i].legacy_encoding:
                break
            if written in found:
                found[written][3] += 1
            else:
                found[written] = [blocks[i], s - starts[i], e - starts[i], 1, right]
            break
    for written, (block, s, e, count, right) in found.items():
        head = written.split()[0]
        fix = right if head == right.split()[0] else head + right[len(right.split()[0]):]
        if new_convention(written.lower()) != written.lower():
            fix = old_convention(fix)  # keep the document's tone placement ("Đảng uỷ")
        yield Finding(block, s, e, variant="official",
                      args={"text": written, "fix": fix, "count": count, "other_count": 0},
                      expected=fix, actual=written)
