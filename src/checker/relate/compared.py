"""Comparisons with an earlier value, as the finders of changes and of bounds in words read them: the words
that name the period compared with ("so với cùng kỳ năm trước", "(cùng kỳ: …)"), "từ A lên B", and the figure
a change is about."""

import re

from .blocks import BlockFigures
from .operands import addable, operand, usable
from .words import approx_before, is_change

# the period compared with: "cùng kỳ [năm trước|năm 2024]", "tháng trước", "đầu năm", …
REF = (r"(?:cùng kỳ|cùng thời điểm|kỳ trước|tháng trước|quý trước|năm trước|đầu năm|đầu nhiệm kỳ|năm \d{4})"
       r"(?:\s+(?:năm\s+)?(?:trước|\d{4}))?")
# "209 vụ (cùng kỳ: 155 vụ)": the label of the earlier value in the bracket after the value
EARLIER_LABEL = re.compile(r"\s*\(\s*" + REF + r"\s*(?:là\s*)?:?\s*", re.I)
CLOSE = re.compile(r"\s*\)")
# "từ 155 vụ lên 209 vụ": the earlier value after "từ", the later after "lên/xuống (còn)"
FROM = re.compile(r"(?<!\w)từ\s+$", re.I)
TO = re.compile(r"\s*(?:lên|xuống còn|xuống|còn)\s+", re.I)
def through_close(text: str, end: int) -> int:
    """`end`, or past the bracket that closes right after it: a finding's place takes in its bracket whole."""
    m = CLOSE.match(text, end)
    return m.end() if m else end


# figures that are not values: links, periods, dates
SKIPPED = ("link", "period", "date", "yearspan")


# how far the finders look for the figures of one relation: figures, and characters
NEAR = 8
REACH = 300


def figures_before(bf: BlockFigures, k: int, n: int, skipped=SKIPPED) -> list[int]:
    """The indices of the last `n` figures before figs[k] that are not of the skipped kinds (in text order),
    among the NEAR figures before it."""
    out: list[int] = []
    j = k - 1
    while j >= 0 and k - j <= NEAR and len(out) < n:
        if bf.figs[j].kind not in skipped:
            out.append(j)
        j -= 1
    return out[::-1]


def figures_after(bf: BlockFigures, k: int, n: int, skipped=SKIPPED) -> list:
    """The first `n` figures after figs[k] that are not of the skipped kinds, among the NEAR figures after it."""
    figs = bf.figs
    return [f for f in figs[k + 1:k + 1 + NEAR] if f.kind not in skipped][:n]


def value_before(bf: BlockFigures, k: int, unit: str | None) -> tuple[object, bool] | None:
    """The figure the change at figs[k] (its link) is about: the nearest quantity of its kind before it in its
    clause, outside brackets (or in the clause before, when its own has no figure before the change), within
    REACH characters, with whether it is the only one of its kind there. None when a change of its kind or
    another reading is in the way."""
    text = bf.text
    figs = bf.figs
    link = figs[k]
    s, _ = bf.sentence_span(bf.sentence_of(link.start))
    s = max(s, link.start - REACH)
    clause = bf.clause_of(link.start)
    in_clause = False
    for j in range(k - 1, -1, -1):
        f = figs[j]
        if f.start < s:
            return None
        if f.kind in SKIPPED or f.kind == "percent" or bf.paren_of(f.start) is not None:
            continue
        if bf.clause_of(f.start) != clause:
            if in_clause:
                return None
            clause = bf.clause_of(f.start)
            if clause != bf.clause_of(link.start) - 1:
                return None
        in_clause = True
        if f.kind != "quantity" or not addable(f.unit, unit):
            continue
        if not usable(f) or is_change(text, f.start) or approx_before(text, f.start):
            return None
        start = max(s, bf.bounds[clause - 1] + 1 if clause > 0 else 0)
        rivals = (g for g in bf.figs_in(start, f.start) if g.kind == "quantity" and addable(g.unit, unit)
                  and bf.paren_of(g.start) is None)
        return f, next(rivals, None) is None
    return None


def count_operand(bf: BlockFigures, n, unit: str | None):
    """A bare number as an operand counting `unit`: a side of "209/155", the "155" of "từ 155 lên 209 vụ"."""
    op = operand(bf.block, n)
    op.unit = unit
    return op


# a number read as a count of the word after it ("từ 155 lên 209 vụ": "155 lên")
TO_WORDS = frozenset(("lên", "xuống", "còn"))


def from_to(bf: BlockFigures, q2, q1, unit: str | None):
    """"từ 155 (vụ) lên 209 vụ": (the later figure, the earlier value as an operand of its unit), when q2 and q1
    are the two values of such a phrase and q1 is a quantity of `unit`'s kind; else None."""
    text = bf.text
    if not FROM.search(text, max(0, q2.start - 6), q2.start):
        return None
    if q1.kind != "quantity" or not usable(q1) or not addable(q1.unit, unit):
        return None
    if q2.kind == "quantity" and addable(q2.unit, q1.unit) and usable(q2):
        earlier, gap = operand(bf.block, q2), q2.end
    elif q2.kind == "number" and usable(q2):
        earlier, gap = count_operand(bf, q2, q1.unit), q2.end
    elif q2.kind == "quantity" and q2.unit.split()[0] in TO_WORDS and usable(q2):
        earlier, gap = count_operand(bf, q2.number, q1.unit), q2.number.end
    else:
        return None
    if not TO.fullmatch(text, gap, q1.start):
        return None
    return q1, earlier
