"""The tool's own words (not the rules' messages): one JSON catalogue per language in `locales/`."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"


@cache
def catalogue(lang: str) -> dict[str, str]:
    path = Path(__file__).with_name("locales") / f"{lang if lang in LANGS else DEFAULT_LANG}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def t(key: str, lang: str = DEFAULT_LANG, **args: object) -> str:
    """The message for `key` in `lang` (falls back to Vietnamese, then to the key itself)."""
    text = catalogue(lang).get(key) or catalogue(DEFAULT_LANG).get(key) or key
    return text.format(**args) if args else text
