"""What a folder walk leaves out, as an office keeps its folders: files the user ignores
(`.gitignore`, `.opengov-lintignore`, gitignore semantics) and the tool's own files (configuration,
baselines, rule packs, manifests, truth files, `*.egg-info/`), which are never checked as reports.

gitignore semantics (negation, anchoring, `**`, folder-only patterns, last match wins) come from the
`pathspec` package, imported only when a folder holds an ignore file; rules of a deeper ignore file
override those of a shallower one, as in git."""

from __future__ import annotations

import os
import re
from typing import Any

IGNORE_FILES = (".gitignore", ".opengov-lintignore")
SKIP_DIRS = ("__pycache__",)
SKIP_DIR_SUFFIXES = (".egg-info", ".dist-info")
SIDECAR = ".source.json"  # evidence kept beside a crawled file (run/crawl.py): never a report itself
SKIP_FILE_SUFFIXES = (".truth.json", ".truth.yaml", SIDECAR)
_STRUCTURED = (".yaml", ".yml", ".json")
_REPORT_SCHEMA = re.compile(r"opengov-lint/report/")
_OTHER_SCHEMA = re.compile(r"opengov-lint/(?!report/)[a-z-]+/\d")
_YAML_REPORT_KEYS = re.compile(r"^(meta|tables|sections):", re.MULTILINE)
_JSON_REPORT_KEYS = re.compile(r'"(meta|tables|sections)"\s*:')


class Ignores:
    """The ignore files found on the way down one walk: (folder, compiled spec), shallowest first."""

    def __init__(self) -> None:
        self.specs: list[tuple[str, Any]] = []

    def enter(self, folder: str) -> None:
        """Called for each folder the walk enters: drop specs of folders left, add this folder's own."""
        self.specs = [(base, spec) for base, spec in self.specs
                      if folder == base or folder.startswith(base.rstrip(os.sep) + os.sep)]
        lines: list[str] = []
        for name in IGNORE_FILES:
            p = os.path.join(folder, name)
            if os.path.isfile(p):
                try:
                    with open(p, encoding="utf-8-sig", errors="replace") as fh:
                        lines += fh.read().splitlines()
                except OSError:
                    continue
        if lines:
            import pathspec

            self.specs.append((folder, pathspec.GitIgnoreSpec.from_lines(lines)))

    def ignored(self, path: str, is_dir: bool) -> bool:
        for base, spec in reversed(self.specs):  # the deepest decisive rule wins
            rel = os.path.relpath(path, base).replace(os.sep, "/") + ("/" if is_dir else "")
            include = spec.check_file(rel).include
            if include is not None:
                return bool(include)
        return False


def tool_dir(name: str) -> bool:
    return name in SKIP_DIRS or name.endswith(SKIP_DIR_SUFFIXES)


def tool_file(path: str) -> bool:
    """The tool's own files and other structured data that is not a report: configuration, baselines,
    packs, manifests, truth files. A .yaml/.json in a folder is checked only when it looks like a
    canonical report (its schema, or top-level meta/tables/sections and no other schema)."""
    name = os.path.basename(path).lower()
    if name.endswith(SKIP_FILE_SUFFIXES) or name.startswith((".opengov-lint", "opengov-lint-baseline")):
        return True
    if not name.endswith(_STRUCTURED):
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192).decode("utf-8", "replace")
    except OSError:
        return False
    if _REPORT_SCHEMA.search(head):
        return False
    if _OTHER_SCHEMA.search(head):
        return True  # a baseline, pack, layout, profile... of this tool
    keys = _JSON_REPORT_KEYS if name.endswith(".json") else _YAML_REPORT_KEYS
    return keys.search(head) is None
