"""The HTML report (`checker lint --format html`): one self-contained page to read and print.

For each file the document's own text is shown in reading order (headings, paragraphs, tables as
tables, footnotes), each finding highlighted on its span with its message beside it (and on hover),
its related places marked too; a summary counts findings by severity and by rule, with coverage, and
the rules that fired are explained at the end (what, why, source, examples: as `checker explain`).

Safety: the document is untrusted input. Every text from it goes through Jinja2's autoescaping, the
page loads nothing from anywhere (styles and script are inline), and a Content-Security-Policy meta
tag allows only the page's own style and script, by hash: even a markup injection could not run.

The findings do not carry the document: the caller passes the documents it read (`api.lint_file(...,
documents=...)` keeps them; the command line does so for this format), and a file not among them (one
checked in a parallel worker, or by a caller that kept nothing) is read again from its path. A finding
whose text is no longer where it was (the file changed in between) is listed apart rather than marked
wrongly.
Jinja2 is imported only here, so the other formats and the cold start do not pay for it.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from .. import __version__
from ..document import Block, BlockKind, Document
from ..i18n import t
from ..issues import FileResult, Location, Severity
from .places import place_text
from .values import value_bits

if TYPE_CHECKING:
    from ..api import Result

TEMPLATES = Path(__file__).with_name("templates")
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
LETTER = {Severity.ERROR: "e", Severity.WARNING: "w", Severity.INFO: "i"}
RANK = {"e": 3, "w": 2, "i": 1}
HEADING_TITLE_MAX = 120  # a numbered line longer than this is an item, not a heading


# --- the view model the template renders -----------------------------------------------------------

@dataclass(slots=True)
class Piece:
    """A run of a block's text with what lies on it, or a small mark between two runs.

    kind "text": document text; `ids`/`rel` name the findings whose span (or related place) covers it,
    `sev` is the strongest severity among `ids`. kind "tag": the number of a finding, put right after
    its span and linking to its note. kind "ref": a footnote mark (.docx keeps it out of the text)."""

    kind: str
    text: str
    sev: str = ""
    ids: str = ""
    rel: str = ""
    title: str = ""
    href: str = ""


@dataclass(slots=True)
class RelatedView:
    """Another place a finding involves, as its note links to it."""

    href: str
    where: str
    excerpt: str


@dataclass(slots=True)
class IssueView:
    """A finding as its note beside the text shows it."""

    anchor: str
    number: int
    severity: str  # error | warning | info
    sev: str  # e | w | i
    sev_label: str
    rule: str
    name: str
    where: str
    message: str
    values: list[tuple[str, str]]  # (label, value): computed, stated, likely correction (report/values.py)
    block_href: str
    related: list[RelatedView] = field(default_factory=list)


@dataclass(slots=True)
class CellView:
    """One table cell: its tag, spans and text."""

    tag: str  # td | th
    anchor: str
    rowspan: int
    colspan: int
    pieces: list[Piece]


@dataclass(slots=True)
class NoteParagraph:
    """One paragraph of a footnote or endnote."""

    anchor: str
    pieces: list[Piece]


@dataclass(slots=True)
class Unit:
    """What the template shows as one row of the document with its notes beside it: a paragraph or
    heading, a whole table, one footnote, a page header or footer line."""

    kind: str  # para | heading | table | note | header | footer
    anchor: str
    pieces: list[Piece] = field(default_factory=list)
    level: int = 0  # heading level (3..6: the page's h1/h2 are the report's own)
    rows: list[list[CellView]] = field(default_factory=list)
    row_anchors: list[str] = field(default_factory=list)  # Markdown rows: the row's block
    header_rows: int = 0
    number: int | None = None  # footnote number
    note_kind: str = ""  # footnote | endnote
    paragraphs: list["NoteParagraph"] = field(default_factory=list)  # a note's paragraphs
    notes: list[IssueView] = field(default_factory=list)
    starts_notes: bool = False  # the first note after body text: the template titles the notes


@dataclass(slots=True)
class FileView:
    """One checked file: its counts and coverage, its text in units, or why it could not be read."""

    anchor: str
    path: str
    error: str | None
    profile: str
    counts: dict[str, int]
    coverage: dict[str, int]
    suppressed: int
    units: list[Unit] = field(default_factory=list)
    unplaced: list[IssueView] = field(default_factory=list)
    text_error: str | None = None
    issues: int = 0


# --- placing findings on the text -------------------------------------------------------------------

@dataclass(slots=True)
class _Span:
    """A finding's span (or one of its related places) on a block, in block offsets."""

    start: int
    end: int
    anchor: str
    number: int
    sev: str
    related: bool
    title: str


