"""The judge of arithmetic relations: every stated figure stands for an interval (d decimals: ± half a unit of
its last place; whole counts are exact), and a relation fails only when no values inside those intervals,
under any plausible reading of ambiguous notation, make it hold (exact arithmetic with Fraction). A
mismatch that truncation explains is `info`; when exactly one single-digit edit of one figure makes the
relation hold, the finding says which."""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from itertools import product
from typing import Iterator

from ..document import Block
from ..issues import Severity
from .base import Finding

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

def pct_holds(a, b, p, a_exact=True, b_exact=True) -> bool:
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
        if pct_holds(ra, rb, rp, rel.exact, rel.exact):
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
        typo = typo and diagnose_typo([a, b], lambda v: pct_holds(v[0], v[1], (vp, dp), rel.exact, rel.exact))
        if typo:
            i, old, new = typo
            nums = [a.text, b.text]
            nums[i] = new
            args.update(typo_from=old, typo_to=new, typo_computation=f"{nums[0]}/{nums[1]} = {p.text}%")
            variant = "typo"
    return Finding(block, rel.start, rel.end, args=args, variant=variant,
                   expected=f"{fmt(expected, dp)}%", actual=f"{p.text}%", severity=severity)



# --- candidate relations of the relate stage ------------------------------------------------

@dataclass(slots=True)
class Verdict:
    """Why a candidate relation fails: the message variant and its fields, the computed and the stated value,
    and a severity when the failure itself says how sure it is (a truncation is `info`)."""

    variant: str
    args: dict
    expected: str | None = None
    actual: str | None = None
    severity: Severity | None = None


def operand_interval(op, unit: str | None) -> tuple[Fraction, Fraction] | None:
    """The rounding interval of an operand, in `unit` (None when the two do not convert). Counts are exact;
    two counts of different nouns are added as counts (the finder decided they belong together)."""
    from ..figures import is_count_unit
    from ..units import factor

    n = op.number
    count = op.unit is None or is_count_unit(op.unit)
    if unit is None or op.unit is None or op.unit == unit or (count and is_count_unit(unit)):
        k = Fraction(1)
    else:
        k = factor(op.unit, unit)
        if k is None:
            return None
    lo, hi = interval(n.value, n.decimals, count and n.decimals == 0)
    return lo * k, hi * k


def operand_value(op, unit) -> Fraction:
    from ..figures import is_count_unit
    from ..units import factor

    k = Fraction(1) if (op.unit is None or unit is None or op.unit == unit
                        or (is_count_unit(op.unit) and is_count_unit(unit))) else factor(op.unit, unit)
    return Fraction(op.number.value) * (k or 1)


def _shown(op, other_unit: str | None) -> str:
    """An operand as written, with its unit when the figures it is computed with are in another ("8.200 triệu
    đồng" beside "96,4 tỷ đồng")."""
    if op.unit and other_unit and op.unit != other_unit:
        return f"{op.text} {op.unit}"
    return op.text


def _usable(*ops) -> bool:
    return all(not op.number.malformed for op in ops)


def _sum_fails(rel, totals: list, lo: Fraction, hi: Fraction) -> tuple[bool, bool] | None:
    """(exceeds, short) of parts in [lo, hi] against the sum of `totals`, or None if they do not convert."""
    unit = rel.total.unit
    tlo = thi = Fraction(0)
    for t in totals:
        iv = operand_interval(t, unit)
        if iv is None or t.number.malformed:
            return None
        tlo, thi = tlo + iv[0], thi + iv[1]
    exceed = lo > thi
    short = not rel.unknown and hi < tlo and (rel.complete or (rel.near_whole and (
        (len(rel.parts) >= 3 and hi * 5 >= tlo * 4) or hi * 20 >= tlo * 19)))
    return exceed, short


