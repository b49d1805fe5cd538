"""Items of an enumeration inside one block: "A 03; B 01; C 18 trường hợp, cụ thể: D 6; E 03." A list's items
are separated by ";" (or by sentence ends), or by "," when the text has neither; an item that opens a
sub-list ("…, cụ thể:", "…, gồm:") owns the items after it, to the end of its sentence.

For each item, `heads` reads the figures it states for itself: the first count of each kind (later counts of
that kind after an outcome word — "đã giải quyết", "còn" — say what became of it, and are not siblings), or,
for an item that names its number after a label ("Huy hiệu 70 năm: 02", "bổ nhiệm lại 6"), that number.
"""

import re
from dataclasses import dataclass, field

from .. import figures as F
from .blocks import BlockFigures
from .nouns import ordinal_before, same_kind
from .operands import usable
from .words import is_change

# how far a list may run after the words that open it: a bound that keeps every search linear in the length
# of a paragraph that never ends its sentence
MAX_SPAN = 1500

_SEPARATOR = re.compile(r";|\.(?=\s+\S)|\n")
_COMMA = re.compile(r",")
_SUB_OPENER = re.compile(r"(?<!\w)(?:cụ thể(?:\s+(?:như sau|là))?|như sau|gồm(?:\s+có)?|bao gồm|trong đó|chia ra|chi tiết)"
                         r"\s*:", re.I)
# words between two counts of one kind that make the second an outcome or a subset of the first
_OUTCOME = re.compile(r"(?<!\w)(?:đã|giải quyết|xử lý|còn|tồn|trả lời|đang|chưa|trong đó|có|được|hoàn thành|xong"
                      r"|lưu|kết thúc|đạt|chiếm|bằng|so với|tăng|giảm|đề xuất)(?!\w)", re.I)
# a verb of what was done with a count, right before it ("Lưu 03 đơn, trả lời 02 đơn"): counts that each
# carry one are siblings
_DISPOSITION = re.compile(r"(?<!\w)(?:lưu|trả lời|chuyển|giải quyết|xử lý|hướng dẫn|bác|đình chỉ|thu hồi|cấp|trả lại"
                          r"|rút|hòa giải|hoà giải|xét xử|thi hành|khen thưởng|kỷ luật)(?:\s+[^\W\d_]+)?\s*:?\s*$", re.I)
# an item that states a stage of the whole ("Đã ra quyết định: 12 bị án; Đã thi hành: 03 bị án"), not a part of it
STATUS_ITEM = re.compile(r"\s*(?:[-+•*]\s*)?(?:số\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s+)?(?:đã|đang|chưa|còn)(?!\w)", re.I)
# "label: 02" (the label may hold figures: "Huy hiệu 70 năm: 02") or "label 02" (a label of words only)
_LABELLED_END = re.compile(r"(?:[^\W\d_][^:;]*?:\s*|[^\W\d_][^\d:;]*?\s+)(\d{1,3}(?:\.\d{3})*)\s*[.;,]?\s*$")


@dataclass(slots=True)
class Item:
    """An item of an enumeration: its span, and the items of a sub-list it opens."""

    start: int
    end: int
    sub: list["Item"] = field(default_factory=list)
    sub_start: int | None = None  # where the sub-list's opener ends


def _outside(bf: BlockFigures, pattern: re.Pattern, start: int, end: int) -> list[int]:
    return [m.start() for m in pattern.finditer(bf.text, start, end) if bf.paren_of(m.start()) is None]


def split_items(bf: BlockFigures, start: int, end: int, commas: bool = False) -> list[Item]:
    """The items of the enumeration in bf.text[start:end]: split on ";" and sentence ends outside parentheses,
    or (with `commas`, when there are none) on ",". An item that opens a sub-list takes the items after it,
    up to its sentence's end, as its `sub` items."""
    text = bf.text
    cuts = _outside(bf, _SEPARATOR, start, end)
    if not cuts and commas:
        cuts = _outside(bf, _COMMA, start, end)
    bounds = [start] + [c + 1 for c in cuts] + [end]
    raw = [(a, b) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip(" \t;,.")]
    items: list[Item] = []
    k = 0
    while k < len(raw):
        a, b = raw[k]
        m = next((m for m in _SUB_OPENER.finditer(text, a, b) if bf.paren_of(m.start()) is None), None)
        item = Item(a, b)
        if m is not None and text[m.end():b].strip():
            item.end = m.start()
            item.sub_start = m.end()
            item.sub.append(Item(m.end(), b))
            # the sub-list runs to the end of the sentence
            while k + 1 < len(raw) and not text[raw[k][0]:raw[k][1]].rstrip().endswith("."):
                k += 1
                item.sub.append(Item(*raw[k]))
            item.end = m.start()
        items.append(item)
        k += 1
    return items


def heads(bf: BlockFigures, item: Item, kind_of) -> list:
    """The counts the item states for itself, of the kinds `kind_of(unit)` accepts (None: any count): the
    first count of each kind and its siblings (not the outcomes that follow an outcome word)."""
    text = bf.text
    out: list = []
    last: dict = {}
    parallel: set = set()  # kinds whose first count is itself an outcome ("Lưu 03 đơn, trả lời 02 đơn"): siblings
    for f in bf.figs_in(item.start, item.end):
        if f.kind != "quantity" or not F.is_count_unit(f.unit):
            continue
        if not usable(f) or bf.paren_of(f.start) is not None or is_change(text, f.start) or ordinal_before(text, f.number):
            continue
        if kind_of is not None and not kind_of(f.unit):
            continue
        prev_unit = next((u for u in last if same_kind(u, f.unit)), None)
        if prev_unit is None:
            if _DISPOSITION.search(text, max(item.start, f.start - 25), f.start):
                parallel.add(f.unit)
        elif prev_unit not in parallel and _outcome_between(text, last[prev_unit].end, f.start):
            continue
        else:
            f_unit = prev_unit
            last[f_unit] = f
            out.append(f)
            continue
        last[f.unit] = f
        out.append(f)
    return out


_SEPARATOR_BEFORE = re.compile(r".*(?:[,;()]|\svà\s)", re.S)


def _outcome_between(text: str, start: int, end: int) -> bool:
    """An outcome word in the last stretch before the second count (after the last comma, "và" or bracket):
    "66 đơn, đã giải quyết 40 đơn" is an outcome; "04 chỉ tiêu đạt trên 75% (…) và 04 chỉ tiêu" a sibling."""
    m = _SEPARATOR_BEFORE.match(text, start, end)
    return bool(_OUTCOME.search(text, m.end() if m else start, end))


def labelled_value(bf: BlockFigures, item: Item):
    """The bare number an item ends with after its label ("Huy hiệu 70 năm: 02", "bổ nhiệm lại 6"), or None."""
    text = bf.text
    m = _LABELLED_END.search(text, item.start, item.end)
    if not m or m.start() != _skip_space(text, item.start):
        return None
    pos = m.start(1)
    fig = next(iter(bf.figs_in(pos, pos + 40)), None)
    fig = fig if fig is not None and fig.start == pos else None
    if fig is None or fig.kind != "number" or fig.malformed or fig.decimals:
        return None
    return fig


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t-+•*":
        pos += 1
    return pos
