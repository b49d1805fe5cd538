"""Bounds in words against the figures they summarise, in the same sentence:

- a sum stated with the bound: "gần 2.000 người tham gia (1.250 đoàn viên, 820 hội viên)", "hơn 4,5 tỷ đồng,
  gồm: ngân sách 2,1 tỷ đồng, xã hội hóa 2,2 tỷ đồng" (every item of the list with its figure);
- a ratio beside a bound on a percentage: "đạt trên 30% (125/380 hồ sơ)", "125/380 hồ sơ, đạt trên 30%";
- "gấp N lần" against the two values it compares: "đạt 120 tỷ đồng, gấp 1,2 lần cùng kỳ (100 tỷ đồng)", "120 tỷ
  đồng (cùng kỳ: 100 tỷ đồng), gấp 1,2 lần", "tăng từ 100 lên 120 tỷ đồng, gấp 1,2 lần".

"trên" between two figures ("125 hồ sơ trên 380 hồ sơ", "2 bác sĩ trên 1.000 dân") says "out of" or "per", and
"hơn" after a comparative ("cao hơn 5%") a difference: neither is a bound. A bound that is a target or a norm
("phấn đấu đạt trên 30%") has no figures to summarise. A contradiction is a warning: the words are loose.
"""

import re
from typing import Iterator

from ..blocks import BlockFigures, prose_figures
from ..compared import (CLOSE, EARLIER_LABEL, REF, figures_after, figures_before, from_to,
                        through_close, value_before)
from ..model import Candidate, WordBound
from ..operands import addable, operand, usable
from ..words import approx_before, is_change, is_conditional

# the bound words and what they bound; "chưa đến/chưa tới" is "dưới"
_BOUND = re.compile(r"(?<!\w)(trên|hơn|gần|dưới|chưa đến|chưa tới)\s+$", re.I)
_WORD = {"trên": "trên", "hơn": "hơn", "gần": "gần", "dưới": "dưới", "chưa đến": "dưới", "chưa tới": "dưới"}
# "cao hơn 5%", "nhiều hơn 30 hộ": a comparison, not a bound
_COMPARATIVE = re.compile(r"(?<!\w)(?:cao|thấp|nhiều|ít|lớn|nhỏ|tăng|giảm|sớm|muộn|chậm|nhanh|lâu)\s+$", re.I)
# a figure right before "trên" with nothing but its noun between ("125 hồ sơ trên", "2 bác sĩ trên")
_FIGURE_BEFORE = re.compile(r"\d[^\d,;.()]{0,25}$")
_WORDS_TO_PAREN = re.compile(r"(?:\s+[^\W\d_]+){0,6}\s*\(\s*", re.I)
# a bracket that names some of the whole, or compares it: its figures do not add up to it
_PARTIAL = re.compile(r"(?:trong đó|trong số đó|có|riêng|chiếm|tăng|giảm|so với|bằng|đạt|gấp|khoảng|trên|hơn|gần"
                      r"|dưới|tính đến|năm|tháng|hiện nay|hiện|cùng kỳ|kế hoạch|chỉ tiêu|mục tiêu|dự kiến)(?!\w)", re.I)
_COMPLETE_LIST = re.compile(r"(?:\s+[^\W\d_]+){0,6}\s*,?\s*(?:bao gồm|gồm có|gồm|cụ thể(?:\s+như sau)?|chia ra)"
                            r"\s*:?\s*",
                            re.I)
# "125/380 hồ sơ, đạt trên 30%", "125/380 hồ sơ (đạt trên 30%)"
_RATIO_TO_RATE = re.compile(r"\s*[,(]?\s*(?:(?:[^\W\d_]+\s+){0,3}?)(?:đạt|chiếm|bằng)\s+(?:tỷ lệ\s+|tỉ lệ\s+)?"
                            r"(?:là\s+)?$",
                            re.I)
_GAP = re.compile(r"(?<!\w)(?:(?:cao|lớn|nhiều)\s+)?gấp\s+$", re.I)
_TIMES_UP = re.compile(r"(?<!\w)tăng\s+gấp\s+$", re.I)
# "gấp 1,2 lần [so với] cùng kỳ (100 tỷ đồng)", "gấp 1,2 lần so với cùng kỳ năm trước là 100 tỷ đồng",
# "gấp 1,2 lần (100 tỷ đồng)"
_TIMES_BASE = re.compile(r"\s*(?:so\s+với\s+)?(?:" + REF + r"\s*)?(?:\(\s*(?:" + REF + r"\s*(?:là\s*)?:?\s*)?"
                         r"|(?<=\S)\s*(?:là|:)\s*)", re.I)


