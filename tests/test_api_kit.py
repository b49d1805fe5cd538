"""A tiny, test-only rule set shared by the integration tests of issue 6 (annotate, suppress, SARIF,
batch, watch): a rule that fires on a given word, so that these tests do not depend on the content
of the real rule set while it grows. `use_needles(monkeypatch)` makes the engine load only these."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pytest
from pydantic import BaseModel, ConfigDict

from checker.checks.base import Check, Context, Finding
from checker.document import Document
from checker.engine import LoadedRule
from checker.rules import RuleSpec


class Needle(Check):
    """Fires on every occurrence of `word` (any block kind); `expected` is the word upper-cased."""

    class Params(BaseModel):
        model_config = ConfigDict(extra="forbid")
        word: str

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        word = self.params.word
        for b in doc.blocks:
            start = b.text.find(word)
            while start >= 0:
                yield Finding(b, start, start + len(word), args={"word": word}, expected=word.upper(),
                              actual=word)
                start = b.text.find(word, start + 1)


def needle_rule(rule_id: str, word: str, severity: str = "error") -> LoadedRule:
    category = {"AR": "arithmetic", "NF": "number-format", "DT": "dates", "ST": "structure",
                "RF": "references", "TX": "text"}[rule_id[:2]]
    spec = RuleSpec.validate({
        "id": rule_id, "name": f"needle-{rule_id.lower()}", "category": category, "severity": severity,
        "kind": "test-needle",
        "summary": {"vi": f"Từ «{word}».", "en": f"The word «{word}»."},
        "explain": {"vi": "Quy tắc dùng cho kiểm thử.", "en": "A test-only rule."},
        "messages": {"vi": "Gặp từ «{word}»", "en": "Found «{word}»"},
        "params": {"word": word},
        "examples": {"bad": [word], "good": ["x"]},
    })
    return LoadedRule(spec, Needle(spec, Needle.Params(word=word)), Path(f"<test {rule_id}>"))


class Trap(Needle):
    """A needle that crashes on "nổ" and dawdles on "chậm": a check that fails or hangs on one file."""

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        import time

        text = "\n".join(b.text for b in doc.blocks)
        if "nổ" in text:
            raise ZeroDivisionError("division by zero")
        if "chậm" in text:
            time.sleep(30)
        return super().run(doc, ctx)


NEEDLES = (needle_rule("AR901", "sai"), needle_rule("NF902", "lệch", "warning"), needle_rule("DT903", "cũ", "info"))


@pytest.fixture
def use_needles(monkeypatch):
    """The engine sees only the needle rules (in this process and in forked workers)."""
    import checker.engine as engine

    monkeypatch.setattr(engine, "_default_rules", lambda: NEEDLES)
    return NEEDLES


def test_needles_fire_and_stay_silent(use_needles):
    import checker

    result = checker.lint_text("Số liệu sai và lệch\nMọi thứ đúng")
    assert [(i.rule, i.excerpt, i.expected) for i in result.issues] == [("AR901", "sai", "SAI"),
                                                                        ("NF902", "lệch", "LỆCH")]
    assert checker.lint_text("Mọi thứ đúng").issues == []


@pytest.fixture
def traps(monkeypatch):
    """The engine sees one rule, AR901 on "sai", whose check crashes on "nổ" and hangs on "chậm"."""
    import checker.engine as engine

    rule = needle_rule("AR901", "sai")
    rule = LoadedRule(rule.spec, Trap(rule.spec, rule.check.params), rule.path)
    monkeypatch.setattr(engine, "_default_rules", lambda: (rule,))
    return rule
