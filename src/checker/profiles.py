"""Which rulebook a document follows: `party` (Hướng dẫn 36-HD/VPTW) or `state` (Nghị định 30/2020/NĐ-CP)."""

from __future__ import annotations

import re
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
TYPE_NAMES = {  # the type name line of a document → its Party/state type code
    "BÁO CÁO": "BC", "KẾ HOẠCH": "KH", "TỜ TRÌNH": "TTr", "NGHỊ QUYẾT": "NQ", "QUYẾT ĐỊNH": "QĐ",
    "CHƯƠNG TRÌNH": "CTr", "HƯỚNG DẪN": "HD", "THÔNG BÁO": "TB", "KẾT LUẬN": "KL", "ĐỀ ÁN": "ĐA",
    "CHỈ THỊ": "CT", "BIÊN BẢN": "BB", "QUY CHẾ": "QC", "PHƯƠNG ÁN": "PA",
}


_MARKUP = re.compile(r"[*_#`]+")
_YOUTH_HEADER = re.compile(r"ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH")
_MOTTO = re.compile(r"Độc\s*lập\s*-?\s*Tự\s*do\s*-?\s*Hạnh\s*phúc", re.IGNORECASE)
_SUBJECT_END = re.compile(r"^(?:[IVX]+\.|\d+\.|Kính gửi|Căn cứ|Thực hiện)")
_FIRST_SECTION = re.compile(r"^\s*(?:[IVX]+\.|1\.)\s")


def _plain(text: str) -> str:
    return _MARKUP.sub("", text).strip()


@dataclass
class Header:
    """The parts of a document's header: number, place and date, type name and subject."""

    number_block: Block | None = None
    number: re.Match | None = None
    date_block: Block | None = None
    date: re.Match | None = None
    title_block: Block | None = None  # "BÁO CÁO"
    type_name: str | None = None
    subject_blocks: list[Block] = field(default_factory=list)
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
        return " ".join(_plain(b.text) for b in self.subject_blocks)


def _head_blocks(doc: Document, limit: int = 60) -> list[Block]:
    kinds = (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL, BlockKind.HEADER)
    return list(islice((b for b in doc.blocks if b.kind in kinds), limit))


def read_header(doc: Document) -> Header:
    """Finds the header parts in the first blocks of the document (before the first heading)."""
    h = Header()
    blocks = _head_blocks(doc)
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
            h.number_block, h.number = b, m
        if h.date is None and (m := DATE_LINE.search(text)) and m.start() - (text.rfind("\n", 0, m.start()) + 1) < 40:
            h.date_block, h.date = b, m
        plain = _plain(text).upper()
        if h.title_block is None and plain in TYPE_NAMES and _plain(text) == _plain(text).upper():
            h.title_block, h.type_name = b, plain
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
        if h.title_block is not None and b is not h.title_block and b not in h.subject_blocks \
                and _FIRST_SECTION.match(text):
            break
    return h
