"""The canonical structured report (CONTRACT.md): YAML or JSON -> Report, directly.

Values are validated by hand (not pydantic) so that every problem names the exact key and line,
and so that a one-file check of a YAML report starts fast. Cell values: a number, null for a blank
cell, or a string with the raw text; `raw:` (optional) keeps the original text of cells whose
number was normalised (`"　20"`, `"+3"`), so that a converted report checks exactly like its source."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from opengov_lint.knowledge.catalog import TableSpec, layout_for_year, layouts
from opengov_lint.model import ISSUER_KINDS, Diagnostic, Meta, Paragraph, Report, Section, TableData
from opengov_lint.readers import ReadError
from opengov_lint.readers.decode import decode
from opengov_lint.recognise.cells import type_cell
from opengov_lint.recognise.meta import issuer_kind
from opengov_lint.recognise.sections import split_numbering
from opengov_lint.recognise.text import int_to_cn, norm

SCHEMA = "opengov-lint/report/1"
MAX_ALIASES = 100
_MARKER = re.compile(r"#\s*opengov-lint\s*:", re.IGNORECASE)  # a suppression comment (readers.comments)
_ALIAS = re.compile(r"(?:^|[\s\[{,:-])\*[^\s,\]}]+")


def _count_aliases(text: str) -> int:
    """Aliases outside quoted strings, roughly (a `*` that starts a YAML node)."""
    return len(_ALIAS.findall(text))
_META_KEYS = {"title", "issuer", "issuer_kind", "year", "template", "published", "source", "table_layouts", "signed"}
_TOP_KEYS = {"schema", "meta", "sections", "tables", "preamble", "raw"}


def _bad(key: str, what: str, what_en: str, line: int | None = None) -> ReadError:
    where = f"（第{line}行）" if line else ""
    return ReadError(f"结构化报告格式错误{where}：{key}：{what}", f"invalid structured report at {key}: {what_en}",
                     reason="invalid-structure", line=line)


def _line(node: Any, key: Any) -> int | None:
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    try:
        return int(lc.key(key)[0]) + 1
    except (KeyError, TypeError, AttributeError):
        return None


def _load(data: bytes, fmt: str) -> Any:
    text, _ = decode(data)
    if fmt == "json":
        try:
            return json.loads(text, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            raise ReadError(f"JSON 格式错误（第{exc.lineno}行第{exc.colno}列）：{exc.msg}",
                            f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                            reason="invalid-json", line=exc.lineno) from exc
        except ValueError as exc:  # an integer of more than 4300 digits (int() refuses it)
            raise _huge_number(exc) from exc
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    aliases = _count_aliases(text)
    if aliases > MAX_ALIASES:
        raise ReadError(f"YAML 文件使用了{aliases}个别名引用（*anchor），超过上限{MAX_ALIASES}；结构化年报不需要别名，"
                        "可能是恶意构造的文件，未读取",
                        f"the YAML uses {aliases} aliases (over the limit of {MAX_ALIASES}); not read",
                        reason="yaml-aliases")
    try:
        if not _MARKER.search(text):  # no `# opengov-lint:` comments to read: the fast loader
            from opengov_lint.canonical.yamlmarks import YamlTagError, load

            try:
                return load(text)
            except YamlTagError as exc:
                raise ReadError(f"YAML 格式错误：{exc}（结构化年报只能使用普通的文字、数字和列表）",
                                f"invalid YAML: {exc}", reason="invalid-yaml") from exc
        return YAML(typ="rt", pure=True).load(text)
    except ValueError as exc:
        raise _huge_number(exc) from exc
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ReadError(f"YAML 格式错误（第{line}行）：{getattr(exc, 'problem', exc)}",
                        f"invalid YAML at line {line}: {getattr(exc, 'problem', exc)}", reason="invalid-yaml",
                        line=line) from exc


def _huge_number(exc: ValueError) -> ReadError:
    return ReadError("文件中有位数过多的数字（超过4300位），不是正常的年报数据，未读取",
                     f"the file holds a number with too many digits, not report data ({exc})", reason="huge-number")


def read(path: str, data: bytes, fmt: str = "yaml") -> Report:
    root = _load(data, fmt)
    report = _read(path, root, fmt)
    if fmt != "json":
        from opengov_lint.readers.comments import parse

        report.suppressions = parse(decode(data)[0], root)
    return report


def _read(path: str, root: Any, fmt: str) -> Report:
    _check_root(root)
    meta = _meta(root.get("meta") or {}, path, fmt)
    report = Report(meta=meta, structured=True)
    raw_lines = _read_raw(report, root)
    report.preamble = _paragraphs(root.get("preamble"), _line(root, "preamble"), None)
    report.sections = _sections(root.get("sections") or [])
    report.paragraphs = report.preamble + [p for s in report.sections for p in s.paragraphs]
    for i, p in enumerate(report.paragraphs):
        p.index = i
    _read_tables(report, root, raw_lines)
    if meta.template == "unknown" and report.tables:
        meta.template = next(iter(report.tables.values())).template
    return report


def _check_root(root: Any) -> None:
    """The top level is a mapping of known keys, declared (or recognisably) an opengov-lint report."""
    if not isinstance(root, dict):
        raise _bad("(根)", "应为键值映射（schema/meta/sections/tables）", "the top level must be a mapping")
    schema = root.get("schema")
    if schema is not None and schema != SCHEMA:
        raise _bad("schema", f"“{schema}”不受支持，应为“{SCHEMA}”", f"unsupported schema {schema!r}", _line(root, "schema"))
    if schema is None and "tables" not in root and "meta" not in root:
        raise _bad("(根)", f"不是 opengov-lint 结构化报告（缺少 schema: {SCHEMA}）", "not an opengov-lint report")
    unknown = set(root) - _TOP_KEYS
    if unknown:
        k = min(map(str, unknown))
        raise _bad(k, f"未知的键，允许的键为 {sorted(_TOP_KEYS)}", f"unknown key; allowed: {sorted(_TOP_KEYS)}",
                   _line(root, k))


def _read_raw(report: Report, root: dict[str, Any]) -> dict[str, int | None]:
    """The `raw:` map into `report.raw_text`; returns the line of each entry (where an edit goes)."""
    raw_map = root.get("raw") or {}
    if not isinstance(raw_map, dict):
        raise _bad("raw", "应为“单元格路径: 原文”的映射", "must map cell paths to raw text", _line(root, "raw"))
    report.raw_text = {str(k): str(v) for k, v in raw_map.items()}
    return {str(k): _line(raw_map, k) for k in raw_map}


def _read_tables(report: Report, root: dict[str, Any], raw_lines: dict[str, int | None]) -> None:
    tables = root.get("tables") or {}
    if not isinstance(tables, dict):
        raise _bad("tables", "应为映射", "must be a mapping", _line(root, "tables"))
    for tid, node in tables.items():
        if node is None:
            continue
        report.tables[str(tid)] = _table(report, str(tid), node, tables, report.meta, raw_lines)


def _meta(node: Any, path: str, fmt: str) -> Meta:
    if not isinstance(node, dict):
        raise _bad("meta", "应为映射", "must be a mapping")
    unknown = set(node) - _META_KEYS
    if unknown:
        k = min(map(str, unknown))
        raise _bad(f"meta.{k}", f"未知的键，允许的键为 {sorted(_META_KEYS)}", f"unknown key; allowed {sorted(_META_KEYS)}",
                   _line(node, k))
    year = _meta_year(node)
    kind = _meta_issuer_kind(node)
    template = _meta_template(node)
    issuer = node.get("issuer")
    meta = Meta(title=node.get("title"), issuer=issuer, year=year, template=template,
                published=str(node["published"]) if node.get("published") else None,
                source_path=path, source_format=fmt, title_line=_line(node, "title"),
                year_source="title" if year else None)
    meta.issuer_kind = kind or issuer_kind(issuer)
    if node.get("signed"):
        meta.extra["signed"] = str(node["signed"])
    if isinstance(node.get("table_layouts"), dict):
        meta.extra["table_layouts"] = {str(k): str(v) for k, v in node["table_layouts"].items()}
    return meta


def _meta_year(node: dict[str, Any]) -> int | None:
    year: int | None = node.get("year")
    if year is not None and (not isinstance(year, int) or not 1990 <= year <= 2100):
        raise _bad("meta.year", f"“{year}”不是有效年度", f"{year!r} is not a year", _line(node, "year"))
    return year


def _meta_issuer_kind(node: dict[str, Any]) -> str | None:
    kind: str | None = node.get("issuer_kind") or None
    if kind is not None and kind not in (*ISSUER_KINDS, "unknown"):
        raise _bad("meta.issuer_kind", f"应为 {'、'.join(ISSUER_KINDS)} 或 unknown",
                   f"must be {'|'.join(ISSUER_KINDS)}|unknown", _line(node, "issuer_kind"))
    return kind


def _meta_template(node: dict[str, Any]) -> str:
    template = str(node.get("template") or "unknown")
    if template not in ("2019", "2021", "pre2019", "unknown"):
        raise _bad("meta.template", "应为 \"2019\"、\"2021\"、\"pre2019\" 或 \"unknown\"", "must be 2019|2021|pre2019|unknown",
                   _line(node, "template"))
    return template


def _paragraphs(text: Any, line: int | None, section: int | None) -> list[Paragraph]:
    if not text:
        return []
    out = []
    for i, part in enumerate(str(text).split("\n")):
        if part.strip():
            out.append(Paragraph(part.strip(), line=(line + i + 1) if line else None))
    return out


def _sections(node: Any) -> list[Section]:
    if not isinstance(node, list):
        raise _bad("sections", "应为列表", "must be a list")
    out = []
    for i, s in enumerate(node):
        if not isinstance(s, dict) or "number" not in s:
            raise _bad(f"sections[{i}]", "每一项应包含 number、heading、text", "each item needs number, heading, text")
        number = s["number"]
        if not isinstance(number, int) or not 1 <= number <= 6:
            raise _bad(f"sections[{i}].number", "应为1到6的整数", "must be 1..6", _line(s, "number"))
        heading = str(s.get("heading") or f"{int_to_cn(number)}、")
        numbering, title = split_numbering(heading)
        line = _line(s, "heading") or (s.get("line") if isinstance(s.get("line"), int) else None)
        sec = Section(number=number, heading=heading, title=title, numbering=numbering.raw, line=line,
                      paragraphs=_paragraphs(s.get("text"), _line(s, "text"), number))
        sec.variant = bool(title) and _is_variant(number, title)
        out.append(sec)
    return out


def _is_variant(number: int, title: str) -> bool:
    from opengov_lint.knowledge.catalog import sections

    for spec in sections():
        if spec.number == number:
            return norm(title) != norm(spec.title)
    return False


def _table_layout(tid: str, node: dict[str, Any], meta: Meta) -> str:
    fixed = meta.extra.get("table_layouts", {}).get(tid)
    if fixed in layouts():
        return str(fixed)
    if tid == "requests" and isinstance(node.get("other"), dict):
        sub = node["other"]
        if any(isinstance(v, dict) for v in sub.values()):
            return "2021"
        return "2019"
    if tid == "active_disclosure":
        keys = {k for row in node.values() if isinstance(row, dict) for k in row}
        if keys & {"made", "published", "total_published", "previous_count", "change", "projects"} or \
                node.keys() & {"other_services", "procurement"}:
            return "2019"
        if keys & {"issued", "repealed", "in_force"}:
            return "2021"
    if meta.template in layouts():
        return meta.template
    lay = layout_for_year(meta.year)
    return lay.id if lay else "2021"


def _table(report: Report, tid: str, node: Any, parent: Any, meta: Meta,
           raw_lines: dict[str, int | None]) -> TableData:
    lay_id = _table_layout(tid, node if isinstance(node, dict) else {}, meta)
    spec = layouts()[lay_id].tables.get(tid)
    if spec is None:
        raise _bad(f"tables.{tid}", "未知的表格，允许 active_disclosure、requests、review_litigation",
                   "unknown table; allowed: active_disclosure, requests, review_litigation", _line(parent, tid))
    if not isinstance(node, dict):
        raise _bad(f"tables.{tid}", "应为映射", "must be a mapping", _line(parent, tid))
    data = TableData(id=tid, template=lay_id, section=spec.section, line=_line(parent, tid))
    _check_keys(report, spec, node, tid)
    for row in spec.data_rows:
        container, key = _lookup(node, row.path)
        if container is None:
            data.missing_rows.append(row.path)
            continue
        cells = container[key]
        if not isinstance(cells, dict):
            raise _bad(f"tables.{tid}.{row.path}", "应为“列: 数值”的映射", "must map columns to values",
                       _line(container, key))
        data.rows[row.path] = _row_info(row.label, container, key)
        data.cells[row.path] = {}
        for col in row.columns:
            if col.id not in cells:
                data.missing_columns.append((row.path, col.id))
                continue
            path = f"{tid}.{row.path}.{col.id}"
            raw = report.raw_text.get(path, _raw(cells[col.id]))
            line = _line(cells, col.id) or _line(container, key)
            cell = type_cell(raw, col.kind, col.unit, line)
            cell.edit_line = raw_lines.get(path)
            data.cells[row.path][col.id] = cell
    return data


def _row_info(label: str, container: Any, key: str):  # type: ignore[no-untyped-def]
    from opengov_lint.model.report import RowInfo

    return RowInfo(label, _line(container, key))


def _lookup(node: dict[str, Any], path: str) -> tuple[Any, str]:
    parts = path.split(".")
    cur: Any = node
    for p in parts[:-1]:
        cur = cur.get(p) if isinstance(cur, dict) else None
        if cur is None:
            return None, parts[-1]
    if not isinstance(cur, dict) or parts[-1] not in cur:
        return None, parts[-1]
    return cur, parts[-1]


def _raw(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _check_keys(report: Report, spec: TableSpec, node: dict[str, Any], tid: str) -> None:
    """Unknown row ids are reported (OG902), not silently dropped."""
    known = {r.path for r in spec.rows}
    groups = {r.path for r in spec.rows if not r.data}

    def walk(n: dict[str, Any], prefix: str) -> None:
        for k, v in n.items():
            path = f"{prefix}{k}"
            if path in groups and isinstance(v, dict):
                walk(v, path + ".")
            elif path not in known:
                allowed = "、".join(r.path for r in spec.data_rows)
                report.diagnostics.append(Diagnostic(
                    "OG902", f"表格 {tid} 中的行“{path}”不是{spec.id}模板的行，未检查（允许的行：{allowed}）",
                    f"row {path!r} of table {tid} is not a template row and was not checked",
                    line=_line(n, k), table=tid, evidence={"row": path}))

    walk(node, "")
