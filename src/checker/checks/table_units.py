"""`table-percent-unit`: figures that cannot be what a table's "%" unit says they are.

A row whose "Đơn vị tính" cell is "%", a column whose header says "%" or "Tỷ lệ" or whose cells carry "%", or
a single cell written "118%" in a row about a share ("Tỷ lệ xã đạt chuẩn"): a share of a whole cannot pass
100. A rate of comparison can (against a plan, a target, an earlier period; a growth, an index), so a row or
column whose words make it one is left alone, as is a bare "Tỷ lệ (%)" column in a table that also holds
plan or earlier-period columns (it may be measured against them). In any percentage column, a large whole
number among small rates ("1.245" under 85,2 and 90,1) is more likely a count typed into the wrong column.
"""

import re
from dataclasses import dataclass
from typing import Iterable

from ..document import Document
from ..tablegrid import Grid, Value, document_grids, fmt_vi, norm
from ..validation import FORBID
from .base import Check, Context, Finding, register
from .tablecells import (PERCENT_UNITS, cell_span, has_word, header_parts, header_period, is_comparison, number_at,
                         value_columns)

_SHARE_LABEL = re.compile(r"^(?:[0-9ivxlc.]+\s*)?(?:tỷ lệ|tỉ lệ|cơ cấu|%)")
# "Tỷ lệ hoàn thành", "Tỷ lệ thực hiện" with no subject between: completion of a plan, which may pass 100
_PLAN_RATE = re.compile(r"^(?:tỷ lệ|tỉ lệ)\s*(?:%\s*)?(?:thực hiện|hoàn thành)\b")


@dataclass(slots=True, kw_only=True)
class PercentUnitParams:
    """When a large whole number in a percentage column reads as a count."""

    __pydantic_config__ = FORBID
    share_limit: int = 100
    count_min_others: int = 3  # other figures in the column before one can stand out
    count_factor: int = 10  # a count is this many times the median of the other rates…
    count_floor: int = 1000  # …or, in a column of comparison rates (which pass 100), at least this


def _median(values: list) -> object:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _comparison_label(label: str) -> bool:
    t = norm(label)
    return is_comparison(t) or bool(_PLAN_RATE.match(t))


@register("table-percent-unit")
class TablePercentUnit(Check):
    """A share above 100% in a table, or a count in a percentage column."""

    Params = PercentUnitParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        for grid in document_grids(doc, ctx):
            if grid.header_rows >= grid.n_rows:
                continue
            cols = value_columns(grid)
            # a bare "Tỷ lệ (%)" may compare the table's other columns: plans, earlier periods, two years
            periods = {p for c in cols if (p := header_period(grid.headers.get(c, ""))) is not None}
            comparison_table = len(periods) >= 2 or any(is_comparison(grid.headers.get(c, "")) for c in cols)
            for c in cols:
                yield from self._column(grid, c, comparison_table, ctx)

    def _percent_column(self, grid: Grid, c: int) -> bool:
        h = norm(grid.headers.get(c, ""))
        if "%" in h or has_word(h, "tỷ lệ") or has_word(h, "tỉ lệ"):
            return True
        if grid.unit and "%" in grid.unit and grid.unit_col is None:
            return True
        vals = [v for r in grid.data_rows() if (v := number_at(grid, r, c)) is not None]
        return len(vals) >= 2 and sum(v.percent for v in vals) * 2 > len(vals)

    def _bare(self, grid: Grid, c: int) -> bool:
        """The header says only that the column is a rate ("Tỷ lệ (%)", "%"), not of what."""
        parts = header_parts(grid, c)
        own = norm(parts[-1]) if parts else ""
        own = re.sub(r"[()%]", " ", own).replace("tỷ lệ", " ").replace("tỉ lệ", " ")
        return not own.strip()

    def _column(self, grid: Grid, c: int, comparison_table: bool, ctx: Context) -> Iterable[Finding]:
        header = grid.headers.get(c, "")
        column_pct = self._percent_column(grid, c)
        column_comparison = is_comparison(header) or (column_pct and self._bare(grid, c) and comparison_table)
        rows = []
        for r in grid.data_rows():
            v = number_at(grid, r, c)
            if v is None:
                continue
            unit = grid.row_unit(r)
            row_pct = unit is not None and unit in PERCENT_UNITS
            if unit is not None and not row_pct and not v.percent:
                continue  # the row's own unit says what the figure is
            label = grid.label(r)
            if row_pct:
                share = not (_comparison_label(label) or is_comparison(header))
            elif column_pct:
                share = not (column_comparison or _comparison_label(label))
            elif v.percent:
                share = bool(_SHARE_LABEL.match(norm(label))) and not (_comparison_label(label) or is_comparison(header))
            else:
                continue
            rows.append((r, v, share, row_pct))
        if not rows:
            return
        ctx.coverage.count("table-percent-unit", "table", len(rows))
        # a count typed into a percentage column: a whole number far above the column's other rates
        col_rows = [x for x in rows if not x[3]] if column_pct else []
        counts = {}
        for r, v, share, _ in col_rows:
            if v.decimals or v.percent or v.value <= self.params.share_limit:
                continue
            others = [w.value for rr, w, _, _ in col_rows if rr != r]
            if len(others) < self.params.count_min_others:
                continue
            med = _median(others)
            limit = self.params.count_floor if column_comparison else 0
            if v.value >= limit and v.value >= self.params.count_factor * med and max(others) * 5 <= v.value:
                counts[r] = (min(others), max(others))
        for r, v, share, _ in rows:
            if r in counts:
                yield self._finding(grid, r, c, v, "count", *counts[r])
            elif share and v.value > self.params.share_limit:
                yield self._finding(grid, r, c, v, "share")

    def _finding(self, grid: Grid, r: int, c: int, v: Value, variant: str, low=None, high=None) -> Finding:
        block, s, e = cell_span(grid, r, c)
        text = grid.text(r, c).strip()
        args = {"label": grid.label(r).strip() or str(r), "header": grid.headers.get(c, "") or str(c),
                "value": text.rstrip("%").strip()}
        if low is not None:
            args.update(low=fmt_vi(low, max(0, -low.as_tuple().exponent)),
                        high=fmt_vi(high, max(0, -high.as_tuple().exponent)))
        return Finding(block, s, e, args=args, variant=variant, actual=text)
