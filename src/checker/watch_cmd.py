"""`checker watch PATH`: re-checks a report each time it is saved and shows what changed.

PATH is one report or a folder of them. Polls (os.stat / os.scandir, recursively) every --interval
seconds: no extra dependency, works on network shares. A file is checked once its size and
modification time have stayed the same for one poll (Word and LibreOffice write in several steps).
In a folder, Word's `~$` lock files, hidden files and folders, temporary files (`*.tmp`, `*~`) and
unsupported types are ignored. A single file is checked once at start; a folder's files when saved
(or all at start with --all). After each save the findings are printed with the new ones marked, and
the ones fixed since the previous check of that file are listed. Ctrl-C stops it (exit 0).
Module-level imports stay light (click only): the command is registered on every `checker` start.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

import click

SUFFIXES = (".docx", ".txt", ".md")


def ignored(name: str) -> bool:
    low = name.lower()
    return (name.startswith(("~$", ".", "~")) or low.endswith((".tmp", "~", ".swp", ".part", ".crdownload"))
            or not low.endswith(SUFFIXES))


def scan(folder: str) -> dict[str, tuple[int, int]]:
    """path → (mtime_ns, size) of every file worth checking under `folder`."""
    out: dict[str, tuple[int, int]] = {}
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith("."):
                        stack.append(entry.path)
                elif entry.is_file() and not ignored(entry.name):
                    st = entry.stat()
                    out[entry.path] = (st.st_mtime_ns, st.st_size)
            except OSError:  # vanished while we looked
                continue
    return out


def scan_file(path: str) -> dict[str, tuple[int, int]]:
    """The one file a user named (whatever its name), or nothing while it is missing (a save in progress)."""
    try:
        st = os.stat(path)
    except OSError:
        return {}
    return {path: (st.st_mtime_ns, st.st_size)}


class Watcher:
    """The polling state machine, separate from printing so that it can be tested step by step."""

    def __init__(self, target: str, *, check_existing: bool = False):
        self.target = target
        self.single = os.path.isfile(target)
        self.seen: dict[str, tuple[int, int]] = {} if check_existing or self.single else self.scan()
        self.pending: dict[str, tuple[int, int]] = {}

    def scan(self) -> dict[str, tuple[int, int]]:
        return scan_file(self.target) if self.single else scan(self.target)

    def poll(self) -> list[str]:
        """One look: the files saved since the last look whose size is now stable (a single file is
        ready at the first look: it is checked at start)."""
        now = self.scan()
        ready = []
        for path, stat in now.items():
            if self.seen.get(path) == stat:
                self.pending.pop(path, None)
                continue
            if self.pending.get(path) == stat or (self.single and path not in self.seen):
                ready.append(path)  # unchanged for one interval: the save is finished
                self.seen[path] = stat
                self.pending.pop(path, None)
            else:
                self.pending[path] = stat
        for path in list(self.seen):
            if path not in now and not self.single:
                del self.seen[path]
                self.pending.pop(path, None)
        return sorted(ready)


def issue_key(issue: Any) -> tuple:
    """What makes a finding the same one after an edit elsewhere (lines and paragraphs move)."""
    return (issue.rule, issue.excerpt, issue.message, issue.location.section)


@dataclass
class Change:
    """One check of one file after a save: its result, which findings are new, which were fixed."""

    result: Any
    first: bool  # no earlier check of this file to compare with
    new: set = field(default_factory=set)  # issue keys
    fixed: list = field(default_factory=list)  # Issues of the previous check that are gone


def compare(result: Any, before: dict[tuple, Any] | None) -> Change:
    now = {issue_key(i): i for i in result.issues}
    if before is None or result.error is not None:
        return Change(result, first=before is None)
    return Change(result, first=False, new=set(now) - set(before),
                  fixed=[issue for key, issue in before.items() if key not in now])


def watch_loop(target: str, cli: dict[str, Any], *, interval: float = 0.5, max_cycles: int | None = None,
               timeout: float | None = None, on_result: Callable[[Change], None], max_checks: int | None = None,
               check_existing: bool = False, sleep: Callable[[float], None] = time.sleep) -> int:
    """Polls until interrupted (or `max_cycles`/`timeout`, for tests); returns the number of checks."""
    from .api import lint_file

    watcher = Watcher(target, check_existing=check_existing)
    previous: dict[str, dict[tuple, Any]] = {}
    started = time.monotonic()
    checks = 0
    for cycle in _cycles(max_cycles):
        if timeout is not None and time.monotonic() - started > timeout:
            break
        for path in watcher.poll():
            result = lint_file(path, **cli)
            change = compare(result, previous.get(path))
            if result.error is None:
                previous[path] = {issue_key(i): i for i in result.issues}
            on_result(change)
            checks += 1
        if max_checks is not None and checks >= max_checks:
            break
        sleep(interval)
    return checks


def _cycles(limit: int | None) -> Iterator[int]:
    n = 0
    while limit is None or n < limit:
        yield n
        n += 1


def _split(values: tuple[str, ...]) -> list[str] | None:
    out = [v.strip() for value in values for v in value.split(",") if v.strip()]
    return out or None


def print_change(console: Any, change: Change, lang: str, stamp: str) -> None:
    """A rule with the time and what changed, the file's findings (new ones marked), the fixed ones."""
    from rich.text import Text

    from .i18n import count, t
    from .report.console import location_text, print_wrapped, render_file

    result = change.result
    findings = count("watch.findings", len(result.issues), lang)
    if result.error is not None:
        note = ""
    elif change.first:
        note = " — " + t("watch.first", lang, findings=findings)
    else:
        note = " — " + t("watch.changes", lang, new=len(change.new), fixed=len(change.fixed), findings=findings)
    console.rule(Text(f"{stamp}{note}", style="bold"), align="left")
    render_file(console, result, lang, new=change.new if not change.first else None, key=issue_key)
    if change.fixed:
        console.print(Text("  " + t("watch.fixed_title", lang), style="bold green"))
        for issue in change.fixed:
            head = Text("✓ ", style="green")
            head.append(t("watch.fixed_mark", lang), style="green")
            head.append(f"  {issue.rule}", style="bold")
            head.append(f"  {location_text(issue, lang)}")
            print_wrapped(console, head, "  ", "    ")
            print_wrapped(console, Text(issue.message, style="dim"))
        console.print()