def _block_span(doc: Document, loc: Location, excerpt: str) -> tuple[Block, int, int] | None:
    """The block and block offsets of a finding's place, checked against its excerpt."""
    if not 1 <= loc.block <= len(doc.blocks):
        return None
    block = doc.blocks[loc.block - 1]
    if loc.column is not None and loc.end_column is not None:
        start = loc.column - 1 - block.column_offset
        end = loc.end_column - 1 - block.column_offset
        if 0 <= start <= end <= len(block.text) and block.text[start:end] == excerpt:
            return block, start, end
    if excerpt:
        found = block.text.find(excerpt)
        if found >= 0:
            return block, found, found + len(excerpt)
    return None


def _pieces(block: Block, lo: int, hi: int, spans: list[_Span], refs_href: dict[int, str]) -> list[Piece]:
    """The text of block[lo:hi] cut where a finding's span, a related place or a footnote mark
    starts or ends, each run with what covers it."""
    text = block.text
    if not spans and not block.note_refs:  # most blocks: plain text
        return [Piece("text", text[lo:hi])]
    inside = [s for s in spans if s.start < hi and s.end > lo or (s.start == s.end and lo <= s.start <= hi)]
    refs = [r for r in block.note_refs if lo <= r.position <= hi]
    cuts = {lo, hi}
    for s in inside:
        cuts.add(min(max(s.start, lo), hi))
        cuts.add(min(max(s.end, lo), hi))
    for r in refs:
        cuts.add(r.position)
        if r.length:
            cuts.add(min(r.position + r.length, hi))
    points = sorted(cuts)
    out: list[Piece] = []
    for k, a in enumerate(points):
        # at a cut: the numbers of the findings ending here, then a footnote mark that follows the text
        for s in inside:
            if not s.related and s.end == a and (s.start < a or s.start == a and s.end == s.start):
                out.append(Piece("tag", str(s.number), sev=s.sev, ids=s.anchor, href=s.anchor, title=s.title))
        for r in refs:
            if r.position == a and not r.length:
                out.append(Piece("ref", str(r.number), href=refs_href.get(r.number, "")))
        if k + 1 == len(points):
            break
        b = points[k + 1]
        over = [s for s in inside if s.start <= a and s.end >= b and s.start < s.end]
        primary = [s for s in over if not s.related]
        related = [s for s in over if s.related]
        typed_ref = next((r for r in refs if r.length and r.position <= a < r.position + r.length), None)
        out.append(Piece(
            "text", text[a:b],
            sev=max((s.sev for s in primary), key=RANK.__getitem__, default=""),
            ids=" ".join(s.anchor for s in primary),
            rel=" ".join(s.anchor for s in related),
            title="\n".join(s.title for s in over),
            href=refs_href.get(typed_ref.number, "") if typed_ref else "",
        ))
    return out


# --- building the page ------------------------------------------------------------------------------

def _heading_level(block: Block, fmt: str) -> int:
    """The level (3..6) a paragraph is shown at when it is a heading: a Word heading style, a numbered
    title ("I.", "1.", "1.1.", "a)"), a Markdown "#" line; 0 for any other paragraph."""
    from ..headings import parse_heading

    if block.heading_level:
        return min(6, 2 + block.heading_level)
    if fmt == "md" and block.text.startswith("#"):
        hashes = len(block.text) - len(block.text.lstrip("#"))
        if hashes <= 6 and block.text[hashes:hashes + 1] == " ":
            return min(6, 2 + hashes)
    h = parse_heading(block.text, HEADING_TITLE_MAX)
    if h is None:
        return 0
    if h.level == "roman":
        return 3
    if h.level == "letter":
        return 6
    return min(5, 3 + len(h.numbers))


