"""pydantic schemas of the assessor's catalogue files (rules/assessment.yaml, rules/provinces.yaml),
validated by the test-suite. Imported lazily, like config.schemas."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


def _compiles(patterns: list[str]) -> list[str]:
    for p in patterns:
        re.compile(p)
    return patterns


class LevelPatternModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Literal["county", "township"]
    pattern: str

    @field_validator("pattern")
    @classmethod
    def _valid(cls, v: str) -> str:
        re.compile(v)
        return v


class RuleMakingModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    basis: str
    prefix: str
    no_power: list[LevelPatternModel]
    fee_limits_wan: dict[Literal["county", "township"], int]


class FeeNoticeModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    no_notice: list[str]
    unpaid: list[str]
    unpaid_negations: list[str]

    @field_validator("no_notice", "unpaid", "unpaid_negations")
    @classmethod
    def _valid(cls, v: list[str]) -> list[str]:
        return _compiles(v)


class TopicModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    label: str
    en: str
    words: list[str] = Field(min_length=1)


class AssessmentModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_: Literal["opengov-lint/assessment/1"] = Field(alias="schema")
    rule_making: RuleMakingModel
    fee_notice: FeeNoticeModel
    overview_topics: list[TopicModel] = Field(min_length=5, max_length=5)
    overview_min_chars: int
    followup: list[str]
    followup_year_gap: int

    @field_validator("followup")
    @classmethod
    def _valid(cls, v: list[str]) -> list[str]:
        return _compiles(v)


class ProvinceModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(pattern=r"(省|自治区|市)$")
    code: str = Field(min_length=1, max_length=1)
    cities: list[str]
    docno_ambiguous: bool = False


class ProvincesModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_: Literal["opengov-lint/provinces/1"] = Field(alias="schema")
    provinces: list[ProvinceModel] = Field(min_length=31, max_length=31)
    docno_forms: list[str]
    basis_words: list[str]
