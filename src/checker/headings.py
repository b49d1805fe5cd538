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

_UPPER = "A-ZĐÀ-ỸÂĂÊÔƠƯ"
# A label and its punctuation. The space after it may be missing ("6.1.Công tác", "2.Kết quả") when a
# capital letter follows at once; the styles "1)", "1-", "I-", "a-", "a." are read too.
_LABEL = re.compile(
    rf"""^\s*(?:
        (?P<roman>[IVX]{{1,5}})\s*(?P<rp>[.:)]|[-–](?!\d))\s*(?=\S)         # I.  II.  IV:  I-  II –
      | (?P<decimal>\d{{1,2}}(?:\.\d{{1,2}}){{1,3}})(?P<dp>\.?\s+|\.(?=[{_UPPER}])|\s*[)]\s*|\s*[-–]\s*(?=[{_UPPER}]))
                                                                        # 1.1  1.1.  2.3.1.  6.1.Công
      | (?P<arabic>\d{{1,2}})(?P<ap>\s*[.)]\s*|\s*[-–]\s*(?=[{_UPPER}]))(?=\S)   # 1.  2)  3-  2.Công
      | (?P<letter>[a-zđ])(?P<lp>\s*\)\s*|\s*[-–]\s*(?=[{_UPPER}])|\.\s+(?=[{_UPPER}]))(?=\S)
                                                                        # a)  b)  c-  d. Công
    )""",
    re.VERBOSE,
)


def _style(punct: str | None) -> str:
    """The label's punctuation as a numbering style: "." (also ":"), ")" or "-"."""
    p = (punct or "").strip()
    if p.startswith(")"):
        return ")"
    if p[:1] in "-–" and p:
        return "-"
    return "."


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading's label ('IV.', '1.1.', 'a)'), its numbering and its title."""

    level: str  # "roman" | "arabic" | "decimal" | "letter"
    label: str  # as written, e.g. "IV", "2", "1.1", "a"
    numbers: tuple[int, ...]  # the numbering value(s), e.g. (4,), (1, 1)
    start: int
    end: int  # end of the label (including its punctuation)
    title: str
    style: str = "."  # the label's punctuation: "." ("1.", "I.", "1.1"), ")" ("1)", "a)") or "-" ("I-", "1-")


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
        rp = m.group("rp")
        if rp in "-–" and not text[m.end("rp"):m.end("rp") + 1].isspace() and not title.split()[0].isupper():
            return None  # "V-League", not "V- KIẾN NGHỊ"
        return Heading("roman", label, (ROMAN[label],), m.start("roman"), m.end(), title, _style(m.group("rp")))
    if m.group("decimal"):
        label = m.group("decimal")
        if not first.isalpha() or not first.isupper():
            return None
        nums = tuple(int(x) for x in label.split("."))
        if 0 in nums:
            return None
        return Heading("decimal", label, nums, m.start("decimal"), m.end(), title, _style(m.group("dp")))
    if m.group("arabic"):
        label = m.group("arabic")
        if not first.isalpha() or not first.isupper() or int(label) == 0:
            return None
        return Heading("arabic", label, (int(label),), m.start("arabic"), m.end(), title, _style(m.group("ap")))
    label = m.group("letter")
    if not first.isalpha() or label not in LETTER_ORDINALS:
        return None
    return Heading("letter", label, (LETTERS.index(label) + 1 if label in LETTERS else 0,),
                   m.start("letter"), m.end(), title, _style(m.group("lp")))


# --- appendices ------------------------------------------------------------------------------------

_MARKUP = re.compile(r"[*_#`]+")
# "PHỤ LỤC", "PHỤ LỤC 2", "Phụ lục I", "Phụ lục số 01:", "PHỤ BIỂU 03 …": an appendix heading standing
# alone on its line; "Phụ lục văn bản trình bày trang riêng…" (a sentence about appendices) is not one.
_APPENDIX = re.compile(r"^(?P<word>PHỤ\s+LỤC|PHỤ\s+BIỂU|Phụ\s+lục|Phụ\s+biểu)(?![\w])\s*(?P<rest>.*)$", re.DOTALL)
_APPENDIX_LABEL = re.compile(r"^(?:[Ss][ốỐ]\s*)?(?P<label>[IVXL]{1,6}|\d{1,3}[a-z]?|[A-Z])(?![\w])\s*(?P<after>.*)$",
                             re.DOTALL)
