"""The Python API, on which the command line is built.

    >>> import checker
    >>> result = checker.lint_text("Kết nạp 112/158 đảng viên, đạt 70,87% chỉ tiêu.")
    >>> [i.rule for i in result.issues]
    ['AR001']
    >>> checker.lint("bao-cao-2024/").exit_code()          # a file or a folder (recursively)

The contract: `lint(path)` takes a path — a `Path`, or a string naming a file or a folder; a string
that names nothing is a file that was not found (an error result), except a string with a line break,
which is taken as a text (as it always was). `lint_text(text)` checks a text. Bad arguments (an
unknown rule selector, profile or language) raise ValueError naming what is allowed; a file that
cannot be read or checked is never an exception but a FileResult with `error` set.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from . import __version__
from .config import Config, ConfigError, Selection, UnknownSelector, discover
from .document import Document
from .files import Exclusions, collect_files
from .issues import FileError, FileResult, Issue, Severity
from .readers import ReadError, read_path, read_string

FAIL_LEVELS = {"error": 3, "warning": 2, "info": 1, "never": 99}
PROFILES = ("auto", "party", "state")
LANGS = ("vi", "en")


@dataclass
class Result:
    """The findings of one run over one or more files (or one text)."""

    files: list[FileResult] = field(default_factory=list)

    @property
    def issues(self) -> list[Issue]:
        return [i for f in self.files for i in f.issues]

    @property
    def errors(self) -> list[FileResult]:
        """Files that could not be read or checked."""
        return [f for f in self.files if f.error is not None]

    def count(self, severity: Severity) -> int:
        return sum(f.count(severity) for f in self.files)

    def summary(self) -> dict[str, int]:
        return {"files": len(self.files), "errors": self.count(Severity.ERROR),
                "warnings": self.count(Severity.WARNING), "info": self.count(Severity.INFO)}

    def to_json(self) -> dict[str, Any]:
        return {
            "version": 1,
            "tool": {"name": "checker", "version": __version__},
            "files": [f.to_json() for f in self.files],
            "summary": self.summary(),
        }

    def exit_code(self, fail_on: str = "error") -> int:
        """0 clean, 1 findings at or above `fail_on`, 2 some input could not be read (ruff's convention)."""
        if fail_on not in FAIL_LEVELS:
            raise ValueError(f"fail_on must be one of {', '.join(FAIL_LEVELS)}, not {fail_on!r}")
        if self.errors:
            return 2
        level = FAIL_LEVELS[fail_on]
        return 1 if any(i.severity.rank >= level for i in self.issues) else 0


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading and checking one report allocates many small objects that are almost all acyclic and
    live until the report is done; the cyclic garbage collector would traverse them again and again
    (its full passes grow with the document: ≈ 20 % of the checks on a 3 MB report). It is paused for
    one report and resumed after, when the report's cycles, if any, are collected as usual."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def prepare(doc: Document, profile: str | None = None) -> Document:
    """Profile detection and section paths: what every check may rely on."""
    from .headings import assign_sections
    from .profiles import detect_profile

    doc.profile = profile if profile in ("party", "state") else detect_profile(doc)
    assign_sections(doc)
    return doc


def lint_document(doc: Document, *, profile: str | None = None, select: Iterable[str] | None = None,
                  ignore: Iterable[str] | None = None, lang: str = "vi",
                  severity: dict[str, Severity] | None = None, rules_dir: Path | None = None,
                  layers: Sequence[Selection] | None = None) -> FileResult:
    """Checks a Document. The rules are `select` minus `ignore` (one layer), or the result of the
    selection `layers` when given (see engine.resolve). `severity` maps selectors to severities."""
    from .engine import load_rules, run_rules, select_rules, severity_for
    from .suppress import apply_suppressions

    every = load_rules(rules_dir)
    rules = select_rules(every, select, ignore, layers=layers)
    with _collector_paused():
        prepare(doc, profile)
        issues, coverage = run_rules(doc, rules, lang=lang, severity_overrides=severity_for(rules, severity))
        used: dict = {}
        issues, silenced = apply_suppressions(doc, issues, used)
        if used:
            issues = issues + _unused_suppressions(doc, used, rules, every, lang, severity)
    return FileResult(path=doc.path, profile=doc.profile, issues=issues, coverage=coverage,
                      suppressed=len(silenced))


def _unused_suppressions(doc: Document, used: dict, rules: Sequence[Any], every: Sequence[Any], lang: str,
                         severity: dict[str, Severity] | None) -> list[Issue]:
    """The findings of the unused-suppression rule (TX101), when it is selected and applies."""
    from .checks.base import Finding
    from .checks.suppressions import KIND
    from .engine import applies, severity_for, to_issue
    from .suppress import unused_suppressions

    judge = [r for r in rules if r.spec.kind == KIND and applies(r, doc.profile)]
    if not judge:
        return []
    rule = judge[0]
    exempt = {r.id for r in every if r.spec.kind == KIND}
    overrides = severity_for([rule], severity)
    out = []
    for sup, unused in unused_suppressions(used, (r.id for r in rules), (r.id for r in every), exempt):
        block_no, start, end = sup.at
        if not 1 <= block_no <= len(doc.blocks):
            continue
        block = doc.block(block_no)
        end = min(end, len(block.text))
        finding = Finding(block, start, end, args={"directive": sup.directive, "rules": ", ".join(unused)},
                          variant="partial" if unused and len(unused) < len(sup.rules) else "default")
        out.append(to_issue(rule, finding, lang, overrides.get(rule.id)))
    return sorted(out, key=lambda i: i.sort_key)


def lint_configured(doc: Document, cfg: Config, path: str | None = None) -> FileResult:
    """Checks a Document with a configuration (and the command line's values merged into it)."""
    if cfg.style_list:
        doc.meta["style_list"] = cfg.style_list  # the organisation's own pairs for TX011
    return lint_document(doc, profile=None if cfg.profile == "auto" else cfg.profile, lang=cfg.lang,
                         severity=cfg.severity, layers=cfg.selections(path if path is not None else doc.path))


def read_error_result(path: str, exc: ReadError, lang: str) -> FileResult:
    from .i18n import detail_text, t

    key = getattr(exc, "message_key", None) or f"error.{exc.code}"
    detail = exc.detail or exc.reason
    shown = detail_text(detail, lang)
    if key == "error.unreadable-folder":  # the system's words said of a folder ("detail.folder: …")
        said = detail_text(f"folder: {detail}", lang)
        shown = shown if said == f"folder: {detail}" else said
    message = t(key, lang, name=Path(path).name, detail=shown)
    if message == key:
        message = exc.reason
    return FileResult(path=path, error=FileError(code=exc.code, message=message))


def describe_exception(exc: BaseException) -> str:
    """`Type: first line of the message`, for a one-line report of an internal error."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def internal_error_result(path: str, detail: str, lang: str, traceback: str | None = None) -> FileResult:
    """The result of a file whose checking failed (a defect of checker, not of the file)."""
    from .i18n import t

    message = t("error.internal", lang, detail=detail)
    return FileResult(path=path, error=FileError(code="internal", message=message, traceback=traceback))


def timeout_result(path: str, seconds: float, lang: str) -> FileResult:
    from .i18n import t

    message = t("error.timeout", lang, detail=f"{seconds:g}")
    return FileResult(path=path, error=FileError(code="timeout", message=message))


def lint_file(path: str | Path, *, config: Config | None = None, timeout: float | None = None,
              name: str | None = None, documents: dict[str, Document] | None = None, **cli: Any) -> FileResult:
    """Lints one file with its discovered configuration (or `config`), command-line values on top,
    within `timeout` seconds (see timelimit.py). `name` is the path shown and matched by
    per-file-ignores (standard input's --stdin-filename), the file's own path by default. `documents`,
    when given, receives the Document read, under that name (for reports that show the text: HTML).
    Never raises for the file: an unreadable file, a failing check or a file over its time limit is a
    FileResult with `error` set. A bad configuration file raises ConfigError (a ValueError), as a bad
    argument does."""
    from .timelimit import FileTimeout, time_limit

    name = str(path) if name is None else name
    cfg = (config or discover(path)).merged(**cli)
    try:
        with time_limit(timeout):
            with _collector_paused():
                doc = read_path(path)
            doc.path = name
            if documents is not None:
                documents[name] = doc
            return lint_configured(doc, cfg, name)
    except ReadError as exc:
        return read_error_result(name, exc, cfg.lang)
    except RecursionError:
        return read_error_result(name, ReadError("corrupt", "the file is too deeply nested", name), cfg.lang)
    except MemoryError:
        return read_error_result(name, ReadError("too-large", "out of memory", name, "memory"), cfg.lang)
    except FileTimeout as exc:
        _forget_partial_work()
        return timeout_result(name, exc.seconds, cfg.lang)
    except (UnknownSelector, ConfigError):  # bad settings, not a bad file
        raise
    except Exception as exc:  # a defect in a check: this file's error, the run goes on
        import traceback

        _forget_partial_work()
        return internal_error_result(name, describe_exception(exc), cfg.lang, traceback.format_exc())


def _forget_partial_work() -> None:
    """After an interrupted check, drop the per-text caches it may have left half-filled."""
    from .figures import clear_caches

    clear_caches()


# --- the public entry points -----------------------------------------------------------------------

def _selectors(name: str, value: Any) -> list[str] | None:
    """A list of selectors from a list, a tuple, a set or one comma-separated string."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple, set, frozenset)) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{name} must be a list of rule selectors (ids, prefixes, categories), not {value!r}")
    return [v.strip() for v in value if v.strip()]


def check_options(*, profile: str | None = None, lang: str | None = None, select: Any = None,
                  ignore: Any = None, extend_select: Any = None, extend_ignore: Any = None) -> dict[str, Any]:
    """The options of `lint`/`lint_text` checked and normalised; ValueError names what is allowed."""
    from .engine import check_selectors, load_rules

    if profile is not None and profile not in PROFILES:
        raise ValueError(f"profile must be one of {', '.join(PROFILES)}, not {profile!r}")
    if lang is not None and lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    out: dict[str, Any] = {"profile": profile, "lang": lang}
    for name, value in (("select", select), ("ignore", ignore), ("extend_select", extend_select),
                        ("extend_ignore", extend_ignore)):
        out[name] = _selectors(name, value)
        check_selectors(out[name] or (), load_rules())
    return out


def lint(path: str | os.PathLike[str], *, profile: str | None = None, select: Iterable[str] | str | None = None,
         ignore: Iterable[str] | str | None = None, lang: str | None = None,
         extend_select: Iterable[str] | str | None = None, timeout: float | None = None) -> Result:
    """Lints a file or a folder (recursively: .docx, .txt, .md, and the document types reported as
    unreadable). `path` is a `Path`, or a string naming a file or folder; a string with a line break is
    a text (use `lint_text`). Options not given come from the configuration found for each file
    (`checker.toml` or `[tool.checker]`). Never raises on bad input: a missing or unreadable file is a
    FileResult with `error` set. Raises ValueError for a bad argument or configuration file."""
    if isinstance(path, str) and "\n" in path:
        return lint_text(path, profile=profile, select=select, ignore=ignore, lang=lang,
                         extend_select=extend_select)
    if not isinstance(path, (str, os.PathLike)):
        raise ValueError(f"path must be a str or a Path, not {type(path).__name__}")
    cli = check_options(profile=profile, lang=lang, select=select, ignore=ignore, extend_select=extend_select)
    root = os.fspath(path)
    result = Result()
    items = collect_files([root], Exclusions.of(discover(root).exclusions()))
    for item in items:
        if isinstance(item, ReadError):
            result.files.append(read_error_result(item.path, item, lang or discover(item.path).lang))
        else:
            result.files.append(lint_file(item, timeout=timeout, **cli))
    return result


def lint_text(text: str, *, name: str = "<text>", profile: str | None = None,
              select: Iterable[str] | str | None = None, ignore: Iterable[str] | str | None = None,
              lang: str | None = None, extend_select: Iterable[str] | str | None = None) -> Result:
    """Lints a report given as a string (one line is one paragraph), with the default configuration
    and these options. `name` is the path shown in the result."""
    if not isinstance(text, str):
        raise ValueError(f"text must be a str, not {type(text).__name__}")
    cli = check_options(profile=profile, lang=lang, select=select, ignore=ignore, extend_select=extend_select)
    cfg = Config().merged(**cli)
    try:
        doc = read_string(text, name=name)
    except ReadError as exc:  # a line too long to be checked (readers/limits.py): an entry, not an exception
        return Result([read_error_result(name, exc, cfg.lang)])
    return Result([lint_configured(doc, cfg, name)])
