""".doc, .odt and .rtf through LibreOffice: the logic around it (a private folder, the time limit, a
failure, a missing program) tested with a stand-in `soffice`; a real conversion where LibreOffice is
installed (skipped elsewhere, with the reason)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from readers_fixtures import make_docx, p

from checker.api import collect_files, lint_file
from checker.readers import ReadError, convert, read_path, supported_suffixes

FAKE = r'''#!{python}
"""A stand-in for LibreOffice's soffice: records its arguments, then behaves as FAKE_MODE says."""
import json, os, shutil, subprocess, sys, time
args = sys.argv[1:]
with open(os.environ["FAKE_LOG"], "a") as log:
    log.write(json.dumps({{"args": args, "cwd": os.getcwd(), "home": os.environ.get("HOME")}}) + "\n")
mode = os.environ.get("FAKE_MODE", "ok")
outdir = args[args.index("--outdir") + 1]
source = args[-1]
if mode == "ok":
    os.makedirs(outdir, exist_ok=True)
    stem = os.path.splitext(os.path.basename(source))[0]
    shutil.copyfile(os.environ["FAKE_DOCX"], os.path.join(outdir, stem + ".docx"))
elif mode == "sleep":
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    with open(os.environ["FAKE_LOG"] + ".child", "w") as fh:
        fh.write(str(child.pid))
    time.sleep(60)
elif mode == "fail":
    sys.stderr.write("Error: source file could not be loaded\n")
    sys.exit(1)
