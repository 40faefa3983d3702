"""The command line: one typer app; each command lives in its own module and only parses options,
builds settings and calls run/ or authoring/.

`opengov-lint --version` is answered by cli.entry before this module is imported; heavy modules are
imported inside the commands that need them."""

from __future__ import annotations

from typing import Annotated

import typer

from opengov_lint.cli import aggregate, authoring, catalog, check, crawl, notice, serve

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: `--help` must not import rich (start-up of hooks and scripts)
    no_args_is_help=True,
    help="opengov-lint：政府信息公开工作年度报告合规检查工具 (a linter for government information-disclosure "
         "annual reports).",
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


app.command("check")(check.check)
app.command("convert")(authoring.convert)
app.command("template")(authoring.template)
app.command("annotate")(authoring.annotate)
app.command("aggregate")(aggregate.aggregate)
app.command("crawl")(crawl.crawl)
app.command("notice")(notice.notice)
app.command("rules")(catalog.rules)
app.command("explain")(catalog.explain)
app.command("serve")(serve.serve)
