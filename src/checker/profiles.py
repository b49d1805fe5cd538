"""Which rulebook a document follows: `party` (Hướng dẫn 36-HD/VPTW) or `state` (Nghị định 30/2020/NĐ-CP)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from .document import Document

PROFILES = ("party", "state")

_PARTY = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", re.IGNORECASE)
_STATE = re.compile(r"CỘNG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM", re.IGNORECASE)
_YOUTH = re.compile(r"ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH")
_PARTY_NUMBER = re.compile(r"\bSố\s*[\d\s]*-\s*BC/")
_STATE_NUMBER = re.compile(r"\bSố\s*:\s*[\d\s]*/\s*BC-")

HEADER_BLOCKS = 30  # the national/Party header sits in the first blocks of the body


def detect_profile(doc: Document) -> str | None:
    """Looks at the header lines (and Word header parts); None when neither header is present."""
    head = list(islice((b.text for b in doc.blocks if b.kind.value in ("header", "paragraph", "table_cell")),
                       HEADER_BLOCKS))
    text = "\n".join(head)
    party = _PARTY.search(text)
    state = _STATE.search(text)
    if party and state:
        return "party" if party.start() < state.start() else "state"
    if party:
        return "party"
    if state:
        return "state"
    if _YOUTH.search(text):
        return None  # the Youth Union follows its own rulebook: neither profile
    if _PARTY_NUMBER.search(text):
        return "party"
    if _STATE_NUMBER.search(text):
        return "state"
    return _body_evidence(doc)


# Without either header, the document still says whose it is: the issuing agency above the type name
# ("HUYỆN ỦY …" vs "ỦY BAN NHÂN DÂN …"), the signature ("T/M BAN THƯỜNG VỤ" in a Party document,
# "TM. ỦY BAN NHÂN DÂN" in a state one: Party forms write "T/M", state forms "TM."), or the opening
# sentence naming who reports ("Ban Thường vụ Huyện ủy báo cáo …").
_PARTY_BODIES = r"(?:BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH|HUYỆN\s+ỦY|TỈNH\s+ỦY|THÀNH\s+ỦY|QUẬN\s+ỦY|ĐẢNG\s+ỦY|" \
                r"CHI\s+BỘ|ĐẢNG\s+BỘ|ĐẢNG\s+ĐOÀN|BAN\s+CÁN\s+SỰ|ỦY\s+BAN\s+KIỂM\s+TRA|BAN\s+BÍ\s+THƯ|BỘ\s+CHÍNH\s+TRỊ)"
_PARTY_AGENCY = re.compile(rf"^\s*{_PARTY_BODIES}\b[^a-zà-ỹ]*$")
_STATE_AGENCY = re.compile(r"^\s*(?:ỦY\s+BAN\s+NHÂN\s+DÂN|UBND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|HĐND|SỞ|BỘ)\b[^a-zà-ỹ]*$")
_PARTY_SIGN = re.compile(rf"^\s*(?:T/M|T/L|K/T)\s+{_PARTY_BODIES}\b")
_STATE_SIGN = re.compile(r"^\s*(?:TM|KT|TL|TUQ)\.\s*[A-ZĐÀ-Ỹ]")
_PARTY_OPENING = re.compile(r"\b(?:Ban\s+Thường\s+vụ|Thường\s+trực|Ban\s+Chấp\s+hành)\s+(?:Huyện|Tỉnh|Thành|Quận|Đảng)\s+[uủ]y\b"
                            r"[^.;:]{0,60}\bbáo\s+cáo\b")
_STATE_OPENING = re.compile(r"\b(?:Ủy\s+ban\s+nhân\s+dân|UBND)\b[^.;:]{0,60}\bbáo\s+cáo\b")


def _body_evidence(doc: Document) -> str | None:
    """"party" or "state" when the agency lines, the signature or the opening sentence agree; None
    when they say nothing or contradict each other."""
    blocks = [b for b in doc.blocks if b.kind.value in ("paragraph", "table_cell") and b.text.strip()]
    votes: set[str] = set()
    # only the first 8 blocks (agency lines) and the last 40 (signature) are looked at
    near = sorted(set(range(min(8, len(blocks)))) | set(range(max(0, len(blocks) - 40), len(blocks))))
    lines = [(i, line) for i in near for line in blocks[i].text.split("\n") if line.strip()]
    for i, line in lines:
        if i < 8 and _PARTY_AGENCY.match(line):
            votes.add("party")
        elif i < 8 and _STATE_AGENCY.match(line):
            votes.add("state")
        if i >= len(blocks) - 40:
            if _PARTY_SIGN.match(line):
                votes.add("party")
            elif _STATE_SIGN.match(line):
                votes.add("state")
    for b in blocks[:12]:
        if _PARTY_OPENING.search(b.text):
            votes.add("party")
        elif _STATE_OPENING.search(b.text):
            votes.add("state")
    return votes.pop() if len(votes) == 1 else None


# --- the header of a document: number line, place-and-date line, type name and subject -----------

from dataclasses import dataclass, field  # noqa: E402

from .document import Block, BlockKind  # noqa: E402

_BLANK = r"(?:[\s._…·\-]*)"
NUMBER_LINE = re.compile(
    r"(?m)(?:^[ \t]*|(?<=\t)|(?<=  )|(?<=\|)|(?<=\| ))Số\s*(?P<colon>:)?\s*(?P<num>\d{1,6})?(?P<gap>[\s._…]*)(?P<sep>[-/])\s*"
    r"(?P<sym>[A-ZĐ][A-Za-zĐđ0-9]*(?:\s*[-/]\s*[A-ZĐ][A-Za-zĐđ0-9()]*){1,3})"
)
DATE_LINE = re.compile(
    r"(?P<place>[A-ZĐÂĂÊÔƠƯ][^\d,;:\n|\t]{1,50}?)[ \t]*,[ \t]*ngày\s*(?P<day>\d{1,2})?(?P<dgap>[\s._…]*)"
    r"tháng\s*(?P<month>\d{1,2})?(?P<mgap>[\s._…]*)năm\s*(?P<year>(?:19|20)\d\d)",
    re.IGNORECASE,
)
# The place-and-date line in other forms: all numbers ("Hà Nội, 31/12/2025", "Hà Nội, ngày 31/12/2025")
# and without its place ("ngày 05 tháng 3 năm 2024"). Found so that a present line gets a finding about
# its form (ST004), never "missing" (ST001).
DATE_LINE_NUMERIC = re.compile(
    r"(?P<place>[A-ZĐÂĂÊÔƠƯ][^\d,;:\n|\t()]{1,50}?)[ \t]*,[ \t]*(?:ngày\s*)?(?P<day>\d{1,2})\s*(?P<sep>[/.\-])\s*"
    r"(?P<month>\d{1,2})\s*(?P=sep)\s*(?P<year>(?:19|20)\d\d)(?=[ \t.]*(?:\n|$|\t| {2,}|\|))",
    re.IGNORECASE,
)
DATE_LINE_NO_PLACE = re.compile(
    r"(?m)^[ \t]*(?P<place>)[Nn]gày\s*(?P<day>\d{1,2})?(?P<dgap>[\s._…]*)tháng\s*(?P<month>\d{1,2})?(?P<mgap>[\s._…]*)"
    r"năm\s*(?P<year>(?:19|20)\d\d)[ \t.]*$",
)
# A "Số …" line that NUMBER_LINE cannot read ("Số: 12.BC.UBND", "Số:12BC/UBND"): a number line of the
# wrong shape (ST003), not a missing one. It holds a number or a blank, a capital, and a separator.
NUMBER_LINE_LOOSE = re.compile(
    r"(?m)(?:^[ \t]*|(?<=\t)|(?<=  )|(?<=\|)|(?<=\| ))Số\s*:?\s*(?=[^\n\t|]{0,40}[/.\-])"
    r"(?:\d+|[.…_]{2,}|\s{2,})[\d.…_ ]*[A-ZĐ][^\n\t|]{0,40}?(?=\s{2,}|\t|\||$)"
)


def type_table() -> dict[str, dict[str, tuple[str, ...]]]:
    """Every document type of `rules/data/document_types.yaml` by its type-name line ("BÁO CÁO"):
    {"party": codes, "state": codes}; a type with no codes (a state công văn) has an empty tuple."""
    global _TYPE_TABLE
    if _TYPE_TABLE is None:
        from .references import document_types

        table: dict[str, dict[str, tuple[str, ...]]] = {}
        try:
            types = document_types()["types"]
        except Exception:  # a broken data file is reported by the rule loader; read headers without it
            types = []
        for t in types:
            if "party" not in t and "state" not in t:
                continue  # legal-only types (Luật, Pháp lệnh) have no type-name line of this kind
            table[t["word"].upper()] = {"party": tuple(t.get("party") or ()), "state": tuple(t.get("state") or ())}
        _TYPE_TABLE = table or {k: {"party": (v,), "state": (v,)} for k, v in _FALLBACK_TYPES.items()}
    return _TYPE_TABLE


_TYPE_TABLE: dict | None = None
_FALLBACK_TYPES = {"BÁO CÁO": "BC", "KẾ HOẠCH": "KH", "TỜ TRÌNH": "TTr", "QUYẾT ĐỊNH": "QĐ", "THÔNG BÁO": "TB"}
CONG_VAN = "CÔNG VĂN"  # the type of a document with a "V/v" subject and no type-name line


def type_codes(type_name: str | None, profile: str | None) -> tuple[str, ...] | None:
    """The type codes a document whose type-name line is `type_name` may carry in its number, for the
    profile's rulebook; None when the type is unknown (or no profile), () when it has none (state công văn)."""
    if not type_name or profile not in ("party", "state"):
        return None
    entry = type_table().get(type_name)
    return None if entry is None else entry[profile]


