"""The figure grammar: numbers, percentages, ratios, pairs, quantities, dates, periods, spans."""

from decimal import Decimal

from hypothesis import given, settings, strategies as st

from checker.figures import (Date, Link, Number, Pair, Percent, Period, Quantity, Ratio, YearSpan,
                             extract, numbers, parse_number)


def kinds(text):
    return [(type(f).__name__, f.text) for f in extract(text)]


def test_vietnamese_numbers():
    n = parse_number("12.132")
    assert n.value == 12132 and n.decimals == 0 and n.style == "vi" and not n.malformed
    assert (Decimal("12.132"), 3) in n.readings
    n = parse_number("85,17")
    assert n.value == Decimal("85.17") and n.decimals == 2 and n.style == "vi"
    assert parse_number("09").value == 9 and parse_number("09").style == "plain"
    assert parse_number("1487").style == "plain"
    assert parse_number("1.234,5").value == Decimal("1234.5")
    assert parse_number("abc") is None and parse_number("") is None


def test_english_and_ambiguous_numbers():
    n = parse_number("99.38")
    assert n.style == "en" and n.value == Decimal("99.38") and not n.malformed
    n = parse_number("654,935")
    assert n.style == "ambiguous" and {r[0] for r in n.readings} == {Decimal("654.935"), Decimal("654935")}
    assert parse_number("1.23.456").malformed


def test_count_with_decimal_point_is_malformed():
    (q,) = [f for f in extract("Tổ chức tọa đàm được 7.25 cuộc trong quý.") if isinstance(f, Quantity)]
    assert q.unit == "cuộc" and q.number.malformed
    (p,) = [f for f in extract("Tỷ lệ hài lòng đạt trên 97.45%") if isinstance(f, Percent)]
    assert not p.number.malformed and p.number.style == "en"


def test_ratio_pair_percent_quantity():
    text = "đã giải quyết xong 2.415/3.020 việc, đạt tỷ lệ 79,97/75%; thu 12,5/40 tỷ đồng"
    figs = extract(text)
    r = figs[0]
    assert isinstance(r, Ratio) and r.num.value == 2415 and r.den.value == 3020 and r.noun == "việc"
    pair = next(f for f in figs if isinstance(f, Pair))
    assert pair.actual.value == Decimal("79.97") and pair.target.value == 75
    money = [f for f in figs if isinstance(f, Ratio)][1]
    assert money.noun == "tỷ đồng" and money.num.value == Decimal("12.5")
    assert [f.word for f in figs if isinstance(f, Link)] == ["đạt", "tỷ lệ"]


def test_two_counts_are_not_a_ratio():
    figs = extract("truy tố 41 vụ/77 bị can")
    assert [type(f).__name__ for f in figs] == ["Link", "Quantity", "Quantity"] or \
        [type(f).__name__ for f in figs if not isinstance(f, Link)] == ["Quantity", "Quantity"]
    assert not any(isinstance(f, Ratio) for f in figs)


def test_quantities_with_units():
    figs = [f for f in extract("san lấp 3.250m2 đất, trồng 12,6 ha rừng, hỗ trợ 700 triệu đồng") if isinstance(f, Quantity)]
    assert [(f.number.value, f.unit) for f in figs] == [(3250, "m2"), (Decimal("12.6"), "ha"), (700, "triệu đồng")]


def test_dates_periods_spans():
    figs = extract("Ngày 03 tháng 02 năm 2024; quý III/2023; 9 tháng đầu năm 2023; tháng 11/2023; "
                   "kỷ niệm 60 năm (10/3/1964 - 10/3/2024), giai đoạn 2021 - 2025, (27/7), 31/4/2024")
    dates = [f for f in figs if isinstance(f, Date)]
    assert (dates[0].day, dates[0].month, dates[0].year) == (3, 2, 2024)
    assert [(d.day, d.month, d.year) for d in dates[1:3]] == [(10, 3, 1964), (10, 3, 2024)]
    assert (dates[3].day, dates[3].month, dates[3].year) == (27, 7, None)
    assert not dates[4].valid
    periods = [(p.period, p.index, p.year) for p in figs if isinstance(p, Period)]
    assert periods == [("quarter", 3, 2023), ("nine_months", None, 2023), ("month", 11, 2023)]
    (span,) = [f for f in figs if isinstance(f, YearSpan)]
    assert (span.first, span.last) == (2021, 2025)


