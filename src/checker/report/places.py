"""Where a finding is, in the words a clerk uses to find it: shared by every output format.

Word files have no lines: a place there is the section path, then Word's paragraph number ("đoạn 16":
the 16th paragraph of the body outside tables, empty ones included), a table cell ("bảng 2, hàng 7,
cột 5"), a footnote ("chú thích 3") or the page header/footer. Text files have lines and columns.
No rich here: the concise format must not pay for importing it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import t

if TYPE_CHECKING:
    from ..issues import Location


def spot_text(loc: "Location", lang: str) -> str:
    """The place without its section: "đoạn 16", "bảng 2, hàng 7, cột 5", "chú thích 3", "dòng 12:5"."""
    parts = []
    if loc.table is not None:
        parts.append(t("location.table", lang, table=loc.table, row=loc.row, column=loc.column_index))
    elif loc.footnote is not None:
        key = "location.endnote" if loc.kind == "endnote" else "location.footnote"
        parts.append(t(key, lang, footnote=loc.footnote))
    elif loc.kind in ("header", "footer"):
        parts.append(t(f"location.{loc.kind}", lang))
    if loc.line is not None:
        parts.append(t("location.line", lang, line=loc.line) + (f":{loc.column}" if loc.column else ""))
    elif loc.paragraph is not None:
        parts.append(t("location.paragraph", lang, paragraph=loc.paragraph))
    elif not parts:  # a block no reader numbered (an in-memory document): its reading-order number
        parts.append(t("location.block", lang, block=loc.block))
    parts[:0] = [t("location.page", lang, page=loc.page)] if loc.page is not None else []  # a PDF's page first
    return " · ".join(parts)


def place_text(loc: "Location", lang: str) -> str:
    """Section path, then the spot: "mục I.1.2 · đoạn 16"."""
    spot = spot_text(loc, lang)
    return f"{t('location.section', lang, section=loc.section)} · {spot}" if loc.section else spot


def concise_place(loc: "Location", lang: str) -> str:
    """The place in `path:PLACE: ID message`: "12:5" for text files (as compilers write it), "¶16" for a
    Word paragraph, and the spot in words for table cells, notes, headers and footers."""
    if loc.line is not None:
        return f"{loc.line}:{loc.column}" if loc.column else str(loc.line)
    if loc.table is None and loc.footnote is None and loc.kind == "paragraph" and loc.paragraph is not None \
            and loc.page is None:  # (a PDF's paragraph is numbered on its page: "trang 2 · đoạn 1")
        return f"¶{loc.paragraph}"
    return spot_text(loc, lang)
