"""PDFs the reader must refuse with a clear reason: scans without a text layer, password-protected files,
damaged files and PDF bombs. Every refusal is a ReadError whose code has a message in both languages;
the input is never modified, and the command line goes on with the other files."""

from __future__ import annotations

import hashlib
import json
import zlib

import pytest
from click.testing import CliRunner
from pdfmaker import Page, Writer, build

from checker.cli import main
from checker.i18n import t
from checker.readers import ReadError, read_path
from checker.readers import pdf as pdf_reader


def code_of(path):
    with pytest.raises(ReadError) as e:
        read_path(path)
    err = e.value
    for lang in ("vi", "en"):
        message = t(f"error.{err.code}", lang, name=path.name, detail=err.detail or err.reason)
        assert message != f"error.{err.code}"
    return err


def write(tmp_path, data: bytes, name="van-ban.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def one_line() -> Writer:
    w = Writer()
    w.paragraph("Kết nạp mới 45/60 đảng viên, đạt 75% chỉ tiêu năm.")
    return w


def test_a_scan_without_text_layer_needs_ocr(tmp_path):
    page = Page()
    page.image()
    err = code_of(write(tmp_path, build([page, Page()])))
    assert err.code == "pdf-scanned"
    vi = t("error.pdf-scanned", "vi", name="van-ban.pdf", detail="")
    assert vi.startswith("bản quét, không có lớp chữ: cần nhận dạng chữ (OCR) trước, ví dụ ocrmypdf")
    assert "OCR" in t("error.pdf-scanned", "en", name="van-ban.pdf", detail="")


def test_a_scanned_page_among_text_pages_is_noted(tmp_path):
    w = one_line()
    w.new_page()
    w.page.image()
    doc = read_path(write(tmp_path, w.pdf()))
    assert doc.meta["pages_without_text"] == [2]
    assert doc.blocks[0].text.startswith("Kết nạp mới")


def test_text_without_unicode_mapping_is_refused(tmp_path):
    assert code_of(write(tmp_path, one_line().pdf(to_unicode=False))).code == "pdf-unmapped"


def test_password_protected(tmp_path):
    assert code_of(write(tmp_path, one_line().pdf(encrypt=True))).code == "pdf-encrypted"


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n",  # nothing after the header
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
    b"\x00" * 50 + b"%PDF-1.5\n" + bytes(range(256)) * 20,
])
def test_damaged_files_are_corrupt(tmp_path, data):
    assert code_of(write(tmp_path, data)).code == "pdf-corrupt"


def test_not_a_pdf_at_all(tmp_path):
    err = code_of(write(tmp_path, "Báo cáo tháng 10\n".encode() * 10))
    assert err.code == "pdf-corrupt" and "header" in err.reason


