"""Start-up plumbing for the command line (see bench/README.md for the measurements).

pydantic looks for its plugins the first time a model class is built: `pydantic.plugin._loader`
imports `importlib.metadata` (which pulls in `email`, `zipfile`, `csv`…: about 20–25 ms on the
benchmark machine) and scans the entry points of every installed distribution. The command line
uses no pydantic plugin, so unless the user configured plugins (PYDANTIC_DISABLE_PLUGINS set to
something other than "__all__"/"1"/"true"), the loader is replaced by a stand-in whose
`get_plugins()` returns none, which is what pydantic itself does when plugins are disabled. Any
other attribute loads the real module, so a pydantic release that uses more of it keeps working.
The library API (`import checker`) does not call this.
"""

from __future__ import annotations

import os
import sys
import types

_LOADER = "pydantic.plugin._loader"


class _NoPlugins(types.ModuleType):
    @staticmethod
    def get_plugins() -> tuple:
        return ()

    def __getattr__(self, name: str):  # anything else: the real module, from now on
        import importlib

        if name.startswith("__") and name.endswith("__"):  # the import system probing (__path__…)
            raise AttributeError(name)

        if sys.modules.get(_LOADER) is self:
            del sys.modules[_LOADER]
        real = importlib.import_module(_LOADER)
        return getattr(real, name)


def skip_pydantic_plugin_scan() -> None:
    if _LOADER in sys.modules:
        return
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in (None, "", "__all__", "1", "true"):
        return  # the user names plugins to disable: others may be wanted, keep pydantic's loader
    sys.modules[_LOADER] = _NoPlugins(_LOADER)


# --- the process of the `checker` command itself ----------------------------------------------
#
# Two costs of a short-lived command that are not the checker's work (measured on the 50 KB
# synthetic report, bench/README.md): the cyclic garbage collector traversing the ~150,000 objects
# that importing click, pydantic and the check modules creates (≈ 10 ms in 70+ collections; those
# objects live until exit anyway), and the interpreter's own shutdown (≈ 20 ms: tearing down every
# module's namespace, pydantic's and rich's included). Both are only skipped when this process IS the
# command line (the `checker` script or `python -m checker`), never when checker is imported as a
# library or driven by click's test runner.

_gc_paused = False


def is_command_line() -> bool:
    """True when this process runs the `checker` command (console script or `python -m checker`)."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is not None and getattr(spec, "name", None) == "checker.__main__":
        return True
    return os.path.basename(getattr(main, "__file__", None) or "") in ("checker", "checker-script.py")


def pause_gc() -> None:
    """Start-up: no cyclic collection while the command imports its modules (objects that live
    until exit); `resume_gc` moves them out of the collector's sight and turns it back on."""
    global _gc_paused
    import gc

    if gc.isenabled():
        gc.disable()
        _gc_paused = True


def resume_gc() -> None:
    global _gc_paused
    if _gc_paused:
        import gc

        _gc_paused = False
        gc.freeze()  # everything imported so far: permanent, never traversed again
        gc.enable()


def finish(code: int) -> None:
    """Ends the command with `code`. When this process is the command line and nothing registered
    work for exit (no worker pool was started), flush the output and leave without the interpreter's
    module teardown; otherwise (library use, tests, --jobs) a normal `sys.exit`."""
    if is_command_line():
        from ._regex_cache import save

        save()
    if is_command_line() and "multiprocessing" not in sys.modules and not os.environ.get("CHECKER_SLOW_EXIT"):
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):  # a closed pipe: let Python report it the usual way
            sys.exit(code)
        os._exit(code)
    sys.exit(code)
