"""Number-format kinds, built on `checker.figures`: malformed grouping, English separators, spacing in
ranges and percentages, shares above 100%, 4-digit counts without the thousands dot.

Numbers that are not quantities are left alone: years, document symbols, dates, times ("7.30",
"7h30"), phone numbers, versions and article numbers ("Điều 5.2", "khoản 1.2").
"""

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from ..document import Block, Document
from ..issues import Severity
from ..validation import FORBID
from .base import Check, Context, Finding, register
from .grouping import places_text, related_of, summarise
from .shared import block_figures, block_references, doc_body_blocks, figures_by_block

_NOT_COUNT_WORDS = (
    "Điều|điều|khoản|Khoản|điểm|Điểm|mục|Mục|tiểu mục|phiên bản|version|v|ver|số hiệu|mã|Mã|"
    "ĐT|Tel|tel|điện thoại|Điện thoại|Fax|fax|hotline|Hotline|lúc|Lúc|từ lúc|vào lúc|giờ|Zalo|"
    "phụ lục|Phụ lục|biểu|Biểu|bảng|Bảng|mẫu|Mẫu|chương|Chương|tiêu chí|Tiêu chí|chỉ tiêu số|QCVN|TCVN|ISO"
).split("|")
_NOT_COUNT_ENDINGS = tuple(_NOT_COUNT_WORDS)


def _not_count_before(before: str) -> bool:
    r"""`before` ends with one of the words, then optional spaces, ':' or '.', spaces: the regex
    `(?:WORDS)\s*[:.]?\s*$` (searched), without trying the alternation at every position."""
    u = before.rstrip()
    if u.endswith(_NOT_COUNT_ENDINGS):
        return True
    return u.endswith((":", ".")) and u[:-1].rstrip().endswith(_NOT_COUNT_ENDINGS)


_TIME_AFTER = re.compile(r"^\s*(?:giờ|phút|h\b|sáng|chiều|tối|AM|PM)", re.IGNORECASE)


def block_numbers(ctx: Context, block: Block):
    from ..figures import numbers

    return ctx.memo(("numbers", block.index), lambda: numbers(block.text))


_F = None


def _number_tokens(text: str):
    """(token, start, end) of every number token of `figures.numbers(text)`, without building the Number
    objects (most callers only look at a few of them)."""
    global _F
    if _F is None:
        from .. import figures as F

        _F = F
    for m in _F._NUM_RE.finditer(text):
        s = m.start()
        if s > 0 and (text[s - 1].isalpha() or text[s - 1] == "_"):
            continue
        yield m.group(), s, m.end()


def protected_spans(ctx: Context, block: Block) -> list[tuple[int, int]]:
    """Spans whose digits are not quantities: document symbols, dates, periods, year spans."""
    def compute():
        spans = [(r.start, r.end) for r in block_references(ctx, block)]
        for f in block_figures(ctx, block):
            if f.kind in ("date", "period", "year_span", "yearspan"):
                spans.append((f.start, f.end))
        for m in _PROTECTED_EXTRA.finditer(block.text):
            spans.append(m.span())
        return spans

    return ctx.memo(("protected", block.index), compute)


def _protected_index(ctx: Context, block: Block) -> tuple[list[int], list[int]]:
    """`protected_spans` sorted by start, with the largest end among the spans starting at or before each:
    whether a span holds [start, end) is one bisection, not a scan of every span of the block."""
    def compute():
        starts, reach, best = [], [], -1
        for s, e in sorted(protected_spans(ctx, block)):
            best = max(best, e)
            starts.append(s)
            reach.append(best)
        return starts, reach

    return ctx.memo(("protected-index", block.index), compute)


