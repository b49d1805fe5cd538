"""Figures in report text: numbers, percentages, ratios, pairs, quantities, dates, periods, spans, link words.

The grammar lives in `grammar/figures.lark` (LALR, contextual lexer). Its lexer terminals and flat
rules ship compiled in `grammar/figures.tables.json` (stamped with the grammar's SHA-256), so a run
needs no parser build; when the grammar changes, Lark builds it on first use instead, and a test keeps
both paths equivalent. Free text falls through to ignored filler terminals, so every string is
accepted; on any unexpected failure `extract` returns the figures it could read (never raises).

Public API (contract in FIGURES_API.md): `parse_number`, `numbers`, `extract` and
the figure dataclasses. Spans are 0-based [start, end) offsets into the text given,
and `text[start:end] == fig.text` always holds.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import ClassVar, Union

from .numbers import MAX_FIGURE_DIGITS

__all__ = [
    "Number", "Percent", "Ratio", "Pair", "Quantity", "Date", "Period", "YearSpan", "Link",
    "Figure", "parse_number", "numbers", "extract", "overlong_spans", "COUNT_UNITS", "MEASURE_UNITS",
]


# --- figure types ------------------------------------------------------------
#
# Figures are values: nothing changes one after it is built (derive another with dataclasses.replace);
# the extraction caches hand the same objects to every rule. They are not declared `frozen` only because
# a frozen dataclass sets each field through object.__setattr__, which makes building one 3-5x slower,
# and a 50 KB report builds over a thousand; `unsafe_hash` keeps them hashable by value all the same.

@dataclass(slots=True, unsafe_hash=True)
class Number:
    """A number as written, with its value read in Vietnamese format and the other readings it allows."""

    text: str
    start: int
    end: int
    value: Decimal
    decimals: int
    readings: tuple[tuple[Decimal, int], ...]
    malformed: bool
    style: str  # "vi" | "en" | "plain" | "ambiguous"
    kind: ClassVar[str] = "number"

    @property
    def is_integer(self) -> bool:
        return self.decimals == 0 and not self.malformed


@dataclass(slots=True, unsafe_hash=True)
class Percent:
    """A percentage ('70,87%')."""

    text: str
    start: int
    end: int
    number: Number
    kind: ClassVar[str] = "percent"


@dataclass(slots=True, unsafe_hash=True)
class Ratio:
    """A ratio of two numbers, with the noun that follows it ('112/158 đảng viên')."""

    text: str
    start: int
    end: int
    num: Number
    den: Number
    noun: str | None
    kind: ClassVar[str] = "ratio"


@dataclass(slots=True, unsafe_hash=True)
class Pair:
    """An actual/target pair of percentages ('83,21/82%')."""

    text: str
    start: int
    end: int
    actual: Number
    target: Number
    kind: ClassVar[str] = "pair"


@dataclass(slots=True, unsafe_hash=True)
class Quantity:
    """A number with a unit ('4.180m2', '86,27 tỷ đồng')."""

    text: str
    start: int
    end: int
    number: Number
    unit: str
    kind: ClassVar[str] = "quantity"


@dataclass(slots=True, unsafe_hash=True)
class Date:
    """A calendar date, whole or partial ('26/6/2023', 'tháng 6/2024'), and whether it exists."""

    text: str
    start: int
    end: int
    day: int | None
    month: int | None
    year: int | None
    valid: bool
    kind: ClassVar[str] = "date"


@dataclass(slots=True, unsafe_hash=True)
class Period:
    """A reporting period ('quý II/2024', '6 tháng đầu năm 2024')."""

    text: str
    start: int
    end: int
    period: str  # "month" | "quarter" | "half" | "nine_months" | "year" | "months"
    index: int | None
    year: int | None
    kind: ClassVar[str] = "period"


@dataclass(slots=True, unsafe_hash=True)
class YearSpan:
    """A span of years ('2020 - 2025')."""

    text: str
    start: int
    end: int
    first: int
    last: int
    kind: ClassVar[str] = "yearspan"


@dataclass(slots=True, unsafe_hash=True)
class Link:
    """A word that ties figures together ('đạt', 'chiếm', 'tăng')."""

    text: str
    start: int
    end: int
    word: str  # lower-cased link word
    kind: ClassVar[str] = "link"


Figure = Union[Number, Percent, Ratio, Pair, Quantity, Date, Period, YearSpan, Link]

# Units that measure (decimals allowed) vs counting nouns (whole counts).
MEASURE_UNITS = frozenset("""tỷ đồng|tỉ đồng|triệu đồng|nghìn đồng|ngàn đồng|tỷ|tỉ|triệu|nghìn|ngàn|đồng|USD|ha|
km2|km²|km|m2|m²|m3|m³|m|tấn|kg|tạ|lít|giờ|phút|ngày|tháng|năm|tuổi|km đường""".replace("\n", "").split("|"))
COUNT_UNITS_NOTE = "every other unit of the grammar is a counting noun"


def is_count_unit(unit: str | None) -> bool:
    return bool(unit) and unit not in MEASURE_UNITS


COUNT_UNITS = None  # kept for the name in __all__: use is_count_unit()


# --- numbers -----------------------------------------------------------------

_NUM_RE = re.compile(r"\d+(?:[.,]\d+)*")


_SEP_SPLIT = re.compile(r"([.,])")


def _readings(s: str) -> tuple[tuple[tuple[Decimal, int], ...], str, bool]:
    """(readings best first, style, malformed) of one number token."""
    if s.isdigit():
        return ((Decimal(s), 0),), "plain", False
    groups = _SEP_SPLIT.split(s)
    digits = groups[0::2]  # digit groups, between the separators
    seps = groups[1::2]
    commas = seps.count(",")
    dots = len(seps) - commas
    first, rest = digits[0], digits[1:]
    lead_ok = 1 <= len(first) <= 3
    three = _all_three(rest)

    if commas == 0:  # only dots
        if lead_ok and three:
            if dots == 1:  # 12.132: thousands (vi) or a decimal (en)
                return ((Decimal("".join(digits)), 0), (Decimal(first + "." + rest[0]), 3)), "vi", False
            return ((Decimal("".join(digits)), 0),), "vi", False
        if dots == 1:  # 99.38, 5.15: an English decimal point
            return ((Decimal(first + "." + rest[0]), len(rest[0])),), "en", False
        return ((Decimal("".join(digits)), 0),), "vi", True  # 1.23.456
    if dots == 0:  # only commas
        if commas == 1:
            dec = (Decimal(first + "." + rest[0]), len(rest[0]))
            if lead_ok and len(rest[0]) == 3:  # 654,935: decimal (vi) or thousands (en)
                return (dec, (Decimal("".join(digits)), 0)), "ambiguous", False
            return (dec,), "vi", False
        if lead_ok and three:  # 1,234,567
            return ((Decimal("".join(digits)), 0),), "en", False
        return ((Decimal("".join(digits)), 0),), "vi", True
    # both separators: the last one is the decimal point if every one before it is the other kind
    frac = digits[-1]
    body_three = lead_ok and _all_three(digits[1:-1])
    if seps[-1] == "," and commas == 1 and body_three:  # 1.234,5
        return ((Decimal("".join(digits[:-1]) + "." + frac), len(frac)),), "vi", False
    if seps[-1] == "." and dots == 1 and body_three:  # 1,234.5
        return ((Decimal("".join(digits[:-1]) + "." + frac), len(frac)),), "en", False
    return ((Decimal("".join(digits)), 0),), "vi", True


def _all_three(groups: list) -> bool:
    """Every digit group has three digits (thousands groups)."""
    for g in groups:
        if len(g) != 3:
            return False
    return True


@lru_cache(maxsize=65536)
def _number_parts(s: str):
    try:
        return _readings(s)
    except Exception:  # pragma: no cover - defensive
        return ((Decimal(0), 0),), "vi", True


def _overlong(tok: str) -> bool:
    """Whether a number token ("12.132", or "a/b") has a number of more than MAX_FIGURE_DIGITS digits: no
    report states such a figure (a code, or garbage), and none is recomputed."""
    if len(tok) <= MAX_FIGURE_DIGITS:
        return False
    for part in tok.split("/"):
        if len(part) - part.count(".") - part.count(",") > MAX_FIGURE_DIGITS:
            return True
    return False


_LONG_DIGITS = re.compile(r"\d[\d.,]{%d,}" % MAX_FIGURE_DIGITS)  # what an over-long number needs


def _number(s: str, start: int) -> Number:
    readings, style, malformed = _number_parts(s)
    value, decimals = readings[0]
    return Number(s, start, start + len(s), value, decimals, readings, malformed, style)


def parse_number(s: str) -> Number | None:
    """One number token as written ("12.132", "85,17", "09", "5.15"), or None if it is not one."""
    if not isinstance(s, str):
        return None
    t = s.strip()
    if not t or not _NUM_RE.fullmatch(t) or _overlong(t):
        return None
    return _number(t, s.index(t))


def numbers(text: str) -> tuple[Number, ...]:
    """Every number token in the text (digits not inside a word), in order."""
    try:
        return _numbers(text)
    except Exception:  # pragma: no cover
        return ()


@lru_cache(maxsize=65536)
def _numbers(text: str) -> tuple[Number, ...]:
    out = []
    for m in _NUM_RE.finditer(text):
        s = m.start()
        if s > 0 and (text[s - 1].isalpha() or text[s - 1] == "_") or _overlong(m.group()):
            continue
        out.append(_number(m.group(), s))
    return tuple(out)


def as_count(n: Number) -> Number:
    """The number read as a whole count: a count with no whole reading is malformed ("5.15 cuộc")."""
    if n.malformed:
        return n
    if n.style == "plain":  # digits only: already a whole count
        return n
    whole = tuple(r for r in n.readings if r[1] == 0)
    if not whole:
        if "." not in n.text:  # a decimal comma ("gấp 1,2 lần", "1,5 điểm"): a measure, not a bad count
            return n
        return Number(n.text, n.start, n.end, n.value, n.decimals, n.readings, True, n.style)
    if whole != n.readings:
        return Number(n.text, n.start, n.end, whole[0][0], 0, whole + tuple(r for r in n.readings if r[1]),
                      n.malformed, n.style)
    return n


# --- the parser --------------------------------------------------------------

_parser = None
_lock = threading.Lock()
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _get_parser():
    global _parser
    if _parser is None:
        with _lock:
            if _parser is None:
                from lark import Lark

                from .resources import grammar_path

                path = grammar_path("figures.lark")
                from lark.lexer import Lexer, Token

                def lex(self, text):  # lark Tokens, for parser.parse (a cross-check of `_parse`)
                    for t in _FigureLexer.lex(self, text):
                        yield Token(t.type, str(t), start_pos=t.start_pos, end_pos=t.end_pos)

                lexer = type("FigureLexer", (_FigureLexer, Lexer), {"lex": lex})
                _parser = Lark(path.read_text(encoding="utf-8"), parser="lalr", lexer=lexer,
                               propagate_positions=False, maybe_placeholders=False)
    return _parser


_engine = None


class _Node:
    __slots__ = ("data", "children")

    def __init__(self, data, children):
        self.data, self.children = data, children


class _Tok(str):
    """A token: its text, terminal name and span (what `_build` reads from a lark Token)."""

    __slots__ = ("type", "start_pos", "end_pos")


def _get_engine():
    """(lexer, rules of one terminal, rules of two terminals), read from the compiled grammar.

    The grammar is flat (`start: _item*`, each item one or two terminals, the second only a
    PCT/UNIT glued to a number), so grouping the lexer's tokens greedily by the grammar's own
    rules yields exactly the LALR parse without driving the parser token by token.

    What the engine needs from the grammar (terminal regexes and priorities, the flat rules) is
    shipped beside it in `figures.tables.json`, stamped with the grammar's SHA-256: when the stamp
    matches, lark is not imported at all (importing it and building the LALR tables cost about
    100 ms of a cold run). When it does not (the grammar was edited), the tables are derived from
    lark as before; `python -m checker.figures` rewrites the file.
    """
    global _engine
    if _engine is None:
        tables = _shipped_tables()
        if tables is None:
            tables = grammar_tables(_get_parser())
        with _lock:
            if _engine is None:
                _engine = _engine_from(tables)
    return _engine


_TABLES_FILE = "figures.tables.json"


def _grammar_text() -> str:
    from .resources import grammar_path

    return grammar_path("figures.lark").read_text(encoding="utf-8")


def _grammar_stamp(text: str) -> str:
    """Tells whether the shipped tables were derived from this grammar text. A CRC-32 and the length
    catch any edit; nothing here needs a cryptographic hash, whose module (OpenSSL) takes ~3 ms to load."""
    import zlib

    data = text.encode("utf-8")
    return f"crc32:{zlib.crc32(data):08x}:{len(data)}"


def grammar_tables(parser) -> dict:
    """The lexer terminals (name, regex, priority), ignored names and flat rules of the lark parser."""
    single, double = {}, []
    for r in parser.rules:
        names = [str(sym.name) for sym in r.expansion]
        if r.origin.name.startswith("_") or not names or not all(sym.is_term for sym in r.expansion):
            continue
        if len(names) == 1:
            single[names[0]] = str(r.origin.name)
        elif len(names) == 2:
            double.append([names[0], names[1], str(r.origin.name)])
    conf = parser.lexer_conf
    terminals = [[t.name, t.pattern.to_regexp(), t.priority]
                 for t in sorted(conf.terminals, key=lambda t: (-t.priority, t.name))]
    ignore = sorted(conf.ignore)
    # the lexer's own two patterns, derived from the terminals (a few ms of regex analysis per run)
    lexer = _FigureLexer([tuple(t) for t in terminals], frozenset(ignore))
    patterns = {"main": lexer._main.pattern, "after": lexer._after.pattern,
                "names": sorted(lexer._terminal_names)}
    return {"terminals": terminals, "ignore": ignore, "single": single, "double": double, "lexer": patterns}


def _shipped_tables() -> dict | None:
    import json

    from .resources import grammar_path

    try:
        data = json.loads(grammar_path(_TABLES_FILE).read_text(encoding="utf-8"))
        if data.get("grammar_stamp") != _grammar_stamp(_grammar_text()):
            return None
        return data
    except (OSError, ValueError, AttributeError):
        return None


def write_tables() -> str:
    """Regenerates `figures.tables.json` from the grammar (needs lark); returns its path."""
    import json

    from .resources import grammar_path

    data = {"grammar_stamp": _grammar_stamp(_grammar_text()), **grammar_tables(_get_parser())}
    path = grammar_path(_TABLES_FILE)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return str(path)


def _engine_from(tables: dict):
    double = {(a, b): rule for a, b, rule in tables["double"]}
    patterns = tables.get("lexer")
    if patterns:
        lexer = _FigureLexer.from_patterns(patterns["main"], patterns["after"], patterns["names"])
    else:
        lexer = _FigureLexer([tuple(t) for t in tables["terminals"]], frozenset(tables["ignore"]))
    return lexer, dict(tables["single"]), double


def _parse(text: str) -> _Node:
    lexer, single, double = _get_engine()
    toks = list(lexer.lex(text))
    out = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if i + 1 < n:
            rule = double.get((t.type, toks[i + 1].type))
            if rule is not None:
                out.append(_Node(rule, [t, toks[i + 1]]))
                i += 2
                continue
        rule = single.get(t.type)
        if rule is not None:
            out.append(_Node(rule, [t]))
        i += 1
    return _Node("start", out)


# Terminals that may only follow a number or a fraction, glued to it by at most three spaces.
_AFTER_NUMBER = ("PCT", "UNIT")


def _token(name: str, value: str, start_pos: int, end_pos: int):
    t = _Tok(value)
    t.type, t.start_pos, t.end_pos = name, start_pos, end_pos
    return t
_NUMBER_TERMINALS = ("NUM", "FRAC")


def _first_chars(rx: str) -> set[str] | None:
    """The characters a match of `rx` can start with ("\\d" stands for any digit), or None when the
    pattern uses a construct this small analysis does not follow. Case is not expanded: the caller
    matches the set case-insensitively, which only ever widens it."""
    try:
        from re import _constants as C, _parser as P
    except ImportError:  # pragma: no cover - another Python's internals
        return None

    def seq(items):
        out = set()
        for op, av in items:
            r = one(op, av)
            if r is None:
                return None
            chars, nullable = r
            out |= chars
            if not nullable:
                return out, False
        return out, True

    def one(op, av):
        if op is C.LITERAL:
            return {chr(av)}, False
        if op is C.IN:
            chars = set()
            for o, a in av:
                if o is C.LITERAL:
                    chars.add(chr(a))
                elif o is C.RANGE and a[1] - a[0] < 512:
                    chars |= {chr(i) for i in range(a[0], a[1] + 1)}
                elif o is C.CATEGORY and a is C.CATEGORY_DIGIT:
                    chars.add("\\d")
                else:
                    return None
            return chars, False
        if op is C.SUBPATTERN:
            return seq(av[3])
        if op is C.BRANCH:
            chars, nullable = set(), False
            for b in av[1]:
                r = seq(b)
                if r is None:
                    return None
                chars |= r[0]
                nullable |= r[1]
            return chars, nullable
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            r = seq(av[2])
            return None if r is None else (r[0], r[1] or av[0] == 0)
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            return set(), True
        return None

    try:
        r = seq(P.parse(rx))
    except Exception:  # pragma: no cover
        return None
    if r is None or r[1]:
        return None
    return r[0]


def _fast_main(groups):
    """The lexer's main regex with a first-character gate: a position is tried only when it holds a
    digit or (case-insensitively) a letter some letter-led terminal can start with, and each branch
    holds only the terminals that can start that way. Same matches as the plain alternation (the
    order of the terminals is kept); None when a terminal's first characters cannot be told."""
    digit_led, letter_led, letters = [], [], set()
    for name, rx in groups:
        chars = _first_chars(rx)
        if chars is None:
            return None
        lead = {c for c in chars if c != "\\d" and not c.isdigit()}
        if any(not c.isalpha() for c in lead):  # led by punctuation: not a word start; keep it simple
            return None
        if len(lead) != len(chars):
            digit_led.append((name, rx))
        if lead:
            letter_led.append((name, rx))
            letters |= lead
    digit = "|".join(f"(?P<{n}>{r})" for n, r in digit_led) or "(?!)"
    letter = "|".join(f"(?P<W{n}>{r})" for n, r in letter_led) or "(?!)"
    gate = "".join(sorted(re.escape(c) for c in letters))
    return re.compile(r"(?=(?i:[\d" + gate + r"]))(?:(?<!\w)(?=\d)(?:" + digit + r")|(?<![^\W\d])(?=\D)(?:"
                      + letter + "))")


