"""SARIF 2.1.0 output (`--format sarif`) for code-scanning dashboards and editors.

- `tool.driver.rules`: every loaded rule with its summary, explanation and default level.
- Results: text inputs (.txt/.md) get a `region` with startLine/startColumn/endColumn (Unicode code
  points, `columnKind: unicodeCodePoints`; endColumn is exclusive as in SARIF). A Word file has no
  lines: its results carry the artifact only plus a `logicalLocation` naming the block (paragraph
  17, table 2 row 3 col 4, footnote 1…) under its section path, and the exact excerpt in
  `properties`, so that nothing pretends to be a line number.
- Files that could not be read become `toolExecutionNotifications` of the invocation.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .. import __version__
from ..i18n import source_text, t

if TYPE_CHECKING:
    from ..api import Result
    from ..issues import Issue, Related

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> tuple[str, bool]:
    """A percent-encoded URI for the file: relative to the current folder when inside it
    (then True: it is relative to %SRCROOT%), else an absolute file: URI."""
    p = Path(path)
    try:
        rel = p.resolve().relative_to(Path.cwd().resolve())
        return quote(rel.as_posix(), safe="/"), True
    except (ValueError, OSError):
        return p.resolve().as_uri(), False


def _artifact_location(path: str) -> dict[str, Any]:
    uri, relative = artifact_uri(path)
    loc: dict[str, Any] = {"uri": uri}
    if relative:
        loc["uriBaseId"] = "%SRCROOT%"
    return loc


def _rule_descriptor(rule: Any, lang: str) -> dict[str, Any]:
    spec = rule.spec
    other = "en" if lang == "vi" else "vi"
    summary = spec.summary.get(lang) or spec.summary.get(other, "")
    explain = (spec.explain.get(lang) or spec.explain.get(other, "")).strip()
    help_text = explain
    if spec.source:
        help_text += f"\n\n{t('explain.source', lang)}: {source_text(spec.source, lang)}"
    return {
        "id": spec.id,
        "name": spec.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": explain or summary},
        "help": {"text": help_text or summary},
        "defaultConfiguration": {"level": LEVEL[spec.severity.value]},
        "properties": {"category": spec.category, "tags": [spec.category, *spec.profiles],
                       "profiles": list(spec.profiles)},
    }


def _logical_name(issue: "Issue", lang: str) -> tuple[str, str]:
    loc = issue.location
    if loc.table is not None:
        return t("location.table", lang, table=loc.table, row=loc.row, column=loc.column_index), "table_cell"
    if loc.footnote is not None:
        return t("location.footnote", lang, footnote=loc.footnote), loc.kind
    if loc.kind in ("header", "footer"):
        return t(f"location.{loc.kind}", lang), loc.kind
    if loc.paragraph is not None:  # Word's paragraph number, as a clerk counts them
        return t("location.paragraph", lang, paragraph=loc.paragraph), loc.kind
    return t("location.block", lang, block=loc.block), loc.kind


def _result(issue: "Issue", path: str, rule_index: dict[str, int], lang: str) -> dict[str, Any]:
    loc = issue.location
    physical: dict[str, Any] = {"artifactLocation": _artifact_location(path)}
    if loc.line is not None:
        region: dict[str, Any] = {"startLine": loc.line}
        if loc.column is not None:
            region["startColumn"] = loc.column
            region["endColumn"] = max(loc.end_column or loc.column, loc.column)
        if issue.excerpt:
            region["snippet"] = {"text": issue.excerpt}
        physical["region"] = region
    name, kind = _logical_name(issue, lang)
    if loc.page is not None:  # a PDF: the page a reader turns to
        name = f"{t('location.page', lang, page=loc.page)} · {name}"
    logical: dict[str, Any] = {"name": name, "kind": kind,
                               "fullyQualifiedName": f"{loc.section} › {name}" if loc.section else name}
    properties: dict[str, Any] = {"category": issue.category, "location": loc.to_json(), "excerpt": issue.excerpt}
    if issue.expected is not None:
        properties["expected"] = issue.expected
    if issue.actual is not None:
        properties["actual"] = issue.actual
    out: dict[str, Any] = {
        "ruleId": issue.rule,
        "level": LEVEL[issue.severity.value],
        "message": {"text": issue.message},
        "locations": [{"physicalLocation": physical, "logicalLocations": [logical]}],
        "partialFingerprints": {"checker/v1": _fingerprint(issue, path)},
        "properties": properties,
    }
    if issue.related:
        out["relatedLocations"] = [_related(rel, k, path, lang) for k, rel in enumerate(issue.related, 1)]
    if issue.rule in rule_index:
        out["ruleIndex"] = rule_index[issue.rule]
    return out


def _related(rel: "Related", k: int, path: str, lang: str) -> dict[str, Any]:
    """A related place (SARIF relatedLocations): its region for text inputs, its excerpt as the message."""
    loc = rel.location
    physical: dict[str, Any] = {"artifactLocation": _artifact_location(path)}
    if loc.line is not None:
        region: dict[str, Any] = {"startLine": loc.line}
        if loc.column is not None:
            region["startColumn"] = loc.column
            region["endColumn"] = max(loc.end_column or loc.column, loc.column)
        physical["region"] = region
    return {"id": k, "physicalLocation": physical, "message": {"text": rel.excerpt or "-"},
            "properties": {"location": loc.to_json()}}


def _fingerprint(issue: "Issue", path: str) -> str:
    """Stable across runs and unrelated edits elsewhere in the file: rule, file name, section, excerpt."""
    import hashlib

    key = "\x1f".join([issue.rule, Path(path).name, issue.location.section or "", issue.excerpt, issue.location.kind])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _rules(lang: str) -> list[Any]:
    try:
        from ..engine import load_rules

        return list(load_rules())
    except Exception:  # a broken rule set is reported elsewhere; SARIF still lists the results
        return []


def to_sarif(result: "Result", lang: str = "vi") -> dict[str, Any]:
    rules = _rules(lang)
    used = {i.rule for i in result.issues}
    descriptors = [_rule_descriptor(r, lang) for r in rules]
    rule_index = {d["id"]: n for n, d in enumerate(descriptors)}
    for rid in sorted(used - rule_index.keys()):  # a rule outside the default set (custom rules folder)
        rule_index[rid] = len(descriptors)
        descriptors.append({"id": rid})
    results = [_result(issue, fr.path, rule_index, lang) for fr in result.files for issue in fr.issues]
    notifications = [{
        "level": "error",
        "message": {"text": f"{fr.path}: {fr.error.message}"},
        "descriptor": {"id": fr.error.code},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact_location(fr.path)}}],
    } for fr in result.files if fr.error is not None]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "checker",
            "version": __version__,
            "semanticVersion": __version__,
            "language": lang,
            "rules": descriptors,
        }},
        "invocations": [invocation],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().resolve().as_uri().rstrip("/") + "/"}},
        "artifacts": [{"location": _artifact_location(fr.path), "roles": ["analysisTarget"],
                       "properties": {"profile": fr.profile, "coverage": fr.coverage.to_json()}}
                      for fr in result.files if fr.error is None],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(result: "Result", lang: str = "vi") -> str:
    return json.dumps(to_sarif(result, lang), ensure_ascii=False, indent=2) + "\n"


__all__ = ["render", "to_sarif", "artifact_uri"]
