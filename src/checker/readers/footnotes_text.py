"""Footnotes in plain-text exports of Word reports.

Exporters write footnotes in a few ways; each is recognised only when it can be done safely:

(a) `…năm 2023[footnoteRef:1]. …  [1:  footnote text]  [2:  …]` — an anchor token in the text and
    the footnote texts at the end of the same line (a footnote may run on over the next lines until
    its closing `]`);
(b) superscript anchors (`…44 trường hợp¹`) and footnote texts on lines of their own that start
    with the same superscript number (`¹ Trong đó …`);
(c) anchors lost, footnote texts listed at the end of the file, each starting with U+FFFD;
(d) Markdown footnotes: `[^1]` anchors and `[^1]: text` definition lines.

`split_lines` turns the (NFC) source lines into blocks. Body text is never rewritten: a paragraph
block is the source line itself, or its beginning when footnote texts were cut off its end, so
columns stay exact; note blocks carry `column_offset` = where their text starts in the line.
Anchors stay in the paragraph text, described by `NoteRef(number, position, length)`.
"""

from __future__ import annotations

import re

from ..document import Block, BlockKind, NoteRef

SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_VALUE = {c: i for i, c in enumerate(SUPERSCRIPT)}

_REF_A = re.compile(r"\[footnoteRef:(\d{1,4})\]")
_NOTE_A = re.compile(r"\[(\d{1,4}):[ \t]*")
_CLOSE_A = re.compile(r"\][ \t]*(?=\[\d{1,4}:|$)")
_SUP_LINE = re.compile(r"^[ \t]*([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})[ \t]+(?=\S)")
_SUP_ANCHOR = re.compile(r"(?<=\S)[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}")
_UNIT_BEFORE = re.compile(r"(?:^|[\s(])(?:\d[\d.,]*\s*)?(?:k|c|d|m|h)?m$")
_FFFD_LINE = re.compile(r"^[ \t]*\ufffd[ \t]*(?=\S)")
_MD_DEF = re.compile(r"^\[\^([\w-]{1,20})\]:[ \t]*")
_MD_REF = re.compile(r"\[\^([\w-]{1,20})\](?!:)")

MAX_CONTINUATION_LINES = 8


def _sup_int(s: str) -> int:
    n = 0
    for c in s:
        n = n * 10 + _SUP_VALUE[c]
    return n


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def para(self, text: str, line: int, refs: list[NoteRef] | None = None) -> Block:
        b = Block(index=0, kind=BlockKind.PARAGRAPH, text=text, line=line, note_refs=refs or [])
        self.blocks.append(b)
        return b

    def note(self, text: str, line: int, col: int, number: int) -> Block:
        b = Block(index=0, kind=BlockKind.FOOTNOTE, text=text, line=line, column_offset=col, note=number)
        self.blocks.append(b)
        return b


def split_lines(lines: list[str], meta: dict) -> list[Block]:
    """Blocks for the lines (1-based line numbers), footnote forms recognised; sets `meta` keys
    `footnote_form` ("inline" | "superscript" | "trailing" | "markdown") and `footnote_anchors_lost`."""
    if any("[footnoteRef:" in ln for ln in lines):
        meta["footnote_form"] = "inline"
        return _inline_form(lines)
    md = _markdown_form(lines)
    if md is not None:
        meta["footnote_form"] = "markdown"
        return md
    sup = _superscript_form(lines)
    if sup is not None:
        meta["footnote_form"] = "superscript"
        return sup
    trailing = _trailing_form(lines)
    if trailing is not None:
        meta["footnote_form"] = "trailing"
        meta["footnote_anchors_lost"] = True
        return trailing
    out = _Builder()
    for n, ln in enumerate(lines, 1):
        out.para(ln, n)
    return out.blocks


# --- (a) inline `[footnoteRef:N]` … `[N: text]` ---------------------------------------------------

def _close_ahead(lines: list[str], start: int) -> int | None:
    """Index of the line (from `start`) holding the closing `]` of an open footnote, if it comes
    within a few lines and before any new anchor."""
    for j in range(start, min(len(lines), start + MAX_CONTINUATION_LINES)):
        ln = lines[j].rstrip()
        if _CLOSE_A.search(ln):
            return j
        if "[footnoteRef:" in ln:
            return None
    return None


