"""Formulas tables state (checks/formula.py): parsing without eval, and interval evaluation that never
excludes a value the figures' intervals allow."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.checks.formula import Node, parse, tokens_named, tokens_numbered


@pytest.mark.parametrize("text,shown,refs", [
    ("(2)+(3)", "2 + 3", [2, 3]),
    ("2+3", "2 + 3", [2, 3]),
    ("(5)/(4)*100", "5 / 4 × 100", [5, 4]),
    ("(5) / (4) x 100", "5 / 4 × 100", [5, 4]),
    ("(3)–(2)", "3 - 2", [3, 2]),
    ("((2)+(3))/(1)", "(2 + 3) / 1", [2, 3, 1]),
    ("5:4", "5 / 4", [5, 4]),
])
def test_column_number_formulas(text, shown, refs):
    node = parse(tokens_numbered(text, {1, 2, 3, 4, 5}))
    assert node.show(str) == shown and node.refs() == refs


@pytest.mark.parametrize("text", ["", "(2)", "(2)+", "2+abc", "(2)+(3))", "=", "100"])
def test_not_formulas(text):
    assert parse(tokens_numbered(text, {1, 2, 3})) is None


def test_bare_number_not_a_column_is_a_constant():
    node = parse(tokens_numbered("5/4*100", {1, 2, 3, 4, 5}))
    assert node.consts() == [100]
    assert parse(tokens_numbered("6/4*100", {1, 2, 3, 4, 5})).refs() == [4]  # no column 6: a constant


def test_named_formula_resolves_names():
    names = {"tỷ lệ đạt": "A", "điểm tối đa": "B"}
    node = parse(tokens_named("Tỷ lệ đạt (%) × Điểm tối đa / 100", lambda n: names.get(n.lower().strip())))
    assert node.show(str) == "A × B / 100"
    assert parse(tokens_named("Tỷ lệ × Điểm khác", lambda n: None)) is None


def test_division_by_an_interval_holding_zero_is_undefined():
    node = parse(tokens_numbered("(1)/(2)", {1, 2}))
    assert node.evaluate({1: (Fraction(1), Fraction(2)), 2: (Fraction(-1), Fraction(1))}.__getitem__) is None


@given(st.text(alphabet="()0123456789+-–*/x:= ,.", max_size=30))
def test_parsing_never_raises(text):
    node = parse(tokens_numbered(text, {1, 2, 3, 4}))
    assert node is None or isinstance(node, Node)


_refs = st.sampled_from([1, 2, 3])


def _trees():
    leaf = st.one_of(_refs.map(lambda r: Node("ref", ref=r)),
                     st.integers(1, 50).map(lambda k: Node("const", const=Fraction(k))))
    return st.recursive(leaf, lambda kids: st.tuples(st.sampled_from("+-*/"), kids, kids).map(
        lambda t: Node(t[0], t[1], t[2])), max_leaves=6)


@given(_trees(), st.lists(st.tuples(st.integers(1, 500), st.integers(0, 20)), min_size=3, max_size=3),
       st.lists(st.fractions(0, 1), min_size=3, max_size=3))
def test_interval_contains_every_point_inside(tree, centres, where):
    """For any values inside the operands' intervals, the formula's value lies inside its interval."""
    ivs = {i + 1: (Fraction(c) - Fraction(w, 10), Fraction(c) + Fraction(w, 10)) for i, (c, w) in enumerate(centres)}
    points = {k: (lo + (hi - lo) * t,) * 2 for (k, (lo, hi)), t in zip(ivs.items(), where)}
    got = tree.evaluate(ivs.__getitem__)
    point = tree.evaluate(points.__getitem__)
    if got is None or point is None:
        return
    assert got[0] <= point[0] <= got[1]
