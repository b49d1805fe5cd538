"""A total and its parts on the lines after it: "… giám sát 04 tổ chức đảng, 04 cá nhân và kiểm tra 03 tổ chức
đảng, 02 cá nhân, cụ thể như sau:" followed by "+ … giám sát 02 tổ chức đảng và 02 cá nhân …" lines.

Each count of the announcing line is keyed by its counting noun and the activity it counts (the verb before it:
"giám sát", "kiểm tra"…); the items' counts of the same key add up to it. A key stated twice on the announcing
line, or an item that names the activity without a count of the key, leaves the key alone. The activity is read,
not written, so a mismatch is a warning.
"""

import re
from typing import Iterator

from ..blocks import BlockFigures, doc_figures
from ..items import Item, heads
from ..members import ORG_NOUNS, PERSON_COUNT_NOUNS, classify_member, member_names
from ..model import Candidate, Sum
from ..nouns import same_kind
from ..operands import operand
from ..words import opener_at

_INTRO = re.compile(r"(?:(?<!\w)(?:cụ thể(?:\s+như sau)?|như sau|sau đây|gồm(?:\s+có)?|bao gồm|trong đó|chia ra|chi tiết))?"
                    r"\s*:\s*$", re.I)
_ITEM = re.compile(r"\s*(?:[-+•*–]\s|[a-zđ]\)\s|\d{1,2}[.)]\s)")
_ACTIVITY = re.compile(r"(?<!\w)(giám sát|kiểm tra|thanh tra|kỷ luật|khen thưởng|tiếp nhận|giải quyết|xử lý|xử phạt"
                       r"|tuyên truyền|tập huấn|bồi dưỡng|đào tạo|kết nạp|hỗ trợ|cấp|thu hồi|khởi tố|truy tố|xét xử"
                       r"|hòa giải|hoà giải|tiếp công dân|tiếp|đối thoại|vận động)(?!\w)", re.I)


def find(doc, ctx) -> Iterator[Candidate]:
    figs_of = {bf.block.index: bf for bf in doc_figures(doc, ctx)}
    blocks = [b for b in doc.blocks if b.text.strip()]
    for i, b in enumerate(blocks):
        text = b.text.rstrip()
        if not text.endswith(":") or b.index not in figs_of:
            continue
        items = []
        for nb in blocks[i + 1:]:
            if nb.kind is not b.kind or nb.note != b.note or not (_ITEM.match(nb.text) or nb.list_id is not None):
                break
            items.append(nb)
        if not items:
            continue
        yield from _sums(figs_of[b.index], [(nb, figs_of.get(nb.index)) for nb in items])


def _activity(text: str, start: int, end: int) -> str:
    """The activity a count counts: the last activity verb before it in its stretch of text."""
    found = None
    for m in _ACTIVITY.finditer(text, start, end):
        found = m
    return found.group(1).lower() if found else ""


def _keyed(bf: BlockFigures, start: int, end: int) -> list[tuple[tuple, object]]:
    """((activity, noun), count) for the counts between two offsets that the text states for themselves."""
    out = []
    for f in heads(bf, Item(start, end), None):
        clause = bf.bounds[bf.clause_of(f.start) - 1] + 1 if bf.clause_of(f.start) > 0 else start
        out.append(((_activity(bf.text, max(start, clause), f.start), f.unit), f))
    return out


_MEMBERS_AFTER = re.compile(r"[^;:.]*?(?:đối với|gồm(?: có)?\s*:)\s*", re.I)


def _named_members(text: str, start: int, noun: str) -> int | None:
    """How many members of the noun's class (organisations or people) an item names after its activity
    ("giám sát đối với Đảng ủy A và đồng chí Bí thư B" → one organisation, one person), or None if unclear."""
    m = _MEMBERS_AFTER.match(text, start)
    if not m or re.search(r"\d", text[m.end():]):
        return None
    cls = "org" if noun in ORG_NOUNS else "person" if noun in PERSON_COUNT_NOUNS else None
    if cls is None:
        return None
    segment = re.split(r"[;.]", text[m.end():], maxsplit=1)[0]
    kinds = [classify_member(x) for x in member_names(segment) or ()]
    if not kinds or None in kinds:
        return None
    return sum(n for k, n in kinds if k == cls)


def _sums(intro: BlockFigures, items: list) -> Iterator[Candidate]:
    text = intro.text
    m = _INTRO.search(text.rstrip())
    word = opener_at(text, m.start()) if m else None
    partial = bool(word) and word[0].startswith(("trong đó", "riêng"))
    start = intro.sentence_span(intro.sentence_of(max(0, len(text.rstrip()) - 1)))[0]
    totals: dict = {}
    for key, f in _keyed(intro, start, len(text)):
        k = next((k for k in totals if k[0] == key[0] and same_kind(k[1], key[1])), key)
        totals.setdefault(k, []).append(f)
    keyed_items = []
    for nb, nbf in items:
        found = _keyed(nbf, 0, len(nb.text)) if nbf is not None else []
        keyed_items.append((nb, nbf, found))
    for (activity, noun), counts in totals.items():
        if len(counts) != 1:
            continue
        total = counts[0]
        parts, unknown, unnumbered = [], False, 0
        for nb, nbf, found in keyed_items:
            mine = [f for k, f in found if k[0] == activity and same_kind(k[1], noun)]
            if mine:
                parts.append((nb, mine[0]))
                continue
            if any(same_kind(k[1], noun) for k, _ in found):
                continue  # the item counts this noun for another activity: the mention of ours is incidental
            said = re.search(r"(?<!\w)%s(?!\w)" % re.escape(activity), nb.text, re.I) if activity else None
            if said:
                # "+ … giám sát đối với Đảng ủy Trung tâm Y tế và đồng chí Bí thư …": the members named, one each
                named = _named_members(nb.text, said.end(), noun)
                if named is None:
                    unknown = True  # the item speaks of the activity without a count of this noun
                else:
                    unnumbered += named
        if not parts or (len(parts) < 2 and len(totals) < 2 and not unnumbered):
            continue
        p_ops = [operand(nb, f) for nb, f in parts]
        rel = Sum(operand(intro.block, total), p_ops, complete=not partial, unknown=unknown, unnumbered=unnumbered)
        yield Candidate("breakdown", "list", rel, False, (intro.block, total.start, total.end),
                        [op.place for op in p_ops], ((intro.block.index, total.start), "list"))
