"""Configuration: `--config FILE`, else `.opengov-lint.yaml`/`.yml` or `[tool.opengov-lint]` in
`pyproject.toml`, searched upward from the current directory. Validated with pydantic (imported only
when a configuration exists); an unknown key or a bad value is a usage error (exit 2) naming the
file, the key and what is allowed."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

CONFIG_NAMES = (".opengov-lint.yaml", ".opengov-lint.yml")


class ConfigError(Exception):
    def __init__(self, path: str, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}")
        self.path, self.key, self.problem = path, key, problem


@dataclass(slots=True)
class Settings:
    """Everything `check` needs, merged from the configuration file and the command line."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    fail_on: str = "error"
    lang: str = "zh"
    jobs: int | None = None
    year: int | None = None
    issuer_kind: str | None = None
    output_format: str = "text"
    show_all: bool = False  # text output: every finding, not the first few of each rule per report
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    max_bytes: int | None = None
    timeout: float | None = 120.0  # seconds per file
    allow_private_urls: bool = False  # fetch URLs that resolve to loopback/private/link-local/reserved addresses
    limits: dict[str, int] = field(default_factory=dict)  # readers/limits.py names -> values
    source: str | None = None  # the configuration file used
    # batch: filled in by the command line, not by configuration files
    manifest: dict[str, Any] = field(default_factory=dict)
    copies: dict[str, str] = field(default_factory=dict)  # URL -> local copy already fetched (crawl): read that
    batch_rules: bool = False  # cross-document rules are selected and there is more than one file
    executor: str = "local"  # local | dask
    scheduler: str | None = None
    parent_pid: int = 0
    fix: str | None = None  # None | "apply" | "diff"
    sources: list[str] = field(default_factory=list)  # every file read, `extends` first
    profile: str = "default"  # packaged profile (rules/profiles/) the selection starts from
    option_sources: dict[str, str] = field(default_factory=dict)  # rule key -> file that set its options
    per_file_ignores: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (base dir, glob, keys)
    exclude: list[tuple[str, str]] = field(default_factory=list)  # (base dir, glob)
    packs: list[str] = field(default_factory=list)  # pack files (absolute) or packaged pack names
    suppressions: list[dict[str, Any]] = field(default_factory=list)  # from the configuration, with reasons
    baseline: str | None = None


def discover(start: str | None = None) -> tuple[str, dict[str, Any]] | None:
    d = os.path.abspath(start or os.getcwd())
    while True:
        for name in CONFIG_NAMES:
            p = os.path.join(d, name)
            if os.path.isfile(p):
                return p, load_file(p)
        py = os.path.join(d, "pyproject.toml")
        if os.path.isfile(py):
            section = _pyproject_section(py)
            if section is not None:
                return py, section
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def _pyproject_section(path: str) -> dict[str, Any] | None:
    import tomllib

    from opengov_lint.fsutil import read_limited_text

    try:
        data = tomllib.loads(read_limited_text(path))
    except (OSError, ValueError) as exc:  # TOMLDecodeError is a ValueError
        raise ConfigError(path, "(file)", f"cannot be parsed: {exc}") from exc
    tool = data.get("tool", {})
    section = tool.get("opengov-lint")
    return dict(section) if isinstance(section, dict) else None


