"""Writes the example reports in examples/ (fictional organs). Run once; the outputs are committed
and edited by hand afterwards only on purpose. Kept so the numbers behind each example are visible."""

from __future__ import annotations

import os
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "examples"
COLS = ["natural_person", "commercial", "research", "public_interest", "legal_service", "other_org"]

R19 = ["granted", "partially_granted", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "u1", "u2", "u3",
       "n1", "n2", "n3", "n4", "n5", "other"]
R21 = [*R19[:-1], "o1", "o2", "o3"]
LABELS = {
    "new": "一、本年新收政府信息公开申请数量", "carried": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开", "partially_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "w1": "1.属于国家秘密", "w2": "2.其他法律行政法规禁止公开", "w3": "3.危及“三安全一稳定”", "w4": "4.保护第三方合法权益",
    "w5": "5.属于三类内部事务信息", "w6": "6.属于四类过程性信息", "w7": "7.属于行政执法案卷", "w8": "8.属于行政查询事项",
    "u1": "1.本机关不掌握相关政府信息", "u2": "2.没有现成信息需要另行制作", "u3": "3.补正后申请内容仍不明确",
    "n1": "1.信访举报投诉类申请", "n2": "2.重复申请", "n3": "3.要求提供公开出版物", "n4": "4.无正当理由大量反复申请",
    "n5": "5.要求行政机关确认或重新出具已获取信息", "other": "（六）其他处理",
    "o1": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "o2": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "o3": "3.其他",
    "total": "（七）总计", "forward": "四、结转下年度继续办理",
}
GROUP_START = {"w1": "（三）不予公开", "u1": "（四）无法提供", "n1": "（五）不予处理", "o1": "（六）其他处理"}


def requests_table(new: list[int], carried: list[int], results: dict[str, list[int]], layout: str,
                   overrides: dict[tuple[str, int], str] | None = None) -> dict[str, list[str]]:
    """Rows of table 三 as strings (7 columns each, the last the total), consistent unless overridden."""
    rows = R21 if layout == "2021" else R19
    out: dict[str, list[int]] = {"new": new, "carried": carried}
    for r in rows:
        out[r] = results.get(r, [0] * 6)
    out["total"] = [sum(out[r][i] for r in rows) for i in range(6)]
    out["forward"] = [new[i] + carried[i] - out["total"][i] for i in range(6)]
    text = {k: [str(x) for x in v] + [str(sum(v))] for k, v in out.items()}
    for (row, col), value in (overrides or {}).items():
        text[row][col] = value
    return text


def export_requests(t: dict[str, list[str]], layout: str) -> list[str]:
    rows = R21 if layout == "2021" else R19
    lines = ["\t（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "\t申请人情况", "",
             "\t", "\t自然人", "\t法人或其他组织", "\t总计", "",
             "\t", "\t", "\t商业企业", "\t科研机构", "\t社会公益组织", "\t法律服务机构", "\t其他", "\t", ""]

    def row(prefix: list[str], key: str) -> None:
        lines.extend("\t" + p for p in prefix)
        lines.append("\t" + LABELS[key])
        lines.extend("\t" + v for v in t[key])
        lines.append("")

    row([], "new")
    row([], "carried")
    for i, r in enumerate(rows):
        prefix = ["三、本年度办理结果"] if i == 0 else [""]
        if r in GROUP_START:
            prefix.append(GROUP_START[r])
        elif r.startswith(("w", "u", "n", "o")) and r != "other":
            prefix.append("")
        row(prefix, r)
    row([""], "total")
    row([], "forward")
    return lines


def export_review(values: list[str]) -> list[str]:
    lines = ["\t行政复议", "\t行政诉讼", "", "\t结果维持", "\t结果纠正", "\t其他结果", "\t尚未审结", "\t总计",
             "\t未经复议直接起诉", "\t复议后起诉", ""]
    lines += ["\t"] * 5 + ["\t" + x for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2] + [""]
    lines += ["\t" + v for v in values] + [""]
    return lines


def review(review: list[int], direct: list[int], after: list[int]) -> list[str]:
    out = []
    for block in (review, direct, after):
        out += [str(x) for x in block] + [str(sum(block))]
    return out


