"""The rule registry: built-in rule modules plus third-party ones from the entry-point group
`opengov_lint.rules` (flake8-style). Metadata lives in each module as constants (yamllint-style)."""

from __future__ import annotations

import functools
import importlib
import inspect
import re
from typing import TYPE_CHECKING, Any

from opengov_lint.findings import SEVERITIES
from opengov_lint.registry.info import RegistryError, RuleInfo

if TYPE_CHECKING:
    from types import ModuleType

ENTRY_POINT_GROUP = "opengov_lint.rules"
_CODE = re.compile(r"^[A-Z]{2,4}\d{3}$")


def rule_from_module(mod: ModuleType, builtin: bool = True) -> RuleInfo:
    try:
        code, name, severity = mod.CODE, mod.NAME, mod.SEVERITY
        check = mod.check
    except AttributeError as exc:
        raise RegistryError(f"rule module {mod.__name__} lacks {exc.name}") from exc
    if not _CODE.match(code):
        raise RegistryError(f"rule module {mod.__name__}: code {code!r} is not like OG123")
    if severity not in SEVERITIES:
        raise RegistryError(f"rule module {mod.__name__}: severity {severity!r} not one of {SEVERITIES}")
    return RuleInfo(
        code=code,
        name=name,
        severity=severity,
        templates=tuple(getattr(mod, "TEMPLATES", ("2019", "2021"))),
        scope=getattr(mod, "SCOPE", "report"),
        doc=inspect.getdoc(mod) or "",
        messages=dict(getattr(mod, "MESSAGES", {})),
        options_type=getattr(mod, "Options", None),
        check=check,
        module=mod.__name__,
        builtin=builtin,
        basis=dict(getattr(mod, "BASIS", {})),
    )


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
        full = rule_from_module(importlib.import_module(self.module))
        for name in _LAZY:
            setattr(self, name, getattr(full, name))

    check = _lazy("check")
    doc = _lazy("doc")
    messages = _lazy("messages")
    options_type = _lazy("options_type")
    basis = _lazy("basis")


_LAZY = ("check", "doc", "messages", "options_type", "basis")  # what the module gives, on first use


@functools.cache
def builtin_rules() -> tuple[RuleInfo, ...]:
    """From the generated metadata table (no rule module imported) when it lists exactly the modules
    of RULE_MODULES; otherwise (a rule added and the table not regenerated yet) from the modules."""
    from opengov_lint.registry.builtin_table import RULES
    from opengov_lint.rules import RULE_MODULES

    if [row[5] for row in RULES] == RULE_MODULES:
        return tuple(LazyRuleInfo(code, name, sev, templates, scope, f"opengov_lint.rules.{mod}")
                     for code, name, sev, templates, scope, mod in RULES)
    return tuple(rule_from_module(importlib.import_module(f"opengov_lint.rules.{name}")) for name in RULE_MODULES)


@functools.cache
def plugin_rules() -> tuple[RuleInfo, ...]:
    """Rules of installed plugins; none when OPENGOV_LINT_NO_PLUGINS is set (the test suite sets it, so
    a developer's installed plugins cannot change what the tests see)."""
    import os

    if os.environ.get("OPENGOV_LINT_NO_PLUGINS") or not _may_have_plugins():
        return ()
    from importlib.metadata import entry_points

    out: list[RuleInfo] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        obj = ep.load()
        mods = obj if isinstance(obj, (list, tuple)) else [obj]
        out.extend(rule_from_module(m, builtin=False) for m in mods)
    return tuple(out)


def _may_have_plugins() -> bool:
    """A cheap look at the installed distributions' entry_points.txt before paying for
    importlib.metadata (a pre-commit hook starts on every commit); any doubt answers yes."""
    import os
    import sys

    needle = ENTRY_POINT_GROUP.encode()
    for entry in sys.path:
        if not entry or not os.path.isdir(entry):
            if entry and os.path.isfile(entry):  # a zip or egg on the path: let importlib.metadata look
                return True
            continue
        try:
            names = [d.name for d in os.scandir(entry) if d.name.endswith((".dist-info", ".egg-info"))]
        except OSError:
            continue
        for name in names:
            try:
                with open(os.path.join(entry, name, "entry_points.txt"), "rb") as fh:
                    if needle in fh.read():
                        return True
            except OSError:
                continue
    return False


def all_rules(plugins: bool = True, packs: tuple[str, ...] | list[str] = ()) -> list[RuleInfo]:
    """Built-in rules, installed plugins and the rule packs named in the configuration. A code or a
    name used twice is an error (RegistryError), never a silent override."""
    rules = list(builtin_rules())
    extra: list[RuleInfo] = list(plugin_rules()) if plugins else []
    if packs:
        from opengov_lint.registry.packs import load_pack

        for ref in packs:
            extra.extend(load_pack(ref))
    codes = {r.code: r.module for r in rules}
    names = {r.name: r.code for r in rules}
    for r in extra:
        if r.code in codes:
            raise RegistryError(f"rule {r.code} of {r.module} reuses the code of {codes[r.code]}")
        if r.name in names:
            raise RegistryError(f"rule {r.code} of {r.module} reuses the name {r.name!r} of {names[r.name]}")
        codes[r.code], names[r.name] = r.module, r.code
        rules.append(r)
    return sorted(rules, key=lambda r: r.code)


def find_rule(key: str, plugins: bool = True, packs: tuple[str, ...] | list[str] = ()) -> RuleInfo | None:
    k = key.strip()
    for r in all_rules(plugins, packs):
        if r.code.lower() == k.lower() or r.name == k:
            return r
    return None
