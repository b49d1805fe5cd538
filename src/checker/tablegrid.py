"""Tables rebuilt as grids: Word tables from the TABLE_CELL blocks, Markdown pipe tables from paragraphs.

A `Grid` is the layout of one table: cells by (row, column), which rows are the header, which column
holds the labels (and the STT numbers), what each column's header says, and the value of a cell read as
a Vietnamese number. The table checks (`checks/tables.py`) reason on this layout only.

Word tables. The docx reader gives one block per distinct cell, at its top-left (row, column) grid
position. A merged cell therefore leaves *holes* in the grid: the positions it covers to its right
(horizontal span) or below it (vertical merge). Blocks carry no span width, so:
- in the header, a hole takes the text of the cell above it (vertical merge) or, failing that, the
  cell to its left (a title spanning several columns: "So sánh (%)" over "TH/KH" and "TH/CK");
- in the body, a hole in a figure column means a merged value: that column is left unchecked.
If a reader records the spans (``doc.meta["table_spans"][table] = {(row, col): (rowspan, colspan)}``)
they are used instead of guessing.

Markdown pipe tables. Consecutive paragraph blocks starting and ending with ``|`` form a table; a
delimiter row (``|---|:---:|``) ends the header. Each cell is the span of text between two pipes, so
findings point inside the line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Iterator

from .document import Block, BlockKind, Document

# --- small text helpers ------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
BLANK_MARKS = {"", "-", "–", "—", "x", "X", "...", "…", "0"}  # "0" is a value, handled apart
_DASHES = {"-", "–", "—", "x", "X", "...", "…", "--", "---"}


@lru_cache(maxsize=4096)  # labels are normalised again and again by the table rules
def norm(text: str) -> str:
    """Lower-case, NFC, single spaces, no surrounding punctuation: the form labels are compared in."""
    t = unicodedata.normalize("NFC", text).replace("\u00a0", " ").lower()
    t = _SPACES.sub(" ", t).strip()
    return t.strip(" :.;*_()[]").strip()


def fmt_vi(value: Decimal | int | float, decimals: int = 0) -> str:
    """A number in Vietnamese format: '.' groups thousands, ',' is the decimal mark (ties to even)."""
    from .numbers import fmt

    return fmt(value, decimals, rounding=ROUND_HALF_EVEN)


# --- number reading (through checker.figures, never our own parser) ---------------------------

@dataclass(frozen=True, slots=True)
class Value:
    """A figure read from a cell: exact value, stated decimals, and whether its reading is sure."""

    value: Decimal
    decimals: int
    sure: bool = True  # False when the notation is ambiguous (English or mixed style)
    percent: bool = False

    @property
    def half(self) -> Decimal:
        """Half a unit of the last stated place: the rounding slack of this value."""
        return Decimal(5).scaleb(-self.decimals - 1)


_CELL_NUMBER = re.compile(r"^\(?\s*([0-9][0-9.,\s]*)\s*(%?)\s*\)?\s*\*?$")


@lru_cache(maxsize=1 << 14)  # every table rule (and the layout guess) reads the same cells; a Value is immutable
def cell_value(text: str) -> Value | None:
    """The value of a cell that holds one number (optionally with '%'), else None."""
    t = text.strip().strip("*").strip()
    m = _CELL_NUMBER.match(t)
    if not m:
        return None
    token = m.group(1).strip()
    if " " in token:  # "1 234" is not a Vietnamese number; leave it
        return None
    try:
        from .figures import parse_number
    except ImportError:  # pragma: no cover - figures not available
        return None
    n = parse_number(token)
    if n is None or n.malformed or n.text != token:
        return None
    sure = n.style in ("vi", "plain")
    return Value(Decimal(n.value), int(n.decimals), sure, bool(m.group(2)))


def is_blank(text: str) -> bool:
    t = text.strip().strip("*").strip()
    return t == "" or t in _DASHES


# --- the grid ----------------------------------------------------------------------------------

@dataclass(slots=True)
class Cell:
    """A table cell's place in its grid and the block that holds its text."""

    block: Block
    start: int
    end: int
    row: int
    col: int

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]

    @property
    def norm(self) -> str:
        return norm(self.text)


