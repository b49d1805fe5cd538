"""Relations between a footnote and the text at its mark.

- A breakdown: "kỷ luật 10 đảng viên (08 khiển trách, 02 cảnh cáo)¹" with a note itemising 02 + 01 + 05 + 02
  đảng viên; "tổ chức 16 cuộc, có 1.615 cử tri¹⁵" with a note "Trong đó, 01 cuộc … 170 cử tri …. 15 cuộc …
  1.445 cử tri …" (each kind of count sums on its own); "124 đảng viên²" with "Huy hiệu 70 năm: 02, …".
- The base of a ratio in the note: "tiếp nhận 70 đơn¹⁷" with "Số đơn đã xử lý: 70/70 đơn".
- A share in the note of a total named at the mark: "… tổng số phải giải quyết 628 việc; có điều kiện 512
  việc²⁰" with "Chiếm 82% trong tổng số".
- Named items: "tại 7 xã⁵" with a note listing the communes.
"""

import bisect
import re
from typing import Iterator

from ... import figures as F
from ..blocks import BlockFigures, doc_figures
from ..items import STATUS_ITEM, Item, heads, labelled_value, split_items
from ..model import Bound, Candidate, Count, Equal, Share, Sum
from ..notes import NoteLink, note_links
from ..nouns import ordinal_before, same_kind
from ..operands import operand, usable
from ..words import clean_item, is_change, opener_at, opener_reading
from ...units import family

_SKIPPED = ("link", "date", "period", "yearspan")
_INNER_OPENER = re.compile(r"(?<!\w)trong đó(?!\w)", re.I)


def find(doc, ctx) -> Iterator[Candidate]:
    figs_of = {bf.block.index: bf for bf in doc_figures(doc, ctx)}
    for link in note_links(doc, ctx):
        bf = figs_of.get(link.block.index)
        if bf is None:
            continue
        at = _Mark(bf, link)
        notes = [(nb, figs_of.get(nb.index)) for nb in link.notes]
        yield from _breakdowns(at, notes)
        yield from _measures(at, notes)
        yield from _bases(at, notes)
        yield from _shares(at, notes)
        yield from _named(at, notes)


class _Mark:
    """What the text states at a footnote mark: the counts of its sentence up to the mark (outside
    parentheses), and the one the mark follows."""

    def __init__(self, bf: BlockFigures, link: NoteLink):
        self.bf, self.link = bf, link
        pos = link.position
        start = bf.sentence_span(bf.sentence_of(max(0, pos - 1)))[0]
        self.start, self.pos = start, pos
        top = [f for f in bf.figs if start <= f.start and f.end <= pos and f.kind not in _SKIPPED
               and _outside_closed_parens(bf, f, pos)]
        self.top = top
        self.counts = [f for f in top if f.kind == "quantity" and F.is_count_unit(f.unit) and usable(f)
                       and not ordinal_before(bf.text, f.number)]  # "sinh đủ 02 con¹": no count of children
        last = top[-1] if top else None
        # the mark follows this count, or the words it counts ("09 đơn tố cáo đảng viên¹¹", "7 xã (A, B)⁵")
        self.at = last if last is not None and last in self.counts and _close(bf.text, last.end, pos) else None

    def totals(self, unit) -> list[list]:
        """The readings of the count(s) the note's counts of this kind break down, most likely first: the head
        count of the kind in the mark's clause (with its siblings: "04 cuộc theo kế hoạch và 01 cuộc đột
        xuất¹"), and the count the mark follows when that one is another (a part or an outcome of the head)."""
        clause = self.bf.bounds
        k = bisect.bisect_left(clause, max(0, self.pos - 1))
        start = max(self.start, clause[k - 1] + 1 if k > 0 else 0)
        mine = heads(self.bf, Item(start, self.pos), lambda u: same_kind(u, unit))
        options: list[list] = []
        if mine and _chained(self.bf.text, mine):
            options.append(mine)
        elif mine:
            options.append(mine[:1])
        at = self.at
        if at is not None and same_kind(at.unit, unit):
            chain = [at]
            if at in mine:
                chain = mine[:mine.index(at) + 1]
                while len(chain) > 1 and not _chained(self.bf.text, chain):
                    chain = chain[1:]
            if chain not in options:
                options.append(chain)
        return options


