"""What the tables say for a count the running text states (OG503/OG504): readings of `table:row[@column]`
references, judged against the stated count, and the references in the template's words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from opengov_lint.rules.support.numbers import plain_number
from opengov_lint.rules.support.template import TABLE_SHORT, col_label, row_label, spec

if TYPE_CHECKING:
    from decimal import Decimal

    from opengov_lint.model import Report, TableData, TypedCell


@dataclass(slots=True)
class Reading:
    """What the table says for a list of cell references: the sum of the known parts (`lower`),
    whether every part is known (`exact`), and the cells used."""

    lower: int | Decimal = 0
    exact: bool = True
    known: int = 0
    cells: dict[str, int | float | None] = field(default_factory=dict)


_PARTS = {"requests": ("natural_person", "commercial", "research", "public_interest", "legal_service", "other_org"),
          "review_litigation": ("upheld", "corrected", "other", "pending")}


def _row_readings(table: TableData, row: str, column: str | None) -> list[Reading]:
    """One row's value; two readings when the row's stated total differs from its parts (the table
    contradicts itself, so either is a fair reading of it)."""
    cells = table.cells.get(row)
    if cells is None:
        return [Reading(exact=False)]
    col = column or "total"
    cell = cells.get(col)
    parts = [(f"{table.id}.{row}.{c}", cells.get(c)) for c in _PARTS.get(table.id, ())] if column is None else []
    by_parts, psum, complete = _parts_reading(parts)
    if cell is None or cell.value is None:
        return [by_parts] if parts else [Reading(exact=False)]
    stated = Reading(cell.value, True, 1, {f"{table.id}.{row}.{col}": plain_number(cell.value)})
    return [stated, by_parts] if parts and complete and psum != cell.value else [stated]


def _parts_reading(parts: list[tuple[str, TypedCell | None]]) -> tuple[Reading, int | Decimal, bool]:
    """The row read as the sum of its applicant columns: (reading, sum, every part known)."""
    known = [(k, c.value) for k, c in parts if c is not None and c.value is not None]
    psum = sum((v for _, v in known), start=0)
    complete = len(known) == len(parts)
    return Reading(psum, complete, len(known), {k: plain_number(v) for k, v in known}), psum, complete


def read_target(report: Report, refs: list[str]) -> list[Reading] | None:
    """Readings of `table:row[@column]` references added up (`row.*`: the rows of a group); None when
    a reference names a table or row that this report's layout does not have."""
    combos: list[Reading] = [Reading()]
    for ref in refs:
        tid, rest = ref.split(":", 1)
        row, _, column = rest.partition("@")
        table = report.tables.get(tid)
        if table is None:
            return None
        sp = spec(table)
        if row.endswith(".*"):
            rows = [r.path for r in sp.data_rows if r.group == row[:-2]]
        else:
            r = sp.row(row)
            rows = [row] if r is not None and (r.data or sp.block_table) else []
        if not rows:
            return None
        for path in rows:
            options = _row_readings(table, path, column or None)
            combos = [Reading(c.lower + o.lower, c.exact and o.exact, c.known + o.known, {**c.cells, **o.cells})
                      for c in combos for o in options][:4]
    return combos


def requests_reliable(report: Report) -> bool:
    """False when table 三's own balance (一+二 = （七）+四, total column) fails: then the table was
    misread or is wrong, and the prose is not compared with it."""
    t = report.tables.get("requests")
    if t is None:
        return False
    vals = [t.cell(r, "total") for r in ("new_received", "carried_over", "total_processed", "carried_forward")]
    nums = [c.value for c in vals if c is not None and c.value is not None]
    if len(nums) < 4:
        return True
    return bool(nums[0] + nums[1] == nums[2] + nums[3])


def judge_count(report: Report, value: int, targets: list[list[str]]) -> Reading | None:
    """The table reading a stated count contradicts, or None when the count agrees with one reading
    of the table or cannot be judged (blank cells, rows the table lacks)."""
    readings = [r for t in targets for r in (read_target(report, t) or [])]
    readings = [r for r in readings if r.known]
    if not readings:
        return None
    for r in readings:
        if (r.exact and r.lower == value) or (not r.exact and r.lower <= value):
            return None
    return readings[0]


def target_label(report: Report, refs: list[str]) -> str:
    """表三“（一）予以公开”+“（二）部分公开” for references, in the template's words."""
    parts = []
    for ref in refs:
        tid, rest = ref.split(":", 1)
        row, _, column = rest.partition("@")
        table = report.tables.get(tid)
        if table is None:
            continue
        label = row_label(table, row.removesuffix(".*"))
        label = re.sub(r"（[^（）]*情形[^（）]*）$", "", label)
        col = col_label(table, column, row) if column else ("总计" if tid != "active_disclosure" else "")
        parts.append(f"“{label}”{col}")
    return TABLE_SHORT.get(refs[0].split(":")[0], "") + "+".join(parts)
