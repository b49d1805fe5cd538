"""Property tests over the whole text path of the API (read → figures → every rule → result), not only the
grammar: texts mixing Vietnamese words, figures of up to 80 digits, dates, brackets, footnote marks,
separators and odd characters (tests/hostile_texts.py) never raise, and what comes back keeps its contract.

Deterministic in the default profile (tests/conftest.py); `HYPOTHESIS_PROFILE=explore` draws new texts, and
bench/fuzz.py runs the same generator over 100,000 texts."""

import json
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.readers.text import split_text_lines
from hostile_texts import hostile_text, internal_error, lint_text

texts = st.randoms(use_true_random=False).map(hostile_text)
# shorter pieces for the tests that join several texts (hypothesis bounds how much one example may draw)
short_texts = st.randoms(use_true_random=False).map(lambda rnd: hostile_text(rnd, max_pieces=15))


def check_contract(text: str) -> None:
    result = lint_text(text)
    assert internal_error(result) is None
    (f,) = result.files
    json.dumps(result.to_json())  # serialisable
    if f.error is not None:
        assert f.error.code == "too-large"
        return
    cov = f.coverage
    assert min(cov.figures, cov.relations, cov.unparsed) >= 0
    lines = split_text_lines(text)  # (LF, CRLF and CR end a line; a form feed does not)
    for issue in f.issues:
        loc = issue.location
        assert 1 <= loc.column <= loc.end_column
        assert issue.severity.value in ("error", "warning", "info")
        if loc.line is not None and loc.kind == "paragraph" and loc.line <= len(lines):
            # the excerpt is the text between the columns of its line (NFC, as the reader gives it)
            line = unicodedata.normalize("NFC", lines[loc.line - 1])
            assert line[loc.column - 1:loc.end_column - 1] == issue.excerpt


@settings(max_examples=120)
@given(texts)
def test_hostile_texts_never_raise(text):
    check_contract(text)


@settings(max_examples=25)
@given(st.lists(short_texts, min_size=2, max_size=10).map("\n".join))
def test_hostile_documents_never_raise(text):
    """Many hostile lines in one document: the document-level rules (repeated figures, numbering,
    references, spelling variants) see them all together."""
    check_contract(text)


@settings(max_examples=15)
@given(st.lists(short_texts, min_size=2, max_size=8).map(" ".join))
def test_hostile_long_paragraphs_never_raise(text):
    """The same pieces on one line: one long paragraph, where the relation rules compare many figures."""
    check_contract(text)


@given(st.text(st.characters(codec="utf-8"), max_size=200))
def test_any_unicode_text_never_raises(text):
    check_contract(text)
