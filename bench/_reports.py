"""Building benchmark reports from the canonical examples: copies under another issuer, prose padding
to a target size, seeded defects, and rendering to txt (a Word text export), yaml, json, html and docx.
PDF rendering is in bench/_pdf.py. Everything is deterministic for a given seed."""

from __future__ import annotations

import copy
import io
import random
import re
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from _common import ROOT

if TYPE_CHECKING:
    from pathlib import Path

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CHARS_PER_PAGE = 700  # an A4 page of a government report (GB/T 9704: 22 lines of 28 characters, plus tables)
REGULATION = "《中华人民共和国政府信息公开条例》"
NUMERALS = "一二三四五六"

TOPICS = ["优化营商环境", "乡村振兴", "义务教育", "医疗卫生", "生态环境保护", "安全生产", "食品药品安全",
          "就业创业", "社会救助", "住房保障", "城市更新", "交通出行", "养老服务", "财政预决算", "重大建设项目",
          "公共资源配置", "减税降费", "防汛防台", "文化旅游", "农村人居环境整治", "消费品以旧换新", "稳岗就业"]
UNITS = ["各部门", "各街道（镇）", "办公室", "各业务科室", "各直属单位", "政务公开工作专班"]
CHANNELS = ["门户网站", "政务新媒体", "政务服务中心公开专区", "新闻发布会", "报刊", "广播电视", "社区公开栏"]

# Sentences written so that no rule reads a count out of them (no 申请/复议/诉讼 counts, no years), so a
# clean report stays clean however much prose it carries. {t}: topic, {u}: unit, {c}: channel, {n}{m}{k}: numbers.
PROSE = {
    1: ["围绕{t}等重点工作，{u}坚持以公开为常态、不公开为例外，全年召开专题推进会{n}次，研究部署政务公开重点任务{m}项。",
        "将政务公开工作纳入{u}年度工作要点，明确责任人员{n}名，建立周调度、月通报工作机制，累计编发工作简报{m}期。",
        "结合{t}工作实际，梳理细化公开事项清单{n}项，对照标准化目录逐项核对，更新完善公开内容{m}条。",
        "组织政务公开专题培训{n}期，覆盖{u}业务骨干{m}人次，重点讲解公开属性认定、保密审查和解读回应等内容。",
        "在{c}开设“{t}”专题，集中发布政策措施、办事指南和工作动态，专题页面累计访问量约{k}万人次。"],
    2: ["聚焦{t}领域，通过{c}发布工作动态和通知公告{n}条，配套发布图文解读{m}篇，便于群众查阅和理解。",
        "{u}按照“谁起草、谁解读”的要求，对{t}相关政策同步开展解读，组织线上访谈{n}场，回应群众关切{m}条。",
        "围绕{t}，及时公开资金分配、项目实施和绩效评价等信息{n}条，对{m}条过期信息作出标注并归档。",
        "在{c}持续更新{t}领域的办事指南{n}项，明确办理条件、材料清单和办理时限，全年更新页面{m}个。",
        "召开政府开放日活动{n}场，邀请群众代表{m}人次走进机关，现场听取对{t}等方面工作的意见建议。"],
    3: ["进一步规范依申请公开工作流程，修订完善登记、审核、出具告知书等环节的操作指引{n}项，编印工作手册{m}册。",
        "组织依申请公开业务培训{n}期，参训人员{m}人次，围绕告知书规范表述、法律救济途径告知等内容开展案例教学。",
        "建立依申请公开疑难事项会商机制，邀请法律顾问参与研判，全年召开会商会议{n}次，形成指导意见{m}条。",
        "对{u}的依申请公开告知书开展抽查，抽查文书{n}份，针对表述不规范等问题提出整改意见{m}条并跟踪落实。"],
    4: ["加强政府信息公开工作的法治审核，聘请法律顾问{n}名，对{m}份公开告知书开展合法性审核，提出修改意见{k}条。",
        "健全政务公开工作监督机制，邀请社会监督员{n}名参与评议，收集整理意见建议{m}条并逐条反馈。"],
    5: ["针对{t}领域信息更新不够及时的问题，计划开展专项检查{n}次，建立问题台账{m}项，逐项整改销号。",
        "针对政策解读形式较为单一的问题，下一步将增加图解、视频等解读方式，计划制作解读产品{n}件，提升解读的可读性。",
        "针对基层政务公开标准化规范化水平不够均衡的问题，将组织专项督导{n}次，选树示范点{m}个，以点带面推动提升。",
        "针对{c}内容保障不够有力的问题，将建立栏目责任清单，明确{u}的更新频次，每月通报更新情况，全年通报{n}次。"],
}
WEIGHTS = {1: 0.3, 2: 0.25, 3: 0.2, 4: 0.05, 5: 0.2}
SYLLABLES = "安宝长春崇大东丰福高广海和河华淮吉嘉建江金锦开乐丽临龙鹿明南宁平普青清庆仁瑞山尚泰滕通望文武西祥新兴阳永余玉云章肇正"


