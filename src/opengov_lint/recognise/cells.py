"""Typing of a data cell: blank, zero, number, placeholder or text — never coerced.

The raw text is kept; the number a cell states is parsed with its unit, sign, annotation and any
full-width or thousands-separator spelling noted, so that OG2xx rules can report each of them."""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation

from opengov_lint.knowledge.catalog import cell_vocab
from opengov_lint.model import CellKind, TypedCell
from opengov_lint.recognise.text import nfkc, squash

_FULLWIDTH = re.compile(r"[\u3000\uff10-\uff19\uff0c\uff0e\uff0b\uff0d]")
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")


@functools.cache
def _number_re() -> re.Pattern[str]:
    vocab = cell_vocab()
    units = sorted(vocab["units"], key=len, reverse=True)
    words = sorted(vocab["decrease_words"] + vocab["increase_words"], key=len, reverse=True)
    return re.compile(
        r"^(?P<sign>[+\-−]|" + "|".join(map(re.escape, words)) + r")?"
        r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?"
        r"(?P<unit>" + "|".join(map(re.escape, units)) + r")?"
        r"(?P<note>\(.*\))?$"
    )


@functools.cache
def _placeholders() -> frozenset[str]:
    return frozenset(squash(nfkc(p)) for p in cell_vocab()["placeholders"])


def clean_raw(raw: str) -> str:
    """Drop export artefacts that are not content (Word bookmark markers in text exports)."""
    return _BOOKMARK.sub("", raw) if "[bookmark:" in raw else raw


def type_cell(raw: str, expects: str = "count", header_unit: str | None = None,
              line: int | None = None, page: int | None = None) -> TypedCell:
    raw = clean_raw(raw)
    kind, value, unit, annotation, fullwidth, signed = _parse(raw)
    return TypedCell(raw=raw, kind=kind, value=value, unit=unit, annotation=annotation, fullwidth=fullwidth,
                     signed=signed, expects=expects, header_unit=header_unit, line=line, page=page)


_Parsed = tuple[CellKind, "int | Decimal | None", "str | None", "str | None", bool, bool]


@functools.lru_cache(maxsize=8192)
def _parse(raw: str) -> _Parsed:
    """The content of a cell, independent of where it stands (cached: most cells are 0)."""
    cell = TypedCell(raw=raw, kind=CellKind.TEXT)
    _classify(raw, cell)
    return cell.kind, cell.value, cell.unit, cell.annotation, cell.fullwidth, cell.signed


def _classify(raw: str, cell: TypedCell) -> None:
    text = squash(nfkc(raw))
    if not text:
        cell.kind = CellKind.BLANK
        return
    if text in _placeholders():
        cell.kind = CellKind.PLACEHOLDER
        return
    m = _number_re().match(text)
    if not m:
        return
    digits = m["int"]
    cell.fullwidth = bool(_FULLWIDTH.search(raw.strip(" \t\r\n")) or "\u3000" in raw or "," in digits)
    try:
        value: int | Decimal = Decimal(digits.replace(",", "") + m["frac"]) if m["frac"] else int(
            digits.replace(",", ""))
    except (InvalidOperation, ValueError):  # pragma: no cover - the regex admits only digits
        return
    sign = m["sign"]
    if sign:
        cell.signed = True
        if sign in ("-", "−") or sign in cell_vocab()["decrease_words"]:
            value = -value
    cell.value = value
    cell.unit = m["unit"]
    if m["note"]:
        cell.annotation = m["note"][1:-1]
    cell.kind = CellKind.ZERO if value == 0 else CellKind.NUMBER
