"""Strict loader: rule YAML files -> :class:`Rule`, a law folder -> :class:`RuleSet`.

Rejects unknown keys, duplicate keys, bad dates, a version with no citation, versions that
overlap or run backwards, and duplicate rule ids, each with ``file:line``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from clearance.errors import RuleDataError
from clearance.rules.model import Citation, Rule, RuleSet, RuleVersion
from clearance.rules.params import ParamSpec, as_date, check_values, parse_specs
from clearance.rules.yaml_strict import LocDict, LocList, load_yaml

RULE_KEYS = frozenset(
    {"rule", "title", "summary", "kind", "jurisdiction", "verified_through", "params", "versions"}
)
RULE_REQUIRED = ("rule", "title", "summary", "kind", "versions")
VERSION_KEYS = frozenset(
    {"id", "effective_from", "effective_to", "summary", "citations", "values", "unsure"}
)
VERSION_REQUIRED = ("id", "effective_from", "summary", "citations")
CITATION_KEYS = frozenset({"cite", "published", "note"})
META_FILE = "_ruleset.yml"
META_KEYS = frozenset({"name", "version", "description"})
CASES_SUFFIX = ".cases.yml"


def check_keys(
    raw: LocDict, allowed: frozenset[str], required: tuple[str, ...], what: str, path: Path
) -> None:
    """Reject keys outside ``allowed`` and report missing ``required`` ones, with lines."""
    for key in raw:
        if key not in allowed:
            hint = ", ".join(sorted(allowed))
            raise RuleDataError(
                f"{what}: unknown key {key!r} (allowed: {hint})", path, raw.line_of(key)
            )
    for key in required:
        if key not in raw or raw[key] is None or raw[key] == "":
            raise RuleDataError(f"{what}: missing required key {key!r}", path, raw.line)


def _text(raw: LocDict, key: str, what: str, path: Path) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RuleDataError(f"{what}.{key}: expected a non-empty string", path, raw.line_of(key))
    return value.strip()


def _citations(raw: Any, what: str, path: Path, line: int) -> tuple[Citation, ...]:
    if not isinstance(raw, LocList) or not raw:
        raise RuleDataError(f"{what}: missing citation (at least one is required)", path, line)
    out: list[Citation] = []
    for i, item in enumerate(raw):
        item_line = raw.item_lines[i]
        if isinstance(item, str) and item.strip():
            out.append(Citation(item.strip()))
            continue
        if not isinstance(item, LocDict):
            raise RuleDataError(f"{what}[{i}]: expected a string or mapping", path, item_line)
        check_keys(item, CITATION_KEYS, ("cite",), f"{what}[{i}]", path)
        published = item.get("published")
        out.append(
            Citation(
                cite=_text(item, "cite", f"{what}[{i}]", path),
                published=as_date(
                    published, f"{what}[{i}].published", path, item.line_of("published")
                )
                if published is not None
                else None,
                note=item.get("note"),
            )
        )
    return tuple(out)


def _version(
    raw: Any, specs: dict[str, ParamSpec], what: str, path: Path, line: int
) -> RuleVersion:
    if not isinstance(raw, LocDict):
        raise RuleDataError(f"{what}: expected a mapping", path, line)
    check_keys(raw, VERSION_KEYS, VERSION_REQUIRED, what, path)
    start = as_date(
        raw["effective_from"], f"{what}.effective_from", path, raw.line_of("effective_from")
    )
    end_raw = raw.get("effective_to")
    end = (
        as_date(end_raw, f"{what}.effective_to", path, raw.line_of("effective_to"))
        if end_raw is not None
        else None
    )
    if end is not None and end < start:
        raise RuleDataError(
            f"{what}: effective_to {end} is before effective_from {start}",
            path,
            raw.line_of("effective_to"),
        )
    unsure = raw.get("unsure")
    return RuleVersion(
        id=str(raw["id"]),
        effective_from=start,
        effective_to=end,
        summary=_text(raw, "summary", what, path),
        citations=_citations(
            raw.get("citations"), f"{what}.citations", path, raw.line_of("citations")
        ),
        values=check_values(
            specs, raw.get("values"), f"{what}.values", path, raw.line_of("values")
        ),
        unsure=str(unsure) if unsure else None,
        line=raw.line,
    )


def _check_history(versions: list[RuleVersion], path: Path) -> None:
    ids: set[str] = set()
    ordered = sorted(versions, key=lambda v: v.effective_from)
    for version in versions:
        if version.id in ids:
            raise RuleDataError(f"duplicate version id {version.id!r}", path, version.line)
        ids.add(version.id)
    for prev, nxt in zip(ordered, ordered[1:], strict=False):
        if prev.effective_to is None or prev.effective_to >= nxt.effective_from:
            raise RuleDataError(
                f"overlapping versions: {nxt.id!r} (from {nxt.effective_from}) starts before "
                f"{prev.id!r} ends ({prev.effective_to or 'open-ended'})",
                path,
                nxt.line,
            )


def load_rule_file(path: Path) -> Rule:
    """Load and validate one rule file."""
    raw = load_yaml(path)
    if not isinstance(raw, LocDict):
        raise RuleDataError("a rule file must be a mapping", path, 1)
    check_keys(raw, RULE_KEYS, RULE_REQUIRED, "rule file", path)
    rule_id = _text(raw, "rule", "rule file", path)
    specs = parse_specs(raw.get("params"), path)
    items = raw["versions"]
    if not isinstance(items, LocList) or not items:
        raise RuleDataError("versions: expected a non-empty list", path, raw.line_of("versions"))
    versions = [
        _version(item, specs, f"versions[{i}]", path, items.item_lines[i])
        for i, item in enumerate(items)
    ]
    _check_history(versions, path)
    verified = raw.get("verified_through")
    return Rule(
        id=rule_id,
        title=_text(raw, "title", "rule file", path),
        summary=_text(raw, "summary", "rule file", path),
        kind=_text(raw, "kind", "rule file", path),
        versions=tuple(sorted(versions, key=lambda v: v.effective_from)),
        path=str(path),
        verified_through=as_date(
            verified, "verified_through", path, raw.line_of("verified_through")
        )
        if verified is not None
        else None,
        jurisdiction=raw.get("jurisdiction"),
    )


def rule_files(root: Path) -> list[Path]:
    """Every rule file under ``root`` (``*.yml``, not cases, not the metadata file), sorted."""
    return sorted(
        p for p in root.rglob("*.yml") if not p.name.endswith(CASES_SUFFIX) and p.name != META_FILE
    )


def _meta(root: Path) -> dict[str, str]:
    path = root / META_FILE
    if not path.exists():
        return {"name": root.name, "version": "unversioned"}
    raw = load_yaml(path)
    if not isinstance(raw, LocDict):
        raise RuleDataError("expected a mapping", path, 1)
    check_keys(raw, META_KEYS, ("name", "version"), META_FILE, path)
    return {"name": str(raw["name"]), "version": str(raw["version"])}


def load_ruleset(root: Path) -> RuleSet:
    """Load every rule under ``root``; the hash covers all its YAML files (cases included)."""
    if not root.is_dir():
        raise RuleDataError("law folder not found", root)
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.yml")):
        digest.update(
            path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0"
        )
    rules: dict[str, Rule] = {}
    for path in rule_files(root):
        rule = load_rule_file(path)
        if rule.id in rules:
            raise RuleDataError(
                f"duplicate rule id {rule.id!r} (also in {rules[rule.id].path})", path, 1
            )
        rules[rule.id] = rule
    meta = _meta(root)
    return RuleSet(meta["name"], meta["version"], digest.hexdigest(), rules, str(root))


def find_law_root(path: Path) -> Path:
    """The nearest folder at or above ``path`` holding a ``_ruleset.yml``."""
    start = path.resolve()
    for folder in [start, *start.parents] if start.is_dir() else list(start.parents):
        if (folder / META_FILE).exists():
            return folder
    raise RuleDataError(f"no {META_FILE} found at or above this path", path)