@dataclass(frozen=True)
class Base:
    name: str  # short name: qinghe
    path: Path
    layout: str  # "2019" | "2021"


def bases() -> list[Base]:
    return [Base(p.stem.split("-")[0], p, "2019" if p.stem.endswith("2020") else "2021")
            for p in sorted((ROOT / "examples").glob("*.yaml"))]


def load(base: Base):  # type: ignore[no-untyped-def]
    from opengov_lint.canonical.reader import read

    return read(str(base.path), base.path.read_bytes(), "yaml")


# -- transforms -------------------------------------------------------------------------------------------
def _paragraphs(report):  # type: ignore[no-untyped-def]
    yield from report.preamble
    for s in report.sections:
        yield from s.paragraphs


def place(report) -> str:  # type: ignore[no-untyped-def]
    """The place part of the issuer (清河区 of 清河区人民政府): what a copy renames."""
    return place_of(report.meta.issuer or "")


def place_of(issuer: str) -> str:
    m = re.match(r"^(.{2,6}?[省市区县镇乡街道])", issuer)
    return m.group(1) if m else issuer


def new_place(old: str, index: int, seed: int) -> str:
    rng = random.Random(f"{seed}-{old}-{index}")
    return "".join(rng.choice(SYLLABLES) for _ in range(len(old) - 1)) + old[-1]


def rename_text(text: str, old: str, new: str) -> str:
    return text.replace(old, new)


def rename_docx(data: bytes, old: str, new: str) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            part = src.read(info.filename)
            if info.filename.endswith(".xml"):
                part = part.decode("utf-8").replace(old, new).encode("utf-8")
            out.writestr(info, part)
    return buf.getvalue()


def _sentence(rng: random.Random, section: int) -> str:
    return rng.choice(PROSE[section]).format(
        t=rng.choice(TOPICS), u=rng.choice(UNITS), c=rng.choice(CHANNELS),
        n=rng.randint(2, 60), m=rng.randint(3, 400), k=rng.randint(2, 90))


def pad(report, target_chars: int, seed: int):  # type: ignore[no-untyped-def]
    """A copy with realistic paragraphs added to sections 一 to 五 until the text rendering holds about
    `target_chars` CJK characters."""
    from opengov_lint.model import Paragraph

    out = copy.deepcopy(report)
    rng = random.Random(seed)
    missing = target_chars - len(CJK.findall(render_txt(out)))
    for number, weight in WEIGHTS.items():
        section = out.section(number)
        if section is None:
            continue
        want, added, paras = int(missing * weight), 0, []
        while added < want:
            text = "".join(_sentence(rng, number) for _ in range(rng.randint(3, 5)))
            paras.append(Paragraph(text))
            added += len(CJK.findall(text))
        section.paragraphs[len(section.paragraphs):] = paras
    return out


DEFECTS = ("row-total", "blank-cell", "regulation-name", "section-number")


