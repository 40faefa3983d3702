"""Loads the declarative knowledge shipped in the top-level rules/ folder (package
`opengov_lint.catalog`): template layouts, the six sections, the cell vocabulary and profiles.

Runtime loading is deliberately light (ruamel.yaml safe loader + dataclasses, no pydantic) because a
pre-commit hook pays start-up on every commit; the same files are validated against the pydantic
schemas in `opengov_lint.config.schemas` by the test-suite and whenever a user pack is loaded."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any


@functools.cache
def load_yaml_resource(name: str) -> Any:
    """Parse one YAML file of the catalogue (path relative to rules/), once per process; the parsed
    form is cached as JSON between processes (catalog_cache), keyed by a checksum of the file's bytes
    (CRC-32 and length: an edited file is parsed again; zlib, not hashlib, whose OpenSSL binding costs
    more to load than all of this)."""
    import zlib

    from opengov_lint.knowledge import cache as catalog_cache

    raw = read_resource(name)
    digest = f"crc32:{zlib.crc32(raw):08x}:{len(raw)}"
    cached = catalog_cache.get(name, digest)
    if cached is not None:
        return cached
    data = parse_yaml(raw.decode("utf-8"))
    catalog_cache.put(name, digest, data)
    return data


def read_resource(name: str) -> bytes:
    """The bytes of one file of the catalogue: from the package folder when installed as files (a plain
    read), else through importlib.resources (a zip install)."""
    import importlib
    import os

    package = importlib.import_module("opengov_lint.catalog")  # the rules/ folder, mapped at install
    parts = name.split("/")
    if name.startswith("/") or any(part in ("", ".", "..") for part in parts):
        raise FileNotFoundError(name)  # only files inside the catalogue
    path = os.path.join(os.path.dirname(package.__file__ or ""), *parts)
    if package.__file__ and os.path.isfile(path):
        with open(path, "rb") as fh:
            return fh.read()
    from importlib import resources

    return resources.files("opengov_lint.catalog").joinpath(name).read_bytes()


def parse_yaml(text: str) -> Any:
    """Safe YAML parsing (no Python object construction, ever); the C loader when installed."""
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(text)


@dataclass(slots=True, frozen=True)
class ColSpec:
    id: str
    label: str
    kind: str = "count"  # count | signed | amount
    unit: str | None = None
    variants: tuple[str, ...] = ()


@dataclass(slots=True)
class RowSpec:
    path: str  # row id path, e.g. withheld.state_secret; group rows: the group id
    label: str
    data: bool = True  # False for a group label without numbers of its own
    group: str | None = None  # path of the enclosing group
    variants: tuple[str, ...] = ()
    columns: tuple[ColSpec, ...] = ()
    caption: str | None = None  # table 二: the 第二十条第（X）项 caption of the row's group
    item: int | None = None


@dataclass(slots=True)
class TableSpec:
    id: str
    title: str
    section: int
    rows: list[RowSpec] = field(default_factory=list)
    columns: tuple[ColSpec, ...] = ()
    header_labels: tuple[str, ...] = ()
    header: str | None = None
    note: str | None = None
    captions: dict[int, str] = field(default_factory=dict)  # item -> caption (table 二)
    block_table: bool = False  # table 四: rows are column blocks of one unlabelled data row

    @property
    def data_rows(self) -> list[RowSpec]:
        return [r for r in self.rows if r.data]

    def row(self, path: str) -> RowSpec | None:
        for r in self.rows:
            if r.path == path:
                return r
        return None


@dataclass(slots=True, frozen=True)
class Relation:
    id: str
    rule: str
    table: str
    each: str  # row | column
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    at: str


@dataclass(slots=True)
class Layout:
    id: str
    notice: str
    year_from: int
    year_to: int | None
    fingerprints: tuple[str, ...]
    tables: dict[str, TableSpec]
    relations: list[Relation]

    def covers(self, year: int) -> bool:
        return year >= self.year_from and (self.year_to is None or year <= self.year_to)


@dataclass(slots=True, frozen=True)
class SectionSpec:
    number: int
    id: str
    title: str
    variants: tuple[str, ...]
    cues: tuple[str, ...] = ()  # words of a sub-heading that opens this section when its own heading is lost


def _cols(raw: list[dict[str, Any]]) -> tuple[ColSpec, ...]:
    return tuple(
        ColSpec(
            id=c["id"],
            label=c["label"],
            kind=c.get("kind", "count"),
            unit=c.get("unit"),
            variants=tuple(c.get("variants") or ()),
        )
        for c in raw
    )


def _table(tid: str, raw: dict[str, Any]) -> TableSpec:
    spec = TableSpec(
        id=tid,
        title=raw["title"],
        section=int(raw["section"]),
        header_labels=tuple(raw.get("header_labels") or ()),
        header=raw.get("header"),
        note=raw.get("note"),
    )
    if "groups" in raw:  # table 二: captioned groups, each with its own columns
        for g in raw["groups"]:
            cols = _cols(g["columns"])
            spec.captions[int(g["item"])] = g["caption"]
            for r in g["rows"]:
                spec.rows.append(
                    RowSpec(r["id"], r["label"], variants=tuple(r.get("variants") or ()), columns=cols,
                            caption=g["caption"], item=int(g["item"]))
                )
        return spec
    spec.columns = _cols(raw["columns"])
    if "blocks" in raw:  # table 四
        spec.block_table = True
        for b in raw["blocks"]:
            spec.rows.append(RowSpec(b["id"], b["label"], columns=spec.columns))
        return spec
    for r in raw["rows"]:
        variants = tuple(r.get("variants") or ())
        if "group" in r:  # a pure group label (三、本年度办理结果)
            spec.rows.append(RowSpec(r["group"], r["label"], data=False, variants=variants))
        elif "rows" in r:  # a group with sub-rows: （三）不予公开 -> 1.…8.
            spec.rows.append(RowSpec(r["id"], r["label"], data=False, variants=variants))
            for sub in r["rows"]:
                spec.rows.append(
                    RowSpec(f'{r["id"]}.{sub["id"]}', sub["label"], group=r["id"],
                            variants=tuple(sub.get("variants") or ()), columns=spec.columns)
                )
        else:
            spec.rows.append(RowSpec(r["id"], r["label"], variants=variants, columns=spec.columns))
    return spec


@functools.cache
def layouts() -> dict[str, Layout]:
    """The template layouts by id ("2019", "2021")."""
    out: dict[str, Layout] = {}
    for name in ("layouts/2019.yaml", "layouts/2021.yaml"):
        raw = load_yaml_resource(name)
        years = raw.get("years") or {}
        out[str(raw["id"])] = Layout(
            id=str(raw["id"]),
            notice=raw["notice"],
            year_from=int(years["from"]),
            year_to=years.get("to"),
            fingerprints=tuple(raw.get("fingerprints") or ()),
            tables={tid: _table(tid, t) for tid, t in raw["tables"].items()},
            relations=[
                Relation(r["id"], r["rule"], r["table"], r["each"], tuple(r["lhs"]), tuple(r["rhs"]), r["at"])
                for r in raw.get("relations") or ()
            ],
        )
    return out


def layout_for_year(year: int | None) -> Layout | None:
    if year is None:
        return None
    for lay in layouts().values():
        if lay.covers(year):
            return lay
    return None


@functools.cache
def sections() -> tuple[SectionSpec, ...]:
    raw = load_yaml_resource("sections.yaml")
    return tuple(
        SectionSpec(int(s["number"]), s["id"], s["title"], tuple(s.get("variants") or ()),
                    tuple(s.get("cues") or ()))
        for s in raw["sections"]
    )


@functools.cache
def section_vocab() -> dict[str, Any]:
    raw = load_yaml_resource("sections.yaml")
    return {k: v for k, v in raw.items() if k != "sections"}


@functools.cache
def cell_vocab() -> dict[str, Any]:
    return dict(load_yaml_resource("cells.yaml"))


@functools.cache
def profile(name: str = "default") -> dict[str, Any]:
    return dict(load_yaml_resource(f"profiles/{name}.yaml"))


def row_label(table: str, template: str, row: str) -> str:
    """The template wording of a row (a sub-row is prefixed by its group: （三）不予公开1.属于国家秘密)."""
    order = [layouts()[template]] if template in layouts() else []
    for lay in order + list(layouts().values()):
        spec = lay.tables.get(table)
        r = spec.row(row) if spec else None
        if r is not None and spec is not None:
            g = spec.row(r.group) if r.group else None
            return f"{g.label}{r.label}" if g else r.label
    return row


def column_label(table: str, template: str, column: str, row: str | None = None) -> str:
    order = [layouts()[template]] if template in layouts() else []
    for lay in order + list(layouts().values()):
        spec = lay.tables.get(table)
        if spec is None:
            continue
        own = spec.row(row) if row else None
        cols = list(own.columns) if own else []
        cols += list(spec.columns) + [c for r in spec.rows for c in r.columns]
        for c in cols:
            if c.id == column:
                return c.label
    return column


def profile_rules(name: str = "default") -> dict[str, str]:
    """code -> severity (or 'off') for a packaged profile, following `extends`."""
    raw = profile(name)
    base = profile_rules(raw["extends"]) if raw.get("extends") else {}
    base.update({str(k): str(v) for k, v in (raw.get("rules") or {}).items()})
    return base


# -- the law catalogue (rules/law/) and the prose vocabulary (rules/narrative.yaml) -----------------

@dataclass(slots=True, frozen=True)
class Article:
    number: int
    caption: str
    text: str | None = None
    rows: tuple[str, ...] = ()
    items: tuple[tuple[int, str], ...] = ()  # (item number, caption): （一）（二）…
    deadlines: tuple[tuple[str, str], ...] = ()  # (issuer kind, "MM-DD") — 第四十九条

    def item(self, number: int) -> str | None:
        return next((c for n, c in self.items if n == number), None)


@dataclass(slots=True)
class Law:
    """One version of 《中华人民共和国政府信息公开条例》 (2019: 711号, 56 articles; 2007: 492号, 38)."""

    id: str
    title: str
    decree: int
    adopted: str
    effective: str
    articles: dict[int, Article]
    chapters: list[tuple[int, str, int, int]]  # (number, title, first article, last article)
    crosswalk: list[dict[str, Any]] = field(default_factory=list)
    superseded: str | None = None

    @property
    def size(self) -> int:
        return len(self.articles)

    def article(self, number: int) -> Article | None:
        return self.articles.get(number)


@functools.cache
def law(version: str = "2019") -> Law:
    raw = load_yaml_resource(f"law/regulation-{version}.yaml")
    arts = {}
    for a in raw["articles"]:
        arts[int(a["number"])] = Article(
            number=int(a["number"]), caption=a["caption"], text=a.get("text"),
            rows=tuple(a.get("rows") or ()),
            items=tuple((int(i["number"]), i["caption"]) for i in a.get("items") or ()),
            deadlines=tuple(sorted((a.get("deadlines") or {}).items())),
        )
    return Law(id=str(raw["id"]), title=raw["title"], decree=int(raw["decree"]), adopted=str(raw["adopted"]),
               effective=str(raw["effective"]), articles=arts, superseded=raw.get("superseded"),
               chapters=[(int(c["number"]), c["title"], *map(int, c["articles"])) for c in raw["chapters"]],
               crosswalk=list(raw.get("crosswalk") or ()))


@functools.cache
def documents() -> dict[str, Any]:
    """Correct titles, wrong variants and document numbers of the national documents (documents.yaml)."""
    return dict(load_yaml_resource("law/documents.yaml"))


@functools.cache
def narrative() -> dict[str, Any]:
    """The vocabulary for reading the running text (narrative.yaml)."""
    return dict(load_yaml_resource("narrative.yaml"))


@functools.cache
def assessment() -> dict[str, Any]:
    """What an assessor checks beyond the template (OG209, OG305, OG508, OG607)."""
    return dict(load_yaml_resource("assessment.yaml"))


@functools.cache
def provinces() -> dict[str, Any]:
    """Provinces, their document-number codes and capital cities (OG409)."""
    return dict(load_yaml_resource("provinces.yaml"))
