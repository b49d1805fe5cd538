"""Reference kinds: type code against the type word, one symbol cited with two dates, a cited
document dated after the report, a Party issuer code against the issuing body named."""

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..document import Document
from ..validation import FORBID
from .base import Check, Context, Finding, register
from .grouping import RELATED_LIMIT, once_per_key, places_text, summarise
from .shared import body_references
from .structure import header


def all_references(ctx: Context, doc: Document):
    """(block, Reference) for every citation in the body and notes, header blocks excluded."""
    def compute():
        h = header(ctx)
        skip = {h.number_block.index} if h.number_block is not None else set()
        return [(b, r) for b, refs in body_references(ctx) if b.index not in skip for r in refs]

    return ctx.memo("references", compute)


@register("reference-type-code")
class ReferenceTypeCode(Check):
    """A symbol whose type code contradicts the type word before it; once per symbol and type word."""

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        return once_per_key(self._each(doc, ctx), lang=ctx.lang)

    def _each(self, doc: Document, ctx: Context):
        from ..references import codes_for

        for b, r in all_references(ctx, doc):
            if not r.type_word or r.type_code is None:
                continue
            allowed = codes_for(r.type_word, r.shape)
            if allowed is None or not allowed or r.type_code in allowed:
                continue
            word = r.type_word[0].upper() + r.type_word[1:]
            expected = " hoặc ".join(allowed) if len(allowed) > 1 else allowed[0]
            yield (r.key, word.lower()), Finding(
                b, r.cite_start, r.end, args={"word": word, "code": r.type_code, "expected": expected, "symbol": r.text},
                expected="/".join(allowed), actual=r.type_code)


@register("reference-date-conflict")
class ReferenceDateConflict(Check):
    """One finding per document cited with two (or more) dates, at the first citation whose date
    differs from the date the document is cited with most often (the first one on a tie); the message
    and the related places name the other citations."""

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        cited: dict[str, list[tuple]] = {}
        for b, r in all_references(ctx, doc):
            if r.date is not None:
                cited.setdefault(r.key, []).append((b, r))
        for key, cites in cited.items():
            dates = [r.date for _, r in cites]
            if len(set(dates)) < 2:
                continue
            prevailing = max(dict.fromkeys(dates), key=dates.count)  # most cited; the first on a tie
            written: dict[tuple, str] = {}  # each date as first written ("03/4/2024")
            for cb, cr in cites:
                if cr.date_start is not None:
                    written.setdefault(cr.date, cb.text[cr.date_start:cr.date_end])
                written.setdefault(cr.date, _date(cr.date))
            at = next(i for i, (_, r) in enumerate(cites) if r.date != prevailing)
            b, r = cites[at]
            others = [c for i, c in enumerate(cites) if i != at]
            by_date: dict[tuple, list] = {}
            for ob, orf in others:
                if orf.date != r.date:
                    by_date.setdefault(orf.date, []).append(ob)
            other_text = "; ".join(f"{written[d]} ({places_text(blocks, ctx.lang)})" for d, blocks in by_date.items())
            same = [ob for ob, orf in others if orf.date == r.date]
            yield Finding(b, r.date_start or r.start, r.date_end or r.end,
                          args={"symbol": r.text, "date": written[r.date], "other": other_text,
                                "same": places_text(same, ctx.lang) if same else ""},
                          variant="same_elsewhere" if same else "default",
                          expected=_date(prevailing), actual=_date(r.date),
                          related=[(ob, orf.date_start or orf.start, orf.date_end or orf.end)
                                   for ob, orf in others][:RELATED_LIMIT])


def _date(d: tuple[int, int, int]) -> str:
    return "/".join(str(x) for x in d)


