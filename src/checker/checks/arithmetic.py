"""Arithmetic consistency of report figures: ratio vs percentage, actual/target pairs, parts vs total,
remainders, shares, growth, anniversaries and footnote breakdowns.

Every stated figure stands for an interval (d decimals: ± half a unit of its last place; whole counts
are exact). A relation fails only when no values inside those intervals, under any plausible reading
of ambiguous notation, make it hold (exact arithmetic with Fraction). A mismatch that truncation
explains is `info`. Figures are extracted once per block (`ctx.memo`) and shared by all the kinds.
"""

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from itertools import product
from typing import Iterable, Iterator

from ..document import Block, BlockKind, Document
from ..issues import Severity
from ..validation import FORBID
from .base import Check, Context, Finding, register

# --- shared machinery ----------------------------------------------------------


_FIGURES = None


def _figs():
    global _FIGURES
    if _FIGURES is None:  # imported on first use (keeps module import light), then a plain global read
        from .. import figures

        _FIGURES = figures
    return _FIGURES


@dataclass
class BlockFigures:
    """The figures of one block with the offsets that bound its sentences, clauses and parentheses."""

    block: Block
    figs: tuple
    bounds: list[int]  # sentence/clause boundary offsets
    sent_bounds: list[int]  # sentence boundary offsets (". " and newlines only)
    parens: list[tuple[int, int]]


# "[;!?\n]|\.(?=\s|$)" written to start with a character class, which the regex engine skips to quickly;
# sentence ends are the same but ";"
_CLAUSE_END = re.compile(r"[;!?\n.](?:(?<!\.)|(?=\s|$))")


_PAREN = re.compile(r"[()]")


def _paren_spans(text: str) -> list[tuple[int, int]]:
    if "(" not in text:
        return []
    out, stack = [], []
    for m in _PAREN.finditer(text):
        i = m.start()
        if text[i] == "(":
            stack.append(i)
        elif stack:
            out.append((stack.pop(), i + 1))
    return sorted(out)


def figure_index(doc: Document, ctx: Context) -> dict[int, tuple]:
    """block index -> the figures the grammar reads in the block's masked text (footnote marks blanked, same
    length, so offsets index block.text), parsed once per document and shared by every family of rules."""

    def compute() -> dict[int, tuple]:
        F = _figs()
        out = {}
        for b in doc.blocks:
            figs = F.extract(b.masked_text())
            if figs:
                out[b.index] = figs
        return out

    return ctx.memo("figures:index", compute)


def _outside(spans: list[tuple[int, int]], holes: tuple[tuple[int, int], ...]) -> int:
    """How many of `spans` start outside every one of `holes` (sorted and disjoint): not counted twice."""
    if not holes:
        return len(spans)
    starts = [a for a, _ in holes]
    n = 0
    for s, _ in spans:
        k = bisect.bisect_right(starts, s) - 1
        n += not (k >= 0 and s < holes[k][1])
    return n


def doc_figures(doc: Document, ctx: Context) -> list[BlockFigures]:
    """Figures of every block, computed once per document; counts coverage once."""

    def compute() -> list[BlockFigures]:
        F = _figs()
        out = []
        nfig = unparsed = 0
        index = figure_index(doc, ctx)
        for b in doc.blocks:
            figs = index.get(b.index)
            # figures left out for a number too long to be one (figures.MAX_FIGURE_DIGITS): not understood
            unread = F.overlong_spans(b.masked_text())
            unparsed += len(unread)
            if not figs:
                continue
            figs = _with_nouns(b.text, figs)
            for f in figs:
                kind = f.kind
                if kind == "link":
                    continue
                nfig += 1
                names = _INNER.get(kind)
                if names is None:
                    continue
                if not names:  # a bare number
                    unparsed += f.malformed
                else:
                    for name in names:
                        unparsed += getattr(f, name).malformed
            unparsed += _outside(uninterpreted(b.masked_text(), figs), unread)
            text = b.text
            bounds = [m.start() for m in _CLAUSE_END.finditer(text)]
            # the sentence ends are the clause ends but ";" (both patterns match one character)
            sent_bounds = [i for i in bounds if text[i] != ";"] if ";" in text else bounds[:]
            bf = BlockFigures(b, figs, bounds, sent_bounds, _paren_spans(text))
            out.append(bf)
        ctx.coverage.figures += nfig
        ctx.coverage.unparsed += unparsed
        return out

    return ctx.memo("arithmetic:figures", compute)


