"""Where the shipped data lives: `rules/` and `grammar/`.

In a wheel they are copied into the package (`checker/rules`, `checker/grammar`);
in a source checkout or an editable install they sit at the repository's top level.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"checker: the '{name}' folder is missing from the installation")


def rules_dir() -> Path:
    return data_dir("rules")


def grammar_path(name: str = "figures.lark") -> Path:
    return data_dir("grammar") / name


def user_cache_dir() -> Path | None:
    """The folder for start-up caches ($CHECKER_CACHE_DIR, else $XDG_CACHE_HOME/checker or
    ~/.cache/checker); None when CHECKER_NO_CACHE is set."""
    import os

    if os.environ.get("CHECKER_NO_CACHE"):
        return None
    base = os.environ.get("CHECKER_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "checker")
    return Path(base)


def folder_key(path: str) -> str:
    """A short name for a folder in cache file names (one cache file per rule folder: several
    installations or checkouts of checker each keep their own)."""
    import zlib

    return f"{zlib.crc32(path.encode('utf-8', 'surrogateescape')):08x}"


def write_cache_file(path: Path, data: bytes) -> bool:
    """Writes a start-up cache file atomically (a temporary file beside it, then a rename), so that a
    concurrent run reads the old file or the new one, never half of one. False when it could not."""
    import os
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):
        return False
    return True
