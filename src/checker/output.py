"""Writing what checker produces without harming anything: the report (`lint -o`, standard output)
and the annotated Word copy.

- A file is written to a temporary file beside it and moved into place (os.replace): never half
  written. It gets the usual permissions (0666 minus the umask), not mkstemp's private 0600.
- A path that is not a regular file (a device such as /dev/full or /dev/stdout, a pipe) is written
  directly: it cannot be replaced, and must not be.
- The report never goes over an input of the run (`refuse_inputs`), however the path is spelled or
  linked.
- Every failure (a missing or read-only folder, a full disk) becomes `OutputError`, one line for the
  user, never a traceback.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import Iterable


class OutputError(Exception):
    """The report could not be written, or must not be: a message of the catalogue (`key`, a
    `usage.*` key) about `path`; `reason` is the system's words for a failure (translated when the
    catalogue knows them)."""

    def __init__(self, key: str, path: str = "", **args: str):
        self.key, self.path, self.values = key, path, args
        super().__init__(self.message("en"))

    @classmethod
    def stdout(cls, exc: OSError) -> "OutputError":
        return cls("usage.stdout_failed", reason=_reason(exc))

    def message(self, lang: str) -> str:
        from .i18n import detail_text, t

        args = {k: detail_text(v, lang) if k == "reason" else v for k, v in self.values.items()}
        return t(self.key, lang, path=self.path, **args)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _usual_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """Writes `data` to `path` atomically with the usual permissions; OSError on failure (the
    temporary file is removed)."""
    import tempfile

    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=str(path.parent) if str(path.parent) else ".", prefix=f".{path.name}.",
                               suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _usual_mode())  # mkstemp makes the file private (0600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _is_special(path: Path) -> bool:
    """A path that exists and is not a regular file (or a link to one): a device, a pipe, a socket."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def write_report(path: str | Path, text: str) -> None:
    """The report to a file (see the module's docstring); OutputError on any failure."""
    path = Path(path)
    data = text.encode("utf-8")
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(path))
        if _is_special(path):
            with open(path, "wb") as fh:
                fh.write(data)
                fh.flush()
            return
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise OutputError("usage.write_failed", str(path), reason=_reason(exc)) from None


def check_writable(output: str | Path) -> None:
    """Before any work: OutputError when the report's folder does not exist or cannot be written to
    (a full disk is only found when writing)."""
    folder = Path(output).parent
    if not folder.is_dir():
        raise OutputError("usage.output_folder", str(output), folder=str(folder))
    if not os.access(folder, os.W_OK | os.X_OK) and not _is_special(Path(output)):
        raise OutputError("usage.write_failed", str(output), reason="Permission denied")


def refuse_inputs(output: str | Path, inputs: Iterable[str]) -> None:
    """OutputError when `output` is one of `inputs` (the same file under any spelling, or through a
    link), since the report would replace it."""
    out = Path(output)
    try:
        out_stat = os.stat(out)
    except OSError:
        out_stat = None
    out_real = os.path.realpath(out)
    for name in inputs:
        same = os.path.realpath(name) == out_real
        if not same and out_stat is not None:
            try:
                st = os.stat(name)
                same = (st.st_dev, st.st_ino) == (out_stat.st_dev, out_stat.st_ino) and stat.S_ISREG(st.st_mode)
            except OSError:
                pass
        if same:
            raise OutputError("usage.output_is_input", str(output), input=name)


def write_stdout(text: str) -> None:
    """The report to standard output; OutputError when it cannot be written (a full disk, a closed
    pipe: then BrokenPipeError). Afterwards standard output points to /dev/null, so that Python's
    own flush at exit does not fail again with a traceback."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        silence_stdout()
        if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
            raise
        raise OutputError.stdout(exc) from None


def silence_stdout() -> None:
    """Points standard output to /dev/null (after a write failed), as Python's documentation
    recommends for SIGPIPE."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file behind sys.stdout (a test's capture)
        pass
