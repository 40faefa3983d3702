"""What a reader produces: paragraphs and tables in document order, with raw text and positions.

Readers never decide what a table means. A table is a grid of rows; merged cells are resolved by
letting every grid slot covered by a merge point at the *same* Cell object (so `row[i] is row[j]`
tells a horizontal merge, and the same object in two rows tells a vertical merge). Text exports lose
merges; such tables are marked `ragged` and their rows may have different lengths."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True, eq=False)
class Cell:
    """One table cell as written in the source. `text` keeps the raw text (line breaks as \\n)."""

    text: str
    row: int = 0
    col: int = 0
    rowspan: int = 1
    colspan: int = 1
    line: int | None = None
    page: int | None = None
    ref: str | None = None  # where the cell is in the source file, for writing back (docx: "tc12")
    confidence: float | None = None  # recognised text (OCR): the lowest confidence of its glyphs, 0-1
    # recognised text below the reader's confidence threshold: kept as read, never used as a value
    uncertain: bool = False


@dataclass(slots=True, eq=False)
class Table:
    """Rows of cells. In a regular grid every row has the same length; `ragged` tables do not."""

    rows: list[list[Cell]]
    line: int | None = None
    page: int | None = None
    ragged: bool = False
    index: int = 0  # position among the document's tables, 0-based
    section_hint: int | None = None  # set by the recogniser
    before: str | None = None  # the short paragraph just before the table (a title such as 行政复议)
    stream: bool = False  # rows not marked in the source: one row holding every cell, cut into rows by the recogniser


@dataclass(slots=True, eq=False)
class Paragraph:
    """A paragraph of running text (a heading is a paragraph too; `style` says what the source
    called it, e.g. 'h2' or 'Heading 2', when the format has styles)."""

    text: str
    line: int | None = None
    page: int | None = None
    style: str | None = None
    index: int = 0  # position among the document's paragraphs, 0-based
    ref: str | None = None  # where the paragraph is in the source file (docx: "p17")


Block = Paragraph | Table


@dataclass(slots=True, eq=False)
class Document:
    """The faithful reading of one file."""

    path: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None  # a title the format states outside the text (HTML <title>, docx core props)
    published: str | None = None  # ISO date when the source states it (page metadata)
    publisher: str | None = None  # the issuing organ when the source states it (page metadata 发布机构)
    diagnostics: list[object] = field(default_factory=list)  # reader problems (model.Diagnostic)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
