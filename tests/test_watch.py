"""`checker watch`: a real file change in a temporary folder is re-checked and printed."""

from __future__ import annotations

import os
import threading

from click.testing import CliRunner

from checker.watch_cmd import Watcher, ignored, scan, watch_loop
from test_api_kit import use_needles  # noqa: F401  (fixture)


def test_ignored_names():
    assert ignored("~$bao-cao.docx") and ignored(".bao-cao.txt.swp") and ignored("bao-cao.tmp")
    assert ignored("anh.png") and ignored("~WRL0001.tmp")
    assert not ignored("bao-cao.docx") and not ignored("Báo cáo.md")


def test_scan_skips_hidden_folders_and_lock_files(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "a.txt").write_text("x")
    (tmp_path / "con").mkdir()
    (tmp_path / "con" / "b.md").write_text("x")
    (tmp_path / "~$c.docx").write_text("x")
    assert [os.path.relpath(p, tmp_path) for p in scan(str(tmp_path))] == [os.path.join("con", "b.md")]


def test_watcher_waits_until_the_size_is_stable(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("một")
    w = Watcher(str(tmp_path))
    assert w.poll() == []  # nothing changed
    f.write_text("một hai")
    assert w.poll() == []  # changed: wait one more look
    f.write_text("một hai ba")  # still being written
    assert w.poll() == []
    assert w.poll() == [str(f)]  # stable now
    assert w.poll() == []  # and only once


def test_watch_loop_rechecks_a_saved_file(use_needles, tmp_path):
    f = tmp_path / "bao-cao.txt"
    f.write_text("Số liệu đúng\n", encoding="utf-8")
    seen = []
    # the saves happen during the loop's pauses (its `sleep`), so no timing can make the test flaky:
    # after the 1st look a save (and a Word lock file, ignored), after the 3rd look another save
    saves = {0: lambda: (f.write_text("Số liệu sai\n", encoding="utf-8"),
                         (tmp_path / "~$bao-cao.txt").write_text("lock")),
             2: lambda: f.write_text("Số liệu sai và lệch\n", encoding="utf-8")}
    pauses = []

    def pause(_seconds):
        saves.get(len(pauses), lambda: None)()
        pauses.append(_seconds)

    watch_loop(str(tmp_path), {}, interval=0.05, max_cycles=20, max_checks=2, sleep=pause,
               on_result=lambda r, new: seen.append(([i.rule for i in r.issues], len(new))))
    assert seen == [(["AR901"], 1), (["AR901", "NF902"], 1)]


def test_watch_command_prints_findings_and_exits_0(use_needles, tmp_path):
    from checker.cli import main

    f = tmp_path / "bao-cao.txt"
    f.write_text("Số liệu đúng\n", encoding="utf-8")

    done = threading.Event()

    def writer():  # saves again every 0.3 s until the watcher has reported, however slow its start-up
        k = 0
        while not done.wait(0.3):
            k += 1
            f.write_text("Số liệu sai" + " " * k + "\n", encoding="utf-8")

    t = threading.Thread(target=writer)
    t.start()
    try:
        res = CliRunner().invoke(main, ["watch", str(tmp_path), "--interval", "0.05", "--timeout", "20",
                                        "--max-checks", "1", "--no-color"])
    finally:
        done.set()
        t.join()
    assert res.exit_code == 0, res.output
    assert "AR901" in res.output and "Gặp từ «sai»" in res.output
    assert "1 mới" in res.output


def test_watch_rejects_missing_folder(tmp_path):
    from checker.cli import main

    res = CliRunner().invoke(main, ["watch", str(tmp_path / "khong-co")])
    assert res.exit_code == 2
