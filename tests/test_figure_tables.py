"""The figure lexer's tables shipped beside the grammar (`grammar/figures.tables.json`) must be
what lark derives from `grammar/figures.lark`: at run time they replace building the LALR parser."""

import json

from checker import figures as F
from checker.resources import grammar_path


def test_shipped_tables_match_the_grammar():
    shipped = json.loads(grammar_path("figures.tables.json").read_text(encoding="utf-8"))
    assert shipped["grammar_stamp"] == F._grammar_stamp(F._grammar_text()), \
        "grammar changed: run `python -m checker.figures` to rewrite figures.tables.json"
    derived = json.loads(json.dumps(F.grammar_tables(F._get_parser()), ensure_ascii=False))
    assert {k: v for k, v in shipped.items() if k != "grammar_stamp"} == derived


def test_stale_tables_fall_back_to_lark(monkeypatch):
    text = "Kết nạp 127/179 đảng viên, đạt 70,95%; ngày 05 tháng 01 năm 2024, quý II/2024, 3.120m2."
    expected = F._build(text, F._parse(text))
    monkeypatch.setattr(F, "_engine", None)
    monkeypatch.setattr(F, "_shipped_tables", lambda: None)
    assert F._build(text, F._parse(text)) == expected
    monkeypatch.setattr(F, "_engine", None)  # the next caller rebuilds from the shipped tables
