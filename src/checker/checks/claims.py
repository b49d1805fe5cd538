"""Rules that judge the candidate relations of the relate stage (`checker.relate`).

A rule file of kind `relation` names the forms it judges (`forms`, optionally `scopes`); every candidate of
those forms is judged (`checks/judge.py`) and a failure becomes a finding. The severity follows the evidence:
a link the text writes ("Trong đó", "gồm … :", a footnote mark) keeps the rule's severity, a link the finder
inferred is at most a `warning`, and a list that may stop early ("Cụ thể", a list without a colon) makes a
shortfall a `warning` too. Truncation instead of rounding is `info`.
"""

from dataclasses import dataclass
from typing import Iterable

from ..document import Document
from ..issues import Severity
from ..relate.blocks import doc_style
from ..relate.candidates import candidates
from ..relate.model import Sum
from ..validation import FORBID
from .base import Check, Context, Finding, register
from .judge import judge_candidate


@dataclass(slots=True, kw_only=True)
class RelationParams:
    """The forms of relation this rule judges, and optionally the scopes."""

    __pydantic_config__ = FORBID
    forms: tuple[str, ...]
    scopes: tuple[str, ...] = ()


def _cap(severity: Severity | None, rule_severity: Severity, cap: Severity) -> Severity | None:
    """The lower of the finding's severity (or the rule's) and `cap`."""
    current = severity or rule_severity
    return cap if current.rank > cap.rank else severity


@register("relation")
class Relation(Check):
    """Judges the candidates of the named forms."""

    Params = RelationParams

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        forms, scopes = set(self.params.forms), set(self.params.scopes)
        style = None
        for c in candidates(doc, ctx):
            if c.form not in forms or (scopes and c.scope not in scopes):
                continue
            ctx.coverage.count(c.form, c.scope)
            if style is None:
                style = doc_style(doc, ctx)
            verdict = judge_candidate(c, style)
            if verdict is None:
                continue
            severity = verdict.severity
            rule_severity = Severity(self.spec.severity)
            if not c.explicit:
                severity = _cap(severity, rule_severity, Severity.WARNING)
            if verdict.variant.startswith("short") and isinstance(c.relation, Sum) and not c.relation.sure:
                severity = _cap(severity, rule_severity, Severity.WARNING)
            block, start, end = c.anchor
            yield Finding(block, start, end, args=verdict.args, variant=verdict.variant, expected=verdict.expected,
                          actual=verdict.actual, severity=severity, related=list(c.related))