_NOUN_AFTER = re.compile(r"[ \t]+([^\W\d_]+(?:[ \t][^\W\d_]+)?)")
_NOT_NOUN = re.compile(r"(?:và|hoặc|của|là|với|trong|theo|tại|đến|từ|cho|được|có|đã|số)\b", re.I)


# counting nouns of three or more syllables (the two-syllable reading would cut them)
_LONG_NOUN = re.compile(r"(?i:hợp tác xã|tổ hợp tác|tổ dân phố|khu dân cư|câu lạc bộ|nhà văn hóa|nhà văn hoá|tổ chức đảng"
                        r"|tổ chức cơ sở đảng|chi bộ cơ sở|đảng bộ cơ sở|giấy chứng nhận|giấy phép xây dựng"
                        r"|đơn vị hành chính|tổ chức đoàn|cơ sở giáo dục|cơ sở y tế|hộ gia đình|tổ tự quản)(?!\w)")
_ORDINAL_BEFORE = re.compile(r"(?:(?<!tổng )(?<!Tổng )(?<!TỔNG )số|ấp|khóa|khoá|đợt|lần|lần thứ|thứ|cấp|loại|hạng|tổ|khu|phòng|điều|khoản|mục|tiêu chí)\s*$", re.I)
_noun_count_cls = None


def _ordinal_before(text: str, f) -> bool:
    """A word before the number makes it an ordinal or a level ("lần thứ 3", "cấp 2"), not a count."""
    ordinal = _ORDINAL_BEFORE.search(text[max(0, f.start - 12):f.start])
    if ordinal and ordinal.group().strip().lower() == "cấp" and f.value > 5:
        return False  # "cấp 180 giấy chứng nhận" (issued), not "cấp 2" (a level)
    return bool(ordinal)


def noun_count_cls():
    """A Quantity whose unit is the noun after a bare number (not a unit the grammar knows)."""
    global _noun_count_cls
    if _noun_count_cls is None:
        from dataclasses import dataclass as _dc

        F = _figs()

        @_dc(slots=True, unsafe_hash=True)  # like the figure classes (figures.py)
        class NounCount(F.Quantity):
            pass

        _noun_count_cls = NounCount
    return _noun_count_cls


def _with_nouns(text: str, figs: tuple) -> tuple:
    """A bare whole number followed by a word becomes a count of that word ("10 bị án", "12 GCN")."""
    F = _figs()
    out = []
    for f in figs:
        if isinstance(f, F.Number) and f.decimals == 0 and not f.malformed and f.style in ("plain", "vi"):
            m = _NOUN_AFTER.match(text, f.end)
            if m and not _NOT_NOUN.match(m.group(1)) and not _ordinal_before(text, f):
                noun = m.group(1)
                words = noun.split()
                if len(words) == 2 and _NOT_NOUN.fullmatch(words[1]):
                    noun = words[0]
                else:
                    long = _LONG_NOUN.match(text, m.start(1))  # "58 hợp tác xã", not "58 hợp tác"
                    if long:
                        noun = long.group()
                end = m.start(1) + len(noun)
                out.append(noun_count_cls()(text[f.start:end], f.start, end, F.as_count(f), noun.lower()))
                continue
        out.append(f)
    return _slash_counts(text, out)


_SLASH_GAP = re.compile(r"[ \t]*/[ \t]*")


def _slash_counts(text: str, figs: list) -> tuple:
    """"3.200 con/ 3.200 con": two counts of the same noun across a slash are a ratio of that noun
    ("73 vụ/130 bị can", two nouns, stays two counts)."""
    if "/" not in text:  # no slash, no pair of counts across one
        return tuple(figs)
    F = _figs()
    out = []
    i = 0
    while i < len(figs):
        f = figs[i]
        if i + 1 < len(figs) and isinstance(f, F.Quantity) and isinstance(figs[i + 1], F.Quantity):
            g = figs[i + 1]
            if f.unit == g.unit and F.is_count_unit(f.unit) and _SLASH_GAP.fullmatch(text, f.end, g.start):
                out.append(F.Ratio(text[f.start:g.end], f.start, g.end, F.as_count(f.number), F.as_count(g.number),
                                   f.unit))
                i += 2
                continue
        out.append(f)
        i += 1
    return tuple(out)


# figure-like text: a number right before "%" or before "/" and another number
# (the lookbehind "(?<![\w.,/])" is checked after the first digit, so the engine can skip to digits)
_FIGURE_LIKE = re.compile(r"\d(?<![\w.,/]\d)\d*(?:[.,]\d+)*(?:[ \t]*%|[ \t]*/[ \t]*\d)")
_DOCREF_AT = re.compile(r"\d+(?:/\d{2,4})?[-/][A-ZĐ]")


