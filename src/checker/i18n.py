"""The tool's own words (not the rules' messages): one JSON catalogue per language in `locales/`.

Every string the command line shows a user comes from here, in the run's language: report labels,
usage errors, file errors, the watch and annotate commands' lines. A key present in one catalogue
is present in the other (tests/test_languages.py checks it).
"""

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


def number(n: int, lang: str = DEFAULT_LANG) -> str:
    """A count as each language writes it: "1.200" in Vietnamese, "1,200" in English."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang != "en" else text


def count(key: str, n: int, lang: str = DEFAULT_LANG) -> str:
    """`n` things with the noun in the right number: "1 error", "3 errors", "1.200 lỗi".
    The catalogue holds `key.one` and `key.other` ({n} in both)."""
    form = f"{key}.one" if n == 1 and f"{key}.one" in catalogue(lang) else f"{key}.other"
    return t(form, lang, n=number(n, lang))


def detail_text(detail: str, lang: str = DEFAULT_LANG) -> str:
    """A reader's detail about an unreadable file ("binary data, not text") in the run's language;
    details that are data (a part name, "12 MB > 10 MB") come back as they are."""
    return catalogue(lang).get("detail." + detail) or detail


def source_text(source: str, lang: str = DEFAULT_LANG) -> str:
    """A rule file's `source` in the run's language: the regulations it cites are names ("Nghị định
    30/2020/NĐ-CP, Phụ lục I §II.5") and stay as they are; the words for a basis that is practice, not
    a regulation ("practice", "numbers"…) are catalogue keys (`source.<word>`)."""
    parts = [p.strip() for p in source.split(";") if p.strip()]
    return "; ".join(catalogue(lang).get("source." + p) or p for p in parts)
