"""Arithmetic relations between several figures: parts vs total, remainders, shares, growth,
anniversaries and footnote breakdowns. Shares the per-document extraction of `arithmetic`."""

import bisect
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Iterable

from ..document import Document
from ..issues import Severity
from ..validation import FORBID
from .. import figures as F
from ..relate.blocks import BlockFigures, blocks_with, doc_figures, doc_style, has_kind, in_paren, same_unit_scope
from ..relate.nouns import ORDINAL_BEFORE
from ..relate.operands import addable
from ..relate.words import approx_before, is_change, partitions
from .judge import PctRelation, fmt, interval, judge_percent, operand_interval, operand_value, truncates_to
from .base import Check, Context, Finding, register


def _is_qty(f) -> bool:
    return f.kind == "quantity"


def _num_iv(n, exact: bool) -> tuple[Fraction, Fraction]:
    return interval(n.value, n.decimals, exact and n.decimals == 0)


@lru_cache(maxsize=1024)  # a pure function of the unit, asked for every part of every breakdown
def _family(unit):
    from ..units import family

    return family(unit)


def _unit_total_decimals(q) -> int:
    return q.number.decimals


_COMPARISON = re.compile(r"(?<!\w)(?:tăng|giảm|so với|so cùng kỳ|so năm|so tháng|so quý|bằng)(?!\w)", re.I)
_SHARE_BETWEEN = re.compile(r"\s*,?\s*(?:đạt|chiếm|bằng)\s+(?:tỷ lệ\s+|tỉ lệ\s+)?", re.I)
_WORDS_BETWEEN = re.compile(r"[^\W\d_]{2,}")
_WORDS_GAP = re.compile(r"\s*(?:[^\W\d_]+\s*){0,3}")
_REST_NEAR = re.compile(r"(?:còn lại|còn|tồn|chưa)\s*$", re.I)
_REST_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?còn lại", re.I)


# a reference value named right before a parenthesis: "… kế hoạch (19.200 ha)", "… so với cùng kỳ (…)"
_REF_BEFORE_PAREN = re.compile(r"(?<!\w)(?:kế hoạch|KH|chỉ tiêu|dự toán|mục tiêu|nghị quyết|cùng kỳ|kỳ trước|tháng trước"
                               r"|quý trước|năm trước|đầu năm|bình quân|trung bình|năm \d{4})(?:\s+[^\W\d_]+){0,3}\s*$",
                               re.I)
_COMPARE_WORDS = re.compile(r"(?<!\w)(?:so với|so cùng kỳ|tăng|giảm)(?!\w)", re.I)


_ATTRIBUTE = re.compile(r"(?<!\w)(?:nữ|dân tộc|dân tộc thiểu số|tôn giáo|đoàn viên|hội viên|trẻ|đảng viên trẻ|"
                        r"trình độ|đại học|sau đại học|thạc sĩ|tiến sĩ|cao cấp|trung cấp|sơ cấp|cử nhân)\s*:?\s*\d", re.I)
_IN_NAME = re.compile(r"\s*[-–]\s*[A-ZĐÀ-Ỹ]")


# a parenthesis that gives the earlier value of a change: "(cùng kỳ: 155 vụ)", "(từ 412 hộ xuống còn 365 hộ)"
_EARLIER_VALUE = re.compile(r"\s*(?:cùng kỳ|năm trước|kỳ trước|tháng trước|quý trước|từ\s+\d)", re.I)


# the levels a count is split into: "(Trung ương 9 ý kiến; tỉnh 16 ý kiến, huyện 34 ý kiến)"
_LEVELS = re.compile(r"(?<!\w)(?:Trung ương|trung ương|tỉnh|huyện|xã|thành phố|thị xã|cấp cơ sở|cơ sở)(?!\w)")


def _figures_before(figs: tuple, i: int, n: int) -> list:
    """The last n figures (link words aside) before index i, in order: a bounded look back, not a copy of
    everything before (which would make a long paragraph quadratic)."""
    out = []
    k = i - 1
    while k >= 0 and len(out) < n:
        if figs[k].kind != "link":
            out.append(figs[k])
        k -= 1
    out.reverse()
    return out


# how far a list of parts may run after the word that opens it: a bound that keeps the search linear in the
# length of a paragraph that never ends a sentence
MAX_LIST_SPAN = 1500


# --- 3. parts vs total -----------------------------------------------------------------

@dataclass(slots=True, kw_only=True)
class PartsParams:
    """Words that introduce a partial or a complete list of parts, and the nouns of targets."""

    __pydantic_config__ = FORBID
    partial_words: tuple[str, ...] = ("trong đó", "có", "như", "nhất là", "riêng")
    complete_words: tuple[str, ...] = ("gồm", "bao gồm")
    target_nouns: tuple[str, ...] = ("chỉ tiêu", "tiêu chí")
    max_noun_words: int = 5


def _drop_attributes(text, raw, total, start, end):
    """"57 đồng chí (02 đồng chí 70 năm, 05 đồng chí 65 năm, …)": each item of the breakdown counts the total's
    noun first and then qualifies it with a figure of another kind; the qualifiers are no parts. Only when every
    comma- or semicolon-separated item opens with exactly one figure in the total's noun."""
    if not _is_qty(total) or all(_is_qty(f) and f.unit == total.unit for f in raw):
        return raw
    cuts = [start] + [start + m.end() for m in re.finditer(r"[,;]", text[start:end])] + [end + 1]
    kept = []
    for a, b in zip(cuts, cuts[1:]):
        seg = [f for f in raw if a <= f.start < b]
        if not seg:
            continue
        main = [f for f in seg if _is_qty(f) and f.unit == total.unit]
        if len(main) != 1 or seg[0] is not main[0]:
            return raw
        kept.append(main[0])
    return kept if len(kept) >= 2 else raw


