"""Table columns computed by a rule the document states.

`table-formula`: a formula written in the column-number row ("(1) (2) (3) (4)=(2)+(3) (5)=(4)/(1)"), at the end
of a header ("Tỷ lệ (%) (6)=(5)/(4)*100"), or in words in a header or a note by the table ("Điểm = Tỷ lệ ×
Điểm tối đa / 100"), evaluated on every data row with interval arithmetic.

`table-stated-maximum`: a maximum the table states — in a header ("(Tối đa 18 điểm)", "(điểm tối đa 18)",
"thang điểm 10"), as a column ("Điểm tối đa" beside "Điểm đạt được") or as a row ("Điểm tối đa") — that a
figure exceeds.

`table-summary-row`: rows labelled "cao nhất", "thấp nhất", "trung bình" under a list of units, against the
maximum, minimum and mean of the column above them.
"""

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable

from ..document import BlockKind, Document
from ..issues import Severity
from ..tablegrid import Grid, Value, cell_value, document_grids, fmt_vi, is_blank, norm, stt_level
from ..validation import FORBID
from .base import Check, Context, Finding, register
from .formula import Node, parse, tokens_named, tokens_numbered
from .tablecells import (bounds, cell_span, column_formula, column_numbers, header_parts, is_total_label,
                         number_at, rounded_integers, show_computed, value_columns)


def _point(v: Value) -> tuple[Fraction, Fraction]:
    x = Fraction(v.value)
    return x, x


def _percent_column(grid: Grid, c: int) -> bool:
    h = norm(grid.headers.get(c, ""))
    if "%" in h or "tỷ lệ" in h:
        return True
    cells = [v for r in grid.data_rows() if (v := number_at(grid, r, c)) is not None]
    return bool(cells) and sum(v.percent for v in cells) * 2 > len(cells)


# --- formulas ----------------------------------------------------------------------------------

@dataclass(slots=True, kw_only=True)
class FormulaParams:
    """Where formulas written in words are looked for around a table."""

    __pydantic_config__ = FORBID
    notes_after: int = 4  # paragraphs after a table read for a formula in words
    notes_before: int = 2  # paragraphs before it


_NAME_CLEAN = re.compile(r"\(\s*%\s*\)|\(\s*[^()]*\)|%|[:;,.]")


def _name(text: str) -> str:
    return " ".join(_NAME_CLEAN.sub(" ", text).lower().split())


@dataclass(slots=True)
class _Formula:
    target: int
    node: Node
    cols: dict  # reference -> grid column
    label: str  # the formula as the table writes it, for the message


