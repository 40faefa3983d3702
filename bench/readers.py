"""Reader benchmark: per input format, table cells read right over the corpus and the synthetic
report, and the median time to read and recognise one document.

    python bench/readers.py [--corpus ../shared/corpus] [--rounds 5] [--cli] [--text-forms]

Truth: `../shared/corpus/synthetic/gongshu-synthetic.truth.json` for the synthetic report in every
format; `bench/truth/<file>.json` for the real reports (flat `table.row.column -> value`; null =
blank; a string = the raw text of a cell that is not a plain number). Those were written from the
readers' output and checked cell by cell against an independent reading of each source (the PDF
text layer through pypdfium2, the HTML rows by regular expression) and the sums in MANIFEST.tsv;
005/006 (garbled PDF-to-Markdown extractions) were written by hand from the documents, cells the
extraction destroyed beyond recovery (006 表二 规章/行政规范性文件) left out.
A cell is right when the converted value equals the truth; a cell the reader did not deliver
counts as wrong. The plain-text table forms (issue 22: GFM pipe rows with and without outer pipes, one
cell per line ending with ` |`, one cell per paragraph, pipe rows whose cells start on their own lines)
are reported separately, per form and extension: the example reports of both layouts (`examples/*.yaml`
with a blank cell and placeholders put in, tests/support/textforms.py) rendered into each form, the truth being
the source report itself. `--cli` adds the wall time of a one-file `opengov-lint check` per format.

Generated documents (written into a temporary folder before timing): `ofd` = the report of
`tests/support/pdfreport.py` drawn by `tests/support/ofdgen.py` (runs placed by DeltaX; one object per glyph with a
row cut by the page break), truth = the values it writes; `doc`/`wps` (when LibreOffice is installed)
= the synthetic report's .docx and the qinghe example's .docx saved as Word 97 by LibreOffice (the
.wps is the .doc renamed, as WPS's compatibility mode writes it), truth = the synthetic truth / the
example itself; their time includes the LibreOffice conversion (a fresh private profile each time).
`--pdf-floor` adds, per corpus PDF, the median time of PDFium's plain text extraction of every page
and the ratio of the read+recognise time to it.
Numbers, not assertions: timings depend on the machine."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TRUTH = Path(__file__).resolve().parent / "truth"
ROUNDS = {"doc": 2, "wps": 2}  # a LibreOffice conversion takes seconds: fewer rounds


def _flat(node: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in node.items():
        if isinstance(v, dict):
            out.update(_flat(v, f"{prefix}{k}."))
        else:
            out[f"{prefix}{k}"] = v
    return out


def documents(corpus: Path) -> list[tuple[str, Path, dict[str, Any]]]:
    """(format, path, truth) for every document that has a truth."""
    out: list[tuple[str, Path, dict[str, Any]]] = []
    synthetic = corpus / "synthetic" / "gongshu-synthetic.truth.json"
    if synthetic.is_file():
        truth = _flat(json.loads(synthetic.read_text(encoding="utf-8"))["tables"])
        for f in sorted((corpus / "synthetic").glob("gongshu-synthetic.*")):
            if f.suffix in (".json", ".md") and f.name.endswith("truth.json"):
                continue
            out.append((f.suffix.lstrip("."), f, truth))
    for t in sorted(TRUTH.glob("*.json")):
        f = corpus / t.name[: -len(".json")]
        if f.is_file():
            out.append((f.suffix.lstrip("."), f, json.loads(t.read_text(encoding="utf-8"))))
    return out


def generated(corpus: Path, folder: Path) -> list[tuple[str, Path, dict[str, Any]]]:
    """OFD from the test report's writer; .doc/.wps through LibreOffice when it is installed."""
    sys.path.insert(0, str(ROOT / "tests" / "support"))
    from ofdgen import OFD
    from pdfreport import report_pdf, values

    truth = {f"{tid}.{key}": v for tid, cells in values().items() for key, v in cells.items()}
    out: list[tuple[str, Path, dict[str, Any]]] = []
    for name, data in (("report-runs.ofd", report_pdf(writer=OFD)),
                       ("report-glyphs-cut.ofd", report_pdf(cut_row=True, writer=lambda: OFD(per_glyph=True)))):
        (folder / name).write_bytes(data)
        out.append(("ofd", folder / name, truth))
    return out + _word97(corpus, folder)


