"""Numbers of any length: exact rounding whatever the size, and a run of digits too long to be a figure is left
out of the figures (and counted as not understood) instead of crashing the arithmetic (issue 15, item 1)."""

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker import figures as F
from checker.api import lint_document
from checker.numbers import MAX_FIGURE_DIGITS, fmt, integer_digits, quantize, truncate
from checker.readers import read_string
from checker.tablegrid import cell_value, fmt_vi

LONG = "9" * 49


def lint(text: str):
    return lint_document(read_string(text))


# --- numbers.py ----------------------------------------------------------------------------------

def test_rounding_a_long_value_keeps_every_digit():
    assert fmt(Decimal(LONG), 2) == ".".join(["9"] + ["999"] * 16) + ",00"
    assert fmt(Fraction(10**60, 3), 2).endswith("333.333,33")
    assert fmt(Fraction(10**60, 3), 2).count(".") == 19  # 60 digits in groups of three
    assert truncate(Fraction(2 * 10**30 - 1, 10**30), 2) == Decimal("1.99")  # not rounded up to 2 first


def test_rounding_values_beyond_python_int_to_str_limit():
    huge = Fraction(10**5000 + 1, 7)  # str() of its integer part would raise ValueError
    assert integer_digits(huge) >= 4999
    assert fmt(huge, 0).startswith("14.285.714.285")
    assert quantize(Fraction(-(10**5000)), 1) < 0


@pytest.mark.parametrize("x, decimals, mode, expected", [
    (Fraction(1, 8), 2, ROUND_HALF_UP, "0.13"),  # an exact tie goes up
    (Fraction(1, 8), 2, ROUND_HALF_EVEN, "0.12"),  # or to even
    (Fraction(-1, 8), 2, ROUND_HALF_UP, "-0.13"),
    (Fraction(2, 3), 0, ROUND_DOWN, "0"),
    (Fraction(-2, 3), 1, ROUND_DOWN, "-0.6"),
    (Decimal("12.345"), 2, ROUND_HALF_UP, "12.35"),
    (7, 2, ROUND_HALF_UP, "7.00"),
])
def test_quantize_rounds_exactly(x, decimals, mode, expected):
    assert str(quantize(x, decimals, mode)) == expected


@given(st.integers(-10**40, 10**40), st.integers(1, 10**30), st.integers(0, 6))
def test_quantize_agrees_with_exact_integer_rounding(num, den, decimals):
    """Half-up rounding of num/den to `decimals` places, computed with integers only."""
    scaled = Fraction(num, den) * 10**decimals
    whole, rest = divmod(abs(scaled.numerator), scaled.denominator)
    if 2 * rest >= scaled.denominator:
        whole += 1
    expected = Decimal(whole if num >= 0 else -whole).scaleb(-decimals)
    assert quantize(Fraction(num, den), decimals) == expected


def test_fmt_vi_of_tables_is_safe_for_long_values():
    assert fmt_vi(Decimal(LONG) / 3, 2).startswith("3.333.333")
    assert fmt_vi(Decimal("0.125"), 2) == "0,12"  # ties to even, as before


# --- figures.py: over-long numbers are not figures -------------------------------------------------

def test_longest_figure_is_read_and_one_more_digit_is_not():
    ok, over = "1" * MAX_FIGURE_DIGITS, "1" * (MAX_FIGURE_DIGITS + 1)
    assert F.parse_number(ok) is not None and F.parse_number(over) is None
    assert [n.text for n in F.numbers(f"có {ok} và {over} hộ")] == [ok]
    grouped = "1" + ".000" * 7  # 22 digits with separators
    assert F.parse_number(grouped) is None and cell_value(grouped) is None


@pytest.mark.parametrize("text, kept", [
    (LONG + "/4 đạt 4%", ["4%"]),
    ("12/" + LONG + " hộ, đạt 5%", ["5%"]),
    ("tăng " + LONG + "% so với cùng kỳ", []),
    (LONG + " hộ và 12 hộ", ["12 hộ"]),
    ("đạt " + LONG[:25] + "/" + LONG[:30] + "%", []),
    (LONG, []),  # a cell that is one number
])
def test_overlong_figures_are_left_out_and_their_spans_given(text, kept):
    figs = [f for f in F.extract(text) if f.kind != "link"]
    assert [f.text for f in figs] == kept
    spans = F.overlong_spans(text)
    assert len(spans) == 1
    s, e = spans[0]
    assert "9" * 21 in text[s:e]


def test_overlong_spans_follow_a_heading_label():
    text = "1. Có " + LONG + " hộ"
    (s, e), = F.overlong_spans(text)
    assert text[s:e] == LONG + " hộ"
    assert F.overlong_spans("Có 1.234.567 hộ") == ()


@pytest.mark.parametrize("text, unread", [
    (LONG + "/4 đạt 4%", 1),  # the example of the issue: InvalidOperation in the remainder check
    ("Có " + "9" * 40 + " hộ, còn " + "9" * 35 + " hộ", 2),
    ("Tổng " + "9" * 40 + " hộ, trong đó " + "9" * 39 + " hộ nam, " + "1" * 39 + " hộ nữ.", 3),
    ("Thu " + "1" * 30 + " tỷ đồng, tăng " + "5" * 25 + "% so với cùng kỳ (cùng kỳ " + "2" * 28 + " tỷ đồng).", 3),
    ("Có 1.234 hộ, 5.678 hộ và 9.012 hộ; " + "1" * 5000 + " hộ.", 1),  # beyond int()'s 4,300 digits (NF005)
    ("Kế hoạch số " + "9" * 5000 + "-KH/HU ngày 12/3/2024.", 0),  # a document number, not a figure
    ("ngày " + "9" * 5000 + "/4/2024 và " + "9" * 5000 + "/" + "9" * 5000 + " hộ, đạt 5%", 2),
    ("| Chỉ tiêu | Số |\n|---|---|\n| Hộ nghèo | " + LONG + " |\n| Tổng cộng | " + LONG + " |", 2),
])
def test_long_numbers_never_crash_and_count_as_not_understood(text, unread):
    assert lint(text).coverage.unparsed == unread


def test_an_overlong_number_leaves_the_rest_of_the_paragraph_checked():
    result = lint("Có " + LONG + " hộ. Kết nạp 112/158 đảng viên, đạt 70,87%.")
    assert [i.rule for i in result.issues if i.rule.startswith("AR")] == ["AR001"]
    assert result.coverage.unparsed == 1