def _chained(text: str, counts: list) -> bool:
    """Counts joined one to the next by "và" or "," only (no other figure between): parts of one total."""
    for g, h in zip(counts, counts[1:]):
        between = text[g.end:h.start]
        if len(between) > 60 or re.search(r"\d", between) or not re.search(r"(?<!\w)và(?!\w)|,", between):
            return False
    return True


def _outside_closed_parens(bf: BlockFigures, f, pos: int) -> bool:
    """Not inside a parenthesis that closes before the mark (its figures detail the count before it)."""
    p = bf.paren_of(f.start)
    return p is None or p[1] > pos


def _close(text: str, end: int, pos: int) -> bool:
    """Only words (at most 15), punctuation and parentheses of names between a count and the mark."""
    gap = text[end:pos]
    return len(gap) <= 220 and len(re.findall(r"[^\W\d_]+", gap)) <= 40 and len(re.findall(r"\w+", re.sub(
        r"\([^()]*\)", "", gap))) <= 15 and not re.search(r"\d", re.sub(r"\([^()]*\)|(?:năm|giai đoạn)\s+\d{4}(?:\s*[-–]\s*\d{4})?"
                                                                        r"|\d{4}\s*[-–]\s*\d{4}", "", gap))


def _note_items(nbf: BlockFigures, commas: bool = False) -> tuple[list[Item], str | None]:
    """The note's top-level items, and the word that opens it ("trong đó", "gồm"…) if any."""
    text = nbf.text
    lead = len(text) - len(text.lstrip(" \t-+•*"))
    opened = opener_at(text, lead)
    start = opened[2] if opened else lead
    items = split_items(nbf, start, len(text), commas=commas)
    return items, (opened[0] if opened else None)


