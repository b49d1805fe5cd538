"""From the characters and lines drawn on PDF pages to the blocks of a `Document`.

Pure Python over what `readers.pdf` extracted (so it is tested with made-up pages as well as real ones):

1. **words** — characters in content order joined while they sit on one baseline without a gap; a
   smaller word raised above its neighbour is a superscript (a footnote mark, or "m²").
2. **tables** — the straight lines of the page form grids: every cell enclosed by lines is a cell, a
   border missing inside the grid means merged cells (row and column spans as Word's). A table cut by a
   page break is joined again (a repeated header row dropped).
3. **lines** — the other words grouped by baseline, left to right; superscripts and subscripts ride on
   the line of their neighbour.
4. **page furniture** — page numbers ("3", "- 3 -", "Trang 3/12") and running headers or footers (the
   same text in the top or bottom margin of several pages) are left out; footnotes are the small lines
   under the footnote separator (or at the foot of the page, starting with their number).
5. **columns** — lines with a wide empty gutter in the same place (the national header: agency on the
   left, "CỘNG HÒA …" / "ĐẢNG CỘNG SẢN VIỆT NAM" on the right; "Nơi nhận" beside the signature) become
   a borderless table of one row, one cell per column, as Word lays them out.
6. **paragraphs** — consecutive lines are one paragraph unless a line starts further in (first-line
   indent), the previous line stopped short of the right edge with room for the next word, the spacing
   grows, the font changes, a list item starts after a finished sentence, or centred lines change case.
   Lines are joined with a space; a hyphen that split a foreign word is removed, "/" and "-" at the end
   of a line join without a space. A paragraph cut by a page break continues on the next page.

Blocks carry the page they start on (`Block.page`), paragraphs their number among the paragraphs
(outside tables) that start on that page (`Block.paragraph`: "trang 2 · đoạn 3"). Footnote marks are not part of the text (as for
.docx): a `NoteRef` records where each sits. `doc.meta`: "pages", "table_spans" (as for .docx),
"pages_without_text" (image-only pages in a PDF that has text elsewhere), "producer".
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from ..document import Block, BlockKind, Document, NoteRef, renumber

# --- what the reader hands over ---------------------------------------------------------------------


@dataclass
class PageContent:
    """One page as extracted: characters (char, x0, x1, top, bottom, baseline, size, font key), in
    content order, y downwards; horizontal lines (y, x0, x1) and vertical lines (x, y0, y1)."""

    number: int
    width: float = 595.0
    height: float = 842.0
    transform: Callable | None = None  # PDF user space -> the page as shown, y downwards
    upright: tuple[float, float] | None = None  # (left, top) of an unrotated page: transform is a shift
    chars: list[tuple] = field(default_factory=list)
    hlines: list[tuple[float, float, float]] = field(default_factory=list)
    vlines: list[tuple[float, float, float]] = field(default_factory=list)
    image_area: float = 0.0
    unmapped: int = 0  # text objects whose characters have no Unicode mapping…
    sampled: int = 0  # …among those looked at
    fonts: dict[int, tuple[bool, str]] = field(default_factory=dict)

    def add_path(self, points: list[tuple[float, float, int, bool]], stroke: bool, fill: bool,
                 width: float = 0.0) -> None:
        """Adds the axis-parallel straight pieces of a path given as (x, y, segment type, closes)
        points (type 2 = move, 0 = line, 1 = curve). Stroked pieces are lines; a filled shape only
        when it is thin (a rule drawn as a rectangle), then along its middle."""
        if not points:
            return
        pieces: list[tuple[float, float, float, float]] = []
        start = prev = None
        for x, y, kind, closes in points:
            if kind == 2 or prev is None:
                start = prev = (x, y)
                continue
            if kind == 0:
                pieces.append((prev[0], prev[1], x, y))
            prev = (x, y)
            if closes and start is not None:
                pieces.append((x, y, start[0], start[1]))
                prev = start
        if not pieces:
            return
        if stroke:
            for x0, y0, x1, y1 in pieces:
                self._line(x0, y0, x1, y1)
            return
        if not fill:
            return
        xs = [p[0] for p in pieces] + [p[2] for p in pieces]
        ys = [p[1] for p in pieces] + [p[3] for p in pieces]
        left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
        if bottom - top <= 2.5 and right - left > bottom - top:
            self.hlines.append(((top + bottom) / 2, left, right))
        elif right - left <= 2.5 and bottom - top > right - left:
            self.vlines.append(((left + right) / 2, top, bottom))

    def _line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        if abs(y1 - y0) <= 1.0 and abs(x1 - x0) >= 2.0:
            self.hlines.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= 1.0 and abs(y1 - y0) >= 2.0:
            self.vlines.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


# --- words --------------------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float
    size: float
    font: int
    space: bool  # a space (or a gap) separates it from the word before it in content order
    order: int
    bold: bool = False
    attach: "Word | None" = None  # a superscript/subscript: the word whose line it rides on
    raised: bool = False  # a superscript (raised), as opposed to a subscript
    nfd: bool = False  # its text came decomposed (NFD) in the PDF, as the author typed it

    @property
    def mid(self) -> float:
        return (self.x0 + self.x1) / 2


_SPACES = frozenset(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
                    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")


def _is_space(ch: str) -> bool:
    """Whitespace, a byte-order mark or a control character: a word boundary, never text."""
    return ch < " " or ch in _SPACES


def words_of(chars: list[tuple], fonts: dict[int, tuple[bool, str]] | None = None) -> list[Word]:
    """Characters in content order → words (NFC), with superscripts and subscripts marked.

    Each character is (char, x0, x1, top, bottom, baseline, size, font key). A word ends at a space, at a
    gap wider than a fifth of the font size, where the text goes back, or where baseline or size change.
    """
    fonts = fonts or {}
    words: list[Word] = []
    append = words.append
    normalize = unicodedata.normalize
    text: list[str] = []
    space = False
    x0 = x1 = top = bottom = base = size = 0.0
    key = 0

    def flush() -> None:
        t = "".join(text).replace("\ufffe", "-")  # PDFium's mark for a hyphen ending a line
        nfd = False
        if not t.isascii():
            composed = normalize("NFC", t)
            t, nfd = composed, composed != t
        append(Word(t, x0, x1, top, bottom, base, size, key, space, len(words),
                    bold=fonts.get(key, (False, ""))[0], nfd=nfd))

    for ch, c0, c1, ctop, cbottom, cbase, csize, ckey in chars:
        if ch < " " or ch in _SPACES:
            if text:
                flush()
                text = []
            space = True
            continue
        if text:
            big = csize if csize > size else size
            if big < 1.0:
                big = 1.0
            gap = c0 - x1
            db = cbase - base
            if (-0.12 * big <= db <= 0.12 * big and -0.25 * big <= csize - size <= 0.25 * big
                    and -0.4 * big <= gap <= 0.2 * big):
                text.append(ch)
                if c1 > x1:
                    x1 = c1
                if ctop < top:
                    top = ctop
                if cbottom > bottom:
                    bottom = cbottom
                if csize > size:
                    size = csize
                continue
            flush()
            space = gap > 0.2 * big or not -1.2 * big <= db <= 1.2 * big
        text = [ch]
        x0, x1, top, bottom, base, size, key = c0, c1, ctop, cbottom, cbase, csize, ckey
    if text:
        flush()
    _mark_scripts(words)
    return words


def _mark_scripts(words: list[Word]) -> None:
    """A word smaller than its neighbour in content order and raised (or lowered) against it rides on
    the neighbour's line: a superscript ("Đảng bộ¹", "m²") or a subscript."""
    for i, w in enumerate(words):
        for j in (i - 1, i + 1):
            if not 0 <= j < len(words):
                continue
            n = words[j]
            if n.attach is not None or w.size > 0.85 * n.size:
                continue
            gap = w.x0 - n.x1 if j < i else n.x0 - w.x1
            if not -0.3 * n.size <= gap <= 0.8 * n.size:
                continue
            if n.top - 0.3 * n.size <= w.base <= n.base - 0.15 * n.size:
                w.attach, w.raised = n, True
                break
            if n.base + 0.08 * n.size <= w.base <= n.bottom + 0.3 * n.size:
                w.attach, w.raised = n, False
                break


