"""pydantic schemas: the configuration file and the shipped YAML knowledge (validated by the test
suite and when a user's file is loaded). Imported lazily: pydantic costs ~0.15 s at start-up."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Severity = Literal["error", "warning", "info"]


class ConfigModel(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    select: list[str] | None = None
    ignore: list[str] | None = None
    extend_select: list[str] | None = Field(default=None, alias="extend-select")
    fail_on: Literal["error", "warning", "info", "never"] | None = Field(default=None, alias="fail-on")
    lang: Literal["zh", "en"] | None = None
    jobs: int | None = Field(default=None, ge=1, le=1024)
    year: int | None = Field(default=None, ge=2008, le=2100)
    issuer_kind: Literal["government", "department"] | None = Field(default=None, alias="issuer-kind")
    output_format: Literal["text", "json", "jsonl", "csv", "xlsx", "html"] | None = Field(default=None, alias="output-format")
    severity: dict[str, Severity] | None = None
    options: dict[str, dict[str, Any]] | None = None
    max_bytes: int | None = Field(default=None, alias="max-bytes", ge=1024)
    timeout: float | None = Field(default=None, gt=0, le=86400)

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
