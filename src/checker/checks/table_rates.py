"""`table-rate`: a rate row or column against the counts it is computed from.

Rows. A row "Tỷ lệ …" (or one whose unit is "%") stands next to the rows it divides:
- in a numbered hierarchy, its two sub-items ("3.3. Tỷ lệ xử lý …" over "3.3.1. Số vấn đề phát hiện" and
  "3.3.2. Số vấn đề đã xử lý xong"), each sharing words with the rate's label;
- in a flat list, the rows right above it: "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)" (the rate names
  what its numerator counts) or a bare "Tỷ lệ (%)" under exactly two counts, one of them a total or a plan.
The base is the row labelled "Tổng …" (or a plan, a target), else — for a share — the larger count.
A numbered table that continues in the next Word table (same header) is read as one.

Columns. A group "Hộ nghèo" over "Số hộ" and "Tỷ lệ (%)" beside a column "Tổng số hộ": the rate is the
group's count over that total. A header that names both columns ("Tỷ lệ hộ nghèo/tổng số hộ (%)").

Every link here is inferred from the layout, so a mismatch is a `warning`; one that truncation explains
is `info`. A column or a run of rows where the relation fails more often than it holds is left alone.
"""

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable

from ..document import Document
from ..issues import Severity
from ..tablegrid import Grid, Value, document_grids, norm, stt_level
from ..validation import FORBID
from .base import Check, Context, Finding, register
from .tablecells import (PERCENT_UNITS, bounds, cell_span, continued_runs, has_word, header_parts, is_comparison,
                         number_at, rounded_integers, show_computed, value_columns)

_STT_PREFIX = re.compile(r"^\s*(?:[0-9]+(?:\.[0-9]+)*\.?|[ivxlc]+\.|[a-zđ]\))\s*")
_RATE_LABEL = re.compile(r"^(?:tỷ lệ|tỉ lệ)\b")
_WORDS = re.compile(r"[^\W\d_]+|[0-9]+")


@dataclass(slots=True, kw_only=True)
class RateParams:
    """Words that name a base (the denominator) and words that carry no meaning for matching labels."""

    __pydantic_config__ = FORBID
    base_words: tuple[str, ...] = ("kế hoạch", "chỉ tiêu", "dự toán", "được giao", "giao", "đề ra", "cùng kỳ",
                                   "năm trước", "phải", "cần", "tiếp nhận", "đủ điều kiện", "có yêu cầu")
    stop_words: tuple[str, ...] = ("số", "tổng", "tỷ", "tỉ", "lệ", "các", "của", "đã", "được", "và", "có", "trong",
                                   "lượng", "là", "cho", "với", "theo", "tại", "về", "những", "này", "trên",
                                   "đơn", "vị", "tính", "người", "cái")
    rows_above: int = 3


def _label(text: str) -> str:
    return _STT_PREFIX.sub("", norm(text))


@dataclass(slots=True)
class _Row:
    grid: Grid
    r: int
    label: str  # normalised, without its STT number
    level: int | None
    unit: str | None


def _judge(num: Value, num_rounded: bool, den: Value, den_rounded: bool, rate: Value, complement: bool = False,
           parts: bool = False):
    """(holds, truncated, computed) for rate = num / den · 100; None when the base is zero. With `complement`
    the rate may also be of the rest, (den − num) / den ("Tỷ lệ đúng hạn" beside the count of late files); with
    `parts` the two counts may be the two parts of the whole ("đã hoàn thành", "chưa hoàn thành")."""
    nlo, nhi = bounds(num, num_rounded)
    dlo, dhi = bounds(den, den_rounded)
    if dlo <= 0:
        return None
    lo, hi = nlo * 100 / dhi, nhi * 100 / dlo
    x = Fraction(rate.value)
    h = Fraction(rate.half)
    readings = [(lo, hi)]
    if complement:
        readings.append((100 - hi, 100 - lo))
    if parts:
        readings += [(nlo * 100 / (nhi + dhi), nhi * 100 / (nlo + dlo)), (dlo * 100 / (nhi + dhi), dhi * 100 / (nlo + dlo))]
    holds = any(x - h <= b and a <= x + h for a, b in readings)
    truncated = False
    if not holds:
        step = Fraction(1, 10 ** rate.decimals)
        truncated = x <= hi and x + step >= lo
    return holds, truncated, Fraction(num.value) * 100 / Fraction(den.value)