def export_active_2021(rows: dict[str, list[str]]) -> list[str]:
    lines = ["\t第二十条第（一）项", "", "\t信息内容", "\t本年制发件数", "\t本年废止件数", "\t现行有效件数", ""]
    for key, label in (("rules", "规章"), ("normative", "行政规范性文件")):
        lines += ["\t" + label] + ["\t" + v for v in rows[key]] + [""]
    lines += ["\t第二十条第（五）项", "", "\t信息内容", "\t本年处理决定数量", "", "\t行政许可", "\t" + rows["licensing"][0], ""]
    lines += ["\t第二十条第（六）项", "", "\t信息内容", "\t本年处理决定数量", ""]
    lines += ["\t行政处罚", "\t" + rows["penalty"][0], "", "\t行政强制", "\t" + rows["coercion"][0], ""]
    lines += ["\t第二十条第（八）项", "", "\t信息内容", "\t本年收费金额（单位：万元）", "", "\t行政事业性收费",
              "\t" + rows["fees"][0], ""]
    return lines


def export_active_2019(rows: dict[str, list[str]]) -> list[str]:
    lines = ["\t第二十条第（一）项", "", "\t信息内容", "\t本年新", "制作数量", "\t本年新", "公开数量", "\t对外公开总数量", ""]
    for key, label in (("rules", "规章"), ("normative", "规范性文件")):
        lines += ["\t" + label] + ["\t" + v for v in rows[key]] + [""]
    for item, keys in (("五", (("licensing", "行政许可"), ("other_services", "其他对外管理服务事项"))),
                       ("六", (("penalty", "行政处罚"), ("coercion", "行政强制")))):
        lines += [f"\t第二十条第（{item}）项", "", "\t信息内容", "\t上一年项目数量", "\t本年增/减", "\t处理决定数量", ""]
        for key, label in keys:
            lines += ["\t" + label] + ["\t" + v for v in rows[key]] + [""]
    lines += ["\t第二十条第（八）项", "", "\t信息内容", "\t上一年项目数量", "\t本年增/减", "",
              "\t行政事业性收费"] + ["\t" + v for v in rows["fees"]] + [""]
    lines += ["\t第二十条第（九）项", "", "\t信息内容", "\t采购项目数量", "\t采购总金额", "",
              "\t政府集中采购"] + ["\t" + v for v in rows["procurement"]] + [""]
    return lines


def write(name: str, lines: list[str], encoding: str = "utf-8") -> None:
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w", encoding=encoding, newline="\n") as fh:
        fh.write("\n".join(lines).rstrip("\n") + "\n")


def res(**kw: list[int]) -> dict[str, list[int]]:
    return kw


