"""Date kinds, built on `checker.figures`: impossible dates, events dated after the report, year spans
that run backwards, periods that contradict the report's period, district-level documents after the
01/7/2025 reform."""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..document import Block, Document
from ..validation import FORBID
from .base import Check, Context, Finding, register
from .grouping import once_per_key
from .shared import block_figures, block_references, body_references, doc_body_blocks, figures_by_block
from .structure import alternation, fold, header

MONTHS = range(1, 13)


def report_point(ctx: Context) -> tuple[int, int, int | None] | None:
    """(year, month, day|None) of the report's own date line; None when there is none."""
    h = header(ctx)
    rd = h.report_date
    if rd is None or rd[1] is None:
        return None
    d, m, y = rd
    return (y, m, d)


def body_figures(ctx: Context) -> list[tuple[Block, tuple]]:
    """(block, figures) of the body blocks that hold figures, in order: found once per document for the date
    rules (most body blocks hold none, and each rule would look every one up)."""
    def compute():
        index = figures_by_block(ctx)
        return [(b, figs) for b in doc_body_blocks(ctx) if (figs := index.get(b.index))]

    return ctx.memo("dates:body figures", compute)


def report_period(ctx: Context) -> tuple[int, int, int, str] | None:
    """(year, first month, last month, text) of the period named in the subject line."""
    def compute():
        h = header(ctx)
        rp = report_point(ctx)
        periods = [f for b in h.subject_blocks for f in block_figures(ctx, b) if f.kind == "period"]
        year = rp[0] if rp else next((f.year for f in periods if f.year), None)
        for f in periods:  # the first period named is the one reported on ("tháng 10; nhiệm vụ tháng 11")
            span = period_months(f, year)
            if span:
                return (*span, f.text)
        return None

    return ctx.memo("report_period", compute)


def period_months(f, default_year: int | None) -> tuple[int, int, int] | None:
    year = f.year or default_year
    if year is None:
        return None
    k, i = f.period, f.index
    if k == "month" and i in MONTHS:
        return year, i, i
    if k == "quarter" and i in (1, 2, 3, 4):
        return year, 3 * i - 2, 3 * i
    if k == "half" and i in (1, 2):
        return (year, 1, 6) if i == 1 else (year, 7, 12)
    if k == "nine_months":
        return year, 1, 9
    if k == "year":
        return year, 1, 12
    return None


@dataclass(slots=True, kw_only=True)
class PlanParams:
    """Words and headings that make a later date a plan or a deadline, and the report types held to it."""

    __pydantic_config__ = FORBID
    # folded (no tone marks, lower case) words that make a later date a plan, a deadline or an
    # anniversary rather than an event that already happened
    future_words: tuple[str, ...] = (
        "du kien", "ke hoach", "se", "den ngay", "den", "truoc ngay", "truoc", "han", "thoi han", "cham nhat",
        "phan dau", "toi", "chuan bi", "nhan dip", "huong toi", "chao mung", "ky niem", "tu ngay",
        "bat dau", "giai doan", "nhiem ky", "nam hoc", "dinh huong", "de nghi", "dang ky", "thoi gian",
        "lich", "du thao", "nhiem vu", "giai phap", "phuong huong", "muc tieu", "chi tieu", "tiep tuc",
    )
    # folded words after the date, in its clause, that make it a deadline or a plan
    # ("Ngày 20/10/2025 là hạn chót nộp hồ sơ", "ngày 05/11/2024 sẽ tổ chức")
    future_after: tuple[str, ...] = ("se", "du kien", "han chot", "la han", "la thoi han", "het han", "theo ke hoach",
                               "ke hoach", "lich", "tiep tuc")
    plan_headings: tuple[str, ...] = ("phuong huong", "giai phap", "thoi gian toi", "(?:ky|thang|quy|nam) toi",
                                "cuoi nam", "nhiem vu", "ke hoach", "de xuat", "kien nghi")
    result_headings: tuple[str, ...] = ("ket qua", "tinh hinh", "danh gia", "han che", "nhan xet")
    # only a report states what has happened: a plan, a công văn or a tờ trình is about what will be
    type_names: tuple[str, ...] = ("BÁO CÁO",)
    type_codes: tuple[str, ...] = ("BC",)


