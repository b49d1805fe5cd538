"""`checker serve`: a small web application for clerks who never open a terminal.

One page (`GET /`) where a clerk drops or picks reports, chooses the profile and language, reads the
HTML report (`POST /report`, shown in a sandboxed frame) and downloads the annotated Word copy
(`POST /api/annotate`). Other tools of the office use the JSON endpoints, which mirror the API:
`POST /api/lint` answers the JSON contract of `checker lint --format json`.

Uploads: multipart form data, field `files` (one or more; `/api/annotate` takes one, as `file` or
`files`), and optional fields `profile` (auto|party|state), `lang` (vi|en), `select` and `ignore`
(comma-separated rule selectors, as on the command line). Limits: a request holds at most
`max_files` files of at most `max_size` bytes each; a larger body is refused while it arrives (413),
a file over the limit gets the command line's `too-large` reason while the others are checked.
While a request is read, the multipart parser holds each file in memory (beyond 1 MB in an unnamed
temporary file, gone when closed); to be checked, the files are copied into a private temporary
folder (mode 0700) under their own names, and the folder is removed before the response is sent.
Nothing is kept. One request is checked at a time (the checks are
CPU-bound and share per-process caches), the others wait their turn.

Errors of a request as a whole (no file, too many, too large, a bad option) are JSON:
`{"error": {"code": "...", "message": "..."}}` with status 400 or 413; a file that cannot be read is
reported inside the result as on the command line, and does not spoil the others.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
import unicodedata
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, AsyncIterator, BinaryIO
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from .. import __version__
from ..config import Config
from ..i18n import t

TEMPLATES = Path(__file__).with_name("templates")
MB = 1024 * 1024
DEFAULT_MAX_SIZE = 20 * MB
DEFAULT_MAX_FILES = 20
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
PROFILES = ("auto", "party", "state")
LANGS = ("vi", "en")
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language, as language switches show them


@dataclass(frozen=True)
class Settings:
    """What `checker serve` was started with."""

    max_size: int = DEFAULT_MAX_SIZE
    max_files: int = DEFAULT_MAX_FILES
    lang: str = "vi"  # the page's language when the browser does not ask for one
    config: Config = field(default_factory=Config)  # checker.toml / [tool.checker] found where it started

    @property
    def max_body(self) -> int:
        """The largest request accepted: every file at its limit, and room for the form's fields."""
        return self.max_files * self.max_size + MB


class RequestFailed(Exception):
    """A request that cannot be served as a whole: answered with JSON, status `status`."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: refuses a request body over `limit` bytes, by its Content-Length before
    reading anything, and while it arrives otherwise (chunked uploads)."""

    def __init__(self, app: Any, limit: int, lang: str):
        self.app, self.limit, self.lang = app, limit, lang

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await self.refuse(scope, receive, send)
                return
        seen = 0
        started = False

        async def counted() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge()
            return message

        async def watched_send(message: dict) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched_send)
        except BodyTooLarge:
            if not started:
                await self.refuse(scope, receive, send)

    async def refuse(self, scope: dict, receive: Any, send: Any) -> None:
        response = error_response(RequestFailed(413, "too-large", t(
            "web.error.body-too-large", self.lang, size=megabytes(self.limit))))
        await response(scope, receive, send)


def megabytes(n: int) -> str:
    return f"{n / MB:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def error_response(exc: RequestFailed) -> JSONResponse:
    return JSONResponse({"error": {"code": exc.code, "message": exc.message}}, status_code=exc.status,
                        headers=SECURITY_HEADERS)


SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                    "Cache-Control": "no-store"}


# --- uploads ----------------------------------------------------------------------------------------

@dataclass
class Upload:
    """One uploaded file: the name to show, its content (the parser's spooled file: in memory up to
    1 MB, beyond that an unnamed temporary file; None when over the size limit) and its size."""

    name: str
    content: BinaryIO | None
    size: int

    def save(self, path: Path) -> None:
        assert self.content is not None
        self.content.seek(0)
        with open(path, "wb") as fh:
            shutil.copyfileobj(self.content, fh)


_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')


def display_name(raw: str | None, number: int) -> str:
    """The file's own name, safe as a file name in a private folder and to show: no folder part, no
    control or reserved characters, NFC, at most 150 characters (keeping the extension)."""
    name = unicodedata.normalize("NFC", (raw or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = _UNSAFE.sub("_", name).strip(" .")
    if len(name) > 150:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:140] + dot + ext[-9:]) if dot and len(ext) <= 9 else name[:150]
    return name or f"tep-{number}"


@dataclass
class Options:
    profile: str | None
    lang: str
    select: list[str] | None
    ignore: list[str] | None

    def cli(self) -> dict[str, Any]:
        return {"profile": self.profile, "lang": self.lang, "select": self.select, "ignore": self.ignore}


def _choice(form: Any, name: str, choices: tuple[str, ...], default: str | None, lang: str) -> str | None:
    value = form.get(name)
    if value is None or value == "":
        return default
    if not isinstance(value, str) or value not in choices:
        raise RequestFailed(400, "bad-option", t("web.error.bad-option", lang, name=name, value=str(value)[:40]))
    return value