def known_type_codes() -> frozenset[str]:
    """Every type code of either rulebook, and the common misuses ("CV" in a state number, "QĐi")."""
    return frozenset(c for e in type_table().values() for codes in e.values() for c in codes) | {"CV", "QĐi"}


_MARKUP = re.compile(r"[*_#`]+")
_YOUTH_HEADER = re.compile(r"ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH")
# the motto, whatever dashes separate its phrases (ND30 wants " - "; an en dash or none is still the motto)
_MOTTO = re.compile(r"Độc\s*lập\W{0,4}Tự\s*do\W{0,4}Hạnh\s*phúc", re.IGNORECASE)
_SUBJECT_END = re.compile(r"^(?:[IVX]+[.\-]|\d+[.)\-]|Kính gửi|Căn cứ|Thực hiện)")
_FIRST_SECTION = re.compile(r"^\s*(?:[IVX]+\s*[.\-–]|1\s*[.)\-])\s*\S")
_VV = re.compile(r"^\s*(?:V/v|V/V|v/v|Về\s+việc|VỀ\s+VIỆC)\b\.?\s*:?\s*\S")
_COLUMN_GAP = re.compile(r"(?:\t|\s{2,}|\|)\s*$")


def _plain(text: str) -> str:
    return _MARKUP.sub("", text).strip()