_NON_DIGITS = re.compile(r"\D")
# (a dotted version is tried only from the start of a run of numbers and never backtracks: tried from
# every dot of a long "1.2.3.4…" it was quadratic in the run's length)
_PROTECTED_EXTRA = re.compile(r"\b\d{1,2}[h:]\d{2}\b|\b(?<!\d\.)\d++(?:\.\d++){2,}+(?=\s*(?:phiên bản|version))")
# a unit typed right after its number ("4.180m2", "3.923.7448g", "2.356kg"): the number is a quantity, not
# part of a code ("5.2a", "QL1A")
_UNIT_GLUED = re.compile(r"(?:km2|km²|m2|m²|m3|m³|kWh|kW|MW|km|cm|mm|ha|kg|mg|ml|g|m|l|lít|tấn|tạ|đồng|đ|"
                         r"USD|VNĐ|VND|tỷ|tỉ|triệu|trđ|tr)(?![A-Za-zÀ-ỹĐđ0-9])")


def is_protected(ctx: Context, block: Block, start: int, end: int) -> bool:
    starts, reach = _protected_index(ctx, block)
    k = bisect.bisect_right(starts, start) - 1
    if k >= 0 and reach[k] >= end:  # some span starting at or before `start` ends at or after `end`
        return True
    text = block.text
    if _not_count_before(text[max(0, start - 20):start]):
        return True
    if _TIME_AFTER.match(text[end:end + 8]):
        return True
    token = text[start:end]
    digits = _NON_DIGITS.sub("", token)
    if token.startswith("0") and len(digits) >= 9:  # phone numbers "0913.456.789"
        return True
    # part of a longer dotted/slashed code: "1.2.3.4", "A1.23", "QL.1A"
    if start > 0 and (text[start - 1].isalpha() or text[start - 1] in "/-_"):
        return True
    if end < len(text) and (text[end].isalpha() and text[end] not in "%" and not text[end:end + 1].isspace()):
        # "5.2a", but not a unit glued to the number ("4.180m2" is a quantity)
        if not _UNIT_GLUED.match(text, end):
            return True
    return False


def _quantity_numbers(figs):
    """(number, context kind, unit) for every number in a percent, a quantity, a ratio or a pair of the
    block's figures `figs`."""
    for f in figs:
        k = f.kind
        if k == "percent":
            yield f.number, "percent", "%"
        elif k == "quantity":
            yield f.number, "quantity", f.unit
        elif k == "ratio":
            yield f.num, "ratio", f.noun
            yield f.den, "ratio", f.noun
        elif k == "pair":
            yield f.actual, "pair", None
            yield f.target, "pair", None
        elif k == "number":
            yield f, "number", None


def doc_uses_vi_style(ctx: Context, doc: Document) -> tuple[int, str | None]:
    """How many numbers are written the Vietnamese way (1.234 / 85,17), and one example."""
    def compute():
        n, example = 0, None
        parts = None
        for b in doc_body_blocks(ctx):
            for tok, s, e in _number_tokens(b.text):
                parts = parts or _F._number_parts
                _, style, malformed = parts(tok)
                if style == "vi" and not malformed and not is_protected(ctx, b, s, e):
                    n += 1
                    example = example or tok
        return n, example

    return ctx.memo("vi_style", compute)


_SYMBOL_AFTER = re.compile(r"/[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*")


# --- NF001 malformed numbers -----------------------------------------------------------------------

_MULTI_GROUP = re.compile(r"\d{1,3}(?:[.,]\d{1,4}){2,}")
_OUTLINE_LABEL = re.compile(r"\d{1,2}(?:\.\d{1,2})+")
# "Cụm công nghiệp Phú Thịnh 1,2,3", "các khoản 2,3,5": numbered names or items listed without spaces,
# not a number (every group of one or two digits, at least two commas)
_ENUMERATION = re.compile(r"\d{1,2}(?:,\d{1,2}){2,}")
_GLUED_MALFORMED = re.compile(r"(?<![\w.,/])(\d{1,3}(?:\.\d{1,4}){2,})(?=[A-Za-zÀ-ỹĐđ²³])")
_GLUED_HINT = re.compile(r"\.\d{1,4}[A-Za-zÀ-ỹĐđ²³]")  # the end of every _GLUED_MALFORMED match, led by a "."


def decimal_point(text: str) -> bool:
    """A number written with an English decimal point: one dot, then one, two or four-plus digits, no comma
    ("16.5", "98.38"); "12.500" is Vietnamese thousands and "1.23.456" is malformed."""
    from ..figures import parse_number

    if "," in text or text.count(".") != 1:
        return False
    n = parse_number(text)
    return n is not None and n.style == "en" and not n.malformed


