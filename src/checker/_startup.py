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
