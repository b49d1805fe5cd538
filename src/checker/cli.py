"""The command line: `checker lint`, `checker rules`, `checker explain` (click).

Heavy modules are imported inside the commands so that `checker --version` is instant.
Exit codes (ruff's convention): 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable input.
"""

from __future__ import annotations

import os
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


DEFAULT_TIMEOUT = 60.0


def _lint_options(f: Any) -> Any:
    """What is checked and how the run ends: files, rule selection, configuration, the report file,
    time limits, exit codes (ruff's names and semantics)."""
    options = [
        click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
                     help="Write the report to FILE instead of standard output (never over an input)."),
        click.option("--select", multiple=True,
                     help="Only these rules: ids, prefixes or categories (AR001, AR, dates, ALL)."),
        click.option("--extend-select", multiple=True, help="Also these rules, on top of the selection."),
        click.option("--ignore", multiple=True, help="Skip these rules (added to the configuration's)."),
        click.option("--extend-ignore", multiple=True, help="Same as --ignore."),
        click.option("--profile", type=click.Choice(["auto", "party", "state"]), default=None,
                     help="Party (HD 36) or state (NĐ 30) rules; auto detects from the header."),
        click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of messages (vi)."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
                     help="Lowest severity that makes the exit code 1 (error)."),
        click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings reach --fail-on."),
        click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                     help="Use this configuration file (checker.toml or pyproject.toml) for every file."),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
        click.option("--exclude", multiple=True, metavar="GLOB",
                     help="Skip files and folders matching GLOB in folders (replaces the configured list)."),
        click.option("--extend-exclude", multiple=True, metavar="GLOB", help="Like --exclude, added to the list."),
        click.option("--force-exclude", is_flag=True, help="Apply the exclusions to files named explicitly too."),
        click.option("--stdin-filename", metavar="NAME",
                     help="With `-`: the name shown for standard input; its extension gives the format."),
        click.option("--show-settings", is_flag=True, help="Print the settings for the first path and exit."),
        click.option("--show-files", is_flag=True, help="Print the files that would be checked and exit."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
                     help="Check files in N parallel processes."),
        click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
                     metavar="SECONDS", help="Time limit for one file (0: none); over it, the file is an error."),
        click.option("--verbose", "-v", is_flag=True,
                     help="Show the traceback of an internal error (also: CHECKER_DEBUG=1)."),
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
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False, path_type=str))
@_lint_options
@_output_options
def lint(paths: tuple[str, ...], fmt: str, quiet: bool, statistics: bool, show_severity: str | None, color: str,
         no_color: bool, lang: str | None, **run: Any) -> None:
    """Check reports (.docx, .txt, .md, or folders of them; `-` reads standard input) and print the findings."""
    from .config import ConfigError, UnknownSelector
    from .output import OutputError
    from .rules import RuleFileError

    verbose = run["verbose"] or os.environ.get("CHECKER_DEBUG", "") not in ("", "0")
    code = 2
    try:
        plan = plan_lint(paths, lang=lang, **run)
        if plan is None:  # --show-settings / --show-files did the work
            return
        cfg, cli, items = plan
        if statistics and fmt not in ("rich", "concise", "json"):
            raise usage_error("usage.statistics_format", cfg.lang)
        documents: dict[str, Any] | None = {} if fmt == "html" else None  # the HTML report shows the text
        result = run_lint(items, cli, jobs=run["jobs"], show_progress=not quiet and fmt in ("rich", "concise"),
                          stdin_name=run["stdin_filename"] if paths == ("-",) else None, documents=documents)
        # the console report names an unreadable file, with the reason, in its summary: not again on stderr
        summary_says_it = fmt == "rich" and run["output"] is None and not (quiet or statistics)
        report_errors(result, on_stderr=not summary_says_it, verbose=verbose)
        hide_below(result, show_severity)
        code = result.exit_code(cfg.fail_on)
        if run["exit_zero"] and code == 1:
            code = 0
        emit(result, fmt, run["output"], cfg.lang, color=color_mode(color, no_color), quiet=quiet,
             statistics=statistics, documents=documents)
    except UnknownSelector as exc:
        raise usage_error("usage.unknown_selector", lang, selector=exc.selector) from None
    except RuleFileError as exc:
        raise usage_error("usage.rules", lang, reason=str(exc)) from None
    except ConfigError as exc:
        raise usage_error("usage.config", lang, path=exc.path, reason=exc.message(lang or "vi")) from None
    except OutputError as exc:
        raise UsageFailure(exc.message(lang or "vi")) from None
    except BrokenPipeError:  # the reader went away (`| head`): the exit code still says what was found
        pass
    except (click.ClickException, click.exceptions.Exit):
        raise
    except Exception as exc:  # a defect of checker outside any one file
        from .api import describe_exception

        if verbose:
            import traceback

            click.echo(traceback.format_exc().rstrip(), err=True)
        raise usage_error("usage.internal" if verbose else "usage.internal_hint", lang,
                          detail=describe_exception(exc)) from None
    finish(code)