@register("parts-total")
class PartsTotal(Check):
    """A total and its breakdown: in parentheses, after "trong đó"/"gồm", or "đạt và vượt A/B chỉ tiêu, C chỉ tiêu…"."""

    Params = PartsParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        seen = set()
        for bf in blocks_with(doc, ctx, "quantity"):  # every form sums quantities (a total or its parts)
            for found in (*self._parens(bf, ctx), *self._gom(bf, ctx), *self._targets(bf, ctx)):
                key = (found.block.index, found.start, found.end)
                if key not in seen:
                    seen.add(key)
                    yield found

    # "24 cuộc phản biện (03 cuộc cấp huyện và 21 cuộc cấp xã)"
    def _parens(self, bf: BlockFigures, ctx: Context) -> Iterable[Finding]:
        text = bf.block.text
        starts = [f.start for f in bf.figs]
        for ps, pe in bf.parens:
            i = bisect.bisect_left(starts, ps)
            while i > 0 and bf.figs[i - 1].end > ps:
                i -= 1  # (a figure that straddles the bracket is not before it)
            before = _figures_before(bf.figs, i, 2)
            if not before:
                continue
            total = before[-1]
            # "37.281 ha, đạt 90,53% chỉ tiêu (lúa … 18.640 ha, …)": the total before its stated share
            if isinstance(total, F.Percent) and len(before) > 1 and _is_qty(before[-2]) \
                    and _SHARE_BETWEEN.fullmatch(text, before[-2].end, total.start) \
                    and _WORDS_GAP.fullmatch(text, total.end, ps):
                total = before[-2]
                gap = ""
            else:
                gap = text[total.end:ps]
            if not _is_qty(total) or in_paren(bf, total.start) or not same_unit_scope(bf, total.end, ps, True):
                continue
            if is_change(text, total.start) or approx_before(text, total.start) or _EARLIER_VALUE.match(text, ps + 1):
                # "tăng 54 vụ (cùng kỳ: 155 vụ)", "giảm 47 hộ (từ 412 hộ xuống còn 365 hộ)": a change and its
                # values; "hơn 4,5 tỷ đồng (…)": a bound, which the word-bound rule judges
                continue
            raw = [f for f in bf.figs_in(ps + 1, pe) if f.end < pe and not isinstance(f, F.Link)]
            if not raw or any(in_paren(bf, f.start) != (ps, pe) for f in raw):
                continue
            inner_text = text[ps + 1:pe - 1]
            cmp = _COMPARISON.search(inner_text)
            if cmp:
                # "(giảm 107 ca so với cùng kỳ)": a comparison, not a breakdown; "(03 cuộc cấp huyện và 21 cuộc cấp
                # xã, tăng 2 cuộc so với cùng kỳ)": the parts end where the comparison clause begins
                raw = [f for f in raw if f.end <= ps + 1 + cmp.start()]
                if len(raw) < 2:
                    continue
                inner_text = inner_text[:cmp.start()]
            raw = _drop_attributes(text, raw, total, ps + 1, pe - 1)
            words = len(re.findall(r"[^\W\d_]+", gap))
            same_noun = all(_is_qty(f) and f.unit == total.unit for f in raw)
            limit = 12 if same_noun else self.params.max_noun_words + 3
            if same_noun and words <= 24 and not re.search(r"\d", gap) and (len(_LEVELS.findall(inner_text)) >= 2 or not any(
                    _is_qty(f) and f.unit == total.unit and not in_paren(bf, f.start)
                    for f in bf.figs if f.end <= total.start and same_unit_scope(bf, f.end, total.start))):
                limit = 24  # "… còn 59 ý kiến được … gửi đến các ngành có thẩm quyền (Trung ương 9 ý kiến; …)"
            if re.search(r"[^\w\s,]", gap) or words > limit:
                continue
            if any(isinstance(f, F.Number) and ORDINAL_BEFORE.search(text[max(0, f.start - 12):f.start]) for f in raw):
                continue  # "(ấp 4 và ấp 6)": labels, not counts
            single = len(raw) == 1
            if _REF_BEFORE_PAREN.search(text, max(0, ps - 40), ps) and (single or _COMPARE_WORDS.search(gap)):
                continue  # "đạt 97% kế hoạch (19.200 ha)", "tăng 5% so với cùng kỳ (…)": the reference value
            partial = single or bool(re.match(r"\s*(?:%s)\b" % "|".join(map(re.escape, self.params.partial_words)),
                                               inner_text, re.I))
            counts = F.is_count_unit(total.unit)
            if words > self.params.max_noun_words and not counts:
                continue
            # "(08 khiển trách, 02 cảnh cáo)", "(05 câu lạc bộ và 34 cá nhân)": counts of other nouns
            mixed = counts and not same_noun and all(
                isinstance(f, F.Number) or (_is_qty(f) and F.is_count_unit(f.unit)) for f in raw)
            if mixed:
                nums = [f if isinstance(f, F.Number) else f.number for f in raw]
                if any(n.malformed or n.decimals for n in nums) or total.number.malformed:
                    continue
                if any(isinstance(f, F.Number) and _IN_NAME.match(text, f.end) for f in raw):
                    continue  # "Công ty Cổ phần khoáng sản 3 - Vimico": a number inside a name
                if _ATTRIBUTE.search(inner_text):
                    continue  # "(nữ 8, dân tộc 3, đoàn viên 15)": attributes that overlap, not a partition
                    continue
                yield from self._mixed(bf, ctx, total, nums, [f.text for f in raw], gap, partial, ps, pe, inner_text)
                continue
            if any(not _is_qty(f) or _family(f.unit) != _family(total.unit) for f in raw):
                continue
            ivs = [operand_interval(f, total.unit) for f in raw]
            if any(iv is None for iv in ivs):
                continue
            point = sum(operand_value(f, total.unit) for f in raw)
            yield from self._judge(bf, ctx, total, ivs, _num_iv(total.number, counts), point, partial, None,
                                   [f.text for f in raw], total.unit, total.start, pe,
                                   max(f.number.decimals for f in raw))

    def _mixed(self, bf, ctx, total, nums, texts, gap, partial, ps, pe, inner_text=""):
        """Parts counted in other nouns (or bare numbers): they may be a breakdown of the total, or of another
        count of the clause ("30 đồng chí tham gia 05 lớp (tập trung 13, không tập trung 17)")."""
        point = sum(Fraction(n.value) for n in nums)
        whole = partitions(inner_text)
        if gap.strip():
            # the parts belong to one of the counts of the clause before the parenthesis
            cands = [f for f in bf.figs if _is_qty(f) and f.end <= ps and F.is_count_unit(f.unit)
                     and same_unit_scope(bf, f.end, ps) and not in_paren(bf, f.start) and not f.number.malformed]
        else:
            cands = [total]
        if not cands or any(Fraction(c.number.value) == point for c in cands):
            return
        ctx.coverage.count("parts-total", "clause")
        top = max(cands, key=lambda c: c.number.value)
        tv = Fraction(top.number.value)
        # more than every candidate total, yet close enough to be a breakdown of one (not "5 lớp (350 học viên)")
        if point > tv and point <= 2 * tv + 2:
            args = {"parts": " + ".join(texts), "sum": fmt(point), "unit": top.unit, "total": top.number.text}
            yield Finding(bf.block, top.start, pe, args=args, variant="exceeds", severity=Severity.WARNING,
                          expected=fmt(point), actual=top.number.text)
        elif point < tv and not partial and (not gap.strip() or whole or (
                len(cands) == 1 and re.search(r"\svà\s", inner_text) and "," not in inner_text)) \
                and all(n.value < tv for n in nums) and len(nums) > 1 and point * 2 >= tv:
            args = {"parts": " + ".join(texts), "sum": fmt(point), "unit": top.unit, "total": top.number.text}
            yield Finding(bf.block, top.start, pe, args=args, variant="short", severity=Severity.WARNING,
                          expected=fmt(point), actual=top.number.text)

    def _judge(self, bf, ctx, total, parts_iv, total_iv, point, partial, severity, part_texts, unit, start, end,
               part_decimals=0):
        ctx.coverage.count("parts-total", "clause")
        lo = sum(iv[0] for iv in parts_iv)
        hi = sum(iv[1] for iv in parts_iv)
        tlo, thi = total_iv
        d = total.number.decimals if hasattr(total, "number") else 0
        dec = max(d, part_decimals, max((_decimals_of(t) for t in part_texts), default=0))
        args = {"parts": " + ".join(part_texts), "sum": fmt(point, dec), "unit": unit,
                "total": total.number.text if hasattr(total, "number") else total.text}
        exceed = lo > thi
        short = hi < tlo and not partial
        if exceed or short:
            return_variant = "exceeds" if exceed else "short"
            if truncates_to(point, total.number.value, d) and exceed:
                yield Finding(bf.block, start, end, args=args, variant="truncated", severity=Severity.INFO,
                              expected=fmt(point, dec), actual=total.number.text)
                return
            yield Finding(bf.block, start, end, args=args, variant=return_variant, severity=severity,
                          expected=fmt(point, dec), actual=total.number.text)
        elif point > thi and truncates_to(point, total.number.value, d):
            # holds only within the parts' own rounding, and the stated total truncates the sum
            yield Finding(bf.block, start, end, args=args, variant="truncated", severity=Severity.INFO,
                          expected=fmt(point, dec), actual=total.number.text)

    # "X đơn vị, gồm: 3 đơn vị …, 4 đơn vị …" / "…, trong đó 12 đơn vị …"
    def _gom(self, bf: BlockFigures, ctx: Context) -> Iterable[Finding]:
        text = bf.block.text
        words = {w.lower() for w in self.params.complete_words} | {"trong đó"}
        for i, link in enumerate(bf.figs):
            if not isinstance(link, F.Link) or link.word not in words or in_paren(bf, link.start):
                continue
            before = _figures_before(bf.figs, i, 1)
            if not before:
                continue
            # (a breakdown opening the next sentence, "…, đạt 75,1% dự toán. Trong đó thu nội địa …", is the
            # breakdown finder's: relate/finders/breakdown.py)
            after_share = None
            if not _is_qty(before[-1]):
                continue
            total = before[-1]
            if approx_before(text, total.start):
                continue  # "hơn 4,5 tỷ đồng, gồm: …": a bound, which the word-bound rule judges
            if in_paren(bf, total.start) or (after_share is None and
                                             not same_unit_scope(bf, total.end, link.start, True)):
                continue
            nxt = next((f for f in bf.figs[i + 1:] if not isinstance(f, F.Link)), None)
            if after_share is not None:
                if nxt is None or not _is_qty(nxt) or _family(nxt.unit) != _family(total.unit):
                    continue
            elif link.start - total.end > 60 or re.search(r"\d", text[total.end:link.start]) or (
                    nxt is not None and _is_qty(nxt) and F.is_count_unit(nxt.unit) and nxt.unit != total.unit):
                # "58 hợp tác xã, với 1.595 thành viên, gồm: 53 hợp tác xã …": the total is the count of the
                # parts' noun, named before an attribute of it
                total = self._total_by_unit(bf, i, link)
                if total is None:
                    continue
            parts = []
            # a list opened by a colon may run on over ';' ("gồm: A 3 tỷ; B 2 tỷ"); without one it ends with its
            # clause ("gồm thuế 180 tỷ, phí 25 tỷ; chi ngân sách 312 tỷ": the last is another indicator)
            colon = text[link.end:link.end + 3].lstrip().startswith(":")
            figs = bf.figs
            for k in range(i + 1, len(figs)):  # (an index, not a slice: a copy of the rest per link is quadratic)
                f = figs[k]
                if not same_unit_scope(bf, link.start, f.start, colon) or f.start - link.end > MAX_LIST_SPAN:
                    break
                if isinstance(f, F.Link) and f.word in words:
                    break  # the next breakdown begins
                if isinstance(f, F.Link) or in_paren(bf, f.start):
                    continue
                if is_change(text, f.start):
                    continue  # "…, giảm 21 hộ so với đầu năm": a change of the total or of a part, not a part
                if isinstance(f, (F.Percent, F.Ratio, F.Pair)):
                    # a share of the last part makes the list ambiguous; one in a later clause ends it
                    if not parts or same_unit_scope(bf, parts[-1].end, f.start):
                        parts = []
                    break
                if _is_qty(f) and (_family(f.unit) == _family(total.unit) or addable(f.unit, total.unit)):
                    parts.append(f)
            if len(parts) < (1 if link.word == "trong đó" else 2):
                continue
            ivs = [operand_interval(f, total.unit) for f in parts]
            if any(iv is None for iv in ivs):
                continue
            partial = link.word == "trong đó"
            point = sum(operand_value(f, total.unit) for f in parts)
            for found in self._judge(bf, ctx, total, ivs, _num_iv(total.number, F.is_count_unit(total.unit)), point,
                                     partial, None, [f.number.text for f in parts], total.unit, total.start,
                                     parts[-1].end):
                if found.variant == "short" and not colon:
                    found.severity = Severity.WARNING  # "gồm A, B" without a colon may name the main items only
                if after_share is not None and found.severity is None:
                    found.severity = Severity.WARNING
                yield found

    def _total_by_unit(self, bf: BlockFigures, i: int, link):
        """The count before `link` (same sentence, one attribute between) whose noun the first part after it has."""
        after = [f for f in bf.figs[i + 1:] if not isinstance(f, F.Link)]
        if not after or not _is_qty(after[0]) or not F.is_count_unit(after[0].unit):
            return None
        unit = after[0].unit
        before = [f for f in _figures_before(bf.figs, i, 4) if same_unit_scope(bf, f.end, link.start, True)]
        if len(before) < 2 or len(before) > 3:
            return None
        cand = before[-2]
        if not _is_qty(cand) or cand.unit != unit or in_paren(bf, cand.start) or link.start - cand.end > 80:
            return None
        # only "…, với|có N noun," between the total and the link word
        if not re.fullmatch(r"(?:\s+[^\W\d_]+){0,2}\s*,\s*(?:với|có|cùng)\s+\S+(?:\s+[^\W\d_]+){1,3}\s*,?\s*", bf.block.text[cand.end:link.start]):
            return None
        return cand

    # "đạt và vượt 36/50 chỉ tiêu, 09 chỉ tiêu …, 05 chỉ tiêu …"
    def _targets(self, bf: BlockFigures, ctx: Context) -> Iterable[Finding]:
        text = bf.block.text
        for i, r in enumerate(bf.figs):
            if not isinstance(r, F.Ratio) or r.noun not in self.params.target_nouns:
                continue
            if r.num.malformed or r.den.malformed or r.num.decimals or r.den.decimals:
                continue
            parts = []
            subset_from = None  # where the last "trong đó" opened a subset, in the clause it opened
            for k in range(i + 1, len(bf.figs)):  # (an index, not a slice; the list spans a bounded window)
                f = bf.figs[k]
                if not same_unit_scope(bf, r.end, f.start, True) or f.start - r.end > MAX_LIST_SPAN:
                    break
                if isinstance(f, F.Link) and f.word == "trong đó":
                    subset_from = f.start
                    continue
                if isinstance(f, F.Ratio) and f.noun == r.noun:
                    parts = []
                    break
                if _is_qty(f) and f.unit == r.noun and not in_paren(bf, f.start) and not is_change(text, f.start):
                    if subset_from is not None and same_unit_scope(bf, subset_from, f.start):
                        continue  # "27/30 chỉ tiêu, trong đó 12 chỉ tiêu vượt": a subset of the A, not a sibling
                    parts.append(f)
            if len(parts) < 2:
                continue  # one remainder is the remainder rule's
            rest = any(_REST_NEAR.search(text[max(0, q.start - 12):q.start]) or _REST_AFTER.match(text[q.end:q.end + 25])
                       for q in parts)
            total = r.den.value
            point = Fraction(r.num.value) + sum(Fraction(q.number.value) for q in parts)
            ctx.coverage.count("parts-total", "sentence")
            if point > total or point < total:
                # short of the total: an error when the last part is declared the rest ("còn lại"), else a warning
                args = {"parts": " + ".join([r.num.text] + [q.number.text for q in parts]), "sum": fmt(point),
                        "unit": r.noun, "total": r.den.text}
                yield Finding(bf.block, r.start, parts[-1].end, args=args,
                              variant="exceeds" if point > total else "short",
                              severity=None if point > total or rest else Severity.WARNING,
                              expected=fmt(point), actual=r.den.text)


