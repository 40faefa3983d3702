"""Configuration nearest to each checked file, as ruff finds it: `.opengov-lint.yaml`/`.yml` or
`[tool.opengov-lint]` in `pyproject.toml`, searched upward from the file's folder (nearest wins), then
the one found from the current directory. Command-line options apply on top of each.

The sorted file list is cut into contiguous segments that share one configuration, and each segment is
checked with its own settings (one worker pool per segment; files of a folder are contiguous, so a
folder tree with a few configurations gives a few segments). `--config FILE` means one configuration
for every file."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence

from opengov_lint.config.settings import Settings
from opengov_lint.run.sources import STDIN, is_url

SettingsFor = Callable[[str], Settings]  # configuration file -> settings with the command line on top


@functools.lru_cache(maxsize=4096)
def nearest_config(folder: str) -> str | None:
    from opengov_lint.config.settings import discover

    found = discover(folder)
    return found[0] if found else None


def segments(files: Sequence[str], settings: Settings,
             settings_for: SettingsFor | None) -> list[tuple[Settings, Sequence[str]]]:
    """[(settings, files)] in the files' order, each part a slice of `files` (a view of a PathList, not
    a copy). Without a factory (an explicit --config) one segment."""
    if settings_for is None or not files:
        return [(settings, files)]
    made: dict[str | None, Settings] = {settings.source: settings}
    cuts: list[tuple[Settings, int]] = []  # (settings, first index) of each segment
    for i, f in enumerate(files):
        src = None if f == STDIN or is_url(f) else nearest_config(os.path.dirname(os.path.abspath(f)))
        src = src or settings.source
        if src not in made:
            assert src is not None
            s = settings_for(src)
            s.batch_rules, s.parent_pid, s.manifest = settings.batch_rules, settings.parent_pid, settings.manifest
            made[src] = s
        if not cuts or cuts[-1][0] is not made[src]:
            cuts.append((made[src], i))
    ends = [start for _, start in cuts[1:]] + [len(files)]
    return [(s, files[start:end]) for (s, start), end in zip(cuts, ends, strict=True)]