'''


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    """A stand-in soffice on PATH (and nothing else there) that 'converts' to a prepared .docx."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "soffice"
    script.write_text(FAKE.format(python=sys.executable), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    docx = make_docx(tmp_path / "prepared.docx", p("Kết nạp mới 45/60 đảng viên, đạt 70% chỉ tiêu năm."))
    log = tmp_path / "soffice.log"
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.delenv("CHECKER_SOFFICE", raising=False)
    monkeypatch.setenv("FAKE_DOCX", str(docx))
    monkeypatch.setenv("FAKE_LOG", str(log))
    monkeypatch.setenv("FAKE_MODE", "ok")
    return script, log


def calls(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []


def old_doc(tmp_path, name="cu.doc"):
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 600)
    return path


@pytest.mark.skipif(os.name != "posix", reason="the stand-in soffice is a POSIX script")
class TestWithStandIn:
    def test_doc_is_converted_in_a_private_folder_and_named_as_the_original(self, tmp_path, fake_soffice):
        _, log = fake_soffice
        src = old_doc(tmp_path)
        before = src.read_bytes()
        doc = read_path(src)
        assert doc.path == str(src) and doc.meta["converted_from"] == ".doc"
        assert doc.blocks[0].text.startswith("Kết nạp mới 45/60")
        assert src.read_bytes() == before
        (call,) = calls(log)
        args = call["args"]
        assert "--headless" in args and "--convert-to" in args
        work = Path(args[-1]).parent
        assert work != src.parent and not work.exists()  # a private folder, removed afterwards
        profile = next(a for a in args if a.startswith("-env:UserInstallation="))
        assert str(work) in profile  # a private profile: never the user's running LibreOffice
        assert call["home"] == str(work)
        assert sorted(x.name for x in tmp_path.iterdir()) == ["bin", "cu.doc", "prepared.docx", "soffice.log"]

    def test_findings_name_the_original_file(self, tmp_path, fake_soffice):
        result = lint_file(old_doc(tmp_path), select=["AR001"])
        assert result.path.endswith("cu.doc") and [i.rule for i in result.issues] == ["AR001"]

    @pytest.mark.parametrize("suffix", [".odt", ".rtf"])
    def test_odt_and_rtf_too(self, tmp_path, fake_soffice, suffix):
        src = tmp_path / f"bao-cao{suffix}"
        src.write_bytes(b"{\\rtf1 ...}" if suffix == ".rtf" else b"PK\x03\x04 odt")
        assert read_path(src).meta["converted_from"] == suffix

    def test_time_limit_kills_libreoffice_and_its_children(self, tmp_path, fake_soffice, monkeypatch):
        _, log = fake_soffice
        monkeypatch.setenv("FAKE_MODE", "sleep")
        monkeypatch.setattr(convert, "TIMEOUT_SECONDS", 1.5)
        start = time.monotonic()
        with pytest.raises(ReadError) as e:
            read_path(old_doc(tmp_path))
        assert e.value.code == "convert-timeout" and time.monotonic() - start < 20
        child = int(Path(str(log) + ".child").read_text())
        for _ in range(50):
            if not _alive(child):
                break
            time.sleep(0.1)
        assert not _alive(child)

    def test_failure_is_a_clear_error(self, tmp_path, fake_soffice, monkeypatch):
        monkeypatch.setenv("FAKE_MODE", "fail")
        with pytest.raises(ReadError) as e:
            read_path(old_doc(tmp_path))
        assert e.value.code == "convert-failed" and "could not be loaded" in e.value.detail

    def test_no_output_is_a_failure(self, tmp_path, fake_soffice, monkeypatch):
        monkeypatch.setenv("FAKE_MODE", "nothing")
        with pytest.raises(ReadError) as e:
            read_path(old_doc(tmp_path))
        assert e.value.code == "convert-failed"

    def test_checker_soffice_names_the_program(self, tmp_path, fake_soffice, monkeypatch):
        script, log = fake_soffice
        monkeypatch.setenv("PATH", str(tmp_path / "elsewhere"))
        monkeypatch.setenv("CHECKER_SOFFICE", str(script))
        assert read_path(old_doc(tmp_path)).meta["converted_from"] == ".doc"
        assert len(calls(log)) == 1

    def test_folder_mode_picks_up_convertible_files(self, tmp_path, fake_soffice):
        folder = tmp_path / "bao-cao"
        folder.mkdir()
        old_doc(folder, "a.doc")
        (folder / "b.odt").write_bytes(b"odt")
        (folder / "c.txt").write_text("Báo cáo.\n", encoding="utf-8")
        assert ".doc" in supported_suffixes() and ".pdf" in supported_suffixes()
        found = [Path(f).name for f in collect_files([folder])]
        assert found == ["a.doc", "b.odt", "c.txt"]

    def test_a_password_protected_doc_is_refused_before_running_anything(self, tmp_path, fake_soffice):
        _, log = fake_soffice
        path = tmp_path / "khoa.doc"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le")
                         + b"\0" * 600)
        with pytest.raises(ReadError) as e:
            read_path(path)
        assert e.value.code == "encrypted" and calls(log) == []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie waiting for its parent counts as gone
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except OSError:
        return True


def test_without_libreoffice_doc_keeps_the_hint_and_odt_says_what_is_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CHECKER_SOFFICE", raising=False)
    with pytest.raises(ReadError) as e:
        read_path(old_doc(tmp_path))
    assert e.value.code == "legacy-doc"
    (tmp_path / "b.odt").write_bytes(b"odt")
    with pytest.raises(ReadError) as e:
        read_path(tmp_path / "b.odt")
    assert e.value.code == "needs-libreoffice"
    assert ".doc" not in supported_suffixes()
    folder = tmp_path / "f"
    folder.mkdir()
    old_doc(folder, "a.doc")
    (folder / "b.txt").write_text("Báo cáo.\n", encoding="utf-8")
    # listed all the same, so that the run reports the .doc with how to convert it instead of skipping it
    assert [Path(f).name for f in collect_files([folder])] == ["a.doc", "b.txt"]


def test_checker_soffice_naming_nothing_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_SOFFICE", str(tmp_path / "khong-co-soffice"))
    with pytest.raises(ReadError) as e:
        read_path(old_doc(tmp_path))
    assert e.value.code == "convert-failed" and "CHECKER_SOFFICE" in e.value.reason


REAL = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(REAL is None, reason="LibreOffice (soffice) is not installed")
def test_real_libreoffice_converts_an_odt(tmp_path, monkeypatch):
    monkeypatch.delenv("CHECKER_SOFFICE", raising=False)
    src = make_docx(tmp_path / "nguon.docx", p("Kết nạp mới 45/60 đảng viên, đạt 70% chỉ tiêu năm."))
    subprocess.run([REAL, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--convert-to", "odt", "--outdir", str(tmp_path / "odt"), str(src)],
                   check=True, capture_output=True, timeout=180)
    odt = tmp_path / "odt" / "nguon.odt"
    result = lint_file(odt, select=["AR001"])
    assert result.error is None and result.path == str(odt)
    assert [i.rule for i in result.issues] == ["AR001"]
