"""The one error a reader raises: the file cannot be read (OG901), or reading lost information (OG903)."""

from __future__ import annotations


class ReadError(Exception):
    """The file cannot be read. `code` is OG901 (or OG903); messages are for a civil servant."""

    def __init__(self, message_zh: str, message_en: str, code: str = "OG901", reason: str = "unreadable",
                 line: int | None = None) -> None:
        super().__init__(message_en)
        self.code, self.message_zh, self.message_en, self.reason, self.line = code, message_zh, message_en, reason, line
