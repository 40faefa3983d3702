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
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    max_bytes: int | None = None
    timeout: float | None = 120.0  # seconds per file
    source: str | None = None  # the configuration file used
    # batch: filled in by the command line, not by configuration files
    manifest: dict[str, Any] = field(default_factory=dict)
    batch_rules: bool = False  # cross-document rules are selected and there is more than one file
    executor: str = "local"  # local | dask
    scheduler: str | None = None
    parent_pid: int = 0
    fix: str | None = None  # None | "apply" | "diff"


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

    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
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

    try:
        with open(path, encoding="utf-8") as fh:
            data = YAML(typ="safe", pure=True).load(fh)
    except (OSError, YAMLError) as exc:
        raise ConfigError(path, "(file)", f"cannot be read as YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(path, "(file)", "must be a mapping of settings")
    return data


def validate(path: str, raw: dict[str, Any]) -> Settings:
    """Check every key and value with pydantic; return Settings."""
    from pydantic import ValidationError

    from opengov_lint.schemas import ConfigModel

    try:
        model = ConfigModel.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(x) for x in err["loc"]) or "(file)"
        allowed = ""
        if err["type"] == "extra_forbidden":
            allowed = "; allowed keys: " + ", ".join(sorted(ConfigModel.allowed_keys()))
        raise ConfigError(path, key, f"{err['msg']}{allowed}") from exc
    s = Settings(source=path)
    s.select = model.select
    s.ignore = list(model.ignore or [])
    s.extend_select = list(model.extend_select or [])
    s.fail_on = model.fail_on or s.fail_on
    s.lang = model.lang or s.lang
    s.jobs = model.jobs
    s.year = model.year
    s.issuer_kind = model.issuer_kind
    s.output_format = model.output_format or s.output_format
    s.severity = dict(model.severity or {})
    s.options = {k: dict(v) for k, v in (model.options or {}).items()}
    s.max_bytes = model.max_bytes
    if model.timeout is not None:
        s.timeout = model.timeout
    return s


def load_settings(config_path: str | None) -> Settings:
    if config_path:
        if not os.path.isfile(config_path):
            raise ConfigError(config_path, "(file)", "not found")
        return validate(config_path, load_file(config_path))
    found = discover()
    if found is None:
        return Settings()
    return validate(*found)
