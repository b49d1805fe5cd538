"""Arithmetic relations between several figures: parts vs total, remainders, shares, growth,
anniversaries and footnote breakdowns. Shares the per-document extraction of `arithmetic`."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Iterable

from pydantic import BaseModel, ConfigDict

from ..document import BlockKind, Document
from ..issues import Severity
from .arithmetic import (BlockFigures, noun_count_cls, PctRelation, _figs, _doc_style, _pct_holds, doc_figures, fmt, in_paren,
                         interval, judge_percent, same_unit_scope, truncates_to)
from .base import Check, Context, Finding, register


def _is_qty(f) -> bool:
    F = _figs()
    return isinstance(f, F.Quantity)


def _num_iv(n, exact: bool) -> tuple[Fraction, Fraction]:
    return interval(n.value, n.decimals, exact and n.decimals == 0)


def _family(unit):
    from ..units import family

    return family(unit)


def _to_unit(q, unit: str) -> tuple[Fraction, Fraction] | None:
    """q's rounding interval expressed in `unit` (None if they do not convert)."""
    from ..figures import is_count_unit
    from ..units import factor

    k = factor(q.unit, unit)
    if k is None:
        return None
    lo, hi = _num_iv(q.number, is_count_unit(q.unit))
    return lo * k, hi * k


def _val(q, unit: str) -> Fraction | None:
    from ..units import factor

    k = factor(q.unit, unit)
    return None if k is None else Fraction(q.number.value) * k


def _unit_total_decimals(q) -> int:
    return q.number.decimals


_REST_NEAR = re.compile(r"(?:còn lại|còn|tồn|chưa)\s*$", re.I)
_REST_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?còn lại", re.I)


# --- 3. parts vs total -----------------------------------------------------------------

class PartsParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    partial_words: list[str] = ["trong đó", "có", "như", "nhất là", "riêng"]
    complete_words: list[str] = ["gồm", "bao gồm"]
    target_nouns: list[str] = ["chỉ tiêu", "tiêu chí"]
    max_noun_words: int = 5


