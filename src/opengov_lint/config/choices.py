"""The values an option may take, defined once: the config schema, the command line and its help use these.

Kept free of pydantic and typer so that checking one file does not import them."""

from __future__ import annotations

from typing import Literal, get_args

FailOn = Literal["error", "warning", "info", "never"]
Lang = Literal["zh", "en"]
IssuerKind = Literal["government", "department", "subdistrict", "agency"]  # = model.ISSUER_KINDS
OutputFormat = Literal["text", "json", "jsonl", "sarif", "junit", "github", "csv", "xlsx", "html", "concise",
                       "gitlab"]
Color = Literal["auto", "always", "never"]
Executor = Literal["local", "dask"]
ReportFormat = Literal["yaml", "json", "docx", "html"]  # what convert/template write


def values(kind: object) -> tuple[str, ...]:
    return tuple(get_args(kind))


def bar(kind: object) -> str:
    """`a|b|c`, for help texts."""
    return "|".join(values(kind))
