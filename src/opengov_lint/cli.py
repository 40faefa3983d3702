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


def atomic_write(path: str, text: str) -> None:
    """Write a whole output file or nothing: temp file in the same folder, then rename."""
    import tempfile

    directory = os.path.dirname(os.path.abspath(path)) or "."
    fd, tmp = tempfile.mkstemp(prefix=".opengov-lint-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or - for stdin.")],
    select: Annotated[list[str] | None, typer.Option(help="Rules to run: codes, prefixes (OG3), names or all.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Rules to skip.")] = None,
    extend_select: Annotated[list[str] | None, typer.Option("--extend-select", help="Rules to add.")] = None,
    fail_on: Annotated[str | None, typer.Option("--fail-on", help="error|warning|info|never")] = None,
    output_format: Annotated[str | None, typer.Option("--output-format",
                                                      help="text|json|jsonl|sarif|junit|github")] = None,
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
    baseline: Annotated[str | None, typer.Option("--baseline", help="Report only findings not in this baseline.")]
    = None,
    write_baseline: Annotated[str | None, typer.Option("--write-baseline",
                                                       help="Accept every current finding: write them to FILE.")]
    = None,
) -> None:
    """Check reports (检查年度报告)."""
    from opengov_lint.config import ConfigError, load_settings

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
    _validate_choices(settings)
    _run_check(paths, settings, output, jobs or settings.jobs, statistics, quiet, stdin_format, write_baseline)


def _validate_choices(settings: Any) -> None:
    from opengov_lint.engine import SelectionError, validate_keys
    from opengov_lint.registry import all_rules
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
    from opengov_lint.config import ConfigError
    from opengov_lint.registry import RegistryError
    from opengov_lint.session import check_settings

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


def _run_check(paths: list[str], settings: Any, output: str | None, jobs: int | None, statistics: bool,
               quiet: bool, stdin_format: str | None, write_baseline: str | None = None) -> None:
    import io

    from opengov_lint import engine
    from opengov_lint.reporters import get_reporter
    from opengov_lint.runner import STDIN, check_one, expand, init_worker, run_batch
    from opengov_lint.session import RunHooks, rules_for

    try:
        hooks = RunHooks(settings, settings.baseline, write_baseline)
    except ValueError as exc:  # the baseline cannot be read
        _usage(str(exc))
    files = [f for f in expand(paths) if hooks.keep(f)]
    if not files:
        _usage("no report files found in the given paths")
    buf: Any = io.StringIO() if output else sys.stdout
    color = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    reporter = get_reporter(settings.output_format, buf, lang=settings.lang, color=color, quiet=quiet,
                            statistics=statistics, rules=rules_for(settings))
    failed = False
    reporter.start()
    if STDIN in files:
        init_worker(settings)
        result = hooks.result(check_one("<stdin>", sys.stdin.buffer.read(), stdin_format))
        failed |= engine.fails(result.findings, settings.fail_on)
        reporter.file(result)
        files = [f for f in files if f != STDIN]
    n_jobs = max(1, jobs or os.cpu_count() or 1)
    for result in run_batch(files, settings, min(n_jobs, max(1, len(files)))):
        result = hooks.result(result)
        failed |= engine.fails(result.findings, settings.fail_on)
        reporter.file(result)
    for result in hooks.tail():
        failed |= engine.fails(result.findings, settings.fail_on)
        reporter.file(result)
    reporter.finish()
    if output:
        atomic_write(output, buf.getvalue())
    note = hooks.finish()
    if note:
        typer.echo(f"opengov-lint: {note}", err=True)
        failed = False
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


@app.command()
def convert(
    path: Annotated[str, typer.Argument(help="Any supported report file.")],
    to: Annotated[str, typer.Option(help="yaml|json")] = "yaml",
    output: Annotated[str | None, typer.Option("-o", "--output", help="Output file (default: stdout).")] = None,
    year: Annotated[int | None, typer.Option(help="Report year (overrides detection).")] = None,
    issuer_kind: Annotated[str | None, typer.Option("--issuer-kind", help="government|department")] = None,
) -> None:
    """Convert a report to the canonical structured form (转换为结构化 YAML/JSON)."""
    from opengov_lint.canonical import dump_json, dump_yaml
    from opengov_lint.model import Report
    from opengov_lint.readers import ReadError, read_path
    from opengov_lint.recognise import Overrides, recognise

    if to not in ("yaml", "json"):
        _usage(f"--to must be yaml or json (got {to!r})")
    try:
        doc = read_path(path)
    except ReadError as exc:
        typer.echo(f"{path}: {exc.code} {exc.message_zh} / {exc.message_en}", err=True)
        raise typer.Exit(EXIT_FINDINGS) from None
    report = doc if isinstance(doc, Report) else recognise(doc, Overrides(year=year, issuer_kind=issuer_kind))
    text = dump_yaml(report) if to == "yaml" else dump_json(report)
    if output:
        if os.path.abspath(output) == os.path.abspath(path):
            _usage("refusing to overwrite the input file")
        atomic_write(output, text)
    else:
        sys.stdout.write(text)


@app.command("rules")
def rules_cmd(
    output_format: Annotated[str, typer.Option("--output-format", help="text|json")] = "text",
    config: Annotated[str | None, typer.Option(help="Configuration file (for its profile and rule packs).")] = None,
) -> None:
    """List the rules (规则目录), with the rule packs of the configuration."""
    import json

    from opengov_lint.config import ConfigError
    from opengov_lint.knowledge import profile_rules
    from opengov_lint.registry import RegistryError, all_rules

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
    from opengov_lint.registry import find_rule
    from opengov_lint.ruledoc import render

    rule = find_rule(key, packs=tuple(_settings_or_exit(config).packs))
    if rule is None:
        _usage(f"unknown rule {key!r}; `opengov-lint rules` lists them")
    assert rule is not None
    typer.echo(render(rule))


def _settings_or_exit(config: str | None) -> Any:
    from opengov_lint.config import ConfigError, load_settings

    try:
        return load_settings(config)
    except ConfigError as exc:
        _usage(f"configuration error in {exc.path}: {exc.key}: {exc.problem}")


def main() -> None:
    from opengov_lint.entry import main as entry_main

    entry_main()
