"""Report -> a standalone HTML page in the national layout (tables with rowspan/colspan)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from opengov_lint.authoring.grids import grid
from opengov_lint.canonical.writer import cell_value

if TYPE_CHECKING:
    from opengov_lint.model import Report

_CSS = ("body{font-family:'FangSong','仿宋','SimSun',serif;max-width:960px;margin:24px auto;line-height:1.8}"
        "h1{text-align:center;font-size:22px}table{border-collapse:collapse;width:100%;margin:12px 0}"
        "td,th{border:1px solid #000;padding:4px;text-align:center;font-size:14px}p{text-indent:2em}")


def cell_text(report: Report, path: str) -> str:
    """The text of a data cell as the author wrote it, for rendering."""
    table, rest = path.split(".", 1)
    row, col = rest.rsplit(".", 1)
    t = report.tables.get(table)
    cell = t.cell(row, col) if t else None
    if cell is None:
        return ""
    raw = cell.raw.strip(" \t\r\n")
    if raw:
        return raw  # as the author wrote it (`　20`, `1,200`): a converted report checks like its source
    v = cell_value(cell)
    return "" if v is None else str(v)


def render_table(report: Report, table: str) -> str:
    t = report.tables[table]
    g = grid(t.template, table)
    rows: dict[int, list[str]] = {}
    for c in sorted(g.cells, key=lambda c: (c.row, c.col)):
        attrs = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
        text = cell_text(report, c.path) if c.path else c.text
        tag = "td"
        rows.setdefault(c.row, []).append(f"<{tag}{attrs}>{escape(text)}</{tag}>")
    body = "".join(f"<tr>{''.join(cells)}</tr>" for _, cells in sorted(rows.items()))
    return f'<table class="{table}">{body}</table>'


def render(report: Report) -> str:
    title = report.meta.title or ""
    parts = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
             f"<title>{escape(title)}</title><style>{_CSS}</style></head><body><div class=\"article\">",
             f"<h1>{escape(title)}</h1>"]
    parts += [f"<p>{escape(p.text)}</p>" for p in report.preamble if p.text.strip() != title]
    by_section = {t.section: tid for tid, t in report.tables.items()}
    for s in report.sections:
        parts.append(f"<h2>{escape(s.heading)}</h2>")
        parts += [f"<p>{escape(p.text)}</p>" for p in s.paragraphs]
        if s.number in by_section:
            parts.append(render_table(report, by_section[s.number]))
    parts.append("</div></body></html>\n")
    return "".join(parts)
