"""Levels that add up to the whole: "Cấp tỉnh tổ chức 4 cuộc, 1.210 lượt ý kiến; cấp huyện 9 cuộc, 2.015 lượt ý
kiến; cấp xã 61 cuộc, 3.400 lượt ý kiến; toàn tỉnh tổ chức 74 cuộc với 6.625 lượt ý kiến." Each measure (a
counting noun, or a family of measures such as money) sums over the levels to the whole.

The text is read as items (split at ";", ",", ":", sentence ends and the words that open a breakdown, outside
parentheses). An item that names a level ("cấp tỉnh", "Trung ương 9 ý kiến", "UBND các huyện", "khu vực nông
thôn", "khối Đảng") belongs to that level, an item that names the whole ("toàn tỉnh", "tổng cộng", "tính
chung", "cả nước") to the whole, and an item that names neither continues the item before it in the same
sentence. The levels may stand in one sentence, across the sentences of a paragraph, or on list lines after
an introducing line; the whole may come first or last.

The link is inferred, so a failure is at most a warning, and a relation is proposed only when every level of a
recognised set is there once, each measure found once at every level with the whole's counting noun, and the
whole speaks of what the levels count: not a running total ("lũy kế", "nâng tổng số lên"), a remainder ("còn"),
a plan, another year, a stock beside what was done ("Toàn huyện có 1.240 hội viên; … cấp xã kết nạp 230 hội
viên"), nor, in a sentence of its own after them, something they do not name ("Tổng số biên chế được giao …").

Level breakdowns that an explicit opener ties to their whole ("toàn tỉnh 74 cuộc, gồm: cấp tỉnh 4 cuộc, …",
"Trong đó, …") are the breakdown rules' business, unless the levels state bare numbers ("trong đó cấp tỉnh 4,
cấp huyện 9, cấp xã 61"), which those rules do not read. A whole stated as a bound ("tổng cộng hơn 4,5 tỷ đồng")
is a bound in words (form `word-bound`), not a sum.
"""

import bisect
import re
from dataclasses import dataclass, field
from typing import Iterator

from ... import figures as F
from ...units import family
from ..blocks import PROSE, BlockFigures, doc_figures
from ..compared import REACH
from ..model import Candidate, Sum, WordBound
from ..operands import operand, usable
from ..words import approx_before, is_change, is_conditional


# the levels of government, top to bottom ("cơ sở" is the commune level)
_RANK = {"trung ương": 0, "tw": 0, "tỉnh": 1, "thành phố trực thuộc trung ương": 1, "huyện": 2, "xã": 3,
         "cơ sở": 3, "thôn": 4, "ấp": 4, "thôn, tổ dân phố": 4}
_GOV = r"trung ương|tỉnh|huyện|xã|cơ sở|thôn(?:,?\s+tổ dân phố)?|ấp"
# a level named in words ("cấp tỉnh", "UBND các huyện", "Tỉnh ủy"), or a bare level word right before its
# figure ("Trung ương 9 ý kiến; tỉnh 16 ý kiến"); a level word before a proper name ("huyện Vĩnh Bảo") is a
# place, not a level
_LEVEL = re.compile(
    r"(?=[cuủhtxkđn])(?<![\w/-])(?:"  # (the first letters first: the engine skips to them)
    r"cấp\s+(?P<cap>" + _GOV + r")"
    r"|(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|hđnd|hội đồng nhân dân|công an|các)\s+(?:các\s+)?(?P<inst>tỉnh|huyện|xã)"
    r"|(?P<party>tỉnh|huyện)\s+(?:ủy|uỷ)"
    r"|(?<!toàn )(?<!ngoài )(?<!trong )(?<!các )(?P<bare>trung ương|tw|tỉnh|huyện|xã)(?=\s*:?\s*\d)"
    r"|(?:khu vực\s+)?(?P<area>thành thị|đô thị|nông thôn)(?!\s+mới)"
    r"|khối\s+(?:các\s+)?(?:cơ quan\s+)?(?P<bloc>đảng|chính quyền|nhà nước|mặt trận|mttq|đoàn thể|hành chính"
    r"|sự nghiệp)"
    r")(?!\w)", re.I)
