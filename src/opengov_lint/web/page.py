"""The pages, in Chinese, self-contained (no CDN, no script needed: links jump to the cell with `#id`,
`:target` highlights it; downloads are data: links, so nothing is kept on the server after the answer)."""

from __future__ import annotations

import base64
from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opengov_lint.findings import Finding
    from opengov_lint.web.jobs import Checked
    from opengov_lint.web.uploads import UploadLimits

_CSS = """
body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:0;color:#222;background:#f6f7f9}
header{background:#8b1a1a;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}
main{max-width:1200px;margin:0 auto;padding:16px 24px}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:16px;margin:16px 0}
.drop{border:2px dashed #8b1a1a;border-radius:8px;padding:32px;text-align:center;background:#fff}
button{background:#8b1a1a;color:#fff;border:0;border-radius:4px;padding:8px 20px;font-size:16px;cursor:pointer}
.grid{display:grid;grid-template-columns:minmax(280px,1fr) 2fr;gap:16px;align-items:start}
.findings{position:sticky;top:8px;max-height:90vh;overflow:auto}
.findings li{margin:6px 0}.sev-error{color:#b00020}.sev-warning{color:#a15c00}.sev-info{color:#335}
.report table{border-collapse:collapse;width:100%;margin:8px 0;font-size:13px}
.report td{border:1px solid #999;padding:3px 4px;text-align:center}
.report td.bad{background:#ffe1e1;outline:2px solid #d33}.report p.bad,.report h3.bad{background:#fff0c2}
:target{outline:3px solid #1565c0 !important;scroll-margin-top:40px}
.downloads a{display:inline-block;margin:4px 12px 4px 0}
.ok{color:#1b5e20}.muted{color:#666;font-size:13px}
"""

_SEV = {"error": "错误", "warning": "警告", "info": "提示"}


def _doc(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">'
            f'<title>{escape(title)}</title>'
            f"<style>{_CSS}</style></head><body><header><h1>政府信息公开工作年度报告检查</h1></header>"
            f"<main>{body}</main></body></html>")


def upload_page(limits: UploadLimits) -> str:
    return _doc("上传年度报告", f"""
<div class="card"><form class="drop" action="/check" method="post" enctype="multipart/form-data">
<p>选择一个或多个年度报告文件（Word .docx、网页 .html、PDF、文本 .txt/.md、.yaml/.json），或一个 .zip 压缩包</p>
<p><input type="file" name="file" id="file" multiple required></p>
<p><button type="submit" id="submit">开始检查</button></p>
<p class="muted">每个文件不超过 {limits.max_file // 1048576} MB，每次最多 {limits.max_files} 个文件、共 {limits.max_request // 1048576} MB。
文件只在本机检查，检查完即删除，不会上传到其他地方。</p></form></div>
<div class="card muted">程序接口：<code>POST /api/check</code>（表单字段 <code>file</code>，可多个），返回与命令行
<code>check --output-format json</code> 相同的 JSON。</div>""")


def error_page(message: str) -> str:
    return _doc("无法检查", f'<div class="card"><p class="sev-error">{escape(message)}</p><p><a href="/">返回</a></p></div>')


def result_page(checked: list[Checked], cross: list[Finding], downloads: dict[str, tuple[str, bytes]]) -> str:
    total = sum(len(c.result.findings) for c in checked) + len(cross)
    parts = [(f'<div class="card"><p>共检查 {len(checked)} 个文件，发现 {total} 个问题。<a href="/">继续检查其他文件</a></p>'
              f'<p class="downloads">{_links(downloads)}</p></div>')]
    for i, c in enumerate(sorted(checked, key=lambda c: c.result.path)):
        parts.append(_file(i, c, [f for f in cross if f.path == c.result.path]))
    return _doc("检查结果", "".join(parts))


_LABELS = {"dashboard": "审核结果（网页）", "xlsx": "审核结果（Excel）", "json": "检查结果（JSON）",
           "annotated": "带批注的 Word 文件", "fixed": "自动修正后的副本", "notices": "整改通知（每个单位一份）"}