def _decimals_of(t: str) -> int:
    from ..figures import parse_number

    n = parse_number(t)
    return n.decimals if n else 0


# --- 4. remainder ---------------------------------------------------------------------

@dataclass(slots=True, kw_only=True)
class RemainderParams:
    """Words for a total, its done part and its remainder, and how many parts may be summed."""

    __pydantic_config__ = FORBID
    total_words: tuple[str, ...] = ("thụ lý", "tiếp nhận", "nhận", "tổng số", "tổng cộng", "tổng", "có", "thực hiện")
    rest_words: tuple[str, ...] = ("tồn", "còn lại", "còn", "chuyển sang", "chuyển kỳ sau", "chưa giải quyết")
    done_words: tuple[str, ...] = ("đã", "giải quyết", "xử lý", "trả lời", "hoàn thành", "xong", "giải ngân", "xét xử",
                             "hòa giải thành")
    negations: tuple[str, ...] = ("không", "chưa")
    max_parts: int = 4


@lru_cache(maxsize=8)
def _remainder_patterns(rest_words: tuple, negations: tuple, total_words: tuple, done_words: tuple) -> tuple:
    """(rest, negation, total, done) patterns of the remainder rule's parameters, compiled once."""
    alt = lambda ws: "|".join(map(re.escape, sorted(ws, key=len, reverse=True)))  # noqa: E731
    rest_re = re.compile(r"(?:%s)\s*(?:lại\s*)?(?:là\s*)?$" % alt(rest_words), re.I)
    neg_re = re.compile(r"(?<!\w)(?:%s)\s+(?:[^\W\d_]+\s+){0,2}$" % alt(negations), re.I)
    total_re = re.compile(r"(?<!\w)(?:%s)\s+(?:[^\W\d_]+\s+){0,3}$" % alt(total_words), re.I)
    done_re = re.compile(r"(?<!\w)(?:%s)(?!\w)" % alt(done_words), re.I)
    return rest_re, neg_re, total_re, done_re


