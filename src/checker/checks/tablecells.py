"""What the table rules read from a grid beyond its layout (`checker.tablegrid`): a cell's figure as an
interval, whether a column's whole numbers are exact counts or rounded measures, header words, the
column-number row ("(1) (2) (3)=(1)+(2)"), labels of total rows, what a percentage means (a share, which
cannot pass 100, or a rate of comparison, which can), the period a column header names ("Quý III", "Năm
2024"), and tables that continue one another after a page break. Shared by the table kinds (`tables.py`, `table_units.py`, `table_formulas.py`, `table_rates.py`).

Rounding policy: a figure with d stated decimals stands for the interval ± half a unit of its last place;
whole numbers are exact counts unless the column's unit is a measure or money, where they are rounded too.
"""

import re
from decimal import Decimal
from fractions import Fraction
from typing import Iterable

from ..tablegrid import Grid, Value, cell_value, fmt_vi, is_blank, norm

MEASURE_UNITS = ("đồng", "triệu", "tỷ", "nghìn", "ngàn", "usd", "ha", "m2", "m²", "km", "tấn", "kg", "lít", "m3",
                 "kwh", "mw", "tạ", "%")

TOTAL_LABELS = ("tổng", "tổng cộng", "cộng", "tổng số", "toàn tỉnh", "toàn huyện", "toàn thành phố", "toàn xã",
                "toàn ngành", "toàn đảng bộ", "chung", "tổng chung")

# what a row's "Đơn vị tính" cell says when its figures are percentages
PERCENT_UNITS = ("%", "tỷ lệ", "tỷ lệ %", "tỉ lệ", "phần trăm")

# words that make a percentage a rate of comparison (it may pass 100) rather than a share of a whole
COMPARISON_WORDS = ("so sánh", "so với", "kế hoạch", "kh", "chỉ tiêu", "dự toán", "mục tiêu", "cùng kỳ", "ck",
                    "năm trước", "kỳ trước", "tháng trước", "quý trước", "tăng", "giảm", "tốc độ", "chỉ số",
                    "vượt", "phát triển", "lần", "th/", "/kh", "/ck", "bình quân", "trung bình", "chênh lệch",
                    "+/-", "±", "tăng trưởng")


def number_at(grid: Grid, r: int, c: int) -> Value | None:
    """The figure a cell states (a percentage too), or None for merged holes, blank/"-" cells and text."""
    cell = grid.at(r, c)
    if cell is None:
        return None
    text = cell.text
    if is_blank(text):
        return None
    return cell_value(text)


def signed_value(text: str) -> Value | None:
    """The value of a cell that holds one number with an optional sign ("-3,2", "− 12", "+5,0%"), else None."""
    t = text.strip()
    sign = 1
    if t[:1] in "-−–+":
        sign = -1 if t[0] != "+" else 1
        t = t[1:].lstrip()
    if not t or is_blank(t):
        return None
    v = cell_value(t)
    if v is None or sign == 1:
        return v
    return Value(-v.value, v.decimals, v.sure, v.percent)


def stated(grid: Grid, r: int, c: int) -> Value | None:
    """The figure a cell states, or None for merged holes, blank/"-" cells, text and percentages."""
    value = number_at(grid, r, c)
    return None if value is None or value.percent else value


def rounded_integers(grid: Grid, col: int) -> bool:
    """Whole numbers in this column are rounded measures (money, area, points…), not exact counts."""
    text = " ".join(filter(None, [grid.unit or "", grid.headers.get(col, "")])).lower()
    return any(u in text for u in MEASURE_UNITS)


def slack(v: Value, rounded_ints: bool) -> Decimal:
    """Half a unit of the last stated place; zero for an exact count."""
    if v.decimals == 0 and not rounded_ints:
        return Decimal(0)
    return v.half


def bounds(v: Value, rounded_ints: bool) -> tuple[Fraction, Fraction]:
    """The interval a stated figure stands for."""
    x, h = Fraction(v.value), Fraction(slack(v, rounded_ints))
    return x - h, x + h