def _breakdowns(at: _Mark, notes) -> Iterator[Candidate]:
    """Each kind of count in the note, summed over its items, against the count(s) of that kind at the mark."""
    parts_by_kind: dict = {}
    partial = sure = near = False
    unknown_items = 0
    statuses = 0
    openers = []  # each item's count at its start, whatever its noun ("05 trường hợp …; 04 công văn …")
    labelled = []
    for nb, nbf in notes:
        if nbf is None:
            unknown_items += bool(nb.text.strip())
            continue
        items, word = _note_items(nbf)
        if word:
            is_partial, is_near, is_sure = opener_reading(word)
            partial, near, sure = partial or is_partial, near or is_near, sure or is_sure
        if any(nbf.paren_of(m.start()) is None for m in _INNER_OPENER.finditer(nbf.text, 12)):
            partial = True  # "…; trong đó …" inside the note: some counts are subsets of others
        previous = None
        for item in items:
            found = heads(nbf, item, None)
            if not found and previous is not None and _continues(nbf.text, previous, item):
                continue  # "02 cuộc thanh tra kinh tế: A …; b …": the second half describes the same item
            previous = item
            for f in found:
                key = next((k for k in parts_by_kind if same_kind(k, f.unit)), f.unit)
                parts_by_kind.setdefault(key, []).append((nb, f))
            if found:
                statuses += bool(STATUS_ITEM.match(nbf.text, item.start))
                if re.fullmatch(r"[\W_]*(?:[^\W\d_]+\W+){0,2}", nbf.text[item.start:found[0].start]):
                    openers.append((nb, found[0]))
                continue
            value = labelled_value(nbf, item)
            if value is not None:
                labelled.append((nb, value))
            else:
                unknown_items += 1
        if not parts_by_kind and len(items) == 1:  # "Huy hiệu 70 năm: 02, Huy hiệu 60 năm: 20, …"
            values = [labelled_value(nbf, it) for it in _note_items(nbf, commas=True)[0]]
            if len(values) >= 2 and all(v is not None for v in values):
                labelled = [(nb, v) for v in values]
                unknown_items = 0
    inferred = False
    if labelled and at.at is not None and not partial:
        # labelled items beside counted ones ("…cơ sở 03; … 01; … 18 trường hợp"): one enumeration
        key = next((k for k in parts_by_kind if same_kind(k, at.at.unit)), None)
        if key is not None:
            parts_by_kind[key] = sorted(parts_by_kind[key] + labelled, key=lambda x: (x[0].index, x[1].start))
            labelled, inferred = [], True
            unknown_items = max(0, unknown_items)
    kinds = list(parts_by_kind.items())
    if at.at is not None and not any(same_kind(k, at.at.unit) for k, _ in kinds) and not partial:
        if labelled and not parts_by_kind:
            kinds, inferred = [(at.at.unit, labelled)], True
        elif len(openers) >= 2 and not labelled:
            kinds, inferred = [(at.at.unit, openers)], True
    n_items = sum(len(v) for _, v in kinds)
    status_list = statuses and statuses == n_items
    for unit, parts in kinds:
        options = at.totals(unit)
        if not options:
            continue
        t_ops = [[operand(at.bf.block, t) for t in option] for option in options]
        p_ops = [operand(nb, f) for nb, f in parts]
        for op in p_ops:
            if op.unit is None:
                op.unit = at.at.unit
        nb = parts[0][0]
        related = [op.place for op in t_ops[0]]
        if status_list:
            # "Đã ra quyết định: 12 bị án; Đã thi hành: 03 bị án": stages of the whole, each within it
            for op in p_ops:
                yield Candidate("footnote-breakdown", "footnote", Bound(op, t_ops[0][0]), len(options) == 1,
                                op.place, related, (op.block.index, op.start, "bound"))
            continue
        if len(parts) < (1 if partial else 2):
            continue
        same_noun = all(f.kind == "quantity" and f.unit == options[0][0].unit for _, f in parts)
        rel = Sum(t_ops[0][0], p_ops, complete=not partial, unknown=unknown_items > 0, sure=sure,
                  near_whole=near, more_totals=t_ops[0][1:], alternatives=t_ops[1:])
        last = max((f for b, f in parts if b is nb), key=lambda f: f.end)
        anchor = (nb, parts[0][1].start, last.end)
        key = tuple((b.index, f.start) for b, f in parts)
        explicit = same_noun and not inferred and len(options) == 1
        yield Candidate("footnote-breakdown", "footnote", rel, explicit, anchor, related, key)


def _measures(at: _Mark, notes) -> Iterator[Candidate]:
    """Money, area… in the note against the one quantity of that kind stated before the mark: "Thu ngân sách
    đạt 111.226 triệu đồng, đạt 5,17% dự toán¹⁴" with "Trong đó: Thu thường xuyên 22.600 triệu đồng"."""
    bf = at.bf
    mine = [f for f in at.top if f.kind == "quantity" and not F.is_count_unit(f.unit) and usable(f)
            and not is_change(bf.text, f.start)]
    if not mine:
        return
    parts_by_family: dict = {}
    partial = sure = near = False
    unknown = False
    for nb, nbf in notes:
        if nbf is None:
            continue
        items, word = _note_items(nbf)
        if word:
            is_partial, is_near, is_sure = opener_reading(word)
            partial, near, sure = partial or is_partial, near or is_near, sure or is_sure
        for item in items:
            seen = set()
            for f in nbf.figs:
                if f.start < item.start or f.end > item.end or f.kind != "quantity" or F.is_count_unit(f.unit):
                    continue
                fam = family(f.unit)
                if fam in seen or not usable(f) or nbf.paren_of(f.start) or is_change(nbf.text, f.start):
                    continue
                seen.add(fam)
                parts_by_family.setdefault(fam, []).append((nb, f))
            unknown = unknown or not seen
    for fam, parts in parts_by_family.items():
        totals = [f for f in mine if family(f.unit) == fam]
        if len(totals) != 1 or len(parts) < (1 if partial else 2):
            continue
        total = totals[0]
        # a note on an amount usually details its main lines only: complete only when it says so ("Gồm")
        rel = Sum(operand(bf.block, total), [operand(nb, f) for nb, f in parts], complete=sure and not partial,
                  unknown=unknown, sure=sure, near_whole=near)
        nb = parts[0][0]
        anchor = (nb, parts[0][1].start, max(f.end for b, f in parts if b is nb))
        yield Candidate("footnote-breakdown", "footnote", rel, True, anchor, [(bf.block, total.start, total.end)],
                        tuple((b.index, f.start) for b, f in parts))


