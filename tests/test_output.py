"""The console report and the output conventions of issue 16: widths (80 when piped, 200 on a wide
terminal, a long path), clean files and large batches, plain labels and counts, and the options
--format concise, --statistics, --quiet/-q, --show-severity, --color (beside NO_COLOR and --no-color)."""

import io
import json
import re

import pytest
from click.testing import CliRunner
from rich.text import Text

from checker.api import Result
from checker.cli import main
from checker.issues import FileResult, Issue, Location, Severity
from checker.report.console import make_console, render
from test_api_kit import use_needles  # noqa: F401  (fixture)

LONG_SENTENCE = ("Trong tháng, toàn xã vận động được 1.236/1.416 hộ gia đình tham gia bảo hiểm y tế theo hình "
                 "thức hộ gia đình, đạt 87,66% kế hoạch huyện giao, tăng so với cùng kỳ năm trước")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def finding(path="bao-cao.txt", severity=Severity.ERROR, rule="AR001") -> Issue:
    start = LONG_SENTENCE.index("1.236")
    excerpt = "1.236/1.416 hộ gia đình tham gia bảo hiểm y tế theo hình thức hộ gia đình, đạt 87,66%"
    return Issue(rule=rule, name="ratio-percent-mismatch", category="arithmetic", severity=severity,
                 message="1.236/1.416 = 87,29%, văn bản ghi 87,66% — có thể 1.416 là 1.410? (1.236/1.410 = 87,66%); "
                         "số liệu cần được đơn vị báo cáo kiểm tra lại trước khi ban hành",
                 location=Location(block=3, kind="paragraph", line=3, column=start + 1,
                                   end_column=start + 1 + len(excerpt), section="I.2.a"),
                 excerpt=excerpt, expected="87,29%", actual="87,66%",
                 suggestion={"from": "1.416", "to": "1.410"}, context=LONG_SENTENCE, context_offset=start)


def rendered(result, width, lang="vi", **kw):
    out = io.StringIO()
    render(result, make_console(out, color="never", width=width), lang, **kw)
    return out.getvalue()


# --- defect 16.2: 80 columns ------------------------------------------------------------------------

@pytest.mark.parametrize("width", [80, 200])
def test_wrapped_lines_keep_their_indent_and_gutter(width):
    text = rendered(Result([FileResult(path="bao-cao.txt", profile="party", issues=[finding()])]), width)
    lines = text.splitlines()
    assert all(len(line) <= width for line in lines)
    message_at = next(k for k, line in enumerate(lines) if "1.236/1.416 = 87,29%" in line)
    gutter = [line for line in lines if "│" in line]
    if width == 80:  # the message and the sentence take more than one line each
        assert lines[message_at + 1].startswith("     ") and lines[message_at + 1][5] != " "
        assert len(gutter) >= 2
    else:
        assert len(gutter) == 1
    assert all(line.startswith("     │ ") for line in gutter)
    joined = " ".join(line[7:] for line in gutter)
    assert joined == LONG_SENTENCE.replace(finding().excerpt, "«" + finding().excerpt + "»")


def test_a_long_path_is_never_split():
    long_path = "/".join(["bao-cao-cac-xa-thuoc-huyen"] * 4) + "/bao-cao-ket-qua-thuc-hien-nhiem-vu-quy-iii-2024.docx"
    files = [FileResult(path=long_path, profile="state", issues=[finding(long_path)]),
             FileResult(path="ngan.txt", profile="party", issues=[finding("ngan.txt", Severity.WARNING)])]
    for width in (80, 200):
        lines = rendered(Result(files), width).splitlines()
        whole = [line for line in lines if long_path in line]
        assert len(whole) >= 2  # the file's header and its summary row, each with the whole path
        assert not any(line.endswith(long_path[:30]) for line in lines)


def test_the_rule_list_fits_80_columns_and_is_a_table_on_a_wide_terminal():
    narrow = CliRunner().invoke(main, ["rules", "--no-color"], env={"COLUMNS": "80"}).stdout.splitlines()
    wide = CliRunner().invoke(main, ["rules", "--no-color"], env={"COLUMNS": "200"}).stdout.splitlines()
    ids = [line for line in narrow if re.match(r"^[A-Z]{2}\d{3}  ", line)]
    assert len(ids) >= 30 and len(narrow) <= 3 * len(ids) + 2  # it spread over ~300 lines before
    assert all(len(line) <= 80 for line in narrow)
    assert "AR001  lỗi       ratio-percent-mismatch  (arithmetic · party, state)" in narrow
    assert sum(1 for line in wide if re.search(r"│ [A-Z]{2}\d{3} │", line)) == len(ids)


# --- defect 16.7 (presentation): clean files and large batches -----------------------------------------

def batch(tmp_path, clean, dirty):
    for k in range(clean):
        (tmp_path / f"sach-{k:03}.txt").write_text("Mọi số liệu đều đúng.\n", encoding="utf-8")
    for k in range(dirty):
        (tmp_path / f"loi-{k:03}.txt").write_text("Số liệu sai và lệch.\n", encoding="utf-8")
    return tmp_path


