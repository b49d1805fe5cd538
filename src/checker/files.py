"""Which files a run checks: the paths named on the command line (or given to the API), with
folders expanded.

A folder is searched recursively, in natural order (r1, r2, r10), for the file types the readers
read and the document types they know but cannot read (a legacy .doc, say): those are listed too,
so that the reader reports them with their conversion hint instead of their being skipped without a
word. Skipped: Word's `~$` lock files, hidden files and folders, README files (documentation, not
reports), and whatever the exclusions match (`exclude` in the configuration, `--exclude`). A path
named explicitly is always checked (unless `force_exclude`), whatever its name.

Nothing here raises on a bad path: a folder that cannot be listed or an entry that cannot be
examined becomes a `ReadError` in place (code `unreadable`), so the run goes on and reports it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from . import readers
from .readers import ReadError

_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple:
    """Sorts "r2" before "r10", letters case-insensitively, ties by the exact name."""
    parts = _DIGITS.split(name)
    return (tuple(int(p) if i % 2 else p.casefold() for i, p in enumerate(parts)), name)


class FolderError(ReadError):
    """A folder (or an entry in it) that cannot be listed or examined; reported with the message
    `message_key` (the folder wording) under the code `unreadable`."""

    message_key = "error.unreadable-folder"


def _unreadable(exc: OSError, name: str, folder: bool) -> ReadError:
    reason = exc.strerror or type(exc).__name__
    if folder:
        return FolderError("unreadable", f"cannot open the folder ({reason})", name, detail=reason)
    return ReadError("unreadable", f"cannot open the file ({reason})", name, detail=reason)


def report_suffixes() -> tuple[str, ...]:
    """The suffixes a folder is searched for: what the readers read and the document types they
    recognise but cannot read here (asked of the readers package at each call)."""
    return (*readers.SUPPORTED, *getattr(readers, "KNOWN_UNSUPPORTED", ()))


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob as a regular expression over '/'-separated paths: `*` and `?` stay inside one name,
    `**` crosses folders, `[...]` is a set of characters."""
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[" and "]" in pattern[i + 2:]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1:end]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = end + 1
        else:
            out.append(re.escape(c))
            i += 1
    return re.compile("".join(out) + r"\Z", re.IGNORECASE if os.path.normcase("A") == "a" else 0)


@dataclass(frozen=True, slots=True)
class Exclusions:
    """Glob patterns, each relative to a folder: a pattern without '/' matches a file's or a folder's
    name anywhere (`nhap`, `*.bak.docx`); one with '/' matches the path relative to its folder
    (`luu-tru/2019`, `2024/*.txt`, `**/nhap/*.md`), or the absolute path when it is absolute. A folder
    that matches is not searched at all."""

    patterns: tuple[tuple[re.Pattern[str], bool, Path], ...] = ()  # (regex, anchored, folder)

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, Path]]) -> "Exclusions":
        out = []
        for pattern, base in pairs:
            pattern = pattern.strip().replace("\\", "/").rstrip("/")
            while pattern.startswith("./"):
                pattern = pattern[2:]
            if pattern:
                out.append((glob_regex(pattern), "/" in pattern, Path(os.path.abspath(base))))
        return cls(tuple(out))

    def match(self, path: Path, ancestors: bool = False) -> bool:
        """Whether `path` is excluded; with `ancestors` (a path named explicitly, --force-exclude), also
        when one of its folders below the pattern's folder is. (A folder search never enters an
        excluded folder, so it only asks about each entry itself.)"""
        if not self.patterns:
            return False
        absolute = Path(os.path.abspath(path))
        for regex, anchored, base in self.patterns:
            try:
                rel = absolute.relative_to(base).as_posix()
            except ValueError:
                rel = None
            if not anchored:  # the name (or the name of a folder on the way from `base`)
                names = rel.split("/") if ancestors and rel else [absolute.name]
                if any(regex.match(name) for name in names):
                    return True
                continue
            for candidate in (rel, absolute.as_posix()):
                if candidate is None:
                    continue
                if any(regex.match(prefix) for prefix in (_prefixes(candidate) if ancestors else [candidate])):
                    return True
        return False


def _prefixes(path: str) -> Iterator[str]:
    """'a/b/c' → 'a/b/c', 'a/b', 'a' (a file is excluded when one of its folders is)."""
    while path and path not in (".", "/"):
        yield path
        path = path.rpartition("/")[0]


def _skipped_name(name: str) -> bool:
    """Never a report found in a folder: lock files, hidden files, README files."""
    return name.startswith(("~$", ".")) or Path(name).stem.upper() == "README"


def _walk(folder: Path, exclusions: Exclusions, suffixes: tuple[str, ...]) -> Iterator[str | ReadError]:
    """Files under `folder` (recursively, natural order) and, in place, what could not be examined."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: natural_key(e.name))
    except OSError as exc:
        yield _unreadable(exc, str(folder), folder=True)
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        path = folder / name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = not is_dir and entry.is_file()
        except OSError as exc:  # a folder that can be listed but not entered: its entries cannot be examined
            if not _skipped_name(name) and (Path(name).suffix.lower() in suffixes or not Path(name).suffix):
                yield _unreadable(exc, str(path), folder=not Path(name).suffix)
            continue
        if exclusions.match(path):
            continue
        if is_dir:
            yield from _walk(path, exclusions, suffixes)
        elif is_file and not _skipped_name(name) and Path(name).suffix.lower() in suffixes:
            yield str(path)


def collect_files(paths: Sequence[str | Path],
                  exclusions: Exclusions | Callable[[str], Exclusions] | None = None, *,
                  force_exclude: bool = False) -> list[str | ReadError]:
    """The files of a run, in the order of `paths` (folders expanded, duplicates dropped); a path that
    cannot be used becomes a ReadError in place, so the run goes on. `exclusions` may be a function
    of the path named (each has its own configuration)."""
    if exclusions is None:
        exclusions = Exclusions()
    exclusions_for = exclusions if callable(exclusions) else (lambda root, fixed=exclusions: fixed)
    suffixes = report_suffixes()
    out: list[str | ReadError] = []
    seen: set[str] = set()

    def add(item: str | ReadError) -> None:
        key = item.path if isinstance(item, ReadError) else item
        key = os.path.normpath(os.path.abspath(key))
        if key not in seen:
            seen.add(key)
            out.append(item)

    for raw in paths:
        p = Path(raw)
        excluded = exclusions_for(str(raw))
        if force_exclude and excluded.match(p, ancestors=True):
            continue
        try:
            is_dir = p.is_dir()
        except OSError as exc:
            add(_unreadable(exc, str(raw), folder=False))
            continue
        if not is_dir:
            add(str(raw))
            continue
        found = list(_walk(p, excluded, suffixes))
        if not found:
            add(ReadError("no-files", "no .docx, .txt or .md file to check", str(raw)))
        for item in found:
            add(item)
    return out
