#!/usr/bin/env bash
# The benchmark's own environment: bench/.venv with proselint (the peer) and pyinstrument (profiling).
# Never installed into the project's venv or its dependencies.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python3 -m venv "$here/.venv"
"$here/.venv/bin/pip" install --quiet --disable-pip-version-check "proselint==0.16.0" "pyinstrument>=5"
"$here/.venv/bin/proselint" version
