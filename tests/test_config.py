"""Configuration discovery and precedence: [tool.checker] in pyproject.toml or checker.toml, upwards."""

import pytest

from checker.config import Config, ConfigError, Selection, _config_for_dir, discover, load_config_file


@pytest.fixture(autouse=True)
def _fresh_cache():
    _config_for_dir.cache_clear()
    yield
    _config_for_dir.cache_clear()


def test_defaults_without_any_file(tmp_path):
    cfg = discover(tmp_path / "report.txt")
    assert cfg == Config()
    assert cfg.lang == "vi" and cfg.fail_on == "error" and cfg.profile == "auto"


def test_nearest_pyproject_section_is_found_upwards(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.checker]\nignore = ["ST"]\nlang = "en"\nfail-on = "warning"\n', encoding="utf-8")
    deep = tmp_path / "2024" / "quy-3"
    deep.mkdir(parents=True)
    cfg = discover(deep / "bao-cao.docx")
    assert cfg.ignore == ["ST"] and cfg.lang == "en" and cfg.fail_on == "warning"
    assert cfg.source == str(tmp_path / "pyproject.toml")


def test_pyproject_without_section_is_skipped_for_one_further_up(tmp_path):
    (tmp_path / "checker.toml").write_text('profile = "party"\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert discover(sub / "a.txt").profile == "party"


def test_checker_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    (tmp_path / "checker.toml").write_text('lang = "en"\n', encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.checker]\nlang = "vi"\n', encoding="utf-8")
    assert discover(tmp_path / "a.txt").lang == "en"


def test_severity_overrides_and_underscore_spelling(tmp_path):
    (tmp_path / "checker.toml").write_text('fail_on = "info"\n[severity]\nTX001 = "error"\n', encoding="utf-8")
    cfg = discover(tmp_path / "a.txt")
    assert cfg.fail_on == "info" and cfg.severity["TX001"].value == "error"


def test_command_line_values_win(tmp_path):
    (tmp_path / "checker.toml").write_text('lang = "en"\nignore = ["TX"]\n', encoding="utf-8")
    cfg = discover(tmp_path / "a.txt").merged(lang="vi", ignore=None, select=["TX001"])
    assert cfg.lang == "vi" and cfg.ignore == ["TX"]
    # the command line's selection is a second layer (ruff): its select starts over
    assert cfg.selections() == [Selection(None, (), ("TX",)), Selection(("TX001",), (), ())]


@pytest.mark.parametrize("content,needle", [
    ('lang = "fr"\n', "lang"),
    ('colour = true\n', "colour"),
    ('lang = \n', "TOML"),
])
def test_bad_config_is_a_clear_error(tmp_path, content, needle):
    path = tmp_path / "checker.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config_file(path)
    assert str(path) in str(exc.value) and needle in str(exc.value)


def test_per_file_ignores(tmp_path):
    (tmp_path / "checker.toml").write_text('[per-file-ignores]\n"nhap/*.txt" = ["TX001"]\n', encoding="utf-8")
    cfg = discover(tmp_path / "nhap" / "a.txt")
    assert cfg.ignores_for(str(tmp_path / "nhap" / "a.txt")) == ["TX001"]
    assert cfg.ignores_for(str(tmp_path / "chinh" / "a.txt")) == []
