"""What the registry knows of one rule (metadata, messages, options, check function)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from opengov_lint.findings import Hit


class RegistryError(Exception):
    pass


@dataclass(slots=True)
class RuleInfo:
    code: str
    name: str
    severity: str
    templates: tuple[str, ...]
    scope: str  # report | batch
    doc: str
    messages: dict[str, dict[str, str]]
    options_type: type | None
    check: Callable[..., Iterator[Hit]]
    module: str
    builtin: bool = True
    extra: dict[str, Any] = field(default_factory=dict)
    # the basis the rule rests on: {"kind": law|format|standard|guidance|practice|tool|reading,
    # "refs": ["2019:50.4", "format_2021", ...], "zh": ..., "en": ...} (module constant BASIS)
    basis: dict[str, Any] = field(default_factory=dict)

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""

    @property
    def summary_zh(self) -> str:
        paras = [p.strip() for p in self.doc.strip().split("\n\n")]
        return paras[1].replace("\n", "") if len(paras) > 1 else self.summary

    def default_options(self) -> Any:
        return self.options_type() if self.options_type is not None else None

