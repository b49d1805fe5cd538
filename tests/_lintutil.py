"""Shared helper for the rule tests of issue 4: lint a text with a selection of rules."""

from checker.api import lint_document
from checker.readers import read_string


def findings(text, select, profile=None, lang="vi"):
    doc = read_string(text, name="t.txt")
    return lint_document(doc, select=select if isinstance(select, list) else [select], profile=profile,
                         lang=lang).issues
