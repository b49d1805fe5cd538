"""Relation finders: each reads one family of forms in the document's structure and proposes candidates
(`relate/model.py`). A finder never judges: it says which figures the text ties together, and how surely."""
