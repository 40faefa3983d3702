"""Rule documentation, generated from each rule's docstring and constants: `docs/rules/<CODE>-<name>.md`
and `docs/rules/index.md` (written by tools/gen_rule_docs.py, kept in sync by a test), the text that
`opengov-lint explain` prints and the help text of SARIF output. One renderer for all three."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from opengov_lint.registry.info import RuleInfo

_SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def filename(rule: RuleInfo) -> str:
    return f"{rule.code}-{rule.name}.md"


def _profiles() -> dict[str, dict[str, str]]:
    from opengov_lint.config.settings import profile_names
    from opengov_lint.knowledge.catalog import profile_rules

    return {name: profile_rules(name) for name in profile_names()}


def _options(rule: RuleInfo) -> list[str]:
    t = rule.options_type
    if t is None:
        return []
    if dataclasses.is_dataclass(t):
        rows = []
        for f in dataclasses.fields(t):
            default: Any = f.default
            factory: Any = f.default_factory
            if default is dataclasses.MISSING and factory is not dataclasses.MISSING:
                default = factory()
            type_name = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
            rows.append(f"| `{f.name}` | `{type_name}` | `{default!r}` |")
        return rows
    return [f"| `{n}` | `{f.annotation}` | `{f.default!r}` |" for n, f in getattr(t, "model_fields", {}).items()]


# What each kind of basis is, said plainly (a rule that rests on practice or on this tool's own judgement
# must not read as if a law required it).
BASIS_KINDS = {
    "law": ("法律依据", "law"),
    "format": ("年度报告格式", "national report format"),
    "standard": ("国家标准", "national standard"),
    "guidance": ("地方指引（非国家规定）", "provincial guidance (not a national rule)"),
    "practice": ("汇总和评估实践（非法定要求）", "aggregation and assessment practice (not a legal requirement)"),
    "tool": ("本工具的判断（非法定要求）", "this tool's own judgement (not a legal requirement)"),
    "reading": ("读取诊断（不是报告的缺陷）", "reading diagnostic (not a defect of the report)"),
}


def basis_line(rule: RuleInfo) -> str:
    b = rule.basis
    if not b:
        return "未说明 / not stated"
    zh, en = BASIS_KINDS.get(str(b.get("kind")), (str(b.get("kind")), str(b.get("kind"))))
    return f"{zh}：{b.get('zh', '')} / {en}: {b.get('en', '')}"


def render(rule: RuleInfo, profiles: dict[str, dict[str, str]] | None = None) -> str:
    """The Markdown page of one rule (also what `explain` prints)."""
    profiles = _profiles() if profiles is None else profiles
    if rule.builtin:
        on = ", ".join(f"`{p}`: {prof.get(rule.code, 'off')}" for p, prof in profiles.items())
    else:
        on = f"on when installed or configured ({rule.module})"
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        "| | |",
        "|---|---|",
        f"| 代码 / code | `{rule.code}` |",
        f"| 名称 / name | `{rule.name}` |",
        f"| 默认级别 / default severity | {rule.severity}（{_SEV_ZH.get(rule.severity, rule.severity)}） |",
        f"| 适用格式 / templates | {', '.join(rule.templates)} |",
        f"| 配置集 / profiles | {on} |",
        f"| 依据 / basis | {basis_line(rule).replace('|', '｜')} |",
        "",
        rule.doc.strip(),
        "",
    ]
    opts = _options(rule)
    if opts:
        lines += ["## 选项 / Options", "", f"Set them in the configuration under `options: {{{rule.code}: {{…}}}}`.",
                  "", "| option | type | default |", "|---|---|---|", *opts, ""]
    if rule.messages:
        lines += ["## 消息 / Messages", ""]
        for key, msgs in rule.messages.items():
            for lang in ("zh", "en"):
                if msgs.get(lang):
                    lines.append(f"- `{key}` ({lang}): {msgs[lang]}")
        lines.append("")
    return "\n".join(lines)


def render_index(rules: Sequence[RuleInfo]) -> str:
    lines = [
        "# 规则目录 / Rule index",
        "",
        "Generated from the rule modules by `python tools/gen_rule_docs.py`; do not edit by hand.",
        "`opengov-lint explain CODE` prints the same page in the terminal.",
        "",
        "| code | name | severity | templates | 说明 |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| [{r.code}]({filename(r)}) | `{r.name}` | {r.severity} | {', '.join(r.templates)} | "
              f"{r.summary_zh.replace('|', '｜')} |" for r in rules]
    return "\n".join(lines) + "\n"


def render_all(rules: Sequence[RuleInfo]) -> dict[str, str]:
    """filename -> text for every rule page and the index."""
    profiles = _profiles()
    out = {filename(r): render(r, profiles) for r in rules}
    out["index.md"] = render_index(rules)
    return out
