"""Configuration: `[tool.checker]` in the nearest pyproject.toml, or a checker.toml, found upwards
from the checked file's folder. Command-line options win over the file."""

from dataclasses import asdict, dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from .issues import Severity
from .validation import Invalid, validate

CONFIG_FILES = ("checker.toml", "pyproject.toml")


class ConfigError(Exception):
    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


def _dash(name: str) -> str:
    return name.replace("_", "-")


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """The settings of a run. Files write the names with dashes (`fail-on`); pydantic validates a file's
    table into this record (`Config.validate`), and the defaults need no validation at all. Frozen: the
    configuration found for a folder is shared by every file checked in it."""

    __pydantic_config__ = {"extra": "forbid", "alias_generator": _dash, "populate_by_name": True}

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    profile: Literal["auto", "party", "state"] = "auto"
    lang: Literal["vi", "en"] = "vi"
    fail_on: Literal["error", "warning", "info", "never"] = "error"
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    style_list: dict[str, str] = field(default_factory=dict)  # TX011: "wrong form" = "right form"
    source: str | None = None  # the file this configuration came from

    @classmethod
    def validate(cls, data: Any) -> "Config":
        return validate(cls, data)

    def merged(self, **cli: object) -> "Config":
        """This configuration with the command-line values that were given (not None) on top.
        Values of the shapes the command line produces (a choice, a list of strings) are taken as
        they are; anything else goes through validation."""
        given = {k: v for k, v in cli.items() if v is not None}
        if not given:
            return self
        if all(_plain_fit(k, v) for k, v in given.items()):
            return replace(self, **given)
        data = asdict(self)
        data.update(given)
        return Config.validate(data)

    def ignores_for(self, path: str) -> list[str]:
        """Rules ignored for this file by `per-file-ignores` (glob patterns relative to the config)."""
        from fnmatch import fnmatch

        if not self.per_file_ignores:
            return []
        p = Path(path).resolve()
        base = Path(self.source).parent if self.source else Path.cwd()
        try:
            rel = p.relative_to(base.resolve()).as_posix()
        except ValueError:
            rel = p.as_posix()
        out = []
        for pattern, rules in self.per_file_ignores.items():
            if fnmatch(rel, pattern) or fnmatch(p.name, pattern):
                out.extend(rules)
        return out


def load_config_file(path: Path) -> Config | None:
    """The configuration in this file; None for a pyproject.toml without [tool.checker]."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(str(path), exc.strerror or str(exc)) from None
    if path.name == "pyproject.toml":
        section = data.get("tool", {}).get("checker")
        if section is None:
            return None
        where = "[tool.checker]"
    else:
        section = data.get("tool", {}).get("checker", data)
        where = ""
    if not isinstance(section, dict):
        raise ConfigError(str(path), f"{where or 'the file'} must be a table")
    try:
        cfg = Config.validate(section)
    except Invalid as exc:
        raise ConfigError(str(path), f"{where + ' ' if where else ''}{exc.field}: {exc.reason}") from None
    return replace(cfg, source=str(path))


_FIELD_TYPES = {f.name: f.type for f in fields(Config)}


def _plain_fit(name: str, value: object) -> bool:
    """True when `value` already has the type of Config's field `name`: one of a Literal's choices,
    or a list of strings for `list[str]` (the shapes the command line gives)."""
    kind = _FIELD_TYPES.get(name)
    if kind is None:
        return False
    if get_origin(kind) is Literal:
        return value in get_args(kind)
    if kind in (list[str], list[str] | None):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return False


@cache
def _config_for_dir(directory: Path) -> Config:
    for d in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = d / name
            if candidate.is_file():
                cfg = load_config_file(candidate)
                if cfg is not None:
                    return cfg
    return Config()


def discover(path: str | Path) -> Config:
    """The configuration that applies to a file (or folder): the nearest one upwards, else defaults."""
    p = Path(path).resolve()
    directory = p if p.is_dir() else p.parent
    return _config_for_dir(directory)
