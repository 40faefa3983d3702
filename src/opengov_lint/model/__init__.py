"""The typed model: a faithful Document (what a reader saw) and a recognised Report (what it means).

This package imports nothing else from opengov_lint, so every layer can depend on it."""

from opengov_lint.model.batch import Batch, ReportSummary
from opengov_lint.model.document import Cell, Document, Paragraph, Table
from opengov_lint.model.report import (
    ISSUER_KINDS,
    Caption,
    CellKind,
    Diagnostic,
    ExtraHeading,
    LabelVariant,
    Meta,
    Report,
    RowInfo,
    Section,
    Suppression,
    TableData,
    TypedCell,
)

__all__ = [
    "ISSUER_KINDS",
    "Batch",
    "Caption",
    "Cell",
    "CellKind",
    "Diagnostic",
    "Document",
    "ExtraHeading",
    "LabelVariant",
    "Meta",
    "Paragraph",
    "Report",
    "ReportSummary",
    "RowInfo",
    "Section",
    "Suppression",
    "Table",
    "TableData",
    "TypedCell",
]