def _inline_form(lines: list[str]) -> list[Block]:
    out = _Builder()
    anchors: set[int] = set()
    open_note: int | None = None  # number of a footnote continuing from the previous line
    close_line: int | None = None
    for i, raw in enumerate(lines):
        n = i + 1
        ln = raw.rstrip()
        pos = 0
        if open_note is not None:
            m = _CLOSE_A.search(ln)
            if m and (close_line is None or i >= close_line):
                if ln[: m.start()].strip():
                    out.note(ln[: m.start()].rstrip(), n, 0, open_note)
                pos = m.end()
                open_note = None
            else:
                out.note(ln, n, 0, open_note)
                continue
            rest_start = pos
        else:
            refs = []
            cut = None
            for m in _REF_A.finditer(ln):
                anchors.add(int(m.group(1)))
            # the footnote zone starts at the first `[N:` whose N has an anchor before it
            for m in _NOTE_A.finditer(ln):
                num = int(m.group(1))
                here = [r.start() for r in _REF_A.finditer(ln) if int(r.group(1)) == num]
                if num in anchors and (not here or min(here) < m.start()):
                    cut = m.start()
                    break
            body = ln if cut is None else ln[:cut].rstrip()
            for m in _REF_A.finditer(body):
                refs.append(NoteRef(int(m.group(1)), m.start(), "footnote", m.end() - m.start()))
            if cut is None:
                out.para(body, n, refs)
                continue
            if body or refs:
                out.para(body, n, refs)
            rest_start = cut
        # parse `[N: text]` items from rest_start to the end of the line
        p = rest_start
        while True:
            while p < len(ln) and ln[p] in " \t":
                p += 1
            m = _NOTE_A.match(ln, p) if p < len(ln) else None
            if m is None:
                if p < len(ln):  # stray text after the notes: keep it, as a paragraph piece
                    b = out.para(ln[p:], n)
                    b.column_offset = p
                break
            num = int(m.group(1))
            c = _CLOSE_A.search(ln, m.end())
            if c:
                out.note(ln[m.end(): c.start()], n, m.end(), num)
                p = c.end()
                continue
            # no closing bracket on this line: the note runs on if it closes soon
            out.note(ln[m.end():], n, m.end(), num)
            close = _close_ahead(lines, i + 1)
            if close is not None:
                open_note, close_line = num, close
            break
    return out.blocks


# --- (d) Markdown `[^1]` ----------------------------------------------------------------------------

def _markdown_form(lines: list[str]) -> list[Block] | None:
    defs = {i: m for i, ln in enumerate(lines) if (m := _MD_DEF.match(ln))}
    if not defs:
        return None
    labels: dict[str, int] = {}
    for m in defs.values():
        lab = m.group(1)
        labels.setdefault(lab, int(lab) if lab.isdigit() else len(labels) + 1)
    out = _Builder()
    for i, ln in enumerate(lines):
        if i in defs:
            m = defs[i]
            out.note(ln[m.end():], i + 1, m.end(), labels[m.group(1)])
            continue
        refs = [NoteRef(labels[r.group(1)], r.start(), "footnote", r.end() - r.start())
                for r in _MD_REF.finditer(ln) if r.group(1) in labels]
        out.para(ln, i + 1, refs)
    return out.blocks


# --- (b) superscript anchors ------------------------------------------------------------------------

def _superscript_form(lines: list[str]) -> list[Block] | None:
    note_lines = {i: m for i, ln in enumerate(lines) if (m := _SUP_LINE.match(ln))}
    if len(note_lines) < 1:
        return None
    # anchor candidates in the other lines
    refs_by_line: dict[int, list[NoteRef]] = {}
    candidates: list[tuple[int, NoteRef]] = []
    for i, ln in enumerate(lines):
        if i in note_lines or not any(c in SUPERSCRIPT for c in ln):
            continue
        for m in _SUP_ANCHOR.finditer(ln):
            before = ln[: m.start()].rsplit(None, 1)[-1] if ln[: m.start()].strip() else ""
            if _UNIT_BEFORE.search(before):
                continue  # m², km³: a unit, not a note mark
            candidates.append((i, NoteRef(_sup_int(m.group()), m.start(), "footnote", m.end() - m.start())))
    linked = 0
    used: set[int] = set()
    for i, m in sorted(note_lines.items()):
        num = _sup_int(m.group(1))
        best = None
        for k, (li, ref) in enumerate(candidates):
            if li < i and ref.number == num and k not in used:
                best = k
        if best is not None:
            used.add(best)
            li, ref = candidates[best]
            refs_by_line.setdefault(li, []).append(ref)
            linked += 1
    if linked < 2 and not (linked == 1 and len(note_lines) == 1):
        return None
    out = _Builder()
    for i, ln in enumerate(lines):
        if i in note_lines:
            m = note_lines[i]
            out.note(ln[m.end():].rstrip(), i + 1, m.end(), _sup_int(m.group(1)))
        else:
            out.para(ln, i + 1, sorted(refs_by_line.get(i, []), key=lambda r: r.position))
    return out.blocks


# --- (c) trailing U+FFFD notes ----------------------------------------------------------------------

def _trailing_form(lines: list[str]) -> list[Block] | None:
    marks = [i for i, ln in enumerate(lines) if _FFFD_LINE.match(ln)]
    if len(marks) < 2:
        return None
    nonempty = [i for i, ln in enumerate(lines) if ln.strip()]
    first, last = marks[0], marks[-1]
    if sum(1 for i in nonempty if i < first) < len(nonempty) / 2:
        return None  # not at the end of the document
    out = _Builder()
    number = 0
    for i, ln in enumerate(lines):
        m = _FFFD_LINE.match(ln)
        if m:
            number += 1
            out.note(ln[m.end():].rstrip(), i + 1, m.end(), number)
        elif first < i < last and ln.strip():
            out.note(ln.rstrip(), i + 1, 0, number)  # a further paragraph of the same footnote
        else:
            out.para(ln, i + 1)
    return out.blocks
