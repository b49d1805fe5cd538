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
    # a configuration naming no rule would silently check less, or nothing
    ('select = ["AR001", "FOO"]\n', "select: unknown rule selector 'FOO'"),
    ('[severity]\nXX001 = "info"\n', "severity: unknown rule selector 'XX001'"),
    ('[per-file-ignores]\n"*.md" = ["ST9999"]\n', "per-file-ignores.\"*.md\": unknown rule selector 'ST9999'"),
    ('source = "khac.toml"\n', "source: unknown field"),
    ('overrides = []\n', "overrides: unknown field"),
])
def test_bad_config_is_a_clear_error(tmp_path, content, needle):
    path = tmp_path / "checker.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config_file(path)
    assert str(path) in str(exc.value) and needle in str(exc.value)
    assert isinstance(exc.value, ValueError)  # the API's kind of error for bad settings


def test_per_file_ignores(tmp_path):
    (tmp_path / "checker.toml").write_text('[per-file-ignores]\n"nhap/*.txt" = ["TX001"]\n', encoding="utf-8")
    cfg = discover(tmp_path / "nhap" / "a.txt")
    assert cfg.ignores_for(str(tmp_path / "nhap" / "a.txt")) == ["TX001"]
    assert cfg.ignores_for(str(tmp_path / "chinh" / "a.txt")) == []


def test_pyproject_section_is_named_in_the_error(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.checker]\nignore = ["ZZ"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[tool.checker\] ignore: unknown rule selector 'ZZ'"):
        load_config_file(path)


def test_selectors_in_every_key_that_names_rules_are_accepted(tmp_path):
    path = tmp_path / "checker.toml"
    path.write_text('select = ["ALL"]\nextend-select = ["TX101"]\nignore = ["text"]\nextend-ignore = ["ST00"]\n'
                    '[severity]\nNF = "info"\nratio-percent-mismatch = "warning"\n'
                    '[per-file-ignores]\n"nhap/*" = ["dates", "AR001"]\n', encoding="utf-8")
    cfg = load_config_file(path)
    assert cfg.selections(str(tmp_path / "nhap" / "a.txt")) == [
        Selection(("ALL",), ("TX101",), ("text", "ST00")), Selection(None, (), ("dates", "AR001"))]


def test_merged_command_line_layers_and_exclusions(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "checker.toml").write_text('exclude = ["nhap"]\nextend-exclude = ["*.bak.txt"]\n',
                                                   encoding="utf-8")
    cfg = discover(tmp_path / "cfg" / "a.txt")
    assert cfg.exclusions() == [("nhap", tmp_path / "cfg"), ("*.bak.txt", tmp_path / "cfg")]
    assert Config().exclusions()[0] == ("node_modules", tmp_path)  # the defaults, relative to the working folder
    cli = cfg.merged(exclude=["luu-tru"], extend_exclude=["x"], extend_select=["TX101"], extend_ignore=["AR"])
    assert cli.exclusions() == [("luu-tru", tmp_path), ("*.bak.txt", tmp_path / "cfg"), ("x", tmp_path)]
    assert cli.overrides == (Selection(None, ("TX101",), ("AR",)),)
    with pytest.raises(TypeError, match="colour"):
        cfg.merged(colour="red")
    with pytest.raises(ValueError, match="select must be a list"):
        cfg.merged(select="AR001")