def _continues(text: str, previous, item) -> bool:
    """An item without figures that goes on describing the one before ("…: Thanh tra A; thanh tra B."): the
    previous item opened a description with a colon, and this one starts in lower case."""
    body = text[item.start:item.end].lstrip(" \t-+•*")
    return ":" in text[previous.start:previous.end] and body[:1].islower() and not re.search(r"\d", body)


def _bases(at: _Mark, notes) -> Iterator[Candidate]:
    """A ratio in the note whose base is the count at the mark: "70/70 đơn" for "tiếp nhận 70 đơn¹⁷"."""
    if at.at is None:
        return
    for nb, nbf in notes:
        if nbf is None:
            continue
        for f in nbf.figs:
            if f.kind != "ratio" or f.num.malformed or f.den.malformed or f.den.decimals:
                continue
            if f.noun is None or not same_kind(f.noun, at.at.unit) or nbf.paren_of(f.start):
                continue
            options = at.totals(at.at.unit)
            if not options:
                return
            den = F.Quantity(f.den.text, f.den.start, f.den.end, f.den, f.noun)
            ops = [[operand(at.bf.block, t) for t in option] for option in options]
            rel = Equal(operand(nb, den), ops[0], ops[1:])
            yield Candidate("footnote-base", "footnote", rel, True, (nb, f.start, f.end),
                            [op.place for op in rel.expected], ((nb.index, f.start),))
            return


_SHARE_NOTE = re.compile(r"(?:chiếm|bằng)\s*$", re.I)
_OF_TOTAL = re.compile(r"\s*(?:trong|so với|trên)?\s*(?:tổng số|tổng)(?!\w)", re.I)
_TOTAL_BEFORE = re.compile(r"(?<!\w)(?:tổng số|tổng cộng|tổng)(?!\w)[^.;]{0,60}$", re.I)


def _shares(at: _Mark, notes) -> Iterator[Candidate]:
    """"Chiếm 82% trong tổng số …" in the note at "512 việc²⁰": 512 of the total count named before it."""
    if at.at is None:
        return
    bf, text = at.bf, at.bf.text
    for nb, nbf in notes:
        if nbf is None:
            continue
        for f in nbf.figs:
            if f.kind != "percent" or f.number.malformed:
                continue
            if not _SHARE_NOTE.search(nbf.text, max(0, f.start - 10), f.start) or not _OF_TOTAL.match(nbf.text, f.end):
                continue
            whole = [g for g in bf.figs if g.end <= at.at.start and g.kind == "quantity" and g.unit == at.at.unit
                     and usable(g) and at.at.start - g.end <= 300 and _TOTAL_BEFORE.search(text, 0, g.start)
                     and bf.sentence_of(g.start) == bf.sentence_of(at.at.start)]
            if len(whole) != 1:
                return
            rel = Share(operand(bf.block, at.at), operand(bf.block, whole[0]), f.number)
            yield Candidate("footnote-share", "footnote", rel, True, (nb, f.start, f.end),
                            [(bf.block, whole[0].start, at.at.end)], ((nb.index, f.start),))
            return