def judge_sum(rel) -> Verdict | None:
    """parts (+ items named without a figure) = total, or ≤ total for a partial list; the relation holds when
    it holds for one reading of the total."""
    total, parts = rel.total, rel.parts
    if not parts or not _usable(total, *parts):
        return None
    unit = total.unit
    ivs = [operand_interval(p, unit) for p in parts]
    if any(iv is None for iv in ivs):
        return None
    lo = sum(iv[0] for iv in ivs) + rel.unnumbered
    hi = sum(iv[1] for iv in ivs) + rel.unnumbered
    fails = _sum_fails(rel, [total, *rel.more_totals], lo, hi)
    if fails is None or not any(fails):
        return None
    for other in rel.alternatives:
        alt = _sum_fails(rel, other, lo, hi)
        if alt is None or not any(alt):
            return None
    exceed, short = fails
    point = sum(operand_value(p, unit) for p in parts) + rel.unnumbered
    decimals = max([total.number.decimals] + [p.number.decimals for p in parts])
    texts = [p.text for p in parts] + ["1"] * rel.unnumbered
    total_text = " + ".join([total.text] + [t.text for t in rel.more_totals])
    args = {"parts": " + ".join(texts), "sum": fmt(point, decimals), "unit": unit or "", "total": total_text}
    verdict = Verdict("exceeds" if exceed else "short", args, fmt(point, decimals), total_text)
    if rel.more_totals or rel.alternatives:
        return verdict
    if exceed and truncates_to(point, total.number.value, total.number.decimals):
        verdict.variant, verdict.severity = "truncated", Severity.INFO
        return verdict
    if len(parts) <= 6 and rel.complete and not rel.unknown:
        nums = [total.number] + [p.number for p in parts]

        def holds(vals):
            return sum(Fraction(v) for v, _ in vals[1:]) + rel.unnumbered == Fraction(vals[0][0])

        if all(n.decimals == 0 for n in nums) and all(p.unit == unit for p in parts):
            typo = diagnose_typo(nums, holds)
            if typo:
                args.update(typo_from=typo[1], typo_to=typo[2])
                verdict.variant += "_typo"
    return verdict


def judge_equal(rel) -> Verdict | None:
    """stated = the sum of `expected` (exact counts)."""
    if not _usable(rel.stated, *rel.expected):
        return None
    unit = rel.stated.unit
    siv = operand_interval(rel.stated, unit)
    if siv is None:
        return None
    for option in [rel.expected, *rel.alternatives]:
        ivs = [operand_interval(op, unit) for op in option]
        if any(iv is None or op.number.malformed for iv, op in zip(ivs, option)):
            return None
        lo, hi = sum(iv[0] for iv in ivs), sum(iv[1] for iv in ivs)
        if siv[0] <= hi and lo <= siv[1]:
            return None
    point = sum(operand_value(op, unit) for op in rel.expected)
    expected = " + ".join(op.text for op in rel.expected)
    if len(rel.expected) > 1:
        expected += f" = {fmt(point)}"
    args = {"stated": rel.stated.text, "expected": expected, "unit": unit or "", "value": fmt(point)}
    return Verdict("base", args, fmt(point), rel.stated.text)


def judge_bound(rel) -> Verdict | None:
    """part ≤ whole."""
    if not _usable(rel.part, rel.whole):
        return None
    unit = rel.whole.unit
    piv, wiv = operand_interval(rel.part, unit), operand_interval(rel.whole, unit)
    if piv is None or wiv is None or piv[0] <= wiv[1]:
        return None
    args = {"part": rel.part.text, "whole": rel.whole.text, "unit": unit or "",
            "part_unit": rel.part.unit or "", "whole_unit": rel.whole.unit or ""}
    return Verdict("bound", args, f"≤ {rel.whole.text}", rel.part.text)


def judge_count(rel) -> Verdict | None:
    """A count against the number of items listed for it."""
    n = rel.count.number
    if n.malformed or n.decimals:
        return None
    if int(n.value) in rel.options:
        return None
    items = min(rel.options, key=lambda k: abs(k - int(n.value)))
    args = {"count": n.text, "noun": rel.count.unit or "", "items": items}
    return Verdict(rel.variant, args, str(items), n.text)


def judge_share(rel, style: str) -> Verdict | None:
    """part / whole · 100 = percent (the percent judge, with its truncation and typo diagnosis)."""
    from ..figures import is_count_unit

    if rel.part.unit != rel.whole.unit and operand_interval(rel.part, rel.whole.unit) is None:
        return None
    exact = is_count_unit(rel.whole.unit) if rel.whole.unit else True
    found = judge_percent(PctRelation(rel.part.number, rel.whole.number, rel.percent, 0, 0, exact), style,
                          rel.part.block)
    if found is None:
        return None
    return Verdict(found.variant, found.args, found.expected, found.actual, found.severity)


