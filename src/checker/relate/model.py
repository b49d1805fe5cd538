"""The claims model: candidate relations between figures, with the evidence that ties them.

A *finder* (`relate/finders/`) reads the document's structure and proposes `Candidate`s; the check stage
judges them (`checks/judge.py`) and sets a finding's severity from the evidence: a link written in the text
("trong đó", "gồm … :", "a/b", a footnote mark) is `explicit`, a link the finder inferred (matching levels,
matching subjects) is not. A candidate names its `form` (what kind of relation the text states) and its
`scope` (how far apart its figures are), which coverage counts.
"""

from dataclasses import dataclass, field

from ..document import Block
from ..figures import Number

# how far apart the figures of a relation are
SCOPES = ("clause", "sentence", "paragraph", "footnote", "list", "table", "document")


@dataclass(slots=True)
class Operand:
    """A figure taking part in a relation: where it is, its number as written, and its unit or counting noun."""

    block: Block
    start: int
    end: int
    number: Number
    unit: str | None = None

    @property
    def text(self) -> str:
        return self.number.text

    @property
    def place(self) -> tuple[Block, int, int]:
        return self.block, self.start, self.end


@dataclass(slots=True)
class Sum:
    """total = parts (complete) or parts ≤ total (a partial list: "trong đó có", "riêng")."""

    total: Operand
    parts: list[Operand]
    complete: bool = True
    # parts the text names without a figure ("gồm: Chủ tịch, 02 Phó Chủ tịch"): each counts one
    unnumbered: int = 0
    # items that may belong to the breakdown but carry no figure: the sum is then a lower bound only
    unknown: bool = False
    # the text says the list is whole ("gồm:", "còn lại"): a shortfall is then as sure as an excess
    sure: bool = False
    # a partial list ("Trong đó …") that reads as the whole when it comes close to the total: three or more
    # parts within a fifth of it, or any within a twentieth (a shortfall is then a warning)
    near_whole: bool = False
    # counts that make up the total with `total` ("04 cuộc theo kế hoạch và 01 cuộc đột xuất¹")
    more_totals: list[Operand] = field(default_factory=list)
    # other readings of the total (each a list of counts that add up to it): the relation holds if one holds
    alternatives: list[list[Operand]] = field(default_factory=list)


@dataclass(slots=True)
class Equal:
    """A figure that restates a sum of others: the base of a footnote's ratio ("70/70 đơn") and the count at
    its mark ("tiếp nhận 70 đơn¹")."""

    stated: Operand
    expected: list[Operand]
    alternatives: list[list[Operand]] = field(default_factory=list)


@dataclass(slots=True)
class Bound:
    """part ≤ whole: what was done out of what was received, a subset of a set."""

    part: Operand
    whole: Operand


@dataclass(slots=True)
class Count:
    """A stated count against the items the text lists for it; `options` are the item counts the list
    allows (a "và" may join two items or belong to one name)."""

    count: Operand
    options: tuple[int, ...]
    items: tuple[str, ...] = ()
    variant: str = "default"  # "intro": the items follow as lines; "note": a footnote names them


@dataclass(slots=True)
class Share:
    """part / whole · 100 = percent."""

    part: Operand
    whole: Operand
    percent: Number


@dataclass(slots=True)
class Difference:
    """later − earlier = change, its sign given by "tăng"/"giảm" (`word`)."""

    later: Operand
    earlier: Operand
    change: Operand
    word: str  # "tăng" | "giảm"


@dataclass(slots=True)
class ChangeRate:
    """A value stated with its absolute change and its relative change: change / (value ∓ change) · 100 = rate."""

    value: Operand
    change: Operand
    rate: Number
    word: str  # "tăng" | "giảm"


@dataclass(slots=True)
class Aggregate:
    """A total and its complete parts, each with a rate against its own base ("đạt p% kế hoạch", "tăng g% so
    với cùng kỳ"): the total's rate must follow from the parts' (total / Σ part_i / rate_i)."""

    total: Operand
    rate: Number
    parts: list[Operand]
    rates: list[Number]
    kind: str  # "plan" (đạt p%) | "growth" (tăng/giảm g%)
    signs: tuple[int, ...] = ()  # growth: +1 tăng, -1 giảm, for the total then each part


@dataclass(slots=True)
class WordBound:
    """A bound stated in words ("trên 30%", "hơn 4,5 tỷ đồng", "gần 2.000 người") against the figure it
    summarises."""

    stated: Operand
    word: str  # "trên" | "hơn" | "dưới" | "gần" | "gấp"
    actual: Operand
    percent: bool = False
    # more figures the bound summarises: the actual value is actual + Σ more ("hơn 4,5 tỷ đồng (2,1 tỷ + 2,2 tỷ)")
    more: list[Operand] = field(default_factory=list)
    # the value the actual is compared with: actual / base ("gấp 1,2 lần", "trên 30% (125/380)"; ·100 if percent)
    base: Operand | None = None


@dataclass(slots=True)
class Candidate:
    """One relation the text states, as a finder read it."""

    form: str
    scope: str
    relation: object
    explicit: bool
    anchor: tuple[Block, int, int]
    related: list[tuple[Block, int, int]] = field(default_factory=list)
    # the figures' place in the text, for de-duplication between finders
    key: tuple = ()