_ROMAN = re.compile(r"^(?=[ivxlc]+$)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_STT = re.compile(r"^(?:[0-9]+(?:\.[0-9]+)*\.?|[a-zđ]\)?|[ivxlc]+\.?|[-+*•])$")
_COLNUM = re.compile(r"^\(?([0-9]+|[a-e])\)?(?:\s*=\s*[-–−+*/x×:÷()0-9a-e\s.,]+)?$")
_YEAR = re.compile(r"^(19|20)[0-9]{2}$")
_UNIT_ROW = re.compile(r"^\(?\s*(đơn vị tính|đơn vị|đvt)\s*[:.]", re.IGNORECASE)
_UNIT_IN_BRACKETS = re.compile(r"\((?:đơn vị|đvt)\s*[:.]?\s*([^)]+)\)", re.IGNORECASE)
_STT_NUMBER = re.compile(r"[0-9]+")
_STT_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)+")
_STT_LETTER = re.compile(r"[a-zđ]")


@lru_cache(maxsize=1 << 14)  # read for the layout guess and again by the table rules
def stt_level(text: str) -> int | None:
    """Hierarchy level of an STT cell: I=1, 1=2, 1.1=3, 1.1.1=4, a=5, -/+=6; None when blank/unknown."""
    t = norm(text).rstrip(".)")
    raw = text.strip()
    if not t:
        if raw[:1] in "-+*•" and raw:
            return 6
        return None
    if _ROMAN.match(t) and t not in ("c", "l"):
        return 1
    if _STT_NUMBER.fullmatch(t):
        return 2
    if _STT_DECIMAL.fullmatch(t):
        return 2 + t.count(".")
    if _STT_LETTER.fullmatch(t):
        return 5
    return None