# Nouns of things that come whole: a decimal point before one ("5.15 cuộc") is a malformed count (NF001),
# not an English decimal (NF002). Both rules read this list (a rule file may give its own).
INDIVISIBLE = (
    "hộ", "người", "đảng viên", "hội viên", "đoàn viên", "cuộc", "lượt", "lượt người", "học sinh",
    "sinh viên", "trường hợp", "việc", "vụ", "con", "liều", "lao động", "cán bộ", "công chức", "viên chức",
    "em", "cháu", "hồ sơ", "đơn", "bài", "tin", "doanh nghiệp", "hợp tác xã", "phiếu", "xã", "phường",
    "thôn", "ấp", "bản", "tổ", "chi bộ", "đảng bộ", "cơ sở", "đơn vị", "tổ chức", "hội nghị", "lớp",
    "đồng chí", "cái", "chiếc", "quả", "văn bản", "giấy phép", "thẻ", "sổ", "trường", "công trình", "dự án",
    "mô hình", "sản phẩm", "nhà", "căn", "gia đình", "đối tượng", "bị can", "vụ án", "buổi", "đợt",
    "câu lạc bộ", "điểm mỏ",
)


@dataclass(slots=True, kw_only=True)
class MalformedParams:
    """Counting nouns of things that come whole: a decimal point before one is a malformed count."""

    __pydantic_config__ = FORBID
    indivisible: tuple[str, ...] = INDIVISIBLE


@register("malformed-number")
class MalformedNumber(Check):
    """Numbers that read right in no convention. A number written with a decimal point ("16.5 điểm",
    "2.5 lần") is NF002's, one diagnosis for every decimal point; only before a noun of things that come
    whole ("5.15 cuộc", "7.25 hộ") is it a malformed count."""

    Params = MalformedParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        index = figures_by_block(ctx)
        whole = set(self.params.indivisible)
        for b in doc_body_blocks(ctx):
            figs = index.get(b.index)
            seen = set()
            if figs and any(q[0].malformed for q in _quantity_numbers(figs)):
                for num, where, unit in _quantity_numbers(figs):
                    if (num.start, num.end) in seen:
                        continue
                    seen.add((num.start, num.end))
                    if not num.malformed:
                        continue
                    if decimal_point(num.text):
                        if unit in whole:  # "5.15 cuộc": no fraction of a session, no thousands either
                            yield Finding(b, num.start, num.end, variant="count",
                                          args={"number": num.text, "expected": "", "unit": unit})
                        continue  # a decimal point ("16.5 điểm"): NF002
                    if _ENUMERATION.fullmatch(num.text):
                        continue
                    if is_protected(ctx, b, num.start, num.end):
                        continue
                    if where == "number" and not _MULTI_GROUP.fullmatch(num.text):
                        continue  # a bare "5.15" may be a time, a version or a code; a bare "1.23.456" is not
                    if where == "number" and _OUTLINE_LABEL.fullmatch(num.text):
                        continue  # an outline label "3.3.1" or a clause number, not a quantity
                    sym = _SYMBOL_AFTER.match(b.text, num.end)
                    if sym:  # "71.2.2024/NQ-CP": the number of a document symbol, not a quantity
                        m = re.fullmatch(r"(.+)\.((?:19|20)\d\d)", num.text)
                        fixed = f"{m.group(1)}/{m.group(2)}{sym.group(0)}" if m else ""
                        yield Finding(b, num.start, sym.end(), variant="symbol" if fixed else "symbol_unknown",
                                      args={"number": num.text + sym.group(0), "expected": fixed},
                                      expected=fixed or None)
                        continue
                    yield Finding(b, num.start, num.end, args={"number": num.text, "expected": ""})
            # a malformed number glued to its unit ("3.923.7448g"), which the grammar reads as no figure
            if "." in b.text and _GLUED_HINT.search(b.text):
                for m in _GLUED_MALFORMED.finditer(b.text):
                    s, e = m.span(1)
                    if (s, e) in seen or not _UNIT_GLUED.match(b.text, e) or not _malformed_token(m.group(1)):
                        continue
                    if _OUTLINE_LABEL.fullmatch(m.group(1)) or is_protected(ctx, b, s, e):
                        continue
                    seen.add((s, e))
                    yield Finding(b, s, e, args={"number": m.group(1), "expected": ""})


