"""The typo rules (TX006-TX012) and the lexicon they read: the syllable model, the shipped lists, and
each rule on the forms real drafts take (written here, not copied from any report)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker import lexicon as L
from checker.api import lint, lint_document
from checker.readers import read_string
from checker.resources import rules_dir


def findings(text: str, rule: str, **kw):
    doc = read_string(text, name="t.txt")
    return [i for i in lint_document(doc, select=[rule], **kw).issues if i.rule == rule]


# --- the syllable model ----------------------------------------------------------------------------

@pytest.mark.parametrize("word", ["hoàng", "hòa", "hoà", "ủy", "uỷ", "thuở", "khuỷu", "người", "quốc", "quý",
                                  "quí", "gì", "gìn", "giếng", "nghiêng", "kỹ", "yêu", "uống", "oanh", "ngoẹo",
                                  "tuyết", "quyết", "giữ", "phép", "ạch", "boong", "xoong"])
def test_real_syllables_are_syllables(word):
    assert L.is_syllable(word), word


@pytest.mark.parametrize("word", ["tòan", "hòang", "nhiêt", "viêc", "ce", "ngi", "gha", "cuy", "tyên", "iên", "mac",
                                  "hoạchh", "qúa", "email", "gold", "life", "cha1"])
def test_impossible_syllables_are_not(word):
    assert not L.is_syllable(word), word


def test_tone_conventions_and_canonical_form():
    assert L.canonical("hoà") == L.canonical("hòa") == "hòa"
    assert L.canonical("thuỷ") == "thủy" and L.canonical("khoẻ") == "khỏe"
    assert L.spellings("hòa") == ("hòa", "hoà") and L.spellings("hoàng") == ("hoàng",)
    assert L.new_convention("hoà giải, thuỷ lợi, quý, khoẻ, hoàng") == "hòa giải, thủy lợi, quý, khỏe, hoàng"
    assert L.old_convention("hòa giải, thủy lợi, quý") == "hoà giải, thuỷ lợi, quý"
    assert L.analyse("tòan")[4] is False and L.canonical("tòan") == "toàn"


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạ", max_size=8))
def test_new_convention_keeps_length(text):
    assert len(L.new_convention(text)) == len(text)


def test_skeleton_and_neighbours():
    lex = L.lexicon()
    assert L.skeleton("Hoạch Đường") == "Hoach Duong"
    assert ("hoạch", 2) in L.neighbours(lex, "hạch")
    assert ("thể", 2) in L.neighbours(lex, "tể")
    assert ("động", 1) in L.neighbours(lex, "đọng")
    assert all(kind <= 1 for _, kind in L.neighbours(lex, "đọng", 1))


def test_shipped_lists():
    lex = L.lexicon()
    assert len(lex.syllables) > 4000 and len(lex.words) > 4000
    assert {"kế hoạch", "tập thể", "bị động", "san lấp", "phát triển", "hòa giải"} <= lex.words
    assert "chuần" not in lex.syllables and "truyên" not in lex.syllables and "trển" not in lex.syllables
    assert lex.zipf("là") > lex.zipf("hạch") > 0 == lex.zipf("chuần")
    # the word list is lower case, in the new tone convention, made of possible syllables
    for line in (rules_dir() / "data" / "vi_words.txt").read_text(encoding="utf-8").split("\n"):
        if line and not line.startswith("#"):
            assert line == line.lower() == L.new_convention(line), line
            assert unicodedata.is_normalized("NFC", line), line
            assert all(L.is_syllable(s) for s in line.split()), line
    notice = (rules_dir() / "data" / "LEXICON-NOTICE.md").read_text(encoding="utf-8")
    assert "CC-BY-SA-4.0" in notice and "wordfreq" in notice


# --- TX006 repeated syllables ------------------------------------------------------------------------

@pytest.mark.parametrize("text,excerpt,expected", [
    ("Tổng thu thu ngân sách đạt 12 tỷ đồng.", "thu thu", "thu"),
    ("Kiểm tra việc cập nhật nhật ký công tác của các các đơn vị.", "các các", "các"),
    ("Tiếp tục ngăn chặn ngăn chặn khai thác cát trái phép.", "ngăn chặn ngăn chặn", "ngăn chặn"),
    ("CÁC CÁC ĐƠN VỊ BÁO CÁO", "CÁC CÁC", "CÁC"),
])
def test_repeats_are_reported_with_one_copy(text, excerpt, expected):
    found = findings(text, "TX006")
    assert [(i.excerpt, i.expected, i.severity.value) for i in found] == [(excerpt, expected, "warning")]


@pytest.mark.parametrize("text", [
    "Cập nhật nhật ký công việc hằng ngày.",  # cập nhật | nhật ký
    "Luật Công nghiệp công nghệ số số 71/2025/QH15.",  # a number after the second copy
    "Tổ chức Đại hội Hội Cựu chiến binh.",
    "Song song đó, các xã rà soát từ từ; người người thi đua.",
    "Báo cáo các\ncác đơn vị",  # across a line break: two blocks
    "Hoàn thành, thành lập tổ công tác.",
])
def test_legitimate_doubles_stay_silent(text):
    assert findings(text, "TX006") == []


# --- TX007 stray spaces ------------------------------------------------------------------------------

def test_stray_spaces_once_per_paragraph_with_the_count():
    found = findings("Các đơn vị  kinh tế  tập thể và  hợp tác xã.", "TX007")
    assert len(found) == 1 and "3 chỗ" in found[0].message
    assert (found[0].excerpt, found[0].expected) == ("vị  kinh", "vị kinh")


@pytest.mark.parametrize("text,expected", [
    ("Cho cán bộ , đảng viên.", "bộ,"),
    ("Cho cán bộ,đảng viên.", "bộ, đảng"),
    ("Tỷ lệ đạt 2, 35 ha đất.", "2,35"),
    ("Đã tổ chức 12 cuộc .", "cuộc."),
])
def test_stray_space_kinds(text, expected):
    assert [i.expected for i in findings(text, "TX007")] == [expected]


@pytest.mark.parametrize("text", [
    "Phụng Hiệp, ngày      tháng 6 năm 2024",
    "Số       -BC/HU",
    "Hà Nội, ngày…  tháng… năm 2025",
    "Kết quả khá.  Tuy nhiên còn hạn chế.",
    "Mục\tNội dung  chi tiết",  # aligned with tabs
    "T/M BAN THƯỜNG VỤ  BÍ THƯ",  # a line in capitals: layout
    "Năm 2023, 2024 và 2025 đều đạt; hệ số 1,5 lần; tỷ lệ 10%, 20% số hộ.",
    "Xem https://a.gov.vn/x,y hoặc vanthu@a.gov.vn; TP.HCM.",
    "Đạt 85,5%... Tháng … năm …",
])
def test_stray_spaces_silent(text):
    assert findings(text, "TX007") == []


def test_table_cells_are_not_checked_for_spaces():
    text = "| Chỉ tiêu | Kết  quả |\n|---|---|\n| Thu  ngân sách | 12 |\n"
    doc = read_string(text, name="t.md")
    assert [i for i in lint_document(doc, select=["TX007"]).issues if i.location.kind == "table_cell"] == []


# --- TX008 non-words -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,word,fix", [
    ("Các chi bộ chuần bị nội dung.", "chuần", "chuẩn"),
    ("Kỷ niệm Ngày truyên thống.", "truyên", "truyền"),
    ("Mô hình phát trển kinh tế.", "trển", "triển"),
    ("Đã hoàn thành tòan bộ kế hoạch.", "tòan", "toàn"),
    ("Nhiệt tình, nhiêt độ cao.", "nhiêt", "nhiệt"),
    ("Chuần bị tốt các điều kiện.", "Chuần", "Chuẩn"),  # a capital at the start of a sentence
    ("Cấp thẻ căn cức công dân.", "cức", "cước"),
])
def test_non_words_with_their_correction(text, word, fix):
    found = findings(text, "TX008")
    assert [(i.excerpt, i.expected) for i in found] == [(word, fix)]
    assert fix in found[0].message


def test_non_words_in_nfd_text_are_found_after_normalisation():
    text = unicodedata.normalize("NFD", "Các chi bộ chuần bị nội dung sinh hoạt.")
    assert [i.expected for i in findings(text, "TX008")] == ["chuẩn"]


@pytest.mark.parametrize("text", [
    "Đồng chí Trần Văn Chuần, xã Ea H'leo, tỉnh Đắk Lắk.",  # names
    "Cài phần mềm trên website, hội thi karaoke; UBND, HĐND, BCĐ.",  # foreign words, abbreviations
    "Thu hoạch lúa hợp¹ tác xã²; ước đạt 12 ha.",  # footnote marks are not letters
    "Ban Thường vụ Huyện uỷ và Huyện ủy, hoà giải và hòa giải.",  # both tone conventions
    "Ghe xuồng đi lại trên kinh xáng; vựa trái cây ở chành.",  # regional words on the allow-list
    "Đ/c Bí thư; các đ.c Ủy viên.",  # single letters
    "Thu giữ 02 xe ôtô, 500 kg phốtpho và 12 tấm bêtông.",  # loans written as one word
])
def test_non_words_silent(text):
    assert findings(text, "TX008") == []


# --- TX009 near misses ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,written,fix", [
    ("Kế hạch số 12-KH/HU.", "Kế hạch", "Kế hoạch"),
    ("Phát triển kinh tế tập tể, hợp tác xã.", "tập tể", "tập thể"),
    ("Thực hiện san lắp mặt bằng.", "san lắp", "san lấp"),
    ("Các ngành phối họp tuyên truyền.", "phối họp", "phối hợp"),
    ("Rút kinh nghiệm để tránh thế bị đọng khi có thiên tai.", "bị đọng", "bị động"),
])
def test_near_misses(text, written, fix):
    found = findings(text, "TX009")
    assert [(i.excerpt, i.expected, i.severity.value) for i in found] == [(written, fix, "info")]


@pytest.mark.parametrize("text", [
    "Kế hoạch số 12-KH/HU; phát triển kinh tế tập thể; san lấp mặt bằng.",
    "Sản xuất vật liệu nổ công nghiệp.",  # "công" already belongs to "công nghiệp"
    "Tổng mức bán lẻ hàng hóa ước đạt 575 tỷ đồng.",  # "hóa" belongs to "hàng hóa"
    "Xã Tân Phước Hưng và ấp Hòa Thạnh.",  # names
    "Các các đơn vị.",  # a repeat is TX006's
])
def test_near_misses_silent(text):
    assert findings(text, "TX009") == []


# --- TX010 one name, two spellings ---------------------------------------------------------------------

def test_minority_spelling_of_a_name():
    text = ("Xã Vĩnh Hòa đạt chuẩn nông thôn mới.\nHỗ trợ xã Vĩnh Hòa 02 nhà.\n"
            "Các xã Cao Minh, Vinh Hòa hoàn thành.\nXã Vĩnh Hòa tổ chức hội nghị.")
    found = findings(text, "TX010")
    assert [(i.excerpt, i.expected) for i in found] == [("Vinh Hòa", "Vĩnh Hòa")]


def test_a_tie_stays_silent():
    text = "Xã Đồng Tâm đạt chuẩn; xã Đông Tâm chưa đạt.\nHỗ trợ xã Đồng Tâm và xã Đông Tâm."
    assert findings(text, "TX010") == []


@pytest.mark.parametrize("text,written,fix", [
    ("Tham mưu Ban thường vụ Huyện ủy ban hành kế hoạch.", "Ban thường vụ", "Ban Thường vụ"),
    ("Phối hợp với Hội nông dân xã.", "Hội nông dân", "Hội Nông dân"),
    ("Ủy Ban Nhân Dân xã báo cáo.", "Ủy Ban Nhân Dân", "Ủy ban nhân dân"),
    ("Uỷ Ban Kiểm Tra Huyện ủy họp.", "Uỷ Ban Kiểm Tra", "Uỷ ban Kiểm tra"),  # keeps "uỷ"
    ("Ban tổ chức Tỉnh ủy hướng dẫn.", "Ban tổ chức", "Ban Tổ chức"),
])
def test_capitals_of_official_names(text, written, fix):
    found = findings(text, "TX010")
    assert [(i.excerpt, i.expected) for i in found] == [(written, fix)]


@pytest.mark.parametrize("text", [
    "Các ban thường vụ đảng ủy cơ sở; BAN THƯỜNG VỤ HUYỆN ỦY.",
    "Ban tổ chức hội thi họp trước ngày khai mạc.",  # an ad hoc committee
    "Ban Thường vụ Huyện ủy; Hội Nông dân; Ủy ban nhân dân xã.",
])
def test_official_names_silent(text):
    assert findings(text, "TX010") == []


def test_name_with_lower_case_first_word():
    text = "Các xã Hòa An, tân Phước Hưng hoàn thành.\nĐảng ủy xã Tân Phước Hưng chỉ đạo."
    assert [(i.excerpt, i.expected) for i in findings(text, "TX010")] == [("tân Phước Hưng", "Tân Phước Hưng")]


# --- TX011 style list -------------------------------------------------------------------------------------

def test_style_list_and_its_units():
    found = findings("Điện tiêu thụ 23,6 triệu Kwh; diện tích 12 Ha; bổ xung kinh phí.", "TX011")
    assert [(i.excerpt, i.expected) for i in found] == [("Kwh", "kWh"), ("Ha", "ha"), ("bổ xung", "bổ sung")]
    assert findings("Xã Ha Lâm; Bổ sung kinh phí.", "TX011") == []


def test_style_list_leaves_a_mix_to_tx003():
    assert [i.expected for i in findings("Báo cáo quí III.", "TX011")] == ["quý"]
    assert findings("Báo cáo quí III; kết quả quý II.", "TX011") == []


def test_style_list_from_the_configuration(tmp_path: Path):
    (tmp_path / "checker.toml").write_text('[style-list]\n"Tp." = "TP."\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Làm việc tại Tp. Cần Thơ.\n", encoding="utf-8")
    issues = [i for i in lint(str(tmp_path / "a.txt"), select=["TX011"]).issues]
    assert [(i.excerpt, i.expected) for i in issues] == [("Tp.", "TP.")]


# --- TX012 garbled text -----------------------------------------------------------------------------------

def test_garbled_runs_are_reported_once():
    text = ("Báo cáo kết quả.\nBÃ¡o cÃ¡o káº¿t quáº£\nTá»• chá»©c Ä‘áº¡i há»™i\nKết luận.\n"
            "Vi?t Nam và k?t qu? th?c hi?n.")
    found = findings(text, "TX012")
    assert [(i.location.line, i.severity.value) for i in found] == [(2, "error"), (5, "error")]


@pytest.mark.parametrize("text", [
    "Tại sao chưa hoàn thành? Do thiếu kinh phí.",
    "Tra cứu tại https://a.gov.vn/tra-cuu?id=12&x=y.",
    "Giá trị tối đa 10 ≤ x ≤ 20; nhiệt độ 30°C; ½ số hộ.",
])
def test_garbled_silent(text):
    assert findings(text, "TX012") == []


# --- the annotated Word copy carries the suggestion ------------------------------------------------------

def test_annotated_copy_suggests_the_correction(tmp_path: Path):
    import docx

    from checker.readers import read_path
    from checker.report.docx_comments import write_annotated

    path = tmp_path / "a.docx"
    d = docx.Document()
    d.add_paragraph("Các chi bộ chuần bị tốt nội dung sinh hoạt.")
    d.save(path)
    doc = read_path(path)
    issues = [i for i in lint_document(doc, select=["TX008"]).issues]
    data, placed = write_annotated(path.read_bytes(), doc, issues, "vi")
    assert len(placed) == 1 and placed[0].mode == "exact"
    assert "Nên ghi: chuẩn" in placed[0].text and "Văn bản ghi: chuần" in placed[0].text
