"""The prose of rule files as readers see it: `explain` texts are YAML folded blocks, read here into
paragraphs. Shared by `checker explain` (ruledocs) and the HTML report; imports nothing heavy."""

from __future__ import annotations


def reflow(text: str) -> list[str]:
    """The paragraphs of a rule file's folded text: lines joined, blank lines kept as breaks.
    Lines that start a list item ("- ", "* ", "1. ") stay on their own line."""
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and (line[:2] in ("- ", "* ", "+ ", "• ") or line[:1].isdigit() and line[1:3] in (". ", ") ")):
            paragraphs.append(" ".join(current))
            current = []
        current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs
