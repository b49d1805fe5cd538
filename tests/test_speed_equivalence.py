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
