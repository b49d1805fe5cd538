"""A change stated with its absolute value, and the values it is the difference of.

- The rate of the change: "Số người tham gia là 82.700 người, tăng 8.300 người (tăng 11,2% so với cùng kỳ)" —
  the earlier value is 82.700 − 8.300, and 8.300 is 11,2% of it; also "tăng 11,2% (tăng 8.300 người)" and
  "tăng 8.300 người, tương ứng 11,2%" (`ChangeRate`).
- The pair of values: "phát hiện 209 vụ, tăng 54 vụ (209/155)", "giảm 3 vụ so với cùng kỳ (12 vụ/15 vụ)" —
  209 − 155 = 54 with the sign "tăng" says (a "giảm" whose pair rises is an error), and the sentence's own
  value (209 vụ) is the pair's first (`Difference`, `Equal`).
- The earlier value named: "phát hiện 209 vụ, tăng 54 vụ (cùng kỳ: 155 vụ)", "209 vụ (cùng kỳ: 155 vụ), tăng
  54 vụ", "tăng 54 vụ so với cùng kỳ (155 vụ)", "tăng từ 155 lên 209 vụ (tăng 54 vụ)": 209 − 155 = 54.

The value a change is about is the nearest figure of its kind before it in its clause (or in the sentence's
clause before, when its own clause has no figure before it); when another figure of that kind stands before
it in the clause, which one changed is not written, and the value is not read. The growth rule (AR006)
already judges "Q1, tăng N (tăng x%)" with the rate right after the amount and nothing after the rate but
the bracket's end: those are left to it.
"""

import re
from fractions import Fraction
from typing import Iterator

from ..blocks import BlockFigures, prose_figures
from ..compared import (CLOSE, EARLIER_LABEL, REACH, REF, count_operand, figures_after, figures_before, from_to,
                        through_close, value_before)
from ..model import Candidate, ChangeRate, Difference, Equal
from ..operands import addable, operand, usable

_WORDS = ("tăng", "giảm")
# a rank that rises as its number falls ("xếp thứ 15/63, tăng 8 bậc"): not a difference of values
_RANKS = frozenset(("bậc", "hạng", "thứ hạng", "vị trí", "vị thứ", "thứ bậc"))
# the period compared with: "cùng kỳ [năm trước|năm 2024]", "tháng trước", "đầu năm", …
_SO_VOI = r"so\s+(?:với\s+)?" + REF
# the words between the change's link and its amount: "tăng 54 vụ", "tăng thêm 54 vụ"
_LINK_GAP = re.compile(r"\s+(?:thêm\s+)?", re.I)
# "tăng 54 vụ [so với cùng kỳ] (209/155)"
_BEFORE_PAIR = re.compile(r"\s*(?:" + _SO_VOI + r"\s*)?\(\s*", re.I)
# "tăng 54 vụ (cùng kỳ: 155 vụ)", "tăng 54 vụ so với cùng kỳ (155 vụ)", "… so với cùng kỳ năm trước là 155 vụ"
_BEFORE_EARLIER = re.compile(r"\s*(?:" + _SO_VOI + r"\s*(?:\(\s*(?:" + REF + r"\s*(?:là\s*)?:?\s*)?|là\s*:?\s*|:\s*)"
                             r"|\(\s*" + REF + r"\s*(?:là\s*)?:?\s*)", re.I)
# "209 vụ (cùng kỳ: 155 vụ), tăng 54 vụ": the label of the earlier value in the bracket after the value
CLOSE_THEN_LINK = re.compile(r"\s*\)\s*,?\s*")
# the rate after the amount: "tăng 8.300 người (tăng 11,2% so với cùng kỳ)", ", tương ứng 11,2%", ", tăng 11,2%"
_AMOUNT_THEN_RATE = re.compile(r"\s*(?:" + _SO_VOI + r"\s*)?(?:\(\s*(?:(?P<w1>tăng|giảm)\s+)?"
                               r"|,\s*(?:(?:tương ứng|tương đương)\s+(?:(?P<w2>tăng|giảm)\s+)?"
                               r"|(?P<w3>tăng|giảm)\s+))", re.I)
