"""The generated metadata table of the built-in rules (registry/builtin_table.py) is current, and a
rule known from it behaves as one read from its module."""

from __future__ import annotations

from opengov_lint.registry import metadata
from opengov_lint.registry.rules import LazyRuleInfo, builtin_rules, rule_from_module

REGENERATE = "python -m opengov_lint.registry.metadata"


def test_metadata_table_is_current() -> None:
    current = metadata.TABLE.read_text(encoding="utf-8")
    assert current == metadata.render(), (
        f"the built-in rule table {metadata.TABLE.name} does not match the rule modules (a rule was added, "
        f"renamed or changed its severity, templates or scope): run `{REGENERATE}` and commit the result")


def test_rules_from_the_table_load_their_module_on_first_use() -> None:
    import importlib

    rules = builtin_rules()
    assert all(isinstance(r, LazyRuleInfo) for r in rules)
    for r in rules:
        full = rule_from_module(importlib.import_module(r.module))
        assert (r.code, r.name, r.severity, r.templates, r.scope) == \
            (full.code, full.name, full.severity, full.templates, full.scope)
        assert r.check is full.check
        assert r.doc == full.doc
        assert r.messages == full.messages
        assert r.options_type is full.options_type
        assert r.basis == full.basis
