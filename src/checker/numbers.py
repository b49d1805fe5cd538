"""Numbers for messages: Vietnamese formatting of exact values (Decimal/Fraction)."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction


def to_decimal(x: Fraction | Decimal | int, decimals: int, rounding=ROUND_HALF_UP) -> Decimal:
    if isinstance(x, Fraction):
        d = Decimal(x.numerator) / Decimal(x.denominator) if x.denominator != 1 else Decimal(x.numerator)
        # exact enough: quantize from a high-precision division
        from decimal import localcontext
        with localcontext() as ctx:
            ctx.prec = 50
            d = Decimal(x.numerator) / Decimal(x.denominator)
            return d.quantize(Decimal(1).scaleb(-decimals), rounding=rounding)
    return Decimal(x).quantize(Decimal(1).scaleb(-decimals), rounding=rounding)


def fmt(x: Fraction | Decimal | int, decimals: int = 0, style: str = "vi", rounding=ROUND_HALF_UP) -> str:
    """12132 -> "12.132"; 70.886 (2) -> "70,89"; style "en" -> "12,132" / "70.89"."""
    d = to_decimal(x, decimals, rounding)
    sign = "-" if d < 0 else ""
    d = abs(d)
    s = f"{d:f}"
    whole, _, frac = s.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    thousands, point = (".", ",") if style != "en" else (",", ".")
    out = thousands.join(groups)
    if decimals > 0:
        out += point + frac
    return sign + out


def truncate(x: Fraction, decimals: int) -> Decimal:
    return to_decimal(x, decimals, ROUND_DOWN)
