"""The command line's cache of compiled regular expressions (checker._regex_cache)."""

import marshal
import re

import pytest

from checker import _regex_cache as rc

PATTERN = r"(?P<so>\d{1,3}(?:\.\d{3})+)\s*(?:đảng viên|hộ|người)(?!\w)"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    rc.uninstall()
    re.purge()
    yield tmp_path
    rc.uninstall()
    re.purge()


def _fresh_run():
    """What a new process does: install (reads the file), compile, save."""
    rc.uninstall()
    re.purge()
    rc.install()


def test_a_second_run_builds_the_same_pattern_from_the_file(cache_dir):
    rc.install()
    first = re.compile(PATTERN, re.IGNORECASE)
    rc.save()
    [file] = list(cache_dir.glob("regex-*.marshal"))
    assert (PATTERN, re.IGNORECASE.value) in marshal.loads(file.read_bytes())

    _fresh_run()
    calls = []
    original = rc._state["original"]
    rc._state["original"] = lambda *a: calls.append(a) or original(*a)
    second = re.compile(PATTERN, re.IGNORECASE)
    assert calls == []  # not compiled by Python's compiler
    assert rc._state["new"] == 0
    assert second.pattern == first.pattern and second.flags == first.flags
    assert second.groupindex == first.groupindex
    text = "Kết nạp 1.250 Đảng viên, 12.300 hộ"
    assert [m.span("so") for m in second.finditer(text)] == [m.span("so") for m in first.finditer(text)]
    assert second.findall(text) == ["1.250", "12.300"]


def test_bytes_patterns_are_kept_too(cache_dir):
    pattern = rb'\bw:styleId="([^"]*)"'
    rc.install()
    first = re.compile(pattern)
    rc.save()
    _fresh_run()
    calls = []
    original = rc._state["original"]
    rc._state["original"] = lambda *a: calls.append(a) or original(*a)
    second = re.compile(pattern)
    assert calls == [] and rc._state["new"] == 0
    data = b'<w:style w:type="paragraph" w:styleId="Heading1"><w:style w:styleId="Normal">'
    assert second.findall(data) == first.findall(data) == [b"Heading1", b"Normal"]
    assert re.compile(pattern.decode()) is not second  # a str pattern is another entry


def test_nothing_new_writes_nothing(cache_dir):
    rc.install()
    rc.save()
    assert list(cache_dir.iterdir()) == []


def test_a_damaged_file_is_ignored(cache_dir):
    rc.install()
    file = rc._state["file"]
    rc.uninstall()
    file.write_bytes(b"\x00not marshal")
    rc.install()
    assert re.compile(r"a(b+)c").match("abbbc").group(1) == "bbb"
    rc.save()
    assert ("a(b+)c", 0) in marshal.loads(file.read_bytes())


def test_a_damaged_entry_falls_back_to_python(cache_dir):
    rc.install()
    re.compile(r"x(y)z")
    rc.save()
    file = rc._state["file"]
    table = marshal.loads(file.read_bytes())
    flags, words, groups, groupindex, indexgroup = table[("x(y)z", 0)]
    table[("x(y)z", 0)] = (flags, b"\xff" * len(words), groups, groupindex, indexgroup)
    file.write_bytes(marshal.dumps(table))
    _fresh_run()
    assert re.compile(r"x(y)z").match("xyz").group(1) == "y"


def test_off_with_checker_no_cache(cache_dir, monkeypatch):
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    rc.install()
    assert rc._state["original"] is None
    re.compile(r"q(r)s")
    rc.save()
    assert list(cache_dir.iterdir()) == []


def test_a_bad_pattern_raises_what_python_raises(cache_dir):
    rc.install()
    with pytest.raises(re.error) as raised:
        re.compile(r"(ab")
    assert "missing )" in str(raised.value)
    assert not any(pattern == "(ab" for pattern, _ in rc._state["table"])


def test_other_internals_fall_back_to_pythons_compiler(cache_dir, monkeypatch):
    """If the engine's private API differs (another Python), patterns still compile the usual way."""
    import _sre

    rc.install()

    def changed(*args):
        raise TypeError("compile() takes a different signature here")

    monkeypatch.setattr(_sre, "compile", changed)
    with pytest.raises(TypeError):  # Python's own compiler meets the same (simulated) change…
        re.compile(r"z(w)")
    monkeypatch.undo()
    assert re.compile(r"z(w)").match("zw").group(1) == "w"  # …and nothing half-built was kept


def test_a_full_file_keeps_what_this_run_used(cache_dir, monkeypatch):
    monkeypatch.setattr(rc, "_MAX_ENTRIES", 3)
    rc.install()
    for i in range(5):
        re.compile(f"old{i}(x)")
    rc.save()
    assert len(marshal.loads(rc._state["file"].read_bytes())) == 5  # grown past the bound by one run
    _fresh_run()
    re.compile("old1(x)")
    re.compile("new(y)")
    rc.save()
    kept = {pattern for pattern, _ in marshal.loads(rc._state["file"].read_bytes())}
    assert kept == {"old1(x)", "new(y)"}