def _malformed_token(text: str) -> bool:
    from ..figures import parse_number

    n = parse_number(text)
    return n is not None and n.malformed


# --- NF002 English separators ----------------------------------------------------------------------

@dataclass(slots=True, kw_only=True)
class EnglishParams:
    """Nouns that count things, after which '1,234' cannot be a decimal; how many findings in running
    text before they are summed up as one; how many English numbers make a table's own finding."""

    __pydantic_config__ = FORBID
    count_nouns: tuple[str, ...] = ("hộ", "người", "đảng viên", "hội viên", "đoàn viên", "cuộc", "lượt", "lượt người",
                              "học sinh", "trường hợp", "việc", "vụ", "con", "liều", "lao động", "cán bộ", "em",
                              "cháu", "hồ sơ", "đơn", "bài", "tin", "doanh nghiệp", "hợp tác xã", "phiếu")
    indivisible: tuple[str, ...] = INDIVISIBLE  # before these a decimal point is NF001's ("5.15 cuộc")
    summarise_after: int = 3  # more findings than this in running text: one finding for the document
    table_min: int = 2  # a table with this many English numbers and no Vietnamese decimal: one finding


_NUMBER_CELL = re.compile(r"[-+]?\s*(\d{1,3}(?:[.,]\d+)*|\d+(?:[.,]\d+)?)\s*%?")


@register("english-separators")
class EnglishSeparators(Check):
    """One diagnosis for a decimal point (or comma thousands) in a Vietnamese document, in running text and
    in tables alike. A table written wholly the English way gets one finding for the table; running text
    with many gets one finding for the document, naming the places."""

    Params = EnglishParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        tables, handled = self._tables(doc, ctx)
        prose = list(self._prose(doc, ctx, handled))
        yield from tables
        yield from summarise(prose, lang=ctx.lang, variant="many", threshold=self.params.summarise_after)

    def _english(self, text: str, where: str, unit: str | None) -> bool:
        from ..figures import is_count_unit, parse_number

        n = parse_number(text)
        if n is None:
            return False
        if n.style == "en" and not n.malformed:
            if where not in ("percent", "quantity", "pair", "ratio", "cell"):
                return "," in text and "." in text  # a bare "5.15" may be a time, a version, a label
            return not (decimal_point(text) and unit in self.params.indivisible)  # "5.15 cuộc" is NF001's
        if n.style == "ambiguous" and where == "quantity" and (unit in self.params.count_nouns
                                                                 or is_count_unit(unit)):
            return bool(_EN_GROUPED.fullmatch(text))  # "12,500 hộ": no fraction of a household
        return False

    def _finding(self, ctx: Context, doc: Document, b: Block, start: int, end: int, text: str) -> Finding:
        vi_count, vi_example = doc_uses_vi_style(ctx, doc)
        expected = _to_vi(text)
        return Finding(b, start, end, variant="mixed" if vi_count else "default",
                       args={"number": text, "expected": expected, "example": vi_example or ""},
                       expected=expected, actual=text)

    def _prose(self, doc: Document, ctx: Context, handled: set[int]) -> Iterable[Finding]:
        index = figures_by_block(ctx)
        for b in doc_body_blocks(ctx):
            if b.index in handled:
                continue
            figs = index.get(b.index)
            if not figs:
                continue
            seen = set()
            for num, where, unit in _quantity_numbers(figs):
                if num.style not in ("en", "ambiguous"):
                    continue  # never English (every Number of one span has the style of its text)
                if (num.start, num.end) in seen:
                    continue
                seen.add((num.start, num.end))
                if not self._english(num.text, where, unit) or is_protected(ctx, b, num.start, num.end):
                    continue
                yield self._finding(ctx, doc, b, num.start, num.end, num.text)

    def _tables(self, doc: Document, ctx: Context) -> tuple[list[Finding], set[int]]:
        """Findings for the figure cells of tables (the STT, label and unit columns left out), and the
        blocks they cover: one per table written wholly the English way, else one per English cell."""
        from ..tablegrid import document_grids

        out: list[Finding] = []
        handled: set[int] = set()
        for g in document_grids(doc, ctx):
            english: list[Finding] = []
            vietnamese = 0
            rows = list(g.data_rows())
            skip = {g.stt_col, g.label_col, g.unit_col} | {c for c in range(1, g.n_cols + 1) if _stt_like(g, rows, c)}
            for r in rows:
                for c in range(1, g.n_cols + 1):
                    cell = g.at(r, c)
                    if cell is None or c in skip:
                        continue
                    text = cell.text
                    m = _NUMBER_CELL.fullmatch(text.strip())
                    if m is None:
                        continue
                    handled.add(cell.block.index)
                    token = m.group(1)
                    start = cell.start + text.index(token)
                    if self._english(token, "cell", None):
                        english.append(self._finding(ctx, doc, cell.block, start, start + len(token), token))
                    elif "," in token and parse_style(token) == "vi":
                        vietnamese += 1
            if len(english) >= self.params.table_min and not vietnamese:
                first = english[0]
                first.variant = "table"
                first.args.update(count=len(english), table=g.number,
                                  places=places_text((f.block for f in english), ctx.lang))
                first.related = related_of(english[1:])
                out.append(first)
            else:
                out.extend(english)
        return out, handled


