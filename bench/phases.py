"""Where a cold `checker lint FILE` spends its time, phase by phase, in one fresh process.

    python bench/phases.py FILE        # prints one JSON object {phase: seconds}

It follows the order the command line itself takes (imports, configuration, rules, reading, checks,
rendering) but times each step on its own; run.py runs it several times and shows the medians.
The first check run includes building the figure parser and any registry the checks build lazily.
"""

from __future__ import annotations

import io
import json
import sys
import time

T = time.perf_counter
_t0 = T()
marks: list[tuple[str, float]] = []


def mark(name: str) -> None:
    marks.append((name, T()))


def main() -> None:
    path = sys.argv[1]
    import click  # noqa: F401

    mark("import click")
    import checker.cli  # noqa: F401  (also installs the start-up plumbing of the CLI)
    from checker._regex_cache import install

    install()  # as `checker lint` does before importing its modules

    mark("import checker.cli")
    from checker.config import discover

    discover(path)
    mark("configuration (defaults unless a file is found)")
    from checker import api
    from checker.engine import load_rules

    mark("import api, engine, readers")
    from checker.checks.base import kinds

    kinds()
    mark("import check kinds (regexes, Params records)")
    rules = load_rules()
    mark("load rules (validated-rule cache; pydantic on a miss)" if "pydantic" not in sys.modules
         else "load + validate rule files (pydantic)")
    from checker.readers import read_path

    doc = read_path(path)
    mark("read the file")
    result = api.lint_document(doc)
    mark("checks (first run: builds the figure parser)")
    from checker.report.console import make_console, render

    mark("import rich console")
    render(api.Result([result]), make_console(io.StringIO(), no_color=True), "vi")
    mark("render findings")
    out, prev = {}, _t0
    for name, t in marks:
        out[name] = t - prev
        prev = t
    out["rules"] = len(rules)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
