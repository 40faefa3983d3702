"""How well a template table could be read, so that a damaged source is not judged as a defective report.

A PDF-to-Markdown conversion (or any export that loses cell boundaries) can tear a row's label from
its numbers: the numbers survive as an unlabelled row, the label as loose text. The template row is
then absent from what the recogniser placed, but the author did not leave it out. The signal is
generic: a row of numbers with no recognisable label (an *unplaced* row) lying where, in template
order, a template row is absent. Such absent rows are *unreadable* (reported once, OG903, with what
was lost), not missing (OG109); an absent row with no unplaced row where it belongs is missing.
Rows whose cells could not be matched to the columns are *unassessed*: found, but not checked.
Rules see all of this through `TableData.unreadable_rows` / `unassessed_rows` / `degraded`."""

from __future__ import annotations

from dataclasses import dataclass, field

from opengov_lint.model import Cell, Diagnostic, Table, TableData
from opengov_lint.recognise.cells import type_cell
from opengov_lint.recognise.text import excerpt

TABLE_SHORT = {"active_disclosure": ("表二", "table 二"), "requests": ("表三", "table 三"),
               "review_litigation": ("表四", "table 四")}


_SHOWN = 4  # row labels named in the message; the evidence lists them all


def numeric_cells(cells: list[Cell]) -> int:
    return sum(1 for c in cells if type_cell(c.text).numeric)


def is_unplaced(cells: list[Cell], width: int) -> bool:
    """A row that holds numbers like a data row (at least two, and no more than a data row can have)
    but whose label the recogniser could not place."""
    n = numeric_cells(cells)
    return 2 <= n <= width + 2


@dataclass(slots=True)
class Unplaced:
    table: Table
    line: int | None
    page: int | None


@dataclass(slots=True)
class ShortRow:
    """A row found by its label whose cells could not be matched to the template columns."""

    path: str | None  # None: a whole block table (四) whose one row of values could not be split
    label: str
    got: int
    want: int
    line: int | None
    page: int | None


@dataclass(slots=True)
class Uncertain:
    """A data cell of a scanned page that OCR could not read with enough confidence (`Cell.uncertain`)."""

    path: str
    column: str
    text: str
    confidence: float | None
    page: int | None


@dataclass(slots=True)
class Quality:
    """Collects, while a table is built, where unplaced rows lie in template order."""

    order: list[str]  # the template's data rows, in order
    prev: int = -1
    pending: list[Unplaced] = field(default_factory=list)
    gaps: list[tuple[int, int, list[Unplaced]]] = field(default_factory=list)
    short: list[ShortRow] = field(default_factory=list)
    uncertain: list[Uncertain] = field(default_factory=list)

    def unplaced(self, item: Unplaced) -> None:
        self.pending.append(item)

    def placed(self, path: str) -> None:
        if path not in self.order:
            return  # a row of the other layout: says nothing about where this layout's rows are
        i = self.order.index(path)
        self._close(i)
        self.prev = i

    def _close(self, at: int) -> None:
        if self.pending:
            lo, hi = min(self.prev, at), max(self.prev, at)
            self.gaps.append((lo, hi, self.pending))
            self.pending = []

    def split(self, absent: list[str]) -> tuple[list[str], list[str], list[Unplaced]]:
        """(missing, unreadable, the unplaced rows that stand for the unreadable ones)."""
        self._close(len(self.order))
        missing: list[str] = []
        unreadable: list[str] = []
        used: list[Unplaced] = []
        for path in absent:
            i = self.order.index(path) if path in self.order else -1
            hit = [g for g in self.gaps if g[0] < i < g[1]]
            if hit:
                unreadable.append(path)
                used.extend(u for g in hit for u in g[2] if not any(u is x for x in used))
            else:
                missing.append(path)
        return missing, unreadable, used


def _lost_rows(rows: list[str], labels: dict[str, str], unplaced: int) -> tuple[str, str]:
    shown = [excerpt(labels.get(p, p), 24) for p in rows[:_SHOWN]]
    more = len(rows) > _SHOWN
    zh = (f"{unplaced}行数字的行标签在原文中已与数字分离，模板行" + "、".join(f"“{x}”" for x in shown)
          + (f"等{len(rows)}行" if more else "") + "无法读出（不按缺行报告）")
    en = (f"{unplaced} row(s) of numbers lost their labels, so the template rows " + ", ".join(f"'{x}'" for x in shown)
          + (f" and {len(rows) - _SHOWN} more" if more else "") + " could not be read (not reported as missing)")
    return zh, en


