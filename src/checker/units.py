"""Units of report figures: a small pint registry, built lazily (pint costs ~0.2 s to import).

Counting nouns ("đảng viên", "hộ", "cuộc") are labels that must match to be added;
measures (money, area, length, mass) convert through pint.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

# unit as written -> pint expression
PINT_NAMES = {
    "đồng": "dong", "nghìn đồng": "kilodong", "ngàn đồng": "kilodong", "nghìn": "kilodong", "ngàn": "kilodong",
    "triệu đồng": "megadong", "triệu": "megadong", "tỷ đồng": "gigadong", "tỉ đồng": "gigadong",
    "tỷ": "gigadong", "tỉ": "gigadong",
    "ha": "hectare", "m2": "meter**2", "m²": "meter**2", "km2": "kilometer**2", "km²": "kilometer**2",
    "m3": "meter**3", "m³": "meter**3", "km": "kilometer", "m": "meter", "km đường": "kilometer",
    "tấn": "metric_ton", "kg": "kilogram", "tạ": "ta",
}

_ureg = None


def registry():
    global _ureg
    if _ureg is None:
        import pint

        ureg = pint.UnitRegistry()
        ureg.define("dong = [currency]")
        ureg.define("ta = 100 * kilogram")
        _ureg = ureg
    return _ureg


def family(unit: str | None) -> str | None:
    """A cheap label of what a unit measures, without pint: same family -> convertible."""
    if unit is None:
        return None
    if unit in ("đồng", "nghìn đồng", "ngàn đồng", "nghìn", "ngàn", "triệu đồng", "triệu", "tỷ đồng", "tỉ đồng", "tỷ", "tỉ"):
        return "money"
    if unit in ("ha", "m2", "m²", "km2", "km²"):
        return "area"
    if unit in ("m3", "m³"):
        return "volume"
    if unit in ("km", "m", "km đường"):
        return "length"
    if unit in ("tấn", "kg", "tạ"):
        return "mass"
    return "count:" + unit


# Each unit in its family's base unit (đồng, m², m³, m, kg): the factors pint gives for these units, written
# out so that a run converting "500 triệu đồng" into "tỷ đồng" does not import pint (≈ 0.3 s, more than a
# whole check of a report). tests/test_units.py holds every pair to pint's own conversion.
BASE: dict[str, Fraction] = {
    "đồng": Fraction(1), "nghìn đồng": Fraction(10**3), "ngàn đồng": Fraction(10**3), "nghìn": Fraction(10**3),
    "ngàn": Fraction(10**3), "triệu đồng": Fraction(10**6), "triệu": Fraction(10**6), "tỷ đồng": Fraction(10**9),
    "tỉ đồng": Fraction(10**9), "tỷ": Fraction(10**9), "tỉ": Fraction(10**9),
    "ha": Fraction(10**4), "m2": Fraction(1), "m²": Fraction(1), "km2": Fraction(10**6), "km²": Fraction(10**6),
    "m3": Fraction(1), "m³": Fraction(1), "km": Fraction(10**3), "m": Fraction(1), "km đường": Fraction(10**3),
    "tấn": Fraction(10**3), "kg": Fraction(1), "tạ": Fraction(100),
}


@lru_cache(maxsize=256)
def factor(src: str, dst: str) -> Fraction | None:
    """The exact factor turning a value in `src` into `dst`, or None if they do not convert."""
    if src == dst:
        return Fraction(1)
    if family(src) != family(dst) or family(src).startswith("count:"):
        return None
    a, b = BASE.get(src), BASE.get(dst)
    if a is not None and b is not None:
        return a / b
    return pint_factor(src, dst)


def pint_factor(src: str, dst: str) -> Fraction | None:
    """The factor pint's registry gives (for units outside `BASE`, and to check it)."""
    a, b = PINT_NAMES.get(src), PINT_NAMES.get(dst)
    if a is None or b is None:
        return None
    try:
        q = registry().Quantity(1, a).to(b).magnitude
        return Fraction(q).limit_denominator(10**12)
    except Exception:
        return None
