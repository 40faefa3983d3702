"""One index of a report's running text, shared by every rule that reads the prose: the searchable
streams (normalised: full width folded, no whitespace, each character mapped back to its paragraph),
the streams of a set of sections, every paragraph in matching form (NFKC, no whitespace), the citations, the statistical period, the sentences that open with a
year, the report's references to itself, the counts and "none" statements. Each is computed on first
use and kept, so the citation rules (OG401-OG409) and the prose rules (OG501-OG507, OG305) stop
re-scanning the same text. The index belongs to one report (rules keep it in the report's own context,
rules.support.text.text_index); it never changes the answers of the readers it calls. Pure: no I/O."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Any, TypeVar, cast

from opengov_lint.recognise import citations, dates, prose
from opengov_lint.recognise.streams import build
from opengov_lint.recognise.text import nfkc, squash

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from opengov_lint.recognise.citations import Citation
    from opengov_lint.recognise.dates import Period, YearOpening
    from opengov_lint.recognise.prose import Claim
    from opengov_lint.recognise.streams import Stream, Unit

_Sections = frozenset[int | None]
T = TypeVar("T")


class TextIndex:
    """The running text of one report (its units: paragraph and section), scanned once per question."""

    __slots__ = ("_memo", "_streams", "units")

    def __init__(self, units: Iterable[Unit]) -> None:
        self.units: list[Unit] = list(units)
        self._streams: list[Stream] | None = None
        self._memo: dict[tuple[Any, ...], Any] = {}

    @property
    def streams(self) -> list[Stream]:
        """One stream per run of consecutive units of the same section (recognise.streams.build)."""
        if self._streams is None:
            self._streams = build(self.units)
        return self._streams

    @property
    def normalised(self) -> list[tuple[Unit, str]]:
        """Every unit with its paragraph in matching form: NFKC (full width folded), no whitespace."""
        return self._get(("normalised",), lambda: [(u, squash(nfkc(u.paragraph.text))) for u in self.units])

    def streams_of(self, sections: Iterable[int | None]) -> list[Stream]:
        """The streams `build` gives for the units of these sections only. Taken from the whole text's
        streams when that is the same thing (a stream never mixes sections); built afresh when leaving
        sections out brings two runs of one section together (they would be joined)."""
        wanted: _Sections = frozenset(sections)
        return self._get(("streams", wanted), lambda: self._streams_of(wanted))

    def _streams_of(self, wanted: _Sections) -> list[Stream]:
        kept = [s for s in self.streams if s.units[0].section in wanted]
        if any(a.units[0].section == b.units[0].section for a, b in pairwise(kept)):
            return build([u for u in self.units if u.section in wanted])
        return kept

    def _get(self, key: tuple[Any, ...], compute: Callable[[], T], owner: object = None) -> T:
        """The answer to `key`, computed on first use. `owner` (a vocabulary passed by the caller) is
        kept with the answer and must be the very same object next time (it is keyed by its id)."""
        got = self._memo.get(key)
        if got is None or got[0] is not owner:
            got = self._memo[key] = (owner, compute())
        return cast("T", got[1])

    def citations(self, docno_prefixes: Iterable[str] = ()) -> list[Citation]:
        """Every citation of the text in document order (recognise.citations.scan); a new list each call."""
        prefixes = tuple(docno_prefixes)
        found: list[Citation] = self._get(("citations", prefixes), lambda: citations.scan_streams(self.streams, prefixes))
        return list(found)

    def period(self, words: Iterable[str]) -> Period | None:
        """The first statement of the statistical period (recognise.dates.find_period)."""
        key = tuple(words)
        return self._get(("period", key), lambda: dates.find_period_in(self.streams, key))

    def year_openings(self, sections: Iterable[int | None], markers: Iterable[str]) -> list[YearOpening]:
        """Sentences of these sections that open with a year (recognise.dates.year_openings)."""
        wanted, marks = frozenset(sections), tuple(markers)
        return self._get(("openings", wanted, marks),
                         lambda: dates.year_openings_in(self.streams_of(wanted), marks))

    def self_references(self, sections: Iterable[int | None]) -> list[tuple[int, str, Unit]]:
        """`现将…2023年…年度报告…公布` in these sections (recognise.dates.self_references)."""
        wanted = frozenset(sections)
        return self._get(("self", wanted),
                         lambda: dates.self_references_in(self.streams_of(wanted)))

    def count_claims(self, vocab: dict[str, Any], year: int | None = None) -> list[Claim]:
        """Every count the text states (recognise.prose.count_claims)."""
        return self._get(("counts", id(vocab), year),
                         lambda: prose.count_claims_in(self.streams, vocab, year), vocab)

    def none_claims(self, vocab: dict[str, Any]) -> list[Claim]:
        """Clauses that say there was nothing (recognise.prose.none_claims)."""
        return self._get(("none", id(vocab)), lambda: prose.none_claims_in(self.streams, vocab), vocab)
