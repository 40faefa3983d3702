"""A cache of the parsed catalogue (rules/*.yaml) as JSON in the user's cache folder.

Parsing the YAML catalogue costs more than checking a report, and a pre-commit hook pays start-up
on every commit. The YAML stays the only source of truth: each entry is keyed by a checksum of
the file's bytes, so an edited file is parsed again. JSON only (never pickle); a missing, unwritable or
corrupt cache just means parsing. `OPENGOV_LINT_CACHE_DIR=off` disables it."""

from __future__ import annotations

import functools
import json
import os
from typing import Any

from opengov_lint import __version__
from opengov_lint.fsutil import read_limited


def cache_dir() -> str | None:
    """The user's cache folder for the tool (`OPENGOV_LINT_CACHE_DIR`, else XDG), None when turned off."""
    env = os.environ.get("OPENGOV_LINT_CACHE_DIR")
    if env == "off":
        return None
    return env or os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "opengov-lint")


def cache_file() -> str | None:
    base = cache_dir()
    return os.path.join(base, f"catalog-{__version__}.json") if base else None


@functools.cache
def _entries() -> dict[str, Any]:
    path = cache_file()
    if not path:
        return {}
    try:
        data = json.loads(read_limited(path, 64 * 1024 * 1024))  # a regular file, bounded
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def get(name: str, digest: str) -> Any | None:
    entry = _entries().get(name)
    if isinstance(entry, dict) and entry.get("digest") == digest:
        return entry.get("data")
    return None


def put(name: str, digest: str, data: Any) -> None:
    path = cache_file()
    if not path:
        return
    try:
        json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # not representable as JSON (a YAML date, say): parse that file every time
    entries = _entries()
    entries[name] = {"digest": digest, "data": data}
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(entries, fh, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        pass
