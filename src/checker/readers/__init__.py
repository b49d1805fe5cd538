"""Readers turn a file (or a string) into a `Document`; bad input raises `ReadError`.

Dispatch is by extension; each reader is imported only when a file of its kind is read.

Formats: .docx (`docx`), .pdf with a text layer (`pdf` + `pdflayout`), .txt/.md (`text`); .doc, .odt
and .rtf through LibreOffice when it is installed (`convert`: converted to .docx in a private folder).
`SUPPORTED` lists the suffixes read without help; `supported_suffixes()` adds the convertible ones when
LibreOffice is there (folder mode takes its list from it).

Block order: for .docx, page headers, then the body (paragraphs and table cells interleaved as in
the document), then footnotes and endnotes (by their displayed number), then page footers. For .pdf,
the body in reading order, then the footnotes (running headers, footers and page numbers are left out;
`Block.page` is the page a block starts on). For text inputs, blocks follow the source lines; footnote
blocks sit at the line they come from.
Blocks whose `legacy_encoding` is set hold TCVN3/VNI mojibake: checks other than TX002 should skip them.
Comments of a .docx are in `doc.meta["comments"]`; Word's numbering definitions in `doc.meta["numbering"]`
(numId -> level -> {format, text, start}); merged table cells in `doc.meta["table_spans"]`
(table number -> {(row, column): (row_span, col_span)} for every distinct cell, keyed like the blocks; .docx
and .pdf); plain-text footnote form in `doc.meta["footnote_form"]`, and
`doc.meta["footnote_anchors_lost"]` when the footnote marks were lost in the export. A converted file has
`doc.meta["converted_from"]` (".doc", ".odt", ".rtf"); a PDF `doc.meta["pages"]`.
"""

from __future__ import annotations

from pathlib import Path

from ..document import Document
from .errors import ReadError

TEXT_SUFFIXES = (".txt", ".md")
WORD_SUFFIXES = (".docx",)
PDF_SUFFIXES = (".pdf",)
SUPPORTED = TEXT_SUFFIXES + WORD_SUFFIXES + PDF_SUFFIXES
CONVERTIBLE_SUFFIXES = (".doc", ".odt", ".rtf")  # read when LibreOffice is installed


def convertible_suffixes() -> tuple[str, ...]:
    """The suffixes LibreOffice converts for us: CONVERTIBLE_SUFFIXES when it is installed, else ()."""
    from .convert import convertible_suffixes as found

    return found()


def supported_suffixes() -> tuple[str, ...]:
    """Every suffix read on this machine: SUPPORTED, plus the convertible ones when LibreOffice is there."""
    return SUPPORTED + convertible_suffixes()
# Document types a folder may hold that may not be readable here: .doc/.odt/.rtf need LibreOffice. A folder
# run lists them too, so that each is read (converted) or reported with how to convert it, never skipped.
KNOWN_UNSUPPORTED = CONVERTIBLE_SUFFIXES


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
    if suffix in PDF_SUFFIXES:
        from .limits import check_blocks
        from .pdf import read_pdf

        doc = read_pdf(p, name)
        check_blocks(doc.blocks, name)  # (as the Word reader does: a runaway paragraph or table is refused)
        return doc
    if suffix in TEXT_SUFFIXES:
        from .text import read_text_file

        return read_text_file(p, name)
    if suffix in CONVERTIBLE_SUFFIXES:
        return _read_convertible(p, name, suffix)
    from .text import sniff_unsupported

    raise sniff_unsupported(p, name)


def _read_convertible(p: Path, name: str, suffix: str) -> Document:
    """A .doc/.odt/.rtf: a .docx under the old name is read as it is; a password-protected Word file is
    refused before anything runs; the rest goes through LibreOffice, or gets the error with the hint."""
    import zipfile

    from .convert import find_soffice, read_converted, unavailable

    if suffix == ".doc":
        from .docx import ole_names, read_docx, sniff_ole

        err = sniff_ole(p, name)
        if err is not None and err.code != "legacy-doc":
            raise err
        if err is None and zipfile.is_zipfile(p):  # a .docx saved under the old extension
            return read_docx(p, name)
        if err is not None and "WordDocument".encode("utf-16-le") not in (ole_names(p) or b""):
            raise err  # a compound file without Word's text stream: nothing for LibreOffice either
    soffice = find_soffice()
    if soffice is None:
        err = unavailable(p, name)
        if err is not None:
            raise err
        if suffix == ".doc":
            from .text import sniff_unsupported

            raise sniff_unsupported(p, name)
        raise ReadError("needs-libreoffice", f"{suffix} files are read through LibreOffice, which is not installed",
                        name, detail=suffix)
    return read_converted(p, name, soffice)


def read_string(text: str, name: str = "<text>") -> Document:
    """A document from a string (API, rule examples): one line is one block."""
    from .text import document_from_text

    return document_from_text(text, name, fmt="text")


__all__ = ["ReadError", "read_path", "read_string", "SUPPORTED", "KNOWN_UNSUPPORTED", "supported_suffixes",
           "convertible_suffixes"]