# counting nouns whose members a note may name one by one
NAMED_NOUNS = frozenset(["xã", "phường", "thị trấn", "huyện", "tỉnh", "quận", "thành phố", "ấp", "thôn", "bản", "khu phố",
                         "tổ dân phố", "đơn vị", "cơ quan", "hợp tác xã", "htx", "doanh nghiệp", "công ty", "trường",
                         "chi bộ", "đảng bộ", "tổ chức đảng", "tổ chức cơ sở đảng", "sản phẩm", "dự án", "công trình",
                         "mô hình", "câu lạc bộ", "tiêu chí", "nội dung", "nhiệm vụ", "xã, thị trấn", "địa phương",
                         "cơ sở", "làng", "tổ chức", "ngành", "sở", "phòng", "ban", "trạm", "bệnh viện", "điểm"])
# (lower case only: "Như" is a part of names, "như" opens an open list)
_OPEN = re.compile(r"…|\.\.\.|(?<!\w)(?:v\.v|vv|như|và các|các đơn vị khác|khác|nhất là|trong đó|Trong đó)(?!\w)")
_LIST_LEAD = re.compile(r"\s*(?:(?:gồm|bao gồm|tại|là|ở)(?:\s+(?:có|các))?(?:\s+[^\W\d_]+){0,3}\s*:|[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s*:)?\s*",
                        re.I)


def _named(at: _Mark, notes) -> Iterator[Candidate]:
    """"tại 7 xã⁵" with a note naming the communes: the count of names against the count at the mark (or the
    last count of named things close before it: "02 sản phẩm đạt 05 sao¹⁹")."""
    count = next((c for c in reversed(at.counts) if c.unit.lower() in NAMED_NOUNS), None)
    if count is None or count.number.decimals or at.pos - count.end > 60:
        return
    if count is not at.at and re.search(r"[,;]", at.bf.text[count.end:at.pos]):
        return
    n = int(count.number.value)
    if not 2 <= n <= 60:
        return
    texts = [nb.text for nb, _ in notes]
    if len(texts) != 1:
        return
    note = texts[0].strip()
    if re.search(r"\d", re.sub(r"(?:năm|khóa|khoá)\s+\d{4}|\d{4}\s*[-–]\s*\d{4}", "", note)) or _OPEN.search(note):
        return
    nb = notes[0][0]
    noun = count.unit.lower()
    body = note[_LIST_LEAD.match(note).end():].rstrip(" .;)")
    low = body.lower()
    if low.startswith(noun + " ") and low.count(noun + " ") >= 2:
        # "sản phẩm A của HTX B và sản phẩm C": the items are where the counted noun starts one
        options = (len(re.findall(r"(?:^|[,;]\s*|\s+và\s+)" + re.escape(noun) + r"\s", low)),)
        items = ()
    else:
        every = [x for x in (clean_item(x) for x in re.split(r"[,;]", body)) if x]
        heads_ = [x.split()[0] for x in every]
        longest = 8
        if len(every) >= 3 and heads_.count(heads_[0]) * 3 >= len(every) * 2 and heads_[0][:1].isupper():
            raw = every  # "HTX A; HTX B, HTX C; …": each name opens with the same word, whatever separates them
            longest = 12
        else:
            sep = ";" if ";" in body else ","
            raw = [x for x in (clean_item(x) for x in body.split(sep)) if x]
        if len(raw) < 2 or any(len(x.split()) > longest for x in raw):
            return
        if sum(1 for x in raw if x[:1].isupper()) < len(raw) * 2 // 3:
            return  # not a list of names
        options = (len(raw),)
        if re.search(r"\s(?:và|cùng)\s", " " + raw[-1] + " "):
            options = (len(raw), len(raw) + 1)
        items = tuple(raw)
    rel = Count(operand(at.bf.block, count), options, items, variant="note")
    yield Candidate("count-list", "footnote", rel, False, (at.bf.block, count.start, count.end), [(nb, 0, len(nb.text))],
                    ((at.bf.block.index, count.start),))
