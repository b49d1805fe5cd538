"""Rule loading, validation of rule files, selection and ordering."""

import textwrap

import pytest

from checker.engine import load_rules, matches, select_rules
from checker.rules import RuleFileError, template_fields

GOOD_RULE = """
id: TX901
name: test-rule
category: text
severity: warning
kind: mixed-normalization
summary: {vi: "Tóm tắt", en: "Summary"}
explain: {vi: "Giải thích", en: "Explanation"}
messages: {vi: "Có {nfd} đoạn", en: "There are {nfd} paragraphs"}
examples: {bad: ["x"], good: ["y"]}
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_valid_rule_file_loads(tmp_path):
    write(tmp_path, "TX901.yaml", GOOD_RULE)
    (rule,) = load_rules(tmp_path)
    assert rule.id == "TX901" and rule.spec.profiles == ["party", "state"]
    assert rule.spec.message("en", "default", {"nfd": 2}) == "There are 2 paragraphs"


@pytest.mark.parametrize("change,field", [
    (("severity: warning", "severity: fatal"), "severity"),
    (("id: TX901", "id: AR901"), "id"),  # prefix does not match the category
    (("kind: mixed-normalization", "kind: no-such-kind"), "kind"),
    (('en: "There are {nfd} paragraphs"', 'en: "There are {count} paragraphs"'), "placeholders"),
    (('vi: "Có {nfd} đoạn"', 'vi: "Có {nfd.__class__} đoạn"'), "plain name"),
    (("examples: {bad: [\"x\"], good: [\"y\"]}", "examples: {bad: [], good: [\"y\"]}"), "examples.bad"),
])
def test_a_malformed_rule_file_names_its_path_and_field(tmp_path, change, field):
    path = write(tmp_path, "TX901.yaml", GOOD_RULE.replace(*change))
    with pytest.raises(RuleFileError) as exc:
        load_rules(tmp_path)
    assert str(path) in str(exc.value)
    assert field in str(exc.value)


def test_bad_params_are_reported_as_params_field(tmp_path):
    write(tmp_path, "TX901.yaml", GOOD_RULE + "params: {min_blocks: many}\n")
    with pytest.raises(RuleFileError, match=r"params\.min_blocks"):
        load_rules(tmp_path)


def test_duplicate_ids_are_refused(tmp_path):
    write(tmp_path, "a.yaml", GOOD_RULE)
    write(tmp_path, "b.yaml", GOOD_RULE)
    with pytest.raises(RuleFileError, match="already declared"):
        load_rules(tmp_path)


def test_yaml_syntax_error(tmp_path):
    path = write(tmp_path, "bad.yaml", "id: [unclosed\n")
    with pytest.raises(RuleFileError) as exc:
        load_rules(tmp_path)
    assert str(path) in str(exc.value)


def test_template_fields_reject_format_specs():
    assert template_fields("{a} và {b}") == {"a", "b"}
    with pytest.raises(ValueError):
        template_fields("{a:>10}")


def test_selectors_like_ruff():
    rules = load_rules()
    tx1 = next(r for r in rules if r.id == "TX001").spec
    assert matches(tx1, "TX001") and matches(tx1, "TX") and matches(tx1, "text") and matches(tx1, "ALL")
    assert not matches(tx1, "AR") and not matches(tx1, "TX002")
    picked = [r.id for r in select_rules(rules, ["TX"], ["TX002"])]
    assert "TX001" in picked and "TX002" not in picked and all(i.startswith("TX") for i in picked)
    assert all(r.spec.category != "text" for r in select_rules(rules, None, ["text"]))


def test_every_shipped_rule_file_is_valid_and_ids_are_unique():
    rules = load_rules()
    assert len({r.id for r in rules}) == len(rules) >= 2