_PENDING_AFTER = re.compile(r"^\s*(?:[^\W\d_]+\s+){0,2}?(?:đang|chưa|còn)\b", re.I)


@register("remainder")
class Remainder(Check):
    """total − done = remaining: "thụ lý 1.375 vụ, giải quyết 1.117 vụ, tồn 258 vụ"; "14/19 tiêu chí, còn 05 tiêu chí";
    "hòa giải thành 32/36 vụ, không thành 04 vụ"; "nhận 06 đơn, lưu 03 đơn, chuyển 02 đơn, 01 đơn đang giải quyết"."""

    Params = RemainderParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        p = self.params
        rest_re, neg_re, total_re, done_re = _remainder_patterns(
            tuple(p.rest_words), tuple(p.negations), tuple(p.total_words), tuple(p.done_words))
        pending_after = _PENDING_AFTER
        for bf in blocks_with(doc, ctx, "quantity"):
            # both forms compare counts of a counting noun: the ratio form one after a ratio, the quantity form three
            counts = sum(1 for f in bf.figs if f.kind == "quantity" and F.is_count_unit(f.unit))
            has_ratio = has_kind(bf, "ratio")
            if counts == 0 or (counts < 3 and not has_ratio):
                continue
            text = bf.block.text
            figs = [f for f in bf.figs if not isinstance(f, F.Link) and not in_paren(bf, f.start)]
            links = [f for f in bf.figs if isinstance(f, F.Link) and f.word == "trong đó"]
            seen = set()
            for k, f in enumerate(figs if has_ratio else ()):  # (the ratio form opens with a ratio)
                # ratio form: A/B noun …, còn|không … C noun
                if isinstance(f, F.Ratio) and F.is_count_unit(f.noun) and not (f.num.decimals or f.den.decimals):
                    after = []
                    for n in range(k + 1, len(figs)):  # (the rest of the sentence, within reach, not the block)
                        if not same_unit_scope(bf, f.end, figs[n].start, True) or figs[n].start - f.end > 400:
                            break
                        after.append(figs[n])
                    cut = next((n for n, g in enumerate(after) if isinstance(g, F.Ratio)), len(after))
                    same = [g for g in after[:cut] if _is_qty(g) and g.unit == f.noun]
                    if not same:
                        continue
                    q = same[0]
                    before_q = text[max(0, q.start - 25):q.start]
                    if not (rest_re.search(before_q[-15:]) or neg_re.search(before_q)
                            or _REST_AFTER.match(text[q.end:q.end + 25])):
                        continue
                    if len(same) == 1:
                        yield from self._judge(bf, ctx, f.den, f.num, q.number, f.noun, f.start, q.end)
                        continue
                    # "thành 32/36 vụ, không thành 04 vụ và 07 vụ chờ xác minh": the rest is C or C + D…
                    if any(g.number.malformed for g in same) or f.num.malformed or f.den.malformed:
                        continue
                    ctx.coverage.count("remainder", "clause")
                    expected = Fraction(f.den.value - f.num.value)
                    sums = [sum(Fraction(g.number.value) for g in same[:n + 1]) for n in range(len(same))]
                    if expected in sums:
                        continue
                    args = {"computation": f"{f.den.text} − {f.num.text} = {fmt(expected)}", "stated": q.number.text,
                            "unit": f.noun}
                    yield Finding(bf.block, f.start, q.end, args=args, expected=fmt(expected), actual=q.number.text,
                                  severity=Severity.WARNING)
            # quantity form: a total, what was done, what remains: same-unit counts of one sentence or clause
            counted = [f for f in figs if _is_qty(f) and F.is_count_unit(f.unit)]
            for bounds in (bf.sent_bounds, bf.bounds):
                groups: dict[tuple, list] = {}
                for f in counted:
                    groups.setdefault((bisect.bisect_left(bounds, f.start), f.unit), []).append(f)
                for (_, unit), qs in groups.items():
                    key = (qs[0].start, qs[-1].end)
                    if not 3 <= len(qs) <= p.max_parts + 1 or key in seen:
                        continue
                    if any(qs[0].end <= l.start < qs[-1].start for l in links):
                        continue
                    first, last = qs[0], qs[-1]
                    rest_before = rest_re.search(text[max(0, last.start - 15):last.start])
                    if len(qs) == 3:
                        if not rest_before:
                            continue
                        if not (total_re.search(text[max(0, first.start - 40):first.start])
                                or done_re.search(text[max(0, qs[1].start - 40):qs[1].start])):
                            continue
                    else:
                        if not (rest_before or pending_after.match(text[last.end:last.end + 20])):
                            continue
                        if not total_re.search(text[max(0, first.start - 40):first.start]):
                            continue
                    seen.add(key)
                    if len(qs) == 3:
                        # the middle count named as done ("giải quyết", "xử lý"…) makes the reading sure; else
                        # it may be one outcome among others the text does not list
                        sure = done_re.search(text[max(0, qs[1].start - 40):qs[1].start])
                        for found in self._judge(bf, ctx, first.number, qs[1].number, last.number, unit,
                                                 first.start, last.end):
                            if not sure:
                                found.severity = Severity.WARNING
                            yield found
                    else:
                        yield from self._judge_parts(bf, ctx, first, qs[1:], unit)

    def _judge(self, bf, ctx, total, done, rest, unit, start, end):
        if any(n.malformed for n in (total, done, rest)):
            return
        ctx.coverage.count("remainder", "clause")
        expected = total.value - done.value
        if expected == rest.value:
            return
        args = {"computation": f"{total.text} − {done.text} = {fmt(expected)}", "stated": rest.text, "unit": unit}
        yield Finding(bf.block, start, end, args=args, expected=fmt(expected), actual=rest.text)

    def _judge_parts(self, bf, ctx, total, parts, unit):
        """"Nhận 06 đơn, lưu 03 đơn, chuyển 02 đơn, 01 đơn đang giải quyết": the outcomes add up to the total."""
        if total.number.malformed or any(q.number.malformed for q in parts):
            return
        ctx.coverage.count("remainder", "clause")
        point = sum(Fraction(q.number.value) for q in parts)
        if point == total.number.value:
            return
        args = {"computation": f"{' + '.join(q.number.text for q in parts)} = {fmt(point)}",
                "stated": total.number.text, "unit": unit}
        yield Finding(bf.block, total.start, parts[-1].end, args=args, variant="parts", severity=Severity.WARNING,
                      expected=fmt(point), actual=total.number.text)


