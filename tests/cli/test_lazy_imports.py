"""Start-up stays cheap because heavy modules are imported only by the commands and formats that use
them: `--version` and `--help` load neither pydantic, rich nor any reader, and a one-file check loads
only the reader of its format. Checked by listing sys.modules at exit of a real CLI run in a fresh
interpreter (what is imported, not how long it takes: timing belongs in bench/)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "qinghe-district-government-2023"

PROBE = """
import atexit, json, sys
def _show():
    sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
atexit.register(_show)
sys.argv = ["opengov-lint", *json.loads(sys.argv[1])]
from opengov_lint.cli.entry import main
try:
    main()
except SystemExit:
    pass
"""

READERS = {"txt", "canonical.reader", "html", "htmlpage", "docx", "docxnum", "pdf", "pdftext", "pdfgeom", "geometry",
           "geomstitch", "rulings", "pageflow", "md", "canonical.yamlmarks", "comments", "ofd", "ofdpage", "office"}
HEAVY = ("pydantic", "rich", "lxml", "ruamel", "pdfplumber", "pypdfium2", "openpyxl", "multiprocessing",
         "concurrent.futures.process")


def modules(*args: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, json.dumps(list(args))], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    line = next((x for x in proc.stderr.splitlines() if x.startswith("MODULES ")), None)
    assert line is not None, proc.stderr[-2000:]
    return set(json.loads(line[len("MODULES "):]))


def loaded_readers(mods: set[str]) -> set[str]:
    names = {m.removeprefix("opengov_lint.readers.") for m in mods if m.startswith("opengov_lint.readers.")}
    names |= {m.removeprefix("opengov_lint.") for m in mods if m.startswith("opengov_lint.canonical.")}
    return names & READERS


def heavy(mods: set[str]) -> set[str]:
    return {h for h in HEAVY if h in mods}


def test_version_imports_nothing_but_the_package() -> None:
    mods = modules("--version")
    assert "typer" not in mods
    assert not heavy(mods)
    assert {m for m in mods if m.startswith("opengov_lint.")} == {"opengov_lint.cli", "opengov_lint.cli.entry"}


@pytest.mark.parametrize("args", [("--help",), ("check", "--help")])
def test_help_loads_no_pydantic_rich_or_reader(args: tuple[str, ...]) -> None:
    mods = modules(*args)
    assert "typer" in mods  # the help really was rendered by the CLI
    assert not heavy(mods), heavy(mods)
    assert not any(m.startswith("opengov_lint.readers") for m in mods)


@pytest.mark.parametrize(("suffix", "reader", "allowed"), [
    (".txt", "txt", set()),
    (".yaml", "canonical.reader", {"ruamel", "canonical.yamlmarks", "comments"}),
])
def test_one_file_check_loads_only_its_reader(suffix: str, reader: str, allowed: set[str]) -> None:
    mods = modules("check", str(EXAMPLE.with_suffix(suffix)))
    assert "opengov_lint.recognise" in mods  # it really checked the file
    assert loaded_readers(mods) == {reader} | (allowed & READERS)
    assert heavy(mods) <= allowed, heavy(mods)


@pytest.mark.parametrize(("fmt", "expected"), [("html", {"html", "htmlpage"}), ("docx", {"docx", "docxnum"})])
def test_one_file_check_of_html_or_docx_loads_only_its_reader(tmp_path: Path, fmt: str, expected: set[str]) -> None:
    out = tmp_path / f"report.{fmt}"
    subprocess.run([sys.executable, "-m", "opengov_lint", "convert", str(EXAMPLE.with_suffix(".yaml")), "--to", fmt,
                    "-o", str(out)], cwd=ROOT, check=True, capture_output=True, timeout=120)
    mods = modules("check", str(out))
    assert "opengov_lint.recognise" in mods
    assert loaded_readers(mods) <= expected
    assert fmt in loaded_readers(mods)
    assert heavy(mods) <= {"lxml"}, heavy(mods)
