"""Reference kinds: type code against the type word, one symbol cited with two dates, a cited
document dated after the report, a Party issuer code against the issuing body named."""

from __future__ import annotations

import re
from typing import Iterable

from pydantic import BaseModel, ConfigDict

from ..document import Document
from .base import Check, Context, Finding, register
from .numberformat import body_blocks
from .structure import header


def all_references(ctx: Context, doc: Document):
    """(block, Reference) for every citation in the body and notes, header blocks excluded."""
    def compute():
        from ..references import find_references

        h = header(ctx)
        skip = {h.number_block.index} if h.number_block is not None else set()
        return [(b, r) for b in body_blocks(doc) if b.index not in skip for r in find_references(b.text)]

    return ctx.memo("references", compute)


@register("reference-type-code")
class ReferenceTypeCode(Check):
    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        from ..references import codes_for

        for b, r in all_references(ctx, doc):
            if not r.type_word or r.type_code is None:
                continue
            allowed = codes_for(r.type_word, r.shape)
            if allowed is None or not allowed or r.type_code in allowed:
                continue
            word = r.type_word[0].upper() + r.type_word[1:]
            expected = " hoặc ".join(allowed) if len(allowed) > 1 else allowed[0]
            yield Finding(b, r.cite_start, r.end, args={"word": word, "code": r.type_code, "expected": expected,
                                                        "symbol": r.text},
                          expected="/".join(allowed), actual=r.type_code)


@register("reference-date-conflict")
class ReferenceDateConflict(Check):
    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        first: dict[str, tuple] = {}
        for b, r in all_references(ctx, doc):
            if r.date is None:
                continue
            if r.key not in first:
                first[r.key] = (r.date, b)
                continue
            date0, _ = first[r.key]
            if date0 != r.date:
                d0 = "/".join(str(x) for x in date0)
                d1 = "/".join(str(x) for x in r.date)
                yield Finding(b, r.date_start or r.start, r.date_end or r.end,
                              args={"symbol": r.text, "date": d1, "other": d0}, expected=d0, actual=d1)


@register("reference-after-report")
class ReferenceAfterReport(Check):
    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
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
            yield Finding(b, r.cite_start, r.date_end or r.end,
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

    class Params(BaseModel):
        model_config = ConfigDict(extra="forbid")
        table: str = "document_types"

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
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
            yield Finding(b, r.start, r.end, args={"symbol": r.text, "issuer": r.issuer, "body": r.issuer_text,
                                                   "expected": code}, expected=code, actual=r.issuer)


@register("reference-without-date")
class ReferenceWithoutDate(Check):
    """The first citation of a document gives its date (ND30 PL I §II.6.b; HD36): reported once per
    symbol, when its first citation has none. Laws and công văn of the report's own body are left alone."""

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        refs = all_references(ctx, doc)
        first: dict[str, tuple] = {}
        dated: dict[str, tuple] = {}
        for b, r in refs:
            first.setdefault(r.key, (b, r))
            if r.date is not None:
                dated.setdefault(r.key, (b, r))
        for key, (b, r) in first.items():
            if r.date is not None or (r.shape == "legal" and r.type_code is None):
                continue
            if not r.type_word:
                continue  # a bare symbol in a list or a table: not a citation sentence
            if key in dated:
                later = dated[key][1].date
                yield Finding(b, r.cite_start, r.end, variant="later",
                              args={"symbol": r.text, "date": "/".join(str(x) for x in later)})
            else:
                yield Finding(b, r.cite_start, r.end, args={"symbol": r.text, "date": ""})
