"""A rich progress bar on stderr, shown only for runs over several files on a terminal."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator

MIN_FILES = 4


@contextmanager
def progress_bar(total: int, *, enabled: bool = True, lang: str = "vi") -> Iterator[Callable[[], None]]:
    if not enabled or total < MIN_FILES or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .i18n import t

    with Progress(TextColumn(t("progress", lang)), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("lint", total=total)
        yield lambda: progress.advance(task)
