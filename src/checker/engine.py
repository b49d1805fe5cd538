"""The rule engine: loads the rule set, selects rules, runs them over a Document, returns Issues."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterable

from .checks.base import Check, Context, Finding, kinds
from .config import Selection, UnknownSelector
from .document import Block, Document
from .issues import Coverage, Issue, Location, Related, Severity
from .rules import CATEGORY_PREFIX, RuleFileError, RuleSpec, load_rule_file, parsed_cache_batch, rule_files
from .validation import Invalid, validate


@dataclass(frozen=True)
class LoadedRule:
    """A rule ready to run: its spec, its check built with the validated params, and its file."""

    spec: RuleSpec
    check: Check
    path: Path

    @property
    def id(self) -> str:
        return self.spec.id


def build_rule(spec: RuleSpec, path: Path) -> LoadedRule:
    kind = kinds().get(spec.kind)
    if kind is None:
        raise RuleFileError(path, "kind", f"unknown rule kind '{spec.kind}' (known: {', '.join(sorted(kinds()))})")
    try:
        params = validate(kind.Params, spec.params)
    except Invalid as exc:
        raise RuleFileError(path, ".".join(p for p in ("params", exc.field) if p), exc.reason) from None
    return LoadedRule(spec, kind(spec, params), path)


def load_rules(directory: Path | None = None) -> tuple[LoadedRule, ...]:
    """Loads and validates every rule file; raises RuleFileError on the first bad one."""
    if directory is None:
        return _default_rules()
    from . import rulecache

    files = rule_files(directory)
    cached = rulecache.load(directory, files)
    if cached is not None and all(spec.kind in kinds() for spec, _ in cached):
        rules = [LoadedRule(spec, kinds()[spec.kind](spec, params), p) for (spec, params), p in zip(cached, files)]
    else:
        with parsed_cache_batch():
            rules = [build_rule(load_rule_file(p), p) for p in files]
        rulecache.save(directory, files, [(r.spec, r.check.params) for r in rules])
    seen: dict[str, Path] = {}
    for r in rules:
        if r.id in seen:
            raise RuleFileError(r.path, "id", f"{r.id} is already declared in {seen[r.id]}")
        seen[r.id] = r.path
    return tuple(sorted(rules, key=lambda r: r.id))


@cache
def _default_rules() -> tuple[LoadedRule, ...]:
    from .resources import rules_dir

    return load_rules(rules_dir())


# --- selection ---------------------------------------------------------------
#
# As in ruff: a selector is ALL, a category name (`arithmetic`), a rule name, an id prefix (`AR`, `AR0`)
# or a rule id. The rule set is resolved from a sequence of layers (the configuration file, then the
# command line, then the file's per-file-ignores): a layer that gives `select` starts over from it, a
# layer without one adjusts what the earlier layers chose. Inside one layer selectors apply from the
# least to the most specific, so `--select AR001 --ignore AR` keeps AR001; at equal specificity
# `ignore` wins. Before any layer, the rules enabled by default are selected.


def matches(rule: RuleSpec, selector: str) -> bool:
    """A selector is ALL, a rule id, an id prefix (AR, AR0), a category or a rule name, like ruff."""
    s = selector.strip()
    if not s:
        return False
    if s.upper() == "ALL":
        return True
    if s.lower() == rule.category or s.lower() == rule.name:
        return True
    return rule.id.startswith(s.upper())


def specificity(selector: str) -> int:
    """How narrow a selector is: ALL 0, a category or a two-letter prefix 1, a longer prefix one more
    per character, a whole id or a rule name 4 (ruff's order)."""
    s = selector.strip()
    if s.upper() == "ALL":
        return 0
    if s.lower() in CATEGORY_PREFIX:
        return 1
    if "-" in s or len(s) >= 5:  # a rule name, or a whole id
        return 4
    return max(1, len(s) - 1)


def known_selector(selector: str, rules: Iterable[LoadedRule]) -> bool:
    s = selector.strip()
    return s.upper() == "ALL" or s.lower() in CATEGORY_PREFIX or any(matches(r.spec, s) for r in rules)


def check_selectors(selectors: Iterable[str], rules: Iterable[LoadedRule], where: str = "") -> None:
    """Raises UnknownSelector for the first selector that names nothing in `rules`."""
    rules = tuple(rules)
    for s in selectors:
        if not known_selector(s, rules):
            raise UnknownSelector(s, where)


def resolve(rules: Iterable[LoadedRule], layers: Iterable[Selection]) -> list[LoadedRule]:
    """The rules a sequence of selection layers enables, in the rule set's order (see above)."""
    rules = tuple(rules)
    enabled = {r.id for r in rules if r.spec.enabled_by_default}
    for layer in layers:
        on = [s for s in (*(layer.select or ()), *layer.extend_select) if s.strip()]
        off = [s for s in layer.ignore if s.strip()]
        updates: dict[str, bool] = {}
        for level in sorted({specificity(s) for s in (*on, *off)}):
            for selectors, value in ((on, True), (off, False)):
                for s in selectors:
                    if specificity(s) == level:
                        updates.update((r.id, value) for r in rules if matches(r.spec, s))
        if layer.select is not None:
            enabled = {rule_id for rule_id, value in updates.items() if value}
        else:
            enabled |= {rule_id for rule_id, value in updates.items() if value}
            enabled -= {rule_id for rule_id, value in updates.items() if not value}
    return [r for r in rules if r.id in enabled]


def select_rules(rules: Iterable[LoadedRule], select: Iterable[str] | None = None,
                 ignore: Iterable[str] | None = None, *,
                 layers: Iterable[Selection] | None = None) -> list[LoadedRule]:
    """The rules to run: one layer made of `select` and `ignore`, or the given `layers`. Raises
    UnknownSelector for a selector that names nothing."""
    rules = tuple(rules)
    if layers is None:
        select = [s for s in (select or []) if s.strip()]
        layers = [Selection(tuple(select) or None, (), tuple(s for s in (ignore or []) if s.strip()))]
    layers = tuple(layers)
    check_selectors((s for layer in layers for s in layer.selectors() if s.strip()), rules)
    return resolve(rules, layers)


def severity_for(rules: Iterable[LoadedRule], overrides: dict[str, Severity] | None) -> dict[str, Severity]:
    """Per-rule severities from a `[severity]` table whose keys are selectors (ids, prefixes,
    categories): for each rule the most specific selector that matches it wins."""
    if not overrides:
        return {}
    ordered = sorted(overrides.items(), key=lambda kv: specificity(kv[0]))
    out: dict[str, Severity] = {}
    for r in rules:
        for selector, severity in ordered:
            if matches(r.spec, selector):
                out[r.id] = Severity(severity)
    return out


def describe(rule: LoadedRule, lang: str) -> dict[str, object]:
    """A rule as `checker rules --format json` lists it."""
    from .i18n import source_text

    s = rule.spec
    return {"id": s.id, "name": s.name, "category": s.category, "severity": s.severity.value,
            "profiles": list(s.profiles), "enabled_by_default": s.enabled_by_default,
            "summary": s.summary.get(lang) or s.summary["vi"],
            "source": source_text(s.source, lang) if s.source else None}


# --- running -----------------------------------------------------------------

_SENTENCE_ENDS = ".;!?\n"


def sentence_around(text: str, start: int, end: int, limit: int = 220) -> tuple[str, int]:
    """The sentence holding text[start:end] (cut to about `limit` chars), and where it starts.

    The search for the sentence's ends looks at most `limit + 1` characters each side: a sentence longer
    than that is cut to `limit` anyway, and an unbounded search made every finding of a long paragraph
    without sentence ends scan the whole paragraph (quadratic)."""
    s, floor = start, max(0, start - limit - 1)
    while s > floor and not (text[s - 1] in _SENTENCE_ENDS and (s >= len(text) or text[s] == " ")):
        s -= 1
    e, ceiling = end, min(len(text), end + limit + 1)
    while e < ceiling and not (text[e] in _SENTENCE_ENDS and (e + 1 >= len(text) or text[e + 1] == " ")):
        e += 1
    if e < len(text):
        e += 1
    span = end - start
    if e - s > limit:
        room = max(0, (limit - span) // 2)
        s = max(s, start - room)
        e = min(e, end + room)
    while s < start and text[s] == " ":
        s += 1
    return text[s:e].rstrip(), s


def location_of(block: Block, start: int, end: int) -> Location:
    table = block.table
    return Location(
        block=block.index,
        kind=block.kind.value,
        line=block.line,
        column=block.column_offset + start + 1,
        end_column=block.column_offset + end + 1,
        section=block.section,
        footnote=block.note,
        table=table,
        row=block.row if table is not None else None,
        column_index=block.column if table is not None else None,
        paragraph=block.paragraph,
        page=block.page,
    )


def to_issue(rule: LoadedRule, f: Finding, lang: str, severity: Severity | None = None) -> Issue:
    spec = rule.spec
    block = f.block
    start = max(0, min(f.start, len(block.text)))
    end = max(start, min(f.end, len(block.text)))
    context, cstart = sentence_around(block.text, start, end)
    return Issue(
        rule=spec.id,
        name=spec.name,
        category=spec.category,
        severity=Severity(f.severity or severity or spec.severity),  # overrides may come in as strings
        message=spec.message(lang, f.variant, f.args),
        location=location_of(block, start, end),
        excerpt=block.text[start:end],
        expected=f.expected,
        actual=f.actual,
        context=context,
        context_offset=start - cstart,
        related=[_related(b, s, e) for b, s, e in f.related],
        suggestion=({"from": str(f.args["typo_from"]), "to": str(f.args["typo_to"])}
                    if "typo_from" in f.args and "typo_to" in f.args else None),
    )


def _related(block: Block, start: int, end: int) -> Related:
    start = max(0, min(start, len(block.text)))
    end = max(start, min(end, len(block.text)))
    return Related(location=location_of(block, start, end), excerpt=block.text[start:end])


def applies(rule: LoadedRule, profile: str | None) -> bool:
    """A rule declared for one profile only runs on documents of that profile."""
    if profile is None:
        return len(rule.spec.profiles) == 2
    return profile in rule.spec.profiles


def run_rules(doc: Document, rules: Iterable[LoadedRule], *, lang: str = "vi",
              severity_overrides: dict[str, Severity] | None = None) -> tuple[list[Issue], Coverage]:
    """Runs the rules over one document; issues come back sorted by position, one per rule and span."""
    ctx = Context(doc=doc, lang=lang)
    overrides = severity_overrides or {}
    issues: list[Issue] = []
    seen = set()
    for rule in rules:
        if not applies(rule, doc.profile):
            continue
        for f in rule.check.run(doc, ctx):
            if f.block.legacy_encoding and rule.spec.kind != "legacy-encoding":
                continue  # garbage to every other rule: TX002 reports the block once
            issue = to_issue(rule, f, lang, overrides.get(rule.id))
            key = (issue.rule, issue.location.block, issue.location.column, issue.location.end_column, issue.message)
            if key not in seen:
                seen.add(key)
                issues.append(issue)
    issues.sort(key=lambda i: i.sort_key)
    return issues, ctx.coverage