# ---------------------------------------------------------------------------------------------------
# 1. 清河区人民政府 2023 — a government, 2021 layout, clean, Word text export.
def qinghe() -> None:
    t3 = requests_table([412, 23, 1, 2, 9, 5], [18, 1, 0, 0, 1, 0], res(
        granted=[198, 12, 1, 1, 4, 2], partially_granted=[41, 3, 0, 0, 2, 1], w3=[2, 0, 0, 0, 0, 0],
        w4=[5, 1, 0, 0, 0, 0], w5=[3, 0, 0, 0, 0, 0], w6=[9, 0, 0, 0, 1, 0], w8=[6, 0, 0, 0, 0, 0],
        u1=[88, 4, 0, 1, 1, 1], u2=[7, 0, 0, 0, 0, 0], u3=[4, 0, 0, 0, 0, 0], n1=[11, 0, 0, 0, 0, 0],
        n2=[15, 1, 0, 0, 1, 0], n5=[2, 0, 0, 0, 0, 0], o1=[12, 1, 0, 0, 0, 0], o3=[6, 0, 0, 0, 0, 0]), "2021")
    lines = [
        "清河区人民政府2023年政府信息公开工作年度报告", "",
        ("本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》"
        "（国办公开办函〔2021〕30号）编制，包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
        "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分。"
        "本年度报告中所列数据统计期限为2023年1月1日至12月31日。本报告电子版可在清河区人民政府门户网站"
        "“政府信息公开年报”栏目下载。"), "",
        "一、总体情况",
        ("2023年，清河区人民政府认真贯彻落实《条例》和上级关于政务公开工作的部署要求，坚持以公开为常态、不公开为例外，"
        "围绕区委、区政府中心工作推进政府信息公开，切实保障人民群众的知情权、参与权和监督权。"),
        "（一）主动公开",
        ("全年通过区政府门户网站主动公开政府信息3862条，其中政策文件146件、政策解读87篇、财政预决算信息312条。"
        "围绕优化营商环境、义务教育招生、城市更新等重点领域，发布图文解读、视频解读等多种形式的解读材料。"),
        "（二）依申请公开",
        ("全年新收政府信息公开申请452件，上年结转20件，办结447件，结转下年度继续办理25件。"
        "区政府办公室对各部门依申请公开答复文书开展季度抽查，规范告知书格式和法律救济途径的表述。"),
        "（三）政府信息管理",
        ("建立公文公开属性源头认定机制，对拟公开文件一律进行保密审查；完成行政规范性文件清理，"
        "对已废止、失效的文件在门户网站作出标注。"),
        "（四）政府信息公开平台建设",
        ("优化政府信息公开专栏，统一各部门、各街道专栏的目录设置；完成政府网站适老化和无障碍改造，"
        "提升政务新媒体的信息发布和互动回应能力。"),
        "（五）监督保障",
        ("工作考核方面，将政务公开纳入区级部门和街道年度绩效考核，权重占3%；社会评议方面，"
        "通过政府网站、12345热线开展满意度评议，收回有效问卷1126份；责任追究结果情况方面，"
        "本年度未发生因政府信息公开工作被追究责任的情况。"), "",
        "二、主动公开政府信息情况", "",
    ]
    lines += export_active_2021({"rules": ["0", "0", "0"], "normative": ["6", "3", "41"], "licensing": ["1823"],
                                 "penalty": ["265"], "coercion": ["12"], "fees": ["86.4"]})
    lines += ["", "", "三、收到和处理政府信息公开申请情况", "", *export_requests(t3, "2021")]
    lines += ["", "", "四、政府信息公开行政复议、行政诉讼情况", ""]
    lines += export_review(review([3, 1, 0, 1], [1, 0, 0, 1], [0, 0, 0, 0]))
    lines += [
        "", "", "五、存在的主要问题及改进情况",
        ("2023年，我区政府信息公开工作仍存在一些不足：一是部分部门政策解读形式单一，图解、视频等解读比例偏低；"
        "二是依申请公开答复的说理不够充分，有2件答复因告知理由不清被要求重新答复；"
        "三是基层政务公开标准化目录更新不及时。"),
        ("2024年，我们将从三方面改进：一是制定政策解读工作规范，重要政策同步推出多形式解读；"
        "二是开展依申请公开业务培训，建立疑难申请会商机制；三是每季度检查基层目录的更新情况并通报结果。"),
        "六、其他需要报告的事项",
        ("（一）信息处理费收取情况。依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），"
        "本年度未发出收费通知，未收取信息处理费。"),
        ("（二）人大代表建议和政协提案办理结果公开情况。全年办理人大代表建议86件、政协提案102件，"
        "办理复文已全部依法公开。"),
        "清河区人民政府办公室", "2024年3月20日",
    ]
    write("qinghe-district-government-2023.txt", lines)


# 2. 兰溪县市场监督管理局 2024 — a department, 2021 layout, clean; rows on one line (tab separated).
def lanxi() -> None:
    t3 = requests_table([37, 6, 0, 0, 1, 0], [2, 0, 0, 0, 0, 0], res(
        granted=[21, 4, 0, 0, 1, 0], partially_granted=[3, 0, 0, 0, 0, 0], w4=[1, 0, 0, 0, 0, 0],
        u1=[8, 1, 0, 0, 0, 0], n2=[2, 0, 0, 0, 0, 0], o1=[1, 0, 0, 0, 0, 0]), "2021")
    rows3 = R21
    lines = [
        "兰溪县市场监督管理局2024年政府信息公开工作年度报告", "",
        ("根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室印发的"
        "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求，编制本报告。"
        "本报告所列数据统计期限为2024年1月1日至2024年12月31日。"), "",
        "一、总体情况",
        ("2024年，兰溪县市场监督管理局坚持以公开促规范、以公开促服务，围绕食品安全、特种设备安全、"
        "市场主体登记等群众关注事项做好信息公开工作。"),
        ("（一）主动公开情况。全年在县政府门户网站本局专栏发布信息427条，其中行政处罚信息133条、"
        "抽检结果信息58条、行政许可信息196条。"),
        "（二）依申请公开情况。全年新收政府信息公开申请44件，上年结转2件，已全部按期答复，结转下年度继续办理4件。",
        "（三）政府信息管理情况。严格执行信息发布审核制度，全年开展保密审查427次。",
        "（四）平台建设情况。完成本局专栏栏目优化，新增“食品安全抽检”专题。",
        "（五）监督保障情况。将信息公开工作纳入科室年度考核，全年组织业务培训2次。", "",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "规章\t0\t0\t0",
        "行政规范性文件\t1\t0\t4",
        "第二十条第（五）项",
        "信息内容\t本年处理决定数量",
        "行政许可\t2311",
        "第二十条第（六）项",
        "信息内容\t本年处理决定数量",
        "行政处罚\t133",
        "行政强制\t27",
        "第二十条第（八）项",
        "信息内容\t本年收费金额（单位：万元）",
        "行政事业性收费\t0", "",
        "三、收到和处理政府信息公开申请情况",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",
        "\t自然人\t法人或其他组织\t总计",
        "\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
    ]
    lines.append(LABELS["new"] + "\t" + "\t".join(t3["new"]))
    lines.append(LABELS["carried"] + "\t" + "\t".join(t3["carried"]))
    for i, r in enumerate(rows3):
        prefix = ("三、本年度办理结果\t" if i == 0 else "") + (GROUP_START[r] + "\t" if r in GROUP_START else "")
        lines.append(prefix + LABELS[r] + "\t" + "\t".join(t3[r]))
    lines.append(LABELS["total"] + "\t" + "\t".join(t3["total"]))
    lines.append(LABELS["forward"] + "\t" + "\t".join(t3["forward"]))
    rv = review([1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0])
    lines += [
        "", "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议\t行政诉讼",
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉",
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
        "\t".join(rv), "",
        "五、存在的主要问题及改进情况",
        ("一是行政处罚信息公开时效不够均衡，个别案件超过7个工作日才公开；二是抽检结果解读不足，"
        "公众对不合格项目的含义理解困难。下一步，我局将建立行政处罚信息公开台账，逐案跟踪公开时限，"
        "并对抽检不合格项目配发通俗解读。"),
        "六、其他需要报告的事项",
        ("本年度未收取信息处理费。依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），"
        "本局未发出收费通知。"),
    ]
    write("lanxi-county-market-regulation-2024.txt", lines)


