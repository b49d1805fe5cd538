"""Figures as operands of relations, and the tests every finder applies before using a figure."""

from .. import figures as F
from ..document import Block
from ..units import family
from .model import Operand
from .nouns import same_kind


def operand(block: Block, fig) -> Operand:
    """A quantity or a bare number as an operand (its number as written, its unit or counting noun)."""
    if fig.kind == "quantity":
        return Operand(block, fig.start, fig.end, fig.number, fig.unit)
    return Operand(block, fig.start, fig.end, fig, None)


def addable(part_unit: str | None, total_unit: str | None) -> bool:
    """A figure in `part_unit` may be a part of a total in `total_unit`: the same counting noun (or people
    counted two ways), or measures of one family (money with money, area with area)."""
    if part_unit is None or total_unit is None:
        return False
    if F.is_count_unit(part_unit) or F.is_count_unit(total_unit):
        return same_kind(part_unit, total_unit)
    return family(part_unit) == family(total_unit)


def usable(fig) -> bool:
    """A figure worth computing with: read without doubt (not malformed)."""
    if fig.kind == "quantity":
        return not fig.number.malformed
    if fig.kind == "number":
        return not fig.malformed
    return False
