"""The Python API, on which the command line is built.

    >>> import checker
    >>> result = checker.lint("Kết nạp 112/158 đảng viên, đạt 70,87% chỉ tiêu.")
    >>> [i.rule for i in result.issues]
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from . import __version__
from .config import Config, discover
from .document import Document
from .issues import FileError, FileResult, Issue, Severity
from .readers import SUPPORTED, ReadError, read_path, read_string

FAIL_LEVELS = {"error": 3, "warning": 2, "info": 1, "never": 99}


@dataclass
class Result:
    """The findings of one run over one or more files (or one text)."""

    files: list[FileResult] = field(default_factory=list)

    @property
    def issues(self) -> list[Issue]:
        return [i for f in self.files for i in f.issues]

    @property
    def errors(self) -> list[FileResult]:
        """Files that could not be read."""
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
                  severity: dict[str, Severity] | None = None, rules_dir: Path | None = None) -> FileResult:
    from .engine import load_rules, run_rules, select_rules
    from .suppress import apply_suppressions

    rules = select_rules(load_rules(rules_dir), select, ignore)
    with _collector_paused():
        prepare(doc, profile)
        issues, coverage = run_rules(doc, rules, lang=lang, severity_overrides=severity)
        issues, silenced = apply_suppressions(doc, issues)
    return FileResult(path=doc.path, profile=doc.profile, issues=issues, coverage=coverage,
                      suppressed=len(silenced))


def read_error_result(path: str, exc: ReadError, lang: str) -> FileResult:
    from .i18n import detail_text, t

    message = t(f"error.{exc.code}", lang, name=Path(path).name, detail=detail_text(exc.detail or exc.reason, lang))
    if message == f"error.{exc.code}":
        message = exc.reason
    return FileResult(path=path, error=FileError(code=exc.code, message=message))


def lint_file(path: str | Path, *, config: Config | None = None, documents: dict[str, Document] | None = None,
              **cli: Any) -> FileResult:
    """Lints one file with its discovered configuration (command-line values on top). Never raises.
    `documents`, when given, receives the Document read, under the file's path (for reports that
    show the text: HTML)."""
    name = str(path)
    cfg = (config or discover(path)).merged(**cli)
    try:
        with _collector_paused():
            doc = read_path(path)
        if documents is not None:
            documents[name] = doc
        if cfg.style_list:
            doc.meta["style_list"] = cfg.style_list  # the organisation's own pairs for TX011
        ignore = [*cfg.ignore, *cfg.ignores_for(name)]
        return lint_document(doc, profile=None if cfg.profile == "auto" else cfg.profile,
                             select=cfg.select, ignore=ignore, lang=cfg.lang, severity=cfg.severity)
    except ReadError as exc:
        return read_error_result(name, exc, cfg.lang)
    except RecursionError:
        return read_error_result(name, ReadError("corrupt", "the file is too deeply nested", name), cfg.lang)
    except MemoryError:
        return read_error_result(name, ReadError("too-large", "out of memory", name, "memory"), cfg.lang)


def _is_report(f: Path, root: Path) -> bool:
    """A file found in a folder is checked when it is a supported type and not a lock file, a hidden
    file, or a folder's README (documentation, not a report; name it explicitly to check it)."""
    return (f.suffix.lower() in SUPPORTED and not f.name.startswith(("~$", "."))
            and f.stem.upper() != "README"
            and not any(part.startswith(".") for part in f.relative_to(root).parts[:-1]))


def collect_files(paths: Sequence[str | Path]) -> list[str | ReadError]:
    """Expands folders (recursively, supported files only, skipping Word's ~$ lock files);
    a path that cannot be used becomes a ReadError in place, so the run goes on."""
    out: list[str | ReadError] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(str(f) for f in p.rglob("*") if f.is_file() and _is_report(f, p))
            if not found:
                out.append(ReadError("no-files", "no .docx, .txt or .md file to check", str(raw)))
            out.extend(found)
        else:
            out.append(str(raw))
    return out


def _looks_like_path(value: str) -> bool:
    return "\n" not in value and (os.path.exists(value) or value.lower().endswith((*SUPPORTED, ".doc")))


def lint(path_or_text: str | Path, *, profile: str | None = None, select: Iterable[str] | None = None,
         ignore: Iterable[str] | None = None, lang: str = "vi") -> Result:
    """Lints a file, a folder, or a report given as a string; never raises on bad input
    (an unreadable file has `error` set in its FileResult)."""
    if isinstance(path_or_text, Path) or _looks_like_path(str(path_or_text)):
        result = Result()
        for item in collect_files([path_or_text]):
            if isinstance(item, ReadError):
                result.files.append(read_error_result(item.path, item, lang))
            else:
                result.files.append(lint_file(item, profile=profile, select=list(select) if select else None,
                                              ignore=list(ignore) if ignore else None, lang=lang))
        return result
    doc = read_string(str(path_or_text))
    return Result([lint_document(doc, profile=profile, select=select, ignore=ignore, lang=lang)])