def reports_only(ctx: Context, params: PlanParams) -> bool:
    from .structure import is_report

    return is_report(header(ctx), params.type_names, params.type_codes)


def doc_plan_blocks(ctx: Context, params: PlanParams) -> set[int]:
    """`plan_blocks(ctx.doc, params)`, once per document and set of headings (callers must not modify it)."""
    key = ("plan_blocks", tuple(params.plan_headings), tuple(params.result_headings))
    return ctx.memo(key, lambda: plan_blocks(ctx.doc, params))


_HEADING_RANK = {"roman": 1, "arabic": 2, "decimal": 3, "letter": 4}


def plan_blocks(doc: Document, params: PlanParams) -> set[int]:
    """Indices of blocks in a plan part: from a heading about tasks/proposals to the next part
    (a Roman heading) that is about results."""
    from ..headings import parse_heading

    out: set[int] = set()
    in_plan = False
    plan_level = None
    rank = _HEADING_RANK
    plan_titles, result_titles = alternation(tuple(params.plan_headings)), alternation(tuple(params.result_headings))
    for b in doc.paragraphs():
        h = parse_heading(b.text.strip())
        if h is not None and h.level in ("roman", "arabic"):
            f = fold(h.title)
            is_plan = any(p.search(f) for p in plan_titles) and not any(p.search(f) for p in result_titles)
            if is_plan:
                if not in_plan or rank[h.level] <= rank[plan_level]:
                    in_plan, plan_level = True, h.level
            elif in_plan and rank[h.level] <= rank[plan_level]:
                in_plan = False
        if in_plan:
            out.add(b.index)
    return out


