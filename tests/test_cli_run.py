"""The command line's run options (issues 15 and 16): what is checked (files, stdin, exclusions), which
rules (ruff's selection semantics, configuration), where the report goes (-o never over an input,
clean errors), time limits, per-file failures and exit codes. Each through click's runner."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.config import _config_for_dir
from test_api_kit import traps, use_needles  # noqa: F401  (fixtures)

RATIO = "Kết nạp mới 112/158 đảng viên, đạt 70,87% chỉ tiêu.\n"  # AR001
CLEAN = "Báo cáo tháng 10 năm 2023\nKết quả thực hiện nhiệm vụ.\n"


@pytest.fixture(autouse=True)
def _fresh_config_cache():
    _config_for_dir.cache_clear()
    yield
    _config_for_dir.cache_clear()


def run(*args, input=None, env=None):
    result = CliRunner().invoke(main, list(map(str, args)), input=input, env=env)
    return result.exit_code, result.stdout, result.stderr


def lint_json(*args, **kw):
    code, out, err = run("lint", "--format", "json", *args, **kw)
    return code, json.loads(out) if out else None, err


def rules_of(data):
    return [[i["rule"] for i in f["issues"]] for f in data["files"]]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _fork_only():
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("needs the fork start method to patch the workers")


# --- per-file failures: crash, timeout, unreadable -------------------------------------------------

def _batch(folder: Path, jobs: str, *texts: str) -> None:
    if jobs != "1":
        _fork_only()
    for k, text in enumerate(texts, 1):
        write(folder / f"{k}.txt", text)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_crashing_file_is_its_error_entry_and_the_others_are_checked(traps, tmp_path, jobs):
    """Before: the traceback ended a one-process run (exit 1, no output, the good files lost)."""
    _batch(tmp_path, jobs, "sai\n", "nổ\n", "sai\n")
    code, data, err = lint_json(tmp_path, "--jobs", jobs, "--lang", "en")
    assert code == 2
    assert [f["error"]["code"] if f["error"] else f["issues"][0]["rule"] for f in data["files"]] == [
        "AR901", "internal", "AR901"]
    lines = err.splitlines()
    assert lines == [f"checker: {tmp_path / '2.txt'}: internal error while checking this file: "
                     "ZeroDivisionError: division by zero"]


def test_verbose_and_checker_debug_show_the_traceback(traps, tmp_path):
    write(tmp_path / "2.txt", "nổ\n")
    _, _, err = lint_json(tmp_path / "2.txt")
    assert "Traceback" not in err
    for extra, env in ((["--verbose"], None), ([], {"CHECKER_DEBUG": "1"})):
        _, _, err = lint_json(tmp_path / "2.txt", *extra, env=env)
        assert "Traceback (most recent call last)" in err and "ZeroDivisionError" in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_timeout_per_file_in_both_run_modes(traps, tmp_path, jobs):
    _batch(tmp_path, jobs, "chậm\n", "sai\n")
    started = time.monotonic()
    code, data, err = lint_json(tmp_path, "--timeout", "0.5", "--jobs", jobs, "--lang", "en")
    assert time.monotonic() - started < 10
    assert code == 2
    assert [f["error"]["code"] if f["error"] else f["issues"][0]["rule"] for f in data["files"]] == [
        "timeout", "AR901"]
    assert "longer than 0.5 s" in data["files"][0]["error"]["message"] and "--timeout" in err


def test_timeout_option_is_documented_with_its_default():
    code, out, _ = run("lint", "--help")
    assert code == 0 and "--timeout" in out and "60" in out


def test_unreadable_named_file_is_its_error_entry_not_a_usage_error(use_needles, tmp_path, monkeypatch):
    """Before: click's readable check aborted the run with a usage error (exit 2, nothing checked)."""
    locked = write(tmp_path / "khoa.txt", "sai\n")
    good = write(tmp_path / "tot.txt", "sai\n")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if str(p) == str(locked) else real_access(p, mode))
    real_open = open

    def deny(path, *a, **kw):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **kw)

    monkeypatch.setattr("builtins.open", deny)
    code, data, err = lint_json(locked, good)
    assert code == 2
    assert [(Path(f["path"]).name, f["error"]["code"] if f["error"] else None) for f in data["files"]] == [
        ("khoa.txt", "unreadable"), ("tot.txt", None)]
    assert "Usage" not in err


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="permissions do not bite as root")
def test_unreadable_file_and_folder_with_real_permissions(tmp_path):
    locked = write(tmp_path / "khoa.txt", CLEAN)
    folder = tmp_path / "thu-muc"
    write(folder / "a.txt", CLEAN)
    write(tmp_path / "tot.txt", CLEAN)
    locked.chmod(0)
    folder.chmod(0)
    try:
        code, data, _ = lint_json(tmp_path)
    finally:
        folder.chmod(0o755)
        locked.chmod(0o644)
    assert code == 2
    assert {Path(f["path"]).name: (f["error"] or {}).get("code") for f in data["files"]} == {
        "khoa.txt": "unreadable", "thu-muc": "unreadable", "tot.txt": None}


