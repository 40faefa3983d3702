"""A 2021-layout report as a government-CMS web page, with switches for the traps real pages have.
Values are distinct so that a shifted column cannot hide; `REQ` and friends hold them."""

from __future__ import annotations

REQ_COLS = ["natural_person", "commercial", "research", "public_interest", "legal_service", "other_org", "total"]
# row label (as printed) -> row path, values (total last; None = blank)
REQ_ROWS: list[tuple[str, str, list[int | None]]] = [
    ("一、本年新收政府信息公开申请数量", "new_received", [21, 3, 1, 0, 2, 0, 27]),
    ("二、上年结转政府信息公开申请数量", "carried_over", [4, 1, 0, 0, 0, 0, 5]),
    ("（一）予以公开", "granted", [9, 1, 1, 0, 1, 0, 12]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partially_granted", [2, 0, 0, 0, 0, 0, 2]),
    ("1.属于国家秘密", "withheld.state_secret", [0, 0, 0, 0, 0, 0, 0]),
    ("2.其他法律行政法规禁止公开", "withheld.prohibited_by_law", [0, 0, 0, 0, 0, 0, 0]),
    ("3.危及“三安全一稳定”", "withheld.three_safeties", [1, 0, 0, 0, 0, 0, 1]),
    ("4.保护第三方合法权益", "withheld.third_party", [0, 1, 0, 0, 0, 0, 1]),
    ("5.属于三类内部事务信息", "withheld.internal_affairs", [0, 0, 0, 0, 0, 0, 0]),
    ("6.属于四类过程性信息", "withheld.process_info", [1, 0, 0, 0, 0, 0, 1]),
    ("7.属于行政执法案卷", "withheld.enforcement_file", [0, 0, 0, 0, 0, 0, 0]),
    ("8.属于行政查询事项", "withheld.admin_query", [0, 0, 0, 0, 0, 0, 0]),
    ("1.本机关不掌握相关政府信息", "unable.not_held", [5, 1, 0, 0, 1, 0, 7]),
    ("2.没有现成信息需要另行制作", "unable.needs_creation", [1, 0, 0, 0, 0, 0, 1]),
    ("3.补正后申请内容仍不明确", "unable.unclear", [0, 0, 0, 0, 0, 0, 0]),
    ("1.信访举报投诉类申请", "not_processed.petition", [2, 0, 0, 0, 0, 0, 2]),
    ("2.重复申请", "not_processed.repeated", [1, 0, 0, 0, 0, 0, 1]),
    ("3.要求提供公开出版物", "not_processed.publication", [0, 0, 0, 0, 0, 0, 0]),
    ("4.无正当理由大量反复申请", "not_processed.excessive", [0, 0, 0, 0, 0, 0, 0]),
    ("5.要求行政机关确认或重新出具已获取信息", "not_processed.confirmation", [0, 0, 0, 0, 0, 0, 0]),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other.no_correction", [0, 0, 0, 0, 0, 0, 0]),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other.unpaid_fee", [0, 0, 0, 0, 0, 0, 0]),
    ("3.其他", "other.misc", [1, 0, 0, 0, 0, 0, 1]),
    ("（七）总计", "total_processed", [23, 3, 1, 0, 2, 0, 29]),
    ("四、结转下年度继续办理", "carried_forward", [2, 1, 0, 0, 0, 0, 3]),
]
GROUPS = {"withheld": ("（三）不予公开", 8), "unable": ("（四）无法提供", 3), "not_processed": ("（五）不予处理", 5),
          "other": ("（六）其他处理", 3)}
REVIEW = {"review": [2, 1, 0, 1, 4], "direct_suit": [1, 0, 1, 0, 2], "suit_after_review": [0, 1, 0, 0, 1]}
REVIEW_COLS = ["upheld", "corrected", "other", "pending", "total"]


def _td(v: int | None, attrs: str = "") -> str:
    return f"<td{attrs}>{'&nbsp;' if v is None else v}</td>"


def table2() -> str:
    return """<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年<br/>制发件数</td><td>本年<br>废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>1</td><td>2</td><td>13</td></tr>
<tr><td>行政规范性文件</td><td>4</td><td>5</td><td>46</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">71</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">88</td></tr>
<tr><td>行政强制</td><td colspan="3">9</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">1.5</td></tr>
</table>"""


def _req_header(sliver: bool) -> str:
    s = ' colspan="2"' if sliver else ""
    return f"""<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
<td colspan="{14 if sliver else 7}">申请人情况</td></tr>
<tr><td rowspan="2"{s}>自然人</td><td colspan="{10 if sliver else 5}">法人或其他组织</td><td rowspan="2"{s}>总计</td></tr>
<tr>{''.join(f'<td{s}>{t}</td>' for t in ['商业企业', '科研机构', '社会公益<br>组织', '法律服务机构', '其他'])}</tr>"""