_BLOC = {"đảng": "đảng", "chính quyền": "nhà nước", "nhà nước": "nhà nước", "mặt trận": "mttq", "mttq": "mttq",
         "đoàn thể": "đoàn thể", "hành chính": "hành chính", "sự nghiệp": "sự nghiệp"}
_AREA = {"thành thị": "thành thị", "đô thị": "thành thị", "nông thôn": "nông thôn"}
# the complete sets of the families other than government
_SETS = {"area": (frozenset(("thành thị", "nông thôn")),),
         "bloc": (frozenset(("đảng", "nhà nước", "mttq")), frozenset(("đảng", "nhà nước", "mttq", "đoàn thể")),
                  frozenset(("hành chính", "sự nghiệp")))}

# the whole the levels make up, with the level it stands for ("toàn tỉnh": the province and below)
_WHOLE = re.compile(r"(?=[tc])(?<!\w)(?:toàn\s+(?P<place>tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn|quốc)"
                    r"|cả nước"
                    r"|tổng cộng|tổng số|tính chung|cộng chung|chung toàn\s+(?P<place2>tỉnh|huyện|xã))(?!\w)", re.I)
_WHOLE_RANK = {"quốc": 0, "tỉnh": 1, "thành phố": None, "huyện": 2, "thị xã": 2, "quận": 2, "xã": 3, "phường": 3,
               "thị trấn": 3}

# where items end (outside parentheses): separators, and the words that open a breakdown
_CUT = re.compile(r"[;,:\n]|\.(?=\s|$)|(?<!\w)(?=(?:trong đó|bao gồm|gồm|cụ thể|chia ra|riêng|và)(?!\w))", re.I)
_OPENER = re.compile(r"(?<!\w)(?:trong đó|trong số đó|bao gồm|gồm|cụ thể|chia ra|riêng|như sau)(?!\w)", re.I)
_LIST_LINE = re.compile(r"\s*(?:[-+•*–]\s|[a-zđ]\)\s|\d{1,2}[.)]\s)")
# a classifier whose measure is named by the word after it ("1.210 lượt ý kiến" and "3.400 lượt người" differ)
_CLASSIFIERS = frozenset(("lượt", "lần", "suất", "chuyến"))
_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")
_BOUNDS = frozenset(("trên", "hơn", "gần", "dưới"))
# measures that do not add up over levels: durations, ages, scores, times
_NOT_ADDED = frozenset(("ngày", "tháng", "năm", "giờ", "phút", "giây", "tuần", "quý", "tuổi", "điểm", "lần", "bậc",
                        "hạng", "độ", "ngày làm việc"))
# a sentence of averages, rates or scores: its figures per level do not add up to the whole's
_NOT_A_SUM = re.compile(r"(?<!\w)(?:bình quân|trung bình|tỷ lệ|tỉ lệ|chỉ số|xếp hạng|mật độ|năng suất|đơn giá|giá bán)"
                        r"(?!\w)", re.I)


@dataclass(slots=True)
class _Item:
    bf: BlockFigures
    start: int
    end: int
    sentence: tuple[int, int]  # (block index, sentence number)
    kind: str | None = None  # "level" | "whole" | None
    family: str | None = None
    member: str | None = None
    rank: int | None = None  # the whole's level ("toàn tỉnh": 1), when it names one
    label: int = 0  # where the level's or the whole's name starts
    label_end: int = 0  # and where it ends
    figs: list = field(default_factory=list)
    lead: int | None = None  # where a lead-in without figures before it starts ("Lũy kế từ đầu năm, toàn tỉnh …")


def find(doc, ctx) -> Iterator[Candidate]:
    for chain in _chains(doc_figures(doc, ctx)):
        if not any(_names_whole(bf.text) for bf in chain) or sum(_levels_named(bf.text) for bf in chain) < 2:
            continue  # (most paragraphs name no whole, and are not read into items)
        items = [it for bf in chain for it in _items(bf)]
        if sum(it.kind == "level" for it in items) >= 2 and any(it.kind == "whole" for it in items):
            yield from _relations(items)


