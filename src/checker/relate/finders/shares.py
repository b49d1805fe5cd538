"""A share of a total named in words: "giải quyết 2.150 hồ sơ đúng hạn trên tổng số 2.300 hồ sơ tiếp nhận, đạt
95,2%" — the first count over the named total, whatever words stand between the figures."""

import re
from typing import Iterator

from ..blocks import doc_figures
from ..model import Candidate, Share
from ..operands import operand, usable

_OF_TOTAL = re.compile(r"\s+(?:[^\W\d_]+\s+){0,6}?(?:trên|trong|so với)\s+(?:tổng\s+số|tổng)(?:\s+[^\W\d_]+){0,4}?\s*:?\s*$",
                       re.I)
_RATE_LINK = re.compile(r"(?:\s+[^\W\d_]+){0,6}?\s*,?\s*(?:đạt|chiếm|bằng)\s+(?:tỷ lệ\s+|tỉ lệ\s+)?(?:là\s+)?$", re.I)


def find(doc, ctx) -> Iterator[Candidate]:
    for bf in doc_figures(doc, ctx):
        text = bf.text
        if "tổng" not in text.lower() or "%" not in text:
            continue
        figs = [f for f in bf.figs if f.kind != "link"]
        for a, b, p in zip(figs, figs[1:], figs[2:]):
            if a.kind != "quantity" or b.kind != "quantity" or p.kind != "percent" or a.unit != b.unit:
                continue
            if not (usable(a) and usable(b)) or p.number.malformed or bf.sentence_of(a.start) != bf.sentence_of(p.start):
                continue
            if not _OF_TOTAL.search(text, a.end, b.start) or not _RATE_LINK.search(text, b.end, p.start):
                continue
            if bf.paren_of(a.start) != bf.paren_of(p.start):
                continue
            rel = Share(operand(bf.block, a), operand(bf.block, b), p.number)
            yield Candidate("share-named", "sentence", rel, True, (bf.block, a.start, p.end), [],
                            ((bf.block.index, p.start),))
