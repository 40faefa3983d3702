"""What the registry knows of one rule (metadata, messages, options, check function)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

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

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""

    @property
    def summary_zh(self) -> str:
        paras = [p.strip() for p in self.doc.strip().split("\n\n")]
        return paras[1].replace("\n", "") if len(paras) > 1 else self.summary

    def default_options(self) -> Any:
        return self.options_type() if self.options_type is not None else None


def _lazy(field_name: str) -> property:
    """A field of a LazyRuleInfo read from the rule's module the first time it is asked for."""
    slot = RuleInfo.__dict__[field_name]  # the slot of the dataclass field

    def get(self: LazyRuleInfo) -> Any:
        try:
            return slot.__get__(self, RuleInfo)
        except AttributeError:
            self.load()
            return slot.__get__(self, RuleInfo)

    def put(self: LazyRuleInfo, value: Any) -> None:
        slot.__set__(self, value)

    return property(get, put)


class LazyRuleInfo(RuleInfo):
    """A built-in rule known from the generated metadata table (registry.metadata): code, name,
    severity, templates and scope at once; the module (check, doc, messages, options) on first use."""

    __slots__ = ()

    def __init__(self, code: str, name: str, severity: str, templates: tuple[str, ...], scope: str,
                 module: str) -> None:
        self.code, self.name, self.severity, self.templates, self.scope = code, name, severity, templates, scope
        self.module, self.builtin, self.extra = module, True, {}

    def load(self) -> None:
        import inspect

        mod = importlib.import_module(self.module)
        self.doc = inspect.getdoc(mod) or ""
        self.messages = dict(getattr(mod, "MESSAGES", {}))
        self.options_type = getattr(mod, "Options", None)
        self.check = mod.check

    check = _lazy("check")
    doc = _lazy("doc")
    messages = _lazy("messages")
    options_type = _lazy("options_type")
