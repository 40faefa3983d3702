"""Fast YAML loading with line numbers: the C composer (ruamel.yaml.clib, when installed) builds the
node tree with positions, and this module turns it into plain dicts and lists whose mappings answer
`.lc.key(k)` like ruamel's round-trip objects. Ten times faster than the round-trip loader, which is
kept for files that carry `# opengov-lint:` comments (they need the comment tokens).

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


def _scalar(node: Any) -> Any:
    """A scalar by the tag the resolver gave it (quoted and block scalars are always text)."""
    tag, value = node.tag, node.value
    if node.style in ("'", "\"", "|", ">") or tag.endswith(":str"):
        return value
    if not tag.startswith("tag:yaml.org,2002:"):
        raise YamlTagError(f"unsupported YAML tag {tag}")
    kind = tag.rsplit(":", 1)[1]
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


def _build(node: Any, depth: int = 0) -> Any:
    if depth > 200:
        raise RecursionError("YAML nested too deeply")
    kind = type(node).__name__
    if kind == "ScalarNode":
        return _scalar(node)
    if kind == "SequenceNode":
        return [_build(x, depth + 1) for x in node.value]
    if kind == "MappingNode":
        out = MarkedMap()
        for k, v in node.value:
            key = _build(k, depth + 1)
            if isinstance(key, (list, dict)):
                raise YamlTagError("a mapping key must be a scalar")
            out[key] = _build(v, depth + 1)
            out.lc.keys[key] = (k.start_mark.line, k.start_mark.column)
        return out
    raise YamlTagError(f"unsupported YAML node {kind}")


def load(text: str) -> Any:
    from ruamel.yaml import YAML

    node = YAML(typ="safe").compose(text)
    return None if node is None else _build(node)
