"""OCR benchmark: a generated 30-page report, printed to a text PDF, scanned in code and read back.

    python bench/ocr.py [--pages 30] [--base qinghe] [--seed 1] [--dpi 200] [--keep DIR]

The report is an example of `examples/` padded with prose to `--pages` pages (bench/generate.py) and
drawn by tests/support/pdfgen.py (Chromium is not used: without a CJK font on the machine it would
print empty boxes). The scan (tests/support/scanpdf.py): every page rendered at `--dpi` with a CJK
font, turned by an angle under 1 degree (a different one per page), dusted with specks, given sensor
noise and a Gaussian blur, saved as an image-only PDF (no text layer). It is read with
`load_report` like any file (the `ocr` extra must be installed).

Truth: the report itself. Every data cell of tables 二/三/四 counts: right when the value read equals
the report's (a blank read as blank, text as the same text); *uncertain* when the reader marked it
(OCR confidence under limits.ocr-confidence: left out and named in an OG903); *wrong* when a value was
accepted that differs (a wrong number: the thing that must not happen); *lost* when the cell is not
there for another reason. Also printed: seconds per page (reading and recognising, with the page
rendering by PDFium and the OCR), the skew found per page against the one applied, and the
diagnostics. Numbers, not assertions: timings depend on the machine."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _pdf
import _reports as R
from _common import ROOT

sys.path.insert(0, str(ROOT / "tests" / "support"))


def truth(report: Any) -> dict[tuple[str, str, str], Any]:
    out: dict[tuple[str, str, str], Any] = {}
    for tid, table in report.tables.items():
        for row, cols in table.cells.items():
            for col, cell in cols.items():
                out[(tid, row, col)] = cell
    return out


def compare(want: dict[tuple[str, str, str], Any], got: Any) -> dict[str, list[str]]:
    uncertain = {(d.table, c["row"], c["column"]) for d in got.diagnostics if d.code == "OG903"
                 for c in d.evidence.get("uncertain_cells", [])}
    res: dict[str, list[str]] = {"right": [], "wrong": [], "uncertain": [], "lost": []}
    for key, cell in want.items():
        name = ".".join(key)
        table = got.tables.get(key[0])
        read = table.cell(key[1], key[2]) if table is not None else None
        if read is None:
            res["uncertain" if key in uncertain else "lost"].append(name)
        elif read.value == cell.value and read.kind == cell.kind and (read.value is not None or
                                                                      read.raw.strip() == cell.raw.strip()):
            res["right"].append(name)
        else:
            res["wrong"].append(f"{name}: read {read.raw!r}, is {cell.raw!r}")
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--base", default="qinghe")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dpi", type=float, default=200)
    ap.add_argument("--keep", type=Path, help="write the text PDF and the scan into this folder")
    args = ap.parse_args()

    from generate import build_report, pdf_bytes
    from scanpdf import cjk_font_dir, scanned

    from opengov_lint.load import load_report
    from opengov_lint.readers import ocr

    if not ocr.available():
        sys.exit(f"the OCR extra is not installed: {ocr.INSTALL}")
    if cjk_font_dir() is None:
        sys.exit("no CJK font to draw the scan (apt-get install fonts-wqy-microhei, or OPENGOV_LINT_CJK_FONTS)")
    base = next(b for b in R.bases() if b.name == args.base and b.layout == "2021")
    report = build_report(base, "clean", args.pages, args.seed)
    text_pdf, report = pdf_bytes(report, base, "clean", args.pages, args.seed, "pdfgen")
    pages = _pdf.pages(text_pdf)
    angles = [round(((i * 7919) % 17 - 8) / 10, 2) or 0.35 for i in range(pages)]  # -0.8 .. 0.8 degrees
    t0 = time.perf_counter()
    scan = scanned(text_pdf, dpi=args.dpi, angles=angles, seed=args.seed)
    made = time.perf_counter() - t0
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        (args.keep / "report.pdf").write_bytes(text_pdf)
        (args.keep / "scan.pdf").write_bytes(scan)
    ocr.engine()  # loading the models is paid once per process, not per page
    t0 = time.perf_counter()
    got = load_report("scan.pdf", data=scan)
    took = time.perf_counter() - t0
    res = compare(truth(report), got)
    total = sum(len(v) for v in res.values())
    print(f"report: {base.name} 2021, {pages} pages, scanned at {args.dpi:.0f} dpi in {made:.1f} s "
          f"({len(scan) / 1e6:.1f} MB), angles {min(angles)}..{max(angles)} degrees")
    print(f"read + recognise: {took:.1f} s, {took / pages:.2f} s per page")
    print(f"cells: {total}; right {len(res['right'])} ({100 * len(res['right']) / max(total, 1):.1f} %), "
          f"uncertain (reported, not guessed) {len(res['uncertain'])}, wrong {len(res['wrong'])}, "
          f"lost {len(res['lost'])}")
    for kind in ("wrong", "lost", "uncertain"):
        for name in res[kind][:20]:
            print(f"  {kind}: {name}")
    for d in got.diagnostics:
        print(f"  {d.code}: {d.message_en[:160]}")


if __name__ == "__main__":
    main()
