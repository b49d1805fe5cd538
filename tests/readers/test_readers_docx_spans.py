"""Merged cells: the Word reader records each distinct cell's (row_span, col_span) in
doc.meta["table_spans"][table][(row, col)], the format `checker.tablegrid` reads."""

import docx
from readers_fixtures import make_docx, p, tbl, tc, tr

from checker.document import BlockKind
from checker.readers import read_path
from checker.tablegrid import grids


def spans(doc, table=1):
    return doc.meta["table_spans"][table]


def cells(doc, table=1):
    return {(b.row, b.column): b.text for b in doc.blocks if b.kind is BlockKind.TABLE_CELL and b.table == table}


def test_python_docx_horizontal_and_vertical_merges(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=4, cols=4)
    t.cell(0, 0).merge(t.cell(1, 0)).text = "Chỉ tiêu"  # two rows tall
    t.cell(0, 1).merge(t.cell(0, 3)).text = "Kết quả năm 2024"  # three columns wide
    for c, text in enumerate(["Kế hoạch", "Thực hiện", "Tỷ lệ (%)"], 1):
        t.cell(1, c).text = text
    t.cell(2, 0).merge(t.cell(3, 1)).text = "Khối 2x2"  # a block of two rows and two columns
    t.cell(2, 2).text, t.cell(2, 3).text = "40", "38"
    t.cell(3, 2).text, t.cell(3, 3).text = "20", "19"
    d.save(tmp_path / "merge.docx")
    doc = read_path(tmp_path / "merge.docx")
    assert cells(doc) == {
        (1, 1): "Chỉ tiêu", (1, 2): "Kết quả năm 2024",
        (2, 2): "Kế hoạch", (2, 3): "Thực hiện", (2, 4): "Tỷ lệ (%)",
        (3, 1): "Khối 2x2", (3, 3): "40", (3, 4): "38",
        (4, 3): "20", (4, 4): "19",
    }
    assert spans(doc) == {
        (1, 1): (2, 1), (1, 2): (1, 3),
        (2, 2): (1, 1), (2, 3): (1, 1), (2, 4): (1, 1),
        (3, 1): (2, 2), (3, 3): (1, 1), (3, 4): (1, 1),
        (4, 3): (1, 1), (4, 4): (1, 1),
    }
    # every key is a cell the reader produced, and the spans tile the 4x4 grid exactly once
    assert set(spans(doc)) == set(cells(doc))
    covered = [(r + dr, c + dc) for (r, c), (rs, cs) in spans(doc).items() for dr in range(rs) for dc in range(cs)]
    assert sorted(covered) == [(r, c) for r in range(1, 5) for c in range(1, 5)]


def test_spans_match_python_docx_grid(tmp_path):
    """Cross-check against python-docx's own grid (each grid position -> the w:tc covering it)."""
    d = docx.Document()
    t = d.add_table(rows=5, cols=5)
    t.cell(0, 0).merge(t.cell(4, 0))
    t.cell(0, 1).merge(t.cell(0, 4))
    t.cell(1, 1).merge(t.cell(2, 2))
    t.cell(3, 3).merge(t.cell(4, 4))
    t.cell(1, 3).merge(t.cell(2, 3))
    d.save(tmp_path / "x.docx")
    doc = read_path(tmp_path / "x.docx")
    t = docx.Document(tmp_path / "x.docx").tables[0]
    boxes: dict[int, list[tuple[int, int]]] = {}
    for i, cell in enumerate(t._cells):
        r, c = divmod(i, 5)
        boxes.setdefault(id(cell._tc), []).append((r + 1, c + 1))
    ref = {}
    for pos in boxes.values():
        r0, c0 = min(r for r, _ in pos), min(c for _, c in pos)
        ref[(r0, c0)] = (max(r for r, _ in pos) - r0 + 1, max(c for _, c in pos) - c0 + 1)
    assert spans(doc) == ref


def test_raw_vmerge_restart_continue_and_gridspan(tmp_path):
    body = tbl(
        tr(tc("Nội dung", '<w:vMerge w:val="restart"/>'), tc("Kết quả", '<w:gridSpan w:val="2"/>')),
        tr(tc("", "<w:vMerge/>"), "Số lượng", "Tỷ lệ"),
        tr(tc("", '<w:vMerge w:val="continue"/>'), "12", "85,7%"),
        tr("Cộng", "12", "85,7%"),
    )
    doc = read_path(make_docx(tmp_path / "v.docx", body))
    assert spans(doc) == {(1, 1): (3, 1), (1, 2): (1, 2), (2, 2): (1, 1), (2, 3): (1, 1),
                          (3, 2): (1, 1), (3, 3): (1, 1), (4, 1): (1, 1), (4, 2): (1, 1), (4, 3): (1, 1)}


