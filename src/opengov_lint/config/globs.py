"""Path globs for `exclude`, `per-file-ignores` and configured suppressions (gitignore-like).

`*` matches within one folder, `**` across folders, `?` one character, `[...]` a set. A pattern
without `/` matches a file or folder name at any depth (`*.md`, `drafts`); a pattern matching a
folder covers everything under it. Patterns are relative to the folder of the configuration file
that declares them, or absolute."""

from __future__ import annotations

import functools
import os
import re


@functools.cache
def compile_glob(pattern: str) -> re.Pattern[str]:
    pat = pattern.replace("\\", "/").strip()
    anchored = "/" in pat.rstrip("/")
    pat = pat.strip("/")
    pat = pat.removeprefix("./")
    out, i = [], 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pat.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end = pat.find("]", i + 1)
            if end == -1:
                out.append(re.escape(c))
            else:
                body = pat[i + 1:end]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    body = "".join(out)
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"^{prefix}{body}(?:/.*)?$")


def relative(path: str, base: str) -> str | None:
    """`path` relative to `base` with forward slashes, or None when it lies outside `base`."""
    rel = os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")
    return None if rel == ".." or rel.startswith("../") else rel


def matches(path: str, base: str, pattern: str) -> bool:
    """An absolute pattern matches the absolute path; a relative one the path relative to `base` (a
    file outside `base` is matched by its absolute path, so only unanchored patterns such as `*.md`
    can match it)."""
    full = os.path.abspath(path).replace(os.sep, "/")
    if os.path.isabs(pattern):
        return compile_glob(pattern).match(full.lstrip("/")) is not None
    rel = relative(path, base)
    return compile_glob(pattern).match(rel if rel is not None else full.lstrip("/")) is not None