def shown(values: Iterable[Value]) -> int:
    """The most decimals any of the figures shows: the precision a computed figure is printed with."""
    return max((v.decimals for v in values), default=0)


def show_computed(x: Fraction, stated_text: str, decimals: int) -> str:
    """A computed figure in Vietnamese format with the stated figure's decimals, or more when those would
    print it the same as the stated one (15,6 against a stated "16" shows "15,6", not "16")."""
    stated = stated_text.strip().rstrip("%").strip()
    for d in range(decimals, decimals + 4):
        out = fmt_vi(Decimal(x.numerator) / Decimal(x.denominator), d)
        if out != stated:
            return out
    return out


_WORD_RES: dict[str, re.Pattern] = {}


def has_word(text: str, word: str) -> bool:
    """`word` occurs in `text` as whole words (not inside a longer word)."""
    if word not in text:  # the regex needs the word itself: most header words are absent
        return False
    rx = _WORD_RES.get(word)
    if rx is None:
        before = r"(?<![\wÀ-ỹ])" if word[:1].isalnum() else ""  # "th/" ends where "th/kh" goes on
        after = r"(?![\wÀ-ỹ])" if word[-1:].isalnum() else ""
        rx = _WORD_RES[word] = re.compile(before + re.escape(word) + after)
    return rx.search(text) is not None


def has_any_word(text: str, words: Iterable[str]) -> bool:
    return any(has_word(text, w) for w in words)


def header_parts(grid: Grid, c: int) -> list[str]:
    """The texts of a column's header cells, top to bottom (a group title first, the column's own name last)."""
    out, seen = [], set()
    for r in range(1, grid.header_rows + 1):
        if r == grid.colnum_row:
            continue
        cell = grid.header_cell(r, c)
        if cell is not None and id(cell) not in seen and cell.text.strip():
            seen.add(id(cell))
            out.append(cell.text)
    return out


def cell_span(grid: Grid, r: int, c: int) -> tuple:
    """(block, start, end) of a cell: where a finding about it points."""
    cell = grid.at(r, c)
    return cell.block, cell.start, cell.end


_TRAILING_PAREN = re.compile(r"\s*\([^)]*\)$")


def is_total_label(text: str, labels: Iterable[str] = TOTAL_LABELS) -> bool:
    """"Tổng cộng", "Cộng", "Toàn huyện", "Tổng số (I+II)": the label of a totals row or column."""
    t = norm(text)
    if t.endswith(")"):  # (the pattern needs one)
        t = _TRAILING_PAREN.sub("", t)  # "Tổng cộng (I+II)"
    return t.strip(" :.") in labels


def value_columns(grid: Grid) -> list[int]:
    """Columns that may hold figures: not the STT, label or unit column, nor a notes column."""
    out = []
    for c in range(1, grid.n_cols + 1):
        if c in (grid.stt_col, grid.label_col, grid.unit_col):
            continue
        if norm(grid.headers.get(c, "")).startswith("ghi chú"):
            continue
        out.append(c)
    return out


def is_comparison(text: str) -> bool:
    """The text (a header or a label) names a rate of comparison: against a plan, an earlier period, a growth."""
    t = norm(text)
    return any(has_word(t, w) for w in COMPARISON_WORDS)


# --- the column-number row ---------------------------------------------------------------------

_COLNUM_CELL = re.compile(r"^\s*\(?\s*([0-9]{1,2})\s*\)?\s*(?:=\s*(.+?))?\s*$")


def column_numbers(grid: Grid) -> dict[int, int]:
    """Column number as printed in the column-number row ("(1)", "2", "(4)=(2)+(3)") -> grid column."""
    if not grid.colnum_row:
        return {}
    out: dict[int, int] = {}
    for c in range(1, grid.n_cols + 1):
        cell = grid.at(grid.colnum_row, c)
        if cell is None:
            continue
        m = _COLNUM_CELL.match(cell.text)
        if m:
            out.setdefault(int(m.group(1)), c)
    return out


_HEADER_FORMULA = re.compile(r"\(?\s*([0-9]{1,2})\s*\)?\s*=\s*([-+*/x×:÷–−()0-9\s,]+)$")


