"""`checker watch FOLDER`: re-checks a report each time it is saved and prints its findings.

Polls the folder (os.scandir, recursively) every --interval seconds: no extra dependency, works on
network shares. A file is checked once its size and modification time have stayed the same for one
poll (Word and LibreOffice write in several steps). Word's `~$` lock files, hidden files and folders,
temporary files (`*.tmp`, `*~`) and unsupported types are ignored. Ctrl-C stops it (exit 0).
Module-level imports stay light (click only): the command is registered on every `checker` start.
"""

from __future__ import annotations

import os
import time
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


class Watcher:
    """The polling state machine, separate from printing so that it can be tested step by step."""

    def __init__(self, folder: str, *, check_existing: bool = False):
        self.folder = folder
        self.seen: dict[str, tuple[int, int]] = {} if check_existing else scan(folder)
        self.pending: dict[str, tuple[int, int]] = {}

    def poll(self) -> list[str]:
        """One look at the folder: the files saved since the last look whose size is now stable."""
        now = scan(self.folder)
        ready = []
        for path, stat in now.items():
            if self.seen.get(path) == stat:
                self.pending.pop(path, None)
                continue
            if self.pending.get(path) == stat:  # unchanged for one interval: the save is finished
                ready.append(path)
                self.seen[path] = stat
                self.pending.pop(path, None)
            else:
                self.pending[path] = stat
        for path in list(self.seen):
            if path not in now:
                del self.seen[path]
                self.pending.pop(path, None)
        return sorted(ready)


def _issue_key(issue: Any) -> tuple:
    return (issue.rule, issue.excerpt, issue.message, issue.location.section)


def watch_loop(folder: str, cli: dict[str, Any], *, interval: float = 0.5, max_cycles: int | None = None,
               timeout: float | None = None, on_result: Callable[[Any, set], None], max_checks: int | None = None,
               check_existing: bool = False, sleep: Callable[[float], None] = time.sleep) -> int:
    """Polls until interrupted (or `max_cycles`/`timeout`, for tests); returns the number of checks."""
    from .api import lint_file

    watcher = Watcher(folder, check_existing=check_existing)
    previous: dict[str, set] = {}
    started = time.monotonic()
    checks = 0
    for cycle in _cycles(max_cycles):
        if timeout is not None and time.monotonic() - started > timeout:
            break
        for path in watcher.poll():
            result = lint_file(path, **cli)
            keys = {_issue_key(i) for i in result.issues}
            new = keys - previous.get(path, set()) if path in previous else keys
            previous[path] = keys
            on_result(result, new)
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


@click.command("watch")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=str))
@click.option("--select", multiple=True, help="Only these rules: ids, prefixes or categories.")
@click.option("--ignore", multiple=True, help="Skip these rules.")
@click.option("--profile", type=click.Choice(["auto", "party", "state"]), default=None)
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of messages (vi).")
@click.option("--interval", type=click.FloatRange(min=0.05), default=0.5, show_default=True,
              help="Seconds between two looks at the folder.")
@click.option("--all", "check_existing", is_flag=True, help="Also check every file once at start.")
@click.option("--no-color", is_flag=True, help="Plain output without colours.")
@click.option("--max-cycles", type=int, default=None, hidden=True)
@click.option("--timeout", type=float, default=None, hidden=True)
@click.option("--max-checks", type=int, default=None, hidden=True)
def command(folder: str, select: tuple[str, ...], ignore: tuple[str, ...], profile: str | None, lang: str | None,
            interval: float, check_existing: bool, no_color: bool, max_cycles: int | None,
            timeout: float | None, max_checks: int | None) -> None:
    """Watch FOLDER and re-check each report (.docx, .txt, .md) when it is saved."""
    from datetime import datetime

    from rich.text import Text

    from .cli import UsageFailure, UnknownSelector, check_selectors
    from .config import ConfigError, discover
    from .i18n import t
    from .report.console import make_console, render_file
    from .rules import RuleFileError

    cli = {"select": _split(select), "ignore": _split(ignore), "profile": profile, "lang": lang}
    try:
        check_selectors(cli)
        out_lang = discover(folder).merged(**cli).lang
    except (UnknownSelector, RuleFileError) as exc:
        raise UsageFailure(str(exc)) from None
    except ConfigError as exc:
        raise UsageFailure(f"{exc.path}: {exc.reason}") from None
    console = make_console(no_color=no_color)
    vi = out_lang == "vi"
    console.print(Text(f"checker: {'đang theo dõi' if vi else 'watching'} {folder} "
                       f"({'Ctrl-C để dừng' if vi else 'Ctrl-C to stop'})", style="dim"))

    def on_result(result: Any, new: set) -> None:
        stamp = datetime.now().strftime("%H:%M:%S")
        fixed_note = ""
        n_new = sum(1 for i in result.issues if _issue_key(i) in new)
        if result.error is None:
            fixed_note = (f" — {n_new} {'mới' if vi else 'new'}, {len(result.issues)} "
                          f"{'tất cả' if vi else 'in all'}")
        console.rule(Text(f"{stamp}{fixed_note}", style="bold"), align="left")
        render_file(console, result, out_lang)
        if result.error is None and result.issues:
            from collections import Counter

            counts = Counter(i.severity.value for i in result.issues)
            console.print(Text("  " + ", ".join(f"{counts[s]} {t('severity.' + s, out_lang)}"
                                                for s in ("error", "warning", "info") if counts[s]), style="dim"))

    try:
        watch_loop(folder, cli, interval=interval, max_cycles=max_cycles, timeout=timeout, on_result=on_result,
                   check_existing=check_existing, max_checks=max_checks)
    except KeyboardInterrupt:
        console.print(Text("checker: " + ("đã dừng" if vi else "stopped"), style="dim"))
    raise SystemExit(0)
