"""Citations of other documents: "Kế hoạch số 139-KH/HU ngày 26/6/2023", "Kế hoạch số 28/KH-UBND",
"Nghị định số 30/2020/NĐ-CP", "Công văn số 123/UBND-VP".

`find_references(text)` returns every symbol in the text, in order, with the type word written
before it (when there is one), the parts of the symbol, the date written right after it and the
issuing body named after that ("của Ban Thường vụ Tỉnh ủy"). Shapes:

- party:  NUMBER-TYPE/ISSUER          139-KH/HU, 08-QĐi/TW, 147-CTHĐ/TU
- state:  NUMBER/TYPE-ISSUER          28/KH-UBND, 06/QĐ-TTg
- cv:     NUMBER/ISSUER-UNIT          123/UBND-VP (a state công văn: no type code)
- legal:  NUMBER/YEAR/TYPE-ISSUER     30/2020/NĐ-CP;  NUMBER/YEAR/BODY  59/2020/QH14

Regular expressions only (the shapes are rigid); never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_UP = "A-ZĐÂĂÊÔƠƯ"
_CODE = rf"[{_UP}][A-Za-zĐđ]{{0,5}}"
_ORG = rf"[{_UP}][{_UP}a-zđ0-9]{{0,14}}"

# Type words, longest first so that "Chương trình hành động" wins over "Chương trình".
TYPE_WORDS = (
    "Chương trình hành động", "Thông tư liên tịch", "Nghị quyết liên tịch", "Nghị quyết", "Nghị định",
    "Quyết định", "Quy định", "Quy chế", "Chỉ thị", "Kết luận", "Hướng dẫn", "Kế hoạch", "Chương trình",
    "Đề án", "Phương án", "Dự án", "Thông báo", "Thông tri", "Thông tư", "Thông cáo", "Báo cáo",
    "Tờ trình", "Công văn", "Công điện", "Biên bản", "Hợp đồng", "Giấy mời", "Luật", "Pháp lệnh",
)

_SYMBOL = re.compile(
    rf"""(?<![\w/.-])(?:
        (?P<l_num>\d{{1,5}}(?:\.\d{{1,2}})?)/(?P<l_year>(?:19|20)\d\d)/(?:(?P<l_code>{_CODE})-(?P<l_org>{_ORG}(?:-{_ORG})*)|(?P<l_body>{_ORG}))
      | (?P<p_num>\d{{1,6}})-(?P<p_code>{_CODE})/(?P<p_org>{_ORG}(?:-{_ORG})?)
      | (?P<s_num>\d{{1,6}})/(?P<s_code>{_CODE})-(?P<s_org>{_ORG}(?:-{_ORG})*)
    )(?![\w/])""",
    re.VERBOSE,
)
_TYPE_BEFORE = re.compile(
    r"(?P<word>" + "|".join(re.escape(w) for w in TYPE_WORDS) + r")(?P<tail>\s+số:?|\s+số\s+hiệu)?\s*$",
    re.IGNORECASE,
)
_DATE_AFTER = re.compile(
    r"^\s*,?\s*(?:\(|ban hành\s+|được ban hành\s+)?(?:ngày|ngay)\s+"
    r"(?P<d>\d{1,2})\s*(?:/|-|\.|\s+tháng\s+)(?P<m>\d{1,2})\s*(?:/|-|\.|\s+năm\s+)(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
_ISSUER_AFTER = re.compile(r"^\s*,?\s*(?:của|do)\s+(?P<org>[^,;:.()“”\"]{2,80})")


@dataclass(frozen=True, slots=True)
class Reference:
    """A document symbol as cited ('139-KH/HU', '28/KH-UBND') and its parts."""

    text: str  # the symbol as written, e.g. "139-KH/HU"
    start: int
    end: int
    shape: str  # "party" | "state" | "cv" | "legal"
    number: int
    type_code: str | None  # "KH"; None for a công văn or a law ("59/2020/QH14")
    issuer: str  # "HU", "UBND", "NĐ-CP" → "CP"
    year: int | None = None  # legal documents
    type_word: str | None = None  # "Kế hoạch" as written before the symbol
    type_start: int | None = None
    date: tuple[int, int, int] | None = None  # (day, month, year) written right after
    date_start: int | None = None
    date_end: int | None = None
    issuer_text: str | None = None  # "Ban Thường vụ Tỉnh ủy" after "của"

    @property
    def key(self) -> str:
        """Identity of the cited document, independent of spacing/case: "139-KH/HU"."""
        return self.text.upper().replace(" ", "")

    @property
    def cite_start(self) -> int:
        return self.type_start if self.type_start is not None else self.start


def _issuer_text(rest: str) -> str | None:
    m = _ISSUER_AFTER.match(rest)
    if not m:
        return None
    org = m.group("org").strip()
    # stop at the subject: "của Ban Bí thư về tiếp tục …", "của Tỉnh ủy Hậu Giang thực hiện …"
    org = re.split(r"\s+(?:về|thực hiện|triển khai|với|trong|nhằm|đối với|và|tại|đã|ban hành)\s", org + " ")[0]
    return org.strip() or None


# Every symbol holds a "/" followed by an upper-case letter (the type code of "28/KH-UBND", the issuer of
# "139-KH/HU", the code after the year of "30/2020/NĐ-CP"): a quick scan (the regex engine skips to the
# slashes) that rules out almost every sentence, dates included, before `_SYMBOL` is tried.
_SYMBOL_HINT = re.compile(rf"/[{_UP}]")

# Where a symbol can start: a run of digits that begins a token (the look-behind of `_SYMBOL`), then
# ".dd" maybe, then "/" or "-". Every `_SYMBOL` match starts where this matches; led by a digit, it is
# scanned for quickly, while `_SYMBOL`'s leading look-behind is tried at every position of the text.
_SYMBOL_START = re.compile(r"\d(?<![\w/.-]\d)\d*(?:\.\d{1,2})?[/-]")


def _symbols(text: str):
    """The matches of `_SYMBOL.finditer(text)`: `_SYMBOL` is tried only where `_SYMBOL_START` matches."""
    hint, symbol = _SYMBOL_START.search, _SYMBOL.match
    pos = 0
    while True:
        h = hint(text, pos)
        if h is None:
            return
        m = symbol(text, h.start())
        if m is None:
            pos = h.start() + 1
            continue
        yield m
        pos = m.end()  # a symbol is never empty


@lru_cache(maxsize=4096)
def find_references(text: str) -> tuple[Reference, ...]:
    out: list[Reference] = []
    if _SYMBOL_HINT.search(text) is None:
        return ()
    try:
        for m in _symbols(text):
            g = m.groupdict()
            if g["l_num"]:
                shape, num, year = "legal", g["l_num"], int(g["l_year"])
                code, org = g["l_code"], g["l_org"] or g["l_body"]
            elif g["p_num"]:
                shape, num, year, code, org = "party", g["p_num"], None, g["p_code"], g["p_org"]
            else:
                shape, num, year, code, org = "state", g["s_num"], None, g["s_code"], g["s_org"]
            if shape == "state" and code.isupper() and code not in _state_codes():
                shape, org, code = "cv", f"{code}-{org}", None  # "123/UBND-VP": a công văn
            before = text[max(0, m.start() - 40):m.start()]
            tb = _TYPE_BEFORE.search(before)
            type_word = type_start = None
            if tb:
                type_word = tb.group("word")
                type_start = m.start() - len(before) + tb.start()
            rest = text[m.end():m.end() + 120]
            date = dstart = dend = None
            dm = _DATE_AFTER.match(rest)
            if dm:
                date = (int(dm.group("d")), int(dm.group("m")), int(dm.group("y")))
                dstart = m.end() + dm.start("d")
                dend = m.end() + dm.end("y")
                rest = text[dend:dend + 120]
            out.append(Reference(m.group(0), m.start(), m.end(), shape, int(num.split(".")[0]), code, org, year,
                                 type_word, type_start, date, dstart, dend, _issuer_text(rest)))
    except Exception:  # pragma: no cover - a parser of user text must never raise
        return tuple(out)
    return tuple(out)


@lru_cache(maxsize=1)
def _state_codes() -> frozenset[str]:
    try:
        table = document_types()
    except Exception:
        return frozenset()
    return frozenset(c for t in table["types"] for c in t.get("state", []) + t.get("legal", []))


def document_types() -> dict:
    from .rules import load_data_table

    return load_data_table("document_types")


def codes_for(type_word: str, shape: str) -> tuple[str, ...] | None:
    """The type codes allowed after `type_word` for a symbol of `shape`; None when the word is unknown."""
    wanted = type_word.lower()
    for t in document_types()["types"]:
        if t["word"].lower() == wanted:
            key = {"party": "party", "state": "state", "legal": "legal", "cv": "state"}[shape]
            codes = t.get(key)
            if key == "legal" and codes is None:
                codes = t.get("state")
            return tuple(codes or ())
    return None
