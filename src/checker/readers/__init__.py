"""Readers turn a file (or a string) into a `Document`; bad input raises `ReadError`.

Dispatch is by extension; the Word reader is imported only when a .docx is read.

Block order: for .docx, page headers, then the body (paragraphs and table cells interleaved as in
the document), then footnotes and endnotes (by their displayed number), then page footers. For text
inputs, blocks follow the source lines; footnote blocks sit at the line they come from.
Blocks whose `legacy_encoding` is set hold TCVN3/VNI mojibake: checks other than TX002 should skip them.
Comments of a .docx are in `doc.meta["comments"]`; Word's numbering definitions in `doc.meta["numbering"]`
(numId -> level -> {format, text, start}); merged table cells in `doc.meta["table_spans"]`
(table number -> {(row, column): (row_span, col_span)} for every distinct cell, keyed like the blocks); plain-text footnote form in `doc.meta["footnote_form"]`, and
`doc.meta["footnote_anchors_lost"]` when the footnote marks were lost in the export.
"""

from __future__ import annotations

from pathlib import Path

from ..document import Document
from .errors import ReadError

TEXT_SUFFIXES = (".txt", ".md")
WORD_SUFFIXES = (".docx",)
SUPPORTED = TEXT_SUFFIXES + WORD_SUFFIXES
# Document types a folder may hold that no reader here reads: a folder run lists them too, so that
# each is reported (a .doc with how to convert it) instead of being skipped without a word.
KNOWN_UNSUPPORTED = tuple(s for s in (".doc", ".odt", ".pdf", ".rtf") if s not in SUPPORTED)


def read_path(path: str | Path) -> Document:
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise ReadError("not-found", "no such file or folder", name)
    if p.is_dir():
        raise ReadError("is-directory", "is a folder, not a file", name)
    suffix = p.suffix.lower()
    if suffix in WORD_SUFFIXES:
        from .docx import read_docx

        return read_docx(p, name)
    if suffix in TEXT_SUFFIXES:
        from .text import read_text_file

        return read_text_file(p, name)
    if suffix == ".doc":
        import zipfile

        if zipfile.is_zipfile(p):  # a .docx saved under the old extension
            from .docx import read_docx

            return read_docx(p, name)
    from .text import sniff_unsupported

    raise sniff_unsupported(p, name)


def read_string(text: str, name: str = "<text>") -> Document:
    """A document from a string (API, rule examples): one line is one block."""
    from .text import document_from_text

    return document_from_text(text, name, fmt="text")


__all__ = ["ReadError", "read_path", "read_string", "SUPPORTED", "KNOWN_UNSUPPORTED"]