def find(doc, ctx) -> Iterator[Candidate]:
    for bf in prose_figures(doc, ctx):
        figs = bf.figs
        text = bf.text
        for k, f in enumerate(figs):
            if f.kind == "quantity" and f.unit == "lần":
                if "gấp" in text[max(0, f.start - 12):f.start]:
                    yield from _times(bf, k, f)
                continue
            if f.kind not in ("quantity", "percent") or f.number.malformed:
                continue
            word = _bound_word(bf, f)
            if word is None:
                continue
            yield from _summarised(bf, k, f, word)


def _bound_word(bf: BlockFigures, f) -> str | None:
    """The bound word right before the figure, when it states a bound of a result."""
    text = bf.text
    m = _BOUND.search(text, max(0, f.start - 12), f.start)
    if not m:
        return None
    word = _WORD[" ".join(m.group(1).lower().split())]
    if word == "hơn" and _COMPARATIVE.search(text, max(0, m.start() - 8), m.start()):
        return None
    if word == "trên" and _FIGURE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return None
    if is_change(text, m.start()) or is_conditional(text, f.start, bf.sentence_span(bf.sentence_of(f.start))[0]):
        return None
    return word


def _summarised(bf: BlockFigures, k: int, f, word: str) -> Iterator[Candidate]:
    """The figures the bound summarises: a bracket after it, a complete list after it, a ratio before it."""
    text = bf.text
    block = bf.block
    stated = _stated(bf, f)
    percent = f.kind == "percent"
    m = _WORDS_TO_PAREN.match(text, f.end)
    if m:
        at = text.rfind("(", f.end, m.end())
        paren = bf.paren_of(at + 1)
        if paren is not None and paren[0] == at and not _PARTIAL.match(text, m.end()):
            inner = [g for g in bf.figs_in(paren[0], paren[1]) if g.kind not in ("link", "period")
                     and bf.paren_of(g.start) == paren]
            rel = _from_bracket(bf, f, stated, word, inner, percent, paren)
            if rel is not None:
                yield Candidate("word-bound", "clause", rel, False, (block, f.start, paren[1]), [],
                                ((block.index, f.start),))
                return
    if not percent:
        m = _COMPLETE_LIST.match(text, f.end)
        if m and bf.paren_of(f.start) is None:
            parts = _list_parts(bf, f, m.end())
            if parts:
                rel = WordBound(stated, word, operand(block, parts[0]), more=[operand(block, g) for g in parts[1:]])
                yield Candidate("word-bound", "sentence", rel, False, (block, f.start, parts[-1].end), [],
                                ((block.index, f.start),))
        return
    before = figures_before(bf, k, 1, ("link", "period"))
    r = bf.figs[before[0]] if before else None
    if r is not None and r.kind == "ratio" and _RATIO_TO_RATE.search(text, r.end, _bound_start(bf, f)):
        if bf.paren_of(r.start) is None or bf.paren_of(r.start) == bf.paren_of(f.start):
            rel = _ratio_bound(bf, stated, word, r)
            if rel is not None:
                yield Candidate("word-bound", "clause", rel, False, (block, r.start, f.end), [],
                                ((block.index, f.start),))


def _bound_start(bf: BlockFigures, f) -> int:
    m = _BOUND.search(bf.text, max(0, f.start - 12), f.start)
    return m.start() if m else f.start


def _stated(bf: BlockFigures, f):
    return operand(bf.block, f.number) if f.kind == "percent" else operand(bf.block, f)


def _ratio_bound(bf: BlockFigures, stated, word: str, r) -> WordBound | None:
    if r.num.malformed or r.den.malformed:
        return None
    num, den = operand(bf.block, r.num), operand(bf.block, r.den)
    num.unit = den.unit = r.noun
    return WordBound(stated, word, num, percent=True, base=den)


def _from_bracket(bf: BlockFigures, f, stated, word: str, inner: list, percent: bool, paren) -> WordBound | None:
    """The bracket's figures as what the bound summarises: a ratio for a bound on a percentage, figures of the
    bound's kind for a bound on a quantity — parts that add up, or one figure alone in the bracket ("hơn 4,5
    tỷ đồng (4.520 triệu đồng)"; with words beside it, one figure is a part: "(ngân sách 2,1 tỷ đồng)")."""
    if not inner:
        return None
    if len(inner) == 1 and bf.text[paren[0] + 1:paren[1] - 1].strip() != inner[0].text:
        return None
    if percent:
        if len(inner) != 1:
            return None
        g = inner[0]
        return _ratio_bound(bf, stated, word, g) if g.kind == "ratio" else None
    text = bf.text
    for g in inner:
        if g.kind != "quantity" or not usable(g) or not addable(g.unit, f.unit):
            return None
        if is_change(text, g.start) or approx_before(text, g.start):
            return None
    ops = [operand(bf.block, g) for g in inner]
    return WordBound(stated, word, ops[0], more=ops[1:])


