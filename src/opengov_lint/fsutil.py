"""Output files are written whole or not at all: a temporary file in the same folder, then rename.

Never destroy data: an output path that is (or resolves to) an input, a device, a pipe or another
non-regular file is refused before anything is written (UnsafeOutput; the command line exits 2). A
symlinked target is written where the link points (the link stays); a file with several hard links
is refused (renaming over it would split the links). The written file keeps the target's mode and
owner; a new file gets the mode the umask allows (0666 & ~umask). The temporary file is removed on
every error path (a full disk, Ctrl-C)."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


class UnsafeOutput(ValueError):
    """An output path that would destroy data; the message says which and why."""


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _input_at(st: os.stat_result, inputs: Iterable[str]) -> str | None:
    """The input that is the same file as ST (through symlinks and hard links), if any."""
    for inp in inputs:
        if not inp or inp == "-" or "://" in inp:
            continue
        try:
            if _same(st, os.stat(inp)):
                return inp
        except OSError:
            continue
    return None


def check_output(path: str, inputs: Iterable[str] = (), what: str = "output file", fix: bool = False) -> None:
    """Raise UnsafeOutput when writing PATH could destroy data: it resolves to one of INPUTS (also
    through symlinks and hard links), it exists but is not a regular file (a device such as /dev/null,
    a FIFO, a socket, a folder), it has several hard links, or (fix=True) it is read-only."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise UnsafeOutput(f"cannot use {path} as the {what}: {exc.strerror or exc}") from exc
    parent = os.path.dirname(os.path.abspath(path)) or "."
    if not os.path.isdir(parent):
        raise UnsafeOutput(f"cannot write the {what} {path}: the folder {parent} does not exist")
    if st is None:
        return
    if not stat.S_ISREG(st.st_mode):
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "a device, pipe or socket (not a regular file)"
        raise UnsafeOutput(f"refusing to write the {what} {path}: it is {kind}; nothing was written")
    inp = _input_at(st, inputs)
    if inp is not None:
        raise UnsafeOutput(f"refusing to write the {what} {path}: it is the input {inp}; "
                           "nothing was written (give another file name)")
    if st.st_nlink > 1:
        raise UnsafeOutput(f"refusing to write the {what} {path}: it has {st.st_nlink} hard links, and replacing "
                           "it would separate them; nothing was written")
    if fix and not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise UnsafeOutput(f"refusing to edit {path}: the file is read-only")


def check_outputs(outputs: Iterable[str | None], inputs: Iterable[str]) -> None:
    """check_output for each given output, against the inputs (folders are walked by the caller). INPUTS
    is read once per output: an iterator is made a list first, anything else is iterated again."""
    if iter(inputs) is inputs:
        inputs = list(inputs)
    for out in outputs:
        if out and out != "-":
            check_output(out, inputs)


def _target(path: str) -> str:
    """The file a write of PATH changes: a symlink's final target (the link itself stays)."""
    return os.path.realpath(path) if os.path.islink(path) else path


def _finish(tmp: str, path: str) -> None:
    """Give TMP the mode and owner of PATH (or the umask's mode for a new file), then rename it over PATH."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        os.chmod(tmp, 0o666 & ~_umask())
    else:
        if not stat.S_ISREG(st.st_mode) or st.st_nlink > 1:
            raise UnsafeOutput(f"refusing to replace {path}: not a regular file with one link")
        os.chmod(tmp, st.st_mode & 0o7777)
        if hasattr(os, "chown") and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
            with contextlib.suppress(PermissionError):  # not root: the file becomes ours, as any editor would
                os.chown(tmp, st.st_uid, st.st_gid)
            os.chmod(tmp, st.st_mode & 0o7777)  # chown clears set-uid bits
    os.replace(tmp, path)


def atomic_write_bytes(path: str, data: bytes) -> None:
    path = _target(path)
    directory = os.path.dirname(os.path.abspath(path)) or "."
    fd, tmp = tempfile.mkstemp(prefix=".opengov-lint-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        _finish(tmp, path)
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
        self.path = path = _target(path)
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
            _finish(self.tmp, self.path)
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


TOOL_INPUT_LIMIT = 50 * 1024 * 1024  # a baseline, manifest, list, configuration or rule pack


def read_limited(path: str, limit: int = TOOL_INPUT_LIMIT) -> bytes:
    """The bytes of one of the tool's own input files (baseline, manifest, --from-list, configuration,
    rule pack): a regular file under LIMIT bytes, else OSError with a message that says why
    (`--baseline /dev/zero` is refused at once instead of filling the memory)."""
    import errno

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with open(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a device, pipe or folder)", path)
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than the {limit // 1048576} MB limit for this kind of file", path)
    return data


def read_limited_text(path: str, encoding: str = "utf-8", limit: int = TOOL_INPUT_LIMIT) -> str:
    """read_limited, decoded; a file in another encoding is a ValueError that names the encoding needed."""
    data = read_limited(path, limit)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path} is not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc


write_target = _target
finish_replace = _finish
