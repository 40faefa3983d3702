"""A 2021-layout report as a PDF with the traps real PDFs have, for reader tests:
- table 三 runs over a page break: its merged label （四）无法提供 is cut into （四）无 / 法提供 and the
  merged 三、本年度办理结果 continues as an empty cell (optionally a row label is cut instead);
- page furniture: `— 1 —`, `-2-`, `Page 3`, and a running title at the top of pages 2 and 3;
- straight quotes, and curly quotes drawn after their line on another baseline;
- a paragraph continued on the next page; white boxes behind paragraphs (Word shading);
- optionally a last page that is a scanned image (no text layer).
`VALUES` holds the numbers written into the tables, keyed like CONTRACT.md."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pdfgen import PDF

if TYPE_CHECKING:
    from collections.abc import Callable

TITLE = "某某区人民政府2023年政府信息公开工作年度报告"
LEFT, RIGHT, SIZE = 80.0, 512.0, 12.0
T3_EDGES = [50.0, 66.0, 116.0, 266.0] + [266.0 + 40 * i for i in range(1, 8)]
COLS = ["natural_person", "commercial", "research", "public_interest", "legal_service", "other_org"]
RESULT_ROWS = [
    ("granted", "（一）予以公开", [10, 2, 0, 0, 0, 0]),
    ("partially_granted", "（二）部分公开（区分处理的，只计这一\n情形，不计其他情形）", [3, 0, 0, 0, 0, 0]),
    ("withheld.state_secret", "1.属于国家秘密", [1, 0, 0, 0, 0, 0]),
    ("withheld.prohibited_by_law", "2.其他法律行政法规禁止公开", [0, 0, 0, 0, 0, 0]),
    ("withheld.three_safeties", "3.危及“三安全一稳定”", [2, 0, 0, 0, 0, 0]),
    ("withheld.third_party", "4.保护第三方合法权益", [0, 1, 0, 0, 0, 0]),
    ("withheld.internal_affairs", "5.属于三类内部事务信息", [1, 0, 0, 0, 0, 0]),
    ("withheld.process_info", "6.属于四类过程性信息", [0, 0, 0, 0, 0, 0]),
    ("withheld.enforcement_file", "7.属于行政执法案卷", [0, 0, 0, 0, 0, 0]),
    ("withheld.admin_query", "8.属于行政查询事项", [1, 0, 0, 0, 0, 0]),
    ("unable.not_held", "1.本机关不掌握相关政府信息", [6, 1, 0, 0, 1, 0]),
    ("unable.needs_creation", "2.没有现成信息需要另行制作", [2, 0, 0, 0, 0, 0]),
    ("unable.unclear", "3.补正后申请内容仍不明确", [1, 0, 0, 0, 0, 0]),
    ("not_processed.petition", "1.信访举报投诉类申请", [1, 0, 0, 0, 0, 0]),
    ("not_processed.repeated", "2.重复申请", [0, 0, 0, 0, 0, 0]),
    ("not_processed.publication", "3.要求提供公开出版物", [0, 0, 0, 0, 0, 0]),
    ("not_processed.excessive", "4.无正当理由大量反复申请", [0, 0, 0, 0, 0, 0]),
    ("not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息", [0, 0, 0, 0, 0, 0]),
    ("other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不\n再处理其政府信息公开申请", [0, 0, 0, 0, 0, 0]),
    ("other.unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行\n政机关不再处理其政府信息公开申请", [0, 0, 0, 0, 0, 0]),
    ("other.misc", "3.其他", [2, 0, 0, 0, 0, 0]),
]
GROUPS = {2: "（三）不\n予公开", 10: "（四）无法提供", 13: "（五）不\n予处理", 18: "（六）其\n他处理"}
GROUP_ROWS = {2: 8, 10: 3, 13: 5, 18: 3}
NEW = [30, 5, 0, 0, 1, 0]
CARRIED = [4, 0, 0, 0, 0, 0]
REVIEW = [[1, 0, 0, 1, 2], [0, 1, 0, 0, 1], [1, 0, 0, 0, 1]]
AD_2021 = {"rules": [1, 0, 5], "normative_documents": [2, 1, 9], "licensing": [120], "penalty": [33],
           "coercion": [4], "fees": [0.5]}


def _row(values: list[int]) -> list[int]:
    return [*values, sum(values)]


def values() -> dict[str, dict[str, int | float]]:
    """Every table value of the report, as `table.row.column` -> number."""
    out: dict[str, dict[str, int | float]] = {"requests": {}, "active_disclosure": {}, "review_litigation": {}}
    cols = [*COLS, "total"]
    done = [0] * 6
    for path, _label, vals in RESULT_ROWS:
        done = [a + b for a, b in zip(done, vals, strict=False)]
        out["requests"].update({f"{path}.{c}": v for c, v in zip(cols, _row(vals), strict=False)})
    forward = [n + c - d for n, c, d in zip(NEW, CARRIED, done, strict=False)]
    for path, vals in (("new_received", NEW), ("carried_over", CARRIED), ("total_processed", done),
                       ("carried_forward", forward)):
        out["requests"].update({f"{path}.{c}": v for c, v in zip(cols, _row(vals), strict=False)})
    for block, vals in zip(("review", "direct_suit", "suit_after_review"), REVIEW, strict=False):
        out["review_litigation"].update(
            {f"{block}.{c}": v for c, v in zip(("upheld", "corrected", "other", "pending", "total"), vals, strict=False)})
    names = {"rules": ("issued", "repealed", "in_force"), "normative_documents": ("issued", "repealed", "in_force"),
             "licensing": ("decisions",), "penalty": ("decisions",), "coercion": ("decisions",), "fees": ("amount",)}
    for row, vals in AD_2021.items():
        out["active_disclosure"].update({f"{row}.{c}": v for c, v in zip(names[row], vals, strict=False)})
    return out


def _paragraph(pdf: PDF, top: float, text: str, indent: bool = True, full_last: bool = False) -> float:
    """Write text wrapped at the right margin (first line indented two characters)."""
    per_line = int((RIGHT - LEFT) // SIZE)
    first = per_line - 2 if indent else per_line
    lines = [text[:first]] + [text[i:i + per_line] for i in range(first, len(text), per_line)]
    for k, ln in enumerate(lines):
        pdf.white_box(LEFT - 2, top - 2, RIGHT + 2, top + SIZE + 6)
        pdf.text(LEFT + (2 * SIZE if (k == 0 and indent) else 0), top, ln, SIZE)
        top += SIZE * 2
    return top


def _table2(pdf: PDF, top: float) -> float:
    edges = [LEFT - 30, 200.0, 310.0, 420.0, RIGHT + 30]
    cells: list[tuple[int, int, int, int, str]] = []
    r = 0

    def caption(text: str) -> None:
        nonlocal r
        cells.append((r, 0, 1, 4, text))
        r += 1

    def header(*labels: str) -> None:
        nonlocal r
        if len(labels) == 2:
            cells.extend([(r, 0, 1, 1, labels[0]), (r, 1, 1, 3, labels[1])])
        else:
            cells.extend((r, i, 1, 1, t) for i, t in enumerate(labels))
        r += 1

    def data(label: str, vals: list[int | float]) -> None:
        nonlocal r
        cells.append((r, 0, 1, 1, label))
        if len(vals) == 1:
            cells.append((r, 1, 1, 3, str(vals[0])))
        else:
            cells.extend((r, i + 1, 1, 1, str(v)) for i, v in enumerate(vals))
        r += 1

    caption("第二十条第（一）项")
    header("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")
    data("规章", AD_2021["rules"])
    data("行政规范性文件", AD_2021["normative_documents"])
    for item, rows in (("五", ["行政许可"]), ("六", ["行政处罚", "行政强制"])):
        caption(f"第二十条第（{item}）项")
        header("信息内容", "本年处理决定数量")
        for label in rows:
            data(label, AD_2021[{"行政许可": "licensing", "行政处罚": "penalty", "行政强制": "coercion"}[label]])
    caption("第二十条第（八）项")
    header("信息内容", "本年收费金额（单位：万元）")
    data("行政事业性收费", AD_2021["fees"])
    pdf.grid(edges, top, 16, r, cells, size=8)
    return top + r * 16


def _table3_cells(cut_row: bool, blank: str | None) -> list[tuple[int, int, int, int, str]]:
    v = values()["requests"]

    def nums(path: str) -> list[str]:
        return ["" if f"{path}.{c}" == blank else str(v[f"{path}.{c}"]) for c in [*COLS, "total"]]

    cells = [(0, 0, 3, 3, "（本列数据的勾稽关系为：第一项加第\n二项之和，等于第三项加第四项之和）"),
             (0, 3, 1, 7, "申请人情况"), (1, 3, 2, 1, "自然\n人"), (1, 4, 1, 5, "法人或其他组织"),
             (1, 9, 2, 1, "总计")]
    cells += [(2, 4 + i, 1, 1, t) for i, t in enumerate(["商业\n企业", "科研\n机构", "社会公\n益组织", "法律服\n务机构",
                                                         "其他"])]
    r = 3
    for path, label in (("new_received", "一、本年新收政府信息公开申请数量"), ("carried_over", "二、上年结转政府信息公开申请数量")):
        cells.append((r, 0, 1, 3, label))
        cells += [(r, 3 + i, 1, 1, t) for i, t in enumerate(nums(path))]
        r += 1
    cells.append((r, 0, len(RESULT_ROWS) + 1, 1, "三\n、\n本\n年\n度\n办\n理\n结\n果"))
    for k, (path, label, _vals) in enumerate(RESULT_ROWS):
        if k < 2:
            cells.append((r, 1, 1, 2, label))
        else:
            if k in GROUPS:
                cells.append((r, 1, GROUP_ROWS[k], 1, GROUPS[k]))
            cells.append((r, 2, 1, 1, label))
        cells += [(r, 3 + i, 1, 1, t) for i, t in enumerate(nums(path))]
        r += 1
    cells.append((r, 1, 1, 2, "（七）总计"))
    cells += [(r, 3 + i, 1, 1, t) for i, t in enumerate(nums("total_processed"))]
    r += 1
    cells.append((r, 0, 1, 3, "四、结转下年度继续办理"))
    cells += [(r, 3 + i, 1, 1, t) for i, t in enumerate(nums("carried_forward"))]
    return cells


def _split(cells: list[tuple[int, int, int, int, str]], at: int, cut_row: bool
           ) -> tuple[list[tuple[int, int, int, int, str]], list[tuple[int, int, int, int, str]]]:
    """Cut the table before row `at` as Word does: a merged cell across the cut is drawn on both
    pages with its text on the first (三、本年度办理结果) or split (（四）无 / 法提供); with `cut_row`
    the row before the cut itself breaks: its label runs on to the next page, its numbers stay."""
    shift = 1 if cut_row else 0
    top: list[tuple[int, int, int, int, str]] = []
    bottom: list[tuple[int, int, int, int, str]] = []
    for r, c, rs, cs, text in cells:
        if cut_row and r == at - 1 and rs == 1:
            head, tail = ("2.没有现成信息需要\n另行制", "作") if c == 2 else (text, "")
            top.append((r, c, 1, cs, head))
            bottom.append((0, c, 1, cs, tail))
        elif r + rs <= at:
            top.append((r, c, rs, cs, text))
        elif r >= at:
            bottom.append((r - at + shift, c, rs, cs, text))
        else:
            first, second = ("（四）无", "法提供") if text == "（四）无法提供" else (text, "")
            top.append((r, c, at - r, cs, first))
            bottom.append((0, c, r + rs - at + shift, cs, second))
    return top, bottom


def report_pdf(cut_row: bool = False, blank: str | None = None, scanned_page: bool = False,
               repeat_header: bool = False, writer: Callable[[], PDF] = PDF) -> bytes:
    """The report drawn by `writer` (`PDF`, or `ofdgen.OFD` for the same report as OFD)."""
    pdf = writer()
    pdf.page()
    pdf.text(190, 100, "某某区人民政府", 16).text(130, 124, "2023年政府信息公开工作年度报告", 16)
    top = _paragraph(pdf, 170, "一、总体情况", indent=True)
    top = _paragraph(pdf, top, '2023年，我区坚持"公开为常态、不公开为例外"原则，本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。')
    # curly quotes drawn after their line, in another font size on another baseline
    pdf.text(LEFT + 2 * SIZE, top, "坚持 公开为常态 不公开为例外", SIZE)
    pdf.text(LEFT + 4 * SIZE, top - 3, "“", SIZE - 2).text(LEFT + 10 * SIZE, top - 3, "”", SIZE - 2)
    top += SIZE * 3
    text = "全年共主动公开政府信息一千余条，" * 12
    per_line = int((RIGHT - LEFT) // SIZE)
    body = text[: per_line - 2 + per_line * 3]
    _paragraph(pdf, 700, body[: per_line - 2 + per_line * 2])
    pdf.text(LEFT, 700 + 6 * SIZE, body[per_line - 2 + per_line * 2:], SIZE)
    pdf.text(280, 805, "— 1 —", 10)

    pdf.page().text(150, 30, TITLE, 9)
    pdf.text(LEFT, 70, "继续深化重点领域信息公开。", SIZE)
    _paragraph(pdf, 100, "二、主动公开政府信息情况")
    end = _table2(pdf, 130)
    _paragraph(pdf, end + 14, "三、收到和处理政府信息公开申请情况")
    cells = _table3_cells(cut_row, blank)
    at = 3 + 2 + 11 + (1 if cut_row else 0)  # the cut falls inside （四）无法提供
    first, second = _split(cells, at, cut_row)
    t3_top = 792 - 18 * at
    pdf.grid(T3_EDGES, t3_top, 18, at, first, open_bottom=True, size=7)
    pdf.text(285, 805, "-2-", 10)

    pdf.page().text(150, 30, TITLE, 9)
    if repeat_header:  # Word's "repeat as header row": the three header rows again on page 3
        second = [c for c in first if c[0] < 3] + [(r + 3, c, rs, cs, t) for r, c, rs, cs, t in second]
    nrows = max(r + rs for r, _c, rs, _cs, _t in second)
    pdf.grid(T3_EDGES, 60, 18, nrows, second, open_top=True, size=7)
    top = 60 + 18 * nrows + 20
    top = _paragraph(pdf, top, "四、政府信息公开行政复议、行政诉讼情况")
    _table4(pdf, top)
    top += 4 * 18 + 20
    top = _paragraph(pdf, top, "五、存在的主要问题及改进情况")
    top = _paragraph(pdf, top, "一是政策解读形式还不够丰富，图解、视频等解读比例偏低，群众理解政策仍有困难。")
    top = _paragraph(pdf, top, "二是业务培训不足，下一步将每季度组织一次依申请公开业务培训，并建立答复文书抽查制度。")
    top = _paragraph(pdf, top, "六、其他需要报告的事项")
    _paragraph(pdf, top, "本年度未收取信息处理费。")
    pdf.text(280, 805, "Page 3", 10)
    if scanned_page:
        pdf.page().image(50, 50, 495, 740)
    return pdf.bytes()


def _table4(pdf: PDF, top: float) -> None:
    edges = [50.0 + 33 * i for i in range(16)]
    labels = ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"]
    cells = [(0, 0, 1, 5, "行政复议"), (0, 5, 1, 10, "行政诉讼")]
    cells += [(1, i, 2, 1, t) for i, t in enumerate(labels)]
    cells += [(1, 5, 1, 5, "未经复议直接起诉"), (1, 10, 1, 5, "复议后起诉")]
    cells += [(2, 5 + i, 1, 1, t) for i, t in enumerate(labels + labels)]
    cells += [(3, i, 1, 1, str(v)) for i, v in enumerate([x for block in REVIEW for x in block])]
    pdf.grid(edges, top, 18, 4, cells, size=7)
