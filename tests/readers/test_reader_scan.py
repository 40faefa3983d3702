"""Scanned PDFs: without the OCR extra a scan says how to install it; cells OCR is unsure of are
reported and never judged; with the extra (and a CJK font to draw the test scan) a scanned rendition
of the generated report reads back cell for cell like its text PDF."""

from __future__ import annotations

import pytest
from pdfgen import PDF
from pdfreport import report_pdf, values

from opengov_lint.model import Cell, Table
from opengov_lint.readers import ReadError, ocr, read_bytes
from opengov_lint.recognise import recognise

INSTALL = "pip install 'opengov-lint[ocr]'"


@pytest.fixture
def no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)


def test_scan_without_the_extra_says_how_to_install_it(no_ocr: None) -> None:
    scan = PDF().page().image(40, 40, 500, 750).page().image(40, 40, 500, 750).bytes()
    with pytest.raises(ReadError) as e:
        read_bytes("scan.pdf", scan)
    assert e.value.code == "OG903"
    assert INSTALL in e.value.message_zh
    assert INSTALL in e.value.message_en


def test_scanned_page_without_the_extra_names_the_page_and_the_install(no_ocr: None) -> None:
    doc = read_bytes("r.pdf", report_pdf(scanned_page=True))
    got = [d for d in doc.diagnostics if d.code == "OG903"]  # type: ignore[attr-defined]
    assert [(d.page, d.evidence["install"]) for d in got] == [(4, INSTALL)]  # type: ignore[attr-defined]


def _text_doc_with(row_word: str, column: int, text: str, confidence: float):  # type: ignore[no-untyped-def]
    """The text PDF's document with one data cell replaced by what OCR might have read."""
    doc = read_bytes("r.pdf", report_pdf())
    for table in doc.tables:
        for row in table.rows:
            if any(row_word in c.text for c in row):
                cell = row[column]
                cell.text, cell.confidence, cell.uncertain = text, confidence, True
                return doc, cell
    raise AssertionError(row_word)


def test_uncertain_cell_is_reported_and_not_assessed() -> None:
    """A `6` OCR read as `9` with low confidence: kept as read, never a value; the row total and the
    column sum that need it are not assessed (no OG301/OG302 on a misread), one OG903 names it."""
    doc, cell = _text_doc_with("本机关不掌握", 3, "9", 0.41)
    report = recognise(doc)
    table = report.tables["requests"]
    assert table.cell("unable.not_held", "natural_person") is None
    assert table.cell("unable.not_held", "commercial").value == 1  # the row's other cells are read
    assert "unable.not_held" in table.unassessed_rows
    assert table.degraded
    diags = [d for d in report.diagnostics if d.code == "OG903" and d.table == "requests"]
    assert len(diags) == 1
    assert diags[0].evidence["uncertain_cells"] == [{"row": "unable.not_held", "column": "natural_person", "read": "9",
                                           "confidence": 0.41}]
    assert "本机关不掌握相关政府信息" in diags[0].message_zh
    assert "自然人" in diags[0].message_zh
    assert cell.text == "9"  # the raw text is kept


def test_uncertain_cells_reach_no_arithmetic_finding() -> None:
    from opengov_lint.config.settings import Settings
    from opengov_lint.engine import run
    from opengov_lint.run.worker import build_engine

    cfg = build_engine(Settings(select=["all"]))
    doc, _ = _text_doc_with("本机关不掌握", 3, "9", 0.41)
    got = [f.code for f in run(recognise(doc), cfg, "r.pdf")]
    assert not {"OG301", "OG302", "OG303"} & set(got)
    doc.diagnostics.clear()
    for table in doc.tables:  # the same misread taken as certain: the arithmetic rules fire
        for row in table.rows:
            for c in row:
                c.uncertain = False
    got = [f.code for f in run(recognise(doc), cfg, "r.pdf")]
    assert {"OG301", "OG302"} <= set(got)