class _FileBuilder:
    """The units of one file: its blocks grouped and cut into pieces, its findings placed."""

    def __init__(self, number: int, fr: FileResult, doc: Document | None, lang: str):
        self.prefix = f"f{number}"
        self.fr = fr
        self.doc = doc
        self.lang = lang
        self.spans: dict[int, list[_Span]] = {}  # block index -> spans on it
        self.notes_of: dict[int, list[IssueView]] = {}  # block index -> findings whose place it is
        self.unplaced: list[IssueView] = []
        self.used: set[str] = set()  # note anchors given out

    def anchor(self, block: int) -> str:
        return f"{self.prefix}-b{block}"

    def note_anchor(self, kind: str, number: int) -> str:
        return f"{self.prefix}-{'en' if kind == 'endnote' else 'fn'}{number}"

    def place(self) -> None:
        lang = self.lang
        for n, issue in enumerate(self.fr.issues, 1):
            anchor = f"{self.prefix}-i{n}"
            sev = LETTER[issue.severity]
            view = IssueView(
                anchor=anchor, number=n, severity=issue.severity.value, sev=sev,
                sev_label=t(f"severity.{issue.severity.value}", lang), rule=issue.rule, name=issue.name,
                where=place_text(issue.location, lang), message=issue.message, values=value_bits(issue, lang),
                block_href=self.anchor(issue.location.block) if self.shown(issue.location.block) else "")
            title = f"{n} · {issue.rule} · {view.sev_label}: {issue.message}"
            where = _block_span(self.doc, issue.location, issue.excerpt) if self.doc else None
            if where is None:
                self.unplaced.append(view)
            else:
                block, start, end = where
                self.spans.setdefault(block.index, []).append(_Span(start, end, anchor, n, sev, False, title))
                self.notes_of.setdefault(block.index, []).append(view)
            for rel in issue.related:
                view.related.append(RelatedView(self.anchor(rel.location.block) if self.shown(rel.location.block)
                                                else "", place_text(rel.location, lang), rel.excerpt))
                spot = _block_span(self.doc, rel.location, rel.excerpt) if self.doc else None
                if spot is not None and spot[1] < spot[2]:
                    block, start, end = spot
                    rel_title = f"{t('related', lang)} → {n} · {issue.rule}: {issue.message}"
                    self.spans.setdefault(block.index, []).append(_Span(start, end, anchor, n, sev, True, rel_title))

    def shown(self, block: int) -> bool:
        """Whether the page shows this block (and so has its anchor)."""
        return self.doc is not None and 1 <= block <= len(self.doc.blocks)

    def pieces(self, block: Block, lo: int = 0, hi: int | None = None) -> list[Piece]:
        hrefs = {r.number: self.note_anchor(r.kind, r.number) for r in block.note_refs}
        return _pieces(block, lo, len(block.text) if hi is None else hi, self.spans.get(block.index, []), hrefs)

    def notes(self, blocks: Iterable[int]) -> list[IssueView]:
        out = [v for b in blocks for v in self.notes_of.get(b, ())]
        out.sort(key=lambda v: v.number)
        return out

    def units(self) -> list[Unit]:
        """The document as the template shows it, every block once, in reading order."""
        from ..tablegrid import grids

        doc = self.doc
        assert doc is not None
        word: dict[int, Any] = {}  # table number -> grid
        in_word: set[int] = set()  # the blocks those grids hold
        md_first: dict[int, Any] = {}  # first block of a Markdown table -> grid
        md_taken: set[int] = set()
        for g in grids(doc):
            indices = [c.block.index for c in g.cells.values()]
            if isinstance(g.number, str):
                md_first[min(indices)] = g
                md_taken.update(range(min(indices), max(indices) + 1))
            else:
                word[g.number] = g
                in_word.update(indices)
        last_body = max((b.index for b in doc.blocks if b.is_body and b.text.strip()), default=0)
        out: list[Unit] = []
        done_tables: set[int] = set()
        last_note: tuple[str, int] | None = None
        notes_titled: set[BlockKind] = set()  # footnotes, endnotes: each gathered run titled once
        for block in doc.blocks:
            kind = block.kind
            if kind in (BlockKind.FOOTNOTE, BlockKind.ENDNOTE):
                key = (kind.value, block.note or 0)
                para = NoteParagraph(self.anchor(block.index), self.pieces(block))
                if last_note == key:
                    out[-1].paragraphs.append(para)
                    out[-1].notes += self.notes([block.index])
                    continue
                last_note = key
                anchor = self.note_anchor(kind.value, block.note or 0)
                if anchor in self.used:  # a note number met twice: the first keeps the links
                    anchor = f"{anchor}-{block.index}"
                self.used.add(anchor)
                # the notes gathered after the text get a title; a note between paragraphs gets none
                titled = block.index > last_body and kind not in notes_titled
                if titled:
                    notes_titled.add(kind)
                out.append(Unit("note", anchor, number=block.note, note_kind=kind.value, paragraphs=[para],
                                notes=self.notes([block.index]), starts_notes=titled))
                continue
            last_note = None
            if kind is BlockKind.TABLE_CELL and block.index in in_word:
                if block.table not in done_tables:
                    done_tables.add(block.table)
                    out.append(self.table(word[block.table], word_table=True))
                continue
            if block.index in md_first:
                out.append(self.table(md_first[block.index], word_table=False))
                continue
            if block.index in md_taken:
                continue
            if kind in (BlockKind.HEADER, BlockKind.FOOTER):
                out.append(Unit(kind.value, self.anchor(block.index), pieces=self.pieces(block),
                                notes=self.notes([block.index])))
                continue
            level = _heading_level(block, doc.format) if block.text.strip() else 0
            out.append(Unit("heading" if level else "para", self.anchor(block.index), pieces=self.pieces(block),
                            level=level, notes=self.notes([block.index])))
        return out

    def table(self, grid: Any, *, word_table: bool) -> Unit:
        """A Word table (one block per cell, merged cells spanning) or a Markdown one (one block per
        row, a cell is a slice of it; the delimiter row is left out)."""
        rows: list[list[CellView]] = []
        row_anchors: list[str] = []
        blocks: set[int] = set()
        spans = grid.spans if word_table and grid.spans else {}
        for r in range(1, grid.n_rows + 1):
            row: list[CellView] = []
            row_block = 0
            for c in range(1, grid.n_cols + 1):
                cell = grid.at(r, c)
                if cell is None:
                    continue  # covered by a merged cell, or missing from a short Markdown row
                rowspan, colspan = spans.get((r, c), (1, 1))
                row_block = row_block or cell.block.index
                blocks.add(cell.block.index)
                row.append(CellView("th" if r <= grid.header_rows else "td",
                                    self.anchor(cell.block.index) if word_table else "", rowspan, colspan,
                                    self.pieces(cell.block, cell.start, cell.end)))
            rows.append(row)
            row_anchors.append(self.anchor(row_block) if row_block and not word_table else "")
        if not word_table:  # the rows' blocks and the delimiter row between them
            blocks = set(range(min(blocks), max(blocks) + 1))
        anchor = f"{self.prefix}-t{grid.number}" if word_table else f"{self.prefix}-{grid.number}"
        return Unit("table", anchor, rows=rows, row_anchors=row_anchors, header_rows=grid.header_rows,
                    notes=self.notes(sorted(blocks)))