@dataclass
class Grid:
    """One table: cells by (row, col), header rows, label/STT columns, composed column headers."""

    number: int | str
    cells: dict[tuple[int, int], Cell]
    n_rows: int
    n_cols: int
    spans: dict[tuple[int, int], tuple[int, int]] | None = None
    markdown_header: int | None = None  # rows above a Markdown delimiter row
    header_rows: int = 0
    stt_col: int | None = None
    label_col: int | None = None
    unit_col: int | None = None
    unit: str | None = None  # "Đơn vị: triệu đồng" above or inside the table
    headers: dict[int, str] = field(default_factory=dict)
    colnum_row: int | None = None
    _rows: dict[int, list[Cell]] | None = field(default=None, init=False, repr=False, compare=False)

    # -- access --
    def at(self, r: int, c: int) -> Cell | None:
        return self.cells.get((r, c))

    def row_cells(self, r: int) -> list[Cell]:
        """The cells of row r, by column (from an index of the rows: a scan of every column of a wide,
        sparse grid for each row was quadratic)."""
        if self._rows is None:
            self._rows = {}
            for (rr, c), cell in sorted(self.cells.items()):
                if 1 <= c <= self.n_cols:
                    self._rows.setdefault(rr, []).append(cell)
        return list(self._rows.get(r, ()))

    def text(self, r: int, c: int) -> str:
        cell = self.at(r, c)
        return cell.text if cell else ""

    def is_hole(self, r: int, c: int) -> bool:
        """A position covered by a merged cell that starts elsewhere."""
        if (r, c) in self.cells:
            return False
        if self.spans is not None:
            return True
        # a short row (fewer cells) in a Markdown table is not a merge
        return not isinstance(self.number, str)

    def value(self, r: int, c: int) -> Value | None:
        cell = self.at(r, c)
        return cell_value(cell.text) if cell else None

    def data_rows(self) -> range:
        return range(self.header_rows + 1, self.n_rows + 1)

    def label(self, r: int) -> str:
        """The row's label: the text of its label column, or of the first text cell left of its figures."""
        if self.label_col is not None:
            t = self.text(r, self.label_col)
            if t.strip():
                return t
        for cell in self.row_cells(r):
            if not cell.text.strip():
                continue
            if cell_value(cell.text) is None and not (cell.col == self.stt_col and stt_level(cell.text)):
                return cell.text
        return ""

    def row_unit(self, r: int) -> str | None:
        if self.unit_col is None:
            return None
        return norm(self.text(r, self.unit_col)) or None

    def header_cell(self, r: int, c: int) -> Cell | None:
        """The cell whose text a header position shows (a group title spanning it, a merge from above)."""
        cover = self.__dict__.get("_cover")
        if cover is None:
            cover = self.__dict__["_cover"] = self._header_cover()
        return cover[(r, c)] if (r, c) in cover else self.at(r, c)

    # -- layout --
    def _header_cover(self) -> dict[tuple[int, int], Cell | None]:
        """The cell covering each header position: its own; else, with recorded spans, the first span
        that covers it; else the nearest cell above it (a vertical merge), else the nearest to its left (a
        title spanning several columns). All positions at once, in time linear in the header's area (a
        search from each hole was quadratic in a wide table's width)."""
        rows, cols = self.header_rows, self.n_cols
        cover: dict[tuple[int, int], Cell | None] = {}
        if self.spans is not None:
            for (rr, cc), (rs, cs) in self.spans.items():
                if rr > rows:
                    continue
                anchor = self.at(rr, cc)
                for r in range(max(1, rr), min(rr + rs, rows + 1)):
                    for c in range(max(1, cc), min(cc + cs, cols + 1)):
                        cover.setdefault((r, c), anchor)
        above: dict[int, Cell] = {}
        for r in range(1, rows + 1):
            left = None
            for c in range(1, cols + 1):
                cell = self.at(r, c)
                if cell is not None:
                    cover[(r, c)] = left = above[c] = cell
                elif self.spans is None:
                    cover[(r, c)] = above.get(c) or left
        return cover

    def analyse(self) -> "Grid":
        self.header_rows = self._find_header_rows()
        self._find_columns()
        cover = self._header_cover()
        for c in range(1, self.n_cols + 1):
            parts: list[str] = []
            seen: set[int] = set()
            for r in range(1, self.header_rows + 1):
                if r == self.colnum_row:
                    continue
                cell = cover.get((r, c))
                if cell is None or id(cell) in seen:
                    continue
                seen.add(id(cell))
                t = _SPACES.sub(" ", cell.text).strip()
                if t and not _UNIT_ROW.match(t):
                    parts.append(t)
            self.headers[c] = " ".join(parts)
        return self

    def _row_kind(self, r: int) -> str:
        cells = [c for c in self.row_cells(r) if c.text.strip()]
        if not cells:
            return "empty"
        if len(cells) == 1 and _UNIT_ROW.match(cells[0].text.strip()):
            self.unit = cells[0].text.strip()
            return "unit"
        texts = [norm(c.text) for c in cells]
        if len(cells) >= 3 and all(_COLNUM.match(t.replace(" ", "")) or t in ("a", "b", "c") for t in texts):
            nums = [int(m.group(1)) for t in texts if (m := re.match(r"^\(?([0-9]+)", t))]
            if len(nums) >= 2 and nums == sorted(nums) and len(set(nums)) == len(nums):
                return "colnum"
        first = self.at(r, 1)
        if first is not None and len(cells) >= 2 and stt_level(first.text) in (1, 2, 3, 4, 5):
            return "data"  # "1.", "II", "2.1", "a": a numbered item, even a figure-less group row
        figures = 0
        for cell in cells:
            if cell.col == 1 and stt_level(cell.text):
                continue
            v = cell_value(cell.text)
            if v is not None and not _YEAR.match(cell.text.strip()):
                figures += 1
        return "data" if figures else "header"

    def _numbers_columns(self, r: int) -> bool:
        """A row under a Markdown delimiter numbers the columns (not a data row "| 1 | A | 4 |"): its numbers
        run 1, 2, 3… with no gap, or one of its cells is a formula ("3=1+2")."""
        texts = [norm(c.text) for c in self.row_cells(r) if c.text.strip()]
        nums = [int(m.group(1)) for t in texts if (m := re.match(r"^\(?([0-9]+)", t))]
        if any("=" in t for t in texts):
            return True
        return len(nums) >= 3 and nums == list(range(nums[0], nums[0] + len(nums)))

    def _find_header_rows(self) -> int:
        if self.markdown_header is not None:
            # a column-number row ("| A | B | 1 | 2 | 3=1+2 |") in the header or right under the delimiter
            for r in range(1, min(self.markdown_header + 1, self.n_rows - 1) + 1):
                if self._row_kind(r) == "colnum" and (r <= self.markdown_header or self._numbers_columns(r)):
                    self.colnum_row = r
                    return max(self.markdown_header, r)
            return self.markdown_header
        last_header = 0
        for r in range(1, self.n_rows + 1):
            kind = self._row_kind(r)
            if kind == "data":
                break
            if kind == "colnum":
                self.colnum_row = r
            if kind in ("header", "unit", "colnum", "empty"):
                last_header = r
            if r >= 6:  # headers are short: a long figure-less run is a text table with a one-row header
                return 1 if self.n_rows > 1 else 0
        else:
            return 1 if self.n_rows > 1 else 0  # no figures at all
        return last_header

    def _find_columns(self) -> None:
        rows = list(self.data_rows())
        if not rows:
            return
        # STT column: column 1 whose header says STT/TT or whose cells are mostly STT labels
        h1 = norm(" ".join(self.text(r, 1) for r in range(1, self.header_rows + 1)))
        col1 = [t for r in rows if (t := self.text(r, 1)).strip()]
        if h1 in ("stt", "tt", "số tt", "số thứ tự") or (col1 and sum(bool(stt_level(t)) for t in col1) >= 0.6 * len(col1)):
            self.stt_col = 1
        # label column: the first column with mostly text in the body
        for c in range(1, min(self.n_cols, 4) + 1):
            if c == self.stt_col:
                continue
            texts = [t for r in rows if (t := self.text(r, c)).strip()]
            if texts and sum(cell_value(t) is None for t in texts) >= 0.6 * len(texts):
                self.label_col = c
                break
        # unit column: header "ĐVT" / "Đơn vị tính"
        for c in range(1, self.n_cols + 1):
            h = norm(" ".join(self.text(r, c) for r in range(1, self.header_rows + 1)))
            if h in ("đvt", "đơn vị tính") or h.endswith(" đơn vị tính") or h.endswith(" đvt"):
                self.unit_col = c
                break
        if self.unit is None:
            for r in range(1, self.header_rows + 1):
                for cell in self.row_cells(r):
                    m = _UNIT_IN_BRACKETS.search(cell.text)
                    if m:
                        self.unit = m.group(1).strip()