def _req_values(vals: list[int | None], sliver: bool) -> str:
    return "".join(_td(v) + ("<td></td>" if sliver else "") for v in vals)


def table3(sliver: bool = False, split: bool = False) -> str:
    """Table 三 with rowspan/colspan as published. `sliver`: every column doubled by an empty
    sliver column (office exports); `split`: the body rows in a second <table>."""
    rows: list[str] = []
    seen: set[str] = set()
    for i, (label, path, vals) in enumerate(REQ_ROWS):
        cells = ""
        if i == 2:
            cells += '<td rowspan="22">三、本年度<br>办理结果</td>'
        group = path.split(".")[0] if "." in path else None
        if path in ("new_received", "carried_over", "carried_forward"):
            cells += f'<td colspan="3">{label}</td>'
        elif group is None:
            cells += f'<td colspan="2">{label}</td>'
        else:
            if group not in seen:
                seen.add(group)
                cells += f'<td rowspan="{GROUPS[group][1]}">{GROUPS[group][0]}</td>'
            cells += f"<td>{label}</td>"
        rows.append(f"<tr>{cells}{_req_values(vals, sliver)}</tr>")
    head = _req_header(sliver)
    if split:
        return f'<table border="1">{head}</table>\n<p>&nbsp;</p>\n<table border="1">{"".join(rows)}</table>'
    return f'<table border="1">{head}\n' + "\n".join(rows) + "</table>"


def table4() -> str:
    labels = "".join(f"<td>{t}</td>" for t in ["结果<br>维持", "结果<br>纠正", "其他<br>结果", "尚未<br>审结", "总计"])
    vals = "".join(_td(v) for b in ("review", "direct_suit", "suit_after_review") for v in REVIEW[b])
    return f"""<table border="1">
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr>{labels.replace('<td>', '<td rowspan="2">')}<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>{labels}{labels}</tr>
<tr>{vals}</tr>
</table>"""


def report_body(t2: str | None = None, t3: str | None = None, extra: str = "") -> str:
    return f"""<p class="MsoNormal" align="center"><span lang="EN-US">2023</span><span>年某某县司法局
政府信息公开工作年度报告<o:p></o:p></span></p>
<p class="MsoNormal"><span>一、总体情况</span></p>
<p class="MsoNormal" style="text-indent:32pt"><span lang="EN-US">2023</span><span>年，我局坚持以习近平新时代中国特色
社会主义思想为指导，本报告所列数据统计期限自</span><span lang="EN-US">2023</span><span>年</span><span lang="EN-US">1</span><span>月</span><span lang="EN-US">1</span><span>日至</span><span lang="EN-US">12</span><span>月</span><span lang="EN-US">31</span><span>日。<o:p></o:p></span></p>
{extra}
<p class="MsoNormal"><span>二、主动公开政府信息情况</span></p>
{t2 if t2 is not None else table2()}
<p class="MsoNormal"><span>三、收到和处理政府信息公开申请情况</span></p>
{t3 if t3 is not None else table3()}
<p class="MsoNormal"><span>四、政府信息公开行政复议、行政诉讼情况</span></p>
{table4()}
<p class="MsoNormal"><span>五、存在的主要问题及改进情况</span></p>
<p class="MsoNormal"><span>一是政策解读形式还不够丰富，图解、视频等解读比例偏低，群众理解政策仍有困难。<br>二是业务培训不足，下一步将每季度组织一次依申请公开业务培训，并建立答复文书抽查制度。</span></p>
<p class="MsoNormal"><span>六、其他需要报告的事项</span></p>
<p class="MsoNormal"><span>本年度未收取信息处理费。</span></p>"""


def cms_page(body: str, charset: str | None = "utf-8", pubmeta: bool = False) -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    pub = '<meta name="PubDate" content="2024-01-19 09:30">' if pubmeta else ""
    nav = "".join(f'<li><a href="/c{i}/">栏目{i}政务公开信息公开指南</a></li>' for i in range(40))
    return f"""<!DOCTYPE html>
<html><head>{meta}{pub}<title>2023年某某县司法局政府信息公开工作年度报告_某某县人民政府</title>
<script>var s = "一、总体情况 三、收到和处理政府信息公开申请情况";</script><style>p{{margin:0}}</style></head>
<body><div class="top"><form><input value="请输入关键字"><button>搜索</button></form></div>
<div class="nav"><ul>{nav}</ul></div>
<div class="article"><h1 class="title">2023年某某县司法局政府信息公开工作年度报告</h1>
<div class="info">发布时间：2024-01-18 来源：某某县司法局 浏览次数：<script>document.write(99)</script></div>
<div class="bdsharebuttonbox">分享到：微信 微博 QQ空间</div>
<div id="zoom" class="TRS_Editor">
{body}
</div></div>
<div class="footer"><p>主办单位：某某县人民政府办公室 网站标识码：3300000001 ICP备案号：浙ICP备00000000号</p>
<ul>{nav}</ul></div></body></html>"""
