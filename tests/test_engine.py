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


# --- selection layers (ruff's semantics) ----------------------------------------------------------

def _ids(rules):
    return [r.id for r in rules]


def _needles():
    from test_api_kit import needle_rule

    off = needle_rule("TX904", "nháp", "info")
    off.spec.enabled_by_default = False
    return (needle_rule("AR901", "sai"), needle_rule("AR902", "lệch"), needle_rule("NF903", "cũ"), off)


def test_specificity_orders_selectors_like_ruff():
    from checker.engine import specificity

    assert [specificity(s) for s in ("ALL", "text", "AR", "AR0", "AR00", "AR001", "ratio-percent-mismatch")] == [
        0, 1, 1, 2, 3, 4, 4]


def test_layers_resolve_like_ruff():
    from checker.config import Selection
    from checker.engine import resolve

    rules = _needles()
    assert _ids(resolve(rules, [])) == ["AR901", "AR902", "NF903"]  # off-by-default TX904 left out
    assert _ids(resolve(rules, [Selection(("ALL",))])) == ["AR901", "AR902", "NF903", "TX904"]
    assert _ids(resolve(rules, [Selection(None, ("TX904",))])) == ["AR901", "AR902", "NF903", "TX904"]
    # inside one layer the more specific selector wins; at equal specificity ignore wins
    assert _ids(resolve(rules, [Selection(("AR901",), (), ("AR",))])) == ["AR901"]
    assert _ids(resolve(rules, [Selection(("AR",), (), ("AR901",))])) == ["AR902"]
    assert _ids(resolve(rules, [Selection(("AR901",), (), ("AR901",))])) == []
    # a later layer with select starts over (the file's ignore no longer applies)...
    file_layer = Selection(("AR", "NF"), (), ("AR901",))
    assert _ids(resolve(rules, [file_layer, Selection(("AR901",))])) == ["AR901"]
    # ...one without select adjusts what the earlier layers chose
    assert _ids(resolve(rules, [file_layer, Selection(None, (), ("NF",))])) == ["AR902"]
    assert _ids(resolve(rules, [file_layer, Selection(None, ("AR901",))])) == ["AR901", "AR902", "NF903"]
    # a last layer of per-file-ignores removes whatever the others chose
    assert _ids(resolve(rules, [Selection(("ALL",)), Selection(None, (), ("AR902",))])) == [
        "AR901", "NF903", "TX904"]


def test_select_rules_refuses_unknown_selectors():
    from checker.config import UnknownSelector
    from checker.engine import select_rules

    with pytest.raises(UnknownSelector, match="'XY9'"):
        select_rules(_needles(), ["AR", "XY9"])
    with pytest.raises(ValueError):
        select_rules(_needles(), None, ["nonsense"])


def test_severity_table_takes_selectors():
    from checker.engine import severity_for

    rules = _needles()
    got = severity_for(rules, {"AR": "info", "AR902": "error", "ALL": "warning"})
    assert {k: v.value for k, v in got.items()} == {"AR901": "info", "AR902": "error", "NF903": "warning",
                                                   "TX904": "warning"}
    assert severity_for(rules, {}) == {}