@register("parts-total")
class PartsTotal(Check):
    """A total and its breakdown: in parentheses, after "trong đó"/"gồm", or "đạt và vượt A/B chỉ tiêu, C chỉ tiêu…"."""

    Params = PartsParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        seen = set()
        for bf in doc_figures(doc, ctx):
            for found in (*self._parens(bf, ctx), *self._gom(bf, ctx), *self._targets(bf, ctx)):
                key = (found.block.index, found.start, found.end)
                if key not in seen:
                    seen.add(key)
                    yield found

    # "24 cuộc phản biện (03 cuộc cấp huyện và 21 cuộc cấp xã)"
    def _parens(self, bf: BlockFigures, ctx: Context) -> Iterable[Finding]:
        F = _figs()
        text = bf.block.text
        for ps, pe in bf.parens:
            before = [f for f in bf.figs if f.end <= ps and not isinstance(f, F.Link)]
            if not before:
                continue
            total = before[-1]
            if not _is_qty(total) or in_paren(bf, total.start) or not same_unit_scope(bf, total.end, ps, True):
                continue
            gap = text[total.end:ps]
            if not re.fullmatch(r"\s*(?:[^\W\d_]+\s*){0,%d}" % self.params.max_noun_words, gap):
                continue
            inner = [f for f in bf.figs if ps < f.start and f.end < pe and not isinstance(f, F.Link)]
            # "(08 khiển trách, 02 cảnh cáo)": a count of another noun is a bare part of the total
            inner = [f.number if isinstance(f, noun_count_cls()) and f.unit != total.unit else f for f in inner]
            inner_text = text[ps + 1:pe - 1]
            if not inner or any(not isinstance(f, (F.Quantity, F.Number)) for f in inner):
                continue
            single = len(inner) == 1
            if any(isinstance(f, F.Number) for f in inner):
                # bare numbers count as parts only right after the total ("10 đảng viên (08 …, 02 …)")
                if gap.strip() or any(isinstance(f, F.Quantity) for f in inner):
                    continue
                if any(s < f.start < e for f in inner for s, e in bf.parens if (s, e) != (ps, pe)):
                    continue
                parts_iv = [_num_iv(f, True) for f in inner]
                exact_total = _num_iv(total.number, True)
                if not F.is_count_unit(total.unit) or isinstance(total, noun_count_cls()):
                    continue
                severity = Severity.WARNING
                point = sum(Fraction(f.value) for f in inner)
                unit = total.unit
            else:
                if any(_family(f.unit) != _family(total.unit) for f in inner):
                    continue
                ivs = [_to_unit(f, total.unit) for f in inner]
                if any(iv is None for iv in ivs):
                    continue
                parts_iv = ivs
                exact_total = _num_iv(total.number, F.is_count_unit(total.unit))
                severity = None
                point = sum(_val(f, total.unit) for f in inner)
                unit = total.unit
            partial = single or bool(re.match(r"\s*(?:%s)\b" % "|".join(map(re.escape, self.params.partial_words)),
                                              inner_text, re.I))
            yield from self._judge(bf, ctx, total, parts_iv, exact_total, point, partial, severity,
                                   [f.text for f in inner], unit, total.start, pe,
                                   max([f.decimals if isinstance(f, F.Number) else f.number.decimals for f in inner]))

    def _judge(self, bf, ctx, total, parts_iv, total_iv, point, partial, severity, part_texts, unit, start, end,
               part_decimals=0):
        ctx.coverage.relations += 1
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
        F = _figs()
        text = bf.block.text
        words = {w.lower() for w in self.params.complete_words} | {"trong đó"}
        for i, link in enumerate(bf.figs):
            if not isinstance(link, F.Link) or link.word not in words or in_paren(bf, link.start):
                continue
            before = [f for f in bf.figs[:i] if not isinstance(f, F.Link)]
            if not before or not _is_qty(before[-1]):
                continue
            total = before[-1]
            if in_paren(bf, total.start) or not same_unit_scope(bf, total.end, link.start, True):
                continue
            if link.start - total.end > 60 or re.search(r"\d", text[total.end:link.start]):
                continue
            parts = []
            colon = text[link.end:link.end + 3].lstrip().startswith(":") or link.word != "trong đó"
            for f in bf.figs[i + 1:]:
                if not same_unit_scope(bf, link.start, f.start, colon):
                    break
                if isinstance(f, F.Link) or in_paren(bf, f.start):
                    continue
                if isinstance(f, (F.Percent, F.Ratio, F.Pair)):
                    parts = []
                    break
                if _is_qty(f) and _family(f.unit) == _family(total.unit):
                    parts.append(f)
            if len(parts) < (1 if link.word == "trong đó" else 2):
                continue
            ivs = [_to_unit(f, total.unit) for f in parts]
            if any(iv is None for iv in ivs):
                continue
            partial = link.word == "trong đó"
            point = sum(_val(f, total.unit) for f in parts)
            yield from self._judge(bf, ctx, total, ivs, _num_iv(total.number, F.is_count_unit(total.unit)), point,
                                   partial, None, [f.number.text for f in parts], total.unit, total.start, parts[-1].end)

    # "đạt và vượt 36/50 chỉ tiêu, 09 chỉ tiêu …, 05 chỉ tiêu …"
    def _targets(self, bf: BlockFigures, ctx: Context) -> Iterable[Finding]:
        F = _figs()
        text = bf.block.text
        for i, r in enumerate(bf.figs):
            if not isinstance(r, F.Ratio) or r.noun not in self.params.target_nouns:
                continue
            if r.num.malformed or r.den.malformed or r.num.decimals or r.den.decimals:
                continue
            parts = []
            for f in bf.figs[i + 1:]:
                if not same_unit_scope(bf, r.end, f.start, True):
                    break
                if isinstance(f, F.Ratio) and f.noun == r.noun:
                    parts = []
                    break
                if _is_qty(f) and f.unit == r.noun and not in_paren(bf, f.start):
                    parts.append(f)
            if len(parts) < 2:
                continue  # one remainder is the remainder rule's
            rest = any(_REST_NEAR.search(text[max(0, q.start - 12):q.start]) or _REST_AFTER.match(text[q.end:q.end + 25])
                       for q in parts)
            total = r.den.value
            point = Fraction(r.num.value) + sum(Fraction(q.number.value) for q in parts)
            ctx.coverage.relations += 1
            if point > total or (rest and point < total):
                args = {"parts": " + ".join([r.num.text] + [q.number.text for q in parts]), "sum": fmt(point),
                        "unit": r.noun, "total": r.den.text}
                yield Finding(bf.block, r.start, parts[-1].end, args=args,
                              variant="exceeds" if point > total else "short",
                              expected=fmt(point), actual=r.den.text)


def _decimals_of(t: str) -> int:
    from ..figures import parse_number

    n = parse_number(t)
    return n.decimals if n else 0


# --- 4. remainder ---------------------------------------------------------------------

class RemainderParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    total_words: list[str] = ["thụ lý", "tiếp nhận", "nhận", "tổng số", "tổng cộng", "tổng", "có", "thực hiện"]
    rest_words: list[str] = ["tồn", "còn lại", "còn", "chuyển sang", "chưa giải quyết"]