# inside the appendices, each form or table sheet restarts the numbering: "Biểu mẫu 1", "Biểu số 02", "Mẫu số 3"
_SHEET = re.compile(r"^(?:BIỂU\s+MẪU|Biểu\s+mẫu|BIỂU\s+SỐ|Biểu\s+số|MẪU\s+SỐ|Mẫu\s+số|Phụ\s+biểu|PHỤ\s+BIỂU)"
                    r"\s*(?P<label>[IVXL]{1,6}|\d{1,3}[a-z]?)(?![\w])\s*[:.\-–]?\s*(?P<after>.*)$", re.DOTALL)
APPENDIX_MAX_CHARS = 200  # an appendix heading is a title, not a paragraph
MIN_BODY_BEFORE_APPENDIX = 3  # non-empty paragraphs before it: a document that *is* an appendix has none


def appendix_label(text: str) -> str | None:
    """The label of an appendix heading ("I", "01", "" for a bare "PHỤ LỤC"); None when the text is not one."""
    t = _MARKUP.sub("", text).strip()
    if not t or len(t) > APPENDIX_MAX_CHARS:
        return None
    m = _APPENDIX.match(t)
    if m is None:
        return None
    rest = m.group("rest").strip()
    upper = m.group("word").isupper()
    if not rest or rest in (":", "."):
        return ""
    lab = _APPENDIX_LABEL.match(rest)
    if lab is not None:
        after = lab.group("after").strip()
        if not after or after[0] in ":.-–(" or after[0].isupper() or after[0].isdigit():
            return lab.group("label")
        return None
    if rest[0] in ":.-–" and rest[1:].strip()[:1].isupper():
        return ""  # "PHỤ LỤC: DANH MỤC …", "Phụ lục: Biểu tổng hợp"
    if upper and rest.upper() == rest:
        return ""  # "PHỤ LỤC KẾT QUẢ THỰC HIỆN …"
    return None


def find_appendices(doc: Document) -> list[tuple[int, str]]:
    """(block index, label) of each appendix heading, the first after the body of the document; then,
    inside the appendices, each further appendix and each form sheet ("Biểu mẫu 2")."""
    out: list[tuple[int, str]] = []
    body_seen = 0
    for b in doc.blocks:
        if b.kind is not BlockKind.PARAGRAPH:
            continue
        text = b.text
        if not text or text.isspace():
            continue
        if "ụ" not in text and "Ụ" not in text and not out:
            body_seen += 1  # (no "PHỤ"/"Phụ": the usual paragraph, not an appendix heading)
            continue
        label = appendix_label(text)
        if label is None:
            if out:
                m = _SHEET.match(_MARKUP.sub("", text).strip())
                if m is not None and len(text) <= APPENDIX_MAX_CHARS:
                    out.append((b.index, m.group("label")))
            else:
                body_seen += 1
            continue
        if not out and body_seen < MIN_BODY_BEFORE_APPENDIX:
            body_seen += 1
            continue  # the document opens with it: it is itself an appendix, not a report that has one
        out.append((b.index, label))
    return out


def mark_appendices(doc: Document) -> None:
    """Sets `doc.appendix_start` and `doc.meta["appendices"]` (see `find_appendices`)."""
    found = find_appendices(doc)
    doc.appendix_start = found[0][0] if found else None
    if found:
        doc.meta["appendices"] = found


def assign_sections(doc: Document) -> None:
    """Marks the appendices (`mark_appendices`) and sets `Block.section` ("II.1.a") on every body block
    from the typed heading labels. Numbering starts again in each appendix, whose blocks carry its name
    ("Phụ lục II: 1.a")."""
    mark_appendices(doc)
    starts = dict(doc.meta.get("appendices", ()))
    roman = arabic = letter = None
    decimal: str | None = None
    prefix = ""
    for block in doc.blocks:
        if block.index in starts:
            roman = arabic = decimal = letter = None
            label = starts[block.index]
            if appendix_label(block.text) is not None:
                prefix = f"Phụ lục {label}".strip()
            elif not prefix.startswith("Phụ lục"):
                prefix = "Phụ lục"
        if block.kind is not BlockKind.PARAGRAPH:
            if block.kind is BlockKind.TABLE_CELL:
                block.section = _path(roman, arabic, decimal, letter, prefix)
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
        block.section = _path(roman, arabic, decimal, letter, prefix)


def _path(roman: str | None, arabic: str | None, decimal: str | None, letter: str | None,
          prefix: str = "") -> str | None:
    parts = [p for p in (roman, decimal or arabic, letter) if p]
    path = ".".join(parts)
    if prefix:
        return f"{prefix}: {path}" if path else prefix
    return path or None


def heading_blocks(doc: Document) -> list[tuple[Block, Heading]]:
    return [(b, h) for b in doc.paragraphs() if (h := parse_heading(b.text)) is not None]