@dataclass
class Header:
    """The parts of a document's header: number, place and date, type name and subject."""

    number_block: Block | None = None
    number: re.Match | None = None
    number_loose: re.Match | None = None  # a "Số …" line of no known shape (then `number` is None)
    date_block: Block | None = None
    date: re.Match | None = None
    date_form: str | None = None  # "full" | "numeric" ("Hà Nội, 31/12/2025") | "no_place" ("ngày 05 tháng 3 năm 2024")
    title_block: Block | None = None  # "BÁO CÁO"
    type_name: str | None = None  # "BÁO CÁO"…; CONG_VAN for a công văn (a "V/v" line and no type name)
    subject_blocks: list[Block] = field(default_factory=list)
    subject_offset: int = 0  # where the subject starts in the first subject block ("BÁO CÁO Kết quả …" on one line)
    has_party_header: bool = False
    has_state_header: bool = False
    has_motto: bool = False
    has_youth_header: bool = False  # "ĐOÀN TNCS HỒ CHÍ MINH": the Youth Union's own header

    @property
    def subject_block(self) -> Block | None:
        return self.subject_blocks[0] if self.subject_blocks else None

    @property
    def report_date(self) -> tuple[int | None, int | None, int] | None:
        """(day, month, year) of the place-and-date line; day/month None when left blank."""
        if not self.date:
            return None
        d, m = self.date.group("day"), self.date.group("month")
        return (int(d) if d else None, int(m) if m else None, int(self.date.group("year")))

    @property
    def subject(self) -> str:
        parts = [_plain(b.text[self.subject_offset:] if k == 0 else b.text) for k, b in enumerate(self.subject_blocks)]
        return " ".join(parts)

    @property
    def is_draft(self) -> bool:
        """The number or the day is left blank: a draft before issuance."""
        if self.number is not None and not self.number.group("num"):
            return True
        return self.date is not None and not self.date.group("day")


def _head_blocks(doc: Document, limit: int = 60) -> list[Block]:
    kinds = (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL, BlockKind.HEADER)
    return list(islice((b for b in doc.blocks if b.kind in kinds), limit))


def _in_header_position(text: str, start: int) -> bool:
    """The match starts its line, after indentation or another column ("HUYỆN ỦY X<tab>Mỹ Tú, ngày …",
    46 spaces of indentation in a text file), or after a short lead-in; not in the middle of a sentence."""
    before = text[text.rfind("\n", 0, start) + 1:start]
    return not before.strip() or len(before.strip()) < 40 or _COLUMN_GAP.search(before) is not None


def _find_date(text: str) -> tuple[re.Match, str] | None:
    """The place-and-date line in the text, and its form; the place starts after a column gap."""
    for form, pattern in (("full", DATE_LINE), ("numeric", DATE_LINE_NUMERIC), ("no_place", DATE_LINE_NO_PLACE)):
        pos = 0
        while (m := pattern.search(text, pos)) is not None:
            place = m.group("place")
            gap = list(re.finditer(r"\s{2,}", place))
            if gap:  # "HUYỆN ỦY X        Mỹ Tú, ngày …": the place is the last column only
                again = pattern.match(text, m.start("place") + gap[-1].end())
                if again is not None:
                    m = again
            if _in_header_position(text, m.start()):
                return m, form
            pos = m.end()
    return None


