"""What every rule kind shares: the `Check` base class, `Finding`, `Context` and the kind registry.

A rule *kind* is one `Check` subclass registered under a name with `@register`.
A rule file picks a kind with `kind: NAME` and configures it with `params`,
validated into the kind's own `Params` (a frozen dataclass with `__pydantic_config__ = FORBID`;
a pydantic model works too, for kinds written outside this package). The check yields `Finding`s; the
engine turns them into `Issue`s (message rendering, location, severity).
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterable

from ..document import Block, Document
from ..issues import Coverage, Severity
from ..validation import FORBID

if TYPE_CHECKING:
    from ..rules import RuleSpec


@dataclass(slots=True, kw_only=True)
class NoParams:
    """The parameters of a kind that takes none."""

    __pydantic_config__ = FORBID


@dataclass(slots=True)
class Finding:
    """One place where a rule fires.

    `start`/`end` are 0-based offsets into `block.text` (the excerpt). `args`
    fill the rule's message template; `variant` picks one of its messages.
    `severity` overrides the rule's default (a truncation is `info`, say).
    `related` are the other places the finding involves (the total a breakdown in a footnote sums
    to, the other citations of a document): (block, start, end), shown beside the main place.
    """

    block: Block
    start: int
    end: int
    args: dict[str, Any] = field(default_factory=dict)
    variant: str = "default"
    expected: str | None = None
    actual: str | None = None
    severity: Severity | None = None
    related: list[tuple[Block, int, int]] = field(default_factory=list)


@dataclass
class Context:
    """Per-document state shared by all checks of one run."""

    doc: Document
    lang: str = "vi"
    coverage: Coverage = field(default_factory=Coverage)
    cache: dict[Any, Any] = field(default_factory=dict)

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """Computes a per-document value once (figures of a block, the report date…)."""
        try:
            return self.cache[key]
        except KeyError:
            value = self.cache[key] = compute()
            return value


class Check:
    """Base of every rule kind. Subclasses set `Params` and implement `run`."""

    Params: ClassVar[type] = NoParams
    kind: ClassVar[str] = ""

    def __init__(self, spec: "RuleSpec", params: Any):
        self.spec = spec
        self.params = params

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError


KINDS: dict[str, type[Check]] = {}


def register(kind: str) -> Callable[[type[Check]], type[Check]]:
    def deco(cls: type[Check]) -> type[Check]:
        if kind in KINDS and KINDS[kind] is not cls:
            raise RuntimeError(f"rule kind '{kind}' registered twice")
        cls.kind = kind
        KINDS[kind] = cls
        return cls

    return deco


_loaded = False


def kinds() -> dict[str, type[Check]]:
    """All registered kinds; imports every module of `checker.checks` once."""
    global _loaded
    if not _loaded:
        import importlib
        import pkgutil

        from .. import checks

        for mod in pkgutil.iter_modules(checks.__path__):
            if mod.name != "base":
                importlib.import_module(f"{checks.__name__}.{mod.name}")
        _loaded = True
    return KINDS
