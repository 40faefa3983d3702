"""Layering (DESIGN.md), held for every module and every import (function-level imports count): no
import cycle; each layer imports only the layers below it; at most 8 modules loose at the package root;
no function above complexity 15; the shipped YAML validates against the pydantic schemas."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from ruamel.yaml import YAML

SRC = Path(__file__).resolve().parents[1] / "src" / "opengov_lint"
CATALOG = Path(__file__).resolve().parents[1] / "rules"


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in SRC.rglob("*.py")}


def _resolve(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(path: Path) -> set[str]:
    """Every package module this file imports, at module level or inside a function (both count)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("opengov_lint"):
            for alias in node.names:  # `from opengov_lint.run import worker` imports the module run.worker
                full = f"{node.module}.{alias.name}"
                target = full if full in MODULES else _resolve(node.module)
                if target:
                    out.add(target)
        elif isinstance(node, ast.Import):
            out.update(t for a in node.names if a.name.startswith("opengov_lint") and (t := _resolve(a.name)))
    out.discard(_module(path))
    return out


GRAPH = {m: _imports(p) for m, p in MODULES.items()}


# Pure helpers every layer may use: the package root (its version), string normalisation (NFKC, squashing),
# and the file helpers (size-limited reads of the tool's own inputs, safe atomic writes; a leaf module).
SHARED = {"opengov_lint", "opengov_lint.recognise.text", "opengov_lint.fsutil"}
# Readers only read, but two of them repair what the source format destroys with template knowledge
# (DESIGN.md, READERS.md: a label cut by a PDF page break, the article title of a CMS page).
READER_EXCEPTIONS = {"opengov_lint.recognise.labels", "opengov_lint.recognise.meta"}


def _layer(module: str) -> str:
    if module in SHARED:
        return "shared"
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _package_files(sub: str) -> list[Path]:
    return sorted((SRC / sub).rglob("*.py"))


def test_no_import_cycle() -> None:
    """Tarjan's strongly connected components over the module graph: none may hold two modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    assert not cycles, cycles


def test_few_modules_loose_at_the_root() -> None:
    loose = sorted(p.name for p in SRC.glob("*.py") if p.name not in ("__init__.py", "__main__.py"))
    assert len(loose) <= 8, loose


# What each layer may import (DESIGN.md: one direction, readers -> recognise -> model -> rules -> reporters).
ALLOWED = {
    "model": {"model"},
    "findings": {"findings"},
    "results": {"results", "findings", "model"},
    "readers": {"readers", "model", "knowledge"},
    "recognise": {"recognise", "model", "knowledge", "readers"},
    "knowledge": {"knowledge", "config"},
    "canonical": {"canonical", "model", "readers", "recognise", "knowledge"},
    "load": {"load", "readers", "recognise", "canonical", "model"},
    "rules": {"rules", "model", "findings", "knowledge", "recognise"},
    "engine": {"engine", "findings", "model", "registry"},
    "registry": {"registry", "findings", "rules", "config", "knowledge"},
    "suppression": {"suppression", "findings", "results", "model", "config", "registry"},
    "crossdoc": {"crossdoc", "model", "knowledge", "recognise"},
    "reporters": {"reporters", "findings", "results", "registry", "model", "knowledge", "suppression", "fsutil"},
    "web": {"web", "run", "config", "results", "findings", "reporters", "load", "model", "authoring", "crossdoc",
            "engine", "readers", "registry"},
}


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_only_what_it_may(layer: str) -> None:
    allowed = ALLOWED[layer] | {"shared"}
    bad = {m: sorted(t for t in deps if _layer(t) not in allowed
                     and not (layer == "readers" and t in READER_EXCEPTIONS))
           for m, deps in GRAPH.items() if _layer(m) == layer}
    assert not {m: d for m, d in bad.items() if d}


def test_rules_import_only_pure_parts_of_the_recogniser() -> None:
    """Rules read running text through pure helpers; they never reach the readers or the recognisers' I/O."""
    pure = ("opengov_lint.recognise.text", "opengov_lint.recognise.sections", "opengov_lint.recognise.citations",
            "opengov_lint.recognise.prose", "opengov_lint.recognise.dates", "opengov_lint.recognise.streams",
            "opengov_lint.recognise.issuer",  # an organ's name -> its kind (OG506: who 第四十九条 dates)
            "opengov_lint.recognise.textindex", "opengov_lint.recognise.spans")  # the text index over those readers
    for m, deps in GRAPH.items():
        if _layer(m) == "rules":
            bad = [d for d in deps if _layer(d) == "recognise" and not d.startswith(pure)]
            assert not bad, (m, bad)


def test_rules_judge_the_report_not_the_document() -> None:
    """What a rule needs from the source (e.g. table 二's caption-like rows) the recogniser puts in the Report;
    no rule reads `report.document` again."""
    for m, path in MODULES.items():
        if _layer(m) == "rules":
            tree = ast.parse(path.read_text(encoding="utf-8"))
            uses = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "document"]
            assert not uses, (m, uses)


def test_nothing_but_the_entry_point_imports_the_cli() -> None:
    users = sorted(m for m, deps in GRAPH.items() if _layer(m) != "cli" and any(_layer(d) == "cli" for d in deps))
    assert users == ["opengov_lint.__main__"], users


def _complexity(fn: ast.AST) -> int:
    """McCabe's number the way the common linters count it: 1 + each branch point."""
    n = 1
    for node in ast.walk(fn):
        if isinstance(node, (ast.If, ast.IfExp, ast.For, ast.AsyncFor, ast.While, ast.ExceptHandler, ast.With,
                             ast.AsyncWith, ast.Assert)):
            n += isinstance(node, (ast.If, ast.IfExp, ast.For, ast.AsyncFor, ast.While, ast.ExceptHandler))
        elif isinstance(node, ast.BoolOp):
            n += len(node.values) - 1
        elif isinstance(node, ast.comprehension):
            n += 1 + len(node.ifs)
        elif isinstance(node, ast.match_case):
            n += 1
    return n