def report_errors(result: Any, *, on_stderr: bool, verbose: bool) -> None:
    """One line on stderr per file that could not be checked, unless the report on the screen shows it
    (the console report); with `verbose`, the traceback of each internal error."""
    for fr in result.errors:
        if on_stderr:
            _err(f"{fr.path}: {fr.error.message}")
        if verbose and fr.error.traceback:
            click.echo(f"--- {fr.path}\n{fr.error.traceback.rstrip()}", err=True)


def _lint_cli(run: dict[str, Any], lang: str | None) -> dict[str, Any]:
    """lint_file's keyword arguments from the command line's options."""
    return {"select": _split(run["select"]), "extend_select": _split(run["extend_select"]),
            "ignore": _split(run["ignore"]), "extend_ignore": _split(run["extend_ignore"]),
            "profile": run["profile"], "lang": lang, "fail_on": run["fail_on"]}


def plan_lint(paths: tuple[str, ...], *, lang: str | None, **run: Any) -> "Any":
    """Everything decided before a file is read: the configuration, the options for lint_file, the
    files (folders expanded). Prints and returns None for --show-settings / --show-files. Raises
    ConfigError, UnknownSelector, RuleFileError or OutputError for usage errors."""
    from .config import Config, ConfigError, discover, load_config_file
    from .files import Exclusions, collect_files
    from .output import OutputError, check_writable, refuse_inputs

    stdin = "-" in paths
    if stdin and len(paths) > 1:
        raise OutputError("usage.stdin_mixed")
    if run["stdin_filename"] and not stdin:
        raise OutputError("usage.stdin_filename")
    explicit: Config | None = None
    if run["isolated"]:
        explicit = Config()
    elif run["config_file"] is not None:
        explicit = load_config_file(run["config_file"])
        if explicit is None:
            raise ConfigError(str(run["config_file"]), "has no [tool.checker] table", key="usage.no_checker_table")
    cli = _lint_cli(run, lang)
    check_selectors(cli)  # imports the check modules and loads the rules
    resume_gc()
    first = (run["stdin_filename"] or os.getcwd()) if stdin else paths[0]
    settings = {**cli, "exclude": _split(run["exclude"]), "extend_exclude": _split(run["extend_exclude"])}

    def config_for(path: str) -> Config:
        return (explicit or discover(path)).merged(**settings)

    cfg = config_for(first)
    if run["show_settings"]:
        show_settings(first, cfg, run["isolated"])
        return None
    cli = {k: v for k, v in cli.items() if k != "fail_on"}
    cli["timeout"] = run["timeout"] or None
    if explicit is not None:
        cli["config"] = explicit
    if stdin:
        items: list[Any] = ["-"]
    else:
        items = collect_files(paths, lambda root: Exclusions.of(config_for(root).exclusions()),
                              force_exclude=run["force_exclude"])
        if explicit is None:  # a bad configuration file anywhere is a usage error before any work
            for item in items:
                if isinstance(item, str):
                    discover(item)
    if run["show_files"]:
        show_files(items, cfg.lang)
        return None
    if run["output"] is not None:
        check_writable(run["output"])
        refuse_inputs(run["output"], [i for i in items if isinstance(i, str)])
    return cfg, cli, items


def show_settings(path: str, cfg: Any, isolated: bool) -> None:
    """--show-settings: where the configuration comes from, its values with the command line's on top,
    and the rules that run on `path` (ruff's --show-settings)."""
    import json

    from .engine import load_rules, resolve

    source = cfg.source or ("none (--isolated)" if isolated else "none (defaults)")
    lines = [f"# settings for: {path}", f"# configuration file: {source}"]
    for key, value in cfg.file_settings().items():
        lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}" if value is not None
                     else f"# {key}: not set")
    for layer in cfg.overrides:
        parts = [f"select={list(layer.select)}" if layer.select is not None else "",
                 f"extend-select={list(layer.extend_select)}" if layer.extend_select else "",
                 f"ignore={list(layer.ignore)}" if layer.ignore else ""]
        lines.append("# command line: " + " ".join(p for p in parts if p))
    for pattern, base in cfg.exclusions():
        lines.append(f"# exclude: {pattern} (relative to {base})")
    rules = [r.id for r in resolve(load_rules(), cfg.selections(path))]
    lines.append(f"rules = {json.dumps(rules)}  # {len(rules)} rules run on this file")
    click.echo("\n".join(lines))


def show_files(items: list[Any], lang: str) -> None:
    """--show-files: the files that would be checked, one per line; paths that cannot be used on stderr."""
    from .api import read_error_result
    from .readers import ReadError

    errors = 0
    for item in items:
        if isinstance(item, ReadError):
            errors += 1
            fr = read_error_result(item.path, item, lang)
            _err(f"{fr.path}: {fr.error.message if fr.error else item.reason}")
        else:
            click.echo(item)
    finish(2 if errors else 0)