# --- building grids ----------------------------------------------------------------------------


def _word_grids(doc: Document) -> Iterator[Grid]:
    by_table: dict[int, dict[tuple[int, int], Cell]] = {}
    for b in doc.blocks:
        if b.kind is BlockKind.TABLE_CELL and b.table is not None and b.row is not None and b.column is not None:
            by_table.setdefault(b.table, {})[(b.row, b.column)] = Cell(b, 0, len(b.text), b.row, b.column)
    spans_all = doc.meta.get("table_spans") if isinstance(doc.meta, dict) else None
    for number, cells in sorted(by_table.items()):
        n_rows = max(cells)[0]  # the largest (row, column) key is in the last row
        n_cols = max(c for _, c in cells)
        spans = spans_all.get(number) if isinstance(spans_all, dict) else None
        yield Grid(number, cells, n_rows, n_cols, spans=spans)


_DELIM = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _split_pipe_row(block: Block) -> list[tuple[int, int]]:
    """Spans of the cells of a Markdown row (text between pipes, trimmed)."""
    text = block.text
    bars = [i for i, ch in enumerate(text) if ch == "|" and (i == 0 or text[i - 1] != "\\")]
    spans = []
    for a, b in zip(bars, bars[1:]):
        s, e = a + 1, b
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        spans.append((s, e))
    return spans


def _markdown_grids(doc: Document) -> Iterator[Grid]:
    run: list[Block] = []
    count = 0

    def flush() -> Iterator[Grid]:
        nonlocal count
        if len(run) < 2:
            return
        cells: dict[tuple[int, int], Cell] = {}
        header = None
        r = 0
        for b in run:
            if _DELIM.match(b.text.strip()):
                if header is None:
                    header = r
                continue
            r += 1
            for c, (s, e) in enumerate(_split_pipe_row(b), 1):
                cells[(r, c)] = Cell(b, s, e, r, c)
        if not cells or r < 2:
            return
        count += 1
        n_cols = max(c for _, c in cells)
        yield Grid(f"md{count}", cells, r, n_cols, markdown_header=header)

    for b in doc.blocks:
        if b.kind is BlockKind.PARAGRAPH and "|" in b.text:  # a pipe row holds a "|" (no strip for the others)
            t = b.text.strip()
            if len(t) >= 2 and t.startswith("|") and t.endswith("|"):
                run.append(b)
                continue
        if run:
            yield from flush()
            run = []
    yield from flush()


def grids(doc: Document) -> list[Grid]:
    """Every table of the document as an analysed grid (Word tables first, then Markdown ones)."""
    out = [g.analyse() for g in _word_grids(doc)]
    out += [g.analyse() for g in _markdown_grids(doc)]
    return out


def document_grids(doc: Document, ctx) -> list[Grid]:
    """The grids of a document, built once per run and shared by the table checks."""
    return ctx.memo("tablegrid.grids", lambda: grids(doc))