# 3. 松林镇人民政府 2020 — a township government, 2019 layout, clean, Word text export.
def songlin() -> None:
    t3 = requests_table([6, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], res(
        granted=[3, 0, 0, 0, 0, 0], u1=[2, 0, 0, 0, 0, 0]), "2019")
    lines = [
        "松林镇人民政府2020年政府信息公开工作年度报告", "",
        ("本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室"
        "《关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）编制。"
        "本年度报告中所列数据统计期限为2020年1月1日至12月31日。"), "",
        "一、总体情况",
        ("2020年，松林镇人民政府认真贯彻落实《条例》，围绕疫情防控、脱贫攻坚、农村人居环境整治等重点工作，"
        "及时公开政府信息，回应群众关切。"),
        "（一）主动公开情况",
        "全年通过县政府门户网站乡镇专栏公开信息214条，在村务公开栏张贴公告86期。",
        "（二）依申请公开情况",
        "全年收到政府信息公开申请6件，均为自然人申请，已全部按期答复，结转下年度继续办理1件。",
        "（三）政府信息管理情况",
        "落实信息发布“三审”制度，对公开内容逐条进行保密审查。",
        "（四）平台建设情况",
        "在各村设立政务公开栏，与镇政府专栏同步更新。",
        "（五）监督保障情况",
        ("将政务公开纳入村级年度考核；组织群众代表对镇政务公开工作进行评议，满意率96%；"
        "本年度未发生政府信息公开工作责任追究情况。"), "",
        "二、主动公开政府信息情况", "",
    ]
    lines += export_active_2019({"rules": ["0", "0", "0"], "normative": ["0", "0", "0"],
                                 "licensing": ["3", "0", "41"], "other_services": ["12", "+1", "230"],
                                 "penalty": ["0", "0", "0"], "coercion": ["0", "0", "0"], "fees": ["0", "0"],
                                 "procurement": ["2", "36.5"]})
    lines += ["", "", "三、收到和处理政府信息公开申请情况", "", *export_requests(t3, "2019")]
    lines += ["", "", "四、政府信息公开行政复议、行政诉讼情况", ""]
    lines += export_review(review([0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]))
    lines += [
        "", "", "五、存在的主要问题及改进情况",
        ("一是村级公开栏更新不够及时，个别村公开内容滞后一个月以上；二是工作人员业务能力有待提高。"
        "2021年，镇政府将每月检查村级公开栏，并组织村级信息员参加县级业务培训。"),
        "六、其他需要报告的事项",
        "本年度无其他需要报告的事项。",
    ]
    write("songlin-town-government-2020.txt", lines)