def check_selectors(cli: dict[str, Any]) -> None:
    """UnknownSelector for a rule selector of the command line that names nothing."""
    from .engine import check_selectors as check, load_rules

    rules = load_rules()
    for key in ("select", "extend_select", "ignore", "extend_ignore"):
        check(cli.get(key) or (), rules)


def run_lint(items: list[Any], cli: dict[str, Any], *, jobs: int = 1, show_progress: bool = True,
             stdin_name: str | None = None, documents: dict[str, Any] | None = None) -> "Any":
    """Lints the files of a plan (ReadErrors are reported in place) and returns a Result in their order.
    `documents`, when given, receives the Documents read in this process (not those of parallel workers)."""
    from .api import Result, lint_file, read_error_result
    from .readers import ReadError

    resume_gc()
    lang = cli.get("lang") or "vi"
    if items == ["-"]:
        return Result([lint_stdin(stdin_name, cli, documents)])
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


def lint_stdin(name: str | None, cli: dict[str, Any], documents: dict[str, Any] | None = None) -> Any:
    """`checker lint -`: standard input, read as the type `name`'s extension gives (text without one),
    shown and configured as `name`."""
    import tempfile

    from .api import lint_file

    data = sys.stdin.buffer.read()
    shown = name or "-"
    base = os.path.basename(name) if name else "stdin.txt"
    if not os.path.splitext(base)[1]:
        base += ".txt"
    with tempfile.TemporaryDirectory(prefix="checker-stdin-") as folder:
        path = os.path.join(folder, base)
        with open(path, "wb") as fh:
            fh.write(data)
        if "config" not in cli:
            from .config import discover

            cli = {**cli, "config": discover(name or os.getcwd())}
        result = lint_file(path, name=shown, documents=documents, **cli)
    if result.error is not None:
        result.error.message = result.error.message.replace(path, shown)
    return result


def emit(result: Any, fmt: str, output: Path | None, lang: str, no_color: bool = False, *, color: str = "auto",
         quiet: bool = False, statistics: bool = False, documents: dict[str, Any] | None = None) -> None:
    """Renders the result in the chosen format to stdout or to --output (never coloured; see output.py:
    atomic, usual permissions, never a traceback)."""
    import io

    from .output import write_report, write_stdout

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
            render_to_stdout(lambda: render(result, make_console(color=color), lang, quiet=quiet))
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
        write_stdout(text)
    else:
        write_report(output, text)


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


def render_to_stdout(render: Any) -> None:
    """Runs a renderer that prints to standard output (rich); a full disk or a closed pipe ends as
    `write_stdout` ends them."""
    from .output import OutputError, silence_stdout

    try:
        render()
        sys.stdout.flush()
    except SystemExit:  # rich's answer to a closed pipe (Console.on_broken_pipe): stdout is /dev/null now
        raise BrokenPipeError from None
    except OSError as exc:
        silence_stdout()
        if isinstance(exc, BrokenPipeError):
            raise
        raise OutputError.stdout(exc) from None


@main.command()
@click.option("--category", "-c", multiple=True, help="Only rules of these categories or id prefixes.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="A table, or a JSON list (id, name, category, severity, profiles, enabled_by_default, summary).")
@color_option
def rules(category: tuple[str, ...], lang: str, fmt: str, color: str, no_color: bool) -> None:
    """List every rule: id, name, category, severity, profiles and summary."""
    import json

    from .config import UnknownSelector
    from .engine import check_selectors as check, describe, load_rules, matches

    categories = _split(category)
    try:
        check(categories or (), load_rules())
    except UnknownSelector as exc:
        raise usage_error("usage.unknown_selector", lang, selector=exc.selector) from None
    if fmt == "json":
        chosen = [r for r in load_rules() if not categories or any(matches(r.spec, c) for c in categories)]
        click.echo(json.dumps([describe(r, lang) for r in chosen], ensure_ascii=False, indent=2))
        return
    from .ruledocs import print_rules

    print_rules(categories, lang, color=color_mode(color, no_color))


@main.command()
@click.argument("rule")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi")
@color_option
def explain(rule: str, lang: str, color: str, no_color: bool) -> None:
    """Explain a rule: what it checks, why, its parameters and examples."""
    from .ruledocs import explain_rule

    if not explain_rule(rule, lang, color=color_mode(color, no_color)):
        raise usage_error("usage.unknown_rule", lang, rule=rule)


def __getattr__(name: str) -> Any:
    """`UnknownSelector` lives in config (the commands in their own modules import it from here)."""
    if name == "UnknownSelector":
        from .config import UnknownSelector

        return UnknownSelector
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
