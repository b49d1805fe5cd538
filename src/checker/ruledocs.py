"""`checker rules` and `checker explain`: the rule set documents itself from its rule files."""

from __future__ import annotations

import json

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .engine import load_rules, matches
from .i18n import t
from .ruletext import reflow


def print_rules(categories: list[str] | None, lang: str, no_color: bool) -> None:
    rules = [r for r in load_rules() if not categories or any(matches(r.spec, c) for c in categories)]
    table = Table(title=t("rules.title", lang), title_justify="left")
    for key in ("id", "name", "category", "severity", "profiles", "summary"):
        table.add_column(t(f"rules.{key}", lang), overflow="fold", no_wrap=key in ("id", "severity"),
                         ratio=3 if key == "summary" else None)
    for r in rules:
        s = r.spec
        table.add_row(s.id, s.name, s.category, t(f"severity.{s.severity.value}", lang), ",".join(s.profiles),
                      escape(s.summary[lang]))
    Console(no_color=no_color, highlight=False).print(table)


def format_params(params: dict) -> str:
    import yaml

    return yaml.safe_dump(params, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000).rstrip()


def find_rule(rule_id: str):
    key = rule_id.strip()
    for r in load_rules():
        if r.id == key.upper() or r.spec.name == key.lower():
            return r
    return None


def explain_rule(rule_id: str, lang: str, no_color: bool) -> bool:
    found = find_rule(rule_id)
    if found is None:
        return False
    spec = found.spec
    console = Console(no_color=no_color, highlight=False)
    console.print(Text(f"{spec.id} {spec.name}", style="bold"))
    console.print(Text(f"{spec.category} · {t('severity.' + spec.severity.value, lang)} · {', '.join(spec.profiles)}",
                       style="dim"))
    console.print()
    console.print(Text(t("explain.what", lang), style="bold underline"))
    console.print(Text(spec.summary[lang]))
    console.print()
    console.print(Text(t("explain.why", lang), style="bold underline"))
    for i, para in enumerate(reflow(spec.explain[lang])):
        if i:
            console.print()
        console.print(Text(para))
    if spec.source:
        console.print()
        console.print(Text(f"{t('explain.source', lang)}: {spec.source}", style="dim"))
    if spec.params:
        console.print()
        console.print(Text(t("explain.params", lang), style="bold underline"))
        console.print(Text(format_params(spec.params)))
    for key, examples in (("explain.bad", spec.examples.bad), ("explain.good", spec.examples.good)):
        console.print()
        console.print(Text(t(key, lang), style="bold underline"))
        for ex in examples:
            style = "red" if key == "explain.bad" else "green"
            lines = ex.text.strip().split("\n")
            tag = f" [{ex.profile}]" if ex.profile else ""
            console.print(Text("  • " + lines[0] + tag, style=style))
            for line in lines[1:]:
                console.print(Text("    " + line, style=style))
    return True