# the words a whole starts with, as they are written: a substring test is much cheaper than the pattern
_WHOLE_STARTS = ("toàn", "Toàn", "TOÀN", "tổng", "Tổng", "TỔNG", "tính chung", "Tính chung", "TÍNH CHUNG", "cả nước",
                 "Cả nước", "CẢ NƯỚC", "cộng chung", "Cộng chung", "chung toàn", "Chung toàn")


def _names_whole(text: str) -> bool:
    return any(w in text for w in _WHOLE_STARTS) and _WHOLE.search(text) is not None


def _levels_named(text: str, most: int = 2) -> int:
    """How many levels the text names, counted up to `most`."""
    n = 0
    for _ in _LEVEL.finditer(text):
        n += 1
        if n >= most:
            break
    return n


def _chains(bfs: list[BlockFigures]) -> Iterator[list[BlockFigures]]:
    """Runs of prose blocks read together: a paragraph, or a line that introduces a list (it ends with ":")
    with its list lines ("- Cấp tỉnh: 4 cuộc;") and a closing line of the whole ("Tổng cộng: 74 cuộc")."""
    chain: list[BlockFigures] = []
    for bf in bfs:
        if bf.block.kind not in PROSE:
            if chain:
                yield chain
            chain = []
            continue
        if chain and _continues(chain[-1], bf):
            chain.append(bf)
            continue
        if chain:
            yield chain
        chain = [bf]
    if chain:
        yield chain


def _continues(prev: BlockFigures, bf: BlockFigures) -> bool:
    if bf.block.index != prev.block.index + 1 or bf.block.kind is not prev.block.kind:
        return False
    if prev.text.rstrip().endswith(":"):
        return True
    line = _LIST_LINE.match(bf.text) is not None or bf.block.list_id is not None
    prev_line = _LIST_LINE.match(prev.text) is not None or prev.block.list_id is not None
    return line and prev_line or (prev_line and _WHOLE.match(bf.text.lstrip(" -+•*–")) is not None)


def _items(bf: BlockFigures) -> list[_Item]:
    """The block's items, each with what it names and its figures (top level only)."""
    text = bf.text
    starts = [f.start for f in bf.figs]
    cuts = [m.start() for m in _CUT.finditer(text)
            if bf.paren_of(m.start()) is None and not _inside(bf, starts, m.start())]
    bounds = [0] + [c + (0 if text[c:c + 1].isalpha() else 1) for c in cuts] + [len(text)]
    figs = [f for f in bf.figs if f.kind in ("quantity", "number") and bf.paren_of(f.start) is None]
    out: list[_Item] = []
    k = 0
    for a, b in zip(bounds, bounds[1:]):
        if a >= b or not text[a:b].strip():
            continue
        item = _Item(bf, a, b, (bf.block.index, bf.sentence_of(a)))
        _name(item, text)
        while k < len(figs) and figs[k].start < a:
            k += 1
        while k < len(figs) and figs[k].end <= b:
            item.figs.append(figs[k])
            k += 1
        out.append(item)
    return out


def _inside(bf: BlockFigures, starts: list[int], pos: int) -> bool:
    """`pos` lies inside a figure ("1,85 tỷ đồng"), not between two."""
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and pos < bf.figs[k].end


def _name(item: _Item, text: str) -> None:
    """What the item names first: a level or the whole (or nothing)."""
    bf = item.bf
    level = next((m for m in _LEVEL.finditer(text, item.start, item.end)
                  if bf.paren_of(m.start()) is None and not _place(text, m.end())), None)
    whole = next((m for m in _WHOLE.finditer(text, item.start, item.end) if bf.paren_of(m.start()) is None), None)
    if whole is not None and (level is None or whole.start() <= level.start()):
        place = (whole.group("place") or whole.group("place2") or "").lower()
        item.kind, item.label, item.label_end = "whole", whole.start(), whole.end()
        item.rank = 0 if whole.group().lower() == "cả nước" else _WHOLE_RANK.get(place)
        return
    if level is None:
        return
    others = [m for m in _LEVEL.finditer(text, level.end(), item.end) if bf.paren_of(m.start()) is None]
    if others:
        return  # "cấp huyện và cấp xã 70 cuộc", "cấp tỉnh, huyện, xã": levels together, not one level
    item.kind, item.label, item.label_end = "level", level.start(), level.end()
    item.family, item.member = _member(level)