_WORD_LIST = re.compile(r"\(\?i:([^()\[\]\\?*+{}.^$|]+(?:\|[^()\[\]\\?*+{}.^$|]+)*)\)(.*)", re.S)


def _by_first_letter(rx: str) -> str:
    """A terminal that is a case-insensitive list of words ("(?i:so với cùng kỳ|đạt và vượt|…|đạt)(?!\\w)") with
    the words grouped by their first letter ("(?i:s(?:o với …)|đ(?:ạt và vượt|ạt)|…)"), so a word start that
    begins none of them fails after a few letters, not after every word. Same matches: within a group the
    words keep their order, and words of different groups cannot both match at one place (their first
    letters differ even case-insensitively, which is checked). Any other pattern is returned as is."""
    m = _WORD_LIST.fullmatch(rx)
    if m is None:
        return rx
    groups: list[list[str]] = []
    for word in m.group(1).split("|"):
        for g in groups:
            if re.fullmatch("(?i:%s)" % re.escape(g[0][0]), word[0]):
                g.append(word)
                break
        else:
            groups.append([word])
    leads = [g[0][0] for g in groups]
    for a in leads:  # the groups' letters must be pairwise different under the case-insensitive match
        if sum(1 for b in leads if re.fullmatch("(?i:%s)" % re.escape(a), b)) != 1:
            return rx
    for g in groups:  # and every word of a group must start with a letter its lead matches both ways
        if any(not re.fullmatch("(?i:%s)" % re.escape(w[0]), g[0][0]) for w in g):
            return rx
    alts = []
    for g in groups:
        if len(g) == 1:
            alts.append(re.escape(g[0]))
        else:
            alts.append(re.escape(g[0][0]) + "(?:" + "|".join(re.escape(w[1:]) for w in g) + ")")
    return "(?i:" + "|".join(alts) + ")" + m.group(2)


