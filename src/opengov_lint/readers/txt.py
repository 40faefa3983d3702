"""Plain-text reports: Word/Tika text exports and text where table rows sit on one line.

Three table layouts are recognised, all producing `ragged` tables (merges are lost in text, so the
recogniser recovers rows from the template's fixed labels):
- export: one cell per tab-indented line, rows separated by blank lines; a line without the tab
  right after a cell continues that cell (`本年新` / `制作数量`);
- pipe: Markdown-style `| a | b |` rows (conversions of PDFs to Markdown);
- columns: a row's cells on one line separated by tabs or runs of two or more spaces.
The forms these line readers do not read (GFM rows without outer pipes, one cell per line ending with
` |`, one cell per paragraph) are found first, table by table, by readers/texttables.py."""

from __future__ import annotations

import re

from opengov_lint.model import Cell, Document, Paragraph, Table
from opengov_lint.readers.decode import decode
from opengov_lint.readers.texttables import with_text_tables

_HEADINGISH = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．]\s|[（(][一二三四五六七八九十\d]+[）)]|#)")
_PIPE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_COLUMNS = re.compile(r"\t|[ \u3000]{2,}")
_NUMBERS = re.compile(r"^[\d\s.,+\-/—]+$")
_MAX_CONTINUATION = 40


def read(path: str, data: bytes, fmt: str = "txt") -> Document:
    text, _enc = decode(data)
    lines = text.splitlines()
    doc = Document(path=path, format=fmt)
    tab_lines = sum(1 for ln in lines if ln.startswith("\t"))
    export = tab_lines >= 10 and tab_lines >= len([ln for ln in lines if ln.strip()]) // 5
    doc.blocks = with_text_tables(lines, _read_export if export else _read_plain)
    return doc


def _read_export(lines: list[str], offset: int = 0) -> list[Paragraph | Table]:
    blocks: list[Paragraph | Table] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if not line.startswith("\t"):
            if line.strip():
                blocks.append(Paragraph(line.strip(), line=offset + i + 1))
            i += 1
            continue
        rows: list[list[Cell]] = []
        row: list[Cell] = []
        last: Cell | None = None
        blank = 0
        start = i
        while i < n:
            ln = lines[i]
            if ln.startswith("\t"):
                if blank and row:
                    rows.append(row)
                    row = []
                blank = 0
                last = Cell(ln[1:], row=len(rows), col=len(row), line=offset + i + 1)
                row.append(last)
            elif not ln.strip():
                blank += 1
                last = None
            elif last is not None and len(ln.strip()) <= _MAX_CONTINUATION and not _HEADINGISH.match(ln):
                last.text += "\n" + ln  # the rest of a cell whose text was broken by a line break
            else:
                break
            i += 1
        if row:
            rows.append(row)
        blocks.append(Table(rows, line=offset + start + 1, ragged=True))
    return blocks


def _split_columns(line: str) -> list[str]:
    if "\t" in line:
        parts = [p.strip(" \u3000") for p in line.strip("\n").split("\t")]
        while parts and not parts[0]:
            parts.pop(0)
    else:
        parts = [p for p in _COLUMNS.split(line.strip()) if p]
    out: list[str] = []
    for p in parts:
        if _NUMBERS.match(p) and " " in p.strip():
            out.extend(p.split())  # "0 0 0" from a PDF-to-text conversion
        else:
            out.append(p)
    return out


def _pipe_cells(line: str) -> list[str]:
    s = line.strip()
    s = s.removeprefix("|")
    s = s.removesuffix("|")
    return [c.strip() for c in s.split("|")]


def _read_plain(lines: list[str], offset: int = 0) -> list[Paragraph | Table]:
    blocks: list[Paragraph | Table] = []
    pending: list[tuple[int, list[str]]] = []  # candidate table rows (line number, cells)

    def flush() -> None:
        multi = [p for p in pending if len(p[1]) >= 2]
        if len(multi) >= 2:
            rows = [[Cell(t, row=r, col=c, line=ln) for c, t in enumerate(cells)] for r, (ln, cells) in
                    enumerate(pending)]
            blocks.append(Table(rows, line=pending[0][0], ragged=True))
        else:
            for ln, cells in pending:
                blocks.append(Paragraph(" ".join(cells), line=ln))
        pending.clear()

    kind = ""
    for i, line in enumerate(lines, start=offset + 1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("|") and stripped.count("|") >= 2:
            if kind != "pipe":
                flush()
                kind = "pipe"
            if not _PIPE_SEP.match(stripped):
                pending.append((i, _pipe_cells(stripped)))
            continue
        if kind == "pipe" or stripped.startswith("#"):
            flush()  # a Markdown table ends at the first line that is not a table row
            kind = ""
        cells = _split_columns(line) if not stripped.startswith("#") else [stripped]
        if len(cells) >= 2 and len(stripped) <= 400:
            kind = "cols"
            pending.append((i, cells))
            continue
        if pending and len(stripped) <= 30 and not _HEADINGISH.match(stripped):
            pending.append((i, [stripped]))  # a caption or group label between table rows
            continue
        flush()
        kind = ""
        blocks.append(Paragraph(stripped, line=i))
    flush()
    return _trim_tables(blocks)


def _trim_tables(blocks: list[Paragraph | Table]) -> list[Paragraph | Table]:
    """Single-cell rows at the end of a table are paragraphs that followed it."""
    out: list[Paragraph | Table] = []
    for b in blocks:
        if isinstance(b, Table):
            tail: list[list[Cell]] = []
            while b.rows and len(b.rows[-1]) == 1:
                tail.insert(0, b.rows.pop())
            out.append(b)
            out.extend(Paragraph(r[0].text, line=r[0].line) for r in tail)
        else:
            out.append(b)
    return out
