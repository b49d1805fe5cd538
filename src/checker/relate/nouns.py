"""Counting nouns of bare numbers: "10 bị án", "58 hợp tác xã" become counts of that noun, and two counts
of one noun across a slash ("3.200 con/ 3.200 con") a ratio of it."""

import re

from .. import figures as F

_NOUN_AFTER = re.compile(r"[ \t]+([^\W\d_]+(?:[ \t][^\W\d_]+)?)")
_NOT_NOUN = re.compile(r"(?:và|hoặc|của|là|với|trong|theo|tại|đến|từ|cho|được|có|đã|số)\b", re.I)


# counting nouns of three or more syllables (the two-syllable reading would cut them)
_LONG_NOUN = re.compile(r"(?i:hợp tác xã|cấp ủy viên|cấp uỷ viên|tổ hợp tác|tổ dân phố|khu dân cư|câu lạc bộ|nhà văn hóa|nhà văn hoá|tổ chức đảng"
                        r"|tổ chức cơ sở đảng|chi bộ cơ sở|đảng bộ cơ sở|giấy chứng nhận|giấy phép xây dựng"
                        r"|đơn vị hành chính|tổ chức đoàn|cơ sở giáo dục|cơ sở y tế|hộ gia đình|tổ tự quản)(?!\w)")
ORDINAL_BEFORE = re.compile(r"(?:(?<!tổng )(?<!Tổng )(?<!TỔNG )số|ấp|khóa|khoá|đợt|lần|lần thứ|thứ|cấp|loại|hạng|tổ|khu|phòng|điều|khoản|mục|tiêu chí|(?<!\w)đủ"
                            # a document or a programme named by its number ("Đề án 06", "Chương trình 135")
                            r"|(?<!\w)(?:đề án|chỉ thị|nghị quyết|nghị định|thông tư|công văn|tờ trình|kết luận|chương trình"
                            r"|quy định|nhiệm kỳ))\s*$", re.I)
_noun_count_cls = None


def ordinal_before(text: str, f) -> bool:
    """A word before the number makes it an ordinal or a level ("lần thứ 3", "cấp 2"), not a count."""
    ordinal = ORDINAL_BEFORE.search(text[max(0, f.start - 12):f.start])
    if ordinal and ordinal.group().strip().lower() == "cấp" and f.value > 5:
        return False  # "cấp 180 giấy chứng nhận" (issued), not "cấp 2" (a level)
    return bool(ordinal)


def noun_count_cls():
    """A Quantity whose unit is the noun after a bare number (not a unit the grammar knows)."""
    global _noun_count_cls
    if _noun_count_cls is None:
        from dataclasses import dataclass as _dc
    
        @_dc(slots=True, unsafe_hash=True)  # like the figure classes (figures.py)
        class NounCount(F.Quantity):
            pass

        _noun_count_cls = NounCount
    return _noun_count_cls


def with_nouns(text: str, figs: tuple) -> tuple:
    """A bare whole number followed by a word becomes a count of that word ("10 bị án", "12 GCN")."""
    out = []
    for f in figs:
        if isinstance(f, F.Number) and f.decimals == 0 and not f.malformed and f.style in ("plain", "vi"):
            m = _NOUN_AFTER.match(text, f.end)
            if m and not _NOT_NOUN.match(m.group(1)) and not ordinal_before(text, f):
                noun = m.group(1)
                words = noun.split()
                if len(words) == 2 and _NOT_NOUN.fullmatch(words[1]):
                    noun = words[0]
                else:
                    long = _LONG_NOUN.match(text, m.start(1))  # "58 hợp tác xã", not "58 hợp tác"
                    if long:
                        noun = long.group()
                end = m.start(1) + len(noun)
                out.append(noun_count_cls()(text[f.start:end], f.start, end, F.as_count(f), noun.lower()))
                continue
        out.append(f)
    return _slash_counts(text, out)


_SLASH_GAP = re.compile(r"[ \t]*/[ \t]*")


def _slash_counts(text: str, figs: list) -> tuple:
    """"3.200 con/ 3.200 con": two counts of the same noun across a slash are a ratio of that noun
    ("73 vụ/130 bị can", two nouns, stays two counts)."""
    if "/" not in text:  # no slash, no pair of counts across one
        return tuple(figs)
    out = []
    i = 0
    while i < len(figs):
        f = figs[i]
        if i + 1 < len(figs) and isinstance(f, F.Quantity) and isinstance(figs[i + 1], F.Quantity):
            g = figs[i + 1]
            if f.unit == g.unit and F.is_count_unit(f.unit) and _SLASH_GAP.fullmatch(text, f.end, g.start):
                out.append(F.Ratio(text[f.start:g.end], f.start, g.end, F.as_count(f.number), F.as_count(g.number),
                                   f.unit))
                i += 2
                continue
        out.append(f)
        i += 1
    return tuple(out)



# nouns that count people: a breakdown may count them with another classifier ("11 trường hợp, 07 đồng chí")
PERSON_NOUNS = frozenset(["đồng chí", "đảng viên", "trường hợp", "người", "cán bộ", "cá nhân", "quần chúng", "hội viên",
                          "đoàn viên", "học viên", "công chức", "viên chức", "lao động", "bị can", "bị cáo", "đối tượng",
                          "lượt người", "thành viên", "học sinh", "sinh viên", "công dân", "cử tri", "thí sinh",
                          "cấp ủy viên", "cấp uỷ viên", "ủy viên", "uỷ viên", "hộ viên", "thanh niên", "phụ nữ",
                          "cựu chiến binh", "nông dân", "lao động nữ", "bệnh nhân", "người dân", "nhân khẩu",
                          "trẻ em", "trẻ", "người cao tuổi", "người khuyết tật", "phạm nhân", "nạn nhân", "bị án",
                          "học viên", "giáo viên", "y bác sĩ", "bác sĩ", "chiến sĩ", "quân nhân", "công nhân"])


def same_kind(unit: str | None, total_unit: str | None) -> bool:
    """Counts that may be parts of one total: the same noun, one noun and the same noun qualified ("đơn" and
    "đơn thư", "hộ" and "hộ nghèo"), or people counted with another classifier."""
    if unit == total_unit:
        return True
    if unit is None or total_unit is None:
        return False
    if unit in PERSON_NOUNS and total_unit in PERSON_NOUNS:
        return True
    short, long_ = (unit, total_unit) if len(unit) < len(total_unit) else (total_unit, unit)
    return " " not in short and long_.startswith(short + " ")
