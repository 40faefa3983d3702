"""A batch manifest (CSV or YAML): path, issuer, year, parent, aggregate — for when detection is not
enough (renamed organs, OCR-misread names) and to declare aggregate reports and their units (OG604).

CSV: a header row with the column names (path is required; the others optional). YAML: a list of
mappings with the same keys, or {reports: [...]}. Paths are relative to the manifest's folder."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from typing import Any

from opengov_lint.model.report import ISSUER_KINDS

_KEYS = {"path", "issuer", "year", "parent", "aggregate", "issuer_kind"}


class ManifestError(Exception):
    pass


@dataclass(slots=True, frozen=True)
class Entry:
    issuer: str | None = None
    year: int | None = None
    parent: str | None = None
    aggregate: bool = False
    issuer_kind: str | None = None


def key(path: str) -> str:
    return os.path.normcase(os.path.normpath(os.path.abspath(path)))


def _truthy(v: Any) -> bool:
    return str(v).strip().lower() in ("1", "true", "yes", "y", "是", "汇总")


def _text(path: str, encoding: str) -> str:
    from opengov_lint.fsutil import read_limited_text

    try:
        return read_limited_text(path, encoding)
    except ValueError as exc:
        raise ManifestError(str(exc)) from exc


def _yaml_rows(path: str) -> list[dict[str, Any]]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe", pure=True).load(_text(path, "utf-8"))
    except (YAMLError, ValueError) as exc:
        raise ManifestError(f"{path}: not valid YAML: {exc}") from exc
    rows: list[dict[str, Any]] = data.get("reports", []) if isinstance(data, dict) else (data or [])
    return rows


def load(path: str) -> dict[str, Entry]:
    base = os.path.dirname(os.path.abspath(path))
    rows: list[dict[str, Any]]
    if path.lower().endswith((".yaml", ".yml")):
        rows = _yaml_rows(path)
    else:
        import io

        rows = list(csv.DictReader(io.StringIO(_text(path, "utf-8-sig"), newline="")))
    out: dict[str, Entry] = {}
    for i, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or not row.get("path"):
            raise ManifestError(f"{path}: entry {i} has no path")
        unknown = set(row) - _KEYS
        if unknown:
            raise ManifestError(f"{path}: entry {i}: unknown column(s) {sorted(unknown)}; allowed: {sorted(_KEYS)}")
        year = row.get("year")
        try:
            year_v = int(year) if year not in (None, "") else None
        except ValueError as exc:
            raise ManifestError(f"{path}: entry {i}: year {year!r} is not a number") from exc
        kind = row.get("issuer_kind") or None
        if kind not in (None, *ISSUER_KINDS):
            raise ManifestError(f"{path}: entry {i}: issuer_kind must be one of {', '.join(ISSUER_KINDS)}")
        target = row["path"] if "://" in str(row["path"]) else key(os.path.join(base, str(row["path"])))
        out[target] = Entry(issuer=(row.get("issuer") or None), year=year_v, parent=(row.get("parent") or None),
                            aggregate=_truthy(row.get("aggregate", "")), issuer_kind=kind)
    return out
