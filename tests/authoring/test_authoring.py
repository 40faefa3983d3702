"""For report authors: templates that round-trip, safe fixes that change nothing else, rendering."""

from __future__ import annotations

import json
import shutil
import zipfile
from typing import TYPE_CHECKING

import pytest
from conftest import EXAMPLES, check_json, run_cli
from lxml import etree

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(("year", "cells"), [(2025, 200), (2020, 198)])
def test_template_yaml_round_trip_only_blank_cells(tmp_path: Path, year: int, cells: int) -> None:
    out = tmp_path / f"t{year}.yaml"
    assert run_cli("template", "--year", str(year), "-o", str(out)).returncode == 0
    _, found = check_json(str(out))
    # one defect, one finding: each table is wholly blank, so one grouped OG201 per table lists its cells
    assert {f["code"] for f in found} == {"OG201"}
    assert len(found) == 3
    assert {f["location"]["table"] for f in found} == {"active_disclosure", "requests", "review_litigation"}
    assert all(f["evidence"]["group"] == "table" for f in found)
    paths = {c for f in found for c in f["evidence"]["cells"]}
    assert len(paths) == sum(f["evidence"]["count"] for f in found) == cells  # every empty data cell, once
    layout = "2021" if year >= 2021 else "2019"
    text = out.read_text(encoding="utf-8")
    assert f'template: "{layout}"' in text or f"template: '{layout}'" in text
    assert (year >= 2021) == ("信息处理费" in text)


def test_template_filled_in_is_clean(tmp_path: Path) -> None:
    """Fill every data cell of a 2025 template with 0 and fix the title: nothing is left to report."""
    from ruamel.yaml import YAML

    out = tmp_path / "t.yaml"
    run_cli("template", "--year", "2025", "--issuer", "测试县交通运输局", "-o", str(out))
    data = YAML(typ="safe").load(out.read_text(encoding="utf-8"))

    def zero(node: object) -> object:
        if isinstance(node, dict):
            return {k: zero(v) for k, v in node.items()}
        return 0 if node is None else node

    data["tables"] = zero(data["tables"])
    filled = tmp_path / "filled.json"
    filled.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, found = check_json(str(filled))
    assert found == []
    assert code == 0


def test_template_docx_is_a_valid_package_with_merged_cells(tmp_path: Path) -> None:
    out = tmp_path / "t.docx"
    assert run_cli("template", "--year", "2021", "--to", "docx", "-o", str(out)).returncode == 0
    with zipfile.ZipFile(out) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    tables = doc.findall(".//w:tbl", ns)
    assert len(tables) == 3
    texts = ["".join(t.itertext()) for t in tables]
    assert "第二十条第（八）项" in texts[0]
    assert "本年收费金额（单位：万元）" in texts[0]
    # 三、本年度办理结果 spans 22 rows in the 2021 layout: one restart and 21 continuations in column 0
    rows = tables[1].findall("w:tr", ns)
    assert len(rows) == 3 + 25
    first = [r.find("w:tc", ns) for r in rows]
    restart = [c for c in first if c.find("w:tcPr/w:vMerge[@w:val='restart']", ns) is not None]
    assert len(restart) == 2  # the note (3 header rows) and 三、本年度办理结果
    # every row of every table covers the whole grid
    for t in tables:
        width = len(t.findall("w:tblGrid/w:gridCol", ns))
        for r in t.findall("w:tr", ns):
            spans = [int(c.find("w:tcPr/w:gridSpan", ns).get(f"{{{ns['w']}}}val")) if c.find("w:tcPr/w:gridSpan", ns)
                     is not None else 1 for c in r.findall("w:tc", ns)]
            assert sum(spans) == width


def test_convert_to_docx_and_html_keep_values(tmp_path: Path) -> None:
    src = "examples/qinghe-district-government-2023.yaml"
    assert run_cli("convert", src, "--to", "docx", "-o", str(tmp_path / "q.docx")).returncode == 0
    assert run_cli("convert", src, "--to", "html", "-o", str(tmp_path / "q.html")).returncode == 0
    html = (tmp_path / "q.html").read_text(encoding="utf-8")
    assert "<td>452</td>" in html
    assert "二、主动公开政府信息情况" in html
    assert 'rowspan="22"' in html
    with zipfile.ZipFile(tmp_path / "q.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert ">452<" in xml
    assert "清河区人民政府2023年政府信息公开工作年度报告" in xml


def test_fix_gongshu_export_removes_og103_og208_and_nothing_else(tmp_path: Path, corpus: Path) -> None:
    src = corpus / "000_gongshu-veterans-2020.txt"
    work = tmp_path / "gongshu.txt"
    shutil.copy(src, work)
    work.chmod(0o644)  # the shared corpus is read-only, and --fix refuses a read-only file
    _, before = check_json(str(work))
    preview = run_cli("check", str(work), "--diff")
    assert preview.returncode == 1
    assert "+二、主动公开政府信息情况" in preview.stdout
    assert work.read_bytes() == src.read_bytes()  # --diff changes nothing
    run_cli("check", str(work), "--fix")
    _, after = check_json(str(work))
    assert not [f for f in after if f["code"] in ("OG103", "OG208")]
    def strip(fs):
        return sorted((f["code"], f["location"]["row"], f["location"]["column"], f["message"])
                                  for f in fs if f["code"] not in ("OG103", "OG208"))
    assert strip(before) == strip(after)
    old = src.read_text(encoding="utf-8").splitlines()
    new = work.read_text(encoding="utf-8").splitlines()
    changed = [(i + 1, a, b) for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b]
    assert len(old) == len(new)
    assert [(n, b) for n, _, b in changed] == [(22, "二、主动公开政府信息情况"), (94, "\t20"),
                                            (99, "三、收到和处理政府信息公开申请情况"), (363, "四、政府信息公开行政复议、行政诉讼情况"),
                                            (410, "五、存在的主要问题及改进情况"), (412, "六、其他需要报告的事项")]


def test_fix_keeps_gbk_encoding_and_crlf(tmp_path: Path) -> None:
    text = (EXAMPLES / "beiyuan-district-civil-affairs-2020.txt").read_text(encoding="utf-8")
    work = tmp_path / "beiyuan.txt"
    work.write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    run_cli("check", str(work), "--fix")
    data = work.read_bytes()
    fixed = data.decode("gb18030")
    assert "\r\n二、主动公开政府信息情况\r\n" in fixed
    assert "\r\n\t12\r\n" in fixed
    assert fixed.count("\r\n") == text.count("\n")
