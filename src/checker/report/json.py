"""JSON output, version 1 (the contract in design.md; schema in `schema.json`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..api import Result

SCHEMA_PATH = Path(__file__).with_name("schema.json")


def render(result: "Result", lang: str = "vi") -> str:
    return json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"


def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
