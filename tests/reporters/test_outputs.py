"""Machine outputs for CI: SARIF 2.1.0 (validated against the official schema), JUnit XML and GitHub
workflow-command annotations."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from conftest import ROOT, run_cli

SCHEMA = Path(__file__).parents[1] / "sarif" / "sarif-schema-2.1.0.json"
DEFECTS = "examples/dongshan-county-transport-2022.txt"


@pytest.fixture(scope="module")
def sarif_log(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """examples/ plus an unreadable file (no line) and a structured file, with the example rule pack."""
    tmp = tmp_path_factory.mktemp("sarif")
    (tmp / "broken.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    cfg = tmp / "cfg.yaml"
    cfg.write_text("packs: [example-province]\n", encoding="utf-8")
    proc = run_cli("check", "examples/", str(tmp / "broken.docx"), "--config", str(cfg), "--output-format", "sarif",
                   "--jobs", "1")
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)


def test_sarif_validates_against_the_official_schema(sarif_log: dict) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(sarif_log, schema, cls=jsonschema.Draft7Validator)
    assert sarif_log["version"] == "2.1.0"


def test_sarif_schema_catches_a_broken_log(sarif_log: dict) -> None:
    """The validation above is not vacuous: the schema rejects a result without a message."""
    import copy

    import jsonschema

    broken = copy.deepcopy(sarif_log)
    del broken["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, json.loads(SCHEMA.read_text(encoding="utf-8")), cls=jsonschema.Draft7Validator)


def test_sarif_driver_describes_every_rule(sarif_log: dict) -> None:
    driver = sarif_log["runs"][0]["tool"]["driver"]
    rules = {r["id"]: r for r in driver["rules"]}
    from opengov_lint.registry.rules import all_rules

    expected = {r.code for r in all_rules(packs=("example-province",))}
    assert set(rules) == expected
    assert {"XP001", "XP002", "XP003", "OG303"} <= set(rules)
    og303 = rules["OG303"]
    assert og303["name"] == "requests-balance"
    assert og303["defaultConfiguration"]["level"] == "error"
    assert rules["OG104"]["defaultConfiguration"]["level"] == "note"
    assert og303["shortDescription"]["text"]
    assert og303["fullDescription"]["text"]
    assert "第一项加第二项之和" in og303["help"]["text"]
    assert og303["help"]["markdown"].startswith("# OG303")


def test_sarif_every_result_has_a_physical_line(sarif_log: dict) -> None:
    run = sarif_log["runs"][0]
    driver_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    results = run["results"]
    assert results
    for r in results:
        phys = r["locations"][0]["physicalLocation"]
        assert phys["region"]["startLine"] >= 1
        assert phys["artifactLocation"]["uri"]
        assert driver_ids[r["ruleIndex"]] == r["ruleId"]
    broken = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "broken.docx")]
    assert len(broken) == 1
    assert broken[0]["ruleId"] == "OG901"
    assert broken[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert broken[0]["properties"]["lineUnknown"] is True


def test_sarif_cell_path_is_a_logical_location(sarif_log: dict) -> None:
    results = sarif_log["runs"][0]["results"]
    og303 = next(r for r in results if r["ruleId"] == "OG303" and r["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"] == DEFECTS)
    loc = og303["locations"][0]
    assert loc["physicalLocation"]["region"]["startLine"] == 335
    assert loc["logicalLocations"][0]["fullyQualifiedName"] == "requests.total_processed.total"
    assert og303["level"] == "error"
    assert og303["properties"]["evidence"]["expected"] == 19
    assert "lineUnknown" not in og303["properties"]
    # pack rules appear in the results too (qinghe has no contact line)
    assert any(r["ruleId"] == "XP001" for r in results)


def test_junit_one_testcase_per_file_and_a_failure_per_error(tmp_path: Path) -> None:
    proc = run_cli("check", "examples/", "--output-format", "junit", "--jobs", "1")
    assert proc.returncode == 1
    root = ET.fromstring(proc.stdout)
    cases = root.findall(".//testcase")
    files = sorted(p.name for p in (ROOT / "examples").iterdir() if p.is_file())
    assert sorted(Path(c.get("name", "")).name for c in cases) == files
    dongshan = next(c for c in cases if c.get("name") == DEFECTS)
    failures = dongshan.findall("failure")
    assert [f.get("type", "").split()[0] for f in failures] == ["OG301", "OG201", "OG303", "OG304"]
    assert "OG111" in (dongshan.findtext("system-out") or "")
    clean = next(c for c in cases if c.get("name", "").endswith("qinghe-district-government-2023.txt"))
    assert not clean.findall("failure")
    assert root.get("failures") == str(sum(len(c.findall("failure")) for c in cases))


def test_github_annotations_and_escaping() -> None:
    proc = run_cli("check", DEFECTS, "--output-format", "github")
    lines = proc.stdout.splitlines()
    assert len(lines) == 6
    first = lines[0]
    assert first.startswith(f"::error file={DEFECTS},line=87,title=OG301 requests-row-total::表三")
    assert any(x.startswith("::warning ") and "title=OG202 cell-placeholder" in x for x in lines)


def test_github_escaping_rules() -> None:
    from opengov_lint.reporters.github import escape_data, escape_property

    assert escape_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert escape_property("dir,1/a:b.txt") == "dir%2C1/a%3Ab.txt"
    assert escape_property("100%\n") == "100%25%0A"


def test_location_dict_has_every_field_in_order() -> None:
    """Location.to_dict is written out by hand (speed); it must stay the dataclass's fields, in order."""
    from dataclasses import asdict, fields

    from opengov_lint.findings import Location

    loc = Location(*range(1, len(fields(Location)) + 1))
    assert loc.to_dict() == asdict(loc)
    assert list(loc.to_dict()) == [f.name for f in fields(Location)]
