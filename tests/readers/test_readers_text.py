"""The plain-text reader: encodings, NFC, legacy TCVN3/VNI recognition, line numbers, bad input."""

import unicodedata

import pytest
from readers_fixtures import cp1258_bytes, to_tcvn3_mojibake, to_vni_mojibake

from checker.document import BlockKind
from checker.readers import ReadError, read_path, read_string
from checker.readers import text as text_reader

REPORT = (
    "BÁO CÁO\n"
    "Kết quả thực hiện nhiệm vụ quý I năm 2024\n"
    "\n"
    "Toàn xã kết nạp 14 đảng viên mới, đạt 116,67% chỉ tiêu.\n"
)


def lines(doc):
    return [(b.line, b.text) for b in doc.blocks]


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
])
def test_unicode_encodings_give_the_same_blocks(tmp_path, encoding, prefix):
    f = tmp_path / "r.txt"
    f.write_bytes(prefix + REPORT.encode(encoding))
    doc = read_path(f)
    assert lines(doc) == [(1, "BÁO CÁO"), (2, "Kết quả thực hiện nhiệm vụ quý I năm 2024"), (3, ""),
                          (4, "Toàn xã kết nạp 14 đảng viên mới, đạt 116,67% chỉ tiêu."), (5, "")]
    assert doc.blocks[0].text[0] == "B"  # no BOM left in the text
    assert all(b.kind is BlockKind.PARAGRAPH and not b.legacy_encoding and not b.was_nfd for b in doc.blocks)


def test_bomless_utf16_is_recognised(tmp_path):
    f = tmp_path / "r.txt"
    f.write_bytes(REPORT.encode("utf-16-le"))
    assert read_path(f).blocks[1].text.startswith("Kết quả")


def test_crlf_line_ends(tmp_path):
    f = tmp_path / "r.md"
    f.write_bytes(REPORT.replace("\n", "\r\n").encode("utf-8"))
    doc = read_path(f)
    assert doc.format == "md"
    assert doc.blocks[1].text == "Kết quả thực hiện nhiệm vụ quý I năm 2024"


def test_windows_1258_is_decoded_and_composed(tmp_path):
    f = tmp_path / "r.txt"
    raw = cp1258_bytes(REPORT)
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    f.write_bytes(raw)
    doc = read_path(f)
    assert doc.encoding == "cp1258"
    assert doc.blocks[1].text == "Kết quả thực hiện nhiệm vụ quý I năm 2024"
    assert unicodedata.is_normalized("NFC", doc.blocks[3].text)


def test_latin1_non_vietnamese_is_an_encoding_error(tmp_path):
    f = tmp_path / "r.txt"
    f.write_bytes("Größe der Fläche: 12 m², Maße prüfen; Übersicht über Änderungen.\n".encode("latin-1") * 3)
    with pytest.raises(ReadError) as e:
        read_path(f)
    assert e.value.code == "encoding"


def test_binary_data_is_refused(tmp_path):
    f = tmp_path / "r.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(ReadError) as e:
        read_path(f)
    assert e.value.code == "unknown-format" and "binary" in e.value.detail


def test_empty_and_blank_files(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b" \n\n\t\n")
    for name in ("a.txt", "b.txt"):
        with pytest.raises(ReadError) as e:
            read_path(tmp_path / name)
        assert e.value.code == "empty"


def test_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(text_reader, "MAX_TEXT_BYTES", 100)
    f = tmp_path / "r.txt"
    f.write_text("Báo cáo\n" * 50, encoding="utf-8")
    with pytest.raises(ReadError) as e:
        read_path(f)
    assert e.value.code == "too-large"


def test_missing_folder_and_unknown_extension(tmp_path):
    cases = {tmp_path / "none.txt": "not-found", tmp_path: "is-directory"}
    (tmp_path / "x.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    cases[tmp_path / "x.xls"] = "unknown-format"
    for path, code in cases.items():
        with pytest.raises(ReadError) as e:
            read_path(path)
        assert e.value.code == code


# --- NFC / NFD -----------------------------------------------------------------------------------

def test_nfd_lines_are_normalised_and_marked():
    nfd = unicodedata.normalize("NFD", "Kết quả thực hiện")
    doc = read_string(f"Báo cáo\n{nfd}")
    assert doc.blocks[1].text == "Kết quả thực hiện"
    assert [b.was_nfd for b in doc.blocks] == [False, True]


# --- legacy encodings ------------------------------------------------------------------------------

PLAIN = [
    "Báo cáo tình hình thực hiện nhiệm vụ công tác quý II năm 2024",
    "Tổng thu ngân sách xã đạt 4.512 triệu đồng, bằng 103,6% dự toán",
]


def test_tcvn3_blocks_are_recognised():
    doc = read_string("\n".join([to_tcvn3_mojibake(PLAIN[0]), PLAIN[1]]))
    assert doc.blocks[0].text.startswith("B¸o c¸o")
    assert [b.legacy_encoding for b in doc.blocks] == ["TCVN3", None]


def test_vni_blocks_are_recognised():
    doc = read_string("\n".join([PLAIN[1], to_vni_mojibake(PLAIN[0])]))
    assert doc.blocks[1].text.startswith("Baùo caùo")
    assert [b.legacy_encoding for b in doc.blocks] == [None, "VNI"]


@pytest.mark.parametrize("text", [
    "Tỷ lệ ¼ số hộ có nước sạch; nhiệt độ trung bình 27°C",
    "© 2024 Văn phòng Huyện ủy; trích «Báo cáo số 12» và “Kế hoạch 45”",
    "Ông Müller, chuyên gia tư vấn, dự hội thảo ở Zürich; café, crème",
    "Diện tích 4.180 m², thể tích 12 m³, đạt 100% ±2%",
    "Ủy ban nhân dân xã Hòa Mỹ, Đắk Nông; đồng chí Nguyễn Thị Ánh",
])
def test_normal_vietnamese_and_symbols_are_never_flagged(text):
    assert read_string(text).blocks[0].legacy_encoding is None


def test_tcvn3_file_bytes(tmp_path):
    mojibake = "\n".join(to_tcvn3_mojibake(t) for t in PLAIN * 3)
    f = tmp_path / "old.txt"
    f.write_bytes(mojibake.encode("cp1252"))
    doc = read_path(f)
    assert doc.encoding == "cp1252"
    assert all(b.legacy_encoding == "TCVN3" for b in doc.blocks)


def test_vni_file_bytes(tmp_path):
    mojibake = "\n".join(to_vni_mojibake(t) for t in PLAIN * 3)
    f = tmp_path / "old.txt"
    f.write_bytes(mojibake.encode("cp1252"))
    doc = read_path(f)
    assert all(b.legacy_encoding == "VNI" for b in doc.blocks)


def test_legacy_decoders_round_trip():
    from checker.readers.legacy import decode_tcvn3, decode_vni

    for t in PLAIN:
        assert decode_vni(to_vni_mojibake(t)) == t
        assert decode_tcvn3(to_tcvn3_mojibake(t)) == t.lower() or decode_tcvn3(to_tcvn3_mojibake(t))[1:] == t[1:]


def test_tx002_rule_fires_on_legacy_text(lint_text):
    issues = lint_text(to_vni_mojibake(PLAIN[0]) + "\n" + PLAIN[1], select=["TX002"])
    assert [i.rule for i in issues] == ["TX002"]
    assert lint_text("\n".join(PLAIN), select=["TX002"]) == []
