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

FORMATS = ("rich", "json", "sarif", "github", "html")


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="checker", message="%(prog)s %(version)s")
def main() -> None:
    """checker: the linter for Vietnamese official reports (báo cáo tháng, quý, năm…)."""
    if click.get_current_context().invoked_subcommand != "lint":
        resume_gc()  # lint resumes it once its modules are imported


def _lint_options(f: Any) -> Any:
    options = [
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="rich", show_default=True,
                     help="Output format."),
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
        click.option("--no-color", is_flag=True, help="Plain output without colours (also: NO_COLOR=1)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@_lint_options
def lint(paths: tuple[str, ...], fmt: str, output: Path | None, select: tuple[str, ...], ignore: tuple[str, ...],
         profile: str | None, lang: str | None, fail_on: str | None, jobs: int, no_color: bool) -> None:
    """Check reports (.docx, .txt, .md, or folders of them) and print the findings."""
    from .config import ConfigError, discover
    from .rules import RuleFileError

    try:
        base_cfg = discover(paths[0])
    except ConfigError as exc:
        raise UsageFailure(f"{exc.path}: {exc.reason}") from None
    cli = {"select": _split(select), "ignore": _split(ignore), "profile": profile, "lang": lang, "fail_on": fail_on}
    cfg = base_cfg.merged(**cli)
    try:
        result = run_lint(paths, cli, jobs=jobs, show_progress=fmt == "rich" or output is not None)
    except RuleFileError as exc:
        raise UsageFailure(str(exc)) from None
    except ConfigError as exc:
        raise UsageFailure(f"{exc.path}: {exc.reason}") from None
    except UnknownSelector as exc:
        raise UsageFailure(str(exc)) from None
    for fr in result.errors:
        _err(f"{fr.path}: {fr.error.message}")
    emit(result, fmt, output, cfg.lang, no_color)
    finish(result.exit_code(cfg.fail_on))


class UnknownSelector(Exception):
    pass


def check_selectors(cli: dict[str, Any]) -> None:
    from .engine import known_selector, load_rules

    rules = load_rules()
    for sel in (cli.get("select") or []) + (cli.get("ignore") or []):
        if not known_selector(sel, rules):
            raise UnknownSelector(f"unknown rule selector '{sel}' (see `checker rules`)")


def run_lint(paths: tuple[str, ...] | list[str], cli: dict[str, Any], *, jobs: int = 1,
             show_progress: bool = True) -> "Any":
    """Lints every path (folders expanded) and returns a Result in a stable order."""
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
                results[path] = lint_file(path, **cli)
                advance()
    result = Result()
    for item in items:
        if isinstance(item, ReadError):
            result.files.append(read_error_result(item.path, item, lang))
        else:
            result.files.append(results[item])
    return result


def emit(result: Any, fmt: str, output: Path | None, lang: str, no_color: bool) -> None:
    """Renders the result in the chosen format to stdout or to --output (written atomically)."""
    import io

    if fmt == "rich":
        from .report.console import make_console, render

        if output is None:
            render(result, make_console(no_color=no_color), lang)
            return
        buf = io.StringIO()
        render(result, make_console(buf, no_color=True, width=120), lang)
        text = buf.getvalue()
    elif fmt == "json":
        from .report.json import render as render_json

        text = render_json(result, lang)
    elif fmt == "sarif":
        from .report.sarif import render as render_sarif

        text = render_sarif(result, lang)
    elif fmt == "html":
        from .report.html import render as render_html

        text = render_html(result, lang)
    else:
        from .report.github import render as render_github

        text = render_github(result, lang)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)


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
@click.option("--no-color", is_flag=True)
def rules(category: tuple[str, ...], lang: str, no_color: bool) -> None:
    """List every rule: id, name, category, severity, profiles and summary."""
    from .ruledocs import print_rules

    print_rules(_split(category), lang, no_color)


@main.command()
@click.argument("rule")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi")
@click.option("--no-color", is_flag=True)
def explain(rule: str, lang: str, no_color: bool) -> None:
    """Explain a rule: what it checks, why, its parameters and examples."""
    from .ruledocs import explain_rule

    if not explain_rule(rule, lang, no_color):
        raise UsageFailure(f"unknown rule '{rule}' (see `checker rules`)")


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