def _word97(corpus: Path, folder: Path) -> list[tuple[str, Path, dict[str, Any]]]:
    import shutil

    from opengov_lint.authoring.docx_writer import render
    from opengov_lint.canonical.writer import to_dict
    from opengov_lint.load import load_report
    from opengov_lint.readers.office import find_soffice

    soffice = find_soffice()
    if soffice is None:
        print("note: LibreOffice (soffice) not installed: no .doc/.wps", file=sys.stderr)
        return []
    example = ROOT / "examples" / "qinghe-district-government-2023.yaml"
    sources = [(folder / "qinghe.docx", _flat(to_dict(load_report(str(example)))["tables"]))]
    sources[0][0].write_bytes(render(load_report(str(example))))
    synthetic = corpus / "synthetic" / "gongshu-synthetic.docx"
    if synthetic.is_file():
        shutil.copy(synthetic, folder / "gongshu.docx")
        truth = json.loads((corpus / "synthetic" / "gongshu-synthetic.truth.json").read_text(encoding="utf-8"))
        sources.append((folder / "gongshu.docx", _flat(truth["tables"])))
    out: list[tuple[str, Path, dict[str, Any]]] = []
    for src, truth in sources:
        subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                        "--convert-to", "doc:MS Word 97", "--outdir", str(folder), str(src)],
                       capture_output=True, timeout=300, check=True)
        doc = src.with_suffix(".doc")
        shutil.copy(doc, doc.with_suffix(".wps"))
        out += [("doc", doc, truth), ("wps", doc.with_suffix(".wps"), truth)]
    return out


def pdf_floor(docs: list[tuple[str, Path, dict[str, Any]]], rounds: int) -> None:
    """Per corpus PDF: read+recognise time against PDFium's plain text extraction of every page."""
    import pypdfium2 as pdfium

    def extract(path: Path) -> float:
        t0 = time.perf_counter()
        pdf = pdfium.PdfDocument(str(path))
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close()
            page.close()
        pdf.close()
        return time.perf_counter() - t0

    print(f"\n{'PDF':<40} {'read+recognise ms':>18} {'PDFium text ms':>15} {'ratio':>6}")
    ratios = []
    for fmt, path, _truth in docs:
        if fmt != "pdf":
            continue
        extract(path)
        floor = statistics.median(extract(path) for _ in range(rounds))
        ours = statistics.median(read_once(path)[1] for _ in range(rounds))
        ratios.append(ours / floor)
        print(f"{path.name:<40} {ours * 1000:>18.1f} {floor * 1000:>15.1f} {ours / floor:>6.1f}")
    if ratios:
        print(f"{'median ratio':<40} {'':>18} {'':>15} {statistics.median(ratios):>6.1f}")


def read_once(path: Path) -> tuple[dict[str, Any], float]:
    from opengov_lint.canonical.writer import to_dict
    from opengov_lint.load import load_report

    t0 = time.perf_counter()
    report = load_report(str(path))
    seconds = time.perf_counter() - t0
    return _flat(to_dict(report)["tables"]), seconds


def read_bytes_once(name: str, data: bytes) -> tuple[dict[str, Any], float]:
    from opengov_lint.canonical.writer import to_dict
    from opengov_lint.load import load_report

    t0 = time.perf_counter()
    report = load_report(name, data=data)
    seconds = time.perf_counter() - t0
    return _flat(to_dict(report)["tables"]), seconds


