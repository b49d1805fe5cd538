"""One problem, one finding: what several rules share to report a cause once for a document (or a table)
instead of once per occurrence, naming the other places in the message and in `Finding.related`.

A clerk fixes "1487" written without its thousands dot, or a document cited with the wrong date, with one
search-and-replace; forty-five findings for it bury the rest of the report.
"""

from __future__ import annotations

from typing import Iterable

from ..document import Block, BlockKind
from .base import Finding

RELATED_LIMIT = 8  # other places carried in `Finding.related`
NAMED_LIMIT = 5  # places named in a message


def place_label(block: Block, lang: str = "vi") -> str:
    """Where a block is, in one short phrase with the words of the outputs' locations: "chú thích 3",
    "bảng 2, hàng 3, cột 4", "dòng 12" (text input), "đoạn 16" (Word's paragraph number)."""
    from ..i18n import t

    if block.kind in (BlockKind.FOOTNOTE, BlockKind.ENDNOTE) and block.note is not None:
        key = "location.endnote" if block.kind is BlockKind.ENDNOTE else "location.footnote"
        return t(key, lang, footnote=block.note)
    if block.kind is BlockKind.TABLE_CELL and block.table is not None:
        return t("location.table", lang, table=block.table, row=block.row, column=block.column)
    if block.kind in (BlockKind.HEADER, BlockKind.FOOTER):
        return t(f"location.{block.kind.value}", lang)
    if block.line is not None:
        return t("location.line", lang, line=block.line)
    if block.paragraph is not None:
        return t("location.paragraph", lang, paragraph=block.paragraph)
    return t("location.block", lang, block=block.index)


def places_text(blocks: Iterable[Block], lang: str = "vi", limit: int = NAMED_LIMIT) -> str:
    """The places of the blocks, each once, in order: "dòng 12; dòng 40; dòng 77…" (at most `limit`; a
    semicolon between them, as a table cell's place holds commas)."""
    labels: list[str] = []
    for b in blocks:
        label = place_label(b, lang)
        if label not in labels:
            labels.append(label)
    shown = "; ".join(labels[:limit])
    return shown + ("…" if len(labels) > limit else "")


def related_of(findings: Iterable[Finding], limit: int = RELATED_LIMIT) -> list[tuple[Block, int, int]]:
    """The places of the findings as `Finding.related` entries (the first `limit`)."""
    out = []
    for f in findings:
        if len(out) >= limit:
            break
        out.append((f.block, f.start, f.end))
    return out


def summarise(found: list[Finding], *, lang: str, variant: str = "many", threshold: int = 1,
              related_limit: int = RELATED_LIMIT) -> list[Finding]:
    """`found` as it is when it holds at most `threshold` findings; otherwise one finding, at the first,
    with variant `variant`, the first one's args plus `count` (how many) and `places` (where they all
    are, the first included), and the others as related places."""
    if len(found) <= threshold:
        return found
    first, rest = found[0], found[1:]
    args = dict(first.args)
    args.update(count=len(found), places=places_text((f.block for f in found), lang))
    return [Finding(first.block, first.start, first.end, args=args, variant=variant, expected=first.expected,
                    actual=first.actual, severity=first.severity, related=related_of(rest, related_limit))]


def once_per_key(keyed: Iterable[tuple[object, Finding]], *, lang: str, variant: str = "many") -> list[Finding]:
    """One finding per key (the same symbol cited wrongly three times is one problem): the first of each
    key's findings, summarised with the others (`summarise`), in the order of the first findings."""
    groups: dict[object, list[Finding]] = {}
    for key, f in keyed:
        groups.setdefault(key, []).append(f)
    out: list[Finding] = []
    for found in groups.values():
        out.extend(summarise(found, lang=lang, variant=variant))
    return out
