"""The one exception a reader raises for input it cannot read."""

from __future__ import annotations


class ReadError(Exception):
    """Unreadable input: `code` is stable (JSON `error.code`), `reason` is a short human sentence."""

    def __init__(self, code: str, reason: str, path: str = "", detail: str = ""):
        self.code, self.reason, self.path, self.detail = code, reason, path, detail
        super().__init__(f"{path}: {reason}" if path else reason)
