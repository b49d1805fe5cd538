"""Validation of what comes from outside — rule files, their kinds' parameters, configuration — with
pydantic, into plain dataclasses.

The records are declared where they are used (a rule kind's `Params` beside its check, `RuleSpec` in
`rules`, `Config` in `config`) as standard dataclasses that pydantic validates on demand (it supports
them natively; `__pydantic_config__ = FORBID` rejects unknown fields). Only this module imports
pydantic, and only when something has to be validated: a run whose rule set comes from the validated
rule cache (`rulecache`) and that finds no configuration file never imports it, which is about a
third of a cold `checker lint` on the benchmark machine (bench/README.md).

A record's own `__post_init__` may raise `Invalid(field, reason)` for checks across fields; the field
is reported relative to the record.
"""

from typing import Any

FORBID = {"extra": "forbid"}  # a pydantic ConfigDict (a TypedDict, so a plain dict is one)

_UNKNOWN_FIELD = ("extra_forbidden", "unexpected_keyword_argument")


class Invalid(ValueError):
    """Data that does not fit its record. `field` is the dotted path to the fault ('' for the whole)."""

    def __init__(self, field: str, reason: str):
        self.field, self.reason = field, reason
        super().__init__(f"{field}: {reason}" if field else reason)


_adapters: dict[Any, Any] = {}


def validate(record: type, data: Any) -> Any:
    """`data` validated into an instance of `record` (a dataclass or a pydantic model); raises Invalid
    naming the first field at fault."""
    from pydantic import TypeAdapter, ValidationError

    adapter = _adapters.get(record)
    if adapter is None:
        adapter = _adapters[record] = TypeAdapter(record)
    try:
        return adapter.validate_python(data)
    except ValidationError as exc:
        raise _first_error(exc) from None


def _first_error(exc: Any) -> Invalid:
    err = exc.errors()[0]
    path = [str(p) for p in err["loc"]]
    cause = (err.get("ctx") or {}).get("error")
    if isinstance(cause, Invalid):  # a record's own cross-field check
        return Invalid(".".join(p for p in (*path, cause.field) if p), cause.reason)
    if err["type"] in _UNKNOWN_FIELD:
        return Invalid(".".join(path), "unknown field")
    reason = err["msg"]
    if err["type"] == "value_error":
        reason = reason.removeprefix("Value error, ")
    return Invalid(".".join(path), reason)
