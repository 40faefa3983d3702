"""Commands for report authors: convert, template, annotate, and the Word copy of `check --fix -o`."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from opengov_lint.cli.common import (
    EXIT_FINDINGS,
    choose,
    exit_for,
    load_or_exit,
    settings_or_exit,
    usage,
    writable_or_exit,
    write_or_exit,
)
from opengov_lint.config.choices import IssuerKind, Lang, ReportFormat, bar

if TYPE_CHECKING:
    from opengov_lint.config.settings import Settings
    from opengov_lint.model import Report

Kind = Annotated[str | None, typer.Option("--issuer-kind", help=bar(IssuerKind))]
Year = Annotated[int | None, typer.Option(help="Report year (overrides detection).")]


def convert(
    path: Annotated[str, typer.Argument(help="Any supported report file.")],
    to: Annotated[str, typer.Option(help=bar(ReportFormat))] = "yaml",
    output: Annotated[str | None, typer.Option("-o", "--output", help="Output file (default: stdout).")] = None,
    year: Year = None,
    issuer_kind: Kind = None,
) -> None:
    """Convert a report to the canonical form (YAML/JSON) or render it as Word/HTML (转换格式)."""
    choose("--to", to, ReportFormat)
    writable_or_exit(output, [path])
    write_report(load_or_exit(path, year, issuer_kind), to, output)


def template(
    year: Annotated[int, typer.Option(help="Report year: 2019-2020 get the 2019 layout, 2021 on the 2021 layout.")],
    to: Annotated[str, typer.Option(help=bar(ReportFormat))] = "yaml",
    output: Annotated[str | None, typer.Option("-o", "--output", help="Output file (default: stdout; docx needs -o).")]
    = None,
    issuer: Annotated[str | None, typer.Option(help="Name of the issuing organ.")] = None,
    issuer_kind: Kind = None,
) -> None:
    """A blank report for a year in the national layout (空白年报模板)."""
    from opengov_lint.authoring.template import build

    if not 2019 <= year <= 2100:
        usage("--year must be 2019 or later (the 2019 regulation and its report formats)")
    choose("--to", to, ReportFormat)
    choose("--issuer-kind", issuer_kind, IssuerKind)
    write_report(build(year, issuer, issuer_kind), to, output)


def write_report(report: Report, to: str, output: str | None) -> None:
    writable_or_exit(output)
    if to == "docx":
        from opengov_lint.authoring.docx_writer import render as render_docx

        if not output:
            usage("--to docx needs -o FILE")
        write_or_exit(output, render_docx(report))
        return
    if to == "html":
        from opengov_lint.authoring.html_writer import render as render_html

        text = render_html(report)
    else:
        from opengov_lint.canonical.writer import dump_json, dump_yaml

        text = dump_yaml(report) if to == "yaml" else dump_json(report)
    if output:
        write_or_exit(output, text)
    else:
        sys.stdout.write(text)


def fix_docx(path: str, output: str, settings: Settings) -> int:
    """`check REPORT.docx --fix -o FIXED.docx`: a fixed copy; the original is never touched."""
    from opengov_lint import engine
    from opengov_lint.authoring.docx_fix import fix_copy
    from opengov_lint.run.batch import BatchOptions, run_check
    from opengov_lint.run.worker import build_engine

    if os.path.abspath(output) == os.path.abspath(path):
        usage("--fix never edits a Word file in place: give another -o for the fixed copy")
    writable_or_exit(output, [path], "fixed copy")
    try:
        report = load_or_exit(path, settings.year, settings.issuer_kind, fmt="docx")
    except typer.Exit:
        return EXIT_FINDINGS
    findings = engine.run(report, build_engine(settings), path)
    with open(path, "rb") as fh:
        result = fix_copy(fh.read(), findings)
    write_or_exit(output, result.data)
    typer.echo(f"已修正 {len(result.applied)} 处，写入 {output}（原文件未改动）", err=True)
    settings.fix = None
    return run_check([output], settings, BatchOptions(progress=False))


def annotate(
    path: Annotated[str, typer.Argument(help="The author's Word report (.docx).")],
    output: Annotated[str, typer.Option("-o", "--output", help="The reviewed copy to write (.docx).")],
    config: Annotated[str | None, typer.Option(help="Configuration file.")] = None,
    lang: Annotated[str | None, typer.Option(help=f"Comment language: {bar(Lang)}")] = None,
    year: Year = None,
    issuer_kind: Kind = None,
) -> None:
    """A copy of a Word report with a comment at each finding (在 Word 文档中批注问题)."""
    from opengov_lint import engine
    from opengov_lint.authoring.annotate import annotate as annotate_docx
    from opengov_lint.run.worker import build_engine

    if not path.lower().endswith(".docx"):
        usage("annotate works on Word .docx files (convert other formats with `convert --to docx` first)")
    writable_or_exit(output, [path])
    settings = settings_or_exit(config)
    settings.lang = lang or settings.lang
    report = load_or_exit(path, year or settings.year, issuer_kind or settings.issuer_kind, fmt="docx")
    findings = engine.run(report, build_engine(settings), path)
    with open(path, "rb") as fh:
        result = annotate_docx(fh.read(), report, findings)
    write_or_exit(output, result.data)
    typer.echo(f"已在 {output} 中添加 {len(result.placed)} 条批注" + (
        f"；{len(result.unplaced)} 个问题无法定位到段落或单元格" if result.unplaced else ""), err=True)
    exit_for(engine.fails(findings, settings.fail_on))
