"""`checker rules` and `checker explain` in both languages."""

from click.testing import CliRunner

from checker.cli import main
from checker.ruledocs import reflow


def run(*args):
    result = CliRunner().invoke(main, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_rules_lists_and_filters_by_category():
    code, out = run("rules", "--category", "dates", "--no-color")
    assert code == 0 and "DT001" in out and "ST006" not in out
    code, out = run("rules", "-c", "ST,RF", "--lang", "en", "--no-color")
    assert "ST006" in out and "RF001" in out and "DT001" not in out and "Rules" in out


def test_explain_both_languages_with_params_and_examples():
    code, vi = run("explain", "ST005", "--no-color")
    assert code == 0 and "Vì sao" in vi and "Tham số" in vi and "groups:" in vi and "Ví dụ sai" in vi
    code, en = run("explain", "report-sections", "--lang", "en", "--no-color")
    assert code == 0 and "Why" in en and "Parameters" in en and "Good examples" in en
    code, _ = run("explain", "ZZ999")
    assert code == 2


def test_reflow_joins_lines_and_keeps_paragraphs():
    assert reflow("a b\nc d\n\ne f\n- g\n- h\n") == ["a b c d", "e f", "- g", "- h"]