@register("table-formula")
class TableFormula(Check):
    """A column that does not follow the formula its table states."""

    Params = FormulaParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        for grid in document_grids(doc, ctx):
            if grid.header_rows == 0 or grid.header_rows >= grid.n_rows:
                continue
            formulas = list(self._numbered(grid))
            done = {f.target for f in formulas}
            formulas += [f for f in self._named(doc, grid) if f.target not in done]
            for f in formulas:
                yield from self._check(grid, f, ctx)

    # ---- where formulas come from
    def _numbered(self, grid: Grid) -> Iterable[_Formula]:
        nums = column_numbers(grid)
        if not nums:
            return
        by_col = {c: n for n, c in nums.items()}
        for c in range(1, grid.n_cols + 1):
            rhs = column_formula(grid, c)
            if rhs is None or c not in by_col:
                continue
            node = parse(tokens_numbered(rhs, set(nums)))
            if node is None:
                continue
            refs = node.refs()
            if any(r not in nums or nums[r] == c for r in refs):
                continue
            cols = {r: nums[r] for r in refs}
            label = f"\"{self._short(grid, c)}\" ({by_col[c]}) = " + node.show(lambda r: f"({r})")
            yield _Formula(c, node, cols, label)

    def _named(self, doc: Document, grid: Grid) -> Iterable[_Formula]:
        owners: dict[str, list[int]] = {}  # a header text with "=" -> the columns it stands over
        for c in range(1, grid.n_cols + 1):
            for part in header_parts(grid, c):
                if "=" in part:
                    owners.setdefault(part, []).append(c)
        # (a group title over several columns names no column of its own)
        texts: list[tuple[str, int | None]] = [(t, cs[0] if len(cs) == 1 else None) for t, cs in owners.items()]
        texts += [(t, None) for t in self._notes(doc, grid) if "=" in t]
        if not texts:
            return
        names = self._column_names(grid)
        resolve = lambda name: self._resolve(names, name)  # noqa: E731
        seen = set()
        for text, col in texts:
            for piece in re.split(r"[;\n]", text):
                if piece.count("=") != 1:
                    continue
                left, right = piece.split("=")
                left = left.strip()
                if col is not None and (not left or left.endswith("(")):
                    target = col  # "Điểm (= Tỷ lệ × Điểm tối đa/100)": the header's own column
                    right = right.rstrip(" )") if left.endswith("(") else right
                else:
                    left = re.sub(r"^(?:ghi chú|cách tính|trong đó|công thức)\s*:?\s*", "", left.strip(" *-+:"),
                                  flags=re.I)
                    target = resolve(left)
                if target is None or target in seen:
                    continue
                node = parse(tokens_named(right.strip().rstrip(".;").strip(), resolve))
                if node is None:
                    continue
                refs = node.refs()
                if target in refs or len(set(refs)) != len(refs):
                    continue
                seen.add(target)
                cols = {r: r for r in refs}
                label = f"\"{self._short(grid, target)}\" = " + node.show(lambda r: self._short(grid, r))
                yield _Formula(target, node, cols, label)

    def _short(self, grid: Grid, c: int) -> str:
        parts = header_parts(grid, c)
        own = parts[-1] if parts else grid.headers.get(c, "")
        own = re.sub(r"\(\s*=[^)]*\)?", "", own)  # the formula itself, when the header carries it
        return " ".join(own.split()) or str(c)

    def _notes(self, doc: Document, grid: Grid) -> list[str]:
        """Paragraphs right after (and right before) the table: "Ghi chú: Điểm = …"."""
        blocks = [cell.block for cell in grid.cells.values()]
        if not blocks:
            return []
        first = min(b.index for b in blocks)
        last = max(b.index for b in blocks)
        out = []
        n = len(doc.blocks)
        for rng in (range(last + 1, min(n, last + self.params.notes_after) + 1),
                    range(first - 1, max(0, first - 1 - self.params.notes_before), -1)):
            for i in rng:
                b = doc.block(i)
                if b.kind is not BlockKind.PARAGRAPH or b.heading_level is not None or b.text.strip().startswith("|"):
                    break
                out.append(b.text)
        return out

    def _column_names(self, grid: Grid) -> dict[int, tuple[str, str]]:
        """column -> (its own header name, its whole header), cleaned for matching names in a formula."""
        out = {}
        for c in value_columns(grid):
            parts = header_parts(grid, c)
            own = re.sub(r"\(\s*=[^)]*\)?|=.*$", "", parts[-1]) if parts else ""
            out[c] = (_name(own), _name(re.sub(r"=.*$", "", grid.headers.get(c, ""))))
        return out

    def _resolve(self, names: dict[int, tuple[str, str]], name: str) -> int | None:
        """The column a name in a formula refers to: its own header or its whole header says exactly that
        name, else the one header that holds the name with the fewest other words; None when unclear."""
        n = _name(name)
        if not n or not re.search(r"[^\W\d_]", n):
            return None
        for i in (0, 1):
            exact = [c for c, v in names.items() if v[i] == n]
            if len(exact) == 1:
                return exact[0]
            if len(exact) > 1:
                return None
        words = n.split()
        scored = []
        for c, (own, whole) in names.items():
            hw = whole.split()
            if any(hw[i:i + len(words)] == words for i in range(len(hw) - len(words) + 1)):
                scored.append((len(hw) - len(words), c))
        scored.sort()
        if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
            return None
        return scored[0][1]

    # ---- judging
    def _check(self, grid: Grid, f: _Formula, ctx: Context) -> Iterable[Finding]:
        node = f.node
        scales = [1]
        if node.has_op("/") and not any(k in (100, 1000) for k in node.consts()):
            scales = [100] if _percent_column(grid, f.target) else [1, 100]
        results = {s: [] for s in scales}
        for r in grid.data_rows():
            target = number_at(grid, r, f.target)
            if target is None:
                continue
            env, values, ok = {}, [], True
            for ref, c in f.cols.items():
                if grid.is_hole(r, c):
                    ok = False
                    break
                text = grid.text(r, c)
                if is_blank(text):
                    if not node.additive():
                        ok = False
                        break
                    env[ref] = (Fraction(0), Fraction(0))
                    values.append((ref, None))
                    continue
                v = cell_value(text)
                if v is None:
                    ok = False
                    break
                env[ref] = bounds(v, rounded_integers(grid, c))
                values.append((ref, v))
            if not ok:
                continue
            got = node.evaluate(env.__getitem__)
            points = {ref: (_point(v) if v is not None else (Fraction(0), Fraction(0))) for ref, v in values}
            mid = node.evaluate(points.__getitem__)
            if got is None or mid is None:
                continue
            # the stated result: rounded unless it is an exact count of exact counts
            exact = (node.additive() and target.decimals == 0 and not rounded_integers(grid, f.target)
                     and all(v is None or (v.decimals == 0 and not rounded_integers(grid, f.cols[ref]))
                             for ref, v in values))
            slo, shi = (Fraction(target.value),) * 2 if exact else bounds(target, True)
            for s in scales:
                lo, hi = got[0] * s, got[1] * s
                holds = slo <= hi and lo <= shi
                truncated = False
                if not holds and target.decimals is not None:
                    step = Fraction(1, 10 ** target.decimals)
                    x = Fraction(target.value)
                    truncated = lo > 0 and x <= hi and x + step >= lo
                sure = target.sure and all(v is None or v.sure for _, v in values)
                results[s].append((r, holds, truncated, target, mid[0] * s, values, sure, exact))
        if not any(results.values()):
            return
        scale = max(scales, key=lambda s: (sum(1 for x in results[s] if x[1]), -s))
        checked = results[scale]
        ctx.coverage.count("table-formula", "table", len(checked))
        good = sum(1 for x in checked if x[1])
        bad = [x for x in checked if not x[1]]
        if not bad or (len(checked) >= 2 and good < len(bad)):
            return  # most rows disagree: we are not reading the columns the formula means
        for r, _, truncated, target, mid, values, sure, exact in bad:
            stated_text = grid.text(r, f.target).strip()
            computed = show_computed(mid, stated_text, max(target.decimals, 1 if mid.denominator != 1 else 0))
            vals = {ref: (grid.text(r, f.cols[ref]).strip() if v is not None else "0") for ref, v in values}
            computation = node.show(lambda ref: vals[ref])
            if scale != 1:
                computation = f"{computation} × {scale}"
            block, s, e = cell_span(grid, r, f.target)
            # an exact sum off by one may be of rounded amounts whose unit the table does not state
            off_by_one = exact and abs(mid - Fraction(target.value)) <= 1
            severity = Severity.INFO if truncated else (None if sure and not off_by_one else Severity.WARNING)
            yield Finding(block, s, e, args={"label": grid.label(r).strip() or str(r), "formula": f.label,
                                             "computation": f"{computation} = {computed}", "stated": stated_text},
                          variant="truncated" if truncated else "default",
                          expected=computed, actual=stated_text, severity=severity)


