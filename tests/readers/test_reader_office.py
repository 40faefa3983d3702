"""Word 97-2003 (.doc) and WPS (.wps) through LibreOffice. The fixtures are made in the test: the
qinghe example written as .docx (authoring.docx_writer), saved by LibreOffice as Word 97 (.doc);
the .wps is that .doc renamed, which is what WPS writes in its compatibility mode (its .wps is the
Word binary format). Tests that need LibreOffice skip with the reason when `soffice` is absent."""

from __future__ import annotations

import io
import os
import subprocess
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES
from helpers import report_from

from opengov_lint.readers import ReadError, read_bytes, sniff
from opengov_lint.readers.office import find_soffice

EXAMPLE = EXAMPLES / "qinghe-district-government-2023.yaml"


def _flat(node: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in node.items():
        out.update(_flat(v, f"{prefix}{k}.") if isinstance(v, dict) else {f"{prefix}{k}": v})
    return out


def _docx() -> bytes:
    from opengov_lint.authoring.docx_writer import render
    from opengov_lint.load import load_report

    return render(load_report(str(EXAMPLE)))


@pytest.fixture(scope="module")
def word97(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: .doc/.wps cannot be converted here")
    tmp = tmp_path_factory.mktemp("word97")
    (tmp / "report.docx").write_bytes(_docx())
    subprocess.run([soffice, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(tmp / "out"), str(tmp / "report.docx")],
                   capture_output=True, timeout=180, check=True)
    return (tmp / "out" / "report.doc").read_bytes()


@pytest.mark.parametrize("name", ["report.doc", "report.wps"])
def test_word97_and_wps_read_every_cell(word97: bytes, name: str) -> None:
    from opengov_lint.canonical.writer import to_dict

    assert sniff(name, word97[:8192]) == name[-3:]
    doc = read_bytes(name, word97)
    assert doc.format == name[-3:]
    want = to_dict(report_from(EXAMPLE.read_bytes(), EXAMPLE.name))
    got = to_dict(report_from(word97, name))
    assert len(_flat(want["tables"])) > 150
    assert _flat(got["tables"]) == _flat(want["tables"])
    assert [s["number"] for s in got["sections"]] == [s["number"] for s in want["sections"]]
    assert got["meta"]["issuer"] == want["meta"]["issuer"]
    assert got["meta"]["year"] == want["meta"]["year"]


def test_wps_saved_as_a_docx_package_is_read_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENGOV_LINT_SOFFICE", "/nonexistent/soffice")
    data = _docx()
    assert sniff("report.wps", data[:8192]) == "docx"
    assert len(report_from(data, "report.wps").tables) == 3


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting for a parent that was killed."""
    try:
        os.kill(pid, 0)
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (ProcessLookupError, FileNotFoundError):
        return False
    return state != "Z"


def _ole2() -> bytes:
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    return head + bytes(2048 - len(head))


def test_without_libreoffice_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENGOV_LINT_SOFFICE", "/nonexistent/soffice")
    for name in ("r.doc", "r.wps"):
        with pytest.raises(ReadError) as exc:
            read_bytes(name, _ole2())
        assert exc.value.code == "OG901"
        assert exc.value.reason == "unsupported-format"
        assert "LibreOffice" in exc.value.message_zh
        assert "另存为" in exc.value.message_zh


def test_damaged_file_is_not_sent_to_libreoffice() -> None:
    with pytest.raises(ReadError) as exc:
        read_bytes("r.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert exc.value.reason == "bad-doc"


def test_conversion_is_killed_at_the_deadline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A converter that hangs is stopped with its whole process group when the deadline passes."""
    pidfile = tmp_path / "pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {pidfile}\nwait\n")
    fake.chmod(0o755)
    monkeypatch.setenv("OPENGOV_LINT_SOFFICE", str(fake))
    t0 = time.monotonic()
    with pytest.raises(ReadError) as exc:
        read_bytes("r.doc", _ole2(), deadline=time.monotonic() + 1.0)
    assert exc.value.reason == "timeout"
    assert time.monotonic() - t0 < 10
    child = int(pidfile.read_text())
    time.sleep(0.2)
    assert not _running(child)  # the grandchild too, not only the converter
    with pytest.raises(ReadError) as exc:
        read_bytes("r.doc", _ole2(), deadline=time.monotonic() - 1)
    assert exc.value.reason == "timeout"


def test_converter_failure_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("OPENGOV_LINT_SOFFICE", str(fake))
    with pytest.raises(ReadError) as exc:
        read_bytes("r.doc", _ole2())
    assert exc.value.reason == "conversion-failed"
    assert "could not be loaded" in exc.value.message_en
    assert zipfile.is_zipfile(io.BytesIO(_docx()))
