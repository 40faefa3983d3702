"""What a person reads instead of ids: the template's own wording of tables, rows and columns (from
the layout YAML), 第一部分… for sections, a short Chinese title per rule (rules/titles.yaml), and the
order an office reads findings in (severity first, then the template's order: section, table, row,
column). English only with `--lang en`; machine formats keep the ids and add these as new keys."""

from __future__ import annotations

import functools
from typing import Any

from opengov_lint.findings import SEVERITY_RANK, Finding

TABLE_ZH = {"active_disclosure": "表二", "requests": "表三", "review_litigation": "表四"}
TABLE_EN = {"active_disclosure": "table 二", "requests": "table 三", "review_litigation": "table 四"}
TABLE_ORDER = {"active_disclosure": 2, "requests": 3, "review_litigation": 4}
SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def section_label(n: int | None, lang: str = "zh") -> str:
    if not n:
        return ""
    from opengov_lint.recognise.text import int_to_cn

    return f"第{int_to_cn(n)}部分" if lang == "zh" else f"section {n}"


def table_label(table: str | None, lang: str = "zh") -> str:
    if not table:
        return ""
    return (TABLE_ZH if lang == "zh" else TABLE_EN).get(table, table)


def row_label(table: str | None, row: str | None, template: str | None = None) -> str:
    if not (table and row):
        return ""
    from opengov_lint.knowledge.catalog import row_label as lookup

    return lookup(table, str(template or "2021"), row)


def column_label(table: str | None, column: str | None, row: str | None = None, template: str | None = None) -> str:
    if not (table and column):
        return ""
    from opengov_lint.knowledge.catalog import column_label as lookup

    return lookup(table, str(template or "2021"), column, row)


@functools.cache
def _titles() -> dict[str, str]:
    from opengov_lint.knowledge.catalog import load_yaml_resource

    return {str(k): str(v) for k, v in (load_yaml_resource("titles.yaml").get("titles") or {}).items()}


def rule_title(code: str, name: str, lang: str = "zh", summary_zh: str | None = None) -> str:
    """The short Chinese title of a rule (English: its kebab-case name). A rule without an entry in
    titles.yaml (a plugin or pack rule) gets the first clause of its Chinese summary."""
    if lang != "zh":
        return name
    title = _titles().get(code)
    if title:
        return title
    if summary_zh:
        first = summary_zh.replace("。", "，").split("，")[0].strip()
        return first[:30] or name
    return name


def labels(f: Finding, template: str | None = None) -> dict[str, str]:
    """The `labels` object of the machine formats: the Chinese wording of each located element."""
    loc = f.location
    return {"rule": rule_title(f.code, f.name), "severity": SEV_ZH.get(f.severity, f.severity),
            "section": section_label(loc.section), "table": table_label(loc.table),
            "row": row_label(loc.table, loc.row, template),
            "column": column_label(loc.table, loc.column, loc.row, template)}


@functools.cache
def _row_index(table: str, template: str, row: str) -> int:
    from opengov_lint.knowledge.catalog import layouts

    lays = layouts()
    for lay in ([lays[template]] if template in lays else []) + list(lays.values()):
        spec = lay.tables.get(table)
        if spec is None:
            continue
        for i, r in enumerate(spec.rows):
            if r.path == row:
                return i
    return 999


@functools.cache
def _column_index(table: str, template: str, column: str) -> int:
    from opengov_lint.knowledge.catalog import layouts

    lays = layouts()
    for lay in ([lays[template]] if template in lays else []) + list(lays.values()):
        spec = lay.tables.get(table)
        if spec is None:
            continue
        cols = list(spec.columns) + [c for r in spec.rows for c in r.columns]
        for i, c in enumerate(cols):
            if c.id == column:
                return i
    return 999


def order_key(f: Finding, template: str | None = None) -> tuple[Any, ...]:
    """Severity (errors first), then the template's order: section, table, row, column; then the
    position in the file and the code, so the order is total and stable."""
    loc = f.location
    tpl = str(template or "2021")
    section = loc.section or (TABLE_ORDER.get(loc.table or "", 0) if loc.table else 0)
    row = _row_index(loc.table, tpl, loc.row) if loc.table and loc.row else -1
    col = _column_index(loc.table, tpl, loc.column) if loc.table and loc.column else -1
    return (-SEVERITY_RANK.get(f.severity, 0), section or 99, TABLE_ORDER.get(loc.table or "", 0), row, col,
            loc.page or 0, loc.line or 0, f.code)


def where(f: Finding, lang: str = "zh", template: str | None = None) -> str:
    """Where to look, in words: 第3页 · 第12行 · 第三部分 · 表三 · 行“（二）部分公开” · 列“自然人”."""
    loc = f.location
    zh = lang == "zh"
    parts: list[str] = []
    if loc.page:
        parts.append(f"第{loc.page}页" if zh else f"page {loc.page}")
    if loc.line:
        parts.append(f"第{loc.line}行" if zh else f"line {loc.line}")
    if loc.section:
        parts.append(section_label(loc.section, lang))
    if loc.table:
        parts.append(table_label(loc.table, lang))
    if loc.table and loc.row:
        label = row_label(loc.table, loc.row, template)
        parts.append(f"行“{label}”" if zh else f"row '{label}' ({loc.row})")
    if loc.table and loc.column:
        label = column_label(loc.table, loc.column, loc.row, template)
        parts.append(f"列“{label}”" if zh else f"column '{label}' ({loc.column})")
    return " · ".join(parts)
