"""The values line of a finding, shared by the console and the Word comment:

    Tính ra: 8,43% · Văn bản ghi: 84,95% · Có thể sửa: 18.874 → 1.874

An arithmetic rule's `expected` is what the figures compute to ("Tính ra"/"Computed"), which is not
always the fix: when one figure is probably mistyped, the likely correction is named on its own
("Có thể sửa"/"Likely correction"). Other rules' `expected` is the form the text should use
("Nên ghi"/"Suggested": "3." after "2.", "1,85" for "1.85").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import t

if TYPE_CHECKING:
    from ..issues import Issue


def value_bits(issue: "Issue", lang: str, *, actual_alone: bool = True) -> list[tuple[str, str]]:
    """(label, value) pairs; `actual_alone=False` leaves out the stated value when nothing was computed."""
    bits: list[tuple[str, str]] = []
    if issue.expected is not None:
        key = "expected" if issue.category == "arithmetic" else "expected.suggested"
        bits.append((t(key, lang), issue.expected))
    if issue.actual is not None and (actual_alone or issue.expected is not None):
        bits.append((t("actual", lang), issue.actual))
    if issue.suggestion:
        bits.append((t("suggestion", lang), f"{issue.suggestion['from']} → {issue.suggestion['to']}"))
    return bits