@register("reference-after-report")
class ReferenceAfterReport(Check):
    """A cited document dated after the report; once per symbol."""

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        return once_per_key(self._each(doc, ctx), lang=ctx.lang)

    def _each(self, doc: Document, ctx: Context):
        rd = header(ctx).report_date
        if rd is None or rd[1] is None:
            return
        day, month, year = rd
        for b, r in all_references(ctx, doc):
            if r.date is None:
                continue
            d, m, y = r.date
            if (y, m) < (year, month) or ((y, m) == (year, month) and (day is None or d <= day)):
                continue
            if not _valid(d, m, y):
                continue  # an impossible date is DT001's
            report = f"{day:02d}/{month:02d}/{year}" if day else f"{month:02d}/{year}"
            yield r.key, Finding(b, r.cite_start, r.date_end or r.end,
                                 args={"symbol": r.text, "date": f"{d:02d}/{m:02d}/{y}", "report": report},
                                 actual=f"{d:02d}/{m:02d}/{y}")


def _valid(d: int, m: int, y: int) -> bool:
    import datetime

    try:
        datetime.date(y, m, d)
        return True
    except ValueError:
        return False


@register("reference-issuer")
class ReferenceIssuer(Check):
    """A Party symbol whose issuer part ("/TW") contradicts the body named right after it
    ("của Tỉnh ủy" → "/TU"). Only exact names from the data table are compared."""

    @dataclass(slots=True, kw_only=True)
    class Params:
        """The data table of document-type codes."""

        __pydantic_config__ = FORBID
        table: str = "document_types"

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        return once_per_key(self._each(doc, ctx), lang=ctx.lang)

    def _each(self, doc: Document, ctx: Context):
        from ..rules import load_data_table

        issuers = load_data_table(self.params.table).get("party_issuers", {})
        by_name = {name.lower(): code for code, names in issuers.items() for name in names}
        for b, r in all_references(ctx, doc):
            if r.shape != "party" or not r.issuer_text:
                continue
            name = re.sub(r"\s+", " ", r.issuer_text).strip().rstrip(",;.").lower()
            name = re.sub(r"\s+(?:tỉnh|huyện)\s+[A-ZĐ].*$", "", name)  # "Tỉnh ủy Hậu Giang"
            code = by_name.get(name)
            if code is None:
                # "Tỉnh ủy Hậu Giang", "Huyện ủy Phụng Hiệp": the name followed by a place
                for n, c in by_name.items():
                    if re.fullmatch(re.escape(n) + r"(?:\s+[A-ZĐÂĂÊÔƠƯ]\w*){1,4}", r.issuer_text.strip(),
                                    flags=re.IGNORECASE) and n in ("tỉnh ủy", "huyện ủy"):
                        code = c
                        break
            if code is None or r.issuer == code:
                continue
            yield (r.key, code), Finding(b, r.start, r.end, args={"symbol": r.text, "issuer": r.issuer,
                                                                  "body": r.issuer_text, "expected": code},
                                         expected=code, actual=r.issuer)