def test_cells_under_the_threshold_are_marked() -> None:
    from opengov_lint.model import Document
    from opengov_lint.readers.limits import Limits, reset, use
    from opengov_lint.readers.pageflow import PageRead
    from opengov_lint.readers.scanpages import mark_uncertain

    cells = [Cell("12", col=0, confidence=0.95), Cell("0", col=1, confidence=0.79), Cell("x", col=2)]
    doc = Document("s.pdf", "pdf", blocks=[Table([cells])])
    page = PageRead(1, 842.0)
    page.scanned = True
    mark_uncertain(doc, [page])
    assert [c.uncertain for c in cells] == [False, True, False]
    token = use(Limits(ocr_confidence=96))
    try:
        for c in cells:
            c.uncertain = False
        mark_uncertain(doc, [page])
    finally:
        reset(token)
    assert [c.uncertain for c in cells] == [True, True, False]


# -- with the extra ------------------------------------------------------------------------------------------
def _scan() -> bytes:
    if not ocr.available():
        pytest.skip(f"the OCR extra is not installed ({INSTALL})")
    from scanpdf import FONT_HINT, cjk_font_dir, scanned

    if cjk_font_dir() is None:
        pytest.skip(FONT_HINT)
    return scanned(report_pdf(), angles=[0.6, -0.8, 0.4])


@pytest.fixture(scope="module")
def scan_3_pages() -> bytes:
    """The whole generated report (3 pages, the first mostly prose: running headers are only page
    furniture in documents of three pages or more, and table 三 must be stitched across 2-3)."""
    return _scan()


@pytest.fixture(scope="module")
def scan_doc(scan_3_pages: bytes):  # type: ignore[no-untyped-def]
    return read_bytes("s.pdf", scan_3_pages)  # read once (OCR is slow); tests work on copies


def _copy(doc):  # type: ignore[no-untyped-def]
    import copy

    return copy.deepcopy(doc)


def test_scanned_tables_read_like_the_text_pdf(scan_doc) -> None:  # type: ignore[no-untyped-def]
    """The generated report (tables 二, 三 across the page break, 四), its pages turned by 0.6, -0.8
    and 0.4 degrees, dusted and blurred, no text layer: the same grids as the text PDF's, merged cells
    included; every accepted number right; at least 97 % of the cells right.
    Known difference: the seam repair, which goes by the template's labels, does not recognise the
    vertical label 三、本年度办理结果 as read by OCR (one character a line, its 7 pt `、` as small as the
    dust), so it does not carry that merge over the page break: on page 3 its column stays an empty
    merged cell of the same rows (values and row labels are not affected)."""
    text = list(read_bytes("r.pdf", report_pdf()).tables)
    scan = _copy(scan_doc)
    assert len(scan.tables) == len(text) == 3
    right = total = 0
    for want, got in zip(text, scan.tables, strict=False):
        assert [len(r) for r in got.rows] == [len(r) for r in want.rows]
        for wrow, grow in zip(want.rows, got.rows, strict=False):
            for w, g in zip(wrow, grow, strict=False):
                if w.text.replace("\n", "").startswith("三、本年度办理结果") and "本年度办理结果" in g.text.replace("\n", ""):
                    assert (g.row, g.col, g.rowspan) == (w.row, w.col, 11)
                    assert w.rowspan == 22
                    continue
                if w.text.replace("\n", "").startswith("三、本年度办理结果") and not g.text and (g.row, g.rowspan) == (16, 11):
                    continue  # the same label's second half (page 3), an empty merged cell in the scan
                assert (g.row, g.col, g.rowspan, g.colspan) == (w.row, w.col, w.rowspan, w.colspan)
                total += 1
                right += _same(w.text, g.text)
                if w.text.strip().isdigit() and not g.uncertain:
                    assert g.text.strip() == w.text.strip(), (w.row, w.col)  # no wrong accepted number
    assert right >= 0.97 * total


def _same(a: str, b: str) -> bool:
    strip = str.maketrans("", "", " \n．.、")
    return a.translate(strip) == b.translate(strip)