@register("remainder")
class Remainder(Check):
    """total − done = remaining: "thụ lý 1.375 vụ, giải quyết 1.117 vụ, tồn 258 vụ"; "14/19 tiêu chí, còn 05 tiêu chí"."""

    Params = RemainderParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        F = _figs()
        rest_re = re.compile(r"(?:%s)\s*(?:lại\s*)?(?:là\s*)?$" % "|".join(map(re.escape, self.params.rest_words)), re.I)
        total_re = re.compile(r"(?:%s)\s+(?:[^\W\d_]+\s+){0,3}$" % "|".join(map(re.escape, self.params.total_words)), re.I)
        for bf in doc_figures(doc, ctx):
            text = bf.block.text
            figs = [f for f in bf.figs if not isinstance(f, F.Link) and not in_paren(bf, f.start)]
            for k, f in enumerate(figs):
                # ratio form: A/B noun …, còn C noun
                if isinstance(f, F.Ratio) and F.is_count_unit(f.noun) and not (f.num.decimals or f.den.decimals):
                    after = [g for g in figs[k + 1:] if same_unit_scope(bf, f.end, g.start, True)]
                    same = [g for g in after if _is_qty(g) and g.unit == f.noun]
                    if len(same) != 1 or any(isinstance(g, F.Ratio) for g in after[:after.index(same[0])]):
                        continue
                    q = same[0]
                    if not rest_re.search(text[max(0, q.start - 15):q.start]) and not _REST_AFTER.match(text[q.end:q.end + 25]):
                        continue
                    yield from self._judge(bf, ctx, f.den, f.num, q.number, f.noun, f.start, q.end)
            # quantity form: three same-unit counts in one sentence
            groups: dict[tuple, list] = {}
            for f in figs:
                if _is_qty(f) and F.is_count_unit(f.unit):
                    sent = sum(1 for b in bf.sent_bounds if b < f.start)
                    groups.setdefault((sent, f.unit), []).append(f)
            for (_, unit), qs in groups.items():
                if len(qs) != 3:
                    continue
                q1, q2, q3 = qs
                if not rest_re.search(text[max(0, q3.start - 15):q3.start]):
                    continue
                if not total_re.search(text[max(0, q1.start - 40):q1.start]):
                    continue
                yield from self._judge(bf, ctx, q1.number, q2.number, q3.number, unit, q1.start, q3.end)

    def _judge(self, bf, ctx, total, done, rest, unit, start, end):
        if any(n.malformed for n in (total, done, rest)):
            return
        ctx.coverage.relations += 1
        expected = total.value - done.value
        if expected == rest.value:
            return
        args = {"computation": f"{total.text} − {done.text} = {fmt(expected)}", "stated": rest.text, "unit": unit}
        yield Finding(bf.block, start, end, args=args, expected=fmt(expected), actual=rest.text)


# --- 5. shares ------------------------------------------------------------------------

class SharesParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    links: list[str] = ["chiếm", "tỷ lệ", "tỉ lệ", "bằng"]