def _title_in(text: str) -> tuple[str, int] | None:
    """(type name, where the rest starts) when the block is a type-name line ("BÁO CÁO"), or a type-name
    line with its subject after it in the same paragraph ("BÁO CÁO Kết quả công tác quý III", a line break
    inside the paragraph); None otherwise."""
    plain = _plain(text)
    upper = plain.upper()
    types = type_table()
    if upper in types and plain == upper:
        return upper, len(text)
    for name in _longest_first(tuple(types)):
        if plain.startswith(name) and plain[len(name):len(name) + 1].isspace():
            rest = plain[len(name):].strip()
            if rest and rest.upper() in types:
                return None  # "CHƯƠNG TRÌNH HÀNH ĐỘNG" read as a longer name first
            return name, text.index(name) + len(name)
    return None


@lru_cache(maxsize=4)
def _longest_first(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(names, key=len, reverse=True))


def read_header(doc: Document) -> Header:
    """Finds the header parts in the first blocks of the document (before the first heading), wherever
    they sit: in paragraphs or table cells, indented, or beside another column of the same line."""
    h = Header()
    blocks = _head_blocks(doc)
    pending_title: tuple[int, Block, str, int] | None = None  # a type name followed by its subject
    vv: tuple[int, Block] | None = None
    for i, b in enumerate(blocks):
        text = b.text
        if _PARTY.search(text):
            h.has_party_header = True
        if _STATE.search(text):
            h.has_state_header = True
        if _YOUTH_HEADER.search(text):
            h.has_youth_header = True
        if _MOTTO.search(text):
            h.has_motto = True
        if h.number is None and (m := NUMBER_LINE.search(text)):
            h.number_block, h.number, h.number_loose = b, m, None
        elif h.number is None and h.number_loose is None and (m := NUMBER_LINE_LOOSE.search(text)):
            h.number_block, h.number_loose = b, m
        if h.date_form != "full" and (found := _find_date(text)) is not None \
                and (h.date is None or found[1] == "full"):
            h.date, h.date_form = found  # a full date line wins over a looser one found before it
            h.date_block = b
        if h.title_block is None:
            title = _title_in(text)
            if title is not None and title[1] == len(text):
                h.title_block, h.type_name = b, title[0]
                _read_subject(h, blocks, i)
            elif title is not None and pending_title is None:
                pending_title = (i, b, title[0], title[1])
            elif vv is None and (at := _vv_line(text)) is not None:
                vv = (i, b, at)
        if h.title_block is not None and b is not h.title_block and b not in h.subject_blocks \
                and _FIRST_SECTION.match(text):
            break
        if h.title_block is None and pending_title is None and vv is None and _FIRST_SECTION.match(text) \
                and (h.number is not None or h.date is not None):
            break
    if pending_title is not None and vv is not None and vv[0] < pending_title[0]:
        pending_title = None  # the "V/v" line comes first: a công văn, the type name is the body's
    if h.title_block is None and pending_title is not None:
        i, b, name, offset = pending_title
        h.title_block, h.type_name = b, name
        h.subject_blocks.append(b)
        h.subject_offset = offset
        _read_subject(h, blocks, i)
    elif h.title_block is None and vv is not None:
        i, b, at = vv
        h.type_name = CONG_VAN
        h.subject_blocks.append(b)
        h.subject_offset = at
        for nb in blocks[i + 1:i + 4]:  # the subject may run on to a second line
            t = _plain(nb.text)
            if not t or nb.kind is not b.kind or _SUBJECT_END.match(t) or t.upper() == t \
                    or DATE_LINE.search(nb.text) or NUMBER_LINE.search(nb.text):
                break
            h.subject_blocks.append(nb)
    return h


def _vv_line(text: str) -> int | None:
    """Where a "V/v …" (về việc) line starts in the block: the subject line of a công văn, often in the
    same table cell as the number, or in a column of a text line."""
    pos = 0
    for line in text.split("\n"):
        for cell in re.finditer(r"[^\t|]+", line):
            c = cell.group()
            if _VV.match(_plain(c)):
                return pos + cell.start() + len(c) - len(c.lstrip())
        pos += len(line) + 1
    return None


def _read_subject(h: Header, blocks: list[Block], i: int) -> None:
    """The subject lines after the type name at `blocks[i]`."""
    for nb in blocks[i + 1:i + 8]:
        t = _plain(nb.text)
        if not t:
            if h.subject_blocks:
                break
            continue
        if set(t) <= set("-_–—=*. "):
            break
        if h.subject_blocks and _SUBJECT_END.match(t):
            break
        h.subject_blocks.append(nb)
        if len(h.subject_blocks) >= 4:
            break
