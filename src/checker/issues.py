"""Findings as they leave the engine: pydantic models that serialise to the JSON contract."""

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Location(BaseModel):
    model_config = ConfigDict(extra="forbid")

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

    def to_json(self) -> dict[str, Any]:
        data = self.model_dump()
        if self.table is None:  # table coordinates only appear for table cells
            for key in ("table", "row", "column_index"):
                data.pop(key)
        return data


class Issue(BaseModel):
    model_config = ConfigDict(extra="forbid")

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
        return data

    @property
    def sort_key(self) -> tuple:
        return (self.location.block, self.location.column or 0, self.rule)


class Coverage(BaseModel):
    figures: int = 0
    relations: int = 0
    unparsed: int = 0


class FileError(BaseModel):
    code: str
    message: str


class FileResult(BaseModel):
    path: str
    profile: str | None = None
    error: FileError | None = None
    issues: list[Issue] = []
    coverage: Coverage = Coverage()
    suppressed: int = 0  # findings silenced by a reviewer's comment or a directive in the text

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "profile": self.profile,
            "error": self.error.model_dump() if self.error else None,
            "issues": [i.to_json() for i in self.issues],
            "coverage": self.coverage.model_dump(),
            "suppressed": self.suppressed,
        }

    def count(self, severity: Severity) -> int:
        return sum(1 for i in self.issues if i.severity is severity)
