"""Layering (DESIGN.md): model imports nothing from the package; rules import only model, findings
and their helpers (plus the knowledge loader and text utilities); readers never import rules; the
shipped YAML validates against the pydantic schemas."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from ruamel.yaml import YAML

SRC = Path(__file__).resolve().parents[1] / "src" / "opengov_lint"
CATALOG = Path(__file__).resolve().parents[1] / "rules"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("opengov_lint"):
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("opengov_lint"))
    return out


def _package_files(sub: str) -> list[Path]:
    return sorted((SRC / sub).glob("*.py"))


def test_model_imports_nothing_from_the_package() -> None:
    for f in _package_files("model"):
        assert all(m.startswith("opengov_lint.model") for m in _imports(f)), f


def test_rules_depend_only_on_model_findings_helpers() -> None:
    allowed = ("opengov_lint.model", "opengov_lint.findings", "opengov_lint.rules._helpers", "opengov_lint.knowledge",
               "opengov_lint.recognise.text", "opengov_lint.recognise.sections",
               # pure readers of running text (no I/O): citations, counts, dates, and their text streams
               "opengov_lint.recognise.citations", "opengov_lint.recognise.prose", "opengov_lint.recognise.dates",
               "opengov_lint.recognise.streams",
               # the issuer-kind catalogue (OG506: which organs 第四十九条 sets a date for)
               "opengov_lint.recognise.issuer")
    for f in _package_files("rules"):
        bad = [m for m in _imports(f) if not m.startswith(allowed)]
        assert not bad, (f.name, bad)


def test_readers_never_import_rules_engine_or_reporters() -> None:
    for f in _package_files("readers"):
        bad = [m for m in _imports(f) if m.startswith(("opengov_lint.rules", "opengov_lint.engine",
                                                       "opengov_lint.reporters"))]
        assert not bad, (f.name, bad)


def test_reporters_do_not_import_rules() -> None:
    for f in _package_files("reporters"):
        assert not [m for m in _imports(f) if m.startswith("opengov_lint.rules")], f


def test_no_file_over_limit() -> None:
    for f in SRC.rglob("*.py"):
        assert len(f.read_text(encoding="utf-8").splitlines()) <= 450, f


@pytest.mark.parametrize("name", ["layouts/2019.yaml", "layouts/2021.yaml"])
def test_layouts_validate(name: str) -> None:
    from opengov_lint.schemas import LayoutModel

    LayoutModel.model_validate(YAML(typ="safe").load((CATALOG / name).read_text(encoding="utf-8")))


def test_sections_and_profiles_validate() -> None:
    from opengov_lint.schemas import ProfileModel, SectionsModel

    SectionsModel.model_validate(YAML(typ="safe").load((CATALOG / "sections.yaml").read_text(encoding="utf-8")))
    for p in (CATALOG / "profiles").glob("*.yaml"):
        ProfileModel.model_validate(YAML(typ="safe").load(p.read_text(encoding="utf-8")))


def test_layout_ids_match_contract() -> None:
    """Row and column ids of CONTRACT.md (requests rows/columns, review blocks) are all present."""
    from opengov_lint.knowledge import layouts

    req = layouts()["2021"].tables["requests"]
    assert [c.id for c in req.columns] == ["natural_person", "commercial", "research", "public_interest",
                                           "legal_service", "other_org", "total"]
    assert len(req.data_rows) == 25 and len(layouts()["2019"].tables["requests"].data_rows) == 23
    assert req.row("other.unpaid_fee") is not None and layouts()["2019"].tables["requests"].row("other").data
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
    from opengov_lint import catalog_cache

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
