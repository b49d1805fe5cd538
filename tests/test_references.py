"""Document references: parsing of the three symbol shapes and the reference rules."""

from _lintutil import findings
from checker.references import find_references


def test_parse_party_state_legal_and_cong_van():
    text = ("Kế hoạch số 139-KH/HU ngày 26/6/2023; Kế hoạch số 28/KH-UBND ngày 13/2/2023; Kế hoạch số "
            "10-KH/BCĐ ngày 29/02/2024; Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020; Công văn số "
            "123/UBND-VP; Quy định 08-QĐi/TW; Quyết định số 06/QĐ-TTg; Luật 59/2020/QH14; Nghị quyết "
            "66.4/2025/NQ-CP.")
    refs = find_references(text)
    assert [(r.text, r.shape, r.type_code) for r in refs] == [
        ("139-KH/HU", "party", "KH"), ("28/KH-UBND", "state", "KH"), ("10-KH/BCĐ", "party", "KH"),
        ("30/2020/NĐ-CP", "legal", "NĐ"), ("123/UBND-VP", "cv", None), ("08-QĐi/TW", "party", "QĐi"),
        ("06/QĐ-TTg", "state", "QĐ"), ("59/2020/QH14", "legal", None), ("66.4/2025/NQ-CP", "legal", "NQ")]
    assert refs[0].date == (26, 6, 2023) and refs[3].date == (5, 3, 2020)
    assert [r.type_word for r in refs[:4]] == ["Kế hoạch", "Kế hoạch", "Kế hoạch", "Nghị định"]


def test_dates_and_numbers_are_not_symbols():
    assert find_references("ngày 26/6/2023, 112/158 đảng viên, 2020 - 2025, CT-XH, 4.180m2") == ()


def test_type_code_mismatch_and_quy_dinh_codes():
    assert len(findings("Thực hiện Kế hoạch số 12-NQ/HU ngày 02/5/2024.", "RF001")) == 1
    ok = "Quy định số 105-QĐ/TW, Quy định số 08-QĐi/TW, Quy định số 12/QyĐ-UBND, Chỉ thị số 05-CT/TW."
    assert findings(ok, "RF001") == []


def test_same_symbol_two_dates():
    text = "Ban hành Kế hoạch số 88-KH/HU ngày 03/4/2024.\nThực hiện Kế hoạch số 88-KH/HU ngày 08/4/2024."
    issues = findings(text, "RF002")
    assert [(i.actual, i.expected) for i in issues] == [("8/4/2024", "3/4/2024")]


def test_reference_after_report():
    head = "ĐẢNG CỘNG SẢN VIỆT NAM\nSố 31-BC/HU\nMỹ Tú, ngày {d} tháng 6 năm 2024\nBÁO CÁO\nkết quả quý II/2024\n"
    body = "Thực hiện Kế hoạch số 88-KH/HU ngày 18/6/2024 của Ban Thường vụ Huyện ủy."
    assert len(findings(head.format(d="12") + body, "RF003")) == 1
    assert findings(head.format(d="20") + body, "RF003") == []
    assert findings(head.format(d="    ") + body, "RF003") == []


def test_issuer_code_against_body():
    assert len(findings("Quy định số 1010-QĐ/TW ngày 02/5/2019 của Tỉnh ủy về cán bộ.", "RF004")) == 1
    ok = ("Quy định số 1010-QĐ/TU của Ban Thường vụ Tỉnh ủy; Kết luận số 94-KL/TW của Ban Bí thư về học tập; "
          "Hướng dẫn số 3-HD/BTGTU của Ban Tuyên giáo Tỉnh ủy; Kế hoạch số 10-KH/BCĐ của Ban Chỉ đạo 35 tỉnh.")
    assert findings(ok, "RF004") == []


def test_first_citation_without_date_exemptions():
    # legal documents with the year in the symbol, quoted titles, subjects of dated citations, shared dates
    quiet = ["Triển khai Nghị định số 45/2022/NĐ-CP của Chính phủ và Thông tư 03/2019/TT-BNV.",
             "Quán triệt Kết luận số 15-KL/TW, ngày 12/4/2022 của Ban Bí thư về “Tiếp tục thực hiện Chỉ thị "
             "số 27-CT/TW về công tác dân vận”.",
             "Ban hành Kế hoạch số 41/KH-UBND ngày 02/3/2024 của UBND tỉnh về triển khai Nghị quyết số 12/NQ-CP.",
             "Thực hiện Nghị quyết số 03/NQ-CP và Nghị quyết số 04/NQ-CP ngày 09/01/2024 của Chính phủ.",
             "Ngày 04/7/2024, Hội đồng nhân dân tỉnh ban hành Nghị quyết số 05/NQ-HĐND về thành lập cơ quan."]
    for text in quiet:
        assert findings(text, "RF005") == [], text
    # still reported: a plain first citation, one after a sentence break, one whose date comes later
    loud = ("Ban hành Kế hoạch số 41/KH-UBND ngày 02/3/2024 của UBND tỉnh. Thực hiện Nghị quyết số 12/NQ-CP; "
            "Quán triệt Đề án số 07-ĐA/TU đến chi bộ.\nTriển khai Đề án số 07-ĐA/TU ngày 05/01/2024.")
    assert [i.excerpt for i in findings(loud, "RF005")] == ["Nghị quyết số 12/NQ-CP", "Đề án số 07-ĐA/TU"]


def test_a_document_cited_with_two_dates_is_one_finding_naming_the_other_places():
    """Issue 14.7: four citations, one with another date: one finding, the others related and named."""
    text = ("Thực hiện Kế hoạch số 22-KH/ĐU ngày 14/3/2024 của Đảng ủy xã.\n"
            "Các chi bộ triển khai Kế hoạch số 22-KH/ĐU ngày 14/3/2024 đúng tiến độ.\n"
            "Sơ kết Kế hoạch số 22-KH/ĐU ngày 04/3/2024 vào cuối quý.\n"
            "Báo cáo kết quả thực hiện Kế hoạch số 22-KH/ĐU ngày 14/3/2024.")
    (issue,) = findings(text, "RF002")
    assert (issue.location.line, issue.excerpt, issue.expected, issue.actual) == (3, "04/3/2024", "14/3/2024", "4/3/2024")
    assert "14/3/2024 (dòng 1; dòng 2; dòng 4)" in issue.message
    assert [(r.location.line, r.excerpt) for r in issue.related] == [(1, "14/3/2024"), (2, "14/3/2024"),
                                                                      (4, "14/3/2024")]


def test_a_wrong_type_code_cited_again_is_one_finding():
    text = ("Triển khai Nghị quyết số 08-KH/ĐU ngày 02/02/2024.\nQuán triệt Nghị quyết số 08-KH/ĐU đến đảng viên.\n"
            "Sơ kết Nghị quyết số 08-KH/ĐU.")
    (issue,) = findings(text, "RF001")
    assert "3 lần" in issue.message and [r.location.line for r in issue.related] == [2, 3]


def test_many_undated_first_citations_are_one_finding():
    text = "\n".join(f"Triển khai Kế hoạch số {n}-KH/ĐU của Đảng ủy xã." for n in (11, 12, 13, 14, 15))
    (issue,) = findings(text, "RF005")
    assert "Có 5 văn bản" in issue.message and len(issue.related) == 4
    assert len(findings("\n".join(text.splitlines()[:3]), "RF005")) == 3
