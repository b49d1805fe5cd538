"""Figures stated more than once: the same indicator with two values, and counted lists.

`repeated-figure`: "kết nạp 112 đảng viên" in the summary and "kết nạp 115 đảng viên" in the body.
An indicator is the two syllables of action right before a count and the two syllables of counting
noun right after it ("kết nạp" + "đảng viên"). Matching is deliberately narrow: different blocks,
no period that differs, no plan/target/comparison words, no named subject that differs, and an
indicator that takes at most two values in the whole document (one stated per unit in a list of
units is not a repetition). A table cell states an indicator too (`tableindicators.py`): its row label
(or, over a total row, its column header) against the prose of the same period.

`counted-list`: "7 xã (Lý Học, Liên Am, …)" and "gồm 3 nội dung: …" where the items listed are not
as many as the count says. Open lists ("…", "v.v.", "như") and numeric breakdowns (those belong to
the parts-vs-total rule) are left alone; "và" may join two items or be part of one, so either count
is accepted.
"""

import bisect
import re
from dataclasses import dataclass
from typing import Callable, Iterable

from ..document import Block, BlockKind, Document
from ..validation import FORBID
from .base import Check, Context, Finding, register
from .shared import NOT_PLAIN_CASE, body_lows, plain_lower

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _figures():
    from .. import figures

    return figures


def _place(block: Block, lang: str) -> str:
    en = lang == "en"
    if block.table is not None:
        return (f"table {block.table}, row {block.row}, col {block.column}" if en
                else f"bảng {block.table}, hàng {block.row}, cột {block.column}")
    if block.line is not None:
        return f"line {block.line}" if en else f"dòng {block.line}"
    if block.kind is BlockKind.FOOTNOTE and block.note is not None:
        return f"footnote {block.note}" if en else f"chú thích {block.note}"
    return f"paragraph {block.index}" if en else f"đoạn {block.index}"


# --- the same indicator stated twice ----------------------------------------------------------

@dataclass(slots=True, kw_only=True)
class RepeatedParams:
    """Words that make two mentions of a count the same indicator or different ones."""

    __pydantic_config__ = FORBID
    fillers: tuple[str, ...] = ("được", "đã", "mới", "thêm")
    # a count right after these words states what something *is* ("hiện nay là 1.467 đơn vị"): the words
    # before are a subject, not an action, and are not compared
    copulas: tuple[str, ...] = ("là", "có", "gồm", "đạt", "bằng", "chiếm", "còn", "tổng", "số", "với", "cho", "cả", "được")
    # words that make a count relative, planned or partial: never compared
    relative: tuple[str, ...] = ("phải", "đề nghị", "kiến nghị", "chỉ tiêu", "kế hoạch", "phấn đấu", "dự kiến", "mục tiêu", "cùng kỳ", "so với", "tăng",
                           "giảm", "lũy kế", "luỹ kế", "nâng tổng số", "từ đầu năm", "trong đó", "còn lại", "chưa",
                           "không", "đề ra", "giao", "ước", "trên", "dưới", "gần", "khoảng", "hơn", "tối thiểu",
                           "tối đa", "mỗi", "bình quân", "trung bình")
    # words before a number that make it an ordinal, a date or a label, not a count
    not_actions: tuple[str, ...] = ("thứ", "số", "khóa", "khoá", "lần", "năm", "tháng", "ngày", "quý", "điều", "khoản",
                              "mục", "kỳ", "tuần", "giờ", "phút", "tuổi", "hạng", "loại", "cấp", "đợt", "phần",
                              "chương", "bước", "giai", "đoạn", "trang", "phụ", "lục", "mẫu", "nghị", "định",
                              "quyết", "công", "văn", "kế", "hoạch", "và", "hoặc", "từ", "đến", "trong", "gồm",
                              "với", "của", "tại", "các", "những", "có", "là")
    max_values: int = 2  # an indicator seen with more values is a per-unit list, not a repetition
    # organisations named before the action: two mentions naming different ones are different indicators
    org_nouns: tuple[str, ...] = ("chi bộ", "đảng bộ", "đảng ủy", "đảng uỷ", "cơ sở", "ủy ban", "uỷ ban", "ban", "xã",
                            "phường", "thị trấn", "huyện", "tỉnh", "thôn", "tổ", "trường", "phòng", "sở", "hội",
                            "đoàn", "công an", "quân sự", "mặt trận", "cấp", "đơn vị", "cơ quan", "ngành")


