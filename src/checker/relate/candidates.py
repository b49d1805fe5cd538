"""All candidate relations of a document, proposed once by the finders and shared by every rule that judges
them (`checks/claims.py`)."""

from ..checks.base import Context
from ..document import Document
from .model import Candidate


def _finders():
    from .finders import (breakdown, changes, enumerations, footnotes, levels, linelists, lists, shares, subsets,
                          word_bounds)

    return (breakdown.find, enumerations.find, footnotes.find, linelists.find, lists.find, shares.find,
            subsets.find, levels.find, changes.find, word_bounds.find)


def candidates(doc: Document, ctx: Context) -> list[Candidate]:
    """Every candidate of every finder, in document order, one per relation: when two finders read the same
    figures as the same relation, the first keeps it."""

    def compute() -> list[Candidate]:
        out: list[Candidate] = []
        seen: set = set()
        for find in _finders():
            for c in find(doc, ctx):
                key = (c.form, c.key) if c.key else None
                if key is not None:
                    if key in seen:
                        continue
                    seen.add(key)
                out.append(c)
        out.sort(key=lambda c: (c.anchor[0].index, c.anchor[1]))
        return out

    return ctx.memo("relate:candidates", compute)
