"""The shape limits (readers/limits.py): what is refused, how the refusal names the place in each language,
and what stays readable (issue 15, item 6)."""

import pytest

from checker.api import read_error_result
from checker.document import Block, BlockKind
from checker.i18n import t
from checker.readers import ReadError, read_string
from checker.readers.limits import MAX_BLOCK_CHARS, MAX_TABLE_COLUMNS, check_blocks, check_lines, pipe_cells

LIMIT_WORDS = {"vi": (f"{MAX_BLOCK_CHARS:,}".replace(",", "."), str(MAX_TABLE_COLUMNS)),
               "en": (f"{MAX_BLOCK_CHARS:,}", str(MAX_TABLE_COLUMNS))}
KEYS = ["too-long-line", "too-long-paragraph", "too-long-cell", "too-long-footnote", "too-long-endnote",
        "too-wide-table", "too-wide-row", "too-wide-paragraph-row"]


def refusal(fn, *args) -> ReadError:
    with pytest.raises(ReadError) as e:
        fn(*args)
    assert e.value.code == "too-large"
    return e.value


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("key", KEYS)
def test_every_refusal_is_worded_in_both_languages_with_the_current_limit(key, lang):
    text = t(f"error.{key}", lang, detail="7", name="x")
    assert text != f"error.{key}" and "7" in text
    chars, cells = LIMIT_WORDS[lang]
    assert (chars if "long" in key else cells) in text


def test_a_line_at_the_limit_is_read_and_one_more_character_is_not():
    assert read_string("a" * MAX_BLOCK_CHARS).blocks[0].text == "a" * MAX_BLOCK_CHARS
    err = refusal(read_string, "Báo cáo\n" + "a" * (MAX_BLOCK_CHARS + 1))
    assert err.detail == "2" and err.message_key == "error.too-long-line"
    assert read_error_result("bc.txt", err, "vi").error.message.startswith("dòng 2 quá dài")
    assert read_error_result("bc.txt", err, "en").error.message.startswith("line 2 is too long")


def test_a_markdown_row_at_the_limit_is_read_and_one_more_cell_is_not():
    row = "|" + " 1 |" * MAX_TABLE_COLUMNS
    assert pipe_cells(row) == MAX_TABLE_COLUMNS and pipe_cells("| a \\| b |") == 1 and pipe_cells("a | b") == 0
    check_lines([row], "x.md")
    err = refusal(check_lines, ["| a | b |", row + " 1 |"], "x.md")
    assert err.message_key == "error.too-wide-row" and err.detail == "2"


def block(kind, text, **kw) -> Block:
    return Block(index=kw.pop("index", 1), kind=kind, text=text, **kw)


@pytest.mark.parametrize("made, key, place", [
    (block(BlockKind.PARAGRAPH, "a" * (MAX_BLOCK_CHARS + 1), paragraph=12, index=30), "too-long-paragraph", "12"),
    (block(BlockKind.TABLE_CELL, "a" * (MAX_BLOCK_CHARS + 1), table=2, row=3, column=1), "too-long-cell", "2"),
    (block(BlockKind.FOOTNOTE, "a" * (MAX_BLOCK_CHARS + 1), note=4), "too-long-footnote", "4"),
    (block(BlockKind.ENDNOTE, "a" * (MAX_BLOCK_CHARS + 1), note=5), "too-long-endnote", "5"),
    (block(BlockKind.PARAGRAPH, "|" + " 1 |" * (MAX_TABLE_COLUMNS + 1), paragraph=8), "too-wide-paragraph-row", "8"),
])
def test_word_blocks_over_the_limits_name_their_place(made, key, place):
    err = refusal(check_blocks, [made], "bc.docx")
    assert err.message_key == f"error.{key}" and err.detail == place


def test_cells_are_counted_not_grid_columns():
    """A damaged span may push a cell to column 10,000 (the reader bounds it): the table is still read; a
    row of more cells than the limit is not."""
    far = [block(BlockKind.TABLE_CELL, "1", table=1, row=1, column=1),
           block(BlockKind.TABLE_CELL, "2", table=1, row=1, column=10_001)]
    check_blocks(far, "bc.docx")
    wide = [block(BlockKind.TABLE_CELL, str(c), table=3, row=2, column=c) for c in range(1, MAX_TABLE_COLUMNS + 2)]
    check_blocks(wide[:-1], "bc.docx")
    err = refusal(check_blocks, wide, "bc.docx")
    assert err.message_key == "error.too-wide-table" and err.detail == "3"
