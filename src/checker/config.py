"""Configuration: `[tool.checker]` in the nearest pyproject.toml, or a checker.toml, found upwards
from the checked file's folder (or the file given with --config; none with --isolated). Command-line
options win over the file; rule selectors combine with it as in ruff (see `engine.resolve`)."""

from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from .issues import Severity
from .validation import Invalid, validate

CONFIG_FILES = ("checker.toml", "pyproject.toml")


class ConfigError(ValueError):
    """A configuration file that cannot be used: names the file and the key at fault. A ValueError, as
    the API's bad arguments are: it is the settings that are wrong, not the reports."""

    def __init__(self, path: str, reason: str, *, key: str | None = None, **args: str):
        self.path, self.reason = path, reason
        self.key, self.values = key, args  # the reason as a catalogue message, when it has one
        super().__init__(f"{path}: {reason}")

    def message(self, lang: str) -> str:
        """The reason in `lang` (validation's own words stay as they are)."""
        if self.key is None:
            return self.reason
        from .i18n import t

        return t(self.key, lang, **self.values)


def _dash(name: str) -> str:
    return name.replace("_", "-")


class UnknownSelector(ValueError):
    """A rule selector that names no rule, category or prefix of the rule set."""

    def __init__(self, selector: str, where: str = ""):
        self.selector, self.where = selector, where
        prefix = f"{where}: " if where else ""
        super().__init__(f"{prefix}unknown rule selector '{selector}': use ALL, a category (arithmetic, "
                         "number-format, dates, structure, references, text), an id prefix (AR, ST00) or a rule "
                         "id (see `checker rules`)")


