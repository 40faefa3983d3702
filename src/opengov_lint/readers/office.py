"""Word 97-2003 (.doc) and WPS (.wps) drafts, read through LibreOffice when it is installed.

Both are OLE2 compound files (WPS writes the Word binary format into .wps; in its compatibility mode
a .wps is simply a .doc renamed); newer WPS may also save a .docx package under the .wps name, which
is read directly. The binary formats are converted by `soffice --headless --convert-to docx` in a
private temporary profile and folder (nothing of the user's LibreOffice is touched, two conversions
never share a profile), under the per-file deadline (the process group is killed when it passes or
when the run is interrupted), then read by the .docx reader with its package limits. Without
LibreOffice, OG901 says to install it or to save the file as .docx."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opengov_lint.readers.errors import ReadError
from opengov_lint.readers.limits import current, exceeded, timed_out

if TYPE_CHECKING:
    from opengov_lint.model import Document

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DEFAULT_SECONDS = 120.0  # a conversion without a deadline (the batch's per-file default)
_NAMES = {"doc": ("Word 97-2003 (.doc)", ".doc"), "wps": ("WPS 文字 (.wps)", ".wps")}


def find_soffice() -> str | None:
    """The LibreOffice program: $OPENGOV_LINT_SOFFICE, else `soffice` or `libreoffice` on PATH."""
    env = os.environ.get("OPENGOV_LINT_SOFFICE")
    if env:
        return env if os.path.isfile(env) and os.access(env, os.X_OK) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def read(path: str, data: bytes, fmt: str = "doc", deadline: float | None = None) -> Document:
    from opengov_lint.readers import docx

    if data.startswith(b"PK\x03\x04"):  # WPS saved a .docx package under the .wps name
        return docx.read(path, data, fmt)
    name_zh, suffix = _NAMES.get(fmt, _NAMES["doc"])
    if not _ole2(data):
        raise ReadError(f"{name_zh}文件已损坏或不完整，无法读取；如能用 Word / WPS 打开，请“另存为”.docx 格式再检查",
                        f"the {suffix} file is damaged (not a valid OLE2 compound file); if Word or WPS opens it, "
                        "save it as .docx", reason="bad-doc")
    soffice = find_soffice()
    if soffice is None:
        raise ReadError(
            f"读取{name_zh}格式需要安装 LibreOffice（命令 soffice），本机未安装；请安装 LibreOffice 后重试，"
            "或用 Word / WPS 打开后“另存为”.docx 格式再检查",
            f"reading {suffix} needs LibreOffice (soffice), which is not installed: install it, or save the "
            "file as .docx", reason="unsupported-format")
    doc = docx.read(path, convert(soffice, data, suffix, deadline), fmt)
    doc.format = fmt
    return doc


def _ole2(data: bytes) -> bool:
    """An OLE2 header: magic, little-endian byte order mark, 512- or 4096-byte sectors."""
    return (len(data) >= 1024 and data.startswith(OLE2) and data[28:30] == b"\xfe\xff"
            and data[30:32] in (b"\x09\x00", b"\x0c\x00"))


def convert(soffice: str, data: bytes, suffix: str, deadline: float | None) -> bytes:
    """The file converted to .docx by LibreOffice in a private profile and folder."""
    seconds = (deadline - time.monotonic()) if deadline is not None else DEFAULT_SECONDS
    if seconds <= 0:
        raise timed_out()
    with tempfile.TemporaryDirectory(prefix="opengov-lint-office-") as tmp:
        src = Path(tmp, "in", "report" + (".doc" if suffix == ".wps" else suffix))  # detected by content
        src.parent.mkdir()
        src.write_bytes(data)
        out = Path(tmp, "out")
        cmd = [soffice, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless", "--invisible",
               "--nologo", "--norestore", "--nodefault", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML",
               "--outdir", str(out), str(src)]
        env = {**os.environ, "HOME": tmp, "TMPDIR": tmp}
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env, cwd=tmp, start_new_session=True)
        try:
            _out, err = proc.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise timed_out() from None
        except BaseException:  # the batch's own timeout or Ctrl-C: never leave LibreOffice running
            _kill(proc)
            raise
        return _result(out / (src.stem + ".docx"), proc.returncode, err)


def _result(path: Path, code: int | None, err: bytes) -> bytes:
    if not path.is_file():
        detail = err.decode("utf-8", "replace").strip()[-300:]
        raise ReadError("LibreOffice 未能转换该文件（可能已损坏、加密或不是 Word 文档），无法读取；"
                        "请用 Word / WPS 打开后“另存为”.docx 格式再检查",
                        f"LibreOffice could not convert the file (exit {code}): {detail or 'no output'}",
                        reason="conversion-failed")
    size, limit = path.stat().st_size, current().max_bytes
    if size > limit:
        raise exceeded("转换后的 .docx 文件大小（字节）", "size of the converted .docx (bytes)", "max_bytes", size, limit)
    return path.read_bytes()


def _kill(proc: Any) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
