"""A count and the list it announces: "tại 7 xã (A, B, C, …)", "gồm 3 nội dung: …", "05 nội dung: (1) …; (2) …",
"3 nhiệm vụ sau:" followed by "- …" lines, "04 tiểu ban, cụ thể: Tiểu ban A, Tiểu ban B, …", "mô hình 3 chung
“chung A, chung B, chung C”", "02 tổ chức đảng và 02 cá nhân, gồm: <names>" (organisations and people counted
apart).

Only lists that enumerate members of the counted noun count: a parenthesis that names kinds ("16 cơ sở (gỗ, cơ
khí, mộc dân dụng)": far fewer names than members) or explains, an open list ("…", "v.v.", "như") and a list with
figures (the parts rules' business) are left alone. "và" may join two items or belong to one name, so both
counts are accepted.
"""

import re
from dataclasses import replace
from typing import Iterator

from ... import figures as F
from ...document import Block, BlockKind
from ..blocks import doc_figures
from ..model import Candidate, Count
from ..operands import operand
from ..members import GOM_COLON, ORG_NOUNS, PERSON_COUNT_NOUNS, classify_member, member_names
from ..words import clean_item

_LIST_KINDS = frozenset((BlockKind.PARAGRAPH, BlockKind.TABLE_CELL, BlockKind.FOOTNOTE))
MIN_COUNT, MAX_COUNT, MAX_ITEM_WORDS = 2, 40, 8
OPEN_MARKERS = ("…", "...", "v.v", "vv.", "như:", "như ", "chẳng hạn", "ví dụ", "điển hình", "tiêu biểu", "trong đó",
                "gồm các", "là các", "các đơn vị khác", "khác)", "khác", "chủ yếu", "bao gồm cả", "ngoài ra", "hoặc",
                "nhất là", "đặc biệt")

_YEAR = r"(?:năm\s+)?\d{4}(?:\s*[-–]\s*\d{4})?"
_PAREN_LIST = re.compile(r"(?<![\d.,/])(\d{1,2})\s+((?:(?:[^\W\d_]+|" + _YEAR + r")\s+){0,11}?(?:[^\W\d_]+|\d{4}))\s*\(([^()]{3,400})\)")
_NOUN = r"((?:[^\W\d_]+\s+){0,3}?[^\W\d_]+)"
_GOM = re.compile(r"(?:(?<!\w)(?:gồm|bao gồm|gồm có)\s+(\d{1,2})\s+" + _NOUN + r"\s*(?:sau|như sau|chính|cụ thể)?"
                  r"|(?<![\d.,/])(\d{1,2})\s+" + _NOUN + r"\s*,?\s+(?:sau|như sau|sau đây|cụ thể như sau|cụ thể|gồm|bao gồm"
                  r"|gồm có))\s*:\s*(.*)$", re.IGNORECASE)
# what `_GOM` needs, found much faster: a count, then only letters, spaces and commas up to a colon
_GOM_HINT = re.compile(r"\d\s+[^\W\d_](?:[^\W\d_]|[\s,])*:")
# what comes before the bracket of a `_PAREN_LIST` match, read backwards: spaces, words (or a year), the count
_BEFORE_PAREN_REVERSED = re.compile(r"\s*(?:[^\W\d_]+|\d{4})(?:\s+(?:[^\W\d_]+|[\d–-]{4,11}))*?\s+\d")
_MARKER = re.compile(r"^\s*(?:(?P<dash>[-+•*–])\s|(?P<letter>[a-zđ])\)\s|(?P<num>\d{1,2})[.)]\s|(?P<roman>[IVX]+)[.)]\s)")
_NUMBERED = re.compile(r"\((\d{1,2})\)")
# "03 khâu đột phá: (1) …; (2) …; (3) …": a count whose list is numbered right after its colon (same groups as
# `_GOM`'s second form, so `_introduced` reads both)
_NUMBERED_AFTER = re.compile(r"()()(?<![\d.,/])(\d{1,2})\s+" + _NOUN + r"\s*:\s*((?=\(1\)).*)$")
_QUOTED = re.compile(r"(?<![\d.,/])(\d{1,2})\s+([^\W\d_]+)\s*[“\"]([^”\"]{3,300})[”\"]")


def find(doc, ctx) -> Iterator[Candidate]:
    blocks = [b for b in doc.blocks if b.kind in _LIST_KINDS]
    figs_of = {bf.block.index: bf for bf in doc_figures(doc, ctx)}
    for i, block in enumerate(blocks):
        text = block.text
        bf = figs_of.get(block.index)
        if bf is None:
            continue
        if "(" in text and _may_hold_paren_list(text):
            yield from _paren_lists(block)
        if "“" in text or '"' in text:
            yield from _quoted_lists(block)
        if ":" in text and _GOM_HINT.search(text):
            gm = _GOM.search(text) or _NUMBERED_AFTER.search(text)
            if gm:
                yield from _introduced(blocks, i, gm)
        if "gồm" in text:
            yield from members(bf)


