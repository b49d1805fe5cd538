"""`checker serve`: the web application through Starlette's test client (uploads, limits, bad files,
the annotated copy, the JSON endpoints, nothing kept) and the command itself (host warning, the
missing extra)."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path

import html5lib
import jsonschema
import pytest
from click.testing import CliRunner

pytest.importorskip("starlette", reason="the web extra is not installed: pip install -e '.[test]'")
pytest.importorskip("python_multipart", reason="the web extra is not installed: pip install -e '.[test]'")

from starlette.testclient import TestClient  # noqa: E402

from checker.cli import main  # noqa: E402
from checker.report.json import schema  # noqa: E402
from checker.web import Settings, annotated_name, attachment, create_app, display_name  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DOCX = ROOT / "samples" / "bao-cao-quy-iii-2024-huyen-uy-tan-hoa.docx"
TXT = ROOT / "samples" / "bao-cao-thang-5-2024-dang-uy-xa.txt"
GOOD = "Kết nạp 112/158 đảng viên, đạt 70,87% kế hoạch.\n".encode("utf-8")
LEGACY_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
NS = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """Every temporary file of the app goes here, so that a test sees what is left behind."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def client(private_tmp):
    return TestClient(create_app(Settings(max_size=300_000, max_files=3)))


def upload(*items):
    return [("files", (name, data)) for name, data in items]


