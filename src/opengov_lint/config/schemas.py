"""pydantic schemas of the configuration and the shipped YAML knowledge; imported lazily (pydantic: ~0.15 s)."""

from __future__ import annotations

from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from opengov_lint.config.choices import FailOn, IssuerKind, OutputFormat
from opengov_lint.config.choices import Lang as LangCode

Severity = Literal["error", "warning", "info"]


class SuppressionModel(BaseModel):
    """A suppression in the configuration: which files, which rules, optionally which cell, and why."""

    model_config = ConfigDict(extra="forbid")
    path: str = Field(min_length=1)
    codes: list[str] = Field(min_length=1)
    cell: str | None = None  # a canonical cell path or its prefix: requests, requests.granted.total
    reason: str = Field(min_length=1)

    @field_validator("codes", mode="before")
    @classmethod
    def _listify(cls, v: Any) -> Any:
        return [x.strip() for x in v.split(",") if x.strip()] if isinstance(v, str) else v

    @field_validator("reason")
    @classmethod
    def _real_reason(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("a suppression needs a reason (why the finding is acceptable)")
        return v


class LimitsModel(BaseModel):
    """Resource limits for reading untrusted files (readers/limits.py)."""
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    max_bytes: int | None = Field(default=None, alias="max-bytes", ge=1024)
    max_unzipped: int | None = Field(default=None, alias="max-unzipped", ge=1024)
    max_ratio: int | None = Field(default=None, alias="max-ratio", ge=2)
    max_pages: int | None = Field(default=None, alias="max-pages", ge=1)
    max_cells: int | None = Field(default=None, alias="max-cells", ge=100)
    max_nesting: int | None = Field(default=None, alias="max-nesting", ge=1)
    max_chars: int | None = Field(default=None, alias="max-chars", ge=1000)
    ocr_confidence: int | None = Field(default=None, alias="ocr-confidence", ge=0, le=100)


class ConfigModel(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    select: list[str] | None = None
    ignore: list[str] | None = None
    extend_select: list[str] | None = Field(default=None, alias="extend-select")
    fail_on: FailOn | None = Field(default=None, alias="fail-on")
    lang: LangCode | None = None
    jobs: int | None = Field(default=None, ge=1, le=1024)
    year: int | None = Field(default=None, ge=2008, le=2100)
    issuer_kind: IssuerKind | None = Field(default=None, alias="issuer-kind")
    output_format: OutputFormat | None = Field(default=None, alias="output-format")
    show_all: bool | None = Field(default=None, alias="show-all")
    severity: dict[str, Severity] | None = None
    options: dict[str, dict[str, Any]] | None = None
    max_bytes: int | None = Field(default=None, alias="max-bytes", ge=1024)
    timeout: float | None = Field(default=None, gt=0, le=86400)
    allow_private_urls: bool | None = Field(default=None, alias="allow-private-urls")
    limits: LimitsModel | None = None
    extends: str | None = None
    per_file_ignores: dict[str, list[str]] | None = Field(default=None, alias="per-file-ignores")
    exclude: list[str] | None = None
    packs: list[str] | None = None
    suppressions: list[SuppressionModel] | None = None
    baseline: str | None = None

    @field_validator("per_file_ignores", mode="before")
    @classmethod
    def _listify_values(cls, v: Any) -> Any:
        if isinstance(v, dict):
            return {k: ([x.strip() for x in c.split(",") if x.strip()] if isinstance(c, str) else c)
                    for k, c in v.items()}
        return v

    @field_validator("select", "ignore", "extend_select", mode="before")
    @classmethod
    def _listify(cls, v: Any) -> Any:
        if isinstance(v, str):
            return [x.strip() for x in v.split(",") if x.strip()]
        return v

    @classmethod
    def allowed_keys(cls) -> list[str]:
        return [f.alias or name for name, f in cls.model_fields.items()]


class ColumnModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    label: str
    kind: Literal["count", "signed", "amount"] = "count"
    unit: str | None = None
    variants: list[str] = []


class RowModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str | None = None
    group: str | None = None
    label: str
    variants: list[str] = []
    rows: list[RowModel] | None = None


class GroupModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    caption: str
    item: int
    columns: list[ColumnModel]
    rows: list[RowModel]


class TableModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    section: int = Field(ge=2, le=4)
    header: str | None = None
    note: str | None = None
    header_labels: list[str] = []
    groups: list[GroupModel] | None = None
    columns: list[ColumnModel] | None = None
    rows: list[RowModel] | None = None
    blocks: list[RowModel] | None = None


class RelationModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    rule: str
    table: str
    each: Literal["row", "column"]
    lhs: list[str]
    rhs: list[str]
    at: str


class LayoutModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_: str = Field(alias="schema")
    id: str
    notice: str
    years: dict[str, int | None]
    fingerprints: list[str]
    tables: dict[Literal["active_disclosure", "requests", "review_litigation"], TableModel]
    relations: list[RelationModel]


class SectionModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    number: int = Field(ge=1, le=6)
    id: str
    title: str
    variants: list[str] = []
    cues: list[str] = []


class SectionsModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_: str = Field(alias="schema")
    sections: list[SectionModel]
    empty_content: list[str]
    may_be_nil: list[int]
    title: dict[str, Any]


class ProfileModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_: str = Field(alias="schema")
    name: str
    description: str
    extends: str | None = None
    rules: dict[str, Severity | Literal["off"]]


# -- rule packs (rules/packs/*.yaml and users' own) -------------------------------------------------

Code = Field(pattern=r"^[A-Z]{2,4}\d{3}$")
Lang = dict[Literal["zh", "en"], str]


class PackRuleModel(BaseModel):
    """One rule of a pack. `kind` picks the generic check; the other keys are its parameters."""

    model_config = ConfigDict(extra="forbid")
    code: str = Code
    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    kind: Literal["required-mention", "forbidden-mention", "sum"]
    severity: Severity = "warning"
    templates: list[Literal["2019", "2021", "pre2019"]] = ["2019", "2021"]
    summary: Lang
    why: Lang | None = None
    fix: Lang | None = None
    message: Lang | None = None
    # required-mention / forbidden-mention
    any: list[str] | None = None
    patterns: list[str] | None = None
    sections: list[int] | None = None
    issuer_kind: IssuerKind | None = Field(default=None, alias="issuer-kind")
    # sum
    total: str | None = None
    parts: list[str] | None = None
    columns: list[str] | None = None
    tolerance: float = 0

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, v: list[str] | None) -> list[str] | None:
        import re

        for p in v or []:
            try:
                re.compile(p)
            except re.error as exc:
                raise ValueError(f"pattern {p!r} is not a valid regular expression: {exc}") from exc
        return v

    @field_validator("sections")
    @classmethod
    def _section_numbers(cls, v: list[int] | None) -> list[int] | None:
        if v and any(not 1 <= n <= 6 for n in v):
            raise ValueError("section numbers are 1 to 6")
        return v


class PackModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_: Literal["opengov-lint/pack/1"] = Field(alias="schema")
    name: str
    description: str
    prefix: str = Field(pattern=r"^[A-Z]{2,4}$")
    rules: list[PackRuleModel] = Field(min_length=1)


# -- the law catalogue (rules/law/) and the prose vocabulary (rules/narrative.yaml) ----------------

_REF = r"^(requests|active_disclosure|review_litigation):[a-z_]+(\.[a-z_*]+)?(@[a-z_]+)?$"


_N = TypeVar("_N", bound=BaseModel)


def _numbered(v: list[_N], what: str) -> list[_N]:
    """Articles and items are listed 1, 2, 3 … in order, none missing."""
    if [getattr(x, "number", None) for x in v] != list(range(1, len(v) + 1)):
        raise ValueError(f"{what} must be numbered 1, 2, 3 … without gaps")
    return v


class ItemModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    number: int = Field(ge=1, le=20)
    caption: str
    rows: list[str] = []


class ArticleModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    number: int = Field(ge=1, le=100)
    caption: str
    text: str | None = None
    rows: list[str] = []
    items: list[ItemModel] = []
    deadlines: dict[Literal["department", "government"], str] | None = None

    @field_validator("items")
    @classmethod
    def _items_in_order(cls, v: list[ItemModel]) -> list[ItemModel]:
        return _numbered(v, "items")


class ChapterModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    number: int
    title: str
    articles: list[int] = Field(min_length=2, max_length=2)


class CrosswalkModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    topic: str
    old: list[int]
    new: list[int]
    annual_report: bool = False
    note: str | None = None


class LawModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_: Literal["opengov-lint/law/1"] = Field(alias="schema")
    id: str
    title: str
    decree: int
    adopted: str
    effective: str
    superseded: str | None = None
    report_years: dict[str, int | None]
    chapters: list[ChapterModel]
    articles: list[ArticleModel]
    crosswalk: list[CrosswalkModel] = []

    @field_validator("articles")
    @classmethod
    def _articles_in_order(cls, v: list[ArticleModel]) -> list[ArticleModel]:
        return _numbered(v, "articles")


class DocnoModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    prefix: str
    year: int
    number: int
    title: str | None = None


class FormatDocModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    layout: Literal["2019", "2021"]
    title: str
    notice: str
    issuer: str
    docno: DocnoModel
    dated: str | None = None
    report_years: dict[str, int | None]
    accepted: list[str] = Field(min_length=1)


class RegulationNamesModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    short: str
    abbreviations: list[str]
    decrees: dict[Literal["current", "superseded"], int]
    decree_forms: list[str]
    wrong: list[str]
    local_markers: list[str]


class FeeMeasuresModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    notice: str
    docno: DocnoModel
    dated: str
    accepted: list[str]
    markers: list[str]
    wrong: list[str]


class OutdatedModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    categories: list[dict[Literal["term", "current"], str]]
    category_fillers: list[str]
    headings: list[str]
    phrases: list[str]
    report_words: list[str]


class DocumentsModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_: Literal["opengov-lint/documents/1"] = Field(alias="schema")
    regulation: RegulationNamesModel
    formats: list[FormatDocModel]
    format_markers: list[str]
    format_wrong: list[str]
    fee_measures: FeeMeasuresModel
    other_docnos: list[DocnoModel]
    docno_prefixes: list[str]
    outdated: OutdatedModel


class CountClaimModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    words: list[str] = Field(min_length=1)
    requires: list[str] = []
    requires_for: dict[str, list[str]] = {}
    exclude: list[str] = []
    not_after: list[str] = []
    before: bool = False
    targets: list[list[str]] = Field(min_length=1)
    when: list[dict[str, list[Any]]] = []
    layouts: list[Literal["2019", "2021"]] = []

    @field_validator("targets")
    @classmethod
    def _refs(cls, v: list[list[str]]) -> list[list[str]]:
        import re

        for target in v:
            for ref in target:
                if not re.match(_REF, ref):
                    raise ValueError(f"bad cell reference {ref!r} (table:row[@column])")
        return v


class NoneClaimModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    patterns: list[str]
    not_with: list[str] = []  # words that make the clause about another table (OG504)
    targets: list[list[str]]

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, v: list[str]) -> list[str]:
        import re

        for p in v:
            re.compile(p)
        return v


class NarrativeModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_: Literal["opengov-lint/narrative/1"] = Field(alias="schema")
    counts: list[CountClaimModel]
    outcomes: list[dict[str, Any]]
    all_upheld: list[str]
    count_comparison: list[str]
    fillers: list[str]
    count_units: list[str]
    not_counts: list[str]
    none: list[NoneClaimModel]
    none_exclude: list[str]
    period_words: list[str]
    years: dict[Literal["future", "comparison", "sections"], list[Any]]
    fee_statement: list[str]
    accountability: dict[Literal["assessment", "appraisal", "liability"], list[str]]
    problems: dict[str, Any]


class IssuersModel(BaseModel):  # rules/issuers.yaml (kinds, patterns: tests/test_issuer.py)
    model_config = ConfigDict(extra="forbid")
    schema_: Literal["opengov-lint/issuers/2"] = Field(alias="schema")
    classes: dict[Literal["township", "government", "office", "subdistrict", "agency", "department"],
                  dict[Literal["kind", "deadline", "suffixes", "patterns"], Any]]
    places: dict[Literal["suffixes", "zones", "completions"], list[str]]
    abbreviations: dict[str, str]
    title_stops: list[str]
    chrome: dict[Literal["starts", "words", "separators", "publisher_labels"], list[str]]
