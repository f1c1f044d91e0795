"""Strict YAML reading: safe tags only, no duplicate keys, every value keeps its line.

PyYAML's ``compose`` gives a node tree with ``start_mark``; this module turns it into plain
``dict``/``list`` subclasses that remember the 1-based line of themselves, of each key and of
each item, so every later schema error can name ``file:line``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from clearance.errors import RuleDataError


class LocDict(dict[str, Any]):
    """A mapping read from YAML; ``line`` is where it starts, ``key_lines`` where each key is."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocList(list[Any]):
    """A sequence read from YAML; ``item_lines[i]`` is the line of item ``i``."""

    line: int
    item_lines: list[int]


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _scalar(loader: yaml.SafeLoader, node: yaml.ScalarNode, path: Path) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, yaml.YAMLError) as exc:
        raise RuleDataError(f"bad value {node.value!r}: {exc}", path, _line(node)) from exc


def _convert(loader: yaml.SafeLoader, node: yaml.Node, path: Path) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LocDict()
        out.line = _line(node)
        out.key_lines = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise RuleDataError("mapping keys must be plain scalars", path, _line(key_node))
            key = str(key_node.value)  # keys stay text: no YAML 1.1 'NO' -> False
            if key in out:
                raise RuleDataError(
                    f"duplicate key {key!r} (first at line {out.key_lines[key]})",
                    path,
                    _line(key_node),
                )
            out.key_lines[key] = _line(key_node)
            out[key] = _convert(loader, value_node, path)
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LocList()
        seq.line = _line(node)
        seq.item_lines = []
        for item in node.value:
            seq.item_lines.append(_line(item))
            seq.append(_convert(loader, item, path))
        return seq
    assert isinstance(node, yaml.ScalarNode)
    return _scalar(loader, node, path)


def load_yaml(path: Path) -> Any:
    """Read one YAML document from ``path`` with line-tracking containers.

    Raises :class:`RuleDataError` naming ``path:line`` for syntax errors, duplicate keys,
    non-scalar keys and values that cannot be constructed (e.g. ``2019-13-01``).
    """
    text = path.read_text(encoding="utf-8")
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise RuleDataError("empty file", path, 1)
        return _convert(loader, node, path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = int(mark.line) + 1 if mark is not None else None
        raise RuleDataError(f"YAML syntax error: {exc.problem}", path, line) from exc
    finally:
        loader.dispose()
