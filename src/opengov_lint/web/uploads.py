"""Untrusted uploads -> (name, bytes) pairs, bounded before anything is allocated.

A name from the client is only ever a label: the last path component, control characters removed,
never joined to a path on the server. A .zip is opened in memory and expanded one level (nested zips
are not opened); entries with absolute or `..` paths keep only their base name (zip-slip cannot write
anything because nothing is written), and the number of entries, each entry's size, the total size and
the compression ratio are checked from the central directory and again while inflating."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from opengov_lint.readers import CHECKABLE

_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")


class UploadError(Exception):
    def __init__(self, status: int, zh: str, en: str) -> None:
        super().__init__(en)
        self.status, self.zh, self.en = status, zh, en


@dataclass(slots=True, frozen=True)
class UploadLimits:
    max_file: int = 20 * 1024 * 1024  # one report
    max_request: int = 100 * 1024 * 1024  # everything sent in one request
    max_files: int = 200  # reports in one request (zip entries included)
    max_ratio: int = 100  # inflated / compressed size of a zip entry


def safe_name(name: str | None, fallback: str = "report.txt") -> str:
    base = re.split(r"[/\\]", name or "")[-1]
    base = _UNSAFE.sub("_", base).strip(" .")[:120]
    return base or fallback


def expand(name: str, data: bytes, limits: UploadLimits) -> list[tuple[str, bytes]]:
    """One upload -> the reports in it (a zip gives its checkable entries)."""
    if not (name.lower().endswith(".zip") and data.startswith(b"PK\x03\x04")):
        if len(data) > limits.max_file:
            raise _too_big(name, limits.max_file)
        return [(name, data)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UploadError(400, f"{name}：压缩包已损坏，无法打开", f"{name}: the zip archive is damaged") from exc
    wanted = [i for i in infos if _checkable(i.filename)]
    if len(wanted) > limits.max_files:
        raise UploadError(413, f"{name}：压缩包内有{len(wanted)}个报告文件，超过每次{limits.max_files}个的上限",
                          f"{name}: {len(wanted)} reports in the archive, over the limit of {limits.max_files}")
    return [(_entry_name(name, i.filename), _inflate(archive, i, limits)) for i in wanted]


def _checkable(filename: str) -> bool:
    base = safe_name(filename, "")
    return bool(base) and not base.startswith(".") and any(base.lower().endswith(s) for s in CHECKABLE)


def _entry_name(archive: str, filename: str) -> str:
    parts = [safe_name(p, "") for p in re.split(r"[/\\]", filename) if p not in ("", ".", "..")]
    return "/".join([archive.removesuffix(".zip"), *[p for p in parts if p][-2:]])


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: UploadLimits) -> bytes:
    if info.file_size > limits.max_file:
        raise _too_big(info.filename, limits.max_file)
    if info.compress_size and info.file_size / info.compress_size > limits.max_ratio:
        raise UploadError(413, f"{info.filename}：压缩比异常（可能是“压缩炸弹”），未解压",
                          f"{info.filename}: suspicious compression ratio (a zip bomb?), not extracted")
    try:
        with archive.open(info) as fh:
            data = fh.read(limits.max_file + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, ValueError) as exc:
        raise UploadError(400, f"{info.filename}：无法从压缩包中解压（已损坏或加密）",
                          f"{info.filename}: cannot be extracted (damaged or encrypted)") from exc
    if len(data) > limits.max_file:  # the directory lied about the size
        raise _too_big(info.filename, limits.max_file)
    return data


def _too_big(name: str, limit: int) -> UploadError:
    return UploadError(413, f"{name}：文件超过上限{limit // 1048576} MB", f"{name}: over the {limit // 1048576} MB limit")
