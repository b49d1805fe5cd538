"""`checker serve`: the report page for people without a terminal (see `checker.web`).

Module-level imports stay light (click only): the command is registered on every `checker` start,
and the web libraries are an optional extra (`pip install 'checker[web]'`).
"""

from __future__ import annotations

import sys
from importlib.util import find_spec

import click

INSTALL_HINT = "pip install 'checker[web]'"


def missing_web_libraries() -> list[str]:
    """The web extra's libraries that are not installed."""
    missing = [name for name in ("starlette", "uvicorn") if find_spec(name) is None]
    if find_spec("python_multipart") is None and find_spec("multipart") is None:
        missing.append("python-multipart")
    return missing


def is_loopback(host: str) -> bool:
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_of(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else ("[::1]" if host == "::" else host)
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 serves the office network (no login: use a trusted network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--max-size", default=20.0, show_default=True, type=click.FloatRange(min=0.001),
              help="Largest upload accepted, in MB per file.")
@click.option("--max-files", default=20, show_default=True, type=click.IntRange(min=1),
              help="Most files checked in one request.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              help="Default language of the page and the results.")
def command(host: str, port: int, max_size: float, max_files: int, lang: str) -> None:
    """Serve a web page where reports are uploaded, checked and annotated (needs the 'web' extra)."""
    from .cli import UsageFailure
    from .config import ConfigError, discover
    from .i18n import t

    missing = missing_web_libraries()
    if missing:
        raise UsageFailure(f"`checker serve` needs the web extra ({', '.join(missing)} missing): {INSTALL_HINT}")
    import uvicorn

    from .engine import load_rules
    from .rules import RuleFileError
    from .web import LOOPBACK_HOSTS, MB, Settings, create_app

    try:
        config = discover(".")  # checker.toml / [tool.checker] of the folder it is started from
        load_rules()  # now, not at the first upload; a bad rule file stops here
    except ConfigError as exc:
        raise UsageFailure(f"{exc.path}: {exc.reason}") from None
    except RuleFileError as exc:
        raise UsageFailure(str(exc)) from None
    settings = Settings(max_size=int(max_size * MB), max_files=max_files, lang=lang, config=config)
    local = is_loopback(host)
    # bound to this machine only: answer only requests addressed to it (no DNS rebinding)
    app = create_app(settings, allowed_hosts=LOOPBACK_HOSTS if local else None)
    if not local:
        click.echo(t("web.exposed", lang, host=host), err=True)
    click.echo(t("web.serving", lang, url=url_of(host, port)), err=True)
    sys.stderr.flush()
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, server_header=False)