def _open(text: str) -> bool:
    t = text.lower()
    return any(m in t for m in OPEN_MARKERS)


def _count_value(token: str) -> int | None:
    n = F.parse_number(token)
    if n is None or n.malformed or n.decimals:
        return None
    v = int(n.value)
    return v if MIN_COUNT <= v <= MAX_COUNT else None


def _count_operand(block: Block, token: str, start: int, noun: str):
    n = replace(F.parse_number(token), start=start, end=start + len(token))
    return operand(block, F.Quantity(token, start, start + len(token), n, noun))


def _may_hold_paren_list(text: str) -> bool:
    """False when `_PAREN_LIST` cannot match: no bracket has a count and words right before it."""
    q = text.find("(")
    while q >= 0:
        # (the words a count may stand before the bracket fit in a bounded stretch: no copy of the whole prefix)
        if _BEFORE_PAREN_REVERSED.match(text[max(0, q - 160):q][::-1]):
            return True
        q = text.find("(", q + 1)
    return False


def item_counts(inner: str) -> tuple[int, ...]:
    """Possible item counts of a list text: split on ';' if any, else ','; the last 'và' may join two items."""
    inner = inner.replace("*", "").replace("_", "").strip().rstrip(".;,")
    sep = ";" if ";" in inner else ","
    parts = [p.strip() for p in inner.split(sep) if p.strip()]
    counts = {len(parts)}
    if parts and re.search(r"\s(và|cùng)\s", " " + parts[-1] + " "):
        counts.add(len(parts) + 1)
    if sep == "," and len(parts) == 1:
        counts = {1 + len(re.findall(r"\svà\s", " " + inner + " "))}
    return tuple(sorted(counts))


def _paren_lists(block: Block) -> Iterator[Candidate]:
    """"Công nhận 4 xã đạt chuẩn (Tân Lập, Hòa An, Phú Thịnh)"."""
    text = block.text
    for m in _PAREN_LIST.finditer(text):
        n = _count_value(m.group(1))
        inner = m.group(3)
        noun = m.group(2).split()[0] if re.search(r"\d", m.group(2)) else m.group(2)
        if n is None or any(ch.isdigit() for ch in inner) or _open(inner):
            continue
        if m.group(2).lower() != m.group(2):
            continue  # "3 Đảng bộ (…)": a name, not a counting noun
        if "," not in inner and ";" not in inner:
            continue  # one qualifier in brackets ("03 tỉnh (trước sáp nhập)"), not a list
        items = [clean_item(x) for x in inner.split(";" if ";" in inner else ",")]
        named = member_names(clean_item(inner))
        kinds = [classify_member(x) for x in named or ()]
        if kinds and None not in kinds and len(kinds) >= 2:
            # organisations or people, each opening with its head word: "(Cơ quan Đảng, đoàn thể huyện và cơ quan
            # chính quyền huyện)" names two bodies, whatever the commas inside the names
            options = (sum(k[1] for k in kinds),)
        else:
            if any(len(x.split()) > MAX_ITEM_WORDS for x in items):
                continue  # long clauses: an explanation, not a list of names
            options = item_counts(inner)
            if n >= 2 * max(options) and not any(x[:1].isupper() for x in items):
                continue  # "16 cơ sở (gỗ, cơ khí, mộc dân dụng)": the kinds of the members, not the members
        count = _count_operand(block, m.group(1), m.start(1), noun)
        yield Candidate("count-list", "clause", Count(count, options, tuple(items)), True, (block, m.start(), m.end()),
                        key=((block.index, m.start(1)),))


def _quoted_lists(block: Block) -> Iterator[Candidate]:
    """"mô hình 3 chung “chung nguồn lực, chung đối tượng, chung mục đích”": each item repeats the counted word."""
    text = block.text
    for m in _QUOTED.finditer(text):
        n = _count_value(m.group(1))
        word = m.group(2).lower()
        items = [x.strip() for x in re.split(r"[,;]", m.group(3)) if x.strip()]
        if n is None or len(items) < 2 or not all(x.lower().startswith(word + " ") for x in items):
            continue
        count = _count_operand(block, m.group(1), m.start(1), word)
        yield Candidate("count-list", "clause", Count(count, (len(items),), tuple(items)), True,
                        (block, m.start(), m.end()), key=((block.index, m.start(1)),))


