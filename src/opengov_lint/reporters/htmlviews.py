"""The office views of the HTML dashboard: per unit and per parent (counts by severity and rule,
pass/fail), the assessor's indicators, completeness against the manifest, and a trend chart per organ
across years (inline SVG, no script, no external file)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from opengov_lint.reporters import office
from opengov_lint.results import STATUS_ZH

if TYPE_CHECKING:
    from opengov_lint.reporters.tabular import ReportRow

_PALETTE = ["#c62828", "#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#4e342e", "#ad1457"]


def trend_chart(title: str, years: list[int], per: dict[str, dict[int, ReportRow]]) -> str:
    """Errors per organ and year as lines (at most 8 organs: the ones with most errors)."""
    organs = sorted(per, key=lambda o: -sum(r.counts["error"] for r in per[o].values()))[:8]
    width, height, left, top, bottom = 620, 260, 50, 40, 40
    peak = max((r.counts["error"] for o in organs for r in per[o].values()), default=1) or 1
    step = (width - left - 170) / max(1, len(years) - 1)

    def xy(i: int, v: int) -> tuple[float, float]:
        return left + i * step, top + (height - top - bottom) * (1 - v / peak)

    parts = [(f'<svg class="chart trend" role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg"><text x="8" y="18" font-size="14" font-weight="bold">'
             f'{escape(title)}</text>')]
    for i, y in enumerate(years):
        x, _ = xy(i, 0)
        parts.append(f'<text x="{x:.1f}" y="{height - 15}" font-size="11" text-anchor="middle">{y}年</text>')
    for k, organ in enumerate(organs):
        color = _PALETTE[k % len(_PALETTE)]
        pts = [(xy(i, per[organ][y].counts["error"]), per[organ][y].counts["error"])
               for i, y in enumerate(years) if y in per[organ]]
        path = " ".join(f"{px:.1f},{py:.1f}" for (px, py), _ in pts)
        parts.append(f'<polyline class="trend-line" points="{path}" fill="none" stroke="{color}" stroke-width="2">'
                     f"<title>{escape(organ)}</title></polyline>")
        for (px, py), v in pts:
            parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{color}"><title>{escape(organ)}：'
                         f"{v}个错误</title></circle>")
        parts.append(f'<rect x="{width - 160}" y="{top + k * 18}" width="10" height="10" fill="{color}"/>'
                     f'<text x="{width - 146}" y="{top + 9 + k * 18}" font-size="11">{escape(organ[:12])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _top(rules: dict[str, int], titles: dict[str, str]) -> str:
    ranked = sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    return "；".join(f"{code} {titles.get(code, '')}：{n}" for code, n in ranked)


def _group_table(table_id: str, first: str, groups: list[office.Group], titles: dict[str, str]) -> str:
    head = [first, "报告数", "通过", "不通过", "未检查/不适用", "无法读取", "错误", "警告", "提示", "主要问题（规则：次数）", "结论"]
    rows = []
    for g in groups:
        verdict = ('<span class="pass">通过</span>' if g.passed else
                   '<span class="fail">不通过</span>' if g.statuses["failed"] else
                   f'<span class="muted">{STATUS_ZH["unreadable"] if g.statuses["unreadable"] else "未检查"}</span>')
        cells = [escape(g.name), g.reports, g.statuses["passed"], g.statuses["failed"], g.statuses["not_checked"],
                 g.statuses["unreadable"], g.counts["error"], g.counts["warning"], g.counts["info"],
                 escape(_top(dict(g.rules), titles)), verdict]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return (f'<table id="{table_id}"><thead><tr>' + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def _indicators(rows: list[ReportRow]) -> str:
    head = ["单位", "年度"] + [zh for _, zh, _ in office.INDICATORS]
    body = []
    for r in rows:
        if r.status not in office.CHECKED:
            continue
        ind = office.indicators(r.figures)
        cells = [escape(office.unit_name(r)), r.year if r.year is not None else ""] + [
            office.percent(ind[k]) or "—" for k, _, _ in office.INDICATORS]
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    note = ('<p class="muted">实质公开率＝（予以公开＋部分公开）÷办理结果总计；复议纠错率＝复议结果纠正÷复议总计；'
            "被诉率＝（未经复议直接起诉＋复议后起诉）÷办理结果总计。表格空白或分母为0时不计算（—）。</p>")
    return ('<table id="indicators"><thead><tr>' + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join(body) + "</tbody></table>" + note)


def unit_tables(rows: list[ReportRow], complete: office.Completeness | None, titles: dict[str, str]) -> str:
    parts = ["<h2>各单位情况</h2>", _group_table("units", "单位", office.by_unit(rows), titles)]
    parents = office.by_parent(rows)
    if parents:
        parts += ["<h2>各上级单位情况</h2>", _group_table("parents", "上级单位", parents, titles)]
    parts += ["<h2>评估指标</h2>", _indicators(rows)]
    if complete is not None:
        lines = complete.lines("zh")
        parts.append("<h2>报送情况（对照清单）</h2>")
        if lines:
            parts.append('<ul id="completeness">' + "".join(f"<li>{escape(x)}</li>" for x in lines) + "</ul>")
        else:
            parts.append(f'<p id="completeness">清单所列{complete.listed}份报告均已报送，无清单外和重复文件。</p>')
    return "".join(parts)
