"""Heading labels typed at the start of a paragraph ("I.", "2.", "1.1.", "a)") and the section path.

A paragraph is a heading only when its label is followed by a short title-like
text: "2. Kết quả cụ thể trên từng lĩnh vực" is a heading, "2.000 hộ tham gia…"
or "15/6/2024 Hội nghị…" are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .document import Block, BlockKind, Document

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
         "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15}
LETTERS = "abcdđeghiklmnopqrstuvxy"

_LABEL = re.compile(
    r"""^\s*(?:
        (?P<roman>[IVX]{1,5})\s*[.:]\s*(?=\S)            # I.  II.  IV:
      | (?P<decimal>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\S) # 1.1  1.1.  2.3.1.
      | (?P<arabic>\d{1,2})\s*[.)]\s+(?=\S)               # 1.  2)
      | (?P<letter>[a-zđ])\s*\)\s*(?=\S)                  # a)  b)
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading's label ('IV.', '1.1.', 'a)'), its numbering and its title."""

    level: str  # "roman" | "arabic" | "decimal" | "letter"
    label: str  # as written, e.g. "IV", "2", "1.1", "a"
    numbers: tuple[int, ...]  # the numbering value(s), e.g. (4,), (1, 1)
    start: int
    end: int  # end of the label (including its punctuation)
    title: str


LETTER_ORDINALS = {ch: i for i, ch in enumerate("abcd")} | {"đ": 3.5, "e": 4, "f": 4.5, "g": 5, "h": 6, "i": 7,
                                                          "j": 7.5, "k": 8, "l": 9, "m": 10, "n": 11, "o": 12,
                                                          "p": 13, "q": 14, "r": 15, "s": 16, "t": 17, "u": 18,
                                                          "v": 19, "w": 19.5, "x": 20, "y": 21, "z": 21.5}


@lru_cache(maxsize=1 << 15)  # several rules parse the same paragraphs; a Heading is immutable
def parse_heading(text: str, max_title: int = 300) -> Heading | None:
    """The typed label at the start of a paragraph, when what follows reads like a title or an item.

    `max_title` bounds the text after the label: section paths use short titles only, the
    numbering check also takes long numbered items ("1. Tổ chức chu đáo … (a long paragraph)").
    """
    m = _LABEL.match(text)
    if not m:
        return None
    title = text[m.end():].strip()
    if not title or len(title) > max_title:
        return None
    first = title[0]
    if m.group("roman"):
        label = m.group("roman")
        if label not in ROMAN or not (first.isupper() or first.isdigit()):
            return None
        return Heading("roman", label, (ROMAN[label],), m.start("roman"), m.end(), title)
    if m.group("decimal"):
        label = m.group("decimal")
        if not first.isalpha() or not first.isupper():
            return None
        nums = tuple(int(x) for x in label.split("."))
        if 0 in nums:
            return None
        return Heading("decimal", label, nums, m.start("decimal"), m.end(), title)
    if m.group("arabic"):
        label = m.group("arabic")
        if not first.isalpha() or not first.isupper() or int(label) == 0:
            return None
        return Heading("arabic", label, (int(label),), m.start("arabic"), m.end(), title)
    label = m.group("letter")
    if not first.isalpha() or label not in LETTER_ORDINALS:
        return None
    return Heading("letter", label, (LETTERS.index(label) + 1 if label in LETTERS else 0,),
                   m.start("letter"), m.end(), title)


def assign_sections(doc: Document) -> None:
    """Sets `Block.section` ("II.1.a") on every body block from the typed heading labels."""
    roman = arabic = letter = None
    decimal: str | None = None
    for block in doc.blocks:
        if block.kind is not BlockKind.PARAGRAPH:
            if block.kind is BlockKind.TABLE_CELL:
                block.section = _path(roman, arabic, decimal, letter)
            continue
        h = parse_heading(block.text)
        if h is not None:
            if h.level == "roman":
                roman, arabic, decimal, letter = h.label, None, None, None
            elif h.level == "arabic":
                arabic, decimal, letter = h.label, None, None
            elif h.level == "decimal":
                decimal, letter = h.label, None
            else:
                letter = h.label
        block.section = _path(roman, arabic, decimal, letter)


def _path(roman: str | None, arabic: str | None, decimal: str | None, letter: str | None) -> str | None:
    parts = [p for p in (roman, decimal or arabic, letter) if p]
    return ".".join(parts) or None


def heading_blocks(doc: Document) -> list[tuple[Block, Heading]]:
    return [(b, h) for b in doc.paragraphs() if (h := parse_heading(b.text)) is not None]
