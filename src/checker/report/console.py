"""The rich console report: findings grouped by file, each shown inside its sentence, then a summary.

Layout rules, whatever the width (a terminal, or 80 columns when piped to pre-commit or a CI log):
- a wrapped line keeps its indent (and the excerpt's `│` gutter);
- a path is never split: it is printed whole and the terminal may wrap it, rich never folds it;
- clean files print nothing (they are counted in the total line); the summary lists the files with
  findings or errors only, and when they are many it gives way to the one-line total;
- a file that could not be read gets no block of its own (the command names it on stderr), only its
  row in the summary, with the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, TextIO

from rich.console import Console
from rich.text import Text

from ..i18n import number, t
from ..issues import FileResult, Issue, Severity
from .places import place_text
from .totals import coverage_line, relations_line, total_line
from .values import value_bits

if TYPE_CHECKING:
    from ..api import Result

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
ICON = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}
COLOR_MODES = ("auto", "always", "never")
MAX_SUMMARY_ROWS = 25  # beyond this many files with findings, the total line alone
MIN_WRAP = 24  # never wrap text narrower than this, whatever the console says

INDENT = "     "  # message, values and excerpt lines sit under the rule id


def make_console(file: TextIO | None = None, *, color: str = "auto", no_color: bool = False,
                 width: int | None = None) -> Console:
    """A console for --color auto|always|never. `auto` lets rich decide: colour on a terminal unless
    NO_COLOR is set (FORCE_COLOR forces it); `always` colours even a pipe and wins over NO_COLOR (a
    flag on the command line overrides the environment); `never` (or `no_color`) writes no escape
    code at all."""
    if no_color or color == "never":
        return Console(file=file, color_system=None, no_color=True, highlight=False, soft_wrap=False,
                       width=width, emoji=False, markup=False)
    if color == "always":
        return Console(file=file, color_system="standard", force_terminal=True, no_color=False, highlight=False,
                       soft_wrap=False, width=width, emoji=False, markup=False)
    return Console(file=file, highlight=False, soft_wrap=False, width=width, emoji=False, markup=False)


def is_plain(console: Console) -> bool:
    """No colours or styles reach the reader: mark the excerpt «like this» instead of underlining it."""
    return console.no_color or console.color_system is None or not console.is_terminal


def print_wrapped(console: Console, body: Text, first: str | Text = INDENT, rest: str | Text | None = None) -> None:
    """Prints `body` wrapped to the console's width, the first line after `first` and every other line
    after `rest` (default: `first` again), so that continuation lines keep their indent and gutter."""
    first = Text(first) if isinstance(first, str) else first
    rest = first if rest is None else Text(rest) if isinstance(rest, str) else rest
    width = max(MIN_WRAP, console.width - max(first.cell_len, rest.cell_len))
    lines = body.wrap(console, width, overflow="fold")
    for k, line in enumerate(lines):
        line.rstrip()
        console.print((first if k == 0 else rest) + line, soft_wrap=True)


def location_text(issue: Issue, lang: str) -> str:
    return place_text(issue.location, lang)


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


def values_text(issue: Issue, lang: str) -> Text | None:
    """"Tính ra: 88,66% · Văn bản ghi: 87,66% · Có thể sửa: …", labels plain, values bold (not dim)."""
    bits = value_bits(issue, lang)
    if not bits:
        return None
    text = Text()
    for k, (label, value) in enumerate(bits):
        if k:
            text.append(" · ")
        text.append(f"{label}: ")
        text.append(value, style="bold")
    return text


def render_issue(console: Console, issue: Issue, lang: str, *, mark: str | None = None) -> None:
    """One finding: severity, id and place; the message; the values; the excerpt in its sentence;
    the related places. `mark` ("mới") is shown after the place, for watch mode."""
    sev = issue.severity
    head = Text()
    head.append(f"{ICON[sev]} {t('severity.' + sev.value, lang)}", style=STYLE[sev])
    head.append(f"  {issue.rule}", style="bold")
    head.append(f"  {location_text(issue, lang)}")
    if mark:
        head.append(f"  [{mark}]", style="bold magenta")
    print_wrapped(console, head, "  ", "    ")
    print_wrapped(console, Text(issue.message))
    values = values_text(issue, lang)
    if values is not None:
        print_wrapped(console, values)
    ex = excerpt_text(issue, is_plain(console))
    if ex is not None:
        gutter = Text(INDENT + "│ ", style="dim")
        print_wrapped(console, ex, gutter)
    for rel in issue.related:
        line = Text(f"{t('related', lang)}: ", style="dim")
        line.append(place_text(rel.location, lang))
        if rel.excerpt:
            line.append(" «" + _one_line(rel.excerpt) + "»")
        print_wrapped(console, line)


def file_header(console: Console, fr: FileResult, lang: str) -> None:
    """The path (never split: soft wrap), then the document type or why the file could not be read."""
    header = Text(fr.path, style="bold")
    if fr.error is not None:
        header.append("  " + fr.error.message, style="red")
    else:
        profile = t(f"profile.{fr.profile or 'none'}", lang)
        header.append(f"  ({profile})", style="dim")
    console.print(header, soft_wrap=True)


def render_file(console: Console, fr: FileResult, lang: str, *, new: set | None = None,
                key=None, show_clean: bool = True) -> None:
    """A file's header and findings. Findings whose `key(issue)` is in `new` are marked as new (watch)."""
    if fr.error is None and not fr.issues and not show_clean:
        return
    file_header(console, fr, lang)
    if fr.error is None and not fr.issues:
        console.print("  " + t("file.clean", lang), style="green")
    for issue in fr.issues:
        mark = t("watch.new_mark", lang) if new is not None and key is not None and key(issue) in new else None
        render_issue(console, issue, lang, mark=mark)
    console.print()


