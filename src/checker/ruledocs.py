"""`checker rules` and `checker explain`: the rule set documents itself from its rule files."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .engine import load_rules, matches
from .i18n import source_text, t
from .report.console import make_console, print_wrapped
from .ruletext import reflow

TABLE_MIN_WIDTH = 120  # narrower than this, the rules are listed two lines each instead of a table


def print_rules(categories: list[str] | None, lang: str, no_color: bool = False, *, color: str = "auto",
                console: Console | None = None) -> None:
    """Every rule (or those of some categories): a table on a wide terminal; on a narrow one or in a
    pipe (80 columns) one line "ID severity name (category · profiles)" and the summary under it."""
    rules = [r for r in load_rules() if not categories or any(matches(r.spec, c) for c in categories)]
    console = console or make_console(color="never" if no_color else color)
    if console.width >= TABLE_MIN_WIDTH:
        table = Table(title=t("rules.title", lang), title_justify="left")
        for key in ("id", "name", "category", "severity", "profiles", "summary"):
            table.add_column(t(f"rules.{key}", lang), no_wrap=key != "summary", ratio=1 if key == "summary" else None)
        for r in rules:
            s = r.spec
            table.add_row(s.id, s.name, s.category, t(f"severity.{s.severity.value}", lang), ",".join(s.profiles),
                          s.summary[lang])
        console.print(table)
        return
    console.print(Text(t("rules.title", lang), style="bold"))
    sev_width = max((len(t(f"severity.{r.spec.severity.value}", lang)) for r in rules), default=0)
    for r in rules:
        s = r.spec
        head = Text()
        head.append(s.id, style="bold")
        head.append("  " + t(f"severity.{s.severity.value}", lang).ljust(sev_width) + "  ")
        head.append(s.name)
        head.append(f"  ({s.category} · {', '.join(s.profiles)})", style="dim")
        print_wrapped(console, head, "", " " * 7)
        print_wrapped(console, Text(s.summary[lang]), " " * 7)


def format_params(params: dict) -> str:
    import yaml

    return yaml.safe_dump(params, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000).rstrip()


def find_rule(rule_id: str):
    key = rule_id.strip()
    for r in load_rules():
        if r.id == key.upper() or r.spec.name == key.lower():
            return r
    return None


def explain_rule(rule_id: str, lang: str, no_color: bool = False, *, color: str = "auto",
                 console: Console | None = None) -> bool:
    found = find_rule(rule_id)
    if found is None:
        return False
    spec = found.spec
    console = console or make_console(color="never" if no_color else color)
    console.print(Text(f"{spec.id} {spec.name}", style="bold"))
    console.print(Text(f"{spec.category} · {t('severity.' + spec.severity.value, lang)} · {', '.join(spec.profiles)}",
                       style="dim"))
    console.print()
    console.print(Text(t("explain.what", lang), style="bold underline"))
    print_wrapped(console, Text(spec.summary[lang]), "")
    console.print()
    console.print(Text(t("explain.why", lang), style="bold underline"))
    for i, para in enumerate(reflow(spec.explain[lang])):
        if i:
            console.print()
        print_wrapped(console, Text(para), "")
    if spec.source:
        console.print()
        print_wrapped(console, Text(f"{t('explain.source', lang)}: {source_text(spec.source, lang)}"), "", "  ")
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
            print_wrapped(console, Text(lines[0] + tag, style=style), "  • ", "    ")
            for line in lines[1:]:
                print_wrapped(console, Text(line, style=style), "    ")
    return True
