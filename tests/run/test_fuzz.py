"""A bounded fuzzing run of every reader (the long run is bench/fuzz.py): mutated documents give
findings, never an internal error or a rule crash."""

from __future__ import annotations

import pytest
from hostile import fuzz

BUDGET = {"txt": 150, "md": 150, "yaml": 100, "json": 100, "html": 100, "docx": 100, "pdf": 25}


@pytest.mark.parametrize("reader", fuzz.READERS)
def test_reader_survives_mutations(reader: str) -> None:
    out = fuzz.run(reader, BUDGET[reader], seed=7)
    assert out.executions == BUDGET[reader]
    assert not out.crashes, [m for _, m in out.crashes[:3]]
