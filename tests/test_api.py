"""The Python API: checker.lint(path_or_text, *, profile, select, ignore, lang) -> Result."""

from __future__ import annotations

import typing
from pathlib import Path

import yaml

import checker
from checker.api import Result
from test_api_kit import use_needles  # noqa: F401  (fixture)


def test_lint_text(use_needles):
    result = checker.lint("Số liệu sai\nlệch")
    assert isinstance(result, Result)
    assert [(i.rule, i.location.line, i.excerpt) for i in result.issues] == [("AR901", 1, "sai"), ("NF902", 2, "lệch")]
    assert result.exit_code() == 1 and result.exit_code("never") == 0
    assert result.summary() == {"files": 1, "errors": 1, "warnings": 1, "info": 0}


def test_lint_select_ignore_lang(use_needles):
    assert [i.rule for i in checker.lint("sai lệch cũ", select=["NF"]).issues] == ["NF902"]
    assert [i.rule for i in checker.lint("sai lệch cũ", ignore=["AR901", "dates"]).issues] == ["NF902"]
    assert checker.lint("sai", lang="en").issues[0].message == "Found «sai»"


def test_lint_file_and_path_object(use_needles, tmp_path):
    f = tmp_path / "bao-cao.txt"
    f.write_text("Số liệu sai\n", encoding="utf-8")
    for arg in (str(f), f):
        result = checker.lint(arg)
        assert [fr.path for fr in result.files] == [str(f)]
        assert [i.rule for i in result.issues] == ["AR901"]


def test_lint_folder_and_bad_file(use_needles, tmp_path):
    (tmp_path / "b.txt").write_text("sai\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("lệch\n", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "~$d.docx").write_bytes(b"lock")
    result = checker.lint(tmp_path)
    assert [Path(fr.path).name for fr in result.files] == ["a.md", "b.txt", "c.txt"]
    assert [fr.path for fr in result.errors] == [str(tmp_path / "c.txt")]
    assert result.errors[0].error.code == "empty"
    assert result.exit_code() == 2
    assert [i.rule for i in result.issues] == ["NF902", "AR901"]


def test_lint_missing_file_never_raises(use_needles, tmp_path):
    result = checker.lint(str(tmp_path / "khong-co.docx"))
    assert result.errors and result.errors[0].error.code == "not-found"


def test_json_of_api_result(use_needles):
    data = checker.lint("sai").to_json()
    assert data["version"] == 1 and data["files"][0]["issues"][0]["expected"] == "SAI"


def test_lint_is_typed():
    hints = typing.get_type_hints(checker.api.lint)
    assert hints["return"] is Result
    assert "lang" in hints and "profile" in hints


def test_pre_commit_hook_definition():
    hooks = yaml.safe_load((Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "checker" and hook["entry"] == "checker lint" and hook["language"] == "python"
    import re

    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("a.docx", "b/c.txt", "README.md", "a.pdf"))
    assert not files.search("a.xlsx")
    assert re.search(hook["exclude"], "bao-cao/~$nhap.docx")