class _FigureLexer:
    """Lexer for the figure grammar: one C-level regex scan over the text.

    It uses the grammar's own terminals, in the grammar's priority order, but jumps over free
    text (the ignored WORD/FILLER terminals) inside the regex engine instead of producing one
    ignored token per word: only figure tokens and link words reach the LALR parser. PCT and
    UNIT are tried only right after a NUM or FRAC (what the contextual lexer allowed), glued by
    spaces (`_GLUE`). A terminal starting with a letter must start a word; one starting with a
    digit must not continue a word ("H5N1", "CT12").
    """

    def __init__(self, terminals, ignore=()):
        """`terminals`: (name, regex, priority) in priority order (highest first, then by name)."""
        if not isinstance(terminals, list):  # a lark LexerConf (lark builds its lexer class with one)
            conf = terminals
            terminals = [(t.name, t.pattern.to_regexp(), t.priority)
                         for t in sorted(conf.terminals, key=lambda t: (-t.priority, t.name))]
            ignore = conf.ignore
        after, groups = [], []
        unit_priority = min(p for name, _, p in terminals if name in _AFTER_NUMBER)
        for name, rx, priority in terminals:
            if name in ignore:
                continue
            rx = _by_first_letter(rx)
            if name in _AFTER_NUMBER:
                after.append(f"(?P<{name}>{rx})")
                continue
            if priority > unit_priority:  # wins over a unit after a number ("2 năm 2023")
                after.append(f"(?P<_{name}>{rx})")
            groups.append((name, rx))
        self._terminal_names = frozenset(n for n, _ in groups)
        # A token starting with a digit must not continue a word ("H5N1", "CT12"); one starting with
        # a letter must start a word. Each terminal appears in both branches (W-prefixed in the
        # letter branch); its own pattern decides which one can match.
        digit = "|".join(f"(?P<{n}>{r})" for n, r in groups)
        letter = "|".join(f"(?P<W{n}>{r})" for n, r in groups)
        self._main = _fast_main(groups)
        if self._main is None:  # a terminal whose first characters we cannot tell: every word start
            self._main = re.compile(r"(?<!\w)(?=\d)(?:" + digit + r")|(?<![^\W\d])(?=[^\W\d])(?:" + letter + ")")
        self._after = re.compile(r"[ \t\u00a0]{0,3}(?:" + "|".join(after) + ")")

    @classmethod
    def from_patterns(cls, main: str, after: str, names) -> "_FigureLexer":
        """The lexer from its two patterns as `__init__` derived them (shipped in figures.tables.json)."""
        lexer = cls.__new__(cls)
        lexer._main, lexer._after = re.compile(main), re.compile(after)
        lexer._terminal_names = frozenset(names)
        return lexer

    def matches(self, text: str):
        """(terminal, match, glued terminal or None, its match or None) for every token the lexer finds:
        a PCT/UNIT matched right after a NUM/FRAC (only `_GLUE` between) comes with it."""
        main, after = self._main.search, self._after.match
        terminal_names = self._terminal_names
        pos, n = 0, len(text)
        while pos < n:
            m = main(text, pos)
            if m is None:
                return
            name = m.lastgroup
            if name[0] == "W" and name not in terminal_names:
                name = name[1:]
            pos = m.end()
            if name in _NUMBER_TERMINALS:
                m2 = after(text, pos)
                if m2 is not None and m2.lastgroup[0] != "_":
                    pos = m2.end()
                    yield name, m, m2.lastgroup, m2
                    continue
            yield name, m, None, None

    def lex(self, text):
        Token = _token
        for name, m, name2, m2 in self.matches(text):
            s, e = m.span()
            yield Token(name, m.group(), start_pos=s, end_pos=e)
            if name2 is not None:
                s2, e2 = m2.span(name2)
                yield Token(name2, m2.group(name2), start_pos=s2, end_pos=e2)