def _selectors(form: Any, name: str, lang: str) -> list[str] | None:
    from ..engine import known_selector, load_rules

    value = form.get(name)
    if not isinstance(value, str) or not value.strip():
        return None
    out = [v.strip() for v in value.split(",") if v.strip()]
    rules = load_rules()
    for sel in out:
        if not known_selector(sel, rules):
            raise RequestFailed(400, "unknown-selector", t("error.unknown_selector", lang, selector=sel[:40]))
    return out


@asynccontextmanager
async def read_request(request: Request, settings: Settings, *,
                       single: bool = False) -> AsyncIterator[tuple[list[Upload], Options]]:
    """The uploaded files and options of a request, open while the context lasts (the parser's
    files are closed at its end); RequestFailed when the request cannot be served at all."""
    lang = request.query_params.get("lang") if request.query_params.get("lang") in LANGS else settings.lang
    try:
        form = await request.form(max_files=settings.max_files, max_fields=20, max_part_size=64 * 1024)
    except HTTPException as exc:  # the multipart parser's refusals: too many files or fields, a bad body
        code = "too-many-files" if "files" in str(exc.detail).lower() else "bad-request"
        message = (t("web.error.too-many-files", lang, max=settings.max_files) if code == "too-many-files"
                   else t("web.error.bad-request", lang, detail=str(exc.detail)[:200]))
        raise RequestFailed(400, code, message) from None
    try:
        lang = _choice(form, "lang", LANGS, lang, lang) or lang
        profile = _choice(form, "profile", PROFILES, None, lang)
        options = Options(profile=profile, lang=lang, select=_selectors(form, "select", lang),
                          ignore=_selectors(form, "ignore", lang))
        parts = [p for p in (*form.getlist("files"), *form.getlist("file")) if isinstance(p, UploadFile)]
        parts = [p for p in parts if p.filename or p.size]  # an empty file input sends a nameless part
        if not parts:
            raise RequestFailed(400, "no-files", t("web.error.no-files", lang))
        if single and len(parts) > 1:
            raise RequestFailed(400, "one-file", t("web.error.one-file", lang))
        uploads = [Upload(display_name(part.filename, k), part.file if (part.size or 0) <= settings.max_size else None,
                          part.size or 0) for k, part in enumerate(parts, 1)]
        yield uploads, options
    finally:
        await form.close()