def test_truncated_pdf_is_read_or_refused_never_a_crash(tmp_path):
    data = one_line().pdf()
    for cut in (len(data) // 4, len(data) // 2, len(data) - 30):
        path = write(tmp_path, data[:cut], f"cut{cut}.pdf")
        try:
            read_path(path)
        except ReadError as exc:
            assert exc.code in ("pdf-corrupt", "pdf-scanned")


def test_empty_file(tmp_path):
    assert code_of(write(tmp_path, b"")).code == "empty"


def test_a_stream_inflating_beyond_the_limit_is_a_bomb(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_STREAM_BYTES", 2**20)
    bomb = zlib.compress(b"\0" * (3 * 2**20), 9)
    data = one_line().pdf(extra_objects=[f"<< /Filter /FlateDecode /Length {len(bomb)} >>\nstream\n".encode()
                                         + bomb + b"\nendstream"])
    err = code_of(write(tmp_path, data))
    assert err.code == "too-large" and "bomb" in err.reason


def test_a_highly_compressed_big_stream_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_reader, "RATIO_MIN_BYTES", 2**20)
    bomb = zlib.compress(b"\0" * (2 * 2**20), 9)  # ratio ≈ 1000
    data = one_line().pdf(extra_objects=[f"<< /Filter /FlateDecode /Length {len(bomb)} >>\nstream\n".encode()
                                         + bomb + b"\nendstream"])
    assert code_of(write(tmp_path, data)).code == "too-large"


def test_the_streams_together_are_limited(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_TOTAL_BYTES", 2**20)
    part = zlib.compress(bytes(range(256)) * 2048)  # 512 KB each, compressing well but not suspiciously
    objects = [f"<< /Filter /FlateDecode /Length {len(part)} >>\nstream\n".encode() + part + b"\nendstream"] * 3
    assert code_of(write(tmp_path, one_line().pdf(extra_objects=objects))).code == "too-large"


def test_too_many_pages(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 3)
    w = one_line()
    for _ in range(4):
        w.new_page()
        w.paragraph("Trang tiếp theo.")
    err = code_of(write(tmp_path, w.pdf()))
    assert err.code == "too-large" and "pages" in err.reason


def test_too_many_characters_on_a_page(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_PAGE_CHARS", 100)
    w = Writer()
    for _ in range(6):
        w.paragraph("Tổng số hộ tham gia bảo hiểm y tế là 12.486 hộ, chiếm 84,82% số hộ toàn huyện.")
    assert code_of(write(tmp_path, w.pdf())).code == "too-large"


def test_too_many_drawing_objects_on_a_page(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_PAGE_OBJECTS", 50)
    w = one_line()
    for k in range(60):
        w.page.line(85, 300 + k, 300, 300 + k)
    assert code_of(write(tmp_path, w.pdf())).code == "too-large"


def test_deeply_nested_objects_do_not_crash(tmp_path):
    deep = b"<< /Deep " + b"[" * 50_000 + b"]" * 50_000 + b" >>"
    data = one_line().pdf(extra_objects=[deep])
    try:
        doc = read_path(write(tmp_path, data))
    except ReadError as exc:
        assert exc.code in ("pdf-corrupt", "too-large")
    else:
        assert doc.blocks[0].text.startswith("Kết nạp mới")


def test_the_input_file_is_never_modified(tmp_path):
    path = write(tmp_path, one_line().pdf())
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    stat = path.stat()
    read_path(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert path.stat().st_mtime_ns == stat.st_mtime_ns
    assert sorted(p.name for p in tmp_path.iterdir()) == ["van-ban.pdf"]


def test_cli_goes_on_after_bad_pdfs(tmp_path):
    good = write(tmp_path, one_line().pdf(), "tot.pdf")
    scan_page = Page()
    scan_page.image()
    scan = write(tmp_path, build([scan_page]), "scan.pdf")
    locked = write(tmp_path, one_line().pdf(encrypt=True), "khoa.pdf")
    res = CliRunner().invoke(main, ["lint", "--format", "json", str(good), str(scan), str(locked)])
    assert res.exit_code == 2
    err_lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(err_lines) == 2 and "Traceback" not in res.stderr + res.stdout
    assert any("scan.pdf" in ln and "OCR" in ln for ln in err_lines)
    data = json.loads(res.stdout)
    by_name = {f["path"].rsplit("/", 1)[-1]: f for f in data["files"]}
    assert by_name["tot.pdf"]["error"] is None
    assert by_name["scan.pdf"]["error"]["code"] == "pdf-scanned"
    assert by_name["khoa.pdf"]["error"]["code"] == "pdf-encrypted"


def test_annotate_says_it_does_not_apply_to_pdf(tmp_path):
    path = write(tmp_path, one_line().pdf())
    res = CliRunner().invoke(main, ["annotate", str(path), "-o", str(tmp_path / "out.docx")])
    assert res.exit_code == 2
    assert "annotate does not apply to PDF" in res.stderr and "checker lint" in res.stderr
    assert not (tmp_path / "out.docx").exists()


def test_missing_library_names_the_install_command(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pdfium(name, *args, **kwargs):
        if name.startswith("pypdfium2"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pdfium)
    err = code_of(write(tmp_path, one_line().pdf()))
    assert err.code == "pdf-unavailable" and "pip install" in t("error.pdf-unavailable", "vi", detail=err.detail)
