"""Plain-text reports (.txt, .md): one line is one block, line numbers kept."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..document import Block, BlockKind, Document
from .errors import ReadError

MAX_TEXT_BYTES = 20 * 1024 * 1024


def document_from_text(text: str, name: str, fmt: str = "txt", encoding: str | None = None) -> Document:
    blocks = []
    for n, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        nfc = unicodedata.normalize("NFC", line)
        blocks.append(Block(index=n, kind=BlockKind.PARAGRAPH, text=nfc, line=n, was_nfd=nfc != line))
    return Document(path=name, format=fmt, blocks=blocks, encoding=encoding)


def read_text_file(path: Path, name: str) -> Document:
    size = path.stat().st_size
    if size == 0:
        raise ReadError("empty", "the file is empty", name)
    if size > MAX_TEXT_BYTES:
        raise ReadError("too-large", f"the file is larger than {MAX_TEXT_BYTES // 2**20} MB", name,
                        detail=f"> {MAX_TEXT_BYTES // 2**20} MB")
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ReadError("encoding", "not valid UTF-8 text", name) from None
    return document_from_text(text, name, fmt=path.suffix.lower().lstrip("."), encoding="utf-8")


def sniff_unsupported(path: Path, name: str) -> ReadError:
    suffix = path.suffix or "(none)"
    return ReadError("unknown-format", f"unsupported file type '{suffix}' (checker reads .docx, .txt and .md)",
                     name, detail=suffix)
