"""Defect 16.5: no English in Vietnamese mode and no Vietnamese in English mode, where it can be told
apart from the document's own words. What may legitimately cross languages is removed before the scan:
quoted text («…», "…", '…', `…`), the excerpt lines (│), paths, options (--force), and the
identifiers users type (rule ids and names, categories, profiles), the names of regulations, and
the GitHub annotation syntax."""

import json
import re
import string
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker.cli import main
from checker.i18n import catalogue

ROOT = Path(__file__).resolve().parents[1]
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)
ENGLISH = re.compile(r"\b(the|and|of|is|not|use|file|files|unknown|found|with|should|must|only|cannot|could|see|"
                     r"data|binary|exists|error|errors|warning|rule|output|original|written|permission|denied)\b",
                     re.I)
QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”|'[^']*'|`[^`]*`|\([^()]*\)|\{[^{}]*\}")
# regulations are cited by their names in both languages ("Nghị định 30/2020/NĐ-CP, Phụ lục I")
REGULATION = re.compile(r"\b(?:Luật|Nghị định|Nghị quyết|Hướng dẫn|Quy định|Hiến pháp)\b[^;\n]*")
GITHUB_COMMAND = re.compile(r"^::\w+ [^\n]*?::", re.M)  # "::warning file=…,title=…::" is the protocol
IDENTIFIER = re.compile(r"(?:--?[\w-]+|[\w.]*[/\\][\w./\\~$-]*|\b[a-z]+(?:-[a-z]+)+\b|\b[A-Z]{2}\d{3}\b|"
                        r"\b(?:arithmetic|dates|structure|references|text|party|state|Ctrl-C)\b)")


def bare(text: str) -> str:
    """The text without what may be in either language."""
    lines = [line for line in text.splitlines() if "│" not in line]
    text = GITHUB_COMMAND.sub(" ", "\n".join(lines))
    return IDENTIFIER.sub(" ", QUOTED.sub(" ", REGULATION.sub(" ", text)))


def english_in(text: str) -> list[str]:
    return ENGLISH.findall(bare(text))


def vietnamese_in(text: str) -> list[str]:
    return VIETNAMESE.findall(bare(text))


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_catalogues_hold_the_same_keys_and_placeholders():
    vi, en = catalogue("vi"), catalogue("en")
    assert set(vi) == set(en)
    for key in vi:
        assert placeholders(vi[key]) == placeholders(en[key]), key


def test_each_catalogue_speaks_its_own_language():
    assert {k: v for k, v in catalogue("en").items() if vietnamese_in(v)} == {}
    assert {k: v for k, v in catalogue("vi").items() if english_in(v)} == {}


def test_rule_messages_speak_their_language():
    """The rule files' message templates (the document's words in quotes or parentheses aside)."""
    for path in sorted((ROOT / "rules").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "messages" not in data:
            continue
        for lang, check in (("vi", english_in), ("en", vietnamese_in)):
            messages = data["messages"][lang]
            for variant, template in (messages if isinstance(messages, dict) else {"default": messages}).items():
                assert not check(re.sub(r"\{[^}]*\}", " ", template)), (data["id"], lang, variant, template)


def run(*args, env=None):
    res = CliRunner().invoke(main, list(map(str, args)), env=env or {"COLUMNS": "100"})
    return res.exit_code, res.stdout + res.stderr


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "bao-cao.txt").write_text(
        "BÁO CÁO\nKết quả tháng 7 năm 2024\nI. KẾT QUẢ\n1. Xã hội\n"
        "Kết nạp 112/158 đảng viên, đạt 70,87% chỉ tiêu.\nNgày 31/4/2024 tổ chức hội nghị.\n"
        "Vận động 1.236/1.416 hộ tham gia, đạt 87,66%.\n", encoding="utf-8")
    (tmp_path / "sach.md").write_text("Mọi việc đều tốt.\n", encoding="utf-8")
    (tmp_path / "nhi-phan.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    (tmp_path / "rong.txt").write_bytes(b"")
    (tmp_path / "ra.docx").write_bytes(b"PK\x03\x04")
    return tmp_path


def outputs(folder, lang):
    """What a user of `lang` sees: reports in every text format, file errors, usage errors."""
    report = folder / "bao-cao.txt"
    seen = []
    for extra in ([], ["--format", "concise"], ["--statistics"], ["--format", "github"]):
        seen.append(run("lint", folder, folder / "khong-co.txt", "--lang", lang, "--no-color", *extra)[1])
    seen.append(run("lint", report, "--select", "ZZ9", "--lang", lang)[1])
    seen.append(run("lint", report, "--statistics", "--format", "sarif", "--lang", lang)[1])
    seen.append(run("explain", "ZZ999", "--lang", lang)[1])
    seen.append(run("watch", folder / "khong-co", "--lang", lang)[1])
    seen.append(run("annotate", report, "-o", folder / "x.docx", "--lang", lang)[1])
    (folder / "ra2.docx").write_bytes(b"")
    seen.append(run("annotate", folder / "ra.docx", "-o", folder / "ra2.docx", "--lang", lang)[1])
    seen.append(run("annotate", folder / "ra.docx", "-o", folder / "ra.txt", "--lang", lang)[1])
    return seen


def test_vietnamese_mode_shows_no_english(folder):
    texts = outputs(folder, "vi")
    assert any("dữ liệu nhị phân" in text for text in texts)  # the file error's detail, translated
    assert any("tệp đã có; thêm --force" in text for text in texts)
    assert any("không có mã quy tắc 'ZZ9'" in text for text in texts)
    for text in texts:
        assert not english_in(text), (english_in(text), text)


def test_english_mode_shows_no_vietnamese(folder):
    texts = outputs(folder, "en")
    assert any("binary data, not text" in text for text in texts)
    assert any("the file exists; use --force" in text for text in texts)
    for text in texts:
        assert not vietnamese_in(text), (vietnamese_in(text), text)


@pytest.mark.parametrize("lang,check", [("vi", english_in), ("en", vietnamese_in)])
def test_rules_and_explain_speak_the_language_asked(lang, check):
    code, text = run("rules", "--lang", lang, env={"COLUMNS": "80"})
    assert code == 0 and not check(text)
    for rule in ("AR001", "NF002", "DT005", "RF004", "TX004"):
        code, text = run("explain", rule, "--lang", lang)
        why = text.split("\n\n")[:4]  # name, what, why, source: the examples and parameters are document text
        assert code == 0 and not check("\n\n".join(why)), (rule, check("\n\n".join(why)))


def test_explain_cites_the_regulation_not_a_file_users_do_not_have():
    for path in sorted((ROOT / "rules").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            assert "regulations.md" not in (data.get("source") or ""), path
            assert "regulations.md" not in json.dumps(data.get("explain") or {}, ensure_ascii=False), path
    _, text = run("explain", "NF002")
    assert "Căn cứ: cách viết số tiếng Việt" in text
    _, text = run("explain", "RF001", "--lang", "en")
    assert "Source: Hướng dẫn 36-HD/VPTW §1.3; Nghị định 30/2020/NĐ-CP, Phụ lục III" in text


def test_english_messages_carry_no_vietnamese_unit(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Kỷ niệm 69 năm Ngày Chiến thắng (07/5/1954 - 07/5/2024).\n", encoding="utf-8")
    _, text = run("lint", f, "--select", "AR007", "--lang", "en", "--format", "concise")
    assert "the text says 69 years" in text
