"""Runs the selected rules over a report and turns their hits into findings.

Selection (select / ignore / extend-select by code, code prefix, name or `all`) and severity are
decided here and only here; rules never see configuration beyond their own options."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from opengov_lint.findings import SEVERITY_RANK, BatchHit, Finding, Hit, Location

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from opengov_lint.model import Batch, Report
    from opengov_lint.registry.info import RuleInfo


class SelectionError(ValueError):
    pass


def _matches(rule: RuleInfo, key: str) -> bool:
    k = key.strip()
    if not k:
        return False
    if k.lower() == "all":
        return True
    if k == rule.name:
        return True
    return rule.code.upper().startswith(k.upper()) and k[:2].upper() == rule.code[:2]


def validate_keys(keys: Iterable[str], rules: Sequence[RuleInfo]) -> None:
    for k in keys:
        if not any(_matches(r, k) for r in rules):
            known = ", ".join(sorted({r.code[:3] for r in rules}))
            raise SelectionError(f"unknown rule, prefix or name: {k!r} (codes look like OG301, prefixes like {known})")


def select_rules(rules: Sequence[RuleInfo], default_on: set[str], select: Sequence[str] | None = None,
                 ignore: Sequence[str] = (), extend_select: Sequence[str] = ()) -> list[RuleInfo]:
    """ruff semantics: `select` replaces the default set, `extend-select` adds to it, `ignore` removes;
    the most specific key wins when select and ignore overlap (OG3 selected, OG303 ignored)."""
    validate_keys(list(select or []) + list(ignore) + list(extend_select), rules)
    out = []
    for r in rules:
        chosen = [k for k in list(select or []) + list(extend_select) if _matches(r, k)]
        dropped = [k for k in ignore if _matches(r, k)]
        on = r.code in default_on if select is None else False
        if chosen:
            on = True
        spec_on = max((_specificity(k) for k in chosen), default=-1)
        spec_off = max((_specificity(k) for k in dropped), default=-1)
        if dropped and spec_off >= spec_on:
            on = False
        if on:
            out.append(r)
    return out


def _specificity(key: str) -> int:
    return 0 if key.lower() == "all" else (10 if not key[:2].isalpha() or "-" in key else len(key))


@dataclass(slots=True)
class EngineConfig:
    rules: list[RuleInfo]
    severity: dict[str, str] = field(default_factory=dict)  # code -> severity override from config
    options: dict[str, Any] = field(default_factory=dict)  # code -> options object
    lang: str = "zh"
    known: list[RuleInfo] = field(default_factory=list)  # every registered rule, selected or not


def render(rule: RuleInfo, hit: Hit, lang: str) -> str:
    msgs = rule.messages.get(hit.message) or rule.messages.get("default") or {}
    template = msgs.get(lang) or msgs.get("zh") or hit.message
    try:
        return template.format(**hit.args)
    except (KeyError, IndexError, ValueError):
        return template


def applies(rule: RuleInfo, report: Report) -> bool:
    if report.meta.regime == "2007":  # before the 2019 revision: only rules that know the old regime
        return "pre2019" in rule.templates
    tpl = report.meta.template
    if tpl in ("2019", "2021"):
        return tpl in rule.templates
    return True


def run(report: Report, cfg: EngineConfig, path: str) -> list[Finding]:
    out: list[Finding] = []
    for rule in cfg.rules:
        if rule.scope != "report" or not applies(rule, report):
            continue
        options = cfg.options.get(rule.code) or rule.default_options()
        try:
            hits = list(rule.check(report, options) if options is not None else rule.check(report, None))
        except Exception as exc:
            out.append(crash_finding(rule, exc, path, cfg.lang))
            continue
        for hit in hits:
            sev = cfg.severity.get(rule.code) or hit.severity or rule.severity
            out.append(Finding(rule.code, rule.name, sev, render(rule, hit, cfg.lang), path, hit.location,
                               hit.evidence, hit.fix))
    out.sort(key=Finding.sort_key)
    return out


def crash_finding(rule: RuleInfo, exc: BaseException, path: str, lang: str) -> Finding:
    detail = f"{type(exc).__name__}: {exc}"
    msg = (f"规则 {rule.code}（{rule.name}）运行出错，已跳过，其余检查照常进行：{detail}" if lang == "zh"
           else f"rule {rule.code} ({rule.name}) crashed and was skipped; the other checks ran: {detail}")
    return Finding("OG999", "rule-crashed", "error", msg, path, Location(),
                   {"rule": rule.code, "exception": type(exc).__name__, "detail": str(exc)})


def worst(findings: Iterable[Finding]) -> str | None:
    best = 0
    name = None
    for f in findings:
        if SEVERITY_RANK[f.severity] > best:
            best, name = SEVERITY_RANK[f.severity], f.severity
    return name


def fails(findings: Iterable[Finding], fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK[f.severity] >= threshold for f in findings)


def run_batch_rules(batch: Batch, cfg: EngineConfig) -> list[Finding]:
    """Cross-document rules (SCOPE = "batch") over the summaries of every report in the run."""
    out: list[Finding] = []
    for rule in cfg.rules:
        if rule.scope != "batch":
            continue
        options = cfg.options.get(rule.code) or rule.default_options()
        # RuleInfo.check is typed for report rules; a batch rule (SCOPE = "batch") yields BatchHit
        check = cast("Callable[[Batch, Any], Iterator[BatchHit]]", rule.check)
        try:
            hits = list(check(batch, options))
        except Exception as exc:
            out.append(crash_finding(rule, exc, "<batch>", cfg.lang))
            continue
        for bh in hits:
            sev = cfg.severity.get(rule.code) or bh.hit.severity or rule.severity
            out.append(Finding(rule.code, rule.name, sev, render(rule, bh.hit, cfg.lang), bh.path, bh.hit.location,
                               bh.hit.evidence))
    out.sort(key=Finding.sort_key)
    return out