def _member(m: re.Match) -> tuple[str, str]:
    """(family, member) of a level the text names."""
    (name, word), = ((k, v) for k, v in m.groupdict().items() if v)
    word = " ".join(word.lower().split())
    if name == "area":
        return "area", _AREA[word]
    if name == "bloc":
        return "bloc", _BLOC[word]
    return "gov", {"cơ sở": "xã", "ấp": "thôn", "thôn, tổ dân phố": "thôn", "thôn tổ dân phố": "thôn"}.get(word, word)


def _place(text: str, end: int) -> bool:
    """A proper name follows the level word: "huyện Vĩnh Bảo", "xã Tân Bình" name one place, not a level."""
    m = _WORD_AFTER.match(text, end)
    return bool(m and m.group(1)[0].isupper())


def _relations(items: list[_Item]) -> Iterator[Candidate]:
    """Each run of level items of one family, with the whole next to it."""
    marked: list[_Item] = []
    neutral: list[tuple[int, _Item]] = []  # items in their own sentence between marked ones: (position, item)
    for i, it in enumerate(items):
        if it.kind is not None:
            prev = items[i - 1] if i else None
            if prev is not None and prev.kind is None and not prev.figs and prev.sentence == it.sentence:
                it.lead = prev.start
            marked.append(it)
        elif marked and marked[-1].sentence == it.sentence:
            marked[-1].figs.extend(it.figs)
        elif marked and it.figs:
            neutral.append((len(marked), it))
    runs: list[tuple[int, int]] = []  # [start, end) in `marked`
    k = 0
    while k < len(marked):
        if marked[k].kind != "level":
            k += 1
            continue
        j, seen = k, set()
        while j < len(marked) and marked[j].kind == "level" and marked[j].family == marked[k].family \
                and marked[j].member not in seen:
            seen.add(marked[j].member)
            j += 1
        runs.append((k, j))
        k = j
    for k, j in runs:
        levels = marked[k:j]
        if not _complete(levels):
            continue
        before = marked[k - 1] if k > 0 and marked[k - 1].kind == "whole" else None
        if before is not None and k > 1 and marked[k - 2].kind == "level" and marked[k - 2].family == levels[0].family:
            before = None  # the whole closes the run before: "…; toàn tỉnh 74 cuộc; cấp tỉnh …"
        after = marked[j] if j < len(marked) and marked[j].kind == "whole" else None
        if any(0 <= i < len(marked) and marked[i].kind == "level" and marked[i].family == levels[0].family
               for i in (k - 1, j)):
            continue  # a level named twice: two breakdowns run together, which whole is whose is not written
        wholes = []
        if after is not None:
            wholes.append((after, _between(neutral, k + 1, j + 1)))
        if before is not None:
            wholes.append((before, _between(neutral, k, j)))
        for whole, between in wholes:
            if not _fits(whole, levels) or _others_named(whole, levels) or _another_time(whole, levels):
                continue
            others = [w for w, _ in wholes if w is not whole]
            bare_only = whole is before and _opened(whole, levels[0])
            yield from _measures(whole, levels, between, others, bare_only)


def _between(neutral: list[tuple[int, _Item]], lo: int, hi: int) -> list[_Item]:
    """The neutral items at positions lo ≤ position < hi (`neutral` is in order of position)."""
    a = bisect.bisect_left(neutral, lo, key=lambda x: x[0])
    b = bisect.bisect_left(neutral, hi, key=lambda x: x[0])
    return [it for _, it in neutral[a:b]]


