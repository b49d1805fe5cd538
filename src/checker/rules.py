"""Rule files: their schema and loading.

A rule file is YAML and declares exactly one rule of an existing *kind*
(implemented once in `checker.checks`). Nothing in a rule file can execute
code: messages are `str.format` templates restricted to plain `{name}` fields.
The schema is the `RuleSpec` dataclass below; pydantic validates a file into it
(`checker.validation`).
"""

import re
import string
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from .issues import Severity
from .validation import FORBID, Invalid, validate

LANGS = ("vi", "en")
PROFILES = ("party", "state")
CATEGORY_PREFIX = {
    "arithmetic": "AR",
    "number-format": "NF",
    "dates": "DT",
    "structure": "ST",
    "references": "RF",
    "text": "TX",
}
Category = Literal["arithmetic", "number-format", "dates", "structure", "references", "text"]
_ID = re.compile(r"^(AR|NF|DT|ST|RF|TX)\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class RuleFileError(Exception):
    """A rule file that cannot be loaded: names the file and the field at fault."""

    def __init__(self, path: Path | str, field: str, reason: str):
        self.path, self.field, self.reason = str(path), field, reason
        super().__init__(f"{path}: {field}: {reason}")


def template_fields(template: str) -> set[str]:
    """The `{name}` fields of a message template; rejects anything but plain names."""
    names = set()
    for _, name, spec, conv in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier() or spec or conv:
            raise ValueError(f"placeholder {{{name}}} must be a plain name like {{value}}")
        names.add(name)
    return names


@dataclass(slots=True, kw_only=True)
class Example:
    """A text of a rule's examples: a bad one must trigger the rule, a good one must not."""

    __pydantic_config__ = FORBID

    text: str
    profile: Literal["party", "state"] | None = None
    count: int | None = None  # exact number of findings expected (bad examples)


@dataclass(slots=True, kw_only=True)
class Examples:
    """A rule's proof of itself: at least one bad and one good text (tests/test_rule_examples.py)."""

    __pydantic_config__ = FORBID

    bad: list[Example]
    good: list[Example]

    def __post_init__(self) -> None:
        for name in ("bad", "good"):
            if not getattr(self, name):
                raise Invalid(name, "at least one example is needed")


@dataclass(slots=True, kw_only=True)
class RuleSpec:
    """One rule as its file declares it. Build it with `RuleSpec.validate(data)` from a file's data;
    the constructor only runs the checks across fields."""

    __pydantic_config__ = FORBID

    id: str
    name: str
    category: Category
    severity: Severity
    kind: str
    profiles: list[Literal["party", "state"]] = field(default_factory=lambda: list(PROFILES))
    summary: dict[Literal["vi", "en"], str]
    explain: dict[Literal["vi", "en"], str]
    messages: dict[Literal["vi", "en"], dict[str, str]]
    params: dict[str, Any] = field(default_factory=dict)
    examples: Examples
    source: str | None = None  # the regulation or practice the rule rests on
    # False: the rule runs only when a selector names it (its id, prefix, category or ALL), as ruff's
    # rules outside its default set
    enabled_by_default: bool = True

    @classmethod
    def validate(cls, data: Any) -> "RuleSpec":
        """A rule file's data validated into a RuleSpec; raises `Invalid` naming the field at fault.
        Two shorthands are expanded first: a single message string is the `default` variant, and
        an example may be given as its bare text."""
        if isinstance(data, dict):
            data = dict(data)
            messages = data.get("messages")
            if isinstance(messages, dict):
                data["messages"] = {k: {"default": v} if isinstance(v, str) else v for k, v in messages.items()}
            examples = data.get("examples")
            if isinstance(examples, dict):
                data["examples"] = {k: [{"text": e} if isinstance(e, str) else e for e in v]
                                    if isinstance(v, list) else v for k, v in examples.items()}
        return validate(cls, data)

    def __post_init__(self) -> None:
        if not _ID.match(self.id):
            raise Invalid("id", f"must look like AR001 (a category prefix and three digits), not {self.id!r}")
        if not _NAME.match(self.name):
            raise Invalid("name", f"must be lower-case words joined by '-', not {self.name!r}")
        if not self.id.startswith(CATEGORY_PREFIX[self.category]):
            raise Invalid("", f"id {self.id} does not match category {self.category} "
                              f"(expected prefix {CATEGORY_PREFIX[self.category]})")
        for lang in LANGS:
            for part in ("summary", "explain", "messages"):
                if lang not in getattr(self, part):
                    raise Invalid(part, f"missing language '{lang}'")
        vi, en = self.messages["vi"], self.messages["en"]
        if set(vi) != set(en):
            raise Invalid("messages", f"vi and en declare different variants: {sorted(vi)} vs {sorted(en)}")
        if "default" not in vi:
            raise Invalid("messages", "a 'default' message is required")
        for variant in vi:
            try:
                same = template_fields(vi[variant]) == template_fields(en[variant])
            except ValueError as exc:
                raise Invalid(f"messages.{variant}", str(exc)) from None
            if not same:
                raise Invalid(f"messages.{variant}", "vi and en use different placeholders")

    def message(self, lang: str, variant: str, args: dict[str, Any]) -> str:
        templates = self.messages.get(lang) or self.messages["vi"]
        template = templates.get(variant) or templates["default"]
        return template.format_map(_Missing(args))


class _Missing(dict):
    """Leaves unknown placeholders visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _yaml_parse(path: Path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open("rb") as fh:
        return yaml.load(fh, Loader=loader)


class _ParsedCache:
    """Start-up speed: the parsed content of rule files and data tables, kept as JSON in the user's
    cache folder and keyed by each file's path, size and modification time, so that a run whose rule
    files did not change neither imports PyYAML nor parses YAML. It holds exactly what YAML gave
    (validation still runs on every load), is rewritten atomically after a miss, and is skipped
    silently when it cannot be read or written. CHECKER_NO_CACHE=1 turns it off;
    CHECKER_CACHE_DIR moves it (default $XDG_CACHE_HOME/checker or ~/.cache/checker; one file per
    rule folder, see `cache_file_name`)."""

    def __init__(self) -> None:
        self.entries: dict[str, list] | None = None
        self.file: Path | None = None
        self.root = ""
        self.deferred = 0  # > 0 inside batch(): save once at the end
        self.dirty = False

    def batch(self) -> Any:
        """Loads many files, writes the cache at most once."""
        from contextlib import contextmanager

        @contextmanager
        def _batch() -> Any:
            self.deferred += 1
            try:
                yield
            finally:
                self.deferred -= 1
                if not self.deferred and self.dirty:
                    self._save()

        return _batch()

    def _open(self) -> None:
        import json
        import os

        from .resources import rules_dir, user_cache_dir

        self.entries = {}
        base = user_cache_dir()
        if base is None:
            return
        try:
            self.root = str(rules_dir().resolve()) + os.sep
        except OSError:
            return
        self.file = base / cache_file_name(self.root)
        try:
            data = json.loads(self.file.read_bytes())
            if isinstance(data, dict):
                self.entries = data
        except (OSError, ValueError):
            pass

    def load(self, path: Path) -> Any:
        if self.entries is None:
            self._open()
        try:
            st = path.stat()
        except OSError:
            return _yaml_parse(path)  # raises the real error
        key = str(path.resolve())
        if self.file is None or not key.startswith(self.root):  # only the shipped rule set is cached
            return _yaml_parse(path)
        stamp = [st.st_mtime_ns, st.st_size]
        hit = self.entries.get(key)  # type: ignore[union-attr]
        if hit is not None and hit[:2] == stamp:
            return hit[2]
        data = _yaml_parse(path)
        if _json_safe(data):  # what JSON gives back must equal what YAML gave (no int keys, dates)
            self.entries[key] = [*stamp, data]  # type: ignore[index]
            self.dirty = True
            if not self.deferred:
                self._save()
        return data

    def _save(self) -> None:
        import json
        import os

        from .resources import write_cache_file

        self.dirty = False
        if self.file is None:
            return
        self.entries = {k: v for k, v in (self.entries or {}).items() if os.path.exists(k)}
        try:
            text = json.dumps(self.entries, ensure_ascii=False)
        except (TypeError, ValueError):  # YAML gave something JSON cannot hold (a date): no cache
            self.file = None
            return
        if not write_cache_file(self.file, text.encode("utf-8")):
            self.file = None


def cache_file_name(root: str) -> str:
    """One cache file per rule folder: a machine with several installations (or checkouts) of
    checker keeps one small file for each instead of one shared file holding all of them, which
    every run had to read whole (550 KB and 4.4 ms of json.loads on the benchmark machine with
    five checkouts, against ~100 KB for one rule set)."""
    from .resources import folder_key

    return f"parsed-rules-v1-{folder_key(root)}.json"


def _json_safe(data: Any) -> bool:
    import json

    try:
        return json.loads(json.dumps(data, ensure_ascii=False)) == data
    except (TypeError, ValueError):
        return False


_PARSED = _ParsedCache()


def _yaml_load(path: Path) -> Any:
    return _PARSED.load(path)


def parsed_cache_batch() -> Any:
    """Context manager: load many rule files, write the parsed-file cache once."""
    return _PARSED.batch()


def load_rule_file(path: Path) -> RuleSpec:
    try:
        data = _yaml_load(path)
    except Exception as exc:  # yaml.YAMLError and decoding errors
        raise RuleFileError(path, "(file)", f"not valid YAML: {exc}".splitlines()[0]) from None
    if not isinstance(data, dict):
        raise RuleFileError(path, "(file)", "must be a mapping of fields")
    try:
        return RuleSpec.validate(data)
    except Invalid as exc:
        raise RuleFileError(path, exc.field or "(rule)", exc.reason) from None


def rule_files(directory: Path) -> list[Path]:
    """Every rule file under `directory`, except the data tables in `data/`."""
    return sorted(p for p in directory.rglob("*.y*ml")
                  if p.suffix in (".yaml", ".yml") and "data" not in p.relative_to(directory).parts)


@cache
def load_data_table(name: str) -> Any:
    """A data table from `rules/data/NAME.yaml` (document-type codes, spelling variants…)."""
    from .resources import rules_dir

    path = rules_dir() / "data" / f"{name}.yaml"
    try:
        return _yaml_load(path)
    except Exception as exc:
        raise RuleFileError(path, "(file)", str(exc).splitlines()[0]) from None