def _short_rows(short: list[ShortRow]) -> tuple[list[str], list[str]]:
    zh = [f"“{excerpt(s.label, 30)}”行有{s.got}个数据单元格（模板要求{s.want}个），无法确定各列对应关系" for s in short]
    en = [f"row '{excerpt(s.label, 30)}' has {s.got} data cells where the template has {s.want}, so its columns "
          "cannot be matched" for s in short]
    return zh, en


def _places(used: list[Unplaced], short: list[ShortRow]) -> list[tuple[int, int | None]]:
    """(line, page) of every affected row, first line first."""
    out = [(x.line, x.page) for x in used if x.line is not None]
    out += [(x.line, x.page) for x in short if x.line is not None]
    return sorted(out, key=lambda p: p[0])


def degraded_diagnostic(data: TableData, labels: dict[str, str], q: Quality,
                        used: list[Unplaced]) -> Diagnostic | None:
    """One OG903 per table saying what could not be read: rows not found, rows not matched."""
    if not data.unreadable_rows and not q.short:
        return None
    zh_t, en_t = TABLE_SHORT.get(data.id, (data.id, data.id))
    zh, en = _short_rows(q.short)
    if data.unreadable_rows:
        lost = _lost_rows(data.unreadable_rows, labels, len(used))
        zh.insert(0, lost[0])
        en.insert(0, lost[1])
    places = _places(used, q.short)
    line, page = places[0] if places else (data.line, data.page)
    return Diagnostic(
        "OG903",
        f"{zh_t}读取受损（原文表格的单元格在转换或导出中错位、粘连）：" + "；".join(zh)
        + "。这些行未作检查，请核对原文件或提供原始 Word/PDF/网页版本",
        f"{en_t} was read from a damaged source (cells run together or torn apart by a conversion): "
        + "; ".join(en) + ". These rows were not checked; compare with the original file",
        line=line, page=page, section=data.section, table=data.id,
        evidence={
            "table": data.id,
            "unreadable_rows": list(data.unreadable_rows),
            "unassessed_rows": [s.path or data.id for s in q.short],
            "unplaced_rows": len(used),
            "lines": sorted({p[0] for p in places}),
            "cells": {s.path or data.id: {"found": s.got, "expected": s.want} for s in q.short},
        },
    )


def uncertain_diagnostic(data: TableData, rows: dict[str, str], cols: dict[str, str],
                         cells: list[Uncertain]) -> Diagnostic | None:
    """One OG903 per table naming the cells OCR could not read surely: not guessed, not checked."""
    if not cells:
        return None
    zh_t, en_t = TABLE_SHORT.get(data.id, (data.id, data.id))
    names = [(excerpt(rows.get(u.path, u.path), 16), excerpt(cols.get(u.column, u.column), 10)) for u in cells]
    shown = names[:_SHOWN * 2]
    more = len(names) - len(shown)
    zh = "、".join(f"“{r}”行“{c}”列" for r, c in shown) + (f"等{len(names)}个单元格" if more else "")
    en = "; ".join(f"row '{r}', column '{c}'" for r, c in shown) + (f" and {more} more" if more else "")
    pages = sorted({u.page for u in cells if u.page is not None})
    return Diagnostic(
        "OG903",
        f"{zh_t}有{len(cells)}个单元格在扫描件上识别把握不足（{zh}），未作为数字使用，涉及的检查未进行；请对照原件核实",
        f"{en_t}: {len(cells)} cell(s) of the scan could not be read with enough confidence ({en}); they were not "
        "taken as numbers and the checks that need them were not made; compare with the original",
        page=pages[0] if pages else data.page, section=data.section, table=data.id,
        evidence={"table": data.id, "pages": pages,
                  "uncertain_cells": [{"row": u.path, "column": u.column, "read": u.text,
                             "confidence": None if u.confidence is None else round(u.confidence, 3)}
                            for u in cells]})
