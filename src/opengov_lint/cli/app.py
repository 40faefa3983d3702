"""Command line: check, convert, rules, explain. Thin: parse options, call the runner, render.

`opengov-lint --version` answers before anything else is imported; heavy modules are imported
inside the commands that need them."""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: `--help` must not import rich (start-up of hooks and scripts)
    no_args_is_help=True,
    help="opengov-lint：政府信息公开工作年度报告合规检查工具 (a linter for government information-disclosure "
         "annual reports).",
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _version(value: bool) -> None:
    if value:
        from opengov_lint import __version__

        typer.echo(f"opengov-lint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """opengov-lint"""


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _usage(message: str) -> None:
    typer.echo(f"opengov-lint: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


from opengov_lint.fsutil import atomic_write, atomic_write_bytes


@app.command()
def check(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, directories (recursive), URLs or - for stdin.")]
    = None,
    select: Annotated[list[str] | None, typer.Option(help="Rules to run: codes, prefixes (OG3), names or all.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Rules to skip.")] = None,
    extend_select: Annotated[list[str] | None, typer.Option("--extend-select", help="Rules to add.")] = None,
    fail_on: Annotated[str | None, typer.Option("--fail-on", help="error|warning|info|never")] = None,
    output_format: Annotated[str | None, typer.Option("--output-format",
                                                      help="text|json|jsonl|sarif|junit|github|csv|xlsx|html")] = None,
    output: Annotated[str | None, typer.Option("-o", "--output", help="Write the report to this file.")] = None,
    lang: Annotated[str | None, typer.Option(help="Message language: zh|en")] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes (default: all cores).")] = None,
    config: Annotated[str | None, typer.Option(help="Configuration file.")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Counts per rule and per file.")] = False,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No progress bar.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the summary.")] = False,
    year: Annotated[int | None, typer.Option(help="Report year (overrides detection).")] = None,
    issuer_kind: Annotated[str | None, typer.Option("--issuer-kind", help="government|department")] = None,
    stdin_format: Annotated[str | None, typer.Option("--stdin-format", help="Format of stdin: txt|yaml|json|...")]
    = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
    from_list: Annotated[str | None, typer.Option("--from-list", help="A file with one path or URL per line.")]
    = None,
    include: Annotated[list[str] | None, typer.Option(help="Glob of files to check inside directories.")] = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Glob of files or folders to skip.")] = None,
    manifest: Annotated[str | None, typer.Option(help="CSV/YAML manifest: path, issuer, year, parent, aggregate.")]
    = None,
    timeout: Annotated[float | None, typer.Option(help="Per-file time limit in seconds (default 120).")] = None,
    executor: Annotated[str, typer.Option(help="local (processes on this machine) or dask.")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address for --executor dask.")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes to .txt/.md/.yaml/.json reports.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Show the safe fixes as a diff; change nothing.")] = False,
    baseline: Annotated[str | None, typer.Option("--baseline", help="Report only findings not in this baseline.")]
    = None,
    write_baseline: Annotated[str | None, typer.Option("--write-baseline",
                                                       help="Accept every current finding: write them to FILE.")]
    = None,
) -> None:
    """Check reports (检查年度报告)."""
    from opengov_lint.config.settings import ConfigError, load_settings

    if debug:
        os.environ["OPENGOV_LINT_DEBUG"] = "1"
    try:
        settings = load_settings(config)
    except ConfigError as exc:
        _usage(f"configuration error in {exc.path}: {exc.key}: {exc.problem}")
    if select:
        settings.select = _split(select)
    if ignore:
        settings.ignore += _split(ignore)
    if extend_select:
        settings.extend_select += _split(extend_select)
    settings.fail_on = fail_on or settings.fail_on
    settings.lang = lang or settings.lang
    settings.output_format = output_format or settings.output_format
    settings.year = year or settings.year
    settings.issuer_kind = issuer_kind or settings.issuer_kind
    settings.baseline = baseline or settings.baseline
    settings.timeout = timeout if timeout is not None else settings.timeout
    settings.executor, settings.scheduler = executor, scheduler
    settings.fix = "diff" if diff else ("apply" if fix else None)
    if fix and output and paths and len(paths) == 1 and paths[0].lower().endswith(".docx"):
        raise typer.Exit(_fix_docx(paths[0], output, settings))
    _validate_choices(settings)
    if executor not in ("local", "dask"):
        _usage(f"--executor must be local or dask (got {executor!r})")
    if executor == "dask" and not scheduler:
        _usage("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    if manifest:
        from opengov_lint.run.manifest import ManifestError, load

        try:
            settings.manifest = load(manifest)
        except (ManifestError, OSError) as exc:
            _usage(f"manifest error: {exc}")
    from opengov_lint.run.batch import BatchOptions, run_check

    all_paths = list(paths or [])
    if from_list:
        from opengov_lint.run.sources import read_list

        try:
            all_paths += read_list(from_list)
        except OSError as exc:
            _usage(f"cannot read the list file {from_list}: {exc.strerror or exc}")
    opts = BatchOptions(output=output, jobs=jobs or settings.jobs, statistics=statistics, quiet=quiet,
                        stdin_format=stdin_format, include=list(include or []), exclude=list(exclude or []),
                        progress=not no_progress, write_baseline=write_baseline)
    code = run_check(all_paths, settings, opts)
    raise typer.Exit(code)


def _validate_choices(settings: Any) -> None:
    from opengov_lint.engine import SelectionError, validate_keys
    from opengov_lint.registry.rules import all_rules
    from opengov_lint.reporters import FORMATS

    if settings.fail_on not in ("error", "warning", "info", "never"):
        _usage(f"--fail-on must be error, warning, info or never (got {settings.fail_on!r})")
    if settings.lang not in ("zh", "en"):
        _usage(f"--lang must be zh or en (got {settings.lang!r})")
    if settings.output_format not in FORMATS:
        _usage(f"--output-format must be one of {', '.join(FORMATS)} (got {settings.output_format!r})")
    if settings.issuer_kind not in (None, "government", "department"):
        _usage(f"--issuer-kind must be government or department (got {settings.issuer_kind!r})")
    if settings.year is not None and not 2008 <= settings.year <= 2100:
        _usage(f"--year must be a report year such as 2024 (got {settings.year})")
    from opengov_lint.config.settings import ConfigError
    from opengov_lint.registry.info import RegistryError
    from opengov_lint.run.session import check_settings

    try:
        rules = all_rules(packs=tuple(settings.packs))
        validate_keys((settings.select or []) + settings.ignore + settings.extend_select + list(settings.severity),
                      rules)
        check_settings(settings, rules)
    except SelectionError as exc:
        _usage(str(exc))
    except ConfigError as exc:
        _usage(f"configuration error in {exc.path}: {exc.key}: {exc.problem}")
    except RegistryError as exc:
        _usage(f"rule registry: {exc}")


@app.command()
def convert(
    path: Annotated[str, typer.Argument(help="Any supported report file.")],
    to: Annotated[str, typer.Option(help="yaml|json|docx|html")] = "yaml",
    output: Annotated[str | None, typer.Option("-o", "--output", help="Output file (default: stdout).")] = None,
    year: Annotated[int | None, typer.Option(help="Report year (overrides detection).")] = None,
    issuer_kind: Annotated[str | None, typer.Option("--issuer-kind", help="government|department")] = None,
) -> None:
    """Convert a report to the canonical form (YAML/JSON) or render it as Word/HTML (转换格式)."""
    from opengov_lint.load import load_report
    from opengov_lint.readers import ReadError
    from opengov_lint.recognise import Overrides

    if to not in ("yaml", "json", "docx", "html"):
        _usage(f"--to must be yaml, json, docx or html (got {to!r})")
    try:
        report = load_report(path, Overrides(year=year, issuer_kind=issuer_kind))
    except ReadError as exc:
        typer.echo(f"{path}: {exc.code} {exc.message_zh} / {exc.message_en}", err=True)
        raise typer.Exit(EXIT_FINDINGS) from None
    if output and os.path.abspath(output) == os.path.abspath(path):
        _usage("refusing to overwrite the input file")
    _write_report(report, to, output)


@app.command("template")
def template_cmd(
    year: Annotated[int, typer.Option(help="Report year: 2019-2020 get the 2019 layout, 2021 on the 2021 layout.")],
    to: Annotated[str, typer.Option(help="yaml|docx|html")] = "yaml",
    output: Annotated[str | None, typer.Option("-o", "--output", help="Output file (default: stdout; docx needs -o).")]
    = None,
    issuer: Annotated[str | None, typer.Option(help="Name of the issuing organ.")] = None,
    issuer_kind: Annotated[str | None, typer.Option("--issuer-kind", help="government|department")] = None,
) -> None:
    """A blank report for a year in the national layout (空白年报模板)."""
    from opengov_lint.authoring.template import build

    if not 2019 <= year <= 2100:
        _usage("--year must be 2019 or later (the 2019 regulation and its report formats)")
    if to not in ("yaml", "json", "docx", "html"):
        _usage(f"--to must be yaml, json, docx or html (got {to!r})")
    if issuer_kind not in (None, "government", "department"):
        _usage("--issuer-kind must be government or department")
    report = build(year, issuer, issuer_kind)
    _write_report(report, to, output)


def _write_report(report: Any, to: str, output: str | None) -> None:
    if to == "docx":
        from opengov_lint.authoring.docx_writer import render as render_docx

        if not output:
            _usage("--to docx needs -o FILE")
        assert output is not None
        atomic_write_bytes(output, render_docx(report))
        return
    if to == "html":
        from opengov_lint.authoring.html_writer import render as render_html

        text = render_html(report)
    else:
        from opengov_lint.canonical.writer import dump_json, dump_yaml

        text = dump_yaml(report) if to == "yaml" else dump_json(report)
    if output:
        atomic_write(output, text)
    else:
        sys.stdout.write(text)


def _fix_docx(path: str, output: str, settings: Any) -> int:
    """`check REPORT.docx --fix -o FIXED.docx`: a fixed copy; the original is never touched."""
    from opengov_lint import engine
    from opengov_lint.authoring.docx_fix import fix_copy
    from opengov_lint.load import load_report
    from opengov_lint.readers import ReadError
    from opengov_lint.recognise import Overrides
    from opengov_lint.run.batch import BatchOptions, run_check
    from opengov_lint.run.worker import build_engine

    if os.path.abspath(output) == os.path.abspath(path):
        _usage("--fix never edits a Word file in place: give another -o for the fixed copy")
    try:
        report = load_report(path, Overrides(year=settings.year, issuer_kind=settings.issuer_kind), fmt="docx")
    except ReadError as exc:
        typer.echo(f"{path}: {exc.code} {exc.message_zh} / {exc.message_en}", err=True)
        return EXIT_FINDINGS
    findings = engine.run(report, build_engine(settings), path)
    with open(path, "rb") as fh:
        result = fix_copy(fh.read(), findings)
    atomic_write_bytes(output, result.data)
    typer.echo(f"已修正 {len(result.applied)} 处，写入 {output}（原文件未改动）", err=True)
    settings.fix = None
    return run_check([output], settings, BatchOptions(progress=False))


@app.command("annotate")
def annotate_cmd(
    path: Annotated[str, typer.Argument(help="The author's Word report (.docx).")],
    output: Annotated[str, typer.Option("-o", "--output", help="The reviewed copy to write (.docx).")],
    config: Annotated[str | None, typer.Option(help="Configuration file.")] = None,
    lang: Annotated[str | None, typer.Option(help="Comment language: zh|en")] = None,
    year: Annotated[int | None, typer.Option(help="Report year (overrides detection).")] = None,
    issuer_kind: Annotated[str | None, typer.Option("--issuer-kind", help="government|department")] = None,
) -> None:
    """A copy of a Word report with a comment at each finding (在 Word 文档中批注问题)."""
    from opengov_lint import engine
    from opengov_lint.authoring.annotate import annotate
    from opengov_lint.config.settings import ConfigError, load_settings
    from opengov_lint.load import load_report
    from opengov_lint.readers import ReadError
    from opengov_lint.recognise import Overrides
    from opengov_lint.run.worker import build_engine

    if not path.lower().endswith(".docx"):
        _usage("annotate works on Word .docx files (convert other formats with `convert --to docx` first)")
    if os.path.abspath(output) == os.path.abspath(path):
        _usage("refusing to overwrite the input file: give another -o")
    try:
        settings = load_settings(config)
    except ConfigError as exc:
        _usage(f"configuration error in {exc.path}: {exc.key}: {exc.problem}")
    settings.lang = lang or settings.lang
    try:
        report = load_report(path, Overrides(year=year or settings.year,
                                             issuer_kind=issuer_kind or settings.issuer_kind), fmt="docx")
    except ReadError as exc:
        typer.echo(f"{path}: {exc.code} {exc.message_zh} / {exc.message_en}", err=True)
        raise typer.Exit(EXIT_FINDINGS) from None
    findings = engine.run(report, build_engine(settings), path)
    with open(path, "rb") as fh:
        result = annotate(fh.read(), report, findings)
    atomic_write_bytes(output, result.data)
    typer.echo(f"已在 {output} 中添加 {len(result.placed)} 条批注" + (
        f"；{len(result.unplaced)} 个问题无法定位到段落或单元格" if result.unplaced else ""), err=True)
    raise typer.Exit(EXIT_FINDINGS if engine.fails(findings, settings.fail_on) else EXIT_OK)


@app.command("aggregate")
def aggregate_cmd(
    paths: Annotated[list[str], typer.Argument(help="The units' reports (files or directories).")],
    output: Annotated[str, typer.Option("-o", "--output", help="Output file (.yaml or .json).")],
    issuer: Annotated[str | None, typer.Option(help="Name of the aggregating organ (e.g. 清河区).")] = None,
    year: Annotated[int | None, typer.Option(help="Report year (default: the units' common year).")] = None,
) -> None:
    """Sum units' tables 二/三/四 into one canonical report (汇总各单位统计表)."""
    from opengov_lint.canonical.writer import dump_json, dump_yaml
    from opengov_lint.crossdoc.aggregate import aggregate
    from opengov_lint.load import load_report
    from opengov_lint.readers import ReadError
    from opengov_lint.recognise import Overrides
    from opengov_lint.run.sources import expand

    units = []
    for p in expand(paths):
        try:
            units.append((p, load_report(p, Overrides(year=year))))
        except ReadError as exc:
            typer.echo(f"{p}: {exc.code} {exc.message_zh}", err=True)
            raise typer.Exit(EXIT_FINDINGS) from None
    if not units:
        _usage("no unit reports found")
    result = aggregate(units, issuer, year)
    if result.layout_conflicts:
        for c in result.layout_conflicts:
            typer.echo(f"拒绝汇总：各单位的表格格式不一致（2019年版与2021年版不能相加）：{c}", err=True)
    for prob in result.problems:
        units_txt = "、".join(f"{u}（{r}）" for u, r in zip(prob.units, prob.raw))
        typer.echo(f"未汇总 {prob.cell}：以下单位该格不是数字，汇总格留空（不按0计算）：{units_txt}", err=True)
    text = dump_json(result.report) if output.endswith(".json") else dump_yaml(result.report)
    atomic_write(output, text)
    typer.echo(f"已汇总 {result.units} 个单位的报告 → {output}" + (
        f"；{len(result.problems)} 个单元格因单位数据空白或非数字未汇总" if result.problems else ""), err=True)
    raise typer.Exit(EXIT_FINDINGS if result.problems or result.layout_conflicts else EXIT_OK)


@app.command("rules")
def rules_cmd(
    output_format: Annotated[str, typer.Option("--output-format", help="text|json")] = "text",
    config: Annotated[str | None, typer.Option(help="Configuration file (for its profile and rule packs).")] = None,
) -> None:
    """List the rules (规则目录), with the rule packs of the configuration."""
    import json

    from opengov_lint.config.settings import ConfigError
    from opengov_lint.knowledge.catalog import profile_rules
    from opengov_lint.registry.info import RegistryError
    from opengov_lint.registry.rules import all_rules

    settings = _settings_or_exit(config)
    prof = profile_rules(settings.profile)
    try:
        rules = all_rules(packs=tuple(settings.packs))
    except (ConfigError, RegistryError) as exc:
        _usage(str(exc))
    rows = [{"code": r.code, "name": r.name, "severity": r.severity, "templates": list(r.templates),
             "default": prof.get(r.code, "on" if not r.builtin else "off") != "off", "summary": r.summary,
             "summary_zh": r.summary_zh, "builtin": r.builtin, "source": r.module} for r in rules]
    if output_format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if output_format != "text":
        _usage("--output-format must be text or json")
    for r in rows:
        typer.echo(f"{r['code']}  {r['name']:<34} {r['severity']:<8} {r['summary_zh']}")


@app.command()
def explain(key: Annotated[str, typer.Argument(help="A rule code (OG301) or name (requests-row-total).")],
            config: Annotated[str | None, typer.Option(help="Configuration file (for its rule packs).")] = None,
            ) -> None:
    """Explain one rule: what, why, examples, how to fix (规则说明) — the text of docs/rules/."""
    from opengov_lint.registry.ruledoc import render
    from opengov_lint.registry.rules import find_rule

    rule = find_rule(key, packs=tuple(_settings_or_exit(config).packs))
    if rule is None:
        _usage(f"unknown rule {key!r}; `opengov-lint rules` lists them")
    assert rule is not None
    typer.echo(render(rule))


def _settings_or_exit(config: str | None) -> Any:
    from opengov_lint.config.settings import ConfigError, load_settings

    try:
        return load_settings(config)
    except ConfigError as exc:
        _usage(f"configuration error in {exc.path}: {exc.key}: {exc.problem}")

