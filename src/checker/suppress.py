"""Suppressions a reviewer leaves in the document itself.

Word (.docx): a comment whose text starts with ``checker: bỏ qua AR001`` (or ``checker: ignore AR001``;
several ids separated by commas or spaces; no id at all = every rule) silences the findings that
overlap the commented range. The .docx reader records comments in ``doc.meta["comments"]`` as dicts
``{id, author, text, start_block, start_offset, end_block, end_offset}``.

Plain text (.txt, .md): the same directive inside an HTML comment, ``<!-- checker: bỏ qua AR001 -->``
(invisible once Markdown is rendered):

- alone on its line, it silences the next non-blank line;
- at the end of a line of text, it silences that line.

A directive names rules by id (``AR001``) or id prefix (``AR``, ``NF0``); anything after the ids
(a reason: ``checker: bỏ qua AR001 - số liệu đã đối chiếu``) is ignored. Findings are only ever
silenced where a directive says so; a malformed directive silences nothing.

A directive left behind after the text was corrected silences nothing: the unused-suppression rule
(TX101, off by default, as ruff's unused-noqa) reports it (`unused_suppressions`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Sequence

from .document import Block, Document
from .issues import Issue

# "checker:" then the verb: "bỏ qua" (also typed without accents), "ignore".
_DIRECTIVE = re.compile(r"^\s*checker\s*:\s*(?:bỏ\s+qua|bo\s+qua|ignore)\b(?P<rest>.*)$",
                        re.IGNORECASE | re.DOTALL)
_ID = re.compile(r"^(?:[A-Za-z]{2}\d{1,3}|[A-Z]{2}|ALL)$")
_TEXT_COMMENT = re.compile(r"<!--\s*(?P<body>checker\s*:.*?)\s*-->", re.IGNORECASE)


def parse_directive(text: str) -> list[str] | None:
    """The rule selectors of a suppression comment: None when the text is not a directive,
    [] when it silences every rule."""
    text = unicodedata.normalize("NFC", text or "")
    m = _DIRECTIVE.match(text)
    if not m:
        return None
    rest = m.group("rest")
    ids: list[str] = []
    for token in re.split(r"[\s,;]+", rest.strip()):
        token = token.strip(".:()[]")
        if not token:
            continue
        if not _ID.match(token):
            break  # the reason starts here
        if token.upper() == "ALL":
            return []
        ids.append(token.upper())
    return ids


def rule_matches(rule_id: str, selectors: Sequence[str]) -> bool:
    return not selectors or any(rule_id.upper().startswith(s) for s in selectors)


@dataclass(frozen=True, slots=True)
class Suppression:
    """A span of the document where some rules (or all) are silenced."""

    rules: tuple[str, ...]  # empty: every rule
    start_block: int
    start_offset: int
    end_block: int
    end_offset: int  # exclusive; a huge value covers the rest of the block
    origin: str = ""  # the comment id or "line N", for diagnostics
    # Where the directive itself is (the comment's anchor in Word, the `<!-- … -->` in a text) and its
    # words: the place and the quote of an unused-suppression finding.
    at: tuple[int, int, int] = (0, 0, 0)  # block, start, end
    directive: str = ""

    def covers(self, rule: str, block: int, start: int, end: int) -> bool:
        """Whether a finding of `rule` at [start, end) of `block` overlaps the silenced range."""
        if not rule_matches(rule, self.rules):
            return False
        lo, hi = (self.start_block, self.start_offset), (self.end_block, self.end_offset)
        if start == end:  # an empty span (a missing part): silenced when it lies in the range
            return lo <= (block, start) <= hi
        return (block, end) > lo and (block, start) < hi


_WHOLE = 10**9


def from_comments(comments: Iterable[dict]) -> list[Suppression]:
    """Suppressions from Word comments recorded by the .docx reader."""
    out = []
    for c in comments or ():
        rules = parse_directive(str(c.get("text") or ""))
        if rules is None:
            continue
        try:
            sb, eb = int(c["start_block"]), int(c["end_block"])
        except (KeyError, TypeError, ValueError):
            continue
        so = c.get("start_offset")
        eo = c.get("end_offset")
        so = 0 if so is None else int(so)
        eo = _WHOLE if eo is None else int(eo)
        if (eb, eo) < (sb, so):
            sb, so, eb, eo = eb, eo, sb, so
        if sb == eb and so == eo:  # a point comment: the whole paragraph
            so, eo = 0, _WHOLE
        out.append(Suppression(tuple(rules), sb, so, eb, eo, origin=f"comment {c.get('id')}",
                               at=(sb, so, eo if eb == sb else _WHOLE), directive=_first_line(c.get("text"))))
    return out


def from_text(blocks: Sequence[Block]) -> list[Suppression]:
    """Suppressions from `<!-- checker: bỏ qua … -->` directives in a plain-text document."""
    out = []
    for i, b in enumerate(blocks):
        if "checker" not in b.text.lower():
            continue
        for m in _TEXT_COMMENT.finditer(b.text):
            rules = parse_directive(m.group("body"))
            if rules is None:
                continue
            alone = not (b.text[:m.start()].strip() or b.text[m.end():].strip())
            target = b
            if alone:
                target = next((n for n in blocks[i + 1:] if n.text.strip() and not _only_directives(n.text)), None)
                if target is None:
                    continue
            where = f"line {b.line}" if b.line else f"block {b.index}"
            out.append(Suppression(tuple(rules), target.index, 0, target.index, _WHOLE, origin=where,
                                   at=(b.index, m.start(), m.end()), directive=_first_line(m.group("body"))))
    return out


def _first_line(text: object) -> str:
    lines = str(text or "").strip().splitlines()
    return lines[0].strip() if lines else ""


def _only_directives(text: str) -> bool:
    return not _TEXT_COMMENT.sub("", text).strip()


def suppressions(doc: Document) -> list[Suppression]:
    out = from_comments(doc.meta.get("comments") or ())
    if doc.format != "docx":
        out.extend(from_text(doc.blocks))
    return out


def apply_suppressions(doc: Document, issues: list[Issue],
                       used: dict[Suppression, set[str]] | None = None) -> tuple[list[Issue], list[Issue]]:
    """Splits the issues into (kept, silenced) by the document's suppressions. When `used` is given,
    it receives, for each suppression, the selectors that silenced something ("" for a directive
    without ids)."""
    sups = suppressions(doc)
    if used is not None:
        used.update((s, set()) for s in sups)
    if not sups:
        return issues, []
    kept, silenced = [], []
    for issue in issues:
        loc = issue.location
        offset = 0
        if 1 <= loc.block <= len(doc.blocks):
            offset = doc.block(loc.block).column_offset
        start = (loc.column or 1) - 1 - offset
        end = (loc.end_column or loc.column or 1) - 1 - offset
        covering = [s for s in sups if s.covers(issue.rule, loc.block, start, end)]
        if not covering:
            kept.append(issue)
            continue
        silenced.append(issue)
        if used is not None:
            for s in covering:
                if s.rules:
                    used[s].update(sel for sel in s.rules if issue.rule.upper().startswith(sel))
                else:
                    used[s].add("")
    return kept, silenced


def unused_suppressions(used: dict[Suppression, set[str]], ran: Iterable[str], known: Iterable[str],
                        exempt: Iterable[str] = ()) -> list[tuple[Suppression, list[str]]]:
    """The suppressions that silenced nothing, with the selectors that silenced nothing (ruff's
    unused-noqa). A selector is only judged when every rule it names ran (`ran`: the ids that ran,
    `known`: every id of the rule set): a directive for a rule left out of this run may well be needed.
    A selector that names no rule at all silences nothing. A directive without ids is judged when
    every rule ran. Rules in `exempt` (the unused-suppression rule itself) are neither required to
    have run nor judged."""
    ran, known, exempt = set(ran), set(known), set(exempt)
    out = []
    for sup, hit in used.items():
        if not sup.rules:
            if not hit and known - exempt <= ran:
                out.append((sup, []))
            continue
        unused = []
        for sel in sup.rules:
            named = {r for r in known if r.startswith(sel)}
            if sel in hit or (named and named <= exempt):
                continue
            if named - exempt <= ran:
                unused.append(sel)
        if unused:
            out.append((sup, unused))
    return out