_ITEM_CUT = re.compile(r"[;,]")
LIST_REACH = 600  # characters: a longer list after a bound is not read


def _list_parts(bf: BlockFigures, f, start: int) -> list:
    """The figures of a complete list after the bound ("gồm: A 2,1 tỷ đồng, B 2,2 tỷ đồng"), one per item (items
    end at ";" or ",", outside brackets and figures), to the sentence's end (a list of "," items ends at ";");
    none when an item has no figure of the bound's kind, or more than one."""
    text = bf.text
    end = bf.sentence_span(bf.sentence_of(start))[1]
    figs = bf.figs_in(start, min(end, start + LIST_REACH + 1))
    spans = [(g.start, g.end) for g in figs]
    cuts = []
    for m in _ITEM_CUT.finditer(text, start, min(end, start + LIST_REACH + 1)):
        at = m.start()
        if bf.paren_of(at) is None and not any(a <= at < b for a, b in spans if a <= at):
            if text[at] == ";" and cuts and text[cuts[-1]] == ",":
                end = at  # "gồm: A 2,1 tỷ đồng, B 2,2 tỷ đồng; …": the list of "," items ends here
                break
            cuts.append(at)
    if end - start > LIST_REACH:
        return []
    mine = [g for g in figs if g.end <= end and g.kind == "quantity" and bf.paren_of(g.start) is None
            and addable(g.unit, f.unit)]
    if len(mine) < 2:
        return []
    bounds = [start] + [c for c in cuts if c < end] + [end]
    items = [(a, b) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip(" ;,.")]
    parts = []
    for a, b in items:
        here = [g for g in mine if a <= g.start < b]
        if len(here) != 1:
            return []
        g = here[0]
        if not usable(g) or is_change(text, g.start) or approx_before(text, g.start):
            return []
        parts.append(g)
    return parts


_TO_TIMES = re.compile(r"\s*\)?\s*[,(]?\s*(?:(?:cao|lớn|nhiều)\s+)?gấp\s+$", re.I)


def _times(bf: BlockFigures, k: int, f) -> Iterator[Candidate]:
    """"gấp N lần": the value before it over the value it is compared with."""
    text = bf.text
    if f.number.malformed or not _GAP.search(text, max(0, f.start - 14), f.start) \
            or _TIMES_UP.search(text, max(0, f.start - 14), f.start):
        return  # "tăng gấp 2 lần" reads as ×2 and as ×3
    block = bf.block
    pair = None
    before = [bf.figs[j] for j in figures_before(bf, k, 2, ("link", "period"))]
    if len(before) == 2 and _TO_TIMES.fullmatch(text, before[-1].end, f.start):
        first, second = before
        m = EARLIER_LABEL.match(text, first.end)
        if m and m.end() == second.start and CLOSE.match(text, second.end) and _kin(first, second):
            pair = first, operand(block, second)  # "120 tỷ đồng (cùng kỳ: 100 tỷ đồng), gấp 1,2 lần"
        elif second.kind == "quantity":
            pair = from_to(bf, first, second, second.unit)  # "từ 100 lên 120 tỷ đồng, gấp 1,2 lần"
    if pair is None:
        # "gấp 1,2 lần cùng kỳ (100 tỷ đồng)", "gấp 1,2 lần so với cùng kỳ năm trước là 100 tỷ đồng"
        nxt = next(iter(figures_after(bf, k, 1, ("link", "period"))), None)
        m = nxt is not None and _TIMES_BASE.fullmatch(text, f.end, nxt.start)
        if m and nxt.kind == "quantity" and usable(nxt) and ("(" not in m.group() or CLOSE.match(text, nxt.end)):
            value = value_before(bf, k, nxt.unit)
            if value is not None and value[1] and _kin(value[0], nxt):
                pair = value[0], operand(block, nxt)
    if pair is None:
        return
    later, earlier = pair
    rel = WordBound(operand(block, f), "gấp", operand(block, later), base=earlier)
    span = (min(later.start, earlier.start, f.start), through_close(text, max(f.end, later.end, earlier.end)))
    yield Candidate("word-bound", "clause", rel, False, (block, *span), [], ((block.index, f.start),))


def _kin(a, b) -> bool:
    return a.kind == "quantity" and b.kind == "quantity" and usable(a) and usable(b) and addable(a.unit, b.unit) \
        and a.unit != "lần"
