"""`--format concise`: one finding per line, as compilers and ruff write them, then the one-line total.

    bao-cao.txt:12:5: AR001 112/158 = 70,89%, văn bản ghi 70,87%
    bao-cao.docx:¶16: AR001 86/97 = 88,66%, văn bản ghi 87,66%
    bao-cao.docx:bảng 2, hàng 7, cột 5: AR101 Dòng "Tổng cộng", …
    Tìm thấy 2 lỗi trong 2/3 tệp.

Text files give `line:column`; a Word paragraph its number as Word counts them (`¶16`); table cells,
notes, headers and footers their place in words. Unreadable files are named on stderr (by the command)
and counted in the total. No rich: this format is what a batch of 1,000 reports prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .places import concise_place
from .totals import total_line

if TYPE_CHECKING:
    from ..api import Result
    from ..issues import Issue

# ANSI styles when colour is on (--color always, or a terminal without NO_COLOR)
BOLD, RESET = "\x1b[1m", "\x1b[0m"
SEVERITY_COLOR = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m"}


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def issue_line(path: str, issue: "Issue", lang: str, color: bool = False) -> str:
    place = concise_place(issue.location, lang)
    message = _one_line(issue.message)
    if not color:
        return f"{path}:{place}: {issue.rule} {message}"
    rule = f"{SEVERITY_COLOR[issue.severity.value]}{issue.rule}{RESET}"
    return f"{BOLD}{path}{RESET}:{place}: {rule} {message}"


def render(result: "Result", lang: str = "vi", *, quiet: bool = False, color: bool = False) -> str:
    lines = [issue_line(fr.path, issue, lang, color) for fr in result.files for issue in fr.issues]
    if not quiet:
        lines.append(total_line(result, lang))
    return "".join(line + "\n" for line in lines)
