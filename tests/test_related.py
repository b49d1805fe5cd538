"""A finding may name other places it involves ("related"): they reach JSON, SARIF and the console."""

import io

from checker.checks.base import Finding
from checker.document import Block, BlockKind
from checker.engine import to_issue
from checker.report.console import make_console, render_file
from checker.issues import FileResult


class _Spec:
    id, name, category, severity = "AR003", "parts-total-mismatch", "arithmetic", "error"

    def message(self, lang, variant, args):
        return "tổng không khớp"


class _Rule:
    spec = _Spec()


def _issue():
    total = Block(index=3, kind=BlockKind.PARAGRAPH, text="Tổ chức 24 cuộc giám sát.", line=3, section="I.1")
    note = Block(index=9, kind=BlockKind.FOOTNOTE, text="03 cuộc cấp huyện, 20 cuộc cấp xã.", note=1)
    finding = Finding(note, 0, 33, related=[(total, 8, 15)])
    return to_issue(_Rule(), finding, "vi")


def test_related_places_carry_location_and_excerpt_into_json():
    data = _issue().to_json()
    (rel,) = data["related"]
    assert rel["excerpt"] == "24 cuộc"
    assert rel["location"]["block"] == 3 and rel["location"]["line"] == 3 and rel["location"]["column"] == 9


def test_issue_without_related_places_has_no_related_key():
    issue = _issue()
    issue.related = []
    assert "related" not in issue.to_json()


def test_console_names_the_related_place():
    out = io.StringIO()
    render_file(make_console(out, no_color=True, width=120), FileResult(path="x.txt", issues=[_issue()]), "vi")
    text = out.getvalue()
    assert "Liên quan: mục I.1 · dòng 3:9 «24 cuộc»" in text


def test_sarif_related_locations_are_valid():
    import json
    from pathlib import Path

    import jsonschema

    from checker.api import Result
    from checker.report import sarif

    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = sarif.to_sarif(Result(files=[FileResult(path="x.txt", issues=[_issue()])]), "vi")
    jsonschema.Draft4Validator(schema).validate(log)
    (result,) = log["runs"][0]["results"]
    (rel,) = result["relatedLocations"]
    assert rel["message"]["text"] == "24 cuộc" and rel["physicalLocation"]["region"]["startLine"] == 3