@click.command("watch")
@click.argument("path", type=click.Path(path_type=str))
@click.option("--select", multiple=True, help="Only these rules: ids, prefixes or categories.")
@click.option("--ignore", multiple=True, help="Skip these rules.")
@click.option("--profile", type=click.Choice(["auto", "party", "state"]), default=None)
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of messages (vi).")
@click.option("--interval", type=click.FloatRange(min=0.05), default=0.5, show_default=True,
              help="Seconds between two looks at the file or folder.")
@click.option("--all", "check_existing", is_flag=True, help="In a folder, also check every file once at start.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colours: auto (a terminal, unless NO_COLOR is set), always, never.")
@click.option("--no-color", is_flag=True, help="Same as --color never.")
@click.option("--max-cycles", type=int, default=None, hidden=True)
@click.option("--timeout", type=float, default=None, hidden=True)
@click.option("--max-checks", type=int, default=None, hidden=True)
def command(path: str, select: tuple[str, ...], ignore: tuple[str, ...], profile: str | None, lang: str | None,
            interval: float, check_existing: bool, color: str, no_color: bool, max_cycles: int | None,
            timeout: float | None, max_checks: int | None) -> None:
    """Watch a report (or a folder of reports) and re-check it each time it is saved."""
    from datetime import datetime

    from rich.text import Text

    from .cli import UnknownSelector, check_selectors, usage_error
    from .config import ConfigError, discover
    from .i18n import t
    from .report.console import make_console
    from .rules import RuleFileError

    if not os.path.exists(path):
        raise usage_error("usage.not_found", lang, path=path)
    cli = {"select": _split(select), "ignore": _split(ignore), "profile": profile, "lang": lang}
    try:
        check_selectors(cli)
        out_lang = discover(path).merged(**cli).lang
    except UnknownSelector as exc:
        raise usage_error("usage.unknown_selector", lang, selector=exc.selector) from None
    except RuleFileError as exc:
        raise usage_error("usage.rules", lang, reason=str(exc)) from None
    except ConfigError as exc:
        raise usage_error("usage.config", lang, path=exc.path, reason=exc.reason) from None
    console = make_console(color="never" if no_color else color)
    console.print(Text("checker: " + t("watch.start", out_lang, path=path), style="dim"), soft_wrap=True)

    def on_result(change: Change) -> None:
        print_change(console, change, out_lang, datetime.now().strftime("%H:%M:%S"))

    try:
        watch_loop(path, cli, interval=interval, max_cycles=max_cycles, timeout=timeout, on_result=on_result,
                   check_existing=check_existing, max_checks=max_checks)
    except KeyboardInterrupt:
        console.print(Text("checker: " + t("watch.stopped", out_lang), style="dim"))
    raise SystemExit(0)