def uninterpreted(text: str, figs: tuple) -> list[tuple[int, int]]:
    """Spans of figure-like text ("12,5 %" beyond the glue, "3/4/5") that no extracted figure covers.
    Document numbers ("28/KH-UBND") are not figures and not counted."""
    if "%" not in text and "/" not in text:
        return []
    starts = [f.start for f in figs]
    out = []
    for m in _FIGURE_LIKE.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and figs[k].start <= m.start() and m.end() <= figs[k].end:
            continue
        if _DOCREF_AT.match(text, m.start()):
            continue
        out.append(m.span())
    return out


_INNER = {"number": (), "percent": ("number",), "quantity": ("number",), "ratio": ("num", "den"),
          "pair": ("actual", "target")}


def _inner_numbers(f) -> list:
    names = _INNER.get(f.kind)
    if names is None:
        return []
    if not names:
        return [f]
    return [getattr(f, k) for k in names]


def _doc_style(doc: Document, ctx: Context) -> str:
    """The document's prevailing number convention: 'vi' unless English-style numbers dominate."""

    def compute() -> str:
        vi = en = 0
        for bf in doc_figures(doc, ctx):  # the numbers the figures hold (no second pass over the text)
            for f in bf.figs:
                names = _INNER.get(f.kind)
                if names is None:
                    continue
                for n in (f,) if not names else [getattr(f, k) for k in names]:
                    if n.style == "vi":
                        vi += not n.malformed
                    elif n.style == "en":
                        en += 1
        return "en" if en > vi * 2 and en >= 3 else "vi"

    return ctx.memo("arithmetic:style", compute)


def _has_kind(bf: BlockFigures, kind: str) -> bool:
    """Whether the block holds a figure of this kind ("percent", "quantity", …): a rule's cheap block test."""
    for f in bf.figs:
        if f.kind == kind:
            return True
    return False


def same_unit_scope(bf: BlockFigures, a: int, b: int, sentence: bool = False) -> bool:
    """True when offsets a <= b lie in the same clause (or sentence)."""
    bounds = bf.sent_bounds if sentence else bf.bounds
    return bisect.bisect_left(bounds, a) == bisect.bisect_left(bounds, b)


def in_paren(bf: BlockFigures, pos: int) -> tuple[int, int] | None:
    best = None
    for s, e in bf.parens:
        if s < pos < e and (best is None or s > best[0]):
            best = (s, e)
    return best


def ranked_readings(n, style: str) -> tuple:
    rs = n.readings
    if style == "en" and len(rs) > 1:
        rs = tuple(sorted(rs, key=lambda r: 0 if r[1] == 3 else 1))  # the English decimal first
    return rs


def interval(value: Decimal, decimals: int, exact: bool) -> tuple[Fraction, Fraction]:
    v = Fraction(value)
    if exact:
        return v, v
    h = Fraction(1, 2 * 10 ** decimals)
    return v - h, v + h


def fmt(x, decimals: int = 0) -> str:
    from ..numbers import fmt as _fmt

    return _fmt(x, decimals)


def truncates_to(x: Fraction, stated: Decimal, decimals: int) -> bool:
    from ..numbers import truncate

    return truncate(x, decimals) == stated.quantize(Decimal(1).scaleb(-decimals))


# --- typo diagnosis --------------------------------------------------------------

def digit_edits(n) -> Iterator[tuple[str, Decimal, int]]:
    """Every number one digit edit (drop, add, change) away from n, formatted like n: (text, value, decimals)."""
    text = n.text
    if n.malformed:
        return
    value, decimals = n.value, n.decimals
    s = f"{abs(value):f}"
    whole, _, frac = s.partition(".")
    frac = frac.ljust(decimals, "0")[:decimals] if decimals else ""
    seen = set()

    def variants(part: str) -> Iterator[str]:
        for i in range(len(part)):
            yield part[:i] + part[i + 1:]
            for d in "0123456789":
                if d != part[i]:
                    yield part[:i] + d + part[i + 1:]
        for i in range(len(part) + 1):
            for d in "0123456789":
                yield part[:i] + d + part[i:]

    for w in variants(whole):
        if not w or (len(w) > 1 and w[0] == "0" and not text.startswith("0")):
            continue
        cand = (w, frac)
        if cand not in seen:
            seen.add(cand)
            yield _render(w, frac, n)
    if frac:
        for fr in variants(frac):
            if not fr:
                continue
            cand = (whole, fr)
            if cand not in seen:
                seen.add(cand)
                yield _render(whole, fr, n)


