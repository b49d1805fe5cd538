"""The rich console report: findings grouped by file, each shown inside its sentence, and a summary table."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..i18n import t
from ..issues import FileResult, Issue, Location, Severity

if TYPE_CHECKING:
    from ..api import Result

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
ICON = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}


def make_console(file: TextIO | None = None, *, no_color: bool = False, width: int | None = None) -> Console:
    """A console that honours --no-color, NO_COLOR and non-TTY output (rich does the last two)."""
    return Console(file=file, no_color=no_color, highlight=False, soft_wrap=False, width=width,
                   emoji=False)


def location_text(issue: Issue, lang: str) -> str:
    return place_text(issue.location, lang)


def place_text(loc: Location, lang: str) -> str:
    """Where a place is, as a clerk finds it: section, table cell or footnote, then line or paragraph."""
    parts = []
    if loc.section:
        parts.append(t("location.section", lang, section=loc.section))
    if loc.table is not None:
        parts.append(t("location.table", lang, table=loc.table, row=loc.row, column=loc.column_index))
    elif loc.footnote is not None:
        parts.append(t("location.footnote", lang, footnote=loc.footnote))
    elif loc.kind in ("header", "footer"):
        parts.append(t(f"location.{loc.kind}", lang))
    parts += [t("location.page", lang, page=loc.page)] if loc.page is not None else []
    if loc.line is not None:
        parts.append(t("location.line", lang, line=loc.line) + (f":{loc.column}" if loc.column else ""))
    else:
        parts.append(t("location.block", lang, block=loc.block))
    return " · ".join(parts)


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def excerpt_text(issue: Issue, plain: bool) -> Text | None:
    """The sentence around the finding with the offending span highlighted (or «marked» without colour)."""
    context = issue.context
    if not context:
        return None
    start = issue.context_offset
    end = start + len(issue.excerpt)
    if not issue.excerpt or context[start:end] != issue.excerpt:
        return Text(_one_line(context), style="dim")
    # Line breaks inside a cell or a note would break the layout: show them as a space (same length).
    context = _one_line(context)
    if plain:
        return Text(context[:start] + "«" + context[start:end] + "»" + context[end:])
    text = Text(context, style="dim")
    text.stylize("bold underline not dim", start, end)
    return text


def render_file(console: Console, fr: FileResult, lang: str) -> None:
    plain = console.no_color or not console.is_terminal
    header = Text(fr.path, style="bold")
    if fr.error is not None:
        header.append("  " + fr.error.message, style="red")
        console.print(header)
        console.print()
        return
    profile = t(f"profile.{fr.profile or 'none'}", lang)
    header.append(f"  ({profile})", style="dim")
    console.print(header)
    if not fr.issues:
        console.print("  " + t("file.clean", lang), style="green")
    for issue in fr.issues:
        sev = issue.severity
        line = Text("  ")
        line.append(f"{ICON[sev]} {t('severity.' + sev.value, lang)}", style=STYLE[sev])
        line.append(f"  {issue.rule}", style="bold")
        line.append(f"  {location_text(issue, lang)}", style="dim")
        console.print(line)
        console.print(Text("     " + issue.message))
        if issue.expected is not None or issue.actual is not None:
            bits = []
            if issue.expected is not None:
                bits.append(f"{t('expected', lang)}: {issue.expected}")
            if issue.actual is not None:
                bits.append(f"{t('actual', lang)}: {issue.actual}")
            console.print(Text("     " + " · ".join(bits), style="dim"))
        ex = excerpt_text(issue, plain)
        if ex is not None:
            console.print(Text("     │ ", style="dim") + ex)
        for rel in issue.related:
            line = Text(f"     {t('related', lang)}: {place_text(rel.location, lang)}", style="dim")
            if rel.excerpt:
                line.append(" «" + _one_line(rel.excerpt) + "»")
            console.print(line)
    console.print()


def render_summary(console: Console, result: "Result", lang: str) -> None:
    table = Table(title=t("summary.title", lang), title_justify="left", show_lines=False)
    table.add_column(t("summary.file", lang), overflow="fold", ratio=1)
    table.add_column(t("summary.errors", lang), justify="right", style="red")
    table.add_column(t("summary.warnings", lang), justify="right", style="yellow")
    table.add_column(t("summary.info", lang), justify="right", style="cyan")
    table.add_column(f'{t("summary.figures", lang)}\n({t("summary.relations", lang)}/{t("summary.unparsed", lang)})',
                     justify="right", style="dim")
    for fr in result.files:
        if fr.error is not None:
            table.add_row(escape(fr.path), "-", "-", "-", t("summary.unreadable", lang))
            continue
        c = fr.coverage
        table.add_row(escape(fr.path), str(fr.count(Severity.ERROR)), str(fr.count(Severity.WARNING)),
                      str(fr.count(Severity.INFO)), f"{c.figures} ({c.relations}/{c.unparsed})")
    if len(result.files) > 1:
        s = result.summary()
        cov = [sum(getattr(f.coverage, k) for f in result.files) for k in ("figures", "relations", "unparsed")]
        table.add_row(t("summary.total", lang), str(s["errors"]), str(s["warnings"]), str(s["info"]),
                      f"{cov[0]} ({cov[1]}/{cov[2]})", style="bold")
    console.print(table)


def render(result: "Result", console: Console, lang: str = "vi") -> None:
    for fr in result.files:
        render_file(console, fr, lang)
    render_summary(console, result, lang)
