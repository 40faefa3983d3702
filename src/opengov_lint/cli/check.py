"""`opengov-lint check`: options -> settings (in one place, `settings_from`), then the batch run."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated, Any

import typer

from opengov_lint.cli.common import split, usage
from opengov_lint.config.choices import Color, Executor, FailOn, IssuerKind, Lang, OutputFormat, bar

if TYPE_CHECKING:
    from opengov_lint.config.settings import Settings
    from opengov_lint.run.batch import BatchOptions

Paths = Annotated[list[str] | None, typer.Argument(help="Files, directories (recursive), URLs or - for stdin.")]
Codes = Annotated[list[str] | None, typer.Option(help="Rule codes, prefixes (OG3), names or all.")]


def check(
    paths: Paths = None,
    select: Codes = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Rules to skip.")] = None,
    extend_select: Annotated[list[str] | None, typer.Option("--extend-select", help="Rules to add.")] = None,
    fail_on: Annotated[str | None, typer.Option("--fail-on", help=bar(FailOn))] = None,
    output_format: Annotated[str | None, typer.Option("--output-format", help=bar(OutputFormat))] = None,
    output: Annotated[str | None, typer.Option("-o", "--output", help="Write the report to this file.")] = None,
    lang: Annotated[str | None, typer.Option(help=f"Message language: {bar(Lang)}")] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes (default: all cores).")] = None,
    config: Annotated[str | None, typer.Option(help="Configuration file.")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Counts per rule and per file.")] = False,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No progress bar.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the summary.")] = False,
    show_all: Annotated[bool, typer.Option("--show-all", help="Text output: every finding (by default the first "
                                           "5 of each rule per report, then 'and N more').")] = False,
    year: Annotated[int | None, typer.Option(help="Report year (overrides detection).")] = None,
    issuer_kind: Annotated[str | None, typer.Option("--issuer-kind", help=bar(IssuerKind))] = None,
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
    executor: Annotated[str, typer.Option(help=f"{bar(Executor)}: processes on this machine, or a Dask cluster.")]
    = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address for --executor dask.")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes to .txt/.md/.yaml/.json reports.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Show the safe fixes as a diff; change nothing.")] = False,
    baseline: Annotated[str | None, typer.Option("--baseline", help="Report only findings not in this baseline.")]
    = None,
    write_baseline: Annotated[str | None, typer.Option("--write-baseline",
                                                       help="Accept every current finding: write them to FILE.")]
    = None,
    allow_private_urls: Annotated[bool, typer.Option(
        "--allow-private-urls", help="Fetch URLs that resolve to loopback, private or link-local addresses.")] = False,
    color: Annotated[str, typer.Option("--color", help=f"{bar(Color)}: colours in the text output (auto: on a "
                                                       "terminal, FORCE_COLOR/NO_COLOR honoured).")] = "auto",
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Check every file again, ignoring the results cache.")]
    = False,
    from_failed: Annotated[str | None, typer.Option("--from-failed", help="Re-check only the files with findings in "
                                                                          "this JSON output of an earlier run.")]
    = None,
) -> None:
    """Check reports (检查年度报告)."""
    options = dict(locals())
    if debug:
        os.environ["OPENGOV_LINT_DEBUG"] = "1"
    settings = settings_from(options)
    if fix and output and paths and len(paths) == 1 and paths[0].lower().endswith(".docx"):
        from opengov_lint.cli.authoring import fix_docx

        raise typer.Exit(fix_docx(paths[0], output, settings))
    validate(settings)
    from opengov_lint.cli.common import choose

    choose("--color", color, Color)
    from opengov_lint.run.batch import run_check

    raise typer.Exit(run_check(_paths(paths, from_list, from_failed, settings.fail_on), settings, batch_options(options, settings)))


# command-line option -> settings field, for options that simply replace the configured value
_REPLACE = ("fail_on", "lang", "output_format", "year", "issuer_kind", "baseline", "timeout", "executor",
            "scheduler")


def settings_from(options: dict[str, Any]) -> Settings:
    """The configuration file, then the command line on top: the one place options meet settings."""
    from opengov_lint.cli.common import settings_or_exit

    settings = settings_or_exit(options.get("config"))
    if options.get("select"):
        settings.select = split(options["select"])
    settings.ignore += split(options.get("ignore"))
    settings.extend_select += split(options.get("extend_select"))
    for name in _REPLACE:
        if options.get(name) is not None:
            setattr(settings, name, options[name])
    settings.fix = "diff" if options.get("diff") else ("apply" if options.get("fix") else None)
    settings.show_all = bool(options.get("show_all")) or settings.show_all  # a flag: it can only switch on
    if options.get("manifest"):
        settings.manifest = _manifest(options["manifest"])
    settings.allow_private_urls = bool(options.get("allow_private_urls")) or settings.allow_private_urls
    return settings


def batch_options(options: dict[str, Any], settings: Settings) -> BatchOptions:
    from opengov_lint.run.batch import BatchOptions

    return BatchOptions(output=options["output"], jobs=options["jobs"] or settings.jobs,
                        statistics=options["statistics"], quiet=options["quiet"],
                        stdin_format=options["stdin_format"], include=list(options["include"] or []),
                        exclude=list(options["exclude"] or []), progress=not options["no_progress"],
                        write_baseline=options["write_baseline"], color=options.get("color") or "auto",
                        cache=not options.get("no_cache"),
                        settings_for=None if options.get("config") else _nearest(options))


def _nearest(options: dict[str, Any]) -> Any:
    """Settings for a file whose nearest configuration is `path` (the command line on top), validated."""
    def make(path: str) -> Settings:
        settings = settings_from({**options, "config": path})
        validate(settings)
        return settings

    return make


def validate(settings: Settings) -> None:
    """Choices, year range, executor, and the rule selection against the registry: exit 2 on any problem."""
    from opengov_lint.cli.common import choose

    choose("--fail-on", settings.fail_on, FailOn)
    choose("--lang", settings.lang, Lang)
    choose("--output-format", settings.output_format, OutputFormat)
    choose("--issuer-kind", settings.issuer_kind, IssuerKind)
    choose("--executor", settings.executor, Executor)
    if settings.year is not None and not 2008 <= settings.year <= 2100:
        usage(f"--year must be a report year such as 2024 (got {settings.year})")
    if settings.executor == "dask" and not settings.scheduler:
        usage("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    if settings.executor == "dask":
        import importlib.util

        if importlib.util.find_spec("distributed") is None:
            usage("--executor dask needs the `distributed` package: pip install 'opengov-lint[dask]'")
    _validate_timeout(settings.timeout)
    _validate_rules(settings)


def _validate_timeout(timeout: float | None) -> None:
    import math

    if timeout is not None and not (math.isfinite(timeout) and 0 < timeout <= 86400):
        usage(f"--timeout must be a number of seconds above 0 and at most 86400 (got {timeout})")


def _validate_rules(settings: Settings) -> None:
    from opengov_lint.config.settings import ConfigError
    from opengov_lint.engine import SelectionError, validate_keys
    from opengov_lint.registry.info import RegistryError
    from opengov_lint.registry.rules import all_rules
    from opengov_lint.run.session import check_settings

    try:
        rules = all_rules(packs=tuple(settings.packs))
        validate_keys((settings.select or []) + settings.ignore + settings.extend_select + list(settings.severity),
                      rules)
        check_settings(settings, rules)
    except SelectionError as exc:
        usage(str(exc))
    except ConfigError as exc:
        usage(f"configuration error in {exc.path}: {exc.key}: {exc.problem}")
    except RegistryError as exc:
        usage(f"rule registry: {exc}")


def _manifest(path: str) -> dict[str, Any]:
    from opengov_lint.run.manifest import ManifestError, load

    try:
        return load(path)
    except (ManifestError, OSError) as exc:
        usage(f"manifest error: {exc}")


def _paths(paths: list[str] | None, from_list: str | None, from_failed: str | None = None,
           fail_on: str = "error") -> list[str]:
    out = list(paths or [])
    if from_failed:
        from opengov_lint.run.sources import failed_paths

        try:
            out += failed_paths(from_failed, fail_on)
        except (OSError, ValueError) as exc:
            usage(f"cannot read the findings file {from_failed}: {exc}")
    if from_list:
        from opengov_lint.run.sources import read_list

        try:
            out += read_list(from_list)
        except OSError as exc:
            usage(f"cannot read the list file {from_list}: {exc.strerror or exc}")
        except ValueError as exc:  # not UTF-8 (a GBK list saved by a Chinese Windows editor)
            usage(f"cannot read the list file: {exc}")
    return out