def _render(whole: str, frac: str, n) -> tuple[str, Decimal, int]:
    value = Decimal(whole + ("." + frac if frac else ""))
    if n.style == "en":
        grouped = f"{int(whole):,}" if len(whole) > 3 and "," in n.text else whole
        text = grouped + ("." + frac if frac else "")
    else:
        g = f"{int(whole):,}".replace(",", ".") if ("." in n.text or len(whole) > 4) and not n.text.isdigit() else whole
        if n.text.isdigit() and n.text.startswith("0") and len(whole) < len(n.text):
            g = whole.rjust(len(n.text), "0")
        text = g + ("," + frac if frac else "")
    return text, value, len(frac)


def diagnose_typo(numbers_: list, holds) -> tuple[int, str, str] | None:
    """The single edit of one of `numbers_` that makes `holds(values)` true: (index, old, new), or None."""
    found = []
    for i, n in enumerate(numbers_):
        for text, value, decimals in digit_edits(n):
            vals = [(m.value, m.decimals) for m in numbers_]
            vals[i] = (value, decimals)
            try:
                ok = holds(vals)
            except ZeroDivisionError:
                ok = False
            if ok:
                found.append((i, n.text, text))
                if len(found) > 1:
                    return None
    return found[0] if len(found) == 1 else None


# --- ratio arithmetic -------------------------------------------------------------

def _pct_holds(a, b, p, a_exact=True, b_exact=True) -> bool:
    """a, b, p: (value, decimals). a/b·100 lies in p's rounding interval, for some a, b in theirs."""
    alo, ahi = interval(a[0], a[1], a_exact and a[1] == 0)
    blo, bhi = interval(b[0], b[1], b_exact and b[1] == 0)
    plo, phi = interval(p[0], p[1], False)
    if blo <= 0:
        return True
    lo, hi = alo * 100 / bhi, ahi * 100 / blo
    return lo <= phi and plo <= hi


@dataclass
class PctRelation:
    """a/b·100 = p, as written in the text."""

    a: object
    b: object
    p: object  # Number
    start: int
    end: int
    exact: bool = True  # counts are exact; measures are rounded


def judge_percent(rel: PctRelation, style: str, block: Block, variant_prefix: str = "",
                  typo: bool = True) -> Finding | None:
    a, b, p = rel.a, rel.b, rel.p
    if any(x.malformed for x in (a, b, p)):
        return None
    ra_, rb_ = ranked_readings(a, style), ranked_readings(b, style)
    if rel.exact:  # a count is whole: "43.140/50.652 hộ" is not 43,14/50,652
        ra_ = tuple(r for r in ra_ if r[1] == 0) or ra_
        rb_ = tuple(r for r in rb_ if r[1] == 0) or rb_
    combos = product(ra_, rb_, ranked_readings(p, style))
    for ra, rb, rp in combos:
        if rb[0] == 0:
            return None
        if _pct_holds(ra, rb, rp, rel.exact, rel.exact):
            return None
    (va, da), (vb, db), (vp, dp) = (ranked_readings(x, style)[0] for x in (a, b, p))
    expected = Fraction(va) * 100 / Fraction(vb)
    computation = f"{a.text}/{b.text} = {fmt(expected, dp)}%"
    args = {"computation": computation, "stated": f"{p.text}%", "expected": f"{fmt(expected, dp)}%"}
    severity = None
    variant = "default"
    if truncates_to(expected, vp, dp):
        variant, severity = "truncated", Severity.INFO
    else:
        typo = typo and diagnose_typo([a, b], lambda v: _pct_holds(v[0], v[1], (vp, dp), rel.exact, rel.exact))
        if typo:
            i, old, new = typo
            nums = [a.text, b.text]
            nums[i] = new
            args.update(typo_from=old, typo_to=new, typo_computation=f"{nums[0]}/{nums[1]} = {p.text}%")
            variant = "typo"
    return Finding(block, rel.start, rel.end, args=args, variant=variant,
                   expected=f"{fmt(expected, dp)}%", actual=f"{p.text}%", severity=severity)


_APPROX_BEFORE = re.compile(r"(?:trên|dưới|gần|khoảng|hơn|xấp xỉ|tới|đến|gần như|ước|ước đạt|bình quân)\s*$", re.I)
_COMPARE_AFTER = re.compile(r"^\s*(?:so với|so cùng kỳ|so với cùng kỳ)", re.I)
_TARGET_AFTER = re.compile(r"^\s*(?:so với\s+)?(?:chỉ tiêu|kế hoạch|KH|nghị quyết|mục tiêu)", re.I)


