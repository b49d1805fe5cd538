"""Indicators stated in tables, for comparing them with the prose (`repeated-figure`, AR103).

A table states an indicator in one of two layouts:
- by rows: the row label names it ("Kết nạp đảng viên", "Số đảng viên mới kết nạp"), the columns are periods
  ("Quý I | Quý II | Quý III") or one column of results ("Kết quả", "Thực hiện", "Số lượng");
- by columns: the column header names it ("Kết nạp đảng viên"), the rows are units, and one total row
  ("Tổng cộng", "Toàn huyện") holds the figure for the whole.
Each `TableIndicator` carries the words of its name (without "số", "được", "mới"…), its unit, the period its
column names (None when the column names none), and the cell. Columns of plans, targets, comparisons,
cumulative figures or estimates are never read.
"""

import re
from dataclasses import dataclass

from ..document import Document
from ..tablegrid import Grid, Value, document_grids, norm
from .base import Context
from .tablecells import cell_span, has_word, header_period, is_total_label, number_at, value_columns

# words of a label or a header that do not change the indicator it names
FILLER_WORDS = frozenset(("số", "lượng", "được", "đã", "mới", "tổng", "trong", "kỳ", "các", "những"))
# columns that hold no figure of the period itself
RELATIVE_WORDS = ("kế hoạch", "kh", "chỉ tiêu", "mục tiêu", "dự kiến", "dự toán", "cùng kỳ", "ck", "so sánh",
                  "so với", "tỷ lệ", "%", "lũy kế", "luỹ kế", "tăng", "giảm", "ước", "ghi chú", "bình quân",
                  "trung bình", "năm trước", "kỳ trước", "chênh lệch", "giao", "phấn đấu")

_WORD = re.compile(r"[^\W\d_]+")
_PAREN = re.compile(r"\(([^()]*)\)")
def name_words(text: str) -> frozenset[str]:
    """The words of an indicator's name, lower-cased, without brackets and filler words."""
    t = _PAREN.sub(" ", text.lower())
    return frozenset(w for w in _WORD.findall(t) if w not in FILLER_WORDS)


@dataclass(slots=True)
class TableIndicator:
    """An indicator a table states: its name's words, unit, period, value and where it is."""

    words: frozenset[str]
    unit: str | None
    period: tuple[int | None, int, int] | None
    value: Value
    grid: Grid
    row: int
    col: int
    name: str  # the row label or the column header naming it
    where: str  # the column header (by rows) or the row label (by columns)

    @property
    def place(self) -> tuple:
        return cell_span(self.grid, self.row, self.col)


def _relative(header: str) -> bool:
    h = norm(header)
    return any(has_word(h, w) for w in RELATIVE_WORDS)


def _unit_of(text: str) -> str | None:
    m = _PAREN.search(text)
    return norm(m.group(1)) if m else None


def _by_rows(grid: Grid) -> list[TableIndicator]:
    out = []
    if grid.label_col is None:
        return out
    cols = [c for c in value_columns(grid) if not _relative(grid.headers.get(c, ""))]
    for r in grid.data_rows():
        label = grid.label(r)
        words = name_words(label)
        if len(words) < 2 or is_total_label(label):
            continue
        unit = grid.row_unit(r) or _unit_of(label)
        for c in cols:
            v = number_at(grid, r, c)
            if v is None or v.percent or v.decimals or not v.sure:
                continue
            out.append(TableIndicator(words, unit, header_period(grid.headers.get(c, "")), v, grid, r, c,
                                      " ".join(label.split()), " ".join(grid.headers.get(c, "").split())))
    return out


def _by_columns(grid: Grid) -> list[TableIndicator]:
    totals = [r for r in grid.data_rows() if is_total_label(grid.label(r))]
    if len(totals) != 1:
        return []
    r = totals[0]
    out = []
    for c in value_columns(grid):
        header = grid.headers.get(c, "")
        words = name_words(header)
        if len(words) < 2 or _relative(header):
            continue
        v = number_at(grid, r, c)
        if v is None or v.percent or v.decimals or not v.sure:
            continue
        out.append(TableIndicator(words, _unit_of(header), header_period(header), v, grid, r, c,
                                  " ".join(header.split()), " ".join(grid.label(r).split())))
    return out


def table_indicators(doc: Document, ctx: Context) -> dict[frozenset[str], list[TableIndicator]]:
    """Every indicator the document's tables state, by the words of its name (once per document)."""
    def compute():
        out: dict[frozenset[str], list[TableIndicator]] = {}
        for grid in document_grids(doc, ctx):
            if grid.header_rows == 0 or grid.header_rows >= grid.n_rows:
                continue
            for ind in _by_rows(grid) + _by_columns(grid):
                out.setdefault(ind.words, []).append(ind)
        return out

    return ctx.memo("tableindicators", compute)