_CLAUSE_CUT = re.compile(r"[.;:()\[\]]|,\s")
_SENT_CUT = re.compile(r"[.;!?](?:\s|$)")
_SPACE = re.compile(r"\s")
_NOUN2 = re.compile(r"\s+([^\W\d_]+)\s+([^\W\d_]+)")
_TAIL = re.compile(r"(?:[^\W\d_]+\s+){1,6}$")
_TAIL_REVERSED = re.compile(r"(?:\s+[^\W\d_]+){1,6}")


def _tail_before(text: str, lo: int, end: int) -> str | None:
    """What `_TAIL.search(text, lo, end)` matches (up to six words, each followed by spaces, ending at
    `end`), read backwards from `end` instead of trying the pattern at every position from `lo`."""
    rev = text[lo:end][::-1]
    m = _TAIL_REVERSED.match(rev)
    return m.group(0)[::-1] if m else None
# a modal or a proposal before the count: what must or should happen, not what happened
_MODAL_WORDS = ["phải", "cần", "sẽ", "đề nghị", "kiến nghị", "đề xuất", "dự kiến", "yêu cầu"]
_MODAL = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(_MODAL_WORDS), re.I)

def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what `\\w` matches in a str pattern


class _Keywords:
    """`pattern.search(text, start, end) is not None` for a case-insensitive `(?<!\\w)(?:w1|w2|…)(?!\\w)`
    over the given `words`, without the case-insensitive regex trying every word at every position: a plain
    regex over the lowered text says whether any word occurs at all, and only then are the words found with
    `str.find` and their boundaries checked by hand. Exact where the text and the words have only plain-case
    characters (re's IGNORECASE then is `str.lower()` equality, one character to one); elsewhere the regex
    decides."""

    __slots__ = ("pattern", "words", "any_word", "word_before_end")

    def __init__(self, pattern: re.Pattern, words):
        self.pattern = pattern
        words = [w.lower() for w in words]
        self.words = None if any(NOT_PLAIN_CASE.search(w) for w in words) else tuple(words)
        self.any_word = re.compile("|".join(map(re.escape, words))) if self.words else None
        # the pattern without its look-behind, which is checked by hand (a pattern starting with letters lets
        # the regex engine skip to where they occur)
        self.word_before_end = re.compile(r"(?:%s)(?!\w)" % "|".join(map(re.escape, words))) if self.words else None

    def searcher(self, text: str, low: str | None, whole: bool = True) -> Callable[[int, int], bool] | None:
        """`found(start, end)` for one text (`low`: its `plain_lower`); None when the text holds none of
        the words (nothing can be found in any span), which `whole=False` does not look for (when the
        words are common and the spans searched are few, a scan of the whole text first costs more than
        it saves)."""
        if self.words is None or low is None:
            search = self.pattern.search
            return lambda start, end: search(text, start, end) is not None
        if whole and self.any_word.search(low) is None:
            return None
        search = self.word_before_end.search

        def found(start: int, end: int) -> bool:
            # (?!\w) sees the end of the span as the end of text; (?<!\w) looks before `start` too. Where the
            # look-behind fails no word can match, so the search goes on from the next position.
            while True:
                m = search(low, start, end)
                if m is None:
                    return False
                at = m.start()
                if at == 0 or not _is_word_char(text[at - 1]):
                    return True
                start = at + 1

        return found


_MODAL_KEYWORDS = _Keywords(_MODAL, _MODAL_WORDS)


def _cuts(regex: re.Pattern, text: str, end: bool) -> list[int]:
    return [m.end() if end else m.start() for m in regex.finditer(text)]