def _days_in_month(m: int, y: int | None) -> int:
    if m == 2:
        if y is None:
            return 29
        return 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28
    return 30 if m in (4, 6, 9, 11) else 31


def _make_date(text: str, start: int, d: int | None, m: int | None, y: int | None) -> Date:
    valid = True
    if m is not None and not 1 <= m <= 12:
        valid = False
    elif d is not None and m is not None and not 1 <= d <= _days_in_month(m, y):
        valid = False
    return Date(text, start, start + len(text), d, m, y, valid)


_PRE_DATE_WORD = re.compile(r"(?:ngày|hôm|đêm|sáng|chiều|tối|từ|đến|đợt|dịp|lễ)\s*$", re.I)
_DIGITS = re.compile(r"\d+")


def _frac_figure(text: str, tok: str, start: int, unit: str | None, unit_end: int | None):
    """A/B token: a ratio, a day/month date ("ngày 14/3", "(27/7)") or a month/year ("6/2024")."""
    a_s, b_s = tok.split("/", 1)
    a, b = _number(a_s, start), _number(b_s, start + len(a_s) + 1)
    if unit is None and a_s.isdigit() and b_s.isdigit():
        ai, bi = int(a_s), int(b_s)
        before = text[max(0, start - 8):start]
        after = text[start + len(tok):start + len(tok) + 2]
        if len(b_s) == 4 and 1900 <= bi <= 2100 and 1 <= ai <= 12 and len(a_s) <= 2:
            return _make_date(tok, start, None, ai, bi)
        if len(a_s) <= 2 and len(b_s) <= 2 and 1 <= ai <= 31 and 1 <= bi <= 12:
            if _PRE_DATE_WORD.search(before) or (before.endswith("(") and after.startswith(")")):
                return _make_date(tok, start, ai, bi, None)
    if unit is not None:
        end = unit_end
        return Ratio(text[start:end], start, end, a, b, unit)
    return Ratio(tok, start, start + len(tok), a, b, _noun_after(text, start + len(tok)))