# --- stated maxima -------------------------------------------------------------------------------

@dataclass(slots=True, kw_only=True)
class MaximumParams:
    """How tables state a maximum, and which columns it bounds."""

    __pydantic_config__ = FORBID
    # a column or row that holds the maxima
    max_names: tuple[str, ...] = ("điểm tối đa", "điểm chuẩn tối đa", "thang điểm", "mức điểm tối đa", "tối đa",
                                  "điểm tối đa được chấm")
    # columns bounded by a maxima column beside them
    scored: tuple[str, ...] = ("điểm đạt", "điểm đạt được", "điểm tự chấm", "điểm tự đánh giá", "điểm thẩm định",
                               "điểm đánh giá", "điểm chấm", "điểm", "điểm số", "tự chấm", "thẩm định",
                               "tự đánh giá", "điểm thực tế", "kết quả chấm")
    # leaf headers a maximum in a group title does not bound
    not_bounded: tuple[str, ...] = ("xếp hạng", "thứ hạng", "tỷ lệ", "%", "xếp loại", "ghi chú", "stt")


_MAX_IN_TEXT = [
    re.compile(r"tối đa\s*(?:là|=)?\s*:?\s*([0-9]+(?:,[0-9]+)?)\s*(?:điểm|đ)?(?![\w,])(?!\s*[^\W\d_])"),
    re.compile(r"([0-9]+(?:,[0-9]+)?)\s*(?:điểm|đ)\s*tối đa"),
    re.compile(r"thang điểm\s*:?\s*([0-9]+(?:,[0-9]+)?)(?![\w,])"),
    re.compile(r"không quá\s*([0-9]+(?:,[0-9]+)?)\s*(?:điểm|đ)(?!\w)"),
]
_POINTS = re.compile(r"(?<![^\W\d_])(?:điểm|đ)(?!\w)")


