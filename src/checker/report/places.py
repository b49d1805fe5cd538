"""Where a finding is, in words a clerk can follow: shared by every report that shows places
(console, HTML). Imports nothing heavy."""

from __future__ import annotations

from ..i18n import t
from ..issues import Location


def place_text(loc: Location, lang: str) -> str:
    """Where a place is, as a clerk finds it: section, table cell or footnote, then line or paragraph."""
    parts = []
    if loc.section:
        parts.append(t("location.section", lang, section=loc.section))
    if loc.table is not None:
        parts.append(t("location.table", lang, table=loc.table, row=loc.row, column=loc.column_index))
    elif loc.footnote is not None:
        parts.append(t("location.footnote", lang, footnote=loc.footnote))
    elif loc.kind in ("header", "footer"):
        parts.append(t(f"location.{loc.kind}", lang))
    if loc.line is not None:
        parts.append(t("location.line", lang, line=loc.line) + (f":{loc.column}" if loc.column else ""))
    else:
        parts.append(t("location.block", lang, block=loc.block))
    return " · ".join(parts)
