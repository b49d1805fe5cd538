"""The unused-suppression kind (ruff's unused-noqa): a reviewer's `checker: bỏ qua …` that silences
nothing. Its findings can only be known once every other rule has run and the suppressions have been
applied, so the check itself finds nothing; `api.lint_document` makes the findings from
`suppress.unused_suppressions` when a rule of this kind is selected."""

from __future__ import annotations

from typing import Iterable

from ..document import Document
from .base import Check, Context, Finding, register

KIND = "unused-suppression"


@register(KIND)
class UnusedSuppression(Check):
    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        return ()
