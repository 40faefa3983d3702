"""Suppressions, applied to one file's findings after the rules ran, in this order:

1. `per-file-ignores` (configuration: glob -> rules) drop findings silently, like ruff's;
2. inline comments in canonical YAML (`# opengov-lint: ignore[OG206] 理由`) on the line of a cell,
   a row, a table or a section heading, or at the top of the file for the whole file;
3. configured `suppressions` (path glob, rules, optional cell path, and a required reason).

An inline suppression that suppressed nothing is reported (OG904) when every rule it names ran;
suppression comments without a reason or in a wrong form are OG905 (a normal rule). Unused configured
suppressions are judged over the whole run (see `unused_config`). The findings of OG904/OG905
themselves are never suppressed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from opengov_lint.config.globs import matches
from opengov_lint.findings import Finding, Location

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from opengov_lint.model import Report, Suppression
    from opengov_lint.registry.info import RuleInfo

UNSUPPRESSIBLE = {"OG904", "OG905"}


def key_matches(code: str, name: str, key: str) -> bool:
    """A rule key as in select/ignore: `all`, a code, a code prefix (`OG2`) or a name."""
    k = key.strip()
    if not k:
        return False
    if k.lower() == "all" or k == name:
        return True
    return code.upper().startswith(k.upper()) and k[:2].upper() == code[:2]


@dataclass(slots=True)
class Outcome:
    findings: list[Finding]
    counts: dict[str, int] = field(default_factory=dict)
    config_matched: list[int] = field(default_factory=list)  # configured suppressions whose path matched
    config_used: list[int] = field(default_factory=list)  # ... and that suppressed something


def _covers(s: Suppression, f: Finding, report: Report) -> bool:
    if s.target is None:
        return True
    loc = f.location
    if loc.line == s.target and not f.group:  # a group's line is only its first cell's
        return True
    table = report.tables.get(loc.table or "")
    if table is not None:
        row = table.rows.get(loc.row or "")
        if table.line == s.target or (row is not None and row.line == s.target):
            return True
    section = report.section(loc.section) if loc.section else None
    return section is not None and section.line == s.target


def _under(path: str | None, prefix: str) -> bool:
    return path is not None and (path == prefix or path.startswith(prefix + "."))


def _cell_matches(prefix: str | None, f: Finding) -> bool:
    """A configured `cell:` (a cell path or its prefix) covers a finding at that place; a grouped
    finding when it covers every cell of the group (or names the group's own anchor)."""
    if not prefix:
        return True
    cells = f.group_cells()
    if cells:
        return prefix == f.group_anchor() or all(_under(c, prefix) for c in cells)
    return _under(f.location.cell_path(), prefix)


def apply(report: Report | None, findings: list[Finding], settings: Any, engine: Any, known: Sequence[RuleInfo],
          path: str) -> Outcome:
    """`engine` is the EngineConfig of the run (selected rules, severities, language)."""
    out = Outcome([], {"per_file_ignores": 0, "inline": 0, "config": 0})
    pfi, conf = _for_file(settings, path)
    out.config_matched = [c["index"] for c in conf]
    inline = [s for s in (report.suppressions if report is not None else []) if not s.problem]
    used: dict[int, int] = {}
    for f in findings:
        if f.code in UNSUPPRESSIBLE:
            out.findings.append(f)
            continue
        if any(_names(keys, f) for keys in pfi):
            out.counts["per_file_ignores"] += 1
            continue
        hit = _inline_hit(f, inline, report)
        if hit is not None:
            used[hit] = used.get(hit, 0) + 1
            out.counts["inline"] += 1
            continue
        c = _config_hit(f, conf)
        if c is not None:
            out.counts["config"] += 1
            if c["index"] not in out.config_used:
                out.config_used.append(c["index"])
            continue
        out.findings.append(f)
    out.findings.extend(_unused_inline(inline, used, engine, known, path))
    out.findings.sort(key=Finding.sort_key)
    return out


def _for_file(settings: Any, path: str) -> tuple[list[list[str]], list[dict[str, Any]]]:
    """The per-file-ignores (their rule keys) and the configured suppressions whose glob matches the file."""
    pfi = [keys for base, pat, keys in settings.per_file_ignores if matches(path, base, pat)]
    conf = [c for c in settings.suppressions if matches(path, c["base"], c["path"])]
    return pfi, conf


def _names(keys: Iterable[str], f: Finding) -> bool:
    """Does one of the keys (as in select/ignore) name the finding's rule?"""
    return any(key_matches(f.code, f.name, k) for k in keys)


def _inline_hit(f: Finding, inline: list[Suppression], report: Report | None) -> int | None:
    """The index of the first inline comment that names the finding's rule and covers its place."""
    if report is None:
        return None
    return next((i for i, s in enumerate(inline) if _names(s.codes, f) and _covers(s, f, report)), None)


def _config_hit(f: Finding, conf: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The first configured suppression (its path already matched) that names the rule and covers the cell."""
    return next((c for c in conf if _names(c["codes"], f) and _cell_matches(c["cell"], f)), None)


def _judgeable(keys: Iterable[str], selected: Sequence[RuleInfo], known: Sequence[RuleInfo]) -> bool:
    """True when every rule the keys name ran in this run (otherwise 'unused' cannot be told)."""
    ran = {r.code for r in selected}
    return all(r.code in ran for k in keys for r in known if key_matches(r.code, r.name, k))


def _unused_inline(inline: list[Suppression], used: dict[int, int], engine: Any, known: Sequence[RuleInfo],
                   path: str) -> list[Finding]:
    rule = next((r for r in engine.rules if r.code == "OG904"), None)
    if rule is None:
        return []
    selected, lang, severity = engine.rules, engine.lang, engine.severity.get("OG904")
    out = []
    for i, s in enumerate(inline):
        if used.get(i):
            continue
        unknown = [k for k in s.codes if not any(key_matches(r.code, r.name, k) for r in known)]
        loc = Location(line=s.line, excerpt=s.text[:60] or None)
        if unknown:
            out.append(_finding(rule, "unknown", {"key": unknown[0]}, loc, path, lang,
                                {"codes": list(s.codes), "unknown": unknown}, severity))
        elif _judgeable(s.codes, selected, known):
            out.append(_finding(rule, "default", {"codes": ",".join(s.codes), "reason": s.reason or "-"}, loc, path,
                                lang, {"codes": list(s.codes), "target_line": s.target}, severity))
    return out


def _finding(rule: RuleInfo, message: str, args: dict[str, Any], loc: Location, path: str, lang: str,
             evidence: dict[str, Any], severity: str | None) -> Finding:
    msgs = rule.messages.get(message) or rule.messages["default"]
    text = (msgs.get(lang) or msgs["zh"]).format(**args)
    return Finding(rule.code, rule.name, severity or rule.severity, text, path, loc, evidence)


def unused_config(settings: Any, matched: set[int], used: set[int], engine: Any,
                  known: Sequence[RuleInfo]) -> list[Finding]:
    """Configured suppressions whose files were checked in this run but that suppressed nothing.
    Reported against the configuration file that declares them."""
    rule = next((r for r in engine.rules if r.code == "OG904"), None)
    if rule is None:
        return []
    selected, lang, severity = engine.rules, engine.lang, engine.severity.get("OG904")
    out = []
    for c in settings.suppressions:
        if c["index"] not in matched or c["index"] in used or not _judgeable(c["codes"], selected, known):
            continue
        loc = Location(excerpt=f"suppressions[{c['index']}]: {c['path']}")
        out.append(_finding(rule, "default", {"codes": ",".join(c["codes"]), "reason": c["reason"]}, loc,
                            c["source"], lang, {"codes": c["codes"], "path": c["path"], "cell": c["cell"]}, severity))
    return out
