"""`checker annotate FILE.docx -o OUT.docx`: a copy of the Word file with one comment per finding.

The original is only read (once, into memory). The copy is written to a temporary file beside OUT
and moved into place (os.replace), so that OUT is never half-written; an existing OUT is kept unless
--force is given. Exit codes: 0 written, 2 usage error or unreadable input.
Module-level imports stay light (click only): the command is registered on every `checker` start.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click


def _split(values: tuple[str, ...]) -> list[str] | None:
    out = [v.strip() for value in values for v in value.split(",") if v.strip()]
    return out or None


def annotate_file(source: str | Path, output: str | Path, *, force: bool = False, config: Any = None,
                  **cli: Any) -> dict[str, Any]:
    """Lints `source` and writes the annotated copy to `output`. Returns {"result": FileResult,
    "placed": [Placed…]}. Raises FileExistsError, ValueError (same file / not .docx) or ReadError.
    `config` replaces the configuration found from the file's folder (the web page's uploads)."""
    from .api import lint_configured
    from .config import discover
    from .output import write_bytes_atomic
    from .readers import ReadError, read_path
    from .report.docx_comments import write_annotated

    src, out = Path(source), Path(output)
    precheck(src, out, force)
    cfg = (config or discover(src)).merged(**cli)
    doc = read_path(src)  # raises ReadError with a clear reason
    source_bytes = src.read_bytes()
    result = lint_configured(doc, cfg, str(src))
    try:
        data, placed = write_annotated(source_bytes, doc, result.issues, cfg.lang)
    except Exception as exc:  # python-docx cannot rebuild this package
        raise ReadError("corrupt", f"cannot write an annotated copy: {exc}", str(src)) from None
    write_bytes_atomic(out, data)
    return {"result": result, "placed": placed, "lang": cfg.lang}


class Refused(ValueError):
    """A refusal before any work; `key` and `path` name the catalogue message (usage.*)."""

    def __init__(self, key: str, path: Path, english: str):
        super().__init__(f"{path}: {english}")
        self.key, self.path = key, path


def precheck(src: Path, out: Path, force: bool) -> None:
    """The cheap refusals, before any work: not a .docx, output = input, output exists."""
    if src.suffix.lower() == ".pdf":
        raise ValueError(f"{src}: annotate does not apply to PDF (a PDF cannot carry Word comments); "
                         f"check it with: checker lint {src} (or --format json)")
    if src.suffix.lower() != ".docx":
        raise Refused("usage.not_docx", src, "only Word (.docx) files can be annotated")
    if out.suffix.lower() != ".docx":
        raise Refused("usage.output_not_docx", out, "the output must be a .docx file")
    if out.exists() and src.exists() and os.path.samefile(src, out):
        raise Refused("usage.same_file", out, "the output must not be the original file")
    if out.exists() and not force:
        raise FileExistsError(str(out))


@click.command("annotate")
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=str),
              help="Where to write the annotated copy (.docx).")
@click.option("--force", "-f", is_flag=True, help="Overwrite OUTPUT if it exists.")
@click.option("--select", multiple=True, help="Only these rules: ids, prefixes or categories.")
@click.option("--ignore", multiple=True, help="Skip these rules.")
@click.option("--profile", type=click.Choice(["auto", "party", "state"]), default=None)
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of the comments (vi).")
def command(file: str, output: str, force: bool, select: tuple[str, ...], ignore: tuple[str, ...],
            profile: str | None, lang: str | None) -> None:
    """Write a copy of a Word report with a comment on each finding (the original is not changed)."""
    from .cli import UnknownSelector, UsageFailure, check_selectors, usage_error
    from .config import ConfigError
    from .i18n import t
    from .readers import ReadError
    from .rules import RuleFileError

    cli = {"select": _split(select), "ignore": _split(ignore), "profile": profile, "lang": lang}
    try:
        precheck(Path(file), Path(output), force)
        check_selectors(cli)
        done = annotate_file(file, output, force=force, **cli)
    except FileExistsError:
        raise usage_error("usage.exists", lang, path=output) from None
    except Refused as exc:
        raise usage_error(exc.key, lang, path=exc.path) from None
    except UnknownSelector as exc:  # (a ValueError, as ConfigError is: before the generic case below)
        raise usage_error("usage.unknown_selector", lang, selector=exc.selector) from None
    except ConfigError as exc:
        raise usage_error("usage.config", lang, path=exc.path, reason=exc.message(lang or "vi")) from None
    except ValueError as exc:
        raise UsageFailure(str(exc)) from None
    except ReadError as exc:
        from .api import read_error_result

        fr = read_error_result(file, exc, lang or "vi")
        raise UsageFailure(f"{file}: {fr.error.message if fr.error else exc.reason}") from None
    except RuleFileError as exc:
        raise usage_error("usage.rules", lang, reason=str(exc)) from None
    except OSError as exc:
        from .i18n import detail_text

        reason = detail_text(exc.strerror or str(exc), lang or "vi")
        raise usage_error("usage.write_failed", lang, path=output, reason=reason) from None
    placed = done["placed"]
    exact = sum(1 for p in placed if p.mode == "exact")
    click.echo("checker: " + t("annotate.written", done["lang"], n=len(placed), exact=exact, path=output), err=True)