def defective(report, seed: int):  # type: ignore[no-untyped-def]
    """A copy with the four seeded defects: a broken row total in table 三, a blank cell in table 四,
    the regulation cited as 《政府信息公开条例》 and section 三 numbered 3、 (a Word auto-number export)."""
    from opengov_lint.model import CellKind

    out = copy.deepcopy(report)
    rng = random.Random(seed)
    req = out.tables["requests"]
    cell = req.cells["new_received"]["total"]
    cell.value = (cell.value or 0) + rng.randint(1, 9)
    cell.raw = str(cell.value)
    review = out.tables["review_litigation"]
    blank = review.cells["review"][rng.choice(["upheld", "corrected", "other"])]
    blank.kind, blank.value, blank.raw = CellKind.BLANK, None, ""
    for p in _paragraphs(out):
        if REGULATION in p.text:
            p.text = p.text.replace(REGULATION, "《政府信息公开条例》", 1)
            break
    s3 = out.section(3)
    s3.heading, s3.numbering = "3、" + s3.title, "3、"
    return out


def renamed(report, old: str, new: str):  # type: ignore[no-untyped-def]
    out = copy.deepcopy(report)
    out.meta.issuer = rename_text(out.meta.issuer or "", old, new)
    out.meta.title = rename_text(out.meta.title or "", old, new)
    for p in _paragraphs(out):
        p.text = rename_text(p.text, old, new)
    return out


# -- renderers ------------------------------------------------------------------------------------------
def _export_rows(report, table: str) -> list[str]:  # type: ignore[no-untyped-def]
    """A table as Word's plain-text export writes it: one tab-indented line per cell, a cell covered by
    a vertical merge as an empty tab line, a row after a blank line."""
    from opengov_lint.authoring.grids import grid

    t = report.tables[table]
    g = grid(t.template, table)
    lines: list[str] = []
    for r in range(g.rows):
        row = sorted((c for c in g.cells if c.row <= r < c.row + c.rowspan), key=lambda c: c.col)
        if lines:
            lines.append("")
        for c in row:
            text = "" if c.row != r else (_raw(t, c.path) if c.path else c.text)
            lines.append("\t" + text.replace("\n", ""))
    return lines


def _raw(table, path: str) -> str:  # type: ignore[no-untyped-def]
    """The cell as written (a full-width 　20 stays full-width; the HTML and Word writers print the number)."""
    row, col = path.split(".", 1)[1].rsplit(".", 1)
    cell = table.cell(row, col)
    return "" if cell is None else cell.raw


def render_txt(report) -> str:  # type: ignore[no-untyped-def]
    title = report.meta.title or ""
    lines = [title, ""]
    lines += [p.text for p in report.preamble if p.text.strip() != title]
    by_section = {t.section: tid for tid, t in report.tables.items()}
    for s in report.sections:
        lines += ["", s.heading]
        lines += [p.text for p in s.paragraphs]
        if s.number in by_section:
            lines += ["", *_export_rows(report, by_section[s.number]), "", ""]
    return "\n".join(lines) + "\n"


def render(report, fmt: str) -> bytes:  # type: ignore[no-untyped-def]
    """txt | yaml | json | html | docx (pdf: bench/_pdf.py)."""
    if fmt == "txt":
        return render_txt(report).encode("utf-8")
    if fmt in ("yaml", "json"):
        from opengov_lint.canonical.writer import dump_json, dump_yaml

        return (dump_yaml(report) if fmt == "yaml" else dump_json(report)).encode("utf-8")
    if fmt == "html":
        from opengov_lint.authoring.html_writer import render as render_html

        return render_html(report).encode("utf-8")
    if fmt == "docx":
        from opengov_lint.authoring.docx_writer import render as render_docx

        return render_docx(report)
    raise ValueError(fmt)


def text_pages(report) -> float:  # type: ignore[no-untyped-def]
    return len(CJK.findall(render_txt(report))) / CHARS_PER_PAGE
