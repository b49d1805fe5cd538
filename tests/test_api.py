"""The Python API: checker.lint(path, ...) for files and folders, checker.lint_text(text, ...) for texts.

The contract (README, "Python API"): a Path or a string naming an existing file or folder is a path;
a one-line string that names nothing is a missing file (an error result), never a text; a string with
a line break is a text, as it always was. Bad arguments raise ValueError naming what is allowed;
input that cannot be read or checked is an error result, never an exception.
"""

from __future__ import annotations

import os
import time
import typing
from pathlib import Path

import pytest
import yaml

import checker
from checker import files as files_module
from checker.api import Result
from test_api_kit import traps, use_needles  # noqa: F401  (fixtures)


def test_lint_text(use_needles):
    result = checker.lint_text("Số liệu sai\nlệch")
    assert isinstance(result, Result)
    assert [(i.rule, i.location.line, i.excerpt) for i in result.issues] == [("AR901", 1, "sai"), ("NF902", 2, "lệch")]
    assert result.exit_code() == 1 and result.exit_code("never") == 0
    assert result.summary() == {"files": 1, "errors": 1, "warnings": 1, "info": 0}
    assert result.files[0].path == "<text>"
    assert checker.lint_text("sai", name="ban-nhap.txt").files[0].path == "ban-nhap.txt"


def test_lint_text_select_ignore_lang(use_needles):
    assert [i.rule for i in checker.lint_text("sai lệch cũ", select=["NF"]).issues] == ["NF902"]
    assert [i.rule for i in checker.lint_text("sai lệch cũ", ignore=["AR901", "dates"]).issues] == ["NF902"]
    assert [i.rule for i in checker.lint_text("sai lệch cũ", select="AR901, NF").issues] == ["AR901", "NF902"]
    assert checker.lint_text("sai", lang="en").issues[0].message == "Found «sai»"


def test_more_specific_selector_wins(use_needles):
    """ruff's rule: --select AR901 --ignore AR keeps AR901; at equal specificity ignore wins."""
    assert [i.rule for i in checker.lint_text("sai lệch", select=["AR901"], ignore=["AR"]).issues] == ["AR901"]
    assert [i.rule for i in checker.lint_text("sai lệch", select=["AR"], ignore=["AR901"]).issues] == []
    assert [i.rule for i in checker.lint_text("sai lệch", select=["AR901"], ignore=["AR901"]).issues] == []


def test_a_string_with_a_line_break_is_still_a_text(use_needles):
    assert [i.rule for i in checker.lint("Số liệu sai\nlệch").issues] == ["AR901", "NF902"]


