"""`check --fix` / `--diff` for text-based reports (.txt, .md, canonical .yaml/.json): apply the
mechanical corrections rules attach to their findings (heading numbering, full-width digits and
spaces in numeric cells, template label wording, the regulation's title) — never a number.

An edit is applied only when its old text occurs exactly once on its line; everything else in the
file (encoding, line endings, other lines) is left byte-for-byte as it was."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from opengov_lint.readers.decode import decode

if TYPE_CHECKING:
    from opengov_lint.findings import Finding, Fix

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".yaml", ".yml", ".json")


@dataclass(slots=True)
class FixResult:
    data: bytes
    applied: list[Fix] = field(default_factory=list)
    skipped: list[Fix] = field(default_factory=list)
    diff: str = ""


def apply_fixes(path: str, data: bytes, findings: list[Finding]) -> FixResult:
    text, encoding = decode(data)
    bom = data.startswith(b"\xef\xbb\xbf")
    lines = text.splitlines(keepends=True)
    result = FixResult(data)
    by_line: dict[int, list[Fix]] = {}
    for f in findings:
        # a fix without a line addresses a Word element (docx: `ref`); a .docx named like a text file gets here
        if f.fix is not None and f.fix.line is not None and 1 <= f.fix.line <= len(lines):
            by_line.setdefault(f.fix.line, []).append(f.fix)
    new_lines = list(lines)
    for line_no, fixes in sorted(by_line.items()):
        current = new_lines[line_no - 1]
        for fix in dict.fromkeys(fixes):  # the same edit proposed twice is applied once
            if fix.old and current.count(fix.old) == 1 and fix.old != fix.new:
                current = current.replace(fix.old, fix.new, 1)
                result.applied.append(fix)
            else:
                result.skipped.append(fix)
        new_lines[line_no - 1] = current
    if not result.applied:
        return result
    new_text = "".join(new_lines)
    result.diff = "".join(difflib.unified_diff(lines, new_lines, fromfile=path, tofile=f"{path} (fixed)"))
    out = new_text.encode(encoding if encoding != "utf-8" else "utf-8")
    result.data = (b"\xef\xbb\xbf" if bom and not out.startswith(b"\xef\xbb\xbf") else b"") + out
    return result
