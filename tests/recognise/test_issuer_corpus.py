"""Issuer and kind on every real and synthetic corpus document, against MANIFEST.tsv; the cross-year
grouping keys the corpus's chains (洪泽区 2023/2024, 平潭 2017/2018, 上海市人民政府办公厅 2019/2025) together."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

import pytest

from opengov_lint.crossdoc.summary import issuer_key
from opengov_lint.load import load_report
from opengov_lint.recognise.issuer import accept, issuer_kind

if TYPE_CHECKING:
    from pathlib import Path

    from opengov_lint.model import Report

# What the text itself says where it differs from the manifest: 004 is an OCR conversion that reads 沭阳 as
# 沐阳 everywhere (the name is kept as written; --manifest corrects it).
AS_WRITTEN = {"004_shuyang-county-2025.txt": "沐阳县人民政府"}
SYNTHETIC_OF = "000_gongshu-veterans-2020.txt"  # synthetic/README.md: the narrative of document 000


def _manifest(corpus: Path) -> dict[str, str]:
    with open(corpus / "MANIFEST.tsv", encoding="utf-8") as fh:
        return {row["file"]: row["issuer"] for row in csv.DictReader(fh, delimiter="\t")}


def _documents(corpus: Path) -> list[tuple[Path, str]]:
    manifest = _manifest(corpus)
    out = [(corpus / f, issuer) for f, issuer in manifest.items()]
    out += [(p, manifest[SYNTHETIC_OF]) for p in sorted((corpus / "synthetic").glob("gongshu-synthetic.*"))
            if p.suffix != ".json"]
    return out


def _report(path: Path) -> Report:
    return load_report(str(path))


def test_issuer_and_kind_on_the_corpus(corpus: Path) -> None:
    wrong = []
    for path, expected in _documents(corpus):
        meta = _report(path).meta
        written = AS_WRITTEN.get(path.name, expected)
        assert meta.issuer is not None, (path.name, meta.issuer)
        assert accept(meta.issuer, "") == meta.issuer, (path.name, meta.issuer)
        if issuer_key(meta.issuer) != issuer_key(written) or meta.issuer_kind != issuer_kind(expected):
            wrong.append((path.name, meta.issuer, meta.issuer_kind, expected))
    assert not wrong


def test_cross_year_chains_group_together(corpus: Path) -> None:
    keys = {p.name: issuer_key(_report(p).meta.issuer) for p, _ in _documents(corpus) if p.parent == corpus}
    assert keys["001_huaian-hongze-district-2023.pdf"] == keys["002_huaian-hongze-district-2024.pdf"] == "洪泽区人民政府"
    assert keys["014_pingtan-2018-oldformat.txt"] == keys["019_pingtan-2017-oldformat.txt"] == "平潭综合实验区管委会"
    assert keys["006_shanghai-govoffice-2025.md"] == keys["015_shanghai-govoffice-2019.html"]
    assert len(set(keys.values())) == 8  # 11 documents of 8 organs
    assert keys["003_huaian-city-2024.pdf"] != keys["001_huaian-hongze-district-2023.pdf"]


@pytest.mark.parametrize("name", ["014_pingtan-2018-oldformat.txt", "019_pingtan-2017-oldformat.txt"])
def test_pingtan_is_an_agency_not_the_county_named_in_the_page_furniture(corpus: Path, name: str) -> None:
    meta = _report(corpus / name).meta
    assert (meta.issuer, meta.issuer_kind) == ("平潭综合实验区管委会", "agency")  # `来源：平潭县人民政府` is furniture
