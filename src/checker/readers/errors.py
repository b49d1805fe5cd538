"""The one exception a reader raises for input it cannot read."""

from __future__ import annotations


class ReadError(Exception):
    """Unreadable input: `code` is stable (JSON `error.code`), `reason` is a short human sentence."""

    def __init__(self, code: str, reason: str, path: str = "", detail: str = ""):
        self.code, self.reason, self.path, self.detail = code, reason, path, detail
        super().__init__(f"{path}: {reason}" if path else reason)


def unreadable(exc: OSError, name: str) -> ReadError:
    return ReadError("unreadable", f"cannot open the file ({exc.strerror})", name, detail=str(exc.strerror))


def checked_size(path, name: str, limit: int) -> int:
    """The file's size in bytes; ReadError when it cannot be opened, is empty, or exceeds `limit`."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise unreadable(exc, name) from None
    if size == 0:
        raise ReadError("empty", "the file is empty", name)
    if size > limit:
        raise ReadError("too-large", f"the file is larger than {limit // 2**20} MB", name,
                        detail=f"{size / 2**20:.0f} MB > {limit // 2**20} MB")
    return size
