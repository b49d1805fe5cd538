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
               on_result=lambda c: seen.append(([i.rule for i in c.result.issues], c.first, len(c.new))))
    assert seen == [(["AR901"], True, 0), (["AR901", "NF902"], False, 1)]


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
    assert "lần kiểm tra đầu: 1 vấn đề" in res.output


def test_watch_rejects_missing_folder(tmp_path):
    from checker.cli import main

    res = CliRunner().invoke(main, ["watch", str(tmp_path / "khong-co")])
    assert res.exit_code == 2 and "không tìm thấy" in res.stderr


def test_a_single_file_is_checked_at_start_then_on_each_save(use_needles, tmp_path):
    """Defect 16.6: watch took folders only. A named file is checked at once (its current state), then
    each save is compared with the check before: new findings, fixed ones."""
    f = tmp_path / "bao-cao.txt"
    f.write_text("Số liệu sai và lệch\n", encoding="utf-8")
    (tmp_path / "khac.txt").write_text("cũng sai\n", encoding="utf-8")  # another file: not watched
    saves = {1: lambda: f.write_text("Số liệu đúng, lệch và cũ\n", encoding="utf-8")}
    pauses = []

    def pause(_seconds):
        saves.get(len(pauses), lambda: None)()
        pauses.append(_seconds)
        (tmp_path / "khac.txt").write_text("vẫn sai" + "!" * len(pauses), encoding="utf-8")

    changes = []
    watch_loop(str(f), {}, interval=0.05, max_cycles=20, max_checks=2, sleep=pause, on_result=changes.append)
    assert [c.result.path for c in changes] == [str(f), str(f)]
    first, second = changes
    assert first.first and [i.rule for i in first.result.issues] == ["AR901", "NF902"]
    assert not second.first
    assert {key[0] for key in second.new} == {"DT903"}  # «cũ» is new
    assert [i.rule for i in second.fixed] == ["AR901"]  # «sai» is gone


def test_a_save_shows_new_findings_marked_and_fixed_ones_listed(use_needles, tmp_path):
    from checker.report.console import make_console
    from checker.watch_cmd import compare, issue_key, print_change
    import checker
    import io

    before = checker.lint_text("Số liệu sai và lệch").files[0]
    after = checker.lint_text("Số liệu đúng, lệch và cũ").files[0]
    change = compare(after, {issue_key(i): i for i in before.issues})
    out = io.StringIO()
    print_change(make_console(out, color="never", width=100), change, "vi", "10:42:13")
    text = out.getvalue()
    assert "10:42:13 — 1 mới, 1 đã sửa, còn 2 vấn đề" in text
    lines = text.splitlines()
    dt = next(ln for ln in lines if "DT903" in ln)
    nf = next(ln for ln in lines if "NF902" in ln)
    assert "[mới]" in dt and "[mới]" not in nf  # only the new one is marked
    fixed_at = lines.index("  Đã sửa từ lần lưu trước:")
    assert "AR901" in lines[fixed_at + 1] and "đã sửa" in lines[fixed_at + 1]
    assert "Gặp từ «sai»" in lines[fixed_at + 2]
    out = io.StringIO()
    print_change(make_console(out, color="never", width=100), change, "en", "10:42:13")
    assert "1 new, 1 fixed, 2 findings in all" in out.getvalue() and "Fixed since the last save:" in out.getvalue()


def test_watch_command_takes_a_single_file(use_needles, tmp_path):
    from checker.cli import main

    f = tmp_path / "bao-cao.txt"
    f.write_text("Số liệu sai\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["watch", str(f), "--interval", "0.05", "--timeout", "20", "--max-checks", "1",
                                    "--no-color"])
    assert res.exit_code == 0, res.output
    assert f"đang theo dõi {f}" in res.output and "AR901" in res.output and "lần kiểm tra đầu" in res.output
