"""Start-up speed: the validated rule set, kept between runs.

Validating the rule files into their records (`RuleSpec` and each kind's `Params`) needs pydantic,
whose import and validator building are about a third of a cold `checker lint` on the benchmark
machine, and the outcome only changes when a rule file or checker's own code changes. So the
validated records of the shipped rule set are pickled in the user's cache folder together with a
stamp of everything they depend on:

- the interpreter (its cache tag) and checker's version;
- the path, size and modification time of every rule file;
- the same for the modules that define the records (`rules`, `issues`, `validation`, `checks/*`);
- the same for pydantic's `version.py`, found without importing pydantic.

A run whose stamp matches unpickles the records (about a millisecond) and imports neither pydantic
nor PyYAML. Anything else (no file, another stamp, a damaged file, a record class that moved) is a
miss: the rules are validated as usual and the file is rewritten. Only the shipped rule set is kept
(one file per rule folder, like the parsed-file cache in `rules`); `CHECKER_NO_CACHE=1` turns it off.
The file lives in the user's own cache folder, like Python's own .pyc files, and is trusted as they are.
"""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path
from typing import Any

_FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent
_RECORD_MODULES = ("rules.py", "issues.py", "validation.py")


def _stat(path: Path | str) -> tuple[str, int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (str(path), -1, -1)
    return (str(path), st.st_mtime_ns, st.st_size)


def _pydantic_file() -> str:
    from importlib.util import find_spec

    try:
        spec = find_spec("pydantic")
    except (ImportError, ValueError):
        return ""
    if spec is None or not spec.origin:
        return ""
    return os.path.join(os.path.dirname(spec.origin), "version.py")


def stamp(files: list[Path]) -> tuple:
    """Everything the validated records of `files` depend on (see the module's docstring)."""
    from . import __version__

    code = [_PACKAGE / name for name in _RECORD_MODULES]
    code += sorted((_PACKAGE / "checks").glob("*.py"))
    return (_FORMAT, sys.implementation.cache_tag, __version__,
            tuple(_stat(f) for f in files), tuple(_stat(f) for f in code), _stat(_pydantic_file()))


def cache_file(directory: Path) -> Path | None:
    """The cache file of a rule folder; None when caching is off or the folder is not the shipped one."""
    from .resources import folder_key, rules_dir, user_cache_dir

    base = user_cache_dir()
    if base is None:
        return None
    try:
        root = directory.resolve()
        if root != rules_dir().resolve():
            return None
    except OSError:
        return None
    return base / f"validated-rules-v{_FORMAT}-{folder_key(str(root))}.pickle"


def load(directory: Path, files: list[Path]) -> list[tuple[Any, Any]] | None:
    """The (spec, params) pairs of `files`, in order, when the cache holds them for this stamp."""
    path = cache_file(directory)
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            if pickle.load(fh) != stamp(files):  # the stamp comes first: a stale file loads no class
                return None
            records = pickle.load(fh)
    except Exception:  # missing, damaged, or a record class that no longer exists: a miss
        return None
    if not isinstance(records, list) or len(records) != len(files):
        return None
    return records


def save(directory: Path, files: list[Path], records: list[tuple[Any, Any]]) -> None:
    """Keeps the validated (spec, params) pairs of `files` for the next run (errors ignored)."""
    from .resources import write_cache_file

    path = cache_file(directory)
    if path is None:
        return
    try:
        data = pickle.dumps(stamp(files), pickle.HIGHEST_PROTOCOL) + pickle.dumps(records, pickle.HIGHEST_PROTOCOL)
    except Exception:  # a record that cannot be pickled (a kind's params from outside the package)
        return
    write_cache_file(path, data)
