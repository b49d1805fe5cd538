"""Fast paths of the checks give exactly what the plain way gives (speed work must not change findings)."""

import re

from checker.checks import spelling

TEXTS = [
    "Công tác hoà giải, hòa giải ở cơ sở; UỶ BAN, Ủy ban, quý, thuý, khoẻ, khỏe, HOÀ BÌNH.",
    "x2oà, oàa, toàn thể, hoá2, _hoá, thủy lợi, thuỷ sản, Thuỵ; tuý; Hoà-Bình (hòa).",
    "İstanbul hoà, không có gì",  # a letter whose lower case is longer: the plain path
    "",
]


def test_tone_tail_words_are_the_words_that_can_carry_a_tone_pair():
    for text in TEXTS:
        plain = [(m.start(), m.end()) for m in re.finditer(r"[^\W\d_]+", text)
                 if spelling._style(m.group(0)) is not None]
        fast = [(s, e) for s, e in spelling._tail_words(text) if spelling._style(text[s:e]) is not None]
        assert fast == plain, text


def test_not_count_before_equals_its_regex():
    from checker.checks import numberformat as nf

    rx = re.compile(r"(?:" + "|".join(nf._NOT_COUNT_WORDS) + r")\s*[:.]?\s*$")
    samples = ["theo Điều ", "Điều:", "khoản 2.", "v.", "ver . ", "mục  :  ", "tại mục\u00a0", "ĐT: ", "Tel.",
               "hộ", "", " ", ":", "Bảng :.", "Bảng .:", "chỉ tiêu số ", "số hiệu:\t", "ISO", "giờ.x", "lúc\n. \n"]
    for s in samples:
        assert nf._not_count_before(s) == (rx.search(s) is not None), repr(s)


def test_tail_before_equals_the_forward_search():
    import random

    from checker.checks import repeated

    rnd = random.Random(7)
    alphabet = ["kết", "nạp", "Đảng", "a", " ", "  ", "\n", "\t", ",", "5", "_", "x2", "\u00a0", "ộ"]
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        end = rnd.randint(0, len(text))
        lo = rnd.randint(0, end)
        m = repeated._TAIL.search(text, lo, end)
        assert repeated._tail_before(text, lo, end) == (m.group(0) if m else None), (text, lo, end)


def _random_texts(seed: int, n: int):
    import random

    rnd = random.Random(seed)
    alphabet = ["Ngày", "ngày", "tháng", "THÁNG", "năm", "Năm", "quý", "Quí", "II", "IV", "đạt", "Đạt", "tăng",
                "tỷ lệ", "trong đó", "so với cùng kỳ", "chiếm", "tổng số", "kế hoạch", "KỶ NIỆM", "gồm", "hộ",
                "người", "xã", "5", "12", "2024", "1.234", "85,17", "3/4", "14/3/2024", "139-KH/HU", "2020 - 2025",
                "%", " ", "  ", "\u00a0", ",", ".", "-", "–", "/", "(", ")", "_", "x", "H5N1", "ộ", "\n", "6 tháng đầu"]
    for _ in range(n):
        yield "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 25)))


def test_figure_lexer_gate_gives_the_plain_alternation_tokens():
    from checker import figures as F

    lexer = F._get_engine()[0]
    assert lexer._main.pattern.startswith("(?=(?i:[")  # the gated regex is in use
    names, rxs = [], []
    tables = F._shipped_tables()
    for name, rx, _prio in tables["terminals"]:
        if name not in ("PCT", "UNIT") and name not in tables["ignore"]:
            names.append(name)
            rxs.append(rx)
    digit = "|".join(f"(?P<{n}>{r})" for n, r in zip(names, rxs))
    letter = "|".join(f"(?P<W{n}>{r})" for n, r in zip(names, rxs))
    plain = re.compile(r"(?<!\w)(?=\d)(?:" + digit + r")|(?<![^\W\d])(?=[^\W\d])(?:" + letter + ")")
    gated = lexer._main
    try:
        for text in _random_texts(11, 3000):
            fast = [(t.type, t.start_pos, t.end_pos) for t in lexer.lex(text)]
            lexer._main = plain
            slow = [(t.type, t.start_pos, t.end_pos) for t in lexer.lex(text)]
            lexer._main = gated
            assert fast == slow, repr(text)
    finally:
        lexer._main = gated


def test_range_hint_is_necessary_for_a_range():
    from checker.checks import numberformat as nf

    for text in _random_texts(12, 3000):
        if nf._RANGE.search(text):
            assert ("-" in text or "–" in text) and nf._RANGE_HINT.search(text), repr(text)


def test_number_tokens_are_the_numbers():
    from checker import figures as F
    from checker.checks import numberformat as nf

    for text in _random_texts(13, 2000):
        assert [(n.text, n.start, n.end) for n in F.numbers(text)] == list(nf._number_tokens(text)), repr(text)


def test_fold_by_table_equals_the_plain_fold():
    """`structure.fold` folds the characters it has learned by a table and falls back to Unicode
    normalisation for any other; both ways must give what normalisation gives."""
    import random

    from checker.checks import structure

    for cp in range(0x2100):
        c = chr(cp)
        for text in (c, "a" + c + "b", "Ạ" + c):
            assert structure.fold(text) == structure._fold_slow(text.lower()), hex(cp)
    rnd = random.Random(3)
    alphabet = list("Hạn chế, NƠI NHẬN: Đảng bộ xã Hoà Bình – “tổng kết” 5%") + ["\u0301", "\u0323", "İ", "ſ", "ﬁ", "Ω", "ﬀ"]
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 16)))
        assert structure.fold(text) == structure._fold_slow(text.lower()), repr(text)