def judge_difference(rel) -> Verdict | None:
    """later − earlier = change, with the sign "tăng"/"giảm" says: each figure within its rounding, measures
    converted to the change's unit. A pair that surely moves the other way is the `sign` variant."""
    ops = (rel.later, rel.earlier, rel.change)
    if not _usable(*ops):
        return None
    unit = rel.change.unit
    ivs = [operand_interval(op, unit) for op in ops]
    if any(iv is None for iv in ivs):
        return None
    (llo, lhi), (elo, ehi), (clo, chi) = ivs
    dlo, dhi = llo - ehi, lhi - elo
    up = rel.word == "tăng"
    slo, shi = (clo, chi) if up else (-chi, -clo)  # the signed change the text states
    if slo <= dhi and dlo <= shi:
        return None
    diff = operand_value(rel.later, unit) - operand_value(rel.earlier, unit)
    decimals = max(op.number.decimals for op in ops if op.unit in (None, unit))
    word = "tăng" if diff >= 0 else "giảm"
    value = fmt(abs(diff), decimals)
    stated = f"{rel.word} {rel.change.text}" + (f" {unit}" if unit else "")
    mixed = any(op.unit not in (None, unit) for op in ops)
    args = {"later": rel.later.text, "earlier": rel.earlier.text, "unit": unit or "",
            "computation": f"{_shown(rel.later, unit)} − {_shown(rel.earlier, unit)} = "
                           f"{fmt(diff, decimals).replace('-', '−')}" + (f" {unit}" if mixed else ""), "stated": stated,
            "word": word, "value": value}
    sign = (dhi < 0) if up else (dlo > 0)
    return Verdict("sign" if sign else "default", args, f"{word} {value}", stated)


def judge_change_rate(rel) -> Verdict | None:
    """value, up/down by change, which is rate% of the earlier value (value ∓ change)."""
    if not _usable(rel.value, rel.change) or rel.rate.malformed:
        return None
    unit = rel.value.unit
    viv, civ = operand_interval(rel.value, unit), operand_interval(rel.change, unit)
    if viv is None or civ is None:
        return None
    (vlo, vhi), (clo, chi) = viv, civ
    if rel.word == "giảm":
        lo, hi = clo / (vhi + clo), chi / (vlo + chi)
        base = operand_value(rel.value, unit) + operand_value(rel.change, unit)
    else:
        if vlo - chi <= 0:
            return None
        lo, hi = clo / (vhi - clo), chi / (vlo - chi)
        base = operand_value(rel.value, unit) - operand_value(rel.change, unit)
    plo, phi = interval(rel.rate.value, rel.rate.decimals, False)
    if lo * 100 <= phi and plo <= hi * 100 or base <= 0:
        return None
    g = operand_value(rel.change, unit) * 100 / base
    dp = rel.rate.decimals
    sign = "−" if rel.word != "giảm" else "+"
    change, value = _shown(rel.change, rel.value.unit), _shown(rel.value, rel.change.unit)
    args = {"computation": f"{change}/({value} {sign} {change}) = {rel.word} {fmt(g, dp)}%",
            "stated": f"{rel.word} {rel.rate.text}%"}
    verdict = Verdict("default", args, f"{rel.word} {fmt(g, dp)}%", f"{rel.word} {rel.rate.text}%")
    if truncates_to(g, rel.rate.value, dp):
        verdict.severity = Severity.INFO
    return verdict


def judge_aggregate(rel) -> Verdict | None:
    """A total's rate against the rates of its complete parts: the total's base is the sum of the parts' bases
    (part / rate for a plan, part / (1 ± growth) for a comparison with the same period)."""
    ops = [rel.total, *rel.parts]
    if not _usable(*ops) or any(r.malformed for r in (rel.rate, *rel.rates)):
        return None
    unit = rel.total.unit
    blo = bhi = Fraction(0)
    bpoint = Fraction(0)
    for k, (part, rate) in enumerate(zip(rel.parts, rel.rates)):
        piv = operand_interval(part, unit)
        rlo, rhi = interval(rate.value, rate.decimals, False)
        if piv is None:
            return None
        if rel.kind == "growth":
            s = rel.signs[k + 1]
            flo, fhi = sorted((1 + s * rlo / 100, 1 + s * rhi / 100))
        else:
            flo, fhi = rlo / 100, rhi / 100
        if flo <= 0:
            return None
        blo += piv[0] / fhi
        bhi += piv[1] / flo
        bpoint += operand_value(part, unit) / (1 + rel.signs[k + 1] * Fraction(rate.value) / 100
                                        if rel.kind == "growth" else Fraction(rate.value) / 100)
    tlo, thi = operand_interval(rel.total, unit)
    lo, hi = tlo / bhi, thi / blo
    point = operand_value(rel.total, unit) / bpoint
    plo, phi = interval(rel.rate.value, rel.rate.decimals, False)
    dp = rel.rate.decimals
    if rel.kind == "growth":
        s = rel.signs[0]
        glo, ghi = sorted(((lo - 1) * 100 * s, (hi - 1) * 100 * s))
        if glo <= phi and plo <= ghi:
            return None
        g = (point - 1) * 100
        word = "tăng" if g >= 0 else "giảm"
        stated = ("tăng " if s > 0 else "giảm ") + f"{rel.rate.text}%"
        computed = f"{word} {fmt(abs(g), dp)}%"
    else:
        if lo * 100 <= phi and plo <= hi * 100:
            return None
        computed = f"{fmt(point * 100, dp)}%"
        stated = f"{rel.rate.text}%"
    args = {"computed": computed, "stated": stated, "total": rel.total.text,
            "parts": " + ".join(p.text for p in rel.parts), "unit": unit or ""}
    return Verdict(rel.kind, args, computed, stated)


