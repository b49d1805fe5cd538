"""The pre-commit hook definition (defect 16.4): one run over all staged files, the files folder mode
would check and no others, and a README whose `rev:` names the package's version."""

import re
import tomllib
from pathlib import Path

import yaml

from checker.api import collect_files

ROOT = Path(__file__).resolve().parents[1]


def hook():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and [h["id"] for h in hooks] == ["checker"]
    return hooks[0]


def picked(h, path: str) -> bool:
    """pre-commit's filter: `files` searched, `exclude` not searched, on the path relative to the repo."""
    return bool(re.search(h["files"], path)) and not re.search(h["exclude"], path)


def test_the_hook_runs_once_over_all_files_so_there_is_one_summary():
    h = hook()
    assert h["entry"].split()[:2] == ["checker", "lint"] and h["language"] == "python"
    assert h["require_serial"] is True  # false split the files into parallel batches, one summary each
    assert h.get("pass_filenames", True) is True and h["types"] == ["file"]


def test_the_hook_picks_exactly_what_folder_mode_picks(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # folder mode without LibreOffice (.doc is then not picked)
    monkeypatch.delenv("CHECKER_SOFFICE", raising=False)
    names = ["bao-cao.docx", "BAO-CAO-QUY.DOCX", "thang-5.txt", "ghi-chu.md", "README.md", "readme.txt", "ban-in.pdf",
             "Readme.docx", "~$bao-cao.docx", ".nhap.txt", "anh.png", "cu.doc", "con/README.md", "con/so-lieu.md",
             "con/~$x.docx", ".an/bao-cao.txt", "nam-2024/quy-1/bao-cao.docx", "README-cu/bao-cao.txt"]
    for name in names:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    folder = {Path(p).relative_to(tmp_path).as_posix() for p in collect_files([tmp_path]) if isinstance(p, str)}
    h = hook()
    by_hook = {name for name in names if picked(h, name)}
    assert by_hook == folder
    assert "README.md" not in by_hook and "con/README.md" not in by_hook and "README-cu/bao-cao.txt" in by_hook


def test_readme_pins_the_version_of_the_package():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    revs = re.findall(r"^\s*rev:\s*(\S+)", readme, re.M)
    assert revs == [f"v{version}"]