_NOUN_RE = re.compile(r"\s*([^\W\d_]+(?:[ ][^\W\d_]+)?)")


def _noun_after(text: str, pos: int) -> str | None:
    m = _NOUN_RE.match(text, pos)
    return m.group(1).lower() if m else None


_YEAR4 = re.compile(r"\d{4}")
_QUARTER = re.compile(r"qu[ýí]\s+(IV|I{1,3}|[1-4])", re.I)
_MONTH = re.compile(r"tháng\s+(\d{1,2})", re.I)


def _period(tok: str, start: int) -> Period:
    low = tok.lower()
    years = _YEAR4.findall(tok)
    year = int(years[-1]) if years else None
    end = start + len(tok)
    if low.startswith(("quý", "quí")):
        m = _QUARTER.match(tok)
        q = m.group(1).upper() if m else "I"
        idx = _ROMAN.get(q) or int(q)
        return Period(tok, start, end, "quarter", idx, year)
    if low.startswith("tháng"):
        m = _MONTH.match(tok)
        return Period(tok, start, end, "month", int(m.group(1)) if m else None, year)
    if low.startswith("năm"):
        return Period(tok, start, end, "year", None, year)
    n = int(_DIGITS.match(tok).group())
    first_part = "đầu" in low
    if n == 6:
        return Period(tok, start, end, "half", 1 if first_part else 2, year)
    if n == 9 and first_part:
        return Period(tok, start, end, "nine_months", None, year)
    return Period(tok, start, end, "months", n, year)


