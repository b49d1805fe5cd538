"""Subsets: what was done out of what was received cannot exceed it.

- "thụ lý 12 vụ/16 bị cáo, đã giải quyết 05 vụ/08 bị cáo": 5 ≤ 12 and 8 ≤ 16;
- "phát hiện 16 vụ …, điều tra làm rõ 12 vụ": 12 ≤ 16 (a count of the same noun after a verb of outcome, in the
  same clause as the count received);
- "hỗ trợ 238 hộ, số tiền 1,12 tỷ đồng (trong đó, nguồn Hội … 02 hộ, 06 triệu đồng)": each figure of a "trong
  đó" or "có" parenthesis within the figure of its kind before it ("kỷ luật 117 đảng viên (có 44 cấp ủy viên)").

The link is inferred from the verbs, so a failure is a warning; a sentence that mentions a backlog ("tồn",
"kỳ trước chuyển sang") is left alone, since what is settled may include it.
"""

import re
from typing import Iterator

from ... import figures as F
from ..blocks import BlockFigures, doc_figures
from ..model import Bound, Candidate
from ..nouns import same_kind
from ..operands import addable, operand, usable
from ..words import is_change

_RECEIVED = re.compile(r"(?<!\w)(?:thụ lý|tiếp nhận|nhận|phát hiện|xảy ra|tổng số|kiểm tra|khởi tố|tham gia|đăng ký|"
                       r"có|triệt xóa|triệt phá)(?!\w)[^,;.()]{0,30}$", re.I)
_DONE = re.compile(r"(?<!\w)(?:giải quyết|xử lý|làm rõ|xử phạt|truy tố|xét xử|đưa ra xét xử|bắt|điều tra|hoàn thành"
                   r"|thi hành xong|kết thúc|khởi tố|đã)(?!\w)", re.I)
_BACKLOG = re.compile(r"(?<!\w)(?:tồn|kỳ trước|năm trước chuyển sang|chuyển sang|số cũ|cũ chuyển|lũy kế|luỹ kế)(?!\w)", re.I)
_SUBSET_PAREN = re.compile(r"\(\s*(?:trong đó|trong số đó|có|gồm có)(?!\w)\s*[,:]?", re.I)


def find(doc, ctx) -> Iterator[Candidate]:
    for bf in doc_figures(doc, ctx):
        text = bf.text
        units = [f.unit for f in bf.figs if f.kind == "quantity"]
        if not units:
            continue
        if "/" in text:
            yield from _pairs(bf)
        if len(set(units)) < len(units):  # an outcome within its whole needs two counts of one noun
            yield from _done_of_received(bf)
        if "(" in text:
            yield from _subset_parens(bf)


def _sentence_has_backlog(bf: BlockFigures, pos: int) -> bool:
    """The sentence holding `pos` mentions a backlog (read once per sentence)."""
    k = bf.sentence_of(pos)
    seen = bf.__dict__.setdefault("_backlog", {})
    if k not in seen:
        s, e = bf.sentence_span(k)
        seen[k] = bool(_BACKLOG.search(bf.text, s, e))
    return seen[k]


def _count_pairs(bf: BlockFigures) -> list[tuple]:
    """"12 vụ/16 bị cáo": two counts of two nouns across a slash, as (first, second)."""
    text = bf.text
    quantities = [f for f in bf.figs if f.kind == "quantity" and F.is_count_unit(f.unit) and usable(f)]
    out = []
    for a, b in zip(quantities, quantities[1:]):
        if a.unit != b.unit and re.fullmatch(r"\s*/\s*", text[a.end:b.start]):
            out.append((a, b))
    return out


def _pairs(bf: BlockFigures) -> Iterator[Candidate]:
    pairs = _count_pairs(bf)
    text = bf.text
    for (a1, b1), (a2, b2) in zip(pairs, pairs[1:]):
        if (a1.unit, b1.unit) != (a2.unit, b2.unit) or bf.sentence_of(a1.start) != bf.sentence_of(a2.start):
            continue
        if not _DONE.search(text, b1.end, a2.start) or _sentence_has_backlog(bf, a1.start):
            continue
        for whole, part in ((a1, a2), (b1, b2)):
            yield Candidate("subset", "clause", Bound(operand(bf.block, part), operand(bf.block, whole)), False,
                            (bf.block, a1.start, b2.end), [], ((bf.block.index, part.start),))


def _done_of_received(bf: BlockFigures) -> Iterator[Candidate]:
    """A count after a verb of outcome within the count of the same noun received earlier in its clause."""
    text = bf.text
    last: dict = {}
    clause = -1
    for f in bf.figs:
        if f.kind != "quantity" or not F.is_count_unit(f.unit) or not usable(f) or bf.paren_of(f.start):
            continue
        k = bf.clause_of(f.start)
        if k != clause:
            last, clause = {}, k
        prev = last.get(f.unit)
        last[f.unit] = f
        if prev is None or is_change(text, f.start) or is_change(text, prev.start):
            continue
        if not _RECEIVED.search(text, max(0, prev.start - 40), prev.start):
            continue
        if not _DONE.search(text, prev.end, f.start) or _sentence_has_backlog(bf, f.start):
            continue
        if re.search(r"/\s*$", text[max(0, f.start - 3):f.start]) or re.match(r"\s*/", text[prev.end:prev.end + 3]):
            continue  # a side of a pair: `_pairs` reads those
        yield Candidate("subset", "clause", Bound(operand(bf.block, f), operand(bf.block, prev)), False,
                        (bf.block, prev.start, f.end), [], ((bf.block.index, f.start),))
        last[f.unit] = prev  # the next outcome is an outcome of the same whole


def _subset_parens(bf: BlockFigures) -> Iterator[Candidate]:
    """"… 238 hộ, … 1,12 tỷ đồng (trong đó … 02 hộ …, 06 triệu đồng)": each kind of figure in the parenthesis
    within the figure of its kind before it, when the parenthesis holds one of that kind (more are a breakdown:
    the parts rule's)."""
    text = bf.text
    for ps, pe in bf.parens:
        if not _SUBSET_PAREN.match(text, ps) or bf.paren_of(ps) is not None:
            continue
        inner = [f for f in bf.figs if ps < f.start and f.end < pe and f.kind == "quantity" and usable(f)
                 and bf.paren_of(f.start) == (ps, pe) and not is_change(text, f.start)]
        clause_start = bf.bounds[bf.clause_of(ps) - 1] + 1 if bf.clause_of(ps) > 0 else 0
        outer = [f for f in bf.figs if clause_start <= f.start and f.end <= ps and f.kind == "quantity" and usable(f)
                 and bf.paren_of(f.start) is None and not is_change(text, f.start)]
        for f in inner:
            kin = [g for g in inner if addable(g.unit, f.unit)]
            if len(kin) != 1:
                continue
            wholes = [g for g in outer if addable(f.unit, g.unit)]
            if not wholes or (F.is_count_unit(f.unit) and not same_kind(f.unit, wholes[-1].unit)):
                continue
            whole = wholes[-1]
            if all(addable(g.unit, whole.unit) for g in inner):
                continue  # every figure of the parenthesis is of the whole's kind: the parts rule reads it
            yield Candidate("subset", "clause", Bound(operand(bf.block, f), operand(bf.block, whole)), True,
                            (bf.block, whole.start, pe), [], ((bf.block.index, f.start),))