# --- lines ----------------------------------------------------------------------------------------------


@dataclass(eq=False)
class Line:
    words: list[Word]  # left to right, scripts included
    base: float
    size: float
    page: int = 0
    tabs: frozenset[int] = frozenset()  # ids of the words a tab (a wide gap, not a column) comes before

    def text(self, marks: Callable[[Word], int | None] | None = None) -> tuple[str, list[tuple[int, int]]]:
        return line_text(self.words, marks, self.tabs)

    @property
    def main(self) -> list[Word]:
        return [w for w in self.words if w.attach is None]

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def bold(self) -> bool:
        main = self.main or self.words
        return sum(len(w.text) for w in main if w.bold) * 2 > sum(len(w.text) for w in main)

    def plain(self) -> str:
        """The line's text with single spaces, scripts inline (for tests of its form)."""
        return line_text(self.words, None, self.tabs)[0]


def line_text(words: list[Word], marks: Callable[[Word], int | None] | None = None,
              tabs: frozenset[int] = frozenset()) -> tuple[str, list[tuple[int, int]]]:
    """The text of words on one line, and (position, note number) of the footnote marks among them; a
    word in `tabs` (by id) follows a tab."""
    out: list[str] = []
    n = 0
    refs: list[tuple[int, int]] = []
    prev_x1: float | None = None
    for w in words:
        number = marks(w) if marks is not None and w.attach is not None and w.raised else None
        if number is not None:
            refs.append((n, number))
            prev_x1 = w.x1
            continue
        if prev_x1 is not None and w.attach is None and (w.space or w.x0 - prev_x1 > 0.18 * max(w.size, 1.0)):
            out.append("\t" if id(w) in tabs else " ")
            n += 1
        out.append(w.text)
        n += len(w.text)
        prev_x1 = w.x1
    return "".join(out), refs


def lines_of(words: list[Word], page: int = 0) -> list[Line]:
    """Words grouped into lines by baseline, each line left to right, top to bottom."""
    main = sorted((w for w in words if w.attach is None), key=lambda w: (w.base, w.x0))
    lines: list[Line] = []
    by_word: dict[int, Line] = {}
    for w in main:
        if lines:
            line = lines[-1]
            if w.base - line.base <= 0.3 * min(line.size, w.size):
                line.words.append(w)
                by_word[id(w)] = line
                continue
        line = Line([w], w.base, w.size, page)
        lines.append(line)
        by_word[id(w)] = line
    for w in words:
        if w.attach is not None:
            root = w.attach
            while root.attach is not None:
                root = root.attach
            line = by_word.get(id(root))
            if line is not None:
                line.words.append(w)
    for line in lines:
        line.words.sort(key=lambda w: (w.x0, w.order))
        _dedupe(line)
        sizes = Counter()
        for w in line.main:
            sizes[round(w.size * 2) / 2] += len(w.text)
        if sizes:
            line.size = sizes.most_common(1)[0][0]
    return lines


def _dedupe(line: Line) -> None:
    """Text printed twice at (almost) the same place (a "bold" made by overprinting) once."""
    out: list[Word] = []
    for w in line.words:
        if out and w.text == out[-1].text and abs(w.x0 - out[-1].x0) < 0.3 * max(w.size, 1.0):
            continue
        out.append(w)
    line.words = out


# --- tables from ruling lines ---------------------------------------------------------------------------

SNAP = 2.0  # points: lines this close are one; an end this close to a crossing line touches it


def _merge(segs: list[tuple[float, float, float]]) -> list[list[float]]:
    """Collinear pieces (pos, a, b) joined when they touch or overlap; positions this close snapped."""
    out: list[list[float]] = []
    for pos, a, b in sorted(segs):
        for s in reversed(out[-8:]):
            if abs(s[0] - pos) <= SNAP and a <= s[2] + SNAP and b >= s[1] - SNAP:
                s[1], s[2] = min(s[1], a), max(s[2], b)
                break
        else:
            out.append([pos, a, b])
    return out


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= SNAP:
            continue
        out.append(v)
    return out


