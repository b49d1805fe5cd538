"""Every rule proves itself: its `bad` examples make it fire, its `good` examples keep it silent."""

import pytest

from checker.api import lint_document
from checker.engine import load_rules
from checker.readers import read_string

RULES = load_rules()
CASES = [(r, kind, i, ex) for r in RULES for kind in ("bad", "good")
         for i, ex in enumerate(getattr(r.spec.examples, kind))]


@pytest.mark.parametrize("rule,kind,i,example", CASES,
                         ids=[f"{r.id}-{kind}{i}" for r, kind, i, _ in CASES])
def test_rule_example(rule, kind, i, example):
    doc = read_string(example.text, name=f"{rule.id}-{kind}{i}")
    issues = [x for x in lint_document(doc, select=[rule.id], profile=example.profile).issues if x.rule == rule.id]
    if kind == "bad":
        assert issues, f"{rule.id} should fire on: {example.text!r}"
        if example.count is not None:
            assert len(issues) == example.count, [x.message for x in issues]
        for issue in issues:
            assert issue.message and "{" not in issue.message, issue.message
    else:
        assert not issues, f"{rule.id} should stay silent on {example.text!r}: {[x.message for x in issues]}"


def test_every_rule_has_messages_in_both_languages():
    for r in RULES:
        assert set(r.spec.messages) == {"vi", "en"}
        assert r.spec.summary["vi"] != r.spec.summary["en"]
