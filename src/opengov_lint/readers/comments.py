"""Inline suppressions in canonical YAML comments:

    fees: {amount: 86.4万元}  # opengov-lint: ignore[OG206] 单位为万元，已在表头注明

A comment at the end of a line covers that line (a cell, a row or a table key); a comment on a line of
its own covers the next content line; comments before the first content line cover the whole file.
The comments come from ruamel's round-trip loader (so a `#` inside a text block is never mistaken for
a comment); this module only reads them, deciding what they suppress is the engine's business."""

from __future__ import annotations

import re
from typing import Any

from opengov_lint.model import Suppression

MARKER = re.compile(r"^#\s*opengov-lint\s*:", re.IGNORECASE)
_IGNORE = re.compile(r"^#\s*opengov-lint\s*:\s*ignore\s*\[([^\]]*)\]\s*(.*)$", re.IGNORECASE)


def _tokens(node: Any, out: dict[int, Any]) -> None:
    ca = getattr(node, "ca", None)
    if ca is not None:
        _take(ca.comment, out)
        _take(list(ca.items.values()), out)
        _take(getattr(ca, "end", None), out)
    if isinstance(node, dict):
        for v in node.values():
            _tokens(v, out)
    elif isinstance(node, list):
        for v in node:
            _tokens(v, out)


def _take(x: Any, out: dict[int, Any]) -> None:
    if x is None:
        return
    if isinstance(x, list):
        for y in x:
            _take(y, out)
    elif hasattr(x, "start_mark") and hasattr(x, "value"):
        out[id(x)] = x


def comment_lines(root: Any) -> dict[int, str]:
    """1-based line -> comment text, for every comment ruamel kept."""
    toks: dict[int, Any] = {}
    _tokens(root, toks)
    lines: dict[int, str] = {}
    for t in toks.values():
        start = t.start_mark.line + 1
        for i, part in enumerate(str(t.value).split("\n")):
            if part.strip().startswith("#"):
                lines[start + i] = part.strip()
    return lines


def _is_content(line: str) -> bool:
    s = line.strip()
    return bool(s) and not s.startswith("#") and s not in ("---", "...")


def parse(text: str, root: Any) -> list[Suppression]:
    """Every `# opengov-lint:` comment of the document, as suppressions (malformed ones carry a problem)."""
    src = text.splitlines()
    first_content = next((i + 1 for i, ln in enumerate(src) if _is_content(ln)), len(src) + 1)
    out = []
    for line, comment in sorted(comment_lines(root).items()):
        if not MARKER.match(comment):
            continue
        own_line = line - 1 < len(src) and src[line - 1].lstrip().startswith("#")
        if own_line and line < first_content:
            target: int | None = None
        elif own_line:
            target = next((i for i in range(line + 1, len(src) + 1) if _is_content(src[i - 1])), None)
            if target is None:
                target = line
        else:
            target = line
        out.append(_one(comment, line, target))
    return out


def _one(comment: str, line: int, target: int | None) -> Suppression:
    m = _IGNORE.match(comment)
    if m is None:
        return Suppression((), "", line, target, problem="syntax", text=comment)
    codes = tuple(c.strip() for c in re.split(r"[,\s，]+", m.group(1)) if c.strip())
    reason = m.group(2).strip()
    return Suppression(codes, reason, line, target, problem=None if codes else "no-codes", text=comment)
