"""The command line: `checker lint`, `checker rules`, `checker explain` (click).

Heavy modules are imported inside the commands so that `checker --version` is instant.
Exit codes (ruff's convention): 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable input.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ._startup import finish, is_command_line, pause_gc, resume_gc, skip_pydantic_plugin_scan

if is_command_line():
    pause_gc()  # until the modules are imported (run_lint), see _startup.py
    if sys.argv[1:2] and sys.argv[1] not in ("-V", "--version", "-h", "--help"):
        from ._regex_cache import install

        install()  # before click and the check modules compile their patterns; saved by finish()

import click  # noqa: E402

from . import __version__  # noqa: E402

skip_pydantic_plugin_scan()

FORMATS = ("rich", "concise", "json", "sarif", "github", "html")
SEVERITIES = ("error", "warning", "info")


def _split(values: tuple[str, ...]) -> list[str] | None:
    """`--select AR,NF --select ST001` → ["AR", "NF", "ST001"]; None when not given."""
    out = [v.strip() for value in values for v in value.split(",") if v.strip()]
    return out or None


def _err(message: str) -> None:
    click.echo(f"checker: {message}", err=True)


class UsageFailure(click.ClickException):
    exit_code = 2

    def show(self, file: Any = None) -> None:
        _err(self.format_message())


def usage_error(key: str, lang: str | None, **args: Any) -> UsageFailure:
    """A usage error in the run's language (the catalogue's `usage.*` keys)."""
    from .i18n import t

    return UsageFailure(t(key, lang or "vi", **args))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="checker", message="%(prog)s %(version)s")
def main() -> None:
    """checker: the linter for Vietnamese official reports (báo cáo tháng, quý, năm…)."""
    if click.get_current_context().invoked_subcommand != "lint":
        resume_gc()  # lint resumes it once its modules are imported


def _lint_options(f: Any) -> Any:
    options = [
        click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
                     help="Write the report to FILE instead of standard output."),
        click.option("--select", multiple=True, help="Only these rules: ids, prefixes or categories (AR001, AR, dates)."),
        click.option("--ignore", multiple=True, help="Skip these rules: ids, prefixes or categories."),
        click.option("--profile", type=click.Choice(["auto", "party", "state"]), default=None,
                     help="Party (HD 36) or state (NĐ 30) rules; auto detects from the header."),
        click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of messages (vi)."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
                     help="Lowest severity that makes the exit code 1 (error)."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
                     help="Check files in N parallel processes."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


# --- output options (what is printed and how) -----------------------------------------------------

def color_option(f: Any) -> Any:
    """--color auto|always|never, and --no-color (= --color never), for every command that prints."""
    f = click.option("--no-color", is_flag=True, help="Same as --color never.")(f)
    return click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
                        show_default=True,
                        help="Colours: auto (a terminal, unless NO_COLOR is set), always, never.")(f)


def color_mode(color: str, no_color: bool) -> str:
    return "never" if no_color else color


def _output_options(f: Any) -> Any:
    options = [
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="rich", show_default=True,
                     help="Output format: rich (grouped, with excerpts), concise (one line per finding), "
                          "json, sarif, github."),
        click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no summary, no total."),
        click.option("--statistics", is_flag=True, help="Print how many findings each rule made, instead "
                                                        "of the findings."),
        click.option("--show-severity", type=click.Choice(SEVERITIES), default=None,
                     help="Hide findings below this severity (error: errors only; warning: no info)."),
        color_option,
    ]
    for option in reversed(options):
        f = option(f)
    return f


def hide_below(result: Any, level: str | None) -> Any:
    """Drops the findings below `level` from every file (they do not count for the exit code either,
    as Vale's --minAlertLevel)."""
    if level is None:
        return result
    from .issues import Severity

    rank = Severity(level).rank
    for fr in result.files:
        fr.issues = [i for i in fr.issues if i.severity.rank >= rank]
    return result


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@_lint_options
@_output_options
def lint(paths: tuple[str, ...], output: Path | None, select: tuple[str, ...], ignore: tuple[str, ...],
         profile: str | None, lang: str | None, fail_on: str | None, jobs: int, fmt: str, quiet: bool,
         statistics: bool, show_severity: str | None, color: str, no_color: bool) -> None:
    """Check reports (.docx, .txt, .md, or folders of them) and print the findings."""
    from .config import ConfigError, discover
    from .rules import RuleFileError

    try:
        base_cfg = discover(paths[0])
    except ConfigError as exc:
        raise usage_error("usage.config", lang, path=exc.path, reason=exc.reason) from None
    cli = {"select": _split(select), "ignore": _split(ignore), "profile": profile, "lang": lang, "fail_on": fail_on}
    cfg = base_cfg.merged(**cli)
    if statistics and fmt not in ("rich", "concise", "json"):
        raise usage_error("usage.statistics_format", cfg.lang)
    documents: dict[str, Any] | None = {} if fmt == "html" else None  # the HTML report shows the text
    try:
        result = run_lint(paths, cli, jobs=jobs, show_progress=not quiet and fmt in ("rich", "concise"),
                          documents=documents)
    except RuleFileError as exc:
        raise usage_error("usage.rules", cfg.lang, reason=str(exc)) from None
    except ConfigError as exc:
        raise usage_error("usage.config", cfg.lang, path=exc.path, reason=exc.reason) from None
    except UnknownSelector as exc:
        raise usage_error("usage.unknown_selector", cfg.lang, selector=exc.selector) from None
    for fr in result.errors:
        _err(f"{fr.path}: {fr.error.message}")
    hide_below(result, show_severity)
    emit(result, fmt, output, cfg.lang, color=color_mode(color, no_color), quiet=quiet, statistics=statistics,
         documents=documents)
    finish(result.exit_code(cfg.fail_on))


class UnknownSelector(Exception):
    def __init__(self, selector: str):
        super().__init__(f"unknown rule selector '{selector}' (see `checker rules`)")
        self.selector = selector


def check_selectors(cli: dict[str, Any]) -> None:
    from .engine import known_selector, load_rules

    rules = load_rules()
    for sel in (cli.get("select") or []) + (cli.get("ignore") or []):
        if not known_selector(sel, rules):
            raise UnknownSelector(sel)


def run_lint(paths: tuple[str, ...] | list[str], cli: dict[str, Any], *, jobs: int = 1,
             show_progress: bool = True, documents: dict[str, Any] | None = None) -> "Any":
    """Lints every path (folders expanded) and returns a Result in a stable order. `documents`, when
    given, receives the Documents read in this process (not those of parallel workers)."""
    from .api import Result, collect_files, lint_file, read_error_result
    from .readers import ReadError

    check_selectors(cli)  # imports the check modules and loads the rules
    resume_gc()
    items = collect_files(paths)
    lang = cli.get("lang") or "vi"
    files = [i for i in items if not isinstance(i, ReadError)]
    results: dict[str, Any] = {}
    if jobs > 1 and len(files) > 1:
        from .batch import lint_parallel

        results = lint_parallel(files, cli, jobs=jobs, show_progress=show_progress)
    else:
        from .progress import progress_bar

        with progress_bar(len(files), enabled=show_progress, lang=lang) as advance:
            for path in files:
                results[path] = lint_file(path, documents=documents, **cli)
                advance()
    result = Result()
    for item in items:
        if isinstance(item, ReadError):
            result.files.append(read_error_result(item.path, item, lang))
        else:
            result.files.append(results[item])
    return result


def emit(result: Any, fmt: str, output: Path | None, lang: str, no_color: bool = False, *, color: str = "auto",
         quiet: bool = False, statistics: bool = False, documents: dict[str, Any] | None = None) -> None:
    """Renders the result in the chosen format to stdout or to --output (written atomically, never coloured)."""
    import io

    color = "never" if no_color or output is not None else color
    if statistics and fmt == "json":
        from .report.statistics import render_json

        text = render_json(result)
    elif statistics:
        from .report.statistics import render_text

        text = render_text(result, lang, quiet=quiet)
    elif fmt == "rich":
        from .report.console import make_console, render

        if output is None:
            render(result, make_console(color=color), lang, quiet=quiet)
            return
        buf = io.StringIO()
        render(result, make_console(buf, color="never", width=120), lang, quiet=quiet)
        text = buf.getvalue()
    elif fmt == "concise":
        from .report.concise import render as render_concise

        text = render_concise(result, lang, quiet=quiet, color=use_color(color, sys.stdout))
    elif fmt == "json":
        from .report.json import render as render_json

        text = render_json(result, lang)
    elif fmt == "sarif":
        from .report.sarif import render as render_sarif

        text = render_sarif(result, lang)
    elif fmt == "html":
        from .report.html import render as render_html

        text = render_html(result, lang, documents=documents)
    else:
        from .report.github import render as render_github

        text = render_github(result, lang)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)


