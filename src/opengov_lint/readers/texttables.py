"""Tables in plain text as people paste them and converters write them, for `.txt` and `.md` alike.

The line readers (txt.py, md.py) read pipe rows with outer pipes, Word/Tika exports and rows on one
line. This module finds, table by table, the forms they do not read:
- GFM pipe tables whose rows lack the outer pipes (`规章 | 0 | 0 | 0`), or with escaped `\\|` in a
  cell: one row per line, the alignment row (`|:---:|`) skipped;
- cell streams: one cell per line ending with ` |`, a bare `|` line for a blank cell, an empty
  leading cell opening every row; and pipe rows whose cells start on their own lines
  (`| \\n 规章 | \\n 0 |`). Rows are not marked (an empty cell may be a blank cell or a row's
  opening), so the table is one stream of cells;
- cell paragraphs: one cell per paragraph (cells separated by a blank line, an empty cell an empty
  paragraph, rows not marked), as pasting a Word/WPS or web table into a text file gives; a cell's
  lines are kept as its line breaks (`本年新\\n制作数量`).
A stream table is `Table(stream=True)` with its cells in one row: the recogniser cuts it into rows by
the template's labels (recognise/cellstream.py). Blank stays blank, a placeholder keeps its text."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from opengov_lint.model import Cell, Paragraph, Table
from opengov_lint.recognise.text import nfkc, squash

if TYPE_CHECKING:
    from collections.abc import Callable

_PIPE = re.compile(r"(?<!\\)\|")
_BR = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_DELIM = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SECTION_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、.．]")
_SENTENCE = re.compile(r"[。；！？]")
_COLUMNS = re.compile(r"\S(?:\t|\s{2,})\S")  # a row's cells on one line (the line readers' columns form)
_MAX_CELL = 60  # a paragraph longer than this is prose, not a table cell
_MAX_CELL_LINES = 6  # a label wrapped in a narrow column
_MIN_VALUES = 4  # a run of cell paragraphs is a table when it holds this many value cells...
_MIN_LABELS = 2  # ...and this many template labels


@dataclass(slots=True)
class Found:
    start: int  # 0-based index of the table's first line
    end: int  # exclusive
    table: Table


def find_tables(lines: list[str]) -> list[Found]:
    """The tables in the forms above, in line order; the lines outside them are left to the line readers."""
    found: list[Found] = []
    taken: set[int] = set()
    for f in _pipe_blocks(lines):
        found.append(f)
        taken.update(range(f.start, f.end))
    found.extend(_paragraph_tables(lines, taken))
    found.sort(key=lambda f: f.start)
    return found


def with_text_tables(lines: list[str], parse: Callable[[list[str], int], list[Paragraph | Table]]
                     ) -> list[Paragraph | Table]:
    """The blocks of a text: the tables found here, and what PARSE (lines, line offset) makes of the rest."""
    blocks: list[Paragraph | Table] = []
    pos = 0
    for f in find_tables(lines):
        blocks += parse(lines[pos:f.start], pos)
        blocks.append(f.table)
        pos = f.end
    blocks += parse(lines[pos:], pos)
    return blocks


# -- pipes ------------------------------------------------------------------------------------------------
def split_pipes(line: str) -> list[str]:
    """The cells of one GFM row: an outer pipe on either side is optional, `\\|` is a pipe in a cell."""
    s = line.strip()
    if s == "|":
        return []
    s = s.removeprefix("|")
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [(_BR.sub("\n", p) if "<" in p else p).strip().replace("\\|", "|") for p in _PIPE.split(s)]


def _has_pipe(line: str) -> bool:
    return "|" in line and bool(_PIPE.search(line))


def _pipe_blocks(lines: list[str]) -> list[Found]:
    out: list[Found] = []
    i, n = 0, len(lines)
    while i < n:
        if not _has_pipe(lines[i]) or lines[i].startswith("\t"):
            i += 1
            continue
        j = _block_end(lines, i)
        f = _pipe_table(lines, i, j)
        if f is not None:
            out.append(f)
        i = max(j, i + 1)
    return out


def _block_end(lines: list[str], i: int) -> int:
    """Where the pipe block starting at I ends. A blank line ends it, unless the block is a cell stream
    (one cell per line) and the line after the blank opens or holds a cell: some writers put a blank
    line after every row."""
    j, n = i, len(lines)
    stream = True  # every pipe line so far holds at most one cell
    while j < n:
        if lines[j].strip() and (_has_pipe(lines[j]) or _continues(lines, j)):
            stream = stream and (_cell_line(lines[j]) or not _has_pipe(lines[j]))
            j += 1
            continue
        k = j
        while k < n and not lines[k].strip():
            k += 1
        if k == j or k >= n or not stream or not _cell_line(lines[k]):
            return j
        j = k
    return j


def _cell_line(line: str) -> bool:
    """A line that ends a cell of a stream: `规章 |`, a bare `|`."""
    return line.rstrip().endswith("|") and len(split_pipes(line)) <= 1


def _continues(lines: list[str], j: int) -> bool:
    """A short line without a pipe inside a cell stream: the first part of a cell broken over lines."""
    if len(lines[j].strip()) > 40 or _SENTENCE.search(lines[j]):
        return False
    k = j + 1
    while k < len(lines) and k <= j + 3 and lines[k].strip():
        if _has_pipe(lines[k]):
            return _cell_line(lines[k])
        k += 1
    return False


def _pipe_table(lines: list[str], i: int, j: int) -> Found | None:
    block = lines[i:j]
    piped = [ln for ln in block if _has_pipe(ln) and not _DELIM.match(ln)]
    multi = [ln for ln in piped if len(split_pipes(ln)) >= 2]
    if len(multi) >= 2 and len(multi) * 2 >= len(piped):
        return _gfm_table(block, i, piped, multi)
    ends = sum(1 for ln in block if _cell_line(ln))
    if ends < 4 or ends * 10 < len([ln for ln in block if ln.strip()]) * 6:
        return None
    cells = _stream_cells(block, i)
    return Found(i, j, Table([cells], line=i + 1, ragged=True, stream=True)) if cells else None


def _gfm_table(block: list[str], i: int, piped: list[str], multi: list[str]) -> Found | None:
    """GFM rows, one per line. The line readers take those with outer pipes and no escaped pipe; rows
    without an alignment row and without numbers are a line of links (首页 | 政务公开), not a table."""
    if all(ln.strip().startswith("|") and "\\|" not in ln for ln in piped):
        return None
    with_numbers = sum(1 for ln in multi if any(_value(c) for c in split_pipes(ln)))
    if len(piped) == len(block) and with_numbers < 2:
        return None
    rows: list[list[Cell]] = []
    for k, ln in enumerate(block):
        if _has_pipe(ln) and not _DELIM.match(ln):
            r = len(rows)
            rows.append([Cell(t, row=r, col=c, line=i + k + 1) for c, t in enumerate(split_pipes(ln))])
    return Found(i, i + len(block), Table(rows, line=i + 1, ragged=True))


def _stream_cells(block: list[str], first: int) -> list[Cell]:
    """Cells of a stream: the text between two pipes, over as many lines as it takes."""
    cells: list[Cell] = []
    parts: list[str] = []
    start: int | None = None
    opened = False  # a pipe has been seen: an empty piece before it is an opening, not a cell
    for k, ln in enumerate(block):
        pieces = _PIPE.split(ln)
        for p, piece in enumerate(pieces):
            text = piece.strip()
            if text:
                parts.append(text.replace("\\|", "|"))
                start = first + k + 1 if start is None else start
            if p == len(pieces) - 1:
                break  # the rest of the line: the cell goes on on the next line
            if parts or opened:
                cells.append(Cell("\n".join(parts), row=0, col=len(cells), line=start or first + k + 1))
            opened = True
            parts, start = [], None
    if parts:
        cells.append(Cell("\n".join(parts), row=0, col=len(cells), line=start))
    return cells


# -- paragraphs ---------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Para:
    start: int
    end: int  # exclusive
    text: str
    gap: int  # blank lines before it


def _paragraphs(lines: list[str], taken: set[int]) -> list[list[_Para]]:
    """Runs of short paragraphs separated by blank lines (a longer paragraph or a taken line ends a run)."""
    runs: list[list[_Para]] = [[]]
    i, n, gap = 0, len(lines), 0
    while i < n:
        if i in taken or lines[i].startswith("\t"):
            runs.append([])
            i, gap = i + 1, 0
            continue
        if not lines[i].strip():
            i, gap = i + 1, gap + 1
            continue
        j = i
        while j < n and lines[j].strip() and j not in taken and not lines[j].startswith("\t"):
            j += 1
        text = "\n".join(ln.strip() for ln in lines[i:j])
        if _cellish(lines[i:j], text):
            runs[-1].append(_Para(i, j, text, gap))
        else:
            runs.append([])
        i, gap = j, 0
    return [r for r in runs if r]


def _label(text: str) -> bool:
    """A label of the template (row, group, column, header, note) or a caption (第二十条第（一）项)."""
    from opengov_lint.recognise.labels import caption_item, lookup

    return bool(lookup(text)) or caption_item(text) is not None


def _cellish(lines: list[str], text: str) -> bool:
    """A paragraph that can be one table cell: short, no sentence, no markup, not a row on one line."""
    if len(lines) > _MAX_CELL_LINES or len(text) > _MAX_CELL or _SENTENCE.search(text):
        return False
    if "|" in text or "<" in text or text.startswith("#"):
        return False
    return not any(_COLUMNS.search(ln.strip()) for ln in lines)


def _paragraph_tables(lines: list[str], taken: set[int]) -> list[Found]:
    label = _label
    out: list[Found] = []
    for run in _paragraphs(lines, taken):
        if len(run) < _MIN_VALUES + _MIN_LABELS:
            continue
        for part in _split_at_headings(run, label):
            values = sum(1 for p in part if _value(p.text))
            labels = sum(1 for p in part if label(p.text))
            if values < _MIN_VALUES or labels < _MIN_LABELS:
                continue
            part = _trim(part, label)
            cells: list[Cell] = []
            for k, p in enumerate(part):
                if k:
                    cells.extend(Cell("", row=0, col=len(cells) + e, line=p.start) for e in range(
                        max(0, (p.gap - 1) // 2)))
                cells.append(Cell(p.text, row=0, col=len(cells), line=p.start + 1))
            out.append(Found(part[0].start, part[-1].end, Table([cells], line=part[0].start + 1, ragged=True,
                                                                stream=True)))
    return out


def _value(text: str) -> bool:
    """A number (with a sign, a unit or a note in brackets), or a placeholder: what a data cell holds."""
    t = squash(nfkc(text))
    return bool(t) and (t in _placeholders() or bool(_number_re().match(t)))


@functools.cache
def _placeholders() -> frozenset[str]:
    from opengov_lint.knowledge.catalog import cell_vocab

    return frozenset(squash(nfkc(p)) for p in cell_vocab()["placeholders"])


@functools.cache
def _number_re() -> re.Pattern[str]:
    from opengov_lint.knowledge.catalog import cell_vocab

    vocab = cell_vocab()
    units = "|".join(map(re.escape, sorted(vocab["units"], key=len, reverse=True)))
    words = "|".join(map(re.escape, sorted(vocab["decrease_words"] + vocab["increase_words"], key=len, reverse=True)))
    return re.compile(rf"^(?:[+\-−]|{words})?\d[\d,]*(?:\.\d+)?(?:{units})?(?:\(.*\))?$")


def _split_at_headings(run: list[_Para], label: Callable[[str], bool]) -> list[list[_Para]]:
    """A section heading (三、收到和处理…) between two tables is a paragraph, not a cell."""
    parts: list[list[_Para]] = [[]]
    for i, p in enumerate(run):
        if _SECTION_HEADING.match(p.text) and not label(p.text) and not (i + 1 < len(run) and _value(run[i + 1].text)):
            parts.append([])  # (numbers right after it: a misspelt row label such as 二、上年结转…申请数)
        else:
            parts[-1].append(p)
    return [p for p in parts if p]


def _trim(part: list[_Para], label: Callable[[str], bool]) -> list[_Para]:
    """The table starts at its first label (or a label broken over paragraphs) and ends at its last value
    or label: short paragraphs around it stay paragraphs."""
    lab = label
    start = 0
    while start < len(part) - 1:
        t = part[start].text
        if lab(t) or lab(t + part[start + 1].text) or _value(t):
            break
        start += 1
    end = len(part)
    while end > start + 1 and not (_value(part[end - 1].text) or lab(part[end - 1].text)):
        end -= 1
    return part[start:end]