# the amount after the rate: "tăng 11,2% (tăng 8.300 người)", "tăng 11,2%, tương ứng tăng 8.300 người"
_RATE_THEN_AMOUNT = re.compile(r"\s*(?:" + _SO_VOI + r"\s*)?(?:\(\s*|,\s*(?:tương ứng|tương đương)\s+)$", re.I)
_RATE_END = re.compile(r"\s*(?:" + _SO_VOI + r"\s*)?(?:\)|[,;.]|$)", re.I)
# a sentence about a rate, or about poverty (whose rate is what reports give next to the count of poor
# households): its "giảm 1,2%" may be the rate's fall in points, not the count's relative change
_RATE_IN_POINTS = re.compile(r"(?<!\w)(?:tỷ lệ|tỉ lệ|nghèo|thất nghiệp)(?!\w)", re.I)
# what AR006 reads ("Q1 …, tăng N … so với cùng kỳ (giảm x%)", "…, tương ứng x%"): the amount, the rate, then
# the bracket's or the clause's end right after the rate
_GROWTH_AMOUNT_RATE = re.compile(r"\s*(?:so\s+với\s+" + REF + r"\s*)?(?:\(\s*|,\s*(?:tương ứng|tương đương)\s+)"
                                 r"(?:(tăng|giảm)\s+)?", re.I)
_GROWTH_RATE_END = re.compile(r"\s*[).,;]|\s*$")


def find(doc, ctx) -> Iterator[Candidate]:
    for bf in prose_figures(doc, ctx):
        text = bf.text
        if "tăng" not in text and "giảm" not in text and "Tăng" not in text and "Giảm" not in text:
            continue
        figs = bf.figs
        for k, link in enumerate(figs):
            if link.kind != "link" or link.word not in _WORDS or k + 1 >= len(figs):
                continue
            d = figs[k + 1]
            if d.kind == "quantity" and usable(d) and d.unit not in _RANKS \
                    and _LINK_GAP.fullmatch(text, link.end, d.start):
                yield from _amount(bf, k, link, d)


def _amount(bf: BlockFigures, k: int, link, d) -> Iterator[Candidate]:
    """The relations of one change "tăng|giảm N": its pair, its earlier value, its rate."""
    nxt = next(iter(figures_after(bf, k + 1, 1)), None)
    found = False
    for reader in (_pair, _earlier_after, _earlier_before, _from_to):
        for c in reader(bf, k, link, d, nxt):
            found = True
            yield c
        if found:
            break
    yield from _rate(bf, k, link, d, nxt)


def _pair(bf: BlockFigures, k: int, link, d, nxt) -> Iterator[Candidate]:
    """"tăng 54 vụ (209/155)", "giảm 3 vụ so với cùng kỳ (12 vụ/15 vụ)". A bracketed a/b after a change may say
    something else ("tăng 5 trường (24/26 xã)"), so it is read as the two values compared only when the text
    says so: the comparison named before it, the sentence's own value as one side, or a − b = ±N."""
    text = bf.text
    m = nxt is not None and nxt.kind == "ratio" and _BEFORE_PAIR.fullmatch(text, d.end, nxt.start)
    if not m or not CLOSE.match(text, nxt.end) or (nxt.noun and not addable(nxt.noun, d.unit)):
        return
    a, b = nxt.num, nxt.den
    if a.malformed or b.malformed:
        return
    block = bf.block
    unit = nxt.noun or d.unit
    a_op, b_op = count_operand(bf, a, unit), count_operand(bf, b, unit)
    value = value_before(bf, k, d.unit)
    q1 = value[0] if value is not None and value[1] else None
    sides = q1 is not None and q1.unit == unit and q1.number.value in (a.value, b.value)
    if sides and q1.number.value == b.value != a.value:
        a_op, b_op = b_op, a_op  # "(155/209)": the earlier value first, as the sentence's value shows
    if not (sides or m.group().lstrip().lower().startswith("so") or _differ_by(a, b, d, unit)):
        return
    anchor = (block, d.start, through_close(text, nxt.end))
    yield Candidate("change", "clause", Difference(a_op, b_op, operand(block, d), link.word), True, anchor, [],
                    ((block.index, nxt.start),))
    if q1 is not None and not sides and q1.unit == unit:
        yield Candidate("change", "clause", Equal(operand(block, q1), [a_op]), False,
                        (block, q1.start, through_close(text, nxt.end)), [],
                        ((block.index, q1.start), (block.index, nxt.start)))


