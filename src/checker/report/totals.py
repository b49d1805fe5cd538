"""The one-line total every text report ends with, as ruff's "Found 3 errors.":

    Tìm thấy 12 lỗi, 3 cảnh báo trong 4/20 tệp; 1 tệp không đọc được.
    Found 12 errors, 3 warnings in 4/20 files; 1 file could not be read.
    Không phát hiện vấn đề nào trong 20 tệp.

and the coverage line of the console report (how much of the text the checks understood).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import count, number, t
from ..issues import Severity

if TYPE_CHECKING:
    from ..api import Result

NOUNS = ((Severity.ERROR, "total.errors"), (Severity.WARNING, "total.warnings"), (Severity.INFO, "total.info"))


def total_line(result: "Result", lang: str) -> str:
    files = result.files
    unreadable = sum(1 for f in files if f.error is not None)
    with_findings = sum(1 for f in files if f.error is None and f.issues)
    counts = [count(key, result.count(sev), lang) for sev, key in NOUNS if result.count(sev)]
    if counts:
        line = t("total.found", lang, counts=", ".join(counts), files=number(with_findings, lang),
                 total=count("total.files", len(files), lang))
    elif unreadable == len(files):
        line = t("total.nothing_checked", lang)
    else:
        line = t("total.clean", lang, files=count("total.files", len(files) - unreadable, lang))
    if unreadable:
        line += t("total.unreadable", lang, files=count("total.files", unreadable, lang))
    return line + "."


def coverage_line(result: "Result", lang: str) -> str:
    """"Đã đọc 140 số liệu, kiểm tra lại 16 phép tính; 1 chỗ trông như số liệu nhưng chưa đọc được."
    Empty when no file was read."""
    read = [f for f in result.files if f.error is None]
    if not read:
        return ""
    figures = sum(f.coverage.figures for f in read)
    relations = sum(f.coverage.relations for f in read)
    unparsed = sum(f.coverage.unparsed for f in read)
    line = t("coverage.line", lang, figures=count("coverage.figures", figures, lang),
             relations=count("coverage.relations", relations, lang))
    if unparsed:
        line += t("coverage.unparsed_tail", lang, unparsed=count("coverage.unparsed", unparsed, lang))
    return line + "."


def relations_line(result: "Result", lang: str) -> str:
    """The relations checked, by form and by scope: "Phép tính đã kiểm theo dạng: tổng và thành phần 12, tỷ lệ
    5; theo phạm vi: trong một vế câu 14, chú thích 3." Empty when none was checked."""
    forms: dict[str, int] = {}
    scopes: dict[str, int] = {}
    for f in result.files:
        if f.error is None:
            for key, n in f.coverage.by_form.items():
                forms[key] = forms.get(key, 0) + n
            for key, n in f.coverage.by_scope.items():
                scopes[key] = scopes.get(key, 0) + n
    if not forms:
        return ""

    def listed(prefix: str, counts: dict[str, int]) -> str:
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return ", ".join(f"{_label(prefix, key, lang)} {number(n, lang)}" for key, n in ordered)

    return t("coverage.by_form", lang, forms=listed("form", forms), scopes=listed("scope", scopes)) + "."


def _label(prefix: str, key: str, lang: str) -> str:
    text = t(f"{prefix}.{key}", lang)
    return key if text == f"{prefix}.{key}" else text

