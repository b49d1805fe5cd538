"""Builders for the reader tests: minimal .docx packages written with zipfile, byte-exact text files.

Everything here is original test text (no sentence of a real report)."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def p(text: str = "", style: str | None = None, ppr: str = "", runs: str | None = None) -> str:
    """A paragraph: plain text in one run, or the given raw run XML."""
    props = ""
    if style or ppr:
        props = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + ppr + "</w:pPr>"
    body = runs if runs is not None else (f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else "")
    return f"<w:p>{props}{body}</w:p>"


def r(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def fnref(note_id: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'


def tc(content: str, props: str = "") -> str:
    if not content.startswith("<w:p") and not content.startswith("<w:tbl"):
        content = p(content)
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{content}</w:tc>"


def tr(*cells: str) -> str:
    return "<w:tr>" + "".join(c if c.startswith("<w:tc") else tc(c) for c in cells) + "</w:tr>"


def tbl(*rows: str) -> str:
    return "<w:tbl><w:tblPr/><w:tblGrid/>" + "".join(rows) + "</w:tbl>"


def notes_xml(kind: str, notes: dict[int, str], separators: bool = True) -> str:
    tag = kind  # "footnote" | "endnote"
    out = [f"<w:{tag}s {NS}>"]
    if separators:
        out.append(f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>')
        out.append(f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                   f'</w:r></w:p></w:{tag}>')
    for nid, body in notes.items():
        if not body.startswith("<w:p"):
            body = p(runs=f'<w:r><w:{tag}Ref/></w:r>' + r(" " + body))
        out.append(f'<w:{tag} w:id="{nid}">{body}</w:{tag}>')
    out.append(f"</w:{tag}s>")
    return "".join(out)


def styles_xml(extra: str = "") -> str:
    base = (
        '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    )
    return f"<w:styles {NS}>{base}{extra}</w:styles>"


def make_docx(path: Path, body: str, *, footnotes: str | None = None, endnotes: str | None = None,
              comments: str | None = None, styles: str | None = None, numbering: str | None = None,
              headers: list[str] | None = None, footers: list[str] | None = None,
              extra_parts: dict[str, bytes] | None = None, document_xml: str | None = None,
              skip_document: bool = False) -> Path:
    """Writes a minimal WordprocessingML package; returns its path."""
    rels = []
    overrides = ['<Override PartName="/word/document.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>']
    parts: dict[str, str | bytes] = {}

    def add(rel_type: str, name: str, xml: str, rid: str) -> None:
        rels.append(f'<Relationship Id="{rid}" Type="{REL}/{rel_type}" Target="{name}"/>')
        parts[f"word/{name}"] = xml

    add("styles", "styles.xml", styles or styles_xml(), "rIdStyles")
    if numbering:
        add("numbering", "numbering.xml", numbering, "rIdNum")
    if footnotes:
        add("footnotes", "footnotes.xml", footnotes, "rIdFoot")
    if endnotes:
        add("endnotes", "endnotes.xml", endnotes, "rIdEnd")
    if comments:
        add("comments", "comments.xml", comments, "rIdComments")
    sect = []
    for k, h in enumerate(headers or [], 1):
        add("header", f"header{k}.xml", f"<w:hdr {NS}>{h}</w:hdr>", f"rIdH{k}")
        sect.append(f'<w:headerReference w:type="{"default" if k == 1 else "first"}" r:id="rIdH{k}"/>')
    for k, f in enumerate(footers or [], 1):
        add("footer", f"footer{k}.xml", f"<w:ftr {NS}>{f}</w:ftr>", f"rIdF{k}")
        sect.append(f'<w:footerReference w:type="default" r:id="rIdF{k}"/>')
    doc = document_xml or f"<w:document {NS}><w:body>{body}<w:sectPr>{''.join(sect)}</w:sectPr></w:body></w:document>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                   'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                   'ContentType="application/xml"/>' + "".join(overrides) + "</Types>")
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" '
                   'Target="word/document.xml"/></Relationships>')
        if not skip_document:
            z.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + doc)
            z.writestr("word/_rels/document.xml.rels",
                       '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
                       'org/package/2006/relationships">' + "".join(rels) + "</Relationships>")
        for name, xml in parts.items():
            z.writestr(name, xml)
        for name, data in (extra_parts or {}).items():
            z.writestr(name, data)
    return path


# --- legacy encodings, written by us from the tables -------------------------------------------------

def to_tcvn3_mojibake(text: str) -> str:
    """Unicode Vietnamese -> how TCVN3 bytes look when read as Latin-1 (lower case letters)."""
    from checker.readers.legacy import TCVN3

    back = {v: k for k, v in TCVN3.items()}
    out = []
    for ch in text:
        low = ch.lower()
        out.append(back.get(ch) or back.get(low) or ch)
    return "".join(out)


def to_vni_mojibake(text: str) -> str:
    """Unicode Vietnamese -> VNI-Windows as seen in a Latin font ("Báo" -> "Baùo")."""
    from checker.readers.legacy import VNI_LETTERS, VNI_MARKS

    marks = {v: k for k, v in VNI_MARKS.items() if k.islower() and k != "î"}
    letters = {v: k for k, v in VNI_LETTERS.items() if v != k}
    tones = "\u0300\u0301\u0309\u0303\u0323"
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in letters:
            out.append(letters[ch])
            continue
        d = unicodedata.normalize("NFD", ch)
        if len(d) == 1:
            out.append(ch)
            continue
        base, rest = d[0], d[1:]
        tone = "".join(c for c in rest if c in tones)
        shape = "".join(c for c in rest if c not in tones)
        if shape == "\u031b":  # horn: ơ / ư are letters of their own
            out.append(letters[unicodedata.normalize("NFC", base + shape)])
            out.append(marks.get(tone, "") if tone else "")
            continue
        if base.lower() == "i" and tone and not shape:
            key = unicodedata.normalize("NFC", base + tone)
            out.append(letters.get(key, key))
            continue
        if base.lower() == "y" and tone == "\u0323":
            out.append(base + ("î" if base.islower() else "Î"))
            continue
        out.append(base)
        out.append(marks.get(shape + tone, ""))
    return "".join(out)


def cp1258_bytes(text: str) -> bytes:
    """Vietnamese in Windows-1258: letters with circumflex/breve/horn precomposed, tones combining."""
    tones = "\u0300\u0301\u0309\u0303\u0323"
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        tone = "".join(c for c in d if c in tones)
        out.append(base.encode("cp1258") + tone.encode("cp1258"))
    return b"".join(out)