@register("shares")
class Shares(Check):
    """Sibling items "N_i …, chiếm p_i%" against their common total, and "X …, trong đó Y … (chiếm p%)"."""

    Params = SharesParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        F = _figs()
        style = _doc_style(doc, ctx)
        for bf in doc_figures(doc, ctx):
            text = bf.block.text
            items = []  # (quantity, percent, index of quantity)
            figs = bf.figs
            for i, f in enumerate(figs):
                if not isinstance(f, F.Percent):
                    continue
                prev = [k for k in range(i - 1, -1, -1) if not isinstance(figs[k], F.Link)]
                if not prev:
                    continue
                k = prev[0]
                q = figs[k]
                if not _is_qty(q) or not same_unit_scope(bf, q.end, f.start) or f.start - q.end > 80:
                    continue
                links = {g.word for g in figs[k + 1:i] if isinstance(g, F.Link)}
                gap = text[q.end:f.start]
                if not (links & set(self.params.links)) and not re.fullmatch(r"\s*\(\s*", gap):
                    continue
                if links & {"tăng", "giảm", "đạt", "vượt", "so với cùng kỳ"}:
                    continue
                if re.match(r"\s*(?:so với|chỉ tiêu|kế hoạch)", text[f.end:f.end + 20], re.I):
                    continue
                items.append((q, f, k))
            done = set()
            # parent: "X …, trong đó Y … (chiếm p%)"
            for q, p, k in items:
                links_before = [g for g in figs[:k] if isinstance(g, F.Link) and g.word == "trong đó"
                                and same_unit_scope(bf, g.end, q.start, True)]
                if not links_before:
                    continue
                td = links_before[-1]
                parents = [g for g in figs if g.end <= td.start and not isinstance(g, F.Link)]
                if not parents or not _is_qty(parents[-1]) or parents[-1].unit != q.unit:
                    continue
                x = parents[-1]
                if not same_unit_scope(bf, x.end, td.start, True) or re.search(r"\d", text[x.end:td.start]):
                    continue
                if any(_is_qty(g) and g.unit == q.unit for g in figs if td.end <= g.start < q.start):
                    continue
                exact = F.is_count_unit(q.unit)
                ctx.coverage.relations += 1
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
                parents = [g for g in figs if g.end <= par[0] and not isinstance(g, F.Link)]
                if parents and isinstance(parents[-1], F.Percent) and len(parents) > 1:
                    parents = parents[:-1]
                if not parents or not _is_qty(parents[-1]) or not same_unit_scope(bf, parents[-1].end, par[0]):
                    continue
                x = parents[-1]
                if not (F.is_count_unit(x.unit) and F.is_count_unit(q.unit)) or in_paren(bf, x.start):
                    continue
                ctx.coverage.relations += 1
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
                psum = sum(Fraction(p.number.value) for _, p in group)
                tol = sum(Fraction(1, 2 * 10 ** p.number.decimals) for _, p in group)
                if abs(psum - 100) > tol:
                    continue
                if not F.is_count_unit(unit):
                    continue
                total = sum(Fraction(q.number.value) for q, _ in group)
                if total <= 0:
                    continue
                from ..figures import parse_number

                tnum = parse_number(fmt(total))
                for q, p in group:
                    ctx.coverage.relations += 1
                    found = judge_percent(PctRelation(q.number, tnum, p.number, q.start, p.end, True), style, bf.block)
                    if found:
                        if found.variant == "default":
                            found.variant = "siblings"
                        found.args["computation"] = found.args["computation"]
                        yield found


# --- 6. growth ------------------------------------------------------------------------

class GrowthParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    up: list[str] = ["tăng"]
    down: list[str] = ["giảm"]


@register("growth")
class Growth(Check):
    """"Q1 …, tăng|giảm x% so với cùng kỳ (Q2)": (Q1 − Q2)/Q2·100 ≈ ±x, when both values are stated."""

    Params = GrowthParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        F = _figs()
        for bf in doc_figures(doc, ctx):
            text = bf.block.text
            figs = bf.figs
            for i, p in enumerate(figs):
                if not isinstance(p, F.Percent) or i == 0:
                    continue
                link = figs[i - 1]
                if not isinstance(link, F.Link) or link.word not in set(self.params.up) | set(self.params.down):
                    continue
                if text[link.end:p.start].strip():
                    continue
                after = text[p.end:p.end + 40]
                if not re.match(r"\s*so với", after, re.I):
                    continue
                before = [f for f in figs[:i - 1] if not isinstance(f, F.Link)]
                if not before or not _is_qty(before[-1]):
                    continue
                q1 = before[-1]
                if not same_unit_scope(bf, q1.end, p.start, True) or link.start - q1.end > 60:
                    continue
                later = [f for f in figs[i + 1:] if not isinstance(f, F.Link)]
                if not later or not _is_qty(later[0]) or _family(later[0].unit) != _family(q1.unit):
                    continue
                q2 = later[0]
                gap = text[p.end:q2.start]
                if len(gap) > 80 or not same_unit_scope(bf, p.end, q2.start, True):
                    continue
                iv1, iv2 = _to_unit(q1, q1.unit), _to_unit(q2, q1.unit)
                if iv1 is None or iv2 is None or iv2[0] <= 0:
                    continue
                sign = 1 if link.word in self.params.up else -1
                plo, phi = interval(p.number.value, p.number.decimals, False)
                if sign < 0:
                    plo, phi = -phi, -plo
                glo = (iv1[0] / iv2[1] - 1) * 100
                ghi = (iv1[1] / iv2[0] - 1) * 100
                ctx.coverage.relations += 1
                if glo <= phi and plo <= ghi:
                    continue
                v1, v2 = _val(q1, q1.unit), _val(q2, q1.unit)
                g = (v1 / v2 - 1) * 100
                dp = p.number.decimals
                word = "tăng" if g >= 0 else "giảm"
                args = {"computation": f"({q1.number.text} − {q2.number.text})/{q2.number.text} = {word} {fmt(abs(g), dp)}%",
                        "stated": f"{link.text} {p.text}"}
                yield Finding(bf.block, q1.start, q2.end, args=args, expected=f"{word} {fmt(abs(g), dp)}%",
                              actual=f"{link.text} {p.text}")


