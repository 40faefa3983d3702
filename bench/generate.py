"""Generate realistic benchmark reports in every format and size into a folder.

    python bench/generate.py OUT_DIR [--formats txt,yaml,json,html,docx,pdf] [--pages 5,30] [--copies N]
                             [--variants clean,defective] [--bases qinghe,songlin] [--seed 1]
                             [--pdf-engine auto|chromium|pdfgen] [--no-corpus] [--no-verify]

Sources: the canonical examples (examples/*.yaml; *-2020 are in the 2019 layout, the others in the 2021
layout), read with the structured reader. Variants: `clean`, and `defective` (a broken row total in
table 三, a blank cell in table 四, the regulation cited as 《政府信息公开条例》, section 三 numbered 3、).
Sizes: `5` (the examples as they are, 3-6 pages) and `30` (sections 一 to 五 padded with realistic
prose until the document holds about 30 × 700 CJK characters; a PDF is padded until it has 30 real
pages). Formats: txt (Word's text export layout), yaml/json (`convert`'s canonical form), html and
docx (the authoring writers), pdf (headless Chromium printing the HTML, else tests/support/pdfgen.py).
Copies after the first rename the issuer's place (清河区 -> another name) so every file is its own
report (PDF copies are byte copies). When ../shared/corpus exists its reports are copied (read-only
source) into OUT_DIR/corpus/. Every kind of generated file is checked with `opengov-lint check` and a
verification line is printed. Deterministic for a given --seed. Layout of OUT_DIR:
`<format>/<base>-<layout>-<variant>-<pages>p-c<copy>.<ext>`, `corpus/`, `manifest.json`."""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _pdf
import _reports as R
from _common import CORPUS, FORMATS, cli, timed

EXPECTED = {"OG301": "row-total", "OG201": "blank-cell", "OG401": "regulation-name", "OG103": "section-number"}
READ_PROBLEMS = ("OG107", "OG901", "OG902", "OG903")
# what the seeded defects also cause: the broken total unbalances table 三 (OG303); the blank cell in
# table 四 makes its total unassessable (an example's planted OG304 may then disappear)
CONSEQUENCES = {"OG303"}


def _seed(*parts: Any) -> int:
    return random.Random("-".join(map(str, parts))).randint(0, 2**31)


def build_report(base: R.Base, variant: str, pages: int, seed: int, chars: int | None = None):  # type: ignore[no-untyped-def]
    """The example, with the defects of `variant`, padded to `chars` CJK characters (default: pages × 700)."""
    report = R.load(base)
    if variant == "defective":
        report = R.defective(report, _seed(seed, base.name, "defects"))
    if pages > 5:
        report = R.pad(report, chars or pages * R.CHARS_PER_PAGE, _seed(seed, base.name, variant, pages))
    return report


def pdf_bytes(report, base: R.Base, variant: str, pages: int, seed: int, how: str) -> tuple[bytes, Any]:  # type: ignore[no-untyped-def]
    """The PDF; a padded report is re-padded until it has `pages` to pages + 10 % real pages (4 tries)."""
    if pages <= 5:
        return _pdf.render(report, how), report
    chars = pages * _pdf.CHARS_PER_PAGE[_pdf.engine(how)]
    for _ in range(4):
        report = build_report(base, variant, pages, seed, chars)
        data = _pdf.render(report, how)
        got = _pdf.pages(data)
        if pages <= got <= pages * 1.1 + 1:
            break
        chars = int(chars * (pages + 0.5) / max(got, 1))
    return data, report


def copy_bytes(data: bytes, fmt: str, old: str, new: str) -> bytes:
    if fmt == "pdf":
        return data
    if fmt == "docx":
        return R.rename_docx(data, old, new)
    return R.rename_text(data.decode("utf-8"), old, new).encode("utf-8")


