"""A total and its parts across sentences: "Toàn huyện có 58 sản phẩm OCOP. Trong đó: 21 sản phẩm 4 sao, 37 sản
phẩm 3 sao." The parts open the next sentence (or the next paragraph) with "Trong đó", "Cụ thể", "Gồm", "Riêng"…;
"Trong đó (có)" and "Riêng" name some of the parts (they bound the total), the others all of them.

When every part comes with its own rate against a plan ("đạt 69,57% kế hoạch") or against the same period
("giảm 7,1% so với cùng kỳ"), and so does the total, the total's rate follows from the parts' (an aggregate).
"""

import re
from typing import Iterator

from ..blocks import PROSE, BlockFigures, doc_figures
from ..model import Aggregate, Candidate, Sum
from ..operands import addable, operand, usable
from ..words import approx_before, is_change, is_conditional, opener_at, opener_reading

_LEAD = re.compile(r"[\s\-+•*]*")


def find(doc, ctx) -> Iterator[Candidate]:
    previous: BlockFigures | None = None
    for bf in doc_figures(doc, ctx):
        if bf.block.kind not in PROSE:
            previous = None
            continue
        text = bf.text
        for k in range(bf.sentences()):
            s, e = bf.sentence_span(k)
            pos = _LEAD.match(text, s).end()
            opened = opener_at(text, pos)
            if opened is None:
                continue
            word, complete, body = opened
            if k > 0:
                yield from _breakdown(bf, bf.sentence_span(k - 1), bf, (body, e), word, complete, "paragraph")
            elif previous is not None and previous.block.index == bf.block.index - 1 \
                    and previous.block.kind is bf.block.kind:
                # the parts open the next paragraph: the total is in the last sentence of the one before
                yield from _breakdown(previous, previous.last_sentence(), bf, (body, e),
                                      word, complete, "paragraph")
        previous = bf


def _main_quantities(bf: BlockFigures, span: tuple[int, int]) -> list:
    """The figures a sentence states as results: quantities outside parentheses that are not changes,
    conditions or approximations."""
    text = bf.text
    out = []
    for f in bf.quantities(*span):
        if not usable(f) or bf.paren_of(f.start) or is_change(text, f.start) or is_conditional(text, f.start, span[0]):
            continue
        out.append(f)
    return out


def _breakdown(tbf: BlockFigures, tspan, pbf: BlockFigures, pspan, word: str, complete: bool,
               scope: str) -> Iterator[Candidate]:
    totals = [f for f in _main_quantities(tbf, tspan) if not approx_before(tbf.text, f.start)]
    parts = _main_quantities(pbf, pspan)
    if not totals or not parts:
        return
    used = set()
    for total in totals:
        mine = [p for p in parts if addable(p.unit, total.unit)]
        if not mine or id(mine[0]) in used:
            continue
        rivals = [t for t in totals if t is not total and addable(t.unit, total.unit)]
        if rivals:
            continue  # two totals of one kind before the parts: which one they break down is not written
        if complete and len(mine) < 2:
            continue
        used.update(id(p) for p in mine)
        t_op = operand(tbf.block, total)
        p_ops = [operand(pbf.block, p) for p in mine]
        same_block = tbf.block is pbf.block
        anchor = (tbf.block, total.start, mine[-1].end) if same_block else (pbf.block, mine[0].start, mine[-1].end)
        related = [] if same_block else [t_op.place]
        key = (tbf.block.index, total.start, tuple((pbf.block.index, p.start) for p in mine))
        _, near, sure = opener_reading(word)
        rel = Sum(t_op, p_ops, complete=complete, sure=sure, near_whole=near)
        yield Candidate("breakdown", scope, rel, True, anchor, related, key)
        for agg in _aggregates(tbf, total, tspan, pbf, mine, pspan):
            yield Candidate("aggregate", scope, agg, False, anchor, related, key + (agg.kind,))


_PLAN_AFTER = re.compile(r"\s*(?:so với\s+)?(?:kế hoạch|KH|chỉ tiêu|dự toán|nghị quyết|mục tiêu)(?!\w)", re.I)
_GROWTH_AFTER = re.compile(r"\s*(?:so với|so)\s+(?:cùng kỳ|CK)(?!\w)", re.I)
_RATE_BEFORE = re.compile(r"(?<!\w)(đạt|tăng|giảm)\s*$", re.I)


def _rates(bf: BlockFigures, q, end: int) -> dict:
    """The rates stated for quantity q before `end` (the next quantity of its kind, or its sentence's end):
    {"plan": Number} for "đạt p% kế hoạch", {"growth": (sign, Number)} for "tăng/giảm g% so với cùng kỳ"."""
    text = bf.text
    out: dict = {}
    for f in bf.figs_in(q.end, end):
        if f.kind != "percent" or f.number.malformed:
            continue
        m = _RATE_BEFORE.search(text, max(0, f.start - 8), f.start)
        if not m:
            continue
        w = m.group(1).lower()
        if w == "đạt" and _PLAN_AFTER.match(text, f.end) and "plan" not in out:
            out["plan"] = f.number
        elif w in ("tăng", "giảm") and _GROWTH_AFTER.match(text, f.end) and "growth" not in out:
            out["growth"] = (1 if w == "tăng" else -1, f.number)
    return out


def _aggregates(tbf, total, tspan, pbf, parts, pspan) -> list[Aggregate]:
    """The total's plan or growth rate against its parts' rates, when the parts add up to the total (then they
    are all of it) and each states the same kind of rate."""
    from fractions import Fraction

    if len(parts) < 2 or any(p.unit != total.unit for p in parts):
        return []
    tol = sum(Fraction(1, 2 * 10 ** p.number.decimals) for p in parts) + Fraction(1, 2 * 10 ** total.number.decimals)
    if abs(sum(Fraction(p.number.value) for p in parts) - Fraction(total.number.value)) > tol:
        return []
    nxt = [f for f in tbf.quantities(total.end, tspan[1]) if addable(f.unit, total.unit)]
    t_rates = _rates(tbf, total, nxt[0].start if nxt else tspan[1])
    p_rates = []
    for k, p in enumerate(parts):
        end = parts[k + 1].start if k + 1 < len(parts) else pspan[1]
        p_rates.append(_rates(pbf, p, end))
    out = []
    t_op = operand(tbf.block, total)
    p_ops = [operand(pbf.block, p) for p in parts]
    if "plan" in t_rates and all("plan" in r for r in p_rates):
        out.append(Aggregate(t_op, t_rates["plan"], p_ops, [r["plan"] for r in p_rates], "plan"))
    if "growth" in t_rates and all("growth" in r for r in p_rates):
        signs = (t_rates["growth"][0],) + tuple(r["growth"][0] for r in p_rates)
        out.append(Aggregate(t_op, t_rates["growth"][1], p_ops, [r["growth"][1] for r in p_rates], "growth", signs))
    return out
