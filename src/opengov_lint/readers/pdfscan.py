"""A PDF's compressed streams, inflated and counted before PDFium or pdfminer sees the file.

PDFium inflates a content stream whole, so a 500 KB flate bomb becomes gigabytes inside the C
library where no limit can reach. Here every Flate stream is inflated in 1 MB steps and thrown
away, and the running total is checked against `limits.max_unzipped` as it grows: memory stays at a
few MB and a bomb stops at the limit. A damaged stream is left for the reader to report."""

from __future__ import annotations

import re
import zlib

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_FLATE = re.compile(rb"/Fl(?:ateDecode)?\b")
_STEP = 1 << 20


def _inflated(data: bytes, start: int, budget: int) -> int:
    """Bytes the zlib stream at data[start:] inflates to, counting no further than budget + 1."""
    d = zlib.decompressobj()
    pos, total = start, 0
    pending = b""
    try:
        while total <= budget and not d.eof:
            if not pending:
                if pos >= len(data):
                    break
                pending, pos = data[pos:pos + _STEP], pos + _STEP
            out = d.decompress(pending, _STEP)
            total += len(out)
            pending = d.unconsumed_tail
            if not out and not pending and d.eof:
                break
    except zlib.error:
        pass  # damaged or not zlib: the reader says so
    return total


def check_streams(data: bytes, limit: int) -> None:
    """Raise the max_unzipped ReadError when the Flate streams inflate to more than LIMIT bytes in all."""
    from opengov_lint.readers.limits import exceeded

    total = 0
    for m in _STREAM.finditer(data):
        head = data[max(0, m.start() - 2048):m.start()]
        obj = head.rfind(b"obj")
        if not _FLATE.search(head[obj + 3:] if obj >= 0 else head):
            continue
        total += _inflated(data, m.end(), limit - total)
        if total > limit:
            raise exceeded("PDF 中压缩数据解压后的大小", "bytes inflated from the PDF's compressed streams",
                           "max_unzipped", total, limit)
