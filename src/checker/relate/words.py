"""The words around a figure that say what role it plays: a change ("tăng 5 vụ"), an approximation ("trên
30%"), a condition or a norm ("trường hợp đạt 100%", "phấn đấu 95%"), a label ("Huy hiệu 70 năm: 02"), the
words that open a breakdown ("Trong đó", "Cụ thể", "Gồm") or a list.

Every pattern here looks at a short window next to an offset, so reading a figure's role costs the same in a
short paragraph and in a long one.
"""

import re

# a change or a comparison right before a figure: "…, giảm 21 hộ so với đầu năm", "tăng thêm 3 cuộc", "bằng 98% so
# với cùng kỳ", "giảm còn 88 hộ". Such a figure is a difference or a new level, never a part of a breakdown.
CHANGE_BEFORE = re.compile(r"(?<!\w)(?:tăng|giảm|vượt|bằng|so với|so cùng kỳ|ít hơn|nhiều hơn|cao hơn|thấp hơn)"
                           r"(?:\s+(?:thêm|được|là|lên|xuống|còn|khoảng|gần|trên|dưới|hơn|so với|tương ứng|tỷ lệ|tỉ lệ))*"
                           r"\s*:?\s*$", re.I)


def is_change(text: str, start: int) -> bool:
    """The figure at `start` states a change or a comparison (the words just before it), not a part."""
    return bool(CHANGE_BEFORE.search(text, max(0, start - 40), start))


# (an estimate, "ước đạt", is a value like any other; these make a figure a bound or a rough size)
APPROX_BEFORE = re.compile(r"(?<!\w)(trên|dưới|gần|khoảng|hơn|xấp xỉ|tới|gần như|tối thiểu|tối đa|ít nhất|không quá"
                           r"|không dưới|từ|bình quân|trung bình)\s*$", re.I)


def approx_before(text: str, start: int) -> str | None:
    """The word that makes the figure at `start` approximate or a bound ("trên", "gần"…), lower-cased."""
    m = APPROX_BEFORE.search(text, max(0, start - 14), start)
    return m.group(1).lower() if m else None


# a percentage that is a norm, a target or a hypothesis, not a result: "trường hợp đạt 100% thì…", "phấn đấu đạt
# 95%", "tối thiểu 80%", "theo quy định 70%", "nếu đạt 100%"
_CONDITION = re.compile(r"(?<!\w)(?:trường hợp|nếu|khi|giả sử|phấn đấu|tối thiểu|tối đa|ít nhất|không thấp hơn"
                        r"|không quá|theo quy định|quy định|mục tiêu|chỉ tiêu giao|chỉ tiêu đề ra|phải đạt|cần đạt"
                        r"|yêu cầu|định mức|mức|kế hoạch đề ra)(?!\w)[^.;,()]{0,40}$", re.I)


def is_conditional(text: str, start: int, clause_start: int = 0) -> bool:
    """The figure at `start` is a condition, a norm or a target of its clause, not a result stated for it."""
    return bool(_CONDITION.search(text, max(clause_start, start - 60), start))


# the words that open a breakdown of the figure before them, at the start of a sentence or clause:
# (word, complete) — "Trong đó"/"Riêng" name some of the parts, "Gồm"/"Cụ thể"/"Chia ra" all of them
OPENER = re.compile(r"\s*[-+•*]?\s*(?P<word>trong đó(?:\s+có)?|riêng|cụ thể(?:\s+(?:như sau|là))?|bao gồm|gồm(?:\s+có)?"
                    r"|chia ra|phân ra|chi tiết|trong số (?:đó|này))(?!\w)\s*[,:]?", re.I)
PARTIAL_OPENERS = ("trong đó", "riêng", "trong số")


def opener_reading(word: str) -> tuple[bool, bool, bool]:
    """(partial, near_whole, sure) of a breakdown's opening word: "trong đó (có)", "riêng" name some parts
    (a plain "trong đó" close to its total reads as the whole); "gồm", "bao gồm" say the list is whole."""
    partial = word.startswith(PARTIAL_OPENERS)
    return partial, word == "trong đó", word in ("gồm", "bao gồm", "gồm có")


def opener_at(text: str, pos: int) -> tuple[str, bool, int] | None:
    """(opening word, complete?, end offset) when a breakdown opener starts at `pos`."""
    m = OPENER.match(text, pos)
    if not m:
        return None
    word = " ".join(m.group("word").lower().split())
    complete = not word.startswith(PARTIAL_OPENERS)
    return word, complete, m.end()


# a clause or block that announces the list after it: "…, cụ thể như sau:", "… gồm:", "Trong đó:"
INTRO_END = re.compile(r"(?:(?<!\w)(?:cụ thể|như sau|sau đây|gồm(?: có)?|bao gồm|trong đó|chia ra|chi tiết|sau))?\s*:\s*$",
                       re.I)

# the level words a whole is split into ("cấp tỉnh … cấp huyện … cấp xã …; toàn tỉnh …")
WHOLE_WORDS = re.compile(r"(?<!\w)(?:toàn tỉnh|toàn huyện|toàn thành phố|toàn thị xã|toàn xã|toàn quốc|cả nước"
                         r"|toàn ngành|toàn đảng bộ|tổng cộng|tổng số|tính chung|chung cả|cả năm|tổng)(?!\w)", re.I)


# an item label read as the name of a number after it: "Huy hiệu 70 năm: 02", "tập trung 13", "cấp xã 61"
LABEL_NUMBER = re.compile(r"(?P<label>[^\W\d_][^,;:()]{0,80}?)\s*:?\s*(?P<num>\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s*$")


def clean_item(text: str) -> str:
    """An item of a list as a name: markup, leading markers and trailing punctuation removed."""
    t = text.replace("*", "").replace("_", "").strip()
    t = re.sub(r"^(?:[-+•–]|\(?\d{1,2}[.)]|[a-zđ]\))\s*", "", t)
    return t.strip(" .;,:“”\"'")


# labels of two groups that make up a whole between them ("tập trung 13, không tập trung 17", "nam 12, nữ 9")
_PAIRS = (("nam", "nữ"), ("cũ", "mới"), ("trong tỉnh", "ngoài tỉnh"), ("trong huyện", "ngoài huyện"),
          ("trong nước", "ngoài nước"), ("trong thành phố", "ngoài thành phố"), ("thành thị", "nông thôn"),
          ("trực tiếp", "trực tuyến"), ("đạt", "chưa đạt"), ("đạt", "không đạt"))
_LABELLED = re.compile(r"\s*([^\W\d_][^\d:,;]*?)\s*:?\s*\d[\d.,]*\s*(?:[^\W\d_]+(?:\s+[^\W\d_]+)?)?\s*$")


def partitions(inner: str) -> bool:
    """The two labelled items of a parenthesis name complementary groups: "X a, không X b", "nam a, nữ b"."""
    items = [x for x in re.split(r"[,;]", inner) if x.strip()]
    if len(items) != 2:
        return False
    labels = []
    for x in items:
        m = _LABELLED.match(x)
        if not m:
            return False
        labels.append(" ".join(m.group(1).lower().split()))
    a, b = labels
    return b in ("không " + a, "chưa " + a) or (a, b) in _PAIRS or (b, a) in _PAIRS