def test_a_one_line_string_naming_nothing_is_a_missing_file_not_a_text(use_needles, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("bao-cao", "sai", "Số liệu sai"):  # before: linted as a text, finding AR901
        result = checker.lint(name)
        assert [f.error.code for f in result.files] == ["not-found"], name
        assert result.issues == [] and result.exit_code() == 2


def test_lint_file_and_path_object(use_needles, tmp_path):
    f = tmp_path / "bao-cao.txt"
    f.write_text("Số liệu sai\n", encoding="utf-8")
    for arg in (str(f), f):
        result = checker.lint(arg)
        assert [fr.path for fr in result.files] == [str(f)]
        assert [i.rule for i in result.issues] == ["AR901"]


def test_dot_is_the_current_folder(use_needles, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("sai\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [Path(f.path).name for f in checker.lint(".").files] == ["a.txt"]
    assert [i.rule for i in checker.lint_text(".").issues] == []  # the text "." when that is meant


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


@pytest.mark.parametrize("kwargs,needle", [
    ({"select": ["FOO"]}, "FOO"),
    ({"ignore": ["AR9999"]}, "AR9999"),
    ({"extend_select": ["nonsense"]}, "nonsense"),
    ({"lang": "fr"}, "vi, en"),
    ({"profile": "xyz"}, "auto, party, state"),
    ({"select": [1]}, "list of rule selectors"),
])
def test_bad_arguments_raise_value_error_naming_the_allowed_values(use_needles, kwargs, needle):
    for call in (lambda: checker.lint_text("sai", **kwargs), lambda: checker.lint(".", **kwargs)):
        with pytest.raises(ValueError) as exc:
            call()
        assert needle in str(exc.value)


def test_unknown_fail_on_raises(use_needles):
    with pytest.raises(ValueError, match="error, warning, info, never"):
        checker.lint_text("sai").exit_code("fatal")


def test_unlistable_folder_is_an_error_result_not_an_exception(use_needles, tmp_path, monkeypatch):
    """`lint("/")` raised PermissionError: a folder that cannot be listed is now its error entry."""
    (tmp_path / "a.txt").write_text("sai\n", encoding="utf-8")
    locked = tmp_path / "khoa"
    locked.mkdir()
    (locked / "b.txt").write_text("sai\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(files_module.os, "scandir", scandir)
    result = checker.lint(tmp_path, lang="en")
    assert [(Path(f.path).name, f.error.code if f.error else None) for f in result.files] == [
        ("a.txt", None), ("khoa", "unreadable")]
    assert result.errors[0].error.message == "cannot open the folder (permission denied)"
    assert checker.lint(tmp_path).errors[0].error.message == "không mở được thư mục (không có quyền mở thư mục)"


def test_a_crashing_check_is_that_files_internal_error(traps, tmp_path):
    (tmp_path / "1.txt").write_text("sai\n", encoding="utf-8")
    (tmp_path / "2.txt").write_text("nổ\n", encoding="utf-8")
    (tmp_path / "3.txt").write_text("sai\n", encoding="utf-8")
    result = checker.lint(tmp_path, lang="en")
    assert [f.error.code if f.error else len(f.issues) for f in result.files] == [1, "internal", 1]
    error = result.files[1].error
    assert error.message == "internal error while checking this file: ZeroDivisionError: division by zero"
    assert "Traceback" in error.traceback and "ZeroDivisionError" in error.traceback
    assert "traceback" not in result.files[1].to_json()["error"]


def test_a_file_over_its_time_limit_is_a_timeout_error(traps, tmp_path):
    (tmp_path / "1.txt").write_text("chậm\n", encoding="utf-8")
    (tmp_path / "2.txt").write_text("sai\n", encoding="utf-8")
    started = time.monotonic()
    result = checker.lint(tmp_path, timeout=0.3)
    assert time.monotonic() - started < 5
    assert [f.error.code if f.error else len(f.issues) for f in result.files] == ["timeout", 1]
    assert "0.3" in result.files[0].error.message


def test_json_of_api_result(use_needles):
    data = checker.lint_text("sai").to_json()
    assert data["version"] == 1 and data["files"][0]["issues"][0]["expected"] == "SAI"


def test_lint_is_typed():
    hints = typing.get_type_hints(checker.api.lint)
    assert hints["return"] is Result
    assert "lang" in hints and "profile" in hints
    assert typing.get_type_hints(checker.api.lint_text)["return"] is Result


def test_pre_commit_hook_definition():
    hooks = yaml.safe_load((Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "checker" and hook["entry"] == "checker lint" and hook["language"] == "python"
    import re

    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("a.docx", "b/c.txt", "README.md", "a.pdf"))
    assert not files.search("a.png") and files.search("cu.doc")  # as folder mode: .doc reported, not skipped
    assert re.search(hook["exclude"], "bao-cao/~$nhap.docx")


def test_lint_file_raises_for_bad_settings_never_for_the_file(use_needles, tmp_path):
    from checker.api import lint_file

    report = tmp_path / "a.txt"
    report.write_text("sai\n", encoding="utf-8")
    with pytest.raises(ValueError, match="FOO"):
        lint_file(report, select=["FOO"])
    assert lint_file(tmp_path / "khong-co.txt").error.code == "not-found"
