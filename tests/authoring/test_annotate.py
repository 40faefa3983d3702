"""Findings inside the author's own Word document: one comment per finding at its cell or paragraph,
read back from the copy; safe fixes written to a copy of a .docx; the original never touched."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from typing import TYPE_CHECKING

import pytest
from conftest import check_json, run_cli
from lxml import etree

if TYPE_CHECKING:
    from pathlib import Path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _comments(docx: Path) -> list[tuple[str, str]]:
    """(comment text, text of the paragraph it is anchored in) for every comment, in document order."""
    with zipfile.ZipFile(docx) as z:
        comments = {c.get(W + "id"): "".join(c.itertext()) for c in etree.fromstring(z.read("word/comments.xml"))}
        doc = etree.fromstring(z.read("word/document.xml"))
        authors = {c.get(W + "author") for c in etree.fromstring(z.read("word/comments.xml"))}
        assert authors == {"opengov-lint"}
        assert b"comments.xml" in z.read("word/_rels/document.xml.rels")
        assert b"/word/comments.xml" in z.read("[Content_Types].xml")
    out = []
    for start in doc.iter(W + "commentRangeStart"):
        p = start.getparent()
        out.append((comments[start.get(W + "id")], "".join(t.text or "" for t in p.iter(W + "t"))))
        assert p.find(f"{W}commentRangeEnd[@{W}id='{start.get(W + 'id')}']") is not None
    return out


def test_annotate_synthetic_one_comment_per_finding_at_its_place(corpus: Path, tmp_path: Path) -> None:
    src = corpus / "synthetic" / "gongshu-synthetic.docx"
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    out = tmp_path / "reviewed.docx"
    proc = run_cli("annotate", str(src), "-o", str(out))
    assert proc.returncode in (0, 1), proc.stderr
    assert out.exists(), proc.stderr
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    _, findings = check_json(str(src))
    comments = _comments(out)
    assert len(comments) == len(findings)
    assert findings
    by_code: dict[str, list[str]] = {}
    for text, where in comments:
        by_code.setdefault(text.split()[0], []).append(where)
    assert by_code["OG206"] == ["77.70万元"]  # the purchase amount cell
    assert by_code["OG208"] == ["\u300010"]  # the purchase count with a leading ideographic space
    assert by_code["OG201"] == [""]  # the blank 本年增/减 cell of 其他对外管理服务事项
    assert all("本年度无公民" in w for w in by_code["OG504"])  # the sentence that says there were none
    # the annotated copy still reads exactly like the original
    _, again = check_json(str(out))
    def strip(fs):
        return sorted((f["code"], f["location"]["row"], f["location"]["column"], f["message"])
                                  for f in fs)
    assert strip(again) == strip(findings)


def test_annotate_refuses_to_overwrite_and_non_docx(tmp_path: Path) -> None:
    src = tmp_path / "r.docx"
    assert run_cli("convert", "examples/beiyuan-district-civil-affairs-2020.txt", "--to", "docx", "-o",
                   str(src)).returncode == 0
    assert run_cli("annotate", str(src), "-o", str(src)).returncode == 2
    assert run_cli("annotate", "examples/beiyuan-district-civil-affairs-2020.txt", "-o",
                   str(tmp_path / "x.docx")).returncode == 2


def test_fix_docx_writes_a_fixed_copy_only(tmp_path: Path) -> None:
    src = tmp_path / "beiyuan.docx"
    run_cli("convert", "examples/beiyuan-district-civil-affairs-2020.txt", "--to", "docx", "-o", str(src))
    before = src.read_bytes()
    _, found = check_json(str(src))
    assert len([f for f in found if f["code"] == "OG103"]) == 5
    assert len([f for f in found if f["code"] == "OG208"]) == 1  # the raw `　20` survives the conversion
    fixed = tmp_path / "fixed.docx"
    proc = run_cli("check", str(src), "--fix", "-o", str(fixed))
    assert "已修正 6 处" in proc.stderr
    assert src.read_bytes() == before
    _, after = check_json(str(fixed))
    assert not [f for f in after if f["code"] in ("OG103", "OG208")]
    assert sorted(f["code"] for f in after) == sorted(f["code"] for f in found if f["code"] not in ("OG103", "OG208"))
    with zipfile.ZipFile(fixed) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "二、主动公开政府信息情况" in body
    assert "2、 主动公开" not in body


def test_annotated_copy_renders_in_libreoffice(corpus: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    pdfium = pytest.importorskip("pypdfium2")
    import ctypes

    out = tmp_path / "reviewed.docx"
    run_cli("annotate", str(corpus / "synthetic" / "gongshu-synthetic.docx"), "-o", str(out))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                    'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', "--outdir",
                    str(tmp_path), str(out)], check=True, capture_output=True, timeout=180)
    pdf = pdfium.PdfDocument(str(tmp_path / "reviewed.pdf"))
    raw = pdfium.raw
    notes = []
    for i in range(len(pdf)):
        page = pdf[i]
        for j in range(raw.FPDFPage_GetAnnotCount(page)):
            annot = raw.FPDFPage_GetAnnot(page, j)
            buf = ctypes.create_string_buffer(8192)
            n = raw.FPDFAnnot_GetStringValue(annot, b"Contents", ctypes.cast(buf, ctypes.POINTER(raw.FPDF_WCHAR)),
                                             8192)
            text = buf.raw[:n].decode("utf-16-le", errors="ignore").rstrip("\x00")
            if text.startswith("OG"):
                notes.append(text.split()[0])
    _, findings = check_json(str(corpus / "synthetic" / "gongshu-synthetic.docx"))
    assert sorted(notes) == sorted(f["code"] for f in findings)


@pytest.mark.parametrize("mode", ["--diff", "--fix"])
def test_word_file_named_txt_is_checked_not_edited(tmp_path: Path, mode: str) -> None:
    """A Word file saved under a .txt name is read as Word (by its bytes); its fixes point at Word
    elements, not lines, so the text fixer must leave it alone instead of crashing."""
    docx = tmp_path / "beiyuan.docx"
    run_cli("convert", "examples/beiyuan-district-civil-affairs-2020.txt", "--to", "docx", "-o", str(docx))
    src = tmp_path / "beiyuan.txt"
    shutil.copy(docx, src)
    before = src.read_bytes()
    proc = run_cli("check", str(src), mode)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert mode == "--diff" or "OG103" in proc.stdout  # --diff prints only the (here empty) diff
    assert src.read_bytes() == before
