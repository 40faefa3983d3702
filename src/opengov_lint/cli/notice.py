"""`opengov-lint notice`: 整改通知, one .docx per unit, from a findings JSON or by checking paths first."""

from __future__ import annotations

import json
import os
import tempfile
from typing import Annotated, Any

import typer

from opengov_lint.cli.common import usage


def notice(
    paths: Annotated[list[str] | None, typer.Argument(help="Reports or folders to check first (or use --findings).")]
    = None,
    findings: Annotated[str | None, typer.Option("--findings", help="The JSON output of an earlier `check`.")] = None,
    output: Annotated[str, typer.Option("-o", "--output", help="Folder for the notices (created if missing).")]
    = "整改通知",
    sender: Annotated[str, typer.Option(help="The issuing office, printed above the date (e.g. 某区政务公开办).")] = "",
    days: Annotated[int, typer.Option(help="Working days the unit has to correct and resubmit.")] = 15,
    manifest: Annotated[str | None, typer.Option(help="CSV/YAML manifest (issuer, year, parent of each file).")]
    = None,
    config: Annotated[str | None, typer.Option(help="Configuration file.")] = None,
) -> None:
    """Write a rectification notice per unit (生成整改通知)."""
    if bool(paths) == bool(findings):
        usage("give either report paths to check or --findings FINDINGS.json (not both)")
    items = _read(findings) if findings else _check(list(paths or []), manifest, config)
    from opengov_lint.authoring.notice import file_name, group, render
    from opengov_lint.fsutil import atomic_write_bytes
    from opengov_lint.registry.rules import all_rules

    docs = {r.code: r.doc for r in all_rules()}
    units = group(items)
    os.makedirs(output, exist_ok=True)
    for n in units:
        atomic_write_bytes(os.path.join(output, file_name(n)), render(n, docs, sender, days))
    typer.echo(f"已生成 {len(units)} 份整改通知 → {output}" if units else "没有需要整改的问题，未生成整改通知", err=True)


def _read(path: str) -> list[dict[str, Any]]:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        usage(f"cannot read the findings file {path}: {exc}")
    if not isinstance(data, list) or any(not isinstance(d, dict) or "code" not in d or "path" not in d for d in data):
        usage(f"{path} is not the JSON output of `opengov-lint check --output-format json`")
    return data


def _check(paths: list[str], manifest: str | None, config: str | None) -> list[dict[str, Any]]:
    from opengov_lint.cli.check import batch_options, settings_from, validate
    from opengov_lint.run.batch import run_check

    options: dict[str, Any] = {"config": config, "output_format": "json", "manifest": manifest, "output": None,
                               "jobs": None, "statistics": False, "quiet": True, "stdin_format": None,
                               "include": None, "exclude": None, "no_progress": True, "write_baseline": None}
    settings = settings_from(options)
    validate(settings)
    with tempfile.TemporaryDirectory(prefix="opengov-lint-notice-") as tmp:
        options["output"] = os.path.join(tmp, "findings.json")
        code = run_check(paths, settings, batch_options(options, settings))
        if code not in (0, 1):
            raise typer.Exit(code)
        return _read(options["output"])
