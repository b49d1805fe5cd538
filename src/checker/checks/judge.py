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

