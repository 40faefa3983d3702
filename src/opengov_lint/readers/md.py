"""Markdown placeholder (replaced below)."""
from opengov_lint.readers.txt import read  # noqa: F401