@register("reference-without-date")
class ReferenceWithoutDate(Check):
    """The first citation of a document gives its date (ND30 PL I §II.6.b; HD36): reported once per
    symbol, when its first citation has none. Not reported: laws and legal documents whose symbol
    carries the year ("30/2020/NĐ-CP"); a citation inside a quoted title (“… Chỉ thị số 27-CT/TW …”)
    or inside the subject of a dated citation just before it ("Kế hoạch số 5/KH-UBND ngày 02/3/2024
    về triển khai Nghị quyết số 12/NQ-CP"), since the writer copies that title as it is; the first of
    two citations sharing one date ("Nghị quyết số 03/NQ-CP và Nghị quyết số 04/NQ-CP ngày 09/01/2024");
    a citation whose date is given just before it ("Ngày 04/7/2024, HĐND tỉnh ban hành Nghị quyết số …")."""

    @dataclass(slots=True, kw_only=True)
    class Params:
        """Whether symbols that carry a year need a date too, and how far a dated citation's subject may run."""

        __pydantic_config__ = FORBID
        legal_with_year: bool = False  # also report legal symbols with a year ("30/2020/NĐ-CP")
        subject_reach: int = 220  # how far after a dated citation its subject may run (characters)
        summarise_after: int = 3  # more findings than this: one finding for the document

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        # a writer who cites without dates does so throughout: many are one finding for the document
        found = list(self._each(doc, ctx))
        if len(found) > self.params.summarise_after:
            yield from summarise(found, lang=ctx.lang, variant="many")
        else:
            yield from found

    def _each(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        refs = all_references(ctx, doc)
        first: dict[str, tuple] = {}
        dated: dict[str, tuple] = {}
        last_dated: list[int | None] = []  # the nearest dated citation before each one, in its block
        for i, (b, r) in enumerate(refs):
            if r.key not in first:
                first[r.key] = (i, b, r)
            if r.date is not None:
                dated.setdefault(r.key, (b, r))
            prev = i - 1 if i and refs[i - 1][0] is b else None
            last_dated.append(None if prev is None else prev if refs[prev][1].date is not None else last_dated[prev])
        for key, (i, b, r) in first.items():
            if r.date is not None or (r.shape == "legal" and (r.type_code is None or not self.params.legal_with_year)):
                continue
            if not r.type_word:
                continue  # a bare symbol in a list or a table: not a citation sentence
            if _in_quoted_title(b.text, r.cite_start) or self._in_subject(refs, i, last_dated[i]) \
                    or _shares_next_date(refs, i) \
                    or _dated_before(b.text, r.cite_start):
                continue
            if key in dated:
                later = dated[key][1].date
                yield Finding(b, r.cite_start, r.end, variant="later",
                              args={"symbol": r.text, "date": "/".join(str(x) for x in later)})
            else:
                yield Finding(b, r.cite_start, r.end, args={"symbol": r.text, "date": ""})

    def _in_subject(self, refs, i: int, j: int | None) -> bool:
        """The citation sits in the subject ("về …", "thực hiện …") of a dated citation before it in
        the same clause; `j` is the nearest dated citation before it in its block, if any (found once for
        all: a search back from each citation was quadratic in a paragraph of undated citations)."""
        if j is None:
            return False
        b, r = refs[i]
        p = refs[j][1]
        gap = b.text[p.date_end:r.cite_start]
        if len(gap) > self.params.subject_reach or ";" in gap or re.search(r"[.!?]\s+[A-ZĐ]", gap):
            return False
        return bool(re.search(r"\b(?:về|thực hiện|triển khai|theo|tổng kết|sơ kết|quán triệt)\b", gap))


_DATED_BEFORE = re.compile(r"\b[Nn]gày\s+\d{1,2}\s*(?:/|-|\.|\s+tháng\s+)\d{1,2}\s*(?:/|-|\.|\s+năm\s+)\d{4}\b"
                           r"[^;.]{0,100}?\b(?:ban hành|đã ban hành|ký|ký ban hành)\s*$")


def _dated_before(text: str, pos: int) -> bool:
    """"Ngày 04/7/2024, HĐND tỉnh ban hành Nghị quyết số 05/NQ-HĐND": dated before."""
    return _DATED_BEFORE.search(text[max(0, pos - 160):pos]) is not None


_OPEN_QUOTES = "“«"
_CLOSE_QUOTES = "”»"


def _in_quoted_title(text: str, pos: int) -> bool:
    """Inside “…” (or "…") that opened in the same paragraph before `pos`."""
    opens, closes, straight = _quotes(text)
    depth = bisect.bisect_left(opens, pos) - bisect.bisect_left(closes, pos)
    if depth > 0:
        return True
    return bisect.bisect_left(straight, pos) % 2 == 1


@lru_cache(maxsize=256)
def _quotes(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where the opening, closing and straight double quotes of a text are (counting them before each
    citation of a long paragraph was quadratic)."""
    opens, closes, straight = [], [], []
    for m in _QUOTE.finditer(text):
        c = m.group()
        (opens if c in _OPEN_QUOTES else closes if c in _CLOSE_QUOTES else straight).append(m.start())
    return opens, closes, straight


_QUOTE = re.compile('[' + _OPEN_QUOTES + _CLOSE_QUOTES + '"]')


def _shares_next_date(refs, i: int) -> bool:
    """"A số X và B số Y ngày …": the date after the second citation serves both."""
    b, r = refs[i]
    for nb, n in refs[i + 1:i + 3]:
        if nb is not b:
            return False
        gap = b.text[r.end:n.cite_start]
        if not re.fullmatch(r"\s*(?:,|và|,\s*và)\s*", gap):
            return False
        if n.date is not None:
            return True
        r = n
    return False