@register("table-rate")
class TableRate(Check):
    """A rate row or column that does not match the counts beside it."""

    Params = RateParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        grids = [g for g in document_grids(doc, ctx) if g.header_rows < g.n_rows]
        for run in continued_runs(grids):
            yield from self._rows(run, ctx)
        for grid in grids:
            if grid.header_rows:
                yield from self._columns(grid, ctx)

    # ---- words
    def _content(self, label: str) -> set[str]:
        stop = self.params.stop_words
        return {w for w in _WORDS.findall(label) if w not in stop}

    def _is_base(self, label: str) -> bool:
        return label.startswith("tổng") or any(has_word(label, w) for w in self.params.base_words)

    # ---- rows
    def _rows(self, run: list[Grid], ctx: Context) -> Iterable[Finding]:
        seq: list[_Row] = []
        for g in run:
            for r in g.data_rows():
                level = stt_level(g.text(r, g.stt_col)) if g.stt_col else None
                seq.append(_Row(g, r, _label(g.label(r)), level, g.row_unit(r)))
        for i, row in enumerate(seq):
            if not self._is_rate_row(row):
                continue
            has_children = row.level is not None and i + 1 < len(seq) and (seq[i + 1].level or 0) > row.level
            pair = self._children(seq, i) if has_children else self._above(seq, i)
            if pair is None:
                continue
            yield from self._check_rows(row, *pair, ctx)

    def _is_rate_row(self, row: _Row) -> bool:
        if "‰" in row.label or "phần nghìn" in row.label or "/" in row.label:
            return False
        if _RATE_LABEL.match(row.label):
            return row.unit is None or row.unit in PERCENT_UNITS or row.unit == ""
        return False

    def _counts(self, rows: list[_Row]) -> bool:
        return all(r.unit is None or r.unit not in PERCENT_UNITS for r in rows) and \
            len({r.unit for r in rows}) == 1 and not any(_RATE_LABEL.match(r.label) for r in rows)

    def _order(self, rate: _Row, a: _Row, b: _Row, share: bool) -> tuple[_Row, _Row, bool] | None:
        """(numerator, base, by_value) of two count rows: the base is the one named as a total or a plan."""
        base = [x for x in (a, b) if self._is_base(x.label)]
        if len(base) == 1:
            num = b if base[0] is a else a
            return num, base[0], False
        if share and not base and len(self._content(a.label) & self._content(b.label)) >= 2:
            # two counts of the same thing ("Số vấn đề phát hiện", "Số vấn đề phát hiện đã xử lý"): the larger
            # is the base of a share, decided per column
            return a, b, True
        return None

    def _children(self, seq: list[_Row], i: int):
        row = seq[i]
        kids = []
        for x in seq[i + 1:]:
            if x.level is None or x.level <= row.level:
                break
            kids.append(x)
        if not kids:
            return None
        top = min(k.level for k in kids)
        direct = [k for k in kids if k.level == top]
        if len(direct) != 2 or not self._counts(direct):
            return None
        words = self._content(row.label)
        if not all(self._content(k.label) & words for k in direct):
            return None
        return self._order(row, direct[0], direct[1], not is_comparison(row.label))

    def _above(self, seq: list[_Row], i: int):
        row = seq[i]
        above = []
        for x in reversed(seq[max(0, i - self.params.rows_above):i]):
            if x.grid is not row.grid or _RATE_LABEL.match(x.label) or (x.level is not None and row.level is not None
                                                                      and x.level != row.level):
                break
            above.append(x)
        subject = re.sub(r"\([^()]*\)|[()%]", " ", _RATE_LABEL.sub("", row.label)).strip()
        if not subject:  # a bare "Tỷ lệ (%)": exactly the two rows right above it, one a total or a plan
            if len(above) < 2 or not self._counts(above[:2]):
                return None
            return self._order(row, above[1], above[0], False)
        words = self._content(subject)
        if not words:
            return None
        nums = [x for x in above if not self._is_base(x.label) and words <= self._content(x.label)]
        bases = [x for x in above if x.label.startswith("tổng") and self._content(x.label) & words]
        if len(nums) != 1 or len(bases) != 1 or not self._counts([nums[0], bases[0]]):
            return None
        return nums[0], bases[0], False

    def _check_rows(self, rate: _Row, num: _Row, den: _Row, by_value: bool, ctx: Context) -> Iterable[Finding]:
        g = rate.grid
        for c in value_columns(g):
            p = number_at(g, rate.r, c)
            a, b = number_at(num.grid, num.r, c), number_at(den.grid, den.r, c)
            if p is None or a is None or b is None or a.percent or b.percent:
                continue
            n_row, d_row = num, den
            if by_value and a.value > b.value:
                a, b, n_row, d_row = b, a, den, num
            got = _judge(a, rounded_integers(n_row.grid, c), b, rounded_integers(d_row.grid, c), p, complement=True,
                         parts=by_value)
            if got is None:
                continue
            ctx.coverage.count("table-rate", "table")
            holds, truncated, computed = got
            if holds:
                continue
            yield self._finding(g, rate.r, c, p, computed, truncated,
                                n_row.grid.text(n_row.r, c).strip(), d_row.grid.text(d_row.r, c).strip(),
                                n_row.grid.label(n_row.r).strip(), d_row.grid.label(d_row.r).strip(), "row",
                                related=[cell_span(n_row.grid, n_row.r, c), cell_span(d_row.grid, d_row.r, c)])

    def _finding(self, g: Grid, r: int, c: int, p: Value, computed: Fraction, truncated: bool, a: str, b: str,
                 num_label: str, den_label: str, variant: str, related) -> Finding:
        stated_text = g.text(r, c).strip()
        shown = show_computed(computed, stated_text, max(p.decimals, 2)) + "%"
        block, s, e = cell_span(g, r, c)
        sure = p.sure
        return Finding(block, s, e, args={"label": g.label(r).strip() or str(r), "a": a, "b": b, "computed": shown,
                                          "stated": stated_text.rstrip("%").strip() + "%", "num": num_label,
                                          "den": den_label,
                                          "header": g.headers.get(c, "") or str(c)},
                       variant=("truncated" if truncated else variant), expected=shown, actual=stated_text,
                       severity=Severity.INFO if truncated else (None if sure else Severity.WARNING),
                       related=related)

    # ---- columns
    def _columns(self, grid: Grid, ctx: Context) -> Iterable[Finding]:
        cols = value_columns(grid)
        for c in cols:
            parts = header_parts(grid, c)
            if not parts:
                continue
            own = norm(parts[-1])
            if not (_RATE_LABEL.match(own) or own.strip("() ") == "%") or is_comparison(" ".join(parts)):
                continue
            pair = self._group_pair(grid, cols, c, parts) or self._named_pair(grid, cols, c, own)
            if pair is None:
                continue
            yield from self._check_column(grid, c, *pair, ctx)

    def _group_pair(self, grid: Grid, cols: list[int], c: int, parts: list[str]):
        """"Hộ nghèo" over "Số hộ | Tỷ lệ (%)" beside "Tổng số hộ": (count column, total column)."""
        if len(parts) < 2:
            return None
        group = norm(parts[0])
        left = c - 1
        lparts = header_parts(grid, left) if left in cols else []
        if len(lparts) < 2 or norm(lparts[0]) != group or _RATE_LABEL.match(norm(lparts[-1])) or "%" in lparts[-1]:
            return None
        totals = []
        for cc in cols:
            p = header_parts(grid, cc)
            if cc >= c or not p or norm(p[0]) == group:
                continue
            if norm(p[-1]).startswith("tổng") and (len(p) == 1 or not any(norm(x) == group for x in p)):
                totals.append(cc)
        if len(totals) != 1:
            return None
        return left, totals[0]

    def _named_pair(self, grid: Grid, cols: list[int], c: int, own: str):
        """"Tỷ lệ hộ nghèo/tổng số hộ (%)": the two columns its header names."""
        m = re.match(r"^(?:tỷ lệ|tỉ lệ)\s+(.+?)\s*(?:/|\btrên\b)\s*(.+?)\s*(?:\(\s*%\s*\)|%)?\s*$", own)
        if not m:
            return None
        found = []
        for name in (m.group(1), m.group(2)):
            words = self._content(name)
            if not words:
                return None
            hits = [cc for cc in cols if cc != c and words <= self._content(norm(grid.headers.get(cc, "")))
                    and not _RATE_LABEL.match(norm(grid.headers.get(cc, "")))]
            exact = [cc for cc in hits if self._content(norm(grid.headers.get(cc, ""))) == words]
            hits = exact or hits
            if len(hits) != 1:
                return None
            found.append(hits[0])
        return (found[0], found[1]) if found[0] != found[1] else None

    def _check_column(self, grid: Grid, c: int, num: int, den: int, ctx: Context) -> Iterable[Finding]:
        checked = []
        for r in grid.data_rows():
            p, a, b = number_at(grid, r, c), number_at(grid, r, num), number_at(grid, r, den)
            if p is None or a is None or b is None or a.percent or b.percent:
                continue
            got = _judge(a, rounded_integers(grid, num), b, rounded_integers(grid, den), p)
            if got is None:
                continue
            checked.append((r, p, *got))
        ctx.coverage.count("table-rate", "table", len(checked))
        good = sum(1 for x in checked if x[2])
        bad = [x for x in checked if not x[2]]
        if not bad or (len(checked) >= 2 and good < len(bad)):
            return
        for r, p, _, truncated, computed in bad:
            yield self._finding(grid, r, c, p, computed, truncated, grid.text(r, num).strip(), grid.text(r, den).strip(),
                                grid.headers.get(num, ""), grid.headers.get(den, ""), "column", related=[])
