"""Console entry point, kept tiny: `--version` is answered without importing typer or anything else."""

from __future__ import annotations

import sys


def main() -> None:
    argv = sys.argv[1:]
    if argv in (["--version"], ["-V"]):
        from opengov_lint import __version__

        sys.stdout.write(f"opengov-lint {__version__}\n")
        return
    import signal

    from opengov_lint.cli import patterns

    patterns.load()  # before anything compiles a regular expression
    try:
        from opengov_lint.cli.app import build

        build(argv)(prog_name="opengov-lint")
    except SystemExit as exc:
        # the work is done and its output written: a late Ctrl-C must not turn a clean exit into a
        # traceback while the interpreter shuts the worker pool down
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if exc.code not in (130, 143):  # an interrupted run leaves at once
            patterns.save()
        raise
    except KeyboardInterrupt:  # Ctrl-C before or after a batch's own handler: no traceback, exit 130
        sys.stderr.write("\nopengov-lint: interrupted\n")
        sys.exit(130)
