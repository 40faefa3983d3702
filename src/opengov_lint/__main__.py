"""`python -m opengov_lint` is the same as the `opengov-lint` command."""

from opengov_lint.cli.entry import main

if __name__ == "__main__":  # pragma: no cover - exercised through subprocess tests
    main()