def judge_word_bound(rel) -> Verdict | None:
    """A bound stated in words against the figures it summarises: "trên/hơn X" needs at least X, "dưới" at most
    X (the bound itself is loose usage, not an error), "gần X" a little less than X (up to a tenth below);
    "gấp N lần" a ratio that rounds to N. The actual value
    is a figure, a sum of figures (`more`), or a ratio of two (`base`; a percentage when `percent`)."""
    ops = [rel.stated, rel.actual, *rel.more] + ([rel.base] if rel.base is not None else [])
    if not _usable(*ops):
        return None
    unit = rel.stated.unit if rel.base is None else rel.actual.unit
    summed = [rel.actual, *rel.more]
    ivs = [operand_interval(op, unit) for op in summed]
    if any(iv is None for iv in ivs):
        return None
    lo, hi = sum(iv[0] for iv in ivs), sum(iv[1] for iv in ivs)
    point = sum(operand_value(op, unit) for op in summed)
    decimals = max(op.number.decimals for op in summed)
    mixed = any(op.unit not in (None, unit) for op in summed)
    if mixed:  # "1,2 tỷ + 850 triệu": as many places as it takes
        decimals = next((d for d in range(4) if (point * 10 ** d).denominator == 1), 3)
    actual = " + ".join(_shown(op, unit) for op in summed)
    if rel.base is not None:
        biv = operand_interval(rel.base, unit)
        if biv is None or biv[0] <= 0:
            return None
        k = 100 if rel.percent else 1
        lo, hi = lo * k / biv[1], hi * k / biv[0]
        point = point * k / operand_value(rel.base, unit)
        decimals = max(rel.stated.number.decimals, 1)
        actual = f"{actual}/{_shown(rel.base, unit)} = {fmt(point, decimals)}" + ("%" if rel.percent else "")
    elif rel.more or mixed:
        actual += f" = {fmt(point, decimals)}" + (f" {unit}" if unit else "")
    elif unit:
        actual += f" {unit}"
    x = Fraction(rel.stated.number.value)
    word = rel.word
    if word in ("trên", "hơn", "vượt"):  # "trên 90%" for 27/30 is loose, not wrong
        bad = hi < x
    elif word == "dưới":
        bad = lo > x
    elif word == "gần":
        bad = lo > x or hi < x * Fraction(9, 10)
    elif word == "gấp":
        slo, shi = interval(rel.stated.number.value, rel.stated.number.decimals, False)
        bad = hi < slo or lo > shi
    else:
        return None
    if not bad:
        return None
    shown = rel.stated.text + ("%" if rel.percent else f" {rel.stated.unit}" if rel.stated.unit else "")
    args = {"word": word, "stated": shown, "unit": unit or "", "actual": actual, "value": fmt(point, decimals)}
    stated = f"{word} {shown}"
    return Verdict("times" if word == "gấp" else "default", args, fmt(point, decimals), stated)


def judge_candidate(candidate, style: str) -> Verdict | None:
    """The verdict on one candidate relation, or None when it holds (or cannot be decided)."""
    from ..relate import model as M

    judges = {M.Sum: judge_sum, M.Bound: judge_bound, M.Equal: judge_equal, M.Count: judge_count,
              M.Share: lambda rel: judge_share(rel, style), M.Difference: judge_difference,
              M.ChangeRate: judge_change_rate, M.Aggregate: judge_aggregate, M.WordBound: judge_word_bound}
    rel = candidate.relation
    judge = judges.get(type(rel))
    if judge is None:
        raise TypeError(f"no judge for {type(rel).__name__}")
    return judge(rel)
