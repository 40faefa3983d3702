"""The files of a batch, in a temporary file: the main process holds 8 bytes per file (where its path
ends in the file), not a string per path, so a batch of any size runs in flat memory.

`PathList` is a read-only sequence of str: indexing reads the one path back, a slice is a view of the
same file (no copy), iteration reads them in order. Every str round-trips, including the lone
surrogates `os.fsdecode` makes of undecodable file names."""

from __future__ import annotations

import tempfile
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload


class _Paths:
    """The file and the end offsets, shared by a list and its slices."""

    def __init__(self, paths: Iterable[str]) -> None:
        self.fh: Any = tempfile.TemporaryFile("w+b")  # noqa: SIM115 - open for the whole run
        self.ends = array("q")
        size = 0
        for p in paths:
            raw = p.encode("utf-8", "surrogatepass")
            self.fh.write(raw)
            size += len(raw)
            self.ends.append(size)
        self.fh.flush()

    def get(self, i: int) -> str:
        start = self.ends[i - 1] if i else 0
        self.fh.seek(start)  # inside the read buffer when reading in order: no system call
        return str(self.fh.read(self.ends[i] - start).decode("utf-8", "surrogatepass"))


class PathList(Sequence[str]):
    __slots__ = ("_hi", "_lo", "_paths")

    def __init__(self, paths: Iterable[str] = (), *, _view: tuple[_Paths, int, int] | None = None) -> None:
        if _view is None:
            store = _Paths(paths)
            _view = (store, 0, len(store.ends))
        self._paths, self._lo, self._hi = _view

    def __len__(self) -> int:
        return self._hi - self._lo

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...

    def __getitem__(self, i: int | slice) -> str | Sequence[str]:
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            if step != 1:
                return [self[k] for k in range(start, stop, step)]
            return PathList(_view=(self._paths, self._lo + start, self._lo + max(start, stop)))
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._paths.get(self._lo + i)

    def __iter__(self) -> Iterator[str]:
        for k in range(self._lo, self._hi):
            yield self._paths.get(k)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"PathList({len(self)} paths)"