@dataclass(frozen=True, slots=True)
class Selection:
    """One layer of rule selection (the configuration file, the command line, a file's
    per-file-ignores): `select` (None: keep what earlier layers chose), rules added (`extend_select`)
    and rules removed (`ignore`, which also holds `extend-ignore`). `engine.resolve` applies them."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def selectors(self) -> tuple[str, ...]:
        return (*(self.select or ()), *self.extend_select, *self.ignore)


# Folders never searched for reports unless `exclude` replaces this list (ruff's defaults that can
# occur beside reports; hidden folders, Word's ~$ lock files and README files are always skipped).
DEFAULT_EXCLUDE = ("node_modules", "site-packages", "venv", "__pypackages__", "__pycache__")

# Fields of Config that a configuration file may not set: they record where it came from and what
# the command line added.
_RUN_ONLY = ("source", "overrides", "cli_exclude", "cli_extend_exclude")


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """The settings of a run. Files write the names with dashes (`fail-on`); pydantic validates a file's
    table into this record (`Config.validate`), and the defaults need no validation at all. Frozen: the
    configuration found for a folder is shared by every file checked in it. The command line's values
    go on top with `merged`: choices replace the file's, rule selectors are a further layer (ruff's
    semantics, see `engine.resolve`)."""

    __pydantic_config__ = {"extra": "forbid", "alias_generator": _dash, "populate_by_name": True}

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    profile: Literal["auto", "party", "state"] = "auto"
    lang: Literal["vi", "en"] = "vi"
    fail_on: Literal["error", "warning", "info", "never"] = "error"
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] | None = None  # None: DEFAULT_EXCLUDE
    extend_exclude: list[str] = field(default_factory=list)
    style_list: dict[str, str] = field(default_factory=dict)  # TX011: "wrong form" = "right form"
    source: str | None = None  # the file this configuration came from
    overrides: tuple[Selection, ...] = ()  # the command line's selection layer(s)
    cli_exclude: tuple[str, ...] | None = None  # --exclude (relative to the working folder)
    cli_extend_exclude: tuple[str, ...] = ()

    @classmethod
    def validate(cls, data: Any) -> "Config":
        return validate(cls, data)

    def merged(self, **cli: object) -> "Config":
        """This configuration with the command-line values that were given (not None) on top.
        `select`, `extend_select`, `ignore` and `extend_ignore` add one selection layer; `exclude`
        replaces the file's exclusions, `extend_exclude` adds to them; other values replace the file's.
        Values of the shapes the command line produces (a choice, a list of strings) are taken as
        they are; anything else goes through validation."""
        given = {k: v for k, v in cli.items() if v is not None}
        if not given:
            return self
        unknown = {k for k in given if k not in _FIELD_TYPES or k in _RUN_ONLY}
        if unknown:
            raise TypeError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        layer = {k: given.pop(k) for k in ("select", "extend_select", "ignore", "extend_ignore") if k in given}
        changes: dict[str, Any] = {}
        if layer:
            for key, value in layer.items():
                if not _strings(value):
                    raise ValueError(f"{key} must be a list of rule selectors, not {value!r}")
            select = layer.get("select")
            changes["overrides"] = (*self.overrides, Selection(
                tuple(select) if select is not None else None, tuple(layer.get("extend_select") or ()),
                (*(layer.get("ignore") or ()), *(layer.get("extend_ignore") or ()))))
        for key, target in (("exclude", "cli_exclude"), ("extend_exclude", "cli_extend_exclude")):
            if key in given:
                value = given.pop(key)
                if not _strings(value):
                    raise ValueError(f"{key} must be a list of glob patterns, not {value!r}")
                changes[target] = tuple(value) if key == "exclude" else (*self.cli_extend_exclude, *value)
        if given and not all(_plain_fit(k, v) for k, v in given.items()):
            checked = Config.validate(given)
            given = {k: getattr(checked, k) for k in given}
        return replace(self, **given, **changes)

    def selections(self, path: str | None = None) -> list[Selection]:
        """The selection layers for a file: this configuration's, the command line's, and the
        file's per-file-ignores (last, so that nothing re-enables what they silence)."""
        layers = [Selection(tuple(self.select) if self.select is not None else None, tuple(self.extend_select),
                            (*self.ignore, *self.extend_ignore)), *self.overrides]
        extra = self.ignores_for(path) if path is not None else []
        if extra:
            layers.append(Selection(None, (), tuple(extra)))
        return layers

    def exclusions(self) -> list[tuple[str, Path]]:
        """(glob, folder it is relative to) for every exclusion in force."""
        base = Path(self.source).parent if self.source else Path.cwd()
        cwd = Path.cwd()
        patterns = [(p, base) for p in (DEFAULT_EXCLUDE if self.exclude is None else self.exclude)]
        if self.cli_exclude is not None:
            patterns = [(p, cwd) for p in self.cli_exclude]
        patterns += [(p, base) for p in self.extend_exclude]
        patterns += [(p, cwd) for p in self.cli_extend_exclude]
        return patterns

    def file_settings(self) -> dict[str, Any]:
        """The settings as a configuration file would write them (dashed names), for --show-settings."""
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name in _RUN_ONLY:
                continue
            value = getattr(self, f.name)
            if f.name == "severity":
                value = {k: Severity(v).value for k, v in value.items()}
            out[_dash(f.name)] = value
        return out

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


def _strings(value: object) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)


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
    prefix = f"{where} " if where else ""
    for key in section:
        if str(key).replace("-", "_") in _RUN_ONLY:
            raise ConfigError(str(path), f"{prefix}{key}: unknown field")
    try:
        cfg = Config.validate(section)
    except Invalid as exc:
        raise ConfigError(str(path), f"{prefix}{exc.field}: {exc.reason}") from None
    check_rule_selectors(cfg, str(path), prefix)
    return replace(cfg, source=str(path))


def check_rule_selectors(cfg: Config, path: str, prefix: str = "") -> None:
    """A configuration that names a rule the rule set does not have would silently check less (or
    nothing): every selector of `select`, `extend-select`, `ignore`, `extend-ignore`,
    `per-file-ignores` and `[severity]` must name a rule, a prefix, a category or ALL."""
    from .engine import known_selector, load_rules

    rules = load_rules()
    keyed: list[tuple[str, list[str]]] = [
        ("select", cfg.select or []), ("extend-select", cfg.extend_select), ("ignore", cfg.ignore),
        ("extend-ignore", cfg.extend_ignore), ("severity", list(cfg.severity)),
        *((f'per-file-ignores."{glob}"', values) for glob, values in cfg.per_file_ignores.items())]
    for key, selectors in keyed:
        for selector in selectors:
            if not known_selector(selector, rules):
                raise ConfigError(path, f"{prefix}{key}: {UnknownSelector(selector)}", key="config.unknown_selector",
                                  where=f"{prefix}{key}", selector=selector)


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
