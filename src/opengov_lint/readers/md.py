"""Markdown reports: mostly conversions of PDFs (hard-wrapped lines, tables as pipe rows, sometimes
HTML tables).

Every non-blank line is a paragraph of its own (as in the text reader: a converted PDF keeps the
visual lines, and a heading is often not separated from its text by a blank line). `#` headings
lose their markers and keep their level as style. Pipe rows form a table, a delimiter row
(`|---|---|`) is skipped, and a single row followed by a delimiter is a table too (GFM); an
escaped `\\|` stays in its cell, `<br>` is a line break. A line that is a label followed only by
numbers (`行政许可 97`, what a PDF-to-text conversion makes of a table row) is a table row.
Tables in the other plain-text forms (rows without outer pipes, one cell per line or per paragraph)
are found first by readers/texttables.py, as for `.txt`.
Merges are lost in Markdown, so tables are `ragged` and the recogniser maps them by labels."""

from __future__ import annotations

import html
import re

from opengov_lint.model import Cell, Document, Paragraph, Table
from opengov_lint.readers.decode import decode
from opengov_lint.readers.texttables import with_text_tables
from opengov_lint.readers.textutil import has_cjk

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_DELIM = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_EMPH = re.compile(r"(\*\*|__)(.+?)\1")
_SENTENCE = re.compile(r"[。；！？，,;]")  # a table label is not a sentence
_LABEL_ROW = re.compile(r"^(?P<label>[^\d|]{2,40}?)\s+(?P<nums>[-+]?\d[\d,.]*(?:\s+[-+]?\d[\d,.]*)*)\s*$")


def read(path: str, data: bytes, fmt: str = "md") -> Document:
    text, _enc = decode(data)
    doc = Document(path=path, format=fmt)
    doc.blocks = with_text_tables(text.splitlines(), lambda lines, offset: _Parser(lines, offset).run())
    return doc


def _cells(line: str) -> list[str]:
    s = line.strip()
    s = s.removeprefix("|")
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    parts = re.split(r"(?<!\\)\|", s)
    return [_inline(p.replace("\\|", "|")) for p in parts]


def _inline(text: str) -> str:
    text = _EMPH.sub(r"\2", _BR.sub("\n", text))
    text = text.replace("`", "")
    return "\n".join(x.strip() for x in html.unescape(text).split("\n")).strip()


def _label_row(line: str) -> list[str] | None:
    m = _LABEL_ROW.match(line.strip())
    if not m or not has_cjk(m.group("label")) or _SENTENCE.search(m.group("label")):
        return None
    return [m.group("label").strip(), *m.group("nums").split()]


class _Parser:
    def __init__(self, lines: list[str], offset: int = 0) -> None:
        self.lines = lines
        self.offset = offset  # line number of lines[0] - 1
        self.blocks: list[Paragraph | Table] = []
        self.rows: list[list[Cell]] = []
        self.start = 0
        self.kind = ""  # pipe | label

    def flush(self) -> None:
        if self.rows:
            self.blocks.append(Table(self.rows, line=self.start, ragged=True))
        self.rows, self.kind = [], ""

    def add_row(self, kind: str, n: int, cells: list[str]) -> None:
        if self.kind != kind:
            self.flush()
            self.kind, self.start = kind, n
        r = len(self.rows)
        self.rows.append([Cell(t, row=r, col=c, line=n) for c, t in enumerate(cells)])

    def run(self) -> list[Paragraph | Table]:
        i = 0
        while i < len(self.lines):
            n, line = self.offset + i + 1, self.lines[i]
            stripped = line.strip()
            i += 1
            if not stripped:
                self.flush()  # a blank line ends a table
                continue
            if stripped.lower().startswith("<table"):
                i = self.html_table(i - 1)
                continue
            if _DELIM.match(stripped) and "|" in stripped:
                continue  # the delimiter row of a GFM table
            nxt = self.lines[i].strip() if i < len(self.lines) else ""
            if stripped.startswith("|") or ("|" in stripped and _DELIM.match(nxt) and "|" in nxt):
                self.add_row("pipe", n, _cells(stripped))
                continue
            row = _label_row(stripped)
            if row is not None:
                self.add_row("label", n, row)
                continue
            self.flush()
            m = _ATX.match(line)
            if m:
                self.blocks.append(Paragraph(_inline(m.group(2)), line=n, style=f"h{len(m.group(1))}"))
            else:
                self.blocks.append(Paragraph(_inline(stripped), line=n))
        self.flush()
        return self.blocks

    def html_table(self, first: int) -> int:
        """An HTML <table> inside Markdown (what some converters write): read it as HTML."""
        from opengov_lint.readers.html import html_table, parse, table_rows

        self.flush()
        j = first
        while j < len(self.lines) and "</table>" not in self.lines[j].lower():
            j += 1
        chunk = "\n".join(self.lines[first:j + 1])
        root = parse(f"<html><body>{chunk}</body></html>")
        for t in root.iter("table"):
            table = html_table(table_rows(t))
            for row in table.rows:
                for c in row:
                    c.line = self.offset + first + 1 + (c.line or 1) - 1
            table.line = self.offset + first + 1
            self.blocks.append(table)
            break
        return j + 1
