"""What every command shares: exit codes, the usage error, option lists, loading the configuration."""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import typer

from opengov_lint.config.choices import values
from opengov_lint.run import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from opengov_lint.config.settings import Settings
    from opengov_lint.model import Report

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "choose", "load_or_exit", "settings_or_exit", "split", "usage",
           "writable_or_exit", "write_or_exit"]


def usage(message: str) -> NoReturn:
    typer.echo(f"opengov-lint: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def choose(option: str, value: str | None, kind: object) -> None:
    """Refuse a value outside the option's choices (config.choices) with exit 2."""
    allowed = values(kind)
    if value is not None and value not in allowed:
        usage(f"{option} must be {', '.join(allowed[:-1])} or {allowed[-1]} (got {value!r})")


def split(values_: list[str] | None) -> list[str]:
    """`--select OG1,OG2 --select OG3` -> [OG1, OG2, OG3]."""
    out: list[str] = []
    for v in values_ or []:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def settings_or_exit(config: str | None) -> Settings:
    from opengov_lint.config.settings import ConfigError, load_settings

    try:
        return load_settings(config)
    except ConfigError as exc:
        usage(f"configuration error in {exc.path}: {exc.key}: {exc.problem}")


def load_or_exit(path: str, year: int | None = None, issuer_kind: str | None = None, fmt: str | None = None) -> Report:
    """load_report for a command that works on one file: a file that cannot be read is exit 1 with the reason."""
    from opengov_lint.load import load_report
    from opengov_lint.readers import ReadError
    from opengov_lint.recognise import Overrides

    try:
        return load_report(path, Overrides(year=year, issuer_kind=issuer_kind), fmt=fmt)
    except ReadError as exc:
        typer.echo(f"{path}: {exc.code} {exc.message_zh} / {exc.message_en}", err=True)
        raise typer.Exit(EXIT_FINDINGS) from None


def exit_for(failed: bool) -> NoReturn:
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


def writable_or_exit(output: str | None, inputs: list[str] | tuple[str, ...] = (), what: str = "output file") -> None:
    """Exit 2 before anything is written when OUTPUT would destroy data (fsutil.check_output): an input,
    a device or other non-regular file, a file with several hard links, a folder that does not exist."""
    if not output or output == "-":
        return
    from opengov_lint.fsutil import UnsafeOutput, check_output

    try:
        check_output(output, inputs, what)
    except UnsafeOutput as exc:
        usage(str(exc))


def write_or_exit(output: str, data: bytes | str) -> None:
    """Write OUTPUT whole (or not at all); a write that fails (a full disk, no permission) is exit 2."""
    from opengov_lint.fsutil import UnsafeOutput, atomic_write_bytes

    try:
        atomic_write_bytes(output, data.encode("utf-8") if isinstance(data, str) else data)
    except UnsafeOutput as exc:
        usage(str(exc))
    except OSError as exc:
        usage(f"cannot write {output}: {exc.strerror or exc}; nothing was written")
