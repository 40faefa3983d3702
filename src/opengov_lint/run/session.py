"""From Settings to a run: the engine configuration every worker builds (rules with packs, profile,
severities, validated options), the configuration checks done once before a run (every rule key and
option names the file it came from), and the main-process hooks around a batch (exclude, baseline,
unused configured suppressions)."""

from __future__ import annotations

import dataclasses
import os
from typing import TYPE_CHECKING, Any

from opengov_lint.config.settings import ConfigError, Settings
from opengov_lint.engine import EngineConfig, select_rules
from opengov_lint.registry.rules import all_rules

if TYPE_CHECKING:
    from collections.abc import Sequence

    from opengov_lint.registry.info import RuleInfo


def rules_for(settings: Settings) -> list[RuleInfo]:
    return all_rules(packs=tuple(settings.packs))


def engine_config(settings: Settings) -> EngineConfig:
    from opengov_lint.knowledge.catalog import profile_rules

    rules = rules_for(settings)
    prof = profile_rules(settings.profile)
    default_on = {c for c, sev in prof.items() if sev != "off"} | {r.code for r in rules if not r.builtin}
    chosen = select_rules(rules, default_on, settings.select, settings.ignore, settings.extend_select)
    by_code = {r.code: r for r in rules}
    by_name = {r.name: r.code for r in rules}
    severity = {c: sev for c, sev in prof.items() if c in by_code and sev not in ("off", by_code[c].severity)}
    severity.update({by_name.get(k, k.upper()): v for k, v in settings.severity.items()})
    return EngineConfig(rules=chosen, severity=severity, options=build_options(settings, rules),
                        lang=settings.lang, known=rules)


def _option_fields(options_type: type) -> list[str]:
    if dataclasses.is_dataclass(options_type):
        return [f.name for f in dataclasses.fields(options_type)]
    return list(getattr(options_type, "model_fields", {}))


def build_options(settings: Settings, rules: Sequence[RuleInfo]) -> dict[str, Any]:
    """Each rule's options from the configuration, validated against its Options type (pydantic
    TypeAdapter): an unknown rule, an unknown option or a bad value is a ConfigError."""
    if not settings.options:
        return {}
    from pydantic import TypeAdapter, ValidationError

    by_key = {r.code: r for r in rules} | {r.name: r for r in rules}
    out: dict[str, Any] = {}
    for key, raw in settings.options.items():
        src = settings.option_sources.get(key) or settings.source or "(command line)"
        rule = by_key.get(key) or by_key.get(key.upper())
        if rule is None:
            raise ConfigError(src, f"options.{key}", "not a rule code or name (`opengov-lint rules` lists them)")
        if rule.options_type is None:
            raise ConfigError(src, f"options.{key}", f"rule {rule.code} ({rule.name}) has no options")
        allowed = _option_fields(rule.options_type)
        unknown = sorted(set(raw) - set(allowed))
        if unknown:
            raise ConfigError(src, f"options.{key}.{unknown[0]}", f"unknown option of {rule.code}; allowed: "
                                                                  f"{', '.join(allowed)}")
        try:
            out[rule.code] = TypeAdapter(rule.options_type).validate_python(raw)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(x) for x in err["loc"])
            raise ConfigError(src, f"options.{key}.{where}".rstrip("."), err["msg"]) from exc
    return out


def check_settings(settings: Settings, rules: Sequence[RuleInfo]) -> None:
    """Every rule key in the configuration is known; options are valid. Raises ConfigError."""
    from opengov_lint.engine import SelectionError, validate_keys

    src = settings.source or "(command line)"
    checks: list[tuple[str, str, list[str]]] = [
        (src, "select", settings.select or []), (src, "ignore", settings.ignore),
        (src, "extend-select", settings.extend_select), (src, "severity", list(settings.severity))]
    checks += [(src, f"per-file-ignores.{pat}", keys) for _, pat, keys in settings.per_file_ignores]
    checks += [(c["source"], f"suppressions.{c['index']}.codes", c["codes"]) for c in settings.suppressions]
    for where, key, keys in checks:
        try:
            validate_keys(keys, rules)
        except SelectionError as exc:
            raise ConfigError(where, key, str(exc)) from exc
    build_options(settings, rules)


class RunHooks:
    """What the main process does around the batch: drop excluded files, filter through a baseline
    (or collect one), and report configured suppressions that suppressed nothing."""

    def __init__(self, settings: Settings, baseline: str | None, write_baseline: str | None) -> None:
        """Raises BaselineError (a ValueError) when the baseline cannot be read. Imports only what the
        run uses: a pre-commit hook pays for every module on every commit."""
        self.settings = settings
        self.baseline: Any = None
        self.writer: Any = None
        if baseline or write_baseline:
            from opengov_lint.suppression.baseline import Baseline, BaselineWriter

            self.baseline = Baseline.load(baseline) if baseline else None
            self.writer = BaselineWriter(write_baseline) if write_baseline else None
        self.matched: set[int] = set()
        self.used: set[int] = set()
        self.suppressed_by_baseline = 0

    def keep(self, path: str) -> bool:
        if not self.settings.exclude:
            return True
        from opengov_lint.config.globs import matches

        return path == "-" or not any(matches(path, base, pat) for base, pat in self.settings.exclude)

    def result(self, result: Any) -> Any:
        self.matched.update(result.counters.config_suppressions_matched)
        self.used.update(result.counters.config_suppressions_used)
        if self.writer is not None:
            self.writer.add(result.findings, result.facts)
        if self.baseline is not None:
            result.findings, n = self.baseline.filter(result.findings, result.facts)
            result.counters.baseline_suppressed = n
            self.suppressed_by_baseline += n
        return result

    def tail(self) -> list[Any]:
        """Extra results after the batch: unused configured suppressions, one result per config file."""
        if not self.settings.suppressions:
            return []
        from opengov_lint.results import FileResult
        from opengov_lint.suppression.inline import unused_config

        cfg = engine_config(self.settings)
        found = unused_config(self.settings, self.matched, self.used, cfg, cfg.known)
        by_file: dict[str, list[Any]] = {}
        for f in found:
            by_file.setdefault(f.path, []).append(f)
        return [FileResult(path, findings, kind="config") for path, findings in by_file.items()]

    def finish(self) -> str | None:
        """Write the baseline (whole or not at all); return a line for the user."""
        if self.writer is None:
            return None
        from opengov_lint.fsutil import atomic_write

        atomic_write(self.writer.path, self.writer.text())
        return (f"wrote baseline {os.path.relpath(self.writer.path)}: {self.writer.total} finding(s) in "
                f"{len(self.writer.entries)} place(s) of {self.writer.files} file(s)")
