"""The recognised report: meta, the six sections and tables 二/三/四 keyed by the template ids of
CONTRACT.md, with every data cell typed but never coerced (blank is not zero)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opengov_lint.model.document import Document, Paragraph

Number = int | Decimal


class CellKind(StrEnum):
    NUMBER = "number"
    ZERO = "zero"
    BLANK = "blank"
    PLACEHOLDER = "placeholder"
    TEXT = "text"


@dataclass(slots=True, eq=False)
class TypedCell:
    """A data cell: its raw text, what kind of content it holds and the number it states (if any)."""

    raw: str
    kind: CellKind
    value: Number | None = None
    unit: str | None = None  # a unit written inside the cell: 万元, 元, 件 ...
    annotation: str | None = None  # a note inside the cell: 22（其中修订16件） -> 其中修订16件
    fullwidth: bool = False  # full-width digits, ideographic spaces or thousands separators
    signed: bool = False  # an explicit sign or a 增/减 word
    expects: str = "count"  # what the template wants here: count | signed | amount
    header_unit: str | None = None  # the unit the column header states (本年收费金额（单位：万元）)
    line: int | None = None
    page: int | None = None
    edit_line: int | None = None  # where the raw text is written, when not on `line` (canonical `raw:` map)
    ref: str | None = None  # the source cell (docx: "tc12"), for annotating or fixing a copy

    @property
    def numeric(self) -> bool:
        """True when the cell states a number that arithmetic may use."""
        return self.value is not None


@dataclass(slots=True)
class LabelVariant:
    """A row, column or caption label that was mapped to the template but is worded differently."""

    table: str
    kind: str  # row | column | caption
    id: str  # row path or column id
    found: str
    expected: str
    line: int | None = None
    page: int | None = None
    ref: str | None = None


@dataclass(slots=True)
class Caption:
    """A table-二 caption row (第二十条第（X）项) and the row ids printed under it."""

    text: str
    rows: list[str] = field(default_factory=list)
    line: int | None = None
    page: int | None = None


@dataclass(slots=True)
class RowInfo:
    label: str
    line: int | None = None
    page: int | None = None
    ref: str | None = None


@dataclass(slots=True)
class TableData:
    """One of the three template tables, mapped onto the ids of CONTRACT.md."""

    id: str  # active_disclosure | requests | review_litigation
    template: str  # layout id of this table: "2019" | "2021"
    cells: dict[str, dict[str, TypedCell]] = field(default_factory=dict)  # row path -> column -> cell
    rows: dict[str, RowInfo] = field(default_factory=dict)
    missing_rows: list[str] = field(default_factory=list)  # template rows the author left out (OG109)
    # Reading quality: rows a damaged source hid (their numbers are there, torn from their labels) and
    # rows found whose cells could not be matched to the columns. Neither is a defect of the report:
    # they are reported once (OG903) and no rule judges them.
    unreadable_rows: list[str] = field(default_factory=list)
    unassessed_rows: list[str] = field(default_factory=list)
    missing_columns: list[tuple[str, str]] = field(default_factory=list)  # (row path or group, column)
    foreign_rows: list[str] = field(default_factory=list)  # labels of the other layout (OG108)
    captions: list[Caption] = field(default_factory=list)
    # Table 二: every row of section 二's document tables that holds nothing but a `第…条…` text, as
    # written, whether or not it was accepted as a caption (OG402 judges their form).
    caption_like: list[Caption] = field(default_factory=list)
    variants: list[LabelVariant] = field(default_factory=list)
    section: int | None = None
    line: int | None = None
    page: int | None = None

    def cell(self, row: str, column: str) -> TypedCell | None:
        return self.cells.get(row, {}).get(column)

    @property
    def degraded(self) -> bool:
        """True when part of the table could not be read from the source (see recognise.quality)."""
        return bool(self.unreadable_rows or self.unassessed_rows)


@dataclass(slots=True)
class Section:
    number: int  # 1-6: which template section this is
    heading: str  # the heading as written
    title: str  # heading without its numbering
    numbering: str  # the numbering as written: 一、 2、 （二）
    line: int | None = None
    page: int | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[int] = field(default_factory=list)  # indexes of document tables inside the section
    variant: bool = False  # title wording differs from the template (OG104)
    ref: str | None = None  # the heading paragraph in the source file (docx: "p17")
    misplaced: bool = False  # found away from its template position (OG102); set by the recogniser
    implicit: bool = False  # its heading is lost, its content opens with `heading` (a sub-heading)
    sequence: int | None = None  # its place among the report's own top-level headings (1-based)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(slots=True)
class ExtraHeading:
    """A numbered top-level heading that is none of the six template sections (OG114); its text stays
    in the section before it."""

    heading: str
    title: str
    numbering: str
    value: int | None
    line: int | None = None
    page: int | None = None
    ref: str | None = None
    after: int | None = None  # number of the template section it follows (None: before section 一)
    sequence: int | None = None


@dataclass(slots=True)
class Diagnostic:
    """A reading problem (OG9xx) found by a reader or the recogniser, not a defect of the report."""

    code: str
    message_zh: str
    message_en: str
    line: int | None = None
    page: int | None = None
    section: int | None = None
    table: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Suppression:
    """An inline suppression written in a canonical YAML comment:
    `# opengov-lint: ignore[OG206] 单位为万元，已在表头注明`. `target` is the source line it covers (the
    comment's own line, or the next content line for a comment on a line of its own); None covers the
    whole file (a comment at the top of the file)."""

    codes: tuple[str, ...]
    reason: str
    line: int
    target: int | None = None
    problem: str | None = None  # why the comment cannot be used as written (no codes, bad syntax)
    text: str = ""  # the comment as written


# The kinds of issuing organ (meta.issuer_kind, --issuer-kind, manifest issuer_kind) besides "unknown".
# government = a 人民政府 (townships included); subdistrict = a 街道办事处 (派出机关); agency = a 管委会 or other
# 派出机构. Which names have which kind: rules/issuers.yaml.
ISSUER_KINDS = ("government", "department", "subdistrict", "agency")


@dataclass(slots=True)
class Meta:
    title: str | None = None
    issuer: str | None = None
    issuer_kind: str = "unknown"  # one of ISSUER_KINDS, or unknown
    year: int | None = None
    template: str = "unknown"  # "2019" | "2021" | "pre2019" | "mixed" | "unknown"
    published: str | None = None
    source_path: str | None = None
    source_format: str | None = None
    title_line: int | None = None
    year_source: str | None = None  # title | period | text | override
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def regime(self) -> str:
        """The 条例 the report answers to: "2007" (国务院令第492号) for report years before 2019, or a
        pre-2019 layout without a year; "2019" (the revision of 国务院令第711号) otherwise. A "2007" report
        is not checked by the current rules (outputs show 未检查/不适用, never "passed")."""
        if self.year is not None:
            return "2007" if self.year < 2019 else "2019"
        return "2007" if self.template == "pre2019" else "2019"


@dataclass(slots=True, eq=False)
class Report:
    meta: Meta
    sections: list[Section] = field(default_factory=list)
    preamble: list[Paragraph] = field(default_factory=list)  # text before the first section
    paragraphs: list[Paragraph] = field(default_factory=list)  # every paragraph, in order
    tables: dict[str, TableData] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    raw_text: dict[str, str] = field(default_factory=dict)  # cell path -> raw text (canonical input)
    document: Document | None = None
    structured: bool = False  # read from the canonical YAML/JSON form (no layout to judge)
    suppressions: list[Suppression] = field(default_factory=list)  # inline `# opengov-lint: ignore[...]`
    extra_headings: list[ExtraHeading] = field(default_factory=list)  # headings none of the six (OG114)
    # What the rules derive from this report once for all of them (running text units, readings of the
    # tables): a per-report context that lives and dies with the report, not a module-level cache.
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def section(self, number: int) -> Section | None:
        for s in self.sections:
            if s.number == number:
                return s
        return None
