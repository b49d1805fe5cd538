"""Start-up speed: compiled regular expressions kept between runs of the command line.

Python compiles every regular expression anew in each process, and its compiler is written in
Python: the check modules, the figure grammar and the libraries the command imports compile about
220 patterns on every `checker lint`, many of them long alternations of Vietnamese words — about
60–90 ms of a cold run on the benchmark machine, more than any single phase (bench/README.md).

The costly part, parsing a pattern and generating its matcher code, gives the same result for
the same pattern, flags and interpreter. This module keeps that result (the flags, the code list
and the group tables that `re._compiler.compile` hands to `_sre.compile`) in one marshal file in
the user's cache folder and, on later runs, hands a known pattern's code straight to
`_sre.compile`, which validates the code itself (`RuntimeError: invalid SRE code` on anything
malformed, never a crash). The file name carries the interpreter's cache tag and the regex engine's
magic number and code size, so another Python never reads it. A pattern not in the file, a file that
cannot be read, or any surprise falls back to Python's own compiler: the pattern object is the same
either way.

Only the command line installs it (`cli.py`), like the other start-up plumbing in `_startup.py`;
`CHECKER_NO_CACHE=1` turns it off, `CHECKER_CACHE_DIR` moves it.
"""

from __future__ import annotations

import marshal
import sys
from array import array
from pathlib import Path
from typing import Any

# A bound on the file: patterns built from user input (globs) and those of earlier checker versions must
# not grow it forever. Past it, a save keeps only the patterns this run used.
_MAX_ENTRIES = 2000
_state: dict[str, Any] = {"table": None, "file": None, "new": 0, "original": None, "used": set()}


def _cache_file() -> Path | None:
    import _sre

    from .resources import user_cache_dir

    base = user_cache_dir()
    if base is None:
        return None
    if array("I").itemsize != _sre.CODESIZE:
        return None  # the code words could not be kept as a flat array of C unsigned ints
    tag = sys.implementation.cache_tag or "python"
    return base / f"regex-v2-{tag}-{_sre.MAGIC}-{_sre.CODESIZE}.marshal"


def install() -> None:
    """Routes `re`'s compiler through the cache (once per process; silently does nothing when this
    Python's `re` internals are not the ones this module knows)."""
    if _state["original"] is not None:
        return
    try:
        import _sre
        from re import _compiler, _parser

        original = _compiler.compile
        parse, code_of, debug = _parser.parse, _compiler._code, _compiler.SRE_FLAG_DEBUG
    except (ImportError, AttributeError):
        return
    path = _cache_file()
    if path is None:
        return
    table: dict[tuple[str, int], tuple] = {}
    try:
        with open(path, "rb") as fh:
            loaded = marshal.load(fh)
        if isinstance(loaded, dict):
            table = loaded
    except (OSError, EOFError, ValueError, TypeError):
        pass

    used = _state["used"]

    def compile(p: Any, flags: int = 0) -> Any:
        if not isinstance(p, (str, bytes)) or flags & debug:
            return original(p, flags)
        key = (p, flags)
        used.add(key)
        entry = table.get(key)
        if entry is not None:
            try:
                final_flags, words, groups, groupindex, indexgroup = entry
                return _sre.compile(p, final_flags, array("I", words).tolist(), groups, groupindex, indexgroup)
            except Exception:  # a damaged or foreign entry: compile it the usual way and replace it
                table.pop(key, None)
        # The same steps as re._compiler.compile, keeping what _sre.compile receives.
        try:
            parsed = parse(p, flags)
            code = [int(c) for c in code_of(parsed, flags)]  # plain ints: the opcodes are int subclasses
            groupindex = parsed.state.groupdict
            indexgroup = [None] * parsed.state.groups
            for name, i in groupindex.items():
                indexgroup[i] = name
            final_flags, groups = flags | parsed.state.flags, parsed.state.groups - 1
            compiled = _sre.compile(p, final_flags, code, groups, groupindex, tuple(indexgroup))
        except Exception:  # a bad pattern (re.error) or internals other than these: Python's own compiler
            return original(p, flags)
        # the code kept as bytes: a list of ints loads ten times slower
        table[key] = (final_flags, array("I", code).tobytes(), groups, dict(groupindex), tuple(indexgroup))
        _state["new"] += 1
        return compiled

    _state.update(table=table, file=path, original=original)
    _compiler.compile = compile


def save() -> None:
    """Writes the file when this run compiled patterns it did not hold (atomically; errors ignored)."""
    path, table = _state["file"], _state["table"]
    if path is None or table is None or not _state["new"]:
        return
    if len(table) > _MAX_ENTRIES:
        used = _state["used"]
        table = {key: entry for key, entry in table.items() if key in used}
    from .resources import write_cache_file

    try:
        data = marshal.dumps(table)
    except ValueError:
        return
    if write_cache_file(path, data):
        _state["new"] = 0


def uninstall() -> None:
    """Restores Python's own compiler (tests)."""
    original = _state["original"]
    if original is not None:
        from re import _compiler

        _compiler.compile = original
    _state.update(table=None, file=None, new=0, original=None, used=set())
