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
from collections.abc import Callable

from opengov_lint.config.settings import Settings
from opengov_lint.run.sources import STDIN, is_url

SettingsFor = Callable[[str], Settings]  # configuration file -> settings with the command line on top


@functools.lru_cache(maxsize=4096)
def nearest_config(folder: str) -> str | None:
    from opengov_lint.config.settings import discover

    found = discover(folder)
    return found[0] if found else None


def segments(files: list[str], settings: Settings, settings_for: SettingsFor | None) -> list[tuple[Settings, list[str]]]:
    """[(settings, files)] in the files' order. Without a factory (an explicit --config) one segment."""
    if settings_for is None or not files:
        return [(settings, files)]
    made: dict[str | None, Settings] = {settings.source: settings}
    out: list[tuple[Settings, list[str]]] = []
    for f in files:
        src = None if f == STDIN or is_url(f) else nearest_config(os.path.dirname(os.path.abspath(f)))
        src = src or settings.source
        if src not in made:
            assert src is not None
            s = settings_for(src)
            s.batch_rules, s.parent_pid, s.manifest = settings.batch_rules, settings.parent_pid, settings.manifest
            made[src] = s
        if out and out[-1][0] is made[src]:
            out[-1][1].append(f)
        else:
            out.append((made[src], [f]))
    return out