def test_unreadable_file_is_reported_once_on_screen(tmp_path):
    """Before: the console report showed it, and a line on stderr showed it again."""
    write(tmp_path / "a.txt", CLEAN)
    (tmp_path / "rong.txt").write_bytes(b"")
    code, out, err = run("lint", tmp_path, "--no-color", env={"COLUMNS": "400"})  # no wrapping of long paths
    assert code == 2 and out.count("tệp rỗng") == 1 and "rong.txt" not in err
    code, out, err = run("lint", tmp_path, "--format", "json")  # machine-readable output: stderr says it
    assert code == 2 and err.count("rong.txt") == 1


def test_doc_files_in_a_folder_are_reported_with_the_conversion_hint(tmp_path):
    """Before: a .doc in a folder was skipped without a word."""
    write(tmp_path / "a.txt", CLEAN)
    (tmp_path / "cu.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    code, data, err = lint_json(tmp_path)
    assert code == 2
    (entry,) = [f for f in data["files"] if f["path"].endswith("cu.doc")]
    assert entry["error"]["code"] == "legacy-doc" and "--convert-to docx" in entry["error"]["message"]


def test_files_come_in_natural_order(tmp_path):
    for name in ("r10.txt", "r2.txt", "r1.txt"):
        write(tmp_path / name, CLEAN)
    _, data, _ = lint_json(tmp_path)
    assert [Path(f["path"]).name for f in data["files"]] == ["r1.txt", "r2.txt", "r10.txt"]
    code, out, _ = run("lint", tmp_path, "--show-files")
    assert code == 0 and [Path(line).name for line in out.splitlines()] == ["r1.txt", "r2.txt", "r10.txt"]


# --- -o: never over an input, clean errors, usual permissions --------------------------------------

def test_output_never_replaces_an_input(tmp_path, monkeypatch):
    """Before: `lint X.txt --format json -o X.txt` replaced the report with its own findings."""
    report = write(tmp_path / "bc.txt", RATIO)
    before = report.read_bytes()
    (tmp_path / "lien-ket.txt").symlink_to(report)
    os.link(report, tmp_path / "cung-tep.txt")
    monkeypatch.chdir(tmp_path)
    for target in ("bc.txt", str(report), "./sub/../bc.txt", "lien-ket.txt", "cung-tep.txt"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        code, out, err = run("lint", "bc.txt", "--format", "json", "-o", target, "--lang", "en")
        assert code == 2 and out == "", target
        assert ": is an input of this run (bc.txt)" in err and len(err.splitlines()) == 1
        assert report.read_bytes() == before
    code, _, err = run("lint", tmp_path, "-o", "bc.txt")  # an input found in a folder
    assert code == 2 and report.read_bytes() == before


def test_a_missing_output_folder_is_refused_before_any_work(tmp_path, monkeypatch):
    import checker.cli as cli

    write(tmp_path / "a.txt", CLEAN)
    monkeypatch.setattr(cli, "run_lint", lambda *a, **k: pytest.fail("the files were checked"))
    target = tmp_path / "thieu" / "bao-cao.json"
    code, out, err = run("lint", tmp_path / "a.txt", "--format", "json", "-o", target, "--lang", "en")
    assert code == 2 and err.splitlines() == [f"checker: {target}: the folder {target.parent} does not exist"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_output_to_a_full_disk_is_one_line(tmp_path):
    write(tmp_path / "a.txt", CLEAN)
    # Through a link of our own: a regression that replaced the device (as root) would only replace the link.
    out_path = tmp_path / "full"
    out_path.symlink_to("/dev/full")
    code, out, err = run("lint", tmp_path / "a.txt", "--format", "json", "-o", out_path, "--lang", "en")
    assert code == 2 and "Traceback" not in err
    assert err.splitlines() == [f"checker: {out_path}: cannot write (no space left on device)"]
    assert out_path.is_symlink() and stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_write_report_failures_are_output_errors(tmp_path):
    from checker.output import OutputError, write_report

    for target, reason in ((tmp_path, "Is a directory"), (tmp_path / "thieu" / "r.json", "No such file or directory")):
        with pytest.raises(OutputError) as exc:
            write_report(target, "{}")
        assert exc.value.values == {"reason": reason} and exc.value.path == str(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no temporary file left behind


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="permissions do not bite as root")
def test_output_folder_without_write_permission(tmp_path):
    write(tmp_path / "a.txt", CLEAN)
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, _, err = run("lint", tmp_path / "a.txt", "-o", folder / "r.json")
    finally:
        folder.chmod(0o755)
    assert code == 2 and "Permission denied" in err and "Traceback" not in err


def test_output_file_has_the_usual_permissions(tmp_path):
    """Before: mkstemp's private 0600."""
    write(tmp_path / "a.txt", CLEAN)
    old = os.umask(0o022)
    try:
        code, _, _ = run("lint", tmp_path / "a.txt", "--format", "json", "-o", tmp_path / "r.json")
    finally:
        os.umask(old)
    assert code == 0 and stat.S_IMODE((tmp_path / "r.json").stat().st_mode) == 0o644


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_stdout_to_a_full_disk_is_one_line(tmp_path):
    write(tmp_path / "a.txt", CLEAN)
    for fmt in ("json", "rich"):
        with open("/dev/full", "w") as full:
            p = subprocess.run([sys.executable, "-m", "checker", "lint", str(tmp_path / "a.txt"), "--format", fmt,
                                "--lang", "en"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
        assert p.returncode == 2, p.stderr
        assert p.stderr.splitlines() == ["checker: cannot write the report to standard output "
                                         "(no space left on device)"], fmt


# --- configuration -------------------------------------------------------------------------------

@pytest.mark.parametrize("toml,key,value", [
    ('select = ["FOO"]\n', "select", "FOO"),
    ('ignore = ["AR001", "ZZ9"]\n', "ignore", "ZZ9"),
    ('extend-select = ["TX9"]\n', "extend-select", "TX9"),
    ('extend-ignore = ["tables"]\n', "extend-ignore", "tables"),
    ('[per-file-ignores]\n"nhap/*.txt" = ["ST", "XX001"]\n', 'per-file-ignores."nhap/*.txt"', "XX001"),
    ('[severity]\nNF099 = "info"\n', "severity", "NF099"),
])
def test_unknown_rule_in_configuration_is_a_usage_error(tmp_path, toml, key, value):
    """Before: `select = ["FOO"]` checked nothing and said "Không phát hiện vấn đề nào" with exit 0."""
    write(tmp_path / "a.txt", RATIO)
    for name, content in (("checker.toml", toml), ("pyproject.toml", "[tool.checker]\n" + toml.replace(
            "[per-file-ignores]", "[tool.checker.per-file-ignores]").replace("[severity]", "[tool.checker.severity]"))):
        for other in ("checker.toml", "pyproject.toml"):
            (tmp_path / other).unlink(missing_ok=True)
        write(tmp_path / name, content)
        _config_for_dir.cache_clear()
        code, out, err = run("lint", tmp_path / "a.txt", "--lang", "en")
        assert code == 2 and out == "", (name, err)
        assert str(tmp_path / name) in err and f"{key}: unknown rule selector '{value}'" in err, err


def test_severity_table_takes_selectors_most_specific_wins(tmp_path):
    write(tmp_path / "a.txt", RATIO)
    write(tmp_path / "checker.toml", '[severity]\narithmetic = "info"\nAR001 = "warning"\n')
    _, data, _ = lint_json(tmp_path / "a.txt", "--select", "AR001")
    assert [i["severity"] for i in data["files"][0]["issues"]] == ["warning"]
    write(tmp_path / "checker.toml", '[severity]\nAR = "info"\n')
    _config_for_dir.cache_clear()
    code, data, _ = lint_json(tmp_path / "a.txt", "--select", "AR001")
    assert code == 0 and [i["severity"] for i in data["files"][0]["issues"]] == ["info"]


def test_config_file_option_and_isolated(tmp_path):
    write(tmp_path / "bc" / "a.txt", RATIO)
    write(tmp_path / "bc" / "checker.toml", 'ignore = ["AR"]\n')
    write(tmp_path / "khac.toml", 'lang = "en"\n')
    write(tmp_path / "py" / "pyproject.toml", '[project]\nname = "x"\n')
    _, data, _ = lint_json(tmp_path / "bc" / "a.txt")
    assert rules_of(data) == [[]]
    _, data, _ = lint_json(tmp_path / "bc" / "a.txt", "--isolated")
    assert rules_of(data) == [["AR001"]] and "văn bản ghi" in data["files"][0]["issues"][0]["message"]
    _, data, _ = lint_json(tmp_path / "bc" / "a.txt", "--config", tmp_path / "khac.toml")
    assert rules_of(data) == [["AR001"]] and "the text says" in data["files"][0]["issues"][0]["message"]
    code, _, err = run("lint", tmp_path / "bc" / "a.txt", "--config", tmp_path / "py" / "pyproject.toml", "--lang", "en")
    assert code == 2 and "no [tool.checker] table" in err
    code, _, err = run("lint", tmp_path / "bc" / "a.txt", "--config", tmp_path / "missing.toml")
    assert code == 2 and "missing.toml" in err


def test_show_settings(tmp_path):
    write(tmp_path / "a.txt", RATIO)
    write(tmp_path / "checker.toml", 'ignore = ["AR"]\n[severity]\nNF = "info"\n')
    code, out, _ = run("lint", tmp_path / "a.txt", "--show-settings", "--extend-select", "AR001")
    assert code == 0
    assert f"# configuration file: {tmp_path / 'checker.toml'}" in out
    assert 'ignore = ["AR"]' in out and 'severity = {"NF": "info"}' in out
    rules_line = next(line for line in out.splitlines() if line.startswith("rules = "))
    assert '"AR001"' in rules_line and '"AR002"' not in rules_line and '"TX101"' not in rules_line
    code, out, _ = run("lint", tmp_path / "a.txt", "--show-settings", "--isolated")
    assert "none (--isolated)" in out and '"AR002"' in out


def test_show_files_and_exclusions(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # --exclude patterns with '/' are relative to the working folder, as in ruff
    for name in ("2024/q1.txt", "2024/nhap/q2.txt", "luu-tru/cu.txt", "venv/x.txt", "b.txt"):
        write(tmp_path / name, CLEAN)

    def shown(*args):
        code, out, _ = run("lint", tmp_path, "--show-files", *args)
        assert code == 0
        return [Path(line).relative_to(tmp_path).as_posix() for line in out.splitlines()]

    assert shown() == ["2024/nhap/q2.txt", "2024/q1.txt", "b.txt", "luu-tru/cu.txt"]  # venv: a default exclusion
    assert shown("--exclude", "nhap") == ["2024/q1.txt", "b.txt", "luu-tru/cu.txt", "venv/x.txt"]
    assert shown("--extend-exclude", "nhap") == ["2024/q1.txt", "b.txt", "luu-tru/cu.txt"]
    write(tmp_path / "checker.toml", 'extend-exclude = ["luu-tru"]\n')
    _config_for_dir.cache_clear()
    assert shown() == ["2024/nhap/q2.txt", "2024/q1.txt", "b.txt"]
    assert shown("--extend-exclude", "2024/*.txt") == ["2024/nhap/q2.txt", "b.txt"]
    code, out, _ = run("lint", tmp_path / "luu-tru" / "cu.txt", "--show-files")
    assert out.strip() == str(tmp_path / "luu-tru" / "cu.txt")  # named explicitly: checked anyway
    code, out, _ = run("lint", tmp_path / "luu-tru" / "cu.txt", "--show-files", "--force-exclude")
    assert code == 0 and out == ""


# --- rule selection (ruff's semantics) -------------------------------------------------------------

def test_more_specific_selector_wins_on_the_command_line(tmp_path):
    """Before: `--select AR001 --ignore AR` ran nothing."""
    write(tmp_path / "a.txt", RATIO)
    _, data, _ = lint_json(tmp_path / "a.txt", "--select", "AR001", "--ignore", "AR")
    assert rules_of(data) == [["AR001"]]
    _, data, _ = lint_json(tmp_path / "a.txt", "--ignore", "AR", "--extend-select", "AR001")
    assert rules_of(data) == [["AR001"]]
    _, data, _ = lint_json(tmp_path / "a.txt", "--select", "AR", "--ignore", "AR001")
    assert rules_of(data) == [[]]


def test_command_line_ignore_adds_to_the_configuration(tmp_path):
    """Before: --ignore on the command line replaced the configuration's list."""
    write(tmp_path / "a.txt", RATIO + "Tổ chức 7.25 cuộc kiểm tra.\n")  # AR001 and NF001
    write(tmp_path / "checker.toml", 'ignore = ["NF001"]\n')
    _, data, _ = lint_json(tmp_path / "a.txt")
    assert "NF001" not in rules_of(data)[0] and "AR001" in rules_of(data)[0]
    _, data, _ = lint_json(tmp_path / "a.txt", "--ignore", "AR001")
    assert "NF001" not in rules_of(data)[0] and "AR001" not in rules_of(data)[0]
    _, data, _ = lint_json(tmp_path / "a.txt", "--extend-ignore", "AR001")
    assert "NF001" not in rules_of(data)[0] and "AR001" not in rules_of(data)[0]
    # a command-line select starts over, as in ruff: the configuration's ignore no longer applies
    _, data, _ = lint_json(tmp_path / "a.txt", "--select", "NF001,AR001")
    assert rules_of(data) == [["AR001", "NF001"]]


def test_unknown_selectors_are_usage_errors_everywhere(tmp_path):
    write(tmp_path / "a.txt", CLEAN)
    for option in ("--select", "--extend-select", "--ignore", "--extend-ignore"):
        code, out, err = run("lint", tmp_path / "a.txt", option, "ZZ999")
        assert code == 2 and "ZZ999" in err and out == "", option


def test_rules_unknown_category_is_a_usage_error():
    """Before: `checker rules -c XYZ` printed an empty table and exited 0."""
    code, out, err = run("rules", "-c", "XYZ")
    assert code == 2 and "XYZ" in err and out == ""


def test_rules_as_json():
    code, out, _ = run("rules", "--format", "json", "-c", "text", "--lang", "en")
    data = json.loads(out)
    assert code == 0 and {r["category"] for r in data} == {"text"}
    tx101 = next(r for r in data if r["id"] == "TX101")
    assert tx101["enabled_by_default"] is False and tx101["severity"] == "info"
    assert set(tx101) == {"id", "name", "category", "severity", "profiles", "enabled_by_default", "summary", "source"}
    assert tx101["summary"].startswith("A ") and tx101["source"] == "drafting practice"


# --- exit codes, stdin, unused suppressions --------------------------------------------------------

def test_exit_zero(tmp_path):
    write(tmp_path / "a.txt", RATIO)
    assert run("lint", tmp_path / "a.txt")[0] == 1
    assert run("lint", tmp_path / "a.txt", "--exit-zero")[0] == 0
    (tmp_path / "rong.txt").write_bytes(b"")
    assert run("lint", tmp_path, "--exit-zero")[0] == 2  # unreadable input is still exit 2


def test_standard_input(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, data, _ = lint_json("-", input=RATIO.encode("utf-8"))
    assert code == 1 and data["files"][0]["path"] == "-" and rules_of(data) == [["AR001"]]
    write(tmp_path / "bc" / "checker.toml", '[per-file-ignores]\n"quy3.md" = ["AR001"]\n')
    code, data, _ = lint_json("-", "--stdin-filename", "bc/quy3.md", input=RATIO.encode("utf-8"))
    assert code == 0 and data["files"][0]["path"] == "bc/quy3.md" and rules_of(data) == [[]]


def test_standard_input_as_word(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph(RATIO.strip())
    d.save(tmp_path / "x.docx")
    code, data, _ = lint_json("-", "--stdin-filename", "bao-cao.docx", input=(tmp_path / "x.docx").read_bytes())
    assert data["files"][0]["path"] == "bao-cao.docx" and "AR001" in rules_of(data)[0]
    code, data, err = lint_json("-", "--stdin-filename", "bao-cao.docx", input=b"not a zip")
    assert code == 2 and data["files"][0]["error"]["code"] == "corrupt" and "checker-stdin" not in err


def test_stdin_cannot_be_mixed_with_paths(tmp_path):
    write(tmp_path / "a.txt", CLEAN)
    code, _, err = run("lint", "-", tmp_path / "a.txt", "--lang", "en", input=b"x")
    assert code == 2 and "standard input" in err
    code, _, err = run("lint", tmp_path / "a.txt", "--stdin-filename", "x.txt", "--lang", "en")
    assert code == 2 and "--stdin-filename" in err


def test_unused_suppression_rule_is_off_by_default_and_fires_when_selected(tmp_path):
    write(tmp_path / "a.txt", "<!-- checker: bỏ qua AR001 -->\nKết quả thực hiện nhiệm vụ quý III năm 2024.\n"
                              "<!-- checker: bỏ qua AR001 -->\n" + RATIO)
    code, data, _ = lint_json(tmp_path / "a.txt")
    assert code == 0 and rules_of(data) == [[]] and data["files"][0]["suppressed"] == 1
    code, data, _ = lint_json(tmp_path / "a.txt", "--extend-select", "TX101")
    (issue,) = data["files"][0]["issues"]
    assert issue["rule"] == "TX101" and issue["severity"] == "info" and issue["location"]["line"] == 1
    assert issue["excerpt"] == "<!-- checker: bỏ qua AR001 -->"
    code, data, _ = lint_json(tmp_path / "a.txt", "--extend-select", "TX101", "--ignore", "AR")
    assert rules_of(data) == [[]]  # AR001 did not run: its directives cannot be judged


def test_a_defect_outside_any_file_is_one_line_and_verbose_shows_the_traceback(tmp_path, monkeypatch):
    import checker.cli as cli

    def broken(*args, **kwargs):
        raise KeyError("renderer")

    write(tmp_path / "a.txt", CLEAN)
    monkeypatch.setattr(cli, "emit", broken)
    code, out, err = run("lint", tmp_path / "a.txt", "--lang", "en")
    assert code == 2 and err.splitlines() == [
        "checker: internal error: KeyError: 'renderer' (run with --verbose or CHECKER_DEBUG=1 for the traceback)"]
    code, out, err = run("lint", tmp_path / "a.txt", "-v")
    assert code == 2 and "Traceback (most recent call last)" in err and "KeyError" in err


@pytest.mark.parametrize("fmt", ["json", "rich"])
def test_a_reader_that_goes_away_ends_the_run_quietly_with_its_exit_code(tmp_path, fmt):
    """`checker lint … | head`: no traceback, no "Exception ignored", the findings' exit code."""
    write(tmp_path / "a.txt", RATIO * 400)  # far more output than a pipe holds
    p = subprocess.Popen([sys.executable, "-m", "checker", "lint", str(tmp_path / "a.txt"), "--format", fmt],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.close()  # the reader is gone before the report is written
    err = p.stderr.read().decode()
    assert p.wait(timeout=60) == 1 and err == ""


def test_usage_errors_of_the_run_options_speak_the_runs_language(tmp_path):
    report = write(tmp_path / "bc.txt", RATIO)
    write(tmp_path / "checker.toml", 'select = ["FOO"]\n')
    code, _, err = run("lint", report)
    assert code == 2 and err.strip() == (f"checker: cấu hình {tmp_path / 'checker.toml'}: select: không có mã quy tắc "
                                         "'FOO' (xem `checker rules`)")
    (tmp_path / "checker.toml").unlink()
    _config_for_dir.cache_clear()
    code, _, err = run("lint", report, "-o", report)
    assert code == 2 and "là tệp được kiểm tra trong lần này" in err
    code, _, err = run("lint", report, "-o", tmp_path / "thieu" / "r.json")
    assert code == 2 and err.strip().endswith(f"không có thư mục {tmp_path / 'thieu'} để ghi báo cáo")
