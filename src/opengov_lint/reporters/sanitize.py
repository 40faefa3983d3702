"""Text from documents is untrusted: before any reporter sees a result, control characters in the
messages, excerpts, paths and report facts are shown as visible escapes (`\\x1b`), so a title cannot
drive the terminal, break JUnit/SARIF XML or JSON consumers, or be refused by a spreadsheet writer.
Spreadsheet cells (CSV, xlsx) that start like a formula (`=`, `+`, `-`, `@`, tab, CR) get a leading
apostrophe (OWASP CSV injection), except plain numbers such as `-4`."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

# C0 controls except tab and newline, DEL, C1 controls, lone surrogates, and the two non-characters XML refuses
_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def _escape(m: re.Match[str]) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def clean(text: str) -> str:
    return _BAD.sub(_escape, text) if _BAD.search(text) else text


def cell(value: Any) -> Any:
    """A spreadsheet cell: cleaned, and never a formula."""
    if not isinstance(value, str):
        return value
    value = clean(value)
    if _FORMULA.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def finding(f: Any) -> Any:
    loc = f.location
    if not (_BAD.search(f.message) or _BAD.search(f.path) or (loc.excerpt and _BAD.search(loc.excerpt))):
        return f  # evidence is only ever written as JSON, which escapes control characters itself
    return dataclasses.replace(f, message=clean(f.message), path=clean(f.path),
                               location=dataclasses.replace(loc, excerpt=clean(loc.excerpt) if loc.excerpt else None))


def result(r: Any) -> Any:
    """The same FileResult with every text field cleaned (in place; findings replaced when needed)."""
    r.findings = [finding(f) for f in r.findings]
    r.path = clean(r.path)
    facts = r.facts
    for name in ("issuer", "title", "template", "format", "issuer_kind"):
        value = getattr(facts, name, None)
        if isinstance(value, str):
            setattr(facts, name, clean(value))
    return r