def test_the_page_offers_upload_profile_and_language(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    tree = html5lib.HTMLParser(strict=True).parse(r.text)
    inputs = {i.get("name"): i for i in tree.iter(f"{NS}input")}
    assert inputs["files"].get("type") == "file" and inputs["files"].get("multiple") is not None
    assert ".docx" in inputs["files"].get("accept") and ".txt" in inputs["files"].get("accept")
    selects = {s.get("name"): [o.get("value") for o in s.iter(f"{NS}option")] for s in tree.iter(f"{NS}select")}
    assert selects == {"profile": ["auto", "party", "state"], "lang": ["vi", "en"]}
    policy = r.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert "Kéo thả tệp" in r.text
    assert "Drop files here" in client.get("/?lang=en").text


def test_report_of_several_files_with_a_bad_one(client, private_tmp):
    r = client.post("/report", files=upload(("bao-cao.docx", DOCX.read_bytes()), ("cu.doc", LEGACY_DOC),
                                            ("ngan.txt", GOOD)), data={"lang": "vi"})
    assert r.status_code == 200 and r.headers["x-checker-exit-code"] == "2"
    assert "default-src 'none'" in r.headers["content-security-policy"]
    tree = html5lib.HTMLParser(strict=True).parse(r.text)
    text = "".join(tree.itertext())
    listed = next(ul for ul in tree.iter(f"{NS}ul") if ul.get("class") == "unreadable")
    assert "cu.doc" in "".join(listed.itertext()) and "Word 97-2003" in "".join(listed.itertext())
    marks = ["".join(m.itertext()) for m in tree.iter(f"{NS}mark")]
    assert "8.780" in marks  # the Word file's table total (AR101)
    assert any("112/158" in m for m in marks)  # the text file's ratio (AR001)
    assert "bao-cao.docx" in text and not list(private_tmp.iterdir())


def test_api_lint_answers_the_json_contract(client, private_tmp):
    r = client.post("/api/lint", files=upload(("a.txt", GOOD), ("b.txt", TXT.read_bytes())),
                    data={"lang": "en", "select": "AR"})
    assert r.status_code == 200 and r.headers["x-checker-exit-code"] == "1"
    data = r.json()
    jsonschema.validate(data, schema())
    assert [f["path"] for f in data["files"]] == ["a.txt", "b.txt"]
    assert {i["rule"][:2] for f in data["files"] for i in f["issues"]} == {"AR"}
    assert "the text says" in data["files"][0]["issues"][0]["message"]
    assert not list(private_tmp.iterdir())


def test_same_names_are_told_apart(client):
    data = client.post("/api/lint", files=upload(("r.txt", GOOD), ("r.txt", GOOD))).json()
    assert [f["path"] for f in data["files"]] == ["r.txt", "r (2).txt"]


@pytest.mark.parametrize("name,data,code,words", [
    ("cu.doc", LEGACY_DOC, "legacy-doc", "Word 97-2003"),
    ("rong.txt", b"", "empty", "tệp rỗng"),
    ("hong.docx", b"PK\x03\x04 not really a zip", "corrupt", "bị hỏng"),
    ("anh.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "unknown-format", "không được hỗ trợ"),
])
def test_bad_files_get_the_command_line_reasons_and_spoil_nothing(client, name, data, code, words):
    files = client.post("/api/lint", files=upload((name, data), ("tot.txt", GOOD))).json()["files"]
    assert files[0]["error"]["code"] == code and words in files[0]["error"]["message"]
    assert files[1]["error"] is None and [i["rule"] for i in files[1]["issues"]] == ["AR001"]


def test_a_file_over_the_size_limit_is_refused_alone(client):
    big = b"Dong van ban.\n" * 30_000  # 420 KB > 300 KB
    files = client.post("/api/lint", files=upload(("lon.txt", big), ("tot.txt", GOOD))).json()["files"]
    assert files[0]["error"]["code"] == "too-large" and "MB" in files[0]["error"]["message"]
    assert files[1]["error"] is None


def test_too_many_files_or_none(client):
    r = client.post("/api/lint", files=upload(*[(f"{k}.txt", GOOD) for k in range(4)]))
    assert r.status_code == 400 and r.json()["error"]["code"] == "too-many-files"
    r = client.post("/api/lint", data={"lang": "vi"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "no-files"


def test_a_body_over_the_limit_is_refused_before_it_is_read(client):
    size = 3 * 300_000 + 1024 * 1024 + 1
    r = client.post("/api/lint", content=b"x" * size, headers={"content-type": "multipart/form-data; boundary=b"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too-large"

    def chunks():  # no Content-Length: counted while it arrives
        for _ in range(40):
            yield b"y" * 65536

    r = client.post("/api/lint", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"})
    assert r.status_code == 413


@pytest.mark.parametrize("fields,code", [({"profile": "nation"}, "bad-option"), ({"lang": "fr"}, "bad-option"),
                                         ({"select": "ZZ999"}, "unknown-selector")])
def test_bad_options(client, fields, code):
    r = client.post("/api/lint", files=upload(("a.txt", GOOD)), data=fields)
    assert r.status_code == 400 and r.json()["error"]["code"] == code


def test_annotate_returns_the_word_copy_with_comments(client, private_tmp):
    r = client.post("/api/annotate", files=[("file", ("báo cáo quý.docx", DOCX.read_bytes()))], data={"lang": "en"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    disposition = r.headers["content-disposition"]
    assert disposition.startswith("attachment;") and "filename*=UTF-8''b%C3%A1o%20c%C3%A1o%20qu%C3%BD.checked.docx" in disposition
    assert int(r.headers["x-checker-comments"]) >= 5
    with zipfile.ZipFile(io.BytesIO(r.content)) as z:
        comments = z.read("word/comments.xml").decode("utf-8")
    assert "AR001" in comments and "Computed" in comments  # in the language asked for
    assert not list(private_tmp.iterdir())


@pytest.mark.parametrize("name,data,status,code", [
    ("r.txt", GOOD, 400, "not-docx"),
    ("hong.docx", b"PK\x03\x04 broken", 422, "corrupt"),
    ("rong.docx", b"", 422, "empty"),
])
def test_annotate_refuses_with_a_clear_reason(client, name, data, status, code):
    r = client.post("/api/annotate", files=[("file", (name, data))])
    assert r.status_code == status and r.json()["error"]["code"] == code
    assert name in r.json()["error"]["message"]


def test_annotate_takes_one_file(client):
    r = client.post("/api/annotate", files=upload(("a.docx", DOCX.read_bytes()), ("b.docx", DOCX.read_bytes())))
    assert r.status_code == 400 and r.json()["error"]["code"] == "one-file"


def test_a_server_for_this_machine_answers_only_its_own_names(private_tmp):
    from checker.web import LOOPBACK_HOSTS

    app = create_app(Settings(), allowed_hosts=LOOPBACK_HOSTS)
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/healthz").status_code == 200
    assert TestClient(app, base_url="http://localhost:8000").get("/healthz").json()["status"] == "ok"
    assert TestClient(app, base_url="http://rebound.example:8000").get("/healthz").status_code == 400


def test_uploaded_names_are_made_safe():
    assert display_name("C:\\Users\\a\\Báo cáo.docx", 1) == "Báo cáo.docx"
    assert display_name("../../etc/passwd", 1) == "passwd"
    assert display_name("a\x00b<c>.txt", 1) == "a_b_c_.txt"
    assert display_name("", 3) == "tep-3" and display_name("..", 2) == "tep-2"
    assert len(display_name("x" * 400 + ".docx", 1)) <= 150 and display_name("x" * 400 + ".docx", 1).endswith(".docx")
    assert annotated_name("Báo cáo.DOCX") == "Báo cáo.checked.docx"
    assert attachment('a"b.docx').startswith('attachment; filename="a_b.docx"')


# --- the command -----------------------------------------------------------------------------------

@pytest.fixture
def fake_uvicorn(monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    return calls


def test_serve_binds_this_machine_by_default(fake_uvicorn, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["serve", "--port", "8123"])
    assert r.exit_code == 0, r.output
    assert fake_uvicorn == [{"host": "127.0.0.1", "port": 8123, "log_level": "warning", "access_log": False,
                             "server_header": False}]
    assert "http://127.0.0.1:8123/" in r.stderr and "chú ý" not in r.stderr


def test_serve_warns_when_it_listens_beyond_this_machine(fake_uvicorn, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--lang", "en"])
    assert r.exit_code == 0 and fake_uvicorn[0]["host"] == "0.0.0.0"
    assert "warning: the page is open to other machines" in r.stderr


def test_serve_without_the_web_extra_says_how_to_install_it(monkeypatch):
    import checker.serve_cmd as serve_cmd

    monkeypatch.setattr(serve_cmd, "find_spec", lambda name: None)
    r = CliRunner().invoke(main, ["serve"])
    assert r.exit_code == 2 and "pip install 'checker[web]'" in r.stderr


def test_serve_stops_on_a_bad_configuration(fake_uvicorn, tmp_path, monkeypatch):
    from checker.config import _config_for_dir

    _config_for_dir.cache_clear()
    (tmp_path / "checker.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["serve"])
    _config_for_dir.cache_clear()
    assert r.exit_code == 2 and "checker.toml" in r.stderr and not fake_uvicorn


def test_loopback_and_urls():
    from checker.serve_cmd import is_loopback, url_of

    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("127.1.2.3")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")
    assert url_of("0.0.0.0", 80) == "http://127.0.0.1:80/" and url_of("::1", 8000) == "http://[::1]:8000/"


def test_json_of_the_api_and_of_the_command_line_agree(client, tmp_path):
    path = tmp_path / "b.txt"
    path.write_bytes(TXT.read_bytes())
    r = CliRunner().invoke(main, ["lint", "--format", "json", str(path)])
    cli = json.loads(r.stdout)
    web = client.post("/api/lint", files=upload(("b.txt", TXT.read_bytes()))).json()
    for data in (cli, web):
        for f in data["files"]:
            f.pop("path")
    assert cli == web
