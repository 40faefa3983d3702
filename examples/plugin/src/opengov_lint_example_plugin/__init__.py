"""Example opengov-lint plugin (see pyproject.toml): rule EX101 signature-missing."""
