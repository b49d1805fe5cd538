"""SARIF 2.1.0 output, validated against the official schema (tests/data), and GitHub annotations."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from checker.api import Result, lint_file
from checker.cli import main
from checker.report import github, sarif
from test_api_kit import use_needles  # noqa: F401  (fixture)

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(log: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bao cáo").mkdir()
    (tmp_path / "bao cáo" / "tháng 10.txt").write_text("Tiêu đề\nSố liệu sai và lệch\n  cũ\n", encoding="utf-8")
    (tmp_path / "rong.md").write_bytes(b"")
    return tmp_path


def _run(args):
    res = CliRunner().invoke(main, ["lint", *args])
    return res


def test_sarif_is_valid_and_complete(use_needles, folder):
    res = _run([".", "--format", "sarif"])
    assert res.exit_code == 2  # the empty file
    log = json.loads(res.stdout)
    validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["AR901", "NF902", "DT903"]
    assert rules[0]["defaultConfiguration"] == {"level": "error"}
    assert rules[2]["defaultConfiguration"] == {"level": "note"}
    assert rules[0]["shortDescription"]["text"] == "Từ «sai»." and rules[0]["fullDescription"]["text"]
    results = run["results"]
    assert [(r["ruleId"], r["level"], r["ruleIndex"]) for r in results] == [
        ("AR901", "error", 0), ("NF902", "warning", 1), ("DT903", "note", 2)]
    loc = results[1]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "bao%20c%C3%A1o/th%C3%A1ng%2010.txt", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 2, "startColumn": 16, "endColumn": 20, "snippet": {"text": "lệch"}}
    assert results[2]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 3  # after the indent
    assert results[0]["message"]["text"] == "Gặp từ «sai»"
    assert results[0]["properties"]["expected"] == "SAI"
    assert run["columnKind"] == "unicodeCodePoints"
    (inv,) = run["invocations"]
    assert inv["executionSuccessful"] is False
    (note,) = inv["toolExecutionNotifications"]
    assert note["descriptor"]["id"] == "empty" and note["level"] == "error"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "rong.md"


def test_sarif_english_and_clean_run(use_needles, folder):
    (folder / "rong.md").unlink()
    res = _run([".", "--format", "sarif", "--lang", "en", "--select", "structure"])
    assert res.exit_code == 0
    log = json.loads(res.stdout)
    validate(log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["invocations"][0]["executionSuccessful"] is True
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == "The word «sai»."


def test_sarif_fingerprint_is_stable_when_lines_move(use_needles, folder):
    f = folder / "bao cáo" / "tháng 10.txt"
    first = sarif.to_sarif(Result([lint_file(f)]))
    f.write_text("Dòng mới\nTiêu đề\nSố liệu sai và lệch\n  cũ\n", encoding="utf-8")
    second = sarif.to_sarif(Result([lint_file(f)]))
    fp = [[r["partialFingerprints"] for r in log["runs"][0]["results"]] for log in (first, second)]
    assert fp[0] == fp[1]


def test_sarif_word_file_uses_logical_locations(use_needles, folder):
    pytest.importorskip("checker.readers.docx")
    import docx

    d = docx.Document()
    d.add_heading("I. KẾT QUẢ", level=1)
    d.add_paragraph("Số liệu sai")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 1).text = "lệch"
    d.save(folder / "bc.docx")
    log = sarif.to_sarif(Result([lint_file(folder / "bc.docx")]))
    validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == 2
    for r in results:
        phys = r["locations"][0]["physicalLocation"]
        assert "region" not in phys and phys["artifactLocation"]["uri"] == "bc.docx"
    table = results[1]["locations"][0]["logicalLocations"][0]
    assert table["kind"] == "table_cell" and "1" in table["name"]
    assert results[1]["properties"]["location"]["column_index"] == 2


def test_sarif_outside_cwd_uses_file_uri(use_needles, tmp_path, monkeypatch):
    other = tmp_path / "x"
    other.mkdir()
    (tmp_path / "a.txt").write_text("sai", encoding="utf-8")
    monkeypatch.chdir(other)
    log = sarif.to_sarif(Result([lint_file(tmp_path / "a.txt")]))
    validate(log)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"].startswith("file:///") and "uriBaseId" not in uri


# --- GitHub annotations ------------------------------------------------------------------------

def test_github_annotations(use_needles, folder):
    res = _run([".", "--format", "github"])
    assert res.exit_code == 2
    lines = res.stdout.splitlines()
    assert lines == [
        "::error file=bao cáo/tháng 10.txt,line=2,col=9,endColumn=12,title=AR901 needle-ar901::Gặp từ «sai»",
        "::warning file=bao cáo/tháng 10.txt,line=2,col=16,endColumn=20,title=NF902 needle-nf902::Gặp từ «lệch»",
        "::notice file=bao cáo/tháng 10.txt,line=3,col=3,endColumn=5,title=DT903 needle-dt903::Gặp từ «cũ»",
        "::error file=rong.md,title=checker empty::" + lines[3].split("::")[-1],
    ]


def test_github_escaping():
    assert github.escape_data("a%b\nc\r") == "a%25b%0Ac%0D"
    assert github.escape_property("a:b,c") == "a%3Ab%2Cc"


def test_github_word_file_message_names_the_place(use_needles, folder):
    pytest.importorskip("checker.readers.docx")
    import docx

    d = docx.Document()
    d.add_paragraph("Số liệu sai")
    d.save(folder / "bc.docx")
    text = github.render(Result([lint_file(folder / "bc.docx")]), "vi")
    (line,) = text.splitlines()
    assert line.startswith("::error file=bc.docx,title=AR901 needle-ar901::[")
    assert "«sai»" in line and "line=" not in line
