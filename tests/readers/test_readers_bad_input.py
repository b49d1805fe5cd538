"""Bad Word input: every failure is a ReadError with a code that has a message in both catalogues;
nothing external is resolved; the input file is never modified; the CLI goes on with the other files."""

import hashlib
import io
import json
import os
import zipfile

import pytest
from click.testing import CliRunner
from readers_fixtures import NS, make_docx, p

from checker.cli import main
from checker.i18n import t
from checker.readers import ReadError, read_path
from checker.readers import docx as docx_reader

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole_file(path, streams):
    """A fake compound file: the OLE signature, padding, and directory names in UTF-16LE."""
    data = OLE + b"\x00" * 504 + b"".join(s.encode("utf-16-le") + b"\x00" * 8 for s in streams) + b"\x00" * 512
    path.write_bytes(data)
    return path


def code_of(path):
    with pytest.raises(ReadError) as e:
        read_path(path)
    err = e.value
    for lang in ("vi", "en"):  # every code has a message in both languages
        assert t(f"error.{err.code}", lang, name=path.name, detail=err.detail or err.reason) != f"error.{err.code}"
    return err


def test_legacy_doc(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no LibreOffice: the error with the conversion hint
    monkeypatch.delenv("CHECKER_SOFFICE", raising=False)
    err = code_of(ole_file(tmp_path / "cu.doc", ["WordDocument", "1Table", "SummaryInformation"]))
    assert err.code == "legacy-doc"
    message = t("error.legacy-doc", "en", name="cu.doc", detail="")
    assert "libreoffice --headless --convert-to docx" in message and "cu.doc" in message


def test_doc_content_named_docx_is_legacy_doc(tmp_path):
    assert code_of(ole_file(tmp_path / "doi_ten.docx", ["WordDocument"])).code == "legacy-doc"


def test_encrypted_docx_is_not_called_legacy(tmp_path):
    path = ole_file(tmp_path / "mat_khau.docx", ["EncryptionInfo", "EncryptedPackage", "DataSpaces"])
    assert code_of(path).code == "encrypted"


def test_empty_docx(tmp_path):
    (tmp_path / "rong.docx").write_bytes(b"")
    assert code_of(tmp_path / "rong.docx").code == "empty"


def test_text_file_named_docx(tmp_path):
    (tmp_path / "van_ban.docx").write_text("Báo cáo tháng 10\n", encoding="utf-8")
    assert code_of(tmp_path / "van_ban.docx").code == "corrupt"


def test_truncated_zip_is_corrupt(tmp_path):
    good = make_docx(tmp_path / "good.docx", p("Báo cáo"))
    data = good.read_bytes()
    (tmp_path / "cut.docx").write_bytes(data[: len(data) // 2])
    assert code_of(tmp_path / "cut.docx").code == "corrupt"


def test_bad_crc_is_corrupt(tmp_path):
    path = make_docx(tmp_path / "crc.docx", p("Báo cáo tháng") * 50)
    raw = bytearray(path.read_bytes())
    start = raw.find(b"word/document.xml") + len("word/document.xml") + 10
    raw[start] ^= 0xFF  # damage the compressed stream of the first occurrence (local header data)
    path.write_bytes(bytes(raw))
    assert code_of(path).code == "corrupt"


def test_zip_without_document_xml(tmp_path):
    path = make_docx(tmp_path / "nodoc.docx", "", skip_document=True)
    assert code_of(path).code == "no-document-xml"


def test_malformed_xml_is_corrupt(tmp_path):
    path = make_docx(tmp_path / "bad.docx", "", document_xml=f"<w:document {NS}><w:body><w:p></w:body>")
    assert code_of(path).code == "corrupt"


def test_external_entity_is_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("MẬT-KHẨU-BÍ-MẬT", encoding="utf-8")
    xxe = (f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
           f'<w:document {NS}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>')
    path = make_docx(tmp_path / "xxe.docx", "", document_xml=xxe)
    err = code_of(path)
    assert err.code == "unsafe-xml"
    assert "MẬT-KHẨU" not in str(err) + err.reason + err.detail


def test_entity_in_a_secondary_part_is_refused(tmp_path):
    bomb = ('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            f'<w:footnotes {NS}><w:footnote w:id="1"><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:footnote></w:footnotes>')
    path = make_docx(tmp_path / "lol.docx", p("Thân bài"), footnotes=bomb)
    assert code_of(path).code == "unsafe-xml"


def test_highly_compressed_big_part_is_refused(tmp_path):
    filler = "<w:p/>" * 600_000  # 3.6 MB of XML that compresses > 100 times
    path = make_docx(tmp_path / "bomb.docx", filler)
    err = code_of(path)
    assert err.code == "too-large" and "word/document.xml" in err.detail


def test_oversized_part_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_PART_BYTES", 2000)
    path = make_docx(tmp_path / "big.docx", p("Báo cáo tháng mười năm hai nghìn hai mươi ba. ") * 100)
    assert code_of(path).code == "too-large"


def test_oversized_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_FILE_BYTES", 100)
    path = make_docx(tmp_path / "big.docx", p("Báo cáo"))
    assert code_of(path).code == "too-large"


def test_images_are_not_loaded(tmp_path):
    """A media part that would be refused as a zip bomb is never opened."""
    path = make_docx(tmp_path / "img.docx", p("Có hình"), extra_parts={"word/media/image1.png": b"\x00" * 5_000_000})
    assert read_path(path).blocks[0].text == "Có hình"


def test_docx_content_named_doc_is_read(tmp_path):
    path = make_docx(tmp_path / "that_ra_la_docx.doc", p("Báo cáo"))
    assert read_path(path).blocks[0].text == "Báo cáo"


def test_input_file_is_unchanged(tmp_path):
    path = make_docx(tmp_path / "a.docx", p("Báo cáo") + p("Kết quả"))
    txt = tmp_path / "a.txt"
    txt.write_bytes("Báo cáo\n".encode("utf-16"))
    for f in (path, txt):
        before = (hashlib.sha256(f.read_bytes()).hexdigest(), os.stat(f).st_mtime_ns, os.stat(f).st_size)
        read_path(f)
        assert (hashlib.sha256(f.read_bytes()).hexdigest(), os.stat(f).st_mtime_ns, os.stat(f).st_size) == before


def test_cli_goes_on_after_bad_files(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no LibreOffice: a .doc gets the error with the hint
    monkeypatch.delenv("CHECKER_SOFFICE", raising=False)
    good = tmp_path / "tot.txt"
    good.write_text("Báo cáo tháng 10 năm 2023\nKết quả thực hiện nhiệm vụ.\n", encoding="utf-8")
    old = ole_file(tmp_path / "cu.doc", ["WordDocument"])
    missing = tmp_path / "khong_co.docx"
    res = CliRunner().invoke(main, ["lint", "--format", "json", str(good), str(missing), str(old)])
    assert res.exit_code == 2
    err_lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(err_lines) == 2
    assert any("khong_co.docx" in ln for ln in err_lines) and any("cu.doc" in ln for ln in err_lines)
    assert "Traceback" not in res.stderr + res.stdout
    data = json.loads(res.stdout)
    by_name = {os.path.basename(f["path"]): f for f in data["files"]}
    assert by_name["tot.txt"]["error"] is None
    assert by_name["khong_co.docx"]["error"]["code"] == "not-found"
    assert by_name["cu.doc"]["error"]["code"] == "legacy-doc"


def test_many_random_corruptions_never_escape(tmp_path):
    """Flipping bytes anywhere in a package gives a ReadError or a document, never another exception."""
    import random

    base = make_docx(tmp_path / "base.docx", p("Báo cáo") * 20).read_bytes()
    rng = random.Random(7)
    for k in range(60):
        raw = bytearray(base)
        for _ in range(rng.randint(1, 8)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        f = tmp_path / f"x{k}.docx"
        f.write_bytes(bytes(raw))
        try:
            read_path(f)
        except ReadError:
            pass


def test_zip_listing_is_not_trusted_for_member_names(tmp_path):
    """Members with odd names (absolute, ..) are never extracted: we only read by name in memory."""
    path = tmp_path / "odd.docx"
    good = make_docx(tmp_path / "g.docx", p("Báo cáo"))
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        dst.writestr("../../evil.txt", b"x")
    assert read_path(path).blocks[0].text == "Báo cáo"
    assert not (tmp_path.parent / "evil.txt").exists()
    assert io  # keep the import used for clarity of intent


def test_encrypted_detected_from_the_directory_sector_of_a_big_file(tmp_path):
    shift, first_dir = 9, 10_000  # 512-byte sectors; directory far beyond the first 4 MB
    header = bytearray(OLE + b"\x00" * 504)
    header[0x1E:0x20] = shift.to_bytes(2, "little")
    header[0x30:0x34] = first_dir.to_bytes(4, "little")
    body = bytearray((first_dir + 2) << shift)
    names = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50 + "EncryptedPackage".encode("utf-16-le")
    start = (first_dir + 1) << shift
    body[start:start + len(names)] = names
    body[:512] = header
    path = tmp_path / "big_enc.docx"
    path.write_bytes(bytes(body))
    assert code_of(path).code == "encrypted"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    for name in ("x.txt", "x.docx"):
        f = tmp_path / name
        f.write_bytes(b"abc")
        f.chmod(0)
        try:
            assert code_of(f).code == "unreadable"
        finally:
            f.chmod(0o644)
