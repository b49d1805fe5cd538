"""Organisations and people named in a list: "Đảng bộ xã A, xã B và cá nhân 02 đồng chí Bí thư …", "Chủ tịch, 02 Phó
Chủ tịch và 01 Ủy viên". A name opens with a head word of its class (Đảng ủy, Chi bộ, xã, Phòng…; đồng chí, Bí
thư, Chủ tịch…); a "và" or a comma separates two names only where the next opens like one, so "Phòng Giáo dục và
Đào tạo" stays whole."""

import re

ORG_NOUNS = frozenset(["tổ chức đảng", "tổ chức", "đơn vị", "đảng bộ", "chi bộ", "tập thể", "cơ quan", "tổ chức cơ sở đảng"])
PERSON_COUNT_NOUNS = frozenset(["cá nhân", "đồng chí", "đảng viên", "cán bộ", "người", "thành viên", "ủy viên", "uỷ viên"])
_ORG_HEAD = re.compile(r"(?:[Cc]ơ quan|Đảng bộ|Đảng ủy|Đảng uỷ|Chi bộ|Ban|Ủy ban|Uỷ ban|UBND|UBKT|HĐND|xã|phường|thị trấn|huyện|tỉnh"
                       r"|Phòng|Trường|Trung tâm|Công ty|Hội|Đoàn|Văn phòng|Sở|Chi nhánh|Chi cục|Cục|HTX"
                       r"|Hợp tác xã|tập thể|Tòa án|Viện|Bệnh viện|Trạm|Ấp|ấp|Thôn|thôn|Xã|Phường|Thị trấn)(?!\w)")
_PERSON_HEAD = re.compile(r"(?:(?:[Cc]á nhân\s+)?(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)|[Cc]á nhân|(?:Phó\s+)?(?:Bí thư|Chủ tịch|Giám đốc"
                          r"|Trưởng|Chỉ huy trưởng|Chính trị viên|Chánh|Thủ trưởng|Tổng biên tập)|Ủy viên|Uỷ viên)(?!\w)")
GOM_COLON = re.compile(r"(?<!\w)(?:gồm|gồm có|bao gồm)\s*:", re.I)
_TOPIC = re.compile(r"\s(?:về|trong|do|vì|để|nhằm|với|theo)(?!\w)")
COUNTED_HEAD = re.compile(r"(?:[Cc]á nhân\s+)?(\d{1,2})\s+(?=\S)")


def member_names(segment: str) -> list[str] | None:
    """The names of a "gồm:" segment, each cut before the words that say what it is about; a "và" or "," splits
    two names only where the next one opens like a name ("Phòng Giáo dục và Đào tạo" stays whole)."""
    cut = _TOPIC.search(segment)
    if cut:
        segment = segment[:cut.start()]
    names = [segment.strip(" ,;.")]
    out = []
    for name in names:
        pieces = re.split(r"\s*,\s*|\s+và\s+", name)
        merged: list[str] = []
        for piece in pieces:
            if merged and not (_ORG_HEAD.match(piece) or _PERSON_HEAD.match(piece) or COUNTED_HEAD.match(piece)):
                merged[-1] += " và " + piece  # part of the name before it
            else:
                merged.append(piece)
        out.extend(x for x in merged if x)
    return out or None


def classify_member(name: str) -> tuple[str, int] | None:
    """("org" | "person", how many) of one named item: "xã Hòa An" → ("org", 1), "cá nhân 02 đồng chí Bí thư" →
    ("person", 2), "02 Phó Chủ tịch" → ("person", 2)."""
    m = COUNTED_HEAD.match(name)
    n = 1
    if m:
        n = int(m.group(1))
        rest = name[m.end():]
    else:
        rest = name
    if _PERSON_HEAD.match(rest) or _PERSON_HEAD.match(name):
        return "person", n
    if _ORG_HEAD.match(rest):
        return "org", n
    return None
