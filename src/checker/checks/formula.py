"""Formulas a document states for its table columns — "(4)=(2)+(3)", "6=5/4*100", "Điểm = Tỷ lệ × Điểm tối
đa / 100" — parsed into a small expression tree (never `eval`) and evaluated over intervals.

Operands are references (a column number, or a name the caller resolves to a column) and constants. Each
reference stands for an interval (a stated figure ± half a unit of its last place, see `tablecells.bounds`);
the result is the interval of every value the formula can take, so a row breaks the formula only when no
values inside its figures' intervals satisfy it.
"""

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable

Interval = tuple[Fraction, Fraction]

_OPS = {"+": "+", "-": "-", "–": "-", "−": "-", "×": "*", "*": "*", "x": "*", "X": "*", "/": "/",
        ":": "/", "÷": "/"}
_NUMBER = re.compile(r"[0-9]+(?:,[0-9]+)?")
_REF = re.compile(r"\(\s*([0-9]{1,2})\s*\)")


@dataclass(frozen=True, slots=True)
class Node:
    """One node of a formula: an operator with two operands, a reference, or a constant."""

    op: str  # "+", "-", "*", "/", "ref", "const", "neg"
    left: "Node | None" = None
    right: "Node | None" = None
    ref: object = None
    const: Fraction | None = None

    def refs(self) -> list:
        if self.op == "ref":
            return [self.ref]
        out = []
        for n in (self.left, self.right):
            if n is not None:
                out.extend(n.refs())
        return out

    def consts(self) -> list[Fraction]:
        if self.op == "const":
            return [self.const]
        out = []
        for n in (self.left, self.right):
            if n is not None:
                out.extend(n.consts())
        return out

    def has_op(self, op: str) -> bool:
        return self.op == op or any(n is not None and n.has_op(op) for n in (self.left, self.right))

    def additive(self) -> bool:
        """Only sums and differences of references (a blank operand then counts as 0)."""
        if self.op == "ref":
            return True
        if self.op in ("+", "-"):
            return self.left.additive() and self.right.additive()
        return False

    def evaluate(self, env: Callable[[object], Interval]) -> Interval | None:
        """The interval of the formula's values; None when a division by an interval holding 0 is asked."""
        if self.op == "ref":
            return env(self.ref)
        if self.op == "const":
            return self.const, self.const
        if self.op == "neg":
            x = self.left.evaluate(env)
            return None if x is None else (-x[1], -x[0])
        a, b = self.left.evaluate(env), self.right.evaluate(env)
        if a is None or b is None:
            return None
        if self.op == "+":
            return a[0] + b[0], a[1] + b[1]
        if self.op == "-":
            return a[0] - b[1], a[1] - b[0]
        if self.op == "*":
            ps = [x * y for x in a for y in b]
            return min(ps), max(ps)
        if b[0] <= 0 <= b[1]:
            return None
        qs = [x / y for x in a for y in b]
        return min(qs), max(qs)

    def show(self, names: Callable[[object], str]) -> str:
        """The formula written out with each reference replaced by `names(ref)` (its figure, say)."""
        if self.op == "ref":
            return names(self.ref)
        if self.op == "const":
            return _fmt_const(self.const)
        if self.op == "neg":
            return "-" + self.left.show(names)
        sym = {"+": " + ", "-": " - ", "*": " × ", "/": " / "}[self.op]
        left, right = self.left.show(names), self.right.show(names)
        if self.op in ("*", "/") and self.left.op in ("+", "-"):
            left = f"({left})"
        if (self.op in ("*", "/", "-") and self.right.op in ("+", "-")) or (self.op == "/" and self.right.op in ("*", "/")):
            right = f"({right})"
        return left + sym + right


def _fmt_const(x: Fraction) -> str:
    if x.denominator == 1:
        return str(x.numerator)
    return f"{float(x):g}".replace(".", ",")


# --- tokens ----------------------------------------------------------------------------------

def tokens_numbered(text: str, known: set[int]) -> list[tuple] | None:
    """Tokens of a column-number formula. "(2)" is always a column; a bare number is a column when the formula
    writes none in brackets ("4=2+3") and the table has that column, else a constant ("(6)=(5)/(4)*100")."""
    bracketed = bool(_REF.search(text))
    out: list[tuple] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        m = _REF.match(text, i)
        if m:
            out.append(("ref", int(m.group(1))))
            i = m.end()
            continue
        m = _NUMBER.match(text, i)
        if m:
            value = int(m.group(0)) if m.group(0).isdigit() else None
            if not bracketed and value is not None and value in known:
                out.append(("ref", value))
            else:
                out.append(("num", Fraction(m.group(0).replace(",", "."))))
            i = m.end()
            continue
        if ch in _OPS:
            out.append(("op", _OPS[ch]))
        elif ch == "(":
            out.append(("lp",))
        elif ch == ")":
            out.append(("rp",))
        elif ch == "%":
            pass
        else:
            return None
        i += 1
    return out


_NAMED_SPLIT = re.compile(r"(\(\s*%\s*\)|%|\(|\)|[+\-–−×*/:÷]|(?<=\s)[xX](?=\s)|[0-9]+(?:,[0-9]+)?)")


def tokens_named(text: str, resolve: Callable[[str], object | None]) -> list[tuple] | None:
    """Tokens of a formula written with names ("Tỷ lệ × Điểm tối đa / 100"): each run of words is a name that
    `resolve` turns into a reference (None: the formula cannot be read)."""
    out: list[tuple] = []
    for part in _NAMED_SPLIT.split(text):
        if part is None:
            continue
        p = part.strip()
        if not p or p in ("%",) or re.fullmatch(r"\(\s*%\s*\)", p):
            continue
        if p in _OPS:
            out.append(("op", _OPS[p]))
        elif p == "(":
            out.append(("lp",))
        elif p == ")":
            out.append(("rp",))
        elif _NUMBER.fullmatch(p):
            out.append(("num", Fraction(p.replace(",", "."))))
        else:
            ref = resolve(p)
            if ref is None:
                return None
            out.append(("ref", ref))
    return out


# --- parsing ---------------------------------------------------------------------------------

class _Parser:
    def __init__(self, toks: list[tuple]):
        self.toks, self.i = toks, 0

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self):
        t = self.peek()
        self.i += 1
        return t

    def expr(self) -> Node:
        node = self.term()
        while (t := self.peek()) is not None and t[0] == "op" and t[1] in "+-":
            self.take()
            node = Node(t[1], node, self.term())
        return node

    def term(self) -> Node:
        node = self.factor()
        while (t := self.peek()) is not None and t[0] == "op" and t[1] in "*/":
            self.take()
            node = Node(t[1], node, self.factor())
        return node

    def factor(self) -> Node:
        t = self.take()
        if t is None:
            raise ValueError("unexpected end")
        if t[0] == "ref":
            return Node("ref", ref=t[1])
        if t[0] == "num":
            return Node("const", const=t[1])
        if t[0] == "op" and t[1] == "-":
            return Node("neg", self.factor())
        if t[0] == "lp":
            node = self.expr()
            if self.take() != ("rp",):
                raise ValueError("unbalanced")
            return node
        raise ValueError(f"unexpected {t}")


def parse(toks: list[tuple] | None) -> Node | None:
    """The expression tree of a token list, or None when it is not a well-formed formula with a reference."""
    if not toks:
        return None
    p = _Parser(toks)
    try:
        node = p.expr()
    except (ValueError, IndexError):
        return None
    if p.i != len(toks) or not node.refs() or node.op in ("ref", "const"):
        return None
    return node
