"""`--statistics`: how many findings each rule made, most first (as ruff's --statistics).

    12  AR001  lỗi       ratio-percent-mismatch
     3  NF002  cảnh báo  english-separators

With `--format json`: a list of {"code", "name", "severity", "count"}.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..i18n import number, t
from .totals import total_line

if TYPE_CHECKING:
    from ..api import Result


def rule_counts(result: "Result") -> list[dict[str, Any]]:
    """One entry per rule that fired: most findings first, then by id."""
    counts: Counter[str] = Counter()
    first: dict[str, Any] = {}
    for issue in result.issues:
        counts[issue.rule] += 1
        first.setdefault(issue.rule, issue)
    return [{"code": rule, "name": first[rule].name, "severity": first[rule].severity.value, "count": n}
            for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def render_text(result: "Result", lang: str = "vi", *, quiet: bool = False) -> str:
    rows = rule_counts(result)
    lines = []
    if rows:
        counts = {r["code"]: number(r["count"], lang) for r in rows}
        sevs = {r["code"]: t("severity." + r["severity"], lang) for r in rows}
        count_w = max(len(c) for c in counts.values())
        sev_w = max(len(s) for s in sevs.values())
        for r in rows:
            code = r["code"]
            lines.append(f"{counts[code].rjust(count_w)}  {code}  {sevs[code].ljust(sev_w)}  {r['name']}")
    if not quiet:
        lines.append(total_line(result, lang))
    return "".join(line + "\n" for line in lines)


def render_json(result: "Result") -> str:
    return json.dumps(rule_counts(result), ensure_ascii=False, indent=2) + "\n"