# --- 7. anniversaries and spans -------------------------------------------------------

class AnniversaryParams(BaseModel):
    model_config = ConfigDict(extra="forbid")
    strict: list[str] = ["kỷ niệm", "chào mừng", "mừng"]
    inclusive: list[str] = ["tổng kết", "sơ kết"]


@register("anniversary")
class Anniversary(Check):
    """"kỷ niệm N năm … (Y1 - Y2)" or "(dd/mm/Y1 - dd/mm/Y2)": Y2 − Y1 = N."""

    Params = AnniversaryParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        F = _figs()
        words = self.params.strict + self.params.inclusive
        trig = re.compile(r"(%s)\s+(?:lần thứ\s+)?(\d{1,4})\s+năm\b" % "|".join(map(re.escape, words)), re.I)
        for bf in doc_figures(doc, ctx):
            text = bf.block.text
            matches = list(trig.finditer(text))
            for mi, m in enumerate(matches):
                n = int(m.group(2))
                limit = matches[mi + 1].start() if mi + 1 < len(matches) else len(text)
                paren = next(((s, e) for s, e in bf.parens if s >= m.end() and s < limit), None)
                if paren is None or not same_unit_scope(bf, m.end(), paren[0]):
                    continue
                if paren[0] - m.end() > 160:
                    continue
                inner = [f for f in bf.figs if paren[0] < f.start and f.end < paren[1] and not isinstance(f, F.Link)]
                years = None
                if len(inner) == 1 and isinstance(inner[0], F.YearSpan):
                    years = (inner[0].first, inner[0].last)
                elif len(inner) == 2 and all(isinstance(f, F.Date) and f.year for f in inner) \
                        and re.fullmatch(r"\s*[-–—]\s*", text[inner[0].end:inner[1].start]):
                    years = (inner[0].year, inner[1].year)
                if years is None:
                    continue
                diff = years[1] - years[0]
                ctx.coverage.relations += 1
                inclusive = m.group(1).lower() in [w.lower() for w in self.params.inclusive]
                if diff == n or (inclusive and diff + 1 == n):
                    continue
                args = {"computation": f"{years[1]} − {years[0]} = {diff}", "stated": f"{n} năm"}
                yield Finding(bf.block, m.start(), paren[1], args=args, expected=str(diff), actual=str(n),
                              severity=Severity.WARNING if inclusive else None)


# --- 8. footnote breakdown ------------------------------------------------------------

@register("footnote-breakdown")
class FootnoteBreakdown(Check):
    """A footnote itemising the count stated at its anchor ("kỷ luật 08 đồng chí¹" → 02 + 01 + 03 + 02)."""

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        F = _figs()
        notes = doc.notes(BlockKind.FOOTNOTE)
        if not notes:
            return
        by_block = {bf.block.index: bf for bf in doc_figures(doc, ctx)}
        for b in doc.blocks:
            if not b.note_refs or b.kind is BlockKind.FOOTNOTE:
                continue
            bf = by_block.get(b.index)
            if bf is None:
                continue
            for ref in b.note_refs:
                if ref.kind != "footnote" or ref.number not in notes:
                    continue
                anchor = [f for f in bf.figs if f.end <= ref.position and not isinstance(f, F.Link)]
                if not anchor or not _is_qty(anchor[-1]) or not F.is_count_unit(anchor[-1].unit):
                    continue
                total = anchor[-1]
                if b.text[total.end:ref.position].strip(" .,;:*"):
                    continue
                parts = []
                bad = False
                for nb in notes[ref.number]:
                    nbf = next((x for x in doc_figures(doc, ctx) if x.block is nb), None)
                    if nbf is None:
                        continue
                    for f in nbf.figs:
                        if isinstance(f, F.Link) and f.word in ("trong đó", "gồm", "bao gồm"):
                            bad = True
                        if _is_qty(f) and f.unit == total.unit:
                            if in_paren(nbf, f.start):
                                continue
                            parts.append(f)
                if bad or len(parts) < 2 or any(p.number.malformed for p in parts) or total.number.malformed:
                    continue
                ctx.coverage.relations += 1
                point = sum(Fraction(p.number.value) for p in parts)
                if point == total.number.value:
                    continue
                args = {"parts": " + ".join(p.number.text for p in parts), "sum": fmt(point),
                        "total": total.number.text, "unit": total.unit, "note": ref.number}
                yield Finding(b, total.start, total.end, args=args, expected=fmt(point), actual=total.number.text)