def _differ_by(a, b, d, unit: str | None) -> bool:
    """|a − b| is the change's amount, within the rounding of the three figures (same unit only)."""
    if d.unit != unit:
        return False
    half = sum(Fraction(1, 2 * 10 ** n.decimals) if n.decimals else 0 for n in (a, b, d.number))
    return abs(abs(Fraction(a.value) - Fraction(b.value)) - Fraction(d.number.value)) <= half


def _earlier_after(bf: BlockFigures, k: int, link, d, nxt) -> Iterator[Candidate]:
    """"tăng 54 vụ (cùng kỳ: 155 vụ)", "tăng 54 vụ so với cùng kỳ (155 vụ)", "… so với cùng kỳ là 155 vụ"."""
    text = bf.text
    if nxt is None or nxt.kind != "quantity" or not usable(nxt) or not addable(nxt.unit, d.unit):
        return
    m = _BEFORE_EARLIER.fullmatch(text, d.end, nxt.start)
    if not m:
        return
    end = nxt.end
    if "(" in m.group():
        c = CLOSE.match(text, nxt.end)
        if not c:
            return
        end = c.end()
    yield from _difference(bf, k, link, d, nxt, value_before(bf, k, d.unit), (d.start, end))


def _earlier_before(bf: BlockFigures, k: int, link, d, nxt) -> Iterator[Candidate]:
    """"209 vụ (cùng kỳ: 155 vụ), tăng 54 vụ"."""
    text = bf.text
    figs = [bf.figs[j] for j in figures_before(bf, k, 2)]
    if len(figs) < 2:
        return
    q1, q2 = figs
    if q1.kind != "quantity" or q2.kind != "quantity" or not (usable(q1) and usable(q2)):
        return
    if not addable(q1.unit, d.unit) or not addable(q2.unit, d.unit) or bf.paren_of(q1.start) is not None:
        return
    m = EARLIER_LABEL.match(text, q1.end)
    c = CLOSE_THEN_LINK.match(text, q2.end)
    if not m or m.end() != q2.start or not c or c.end() != link.start:
        return
    yield from _difference(bf, k, link, d, q2, (q1, True), (q1.start, d.end))


def _from_to(bf: BlockFigures, k: int, link, d, nxt) -> Iterator[Candidate]:
    """"tăng từ 155 lên 209 vụ (tăng 54 vụ)" (the pair before the change) and "tăng 54 vụ (từ 155 vụ lên 209
    vụ)" (after it)."""
    text = bf.text
    before = [bf.figs[j] for j in figures_before(bf, k, 2)]
    if len(before) == 2:
        q2, q1 = before
        if re.fullmatch(r"\s*[,(]\s*", text[q1.end:link.start]):
            yield from _from_pair(bf, k, link, d, q2, q1, (q2.start, d.end))
            return
    after = figures_after(bf, k + 1, 2)
    if len(after) == 2 and re.fullmatch(r"\s*\(\s*từ\s+", text[d.end:after[0].start], re.I):
        q2, q1 = after
        c = CLOSE.match(text, q1.end)
        if c:
            yield from _from_pair(bf, k, link, d, q2, q1, (d.start, c.end()))


