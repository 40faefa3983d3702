"""`check --fix` on a .docx writes a fixed copy (`-o`), never the original: the same mechanical
corrections as for text (heading numbering written as text, full-width digits in numeric cells,
template label wording, the regulation's title), applied to the runs of the paragraph or cell each
finding names. Text split over several runs is handled; an edit is applied only when its old text
occurs exactly once in that paragraph or cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from opengov_lint.authoring.docxpkg import Package
from opengov_lint.readers.docxnum import W

if TYPE_CHECKING:
    from opengov_lint.findings import Finding, Fix

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(slots=True)
class DocxFix:
    data: bytes
    applied: list[Fix] = field(default_factory=list)
    skipped: list[Fix] = field(default_factory=list)


def replace_in(el: Any, old: str, new: str) -> bool:
    runs = list(el.iter(W + "t"))
    full = "".join(t.text or "" for t in runs)
    if not old or full.count(old) != 1:
        return False
    start = full.index(old)
    end = start + len(old)
    pos, first = 0, True
    for t in runs:
        text = t.text or ""
        a, b = pos, pos + len(text)
        pos = b
        if b <= start or a >= end:
            continue
        s0, s1 = max(start, a) - a, min(end, b) - a
        t.text = text[:s0] + (new if first else "") + text[s1:]
        t.set(_XML_SPACE, "preserve")
        first = False
    return True


def fix_copy(data: bytes, findings: list[Finding]) -> DocxFix:
    pkg = Package(data)
    result = DocxFix(data)
    for fix in dict.fromkeys(f.fix for f in findings if f.fix is not None and f.fix.ref):
        assert fix is not None
        assert fix.ref is not None
        el = pkg.by_ref.get(fix.ref)
        if el is not None and fix.old != fix.new and replace_in(el, fix.old, fix.new):
            result.applied.append(fix)
        else:
            result.skipped.append(fix)
    if result.applied:
        result.data = pkg.save()
    return result