def use_color(color: str, stream: Any) -> bool:
    """Whether plain-text output (concise) gets ANSI colours: `always`; `auto` on a terminal unless
    NO_COLOR is set (or FORCE_COLOR forces it), as rich decides for the console report."""
    import os

    if color != "auto":
        return color == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def write_atomic(path: Path, text: str) -> None:
    import os
    import tempfile

    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@main.command()
@click.option("--category", "-c", multiple=True, help="Only rules of these categories or id prefixes.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi")
@color_option
def rules(category: tuple[str, ...], lang: str, color: str, no_color: bool) -> None:
    """List every rule: id, name, category, severity, profiles and summary."""
    from .ruledocs import print_rules

    print_rules(_split(category), lang, color=color_mode(color, no_color))


@main.command()
@click.argument("rule")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi")
@color_option
def explain(rule: str, lang: str, color: str, no_color: bool) -> None:
    """Explain a rule: what it checks, why, its parameters and examples."""
    from .ruledocs import explain_rule

    if not explain_rule(rule, lang, color=color_mode(color, no_color)):
        raise usage_error("usage.unknown_rule", lang, rule=rule)


def _load_extra_commands() -> None:
    """Commands that live in their own modules (annotate, watch, serve) register themselves here."""
    import importlib

    for name in ("annotate_cmd", "watch_cmd", "serve_cmd"):
        try:
            module = importlib.import_module(f"checker.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"checker.{name}":
                raise
            continue
        main.add_command(module.command)


_load_extra_commands()
