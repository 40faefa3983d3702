"""One recogniser for every format: Document -> Report (sections, tables 二/三/四, meta)."""

from opengov_lint.recognise.core import Overrides, recognise

__all__ = ["Overrides", "recognise"]
