"""One way to load a report: bytes or a path -> Report, for every command and test.

Document formats go reader -> recogniser; the canonical YAML/JSON form is already a Report and is
read by its own reader beside its writer. What the user states instead of detection (`--year`,
`--issuer-kind`) is applied here, the same way for every format (a `convert x.yaml --year 2019`
used to keep the file's year while the same on a .txt took the override)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opengov_lint.model import Report
    from opengov_lint.readers.limits import Limits
    from opengov_lint.recognise import Overrides


def load_report(source: str, overrides: Overrides | None = None, limits: Limits | None = None, *,
                data: bytes | None = None, fmt: str | None = None, deadline: float | None = None) -> Report:
    """Read and recognise one report. `source` is the path (or the name a fetched file goes by when
    `data` is given). Raises readers.ReadError when the file cannot be read, also (reason "timeout")
    when a reader that loops over pages or runs a converter passes `deadline` (time.monotonic())."""
    from opengov_lint.readers import DEFAULT_MAX_BYTES, STRUCTURED, read_bytes, read_file, sniff

    if data is None:
        data = read_file(source, limits.max_bytes if limits is not None else DEFAULT_MAX_BYTES)
    fmt = fmt or sniff(source, data[:8192])
    if fmt in STRUCTURED:
        from opengov_lint.canonical.reader import read as read_canonical

        report = read_canonical(source, data, fmt)
        if overrides is not None:
            apply_overrides(report, overrides)
        return report
    from opengov_lint.recognise import recognise

    return recognise(read_bytes(source, data, fmt, limits, deadline), overrides)


def apply_overrides(report: Report, overrides: Overrides) -> None:
    if overrides.year:
        report.meta.year, report.meta.year_source = overrides.year, "override"
    if overrides.issuer_kind:
        report.meta.issuer_kind = overrides.issuer_kind