def _stt_like(g, rows, c: int) -> bool:
    """A column of outline numbers ("1.", "2.1.", "3.2", "a"): an STT column the grid did not name as one."""
    from ..tablegrid import stt_level

    texts = [t for r in rows if (t := g.text(r, c).strip())]
    if not texts:
        return False
    dotted = sum(1 for t in texts if re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*\.?", t))
    return dotted >= 2 and sum(1 for t in texts if stt_level(t)) >= 0.6 * len(texts) \
        and any(t.endswith(".") or re.fullmatch(r"\d{1,2}", t) for t in texts)


def parse_style(text: str) -> str | None:
    """The convention a number token is written in ("vi", "en", "plain", "ambiguous"); None if not one."""
    from ..figures import parse_number

    n = parse_number(text)
    return None if n is None else n.style


_EN_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")


def _to_vi(text: str) -> str:
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


# --- NF003 spacing in ranges and percentages -------------------------------------------------------

_RANGE = re.compile(r"(?<![\d.,/])(\d+(?:[.,]\d+)?)(\s*)([-–])(\s*)(\d+(?:[.,]\d+)?)(\s*%)?")
_PCT_SPACE = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)(\s+)%")
# Quick necessary conditions. A pattern led by a literal character lets the regex engine skip straight to
# where that character occurs; a leading look-behind or character class is tried at far more positions.
_TIGHT_PCT = re.compile(r"%(?<=\d%)")  # a "%" right after a digit: as many matches as r"\d%"
_PCT_SPACE_HINT = re.compile(r"%(?<=\s%)")  # a space before a "%": in every _PCT_SPACE match
# Every _RANGE match holds a dash, spaces, a digit (found by one of two literal-led scans), and a digit,
# spaces, a dash, spaces, a digit (a class-led scan, slower, but still far quicker than _RANGE's).
_HYPHEN_DIGIT = re.compile(r"-\s*\d")
_EN_DASH_DIGIT = re.compile(r"–\s*\d")
_RANGE_HINT = re.compile(r"\d\s*[-–]\s*\d")


# A stray space inside a number, at its decimal comma, before a unit: "17, 66%", "2, 356kg", "17 ,66 ha"
# (the same number without the space, or with a space before its unit, is read as one number)
_INNER_SPACE = re.compile(
    r"(?<![\d.,])(?<![\d.,]\s)(\d{1,3})(?:\s+,\s*|,\s+)(\d{1,3})(?![\d.,])(?=\s?(?:%|(?:km2|km²|m2|m²|m3|m³|"
    r"km|cm|mm|ha|kg|mg|g|m|l|lít|tấn|tạ|tỷ|tỉ|triệu|nghìn|ngàn|đồng|USD|kWh|kW|MW)(?![A-Za-zÀ-ỹĐđ0-9])))")
