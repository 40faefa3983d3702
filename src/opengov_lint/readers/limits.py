"""Resource limits for reading untrusted files, with safe defaults and configurable (`limits:` in the
configuration). Each breach is a ReadError (OG901) that names the limit, so a hostile or broken file
costs bounded time and memory and the batch goes on.

The limits in force are a context variable set by `readers.read_bytes`, so every reader sees them
without threading them through each function."""

from __future__ import annotations

import contextvars
from dataclasses import dataclass, fields


@dataclass(slots=True, frozen=True)
class Limits:
    max_bytes: int = 100 * 1024 * 1024  # size of the file itself
    max_unzipped: int = 200 * 1024 * 1024  # total bytes inflated from a .docx package
    max_ratio: int = 200  # inflated / compressed size of any one .docx part
    max_pages: int = 500  # pages of a PDF
    max_cells: int = 50_000  # table cells in one document (a real report has under 1 000)
    max_nesting: int = 10  # tables inside tables
    max_chars: int = 2_000_000  # characters of text in one document (a long real report has ~100 000)
    # percent: a cell read by OCR whose least certain character is below this is not trusted
    ocr_confidence: int = 80

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


_CURRENT: contextvars.ContextVar[Limits] = contextvars.ContextVar("opengov_lint_limits", default=Limits())  # noqa: B039 - frozen


def current() -> Limits:
    return _CURRENT.get()


def use(limits: Limits) -> contextvars.Token[Limits]:
    return _CURRENT.set(limits)


def reset(token: contextvars.Token[Limits]) -> None:
    _CURRENT.reset(token)


def exceeded(what_zh: str, what_en: str, name: str, value: int, limit: int) -> Exception:
    from opengov_lint.readers.errors import ReadError

    key = name.replace("_", "-")
    return ReadError(
        f"{what_zh}（{value}）超过上限 {limit}（limits.{key}），为防止异常文件耗尽资源，未继续读取；"
        f"如确属正常文件，可在配置文件的 limits 中调高 {key}",
        f"{what_en} ({value}) exceeds the limit of {limit} (limits.{key}); reading stopped", reason=f"limit-{key}")


def check_deadline(deadline: float | None) -> None:
    """Raise the reader's timeout error once `deadline` (a `time.monotonic()` value) has passed, so a
    long reader loop (PDF pages, a conversion) stops between steps instead of running on."""
    if deadline is None:
        return
    import time

    if time.monotonic() > deadline:
        raise timed_out()


def timed_out() -> Exception:
    from opengov_lint.readers.errors import ReadError

    return ReadError("处理时间超过每个文件的时间上限（timeout），已放弃该文件；如文件确实很大，可用 --timeout 调高上限",
                     "reading took longer than the per-file time limit (timeout) and was abandoned",
                     reason="timeout")