def _unique(names: list[str]) -> list[str]:
    """Two uploads of the same name are told apart in the report: "bao-cao.docx", "bao-cao (2).docx"."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            stem, dot, ext = name.rpartition(".")
            name = f"{stem} ({seen[name]}).{ext}" if dot else f"{name} ({seen[name]})"
        out.append(name)
    return out


# --- the work ---------------------------------------------------------------------------------------

_work_lock = threading.Lock()


def too_large_result(upload: Upload, settings: Settings, lang: str) -> Any:
    from ..api import read_error_result
    from ..readers import ReadError

    detail = f"{megabytes(upload.size)} MB > {megabytes(settings.max_size)} MB"
    return read_error_result(upload.name, ReadError("too-large", f"the file is larger than {detail}",
                                                    upload.name, detail), lang)


def lint_uploads(uploads: list[Upload], options: Options, settings: Settings, *,
                 keep_documents: bool = False) -> tuple[Any, dict[str, Any]]:
    """Checks the uploads as the command line checks files: each in a private temporary folder,
    removed before this returns. Returns the Result (paths are the uploads' names) and, when asked,
    the Documents by name (for the HTML report)."""
    from ..api import Result, lint_file
    from ..figures import clear_caches

    result = Result()
    documents: dict[str, Any] = {}
    names = _unique([u.name for u in uploads])
    with _work_lock, tempfile.TemporaryDirectory(prefix="checker-web-") as tmp:
        try:
            for k, (upload, name) in enumerate(zip(uploads, names), 1):
                if upload.content is None:
                    result.files.append(too_large_result(upload, settings, options.lang))
                    continue
                folder = Path(tmp) / str(k)
                folder.mkdir()
                path = folder / name
                upload.save(path)
                read: dict[str, Any] = {}
                fr = lint_file(path, config=settings.config, documents=read if keep_documents else None,
                               **options.cli())
                if str(path) in read:
                    documents[name] = read[str(path)]
                fr.path = name
                result.files.append(fr)
        finally:
            clear_caches()  # the text caches would keep every report checked so far alive
    return result, documents


def annotate_upload(upload: Upload, options: Options, settings: Settings) -> tuple[bytes, int]:
    """The annotated Word copy of one upload, and the number of comments in it."""
    from ..annotate_cmd import annotate_file
    from ..api import read_error_result
    from ..figures import clear_caches
    from ..readers import ReadError

    lang = options.lang
    if not upload.name.lower().endswith(".docx"):
        raise RequestFailed(400, "not-docx", t("web.error.not-docx", lang, name=upload.name))
    if upload.content is None:
        fr = too_large_result(upload, settings, lang)
        raise RequestFailed(413, "too-large", f"{upload.name}: {fr.error.message}")
    with _work_lock, tempfile.TemporaryDirectory(prefix="checker-web-") as tmp:
        source = Path(tmp) / upload.name
        upload.save(source)
        try:
            done = annotate_file(source, Path(tmp) / "annotated.docx", config=settings.config, **options.cli())
            return (Path(tmp) / "annotated.docx").read_bytes(), len(done["placed"])
        except ReadError as exc:
            fr = read_error_result(upload.name, exc, lang)
            raise RequestFailed(422, exc.code, f"{upload.name}: {fr.error.message if fr.error else exc.reason}") from None
        finally:
            clear_caches()


# --- pages and endpoints ----------------------------------------------------------------------------

@cache
def page_environment() -> Any:
    from ..report.html import make_environment

    return make_environment(TEMPLATES)


def page_policy() -> str:
    """The page's own style and script, and the report's (its frame inherits this policy)."""
    from ..report.html import assets

    page, report = assets(TEMPLATES, "page"), assets()
    return (f"default-src 'none'; style-src {page['style_hash']} {report['style_hash']}; "
            f"script-src {page['script_hash']} {report['script_hash']}; connect-src 'self'; img-src data: blob:; "
            "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def page_language(request: Request, settings: Settings) -> str:
    asked = request.query_params.get("lang")
    return asked if asked in LANGS else settings.lang


def create_app(settings: Settings | None = None, *, allowed_hosts: list[str] | None = None) -> Starlette:
    """The application. `allowed_hosts` (the Host headers answered) guards a server bound to the
    loopback address against DNS rebinding; None answers any host."""
    from markupsafe import Markup

    from ..readers import SUPPORTED
    from ..report.html import assets, content_security_policy, render, words

    settings = settings or Settings()

    async def page(request: Request) -> Response:
        lang = page_language(request, settings)
        a = assets(TEMPLATES, "page")
        # .doc is offered too: it gets the command line's advice (convert it) rather than vanishing
        accept = ",".join(dict.fromkeys((*SUPPORTED, ".doc")))
        html = page_environment().get_template("page.html.j2").render(
            _=words(lang), lang=lang, version=__version__, accept=accept,
            kinds=", ".join(SUPPORTED), max_files=settings.max_files, max_size=megabytes(settings.max_size),
            profiles=PROFILES, langs=LANGS, language_names=LANGUAGE_NAMES, css=Markup(a["css"]), js=Markup(a["js"]))
        return HTMLResponse(html, headers={**SECURITY_HEADERS, "Content-Security-Policy": page_policy(),
                                           "X-Frame-Options": "DENY"})

    async def report(request: Request) -> Response:
        try:
            async with read_request(request, settings) as (uploads, options):
                result, documents = await run_in_threadpool(lint_uploads, uploads, options, settings,
                                                            keep_documents=True)
        except RequestFailed as exc:
            return error_response(exc)
        html = await run_in_threadpool(render, result, options.lang, documents=documents)
        return HTMLResponse(html, headers={**SECURITY_HEADERS, "Content-Security-Policy": content_security_policy(),
                                           "X-Checker-Exit-Code": str(result.exit_code())})

    async def api_lint(request: Request) -> Response:
        try:
            async with read_request(request, settings) as (uploads, options):
                result, _ = await run_in_threadpool(lint_uploads, uploads, options, settings)
        except RequestFailed as exc:
            return error_response(exc)
        return JSONResponse(result.to_json(), headers={**SECURITY_HEADERS,
                                                       "X-Checker-Exit-Code": str(result.exit_code())})

    async def api_annotate(request: Request) -> Response:
        try:
            async with read_request(request, settings, single=True) as (uploads, options):
                data, comments = await run_in_threadpool(annotate_upload, uploads[0], options, settings)
        except RequestFailed as exc:
            return error_response(exc)
        return Response(data, media_type=DOCX_TYPE, headers={
            **SECURITY_HEADERS, "X-Checker-Comments": str(comments),
            "Content-Disposition": attachment(annotated_name(uploads[0].name))})

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__}, headers=SECURITY_HEADERS)

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/report", report, methods=["POST"]),
        Route("/api/lint", api_lint, methods=["POST"]),
        Route("/api/annotate", api_annotate, methods=["POST"]),
        Route("/healthz", health, methods=["GET"]),
    ]
    middleware = [Middleware(BodyLimit, limit=settings.max_body, lang=settings.lang)]
    if allowed_hosts:
        middleware.insert(0, Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    return Starlette(routes=routes, middleware=middleware)


def annotated_name(name: str) -> str:
    stem = name[:-5] if name.lower().endswith(".docx") else name
    return f"{stem}.checked.docx"


def attachment(name: str) -> str:
    """A Content-Disposition for a download named `name` (any script: RFC 6266 with an ASCII fallback)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    ascii_name = re.sub(r'[^A-Za-z0-9._ ()-]', "_", ascii_name) or "checked.docx"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