def _introduced(blocks: list[Block], i: int, gm: re.Match) -> Iterator[Candidate]:
    """"gồm 3 nội dung: A; B; C", "3 nhiệm vụ sau:" with the items on the lines after it, or numbered inline
    "(1) …; (2) …"."""
    block = blocks[i]
    g = 1 if gm.group(1) else 3
    token, noun = gm.group(g), gm.group(g + 1)
    n = _count_value(token)
    if n is None or noun.lower() != noun:
        return
    rest = gm.group(5).strip()
    scope = "sentence"
    if rest:
        numbered = _NUMBERED.findall(rest)
        if len(numbered) >= 2 and numbered == [str(k) for k in range(1, len(numbered) + 1)]:
            options = (len(numbered),)  # "(1) …; (2) …; (3) …"
        else:
            if any(ch.isdigit() for ch in rest) or _open(rest) or (";" not in rest and "," not in rest):
                return
            items = rest.split(";" if ";" in rest else ",")
            if any(len(x.split()) > MAX_ITEM_WORDS for x in items) and ";" not in rest:
                return
            options = item_counts(rest)
    else:
        # the items follow as paragraphs: "- …", "a) …", "1. …" or Word's automatic numbering
        first = blocks[i + 1] if i + 1 < len(blocks) else None
        if first is None:
            return
        kind = _marker_kind(first.text) or ("auto" if first.list_id is not None else None)
        if kind is None:
            return
        count, level = 0, first.list_level
        for j in range(i + 1, len(blocks)):  # (no slice: a copy of the rest per list is quadratic)
            b = blocks[j]
            k = _marker_kind(b.text) or ("auto" if b.list_id is not None else None)
            if b.heading_level is not None or k is None:
                break
            if k == kind and (kind != "auto" or b.list_level == level):
                count += 1
            elif kind in ("dash",) or k in ("roman", "num") and kind in ("letter", "dash"):
                break  # a marker of a higher level ends the list
        if _open(" ".join(b.text for b in blocks[i + 1:i + 1 + count])[-20:]):
            return
        options = (count,)
        scope = "list"
    count_op = _count_operand(block, token, gm.start(g), noun)
    rel = Count(count_op, options, variant="intro" if scope == "list" else "default")
    yield Candidate("count-list", scope, rel, True, (block, gm.start(g), gm.end(g + 1)),
                    key=((block.index, gm.start(g)),))


def _marker_kind(text: str) -> str | None:
    m = _MARKER.match(text)
    if not m:
        return None
    return next(k for k, v in m.groupdict().items() if v is not None)


# --- organisations and people named after "gồm:" -----------------------------------------------------

def members(bf) -> Iterator[Candidate]:
    """"02 tổ chức đảng và 02 cá nhân, gồm: Đảng bộ xã A, xã B và cá nhân 02 đồng chí Bí thư …"; "cử 4 đồng chí,
    gồm: Chủ tịch, 02 Phó Chủ tịch và 01 Ủy viên": organisations and people named, each class counted."""
    text = bf.text
    for m in GOM_COLON.finditer(text):
        clause_start = bf.bounds[bf.clause_of(m.start()) - 1] + 1 if bf.clause_of(m.start()) > 0 else 0
        counts = [f for f in bf.quantities(max(clause_start, m.start() - 80), m.start())
                  if f.unit in ORG_NOUNS or f.unit in PERSON_COUNT_NOUNS]
        if not counts or re.search(r"[^\s\w,]", text[counts[-1].end:m.start()]):
            continue
        end = bf.sentence_span(bf.sentence_of(m.end()))[1]
        nxt = next((f for f in bf.figs if f.start > m.end() and f.kind == "quantity"
                    and (f.unit in ORG_NOUNS or f.unit in PERSON_COUNT_NOUNS)
                    and re.search(r"(?:,|\svà)\s*$", text[max(m.end(), f.start - 6):f.start])
                    and GOM_COLON.search(text, f.end, min(end, f.end + 20))), None)
        if nxt is not None:
            end = nxt.start  # "… và 02 cá nhân, gồm: …": the next group begins
        tally: dict | None = {"org": 0, "person": 0}
        for k, segment in enumerate(re.split(r";", text[m.end():end])):
            names = member_names(segment) or []
            kinds = [classify_member(name) for name in names]
            if k > 0 and (not kinds or kinds[0] is None):
                break  # the list has ended: "…; kết quả các tổ chức đảng …"
            if not kinds or None in kinds:
                tally = None
                break
            for kind, n in kinds:
                tally[kind] += n
        if tally is None:
            continue
        for f in counts:
            kind = "org" if f.unit in ORG_NOUNS else "person"
            if not tally[kind] or (len(counts) == 1 and tally["org"] and tally["person"] and kind == "person"
                                   and f.unit not in ("đồng chí", "người", "cá nhân")):
                continue
            count = operand(bf.block, f)
            yield Candidate("count-list", "sentence", Count(count, (tally[kind],)), False, (bf.block, f.start, f.end),
                            key=((bf.block.index, f.start),))
