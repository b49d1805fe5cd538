"""Start-up discipline: `checker --version` imports nothing heavy, and the command line skips
pydantic's plugin scan (importlib.metadata) without changing what models do."""

from __future__ import annotations

import os
import subprocess
import sys

HEAVY = ("pydantic", "rich", "yaml", "lark", "docx", "lxml", "pint")


def _run(code: str, **env: str) -> str:
    e = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    e.update(env)
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=e, timeout=60)
    assert p.returncode == 0, p.stderr
    return p.stdout.strip()


def test_version_imports_nothing_heavy():
    out = _run(
        "import sys\nfrom checker.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        f"print('HEAVY:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    from checker import __version__

    assert out.splitlines() == [f"checker {__version__}", "HEAVY:"]


def test_cli_skips_the_plugin_scan_and_models_still_validate():
    out = _run(
        "import sys, checker.cli\nfrom pydantic import BaseModel\n"
        "class A(BaseModel):\n    x: int\n"
        "print(A(x='3').x, 'importlib.metadata' in sys.modules)"
    )
    assert out == "3 False"


def test_named_plugin_settings_keep_pydantic_loader():
    out = _run(
        "import sys, checker.cli\nfrom pydantic import BaseModel\n"
        "class A(BaseModel):\n    x: int\n"
        "print(type(sys.modules['pydantic.plugin._loader']).__name__)",
        PYDANTIC_DISABLE_PLUGINS="some-plugin",
    )
    assert out == "module"


def test_other_loader_attributes_load_the_real_module():
    out = _run(
        "import checker.cli\nfrom pydantic.plugin import _loader\n"
        "print(_loader.PYDANTIC_ENTRY_POINT_GROUP, list(_loader.get_plugins()))"
    )
    assert out == "pydantic []"


def _lint_process(tmp_path, *args: str, **env: str) -> subprocess.CompletedProcess:
    report = tmp_path / "r.txt"
    report.write_text("Toàn huyện kết nạp 112/158 đảng viên mới, đạt 70,87% kế hoạch năm.\n", encoding="utf-8")
    e = {k: v for k, v in os.environ.items() if k != "CHECKER_SLOW_EXIT"}
    e.update(env)
    return subprocess.run([sys.executable, "-m", "checker", "lint", *args, str(report)],
                          capture_output=True, text=True, env=e, timeout=60)


def test_command_line_fast_exit_keeps_output_and_exit_code(tmp_path):
    import json

    fast = _lint_process(tmp_path, "--format", "json")
    slow = _lint_process(tmp_path, "--format", "json", CHECKER_SLOW_EXIT="1")
    assert fast.returncode == slow.returncode == 1  # AR001 fires: 112/158 = 70,89 %
    assert fast.stdout == slow.stdout and fast.stderr == slow.stderr
    assert any(i["rule"] == "AR001" for i in json.loads(fast.stdout)["files"][0]["issues"])


def test_library_use_is_not_the_command_line():
    out = _run(
        "import gc, checker.cli\nfrom checker._startup import finish, is_command_line\n"
        "try:\n    finish(3)\nexcept SystemExit as e:\n    print(is_command_line(), e.code, gc.isenabled())"
    )
    assert out == "False 3 True"


def test_gc_paused_at_start_up_is_resumed():
    out = _run(
        "import gc\nfrom checker._startup import pause_gc, resume_gc\n"
        "pause_gc()\npaused = gc.isenabled()\nresume_gc()\nprint(paused, gc.isenabled())"
    )
    assert out == "False True"


def test_warm_lint_imports_neither_pydantic_nor_yaml(tmp_path):
    """The validated-rule cache spares a run pydantic and PyYAML (the first run fills it)."""
    cache = str(tmp_path / "cache")
    code = ("import sys\nfrom checker.cli import main\n"
            "try:\n    main(['lint', '--format', 'json', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
            "print('HEAVY:' + ','.join(m for m in ('pydantic', 'yaml') if m in sys.modules), file=sys.stderr)")
    report = tmp_path / "r.txt"
    report.write_text("Kết nạp 112/158 đảng viên, đạt 70,87% chỉ tiêu.\n", encoding="utf-8")
    env = {**os.environ, "CHECKER_CACHE_DIR": cache}
    env.pop("CHECKER_NO_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", code, str(report)], capture_output=True, text=True, env=env,
                           timeout=60) for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout and '"AR001"' in runs[1].stdout
    assert runs[1].stderr.strip().splitlines()[-1] == "HEAVY:"


def test_a_configuration_file_is_still_validated(tmp_path):
    (tmp_path / "checker.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("Kết nạp 112/158 đảng viên.\n", encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "checker", "lint", str(report)], capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 2
    assert "checker.toml: fail-on: Input should be" in p.stderr
