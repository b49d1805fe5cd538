"""Table kinds: totals rows and columns, percentage columns.

Both kinds work on the grids of `checker.tablegrid` (Word tables and Markdown pipe tables) and share
one rounding policy: a figure with d stated decimals stands for the interval ± half a unit of its last
place (whole numbers are exact counts unless the table's unit is a measure or money, where they are
rounded too). A relation is reported only when no values inside those intervals make it hold, and only
when the layout is clear; an ambiguous layout keeps the check silent.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from ..document import Document
from ..issues import Severity
from ..tablegrid import Grid, Value, cell_value, document_grids, fmt_vi, is_blank, norm, stt_level
from ..validation import FORBID
from .base import Check, Context, Finding, register
from .formula import parse, tokens_numbered
from .tablecells import (TOTAL_LABELS, cell_span, column_formula, column_numbers, has_word, header_parts,
                         is_total_label, rounded_integers, shown, signed_value, slack as cell_slack,
                         stated as stated_value)


def as_percent(text: str) -> str:
    """A percentage cell's figure as a percentage: "75,73" in a "%" column reads "75,73%"."""
    text = text.strip()
    return text if not text or text.endswith("%") else text + "%"

# --- totals ------------------------------------------------------------------------------------

@dataclass(slots=True, kw_only=True)
class TotalParams:
    """Labels of total and subtotal rows, and columns that are never summed."""

    __pydantic_config__ = FORBID
    total_labels: tuple[str, ...] = TOTAL_LABELS
    subtotal_markers: tuple[str, ...] = ("trong đó", "chia ra", "bao gồm", "gồm", "riêng")
    # columns never summed: rates, averages, prices, comparisons
    non_additive: tuple[str, ...] = ("%", "tỷ lệ", "so sánh", "so với", "bình quân", "trung bình", "đơn giá", "giá bán", "giá bình quân",
                               "tốc độ", "chỉ số", "xếp hạng", "thứ hạng", "hệ số", "lần", "năm sinh", "ghi chú",
                               "mã", "số hiệu", "điểm")
    min_parts: int = 2


