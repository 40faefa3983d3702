"""`rules` and `explain`: the rule catalogue, with the rule packs of the configuration."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from opengov_lint.cli.common import settings_or_exit, usage


def rules(
    output_format: Annotated[str, typer.Option("--output-format", help="text|json")] = "text",
    config: Annotated[str | None, typer.Option(help="Configuration file (for its profile and rule packs).")] = None,
) -> None:
    """List the rules (规则目录), with the rule packs of the configuration."""
    import json

    from opengov_lint.config.settings import ConfigError
    from opengov_lint.knowledge.catalog import profile_rules
    from opengov_lint.registry.info import RegistryError
    from opengov_lint.registry.rules import all_rules

    if output_format not in ("text", "json"):
        usage("--output-format must be text or json")
    settings = settings_or_exit(config)
    prof = profile_rules(settings.profile)
    try:
        found = all_rules(packs=tuple(settings.packs))
    except (ConfigError, RegistryError) as exc:
        usage(str(exc))
    rows = [{"code": r.code, "name": r.name, "severity": r.severity, "templates": list(r.templates),
             "default": prof.get(r.code, "on" if not r.builtin else "off") != "off", "summary": r.summary,
             "summary_zh": r.summary_zh, "builtin": r.builtin, "source": r.module} for r in found]
    if output_format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    for r in rows:
        typer.echo(f"{r['code']}  {r['name']:<34} {r['severity']:<8} {r['summary_zh']}")


def explain(key: Annotated[str, typer.Argument(help="A rule code (OG301) or name (requests-row-total).")],
            config: Annotated[str | None, typer.Option(help="Configuration file (for its rule packs).")] = None,
            ) -> None:
    """Explain one rule: what, why, examples, how to fix (规则说明) — the text of docs/rules/."""
    from opengov_lint.registry.ruledoc import render
    from opengov_lint.registry.rules import find_rule

    rule = find_rule(key, packs=tuple(settings_or_exit(config).packs))
    if rule is None:
        usage(f"unknown rule {key!r}; `opengov-lint rules` lists them")
    typer.echo(render(rule))
