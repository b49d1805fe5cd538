"""GitHub Actions workflow commands (`--format github`): one annotation line per finding.

    ::error file=bao-cao.txt,line=12,col=5,endColumn=11,title=AR001 ratio-percent-mismatch::112/158 = …

Severity error → `::error`, warning → `::warning`, info → `::notice`. A Word file has no lines: its
annotations name the file only and the message starts with the location (section, paragraph, table).
An unreadable file becomes an `::error` on that file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..api import Result
    from ..issues import Issue

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def display_path(path: str) -> str:
    """Relative to the current folder (the repository root in a workflow) when inside it."""
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return p.as_posix()


def _line(issue: "Issue", path: str, lang: str) -> str:
    from .places import place_text

    loc = issue.location
    props = [f"file={escape_property(display_path(path))}"]
    message = issue.message
    if loc.line is not None:
        props.append(f"line={loc.line}")
        if loc.column is not None:
            props += [f"col={loc.column}", f"endColumn={max(loc.end_column or loc.column, loc.column)}"]
    else:
        message = f"[{place_text(issue.location, lang)}] {message}"
    if issue.excerpt and loc.line is None:
        message += f" — «{issue.excerpt}»"
    props.append(f"title={escape_property(f'{issue.rule} {issue.name}')}")
    return f"::{COMMAND[issue.severity.value]} {','.join(props)}::{escape_data(message)}"


def render(result: "Result", lang: str = "vi") -> str:
    lines = []
    for fr in result.files:
        if fr.error is not None:
            lines.append(f"::error file={escape_property(display_path(fr.path))},"
                         f"title={escape_property('checker ' + fr.error.code)}::{escape_data(fr.error.message)}")
            continue
        lines.extend(_line(issue, fr.path, lang) for issue in fr.issues)
    return "".join(line + "\n" for line in lines)