def _links(downloads: dict[str, tuple[str, bytes]]) -> str:
    mime = {"html": "text/html", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "json": "application/json", "zip": "application/zip", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    out = []
    for kind, (name, data) in downloads.items():
        m = mime.get(name.rsplit(".", 1)[-1], "application/octet-stream")
        href = f"data:{m};base64,{base64.b64encode(data).decode('ascii')}"
        out.append(f'<a class="download" data-kind="{kind}" download="{escape(name)}" href="{href}">'
                   f"下载{_LABELS.get(kind, kind)}</a>")
    return "".join(out)


def _file(i: int, c: Checked, cross: list[Finding]) -> str:
    r = c.result
    findings = sorted(r.findings + cross, key=lambda f: (("error", "warning", "info").index(f.severity), f.sort_key()))
    facts = " · ".join(str(x) for x in (r.facts.issuer, f"{r.facts.year}年" if r.facts.year else None,
                                         f"{r.facts.template}年版格式" if r.facts.template in ("2019", "2021") else None)
                       if x)
    marks, marked = _marks(i, findings, c.view)
    items = "".join(
        f'<li class="finding sev-{f.severity}"><a href="#{marks.get(n, f"f{i}")}">{_SEV[f.severity]} {escape(f.code)}</a> '
        f"{escape(f.message)}</li>" for n, f in enumerate(findings))
    status = '<p class="ok">未发现问题。</p>' if not findings else ""
    view = _report(i, c.view, marked) if c.view else '<p class="muted">无法显示报告内容。</p>'
    return (f'<div class="card file" id="f{i}"><h2>{escape(r.path)}</h2><p class="muted">{escape(facts)}</p>'
            f'<p class="downloads">{_links(c.downloads)}</p>{status}'
            f'<div class="grid"><div class="findings"><ol>{items}</ol></div><div class="report">{view}</div></div></div>')


def _marks(i: int, findings: list[Finding], view: dict[str, Any] | None) -> tuple[dict[int, str], set[str]]:
    """finding number -> the id of the element it points at (a cell, a paragraph or a heading), and every
    element to highlight (a finding about a whole row or column marks all its cells)."""
    if not view:
        return {}, set()
    cells = [c["path"] for t in view["tables"].values() for c in t["cells"] if c["path"]]
    lines = {p["line"] for s in view["sections"] for p in s["paragraphs"] if p["line"]}
    out: dict[int, str] = {}
    marked: set[str] = set()
    for n, f in enumerate(findings):
        targets = _targets(i, f, cells, lines)
        if targets:
            out[n] = targets[0]
            marked.update(targets)
    return out, marked


def _targets(i: int, f: Finding, cells: list[str], lines: set[int]) -> list[str]:
    loc = f.location
    grouped = set(f.group_cells())  # one finding over many cells (a blank column...): exactly those cells
    hits = [f"c{i}-{p}" for p in cells if p in grouped] if grouped else [
        f"c{i}-{p}" for p in cells if loc.table and _covers(p, loc.table, loc.row, loc.column)]
    if hits:
        return hits
    if loc.line in lines:
        return [f"p{i}-{loc.line}"]
    return [f"s{i}-{loc.section}"] if loc.section else []


def _covers(path: str, table: str, row: str | None, column: str | None) -> bool:
    t, _, rest = path.partition(".")
    r, _, col = rest.rpartition(".")
    return t == table and (not row or r == row or r.startswith(row + ".")) and (not column or col == column)


def _report(i: int, view: dict[str, Any], marked: set[str]) -> str:
    out = [f"<h3>{escape(view.get('title') or '')}</h3>"]
    tables = {t["section"]: (tid, t) for tid, t in view["tables"].items()}
    for s in view["sections"]:
        sid = f"s{i}-{s['number']}"
        out.append(f'<h3 id="{sid}" class="{"bad" if sid in marked else ""}">{escape(s["heading"])}</h3>')
        for p in s["paragraphs"]:
            pid = f"p{i}-{p['line']}"
            out.append(f'<p id="{pid}" class="{"bad" if pid in marked else ""}">{escape(p["text"])}</p>')
        if s["number"] in tables:
            out.append(_table(i, *tables[s["number"]], marked))
    return "".join(out)


def _table(i: int, tid: str, table: dict[str, Any], marked: set[str]) -> str:
    rows: dict[int, list[str]] = {}
    for c in sorted(table["cells"], key=lambda c: (c["row"], c["col"])):
        span = (f' rowspan="{c["rowspan"]}"' if c["rowspan"] > 1 else "") + (
            f' colspan="{c["colspan"]}"' if c["colspan"] > 1 else "")
        cid = f"c{i}-{c['path']}" if c["path"] else ""
        attrs = f' id="{cid}" data-path="{escape(c["path"])}"' if cid else ""
        cls = ' class="bad"' if cid and cid in marked else ""
        rows.setdefault(c["row"], []).append(f"<td{attrs}{cls}{span}>{escape(c['text'])}</td>")
    return f'<table class="{tid}">' + "".join(f"<tr>{''.join(r)}</tr>" for _, r in sorted(rows.items())) + "</table>"