def _from_pair(bf: BlockFigures, k: int, link, d, q2, q1, span) -> Iterator[Candidate]:
    pair = from_to(bf, q2, q1, d.unit)
    if pair is None:
        return
    later, earlier = pair
    rel = Difference(operand(bf.block, later), earlier, operand(bf.block, d), link.word)
    yield Candidate("change", "clause", rel, True, (bf.block, *span), [], ((bf.block.index, d.start),))


def _difference(bf: BlockFigures, k: int, link, d, earlier, value, span) -> Iterator[Candidate]:
    if value is None:
        return
    q1, alone = value
    if not alone:
        return
    block = bf.block
    rel = Difference(operand(block, q1), operand(block, earlier), operand(block, d), link.word)
    explicit = bf.clause_of(q1.start) == bf.clause_of(link.start)
    start = min(q1.start, span[0])
    yield Candidate("change", "clause" if explicit else "sentence", rel, explicit, (block, start, span[1]), [],
                    ((block.index, d.start),))


def _rate(bf: BlockFigures, k: int, link, d, nxt) -> Iterator[Candidate]:
    """The rate of the change: after the amount ("(tăng 11,2% so với cùng kỳ)", ", tương ứng 11,2%") or before
    it ("tăng 11,2% (tăng 8.300 người)")."""
    text = bf.text
    p, first = None, link
    if nxt is not None and nxt.kind == "percent" and not nxt.number.malformed:
        m = _AMOUNT_THEN_RATE.fullmatch(text, d.end, nxt.start)
        word = m and (m.group("w1") or m.group("w2") or m.group("w3"))
        if m and (word is None or word.lower() == link.word) and _RATE_END.match(text, nxt.end):
            if _growth_reads(bf, k, link, d, nxt):
                return
            p = nxt
    first_k = k
    if p is None:
        # "tăng 11,2% [so với cùng kỳ] (tăng 8.300 người)": the rate and its link before the amount's link
        before = [j for j in figures_before(bf, k, 3, ("period",))
                  if not (bf.figs[j].kind == "link" and bf.figs[j].word.startswith("so"))][-2:]
        if len(before) == 2:
            q, w = bf.figs[before[-1]], bf.figs[before[-2]]
            if q.kind == "percent" and not q.number.malformed and w.kind == "link" and w.word == link.word \
                    and _RATE_THEN_AMOUNT.fullmatch(text, q.end, link.start) \
                    and _RATE_END.match(text, d.end):
                p, first, first_k = q, w, before[-2]
    if p is None or _RATE_IN_POINTS.search(text, max(0, first.start - REACH), first.start):
        return
    value = value_before(bf, first_k, d.unit)
    if value is None or not value[1]:
        return
    q1 = value[0]
    block = bf.block
    rel = ChangeRate(operand(block, q1), operand(block, d), p.number, link.word)
    explicit = bf.clause_of(q1.start) == bf.clause_of(first.start)
    span = (q1.start, max(p.end, d.end))
    yield Candidate("change", "clause" if explicit else "sentence", rel, explicit, (block, *span), [],
                    ((block.index, d.start), (block.index, p.start)))


def _growth_reads(bf: BlockFigures, k: int, link, d, p) -> bool:
    """AR006 judges this change and its rate already: the amount and the rate in its pattern, and its value —
    the last figure before the change, a quantity of the amount's unit, in the clause, outside brackets, with
    no bracket between and within 60 characters of the change."""
    text = bf.text
    m = _GROWTH_AMOUNT_RATE.fullmatch(text, d.end, p.start)
    if not m or (m.group(1) and m.group(1).lower() != link.word) or not _GROWTH_RATE_END.match(text, p.end):
        return False
    before = figures_before(bf, k, 1, ("link", "percent"))
    if not before:
        return False
    q1 = bf.figs[before[0]]
    if q1.kind != "quantity" or bf.paren_of(q1.start) is not None or bf.clause_of(q1.end) != bf.clause_of(link.start):
        return False
    if "(" in text[q1.end:link.start] or link.start - q1.end > 60:
        return False
    return q1.unit == d.unit
