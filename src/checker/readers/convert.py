"""Word 97-2003 (.doc), OpenDocument (.odt) and RTF reports, converted to .docx by LibreOffice when it
is installed, then read as Word files.

LibreOffice is found as `soffice` or `libreoffice` on PATH, or named by the CHECKER_SOFFICE environment
variable (a path or a command name). The conversion runs headless on a copy of the input inside a private
temporary folder, with a private LibreOffice profile there (so it never clashes with a LibreOffice the
user has open, and never writes a lock file beside the user's file), and within a time limit after which
the whole LibreOffice process group is killed. The temporary folder is removed afterwards. Findings name
the original file.

Errors: `convert-timeout`, `convert-failed` (LibreOffice ran and produced nothing, or cannot be run);
without LibreOffice the caller keeps its own error (`legacy-doc` with the conversion hint, or
`needs-libreoffice`).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ..document import Document
from .errors import ReadError, checked_size

CONVERTIBLE = (".doc", ".odt", ".rtf")
TIMEOUT_SECONDS = 120.0
MAX_FILE_BYTES = 200 * 2**20
ENV_VAR = "CHECKER_SOFFICE"


def find_soffice() -> str | None:
    """The LibreOffice program to run: CHECKER_SOFFICE when set (None when it names nothing runnable),
    else `soffice` or `libreoffice` on PATH."""
    return _find(os.environ.get(ENV_VAR, ""), os.environ.get("PATH", ""))


@lru_cache(maxsize=8)
def _find(named: str, path: str) -> str | None:
    if named:
        p = Path(named)
        if p.parent != Path(".") or p.is_file():  # a path, not a command name
            return str(p) if p.is_file() and os.access(p, os.X_OK) else None
        return _which(named, path)
    return _which("soffice", path) or _which("libreoffice", path)


def _which(command: str, path: str) -> str | None:
    """`shutil.which` without importing shutil (folder mode asks on every run, most never convert)."""
    exts = os.environ.get("PATHEXT", ".EXE;.BAT;.CMD").split(os.pathsep) if os.name == "nt" else [""]
    for folder in filter(None, path.split(os.pathsep)):
        for ext in exts:
            candidate = os.path.join(folder, command + ext)
            if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
                return candidate
    return None


def convertible_suffixes() -> tuple[str, ...]:
    """The suffixes read through LibreOffice: all of CONVERTIBLE when it is installed, none otherwise."""
    return CONVERTIBLE if find_soffice() else ()


def unavailable(path: Path, name: str) -> ReadError | None:
    """The error when CHECKER_SOFFICE names a program that cannot be run (None otherwise)."""
    named = os.environ.get(ENV_VAR, "")
    if named and find_soffice() is None:
        return ReadError("convert-failed", f"{ENV_VAR} names '{named}', which cannot be run", name,
                         detail=f"{ENV_VAR}={named}")
    return None


def read_converted(path: Path, name: str, soffice: str, timeout: float | None = None) -> Document:
    """`path` converted to .docx by LibreOffice (`soffice`) in a private folder, read as a Word file."""
    import tempfile  # (here: folder mode asks this module which suffixes it reads, on every run)

    timeout = TIMEOUT_SECONDS if timeout is None else timeout
    checked_size(path, name, MAX_FILE_BYTES)
    suffix = path.suffix.lower()
    with tempfile.TemporaryDirectory(prefix="checker-convert-") as tmp:
        work = Path(tmp)
        source = work / f"input{suffix}"
        import shutil

        try:
            shutil.copyfile(path, source)
        except OSError as exc:
            from .errors import unreadable

            raise unreadable(exc, name) from None
        outdir = work / "out"
        docx = _run(soffice, source, outdir, work / "profile", name, timeout)
        from .docx import read_docx

        doc = read_docx(docx, name)
    doc.meta["converted_from"] = suffix
    return doc


def _run(soffice: str, source: Path, outdir: Path, profile: Path, name: str, timeout: float) -> Path:
    import subprocess
    cmd = [soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
           f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "docx:MS Word 2007 XML",
           "--outdir", str(outdir), str(source)]
    env = dict(os.environ, HOME=str(profile.parent))  # nothing written to the user's home either
    posix = os.name == "posix"
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                cwd=str(profile.parent), env=env, start_new_session=posix,
                                creationflags=0 if posix else getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0))
    except OSError as exc:
        raise ReadError("convert-failed", f"cannot run LibreOffice ({soffice}: {exc.strerror or exc})", name,
                        detail=f"{soffice}: {exc.strerror or exc}") from None
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc, posix)
        raise ReadError("convert-timeout", f"LibreOffice did not convert the file within {timeout:g} s", name,
                        detail=f"{timeout:g}") from None
    except BaseException:
        _kill(proc, posix)
        raise
    result = outdir / (source.stem + ".docx")
    if proc.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
        lines = [ln.strip() for ln in (err or b"").decode("utf-8", "replace").splitlines() if ln.strip()]
        why = lines[-1][:200] if lines else f"exit code {proc.returncode}, no output"
        raise ReadError("convert-failed", f"LibreOffice could not convert the file ({why})", name, detail=why)
    return result


def _kill(proc, posix: bool) -> None:
    """Ends LibreOffice and everything it started (soffice starts soffice.bin)."""
    import signal
    import subprocess

    try:
        if posix:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass
    try:
        proc.communicate(timeout=10)
    except (subprocess.TimeoutExpired, OSError, ValueError):
        pass
