"""Findings as they leave the engine: plain records that serialise to the JSON contract.

They are dataclasses, not pydantic models: the engine builds them from values it already holds, so
there is nothing to validate, and a run must not pay for importing pydantic to report its findings
(pydantic validates what comes from outside: rule files and configuration).
"""

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(slots=True, kw_only=True)
class Location:
    """Where a finding is: the block, and inside it the line/columns, section, footnote or table cell;
    the page for a PDF. `block` is the reader's block index (every block counts); `paragraph` is the
    number Word's reader would count (see readers/docx.number_paragraphs)."""

    block: int
    kind: str
    line: int | None = None
    column: int | None = None
    end_column: int | None = None
    section: str | None = None
    footnote: int | None = None
    table: int | None = None
    row: int | None = None
    column_index: int | None = None
    paragraph: int | None = None  # Word's paragraph number (body paragraphs outside tables); a PDF: on its page
    page: int | None = None  # 1-based page of the block (PDF inputs)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        if self.table is None:  # table coordinates only appear for table cells
            for key in ("table", "row", "column_index"):
                data.pop(key)
        if self.paragraph is None:  # only Word paragraphs have one
            data.pop("paragraph")
        if self.page is None:  # the page only for inputs that have pages
            data.pop("page")
        return data


@dataclass(slots=True, kw_only=True)
class Related:
    """Another place a finding involves, with the text there."""

    location: Location
    excerpt: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"location": self.location.to_json(), "excerpt": self.excerpt}


@dataclass(slots=True, kw_only=True)
class Issue:
    """One finding of one rule, with its message already rendered in the run's language."""

    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    location: Location
    excerpt: str = ""
    expected: str | None = None
    actual: str | None = None
    # The sentence around the excerpt and where the excerpt starts in it: for the console only.
    context: str | None = None
    context_offset: int = 0
    # Other places the finding involves (the total of a breakdown stated elsewhere, other citations).
    related: list["Related"] = field(default_factory=list)
    # The likely correction when one figure is probably mistyped: {"from": "18.874", "to": "1.874"}.
    suggestion: dict[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "location": self.location.to_json(),
            "excerpt": self.excerpt,
        }
        if self.expected is not None:
            data["expected"] = self.expected
        if self.actual is not None:
            data["actual"] = self.actual
        if self.related:
            data["related"] = [r.to_json() for r in self.related]
        if self.suggestion:
            data["suggestion"] = dict(self.suggestion)
        return data

    @property
    def sort_key(self) -> tuple:
        return (self.location.block, self.location.column or 0, self.rule)


@dataclass(slots=True, kw_only=True)
class Coverage:
    """How much of the document the checks understood: figures read, relations checked, unparsed."""

    figures: int = 0
    relations: int = 0
    unparsed: int = 0
    # relations checked, by form ("parts-total", "count-list"…) and by scope ("clause", "footnote"…)
    by_form: dict[str, int] = field(default_factory=dict)
    by_scope: dict[str, int] = field(default_factory=dict)

    def count(self, form: str, scope: str, n: int = 1) -> None:
        """Counts n relations of one form and scope as checked."""
        self.relations += n
        self.by_form[form] = self.by_form.get(form, 0) + n
        self.by_scope[scope] = self.by_scope.get(scope, 0) + n

    def to_json(self) -> dict[str, Any]:
        return {"figures": self.figures, "relations": self.relations, "unparsed": self.unparsed,
                "by_form": dict(sorted(self.by_form.items())), "by_scope": dict(sorted(self.by_scope.items()))}


@dataclass(slots=True, kw_only=True)
class FileError:
    """Why a file could not be checked: a stable code and a message in the run's language."""

    code: str
    message: str
    # For an `internal` error, the traceback: shown with --verbose or CHECKER_DEBUG=1, never in JSON.
    traceback: str | None = None

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass(slots=True, kw_only=True)
class FileResult:
    """The outcome for one file: its findings, or the error that kept it from being checked."""

    path: str
    profile: str | None = None
    error: FileError | None = None
    issues: list[Issue] = field(default_factory=list)
    coverage: Coverage = field(default_factory=Coverage)
    suppressed: int = 0  # findings silenced by a reviewer's comment or a directive in the text

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "profile": self.profile,
            "error": self.error.to_json() if self.error else None,
            "issues": [i.to_json() for i in self.issues],
            "coverage": self.coverage.to_json(),
            "suppressed": self.suppressed,
        }

    def count(self, severity: Severity) -> int:
        return sum(1 for i in self.issues if i.severity is severity)
