"""Compiled regular expressions kept between runs, so a one-file check does not compile them again.

A check compiles about 300 regular expressions (the recogniser's and the rules' vocabularies, and the
standard library's own). CPython's regex compiler is written in Python; its character-set optimiser walks
a class such as `[\\u4e00-\\u9fff]` one code point at a time (~1.4 ms each): ~40 ms of a ~0.18 s one-file
check, paid again on every commit by a pre-commit hook.

What is kept: for each (text) pattern a run compiled, the arguments CPython's compiler hands to
`_sre.compile` (pattern, flags, code, groups), verified at save time: the pattern rebuilt from them must
compare equal to the one the compiler made (CPython compares patterns by flags and code). At most
MAX_PATTERNS, the ones the latest run used first; a run that compiled nothing new writes nothing. At start-up they are rebuilt and put into `re`'s own cache before anything
else is imported, so `re.compile` of a known pattern is a dictionary lookup and its result is the object
the compiler would have made.

JSON only, in the user's cache folder next to the catalogue cache, one file per interpreter version and
`_sre.MAGIC` (the code format). It relies on CPython's `re` internals (3.11-3.14): on any other
interpreter, or on any surprise (a missing attribute, a corrupt or foreign file), nothing is loaded and
everything is compiled as usual. `OPENGOV_LINT_CACHE_DIR=off` turns it off with the catalogue cache.
"""

from __future__ import annotations

import binascii
import json
import os
import sys
from array import array
from typing import Any

from opengov_lint.fsutil import read_limited

try:
    import _sre  # type: ignore[import-not-found]  # CPython's regex engine (no type stubs)
except ImportError:  # another interpreter: nothing is cached
    _sre = None

# upper bounds before anything is read or kept: re's own cache holds 512 patterns, a bigger file is not ours
MAX_PATTERNS = 400
MAX_BYTES = 8 * 1024 * 1024
_loaded: set[tuple[str, int]] = set()


def supported() -> bool:
    if _sre is None or sys.implementation.name != "cpython" or not (3, 11) <= sys.version_info[:2] <= (3, 14):
        return False
    return bool(array("I").itemsize == _sre.CODESIZE)


def cache_path() -> str | None:
    from opengov_lint import __version__
    from opengov_lint.knowledge.cache import cache_dir

    base = cache_dir()
    if not base or not supported():
        return None
    return os.path.join(base, f"patterns-{__version__}-py{sys.hexversion:x}-sre{_sre.MAGIC}.json")


def _rebuild(entry: Any) -> tuple[tuple[str, int], Any] | None:
    """(re's cache key, the compiled pattern) from one saved entry, None if it is not well-formed."""
    if not (isinstance(entry, list) and len(entry) == 7):
        return None
    pattern, key_flags, flags, packed, groups, groupindex, indexgroup = entry
    if not (isinstance(pattern, str) and isinstance(key_flags, int) and isinstance(flags, int)
            and isinstance(packed, str) and isinstance(groups, int) and isinstance(groupindex, dict)
            and isinstance(indexgroup, list)):
        return None
    code = array("I")
    code.frombytes(binascii.a2b_base64(packed))
    # _sre validates the code itself (a malformed program is a RuntimeError, never a crash)
    return (pattern, key_flags), _sre.compile(pattern, flags, code.tolist(), groups, groupindex, tuple(indexgroup))


def load() -> int:
    """Put the saved patterns into re's cache; how many. Never raises."""
    path = cache_path()
    if not path:
        return 0
    try:
        entries = json.loads(read_limited(path, MAX_BYTES))  # a regular file, bounded (never /dev/zero)
        import re

        cache = re._cache  # type: ignore[attr-defined]
        for entry in entries[:MAX_PATTERNS] if isinstance(entries, list) else ():
            try:
                got = _rebuild(entry)
            except (RuntimeError, ValueError, TypeError, OverflowError):  # a program _sre rejects: compile it
                continue
            if got is not None and len(cache) < MAX_PATTERNS:
                (pattern, key_flags), compiled = got
                cache[str, pattern, key_flags] = compiled
                _loaded.add((pattern, key_flags))
    except Exception:  # a corrupt or foreign file, or re's internals changed: compile as usual
        return 0
    return len(_loaded)


def _entry(pattern: str, key_flags: int, compiled: Any) -> list[Any] | None:
    """What the compiler hands to _sre.compile for this pattern, if rebuilding it gives an equal pattern."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, key_flags)
    code = _compiler._code(parsed, key_flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    flags = key_flags | parsed.state.flags
    rebuilt = _sre.compile(pattern, flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    if rebuilt != compiled:
        return None
    packed = binascii.b2a_base64(array("I", code).tobytes(), newline=False).decode("ascii")
    return [pattern, key_flags, flags, packed, parsed.state.groups - 1, groupindex, indexgroup]


def save() -> int:
    """Add the patterns this run compiled that the file lacks; how many. Never raises."""
    path = cache_path()
    if not path:
        return 0
    try:
        import re

        new = [(key[1], key[2], p) for key, p in list(re._cache.items())  # type: ignore[attr-defined]
               if key[0] is str and isinstance(key[2], int) and (key[1], key[2]) not in _loaded]
        added = [e for pattern, flags, p in new if (e := _entry(pattern, flags, p)) is not None]
        return _write(path, added) if added else 0
    except Exception:  # never let the cache cost a run its result
        return 0


def _write(path: str, added: list[list[Any]]) -> int:
    try:
        old = json.loads(read_limited(path, MAX_BYTES))
    except (OSError, ValueError):
        old = []
    if not isinstance(old, list):
        old = []
    seen = {(e[0], e[1]) for e in added}
    keep = [e for e in old if isinstance(e, list) and len(e) == 7 and (e[0], e[1]) not in seen]
    entries = (added + keep)[:MAX_PATTERNS]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(entries, fh, separators=(",", ":"))  # ASCII: a pattern may hold a lone surrogate
        os.replace(tmp, path)  # replaces a link planted there, never what it points to
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    _loaded.update(seen)
    return len(added)