def _complete(levels: list[_Item]) -> bool:
    """The levels make a recognised set: two or more contiguous levels of government (or province and commune
    with no district, the two-level local government), or a whole set of areas or blocs."""
    members = {it.member for it in levels}
    if levels[0].family != "gov":
        return frozenset(members) in _SETS[levels[0].family]
    ranks = sorted(_RANK[m] for m in members)
    if len(ranks) < 2:
        return False
    gaps = [b - a for a, b in zip(ranks, ranks[1:])]
    return all(g == 1 for g in gaps) or (gaps.count(2) == 1 and all(g in (1, 2) for g in gaps)
                                         and 1 in ranks and 3 in ranks and 2 not in ranks)


def _fits(whole: _Item, levels: list[_Item]) -> bool:
    """A whole that names a level ("toàn huyện") holds that level and none above it."""
    if whole.rank is None or levels[0].family != "gov":
        return True
    ranks = [_RANK[it.member] for it in levels]
    if whole.rank == 0:
        return min(ranks) <= 1
    return whole.rank in ranks and min(ranks) >= whole.rank


_DISTRICT = re.compile(r"(?<!\w)huyện(?!\w)", re.I)


def _others_named(whole: _Item, levels: list[_Item]) -> bool:
    """Between the whole and its levels, the text names a level of the family that has no item of its own (in
    brackets, or with others: "(cấp huyện chưa báo cáo)"): the set is not whole. A set of province and
    commune is read as the two-level local government only where no district is named at all."""
    family = levels[0].family
    members = {it.member for it in levels}
    two_level = family == "gov" and "huyện" not in members and "tỉnh" in members and "xã" in members
    items = [whole, *levels]
    first = min(items, key=lambda it: (it.bf.block.index, it.start))
    last = max(items, key=lambda it: (it.bf.block.index, it.end))
    bfs = {it.bf.block.index: it.bf for it in items}
    for _, bf in sorted(bfs.items()):
        start = first.start if bf is first.bf else 0
        end = last.end if bf is last.bf else len(bf.text)
        if two_level and _DISTRICT.search(bf.text, start, end):
            return True
        for m in _LEVEL.finditer(bf.text, start, end):
            fam, member = _member(m)
            if fam == family and member not in members and not _place(bf.text, m.end()):
                return True
    return False


# a whole of another time or kind than its levels: a running total, an earlier period, a plan
_TIME = re.compile(r"(?<!\w)(?:lũy kế|luỹ kế|đến nay|tính đến|từ đầu năm|nâng|đưa|cùng kỳ|năm trước|kỳ trước|kế hoạch"
                   r"|chỉ tiêu|mục tiêu|dự kiến|phấn đấu|nhiệm kỳ|còn|chưa|tồn|không)(?!\w)", re.I)


def _another_time(whole: _Item, levels: list[_Item]) -> bool:
    """The whole's words (its item and a lead-in without figures before it) name a time or a kind its levels'
    words do not: "…; lũy kế từ đầu năm, toàn tỉnh 210 cuộc", "nâng tổng số lên 76 cuộc", "toàn tỉnh còn 15
    văn bản chưa ban hành", "Năm 2024, toàn tỉnh tổ chức 70 cuộc." before the levels of 2025."""
    def marks(it: _Item) -> set:
        start = it.lead if it.lead is not None else it.start
        return {" ".join(m.group().lower().split()) for m in _TIME.finditer(it.bf.text, start, it.end)}

    theirs = set().union(*(marks(it) for it in levels))
    if whole.sentence not in {it.sentence for it in levels}:
        # a whole in a sentence of its own: the period its sentence names against the levels' sentences
        s, _ = whole.bf.sentence_span(whole.bf.sentence_of(whole.start))
        years = {m.group() for m in _YEAR.finditer(whole.bf.text, max(s, whole.start - REACH), whole.end)}
        for it in levels:
            ls, _ = it.bf.sentence_span(it.bf.sentence_of(it.start))
            other = {m.group() for m in _YEAR.finditer(it.bf.text, max(ls, it.start - REACH), it.end)}
            if years and other and not years & other:
                return True
    return bool(marks(whole) - theirs)


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _opened(whole: _Item, first: _Item) -> bool:
    """An opener ("trong đó", "gồm", "cụ thể") ties the first level to the whole before it, in its block."""
    text = first.bf.text
    start = whole.label if whole.bf is first.bf else 0
    return bool(_OPENER.search(text, max(start, first.label - 40), first.label))