_GLUE = re.compile(r"[ \t\u00a0]{0,3}")


def _build(text: str, tree) -> list:
    """The figures of a parse tree (lark's or `_parse`'s): one per item node."""
    out: list = []
    for node in tree.children:
        toks = node.children
        t0 = toks[0]
        if len(toks) > 1:
            t1 = toks[1]
            if _GLUE.fullmatch(text, t0.end_pos, t1.start_pos):
                _add_figure(out, text, node.data, str(t0), t0.start_pos, str(t1), t1.end_pos)
                continue
            # ignored words or punctuation lie between the number and its unit/%: not glued
            kind = _UNGLUED.get(node.data, node.data)
        else:
            kind = node.data
        _add_figure(out, text, kind, str(t0), t0.start_pos, None, 0)
    return out


_UNGLUED = {"percent": "number", "quantity": "number", "pair": "ratio"}
_DATE_SEP = re.compile(r"[/.-]")


_NUMERIC_KINDS = frozenset({"number", "quantity", "percent", "pair", "ratio"})


def _add_figure(out: list, text: str, kind: str, tok: str, s: int, tok2: str | None, e2: int) -> None:
    """Appends the figure of one grammar item: `kind` (the rule), its first token `tok` at offset `s` and,
    for a two-token rule, the glued second token `tok2` (a % or a unit) ending at `e2`."""
    if kind in _NUMERIC_KINDS and _overlong(tok):
        return  # not a figure (see `overlong_numbers`)
    if kind == "number":
        out.append(_number(tok, s))
    elif kind == "quantity":
        n = _number(tok, s)
        if is_count_unit(tok2):
            n = as_count(n)
        out.append(Quantity(text[s:e2], s, e2, n, tok2))
    elif kind == "link":
        out.append(Link(tok, s, s + len(tok), tok.lower()))
    elif kind == "percent":
        out.append(Percent(text[s:e2], s, e2, _number(tok, s)))
    elif kind == "pair":
        a_s, b_s = tok.split("/", 1)
        a, b = _number(a_s, s), _number(b_s, s + len(a_s) + 1)
        out.append(Pair(text[s:e2], s, e2, a, b))
    elif kind == "ratio":
        fig = _frac_figure(text, tok, s, tok2, e2 if tok2 is not None else None)
        if isinstance(fig, Ratio) and is_count_unit(fig.noun) and tok2 is not None:
            fig = replace(fig, num=as_count(fig.num), den=as_count(fig.den))
        out.append(fig)
    elif kind == "date":
        d, m, y = (int(p) for p in _DATE_SEP.split(tok))
        if y < 100:
            y += 2000
        out.append(_make_date(tok, s, d, m, y))
    elif kind == "long_date":
        d, m, y = (int(x) for x in _DIGITS.findall(tok))
        out.append(_make_date(tok, s, d, m, y))
    elif kind == "period":
        out.append(_period(tok, s))
    elif kind == "yearspan":
        y1, y2 = (int(x) for x in _YEAR4.findall(tok))
        out.append(YearSpan(tok, s, s + len(tok), y1, y2))
    # docref: a document number, not a figure


