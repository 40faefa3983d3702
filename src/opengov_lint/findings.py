"""What a rule returns (a Hit) and what the engine emits (a Finding): sqlfluff's separation.

A rule states what it found and where; the engine stamps code, name and severity from the registry
and the configuration, and renders the message in the user's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(slots=True)
class Location:
    line: int | None = None
    page: int | None = None
    section: int | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None
    excerpt: str | None = None
    paragraph: int | None = None  # index of the paragraph in the document (0-based), when text

    def to_dict(self) -> dict[str, Any]:
        # by hand, not dataclasses.asdict (which deep-copies): one dict per finding of a large batch
        return {"line": self.line, "page": self.page, "section": self.section, "table": self.table,
                "row": self.row, "column": self.column, "excerpt": self.excerpt, "paragraph": self.paragraph}

    def cell_path(self) -> str | None:
        if not self.table:
            return None
        return ".".join(x for x in (self.table, self.row, self.column) if x)


@dataclass(slots=True, frozen=True)
class Fix:
    """A safe text edit on one source line: replace `old` (which must occur exactly once) by `new`."""

    line: int | None
    old: str
    new: str
    ref: str | None = None  # the source element when the format has no lines (docx)


@dataclass(slots=True)
class Hit:
    """One problem found by a rule. `message` is a key of the rule's MESSAGES; `args` fill it."""

    message: str = "default"
    args: dict[str, Any] = field(default_factory=dict)
    location: Location = field(default_factory=Location)
    evidence: dict[str, Any] = field(default_factory=dict)
    severity: str | None = None  # a rule may raise/lower one hit where RULES.md says so (OG206, OG401)
    fix: Fix | None = None  # a mechanical correction that cannot change the meaning (`check --fix`)


@dataclass(slots=True)
class Finding:
    code: str
    name: str
    severity: str
    message: str
    path: str
    location: Location
    evidence: dict[str, Any] = field(default_factory=dict)
    fix: Fix | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "location": self.location.to_dict(),
            "evidence": self.evidence,
        }

    @property
    def group(self) -> str | None:
        """For one defect over many cells (a column, row or table left blank: RULES.md, OG2xx): the kind
        of group (`table`, `columns`, `rows`, `scattered`); None for a finding about one place."""
        g = self.evidence.get("group")
        return str(g) if g else None

    def group_cells(self) -> list[str]:
        """The cell paths a grouped finding covers (empty for other findings)."""
        cells = self.evidence.get("cells") if self.group else None
        return [str(c) for c in cells] if isinstance(cells, list) else []

    def group_anchor(self) -> str | None:
        """A grouped finding's place, independent of lines: `requests:columns:commercial+research`."""
        if not self.group:
            return None
        names = self.evidence.get("columns") or self.evidence.get("rows") or []
        return f"{self.location.table}:{self.group}:{'+'.join(str(x) for x in names)}"

    def sort_key(self) -> tuple[Any, ...]:
        loc = self.location
        return (self.path, loc.page or 0, loc.line or 0, loc.section or 0, self.code, loc.row or "", loc.column or "")


@dataclass(slots=True)
class BatchHit:
    """A cross-document hit: which file it belongs to, and the hit."""

    path: str
    hit: Hit