def _key(bf: BlockFigures, f) -> tuple | None:
    """What a figure measures: its counting noun (with the word after a classifier: "lượt ý kiến"), or the
    family of its unit (money, area…)."""
    if f.kind != "quantity" or f.unit.lower() in _NOT_ADDED:
        return None
    unit = f.unit.lower()
    if F.is_count_unit(f.unit):
        head, _, tail = unit.partition(" ")
        if head not in _CLASSIFIERS:
            return ("count", unit, None)
        if not tail:  # "1.210 lượt ý kiến": the grammar's unit is the classifier, the noun follows
            m = _WORD_AFTER.match(bf.text, f.end)
            tail = m.group(1).lower() if m else ""
        return ("count", head, tail.split()[0] if tail else None)
    return ("measure", family(f.unit), None)


def _same(a: tuple, b: tuple) -> bool:
    """Two figures measure the same thing: the same family of unit, or the same counting noun (or one noun and
    the same noun qualified: "đợt" and "đợt kiểm tra"), with the same word after a classifier."""
    if a[0] != b[0] or (a[2] is not None and b[2] is not None and a[2] != b[2]):
        return False
    if a[1] == b[1]:
        return True
    short, long_ = sorted((a[1], b[1]), key=len)
    return a[0] == "count" and " " not in short and long_.startswith(short + " ")


def _measures_of(item: _Item) -> list:
    """The item's figures that state a result: not changes, conditions or years."""
    text = item.bf.text
    out = []
    for f in item.figs:
        n = f.number if f.kind == "quantity" else f
        if f.kind == "number" and (n.decimals or n.malformed or 1900 <= n.value <= 2100):
            continue
        if is_change(text, f.start) or is_conditional(text, f.start, item.start):
            continue
        out.append(f)
    return out


def _measures(whole: _Item, levels: list[_Item], between: list[_Item], others: list[_Item],
              bare_only: bool) -> Iterator[Candidate]:
    w_figs = _measures_of(whole)
    w_keys = [(f, _key(whole.bf, f)) for f in w_figs if f.kind == "quantity"]
    w_keys = [(f, k) for f, k in w_keys if k is not None]
    poisoned = [_key(it.bf, f) for it in between for f in _measures_of(it) if f.kind == "quantity"]
    poisoned += [_key(o.bf, f) for o in others for f in _measures_of(o) if f.kind == "quantity"]
    for f, key in w_keys:
        if not usable(f) or sum(_same(key, k2) for _, k2 in w_keys) != 1 or _averaged(whole.bf, f):
            continue
        if any(_same(key, p) for p in poisoned if p is not None):
            continue
        parts = []
        for it in levels:
            figs = _measures_of(it)
            mine = [g for g in figs if g.kind == "quantity" and _key(it.bf, g) is not None
                    and _same(key, _key(it.bf, g))]
            if not mine and len(w_keys) == 1 and len(w_figs) == 1:
                bare = [g for g in figs if g.kind == "number"]
                if len(bare) == 1 and not [g for g in figs if g.kind == "quantity" and F.is_count_unit(g.unit)]:
                    mine = bare
            if len(mine) != 1 or not usable(mine[0]):
                break
            if bare_only and mine[0].kind != "number":
                break
            if _rough(it.bf.text, mine[0].start) or _averaged(it.bf, mine[0]):
                break
            parts.append((it, mine[0]))
        else:
            if _same_predicate(whole, f, parts):
                yield from _candidate(whole, f, parts)


_WORD = re.compile(r"[^\W\d_]+")
# words that say nothing of what was counted: "có", "đã", the level and whole words
_PLAIN = frozenset("""có đã được là với và của các những số tổng cộng toàn cả nước chung tính cấp trung ương tw tỉnh
huyện xã thị trấn phường quận thành phố cơ sở thôn ấp khu vực khối trong tại ở trên địa bàn năm nay này kết quả
đó thì thực hiện hơn trên gần dưới khoảng""".split())


