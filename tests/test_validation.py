"""Validation of rule files, kinds' parameters and configuration into their dataclasses: the field at
fault is named (nested fields with their path), and kinds may still declare pydantic models."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict

from checker.checks.numberformat import EnglishParams
from checker.checks.structure import ReportSections
from checker.config import Config, Selection
from checker.issues import Severity
from checker.rules import RuleSpec
from checker.validation import Invalid, validate

RULE = {"id": "AR001", "name": "a-rule", "category": "arithmetic", "severity": "error", "kind": "k",
        "summary": {"vi": "a", "en": "a"}, "explain": {"vi": "a", "en": "a"},
        "messages": {"vi": "Sai {x}", "en": "Wrong {x}"}, "examples": {"bad": ["x"], "good": ["y"]}}


def _fault(record, data) -> tuple[str, str]:
    with pytest.raises(Invalid) as exc:
        validate(record, data)
    return exc.value.field, exc.value.reason


def test_defaults_and_coercion():
    p = validate(EnglishParams, {"count_nouns": ["hộ"]})
    assert p == EnglishParams(count_nouns=("hộ",))
    spec = RuleSpec.validate(RULE)
    assert spec.messages["vi"] == {"default": "Sai {x}"} and spec.examples.bad[0].text == "x"


@pytest.mark.parametrize("data, field, reason", [
    ({"count_noun": ["hộ"]}, "count_noun", "unknown field"),
    ({"count_nouns": "hộ"}, "count_nouns", "Input should be a valid tuple"),
])
def test_params_faults_name_the_field(data, field, reason):
    assert _fault(EnglishParams, data) == (field, reason)


@pytest.mark.parametrize("data, field", [
    ({"groups": []}, "groups"),
    ({"groups": [{"name": "a", "patterns": ["x"], "within": 3}]}, "groups.0.within"),
    ({"groups": [{"name": "a", "patterns": ["x"], "extra": 1}]}, "groups.0.extra"),
])
def test_nested_faults_carry_their_path(data, field):
    assert _fault(ReportSections.Params, data)[0] == field


@pytest.mark.parametrize("patch, field", [
    ({"id": "AR1"}, "id"), ({"name": "A Rule"}, "name"), ({"category": "dates"}, ""),
    ({"messages": {"vi": "Sai {x}", "en": "Wrong {y}"}}, "messages.default"),
    ({"examples": {"bad": [], "good": ["y"]}}, "examples.bad"), ({"explain": {"vi": "a"}}, "explain"),
])
def test_rule_checks_across_fields_name_their_field(patch, field):
    with pytest.raises(Invalid) as exc:
        RuleSpec.validate({**RULE, **patch})
    assert exc.value.field == field


def test_a_kind_may_declare_a_pydantic_model():
    class Params(BaseModel):
        model_config = ConfigDict(extra="forbid")
        word: str

    assert validate(Params, {"word": "sai"}).word == "sai"
    assert _fault(Params, {"word": "sai", "other": 1}) == ("other", "unknown field")


def test_config_uses_dashes_and_merges_command_line_values():
    cfg = Config.validate({"fail-on": "warning", "per-file-ignores": {"a/*.txt": ["AR"]}})
    assert (cfg.fail_on, cfg.per_file_ignores) == ("warning", {"a/*.txt": ["AR"]})
    # the command line's selectors are a layer of their own on top of the file's (engine.resolve)
    assert cfg.merged(lang="en", select=["AR001"], profile=None) == Config(
        fail_on="warning", per_file_ignores={"a/*.txt": ["AR"]}, lang="en", overrides=(Selection(("AR001",)),))
    assert cfg.merged(severity={"AR001": "info"}).severity["AR001"] is Severity.INFO  # validated
    with pytest.raises(Invalid) as exc:
        cfg.merged(lang="fr")
    assert exc.value.field == "lang"