def test_no_function_too_complex() -> None:
    """No function above 15 (nested functions count on their own, as they are separate units)."""
    over = []
    for path in MODULES.values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                body = ast.Module(body=[s for s in node.body if not isinstance(s, (ast.FunctionDef,
                                                                                    ast.AsyncFunctionDef))],
                                  type_ignores=[])
                c = _complexity(body)
                if c > 15:
                    over.append((path.name, node.name, c))
    assert not over, over


def test_no_file_over_limit() -> None:
    for f in SRC.rglob("*.py"):
        assert len(f.read_text(encoding="utf-8").splitlines()) <= 450, f


@pytest.mark.parametrize("name", ["layouts/2019.yaml", "layouts/2021.yaml"])
def test_layouts_validate(name: str) -> None:
    from opengov_lint.config.schemas import LayoutModel

    LayoutModel.model_validate(YAML(typ="safe").load((CATALOG / name).read_text(encoding="utf-8")))


def test_sections_and_profiles_validate() -> None:
    from opengov_lint.config.schemas import ProfileModel, SectionsModel

    SectionsModel.model_validate(YAML(typ="safe").load((CATALOG / "sections.yaml").read_text(encoding="utf-8")))
    for p in (CATALOG / "profiles").glob("*.yaml"):
        ProfileModel.model_validate(YAML(typ="safe").load(p.read_text(encoding="utf-8")))


def test_layout_ids_match_contract() -> None:
    """Row and column ids of CONTRACT.md (requests rows/columns, review blocks) are all present."""
    from opengov_lint.knowledge.catalog import layouts

    req = layouts()["2021"].tables["requests"]
    assert [c.id for c in req.columns] == ["natural_person", "commercial", "research", "public_interest",
                                           "legal_service", "other_org", "total"]
    assert len(req.data_rows) == 25
    assert len(layouts()["2019"].tables["requests"].data_rows) == 23
    assert req.row("other.unpaid_fee") is not None
    other19 = layouts()["2019"].tables["requests"].row("other")
    assert other19 is not None
    assert other19.data
    ad19 = layouts()["2019"].tables["active_disclosure"]
    assert sum(len(r.columns) for r in ad19.data_rows) == 22
    ad21 = layouts()["2021"].tables["active_disclosure"]
    assert sum(len(r.columns) for r in ad21.data_rows) == 10


def test_every_package_is_listed_for_the_wheel() -> None:
    """pyproject lists packages explicitly (rules/ is mapped in): a new subpackage must be added there."""
    import tomllib

    listed = set(tomllib.loads((SRC.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    found = {"opengov_lint" + ("." + ".".join(p.relative_to(SRC).parts[:-1]) if p.parent != SRC else "")
             for p in SRC.rglob("__init__.py")}
    assert found <= listed, sorted(found - listed)


def test_catalogue_parses_the_same_with_the_c_and_the_pure_loader() -> None:
    """The C loader (ruamel.yaml.clib) is used when installed; it follows YAML 1.1 in places, so every
    shipped file must mean the same to both."""
    for p in sorted(CATALOG.rglob("*.yaml")):
        text = p.read_text(encoding="utf-8")
        assert YAML(typ="safe").load(text) == YAML(typ="safe", pure=True).load(text), p


def test_catalogue_cache_is_keyed_by_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from opengov_lint.knowledge import cache as catalog_cache

    monkeypatch.setenv("OPENGOV_LINT_CACHE_DIR", str(tmp_path))
    catalog_cache._entries.cache_clear()
    catalog_cache.put("x.yaml", "aaa", {"k": [1, "二"]})
    catalog_cache._entries.cache_clear()
    assert catalog_cache.get("x.yaml", "aaa") == {"k": [1, "二"]}
    assert catalog_cache.get("x.yaml", "bbb") is None  # edited file: parsed again
    (tmp_path / f"catalog-{__import__('opengov_lint').__version__}.json").write_text("{broken", encoding="utf-8")
    catalog_cache._entries.cache_clear()
    assert catalog_cache.get("x.yaml", "aaa") is None  # a corrupt cache is ignored
    catalog_cache._entries.cache_clear()


def test_catalogue_files_are_read_from_the_catalogue_only() -> None:
    from opengov_lint.knowledge.catalog import read_resource

    assert read_resource("sections.yaml") == (CATALOG / "sections.yaml").read_bytes()
    assert read_resource("profiles/default.yaml") == (CATALOG / "profiles" / "default.yaml").read_bytes()
    for name in ("../pyproject.toml", "/etc/passwd", "profiles/../../pyproject.toml", "profiles//default.yaml"):
        with pytest.raises(FileNotFoundError):
            read_resource(name)


def test_output_formats_are_defined_once() -> None:
    """The reporters know every format the command line and the config schema accept, and no other."""
    from opengov_lint.config.choices import OutputFormat, values
    from opengov_lint.reporters import FORMATS

    assert set(FORMATS) == set(values(OutputFormat))


def test_no_command_is_long() -> None:
    """Commands only parse options and call the run or authoring layers (~30 lines of body at most)."""
    for path in sorted((SRC / "cli").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef):
                body = node.body[1:] if ast.get_docstring(node) else node.body
                if not body:
                    continue
                lines = body[-1].end_lineno - body[0].lineno + 1  # type: ignore[operator]
                assert lines <= 30, (path.name, node.name, lines)
