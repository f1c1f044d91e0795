"""Typed parameters: a rule file declares ``params``; each version's ``values`` must match.

Types: ``str``, ``int``, ``number``, ``bool``, ``date``, ``list[str]``, ``list[date]``,
``map[str,str]``, ``map[str,bool]``, ``map[str,number]``, ``map[str,list[str]]``. A spec may add
``required`` (default true), ``enum`` (allowed strings, also for list items and map values),
``key_pattern`` (regex every map key must match), ``nullable`` and ``doc``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from clearance.errors import RuleDataError
from clearance.rules.yaml_strict import LocDict, LocList

TYPES = (
    "str",
    "int",
    "number",
    "bool",
    "date",
    "list[str]",
    "list[date]",
    "map[str,str]",
    "map[str,bool]",
    "map[str,number]",
    "map[str,list[str]]",
)
SPEC_KEYS = frozenset({"type", "required", "enum", "key_pattern", "nullable", "doc"})


@dataclass(frozen=True, slots=True)
class ParamSpec:
    name: str
    type: str
    required: bool = True
    nullable: bool = False
    enum: tuple[str, ...] | None = None
    key_pattern: str | None = None


def as_date(value: Any, what: str, path: Path, line: int) -> date:
    """A ``date`` from a YAML date or an ISO string; anything else is an error at ``line``."""
    if isinstance(value, datetime):
        raise RuleDataError(f"{what}: expected a date, got a timestamp {value}", path, line)
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise RuleDataError(f"{what}: bad date {value!r} (expected YYYY-MM-DD)", path, line)


def parse_specs(raw: Any, path: Path) -> dict[str, ParamSpec]:
    """Read a rule file's ``params`` block into specs, rejecting unknown keys and types."""
    if raw is None:
        return {}
    if not isinstance(raw, LocDict):
        raise RuleDataError("params: expected a mapping of name -> spec", path, None)
    specs: dict[str, ParamSpec] = {}
    for name, spec in raw.items():
        line = raw.line_of(name)
        if not isinstance(spec, LocDict):
            raise RuleDataError(f"params.{name}: expected a mapping with 'type'", path, line)
        unknown = sorted(set(spec) - SPEC_KEYS)
        if unknown:
            bad = unknown[0]
            raise RuleDataError(f"params.{name}: unknown key {bad!r}", path, spec.line_of(bad))
        kind = spec.get("type")
        if kind not in TYPES:
            raise RuleDataError(
                f"params.{name}: unknown type {kind!r} (one of {', '.join(TYPES)})", path, line
            )
        enum = spec.get("enum")
        specs[name] = ParamSpec(
            name=name,
            type=str(kind),
            required=bool(spec.get("required", True)),
            nullable=bool(spec.get("nullable", False)),
            enum=tuple(str(e) for e in enum) if enum is not None else None,
            key_pattern=spec.get("key_pattern"),
        )
    return specs


def _check_str(spec: ParamSpec, value: Any, what: str, path: Path, line: int) -> str:
    if not isinstance(value, str):
        raise RuleDataError(f"{what}: expected a string, got {value!r}", path, line)
    if spec.enum is not None and value not in spec.enum:
        raise RuleDataError(f"{what}: {value!r} not one of {list(spec.enum)}", path, line)
    return value


def _check_number(value: Any, what: str, path: Path, line: int, integer: bool) -> Any:
    ok = isinstance(value, int) if integer else isinstance(value, int | float)
    if isinstance(value, bool) or not ok:
        kind = "an integer" if integer else "a number"
        raise RuleDataError(f"{what}: expected {kind}, got {value!r}", path, line)
    return value


def _check_scalar(spec: ParamSpec, kind: str, value: Any, what: str, path: Path, line: int) -> Any:
    if kind == "str":
        return _check_str(spec, value, what, path, line)
    if kind in ("int", "number"):
        return _check_number(value, what, path, line, kind == "int")
    if kind == "bool":
        if not isinstance(value, bool):
            raise RuleDataError(f"{what}: expected true or false, got {value!r}", path, line)
        return value
    return as_date(value, what, path, line)


def _check_list(spec: ParamSpec, inner: str, value: Any, what: str, path: Path) -> list[Any]:
    if not isinstance(value, LocList):
        raise RuleDataError(f"{what}: expected a list", path, getattr(value, "line", None))
    return [
        _check_scalar(spec, inner, item, f"{what}[{i}]", path, value.item_lines[i])
        for i, item in enumerate(value)
    ]


def _check_map(spec: ParamSpec, inner: str, value: Any, what: str, path: Path) -> dict[str, Any]:
    if not isinstance(value, LocDict):
        raise RuleDataError(f"{what}: expected a mapping", path, getattr(value, "line", None))
    out: dict[str, Any] = {}
    for key, item in value.items():
        line = value.line_of(key)
        if spec.key_pattern and not re.fullmatch(spec.key_pattern, key):
            raise RuleDataError(
                f"{what}: key {key!r} does not match {spec.key_pattern!r}", path, line
            )
        if inner.startswith("list["):
            out[key] = _check_list(spec, inner[5:-1], item, f"{what}.{key}", path)
        else:
            out[key] = _check_scalar(spec, inner, item, f"{what}.{key}", path, line)
    return out


def check_value(spec: ParamSpec, value: Any, what: str, path: Path, line: int) -> Any:
    """Validate and normalise one value against its spec; errors name ``path:line``."""
    if value is None:
        if spec.nullable:
            return None
        raise RuleDataError(f"{what}: null is not allowed", path, line)
    if spec.type.startswith("list["):
        return _check_list(spec, spec.type[5:-1], value, what, path)
    if spec.type.startswith("map[str,"):
        return _check_map(spec, spec.type[8:-1], value, what, path)
    return _check_scalar(spec, spec.type, value, what, path, line)


def check_values(
    specs: dict[str, ParamSpec], raw: Any, what: str, path: Path, line: int
) -> dict[str, Any]:
    """Validate a version's ``values`` block: no unknown names, every required one present."""
    if raw is None:
        raw = LocDict()
        raw.line, raw.key_lines = line, {}
    if not isinstance(raw, LocDict):
        raise RuleDataError(f"{what}: expected a mapping", path, line)
    for name in raw:
        if name not in specs:
            known = ", ".join(sorted(specs)) or "none declared in params"
            raise RuleDataError(
                f"{what}: unknown key {name!r} (known: {known})", path, raw.line_of(name)
            )
    out: dict[str, Any] = {}
    for name, spec in specs.items():
        if name not in raw:
            if spec.required:
                raise RuleDataError(f"{what}: missing required value {name!r}", path, raw.line)
            continue
        out[name] = check_value(spec, raw[name], f"{what}.{name}", path, raw.line_of(name))
    return out
