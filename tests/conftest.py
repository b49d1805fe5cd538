import os

import pytest
from hypothesis import settings

# Property tests are deterministic by default (the same examples on every run, so CI never flakes);
# HYPOTHESIS_PROFILE=explore searches new random examples when hunting for bugs.
settings.register_profile("deterministic", derandomize=True, database=None, deadline=None)
settings.register_profile("explore", derandomize=False, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

# Deterministic, colourless output in every test.
os.environ.setdefault("NO_COLOR", "1")
os.environ.pop("FORCE_COLOR", None)


@pytest.fixture
def lint_text():
    """Lints a string and returns the issues (optionally only those of some rules)."""
    from checker.api import lint_document
    from checker.readers import read_string

    def run(text, select=None, profile=None, lang="vi"):
        return lint_document(read_string(text), select=select, profile=profile, lang=lang).issues

    return run