def generate(out: Path, formats: list[str], pages: list[int], copies: int = 1, variants: list[str] | None = None,
             bases: list[str] | None = None, seed: int = 1, pdf_engine: str = "auto", corpus: bool = True,
             log: Any = print) -> list[dict[str, Any]]:
    """Write the reports, return the manifest entries (also written to OUT/manifest.json)."""
    variants = variants or ["clean", "defective"]
    chosen = [b for b in R.bases() if not bases or b.name in bases]
    jobs = [(b, v, p) for b in chosen for v in variants for p in pages]
    entries: list[dict[str, Any]] = []

    def one(job: tuple[R.Base, str, int]) -> list[dict[str, Any]]:
        base, variant, size = job
        report = build_report(base, variant, size, seed)
        old = R.place(report)
        made = []
        for fmt in formats:
            if fmt == "pdf":
                data, used = pdf_bytes(report, base, variant, size, seed, pdf_engine)
                measured = _pdf.pages(data)
            else:
                data, used = R.render(report, fmt), report
                measured = round(R.text_pages(report), 1)
            chars = len(R.CJK.findall(R.render_txt(used)))
            folder = out / fmt
            folder.mkdir(parents=True, exist_ok=True)
            for c in range(copies):
                new = old if c == 0 or fmt == "pdf" else R.new_place(old, c, seed)
                path = folder / f"{base.name}-{base.layout}-{variant}-{size}p-c{c:04d}.{fmt}"
                path.write_bytes(data if c == 0 else copy_bytes(data, fmt, old, new))
                made.append({"path": str(path), "format": fmt, "base": base.name, "layout": base.layout,
                             "variant": variant, "pages": size, "measured_pages": measured, "chars": chars, "copy": c,
                             "bytes": path.stat().st_size, "issuer": (used.meta.issuer or "").replace(old, new)})
        return made

    # PDF printing waits on Chromium: two reports at a time keep both cores busy
    with ThreadPoolExecutor(max_workers=2 if "pdf" in formats else 1) as pool:
        for made in pool.map(one, jobs):
            entries += made
    if corpus and CORPUS.is_dir():
        entries += copy_corpus(out / "corpus")
    elif corpus:
        log(f"corpus: skipped ({CORPUS} not found)")
    (out / "manifest.json").write_text(json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8")
    return entries


def copy_corpus(folder: Path) -> list[dict[str, Any]]:
    """The corpus reports copied into the (temporary) benchmark folder, never into the project."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for p in sorted(CORPUS.rglob("*")):
        if not p.is_file() or p.suffix == ".tsv" or ".truth" in p.name or p.name == "README.md":
            continue
        dest = folder / p.name
        shutil.copyfile(p, dest)
        fmt = {"md": "md"}.get(p.suffix.lstrip("."), p.suffix.lstrip("."))
        out.append({"path": str(dest), "format": fmt, "base": p.stem, "layout": "corpus", "variant": "corpus",
                    "pages": None, "measured_pages": None, "copy": 0, "bytes": dest.stat().st_size})
    return out


def verify(entries: list[dict[str, Any]], log: Any = print) -> bool:
    """Check the first copy of every generated file in one `opengov-lint check` run (cross-document
    rules off), with the source examples. One line per kind: a clean file must have exactly the
    findings of its example (two examples carry planted defects), a defective one those plus the four
    seeded defects; no kind may lose a table or have a reading problem (OG107, OG9xx)."""
    first = [e for e in entries if e["copy"] == 0]
    sources = {b.name: str(b.path) for b in R.bases()}
    _, _, proc = timed([*cli(), "check", *sources.values(), *[e["path"] for e in first], "--output-format", "json",
                        "--ignore", "OG6", "--no-progress", "--jobs", "2"])
    codes: dict[str, set[str]] = defaultdict(set)
    for f in json.loads(proc.stdout):
        codes[f["path"]].add(f["code"])
    kinds: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for e in first:
        kinds[(e["format"], e["layout"], e["variant"], e["pages"])].append(e)
    ok = True
    for (fmt, layout, variant, size), group in sorted(kinds.items(), key=lambda kv: tuple(map(str, kv[0]))):
        problems = sorted({c for e in group for c in codes[e["path"]] if c in READ_PROBLEMS})
        pages = [e["measured_pages"] for e in group]
        unit = "pp" if fmt == "pdf" else "pp at 700 CJK/p"
        size_txt = f"{size}p ({min(pages)}-{max(pages)} {unit})" if size else "as is"
        bad, notes = [], []
        for e in group if variant != "corpus" else []:
            base = codes[str(sources[e["base"]])]
            want = base | (set(EXPECTED) if variant == "defective" else set())
            got, name = codes[e["path"]], Path(e["path"]).name.rsplit("-c0000", 1)[0]
            lost = want - got
            bad += [f"{name} lacks {','.join(sorted(lost & set(EXPECTED)))}"] if lost & set(EXPECTED) else []
            notes += [f"{name} lacks {','.join(sorted(lost - set(EXPECTED)))}"] if lost - set(EXPECTED) else []
            extra = got - want - (CONSEQUENCES if variant == "defective" else set())
            bad += [f"{name} adds {','.join(sorted(extra))}"] if extra else []
        good = not bad and (variant == "corpus" or not problems)
        what = ("reading problems " + ",".join(problems) if problems else "tables found") if variant == "corpus" \
            else ("as expected" if good else "; ".join(bad)) + (f" (note: {'; '.join(notes)})" if notes else "")
        ok &= good
        log(f"verify {fmt:<5}{layout:<7}{variant:<10}{size_txt:<26}{len(group):>2} files  "
            f"{'OK ' if good else 'BAD'}  {what}")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--pages", default="5,30")
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--variants", default="clean,defective")
    ap.add_argument("--bases", default="", help="example names (qinghe,songlin,...); default all")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pdf-engine", default="auto", choices=["auto", "chromium", "pdfgen"])
    ap.add_argument("--no-corpus", action="store_true")
    ap.add_argument("--no-verify", action="store_true")
    ns = ap.parse_args()
    out = Path(ns.out)
    formats = [f for f in ns.formats.split(",") if f]
    unknown = set(formats) - set(FORMATS)
    if unknown:
        ap.error(f"unknown formats {sorted(unknown)}")
    if "pdf" in formats:
        print(f"pdf: rendered with {_pdf.engine(ns.pdf_engine)}")
    entries = generate(out, formats, [int(p) for p in ns.pages.split(",")], ns.copies, ns.variants.split(","),
                       [b for b in ns.bases.split(",") if b], ns.seed, ns.pdf_engine, not ns.no_corpus)
    print(f"{len(entries)} files in {out}")
    return 0 if ns.no_verify or verify(entries) else 1


if __name__ == "__main__":
    raise SystemExit(main())
