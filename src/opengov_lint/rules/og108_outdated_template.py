"""The tables use a layout that does not match the report year (old, pre-2019 or mixed layouts).

表格采用的格式与报告年度不符：2021年及以后的报告使用2019年版表格，2019年后的报告使用旧版统计表，或新旧格式混用。

依据 / Why: 2019、2020年度报告适用国办公开办函〔2019〕60号印发的年度报告格式（试行）；自2021年度起适用
国办公开办函〔2021〕30号修订的格式：表二改为“本年制发件数/本年废止件数/现行有效件数”等栏目，删去
“政府集中采购”，表三“（六）其他处理”细分为三项。2019年修订的《条例》施行前的“统计表”（指标名称/计量单位/
本年度/历年累计）已不再适用。

错误示例 / Fails: 2022年度报告的表二仍有“本年新制作数量”“政府集中采购”；2023年度报告表二为新格式，
表三却只有一行“（六）其他处理”。

正确示例 / Passes: 2021年及以后的报告整套使用〔2021〕30号格式。

修改方法 / Fix: 下载当年适用的模板（`opengov-lint template --year 年度`），按新格式重新填报。
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from opengov_lint.findings import Hit, Location
from opengov_lint.knowledge.catalog import Layout, layout_for_year, layouts
from opengov_lint.rules.support.template import TABLE_SHORT, row_label

if TYPE_CHECKING:
    from collections.abc import Iterator

    from opengov_lint.model import Report, TableData

CODE = "OG108"
NAME = "outdated-template"
SEVERITY = "error"
TEMPLATES = ("2019", "2021", "pre2019")
BASIS = {
    "kind": "format",
    "refs": ["format_2019", "format_2021"],
    "zh": "年度报告格式：2019、2020年度用国办公开办函〔2019〕60号印发的格式（试行），2021年度起用国办公开办函"
          "〔2021〕30号印发的格式（表二、表三不同，表四相同）",
    "en": "the report format: the 2019 trial format (2019 No. 60) for 2019-2020, the 2021 format (2021 No. 30) "
          "from 2021 (tables 二 and 三 differ, table 四 is the same)",
}
MESSAGES = {
    "year": {
        "zh": "{table}采用{found}年版格式（{found_notice}），但{year}年度报告应采用{expected}年版格式（{expected_notice}）",
        "en": "{table} uses the {found} layout ({found_notice}); a {year} report must use the {expected} layout "
              "({expected_notice})",
    },
    "mixed": {
        "zh": "{table}混用了新旧格式：出现了{other}年版格式的行“{rows}”",
        "en": "{table} mixes layouts: it has row(s) '{rows}' of the {other} layout",
    },
    "tables": {
        "zh": "各表格式不一致：{table}为{found}年版格式，而{others}为{expected}年版格式",
        "en": "the tables disagree: {table} uses the {found} layout while {others} use the {expected} layout",
    },
    "pre2019": {
        "zh": "报告采用2019年《条例》修订前的旧版结构（统计表：指标名称/计量单位/本年度/历年累计），"
              "{year}年度报告应采用{expected}年版格式（{expected_notice}）",
        "en": "the report uses the pre-2019 structure (统计表 with 指标名称/计量单位/本年度/历年累计); a {year} "
              "report must use the {expected} layout ({expected_notice})",
    },
    "pre2019_old_year": {
        "zh": "报告年度为{year}，适用2007年公布的原《条例》（国务院令第492号）和当时的报告格式；本报告未按现行"
              "《条例》和年度报告格式检查（不适用），只检查了原第三十一条的公布期限",
        "en": "the report year {year_en} falls under the 2007 Regulations (decree No. 492) and the format of that "
              "time; the report was not checked under the current rules (not applicable) — only the publication "
              "deadline of the old article 31 was checked",
    },
}


@functools.cache
def _same_in_all_layouts(table_id: str) -> bool:
    """Table 四 is identical in the 2019 and 2021 layouts: it can never be of the wrong one."""
    specs = [lay.tables.get(table_id) for lay in layouts().values() if lay.id in ("2019", "2021")]
    shapes = {(tuple((r.path, r.label) for r in t.rows), tuple(c.id for c in t.columns)) for t in specs if t is not None}
    return len(shapes) == 1


def check(report: Report, options: None) -> Iterator[Hit]:
    year = report.meta.year
    expected = layout_for_year(year)
    if report.meta.regime == "2007":  # said once; the outputs show the report as not checked
        yield _old_regime(report)
        return
    if report.meta.template == "pre2019":
        exp = expected or layouts()["2021"]
        yield Hit(message="pre2019", args={"year": year or "本", "expected": exp.id, "expected_notice": exp.notice},
                  location=Location(), evidence={"year": year, "template": "pre2019", "expected": exp.id})
        return
    tables = [t for t in report.tables.values() if not _same_in_all_layouts(t.id)]
    reported = set()
    for t in tables:
        hit = _wrong_layout(t, expected, year)
        if hit is not None:
            reported.add(t.id)
            yield hit
    if expected is None:
        yield from _disagreeing(tables, reported)


def _old_regime(report: Report) -> Hit:
    """A report under the 2007 Regulations: not checked by the current rules (said once, as info)."""
    year = report.meta.year
    return Hit(message="pre2019_old_year",
               args={"year": f"{year}年" if year else "未写明（旧版结构）", "year_en": year or "(not stated)"},
               location=Location(), evidence={"year": year, "template": report.meta.template, "regime": "2007",
                                              "current_rules": "not_applicable"}, severity="info")


def _wrong_layout(t: TableData, expected: Layout | None, year: int | None) -> Hit | None:
    """A table of the other layout than the year wants, or one that mixes rows of both layouts."""
    loc = Location(line=t.line, page=t.page, section=t.section, table=t.id)
    if expected is not None and t.template != expected.id:
        found = layouts()[t.template]
        return Hit(message="year", args={"table": TABLE_SHORT[t.id], "found": found.id, "found_notice": found.notice,
                                         "year": year, "expected": expected.id, "expected_notice": expected.notice},
                   location=loc, evidence={"table": t.id, "found": found.id, "expected": expected.id})
    if t.foreign_rows:
        other = "2019" if t.template == "2021" else "2021"
        rows = "、".join(row_label(t, r) for r in t.foreign_rows)
        return Hit(message="mixed", args={"table": TABLE_SHORT[t.id], "other": other, "rows": rows},
                   location=loc, evidence={"table": t.id, "rows": t.foreign_rows, "layout": t.template})
    return None


def _disagreeing(tables: list[TableData], reported: set[str]) -> Iterator[Hit]:
    """Without a year to tell the layout: the tables of the minority layout (not reported yet)."""
    if len({t.template for t in tables}) <= 1:
        return
    counts: dict[str, int] = {}
    for t in tables:
        counts[t.template] = counts.get(t.template, 0) + 1
    major = max(sorted(counts), key=lambda k: (counts[k], k))
    for t in tables:
        if t.template != major and t.id not in reported:
            others = "、".join(TABLE_SHORT[o.id] for o in tables if o.template == major)
            yield Hit(message="tables", args={"table": TABLE_SHORT[t.id], "found": t.template, "others": others,
                                              "expected": major},
                      location=Location(line=t.line, page=t.page, section=t.section, table=t.id),
                      evidence={"table": t.id, "found": t.template, "expected": major})