def _file_view(number: int, fr: FileResult, doc: Document | None, text_error: str | None, lang: str) -> FileView:
    counts = {s.value: fr.count(s) for s in SEVERITIES}
    view = FileView(anchor=f"f{number}", path=fr.path, error=fr.error.message if fr.error else None,
                    profile=t(f"profile.{fr.profile or 'none'}", lang), counts=counts,
                    coverage=fr.coverage.to_json(), suppressed=fr.suppressed, text_error=text_error,
                    issues=len(fr.issues))
    if fr.error is not None:
        return view
    builder = _FileBuilder(number, fr, doc, lang)
    builder.place()
    if doc is not None:
        view.units = builder.units()
    view.unplaced = builder.unplaced
    return view


def _reread(fr: FileResult, lang: str) -> tuple[Document | None, str | None]:
    """The document of a checked file, read again; or why it could not be."""
    from ..api import read_error_result
    from ..readers import ReadError, read_path

    try:
        return read_path(fr.path), None
    except ReadError as exc:
        err = read_error_result(fr.path, exc, lang).error
        return None, err.message if err else exc.reason
    except (OSError, RecursionError, MemoryError) as exc:
        return None, str(exc) or type(exc).__name__


@dataclass(slots=True)
class RuleDoc:
    """A rule explained as `checker explain` does: what, why, source, examples."""

    id: str
    name: str
    anchor: str
    meta: str
    summary: str
    why: list[str]
    source: str | None
    bad: list[str]
    good: list[str]