@register("table-total")
class TableTotal(Check):
    """A totals row or column (Tổng, Tổng cộng, Cộng, Toàn tỉnh…) against the sum of what it totals."""

    Params = TotalParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        for grid in document_grids(doc, ctx):
            if grid.header_rows >= grid.n_rows:
                continue
            yield from self._rows(grid, ctx)
            yield from self._columns(grid, ctx)

    # which columns can be summed
    def _additive(self, grid: Grid, c: int) -> bool:
        if c in (grid.stt_col, grid.label_col, grid.unit_col):
            return False
        formula = column_formula(grid, c)
        if formula is not None:  # "(5)=(4)/(1)": a ratio of sums is not the sum of the ratios
            node = parse(tokens_numbered(formula, set(column_numbers(grid))))
            if node is None or not node.additive():
                return False
        h = grid.headers.get(c, "").lower()
        return not any(w in h for w in self.params.non_additive)

    def _row_excluded(self, grid: Grid, r: int) -> bool:
        lab = norm(grid.label(r))
        if "tỷ lệ" in lab or lab.startswith("%"):
            return True
        u = grid.row_unit(r)
        return u is not None and "%" in u

    # ---- totals rows
    def _rows(self, grid: Grid, ctx: Context) -> Iterable[Finding]:
        rows = list(grid.data_rows())
        labels = self.params.total_labels
        totals = [r for r in rows if is_total_label(grid.label(r), labels)]
        if not totals:
            yield from self._loose_total(grid, rows, ctx)
            return
        for t in totals:
            # the rows it totals: above it up to the previous total, else below it up to the next one
            prev = max([x for x in totals if x < t], default=grid.header_rows)
            nxt = min([x for x in totals if x > t], default=grid.n_rows + 1)
            above = [r for r in range(prev + 1, t)]
            below = [r for r in range(t + 1, nxt)]
            if len(above) >= self.params.min_parts and (t == rows[-1] or not below or prev > grid.header_rows):
                ranges = [above]
            elif t == rows[0] and len(below) >= self.params.min_parts:
                ranges = [below]
            else:
                continue  # a total in the middle of the table: the layout does not say which rows it totals
            for part_rows in ranges:
                yield from self._check_total_row(grid, t, part_rows, ctx)

    def _loose_total(self, grid: Grid, rows: list[int], ctx: Context) -> Iterable[Finding]:
        """"Tổng diện tích", "Tổng số hộ", "Tổng vốn" as the first or last row: a total only when the table
        itself says so (it holds in at least half of two or more columns); a column that then fails is a warning."""
        if len(rows) < 1 + self.params.min_parts:
            return
        for t, part in ((rows[0], rows[1:]), (rows[-1], rows[:-1])):
            if not re.match(r"tổng (?:số )?[^\W\d_]", norm(grid.label(t)) or ""):
                continue
            if any(re.match(r"tổng\b", norm(grid.label(r)) or "") for r in part):
                continue
            found = list(self._check_total_row(grid, t, part, ctx, loose=True))
            if not found:
                continue
            yield from found
            return

    def _candidates(self, grid: Grid, rows: list[int]) -> list[list[int]] | None:
        """Sets of rows whose sum the total may be: without sub-rows ('Trong đó' and their children),
        at the top level of the STT hierarchy, and the leaves. None when the rows cannot be summed."""
        markers = self.params.subtotal_markers
        kept: list[int] = []
        skipping = False
        skip_level: int | None = None
        for r in rows:
            lab = norm(grid.label(r))
            raw = grid.label(r).strip()
            level = stt_level(grid.text(r, grid.stt_col)) if grid.stt_col else None
            if raw[:1] in "-+*•" and level is None:
                level = 6
            if any(lab.startswith(m) for m in markers):
                skipping, skip_level = True, level
                continue
            if skipping:
                if level is None or level == 6 or (skip_level is not None and level > skip_level):
                    continue
                skipping = False
            if self._row_excluded(grid, r):
                continue
            if is_total_label(grid.label(r), self.params.total_labels):
                return None
            kept.append(r)
        if not kept:
            return None
        levels = {r: (stt_level(grid.text(r, grid.stt_col)) if grid.stt_col else None) for r in kept}
        for r in kept:
            if levels[r] is None and grid.label(r).strip()[:1] in "-+*•":
                levels[r] = 6
        known = [lv for lv in levels.values() if lv is not None]
        if len(set(known)) <= 1:
            if known and len(known) < len(kept):
                # some rows numbered and some not: unnumbered rows may be sub-items or continuations
                return [kept, [r for r in kept if levels[r] is not None]]
            return [kept]
        top = min(known)
        top_rows = [r for r in kept if levels[r] == top]
        leaves = []
        for i, r in enumerate(kept):
            nxt = levels[kept[i + 1]] if i + 1 < len(kept) else None
            lv = levels[r]
            if lv is not None and nxt is not None and nxt > lv:
                continue
            leaves.append(r)
        return [top_rows, leaves]

    def _sum(self, grid: Grid, rows: list[int], c: int, rounded: bool) -> tuple[Decimal, Decimal, list[Value]] | None:
        total, slack, vals = Decimal(0), Decimal(0), []
        for r in rows:
            if grid.is_hole(r, c):
                return None  # a merged value cell: cannot tell which rows it belongs to
            text = grid.text(r, c)
            if is_blank(text):
                continue
            v = cell_value(text)
            if v is None:
                return None
            total += v.value
            slack += cell_slack(v, rounded)
            vals.append(v)
        return total, slack, vals

    def _check_total_row(self, grid: Grid, t: int, rows: list[int], ctx: Context,
                         loose: bool = False) -> Iterable[Finding]:
        candidates = self._candidates(grid, rows)
        if not candidates:
            return
        results = []  # (col, holds, stated, computed, slack, sure, decimals)
        for c in range(1, grid.n_cols + 1):
            if not self._additive(grid, c):
                continue
            stated = stated_value(grid, t, c)
            if stated is None:
                continue
            rounded = rounded_integers(grid, c)
            sums = [self._sum(grid, cand, c, rounded) for cand in candidates]
            if any(s is None for s in sums):
                continue
            if all(len(s[2]) < self.params.min_parts for s in sums):
                continue
            ctx.coverage.count("table-total", "table")
            holds = False
            for total, slack, _ in sums:
                if abs(total - stated.value) <= slack + cell_slack(stated, rounded):
                    holds = True
            total, slack, vals = sums[0]
            sure = stated.sure and all(v.sure for v in vals)
            exact = slack == 0 and cell_slack(stated, rounded) == 0
            results.append((c, holds, stated, total, sure, exact, shown(vals + [stated]), len(candidates[0])))
        if not results:
            return
        if len(results) >= 2 and not any(r[1] for r in results):
            return  # the total fails in every column: more likely a layout we misread than a wrong table
        if loose and (len(results) < 2 or 2 * sum(1 for r in results if r[1]) < len(results)):
            return  # a row merely named "Tổng …": it must prove itself a total in most of its columns
        for c, holds, stated, total, sure, exact, dec, summed in results:
            if holds:
                continue
            block, s, e = cell_span(grid, t, c)
            severity = None if (sure and not loose and (exact or abs(total - stated.value) > 1)) else Severity.WARNING
            yield Finding(block, s, e, args={"label": grid.label(t).strip(), "header": grid.headers.get(c, "") or str(c),
                                             "computed": fmt_vi(total, dec), "stated": grid.text(t, c).strip(),
                                             "count": summed},
                          variant="row", expected=fmt_vi(total, dec), actual=grid.text(t, c).strip(), severity=severity)

    # ---- totals columns
    def _columns(self, grid: Grid, ctx: Context) -> Iterable[Finding]:
        labels = self.params.total_labels
        for c in range(1, grid.n_cols + 1):
            h = grid.headers.get(c, "")
            if not h or c in (grid.stt_col, grid.label_col) or column_formula(grid, c) is not None:
                continue  # (a column whose formula the table states is the formula rule's, AR107)
            # the header's own last line names the column ("Tổng số"), its first lines may be a group title
            if not (is_total_label(h, labels) or any(is_total_label(p, labels) for p in header_parts(grid, c))):
                continue
            parts, mode = self._component_columns(grid, c)
            if len(parts) < 2:
                continue
            checked = []
            rounded = rounded_integers(grid, c)
            for r in grid.data_rows():
                if self._row_excluded(grid, r):
                    continue
                stated = stated_value(grid, r, c)
                if stated is None:
                    continue
                total, slack, vals, ok = Decimal(0), Decimal(0), [], True
                for pc in parts:
                    pt = grid.text(r, pc)
                    if grid.is_hole(r, pc):
                        ok = False
                        break
                    if is_blank(pt):
                        continue
                    v = cell_value(pt)
                    if v is None or v.percent:
                        ok = False
                        break
                    total += v.value
                    slack += cell_slack(v, rounded)
                    vals.append(v)
                if not ok:
                    continue
                tol = slack + cell_slack(stated, rounded)
                if mode == "equal":
                    holds = abs(total - stated.value) <= tol
                else:  # "Trong đó": the parts may be a selection, but cannot exceed the whole
                    holds = total - stated.value <= tol
                sure = stated.sure and all(v.sure for v in vals)
                checked.append((r, holds, stated, total, sure, tol == 0, shown(vals + [stated])))
            ctx.coverage.count("table-total", "table", len(checked))
            good = sum(1 for x in checked if x[1])
            bad = [x for x in checked if not x[1]]
            if not bad or good < 2 or good <= len(bad):
                continue  # the relation must hold in most rows before its failures mean anything
            for r, _, stated, total, sure, exact, dec in bad:
                block, s, e = cell_span(grid, r, c)
                severity = None if (sure and (exact or abs(total - stated.value) > 1)) else Severity.WARNING
                yield Finding(block, s, e, args={"label": grid.label(r).strip() or str(r), "header": h,
                                                 "computed": fmt_vi(total, dec), "stated": grid.text(r, c).strip(),
                                                 "count": len(parts)},
                              variant="column" if mode == "equal" else "column_part",
                              expected=fmt_vi(total, dec), actual=grid.text(r, c).strip(), severity=severity)

    def _component_columns(self, grid: Grid, c: int) -> tuple[list[int], str]:
        """The columns a totals column adds up: those to its right under 'Trong đó'/'Chia ra', else those to its left."""
        right = []
        mode = "equal"
        for cc in range(c + 1, grid.n_cols + 1):
            h = norm(grid.headers.get(cc, ""))
            if h.startswith("trong đó"):
                right.append(cc)
                mode = "part"
            elif h.startswith(("chia ra", "gồm", "bao gồm", "chia theo")):
                right.append(cc)
            else:
                break
        if right:
            if not all(self._additive(grid, cc) for cc in right):
                return [], mode
            return right, mode
        left = []
        for cc in range(c - 1, 0, -1):
            if cc in (grid.stt_col, grid.label_col, grid.unit_col):
                break
            if not self._additive(grid, cc):
                return [], "equal"
            left.insert(0, cc)
        # the group title must be shared: "Năm 2024 | Năm 2025 | Cộng" under one header, or no group title at all
        return left, "equal"


