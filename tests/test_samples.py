"""The sample reports of samples/: they read, they lint without crashing, the committed Word files are
what samples/make_samples.py builds, every deliberate error listed in samples/expected.json with a rule
id is found where it is, and no other `error` is reported (a false alarm on correct text is a bug)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import unicodedata
import zipfile
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
NAMES = sorted(EXPECTED["samples"])
PREFIX = {"arithmetic": "AR", "number-format": "NF", "dates": "DT", "structure": "ST", "references": "RF",
          "text": "TX"}
DOCX_READER = importlib.util.find_spec("checker.readers.docx") is not None


def _needs_reader(name: str) -> None:
    if name.endswith(".docx") and not DOCX_READER:
        pytest.skip("the .docx reader (checker.readers.docx) is not there yet")


@cache
def _linted(name: str):
    """(document, issues) of one sample, linted with every rule."""
    from checker.api import lint_document
    from checker.readers import read_path

    doc = read_path(SAMPLES / name)
    result = lint_document(doc, lang="vi")
    return doc, result


def _block_text(doc, index: int) -> str:
    for block in doc.blocks:
        if block.index == index:
            return block.text
    return ""


def _at(issue, doc, where: dict) -> bool:
    """Whether an issue sits at the place an expected.json entry names."""
    if "line" in where and issue.location.line != where["line"]:
        return False
    if "block_contains" in where and where["block_contains"] not in _block_text(doc, issue.location.block):
        return False
    return True


def _entries(clean: bool | None = None):
    for name in NAMES:
        spec = EXPECTED["samples"][name]
        for entry in spec["findings"]:
            yield name, entry


# --- the sample set itself -------------------------------------------------------------------------

def test_every_sample_is_listed_in_expected_json():
    on_disk = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".docx", ".txt"))
    assert on_disk == NAMES


def test_expected_entries_are_well_formed():
    categories = {"arithmetic", "number-format", "dates", "structure", "references", "text"}
    for name, entry in _entries():
        assert entry["category"] in categories, (name, entry["key"])
        assert entry["severity"] in ("error", "warning", "info"), (name, entry["key"])
        assert entry["where"], (name, entry["key"])
        if name.endswith(".txt"):
            assert "line" in entry["where"], (name, entry["key"])
            lines = (SAMPLES / name).read_text(encoding="utf-8").splitlines()
            assert entry["excerpt"] in lines[entry["where"]["line"] - 1], (name, entry["key"])
        if entry["rule"] is not None:
            assert entry["rule"][:2] == PREFIX[entry["category"]], (name, entry["key"])
    for name in NAMES:
        if EXPECTED["samples"][name]["clean"]:
            assert EXPECTED["samples"][name]["findings"] == []
    for alarm in EXPECTED.get("known_false_alarms", []):
        assert alarm["file"] in NAMES and alarm["rule"] and alarm["where"] and alarm["note"], alarm
        assert alarm["severity"] in ("error", "warning", "info"), alarm


@pytest.mark.parametrize("name", [n for n in NAMES if n.endswith(".txt")])
def test_text_samples_are_utf8_nfc(name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)


def test_committed_docx_match_the_generator(tmp_path):
    """The committed .docx are exactly what make_samples.py builds (parts compared, not zip bytes)."""
    subprocess.run([sys.executable, str(SAMPLES / "make_samples.py"), str(tmp_path)], check=True,
                   capture_output=True)
    built = sorted(p.name for p in tmp_path.glob("*.docx"))
    assert built == sorted(n for n in NAMES if n.endswith(".docx"))
    for name in built:
        with zipfile.ZipFile(tmp_path / name) as fresh, zipfile.ZipFile(SAMPLES / name) as committed:
            assert sorted(fresh.namelist()) == sorted(committed.namelist()), name
            for part in fresh.namelist():
                assert fresh.read(part) == committed.read(part), f"{name}: {part} differs; rerun make_samples.py"


def test_party_sample_has_a_real_word_footnote_and_tables():
    name = "bao-cao-quy-iii-2024-huyen-uy-tan-hoa.docx"
    with zipfile.ZipFile(SAMPLES / name) as z:
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
        body = z.read("word/document.xml").decode()
        notes = z.read("word/footnotes.xml").decode()
    assert 'PartName="/word/footnotes.xml"' in types
    assert "relationships/footnotes" in rels and 'Target="footnotes.xml"' in rels
    assert body.count("<w:footnoteReference ") == 2
    assert 'w:id="1"' in notes and "3.215/3.298" in notes
    assert body.count("<w:tbl>") == 3  # header, data table, closing (Nơi nhận | signature)


# --- reading and linting ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_sample_reads_and_lints(name):
    _needs_reader(name)
    doc, result = _linted(name)
    assert doc.blocks, name
    assert all(unicodedata.is_normalized("NFC", b.text) for b in doc.blocks)
    assert result.error is None
    assert doc.profile == EXPECTED["samples"][name]["profile"]


def test_docx_reader_sees_the_footnotes_and_the_table():
    _needs_reader(".docx")
    doc, _ = _linted("bao-cao-quy-iii-2024-huyen-uy-tan-hoa.docx")
    notes = [b for b in doc.blocks if b.kind == "footnote"]
    assert [b.note for b in notes] == [1, 2]
    assert "3.215/3.298" in notes[0].text
    cells = [b.text for b in doc.blocks if b.kind == "table_cell"]
    assert "8.780" in cells and "Tổng cộng" in cells
    anchored = [b for b in doc.blocks if b.note_refs]
    assert len(anchored) == 2


def test_text_reader_links_the_inline_footnote():
    doc, _ = _linted("bao-cao-thang-5-2024-dang-uy-xa.txt")
    notes = [b for b in doc.blocks if b.kind == "footnote"]
    if not notes:
        pytest.skip("the plain-text footnote form [footnoteRef:N]/[N: …] is not recognised yet")
    assert any("1.236/1.410" in b.text and b.note == 1 and b.line == 25 for b in notes)
    anchored = [b for b in doc.blocks if any(r.number == 1 for r in b.note_refs)]
    assert [b.line for b in anchored] == [25]


def test_text_reader_links_the_footnotes_listed_at_the_end():
    doc, _ = _linted("bao-cao-sach-6-thang-dau-nam-2024.txt")
    notes = {b.note: b for b in doc.blocks if b.kind == "footnote"}
    if not notes:
        pytest.skip("footnotes listed at the end of a plain-text file are not recognised yet")
    assert sorted(notes) == [1, 2]
    assert "Huy hiệu" in notes[1].text and "đo đạc" in notes[2].text
    refs = sorted(r.number for b in doc.blocks for r in b.note_refs)
    assert refs == [1, 2]


_FOUND = [(n, e) for n, e in _entries() if e["rule"]]


@pytest.mark.parametrize("name,entry", _FOUND, ids=[f"{n}:{e['key']}" for n, e in _FOUND])
def test_deliberate_error_is_found(name, entry):
    _needs_reader(name)
    doc, result = _linted(name)
    hits = [i for i in result.issues if i.rule == entry["rule"] and _at(i, doc, entry["where"])]
    found = [(i.rule, i.location.block, i.location.line, i.excerpt) for i in result.issues]
    assert hits, f"{entry['rule']} not reported at {entry['where']}; reported: {found}"
    assert any(h.severity.value == entry["severity"] for h in hits), [h.severity for h in hits]


@pytest.mark.parametrize("name", NAMES)
def test_no_unexpected_error(name):
    """Every `error` on a sample is one of its deliberate errors (or a documented known false alarm)."""
    _needs_reader(name)
    doc, result = _linted(name)
    spec = EXPECTED["samples"][name]
    allowed = list(spec["findings"]) + [e for e in EXPECTED.get("known_false_alarms", []) if e["file"] == name]

    def deliberate(issue, entry) -> bool:
        # A deliberate error whose id is not in expected.json yet is matched by category prefix and place,
        # so a new rule that finds it does not turn the suite red before the list is updated.
        if "file" in entry:  # a known false alarm: exactly that rule, at that place, with that severity
            return (issue.rule == entry["rule"] and issue.severity.value == entry["severity"]
                    and _at(issue, doc, entry["where"]))
        same = issue.rule == entry["rule"] if entry["rule"] else issue.rule[:2] == PREFIX[entry["category"]]
        return same and _at(issue, doc, entry["where"])

    unexpected = [
        (i.rule, i.location.block, i.location.line, i.excerpt, i.message)
        for i in result.issues
        if i.severity.value == "error" and not any(deliberate(i, e) for e in allowed)
    ]
    assert not unexpected, unexpected


def test_clean_sample_has_no_error_or_warning():
    for name in NAMES:
        if not EXPECTED["samples"][name]["clean"]:
            continue
        _needs_reader(name)
        doc, result = _linted(name)
        allowed = [e for e in EXPECTED.get("known_false_alarms", []) if e["file"] == name]
        noisy = [(i.rule, i.location.line, i.excerpt, i.message) for i in result.issues
                 if i.severity.value in ("error", "warning")
                 and not any(i.rule == e["rule"] and _at(i, doc, e["where"]) for e in allowed)]
        assert not noisy, noisy


_ALARMS = EXPECTED.get("known_false_alarms", [])


@pytest.mark.parametrize("alarm", _ALARMS, ids=[f"{a['file']}:{a['rule']}" for a in _ALARMS])
def test_known_false_alarm_is_still_reported(alarm):
    """A listed false alarm that a rule no longer makes must leave the list (and the README)."""
    _needs_reader(alarm["file"])
    doc, result = _linted(alarm["file"])
    hits = [i for i in result.issues if i.rule == alarm["rule"] and _at(i, doc, alarm["where"])]
    assert hits, f"{alarm['rule']} is no longer reported at {alarm['where']}: remove it from known_false_alarms"


def test_readme_lists_every_sample_and_error():
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert name in readme, name
    for name, entry in _entries():
        if entry["rule"]:
            assert entry["rule"] in readme, (name, entry["key"])
    for alarm in EXPECTED.get("known_false_alarms", []):
        assert f"`{alarm['rule']}`" in readme, alarm