class _Bounds:
    """Clause and sentence boundaries of one text, found once (bisect per number)."""

    __slots__ = ("text", "_clause", "_sent", "_ends")

    def __init__(self, text: str, ends: list[int] | None = None):
        """`ends`, if given: the offsets of `arithmetic._CLAUSE_END` in the text (each of ";!?" and a newline,
        and "." before a space or the end), among which the sentence cuts are found without a scan."""
        self.text = text
        self._clause = self._sent = None
        self._ends = ends

    def clause(self, start: int, end: int) -> tuple[int, int]:
        if self._clause is None:
            self._clause = [(m.start(), m.end()) for m in _CLAUSE_CUT.finditer(self.text)]
        return self._around(self._clause, start, end)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        if self._sent is None:
            if self._ends is None:
                self._sent = [(m.start(), m.end()) for m in _SENT_CUT.finditer(self.text)]
            else:  # the `_SENT_CUT` matches: one of ".;!?" then a space (taken in) or the end of the text
                text, n = self.text, len(self.text)
                self._sent = [(i, i + 2 if i + 1 < n else i + 1) for i in self._ends
                              if text[i] in ".;!?" and (i + 1 == n or text[i + 1].isspace())]
        return self._around(self._sent, start, end)

    def _around(self, cuts, start, end):
        k = bisect.bisect_left(cuts, (start, -1))
        s = 0
        # the last cut ending at or before start
        j = k - 1
        while j >= 0 and cuts[j][1] > start:
            j -= 1
        if j >= 0:
            s = cuts[j][1]
        k = bisect.bisect_left(cuts, (end, -1))
        e = cuts[k][0] if k < len(cuts) else len(self.text)
        return s, e


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return _Bounds(text).clause(start, end)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return _Bounds(text).sentence(start, end)


