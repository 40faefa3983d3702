"""A table value as a plain number for messages and evidence: Decimal('5') -> 5, Decimal('1.5') -> 1.5."""

from __future__ import annotations

from decimal import Decimal


def plain_number(v: int | Decimal | None) -> int | float | None:
    """The one conversion of a cell's value (int or Decimal) for messages and JSON evidence: a whole
    number as int, a fraction as float; None stays None."""
    if v is None:
        return None
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v
