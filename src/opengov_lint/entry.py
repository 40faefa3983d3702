"""Console entry point, kept tiny: `--version` is answered without importing typer or anything else."""

from __future__ import annotations

import sys


def main() -> None:
    argv = sys.argv[1:]
    if argv in (["--version"], ["-V"]):
        from opengov_lint import __version__

        sys.stdout.write(f"opengov-lint {__version__}\n")
        return
    from opengov_lint.cli import app

    app(prog_name="opengov-lint")
