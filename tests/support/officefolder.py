"""A folder laid out as a 政务公开办 keeps it, written by code from examples/: reports of several units
and years (one unit in two years, one unit twice for one year), a README, meeting notes, a drafts folder
the office ignores, the tool's own files (baseline, truth file, rule pack, egg-info) and a manifest
listing one unit that never sent its report."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from conftest import EXAMPLES

if TYPE_CHECKING:
    from pathlib import Path

REPORTS = {  # path in the folder -> (example, transformation)
    "2022/东山县交通运输局.txt": "dongshan-county-transport-2022.txt",
    "2023/东山县交通运输局.txt": "dongshan-county-transport-2022.txt",  # the same unit a year later
    "2023/清河区人民政府.txt": "qinghe-district-government-2023.txt",
    "2023/河西区人民政府.txt": "qinghe-district-government-2023.txt",  # another unit
    "2023/河西区人民政府-修改稿.txt": "qinghe-district-government-2023.txt",  # the same unit and year again
    "2024/兰溪县市场监督管理局.txt": "lanxi-county-market-regulation-2024.txt",
    "2020/松林镇人民政府.yaml": "songlin-town-government-2020.yaml",
}
MANIFEST = [  # path, issuer, year, parent
    ("2022/东山县交通运输局.txt", "东山县交通运输局", 2022, "东山县人民政府"),
    ("2023/东山县交通运输局.txt", "东山县交通运输局", 2023, "东山县人民政府"),
    ("2023/清河区人民政府.txt", "清河区人民政府", 2023, ""),
    ("2023/河西区人民政府.txt", "河西区人民政府", 2023, ""),
    ("2024/兰溪县市场监督管理局.txt", "兰溪县市场监督管理局", 2024, ""),
    ("2020/松林镇人民政府.yaml", "松林镇人民政府", 2020, ""),
    ("2023/南湖街道办事处.txt", "南湖街道办事处", 2023, ""),  # listed, never sent
]
NOT_REPORTS = ("README.md", "说明/会议纪要.txt")
IGNORED = ("草稿/清河区人民政府-草稿.txt", "2023/东山县交通运输局.tmp.txt", "基线.json", "2023/清河区.truth.json",
           "规则包/本省规则.yaml", "opengov_tools.egg-info/SOURCES.txt")


def _shift_year(text: str) -> str:
    return re.sub(r"20(2[0-3])", lambda m: f"20{int(m.group(1)) + 1}", text)


def build(root: Path) -> Path:
    for rel, example in REPORTS.items():
        text = (EXAMPLES / example).read_text(encoding="utf-8")
        if rel.startswith("2023/东山"):
            text = _shift_year(text)
        if "河西区" in rel:
            text = text.replace("清河区", "河西区")
        _write(root / rel, text)
    _write(root / "README.md", "# 2023年度年报收集\n\n本文件夹存放各单位报送的政府信息公开工作年度报告，按年度分文件夹存放。\n\n"
                               "联系人：综合科 张三，电话 0000-0000000。\n")
    _write(root / "说明/会议纪要.txt", "会议纪要\n\n时间：2024年1月20日\n议题：年报收集进度\n各单位应于1月31日前报送。\n")
    _write(root / ".opengov-lintignore", "# drafts are not submissions\n草稿/\n")
    _write(root / ".gitignore", "*.tmp.txt\n")
    for rel in IGNORED[:2]:
        _write(root / rel, (EXAMPLES / "dongshan-county-transport-2022.txt").read_text(encoding="utf-8"))
    _write(root / "基线.json", json.dumps({"schema": "opengov-lint/baseline/1", "tool": "opengov-lint", "findings": []}))
    _write(root / "2023/清河区.truth.json", json.dumps({"issuer": "清河区人民政府", "findings": []}, ensure_ascii=False))
    _write(root / "规则包/本省规则.yaml", "schema: opengov-lint/pack/1\nname: our-province\nprefix: XP\nrules: []\n")
    _write(root / "opengov_tools.egg-info/SOURCES.txt", "setup.py\nsrc/opengov_tools/__init__.py\n")
    lines = ["path,issuer,year,parent"] + [f"{p},{i},{y},{par}" for p, i, y, par in MANIFEST]
    _write(root / "清单.csv", "\n".join(lines) + "\n")
    return root


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
