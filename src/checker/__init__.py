"""checker: the linter for Vietnamese official reports.

The API is `checker.lint(path, *, profile=None, select=None, ignore=None, lang=None) -> Result` for a file
or a folder and `checker.lint_text(text, ...) -> Result` for a text (see `checker.api`); it is imported
lazily so that `checker --version` stays instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"
__all__ = ["lint", "lint_text", "Result", "__version__"]

if TYPE_CHECKING:
    from .api import Result, lint, lint_text


def __getattr__(name: str) -> Any:
    if name in ("lint", "lint_text", "Result", "lint_document", "lint_file"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