_INNER_HINT = re.compile(r"\d(?:\s+,|,\s+)\d")
_LIST_AFTER = re.compile(r"\s*(?:,|;|và|hoặc|đến|-|–)\s*\d")
_LIST_BEFORE = re.compile(r"\d\s*[,;]\s*$")
_LABEL_BEFORE = re.compile(r"(?:\b(?:tháng|ngày|năm|quý|quí|số|lần|khóa|khoá|đợt|thứ|lớp|tổ|ấp|thôn|khu|"
                           r"Tháng|Ngày|Năm|Quý|Số|Lần)|[/:])\s*$")


@dataclass(slots=True, kw_only=True)
class SpacingParams:
    """How many range findings in a document before they are summed up as one."""

    __pydantic_config__ = FORBID
    summarise_after: int = 3


@register("number-spacing")
class NumberSpacing(Check):
    """Asymmetric spaces around the dash of a range ("63 -96%"), a stray space inside a number at its
    decimal comma ("17, 66%"), a space before "%" where the document otherwise writes "x%" without one
    (one finding for the document: a habit, fixed with one search-and-replace)."""

    Params = SpacingParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        blocks = doc_body_blocks(ctx)
        tight = spaced = 0
        for b in blocks:
            if "%" not in b.text:
                continue  # both counts need a "%"
            tight += len(_TIGHT_PCT.findall(b.text))
            if _PCT_SPACE_HINT.search(b.text):
                spaced += len(_PCT_SPACE.findall(b.text))
        percent = bool(spaced and tight > spaced)
        ranges, inner, percents = [], [], []
        for b in blocks:
            text = b.text
            if (_HYPHEN_DIGIT.search(text) or _EN_DASH_DIGIT.search(text)) and _RANGE_HINT.search(text):
                for m in _RANGE.finditer(text):
                    left, right = m.group(2), m.group(4)
                    if (left == "") == (right == ""):
                        continue
                    if is_protected(ctx, b, m.start(1), m.end(5)) and not m.group(6):
                        continue
                    s = m.start(1)
                    e = m.end(6) if m.group(6) else m.end(5)
                    ranges.append(Finding(b, s, e, variant="range", args={"text": text[s:e]}))
            if _INNER_HINT.search(text):
                inner.extend(self._inner(ctx, b))
            if percent and "%" in text and _PCT_SPACE_HINT.search(text):
                for m in _PCT_SPACE.finditer(text):
                    percents.append(Finding(b, m.start(1), m.end(), variant="percent", args={"text": m.group(0)},
                                            severity=_info()))
        found = summarise(ranges, lang=ctx.lang, variant="range_many", threshold=self.params.summarise_after)
        found += inner
        found += summarise(percents, lang=ctx.lang, variant="percent_many")
        found.sort(key=lambda f: (f.block.index, f.start))
        yield from found

    def _inner(self, ctx: Context, b: Block) -> Iterable[Finding]:
        text = b.text
        for m in _INNER_SPACE.finditer(text):
            s, e = m.start(1), m.end(2)
            if _LIST_BEFORE.search(text, 0, s) or _LIST_AFTER.match(text, e):
                continue  # "12, 17, 66 ha", "17, 66 và 70%": a list of numbers
            if _LABEL_BEFORE.search(text, max(0, s - 12), s) or is_protected(ctx, b, s, s + len(m.group(1))):
                continue  # "tháng 10, 66% số hộ": a month, then another number
            written = text[s:e]
            expected = f"{m.group(1)},{m.group(2)}"
            yield Finding(b, s, e, variant="inner", args={"text": written, "expected": expected},
                          expected=expected, actual=written)


def _info():
    from ..issues import Severity

    return Severity.INFO


# --- NF004 share above 100% ------------------------------------------------------------------------