def stated_maximum(text: str) -> Value | None:
    """The maximum of points a header states ("(Tối đa 18 điểm)", "(điểm tối đa: 18)", "thang điểm 10"), or
    None: a maximum of something else ("thời hạn tối đa 15 ngày", "mức phạt tối đa 5 triệu") is not read."""
    t = norm(text)
    if ("tối đa" not in t and "thang điểm" not in t and "không quá" not in t) or not _POINTS.search(t):
        return None
    found = {m.group(1) for rx in _MAX_IN_TEXT for m in rx.finditer(t)}
    if len(found) != 1:
        return None
    return cell_value(found.pop())


@register("table-stated-maximum")
class TableStatedMaximum(Check):
    """A figure above the maximum its table states."""

    Params = MaximumParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        for grid in document_grids(doc, ctx):
            if grid.header_rows == 0 or grid.header_rows >= grid.n_rows:
                continue
            yield from self._header_maxima(grid, ctx)
            yield from self._column_maxima(grid, ctx)
            yield from self._row_maxima(grid, ctx)

    def _finding(self, grid: Grid, r: int, c: int, v: Value, mx: Value, mx_text: str, source: str,
                 variant: str) -> Finding:
        block, s, e = cell_span(grid, r, c)
        return Finding(block, s, e, args={"label": grid.label(r).strip() or str(r), "value": grid.text(r, c).strip(),
                                          "maximum": mx_text, "header": grid.headers.get(c, "") or str(c),
                                          "source": source},
                       variant=variant, expected=f"≤ {mx_text}", actual=grid.text(r, c).strip(),
                       severity=None if (v.sure and mx.sure) else Severity.WARNING)

    def _bounded_rows(self, grid: Grid) -> list[int]:
        return [r for r in grid.data_rows() if not is_total_label(grid.label(r))]

    def _header_maxima(self, grid: Grid, ctx: Context) -> Iterable[Finding]:
        for c in value_columns(grid):
            parts = header_parts(grid, c)
            if not parts:
                continue
            mx = None
            for p in parts:
                mx = stated_maximum(p)
                if mx is not None:
                    break
            if mx is None or mx.percent:
                continue
            if any(w in norm(parts[-1]) for w in self.params.not_bounded) and stated_maximum(parts[-1]) is None:
                continue  # "Xếp hạng" under a title "Lĩnh vực 1 (tối đa 18 điểm)"
            for r in self._bounded_rows(grid):
                v = number_at(grid, r, c)
                if v is None or v.percent:
                    continue
                ctx.coverage.count("table-maximum", "table")
                if v.value > mx.value:
                    yield self._finding(grid, r, c, v, mx, fmt_vi(mx.value, mx.decimals), p.strip(), "header")

    def _is_max_name(self, text: str, grid: Grid) -> bool:
        t = _name(text)
        if t == "tối đa":  # alone, only in a table of points
            return any("điểm" in norm(h) for h in grid.headers.values())
        return t in self.params.max_names

    def _column_maxima(self, grid: Grid, ctx: Context) -> Iterable[Finding]:
        cols = value_columns(grid)
        maxima = [c for c in cols if header_parts(grid, c) and self._is_max_name(header_parts(grid, c)[-1], grid)]
        if len(maxima) != 1:
            return
        m = maxima[0]
        scored = [c for c in cols if c != m and header_parts(grid, c)
                  and _name(header_parts(grid, c)[-1]) in self.params.scored]
        for c in scored:
            for r in grid.data_rows():
                mx, v = number_at(grid, r, m), number_at(grid, r, c)
                if mx is None or v is None or mx.percent or v.percent:
                    continue
                ctx.coverage.count("table-maximum", "table")
                if v.value > mx.value:
                    yield self._finding(grid, r, c, v, mx, grid.text(r, m).strip(),
                                        header_parts(grid, m)[-1].strip(), "column")

    def _row_maxima(self, grid: Grid, ctx: Context) -> Iterable[Finding]:
        rows = list(grid.data_rows())
        maxima = [r for r in rows if self._is_max_name(grid.label(r), grid)]
        if len(maxima) != 1:
            return
        m = maxima[0]
        for c in value_columns(grid):
            mx = number_at(grid, m, c)
            if mx is None or mx.percent:
                continue
            for r in self._bounded_rows(grid):
                if r == m:
                    continue
                v = number_at(grid, r, c)
                if v is None or v.percent:
                    continue
                ctx.coverage.count("table-maximum", "table")
                if v.value > mx.value:
                    yield self._finding(grid, r, c, v, mx, grid.text(m, c).strip(), grid.label(m).strip(), "row")


