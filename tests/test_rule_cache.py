"""The parsed-rule cache (start-up speed): a hit gives exactly what YAML gave, a changed file is
parsed again, files outside the shipped rule set and data JSON cannot hold are never cached."""

from __future__ import annotations

import os
import shutil

import pytest

from checker import rules
from checker.resources import rules_dir


@pytest.fixture
def cache_env(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    return tmp_path / "cache" / rules.cache_file_name(str(rules_dir().resolve()) + os.sep)


def _shipped() -> list:
    files = rules.rule_files(rules_dir())
    assert files, "the shipped rule set is empty"
    return files


def test_hit_equals_yaml_and_skips_parsing(cache_env, monkeypatch):
    files = _shipped()
    first = rules._ParsedCache()
    with first.batch():
        fresh = [first.load(p) for p in files]
    assert cache_env.exists()
    assert fresh == [rules._yaml_parse(p) for p in files]

    def no_parse(path):
        raise AssertionError(f"parsed {path} despite a valid cache entry")

    monkeypatch.setattr(rules, "_yaml_parse", no_parse)
    second = rules._ParsedCache()
    assert [second.load(p) for p in files] == fresh


def test_changed_file_is_parsed_again(cache_env, tmp_path, monkeypatch):
    # a copy of the rule folder stands in for the shipped one, so the test may edit a file
    root = tmp_path / "rules"
    shutil.copytree(rules_dir(), root)
    cache = rules._ParsedCache()
    cache._open()
    cache.root = str(root.resolve()) + os.sep
    path = rules.rule_files(root)[0]
    before = cache.load(path)
    text = path.read_text(encoding="utf-8").replace("\nseverity:", "\n# edited\nseverity:", 1)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    calls = []
    real = rules._yaml_parse
    monkeypatch.setattr(rules, "_yaml_parse", lambda p: calls.append(p) or real(p))
    assert cache.load(path) == before  # same content, but it had to be read again
    assert calls == [path]


def test_outside_files_and_int_keys_are_not_cached(cache_env, tmp_path):
    other = tmp_path / "table.yaml"
    other.write_text("1: một\n2: hai\n", encoding="utf-8")
    cache = rules._ParsedCache()
    assert cache.load(other) == {1: "một", 2: "hai"}
    assert str(other.resolve()) not in (cache.entries or {})
    assert not rules._json_safe({1: "một"})
    assert rules._json_safe({"a": [1, 2.5, None, "b"]})


def test_no_cache_env_turns_it_off(cache_env, monkeypatch):
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    cache = rules._ParsedCache()
    cache.load(_shipped()[0])
    assert not cache_env.exists()


def test_load_rules_gives_the_same_rules_with_and_without_cache(cache_env, monkeypatch):
    from checker.engine import load_rules

    with_cache = [(r.id, r.spec) for r in load_rules(rules_dir())]
    monkeypatch.setattr(rules, "_PARSED", rules._ParsedCache())
    again = [(r.id, r.spec) for r in load_rules(rules_dir())]
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    monkeypatch.setattr(rules, "_PARSED", rules._ParsedCache())
    without = [(r.id, r.spec) for r in load_rules(rules_dir())]
    assert with_cache == again == without


def test_each_rule_folder_has_its_own_cache_file(cache_env, tmp_path):
    root = tmp_path / "rules"
    shutil.copytree(rules_dir(), root)
    other = rules._ParsedCache()
    other._open()
    other.root = str(root.resolve()) + os.sep
    other.file = cache_env.parent / rules.cache_file_name(other.root)
    other.load(rules.rule_files(root)[0])
    shipped = rules._ParsedCache()
    shipped.load(_shipped()[0])
    assert other.file != cache_env and other.file.exists() and cache_env.exists()
    assert all(k.startswith(shipped.root) for k in shipped.entries)
