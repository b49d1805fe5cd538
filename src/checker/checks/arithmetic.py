"""A ratio or a pair stated with its percentage: "112/158 đảng viên, đạt 70,87%" (ratio-percent) and
"83,21/82%, đạt 101,5% chỉ tiêu" (pair-target). The figures come from the relate stage
(`checker.relate.blocks`); the arithmetic is the judge's (`checks/judge.py`)."""

import re
from dataclasses import dataclass
from typing import Iterable

from .. import figures as F
from ..document import Document
from ..issues import Severity
from ..relate.words import is_conditional
from ..relate.blocks import BlockFigures, doc_figures, doc_style, has_kind, in_paren, same_unit_scope
from ..validation import FORBID
from .base import Check, Context, Finding, register
from .judge import PctRelation, judge_percent

_APPROX_BEFORE = re.compile(r"(?:trên|dưới|gần|khoảng|hơn|xấp xỉ|tới|đến|gần như|ước|ước đạt|bình quân)\s*$", re.I)
_COMPARE_AFTER = re.compile(r"^\s*(?:so với(?!\s+(?:tổng|số\s))|so cùng kỳ)", re.I)  # ("so với tổng số …" names the base)
_TARGET_AFTER = re.compile(r"^\s*(?:so với\s+)?(?:chỉ tiêu|kế hoạch|KH|nghị quyết|mục tiêu)", re.I)


def _between_ok(bf: BlockFigures, i: int, j: int, max_chars: int = 120) -> bool:
    """Only link words between figures i and j, in one clause, close enough."""
    figs = bf.figs
    if any(not isinstance(f, F.Link) for f in figs[i + 1:j]):
        return False
    a, b = figs[i], figs[j]
    return b.start - a.end <= max_chars and same_unit_scope(bf, a.end, b.start)


def _links_between(bf: BlockFigures, i: int, j: int) -> set[str]:
    return {f.word for f in bf.figs[i + 1:j] if isinstance(f, F.Link)}


def _next_figure(bf: BlockFigures, i: int) -> int | None:
    for j in range(i + 1, len(bf.figs)):
        if not isinstance(bf.figs[j], F.Link):
            return j
    return None


def _ratio_operands(r):
    exact = F.is_count_unit(r.noun) or r.noun is None or (r.num.decimals == 0 and r.den.decimals == 0)
    return r.num, r.den, exact


@dataclass(slots=True, kw_only=True)
class LinkParams:
    """Words that tie a percentage to the ratio before it, and words that make it a change instead."""

    __pydantic_config__ = FORBID
    links: tuple[str, ...] = ("đạt", "chiếm", "tỷ lệ", "tỉ lệ", "bằng")
    excluded_links: tuple[str, ...] = ("tăng", "giảm", "vượt", "so với cùng kỳ", "so với tháng trước",
                                 "so với quý trước", "so với năm trước")
    max_gap: int = 120


def _percent_follows(bf: BlockFigures, i: int, target_cls, params: LinkParams) -> int | None:
    """Index of the figure of class target_cls that the ratio at i is stated as, or None."""
    j = _next_figure(bf, i)
    if j is None or not isinstance(bf.figs[j], target_cls):
        return None
    r, p = bf.figs[i], bf.figs[j]
    if not _between_ok(bf, i, j, params.max_gap):
        return None
    text = bf.block.text
    links = _links_between(bf, i, j)
    gap = text[r.end:p.start]
    paren = re.fullmatch(r"\s*\(\s*(?:(?:đạt|chiếm|bằng)\s+)?(?:tỷ lệ\s+)?", gap, re.I)
    if not (links & set(params.links)) and not paren:
        return None
    if links & set(params.excluded_links):
        return None
    if _APPROX_BEFORE.search(text[max(0, p.start - 12):p.start]):
        return None
    if _COMPARE_AFTER.match(text[p.end:p.end + 25]):
        return None
    return j


_NEGATED = re.compile(r"(?<!\w)(?:chưa|không)\s+(?:đạt\s+)?$", re.I)
_OPENS_EXPLANATION = re.compile(r"\s*\(\s*(?:[^\W\d_]+\s+){0,3}")


def _explained_percent(bf: BlockFigures, i: int) -> int | None:
    """The percentage a ratio in parentheses explains: "… đạt 75,2% (3.760/5.000 triệu đồng; …)" — the one
    right before the bracket, nearer by structure than a percentage after the ratio."""
    r = bf.figs[i]
    paren = in_paren(bf, r.start)
    if paren is None:
        return None
    k = i - 1
    while k >= 0 and bf.figs[k].start >= paren[0]:
        k -= 1
    if k < 0 or not isinstance(bf.figs[k], F.Percent):
        return None
    text = bf.block.text
    if not text[bf.figs[k].end:paren[0]].isspace() and bf.figs[k].end != paren[0]:
        return None
    m = _OPENS_EXPLANATION.match(text, bf.figs[k].end)
    return k if m and m.end() == r.start else None