def _items(text: str) -> list:
    """The grammar items of the text, as `_parse` groups them, without token or node objects:
    (rule, first token, its start, glued second token or None, its end).

    From the same matches as `_FigureLexer.lex`: a PCT/UNIT glued to a NUM/FRAC forms a two-token rule
    with it, as `_parse` pairs them."""
    lexer, single, double = _get_engine()
    out: list = []
    for name, m, name2, m2 in lexer.matches(text):
        if name2 is not None:
            rule = double.get((name, name2))
            if rule is not None:
                out.append((rule, m.group(), m.start(), m2.group(name2), m2.end()))
                continue
            # no rule joins them: each token on its own (a lone PCT/UNIT is no item)
        rule = single.get(name)
        if rule is not None:
            out.append((rule, m.group(), m.start(), None, 0))
    return out


_HAS_DIGIT = re.compile(r"\d")
_LINK_WORD = re.compile(r"(?i:trong đó|tỷ lệ|tỉ lệ|đạt|chiếm|gồm|còn lại|tồn|tăng|giảm|kỷ niệm|vượt|tổng)")
# A heading label at the start of a block ("1.", "1.1.", "II.", "a)") is not a figure.
_LABEL = re.compile(r"\s*(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*)[.)](?=\s)|\s*\d{1,2}(?:\.\d{1,2})+(?=\s)")


