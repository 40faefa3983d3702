"""`aggregate`: sum units' tables 二/三/四 into one canonical report."""

from __future__ import annotations

from typing import Annotated

import typer

from opengov_lint.cli.common import exit_for, load_or_exit, usage, writable_or_exit, write_or_exit


def aggregate(
    paths: Annotated[list[str], typer.Argument(help="The units' reports (files or directories).")],
    output: Annotated[str, typer.Option("-o", "--output", help="Output file (.yaml or .json).")],
    issuer: Annotated[str | None, typer.Option(help="Name of the aggregating organ (e.g. 清河区).")] = None,
    year: Annotated[int | None, typer.Option(help="Report year (default: the units' common year).")] = None,
) -> None:
    """Sum units' tables 二/三/四 into one canonical report (汇总各单位统计表)."""
    from opengov_lint.canonical.writer import dump_json, dump_yaml
    from opengov_lint.crossdoc.aggregate import aggregate as sum_units
    from opengov_lint.run.sources import expand

    files = list(expand(paths))
    writable_or_exit(output, files)
    units = [(p, load_or_exit(p, year)) for p in files]
    if not units:
        usage("no unit reports found")
    result = sum_units(units, issuer, year)
    for c in result.layout_conflicts:
        typer.echo(f"拒绝汇总：各单位的表格格式不一致（2019年版与2021年版不能相加）：{c}", err=True)
    for prob in result.problems:
        units_txt = "、".join(f"{u}（{r}）" for u, r in zip(prob.units, prob.raw, strict=False))
        typer.echo(f"未汇总 {prob.cell}：以下单位该格不是数字，汇总格留空（不按0计算）：{units_txt}", err=True)
    write_or_exit(output, dump_json(result.report) if output.endswith(".json") else dump_yaml(result.report))
    typer.echo(f"已汇总 {result.units} 个单位的报告 → {output}" + (
        f"；{len(result.problems)} 个单元格因单位数据空白或非数字未汇总" if result.problems else ""), err=True)
    exit_for(bool(result.problems or result.layout_conflicts))
