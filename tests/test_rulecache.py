"""The validated-rule cache (start-up speed): a hit gives the same rules without validating, and any
change to what the records depend on, a damaged file or a folder other than the shipped one is a miss."""

from __future__ import annotations

import os
import shutil

import pytest

from checker import engine, rulecache
from checker.resources import rules_dir
from checker.rules import rule_files


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    return tmp_path / "cache"


def _summary(rules) -> list:
    return [(r.id, r.path, r.spec, r.check.params, type(r.check)) for r in rules]


def test_hit_gives_the_same_rules_without_validating(cache_dir, monkeypatch):
    fresh = engine.load_rules(rules_dir())
    assert rulecache.cache_file(rules_dir()).exists()

    def no_validation(*args):
        raise AssertionError("validated despite a valid cache")

    monkeypatch.setattr(engine, "validate", no_validation)
    monkeypatch.setattr(engine, "load_rule_file", no_validation)
    assert _summary(engine.load_rules(rules_dir())) == _summary(fresh)


def _shipped_copy(tmp_path, monkeypatch):
    """A copy of the rule folder stands in for the shipped one, so that a test may edit it."""
    import checker.resources

    root = tmp_path / "rules"
    shutil.copytree(rules_dir(), root)
    monkeypatch.setattr(checker.resources, "rules_dir", lambda: root)
    return root


def test_a_changed_rule_file_is_a_miss(cache_dir, tmp_path, monkeypatch):
    root = _shipped_copy(tmp_path, monkeypatch)
    files = rule_files(root)
    rules = engine.load_rules(root)
    assert rulecache.load(root, files) is not None
    st = files[3].stat()
    os.utime(files[3], ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    assert rulecache.load(root, files) is None
    assert _summary(engine.load_rules(root)) == _summary(rules)  # validated again, and kept again
    assert rulecache.load(root, files) is not None


def test_an_added_rule_file_is_a_miss(cache_dir, tmp_path, monkeypatch):
    root = _shipped_copy(tmp_path, monkeypatch)
    engine.load_rules(root)
    extra = root / "text" / "zz-copy.yaml"
    shutil.copy(rule_files(root)[0], extra)
    assert rulecache.load(root, rule_files(root)) is None


def test_a_damaged_file_is_a_miss_and_is_rewritten(cache_dir, tmp_path, monkeypatch):
    root = _shipped_copy(tmp_path, monkeypatch)
    files = rule_files(root)
    rules = engine.load_rules(root)
    path = rulecache.cache_file(root)
    path.write_bytes(path.read_bytes()[:200])
    assert rulecache.load(root, files) is None
    assert _summary(engine.load_rules(root)) == _summary(rules)
    assert rulecache.load(root, files) is not None


def test_only_the_shipped_folder_is_cached(cache_dir, tmp_path):
    root = tmp_path / "rules"
    shutil.copytree(rules_dir(), root)
    assert rulecache.cache_file(root) is None
    engine.load_rules(root)
    assert not any(cache_dir.glob("validated-rules-*"))


def test_no_cache_setting_turns_it_off(cache_dir, monkeypatch):
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    assert rulecache.cache_file(rules_dir()) is None


def test_the_stamp_covers_the_record_modules_and_pydantic():
    names = {os.path.basename(entry[0]) for entry in rulecache.stamp([])[4]}
    assert {"rules.py", "issues.py", "validation.py", "structure.py", "arithmetic.py"} <= names
    assert rulecache.stamp([])[5][0].endswith(os.path.join("pydantic", "version.py"))