# --- summary ------------------------------------------------------------------------------------------

def _count_cell(n: int, style: str, lang: str) -> tuple[str, str]:
    """A count and its style: zero is printed plain (nothing to draw the eye to)."""
    return number(n, lang), style if n else ""


def summary_rows(files: Iterable[FileResult], lang: str) -> list[tuple[list[tuple[str, str]], str, str]]:
    """(cells, path, note) of every file with findings or an error; cells are (text, style), the note
    says why a file could not be read."""
    rows = []
    for fr in files:
        if fr.error is not None:
            cells = [("-", ""), ("-", ""), ("-", ""), ("-", ""), ("-", ""), ("-", "")]
            rows.append((cells, fr.path, f"  ({fr.error.message})"))
        elif fr.issues:
            c = fr.coverage
            cells = [_count_cell(fr.count(Severity.ERROR), "bold red", lang),
                     _count_cell(fr.count(Severity.WARNING), "yellow", lang),
                     _count_cell(fr.count(Severity.INFO), "cyan", lang),
                     (number(c.figures, lang), ""), (number(c.relations, lang), ""), (number(c.unparsed, lang), "")]
            rows.append((cells, fr.path, ""))
    return rows


def render_summary(console: Console, result: "Result", lang: str) -> None:
    """A table of the files with findings or errors (counts right-aligned, the path last and whole),
    when there are at least two files and not too many rows; then the total line and the coverage line."""
    rows = summary_rows(result.files, lang)
    if len(result.files) > 1 and rows and len(rows) <= MAX_SUMMARY_ROWS:
        _summary_table(console, rows, lang)
    console.print(Text(total_line(result, lang), style="bold"), soft_wrap=True)
    cov = coverage_line(result, lang)
    if cov:
        print_wrapped(console, Text(cov), "", "")
    rel = relations_line(result, lang)
    if rel:
        print_wrapped(console, Text(rel, style="dim"), "", "")


def _summary_table(console: Console, rows: list[tuple[list[tuple[str, str]], str, str]], lang: str) -> None:
    """Counts right-aligned, the path last and whole. When the longest path does not fit beside the
    six columns, the three coverage columns go (the coverage line below sums them up); when it still
    does not fit, each path gets its own line above its counts."""
    keys = ["errors", "warnings", "info", "figures", "relations", "unparsed"]
    longest = max(len(path) for _, path, _ in rows)
    layout = _columns(keys, rows, lang)
    if layout[2] + longest > console.width:
        keys = keys[:3]
        layout = _columns(keys, rows, lang)
    heads, widths, numbers_width = layout
    fold = numbers_width + longest > console.width
    console.print(Text(t("summary.title", lang), style="bold"))
    for level in range(len(heads[0])):
        line = Text()
        for k, h in enumerate(heads):
            line.append(h[level].rjust(widths[k]) + "  ", style="bold")
        if level == len(heads[0]) - 1 and not fold:
            line.append(t("summary.file", lang), style="bold")
        line.rstrip()
        console.print(line, soft_wrap=True)
    for cells, path, note in rows:
        if fold:
            console.print(Text(path + note), soft_wrap=True)
        line = Text()
        for k, (text, style) in enumerate(cells[:len(keys)]):
            line.append(text.rjust(widths[k]), style=style)
            line.append("  ")
        if not fold:
            line.append(path + note)
        line.rstrip()
        console.print(line, soft_wrap=True)
    console.print()


def _columns(keys: list[str], rows: list, lang: str) -> tuple[list[list[str]], list[int], int]:
    """Bottom-aligned headers (a header may take two lines), column widths, width of the counts."""
    heads = [t(f"summary.{k}", lang).split("\n") for k in keys]
    depth = max(len(h) for h in heads)
    heads = [[""] * (depth - len(h)) + h for h in heads]
    widths = [max(max(len(x) for x in h), *(len(cells[k][0]) for cells, _, _ in rows)) for k, h in enumerate(heads)]
    return heads, widths, sum(widths) + 2 * len(widths)


def render(result: "Result", console: Console, lang: str = "vi", *, quiet: bool = False) -> None:
    """Every file with findings, then the summary; `quiet`: the findings only. Clean files print
    nothing (the total counts them); a file that could not be read is named once on stderr by the
    command and has its row, with the reason, in the summary."""
    for fr in result.files:
        if fr.error is None:
            render_file(console, fr, lang, show_clean=False)
    if not quiet:
        render_summary(console, result, lang)


__all__ = ["make_console", "render", "render_file", "render_issue", "render_summary", "location_text",
           "place_text", "excerpt_text", "print_wrapped", "file_header", "values_text"]