def test_document_numbers_are_not_figures():
    assert not any(isinstance(f, (Ratio, Number)) for f in extract("theo Kế hoạch số 52/KH-UBND và 214-KH/TU"))


def test_heading_label_is_not_a_figure():
    assert extract("2. Công tác dân vận") == ()


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_string_extracts_with_exact_spans(text):
    for f in extract(text):
        assert text[f.start:f.end] == f.text
    for n in numbers(text):
        assert text[n.start:n.end] == n.text


def _vi(n: int, frac: str) -> str:
    s = f"{n:,}".replace(",", ".")
    return s + ("," + frac if frac else "")


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.text(alphabet="0123456789", max_size=4))
def test_vietnamese_numbers_parse_back(n, frac):
    s = _vi(n, frac)
    num = parse_number(s)
    expected = Decimal(str(n) + ("." + frac if frac else ""))
    assert any(v == expected and d == len(frac) for v, d in num.readings)
    if n >= 10000 or frac:
        assert num.value == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["đạt ", "1.234", "/", "5,6", "%", " tỷ đồng", " (", ")", "-", "2023",
                                 "quý II", "ngày 3", " tháng ", "năm ", "12/", " hộ", "x", "\n"]), max_size=20))
def test_figure_like_soup(parts):
    text = "".join(parts)
    for f in extract(text):
        assert text[f.start:f.end] == f.text


def test_fast_grouping_equals_the_lalr_parse():
    """`extract` groups the regex lexer's tokens by the grammar's flat rules; lark's LALR parser over the
    same tokens must give the same figures."""
    from checker import figures as F

    texts = [
        "Kết nạp mới 127/179 đảng viên, đạt 70,95% chỉ tiêu; xây dựng 3.120m2 nhà, 2 năm 2023.",
        "Ngày 05 tháng 01 năm 2024, 6 tháng đầu năm 2024, quý II/2024, quí III/2023, tháng 10/2023.",
        "Theo Kế hoạch số 139-KH/HU ngày 26/6/2023 (1945 - 2023), đạt 85,17/82,41% số hộ, tăng 5 % so với cùng kỳ.",
        "H5N1 và 12 con, x_5, 5.15 cuộc, 10%tăng, abc123 45, 654,935/871,321 triệu đồng.",
    ]
    parser = F._get_parser()
    for t in texts:
        assert F._build(t, F._parse(t)) == F._build(t, parser.parse(t)), t


def test_quarter_variant_spelling():
    (p,) = [f for f in extract("Tình hình thực hiện nhiệm vụ quí III/2023") if isinstance(f, Period)]
    assert p.period == "quarter" and p.index == 3 and p.year == 2023


def test_a_number_inside_a_word_is_not_a_figure():
    assert [f.text for f in extract("chủng H5N1 và mã CT12, có 45 hộ")] == ["45 hộ"]


def _one_pass(text):
    from checker import figures as F

    out: list = []
    for kind, tok, s, tok2, e2 in F._items(text):
        F._add_figure(out, text, kind, tok, s, tok2, e2)
    return out


_SOUP = ["đạt ", "1.234", "/", "5,6", "%", " %", " tỷ đồng", "m2", " ha", " (", ")", "-", "2023", "quý II", "quí ",
         "ngày 3", " tháng ", "năm ", "12/", " hộ", " đảng viên", "x", "\n", "tăng ", "gồm ", "01.02.2024", "/HU",
         "trong đó", " giai đoạn 2021-2025", "lần", ",", "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SOUP), max_size=24))
def test_one_pass_extraction_equals_the_token_tree(parts):
    """`extract` builds figures straight from the lexer's matches; the token/tree path (`_parse`, `_build`)
    that the LALR cross-check uses must give the same figures."""
    from checker import figures as F

    text = "".join(parts)
    assert _one_pass(text) == F._build(text, F._parse(text))


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"\A[0-9]{1,3}(?:[.,][0-9]{1,3}){0,3}\Z"))
def test_a_lone_number_takes_the_short_path_to_the_same_figure(s):
    from checker import figures as F

    assert list(F._extract.__wrapped__(s)) == _one_pass(s)