@register("ratio-percent")
class RatioPercent(Check):
    """A ratio a/b stated with a percentage ("112/158 đảng viên, đạt 70,87%"): a/b·100 must round to it."""

    Params = LinkParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        style = doc_style(doc, ctx)
        for bf in doc_figures(doc, ctx):
            if not has_kind(bf, "percent"):  # every form below checks a stated percentage
                continue
            for i, f in enumerate(bf.figs):
                if not isinstance(f, F.Ratio):
                    continue
                # the percentage nearest by structure: one stated with the ratio in its own parenthesis or clause,
                # else the one a parenthesis explains ("đạt 75,2% (3.760/5.000 triệu đồng; …)"); a norm or a
                # condition ("trường hợp đạt 100% thì …", "chưa đạt 100%") is never the ratio's result
                j = _percent_follows(bf, i, F.Percent, self.params)
                if j is not None and in_paren(bf, bf.figs[j].start) != in_paren(bf, f.start):
                    j = None
                if j is None:
                    j = _explained_percent(bf, i)
                if j is None or is_conditional(bf.block.text, bf.figs[j].start) \
                        or _NEGATED.search(bf.block.text, max(0, bf.figs[j].start - 12), bf.figs[j].start):
                    continue
                p = bf.figs[j]
                a, b, exact = _ratio_operands(f)
                ctx.coverage.count("ratio-percent", "clause")
                found = judge_percent(PctRelation(a, b, p.number, f.start, p.end, exact), style, bf.block)
                if found:
                    yield found
            yield from self._base_and_done(bf, ctx, style)
            yield from self._plan_paren(bf, ctx, style)

    def _plan_paren(self, bf: BlockFigures, ctx: Context, style: str) -> Iterable[Finding]:
        """"gieo cấy 18.640 ha, đạt 97,08% kế hoạch (19.200 ha)": the plan stated in parentheses right after
        the reference word is the base of the percentage."""
        text = bf.block.text
        figs = bf.figs
        real = [k for k, f in enumerate(figs) if not isinstance(f, F.Link)]
        for n in range(1, len(real) - 1):
            k = real[n]
            p = figs[k]
            if not isinstance(p, F.Percent) or not isinstance(figs[k - 1], F.Link):
                continue
            if figs[k - 1].word.lower() not in ("đạt", "bằng") or text[figs[k - 1].end:p.start].strip():
                continue
            m = _PLAN_PAREN.match(text, p.end)
            q2 = figs[real[n + 1]]
            if not m or q2.start != m.end() or not isinstance(q2, F.Quantity) \
                    or not re.match(r"\s*\)", text[q2.end:q2.end + 3]):
                continue
            q1 = figs[real[n - 1]]
            if not isinstance(q1, F.Quantity) or in_paren(bf, q1.start) or q1.unit != q2.unit:
                continue
            if not same_unit_scope(bf, q1.end, p.start) or not re.fullmatch(r"[^\d()]{0,40}", text[q1.end:figs[k - 1].start]):
                continue
            ctx.coverage.count("ratio-percent", "clause")
            found = judge_percent(PctRelation(q1.number, q2.number, p.number, q1.start, q2.end + 1,
                                              F.is_count_unit(q1.unit)), style, bf.block)
            if found:
                yield found

    def _base_and_done(self, bf: BlockFigures, ctx: Context, style: str) -> Iterable[Finding]:
        """"thụ lý 1.375 vụ, giải quyết 1.117 vụ, đạt tỷ lệ 81,24%"; "được phân bổ 103,6 tỷ đồng; đã giải ngân
        67 tỷ đồng, đạt 64,69% kế hoạch": a percentage after two amounts of one unit is the second over the first.
        The ratio is not written out, so a mismatch is a warning."""
        text = bf.block.text
        figs = bf.figs
        real = [k for k, f in enumerate(figs) if not isinstance(f, F.Link)]
        for n, k in enumerate(real):
            p = figs[k]
            if not isinstance(p, F.Percent) or n < 2:
                continue
            q2, q1 = figs[real[n - 1]], figs[real[n - 2]]
            if not (isinstance(q1, F.Quantity) and isinstance(q2, F.Quantity)):
                continue
            if not in_paren(bf, q1.start) == in_paren(bf, q2.start) == in_paren(bf, p.start):
                continue  # all three in the same parentheses, or none
            if q1.unit != q2.unit and not (F.is_count_unit(q1.unit) is False and _unit_family(q1.unit) == _unit_family(q2.unit)):
                continue
            m = _BASE_LINK.fullmatch(text, q2.end, p.start)
            if not m or not (m.group(1) or m.group(2)):
                continue
            if not same_unit_scope(bf, q1.end, p.start, True) or p.start - q1.end > 200:
                continue
            if _links_between(bf, real[n - 2], k) & {"tăng", "giảm", "trong đó", "vượt", "so với cùng kỳ"}:
                continue
            if _APPROX_BEFORE.search(text[max(0, p.start - 12):p.start]) or _COMPARE_AFTER.match(text[p.end:p.end + 25]):
                continue
            lead = text[max(0, q1.start - 40):q1.start]
            if _TARGET_AFTER.match(text[p.end:p.end + 30]):
                if not _PLAN_BEFORE.search(lead):
                    continue
            elif not (m.group(2) or _TOTAL_BEFORE.search(lead) or (
                    _PLAN_BEFORE.search(lead) and _DONE_WORD.search(text, q1.end, q2.start))):
                continue
            if not same_unit_scope(bf, q1.end, q2.start) and not (
                    _PLAN_BEFORE.search(lead) and _DONE_WORD.search(text, q1.end, q2.start)):
                continue  # "Tổng thu … X; chi … Y, đạt p% dự toán": the clause after ";" is another indicator
            a, b = q2.number, q1.number
            if _TOTAL_NAMED.search(text, q1.end, q2.start):
                a, b = b, a  # "3.547.970 nhân khẩu/ tổng số 3.725.678 nhân khẩu": the second is the whole
            exact = F.is_count_unit(q1.unit)
            if q1.unit != q2.unit:
                continue  # different money units: the percentage is left to the reader
            ctx.coverage.count("ratio-percent", "clause")
            found = judge_percent(PctRelation(a, b, p.number, q1.start, p.end, exact), style, bf.block)
            if found:
                if found.severity is None:
                    found.severity = Severity.WARNING
                yield found


