"""Which files a run checks (files.py): folder expansion in natural order, the document types the
readers know, exclusions, and paths that cannot be listed or examined (reported, never raised)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker import files as files_module
from checker import readers
from checker.files import Exclusions, collect_files, natural_key
from checker.readers import ReadError


def _names(items, root):
    out = []
    for item in items:
        if isinstance(item, ReadError):
            out.append((os.path.relpath(item.path, root), item.code))
        else:
            out.append(os.path.relpath(item, root))
    return out


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Báo cáo\n", encoding="utf-8")


def test_natural_order_not_byte_order(tmp_path):
    _touch(tmp_path, "r10.txt", "r2.txt", "r1.txt", "R3.md", "quy-10/a.txt", "quy-9/a.txt", "quy-9.txt")
    assert _names(collect_files([tmp_path]), tmp_path) == [
        "quy-9/a.txt", "quy-9.txt", "quy-10/a.txt", "r1.txt", "r2.txt", "R3.md", "r10.txt"]
    assert sorted(["b2", "a10", "a9", "B1"], key=natural_key) == ["a9", "a10", "B1", "b2"]


def test_known_unsupported_documents_are_listed_to_be_reported(tmp_path):
    """A .doc in a folder was skipped without a word; it is listed, and the reader reports it."""
    _touch(tmp_path, "a.docx", "b.doc", "c.pdf", "d.odt", "e.xlsx", "f.png", "g.txt")
    assert _names(collect_files([tmp_path]), tmp_path) == ["a.docx", "b.doc", "c.pdf", "d.odt", "g.txt"]


def test_suffixes_come_from_the_readers_package(tmp_path, monkeypatch):
    """The pdf helper's readers add suffixes in readers/__init__.py: expansion follows, with no list of its own."""
    _touch(tmp_path, "a.txt", "b.pdf", "c.epub")
    monkeypatch.setattr(readers, "SUPPORTED", (".txt", ".epub"))
    monkeypatch.setattr(readers, "KNOWN_UNSUPPORTED", ())
    assert _names(collect_files([tmp_path]), tmp_path) == ["a.txt", "c.epub"]


def test_lock_hidden_and_readme_files_are_skipped_in_folders_but_not_when_named(tmp_path):
    _touch(tmp_path, "~$nhap.docx", ".an.txt", ".git/x.txt", "README.md", "a.txt")
    assert _names(collect_files([tmp_path]), tmp_path) == ["a.txt"]
    named = collect_files([tmp_path / "README.md"])
    assert named == [str(tmp_path / "README.md")]


def test_duplicates_are_checked_once(tmp_path):
    _touch(tmp_path, "a.txt", "b.txt")
    items = collect_files([tmp_path / "a.txt", tmp_path, str(tmp_path / "." / "b.txt")])
    assert _names(items, tmp_path) == ["a.txt", "b.txt"]


def test_exclusions_by_name_and_by_relative_path(tmp_path):
    _touch(tmp_path, "nhap/a.txt", "2024/nhap/b.txt", "2024/q1.txt", "luu-tru/2019/c.txt", "luu-tru/2020/d.txt",
           "e.bak.txt", "venv/f.txt")
    by_name = Exclusions.of([("nhap", tmp_path), ("*.bak.txt", tmp_path)])
    assert _names(collect_files([tmp_path], Exclusions.of([])), tmp_path) == [
        "2024/nhap/b.txt", "2024/q1.txt", "e.bak.txt", "luu-tru/2019/c.txt", "luu-tru/2020/d.txt", "nhap/a.txt",
        "venv/f.txt"]
    assert _names(collect_files([tmp_path], by_name), tmp_path) == [
        "2024/q1.txt", "luu-tru/2019/c.txt", "luu-tru/2020/d.txt", "venv/f.txt"]
    relative = Exclusions.of([("luu-tru/2019", tmp_path), ("./2024/*.txt", tmp_path)])
    assert _names(collect_files([tmp_path], relative), tmp_path) == [
        "2024/nhap/b.txt", "e.bak.txt", "luu-tru/2020/d.txt", "nhap/a.txt", "venv/f.txt"]


def test_a_file_named_explicitly_is_checked_unless_force_exclude(tmp_path):
    _touch(tmp_path, "nhap.txt")
    excl = Exclusions.of([("nhap.txt", tmp_path)])
    assert collect_files([tmp_path / "nhap.txt"], excl) == [str(tmp_path / "nhap.txt")]
    assert collect_files([tmp_path / "nhap.txt"], excl, force_exclude=True) == []


def test_folder_with_nothing_to_check(tmp_path):
    _touch(tmp_path, "a.xlsx")
    (item,) = collect_files([tmp_path])
    assert isinstance(item, ReadError) and item.code == "no-files"


def test_folder_that_cannot_be_listed_is_reported_not_skipped(tmp_path, monkeypatch):
    """rglob skipped a folder without permission silently; now it is that folder's `unreadable` entry."""
    _touch(tmp_path, "a.txt", "khoa/b.txt", "z.txt")
    real = os.scandir

    def scandir(path):
        if Path(path).name == "khoa":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(files_module.os, "scandir", scandir)
    items = collect_files([tmp_path])
    assert _names(items, tmp_path) == ["a.txt", ("khoa", "unreadable"), "z.txt"]
    assert items[1].reason == "cannot open the folder (Permission denied)"


class _Entry:
    """An os.DirEntry whose type cannot be examined (a folder listed but not entered, without d_type)."""

    def __init__(self, entry):
        self._entry, self.name, self.path = entry, entry.name, entry.path

    def is_dir(self, follow_symlinks=True):
        raise PermissionError(13, "Permission denied", self.path)

    is_file = is_dir


class _Listing:
    def __init__(self, path, real):
        self._it = real(path)

    def __enter__(self):
        return [_Entry(e) for e in self._it]

    def __exit__(self, *exc):
        self._it.close()


def test_entries_that_cannot_be_examined_are_reported_not_raised(tmp_path, monkeypatch):
    """rglob raised PermissionError on a folder that can be listed but not entered."""
    _touch(tmp_path, "a.txt", "khoa/b.txt", "khoa/c.xlsx", "khoa/thu-muc/d.txt")
    real = os.scandir

    def scandir(path):
        return _Listing(path, real) if Path(path).name == "khoa" else real(path)

    monkeypatch.setattr(files_module.os, "scandir", scandir)
    items = collect_files([tmp_path])
    assert _names(items, tmp_path) == ["a.txt", ("khoa/b.txt", "unreadable"), ("khoa/thu-muc", "unreadable")]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="permissions do not bite as root")
def test_real_permissions(tmp_path):
    _touch(tmp_path, "a.txt", "khoa/b.txt", "khong-vao/c.txt")
    (tmp_path / "khoa").chmod(0)
    (tmp_path / "khong-vao").chmod(0o444)  # can be listed, not entered
    try:
        items = collect_files([tmp_path])
    finally:
        (tmp_path / "khoa").chmod(0o755)
        (tmp_path / "khong-vao").chmod(0o755)
    names = _names(items, tmp_path)
    assert names[0] == "a.txt" and ("khoa", "unreadable") in names
    assert any(isinstance(n, tuple) and n[0].startswith("khong-vao") for n in names)
