"""A real browser on the real server: `checker serve` started as a command, a sample uploaded through
the page with headless Chromium (driven over its DevTools pipe, tests/cdp.py), the rendered report
read inside its sandboxed frame, a filter clicked, the annotated copy downloaded.

Skipped where Chromium is not installed (Debian: `apt-get install chromium`). Set
CHECKER_SCREENSHOT=path.png to keep a screenshot of the page (docs/serve.png is made this way)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed: pip install -e '.[test]'")
pytest.importorskip("uvicorn", reason="the web extra is not installed: pip install -e '.[test]'")

from cdp import Browser, find_chromium  # noqa: E402

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)")

ROOT = Path(__file__).resolve().parents[1]
DOCX = ROOT / "samples" / "bao-cao-quy-iii-2024-huyen-uy-tan-hoa.docx"
TXT = ROOT / "samples" / "bao-cao-thang-5-2024-dang-uy-xa.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    cwd = tmp_path_factory.mktemp("serve")
    env = {**os.environ, "CHECKER_CACHE_DIR": str(cwd / "cache")}
    proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", str(port)], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url + "healthz", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                out, err = proc.communicate()
                pytest.fail(f"checker serve did not start: {err}")
            time.sleep(0.2)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def test_upload_through_the_page_and_read_the_report(server, tmp_path):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with Browser(CHROMIUM, width=1280, height=1300) as b:
        b.allow_downloads(str(downloads))
        b.navigate(server)
        assert b.evaluate("document.documentElement.lang") == "vi"
        b.set_files("#files", [str(DOCX), str(TXT)])
        assert b.evaluate("document.getElementById('chosen').children.length") == 2
        started = time.monotonic()
        b.evaluate("document.getElementById('check').click()")
        b.wait_for("document.querySelector('#actions button.download') !== null")
        answered = time.monotonic() - started
        frame = b.frame_session()
        b.wait_for("document.querySelectorAll('mark.hl').length > 0", session=frame)
        # the report's own script and style ran under the page's policy (toolbar shown, marks coloured)
        assert b.evaluate("document.getElementById('toolbar').hidden", session=frame) is False
        assert b.evaluate("getComputedStyle(document.querySelector('mark.s-e')).backgroundColor",
                          session=frame) == "rgb(253, 224, 220)"
        marks = b.evaluate("Array.from(document.querySelectorAll('mark[data-i]')).map(m => m.textContent)", session=frame)
        assert "8.780" in marks and any("86/97" in m for m in marks) and any("1.236/1.410" in m for m in marks)
        notes = b.evaluate("Array.from(document.querySelectorAll('li.issue')).map(li => li.dataset.rule)", session=frame)
        assert {"AR001", "AR101", "NF001", "AR007"} <= set(notes)
        if os.environ.get("CHECKER_SCREENSHOT"):  # the upload form above, the first findings in the report
            b.evaluate("scrollTo(0, document.querySelector('mark.s-e').getBoundingClientRect().top - 150)",
                       session=frame)
            b.evaluate("scrollTo(0, 0)")
            time.sleep(0.3)
            b.screenshot(os.environ["CHECKER_SCREENSHOT"])
        # a finding's number leads to its note inside the frame (no navigation away from the report)
        b.evaluate("scrollTo(0, 0); document.querySelector('a.tag').click()", session=frame)
        time.sleep(0.3)
        assert b.evaluate("location.href", session=frame) == "about:srcdoc"
        assert b.evaluate("scrollY", session=frame) > 0
        # hiding errors turns their marks off and hides their notes
        b.evaluate("document.querySelector('[data-filter-sev=error]').click()", session=frame)
        assert b.evaluate("document.querySelectorAll('mark.s-e').length", session=frame) == 0
        assert b.evaluate("Array.from(document.querySelectorAll('li.issue[data-sev=error]')).every(li => li.hidden)",
                          session=frame)
        # the annotated Word copy of the .docx
        b.evaluate("document.querySelector('#actions button.download').click()")
        deadline = time.monotonic() + 20
        target = downloads / "bao-cao-quy-iii-2024-huyen-uy-tan-hoa.checked.docx"
        while not target.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert target.exists()
        with zipfile.ZipFile(target) as z:
            assert "AR001" in z.read("word/comments.xml").decode("utf-8")
        assert not [e for e in b.console_errors() if "Content Security Policy" in e or "Refused" in e]
    assert answered < 10  # generous for a loaded CI machine; measured ≈ 0.3 s here (see README)