def _unit_family(unit):
    from ..units import family

    return family(unit)


_BASE_LINK = re.compile(r"(?:\s+[^\W\d_]+){0,3}?\s*,?\s*(?:(đạt|chiếm|bằng)\s+)?((?:tỷ|tỉ)\s+lệ\s+)?(?:là\s+)?", re.I)
_PLAN_PAREN = re.compile(r"\s*(?:so với\s+)?(?:kế hoạch|KH|dự toán|chỉ tiêu|mục tiêu)(?:\s+(?:năm|giao|vốn|tỉnh|huyện|được giao))*"
                         r"(?:\s+\d{4})?\s*\(\s*", re.I)
_DONE_WORD = re.compile(r"(?<!\w)(?:đã|giải ngân|thực hiện|hoàn thành|giải quyết|thi hành)(?!\w)", re.I)
_TOTAL_NAMED = re.compile(r"(?:/|trên)\s*(?:tổng số|tổng)\s*$", re.I)
_PLAN_BEFORE = re.compile(r"(?<!\w)(?:phân bổ|giao|kế hoạch|dự toán|chỉ tiêu|có điều kiện|phải|kiến nghị)(?!\w)[^,;.]*$", re.I)
_TOTAL_BEFORE = re.compile(r"(?<!\w)(?:thụ lý|tiếp nhận|tổng số|tổng|có điều kiện|phải|đăng ký)(?!\w)[^,;.]*$", re.I)


@register("pair-target")
class PairTarget(Check):
    """Actual/target pairs: "a/b …, đạt tỷ lệ x/y%" (a/b·100 ≈ x) and "x/y%, đạt q% chỉ tiêu" (x/y·100 ≈ q)."""

    Params = LinkParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        style = doc_style(doc, ctx)
        text_of = lambda bf: bf.block.text  # noqa: E731
        for bf in doc_figures(doc, ctx):
            if not has_kind(bf, "pair"):  # both forms need an "x/y%" pair
                continue
            for i, f in enumerate(bf.figs):
                if isinstance(f, F.Ratio):
                    j = _percent_follows(bf, i, F.Pair, self.params)
                    if j is None:
                        continue
                    pair = bf.figs[j]
                    a, b, exact = _ratio_operands(f)
                    ctx.coverage.count("pair-target", "clause")
                    found = judge_percent(PctRelation(a, b, pair.actual, f.start, pair.end, exact), style, bf.block)
                    if found:
                        found.args["stated"] = f"{pair.actual.text}%"
                        yield found
                elif isinstance(f, F.Pair):
                    j = _next_figure(bf, i)
                    if j is None or not isinstance(bf.figs[j], F.Percent) or not _between_ok(bf, i, j, 60):
                        continue
                    q = bf.figs[j]
                    if "đạt" not in _links_between(bf, i, j):
                        continue
                    if not _TARGET_AFTER.match(text_of(bf)[q.end:q.end + 30]):
                        continue
                    ctx.coverage.count("pair-target", "clause")
                    found = judge_percent(PctRelation(f.actual, f.target, q.number, f.start, q.end, False),
                                          style, bf.block)
                    if found:
                        yield found