def text_forms(rounds: int) -> None:
    """Cells right and median ms per document for each plain-text table form, in .txt and .md."""
    sys.path.insert(0, str(ROOT / "tests" / "support"))
    from textforms import FORMS, render, source

    from opengov_lint.canonical.writer import to_dict

    print(f"\n{'text form':<18} {'docs':>4} {'cells right / total':>20} {'median ms/doc':>14}")
    sources = [source(layout) for layout in ("2019", "2021")]
    for form in FORMS:
        for ext in ("txt", "md"):
            right = total = 0
            ms: list[float] = []
            for src in sources:
                truth = _flat(to_dict(src)["tables"])
                data = render(src, form).encode("utf-8")
                got, _ = read_bytes_once(f"r.{ext}", data)
                ms.append(statistics.median(read_bytes_once(f"r.{ext}", data)[1] for _ in range(rounds)) * 1000)
                right += sum(1 for k, v in truth.items() if k in got and got[k] == v)
                total += len(truth)
            print(f"{form + '.' + ext:<18} {len(sources):>4} {right:>10} / {total:<7} {statistics.median(ms):>12.1f}")


def cli_seconds(path: Path, rounds: int) -> float:
    env = {**os.environ, "NO_COLOR": "1", "OPENGOV_LINT_RESULTS_CACHE": "off"}  # time real checks, not the cache
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "opengov_lint", "check", "--jobs", "1", "--quiet", str(path)],
                       capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--cli", action="store_true", help="also time a one-file `opengov-lint check` per format")
    ap.add_argument("--pdf-floor", action="store_true", help="also compare each corpus PDF with PDFium's text")
    ap.add_argument("--no-generated", action="store_true", help="skip the generated OFD and .doc/.wps")
    ap.add_argument("--text-forms", action="store_true", help="only the plain-text table forms (no corpus needed)")
    args = ap.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bench-readers-") as tmp:
        docs = [] if args.text_forms else documents(Path(args.corpus))
        if not docs:
            if not args.text_forms:
                print(f"no corpus at {args.corpus}: the text forms only", file=sys.stderr)
            text_forms(args.rounds)
            return
        if not args.no_generated:
            docs += generated(Path(args.corpus), Path(tmp))
        run(docs, args)
        if args.pdf_floor:
            pdf_floor(docs, args.rounds)
    text_forms(args.rounds)


def run(docs: list[tuple[str, Path, dict[str, Any]]], args: argparse.Namespace) -> None:
    per: dict[str, dict[str, Any]] = {}
    for fmt, path, truth in docs:
        got, _ = read_once(path)  # warm-up: imports and caches are not the reader's cost per document
        times = [read_once(path)[1] for _ in range(ROUNDS.get(fmt, args.rounds))]
        right = sum(1 for k, v in truth.items() if k in got and got[k] == v)
        row = per.setdefault(fmt, {"docs": 0, "right": 0, "total": 0, "ms": [], "worst": []})
        row["docs"] += 1
        row["right"] += right
        row["total"] += len(truth)
        row["ms"].append(statistics.median(times) * 1000)
        if right < len(truth):
            row["worst"].append(f"{path.name} {right}/{len(truth)}")
        if args.cli and "cli" not in row:
            row["cli"] = cli_seconds(path, 3)
    print(f"{'format':<6} {'docs':>4} {'cells right / total':>20} {'median ms/doc':>14}"
          + (f" {'one-file check s':>17}" if args.cli else ""))
    for fmt, row in sorted(per.items()):
        line = (f"{fmt:<6} {row['docs']:>4} {row['right']:>10} / {row['total']:<7} "
                f"{statistics.median(row['ms']):>12.1f}")
        if args.cli:
            line += f" {row['cli']:>17.2f}"
        print(line)
        for w in row["worst"]:
            print(f"       not all right: {w}")


if __name__ == "__main__":
    main()