@dataclass(eq=False)
class Grid:
    """A ruled table on one page: cell boxes by their (row, column) origin on the grid, with spans."""

    xs: list[float]
    ys: list[float]
    cells: dict[tuple[int, int], tuple[int, int]]  # (row, col) 0-based origin -> (row span, col span)
    page: int = 0
    texts: dict[tuple[int, int], list[Word]] = field(default_factory=dict)

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]

    def box(self, key: tuple[int, int]) -> tuple[float, float, float, float]:
        r, c = key
        rs, cs = self.cells[key]
        return self.xs[c], self.ys[r], self.xs[c + cs], self.ys[r + rs]


def find_grids(hlines: list[tuple[float, float, float]], vlines: list[tuple[float, float, float]],
               page: int = 0) -> list[Grid]:
    """Tables drawn with lines: groups of crossing horizontal and vertical lines, at least two of each."""
    H = _merge(hlines)
    V = _merge(vlines)
    if len(H) < 2 or len(V) < 2:
        return []
    parent = list(range(len(H) + len(V)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    Vs = sorted(range(len(V)), key=lambda k: V[k][0])
    vx = [V[k][0] for k in Vs]
    for hi, (y, a, b) in enumerate(H):
        for k in Vs[bisect_left(vx, a - SNAP):bisect_left(vx, b + SNAP + 1e-9)]:
            x, c, d = V[k]
            if c - SNAP <= y <= d + SNAP:
                ra, rb = find(hi), find(len(H) + k)
                if ra != rb:
                    parent[ra] = rb
    groups: dict[int, tuple[list, list]] = {}
    for i in range(len(H)):
        groups.setdefault(find(i), ([], []))[0].append(H[i])
    for k in range(len(V)):
        groups.setdefault(find(len(H) + k), ([], []))[1].append(V[k])
    grids = []
    for hs, vs in groups.values():
        if len(hs) < 2 or len(vs) < 2:
            continue
        grid = _grid(hs, vs, page)
        if grid is not None:
            grids.append(grid)
    grids.sort(key=lambda g: g.top)
    return grids


def _covered(segs: list[list[float]], pos: float, a: float, b: float) -> bool:
    """Is the stretch a..b at `pos` drawn (for the most part) by one of the lines?"""
    need = 0.6 * (b - a)
    got = 0.0
    for p, s, e in segs:
        if abs(p - pos) <= SNAP:
            got += max(0.0, min(e, b) - max(s, a))
    return got >= need


def _grid(hs: list[list[float]], vs: list[list[float]], page: int) -> Grid | None:
    xs = _cluster([v[0] for v in vs])
    ys = _cluster([h[0] for h in hs])
    rows, cols = len(ys) - 1, len(xs) - 1
    if rows < 1 or cols < 1 or rows * cols > 20_000:
        return None
    parent = {(r, c): (r, c) for r in range(rows) for c in range(cols)}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for r in range(rows):
        for c in range(cols - 1):
            if not _covered(vs, xs[c + 1], ys[r], ys[r + 1]):
                union((r, c), (r, c + 1))
    for r in range(rows - 1):
        for c in range(cols):
            if not _covered(hs, ys[r + 1], xs[c], xs[c + 1]):
                union((r, c), (r + 1, c))
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for k in parent:
        members.setdefault(find(k), []).append(k)
    cells: dict[tuple[int, int], tuple[int, int]] = {}
    taken: set[tuple[int, int]] = set()
    for keys in sorted(members.values(), key=min):
        r0 = min(k[0] for k in keys)
        c0 = min(k[1] for k in keys)
        r1 = max(k[0] for k in keys)
        c1 = max(k[1] for k in keys)
        box = {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        if box & taken:
            box = set(keys)  # not a rectangle: keep its units as they are
            for k in keys:
                if k not in taken:
                    cells[k] = (1, 1)
            taken |= box
            continue
        taken |= box
        cells[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
    if len(cells) < 2:
        return None  # a framed paragraph, not a table
    return Grid(xs, ys, cells, page)


def assign_to_grids(words: list[Word], grids: list[Grid]) -> list[Word]:
    """Puts each word whose middle lies inside a grid into its cell; returns the other words."""
    if not grids:
        return words
    rest = []
    for w in words:
        anchor = w.attach or w
        while anchor.attach is not None:
            anchor = anchor.attach
        x, y = anchor.mid, (anchor.top + anchor.bottom) / 2
        for g in grids:
            if g.xs[0] - 1 <= x <= g.xs[-1] + 1 and g.ys[0] - 1 <= y <= g.ys[-1] + 1:
                g.texts.setdefault(_cell_at(g, x, y), []).append(w)
                break
        else:
            rest.append(w)
    return rest


def _cell_at(g: Grid, x: float, y: float) -> tuple[int, int]:
    c = min(max(bisect_left(g.xs, x) - 1, 0), len(g.xs) - 2)
    r = min(max(bisect_left(g.ys, y) - 1, 0), len(g.ys) - 2)
    for key, (rs, cs) in g.cells.items():
        if key[0] <= r < key[0] + rs and key[1] <= c < key[1] + cs:
            return key
    return min(g.cells, key=lambda k: abs(k[0] - r) + abs(k[1] - c))


# --- page statistics ----------------------------------------------------------------------------------


@dataclass
class Frame:
    """Where lines start and end in a text area: the left edge, the right edge (justified lines reach it)
    and the centre of the area (for centred lines)."""

    left: float
    right: float
    centre: float


def frame_of(lines: list[Line], fallback: Frame | None = None) -> Frame | None:
    """The text area of a column of lines: the usual start of its lines (the most common left edge of
    lines of four words or more) and their usual end: where justified lines end (the most common right
    edge, when a third of the lines end there), else the 90th percentile of the right edges of ragged
    lines (one overflowing line does not count)."""
    if not lines:
        return fallback
    full = [ln for ln in lines if len(ln.main) >= 4]
    if len(full) >= 3:
        x0s = Counter(round(ln.x0) for ln in full)
        left, count = min(x0s.items(), key=lambda kv: (-kv[1], kv[0]))
        if count >= 3:
            left = min(ln.x0 for ln in full if abs(ln.x0 - left) <= 2)
            x1s = Counter(round(ln.x1) for ln in full)
            edge, support = max(x1s.items(), key=lambda kv: (kv[1], kv[0]))
            if sum(1 for ln in full if abs(ln.x1 - edge) <= 2) >= 0.3 * len(full):  # justified text
                right = max(ln.x1 for ln in full if abs(ln.x1 - edge) <= 2)
            else:
                ends = sorted(ln.x1 for ln in full)
                right = ends[min(len(ends) - 1, int(0.9 * len(ends)))]
            return Frame(left, right, (left + right) / 2)
    if fallback is not None:
        return fallback
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    return Frame(left, right, (left + right) / 2)


# --- paragraphs -----------------------------------------------------------------------------------------

_MARKS = r"[-–—+•·▪◦*]|[a-zđ][)]|\d{1,2}[.)]|[IVXLC]{1,5}[.]|\d{1,2}(?:\.\d{1,2}){1,3}\.?"
LIST_MARK = re.compile(rf"^(?:{_MARKS})$")  # a word that opens a list item or a numbered heading
_ENDS_SENTENCE = re.compile(r"[.;:!?…]['\"”’)]*$")
# "a) Về công tác tuyên truyền:" in bold, then the text, in one paragraph
_ENDS_LEAD_IN = re.compile(r"[:,]['\"”’)]*$")
_ENDS_ITEM = re.compile(r"[.;:,!?…]['\"”’)]*$")


@dataclass
class Style:
    """Document-wide measures the paragraph rules compare against."""

    body_size: float = 12.0
    pitch: float = 15.0  # baseline distance between lines of one paragraph


def _centred(line: Line, frame: Frame) -> bool:
    """Set in the middle of its text area: the same room on both sides (a justified line has none, an
    indented first line has room on the left only)."""
    s = max(line.size, 1.0)
    left, right = line.x0 - frame.left, frame.right - line.x1
    return left > 0.3 * s and right > 0.3 * s and abs((line.x0 + line.x1) / 2 - frame.centre) < 1.2 * s


def _has_lower(text: str) -> bool:
    return any(c.islower() for c in text)


def _has_upper_only(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def breaks(a: Line, b: Line, frame: Frame, style: Style, across_pages: bool = False, column: bool = False) -> bool:
    """Does line `b` start a new paragraph after line `a` (in the same text area)? In a column of a header
    or signature block (`column`) every line is its own paragraph unless `b` plainly goes on with `a`'s
    text (it starts in lower case, with a digit or a bracket)."""
    size = max(a.size, b.size, 1.0)
    if column:
        first = b.plain()[:1]
        if _has_upper_only(a.plain()) or not (first.islower() or first.isdigit() or first in "("):
            return True
    if not across_pages:
        pitch = b.base - a.base
        if pitch <= 0.3 * size or pitch > style.pitch + max(2.5, 0.3 * size):
            return True
    if abs(a.size - b.size) > 0.6:
        return True
    if (a.bold and (a.main or a.words)[-1].bold and not b.bold and not (b.main or b.words)[0].bold
            and not _ENDS_LEAD_IN.search(a.plain())):
        return True  # a bold heading, then the text under it
    at, bt = a.plain(), b.plain()
    ca, cb = _centred(a, frame), _centred(b, frame)
    if ca or cb:
        if not (ca and cb):
            return True
        first = bt[:1]
        if _has_upper_only(at) != _has_upper_only(bt):
            return True
        return not (first.islower() or first.isdigit() or first in "(") or bool(_ENDS_SENTENCE.search(at))
    if b.x0 > a.x0 + 0.7 * size:
        return True  # first-line indent
    first = b.main[0] if b.main else b.words[0]
    room = frame.right - a.x1
    if room > (first.x1 - first.x0) + 0.6 * size:
        return True  # the line stopped although the next word would have fitted
    if LIST_MARK.match(first.text) and (_ENDS_ITEM.search(at) or abs(b.x0 - a.x0) > 0.3 * size):
        return True
    if _has_upper_only(at) and _has_lower(bt) and not _has_upper_only(bt):
        return True
    return False


_HYPHEN_END = re.compile(r"(\w+)[-\xad]$")
_LOWER_START = re.compile(r"^([a-zà-ỹđ]+)")


def joiner(left: str, right: str) -> tuple[str, int]:
    """How a paragraph's line `right` joins the text so far: (separator, characters to drop from the end
    of `left`). A soft hyphen, or a hyphen between two lower-case fragments of a word that is not
    Vietnamese (Vietnamese words are never split), is dropped; after "/" or a hyphen no space."""
    if not left:
        return "", 0
    if left.endswith("\xad"):
        return "", 1
    if left.endswith("/"):
        return "", 0
    m = _HYPHEN_END.search(left)
    if m and not left.endswith(" -"):
        r = _LOWER_START.match(right)
        frag = m.group(1)
        if r and frag.isalpha() and frag.islower() and not _vietnamese(frag) and (frag + r.group(1)).isascii():
            return "", 1
        return "", 0
    return " ", 0


def _vietnamese(fragment: str) -> bool:
    from .legacy import is_syllable

    return is_syllable(fragment)


class TextBuilder:
    """The text of a block built line by line, with its footnote marks."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.refs: list[NoteRef] = []
        self.last = ""
        self.nfd = False  # the text came decomposed (NFD) and was composed

    def add_line(self, line: "Line", marks, sep: str | None = None) -> None:
        """A line's text (joined as `add` does); an empty line adds nothing."""
        text, refs = line.text(marks)
        if text or refs:
            self.nfd = self.nfd or any(w.nfd for w in line.words)
            self.add(text, refs, sep)

    def add(self, text: str, refs: list[tuple[int, int]], sep: str | None = None) -> None:
        if sep is None:
            sep, drop = joiner(self.last, text)
        else:
            drop = 0
        if drop:
            self.parts[-1] = self.parts[-1][:-drop]
            self.length -= drop
            self.last = self.last[:-drop]
            for r in self.refs:
                r.position = min(r.position, self.length)
        if self.parts and sep:
            self.parts.append(sep)
            self.length += len(sep)
        for pos, number in refs:
            self.refs.append(NoteRef(number, self.length + pos))
        self.parts.append(text)
        self.length += len(text)
        self.last = text

    @property
    def text(self) -> str:
        return "".join(self.parts)


def paragraphs(lines: list[Line], frame: Frame, style: Style, column: bool = False) -> list[list[Line]]:
    out: list[list[Line]] = []
    for ln in lines:
        if out and not breaks(out[-1][-1], ln, frame, style, column=column):
            out[-1].append(ln)
        else:
            out.append([ln])
    return out


# --- columns side by side (no ruling lines) ---------------------------------------------------------------


@dataclass(eq=False)
class Region:
    """Consecutive lines laid out in columns with an empty gutter between them (no lines drawn)."""

    lines: list[Line]
    gutters: list[tuple[float, float]]
    page: int = 0

    @property
    def top(self) -> float:
        return min(ln.top for ln in self.lines)

    def columns(self) -> list[list[Line]]:
        """The region's lines cut at the gutters: one list of lines per column."""
        bounds = [g[0] + (g[1] - g[0]) / 2 for g in sorted(self.gutters)]
        cols: list[list[Line]] = [[] for _ in range(len(bounds) + 1)]
        for ln in self.lines:
            parts: list[list[Word]] = [[] for _ in cols]
            for w in ln.words:
                anchor = w
                while anchor.attach is not None:
                    anchor = anchor.attach
                parts[bisect_left(bounds, anchor.mid)].append(w)
            for k, ws in enumerate(parts):
                if any(w.attach is None for w in ws):
                    main = [w for w in ws if w.attach is None]
                    cols[k].append(Line(ws, ln.base, Counter(round(w.size * 2) / 2 for w in main).most_common(1)[0][0],
                                        ln.page))
        return cols


_LABEL_WORD = re.compile(rf"^(?:{_MARKS}|Điều\s*\d+\.?|\(\d+\)|[a-zđ]\.)$")  # a list label before a tab


_BLANK_BEFORE = frozenset(("số:", "số", "ngày", "tháng", "năm"))  # "Số:      /BC-UBND", "ngày     tháng 6"


def _free(line: Line, size: float) -> list[tuple[float, float]]:
    """The wide empty stretches between the words of a line. A gap after a list label, or a field left
    blank in a draft's number or date line, is not a gutter."""
    main = line.main
    gaps = sorted(main[k].x0 - main[k - 1].x1 for k in range(1, len(main)))
    usual = gaps[len(gaps) // 2 - 1] if len(gaps) >= 2 else 0.0  # a justified line's gaps are all alike
    out = []
    for k in range(1, len(main)):
        a, b = main[k - 1], main[k]
        gap = b.x0 - a.x1
        if gap >= 1.5 * size and gap >= 2.5 * usual and (len(gaps) > 1 or gap >= 3 * size):
            if k == 1 and _LABEL_WORD.match(a.text):
                continue
            if a.text.lower() in _BLANK_BEFORE or b.text.startswith("/"):
                continue
            out.append((a.x1, b.x0))
    return out


def _narrow(gutters: list[tuple[float, float]], line: Line, size: float) -> list[tuple[float, float]]:
    """The gutters that survive a line: each cut down to the part not covered by the line's words."""
    spans = [(w.x0, w.x1) for w in line.main]
    out = []
    for g0, g1 in gutters:
        best = None
        # the free stretches of the line within the gutter
        lo = g0
        for s, e in sorted(spans):
            if e <= lo or s >= g1:
                continue
            if s > lo and (best is None or s - lo > best[1] - best[0]):
                best = (lo, s)
            lo = max(lo, e)
        if g1 > lo and (best is None or g1 - lo > best[1] - best[0]):
            best = (lo, g1)
        if best is not None and best[1] - best[0] >= 0.4 * size:
            out.append(best)
    return out


def _two_sided(line: Line, gutter: tuple[float, float]) -> bool:
    return any(w.x1 <= gutter[0] + 0.5 for w in line.main) and any(w.x0 >= gutter[1] - 0.5 for w in line.main)


def find_regions(lines: list[Line], style: Style, frame: Frame) -> tuple[list[Region], list[Line]]:
    """Runs of lines sharing a wide empty gutter, with words on both sides of it in at least two lines
    (or one, in a run of several lines): the columns of a header or of the signature block."""
    regions: list[Region] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        ln = lines[i]
        size = max(style.body_size * 0.9, ln.size)
        gutters = _free(ln, size)
        if not gutters:
            i += 1
            continue
        members = [ln]
        j = i + 1
        while j < len(lines):
            g = _joins(lines[j], gutters, members[-1], size, style, frame)
            if g is None:
                break
            gutters = g
            members.append(lines[j])
            j += 1
        k = i - 1  # lines just above that fit in one column join the region too (not the end of a
        while k >= 0 and k not in used and lines[k].x0 > frame.left + 0.5 * size:  # paragraph)
            g = _joins(lines[k], gutters, members[0], size, style, frame)
            if g is None:
                break
            gutters = g
            members.insert(0, lines[k])
            k -= 1
        both = [m for m in members if any(_two_sided(m, g) for g in gutters)]
        sided = len(both)
        if sided >= 2 and _tabbed(both, gutters):
            for m in both:  # "label:<tab>value" rows: lines of text with a tab, not columns
                m.tabs = frozenset(id(w) for w in m.main for g in gutters if abs(w.x0 - g[1]) < 0.5)
            i = j
            continue
        if sided >= 2 or (sided >= 1 and len(members) >= 2):
            gutters = [g for g in gutters if any(_two_sided(m, g) for m in members)]
            regions.append(Region(members, gutters, ln.page))
            used.update(range(k + 1, j))
            i = j
        else:
            i += 1
    return regions, [ln for k, ln in enumerate(lines) if k not in used]


def _tabbed(lines: list[Line], gutters: list[tuple[float, float]]) -> bool:
    """Rows typed with tabs ("- Hội trong tỉnh:<tab>326 người"): every line starts at the same place and
    every column after a gutter starts at the same place too (a tab stop), unlike the centred columns of
    a header or a signature."""
    firsts = [ln.main[0].x0 for ln in lines]
    if max(firsts) - min(firsts) > 1.0:
        return False
    for g0, g1 in gutters:
        starts = [min((w.x0 for w in ln.main if w.x0 >= g1 - 0.5), default=None) for ln in lines]
        if None in starts or max(starts) - min(starts) > 1.0:
            return False
    return True


def _joins(line: Line, gutters: list[tuple[float, float]], near: Line, size: float, style: Style,
           frame: Frame) -> list[tuple[float, float]] | None:
    """The gutters left when `line` joins a region next to its line `near`; None when it does not join:
    it covers every gutter, or it stands on one side only but is far from the region or centred on the
    page (the title under a header)."""
    if abs(line.base - near.base) > 3 * style.pitch:
        return None
    g = _narrow(gutters, line, size)
    if not g:
        return None
    if not any(_two_sided(line, x) for x in g):
        if any(w.x0 < (g0 + g1) / 2 < w.x1 for w in line.main for g0, g1 in gutters):
            return None  # across the middle of the gutter: the columns end here
        if abs(line.base - near.base) > 2.2 * style.pitch:
            return None
        narrow = line.x1 - line.x0 < 0.6 * (frame.right - frame.left)
        if narrow and abs((line.x0 + line.x1) / 2 - frame.centre) < 1.0 * size:
            return None
    return g


# --- page furniture --------------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(  # "3", "- 3 -", "(3)", "Trang 3", "Trang 3/12", "3 of 12"
    r"^[-–—(\[]?\s*(?:(?:trang|page|tr\.)\s*)?\d{1,4}\s*(?:(?:/|trên|of)\s*\d{1,4})?\s*[-–—)\]]?$",
    re.IGNORECASE)


def _digits_blind(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def furniture(pages: list[list[Line]], heights: list[float], pitch: float) -> set[int]:
    """ids of lines that are page numbers or running headers/footers: in the top or bottom tenth of the
    page, set apart from the text (a quarter line more than the line spacing), and either a page number alone on
    its line or the same text (but for its numbers) at the same height on at least half the pages."""
    out: set[int] = set()
    seen: dict[tuple[str, bool], list[tuple[int, Line]]] = {}
    for p, (lines, height) in enumerate(zip(pages, heights)):
        margin = 0.1 * height
        for k, ln in enumerate(lines):
            top_zone = ln.top < margin and k <= 1
            bottom_zone = ln.top > height - margin - 10 and k >= len(lines) - 2
            if not (top_zone or bottom_zone):
                continue
            if top_zone:
                inner = lines[k + 1] if k + 1 < len(lines) else None
            else:
                inner = lines[k - 1] if k else None
            if top_zone and k == 1 and id(lines[0]) not in out:
                continue  # the second line counts only under a page number already left out
            if (inner is not None and abs(inner.base - ln.base) < 1.25 * pitch
                    and not (bottom_zone and inner.size < ln.size - 0.5)):  # (a footnote just above a footer)
                continue
            text = ln.plain()
            if _PAGE_NUMBER.match(text.strip()):
                out.add(id(ln))
                continue
            seen.setdefault((_digits_blind(text), top_zone), []).append((p, ln))
    for (text, _), where in seen.items():
        pages_with = {p for p, _ in where}
        if len(pages_with) >= max(2, (len(pages) + 1) // 2) and len(text) >= 3:
            ys = sorted(ln.base for _, ln in where)
            median = ys[len(ys) // 2]
            out.update(id(ln) for _, ln in where if abs(ln.base - median) <= 3)
    return out


# --- footnotes ----------------------------------------------------------------------------------------------


@dataclass(eq=False)
class Note:
    number: int
    page: int
    lines: list[Line]


def _mark_number(w: Word) -> int | None:
    t = w.text.strip("()[]")
    if t.isdigit() and len(t) <= 3 and int(t) > 0:
        return int(t)
    return None


def _opens_note(line: Line) -> bool:
    """Does the line start with a footnote's number (raised, or smaller than the text after it)?"""
    words = line.words
    return (len(words) >= 2 and _mark_number(words[0]) is not None
            and (words[0].raised or words[0].size < words[1].size - 0.5))


def footnote_zone(lines: list[Line], hlines: list[tuple[float, float, float]], frame: Frame,
                  style: Style, page_height: float, continued: bool = False) -> int:
    """How many of the page's last lines are footnotes (0 when none): those below a short separator line
    at the left of the text area, the first opening a note (or going on with the last note of the page
    before, when `continued`); without a separator, a run of small lines at the foot of the page whose
    first opens a note marked in the text above."""
    if not lines:
        return 0
    width = max(frame.right - frame.left, 1.0)
    body = style.body_size
    seps = [y for y, a, b in hlines
            if 0.08 * width <= b - a <= 0.6 * width and a <= frame.left + 2 * body and y > 0.4 * page_height]
    for y in sorted(seps):
        below = [ln for ln in lines if ln.top >= y - 1]
        above = [ln for ln in lines if ln.top < y - 1]
        if not below or not above:
            continue
        if (all(ln.size <= body + 0.25 for ln in below) and lines[-len(below):] == below
                and (continued or _opens_note(below[0]))):
            return len(below)
    # no separator: small lines at the foot of the page, the first starting with its number
    k = len(lines)
    while k > 0 and lines[k - 1].size <= 0.86 * body:
        k -= 1
    if k == len(lines) or k == 0:
        return 0
    if not _opens_note(lines[k]):
        return 0
    number = _mark_number(lines[k].words[0])
    # and a superscript with that number in the text above
    marks = {w.text for ln in lines[:k] for w in ln.words if w.raised and w.attach is not None}
    return len(lines) - k if str(number) in marks else 0


def split_notes(zone: list[Line], page: int, notes: list[Note]) -> None:
    """The footnotes in a page's footnote lines: a line starting with a (superscript) number starts one,
    the others continue it (or the last note of the page before)."""
    expected = notes[-1].number + 1 if notes else 1
    for ln in zone:
        first = ln.words[0]
        number = _mark_number(first)
        starts = number is not None and (first.attach is not None or first.raised or len(ln.words) > 1
                                         and (number == expected or first.size < ln.words[1].size - 0.5))
        if starts and len(ln.words) > 1 and first.attach is None and not first.raised:
            # a plain number opening the line: only the next number in sequence, or set apart
            starts = number == expected or not notes
        if starts:
            rest = [w for w in ln.words[1:]]
            rest_line = Line(rest, ln.base, ln.size, page) if rest else Line([], ln.base, ln.size, page)
            notes.append(Note(number, page, [rest_line] if rest else []))
            expected = number + 1
        elif notes:
            notes[-1].lines.append(ln)
        else:
            notes.append(Note(expected, page, [ln]))
            expected += 1


# --- the whole document ------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Page:
    number: int
    height: float
    width: float
    grids: list[Grid]
    lines: list[Line]
    hlines: list[tuple[float, float, float]]
    frame: Frame | None = None
    regions: list[Region] = field(default_factory=list)
    flow: list[Line] = field(default_factory=list)


def _style(pages: list[_Page]) -> Style:
    sizes: Counter = Counter()
    for p in pages:
        for ln in p.lines:
            sizes[ln.size] += sum(len(w.text) for w in ln.main)
    body = sizes.most_common(1)[0][0] if sizes else 12.0
    pitches: Counter = Counter()
    for p in pages:
        prev = None
        for ln in p.lines:
            if prev is not None and abs(ln.size - body) <= 0.5 and abs(prev.size - body) <= 0.5:
                d = ln.base - prev.base
                if 0.9 * body <= d <= 3 * body:
                    pitches[round(d * 2) / 2] += 1
            prev = ln
    pitch = pitches.most_common(1)[0][0] if pitches else 1.2 * body
    return Style(body_size=body, pitch=pitch)


def layout(contents: list[PageContent], name: str, producer: str = "") -> Document:
    from .errors import ReadError

    pages: list[_Page] = []
    text_chars = 0
    unmapped = sampled = 0
    without_text = []
    for pc in contents:
        visible = sum(1 for c in pc.chars if not _is_space(c[0]))
        text_chars += visible
        unmapped += pc.unmapped
        sampled += pc.sampled
        if visible == 0:
            without_text.append(pc.number)
        words = words_of(pc.chars, pc.fonts)
        grids = find_grids(pc.hlines, pc.vlines, pc.number)
        rest = assign_to_grids(words, grids)
        grids = [g for g in grids if g.texts or len(g.cells) > 2]
        lines = lines_of(rest, pc.number)
        hlines = _outside_grids(pc.hlines, grids)
        pages.append(_Page(pc.number, pc.height, pc.width, grids, lines, hlines))
    if sampled and unmapped > 0.5 * sampled:
        raise ReadError("pdf-unmapped", "the PDF's text has no Unicode mapping (run OCR on it, e.g. ocrmypdf "
                        "--force-ocr)", name, detail="no ToUnicode")
    if text_chars == 0:
        raise ReadError("pdf-scanned", "a scan without a text layer: run OCR on it first (e.g. ocrmypdf)", name,
                        detail="no text layer")
    style = _style(pages)
    all_lines = [ln for p in pages for ln in p.lines]
    doc_frame = frame_of(all_lines)
    drop = furniture([p.lines for p in pages], [p.height for p in pages], style.pitch)
    notes: list[Note] = []
    for p in pages:
        lines = [ln for ln in p.lines if id(ln) not in drop]
        p.frame = frame_of(lines, None) if sum(1 for ln in lines if len(ln.main) >= 4) >= 6 else None
        p.frame = p.frame or doc_frame or Frame(0, p.width, p.width / 2)
        n = footnote_zone(lines, p.hlines, p.frame, style, p.height,
                          continued=bool(notes) and notes[-1].page == p.number - 1)
        if n:
            split_notes(lines[-n:], p.number, notes)
            lines = lines[:-n]
        p.regions, p.flow = find_regions(lines, style, p.frame)
    return _assemble(pages, notes, style, name, producer, without_text, len(contents))


def _outside_grids(hlines: list[tuple[float, float, float]], grids: list[Grid]) -> list[tuple[float, float, float]]:
    """The horizontal lines that are not part of a table."""
    return [h for h in hlines
            if not any(g.ys[0] - SNAP <= h[0] <= g.ys[-1] + SNAP and h[2] >= g.xs[0] - SNAP and h[1] <= g.xs[-1] + SNAP
                       for g in grids)]


def _assemble(pages: list[_Page], notes: list[Note], style: Style, name: str, producer: str,
              without_text: list[int], page_count: int) -> Document:
    note_pages: dict[tuple[int, int], Note] = {}
    for n in notes:
        note_pages.setdefault((n.page, n.number), n)
    numbers = [n.number for n in notes]
    if len(set(numbers)) != len(numbers):  # numbering restarts (on each page): number them in order
        for k, n in enumerate(notes, 1):
            n.number = k

    def marks_on(page: int) -> Callable[[Word], int | None]:
        def mark(w: Word) -> int | None:
            number = _mark_number(w)
            if number is None:
                return None
            base = w.attach
            if base is not None and re.search(r"(?:^|[^A-Za-zÀ-ỹ])(?:k|c|d)?m$", base.text):
                return None  # m², km²: an exponent
            # the note starts on the mark's page, or on the next when it had no room left there
            note = note_pages.get((page, number)) or note_pages.get((page + 1, number))
            if note is None:
                return None
            return note.number
        return mark

    body: list[Block] = []
    spans: dict[int, dict[tuple[int, int], tuple[int, int]]] = {}
    tables = [0]
    open_para: list = [None]  # (builder, block, last line, frame) of a paragraph that may go on

    def emit_table(grid: Grid, continues: tuple | None) -> None:
        mark = marks_on(grid.page)
        if continues is not None:
            number, row_offset, first_rows = continues
        else:
            tables[0] += 1
            number, row_offset, first_rows = tables[0], 0, None
        tspans = spans.setdefault(number, {})
        skip = _repeated_header(grid, first_rows, mark) if first_rows else 0
        for key in sorted(grid.cells):
            r, c = key
            if r < skip:
                continue
            rs, cs = grid.cells[key]
            row = r - skip + 1 + row_offset
            words = grid.texts.get(key, [])
            tb = _cell_text(words, grid, key, style, mark)
            b = Block(0, BlockKind.TABLE_CELL, tb.text, table=number, row=row, column=c + 1, page=grid.page,
                      was_nfd=tb.nfd)
            b.note_refs = tb.refs
            body.append(b)
            tspans[(row, c + 1)] = (rs, cs)

    def emit_region(region: Region) -> None:
        mark = marks_on(region.page)
        tables[0] += 1
        number = tables[0]
        tspans = spans.setdefault(number, {})
        for k, col in enumerate(region.columns(), 1):
            frame = frame_of(col) or Frame(0, 0, 0)
            frame = Frame(min(ln.x0 for ln in col), max(ln.x1 for ln in col),
                          (min(ln.x0 for ln in col) + max(ln.x1 for ln in col)) / 2) if col else frame
            tb = TextBuilder()
            for para in paragraphs(col, frame, style, column=True):
                _add_para(tb, para, mark, sep="\n" if tb.parts else "")
            b = Block(0, BlockKind.TABLE_CELL, tb.text, table=number, row=1, column=k, page=region.page,
                      was_nfd=tb.nfd)
            b.note_refs = tb.refs
            body.append(b)
            tspans[(1, k)] = (1, 1)

    last_table: list = [None]  # (grid, number, rows so far, first rows) of a table that may go on

    for p in pages:
        elements: list[tuple[float, int, object]] = []
        for g in p.grids:
            elements.append((g.top, 0, g))
        for r in p.regions:
            elements.append((r.top, 1, r))
        for ln in p.flow:
            elements.append((ln.top, 2, ln))
        elements.sort(key=lambda e: (e[0], e[1]))
        frame = p.frame
        mark = marks_on(p.number)
        for k, (_, kind, el) in enumerate(elements):
            if kind == 0:
                cont = None
                lt = last_table[0]
                if k == 0 and lt is not None and lt[0].page == p.number - 1 and _same_columns(lt[0], el):
                    cont = (lt[1], lt[2], lt[3])
                open_para[0] = None
                before = len(body)
                emit_table(el, cont)
                if cont is None:
                    number = tables[0]
                    rows = max((b.row or 0) for b in body[before:]) if len(body) > before else 0
                    last_table[0] = [el, number, rows, el]
                else:
                    rows = max([(b.row or 0) for b in body[before:]] + [lt[2]])
                    last_table[0] = [el, lt[1], rows, lt[3]]
                continue
            last_table[0] = None if kind != 0 else last_table[0]
            if kind == 1:
                open_para[0] = None
                emit_region(el)
                continue
            ln = el
            op = open_para[0]
            if op is not None:
                tb, block, prev, pframe = op
                across = prev.page != ln.page
                if across:
                    ok = _continues_on_next_page(prev, ln, pframe, frame, style)
                else:
                    ok = not breaks(prev, ln, frame, style)
                if ok:
                    tb.add_line(ln, mark)
                    block.text, block.note_refs, block.was_nfd = tb.text, tb.refs, tb.nfd
                    open_para[0] = (tb, block, ln, frame)
                    continue
            tb = TextBuilder()
            tb.add_line(ln, mark, sep="")
            block = Block(0, BlockKind.PARAGRAPH, tb.text, page=ln.page, was_nfd=tb.nfd)
            block.note_refs = tb.refs
            body.append(block)
            open_para[0] = (tb, block, ln, frame)
        # what ends a page: a paragraph may go on, a table may go on
        if elements and elements[-1][1] != 2:
            open_para[0] = None
        if not elements or elements[-1][1] != 0:
            last_table[0] = None

    note_blocks: list[Block] = []
    for n in notes:
        tb = TextBuilder()
        mark = marks_on(n.page)
        for ln in n.lines:
            tb.add_line(ln, mark, sep=None if tb.parts else "")
        b = Block(0, BlockKind.FOOTNOTE, tb.text.strip(), note=n.number, page=n.page, was_nfd=tb.nfd)
        note_blocks.append(b)
    blocks = [b for b in body if b.text.strip() or b.kind is BlockKind.TABLE_CELL] + note_blocks
    counts: dict[int, int] = {}
    for b in blocks:  # "trang 2 · đoạn 3": the paragraphs (outside tables) that start on each page
        if b.kind is BlockKind.PARAGRAPH and b.page is not None:
            counts[b.page] = b.paragraph = counts.get(b.page, 0) + 1
    from .text import mark_legacy

    mark_legacy(blocks)
    renumber(blocks)
    meta: dict = {"pages": page_count, "table_spans": spans, "producer": producer}
    if without_text:
        meta["pages_without_text"] = without_text
    return Document(path=name, format="pdf", blocks=blocks, encoding=None, meta=meta)


def _add_para(tb: TextBuilder, para: list[Line], mark, sep: str) -> None:
    for i, ln in enumerate(para):
        tb.add_line(ln, mark, sep=sep if i == 0 else None)


def _cell_text(words: list[Word], grid: Grid, key: tuple[int, int], style: Style, mark) -> TextBuilder:
    """The text of a ruled cell: its paragraphs joined by newlines (as the Word reader joins them)."""
    tb = TextBuilder()
    if not words:
        return tb
    lines = lines_of(words, grid.page)
    x0, _, x1, _ = grid.box(key)
    pad = max(0.0, min(ln.x0 for ln in lines) - x0)
    right = max(max(ln.x1 for ln in lines), x1 - min(pad, 6.0))
    frame = Frame(x0 + min(pad, 6.0), right, (x0 + x1) / 2)
    for para in paragraphs(lines, frame, style):
        _add_para(tb, para, mark, sep="\n" if tb.parts else "")
    return tb


def _same_columns(a: Grid, b: Grid) -> bool:
    if len(a.xs) != len(b.xs):
        return False
    return all(abs(x - y) <= 2 * SNAP for x, y in zip(a.xs, b.xs))


def _repeated_header(grid: Grid, first: Grid, mark) -> int:
    """How many of the grid's first rows repeat the first rows of the table it continues."""
    rows = len(grid.ys) - 1
    for k in range(min(rows - 1, 3), 0, -1):
        if _row_texts(grid, k, mark) == _row_texts(first, k, mark):
            return k
    return 0


def _row_texts(grid: Grid, k: int, mark) -> list[tuple]:
    out = []
    for key in sorted(grid.cells):
        if key[0] < k:
            out.append((key, grid.cells[key], " ".join(w.text for w in grid.texts.get(key, []))))
    return out


def _continues_on_next_page(prev: Line, ln: Line, pframe: Frame, frame: Frame, style: Style) -> bool:
    """The next page's first line starts at the left edge and nothing else starts a paragraph there (the
    last line of the page had no room for its first word…): the paragraph goes on."""
    size = max(prev.size, ln.size, 1.0)
    if ln.x0 > frame.left + 0.7 * size:
        return False
    if _centred(prev, pframe) or _centred(ln, frame):
        return False
    return not breaks(prev, ln, Frame(pframe.left, pframe.right, pframe.centre), style, across_pages=True)
