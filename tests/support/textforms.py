"""A generated report rendered into the plain-text table forms people paste and converters write
(issue 22). The report comes from `examples/*.yaml` with a blank cell and two placeholders put in;
the tables are drawn from the national grid (`authoring.grids`), one text form per table or per file:

- gfm: GitHub-flavoured pipe tables - table 二 with outer pipes, table 三 without them (`规章 | 0 | 0`;
  a row ending in a blank cell ends with ` |  |`),
  table 四 with an alignment row (`:---:`); a blank cell is `|  |`;
- cellline: one cell per line ending with ` |`, a bare `|` line for a blank cell and an empty leading
  cell (a bare `|` line) opening every row;
- paragraph: one cell per paragraph (cells separated by a blank line, an empty cell an empty
  paragraph, rows not marked), long header labels broken over two lines (`本年新\\n制作数量`), one
  label broken over two paragraphs;
- cellline-blank: the same with a blank line after every row (some converters write that);
- pipecells: pipe rows whose cells start on their own lines (`| \\n 规章 | \\n 0 |`).

Merged cells are written once, in their first row and column (what the converters do)."""

from __future__ import annotations

import copy
from pathlib import Path

from opengov_lint.model import CellKind, Report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = {"2019": ROOT / "examples" / "songlin-town-government-2020.yaml",
            "2021": ROOT / "examples" / "qinghe-district-government-2023.yaml"}
FORMS = ("gfm", "cellline", "cellline-blank", "paragraph", "pipecells")
# (table, row, column) -> raw text put into the source report: a blank cell, two placeholders
EDITS = {("requests", "granted", "research"): "", ("requests", "carried_over", "total"): "",
         ("requests", "new_received", "other_org"): "—", ("review_litigation", "review", "pending"): "/",
         ("review_litigation", "suit_after_review", "upheld"): ""}


def source(layout: str) -> Report:
    """The example report of LAYOUT with the EDITS applied (what every rendering must read back)."""
    from opengov_lint.canonical.reader import read
    from opengov_lint.recognise.cells import type_cell

    path = EXAMPLES[layout]
    report = copy.deepcopy(read(str(path), path.read_bytes(), "yaml"))
    for (tid, row, col), raw in EDITS.items():
        cells = report.tables[tid].cells[row]
        typed = type_cell(raw, cells[col].expects)
        assert raw or typed.kind is CellKind.BLANK
        cells[col] = typed
    return report


def _rows(report: Report, tid: str) -> list[list[str]]:
    """The table's grid rows as text cells, each merged cell once (in its first row)."""
    from opengov_lint.authoring.grids import grid

    t = report.tables[tid]
    g = grid(t.template, tid)
    out: list[list[str]] = []
    for r in range(g.rows):
        row = sorted((c for c in g.cells if c.row == r), key=lambda c: c.col)
        texts = []
        for c in row:
            if c.path:
                path, col = c.path.split(".", 1)[1].rsplit(".", 1)
                cell = t.cell(path, col)
                texts.append("" if cell is None else cell.raw)
            else:
                texts.append(c.text)
        out.append(texts)
    return out


def _broken(label: str) -> str:
    """A header label of six or more characters broken over two lines, as a narrow column wraps it."""
    if len(label) >= 6 and "（" not in label and "第" not in label:
        return label[: len(label) // 2 - 1] + "\n" + label[len(label) // 2 - 1:]
    return label


def _esc(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def gfm(rows: list[list[str]], tid: str) -> list[str]:
    outer = tid != "requests"
    align = ":---:" if tid == "review_litigation" else "---"
    lines = []
    for i, row in enumerate(rows):
        cells = [_esc(c) for c in row]
        if outer:
            lines.append("| " + " | ".join(cells) + " |")
        else:  # no outer pipes; a row ending in a blank cell keeps a closing pipe after it (GFM needs one)
            lines.append(" | ".join(cells) + (" |" if not cells[-1] else ""))
        if i == 0:
            lines.append(("|" if outer else "") + "|".join([align] * len(row)) + ("|" if outer else ""))
    return lines


def cellline(rows: list[list[str]], tid: str) -> list[str]:
    lines = []
    for row in rows:
        lines.append("|")
        lines += [f"{c} |" if c else "|" for c in row]
    return lines


def cellline_blank(rows: list[list[str]], tid: str) -> list[str]:
    return [ln for row in rows for ln in [*cellline([row], tid), ""]]


def pipecells(rows: list[list[str]], tid: str) -> list[str]:
    lines = []
    for row in rows:
        lines.append("| ")
        lines += [f" {c} | " for c in row]
    return lines


def paragraph(rows: list[list[str]], tid: str) -> list[str]:
    cells = [_broken(c) if c and not c[0].isdigit() else c for row in rows for c in row]
    out: list[str] = []
    split_done = False
    for c in cells:
        if not split_done and c == "社会公益组织":  # one label broken over two paragraphs
            out += ["社会公益", "", "组织", ""]
            split_done = True
            continue
        out += [c, ""]
    return out


RENDER = {"gfm": gfm, "cellline": cellline, "cellline-blank": cellline_blank, "paragraph": paragraph, "pipecells": pipecells}


def render(report: Report, form: str | dict[str, str]) -> str:
    """The whole report as plain text, its tables in FORM (or table id -> form); prose paragraphs
    separated by blank lines."""
    title = report.meta.title or ""
    lines = [title, ""]
    lines += [p.text + "\n" for p in report.preamble if p.text.strip() != title]
    by_section = {t.section: tid for tid, t in report.tables.items()}
    for s in report.sections:
        lines += ["", s.heading, ""]
        lines += [p.text + "\n" for p in s.paragraphs]
        tid = by_section.get(s.number)
        if tid is not None:
            how = form if isinstance(form, str) else form[tid]
            lines += ["", *RENDER[how](_rows(report, tid), tid), "", ""]
    return "\n".join(lines) + "\n"


def flat_cells(report: Report) -> dict[str, tuple[str, object]]:
    """table.row.column -> (kind, raw) of every cell: blank stays blank, a placeholder keeps its text."""
    out: dict[str, tuple[str, object]] = {}
    for tid, t in report.tables.items():
        for row, cols in t.cells.items():
            for col, cell in cols.items():
                out[f"{tid}.{row}.{col}"] = (cell.kind.value, cell.raw.strip() if cell.kind is not CellKind.NUMBER
                                             else cell.value)
    return out