def test_vertical_merge_stops_at_a_plain_cell_and_a_new_restart(tmp_path):
    body = tbl(
        tr(tc("A", '<w:vMerge w:val="restart"/>'), "x"),
        tr(tc("", "<w:vMerge/>"), "y"),
        tr("B", "z"),  # a plain cell ends the merge
        tr(tc("", "<w:vMerge/>"), "w"),  # a continue with nothing above to continue: dropped, no span
        tr(tc("C", '<w:vMerge w:val="restart"/>'), "u"),
        tr(tc("D", '<w:vMerge w:val="restart"/>'), "v"),  # a restart right below starts a new cell
    )
    doc = read_path(make_docx(tmp_path / "s.docx", body))
    first_col = {k: v for k, v in spans(doc).items() if k[1] == 1}
    assert first_col == {(1, 1): (2, 1), (3, 1): (1, 1), (5, 1): (1, 1), (6, 1): (1, 1)}
    assert (4, 1) not in cells(doc)


def test_grid_before_and_legacy_hmerge(tmp_path):
    body = tbl(
        tr("a", "b", "c"),
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc("d") + tc("e") + "</w:tr>",
        "<w:tr>" + tc("f", '<w:hMerge w:val="restart"/>') + tc("", "<w:hMerge/>") + tc("g") + "</w:tr>",
    )
    doc = read_path(make_docx(tmp_path / "h.docx", body))
    assert cells(doc) == {(1, 1): "a", (1, 2): "b", (1, 3): "c", (2, 2): "d", (2, 3): "e", (3, 1): "f", (3, 3): "g"}
    assert spans(doc)[(3, 1)] == (1, 2)
    assert spans(doc)[(2, 2)] == (1, 1)


def test_nested_tables_have_their_own_spans(tmp_path):
    inner = tbl(tr(tc("x", '<w:gridSpan w:val="2"/>')), tr("y", "z"))
    body = tbl(tr(tc(p("Ngoài") + inner), "Bên phải")) + tbl(tr("q"))
    doc = read_path(make_docx(tmp_path / "n.docx", body))
    assert doc.meta["table_spans"] == {
        1: {(1, 1): (1, 1), (1, 2): (1, 1)},
        2: {(1, 1): (1, 2), (2, 1): (1, 1), (2, 2): (1, 1)},
        3: {(1, 1): (1, 1)},
    }


def test_absurd_grid_span_is_bounded(tmp_path):
    body = tbl(tr(tc("a", '<w:gridSpan w:val="999999999999"/>'), "b"))
    doc = read_path(make_docx(tmp_path / "big.docx", body))
    (rs, cs) = spans(doc)[(1, 1)]
    assert rs == 1 and cs <= 10_000
    assert cells(doc)[(1, 1 + cs)] == "b"


def test_no_tables_means_empty_spans(tmp_path):
    doc = read_path(make_docx(tmp_path / "p.docx", p("Chỉ có đoạn văn")))
    assert doc.meta["table_spans"] == {}


def test_tablegrid_uses_the_spans_for_header_text(tmp_path):
    """The column headers under a title spanning columns get the title; a tall cell covers the rows below."""
    d = docx.Document()
    t = d.add_table(rows=4, cols=4)
    t.cell(0, 0).merge(t.cell(1, 0)).text = "Chỉ tiêu"
    t.cell(0, 1).merge(t.cell(0, 2)).text = "Năm 2024"
    t.cell(0, 3).merge(t.cell(1, 3)).text = "Ghi chú"
    t.cell(1, 1).text, t.cell(1, 2).text = "Kế hoạch", "Thực hiện"
    for r, row in enumerate([["Xã A", "10", "9", ""], ["Xã B", "12", "12", ""]], 2):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.save(tmp_path / "g.docx")
    doc = read_path(tmp_path / "g.docx")
    (grid,) = grids(doc)
    assert grid.spans == spans(doc)
    assert grid.header_rows == 2
    assert grid.headers[2] == "Năm 2024 Kế hoạch"
    assert grid.headers[3] == "Năm 2024 Thực hiện"
    assert grid.headers[4] == "Ghi chú"
    assert grid.is_hole(2, 1) and not grid.is_hole(3, 1)