@register("share-over-100")
class ShareOver100(Check):
    @dataclass(slots=True, kw_only=True)
    class Params:
        """Words that make a percentage a share of a whole, and how far before it they may stand."""

        __pydantic_config__ = FORBID
        words: tuple[str, ...] = ("chiếm",)
        max_gap: int = 12  # characters between the word and the percentage

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        words = set(self.params.words)
        index = figures_by_block(ctx)
        for b in doc_body_blocks(ctx):
            figs = index.get(b.index, ())
            for i, f in enumerate(figs):
                if f.kind != "link" or f.word not in words:
                    continue
                nxt = figs[i + 1] if i + 1 < len(figs) else None
                if nxt is None or nxt.start - f.end > self.params.max_gap:
                    continue
                if nxt.kind == "percent":
                    num = nxt.number
                elif nxt.kind == "pair" and b.text[nxt.end - 1:nxt.end] == "%":
                    num = nxt.actual
                else:
                    continue
                if num.value > Decimal(100):
                    if _COMPARED.match(b.text, nxt.end):
                        # "chiếm 102% kế hoạch": a comparison worded as a share; the figure may be right
                        yield Finding(b, nxt.start, nxt.end, variant="comparison", severity=Severity.WARNING,
                                      args={"word": f.word, "value": nxt.text}, actual=nxt.text)
                        continue
                    yield Finding(b, nxt.start, nxt.end, args={"word": f.word, "value": nxt.text},
                                  actual=nxt.text)


_COMPARED = re.compile(r"\s*(?:so\s+với|kế\s+hoạch|KH\b|chỉ\s+tiêu|dự\s+toán|cùng\s+kỳ|mục\s+tiêu|nghị\s+quyết)",
                       re.IGNORECASE)


# --- NF005 4-digit counts without the thousands dot -----------------------------------------------

_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_BARE_COUNT = re.compile(r"[1-9]\d{3,}")
_TEAM_BEFORE = re.compile(r"(?:Đoàn|Tổ|Ban|đoàn|tổ)\b(?!\s+chức)[^,.;:]{0,25}$")  # not "tổ chức 1260 lượt"


@register("missing-thousands-separator")
class MissingThousandsSeparator(Check):
    @dataclass(slots=True, kw_only=True)
    class Params:
        """How many grouped numbers a document needs before it is held to grouping."""

        __pydantic_config__ = FORBID
        min_grouped: int = 2  # grouped numbers (1.234) the document needs before it is held to the style

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        blocks = doc_body_blocks(ctx)
        grouped, need = 0, self.params.min_grouped
        for b in blocks:
            if grouped >= need:
                break  # only "at least min_grouped" matters
            for tok, s, e in _number_tokens(b.text):
                if _GROUPED.fullmatch(tok) and not _F._number_parts(tok)[2] and not is_protected(ctx, b, s, e):
                    grouped += 1
        if grouped < need:
            return
        # one habit, one finding: the first place, with the count and the others (one search-and-replace)
        yield from summarise(list(self._bare(blocks, ctx)), lang=ctx.lang, variant="many")

    def _bare(self, blocks: list[Block], ctx: Context) -> Iterable[Finding]:
        index = figures_by_block(ctx)
        for b in blocks:
            for f in index.get(b.index, ()):
                if f.kind != "quantity":
                    continue
                n = f.number
                if not _BARE_COUNT.fullmatch(n.text) or is_protected(ctx, b, n.start, n.end):
                    continue
                if f.unit in ("năm",) or (1900 <= int(n.text) <= 2100 and len(n.text) == 4):
                    continue  # a year far more often than a count
                if not f.unit or len(f.text) - len(n.text) - len(f.unit) > 2:
                    continue  # the unit must follow the number ("1487 lần"), not a later noun
                if _TEAM_BEFORE.search(b.text[max(0, n.start - 30):n.start]):
                    continue  # "Đoàn kiểm tra 1140": a team named after its decision number
                expected = f"{int(n.text):,}".replace(",", ".")
                yield Finding(b, n.start, n.end, args={"number": n.text, "expected": expected},
                              expected=expected, actual=n.text)
