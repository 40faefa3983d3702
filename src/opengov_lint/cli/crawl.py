"""`opengov-lint crawl URL...`: audit what is published. Follow each column's list pages, keep the annual
reports found there (run/crawl.py) and check them as one batch with the options of `check` (the same
`settings_from`, outputs and exit codes; cross-year rules across the years found)."""

from __future__ import annotations

import inspect
import os
import sys
import tempfile
from typing import Annotated, Any

import typer

from opengov_lint.cli import check as check_cli
from opengov_lint.cli.common import choose, usage
from opengov_lint.config.choices import Color

# `check` options that make no sense for reports found on the web (folder globs, stdin, fixing files in place,
# one --year for every report, a remote cluster that cannot see the local copies, file lists and the results cache
# that URLs never use)
_NOT_FOR_CRAWL = ("paths", "from_list", "include", "exclude", "stdin_format", "fix", "diff", "year", "executor",
                  "scheduler", "from_failed", "no_cache")


def crawl(
    urls: Annotated[list[str] | None, typer.Argument(help="Column (list page) URLs of annual reports.")] = None,
    from_list: Annotated[str | None, typer.Option(
        "--from-list", help="A file of column URLs, one per line, optionally URL<TAB>unit name (the issuer).")]
    = None,
    years: Annotated[str | None, typer.Option(help="Only reports of these years: 2024 or 2023-2025.")] = None,
    save: Annotated[str | None, typer.Option(
        help="Keep what was fetched in DIR (each file with a NAME.source.json sidecar); `check DIR` later.")]
    = None,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", help="Another host the crawl may visit (attachments on a file server).")] = None,
    delay: Annotated[float, typer.Option(help="Seconds between two requests to one host.")] = 1.0,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Requests per site at most.")] = 200,
    **options: Any,
) -> None:
    """Find and check the reports a site publishes (抓取并检查网站公开的年度报告)."""
    from opengov_lint.run import EXIT_USAGE
    from opengov_lint.run.crawl import parse_years, read_columns

    if options.get("debug"):
        os.environ["OPENGOV_LINT_DEBUG"] = "1"
    settings = check_cli.settings_from(options)
    check_cli.validate(settings)
    choose("--color", options.get("color") or "auto", Color)
    if not delay >= 0 or delay > 3600:
        usage(f"--delay must be between 0 and 3600 seconds (got {delay})")
    if max_pages < 1:
        usage(f"--max-pages must be at least 1 (got {max_pages})")
    try:
        span = parse_years(years) if years else None
    except ValueError as exc:
        usage(str(exc))
    columns = _columns(urls, from_list, read_columns)
    if not columns:
        usage("give at least one column URL (or --from-list FILE)")
    temp = None if save else tempfile.TemporaryDirectory(prefix="opengov-lint-crawl-")
    folder = save or temp.name  # type: ignore[union-attr]
    try:
        code = _crawl_and_check(columns, folder, settings, options, span, bool(save),
                                {"allow_hosts": tuple(allow_host or ()), "delay": delay, "max_pages": max_pages})
    finally:
        if temp is not None:
            temp.cleanup()
    raise typer.Exit(code if code is not None else EXIT_USAGE)


def _columns(urls: list[str] | None, from_list: str | None, read: Any) -> list[Any]:
    from opengov_lint.run.crawl import Column
    from opengov_lint.run.sources import is_url

    columns = [Column(u) for u in urls or []]
    if from_list:
        try:
            columns += read(from_list)
        except (OSError, ValueError) as exc:
            usage(f"cannot read the list file {from_list}: {getattr(exc, 'strerror', None) or exc}")
    for c in columns:
        if not is_url(c.url):
            usage(f"not an http(s) URL: {c.url}")
    return columns


def _crawl_and_check(columns: list[Any], folder: str, settings: Any, options: dict[str, Any],
                     span: tuple[int, int] | None, saving: bool, polite: dict[str, Any]) -> int | None:
    from opengov_lint.readers import DEFAULT_MAX_BYTES
    from opengov_lint.run.batch import run_check
    from opengov_lint.run.crawl import Crawler, CrawlOptions, write_manifest
    from opengov_lint.run.manifest import Entry

    max_bytes = int(settings.limits.get("max_bytes") or settings.max_bytes or DEFAULT_MAX_BYTES)
    timeout = min(float(settings.timeout or 20.0), 60.0)
    crawler = Crawler(CrawlOptions(folder=folder, years=span, max_bytes=max_bytes, timeout=timeout,
                                   allow_private=settings.allow_private_urls, **polite),
                      say=None if options.get("quiet") else _column_line(settings.lang))
    found = crawler.crawl(columns)
    _tell(crawler, settings.lang)
    if saving:
        write_manifest(found, folder)
    if not found:
        sys.stderr.write("opengov-lint crawl：未找到可检查的年度报告\n" if settings.lang == "zh" else
                         "opengov-lint crawl: no annual reports found to check\n")
        return None
    settings.copies = {f.url: f.file for f in found}
    settings.manifest = {**{f.url: Entry(issuer=f.unit) for f in found if f.unit}, **settings.manifest}
    full = {**dict.fromkeys(_NOT_FOR_CRAWL), **options}
    return run_check(list(settings.copies), settings, check_cli.batch_options(full, settings))


def _column_line(lang: str) -> Any:
    def say(url: str, pages: int, reports: int, skipped: int) -> None:
        other = (f"，另有 {skipped} 份不在 --years 范围内" if lang == "zh" else f", {skipped} outside --years") \
            if skipped else ""
        sys.stderr.write(f"opengov-lint crawl: {url}：列表页 {pages} 个，年度报告链接 {reports} 个{other}\n" if lang == "zh"
                         else f"opengov-lint crawl: {url}: {pages} list page(s), {reports} report link(s){other}\n")
    return say


def _tell(crawler: Any, lang: str) -> None:
    """What the crawl skipped and why (stderr), then what it found."""
    zh = lang == "zh"
    for note in crawler.notes:
        sys.stderr.write(f"opengov-lint crawl: {note.url}: {note.zh if zh else note.en}\n")
    n = len(crawler.found)
    sys.stderr.write(f"opengov-lint crawl：请求 {crawler.requests} 次，找到年度报告 {n} 份\n" if zh else
                     f"opengov-lint crawl: {crawler.requests} request(s), {n} annual report(s) found\n")


def _with_check_options() -> None:
    """crawl takes the options of `check` (one definition: cli/check.py) after its own."""
    own = [p for p in inspect.signature(crawl, eval_str=True).parameters.values() if p.kind != p.VAR_KEYWORD]
    names = {p.name for p in own}
    shared = [p for p in inspect.signature(check_cli.check, eval_str=True).parameters.values()
              if p.name not in _NOT_FOR_CRAWL and p.name not in names]
    params = own + [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in shared]
    crawl.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    crawl.__annotations__ = {p.name: p.annotation for p in params}


_with_check_options()