# --- 5. shares ------------------------------------------------------------------------

@dataclass(slots=True, kw_only=True)
class SharesParams:
    """Words that tie a share to its figures."""

    __pydantic_config__ = FORBID
    links: tuple[str, ...] = ("chiếm", "tỷ lệ", "tỉ lệ", "bằng")


@register("shares")
class Shares(Check):
    """Sibling items "N_i …, chiếm p_i%" against their common total, and "X …, trong đó Y … (chiếm p%)"."""

    Params = SharesParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        style = doc_style(doc, ctx)
        for bf in blocks_with(doc, ctx, "percent"):  # every item is a quantity with its share
            text = bf.block.text
            items = []  # (quantity, percent, index of quantity)
            figs = bf.figs
            for i, f in enumerate(figs):
                if not isinstance(f, F.Percent):
                    continue
                k = i - 1
                while k >= 0 and isinstance(figs[k], F.Link):
                    k -= 1
                if k < 0:
                    continue
                q = figs[k]
                if not _is_qty(q) or not same_unit_scope(bf, q.end, f.start) or f.start - q.end > 80:
                    continue
                links = {g.word for g in figs[k + 1:i] if isinstance(g, F.Link)}
                gap = text[q.end:f.start]
                if not (links & set(self.params.links)) and not re.fullmatch(r"\s*\(\s*", gap):
                    continue
                lks = [g for g in figs[k + 1:i] if isinstance(g, F.Link)]
                # "3.980 hội viên đạt danh hiệu …, chiếm 94,4%": a verb of the item, followed by its own words,
                # before the share link is no comparison; "…, đạt (tỷ lệ) 80%" or "tăng 5%" is
                verb_only = (len(lks) >= 2 and lks[-1].word in ("chiếm", "tỷ lệ", "tỉ lệ")
                             and lks[-2].word == "đạt" and _WORDS_BETWEEN.search(text, lks[-2].end, lks[-1].start)
                             and not links & {"tăng", "giảm", "vượt", "so với cùng kỳ"})
                if links & {"tăng", "giảm", "đạt", "vượt", "so với cùng kỳ"} and not verb_only:
                    continue
                if re.match(r"\s*(?:so với|chỉ tiêu|kế hoạch)", text[f.end:f.end + 20], re.I):
                    continue
                items.append((q, f, k))
            done = set()
            item_ids = {id(q) for q, _, _ in items}
            # the "trong đó" links, by position: each item looks up the last one before it (no rescan)
            td_at = [n for n, g in enumerate(figs) if isinstance(g, F.Link) and g.word == "trong đó"]
            # parent: "X …, trong đó Y … (chiếm p%)"
            for q, p, k in items:
                n = bisect.bisect_left(td_at, k) - 1
                if n < 0 or not same_unit_scope(bf, figs[td_at[n]].end, q.start, True):
                    continue
                td = figs[td_at[n]]
                parents = _figures_before(figs, td_at[n], 2)
                after_x = None
                # "đã giải quyết 47.105 hồ sơ, đạt 97,7%, trong đó …": the parent's own share comes between
                if len(parents) > 1 and isinstance(parents[-1], F.Percent) and _is_qty(parents[-2]) \
                        and _SHARE_BETWEEN.fullmatch(text, parents[-2].end, parents[-1].start):
                    after_x = parents[-1].end
                    parents = parents[:-1]
                if not parents or not _is_qty(parents[-1]) or parents[-1].unit != q.unit:
                    continue
                x = parents[-1]
                if not same_unit_scope(bf, x.end, td.start, True) or re.search(r"\d", text[after_x or x.end:td.start]):
                    continue
                if in_paren(bf, x.start) != in_paren(bf, td.start):
                    continue  # "(… 602 hồ sơ …), trong đó: …": a figure inside a parenthesis is no parent outside it
                # "…; trong đó: 3.100.000 … (chiếm 73,8%), 980.000 … (chiếm 23,3%)": every item with its own
                # share is a share of the parent, not only the first; an item without one is a part, not a parent
                if any(_is_qty(g) and g.unit == q.unit and id(g) not in item_ids for g in bf.figs_in(td.end, q.start)):
                    continue
                exact = F.is_count_unit(q.unit)
                ctx.coverage.count("shares", "clause")
                done.add(p.start)
                found = judge_percent(PctRelation(q.number, x.number, p.number, x.start, p.end, exact), style, bf.block)
                if found:
                    found.variant = "parent" if found.variant == "default" else found.variant
                    yield found
            # a parenthesised share against its parent: "X …, chiếm a% (Y …, chiếm b%)"
            for q, p, k in items:
                if p.start in done:
                    continue
                par = in_paren(bf, q.start)
                if par is None or not re.fullmatch(r"\(\s*", text[par[0]:q.start]):
                    continue
                n = k
                while n > 0 and figs[n - 1].end > par[0]:
                    n -= 1
                parents = _figures_before(figs, n, 2)
                if parents and isinstance(parents[-1], F.Percent) and len(parents) > 1:
                    parents = parents[:-1]
                if not parents or not _is_qty(parents[-1]) or not same_unit_scope(bf, parents[-1].end, par[0]):
                    continue
                x = parents[-1]
                if not (F.is_count_unit(x.unit) and F.is_count_unit(q.unit)) or in_paren(bf, x.start):
                    continue
                ctx.coverage.count("shares", "clause")
                done.add(p.start)
                found = judge_percent(PctRelation(q.number, x.number, p.number, x.start, par[1], True), style, bf.block)
                if found:
                    found.variant = "parent" if found.variant == "default" else found.variant
                    yield found
            # siblings with shares adding up to about 100%
            by_unit: dict[str, list] = {}
            for q, p, k in items:
                if p.start not in done and not in_paren(bf, q.start):
                    by_unit.setdefault(q.unit, []).append((q, p))
            for unit, group in by_unit.items():
                if len(group) < 2 or any(q.number.malformed or p.number.malformed for q, p in group):
                    continue
                if not F.is_count_unit(unit):
                    continue
                psum = sum(Fraction(p.number.value) for _, p in group)
                tol = sum(Fraction(1, 2 * 10 ** p.number.decimals) for _, p in group)
                # shares that add up to about 100% describe one whole; one mistyped share may move the sum
                # by up to a point, so the gate is wider than rounding, and then only a single item may disagree
                loose = abs(psum - 100) > tol
                # a share mistyped by two or three points ("16,24%" written "18,24%"): only among three or more
                # items (with two, one wrong share always leaves the other one disagreeing too), and as a warning
                wide = abs(psum - 100) > max(tol, 1)
                if wide and (len(group) < 3 or abs(psum - 100) > 3):
                    continue
                total = sum(Fraction(q.number.value) for q, _ in group)
                if total <= 0:
                    continue
                from ..figures import parse_number

                tnum = parse_number(fmt(total))
                found_all = []
                for q, p in group:
                    ctx.coverage.count("shares", "clause")
                    # the total is the sum of the items: no single-digit typo of one item explains a mismatch
                    found = judge_percent(PctRelation(q.number, tnum, p.number, q.start, p.end, True), style, bf.block,
                                          typo=False)
                    if found:
                        if found.variant == "default":
                            found.variant = "siblings"
                        found_all.append(found)
                if loose:
                    # one mistyped share moved the sum: report it alone (a truncation note elsewhere is not a
                    # second disagreement)
                    wrong = [f for f in found_all if f.severity is not Severity.INFO]
                    if len(wrong) != 1:
                        continue
                    found_all = wrong
                    if wide:
                        found_all[0].severity = Severity.WARNING
                yield from found_all