def _predicate(it: _Item, f) -> set:
    """The words that say what the item's figure counts: between its name and the figure (or from the item's
    start, when the name follows the figure), less the level words and plain verbs."""
    text = it.bf.text
    start = it.label_end if it.label < f.start else it.start
    return {w for w in (m.group().lower() for m in _WORD.finditer(text, start, f.start)) if w not in _PLAIN}


_STOCK = re.compile(r"(?<!\w)(?:có|hiện có|còn)(?!\w)", re.I)


def _same_predicate(whole: _Item, f, parts: list) -> bool:
    """The whole is its levels' when its words and theirs speak of the same thing: "Toàn tỉnh mở 64 lớp …. Cấp
    tỉnh mở 14 lớp …", not "Cấp tỉnh quản lý 45 đồng chí …. Tổng số đảng viên toàn huyện 5.400 đồng chí", nor a
    whole that only says what there is ("Toàn huyện có 1.240 hội viên; cấp huyện kết nạp 45 hội viên, …"). Words
    on one side only (the level alone, or the whole alone) are no contradiction."""
    mine = _predicate(whole, f)
    theirs = set().union(*(_predicate(it, g) for it, g in parts))
    last = max((it for it, _ in parts), key=lambda it: (it.bf.block.index, it.start))
    if mine and (whole.bf.block.index, whole.start) > (last.bf.block.index, last.start) \
            and whole.sentence not in {it.sentence for it, _ in parts}:
        # a whole that closes its levels in a sentence of its own says nothing they do not: "Tính chung toàn
        # huyện đã kiểm tra 176 cơ sở", not "Tổng số biên chế toàn tỉnh được giao 6.900 người"
        said = set()
        for it, _ in parts:
            s, e = it.bf.sentence_span(it.bf.sentence_of(it.start))
            said.update(m.group().lower() for m in _WORD.finditer(it.bf.text, max(s, it.start - REACH), e))
        return mine <= said
    if not theirs:
        return True
    if not mine:
        start = whole.label_end if whole.label < f.start else whole.start
        return not _STOCK.search(whole.bf.text, start, f.start)
    return bool(mine & theirs)


def _averaged(bf: BlockFigures, f) -> bool:
    """The figure's sentence, up to it (at most REACH characters back), speaks of an average, a rate or a
    score."""
    start = max(bf.sentence_span(bf.sentence_of(f.start))[0], f.start - REACH)
    return bool(_NOT_A_SUM.search(bf.text, start, f.start))


def _rough(text: str, start: int) -> bool:
    return approx_before(text, start) is not None


def _candidate(whole: _Item, f, parts: list) -> Iterator[Candidate]:
    w_op = operand(whole.bf.block, f)
    p_ops = []
    for it, g in parts:
        op = operand(it.bf.block, g)
        if op.unit is None:
            op.unit = w_op.unit  # a bare number after its level takes the whole's counting noun
        p_ops.append(op)
    blocks = {whole.bf.block.index} | {it.bf.block.index for it, _ in parts}
    sentences = {whole.sentence} | {it.sentence for it, _ in parts}
    scope = "sentence" if len(sentences) == 1 else "paragraph" if len(blocks) == 1 else "list"
    key = ((whole.bf.block.index, f.start), tuple((it.bf.block.index, g.start) for it, g in parts))
    if len(blocks) == 1:
        starts = [f.start] + [g.start for _, g in parts]
        ends = [f.end] + [g.end for _, g in parts]
        anchor, related = (whole.bf.block, min(starts), max(ends)), []
    else:
        anchor, related = (whole.bf.block, f.start, f.end), [op.place for op in p_ops]
    word = approx_before(whole.bf.text, f.start)
    if word is None:
        rel = Sum(w_op, p_ops, complete=True, sure=True)
        yield Candidate("level-sum", scope, rel, False, anchor, related, key)
    elif word in _BOUNDS:
        rel = WordBound(w_op, word, p_ops[0], more=p_ops[1:])
        yield Candidate("word-bound", scope, rel, False, anchor, related, key)