@register("repeated-figure")
class RepeatedFigure(Check):
    """The same indicator ("kết nạp … đảng viên") stated in two places with two different values."""

    Params = RepeatedParams

    def _compiled(self):
        c = getattr(self, "_re", None)
        if c is None:
            p = self.params
            alt = lambda ws: "|".join(map(re.escape, sorted(ws, key=len, reverse=True)))  # noqa: E731
            relative = re.compile(r"(?<!\w)(?:%s)(?!\w)" % alt(p.relative), re.I)
            c = self._re = (_Keywords(relative, p.relative),
                            frozenset(p.copulas), frozenset(p.fillers), frozenset(p.not_actions),
                            tuple((o, f" {o} ") for o in p.org_nouns),
                            # any padded organisation noun at all: most subjects have none, and then the
                            # tests one noun at a time are skipped
                            re.compile("|".join(re.escape(f" {o} ") for o in p.org_nouns)) if p.org_nouns else None)
        return c

    def _mentions(self, block: Block, figs=None, ends: list[int] | None = None, lows: dict | None = None
                  ) -> Iterable[tuple[tuple, object, int, int, frozenset, frozenset]]:
        """`lows`: block index -> lowered text of plain-case blocks, where known (shared.body_lows)."""
        text = block.text
        relative, copulas, fillers, not_actions, org_nouns, any_org = self._compiled()
        if figs is None:
            figs = _figures().extract(text)
        periods = None
        bounds = _Bounds(text, ends)
        rel_of: dict[tuple[int, int], bool] = {}
        relative_in = modal_in = low = None  # made for this text when first needed (False: no word in it)
        for fig in figs:
            kind = fig.kind
            if kind == "number":
                num = fig
            elif kind == "quantity":
                num = fig.number
            else:
                continue
            if num.malformed or num.decimals != 0 or num.value < 1 or num.style not in ("plain", "vi"):
                continue
            # cheapest test first: two lowercase words of counting noun after the number
            m = _NOUN2.match(text, num.end, num.end + 40)
            if not m or not m.group(1).islower() or not m.group(2).islower():
                continue
            # the text right before the number must be words (no bracket, comma or other figure in between)
            tail = _tail_before(text, max(0, num.start - 60), num.start)
            if not tail:
                continue
            if low is None:
                low = (lows.get(block.index) if lows else None) or plain_lower(text) or ""
            # the tail is only words and spaces: in the text lowered once (plain-case: the same positions, and
            # letters stay letters) its words are what split() finds, much faster than the regex
            before = low[num.start - len(tail):num.start].split() if low else _WORD.findall(tail.lower())
            if before and before[-1] in copulas and before[-1] not in fillers:
                continue
            while before and before[-1] in fillers:
                before.pop()
            if len(before) < 2 or before[-1] in not_actions or before[-2] in not_actions:
                continue
            noun = (m.group(1), m.group(2))
            action = (before[-2], before[-1])
            ss, se = bounds.sentence(num.start, num.end)
            rel = rel_of.get((ss, se))
            if rel is None:
                if relative_in is None:
                    if low is None:
                        low = plain_lower(text) or ""
                    relative_in = relative.searcher(text, low or None, whole=False) or False
                rel = rel_of[(ss, se)] = bool(relative_in) and relative_in(ss, se)
            if rel:
                continue
            if modal_in is None:
                if low is None:
                    low = plain_lower(text) or ""
                modal_in = _MODAL_KEYWORDS.searcher(text, low or None) or False
            if modal_in and modal_in(bounds.clause(num.start, num.end)[0], num.start):
                continue
            # the subject: names and organisations said before the count in its sentence
            words = text[ss:num.start].split()
            said = " " + " ".join(words).lower() + " "
            subject = frozenset([w.strip("“”\"'") for w in words[1:] if w[:1].isupper()]
                                + ([o for o, padded in org_nouns if padded in said]
                                   if any_org is not None and any_org.search(said) else []))
            if periods is None:
                periods = frozenset((x.kind, getattr(x, "index", None), getattr(x, "year", None),
                                     getattr(x, "month", None)) for x in figs if x.kind in ("period", "date"))
            yield (action, noun), num, num.start, num.start + len(num.text) + len(m.group(0)), periods, subject

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        try:
            _figures()
        except ImportError:  # pragma: no cover
            return
        from ..relate.blocks import doc_figures
        lows = body_lows(ctx)  # (shared with the spelling rules, which need the whole body lowered anyway)

        seen: dict[tuple, list[tuple]] = {}
        prose: list[tuple] = []  # mentions in body paragraphs that name no subject: (key, block, num, s, e, figs)
        kinds = frozenset((BlockKind.PARAGRAPH, BlockKind.TABLE_CELL))
        for bf in doc_figures(doc, ctx):  # the figures every arithmetic rule shares (one extraction)
            block = bf.block
            if block.kind not in kinds or _SPACE.search(block.text) is None:
                continue  # (a count needs a space before its noun: most table cells have none)
            for key, num, s, e, periods, subject in self._mentions(block, bf.figs, bf.bounds, lows):
                seen.setdefault(key, []).append((block, num, s, e, periods, subject))
                if block.kind is BlockKind.PARAGRAPH and self._whole_subject(block.text, s, subject):
                    prose.append((key, block, num, s, e, bf.figs))
        if prose:
            yield from self._against_tables(doc, ctx, prose)
        for key, mentions in seen.items():
            if len(mentions) < 2:
                continue
            values = {m[1].value for m in mentions}
            if len(values) < 2 or len(values) > self.params.max_values:
                continue
            first = mentions[0]
            for other in mentions[1:]:
                if other[1].value == first[1].value or other[0] is first[0]:
                    continue
                if first[4] and other[4] and first[4] != other[4]:
                    continue  # different periods
                if first[5] != other[5]:
                    continue  # different named subjects (or one named, one not)
                ctx.coverage.count("repeated-figure", "document")
                block, num, s, e = other[0], other[1], other[2], other[3]
                indicator = " ".join(key[0]) + " … " + " ".join(key[1])
                yield Finding(block, s, e, args={"indicator": indicator, "value": num.text, "other": first[1].text,
                                                 "place": _place(first[0], ctx.lang)},
                              expected=None, actual=num.text)
                break


    # ---- the same indicator in a table and in the prose
    def _against_tables(self, doc: Document, ctx: Context, prose: list[tuple]) -> Iterable[Finding]:
        """"kết nạp 48 đảng viên" in the text of a report of quý III against the table row "Kết nạp đảng viên",
        column "Quý III" = 45. Only a clear match counts: the row label (or, in a table of units, the column
        header over a total row) says exactly the words of the action and the counting noun, the column's period
        is the text's, the unit agrees, and nothing after the noun narrows the count."""
        from .tableindicators import table_indicators

        tables = table_indicators(doc, ctx)
        if not tables:
            return
        from .dates import period_months, report_period

        report = report_period(ctx)
        by_key: dict[tuple, list[tuple]] = {}
        for m in prose:
            by_key.setdefault(m[0], []).append(m)
        periods: dict[int, object] = {}  # block index -> the period its text names
        for key, mentions in by_key.items():
            words = frozenset(key[0] + key[1])
            found = tables.get(words)
            if not found or len({m[2].value for m in mentions}) > 1:
                continue  # no such row, or the text itself gives the indicator two values (AR103 above)
            noun = " ".join(key[1])
            for _, block, num, s, e, figs in mentions:
                if not self._whole_count(block.text, e):
                    continue
                period = periods.get(block.index)
                if period is None:
                    period = periods[block.index] = self._text_period(figs, report, period_months) or "unknown"
                period = None if period == "unknown" else period
                match = self._matching_cell(found, period, report, noun)
                if match is None:
                    continue
                ctx.coverage.count("repeated-figure", "document")
                if match.value.value == num.value:
                    continue
                cell_block, cs, ce = match.place
                yield Finding(block, s, e, args={"indicator": " ".join(key[0]) + " … " + noun, "value": num.text,
                                                 "other": match.grid.text(match.row, match.col).strip(),
                                                 "place": _place(cell_block, ctx.lang), "name": match.name,
                                                 "where": match.where},
                              variant="table", actual=num.text, related=[(cell_block, cs, ce)])

    _GENERIC = re.compile(r"(?:các|toàn|tất cả|100%)\s+$")

    def _whole_subject(self, text: str, start: int, subject: frozenset) -> bool:
        """No subject, or only organisations named as a whole ("các chi bộ", "toàn Đảng bộ")."""
        if not subject:
            return True
        head = " " + text[max(0, start - 300):start].lower()  # (the subject is in the count's sentence)
        for name in subject:
            i = head.rfind(" " + name.lower() + " ")
            if i < 0 or not self._GENERIC.search(head[:i + 1]):
                return False
        return True

    _NARROWING_OK = frozenset(("mới", "trong", "đạt", "bằng", "tăng", "giảm", "so", "và", "vượt", "chiếm"))

    def _whole_count(self, text: str, end: int) -> bool:
        """Nothing right after the counting noun narrows it ("48 đảng viên là người dân tộc thiểu số")."""
        rest = text[end:end + 30].lstrip()
        if not rest or not (rest[0].isalnum()):
            return True
        word = rest.split(None, 1)[0].lower().strip(",.;:()")
        return word in self._NARROWING_OK

    @staticmethod
    def _text_period(figs, report, period_months):
        """The period the paragraph names (one only), else the report's; None when unknown or ambiguous."""
        year = report[0] if report else None
        spans = {sp for f in figs if f.kind == "period" and (sp := period_months(f, year))}
        if len(spans) > 1:
            return "ambiguous"
        if spans:
            return spans.pop()
        return report[:3] if report else None

    @staticmethod
    def _matching_cell(found: list, period, report, noun: str):
        """The one table cell stating the indicator for `period` (year, first month, last month)."""
        if period == "ambiguous":
            return None

        def same(p):  # a column period against the text's: months equal, years equal where both are given
            return period is not None and p[1:] == period[1:] and (p[0] is None or p[0] == period[0])

        by_grid: dict[int, list] = {}
        for ind in found:
            if ind.unit and ind.unit not in noun and not (ind.unit == "người" and noun in _PERSON_NOUNS):
                continue
            by_grid.setdefault(id(ind.grid), []).append(ind)
        hits = []
        for inds in by_grid.values():
            dated = [i for i in inds if i.period is not None]
            exact = [i for i in dated if same(i.period)]
            if exact:
                hits += exact
            elif not dated and len(inds) == 1 and (period is None or report is None or period == report[:3]):
                hits += inds  # one undated column of results: the report's own period
        return hits[0] if len(hits) == 1 else None


_PERSON_NOUNS = frozenset(("đảng viên", "hội viên", "đoàn viên", "cán bộ", "công chức", "viên chức", "học sinh",
                           "sinh viên", "lao động", "bị can", "bị cáo", "đối tượng", "thanh niên", "cử tri",
                           "giáo viên", "người dân", "thí sinh", "học viên", "quần chúng", "cảm tình"))
