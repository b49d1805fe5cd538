"""The relate stage: what the figures of a document say about each other.

It reads the figures the extract stage found (`checker.figures`) in the structure of the document —
paragraph, sentence, clause, parenthesis; footnote marks and their notes; list items and what they
enumerate — and proposes candidate relations between figures with the evidence that ties them. The check
stage (`checker.checks`) judges the candidates with interval arithmetic (`checks/judge.py`).
"""
