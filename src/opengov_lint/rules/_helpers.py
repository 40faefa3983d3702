"""Shared helpers for rule modules, kept for rules and plugins written against this module: everything
now lives in `opengov_lint.rules.support`, one module per family (see its docstring). New code imports
from there."""

from __future__ import annotations

from opengov_lint.rules.support.arithmetic import (
    Term,
    check_relations,
    relation_hit,
    relation_members,
    sum_text,
)
from opengov_lint.rules.support.citations import caption_item_of, citations, cites_regulation, regulation_kind
from opengov_lint.rules.support.dates import report_date
from opengov_lint.rules.support.locations import (
    cell_location,
    citation_location,
    diagnostic_hits,
    heading_location,
    paragraph_location,
    unit_location,
)
from opengov_lint.rules.support.numbers import plain_number
from opengov_lint.rules.support.readings import (
    Reading,
    judge_count,
    read_target,
    requests_reliable,
    target_label,
)
from opengov_lint.rules.support.template import (
    TABLE_NAMES,
    TABLE_SHORT,
    col_label,
    empty_content,
    iter_cells,
    layout,
    row_label,
    section_heading,
    section_title,
    spec,
    table_section,
)
from opengov_lint.rules.support.text import memo, text_units

__all__ = [
    "TABLE_NAMES", "TABLE_SHORT", "Reading", "Term", "caption_item_of", "cell_location", "check_relations",
    "citation_location", "citations", "cites_regulation", "col_label", "diagnostic_hits", "empty_content",
    "heading_location", "iter_cells", "judge_count", "layout", "memo", "paragraph_location", "plain_number",
    "read_target", "regulation_kind", "relation_hit", "relation_members", "report_date", "requests_reliable",
    "row_label", "section_heading", "section_title", "spec", "sum_text", "table_section", "target_label",
    "text_units", "unit_location",
]
