"""Rule packs: YAML files of generic rules (required-mention, forbidden-mention, sum) that an office
adds from its configuration (`packs: [example-province, ./our-rules.yaml]`) without writing Python.

A pack declares its own code prefix (`XP`); the prefix `OG` is reserved for this project's rules.
Pack rules are registered like any other: they appear in `rules`, `explain`, selection, every output
format and the baseline. Validated with pydantic (imported only when a pack is configured)."""

from __future__ import annotations

import functools
import os
from importlib import resources
from typing import Any

from opengov_lint.config.settings import ConfigError
from opengov_lint.registry.info import RuleInfo

RESERVED_PREFIXES = ("OG",)

_DEFAULT_MESSAGES = {
    "required-mention": {"zh": "报告未提及“{wanted}”（检查范围：{where_zh}）",
                         "en": "the report does not mention '{wanted}' (looked in {where_en})"},
    "forbidden-mention": {"zh": "报告中出现了不应使用的表述“{found}”", "en": "the report uses '{found}', which it must not"},
    "sum": {"zh": "单元格 {cell} 为 {actual}，而 {parts} 之和为 {expected}",
            "en": "cell {cell} is {actual}, but {parts} sum to {expected}"},
}


def packaged_packs() -> list[str]:
    folder = resources.files("opengov_lint.catalog").joinpath("packs")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def _read(ref: str) -> tuple[str, str]:
    """(display path, text) of a pack given as a file path or a packaged name."""
    if os.path.isabs(ref) or ref.endswith((".yaml", ".yml")):
        from opengov_lint.fsutil import read_limited_text

        try:
            return ref, read_limited_text(ref)
        except (OSError, ValueError) as exc:
            raise ConfigError(ref, "(file)", f"rule pack cannot be read: {getattr(exc, 'strerror', None) or exc}") \
                from exc
    if ref not in packaged_packs():
        raise ConfigError(ref, "packs", f"no packaged rule pack {ref!r} (packaged: {', '.join(packaged_packs())}; "
                                        "or give a path to a .yaml file)")
    return f"rules/packs/{ref}.yaml", resources.files("opengov_lint.catalog").joinpath(
        f"packs/{ref}.yaml").read_text(encoding="utf-8")


@functools.cache
def load_pack(ref: str) -> tuple[RuleInfo, ...]:
    from pydantic import ValidationError
    from ruamel.yaml.error import YAMLError

    from opengov_lint.config.schemas import PackModel, PackRuleModel
    from opengov_lint.knowledge.catalog import parse_yaml

    where, text = _read(ref)
    try:
        raw = parse_yaml(text)
    except YAMLError as exc:
        raise ConfigError(where, "(file)", f"cannot be read as YAML: {exc}") from exc
    try:
        pack = PackModel.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors()  # an unknown key (a typo) explains a missing one: report it first
        err = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
        key = ".".join(str(x) for x in err["loc"]) or "(file)"
        extra = ""
        if err["type"] == "extra_forbidden":
            model = PackRuleModel if err["loc"][0] == "rules" else PackModel
            extra = "; allowed keys: " + ", ".join(sorted(f.alias or n for n, f in model.model_fields.items()))
        raise ConfigError(where, key, f"{err['msg']}{extra}") from exc
    if pack.prefix in RESERVED_PREFIXES:
        raise ConfigError(where, "prefix", f"{pack.prefix!r} is reserved for opengov-lint's own rules")
    return tuple(_rule(where, pack, i, r) for i, r in enumerate(pack.rules))


def _rule(where: str, pack: Any, i: int, r: Any) -> RuleInfo:
    from opengov_lint.rules import _generic

    key = f"rules.{i}"
    if not r.code.startswith(pack.prefix):
        raise ConfigError(where, f"{key}.code", f"{r.code!r} must start with the pack's prefix {pack.prefix!r}")
    if r.kind == "sum":
        if not r.total or not r.parts:
            raise ConfigError(where, key, "a sum rule needs `total` (a cell path) and `parts` (cell paths)")
        spec: Any = _generic.SumSpec(r.total, tuple(r.parts), tuple(r.columns or ()), r.tolerance)
        check: Any = functools.partial(_generic.cell_sum, spec)
    else:
        if not r.any and not r.patterns:
            raise ConfigError(where, key, f"a {r.kind} rule needs `any` (phrases) or `patterns` (regular expressions)")
        spec = _generic.MentionSpec(tuple(r.any or ()), tuple(r.patterns or ()), tuple(r.sections or ()),
                                    r.issuer_kind)
        fn = _generic.required_mention if r.kind == "required-mention" else _generic.forbidden_mention
        check = functools.partial(fn, spec)
    message = dict(r.message) if r.message else _DEFAULT_MESSAGES[r.kind]
    return RuleInfo(code=r.code, name=r.name, severity=r.severity, templates=tuple(r.templates), scope="report",
                    doc=_doc(pack, r), messages={"default": message}, options_type=None, check=check,
                    module=f"pack:{pack.name}", builtin=False,
                    extra={"pack": pack.name, "pack_file": where, "kind": r.kind})


def _doc(pack: Any, r: Any) -> str:
    parts = [r.summary.get("en") or r.summary.get("zh", ""), r.summary.get("zh") or r.summary.get("en", "")]
    if r.why:
        parts.append("依据 / Why: " + " ".join(v for v in (r.why.get("zh"), r.why.get("en")) if v))
    if r.fix:
        parts.append("修改方法 / Fix: " + " ".join(v for v in (r.fix.get("zh"), r.fix.get("en")) if v))
    parts.append(f"规则包 / Pack: {pack.name} — {pack.description}（{r.kind}）")
    return "\n\n".join(p for p in parts if p)
