"""Shape limits of a readable report: past them the input is refused as `too-large`, with the place named.

Every check is near-linear in the length of a paragraph, but some work grows with a table's width times
its length, and any work on a paragraph of megabytes takes long: such input is not a report (a whole
file on one line, a runaway table), and a clear refusal serves the clerk better than a run that stalls.
The bounds sit far above real reports: the longest paragraph in the real reports we measured has about
9,000 characters (a table cell of a layout table may hold a few pages), and Word itself makes tables of
at most 63 columns.
"""

from __future__ import annotations

from typing import Iterable

from ..document import Block, BlockKind
from .errors import ReadError

MAX_BLOCK_CHARS = 200_000  # one paragraph, table cell, note or line of text
MAX_TABLE_COLUMNS = 256  # cells in one table row (Word tables, Markdown pipe rows)


def _refusal(key: str, place: int | str, reason: str, name: str) -> ReadError:
    """A `too-large` ReadError whose message (catalogue key `error.<key>`) names the place: `detail` is
    only the number of the line, paragraph, table or note, so that each language words it."""
    err = ReadError("too-large", reason, name, detail=str(place))
    err.message_key = f"error.{key}"  # (read_error_result words it; `reason` says it in English)
    return err


def _too_long(key: str, place: int | str, where: str, n: int, name: str) -> ReadError:
    return _refusal(key, place, f"{where} is too long to be checked ({n:,} characters; at most "
                    f"{MAX_BLOCK_CHARS:,})", name)


def _too_wide(key: str, place: int | str, where: str, n: int, name: str) -> ReadError:
    return _refusal(key, place, f"{where} is too wide to be checked ({n:,} cells in a row; at most "
                    f"{MAX_TABLE_COLUMNS:,})", name)


def pipe_cells(line: str) -> int:
    """The cells of a Markdown pipe row ("| a | b |": 2), 0 when the line is not one."""
    t = line.strip()
    if len(t) < 2 or t[0] != "|" or t[-1] != "|":
        return 0
    return t.count("|") - t.count("\\|") - 1


def check_lines(lines: Iterable[str], name: str) -> None:
    """ReadError('too-large') for a text whose line is longer than MAX_BLOCK_CHARS, or a Markdown pipe row
    of more than MAX_TABLE_COLUMNS cells (checked on the raw lines, before any other work)."""
    for n, line in enumerate(lines, 1):
        if line[:1] == "|" or line.lstrip()[:1] == "|":
            cells = pipe_cells(line)
            if cells > MAX_TABLE_COLUMNS:
                raise _too_wide("too-wide-row", n, f"the table row at line {n}", cells, name)
        if len(line) > MAX_BLOCK_CHARS:
            raise _too_long("too-long-line", n, f"line {n}", len(line), name)


def check_blocks(blocks: Iterable[Block], name: str) -> None:
    """ReadError('too-large') for a document (.docx) with a block longer than MAX_BLOCK_CHARS or a table
    row (of a Word table, or a Markdown pipe row typed in a paragraph) of more than MAX_TABLE_COLUMNS
    cells. Cells are counted, not grid columns: a damaged span claiming thousands of columns is bounded
    by the reader, and the table is still read."""
    row_cells: dict[tuple, int] = {}
    for b in blocks:
        if len(b.text) > MAX_BLOCK_CHARS:
            key, place, where = _place(b)
            raise _too_long(key, place, where, len(b.text), name)
        if b.kind is BlockKind.TABLE_CELL:
            row = (b.table, b.row)
            row_cells[row] = n = row_cells.get(row, 0) + 1
            if n > MAX_TABLE_COLUMNS:
                raise _too_wide("too-wide-table", b.table or "?", f"row {b.row} of table {b.table}", n, name)
        if b.kind is BlockKind.PARAGRAPH and "|" in b.text and pipe_cells(b.text) > MAX_TABLE_COLUMNS:
            raise _too_wide("too-wide-paragraph-row", b.paragraph or b.index, "a table row typed in a paragraph",
                            pipe_cells(b.text), name)


def _place(b: Block) -> tuple[str, int | str, str]:
    """(catalogue key, number, English words) of the place of an over-long block."""
    if b.kind is BlockKind.TABLE_CELL:
        return "too-long-cell", b.table or "?", f"the cell at table {b.table}, row {b.row}, column {b.column}"
    if b.kind in (BlockKind.FOOTNOTE, BlockKind.ENDNOTE):
        return f"too-long-{b.kind.value}", b.note or "?", f"{b.kind.value} {b.note}"
    if b.kind is BlockKind.PARAGRAPH:
        return "too-long-paragraph", b.paragraph or b.index, f"paragraph {b.paragraph or b.index}"
    return "too-long-paragraph", b.index, f"{b.kind.value} {b.index}"  # (a page header or footer)
