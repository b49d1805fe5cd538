"""Breakdowns within one sentence, over its clauses:

- a count followed by the list of its items: "cho chủ trương 18 trường hợp, cụ thể: bổ nhiệm lại 6; giới thiệu
  bầu 03 chức danh; bổ nhiệm 03; bổ sung cấp ủy 04" (each item's number after its label, or its first count);
- a whole named first, its parts after: "Trong 17 chỉ tiêu …, có 09 chỉ tiêu đạt …; 04 chỉ tiêu đạt …; và 04
  chỉ tiêu sẽ đánh giá vào cuối năm".

Items that name members without a number ("giới thiệu bầu Trưởng Ban, Ủy viên …") leave the sum a lower bound;
a list opened by "cụ thể" may stop early, so a shortfall is a warning.
"""

import re
from typing import Iterator

from ... import figures as F
from ..blocks import BlockFigures, prose_figures
from ..items import MAX_SPAN, heads, labelled_value, split_items
from ..model import Candidate, Sum
from ..nouns import same_kind
from ..operands import operand, usable
from ..words import approx_before

_LIST_OPENER = re.compile(r"(?<!\w)(?:cụ thể(?:\s+(?:như sau|là))?|như sau|chia ra|chi tiết)\s*:", re.I)
_WITHIN = re.compile(r"(?<!\w)trong\s+(?:tổng\s+số\s+|số\s+)?(?=\d)", re.I)
_BEFORE_OPENER = re.compile(r"[^\d;.()]{0,60}$")


def find(doc, ctx) -> Iterator[Candidate]:
    for bf in prose_figures(doc, ctx):
        text = bf.text
        if ":" in text:
            yield from _after_opener(bf)
        if "rong" in text:
            yield from _within(bf)


def _counts(bf: BlockFigures, start: int, end: int) -> list:
    return [f for f in bf.quantities(start, end) if F.is_count_unit(f.unit) and usable(f) and bf.paren_of(f.start) is None]


def _after_opener(bf: BlockFigures) -> Iterator[Candidate]:
    text = bf.text
    for m in _LIST_OPENER.finditer(text):
        if bf.paren_of(m.start()) is not None:
            continue
        clause_start = bf.bounds[bf.clause_of(m.start()) - 1] + 1 if bf.clause_of(m.start()) > 0 else 0
        before = _counts(bf, clause_start, m.start())
        if not before or not _BEFORE_OPENER.match(text, before[-1].end, m.start()):
            continue
        total = before[-1]
        if approx_before(text, total.start):
            continue  # "gần 2.000 hồ sơ, cụ thể: …": a bound, which the word-bound rule judges
        end = min(bf.sentence_span(bf.sentence_of(m.end()))[1], m.end() + MAX_SPAN)
        nxt = _LIST_OPENER.search(text, m.end(), end)
        items = split_items(bf, m.end(), nxt.start() if nxt else end)
        if len(items) < 2:
            continue
        parts, unknown, inferred = [], False, False
        for item in items:
            mine = heads(bf, item, lambda u: same_kind(u, total.unit))
            if mine:
                parts.extend(mine)
                continue
            value = labelled_value(bf, item)
            if value is None:
                other = heads(bf, item, None)
                value = other[0] if other else None
                unknown = unknown or bool(re.search(r",", text[item.start:item.end]))
            if value is None:
                unknown = True
                continue
            inferred = True
            parts.append(value)
        if len(parts) < 2:
            continue
        p_ops = [operand(bf.block, p) for p in parts]
        for op in p_ops:
            op.unit = op.unit if op.unit and same_kind(op.unit, total.unit) else total.unit
        rel = Sum(operand(bf.block, total), p_ops, complete=True, unknown=unknown)
        yield Candidate("breakdown", "sentence", rel, not inferred, (bf.block, total.start, parts[-1].end), [],
                        ((bf.block.index, total.start), tuple(p.start for p in parts)))


def _within(bf: BlockFigures) -> Iterator[Candidate]:
    """"Trong 17 chỉ tiêu …, có 09 chỉ tiêu …; 04 chỉ tiêu …; và 04 chỉ tiêu …": the parts, one per clause."""
    text = bf.text
    for m in _WITHIN.finditer(text):
        total = next((f for f in _counts(bf, m.end(), m.end() + 40) if f.start == m.end()), None)
        if total is None:
            continue
        end = min(bf.sentence_span(bf.sentence_of(total.start))[1], total.end + MAX_SPAN)
        items = split_items(bf, total.end, end)
        parts = []
        for item in items:
            mine = heads(bf, item, lambda u: u == total.unit)
            if not mine:
                parts = []  # a clause without a part: the sentence goes on about something else
                break
            parts.extend(mine)
        if len(parts) < 2:
            continue
        rel = Sum(operand(bf.block, total), [operand(bf.block, p) for p in parts], complete=True)
        yield Candidate("breakdown", "sentence", rel, True, (bf.block, total.start, parts[-1].end), [],
                        ((bf.block.index, total.start), tuple(p.start for p in parts)))
