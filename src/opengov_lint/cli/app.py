"""The command line: one typer app; each command lives in its own module and only parses options,
builds settings and calls run/ or authoring/.

click builds every registered command's parser from its signature on every start, so `build()` registers
only the command the arguments name (`opengov-lint check ...` imports and converts only `check`); help,
an unknown command and the tests (`app`) get every command.

`opengov-lint --version` is answered by cli.entry before this module is imported; heavy modules are
imported inside the commands that need them."""

from __future__ import annotations

from typing import Annotated

import typer

# command -> (module in opengov_lint.cli, function), in the order `--help` lists them
COMMANDS = {
    "check": ("check", "check"),
    "convert": ("authoring", "convert"),
    "template": ("authoring", "template"),
    "annotate": ("authoring", "annotate"),
    "aggregate": ("aggregate", "aggregate"),
    "crawl": ("crawl", "crawl"),
    "notice": ("notice", "notice"),
    "rules": ("catalog", "rules"),
    "explain": ("catalog", "explain"),
    "serve": ("serve", "serve"),
}


def _version(value: bool) -> None:
    if value:
        from opengov_lint import __version__

        typer.echo(f"opengov-lint {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """opengov-lint"""


def build(argv: list[str] | None = None) -> typer.Typer:
    """The app with the one command argv starts with, or with every command (help, a typo, no argv)."""
    import importlib

    names = [argv[0]] if argv and argv[0] in COMMANDS else list(COMMANDS)
    app = typer.Typer(
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,  # plain help: `--help` must not import rich (start-up of hooks and scripts)
        no_args_is_help=True,
        help="opengov-lint：政府信息公开工作年度报告合规检查工具 (a linter for government information-disclosure "
             "annual reports).",
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root)
    for name in names:
        module, func = COMMANDS[name]
        app.command(name)(getattr(importlib.import_module(f"opengov_lint.cli.{module}"), func))
    return app


def __getattr__(name: str) -> typer.Typer:
    """`app`: every command (tests, documentation), built on first use."""
    if name == "app":
        globals()["app"] = full = build()
        return full
    raise AttributeError(name)