def _rule_docs(ids: Iterable[str], lang: str) -> list[RuleDoc]:
    from ..engine import load_rules
    from ..i18n import source_text
    from ..ruletext import reflow

    wanted = set(ids)
    out = []
    for rule in load_rules():
        spec = rule.spec
        if spec.id not in wanted:
            continue
        out.append(RuleDoc(
            id=spec.id, name=spec.name, anchor=f"rule-{spec.id}",
            meta=f"{spec.category} · {t('severity.' + spec.severity.value, lang)} · {', '.join(spec.profiles)}",
            summary=spec.summary[lang], why=reflow(spec.explain[lang]),
            source=source_text(spec.source, lang) if spec.source else None,
            bad=[(ex.text.strip() + (f" [{ex.profile}]" if ex.profile else "")) for ex in spec.examples.bad],
            good=[(ex.text.strip() + (f" [{ex.profile}]" if ex.profile else "")) for ex in spec.examples.good]))
    return out


# --- the template -----------------------------------------------------------------------------------

def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@cache
def assets(folder: Path = TEMPLATES, name: str = "report") -> dict[str, str]:
    """A page's inline style and script (`name`.css, `name`.js in `folder`) and their CSP hashes."""
    css = (folder / f"{name}.css").read_text(encoding="utf-8")
    js = (folder / f"{name}.js").read_text(encoding="utf-8")
    return {"css": css, "js": js, "style_hash": csp_hash(css), "script_hash": csp_hash(js)}


def content_security_policy() -> str:
    """The report's policy: nothing from anywhere, only its own style and script (by hash)."""
    a = assets()
    return (f"default-src 'none'; style-src {a['style_hash']}; script-src {a['script_hash']}; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def make_environment(folder: Path) -> Any:
    """A Jinja2 environment for the templates in `folder`: autoescaping on for every template,
    undefined names are errors. Compiled templates are kept in the user's cache folder (as Python
    keeps .pyc files), so that a run does not compile them again; CHECKER_NO_CACHE turns that off."""
    import jinja2

    from ..resources import user_cache_dir

    cache_dir = user_cache_dir()
    bytecode_cache = None
    if cache_dir is not None:
        try:
            (cache_dir / "templates").mkdir(parents=True, exist_ok=True)
            bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache_dir / "templates"))
        except OSError:
            bytecode_cache = None
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              bytecode_cache=bytecode_cache)


@cache
def environment() -> Any:
    return make_environment(TEMPLATES)


def words(lang: str) -> Any:
    """The catalogue lookup for templates: `_("key", name=value)`."""
    return lambda key, **args: t(key, lang, **args)


def render(result: "Result", lang: str = "vi", *, documents: Mapping[str, Document] | None = None,
           title: str | None = None) -> str:
    """The report as one HTML page. `documents` maps a file's path to the Document it was checked
    from; a file not in it is read again from its path."""
    from markupsafe import Markup

    files: list[FileView] = []
    by_rule: dict[str, dict[str, Any]] = {}
    for number, fr in enumerate(result.files, 1):
        doc, text_error = None, None
        if fr.error is None:
            doc = (documents or {}).get(fr.path)
            if doc is None:
                doc, text_error = _reread(fr, lang)
        files.append(_file_view(number, fr, doc, text_error, lang))
        for issue in fr.issues:
            entry = by_rule.setdefault(issue.rule, {"rule": issue.rule, "name": issue.name, "count": 0,
                                                    "counts": {s.value: 0 for s in SEVERITIES}})
            entry["count"] += 1
            entry["counts"][issue.severity.value] += 1
    rules = [by_rule[k] for k in sorted(by_rule)]
    for entry in rules:
        entry["severity"] = next(s for s in ("error", "warning", "info") if entry["counts"][s])
    totals = {s.value: result.count(s) for s in SEVERITIES}
    coverage = {k: sum(getattr(f.coverage, k) for f in result.files if f.error is None)
                for k in ("figures", "relations", "unparsed")}
    a = assets()
    rule_docs = _rule_docs(by_rule, lang)
    page = environment().get_template("report.html.j2")
    return page.render(
        _=words(lang), lang=lang, version=__version__, title=title or t("html.title", lang), files=files,
        rules=rules, totals=totals, coverage=coverage, unreadable=[f for f in files if f.error],
        rule_docs=rule_docs, documented={r.id for r in rule_docs}, css=Markup(a["css"]), js=Markup(a["js"]),
        csp=content_security_policy(), severities=[s.value for s in SEVERITIES],
        checked=sum(1 for f in files if not f.error))