def extract(text: str) -> tuple:
    """Every figure in the text, in order (top-level figures only)."""
    if not isinstance(text, str) or not _HAS_DIGIT.search(text):
        return ()
    try:
        return _extract(text)
    except Exception:  # pragma: no cover - defensive: never raise on user text
        return ()


def _is_one_number(text: str) -> bool:
    """A table cell that is one number ("1.234", "12,5"), not a date ("01.02.2024")."""
    if not _NUM_RE.fullmatch(text):
        return False
    m = _get_engine()[0]._main.match(text)
    return m is not None and m.lastgroup == "NUM" and m.end() == len(text)


def _label_end(text: str) -> int:
    m = _LABEL.match(text)
    return m.end() if m else 0


@lru_cache(maxsize=65536)
def _extract(text: str) -> tuple:
    if _is_one_number(text):
        return () if _overlong(text) else (_number(text, 0),)
    offset = _label_end(text)
    body = text[offset:] if offset else text
    try:
        items = _items(body)
    except Exception:
        return _fallback(text, offset)
    figs: list = []
    for kind, tok, s, tok2, e2 in items:
        _add_figure(figs, body, kind, tok, s, tok2, e2)
    if offset:
        figs = [_shift(f, offset, text) for f in figs]
    return tuple(figs)


def overlong_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the figures `extract` leaves out because a number in them has more than MAX_FIGURE_DIGITS
    digits ("999…9/4", "12345678901234567890123 hộ"): figure-like text not understood, for the coverage."""
    if not isinstance(text, str) or not _LONG_DIGITS.search(text):
        return ()
    try:
        return _overlong_spans(text)
    except Exception:  # pragma: no cover - defensive, as `extract`
        return ()


@lru_cache(maxsize=1024)
def _overlong_spans(text: str) -> tuple[tuple[int, int], ...]:
    if _is_one_number(text):
        return ((0, len(text)),) if _overlong(text) else ()
    offset = _label_end(text)
    out = []
    for kind, tok, s, tok2, e2 in _items(text[offset:] if offset else text):
        if kind in _NUMERIC_KINDS and _overlong(tok):
            out.append((offset + s, offset + (e2 if tok2 is not None else s + len(tok))))
    return tuple(out)


def clear_caches() -> None:
    """Forgets the parsed texts and numbers (the per-text caches keep every text they saw alive): a batch
    worker calls it after each file, so its memory does not grow with the reports it has already checked."""
    _extract.cache_clear()
    _overlong_spans.cache_clear()
    _numbers.cache_clear()
    _number_parts.cache_clear()


def _shift(f, offset: int, text: str):
    """Moves a figure (and the numbers inside it) by `offset` characters."""
    kw = {"start": f.start + offset, "end": f.end + offset}
    for name in ("number", "num", "den", "actual", "target"):
        inner = getattr(f, name, None)
        if isinstance(inner, Number):
            kw[name] = replace(inner, start=inner.start + offset, end=inner.end + offset)
    return replace(f, **kw)


def _fallback(text: str, offset: int) -> tuple:
    """Bare numbers only, when the parser fails for a reason we did not foresee."""
    return tuple(n for n in numbers(text) if n.start >= offset)


if __name__ == "__main__":  # python -m checker.figures: rewrite grammar/figures.tables.json
    print(write_tables())
