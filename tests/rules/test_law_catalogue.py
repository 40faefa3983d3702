"""The law catalogue (rules/law/) and the prose vocabulary (rules/narrative.yaml): they validate against
their pydantic schemas, hold what SPEC.md §1 says the law contains, and every table cell they name
exists in the template layouts."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from opengov_lint.knowledge.catalog import documents, law, layouts, narrative

CATALOG = Path(__file__).resolve().parents[2] / "rules"


@functools.cache
def _load_text(name: str) -> str:
    return (CATALOG / name).read_text(encoding="utf-8")


def _load(name: str) -> object:
    return YAML(typ="safe").load(_load_text(name))


@pytest.mark.parametrize("name", ["law/regulation-2019.yaml", "law/regulation-2007.yaml"])
def test_regulations_validate(name: str) -> None:
    from opengov_lint.config.schemas import LawModel

    LawModel.model_validate(_load(name))


def test_documents_and_narrative_validate() -> None:
    from opengov_lint.config.schemas import DocumentsModel, NarrativeModel

    DocumentsModel.model_validate(_load("law/documents.yaml"))
    NarrativeModel.model_validate(_load("narrative.yaml"))


def test_schema_rejects_a_gap_in_the_articles() -> None:
    from pydantic import ValidationError

    from opengov_lint.config.schemas import LawModel

    raw = _load("law/regulation-2019.yaml")
    assert isinstance(raw, dict)
    del raw["articles"][40]
    with pytest.raises(ValidationError, match="without gaps"):
        LawModel.model_validate(raw)


def test_the_2019_regulation() -> None:
    reg = law("2019")
    assert (reg.size, reg.decree, reg.effective) == (56, 711, "2019-05-15")
    assert [c[1] for c in reg.chapters] == ["总则", "公开的主体和范围", "主动公开", "依申请公开", "监督和保障", "附则"]
    assert reg.chapters[-1][3] == 56
    art20 = reg.article(20)
    assert art20 is not None
    assert len(art20.items) == 15
    assert art20.item(5) is not None
    assert "行政许可" in art20.item(5)
    assert art20.item(9) is not None
    assert "政府集中采购" in art20.item(9)
    assert reg.article(57) is None
    assert art20.item(16) is None
    art49 = reg.article(49)
    assert art49 is not None
    assert dict(art49.deadlines) == {"department": "01-31", "government": "03-31"}
    art50 = reg.article(50)
    assert art50 is not None
    assert len(art50.items) == 5
    assert "工作考核、社会评议和责任追究结果情况" in (art50.text or "")
    assert len(reg.article(36).items) == 7  # type: ignore[union-attr]
    assert all(a.caption for a in reg.articles.values())


def test_the_2007_regulation_and_the_crosswalk() -> None:
    old, new = law("2007"), law("2019")
    assert (old.size, old.decree, old.superseded) == (38, 492, "2019-05-15")
    assert len(old.article(10).items) == 11
    assert len(old.article(32).items) == 6
    assert "收费及减免" in old.article(32).item(3)  # type: ignore[union-attr,operator]
    walk = {tuple(c["old"]): tuple(c["new"]) for c in old.crosswalk if "条第（" not in (c.get("note") or "")}
    assert walk[(31,)] == (49,)
    assert walk[(32,)] == (50,)
    assert walk[(21,)] == (36,)
    assert walk[(24,)] == (33,)
    assert walk[(27,)] == (42,)
    assert walk[(28,)] == ()
    for c in old.crosswalk:
        assert all(old.article(n) for n in c["old"])
        assert all(new.article(n) for n in c["new"])
    assert {c["old"][0] for c in old.crosswalk if c.get("annual_report")} == {31, 32}


def test_every_row_the_law_names_exists_in_a_layout() -> None:
    known = set()
    for lay in layouts().values():
        for tid, spec in lay.tables.items():
            known |= {f"{tid}.{r.path}" for r in spec.rows}
    named = [r for a in law("2019").articles.values() for r in a.rows]
    named += [r for a in law("2019").articles.values() for i in (a.items or ()) for r in _item_rows(a.number, i[0])]
    assert named
    assert not [r for r in named if r not in known]


def _item_rows(article: int, item: int) -> list[str]:
    raw = _parsed_2019()
    assert isinstance(raw, dict)
    art = next(a for a in raw["articles"] if a["number"] == article)
    return list(next(i for i in art["items"] if i["number"] == item).get("rows") or [])


@functools.cache
def _parsed_2019() -> Any:
    return _load("law/regulation-2019.yaml")


def test_documents() -> None:
    docs = documents()
    reg = docs["regulation"]
    assert reg["title"] == "中华人民共和国政府信息公开条例"
    assert reg["decrees"] == {"current": 711, "superseded": 492}
    assert "中华人民共和国信息公开条例" in reg["wrong"]
    numbers = {(f["docno"]["prefix"], f["docno"]["year"], f["docno"]["number"]) for f in docs["formats"]}
    assert numbers == {("国办公开办函", 2019, 60), ("国办公开办函", 2021, 30)}
    fee = docs["fee_measures"]
    assert (fee["title"], fee["docno"]["prefix"], fee["docno"]["year"], fee["docno"]["number"]) == \
        ("政府信息公开信息处理费管理办法", "国办函", 2020, 109)
    # only the old statistics-form terms: 信息不存在 / 不属于本机关 are the current 第三十六条's own words
    assert {c["term"] for c in docs["outdated"]["categories"]} == {"同意公开", "同意部分公开", "否决公开"}
    other = {(d["prefix"], d["year"], d["number"]): d["title"] for d in docs["other_docnos"]}
    assert other[("国办公开办函", 2019, 61)] == "国务院办公厅政府信息与政务公开办公室关于规范政府信息公开平台有关事项的通知"


def test_adjudicated_law_corrections() -> None:
    """The corrections of the corpus review (ADJUDICATION.md): dates, captions, mappings, crosswalk."""
    old_raw: Any = _load("law/regulation-2007.yaml")
    new_raw: Any = _load("law/regulation-2019.yaml")
    assert (old_raw["adopted"], old_raw["effective"]) == ("2007-01-17", "2008-05-01")
    assert "promulgated (公布) 2007-04-05" in _load_text("law/regulation-2007.yaml")
    new = law("2019")
    a20 = new.article(20)
    assert a20 is not None
    assert (a20.item(6) or "").endswith("本行政机关认为具有一定社会影响的行政处罚决定")
    a36 = {i["number"]: i for a in new_raw["articles"] if a["number"] == 36 for i in a["items"]}
    assert "requests.granted" in a36[1]["rows"]
    assert "requests.granted" in a36[2]["rows"]
    assert "requests.unable.not_held" in a36[5]["rows"]
    pairs = {(o, n) for cw in old_raw["crosswalk"] for o in cw["old"] for n in cw["new"]}
    assert pairs >= {(4, 4), (7, 11), (15, 23), (16, 25), (17, 10), (19, 12), (21, 30), (25, 29), (25, 41),
                     (26, 40), (34, 52), (35, 53), (36, 54)}
    for cw in old_raw["crosswalk"]:  # every pair names articles that exist in both versions
        assert all(law("2007").article(o) is not None for o in cw["old"]), cw
        assert all(new.article(n) is not None for n in cw["new"]), cw


def test_narrative_patterns_compile_and_reference_real_cells() -> None:
    voc = narrative()
    for spec in voc["none"]:
        for p in spec["patterns"]:
            re.compile(p)
    for p in voc["fee_statement"]:
        re.compile(p)
    ids = {c["id"] for c in voc["counts"]}
    assert {"received", "carried_over", "carried_forward", "granted", "partially_granted", "withheld", "unable",
            "not_processed", "review", "litigation", "normative_in_force"} <= ids
