"""Plain-text reports (.txt, .md): one line is one block, line numbers kept.

Encodings: UTF-8 (with or without BOM), UTF-16 with BOM (and BOM-less UTF-16 that is
unmistakable), Windows-1258 when the decoded text reads as Vietnamese. Text typed in the legacy
TCVN3/VNI encodings is recognised per block (`Block.legacy_encoding`), never "repaired" in place.
Plain-text footnote forms of exported reports become footnote blocks (see footnotes_text.py).

Line ends: LF, CRLF and a lone CR (old Mac) all end a line, mixed freely, as text editors count
them, so line numbers match what the clerk sees. Other separators (form feed, U+2028) stay in the text.

A UTF-8 file damaged by a few invalid bytes is refused (`invalid-utf8`, with the line:column of the
first one) rather than guessed: reading it as Windows-1258 would turn every accented letter into
mojibake, and replacing the bytes silently would hide the damage. A file of only blank space is `empty`.

Markdown front matter (a first line `---` and a closing `---`/`...` within 100 lines) is metadata, not
report text: its lines give no blocks (later line numbers are unchanged) and its text is kept in
`doc.meta["front_matter"]`.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..document import Block, Document, renumber
from .errors import ReadError, checked_size, unreadable
from .footnotes_text import split_lines
from .legacy import detect_legacy, is_syllable, legacy_scores, suspicious
from .limits import check_lines

MAX_TEXT_BYTES = 20 * 1024 * 1024


def _nfc(line: str) -> tuple[str, bool]:
    if line.isascii():
        return line, False
    nfc = unicodedata.normalize("NFC", line)
    return nfc, nfc != line


def mark_legacy(blocks: list[Block], hints: dict[int, str] | None = None) -> None:
    """Sets `legacy_encoding` on blocks whose text is TCVN3/VNI mojibake. `hints` maps a block's
    position in `blocks` to the encoding its fonts imply (.docx)."""
    hints = hints or {}
    flagged: dict[str, int] = {}
    for k, b in enumerate(blocks):
        if b.text.isascii():
            continue
        enc = detect_legacy(b.text, hints.get(k))
        if enc:
            b.legacy_encoding = enc
            flagged[enc] = flagged.get(enc, 0) + 1
    # a document with several legacy blocks: weaker evidence (one word) is enough for the others
    for enc, count in flagged.items():
        if count < 3:
            continue
        for b in blocks:
            if b.legacy_encoding or not suspicious(b.text):
                continue
            t, v, good = legacy_scores(b.text)
            score = t if enc == "TCVN3" else v
            if score >= 1 and score > good:
                b.legacy_encoding = enc


_LINE_END = re.compile(r"\r\n|\r|\n")
FRONT_MATTER_MAX_LINES = 100


def split_text_lines(text: str) -> list[str]:
    """The lines of a text, ended by LF, CRLF or a lone CR (mixed freely)."""
    if "\r" not in text:
        return text.split("\n")
    return _LINE_END.split(text)


def front_matter_end(lines: list[str]) -> int:
    """Number of lines taken by a Markdown front matter block at the top (0 when there is none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    for k in range(1, min(len(lines), FRONT_MATTER_MAX_LINES + 1)):
        if lines[k].strip() in ("---", "..."):
            # metadata lines are `key: value`, list items or blank; a real horizontal rule around
            # report text is not front matter
            body = [ln for ln in lines[1:k] if ln.strip()]
            if body and all(_FM_LINE.match(ln) for ln in body):
                return k + 1
            return 0
    return 0


_FM_LINE = re.compile(r"^(?:[A-Za-z_][\w-]*\s*:(?:\s.*)?|\s+.*|-\s.*|#.*)$")


def document_from_text(text: str, name: str, fmt: str = "txt", encoding: str | None = None) -> Document:
    raw_lines = split_text_lines(text)
    check_lines(raw_lines, name)  # a line of megabytes, a runaway table row: refused, not checked for minutes
    lines: list[str] = []
    nfd_lines: set[int] = set()
    for n, line in enumerate(raw_lines, 1):
        nfc, was_nfd = _nfc(line)
        if was_nfd:
            nfd_lines.add(n)
        lines.append(nfc)
    meta: dict = {}
    skip = front_matter_end(lines) if fmt == "md" else 0
    if skip:
        meta["front_matter"] = "\n".join(lines[1:skip - 1])
        lines = [""] * skip + lines[skip:]
    blocks = split_lines(lines, meta)
    if skip:
        blocks = [b for b in blocks if b.line is None or b.line > skip]
    for b in blocks:
        if b.line in nfd_lines:
            b.was_nfd = True
    mark_legacy(blocks)
    return Document(path=name, format=fmt, blocks=renumber(blocks), encoding=encoding, meta=meta)


# --- decoding ---------------------------------------------------------------------------------------

def _vietnamese_ratio(text: str) -> float:
    """Share of the words with non-ASCII letters that are well-formed Vietnamese syllables."""
    words = [w for w in text.split() if not w.isascii()]
    if not words:
        return 0.0
    words = words[:2000]
    good = 0
    for w in words:
        core = "".join(c for c in w if c.isalpha())
        if core and is_syllable(core):
            good += 1
    return good / len(words)


def _looks_utf16(raw: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for BOM-less UTF-16 text (NUL in every other byte), else None."""
    sample = raw[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode_bytes(raw: bytes, name: str = "") -> tuple[str, str]:
    """(text, encoding name) or ReadError('encoding' / 'unknown-format')."""
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise ReadError("encoding", "starts with a UTF-8 BOM but is not valid UTF-8", name,
                            detail="invalid UTF-8") from None
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            try:
                return raw[2:].decode(codec), codec
            except UnicodeDecodeError:
                raise ReadError("encoding", "starts with a UTF-16 BOM but is not valid UTF-16", name,
                                detail="invalid UTF-16") from None
    codec16 = _looks_utf16(raw)
    if codec16:
        try:
            return raw.decode(codec16), codec16
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw:
        raise ReadError("unknown-format", "binary data (NUL bytes), not a text file", name,
                        detail="binary data, not text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        damaged = _damaged_utf8(raw, exc.start, name)
        if damaged is not None:
            raise damaged from None
    # an 8-bit file: Windows-1258 Vietnamese, or legacy TCVN3/VNI typed into a Latin font
    latin = raw.decode("cp1252", errors="replace")
    t, v, good = legacy_scores(latin[:200_000])
    if max(t, v) >= 3 and max(t, v) > good:
        return latin, "cp1252"  # blocks get flagged as TCVN3/VNI by the legacy pass
    try:
        text = unicodedata.normalize("NFC", raw.decode("cp1258"))
    except UnicodeDecodeError:
        text = None
    if text is not None and _vietnamese_ratio(text) >= 0.6:
        return text, "cp1258"
    controls = sum(1 for b in raw[:65536] if b < 9 or 13 < b < 32)
    if controls > 0.01 * min(len(raw), 65536):
        raise ReadError("unknown-format", "binary data, not a text file", name, detail="binary data, not text")
    raise ReadError("encoding", "not UTF-8, UTF-16 or Windows-1258 Vietnamese text", name,
                    detail="not UTF-8, UTF-16 or Windows-1258")


def _damaged_utf8(raw: bytes, first_bad: int, name: str) -> ReadError | None:
    """A ReadError('invalid-utf8') when the bytes are UTF-8 text with a few invalid bytes: many valid
    multi-byte sequences (Vietnamese letters) and at most one bad sequence per 3 of them. Windows-1258
    and TCVN3/VNI files practically never hold a valid multi-byte UTF-8 sequence (measured: 1 in about
    30,000 accented letters over three reports converted to each), so they are not caught here."""
    sample = raw[:1_000_000]
    text = sample.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - sample.decode("utf-8", errors="ignore").count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if bad <= 0 or good < 3 or good < 3 * bad:
        return None
    before = split_text_lines(raw[:first_bad].decode("utf-8", errors="replace"))
    line, column = len(before), len(before[-1]) + 1
    return ReadError("invalid-utf8", f"UTF-8 text with {bad} invalid byte sequence(s), the first at line {line}, "
                     f"column {column}", name, detail=f"{line}:{column}")


def read_text_file(path: Path, name: str) -> Document:
    checked_size(path, name, MAX_TEXT_BYTES)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_TEXT_BYTES + 1)
    except OSError as exc:
        raise unreadable(exc, name) from None
    text, encoding = decode_bytes(raw, name)
    if not text.strip():
        raise ReadError("empty", "the file holds only blank space", name)
    return document_from_text(text, name, fmt=path.suffix.lower().lstrip(".") or "txt", encoding=encoding)


def sniff_unsupported(path: Path, name: str) -> ReadError:
    """The error for a file whose extension we do not read (a .doc gets its own, helpful one)."""
    suffix = path.suffix.lower()
    if suffix == ".doc":
        from .docx import sniff_ole

        err = sniff_ole(path, name)
        if err is not None:
            return err
        return ReadError("legacy-doc", "legacy Word 97-2003 (.doc) file", name, detail=".doc")
    shown = path.suffix or "(none)"
    return ReadError("unknown-format", f"unsupported file type '{shown}' (checker reads .docx, .txt and .md)",
                     name, detail=shown)