# --- 6. growth ------------------------------------------------------------------------

@dataclass(slots=True, kw_only=True)
class GrowthParams:
    """Words of increase, decrease and no change, and how far the figures may stand apart."""

    __pydantic_config__ = FORBID
    up: tuple[str, ...] = ("tăng",)
    down: tuple[str, ...] = ("giảm",)
    level: tuple[str, ...] = ("bằng",)
    max_gap: int = 60


# the reference period of a comparison: "so với cùng kỳ [năm trước|năm 2023]", "so với tháng trước", …
_REF = r"(?:cùng kỳ|kỳ trước|tháng trước|quý trước|năm trước|đầu năm|năm \d{4})(?:\s+(?:năm\s+)?(?:trước|\d{4}))?"
# "… so với cùng kỳ (1.000 tỷ đồng)", "… so với cùng kỳ năm trước (cùng kỳ: 1.000 tỷ đồng)"
_REF_PAREN = re.compile(r"\s*so\s+với\s+" + _REF + r"\s*\(\s*(?:(?:cùng kỳ|năm trước|kỳ trước|năm \d{4})"
                        r"(?:\s+năm\s+(?:trước|\d{4}))?\s*(?:là\s*)?:?\s*)?", re.I)
# "Q1 (cùng kỳ: Q2), tăng x%", "Q1 (năm 2023: Q2), tăng x% so với cùng kỳ"
_PAREN_REF = re.compile(r"\s*\(\s*(?:cùng kỳ|năm trước|kỳ trước|tháng trước|năm \d{4})(?:\s+năm\s+(?:trước|\d{4}))?"
                        r"\s*(?:là\s*)?:?\s*", re.I)
_PAREN_CLOSE = re.compile(r"\s*\)")
# "… tăng x% so với cùng kỳ năm 2024 là Q2", "… so với cùng kỳ: Q2"
_REF_LA = re.compile(r"\s*so\s+với\s+" + _REF + r"\s*(?:là\s*:?|:)\s*", re.I)
# "giảm 2 vụ so với cùng kỳ (giảm 10%)", "tăng 84 tỷ đồng so với đầu năm, tương ứng 8,1%"
_AMOUNT_PCT = re.compile(r"\s*(?:so\s+với\s+" + _REF + r"\s*)?(?:\(\s*|,\s*(?:tương ứng|tương đương)\s+)"
                         r"(?:(tăng|giảm)\s+)?", re.I)
_PCT_CLOSE = re.compile(r"\s*[).,;]|\s*$")
# "từ Q2 lên Q1", "từ Q2 xuống (còn) Q1"
_FROM_TO = re.compile(r"\s+(lên|xuống còn|xuống|còn)\s+", re.I)


