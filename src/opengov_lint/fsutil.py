"""Output files are written whole or not at all: a temporary file in the same folder, then rename."""

from __future__ import annotations

import os
import tempfile


def atomic_write_bytes(path: str, data: bytes) -> None:
    directory = os.path.dirname(os.path.abspath(path)) or "."
    fd, tmp = tempfile.mkstemp(prefix=".opengov-lint-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if os.path.exists(path):
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def atomic_write(path: str, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


class AtomicTextFile:
    """A text output streamed to a temporary file beside PATH: `commit()` renames it over PATH,
    `discard()` (or an exception before commit) removes it. Memory stays flat however large the
    output (a 10 000-report JSON array is tens of MB)."""

    def __init__(self, path: str) -> None:
        self.path = path
        directory = os.path.dirname(os.path.abspath(path)) or "."
        fd, self.tmp = tempfile.mkstemp(prefix=".opengov-lint-", dir=directory)
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="")
        self.done = False

    def write(self, text: str) -> int:
        return self.fh.write(text)

    def flush(self) -> None:
        self.fh.flush()

    def isatty(self) -> bool:
        return False

    def commit(self) -> None:
        self.fh.close()
        try:
            if os.path.exists(self.path):
                os.chmod(self.tmp, os.stat(self.path).st_mode & 0o7777)
            else:
                os.chmod(self.tmp, 0o666 & ~_umask())
            os.replace(self.tmp, self.path)
        except BaseException:
            self.discard()
            raise
        self.done = True

    def discard(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        if not self.done and os.path.exists(self.tmp):
            os.unlink(self.tmp)
        self.done = True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
