"""Numbers for messages and checks: Vietnamese formatting and safe rounding of exact values (Decimal/Fraction).

Safe for any value: `decimal`'s default context holds 28 significant digits, and `quantize` raises
InvalidOperation when its result needs more (a figure of 30 digits, or a ratio of two long figures, to two
decimals). Every rounding here runs in a local context with as many digits as the result needs.
The figures a report can state are bounded anyway (`MAX_FIGURE_DIGITS`, see `figures.py`): a longer run of
digits is not a figure to recompute.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

# The most digits a number may have to be read as a figure: a report states amounts in đồng up to about
# 10^18 (a national budget); an ID or account number has up to 16 digits. A longer number is a code or
# garbage, not a figure to recompute (it is counted as not understood in the coverage).
MAX_FIGURE_DIGITS = 20

_LOG10_2 = 0.30103


def integer_digits(x: Fraction | Decimal | int) -> int:
    """An upper bound of the number of digits of the integer part of |x| (at least 1), without converting
    huge integers to text (Python refuses int → str beyond 4,300 digits)."""
    if isinstance(x, Decimal):
        return max(1, x.adjusted() + 1) if x.is_finite() and x else 1
    if isinstance(x, Fraction):
        x = abs(x.numerator) // x.denominator
    return int(abs(int(x)).bit_length() * _LOG10_2) + 1


def quantize(x: Fraction | Decimal | int, decimals: int, rounding=ROUND_HALF_UP) -> Decimal:
    """x rounded to `decimals` places, exactly (a Fraction too: no intermediate rounding of its quotient),
    whatever the size of x."""
    decimals = max(0, decimals)
    with localcontext() as ctx:
        ctx.prec = max(28, integer_digits(x) + decimals + 3)
        if not isinstance(x, Fraction):
            return Decimal(x).quantize(Decimal(1).scaleb(-decimals), rounding=rounding)
        # x·10^decimals = sign·(q + r/den): rounding it to a whole number depends only on q, the sign and
        # where r/den lies against ½ (0, below, at, above), which a short proxy q.00/.25/.50/.75 keeps
        q, r = divmod(abs(x.numerator) * 10 ** decimals, x.denominator)
        tail = 0 if r == 0 else 25 if 2 * r < x.denominator else 50 if 2 * r == x.denominator else 75
        proxy = (Decimal(q) + Decimal(tail).scaleb(-2)).copy_sign(Decimal(x.numerator or 1))
        return proxy.quantize(Decimal(1), rounding=rounding).scaleb(-decimals)


def to_decimal(x: Fraction | Decimal | int, decimals: int, rounding=ROUND_HALF_UP) -> Decimal:
    return quantize(x, decimals, rounding)


def fmt(x: Fraction | Decimal | int, decimals: int = 0, style: str = "vi", rounding=ROUND_HALF_UP) -> str:
    """12132 -> "12.132"; 70.886 (2) -> "70,89"; style "en" -> "12,132" / "70.89"."""
    decimals = max(0, decimals)
    d = quantize(x, decimals, rounding)
    sign = "-" if d < 0 else ""
    s = f"{d.copy_abs():f}"  # (abs() would round to the context's 28 digits)
    whole, _, frac = s.partition(".")
    head = len(whole) % 3 or 3
    groups = [whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)]
    thousands, point = (".", ",") if style != "en" else (",", ".")
    out = thousands.join(groups)
    if decimals > 0:
        out += point + frac
    return sign + out


def truncate(x: Fraction, decimals: int) -> Decimal:
    return quantize(x, decimals, ROUND_DOWN)
