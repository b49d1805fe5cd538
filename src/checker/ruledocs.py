"""`checker rules` and `checker explain`: the rule set documents itself from its rule files."""

from __future__ import annotations

import json

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .engine import load_rules, matches
from .i18n import t


def print_rules(categories: list[str] | None, lang: str, no_color: bool) -> None:
    rules = [r for r in load_rules() if not categories or any(matches(r.spec, c) for c in categories)]
    table = Table(title=t("rules.title", lang), title_justify="left")
    for key in ("id", "name", "category", "severity", "profiles", "summary"):
        table.add_column(t(f"rules.{key}", lang), overflow="fold", no_wrap=key in ("id",))
    for r in rules:
        s = r.spec
        table.add_row(s.id, s.name, s.category, t(f"severity.{s.severity.value}", lang), ", ".join(s.profiles),
                      escape(s.summary[lang]))
    Console(no_color=no_color, highlight=False).print(table)


def explain_rule(rule_id: str, lang: str, no_color: bool) -> bool:
    found = [r for r in load_rules() if r.id == rule_id.strip().upper() or r.spec.name == rule_id.strip()]
    if not found:
        return False
    spec = found[0].spec
    console = Console(no_color=no_color, highlight=False)
    console.print(Text(f"{spec.id} {spec.name}", style="bold"))
    console.print(Text(f"{spec.category} · {t('severity.' + spec.severity.value, lang)} · {', '.join(spec.profiles)}",
                       style="dim"))
    console.print()
    console.print(Text(t("explain.what", lang), style="bold underline"))
    console.print(Text(spec.summary[lang]))
    console.print()
    console.print(Text(t("explain.why", lang), style="bold underline"))
    console.print(Text(spec.explain[lang].strip()))
    if spec.source:
        console.print(Text(f"{t('explain.source', lang)}: {spec.source}", style="dim"))
    if spec.params:
        console.print()
        console.print(Text(t("explain.params", lang), style="bold underline"))
        console.print(Text(json.dumps(spec.params, ensure_ascii=False, indent=2)))
    for key, examples in (("explain.bad", spec.examples.bad), ("explain.good", spec.examples.good)):
        console.print()
        console.print(Text(t(key, lang), style="bold underline"))
        for ex in examples:
            console.print(Text("  " + ex.text.strip().replace("\n", "\n  "),
                               style="red" if key == "explain.bad" else "green"))
    return True