@lru_cache(maxsize=64)
def _any_word(words: tuple[str, ...]) -> "re.Pattern[str]":
    r"""`\b(?:w1|w2|…)\b`: any of the (folded) words."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


_CLAUSE_STOP = re.compile(r"[.;:!?](?:\s|$)")
_FIRST_TOKEN = re.compile(r"^\S+")
_DA = re.compile(r"\bda\b")
_RANGE_AFTER = re.compile(r"^\S+\s*(?:-|–|đến|den)\s*\d")


def future_context(block: Block, start: int, words: list[str], after: list[str] = ()) -> bool:
    text = block.text
    s = max(text.rfind(". ", 0, start), text.rfind(";", 0, start), text.rfind(":", 0, start), 0)
    clause = fold(text[s:start])
    if _any_word(tuple(words)).search(clause):
        return True
    if after:
        rest = _CLAUSE_STOP.split(text[start:start + 160])[0]
        rest = fold(_FIRST_TOKEN.sub("", rest))  # the date itself out
        if _any_word(tuple(after)).search(rest) and not _DA.search(rest):
            return True
    after = fold(text[start:start + 60])
    return bool(_RANGE_AFTER.search(after))  # a range "…/2024 - …"


_HEADER_FOOTER = frozenset({"header", "footer"})
_BAD_YEAR = re.compile(r"\b[Nn]gày\s+(?P<date>(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{3}|\d{5}))(?![\d/])")
# The end of every _BAD_YEAR match, led by a "/" (quick to scan for); a 4-digit year never matches it.
_BAD_YEAR_HINT = re.compile(r"/\d{1,2}/(?:\d{3}|\d{5})(?![\d/])")


# --- DT001 impossible dates -------------------------------------------------------------------------

@register("invalid-date")
class InvalidDate(Check):
    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        index = figures_by_block(ctx)
        for b in doc_body_blocks(ctx) + [bb for bb in doc.blocks if bb.kind in _HEADER_FOOTER]:
            for f in index.get(b.index, ()):
                if f.kind == "date" and not f.valid:
                    if f.month is not None and not 1 <= f.month <= 12:
                        variant = "month"
                    else:
                        variant = "day"
                    yield Finding(b, f.start, f.end, variant=variant,
                                  args={"date": f.text, "day": f.day or "", "month": f.month or "",
                                        "year": f.year or ""})
                elif f.kind == "period" and f.period == "month" and f.index is not None and not 1 <= f.index <= 12:
                    yield Finding(b, f.start, f.end, variant="month",
                                  args={"date": f.text, "day": "", "month": f.index, "year": f.year or ""})
            # "ngày 21/9/025", "ngày 05/3/20245": a year that lost or gained a digit (not read as a date)
            if _BAD_YEAR_HINT.search(b.text) is None:
                continue
            for m in _BAD_YEAR.finditer(b.text):
                yield Finding(b, m.start("date"), m.end("date"), variant="year",
                              args={"date": m.group("date"), "day": m.group("d"), "month": m.group("m"),
                                    "year": m.group("y")})


# --- DT002 events after the report's date -----------------------------------------------------------

@register("date-after-report")
class DateAfterReport(Check):
    Params = PlanParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        rp = report_point(ctx)
        if rp is None or not reports_only(ctx, self.params):
            return
        plan = doc_plan_blocks(ctx, self.params)
        ry, rm, rd = rp
        h = header(ctx)
        for b, figs in body_figures(ctx):
            if b.index in plan or b is h.date_block:
                continue
            ref_dates = None  # the cited documents' dates, read at the block's first complete date
            for f in figs:
                if f.kind != "date" or not f.valid or f.year is None or f.month is None or f.day is None:
                    continue
                if ref_dates is None:
                    ref_dates = {(r.date_start, r.date_end) for r in block_references(ctx, b)
                                 if r.date_start is not None}
                if any(s is not None and s <= f.start + 5 and f.end <= e + 1 for s, e in ref_dates):
                    continue  # a cited document's date: RF003
                if (f.year, f.month) < (ry, rm) or ((f.year, f.month) == (ry, rm) and (rd is None or f.day <= rd)):
                    continue
                if _in_parentheses_range(b.text, f.start) or future_context(b, f.start, self.params.future_words,
                                                                             self.params.future_after):
                    continue
                report = f"{rd:02d}/{rm:02d}/{ry}" if rd else f"{rm:02d}/{ry}"
                yield Finding(b, f.start, f.end, args={"date": f.text, "report": report}, actual=f.text)


_DASH = re.compile(r"[-–]")


def _in_parentheses_range(text: str, pos: int) -> bool:
    """"(06/12/1989 - 06/12/2024)": the end of an anniversary range."""
    open_ = text.rfind("(", 0, pos)
    close = text.rfind(")", 0, pos)
    return open_ > close and _DASH.search(text, open_, pos) is not None


# --- DT003 year spans running backwards -------------------------------------------------------------

@register("year-span-order")
class YearSpanOrder(Check):
    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        for b, figs in body_figures(ctx):
            for f in figs:
                if f.kind == "yearspan" and f.last < f.first:
                    yield Finding(b, f.start, f.end, args={"span": f.text, "first": f.first, "last": f.last})
                elif f.kind == "date":
                    pass


# --- DT004 periods contradicting the report's period --------------------------------------------

@register("period-mismatch")
class PeriodMismatch(Check):
    """Results for a month or quarter that starts after the report's period (and date), outside the
    plan part; and a plan heading that names a period already over."""

    Params = PlanParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        rp = report_period(ctx)
        if rp is None or not reports_only(ctx, self.params):
            return
        from ..headings import parse_heading

        ry, rfirst, rlast, rtext = rp
        point = report_point(ctx)
        limit = (ry, rlast)
        if point is not None and (point[0], point[1]) > limit:
            limit = (point[0], point[1])
        rd = header(ctx).report_date
        if rd is not None and rd[1] is None and (rd[2], 12) > limit:
            limit = (rd[2], 12)  # only the year is filled in: the report may be issued as late as December
        plan = doc_plan_blocks(ctx, self.params)
        h = header(ctx)
        skip = {b.index for b in h.subject_blocks} | ({h.title_block.index} if h.title_block else set())
        for b, figs in body_figures(ctx):
            if b.index in skip:
                continue
            head = unread = object()  # the block's heading: parsed only when a plan period needs it
            for f in figs:
                if f.kind != "period" or f.period not in ("month", "quarter"):
                    continue
                span = period_months(f, None)
                if span is None:
                    continue
                y, first, last = span
                if b.index in plan:
                    if head is unread:
                        head = parse_heading(b.text.strip())
                    if head is not None and head.level in ("roman", "arabic") and (y, last) <= (ry, rlast) \
                            and (y, last) >= (ry - 1, 1):
                        yield Finding(b, f.start, f.end, variant="plan_past",
                                      args={"period": f.text, "report_period": rtext})
                    continue
                if (y, first) > limit and not future_context(b, f.start, self.params.future_words,
                                                             self.params.future_after):
                    yield Finding(b, f.start, f.end, variant="after",
                                  args={"period": f.text, "report_period": rtext})


# --- DT005 district-level documents after 01/7/2025 -------------------------------------------------

@dataclass(slots=True, kw_only=True)
class ReformParams:
    """When the two-level local government took effect, and how district-level issuers are recognised."""

    __pydantic_config__ = FORBID
    since: tuple[int, int, int] = (2025, 7, 1)  # (year, month, day)
    party_issuer: str = r"^[A-ZĐ]*HU$"  # HU, VPHU, BTGHU, UBKTHU…
    agency_words: str = r"\b(?:HUYỆN|QUẬN|THỊ\s+XÃ)\b"


@register("district-after-reform")
class DistrictAfterReform(Check):
    Params = ReformParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        since = tuple(self.params.since)
        h = header(ctx)
        rd = h.report_date
        if rd is not None and rd[1] is not None and (rd[2], rd[1], rd[0] or 31) >= since:
            date_text = h.date.group(0).strip()
            block, s, e = None, 0, 0
            if h.number is not None:
                sym = re.sub(r"\s+", "", h.number.group("sym"))
                issuer = sym.split("/")[-1] if h.number.group("sep") == "-" else ""
                if issuer and re.match(self.params.party_issuer, issuer):
                    block, s, e = h.number_block, h.number.start(), h.number.end()
            if block is None:
                stop = h.title_block.index if h.title_block is not None else 15
                for b in doc.blocks:
                    if b.index >= stop:
                        break
                    t = b.text.strip()
                    if t and t.upper() == t and re.search(self.params.agency_words, t) \
                            and not re.search(r"CỘNG\s+H|ĐẢNG\s+CỘNG", t):
                        block, s, e = b, b.text.index(t), b.text.index(t) + len(t)
                        break
            if block is not None:
                yield Finding(block, s, e, variant="header", args={"issuer": block.text[s:e].strip(),
                                                                     "date": date_text})
        yield from once_per_key(self._references(ctx, since), lang=ctx.lang, variant="reference_many")

    def _references(self, ctx: Context, since: tuple):
        """(symbol, finding) for each citation of a district-level Party document dated after the reform."""
        for b, refs in body_references(ctx):
            for r in refs:
                if r.shape != "party" or r.date is None or not re.match(self.params.party_issuer, r.issuer):
                    continue
                d, m, y = r.date
                if (y, m, d) >= since:
                    yield r.key, Finding(b, r.cite_start, r.date_end or r.end, variant="reference",
                                         args={"issuer": r.text, "date": f"{d:02d}/{m:02d}/{y}"})
