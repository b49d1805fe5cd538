"""Which rulebook a document follows: `party` (Hướng dẫn 36-HD/VPTW) or `state` (Nghị định 30/2020/NĐ-CP)."""

from __future__ import annotations

import re

from .document import Document

PROFILES = ("party", "state")

_PARTY = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", re.IGNORECASE)
_STATE = re.compile(r"CỘNG\s+H[ÒO]À?\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM", re.IGNORECASE)
_PARTY_NUMBER = re.compile(r"\bSố\s*[\d\s]*-\s*BC/")
_STATE_NUMBER = re.compile(r"\bSố\s*:\s*[\d\s]*/\s*BC-")

HEADER_BLOCKS = 30  # the national/Party header sits in the first blocks of the body


def detect_profile(doc: Document) -> str | None:
    """Looks at the header lines (and Word header parts); None when neither header is present."""
    head = [b.text for b in doc.blocks if b.kind.value in ("header", "paragraph", "table_cell")][:HEADER_BLOCKS]
    text = "\n".join(head)
    party = _PARTY.search(text)
    state = _STATE.search(text)
    if party and state:
        return "party" if party.start() < state.start() else "state"
    if party:
        return "party"
    if state:
        return "state"
    if _PARTY_NUMBER.search(text):
        return "party"
    if _STATE_NUMBER.search(text):
        return "state"
    return None