@register("growth")
class Growth(Check):
    """"Q1 …, tăng|giảm x% so với cùng kỳ (Q2)", "Q1 (cùng kỳ: Q2), tăng x%", "từ Q2 lên Q1 (tăng x%)":
    (Q1 − Q2)/Q2·100 ≈ ±x; "Q1, bằng x% so với cùng kỳ (Q2)": Q1/Q2·100 ≈ x.

    The compared value must be stated as the earlier value of the same indicator (in parentheses right after
    the comparison or the figure, or as "từ … lên …"): a figure of the next clause is another indicator."""

    Params = GrowthParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        words = {w.lower(): "up" for w in self.params.up}
        words.update({w.lower(): "down" for w in self.params.down})
        words.update({w.lower(): "level" for w in self.params.level})
        for bf in blocks_with(doc, ctx, "percent"):  # both forms state a change as a percent
            text = bf.block.text
            if "%" not in text:
                continue
            figs = bf.figs
            real = [k for k, f in enumerate(figs) if not isinstance(f, F.Link)]
            done = set()
            for n, k in enumerate(real):
                p = figs[k]
                if not isinstance(p, F.Percent) or k == 0 or p.start in done:
                    continue
                link = figs[k - 1]
                if not isinstance(link, F.Link) or link.word.lower() not in words or text[link.end:p.start].strip():
                    continue
                mode = words[link.word.lower()]
                found = self._stated_after(bf, real, n, p) or self._stated_before(bf, real, n, link, p) \
                    or self._from_to(bf, real, n, link, p)
                if found is None:
                    continue
                q1, q2 = found
                done.add(p.start)
                r = self._judge(bf, ctx, q1, q2, link, p, mode)
                if r:
                    yield r
            yield from self._by_amount(bf, ctx, real)

    def _by_amount(self, bf, ctx, real):
        """"Q1 …, giảm N … so với cùng kỳ (giảm x%)": the earlier value is Q1 ± N, and N of it is x%."""
        figs, text = bf.figs, bf.block.text
        for n in range(1, len(real) - 1):
            k = real[n]
            d, p = figs[k], figs[real[n + 1]]
            link = figs[k - 1]
            if not (_is_qty(d) and isinstance(p, F.Percent) and isinstance(link, F.Link)):
                continue
            word = link.word.lower()
            if word not in ("tăng", "giảm") or text[link.end:d.start].strip():
                continue
            m = _AMOUNT_PCT.fullmatch(text, d.end, p.start)
            if not m or (m.group(1) and m.group(1).lower() != word) or not _PCT_CLOSE.match(text, p.end):
                continue
            q1 = self._q1_before(bf, real, n, link)
            if q1 is None or q1.unit != d.unit or link.start - q1.end > self.params.max_gap:
                continue
            if any(x.number.malformed for x in (q1, d)) or p.number.malformed:
                continue
            exact = _is_count(q1.unit)
            qlo, qhi = _num_iv(q1.number, exact)
            dlo, dhi = _num_iv(d.number, exact)
            if word == "giảm":
                lo, hi = dlo / (qhi + dlo), dhi / (qlo + dhi)
                base = Fraction(q1.number.value) + Fraction(d.number.value)
                sign = "+"
            else:
                if qlo - dhi <= 0:
                    continue
                lo, hi = dlo / (qhi - dlo), dhi / (qlo - dhi)
                base = Fraction(q1.number.value) - Fraction(d.number.value)
                sign = "−"
            if base <= 0:
                continue
            plo, phi = interval(p.number.value, p.number.decimals, False)
            ctx.coverage.count("growth", "clause")
            if lo * 100 <= phi and plo <= hi * 100:
                continue
            g = Fraction(d.number.value) * 100 / base
            dp = p.number.decimals
            args = {"computation": f"{d.number.text}/({q1.number.text} {sign} {d.number.text}) = {word} {fmt(g, dp)}%",
                    "stated": f"{word} {p.text}"}
            yield Finding(bf.block, q1.start, p.end, args=args, expected=f"{word} {fmt(g, dp)}%",
                          actual=f"{word} {p.text}")

    def _q1_before(self, bf, real, n, link):
        """The figure the comparison is about: the last quantity before it in the same clause, with only
        shares or plan percentages ("đạt 74,6% dự toán") between, not in parentheses."""
        figs = bf.figs
        for m in range(n - 1, -1, -1):
            g = figs[real[m]]
            if isinstance(g, F.Percent):
                continue
            if not _is_qty(g) or in_paren(bf, g.start) or not same_unit_scope(bf, g.end, link.start):
                return None
            if link.start - g.end > 2 * self.params.max_gap or "(" in bf.block.text[g.end:link.start]:
                return None
            return g
        return None

    def _stated_after(self, bf, real, n, p):
        """"Q1 …, tăng x% so với cùng kỳ (năm trước) (Q2)", "Q1 …, tăng x% so với cùng kỳ năm 2024 là Q2",
        "Q1 (tăng x% so với cùng kỳ là Q2)"."""
        figs, text = bf.figs, bf.block.text
        m = _REF_PAREN.match(text, p.end)
        la = False
        if not m:
            m = _REF_LA.match(text, p.end)
            la = True
        if not m:
            return None
        # the period of the comparison ("năm 2024") is a figure of its own inside the matched words
        nxt = [real[j] for j in range(n + 1, len(real)) if figs[real[j]].start >= m.end()]
        if not nxt or any(not isinstance(figs[real[j]], F.Period) for j in range(n + 1, len(real))
                          if figs[real[j]].start < m.end()):
            return None
        q2 = figs[nxt[0]]
        if q2.start != m.end() or not _is_qty(q2):
            return None
        closed = _PAREN_CLOSE.match(text, q2.end)
        if la and not (closed or re.match(r"\s*[,;.]|\s*$", text[q2.end:])):
            return None
        if not la and not closed:
            return None
        link = figs[real[n] - 1]
        q1 = self._q1_before(bf, real, n, link)
        if q1 is None and la and closed and n >= 1:
            # "Q1 (tăng x% so với cùng kỳ là Q2)": the parenthesis opens right after Q1 and closes after Q2
            g = figs[real[n - 1]]
            if _is_qty(g) and re.fullmatch(r"[^\d(),;.:]{0,40}\(\s*", text[g.end:link.start]) and not in_paren(bf, g.start):
                q1 = g
        return (q1, q2) if q1 is not None else None

    def _stated_before(self, bf, real, n, link, p):
        """"Q1 (cùng kỳ: Q2), tăng x% [so với cùng kỳ]"."""
        figs, text = bf.figs, bf.block.text
        if n < 2:
            return None
        q1, q2 = figs[real[n - 2]], figs[real[n - 1]]
        if not (_is_qty(q1) and _is_qty(q2)) or in_paren(bf, q1.start):
            return None
        m = _PAREN_REF.match(text, q1.end)
        if not m or m.end() != q2.start:
            return None
        c = _PAREN_CLOSE.match(text, q2.end)
        if not c or not re.fullmatch(r"\s*,?\s*", text[c.end():link.start]):
            return None
        return q1, q2

    def _from_to(self, bf, real, n, link, p):
        """"từ Q2 lên Q1 (tăng x%)", "từ Q2 lên Q1, tăng x%", "tăng x% (từ Q2 lên Q1)"."""
        figs, text = bf.figs, bf.block.text
        # after: the pair right before the percentage
        if n >= 2:
            q2, q1 = figs[real[n - 2]], figs[real[n - 1]]
            if _is_qty(q1) and _is_qty(q2) and re.search(r"(?<!\w)từ\s+$", text[max(0, q2.start - 6):q2.start], re.I) \
                    and _FROM_TO.fullmatch(text, q2.end, q1.start) \
                    and re.fullmatch(r"\s*(?:,|\()\s*(?:tức là\s+|hay\s+)?", text[q1.end:link.start], re.I):
                return q1, q2
        # before: "tăng x% (từ Q2 lên Q1)"
        if n + 2 < len(real):
            q2, q1 = figs[real[n + 1]], figs[real[n + 2]]
            if _is_qty(q1) and _is_qty(q2) and re.fullmatch(r"\s*(?:so\s+với\s+" + _REF + r"\s*)?\(\s*từ\s+",
                                                            text[p.end:q2.start], re.I) \
                    and _FROM_TO.fullmatch(text, q2.end, q1.start) and _PAREN_CLOSE.match(text, q1.end):
                return q1, q2
        return None

    def _judge(self, bf, ctx, q1, q2, link, p, mode):
        if _family(q1.unit) != _family(q2.unit) or (q1.unit != q2.unit and _is_count(q1.unit)):
            return None
        if q1.number.malformed or q2.number.malformed or p.number.malformed:
            return None
        iv1, iv2 = operand_interval(q1, q1.unit), operand_interval(q2, q1.unit)
        if iv1 is None or iv2 is None or iv2[0] <= 0:
            return None
        plo, phi = interval(p.number.value, p.number.decimals, False)
        if mode == "level":
            glo, ghi = iv1[0] * 100 / iv2[1], iv1[1] * 100 / iv2[0]
        else:
            if mode == "down":
                plo, phi = -phi, -plo
            glo = (iv1[0] / iv2[1] - 1) * 100
            ghi = (iv1[1] / iv2[0] - 1) * 100
        ctx.coverage.count("growth", "clause")
        if glo <= phi and plo <= ghi:
            return None
        v1, v2 = operand_value(q1, q1.unit), operand_value(q2, q1.unit)
        dp = p.number.decimals
        if mode == "level":
            g = v1 * 100 / v2
            computation = f"{q1.number.text}/{q2.number.text} = {fmt(g, dp)}%"
            expected = f"{fmt(g, dp)}%"
        else:
            g = (v1 / v2 - 1) * 100
            word = "tăng" if g >= 0 else "giảm"
            computation = f"({q1.number.text} − {q2.number.text})/{q2.number.text} = {word} {fmt(abs(g), dp)}%"
            expected = f"{word} {fmt(abs(g), dp)}%"
        start, end = min(q1.start, q2.start, p.start), max(q1.end, q2.end, p.end)
        args = {"computation": computation, "stated": f"{link.text} {p.text}"}
        return Finding(bf.block, start, end, args=args, expected=expected, actual=f"{link.text} {p.text}")


def _is_count(unit) -> bool:
    from ..figures import is_count_unit

    return bool(is_count_unit(unit))


# --- 7. anniversaries and spans -------------------------------------------------------

