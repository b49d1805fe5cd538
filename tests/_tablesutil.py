"""Word documents with tables, built with python-docx for the table rule tests (no real report's text)."""

import docx

from checker.api import lint_document
from checker.readers import read_path


def docx_tables(tmp_path, tables, before="Báo cáo kết quả thực hiện nhiệm vụ năm 2025.",
                after="Trên đây là báo cáo kết quả năm 2025.", name="t.docx", between=None):
    """A .docx with a paragraph, then each table of `tables` — (rows, merges) with merges ((r1, c1), (r2, c2))
    0-based pairs merged before the text is written (the top-left cell's text is kept); `None` cells are left
    empty — then a closing paragraph. `between`: paragraphs between consecutive tables (none: the tables are
    separated only by Word's empty paragraph)."""
    d = docx.Document()
    for line in ([before] if isinstance(before, str) else before):
        d.add_paragraph(line)
    for k, (rows, merges) in enumerate(tables):
        if k and between:
            d.add_paragraph(between)
        n_cols = max(len(r) for r in rows)
        t = d.add_table(rows=len(rows), cols=n_cols)
        for (a, b), (c, e) in merges:
            t.cell(a, b).merge(t.cell(c, e))
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                if text is not None:
                    t.cell(i, j).text = text
    for line in ([after] if isinstance(after, str) else after):
        d.add_paragraph(line)
    path = tmp_path / name
    d.save(path)
    return path


def docx_table(tmp_path, rows, merges=(), before="Báo cáo kết quả thực hiện nhiệm vụ năm 2025.", name="t.docx",
               after="Trên đây là báo cáo kết quả năm 2025."):
    """A .docx with one paragraph, one table and a closing paragraph."""
    return docx_tables(tmp_path, [(rows, merges)], before=before, after=after, name=name)


def lint_path(path, select, lang="vi"):
    return lint_document(read_path(path), select=list(select), lang=lang).issues