def test_scanned_report_values_and_the_uncertain_cells(scan_doc) -> None:  # type: ignore[no-untyped-def]
    report = recognise(_copy(scan_doc))
    uncertain = {(d.table, c["row"], c["column"]) for d in report.diagnostics if d.code == "OG903"
                 for c in d.evidence.get("uncertain_cells", [])}
    for tid in ("requests", "review_litigation"):
        for key, want in values()[tid].items():
            row, col = key.rsplit(".", 1)
            got = report.tables[tid].cell(row, col)
            if got is None:
                assert (tid, row, col) in uncertain, key  # never silently lost
            else:
                assert got.value == want, key
    assert any("OCR" in d.message_zh for d in report.diagnostics if d.code == "OG903")


def test_running_text_of_a_scanned_page(scan_doc) -> None:  # type: ignore[no-untyped-def]
    texts = [p.text for p in scan_doc.paragraphs]
    assert "四、政府信息公开行政复议、行政诉讼情况" in texts
    assert "本年度未收取信息处理费。" in texts


def test_no_arithmetic_finding_on_a_scan_that_reads_right(scan_doc) -> None:  # type: ignore[no-untyped-def]
    """The generated tables add up: a scan read right (uncertain cells left out) gives no OG30x."""
    from opengov_lint.config.settings import Settings
    from opengov_lint.engine import run
    from opengov_lint.run.worker import build_engine

    got = {f.code for f in run(recognise(_copy(scan_doc)), build_engine(Settings(select=["all"])), "s.pdf")}
    assert not {"OG301", "OG302", "OG303", "OG304"} & got


# -- the image side, numpy and Pillow only -------------------------------------------------------------------
def _drawn_grid(angle: float):  # type: ignore[no-untyped-def]
    """A 3 x 3 ruled table at 200 dpi whose top row is one merged cell, turned by `angle` degrees."""
    np = pytest.importorskip("numpy")
    from PIL import Image, ImageDraw

    img = Image.new("L", (1000, 800), 255)
    d = ImageDraw.Draw(img)
    xs, ys = [100, 400, 650, 900], [150, 250, 350, 450]
    for y in ys:
        d.line([(xs[0], y), (xs[-1], y)], fill=0, width=2)
    for x in xs:
        d.line([(x, ys[1] if x in (400, 650) else ys[0]), (x, ys[-1])], fill=0, width=2)
    d.text((120, 180), "x", fill=0)  # a character: no rule
    return np.asarray(img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255))


def test_skew_found_and_rulings_make_a_grid_with_a_merged_cell() -> None:
    from opengov_lint.readers.geometry import PageGeometry, page_tables
    from opengov_lint.readers.scanimage import rule_masks, segments, skew_angle, straighten

    gray = _drawn_grid(0.7)
    angle = skew_angle(gray)
    assert abs(angle + 0.7) <= 0.1  # 0.1 degree: under 2 pixels across this table
    horiz, vert = rule_masks(straighten(gray, angle), 200)
    frags, _ = page_tables(PageGeometry(1, 360, 288, [], segments(horiz, vert, 200)))
    assert len(frags) == 1
    got = sorted((c.r, c.c, c.rs, c.cs) for c in frags[0].cells)
    assert got[0] == (0, 0, 1, 3)
    assert len(got) == 1 + 3 * 2
    assert abs(frags[0].x0 - 100 * 72 / 200) < 2
    assert abs(frags[0].bottom - 450 * 72 / 200) < 2


def test_running_text_tidied_but_never_cells() -> None:
    from opengov_lint.readers.ocr import tidy

    assert tidy("·六、其他", [0.3, 1, 1, 1, 1]) == ("六、其他", [1, 1, 1, 1])
    assert tidy("2 0 2 3年", [1.0] * 8)[0] == "2023年"
    assert tidy("·六", [0.95, 1])[0] == "·六"  # a confident mark is kept