def _between_ok(bf: BlockFigures, i: int, j: int, max_chars: int = 120) -> bool:
    """Only link words between figures i and j, in one clause, close enough."""
    F = _figs()
    figs = bf.figs
    if any(not isinstance(f, F.Link) for f in figs[i + 1:j]):
        return False
    a, b = figs[i], figs[j]
    return b.start - a.end <= max_chars and same_unit_scope(bf, a.end, b.start)


def _links_between(bf: BlockFigures, i: int, j: int) -> set[str]:
    F = _figs()
    return {f.word for f in bf.figs[i + 1:j] if isinstance(f, F.Link)}


def _next_figure(bf: BlockFigures, i: int) -> int | None:
    F = _figs()
    for j in range(i + 1, len(bf.figs)):
        if not isinstance(bf.figs[j], F.Link):
            return j
    return None


def _ratio_operands(r):
    F = _figs()
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


@register("ratio-percent")
class RatioPercent(Check):
    """A ratio a/b stated with a percentage ("112/158 đảng viên, đạt 70,87%"): a/b·100 must round to it."""

    Params = LinkParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        F = _figs()
        style = _doc_style(doc, ctx)
        for bf in doc_figures(doc, ctx):
            if not _has_kind(bf, "percent"):  # every form below checks a stated percentage
                continue
            for i, f in enumerate(bf.figs):
                if not isinstance(f, F.Ratio):
                    continue
                j = _percent_follows(bf, i, F.Percent, self.params)
                if j is None:
                    continue
                p = bf.figs[j]
                a, b, exact = _ratio_operands(f)
                ctx.coverage.relations += 1
                found = judge_percent(PctRelation(a, b, p.number, f.start, p.end, exact), style, bf.block)
                if found:
                    yield found
            yield from self._base_and_done(bf, ctx, style)
            yield from self._plan_paren(bf, ctx, style)

    def _plan_paren(self, bf: BlockFigures, ctx: Context, style: str) -> Iterable[Finding]:
        """"gieo cấy 18.640 ha, đạt 97,08% kế hoạch (19.200 ha)": the plan stated in parentheses right after
        the reference word is the base of the percentage."""
        F = _figs()
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
            ctx.coverage.relations += 1
            found = judge_percent(PctRelation(q1.number, q2.number, p.number, q1.start, q2.end + 1,
                                              F.is_count_unit(q1.unit)), style, bf.block)
            if found:
                yield found

    def _base_and_done(self, bf: BlockFigures, ctx: Context, style: str) -> Iterable[Finding]:
        """"thụ lý 1.375 vụ, giải quyết 1.117 vụ, đạt tỷ lệ 81,24%"; "được phân bổ 103,6 tỷ đồng; đã giải ngân
        67 tỷ đồng, đạt 64,69% kế hoạch": a percentage after two amounts of one unit is the second over the first.
        The ratio is not written out, so a mismatch is a warning."""
        F = _figs()
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
            ctx.coverage.relations += 1
            found = judge_percent(PctRelation(a, b, p.number, q1.start, p.end, exact), style, bf.block)
            if found:
                if found.severity is None:
                    found.severity = Severity.WARNING
                yield found


def _unit_family(unit):
    from ..units import family

    return family(unit)


_BASE_LINK = re.compile(r"(?:\s+[^\W\d_]+){0,3}\s*,?\s*(?:(đạt|chiếm|bằng)\s+)?((?:tỷ|tỉ)\s+lệ\s+)?(?:là\s+)?", re.I)
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
        F = _figs()
        style = _doc_style(doc, ctx)
        text_of = lambda bf: bf.block.text  # noqa: E731
        for bf in doc_figures(doc, ctx):
            if not _has_kind(bf, "pair"):  # both forms need an "x/y%" pair
                continue
            for i, f in enumerate(bf.figs):
                if isinstance(f, F.Ratio):
                    j = _percent_follows(bf, i, F.Pair, self.params)
                    if j is None:
                        continue
                    pair = bf.figs[j]
                    a, b, exact = _ratio_operands(f)
                    ctx.coverage.relations += 1
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
                    ctx.coverage.relations += 1
                    found = judge_percent(PctRelation(f.actual, f.target, q.number, f.start, q.end, False),
                                          style, bf.block)
                    if found:
                        yield found