@dataclass(slots=True, kw_only=True)
class AnniversaryParams:
    """Words of anniversaries and reviews, which count years differently."""

    __pydantic_config__ = FORBID
    strict: tuple[str, ...] = ("kỷ niệm", "chào mừng", "mừng")
    inclusive: tuple[str, ...] = ("tổng kết", "sơ kết")
    reviews: tuple[str, ...] = ("tổng kết", "sơ kết")
    review_verbs: tuple[str, ...] = ("thực hiện", "triển khai", "thi hành", "triển khai thực hiện", "việc thực hiện")
    max_gap: int = 160


@lru_cache(maxsize=8)
def _anniversary_patterns(strict: tuple, inclusive: tuple, reviews: tuple, review_verbs: tuple) -> tuple:
    """(trigger, bare, strict_before, review) patterns of the anniversary rule's parameters, compiled once."""
    words = strict + inclusive
    trig = re.compile(r"(%s)\s+(?:lần thứ\s+)?(\d{1,4})\s+năm\b" % "|".join(map(re.escape, words)), re.I)
    bare = re.compile(r"(?<![\w/.,-])(\d{1,3})\s+năm(?!\s+\d)\b", re.I)
    strict_before = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, strict)), re.I)
    review = re.compile(r"(?<!\w)(%s)\s+(\d{1,3})\s+năm\s+(?:%s)\b" % (
        "|".join(map(re.escape, reviews)),
        "|".join(map(re.escape, sorted(review_verbs, key=len, reverse=True)))), re.I)
    return trig, bare, strict_before, review


# a number then "năm": what both the trigger and the bare pattern need (starts with a digit: a quick scan)
_NUMBER_NAM = re.compile(r"\d\s+năm", re.I)


@register("anniversary")
class Anniversary(Check):
    """"kỷ niệm N năm … (Y1 - Y2)", "(dd/mm/Y1 - dd/mm/Y2)", "N năm xây dựng … (Y1 - Y2)": Y2 − Y1 = N;
    "tổng kết N năm thực hiện Nghị quyết … ngày d/m/Y": the report's year − Y = N (± 1, warning)."""

    Params = AnniversaryParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        p = self.params
        trig, bare, strict_before, review = _anniversary_patterns(
            tuple(p.strict), tuple(p.inclusive), tuple(p.reviews), tuple(p.review_verbs))
        report_year = None
        for bf in doc_figures(doc, ctx):
            text = bf.block.text
            # every pattern below needs a number then "năm" (case-insensitive); the substring test is the
            # cheaper one and rules out most blocks first
            if "năm" not in text.lower() or not _NUMBER_NAM.search(text):
                continue
            # a stated span is checked against a parenthesis after it, a review against a dated document
            if bf.parens:
                yield from self._spans(bf, ctx, trig, bare, strict_before)
            if not any(isinstance(f, F.Date) and f.year for f in bf.figs):
                continue
            # "tổng kết 10 năm thực hiện Nghị quyết số 33-NQ/TW ngày 09/6/2014" in a report of 2024
            for m in review.finditer(text):
                date = next((f for f in bf.figs_in(m.end(), m.end() + p.max_gap + 1)
                             if isinstance(f, F.Date) and f.year), None)
                if date is None or not same_unit_scope(bf, m.end(), date.start):
                    continue
                between = text[m.end():date.start]
                # the date of the document reviewed: "… Nghị quyết số 33-NQ/TW ngày 09/6/2014"
                if len(between) > 90 or not re.search(r"(?<!\w)số\s+[\w./-]+\s*,?\s*(?:ngày\s+)?$", between, re.I):
                    continue
                if re.search(r"\(", between) or any(
                        isinstance(f, (F.YearSpan, F.Period)) for f in bf.figs_in(m.end(), date.start)):
                    continue
                if report_year is None:
                    report_year = self._report_year(ctx) or 0
                if not report_year:
                    break
                n = int(m.group(2))
                diff = report_year - date.year
                ctx.coverage.count("anniversary", "sentence")
                if abs(diff - n) <= 1:  # a review may fall in the year before or after the N-th anniversary
                    continue
                args = {"computation": f"{report_year} − {date.year} = {diff}", "stated": str(n)}
                yield Finding(bf.block, m.start(), date.end, args=args, variant="review", expected=str(diff),
                              actual=str(n), severity=Severity.WARNING)

    def _spans(self, bf, ctx: Context, trig, bare, strict_before) -> Iterable[Finding]:
        """"kỷ niệm N năm … (Y1 - Y2)", "N năm … (Y1 - Y2)": N against the span in the parenthesis after it."""
        p = self.params
        text = bf.block.text
        if not _NUMBER_NAM.search(text):
            return
        matches = list(trig.finditer(text))
        done = {m.start(2) for m in matches}
        # "75 năm Ngày truyền thống … (1948-2023)" without a trigger word right before the number
        spans = [(m, True) for m in matches] + [(m, False) for m in bare.finditer(text) if m.start(1) not in done]
        spans.sort(key=lambda x: x[0].start())
        paren_starts = [s_ for s_, _ in bf.parens]
        for mi, (m, triggered) in enumerate(spans):
            n = int(m.group(2) if triggered else m.group(1))
            limit = spans[mi + 1][0].start() if mi + 1 < len(spans) else len(text)
            q = bisect.bisect_left(paren_starts, m.end())  # the first parenthesis after the match
            paren = bf.parens[q] if q < len(paren_starts) and paren_starts[q] < limit else None
            if paren is None or not same_unit_scope(bf, m.end(), paren[0]):
                continue
            if paren[0] - m.end() > p.max_gap:
                continue
            if not triggered and re.search(r"\d", text[m.end():paren[0]]):
                continue
            years = self._span(bf, paren)
            if years is None:
                continue
            diff = years[1] - years[0]
            ctx.coverage.count("anniversary", "clause")
            if triggered:
                inclusive = m.group(1).lower() in [w.lower() for w in p.inclusive]
                if diff == n or (inclusive and diff + 1 == n):
                    continue
                severity = Severity.WARNING if inclusive else None
            else:
                # "giai đoạn 5 năm (2021 - 2025)" counts both ends
                if diff == n or diff + 1 == n:
                    continue
                k = bisect.bisect_left(bf.sent_bounds, m.start())
                sent_start = bf.sent_bounds[k - 1] if k > 0 else 0
                severity = None if strict_before.search(text, sent_start, m.start()) else Severity.WARNING
            args = {"computation": f"{years[1]} − {years[0]} = {diff}", "stated": str(n)}
            yield Finding(bf.block, m.start(), paren[1], args=args, expected=str(diff), actual=str(n),
                          severity=severity)

    @staticmethod
    def _span(bf, paren) -> tuple[int, int] | None:
        text = bf.block.text
        inner = [f for f in bf.figs_in(paren[0] + 1, paren[1]) if f.end < paren[1] and not isinstance(f, F.Link)]
        if len(inner) == 1 and isinstance(inner[0], F.YearSpan):
            return inner[0].first, inner[0].last
        if len(inner) == 2 and all(isinstance(f, F.Date) and f.year for f in inner) \
                and re.fullmatch(r"\s*[-–—]\s*", text[inner[0].end:inner[1].start]):
            return inner[0].year, inner[1].year
        return None

    @staticmethod
    def _report_year(ctx: Context) -> int | None:
        """The year the report speaks of (its period), else the year of its date line."""
        try:
            from .dates import report_period, report_point

            rp = report_period(ctx)
            if rp:
                return rp[0]
            pt = report_point(ctx)
            return pt[0] if pt else None
        except Exception:  # pragma: no cover - the header reader must never break this rule
            return None