def column_formula(grid: Grid, c: int) -> str | None:
    """The right-hand side of the formula the table states for column c with column numbers, or None: in its
    cell of the column-number row ("(4)=(2)+(3)" -> "(2)+(3)"), or at the end of its header ("Tỷ lệ (%)
    (5)=(4)/(3)") when the number on the left is the column's own."""
    if not grid.colnum_row:
        return None
    cell = grid.at(grid.colnum_row, c)
    if cell is not None:
        m = _COLNUM_CELL.match(cell.text)
        if m and m.group(2):
            return m.group(2)
    header = grid.headers.get(c, "")
    if "=" in header:
        m = _HEADER_FORMULA.search(header)
        if m and column_numbers(grid).get(int(m.group(1))) == c:
            return m.group(2)
    return None


# --- periods in headers ------------------------------------------------------------------------

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER = re.compile(r"\bquý\s+(iv|i{1,3}|[1-4])\b(?:\s*(?:/|năm)\s*((?:19|20)[0-9]{2}))?")
_MONTHS = re.compile(r"\b(6|9)\s+tháng(?:\s+đầu)?(?:\s*(?:/|năm)\s*((?:19|20)[0-9]{2}))?")
_MONTH = re.compile(r"\btháng\s+([0-9]{1,2})(?:\s*(?:/|năm)\s*((?:19|20)[0-9]{2}))?")
_YEAR = re.compile(r"(?:\bnăm\s+|^)((?:19|20)[0-9]{2})$|\bnăm\s+((?:19|20)[0-9]{2})\b")


def header_period(text: str) -> tuple[int | None, int, int] | None:
    """The period a column header names, as (year or None, first month, last month): "Quý III" → (None, 7, 9),
    "6 tháng đầu năm 2025" → (2025, 1, 6), "Năm 2024" → (2024, 1, 12), "Tháng 10/2024" → (2024, 10, 10).
    None when it names none, or more than one."""
    t = norm(text)
    found = set()
    for m in _QUARTER.finditer(t):
        q = _ROMAN.get(m.group(1)) or int(m.group(1))
        found.add((int(m.group(2)) if m.group(2) else None, 3 * q - 2, 3 * q))
    for m in _MONTHS.finditer(t):
        found.add((int(m.group(2)) if m.group(2) else None, 1, int(m.group(1))))
    if not found:
        for m in _MONTH.finditer(t):
            month = int(m.group(1))
            if 1 <= month <= 12:
                found.add((int(m.group(2)) if m.group(2) else None, month, month))
    if not found:
        for m in _YEAR.finditer(t):
            y = int(m.group(1) or m.group(2))
            found.add((y, 1, 12))
    else:  # "Quý III năm 2024": the year belongs to the quarter
        years = {y for y, _, _ in found if y}
        found = {(y or (next(iter(years)) if len(years) == 1 else None), a, b) for y, a, b in found}
    return found.pop() if len(found) == 1 else None


# --- tables continued after a page break -------------------------------------------------------------

def header_signature(grid: Grid) -> tuple[str, ...]:
    return tuple(norm(grid.headers.get(c, "")) for c in range(1, grid.n_cols + 1))


def continued_runs(grids: list[Grid]) -> list[list[Grid]]:
    """Word tables that continue one another: consecutive tables with the same columns and the same header
    (a long table split by a page or a heading). Each run is read as one table by the rules that follow
    rows across the split ("4.2 Tỷ lệ …" in one table, its "4.2.2" in the next)."""
    runs: list[list[Grid]] = []
    for g in grids:
        prev = runs[-1][-1] if runs else None
        if (prev is not None and isinstance(g.number, int) and isinstance(prev.number, int)
                and g.number == prev.number + 1 and g.n_cols == prev.n_cols and g.header_rows
                and g.header_rows == prev.header_rows and any(header_signature(g))
                and header_signature(g) == header_signature(prev)):
            runs[-1].append(g)
        else:
            runs.append([g])
    return runs
