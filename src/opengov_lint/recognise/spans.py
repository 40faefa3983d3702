"""Positions in a stream of running text (recognise.streams): the unit a searchable offset falls in and
the sentence around it, found by bisection instead of walking the stream from its start. The citation
scanner and the prose and date readers ask these questions once per match; on a PDF, where a stream
holds one unit per printed line, walking cost a pass over the whole section for every match. Pure: no I/O."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from opengov_lint.recognise.streams import sentences

if TYPE_CHECKING:
    from opengov_lint.recognise.streams import Stream, Unit

_BOUNDS: dict[int, tuple[Stream, list[tuple[int, int]], list[int]]] = {}
_KEEP = 32  # streams whose sentence bounds are kept (two or three reports; held, so their ids stay unique)


def unit_at(stream: Stream, flat_pos: int) -> Unit:
    """The unit the searchable character at `flat_pos` comes from (Stream.unit_at, by bisection)."""
    pos = stream.fmap[min(flat_pos, len(stream.fmap) - 1)] if stream.fmap else 0
    return stream.units[max(0, bisect_right(stream.starts, pos) - 1)]


def sentence_bounds(stream: Stream) -> list[tuple[int, int]]:
    """(start, end) of every sentence of stream.flat (recognise.streams.sentences), computed once per stream."""
    return _bounds(stream)[0]


def _bounds(stream: Stream) -> tuple[list[tuple[int, int]], list[int]]:
    got = _BOUNDS.get(id(stream))
    if got is not None and got[0] is stream:
        return got[1], got[2]
    bounds = list(sentences(stream))
    starts = [a for a, _ in bounds]
    if len(_BOUNDS) >= _KEEP:
        del _BOUNDS[next(iter(_BOUNDS))]
    _BOUNDS[id(stream)] = (stream, bounds, starts)
    return bounds, starts


def sentence_at(stream: Stream, pos: int) -> tuple[int, int] | None:
    """The sentence holding flat position `pos`; None when `pos` falls on a sentence break."""
    bounds, starts = _bounds(stream)
    i = bisect_right(starts, pos) - 1
    if i >= 0 and bounds[i][0] <= pos < bounds[i][1]:
        return bounds[i]
    return None
