"""The command line contract: exit codes, formats, --select/--ignore, languages, --output, the JSON schema."""

import json
import subprocess
import sys

import jsonschema
import pytest
from click.testing import CliRunner

from checker import __version__
from checker.cli import main
from checker.config import _config_for_dir
from checker.report.json import schema

NFD_MIX = "Báo cáo tháng 10 năm 2023\nKe\u0302\u0301t qua\u0309 thu\u031b\u0323c hie\u0323\u0302n\n"
CLEAN = "Báo cáo tháng 10 năm 2023\nKết quả thực hiện nhiệm vụ.\n"


@pytest.fixture(autouse=True)
def _fresh_config_cache():
    _config_for_dir.cache_clear()


@pytest.fixture
def files(tmp_path):
    (tmp_path / "mixed.txt").write_text(NFD_MIX, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def run(*args):
    result = CliRunner().invoke(main, list(map(str, args)))
    return result.exit_code, result.stdout, result.stderr


def lint_json(*args):
    code, out, err = run("lint", "--format", "json", *args)
    data = json.loads(out)
    jsonschema.validate(data, schema())
    return code, data, err


def test_version():
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"checker {__version__}"


def test_python_dash_m_runs_the_cli():
    p = subprocess.run([sys.executable, "-m", "checker", "--version"], capture_output=True, text=True)
    assert p.returncode == 0 and __version__ in p.stdout


def test_exit_0_when_clean_and_1_when_findings_reach_fail_on(files):
    assert run("lint", files / "clean.txt")[0] == 0
    # TX001 is a warning: not enough to fail by default, enough with --fail-on warning
    assert run("lint", files / "mixed.txt", "--select", "TX001")[0] == 0
    assert run("lint", files / "mixed.txt", "--select", "TX001", "--fail-on", "warning")[0] == 1
    assert run("lint", files / "mixed.txt", "--select", "TX001", "--fail-on", "never")[0] == 0


def test_exit_2_for_unreadable_input_and_the_others_are_still_checked(files):
    (files / "notes.pdf").write_bytes(b"%PDF-1.4\n")
    code, data, err = lint_json(files / "missing.txt", files / "mixed.txt", files / "notes.pdf")
    assert code == 2
    by_path = {f["path"]: f for f in data["files"]}
    assert by_path[str(files / "missing.txt")]["error"]["code"] == "not-found"
    assert by_path[str(files / "notes.pdf")]["error"]["code"] == "pdf-corrupt"  # a PDF cut short
    assert by_path[str(files / "mixed.txt")]["error"] is None
    assert any(i["rule"] == "TX001" for i in by_path[str(files / "mixed.txt")]["issues"])
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 2 and "missing.txt" in lines[0] and "notes.pdf" in lines[1]
    assert "Traceback" not in err


def test_folder_input_and_empty_folder(files, tmp_path_factory):
    code, data, _ = lint_json(files)
    assert code == 0 and [f["path"].rsplit("/", 1)[1] for f in data["files"]] == ["clean.txt", "mixed.txt"]
    empty = tmp_path_factory.mktemp("empty")
    code, data, err = lint_json(empty)
    assert code == 2 and data["files"][0]["error"]["code"] == "no-files" and str(empty) in err


def test_json_issue_fields_follow_the_contract(files):
    _, data, _ = lint_json(files / "mixed.txt", "--select", "TX001")
    issue = data["files"][0]["issues"][0]
    assert issue["rule"] == "TX001" and issue["severity"] == "warning" and issue["category"] == "text"
    loc = issue["location"]
    assert loc["line"] == 2 and loc["column"] == 1 and loc["end_column"] == 1 + len(issue["excerpt"])
    assert "table" not in loc and "expected" not in issue
    assert data["summary"] == {"files": 1, "errors": 0, "warnings": 1, "info": 0}
    assert set(data["files"][0]["coverage"]) == {"figures", "relations", "unparsed", "by_form", "by_scope"}


def test_select_and_ignore(files):
    _, data, _ = lint_json(files / "mixed.txt", "--ignore", "TX001")
    assert not [i for i in data["files"][0]["issues"] if i["rule"] == "TX001"]
    _, data, _ = lint_json(files / "mixed.txt", "--select", "text", "--ignore", "TX002")
    assert {i["rule"] for i in data["files"][0]["issues"]} == {"TX001"}


def test_unknown_selector_is_a_usage_error(files):
    code, out, err = run("lint", files / "clean.txt", "--select", "ZZ999")
    assert code == 2 and "ZZ999" in err and out == ""


def test_messages_in_both_languages(files):
    _, vi, _ = lint_json(files / "mixed.txt", "--select", "TX001")
    _, en, _ = lint_json(files / "mixed.txt", "--select", "TX001", "--lang", "en")
    assert "Văn bản trộn lẫn" in vi["files"][0]["issues"][0]["message"]
    assert "mixes Unicode forms" in en["files"][0]["issues"][0]["message"]
    _, out, _ = run("lint", files / "mixed.txt", "--lang", "en", "--no-color")
    assert "warning" in out and "Found 1 warning" in out
    _, out, _ = run("lint", files / "mixed.txt", "--no-color")
    assert "cảnh báo" in out and "Tìm thấy 1 cảnh báo" in out


def test_rich_output_shows_location_message_and_marked_excerpt(files):
    code, out, _ = run("lint", files / "mixed.txt", "--no-color")
    assert "TX001" in out and "dòng 2:1" in out and "«Kết»" in out
    assert "\x1b[" not in out


def test_output_file(files, tmp_path):
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    code, out, _ = run("lint", files / "mixed.txt", "--format", "json", "--output", target)
    assert out == "" and json.loads(target.read_text(encoding="utf-8"))["version"] == 1


def test_config_file_is_applied_and_cli_wins(files):
    (files / "checker.toml").write_text('lang = "en"\nfail-on = "warning"\n', encoding="utf-8")
    code, data, _ = lint_json(files / "mixed.txt", "--select", "TX001")
    assert code == 1 and "mixes" in data["files"][0]["issues"][0]["message"]
    code, data, _ = lint_json(files / "mixed.txt", "--select", "TX001", "--lang", "vi", "--fail-on", "error")
    assert code == 0 and "trộn lẫn" in data["files"][0]["issues"][0]["message"]


def test_bad_config_is_a_clear_usage_error(files):
    (files / "checker.toml").write_text('lang = "klingon"\n', encoding="utf-8")
    code, out, err = run("lint", files / "clean.txt")
    assert code == 2 and "checker.toml" in err and "lang" in err and "Traceback" not in err


def test_severity_override_from_config(files):
    (files / "checker.toml").write_text('[severity]\nTX001 = "error"\n', encoding="utf-8")
    code, data, _ = lint_json(files / "mixed.txt", "--select", "TX001")
    assert code == 1 and data["files"][0]["issues"][0]["severity"] == "error"


def test_input_file_is_never_modified(files):
    before = (files / "mixed.txt").read_bytes()
    run("lint", files / "mixed.txt")
    assert (files / "mixed.txt").read_bytes() == before


def test_rules_and_explain_in_both_languages():
    code, out, _ = run("rules")
    assert code == 0 and "TX001" in out
    code, out, _ = run("rules", "--lang", "en", "--category", "text")
    assert code == 0 and "TX001" in out
    code, out, _ = run("explain", "TX001", "--lang", "en")
    assert code == 0 and "NFC" in out and "Bad examples" in out
    code, _, err = run("explain", "ZZ999")
    assert code == 2 and "ZZ999" in err