# --- summary rows: highest, lowest, mean ---------------------------------------------------------

@dataclass(slots=True, kw_only=True)
class SummaryParams:
    """Labels of summary rows, and how many units a column needs before they are checked."""

    __pydantic_config__ = FORBID
    highest: tuple[str, ...] = ("cao nhất", "lớn nhất")
    lowest: tuple[str, ...] = ("thấp nhất", "nhỏ nhất")
    mean: tuple[str, ...] = ("trung bình", "bình quân")
    # mean rows whose label says a plain average: a mismatch with the plain mean is reported (a "bình quân"
    # may be weighted, so only a value outside the column's range is reported for it)
    plain_mean: tuple[str, ...] = ("trung bình",)
    # what may come before the summary word: "Chỉ số cao nhất", "Điểm trung bình" (not "Thu nhập bình quân",
    # an indicator of its own)
    prefixes: tuple[str, ...] = ("", "chỉ số", "điểm", "giá trị", "mức", "kết quả", "số điểm", "tổng điểm")
    suffixes: tuple[str, ...] = ("", "chung")
    min_units: int = 3


@register("table-summary-row")
class TableSummaryRow(Check):
    """"Cao nhất", "Thấp nhất", "Trung bình" rows against the column of units above them."""

    Params = SummaryParams

    def _kind(self, label: str) -> str | None:
        t = norm(label)
        if not t:
            return None
        p = self.params
        for kind, words in (("max", p.highest), ("min", p.lowest), ("mean", p.mean)):
            for w in words:
                if w in t and any(t == " ".join(filter(None, (a, w, b))) for a in p.prefixes for b in p.suffixes):
                    return kind
        return None

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        for grid in document_grids(doc, ctx):
            if grid.header_rows == 0 or grid.header_rows >= grid.n_rows:
                continue
            rows = list(grid.data_rows())
            kinds = {r: k for r in rows if (k := self._kind(grid.label(r)))}
            if not kinds:
                continue
            units = [r for r in rows if r not in kinds]
            if len(units) < self.params.min_units or any(is_total_label(grid.label(r)) for r in units):
                continue
            # the summary rows close (or open) the list: units are one run of rows
            if units != list(range(units[0], units[-1] + 1)):
                continue
            if grid.stt_col and len({stt_level(grid.text(r, grid.stt_col)) for r in units} - {None}) > 1:
                continue  # a hierarchy: which rows the summary covers is not clear
            for c in value_columns(grid):
                stated_here = {r: v for r in kinds if (v := number_at(grid, r, c)) is not None}
                if not stated_here:
                    continue  # (most columns carry no summary: their figures are not read)
                vals = []
                for r in units:
                    v = number_at(grid, r, c)
                    if v is None or grid.is_hole(r, c):
                        vals = None
                        break
                    vals.append(v)
                if not vals:
                    continue
                rounded = True  # summaries are of measures (scores, rates): each figure stands for its interval
                ivs = [bounds(v, rounded and v.decimals > 0) for v in vals]
                for r, s in stated_here.items():
                    kind = kinds[r]
                    if s.percent != vals[0].percent:
                        continue
                    yield from self._judge(grid, r, c, kind, s, vals, ivs, ctx)

    def _judge(self, grid: Grid, r: int, c: int, kind: str, s: Value, vals: list[Value], ivs, ctx: Context
               ) -> Iterable[Finding]:
        slo, shi = bounds(s, s.decimals > 0)
        lo_all, hi_all = min(i[0] for i in ivs), max(i[1] for i in ivs)
        severity = None if s.sure and all(v.sure for v in vals) else Severity.WARNING
        ctx.coverage.count("table-summary", "table")
        # The summary may be of more units than the table lists (a province's highest over its ten lowest
        # communes): only a highest below a listed figure, or a lowest above one, is impossible.
        if kind == "max":
            lo, hi = max(i[0] for i in ivs), hi_all
            point = max(Fraction(v.value) for v in vals)
            if slo > hi:
                severity = Severity.WARNING
        elif kind == "min":
            lo, hi = lo_all, min(i[1] for i in ivs)
            point = min(Fraction(v.value) for v in vals)
            if shi < lo:
                severity = Severity.WARNING
        else:
            n = len(ivs)
            lo, hi = sum(i[0] for i in ivs) / n, sum(i[1] for i in ivs) / n
            point = sum(Fraction(v.value) for v in vals) / n
            severity = Severity.WARNING
            if slo <= hi_all and lo_all <= shi:  # inside the column's range: a weighted mean may explain it
                if not any(w in norm(grid.label(r)) for w in self.params.plain_mean):
                    return
        if slo <= hi and lo <= shi:
            return
        stated_text = grid.text(r, c).strip()
        computed = show_computed(point, stated_text, max(s.decimals, max(v.decimals for v in vals)))
        if s.percent:
            computed += "%"
        block, st, e = cell_span(grid, r, c)
        yield Finding(block, st, e, args={"label": grid.label(r).strip(), "header": grid.headers.get(c, "") or str(c),
                                          "count": len(vals), "computed": computed, "stated": stated_text},
                      variant=kind, expected=computed, actual=stated_text, severity=severity)