# --- percentage columns ------------------------------------------------------------------------

@dataclass(slots=True, kw_only=True)
class PercentParams:
    """Headers of percentage columns and of the columns they divide."""

    __pydantic_config__ = FORBID
    percent_headers: tuple[str, ...] = ("tỷ lệ", "%", "so sánh", "so với")
    numerator: tuple[str, ...] = ("thực hiện", "ước thực hiện", "ước th", "th", "ưth", "kết quả", "đã thực hiện",
                            "kỳ này", "kỳ báo cáo", "đạt được", "số đạt", "đạt")
    plan: tuple[str, ...] = ("kế hoạch", "kh", "chỉ tiêu", "dự toán", "mục tiêu", "nhiệm vụ giao", "giao")
    same_period: tuple[str, ...] = ("cùng kỳ", "ck", "cùng kỳ năm trước", "năm trước", "kỳ trước")
    skip: tuple[str, ...] = ("tăng", "giảm", "lần", "chênh lệch", "+/-", "±")


_BARE_RATE = re.compile(r"^(?:tỷ lệ|tỉ lệ|so sánh)?\s*\(?\s*%?\s*\)?$")


@register("table-percent-column")
class TablePercentColumn(Check):
    """A percentage column recomputed from the two columns its header relates (thực hiện / kế hoạch…)."""

    Params = PercentParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        for grid in document_grids(doc, ctx):
            if grid.header_rows == 0 or grid.header_rows >= grid.n_rows:
                continue
            for c in range(1, grid.n_cols + 1):
                if column_formula(grid, c) is not None:
                    continue  # the table states how the column is computed: the formula rule (AR107) checks it
                rel = self._relation(grid, c)
                if rel is None:
                    yield from self._inferred(grid, c, ctx)
                    continue
                num, den, label = rel
                for f in self._check(grid, c, num, den, label, ctx):
                    if label == "bare" and f.severity is None:
                        f.severity = Severity.WARNING  # the header names no columns: the layout implies them
                    yield f

    def _inferred(self, grid: Grid, c: int, ctx: Context) -> Iterable[Finding]:
        """"Tỷ lệ giải ngân (%)" beside "Kế hoạch vốn" and "Giải ngân": the header names its numerator column
        (the words after "tỷ lệ") but not its base. A base column is accepted only when the ratio holds on every
        other row (at least three), and a lone disagreeing row is then a `warning`. A rate column whose header
        names neither ("Tỷ lệ (%)" alone, "Chỉ số chung" over cells written "91,42%") takes the one pair of
        columns to its left whose ratio holds on nearly every row (at least five)."""
        h = norm(grid.headers.get(c, ""))
        others = [cc for cc in range(1, c) if cc not in (grid.stt_col, grid.label_col, grid.unit_col)]
        heads = {cc: norm(grid.headers.get(cc, "")) for cc in others}
        if any(has_word(h, w) for w in self.params.skip):
            if (has_word(h, "tăng") or has_word(h, "giảm")) and "%" in h and not has_word(h, "lần"):
                yield from self._growth(grid, c, [cc for cc in others if heads[cc] and "%" not in heads[cc]][-6:], ctx)
            return
        m = re.match(r"\s*t[ỷỉ] lệ\s+([^\W\d_][\w\s]*?)\s*\(?\s*%\s*\)?\s*$", h)
        if m:
            what = m.group(1).strip()
            if len(what) < 3:
                return
            nums = [cc for cc, hh in heads.items() if hh and has_word(hh, what)]
            if len(nums) != 1:
                return
            pairs, least = [(nums[0], den) for den in others if den != nums[0]], 4
        elif _BARE_RATE.match(h) or self._percent_cells(grid, c):
            near = others[-6:]  # a rate stands right of the columns it divides
            pairs, least = [(a, b) for a in near for b in near if a != b], 5
        else:
            return
        fits = []
        for num, den in pairs:
            if not heads.get(den) or "%" in heads[den] or not heads.get(num) or "%" in heads[num]:
                continue
            n, bad = self._fit(grid, c, num, den)
            if n >= least and bad <= max(1, n // 10):
                fits.append((num, den))
        if len(fits) != 1:
            return
        for f in self._check(grid, c, *fits[0], "inferred", ctx):
            if f.severity is None:
                f.severity = Severity.WARNING
            yield f

    def _growth(self, grid: Grid, c: int, near: list[int], ctx: Context) -> Iterable[Finding]:
        """"Tăng, giảm (%)" beside two periods: (later − earlier) / earlier · 100, the pair of columns found as
        the one whose growth holds on nearly every row (at least four). A decrease may be written with or
        without its minus sign. A row that breaks it is a `warning` (the header names no columns)."""
        def rows(later: int, earlier: int):
            out = []
            for r in grid.data_rows():
                s = signed_value(grid.text(r, c)) if not grid.is_hole(r, c) else None
                a, b = cell_value(grid.text(r, later)), cell_value(grid.text(r, earlier))
                if s is None or a is None or b is None or a.percent or b.percent:
                    continue
                sa, sb = cell_slack(a, rounded_integers(grid, later)), cell_slack(b, rounded_integers(grid, earlier))
                if b.value - sb <= 0:
                    continue
                lo = ((a.value - sa) / (b.value + sb) - 1) * 100
                hi = ((a.value + sa) / (b.value - sb) - 1) * 100
                x, half = s.value, s.half
                holds = any(x - half <= h2 and l2 <= x + half for l2, h2 in ((lo, hi), (-hi, -lo)))
                step = Decimal(1).scaleb(-s.decimals)
                ax = abs(x)
                truncated = not holds and any(ax <= h2 and ax + step >= l2 for l2, h2 in ((lo, hi), (-hi, -lo)))
                out.append((r, holds, truncated, s, (a.value - b.value) / b.value * 100, s.sure and a.sure and b.sure))
            return out

        fits = []
        for later in near:
            for earlier in near:
                if later == earlier:
                    continue
                found = rows(later, earlier)
                bad = sum(1 for x in found if not x[1])
                if len(found) >= 4 and bad <= max(1, len(found) // 10):
                    fits.append((later, earlier, found))
        if len(fits) != 1:
            return
        later, earlier, found = fits[0]
        ctx.coverage.count("table-percent", "table", len(found))
        for r, holds, truncated, s, mid, sure in found:
            if holds:
                continue
            cell = grid.at(r, c)
            computed = fmt_vi(mid, max(s.decimals, 1)) + "%"
            yield Finding(cell.block, cell.start, cell.end,
                          args={"a": grid.text(r, later).strip(), "b": grid.text(r, earlier).strip(),
                                "computed": computed, "stated": grid.text(r, c).strip(),
                                "label": grid.label(r).strip() or str(r), "relation": "growth"},
                          variant="growth_truncated" if truncated else "growth", expected=computed,
                          actual=as_percent(grid.text(r, c)), severity=Severity.INFO if truncated else Severity.WARNING)

    def _percent_cells(self, grid: Grid, c: int) -> bool:
        """Nearly every figure of the column is written with "%" ("91,42%")."""
        texts = [t for r in grid.data_rows() if (t := grid.text(r, c).strip()) and not is_blank(t)]
        marked = [t for t in texts if t.endswith("%")]  # (cheap: most columns have none)
        if len(marked) < 5 or len(marked) * 10 < 9 * len(texts):
            return False
        vals = [v for t in texts if (v := cell_value(t))]
        return sum(v.percent for v in vals) * 10 >= 9 * len(vals)

    def _fit(self, grid: Grid, c: int, num: int, den: int) -> tuple[int, int]:
        """Rows where c, num and den all hold figures, and how many of them disagree with num/den·100."""
        n = bad = 0
        for r in grid.data_rows():
            stated = cell_value(grid.text(r, c)) if not grid.is_hole(r, c) else None
            a, b = cell_value(grid.text(r, num)), cell_value(grid.text(r, den))
            if stated is None or a is None or b is None or b.value == 0 or a.percent or b.percent:
                continue
            sa, sb = cell_slack(a, rounded_integers(grid, num)), cell_slack(b, rounded_integers(grid, den))
            if b.value - sb <= 0:
                continue
            lo, hi = (a.value - sa) / (b.value + sb) * 100, (a.value + sa) / (b.value - sb) * 100
            n += 1
            if not (stated.value + stated.half >= lo and stated.value - stated.half <= hi):
                bad += 1
        return n, bad

    def _role(self, h: str, words: tuple[str, ...]) -> bool:
        return any(has_word(h, w) for w in words)

    def _relation(self, grid: Grid, c: int) -> tuple[int, int, str] | None:
        p = self.params
        h = norm(grid.headers.get(c, ""))
        if not h or not any(w in h for w in p.percent_headers):
            return None
        if any(has_word(h, w) for w in p.skip):
            return None
        others = [cc for cc in range(1, grid.n_cols + 1)
                  if cc != c and cc not in (grid.stt_col, grid.label_col, grid.unit_col)]
        heads = {cc: norm(grid.headers.get(cc, "")) for cc in others}
        heads = {cc: hh for cc, hh in heads.items() if hh and not any(w in hh for w in p.percent_headers)}
        # explicit years: "So sánh 2025/2024 (%)"
        m = re.search(r"((?:19|20)[0-9]{2})\s*/\s*((?:19|20)[0-9]{2})", h)
        if m:
            a, b = m.group(1), m.group(2)
            na = [cc for cc, hh in heads.items() if a in hh and b not in hh]
            nb = [cc for cc, hh in heads.items() if b in hh and a not in hh]
            if len(na) == 1 and len(nb) == 1:
                return na[0], nb[0], f"{a}/{b}"
            return None
        if self._role(h, p.same_period):
            den_words, kind = p.same_period, "same"
        elif self._role(h, p.plan):
            den_words, kind = p.plan, "plan"
        elif _BARE_RATE.match(h) and not any(self._role(hh, p.same_period) for hh in heads.values()):
            den_words, kind = p.plan, "bare"  # "Kế hoạch | Thực hiện | Tỷ lệ (%)": the rate of the plan achieved
        else:
            return None
        dens = [cc for cc, hh in heads.items() if self._role(hh, den_words)]
        nums = [cc for cc, hh in heads.items() if self._role(hh, p.numerator) and cc not in dens]
        if len(dens) != 1 or len(nums) != 1:
            return None  # the header names a relation but the table does not show exactly its two columns
        return nums[0], dens[0], kind

    def _check(self, grid: Grid, c: int, num: int, den: int, label: str, ctx: Context) -> Iterable[Finding]:
        checked = []
        for r in grid.data_rows():
            text = grid.text(r, c)
            if grid.is_hole(r, c) or is_blank(text):
                continue
            stated = cell_value(text)
            if stated is None:
                continue
            a, b = cell_value(grid.text(r, num)), cell_value(grid.text(r, den))
            if a is None or b is None or b.value == 0 or a.percent or b.percent:
                continue
            # interval of a/b·100 with each figure's rounding
            rounded_a = rounded_integers(grid, num)
            rounded_b = rounded_integers(grid, den)
            sa, sb = cell_slack(a, rounded_a), cell_slack(b, rounded_b)
            if b.value - sb <= 0:
                continue
            lo = (a.value - sa) / (b.value + sb) * 100
            hi = (a.value + sa) / (b.value - sb) * 100
            mid = a.value / b.value * 100
            half = stated.half
            holds = stated.value + half >= lo and stated.value - half <= hi
            truncated = False
            if not holds:
                step = Decimal(1).scaleb(-stated.decimals)
                truncated = stated.value <= hi and stated.value + step >= lo  # cut instead of rounded
            sure = stated.sure and a.sure and b.sure
            checked.append((r, holds, truncated, stated, mid, sure))
        ctx.coverage.count("table-percent", "table", len(checked))
        good = sum(1 for x in checked if x[1])
        bad = [x for x in checked if not x[1]]
        if not bad or (len(checked) >= 2 and good < len(bad)):
            return  # most rows disagree: we are not reading the columns the header means
        for r, _, truncated, stated, mid, sure in bad:
            cell = grid.at(r, c)
            computed = fmt_vi(mid, max(stated.decimals, 2)) + "%"
            severity = Severity.INFO if truncated else (None if sure else Severity.WARNING)
            yield Finding(cell.block, cell.start, cell.end,
                          args={"a": grid.text(r, num).strip(), "b": grid.text(r, den).strip(), "computed": computed,
                                "stated": grid.text(r, c).strip(), "label": grid.label(r).strip() or str(r),
                                "relation": label},
                          variant="truncated" if truncated else "default",
                          expected=computed, actual=as_percent(grid.text(r, c)), severity=severity)
