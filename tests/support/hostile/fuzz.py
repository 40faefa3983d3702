"""A mutation fuzzer for every reader: valid seed documents (written by our own generators, never
corpus files) mutated byte-wise (flips, inserts, deletes, truncation, duplication, splicing of two
seeds) and checked end to end. A crash is anything but a finding: an internal error (OG901 with
reason `internal-error`) or a rule crash (OG999). Deterministic for a given seed."""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))


def _seeds() -> dict[str, list[bytes]]:
    from opengov_lint.authoring.docx_writer import render as docx
    from opengov_lint.authoring.html_writer import render as html
    from opengov_lint.authoring.template import build
    from opengov_lint.canonical.writer import dump_json, dump_yaml
    from opengov_lint.load import load_report

    reports = [load_report(str(ROOT / "examples" / name))
               for name in ("qinghe-district-government-2023.txt", "songlin-town-government-2020.txt")]
    reports.append(build(2024, "某某县交通运输局"))
    from pdfreport import report_pdf

    return {
        "txt": [(ROOT / "examples" / n).read_bytes() for n in ("qinghe-district-government-2023.txt",
                                                              "lanxi-county-market-regulation-2024.txt")],
        "md": ["# 报告\n| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n".encode()],
        "yaml": [dump_yaml(r).encode() for r in reports],
        "json": [dump_json(r).encode() for r in reports],
        "html": [html(r).encode() for r in reports],
        "docx": [docx(r) for r in reports],
        "pdf": [report_pdf()],
    }


def mutate(data: bytes, rng: random.Random, other: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(7)
        if not b:
            b = bytearray(other[: rng.randint(0, len(other))])
            continue
        i = rng.randrange(len(b))
        if op == 0:
            b[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            b[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif op == 2:
            del b[i:i + rng.randint(1, 64)]
        elif op == 3:
            b = b[: i]
        elif op == 4:
            j = rng.randrange(len(b))
            b[i:i] = b[j:j + rng.randint(1, 256)]
        elif op == 5:
            j = rng.randrange(len(other)) if other else 0
            b[i:] = other[j:]
        else:
            b[i] = rng.choice(b"<>&\"'|\t\n\xe4\xb8\x80{}[]:#*0")
    return bytes(b)


@dataclass
class Outcome:
    reader: str
    executions: int = 0
    crashes: list[tuple[bytes, str]] = field(default_factory=list)


def run(reader: str, iterations: int, seed: int = 0,
        on_crash: Callable[[bytes, str], None] | None = None) -> Outcome:
    from opengov_lint.config.settings import Settings
    from opengov_lint.run.worker import check_one, init_worker

    init_worker(Settings(select=["all"], timeout=None))
    seeds = _seeds()[reader]
    rng = random.Random(seed)
    out = Outcome(reader)
    for _ in range(iterations):
        data = mutate(rng.choice(seeds), rng, rng.choice(seeds))
        result = check_one(f"fuzz.{reader}", data)
        out.executions += 1
        bad = [f for f in result.findings if f.code == "OG999" or f.evidence.get("reason") == "internal-error"]
        if bad:
            out.crashes.append((data, bad[0].message))
            if on_crash:
                on_crash(data, bad[0].message)
    return out


READERS = ("txt", "md", "yaml", "json", "html", "docx", "pdf")
