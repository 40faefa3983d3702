"""Report -> the canonical structured form of CONTRACT.md (`convert`), as YAML or JSON.

Blank stays null; a cell that is not a plain number is written as its raw text; a number whose
raw spelling differs (`　20`, `+3`, `3,940`) is written as the number and its raw text is kept under
`raw:`, so checking the converted file gives the same cell and arithmetic findings."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from typing import Any

from opengov_lint.knowledge.catalog import layouts
from opengov_lint.model import CellKind, Report, TableData, TypedCell

SCHEMA = "opengov-lint/report/1"
_PLAIN = (CellKind.NUMBER, CellKind.ZERO)


def cell_value(cell: TypedCell) -> Any:
    if cell.kind is CellKind.BLANK:
        return None
    if cell.kind in _PLAIN and cell.unit is None and cell.annotation is None and cell.value is not None:
        v = cell.value
        if isinstance(v, Decimal):
            return float(v) if v != v.to_integral_value() or "." in cell.raw else int(v)
        return v
    return cell.raw.strip(" \t\r\n")


def _plain(v: Any) -> str:
    return "" if v is None else str(v)


def to_dict(report: Report) -> dict[str, Any]:
    meta = report.meta
    out: dict[str, Any] = {"schema": SCHEMA}
    m: dict[str, Any] = {
        "title": meta.title,
        "issuer": meta.issuer,
        "issuer_kind": meta.issuer_kind,
        "year": meta.year,
        "template": meta.template,
        "published": meta.published,
    }
    layouts_used = {t.id: t.template for t in report.tables.values()}
    if len(set(layouts_used.values())) > 1:
        m["table_layouts"] = layouts_used
    if meta.extra.get("signed"):
        m["signed"] = meta.extra["signed"]
    m["source"] = {"path": meta.source_path, "format": meta.source_format}
    out["meta"] = m
    if report.preamble:
        out["preamble"] = "\n".join(p.text for p in report.preamble)
    out["sections"] = [
        {"number": s.number, "heading": s.heading, "text": s.text, "line": s.line} for s in report.sections
    ]
    tables: dict[str, Any] = {}
    raw: dict[str, str] = {}
    for tid in ("active_disclosure", "requests", "review_litigation"):
        t = report.tables.get(tid)
        if t is not None:
            tables[tid] = _table(t, raw)
    out["tables"] = tables
    if raw:
        out["raw"] = raw
    return out


def _table(t: TableData, raw: dict[str, str]) -> dict[str, Any]:
    spec = layouts()[t.template].tables[t.id]
    out: dict[str, Any] = {}
    order = [r.path for r in spec.data_rows] + [p for p in t.cells if spec.row(p) is None]
    for path in order:
        if path not in t.cells:
            continue
        row: dict[str, Any] = {}
        for col, cell in t.cells[path].items():
            v = cell_value(cell)
            row[col] = v
            if cell.raw.strip(" \t\r\n") != _plain(v) and cell.kind is not CellKind.BLANK:
                raw[f"{t.id}.{path}.{col}"] = cell.raw
        node = out
        parts = path.split(".")
        for p in parts[:-1]:
            node = node.setdefault(p, {})
        node[parts[-1]] = row
    return out


def dump_json(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


def dump_yaml(report: Report) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import LiteralScalarString

    data = to_dict(report)

    def convert(node: Any, depth: int = 0) -> Any:
        if isinstance(node, dict):
            cm = CommentedMap()
            for k, v in node.items():
                cm[k] = convert(v, depth + 1)
            if node and all(not isinstance(v, (dict, list)) for v in node.values()) and depth >= 3:
                cm.fa.set_flow_style()
            return cm
        if isinstance(node, list):
            return [convert(v, depth + 1) for v in node]
        if isinstance(node, str) and "\n" in node:
            return LiteralScalarString(node)
        return node

    yaml = YAML()
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    yaml.dump(convert(data), buf)
    return buf.getvalue()