def load_file(path: str) -> dict[str, Any]:
    if path.endswith(".toml"):
        section = _pyproject_section(path)
        if section is None:
            raise ConfigError(path, "[tool.opengov-lint]", "section not found")
        return section
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    from opengov_lint.fsutil import read_limited_text

    try:
        data = YAML(typ="safe", pure=True).load(read_limited_text(path))
    except (OSError, ValueError, YAMLError) as exc:
        raise ConfigError(path, "(file)", f"cannot be read as YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(path, "(file)", "must be a mapping of settings")
    return data


def _model(path: str, raw: dict[str, Any]) -> Any:
    """Check every key and value of one file with pydantic."""
    from pydantic import ValidationError

    from opengov_lint.config.schemas import ConfigModel, SuppressionModel

    try:
        return ConfigModel.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors()  # an unknown key (a typo) explains a missing one: report it first
        err = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
        loc = [str(x) for x in err["loc"]]
        key = ".".join(loc) or "(file)"
        allowed = ""
        if err["type"] == "extra_forbidden":
            keys = SuppressionModel.model_fields if loc[0] == "suppressions" else None
            names = sorted(keys) if keys else sorted(ConfigModel.allowed_keys())
            allowed = "; allowed keys: " + ", ".join(names)
        raise ConfigError(path, key, f"{err['msg']}{allowed}") from exc


def validate(path: str, raw: dict[str, Any], seen: tuple[str, ...] = ()) -> Settings:
    """Validate one configuration file (and, first, whatever it `extends`); return Settings."""
    model = _model(path, raw)
    base = Settings()
    if model.extends:
        base = _extended(path, model.extends, (*seen, os.path.abspath(path)))
    return _merge(base, model, path)


def profile_names() -> list[str]:
    from importlib import resources

    folder = resources.files("opengov_lint.catalog").joinpath("profiles")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def _extended(path: str, ext: str, seen: tuple[str, ...]) -> Settings:
    if "/" not in ext and "\\" not in ext and not ext.endswith((".yaml", ".yml", ".toml")):
        if ext not in profile_names():
            raise ConfigError(path, "extends", f"{ext!r} is neither a configuration file nor a packaged profile "
                                               f"(profiles: {', '.join(profile_names())})")
        s = Settings()
        s.profile = ext
        return s
    target = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(path)), ext))
    if target in seen:
        raise ConfigError(path, "extends", f"{ext!r} extends itself (a cycle through {', '.join(seen)})")
    if not os.path.isfile(target):
        raise ConfigError(path, "extends", f"file {ext!r} not found (relative to this configuration file)")
    return validate(target, load_file(target), seen)


_SCALARS = ("fail_on", "lang", "jobs", "year", "issuer_kind", "output_format", "show_all", "max_bytes", "timeout",
            "allow_private_urls")


def _merge(base: Settings, model: Any, path: str) -> Settings:
    """Child settings over the base: scalars and `select` replace; `ignore`, `extend-select`, `exclude`,
    `packs`, `per-file-ignores` and `suppressions` add up; `severity` and `options` merge by rule."""
    s = base
    here = os.path.dirname(os.path.abspath(path))
    s.source = path
    s.sources = [*base.sources, path]
    if model.select is not None:
        s.select = list(model.select)
    s.ignore = s.ignore + list(model.ignore or [])
    s.extend_select = s.extend_select + list(model.extend_select or [])
    for attr in _SCALARS:
        value = getattr(model, attr)
        if value is not None:
            setattr(s, attr, value)
    s.severity = {**s.severity, **(model.severity or {})}
    if model.limits is not None:
        s.limits = {**s.limits, **{k: v for k, v in model.limits.model_dump().items() if v is not None}}
    _merge_lists(s, model, here, path)
    if model.baseline:
        s.baseline = os.path.join(here, model.baseline)
    return s


def _merge_lists(s: Settings, model: Any, here: str, path: str) -> None:
    """What adds up from file to file, with paths relative to the configuration that names them."""
    for key, opts in (model.options or {}).items():
        s.options[key] = dict(opts)
        s.option_sources[key] = path
    s.per_file_ignores += [(here, pat, list(codes)) for pat, codes in (model.per_file_ignores or {}).items()]
    s.exclude += [(here, pat) for pat in model.exclude or []]
    s.packs += [_pack_ref(here, ref) for ref in model.packs or []]
    for sup in model.suppressions or []:
        s.suppressions.append({"base": here, "path": sup.path, "codes": list(sup.codes), "cell": sup.cell,
                               "reason": sup.reason, "source": path, "index": len(s.suppressions)})


def _pack_ref(here: str, ref: str) -> str:
    """A packaged pack by name (`example-province`) or a YAML file relative to the configuration."""
    if "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml")):
        return os.path.abspath(os.path.join(here, ref))
    return ref


def load_settings(config_path: str | None) -> Settings:
    if config_path:
        if not os.path.isfile(config_path):
            raise ConfigError(config_path, "(file)", "not found")
        return validate(config_path, load_file(config_path))
    found = discover()
    if found is None:
        return Settings()
    return validate(*found)
