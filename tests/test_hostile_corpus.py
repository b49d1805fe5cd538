"""The hostile corpus (issue 15): every file is generated here (no binaries stored). For each, `checker lint`
on it together with a good report must: give the expected reason (an `error.code` in JSON, one line on stderr
naming the file) or check it; exit 2 when a file was refused; still check the good report; never print a
traceback; and leave every input unchanged — in one process and with --jobs alike.

The refused cases are the ones the readers already refuse (tests/readers/test_readers_bad_input.py,
test_readers_robust.py) and the shape limits (readers/limits.py); the checked ones are the inputs that used
to crash or take minutes (long numbers, one-line paragraphs of repeated figures, a wide table)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.readers.limits import MAX_BLOCK_CHARS, MAX_TABLE_COLUMNS


def _fixtures():
    """tests/readers/readers_fixtures.py (minimal .docx packages written with zipfile)."""
    path = Path(__file__).parent / "readers" / "readers_fixtures.py"
    spec = importlib.util.spec_from_file_location("hostile_readers_fixtures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FX = _fixtures()
NS = FX.NS
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
GOOD = "Báo cáo kết quả công tác tháng 10 năm 2024\nKết nạp 112/158 đảng viên, đạt 70,87%.\n"


def _ole(streams: list[str]) -> bytes:
    return OLE + b"\x00" * 504 + b"".join(s.encode("utf-16-le") + b"\x00" * 8 for s in streams) + b"\x00" * 512


def _docx_bytes(tmp: Path, body: str, **kw) -> bytes:
    return FX.make_docx(tmp / "_build.docx", body, **kw).read_bytes()


def _sparse(path: Path, size: int) -> None:
    with open(path, "wb") as fh:
        fh.truncate(size)  # no data written: the reader must refuse it by its size alone


def _row(cells: int) -> str:
    return "| " + " | ".join(str(k % 10) for k in range(cells)) + " |"


# name -> (file name, builder(tmp) -> bytes | None (the builder wrote the file itself), expected error code)
REFUSED = {
    "empty text": ("rong.txt", lambda t: b"", "empty"),
    "blank text": ("trang.txt", lambda t: b"  \n\t\r\n", "empty"),
    "binary text": ("nhi_phan.txt", lambda t: bytes(range(256)) * 40, "unknown-format"),
    "damaged UTF-8": ("hong.txt", lambda t: ("Báo cáo tháng mười, kết quả đạt được. " * 20).encode() + b"\xff\xfe x",
                      "invalid-utf8"),
    "legacy .doc": ("cu.doc", lambda t: _ole(["WordDocument", "1Table", "SummaryInformation"]), "legacy-doc"),
    "encrypted .docx": ("mat_khau.docx", lambda t: _ole(["EncryptionInfo", "EncryptedPackage"]), "encrypted"),
    "text named .docx": ("gia.docx", lambda t: "Báo cáo tháng 10\n".encode(), "corrupt"),
    "truncated .docx": ("cut.docx", lambda t: _docx_bytes(t, FX.p("Báo cáo") * 40)[:700], "corrupt"),
    "no document.xml": ("nodoc.docx", lambda t: _docx_bytes(t, "", skip_document=True), "no-document-xml"),
    "external entity": ("xxe.docx", lambda t: _docx_bytes(t, "", document_xml=(
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<w:document {NS}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>')), "unsafe-xml"),
    "entity expansion": ("lol.docx", lambda t: _docx_bytes(t, FX.p("Thân bài"), footnotes=(
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f'<w:footnotes {NS}><w:footnote w:id="1"><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:footnote></w:footnotes>')),
        "unsafe-xml"),
    "zip bomb": ("bomb.docx", lambda t: _docx_bytes(t, "<w:p/>" * 600_000), "too-large"),
    "unknown type": ("bang.xyz", lambda t: b"a,b\n1,2\n", "unknown-format"),
    "text over 20 MB": ("lon.txt", lambda t: _sparse(t / "lon.txt", 21 * 2**20), "too-large"),
    "one-line text": ("mot_dong.txt", lambda t: ("ngày 31/4/2024, " * (MAX_BLOCK_CHARS // 16 + 1)).encode(),
                      "too-large"),
    "Markdown row too wide": ("rong.md", lambda t: (_row(3) + "\n|" + "---|" * 3 + "\n" + _row(MAX_TABLE_COLUMNS + 1)
                                                    + "\n").encode(), "too-large"),
    "Word paragraph too long": ("dai.docx", lambda t: _docx_bytes(t, FX.p("đạt 50% " * (MAX_BLOCK_CHARS // 8 + 1))),
                                "too-large"),
    "Word table too wide": ("bang_rong.docx", lambda t: _docx_bytes(
        t, FX.tbl(FX.tr(*["Chỉ tiêu"] * 2), FX.tr(*[str(k) for k in range(MAX_TABLE_COLUMNS + 1)]))), "too-large"),
}

LONG = "9" * 49
# inputs that used to crash (long numbers) or run for minutes (one paragraph of repeated figures): now checked
CHECKED = {
    "long numbers": ("so_dai.txt", LONG + "/4 đạt 4%\nCó " + "1" * 5000 + " hộ và 1.234 hộ, 5.678 hộ.\n"),
    "long ratio and remainder": ("con_lai.txt", "Có " + "9" * 40 + "/" + "9" * 35 + " hộ, còn " + "9" * 30 + " hộ.\n"),
    "repeated dotted numbers": ("cham.txt", "1.2.3.4.5.6.7.8.9." * 500 + "\n"),
    "repeated dates": ("ngay.txt", "ngày 31/4/2024, " * 500 + "\n"),
    "repeated footnoted percentages": ("phan_tram.txt", "đạt 50%[1] " * 500 + "\n"),
    "brackets": ("ngoac.txt", "(" * 8000 + "\n"),
    "remainders on one line": ("mot_dong.txt", "12/34 hộ, còn 22 hộ, " * 300 + "\n"),
    "wide Markdown table": ("bang.md", _row(MAX_TABLE_COLUMNS) + "\n|" + "---|" * MAX_TABLE_COLUMNS + "\n"
                            + _row(MAX_TABLE_COLUMNS) + "\n"),
}


def _state(paths: list[Path]) -> dict:
    """Content hash, size and modification time of every input (a folder: of every file in it)."""
    out = {}
    for p in paths:
        for f in ([p] if p.is_file() else sorted(p.rglob("*")) if p.is_dir() else []):
            st = f.stat()
            out[str(f)] = (hashlib.sha256(f.read_bytes()).hexdigest(), st.st_size, st.st_mtime_ns)
    return out


def _build(tmp: Path, name: str, builder) -> Path:
    data = builder(tmp)
    path = tmp / name
    if data is not None:
        path.write_bytes(data)
    return path


def lint(paths: list[Path], *options: str):
    res = CliRunner().invoke(main, ["lint", "--format", "json", *options, *map(str, paths)])
    return res, json.loads(res.stdout) if res.stdout.strip().startswith("{") else None


def _entries(data: dict) -> dict[str, dict]:
    return {os.path.basename(f["path"].rstrip("/")): f for f in data["files"]}


def _assert_good_checked(entries: dict[str, dict]) -> None:
    good = entries["tot.txt"]
    assert good["error"] is None
    assert [i["rule"] for i in good["issues"] if i["rule"].startswith("AR")] == ["AR001"]


@pytest.fixture(autouse=True)
def no_libreoffice(monkeypatch, tmp_path_factory):
    """The same reasons on every machine: a .doc is not handed to a LibreOffice that may be installed."""
    monkeypatch.setenv("PATH", str(tmp_path_factory.mktemp("no-soffice")))
    monkeypatch.delenv("CHECKER_SOFFICE", raising=False)


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "tot.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_with_its_reason_and_the_others_checked(case, tmp_path, good):
    name, builder, code = REFUSED[case]
    bad = _build(tmp_path, name, builder)
    before = _state([bad, good])
    res, data = lint([bad, good])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.stdout + res.stderr
    entries = _entries(data)
    assert entries[name]["error"]["code"] == code and entries[name]["issues"] == []
    _assert_good_checked(entries)
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len([ln for ln in lines if name in ln]) == 1  # one line naming the file
    assert _state([bad, good]) == before


@pytest.mark.parametrize("case", sorted(CHECKED))
def test_hostile_content_is_checked(case, tmp_path, good):
    name, text = CHECKED[case]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    before = _state([path, good])
    res, data = lint([path, good])
    assert res.exit_code == 1, res.output  # the good report's error finding; nothing refused
    assert "Traceback" not in res.stdout + res.stderr
    entries = _entries(data)
    assert entries[name]["error"] is None
    _assert_good_checked(entries)
    assert _state([path, good]) == before


def test_long_numbers_are_counted_as_not_understood(tmp_path):
    path = tmp_path / "so_dai.txt"
    path.write_text(CHECKED["long numbers"][1], encoding="utf-8")
    res, data = lint([path])
    assert data["files"][0]["coverage"]["unparsed"] == 2


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_whole_corpus_in_one_run(jobs, tmp_path, good):
    """Every hostile file at once, in one process and in two: each gets its own entry, the good report its
    finding, and nothing is written to any input or beside it."""
    folder = tmp_path / "in"
    folder.mkdir()
    paths = [_build(folder, name, builder) for name, builder, _ in REFUSED.values()]
    for name, text in CHECKED.values():
        (folder / f"c_{name}").write_text(text, encoding="utf-8")
        paths.append(folder / f"c_{name}")
    missing, empty_dir = tmp_path / "khong_co.docx", tmp_path / "rong"
    empty_dir.mkdir()
    inputs = [*paths, good, missing, empty_dir]
    before = _state(inputs)
    listing = sorted(os.listdir(folder))
    res, data = lint(inputs, "--jobs", jobs)
    assert res.exit_code == 2 and "Traceback" not in res.stdout + res.stderr
    entries = _entries(data)
    for name, _, code in REFUSED.values():
        assert entries[name]["error"]["code"] == code, name
    for name in CHECKED.values():
        assert entries[f"c_{name[0]}"]["error"] is None
    assert entries["khong_co.docx"]["error"]["code"] == "not-found"
    assert entries["rong"]["error"]["code"] == "no-files"
    _assert_good_checked(entries)
    assert _state(inputs) == before and sorted(os.listdir(folder)) == listing


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_an_entry(tmp_path, good):
    """Issue 15 item 3 (the api helper's): a file without read permission is that file's `unreadable`
    entry, not a usage error that stops the run."""
    bad = tmp_path / "khoa.txt"
    bad.write_text(GOOD, encoding="utf-8")
    bad.chmod(0)
    try:
        res, data = lint([bad, good])
    finally:
        bad.chmod(0o644)
    assert data is not None, res.output
    assert res.exit_code == 2
    entries = _entries(data)
    assert entries["khoa.txt"]["error"]["code"] == "unreadable"
    _assert_good_checked(entries)


def test_internal_error_in_one_file_leaves_the_others_checked(tmp_path, good, monkeypatch):
    """Issue 15 item 2 (the api helper's): a crash while checking one file is that file's `internal` entry
    in a one-process run too; the other files are checked and the run exits 2."""
    from checker import engine

    real = engine.run_rules

    def crashing(doc, *args, **kwargs):
        if doc.path.endswith("no.txt"):
            raise RuntimeError("a check failed")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(engine, "run_rules", crashing)
    bad = tmp_path / "no.txt"
    bad.write_text(GOOD, encoding="utf-8")
    res, data = lint([bad, good])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert res.exit_code == 2 and "Traceback" not in res.stdout + res.stderr
    entries = _entries(data)
    assert entries["no.txt"]["error"]["code"] == "internal"
    _assert_good_checked(entries)


def test_corpus_builders_make_what_they_claim(tmp_path):
    """The zip bomb is a valid zip whose document part is highly compressed, the sparse file has its size."""
    bomb = _build(tmp_path, "bomb.docx", REFUSED["zip bomb"][1])
    with zipfile.ZipFile(bomb) as z:
        info = z.getinfo("word/document.xml")
        assert info.file_size > 100 * info.compress_size
    big = _build(tmp_path, "lon.txt", REFUSED["text over 20 MB"][1])
    assert big.stat().st_size > 20 * 2**20


def test_lint_text_refuses_a_too_long_line_with_an_entry():
    """The API's text path (lint_text) gives the same `too-large` entry as a file, never an exception."""
    from hostile_texts import lint_text

    result = lint_text("đạt 50% " * (MAX_BLOCK_CHARS // 8 + 1))
    (f,) = result.files
    assert f.error is not None and f.error.code == "too-large" and f.issues == []
    assert result.exit_code() == 2
