"""Fast YAML loading with line numbers: the C parser (ruamel.yaml.clib, when installed; ruamel's pure
parser otherwise) yields events with positions, and this module builds plain dicts and lists from them
whose mappings answer `.lc.key(k)` like ruamel's round-trip objects. Plain scalars are resolved with
ruamel's own YAML 1.2 implicit-resolver table, looked up once (ruamel's composer asks its resolver
object for every scalar, which was most of the time). About 40 times faster than the round-trip
loader, which is kept for files that carry `# opengov-lint:` comments (they need the comment tokens).

Only the YAML 1.2 core types are produced (str, int, float, bool, null); tags such as !!python/...
are refused: nothing is ever constructed from a tag."""

from __future__ import annotations

from typing import Any


class _Marks:
    def __init__(self) -> None:
        self.keys: dict[Any, tuple[int, int]] = {}

    def key(self, k: Any) -> tuple[int, int]:
        return self.keys[k]


class MarkedMap(dict):  # type: ignore[type-arg]
    """A mapping that remembers the (0-based) line and column of each key."""

    def __init__(self) -> None:
        super().__init__()
        self.lc = _Marks()


class YamlTagError(ValueError):
    pass


_CORE = "tag:yaml.org,2002:"
_RESOLVERS: dict[Any, list[tuple[str, Any]]] | None = None


def _resolvers() -> dict[Any, list[tuple[str, Any]]]:
    """First character -> [(tag, regexp)] for YAML 1.2 plain scalars, as ruamel resolves them."""
    global _RESOLVERS
    if _RESOLVERS is None:
        from ruamel.yaml.resolver import implicit_resolvers

        table: dict[Any, list[tuple[str, Any]]] = {}
        for versions, tag, regexp, first in implicit_resolvers:
            if (1, 2) in versions:
                for ch in first:
                    table.setdefault(ch, []).append((tag, regexp))
        _RESOLVERS = table
    return _RESOLVERS


def _plain(value: str) -> Any:
    """A plain (unquoted, untagged) scalar: null, bool, int, float or text."""
    table = _resolvers()
    for tag, regexp in table.get(value[:1], []) + table.get(None, []):
        if regexp.match(value):
            return _typed(tag.rsplit(":", 1)[1], value)
    return value


def _typed(kind: str, value: str) -> Any:
    try:
        if kind == "null":
            return None
        if kind == "bool":
            return value.lower() in ("true", "yes", "on")
        if kind == "int":
            return int(value.replace("_", ""), 0) if not value.lstrip("+-").startswith("0") or value in (
                "0", "-0", "+0") else int(value.replace("_", ""), 8 if value.lstrip("+-").startswith("0o") else 10)
        if kind == "float":
            return float(value.replace("_", "").replace(".inf", "inf").replace(".nan", "nan").replace(".Inf", "inf"))
    except ValueError:
        return value
    return value  # timestamp, binary, merge...: the text as written


def _scalar(event: Any) -> Any:
    tag, value = event.tag, event.value
    if tag is None or tag == "!":
        return _plain(value) if event.implicit[0] and tag is None else value
    if not tag.startswith(_CORE):
        raise YamlTagError(f"unsupported YAML tag {tag}")
    kind = tag[len(_CORE):]
    return value if kind == "str" else _typed(kind, value)


def _parser(text: str) -> Any:
    try:
        from _ruamel_yaml import CParser  # ruamel.yaml.clib
    except ImportError:  # pure Python fallback (PyPy, or a wheel-less platform)
        from ruamel.yaml import YAML

        yaml = YAML(typ="safe", pure=True)
        yaml.get_constructor_parser(text)
        return yaml.parser
    return CParser(text)


def _check_tag(tag: Any) -> None:
    if tag is not None and tag != "!" and not tag.startswith(_CORE):
        raise YamlTagError(f"unsupported YAML tag {tag}")


class _Builder:
    def __init__(self, parser: Any) -> None:
        self.parser = parser
        self.anchors: dict[str, Any] = {}

    def node(self, depth: int) -> Any:
        if depth > 200:
            raise RecursionError("YAML nested too deeply")
        event = self.parser.get_event()
        kind = type(event).__name__
        if kind == "ScalarEvent":
            value = _scalar(event)
        elif kind == "AliasEvent":
            if event.anchor not in self.anchors:
                raise YamlTagError(f"undefined alias *{event.anchor}")
            return self.anchors[event.anchor]
        elif kind == "SequenceStartEvent":
            _check_tag(event.tag)
            value = []
            self._anchor(event, value)
            while type(self.parser.peek_event()).__name__ != "SequenceEndEvent":
                value.append(self.node(depth + 1))
            self.parser.get_event()
            return value
        elif kind == "MappingStartEvent":
            _check_tag(event.tag)
            value = MarkedMap()
            self._anchor(event, value)
            while type(self.parser.peek_event()).__name__ != "MappingEndEvent":
                mark = self.parser.peek_event().start_mark
                key = self.node(depth + 1)
                if isinstance(key, (list, dict)):
                    raise YamlTagError("a mapping key must be a scalar")
                value[key] = self.node(depth + 1)
                value.lc.keys[key] = (mark.line, mark.column)
            self.parser.get_event()
            return value
        else:
            raise YamlTagError(f"unexpected YAML event {kind}")
        self._anchor(event, value)
        return value

    def _anchor(self, event: Any, value: Any) -> None:
        if event.anchor is not None:
            self.anchors[event.anchor] = value


def load(text: str) -> Any:
    """The first document of TEXT as plain data (None for an empty stream)."""
    parser = _parser(text)
    try:
        parser.get_event()  # StreamStart
        if type(parser.peek_event()).__name__ == "StreamEndEvent":
            return None
        parser.get_event()  # DocumentStart
        root = _Builder(parser).node(0)
        parser.get_event()  # DocumentEnd
        return root
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