def test_clean_files_print_nothing_and_the_summary_lists_files_with_findings(use_needles, tmp_path):
    res = CliRunner().invoke(main, ["lint", str(batch(tmp_path, 20, 3)), "--no-color"], env={"COLUMNS": "200"})
    out = res.stdout
    assert "sach-" not in out and "Không phát hiện vấn đề nào" not in out
    headers = [line for line in out.splitlines() if re.match(r"^\S+/loi-\d{3}\.txt  \(", line)]
    rows = [line for line in out.splitlines() if re.match(r"^\s+1\s+1\s+0\s.*/loi-\d{3}\.txt$", line)]
    assert len(headers) == 3 and len(rows) == 3  # each file with findings: its header and its summary row
    assert out.rstrip().splitlines()[-2] == "Tìm thấy 3 lỗi, 3 cảnh báo trong 3/23 tệp."


def test_many_files_with_findings_give_the_one_line_total(use_needles, tmp_path):
    res = CliRunner().invoke(main, ["lint", str(batch(tmp_path, 2, 30)), "--no-color"])
    out = res.stdout
    assert "Tổng hợp" not in out  # no 30-row table
    assert "Tìm thấy 30 lỗi, 30 cảnh báo trong 30/32 tệp." in out.splitlines()


def test_one_clean_file_says_so_in_the_total(use_needles, tmp_path):
    f = tmp_path / "sach.txt"
    f.write_text("Mọi số liệu đều đúng.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["lint", str(f), "--no-color"])
    assert res.exit_code == 0 and res.stdout.splitlines()[0] == "Không phát hiện vấn đề nào trong 1 tệp."
    res = CliRunner().invoke(main, ["lint", str(f), "--no-color", "--lang", "en"])
    assert res.stdout.splitlines()[0] == "No problems found in 1 file."


# --- defect 16.8 (presentation): labels that mislead, colours where there is nothing ------------------

def test_summary_headers_say_plainly_what_coverage_counts():
    files = [FileResult(path="a.txt", profile="party", issues=[finding("a.txt")]),
             FileResult(path="b.txt", profile="party", issues=[finding("b.txt", Severity.INFO)])]
    vi = rendered(Result(files), 200)
    assert "quan hệ/chưa đọc" not in vi
    assert re.search(r"Số liệu\s+Phép tính\s+Chỗ chưa", vi) and re.search(r"đã đọc\s+đã kiểm\s+đọc được", vi)
    assert "Figures" in rendered(Result(files), 200, "en") and "Sums" in rendered(Result(files), 200, "en")


def test_zero_counts_are_not_coloured_and_values_are_not_dim():
    files = [FileResult(path="a.txt", profile="party", issues=[finding("a.txt")]),
             FileResult(path="b.txt", profile="party", issues=[finding("b.txt", Severity.WARNING)])]
    out = io.StringIO()
    render(Result(files), make_console(out, color="always", width=200), "vi")
    row = next(line for line in out.getvalue().splitlines() if line.endswith("  a.txt"))
    assert ANSI.sub("", row).split() == ["1", "0", "0", "0", "0", "0", "a.txt"]
    assert ANSI.findall(row) == ["\x1b[1;31m", "\x1b[0m"] and row.startswith("\x1b[1;31m  1\x1b[0m ")  # zeros: plain
    from checker.report.console import values_text

    values = values_text(finding(), "vi")
    assert values.plain == "Tính ra: 87,29% · Văn bản ghi: 87,66% · Có thể sửa: 1.416 → 1.410"
    assert not values.style and all("dim" not in str(span.style) for span in values.spans)


def test_a_heading_label_is_highlighted_without_its_space(tmp_path):
    """ST006 highlighted "2. " with the space after it."""
    f = tmp_path / "bao-cao.txt"
    f.write_text("I. KẾT QUẢ\n1. Xây dựng Đảng\n2. Kinh tế\n2. Văn hóa - xã hội\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["lint", str(f), "--select", "ST006", "--format", "json"])
    issue = json.loads(res.stdout)["files"][0]["issues"][0]
    assert issue["excerpt"] == "2." and issue["location"]["end_column"] - issue["location"]["column"] == 2


# --- conventions --------------------------------------------------------------------------------------

@pytest.fixture
def reports(tmp_path):
    (tmp_path / "a.txt").write_text("Số liệu sai và lệch\nVẫn còn cũ\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Chỉ có một chỗ sai\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Mọi số liệu đều đúng\n", encoding="utf-8")
    return tmp_path


def lint(*args, env=None):
    res = CliRunner().invoke(main, ["lint", *map(str, args)], env=env or {})
    return res.exit_code, res.stdout, res.stderr


def test_format_concise_one_line_per_finding_then_the_total(use_needles, reports):
    code, out, _ = lint(reports, "--format", "concise")
    a, b = reports / "a.txt", reports / "b.txt"
    assert code == 1
    assert out.splitlines() == [f"{a}:1:9: AR901 Gặp từ «sai»", f"{a}:1:16: NF902 Gặp từ «lệch»",
                                f"{a}:2:9: DT903 Gặp từ «cũ»", f"{b}:1:16: AR901 Gặp từ «sai»",
                                "Tìm thấy 2 lỗi, 1 cảnh báo, 1 lưu ý trong 2/3 tệp."]
    _, out, _ = lint(reports, "--format", "concise", "--lang", "en")
    assert out.splitlines()[-1] == "Found 2 errors, 1 warning, 1 info in 2/3 files."


def test_statistics_counts_per_rule(use_needles, reports):
    code, out, _ = lint(reports, "--statistics")
    assert code == 1
    assert out.splitlines() == ["2  AR901  lỗi       needle-ar901", "1  DT903  lưu ý     needle-dt903",
                                "1  NF902  cảnh báo  needle-nf902", "Tìm thấy 2 lỗi, 1 cảnh báo, 1 lưu ý trong 2/3 tệp."]
    _, out, _ = lint(reports, "--statistics", "--format", "json")
    assert json.loads(out)[0] == {"code": "AR901", "name": "needle-ar901", "severity": "error", "count": 2}
    code, _, err = lint(reports, "--statistics", "--format", "sarif")
    assert code == 2 and "--statistics" in err


def test_quiet_prints_the_findings_only(use_needles, reports):
    _, out, _ = lint(reports, "--format", "concise", "-q")
    assert len(out.splitlines()) == 4 and "Tìm thấy" not in out
    _, out, _ = lint(reports, "--quiet", "--no-color")
    assert "AR901" in out and "Tìm thấy" not in out and "Tổng hợp" not in out and "c.txt" not in out


def test_show_severity_hides_findings_below(use_needles, reports):
    code, out, _ = lint(reports, "--format", "concise", "--show-severity", "error")
    assert [line.split(": ")[1].split()[0] for line in out.splitlines()[:-1]] == ["AR901", "AR901"]
    assert out.splitlines()[-1] == "Tìm thấy 2 lỗi trong 2/3 tệp." and code == 1
    _, out, _ = lint(reports, "--format", "concise", "--show-severity", "warning")
    assert "DT903" not in out and "NF902" in out
    code, data, _ = lint(reports, "--format", "json", "--show-severity", "error", "--fail-on", "warning")
    assert code == 1 and json.loads(data)["summary"]["warnings"] == 0
    code, _, _ = lint(reports / "a.txt", "--select", "NF902,DT903", "--show-severity", "error", "--fail-on", "info")
    assert code == 0  # hidden findings do not fail the run (as Vale's --minAlertLevel)


def test_color_auto_always_never_and_no_color(use_needles, reports):
    a = reports / "a.txt"
    for fmt in ("rich", "concise"):
        assert "\x1b[" in lint(a, "--format", fmt, "--color", "always")[1]
        assert "\x1b[" in lint(a, "--format", fmt, "--color", "always", env={"NO_COLOR": "1"})[1]  # the flag wins
        assert "\x1b[" not in lint(a, "--format", fmt, "--color", "never", env={"FORCE_COLOR": "1"})[1]
        assert "\x1b[" not in lint(a, "--format", fmt, "--no-color", env={"FORCE_COLOR": "1"})[1]
        assert "\x1b[" not in lint(a, "--format", fmt)[1]  # auto: not a terminal
    assert "«sai»" in lint(a, "--color", "never")[1]  # without colour the excerpt is marked
    res = CliRunner().invoke(main, ["rules", "--color", "always", "-c", "AR901"])  # a needle rule
    assert "\x1b[" in res.stdout


def test_concise_over_many_files_prints_one_line_per_finding_and_one_total(use_needles, tmp_path):
    batch(tmp_path, 40, 60)
    code, out, _ = lint(tmp_path, "--format", "concise", "--jobs", "2")
    lines = out.splitlines()
    assert len(lines) == 60 * 2 + 1 and lines[-1] == "Tìm thấy 60 lỗi, 60 cảnh báo trong 60/100 tệp."
    assert all(re.match(r"^.+/loi-\d{3}\.txt:1:\d+: (AR901|NF902) ", line) for line in lines[:-1])


def test_every_lint_option_is_in_the_readme_usage_table():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    usage = readme[readme.index("## Usage"):readme.index("### Exit codes")]
    table = [line for line in usage.splitlines() if line.startswith("| `")]
    for param in main.commands["lint"].params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("-") and opt not in ("--help", "-h"):
                assert any(f"`{opt}" in row for row in table), opt


def test_large_counts_are_written_as_each_language_writes_numbers():
    from checker.report.totals import total_line

    result = Result([FileResult(path=f"r{k}.txt", issues=[finding()] * 120) for k in range(10)]
                    + [FileResult(path="sach.txt")] * 1990)
    assert total_line(result, "vi") == "Tìm thấy 1.200 lỗi trong 10/2.000 tệp."
    assert total_line(result, "en") == "Found 1,200 errors in 10/2,000 files."