# 4. 北苑区民政局 2020 — the Gongshu export's kinds of defects, same text-export layout.
def beiyuan() -> None:
    t3 = requests_table([3, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], res(granted=[2, 0, 0, 0, 0, 0]), "2019")
    lines = [
        "2020年北苑区民政局", "政府信息公开工作年度报告", "",
        "一、总体情况",
        ("2020年，北苑区民政局按照《中华人民共和国政府信息公开条例》要求，围绕社会救助、养老服务、"
        "婚姻登记等民生领域，扎实做好政府信息公开工作。"),
        "（一）政府信息主动公开情况",
        "本年度在区政府信息公开网站发布各类信息58条，其中低保、特困救助信息24条。",
        "（二）政府信息依申请公开情况",
        "本年度收到政府信息公开申请3件，均已按期答复。",
        "（三）平台建设情况",
        "安排专人维护信息公开专栏，及时更新办事指南。",
        "（4） 政策解读情况",
        "对《北苑区困难群众基本生活保障实施办法》等文件进行图文解读。",
        "（五）监督保障",
        "建立信息公开保密审查制度，落实“谁公开、谁审查”原则。", "",
        "2、 主动公开政府信息情况", "",
    ]
    lines += export_active_2019({"rules": ["0", "0", "0"], "normative": ["1", "1", "6"],
                                 "licensing": ["2", "0", "15"], "other_services": ["5", "0", "318"],
                                 "penalty": ["0", "0", "0"], "coercion": ["0", "0", "0"], "fees": ["0", "0"],
                                 "procurement": ["\u300012", "[bookmark: _GoBack]48.30万元"]})
    lines += ["", "", "3、 收到和处理政府信息公开申请情况", "", *export_requests(t3, "2019")]
    lines += ["", "", "4、 政府信息公开行政复议、行政诉讼情况", ""]
    lines += export_review(review([0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]))
    lines += [
        "", "", "5、 存在的主要问题及改进情况",
        "一是信息公开的主动性有待加强；二是政策解读形式较为单一。下一步将加强业务培训，丰富解读形式。",
        "6、 其他需要报告的事项", "无",
    ]
    write("beiyuan-district-civil-affairs-2020.txt", lines)


# 5. 东山县交通运输局 2022 — arithmetic and cell defects: a total off by one, a blank, a placeholder,
#    a label typo, table 四 total 0 with non-zero parts.
def dongshan() -> None:
    t3 = requests_table([14, 2, 0, 0, 0, 1], [1, 0, 0, 0, 0, 0], res(
        granted=[8, 1, 0, 0, 0, 1], partially_granted=[1, 0, 0, 0, 0, 0], u1=[3, 1, 0, 0, 0, 0],
        n2=[1, 0, 0, 0, 0, 0]), "2021", overrides={("new", 6): "18", ("w2", 1): "", ("u3", 4): "/"})
    lines = [
        "东山县交通运输局2022年政府信息公开工作年度报告", "",
        "本报告依据《中华人民共和国政府信息公开条例》编制，本年度报告中所列数据统计期限为2022年1月1日至12月31日。", "",
        "一、总体情况",
        "2022年，东山县交通运输局围绕农村公路建设、道路运输管理等重点工作，推进政府信息公开。",
        "（一）主动公开情况。全年发布政府信息162条。",
        "（二）依申请公开情况。全年新收政府信息公开申请17件，上年结转1件。",
        "（三）政府信息管理情况。落实公文公开属性认定制度。",
        "（四）平台建设情况。完善本局信息公开专栏。",
        "（五）监督保障情况。开展信息公开工作自查2次。", "",
        "二、主动公开政府信息情况", "",
    ]
    lines += export_active_2021({"rules": ["0", "0", "0"], "normative": ["2", "0", "9"], "licensing": ["684"],
                                 "penalty": ["57"], "coercion": ["0"], "fees": ["0"]})
    req = export_requests(t3, "2021")
    req = [ln.replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开") for ln in req]
    lines += ["", "", "三、收到和处理政府信息公开申请情况", "", *req]
    lines += ["", "", "四、政府信息公开行政复议、行政诉讼情况", ""]
    lines += export_review(["1", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"])
    lines += [
        "", "", "五、存在的主要问题及改进情况",
        ("一是部分信息发布不够及时；二是依申请公开答复文书不够规范。下一步将建立信息发布时限台账，"
        "并组织依申请公开业务培训。"),
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
    ]
    write("dongshan-county-transport-2022.txt", lines)


if __name__ == "__main__":
    qinghe()
    lanxi()
    songlin()
    beiyuan()
    dongshan()
