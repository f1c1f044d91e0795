"""Golden cases: ``*.cases.yml`` beside the rules, run by pytest and ``clearance law test``.

A case file names its evaluator (``module:function``) so this runner stays generic. The
evaluator is called as ``evaluator(facts, on, ruleset)`` and returns a mapping of results; each
key of ``expect`` must equal the result's value, except ``citations`` (every expected citation
must appear in the result's list) and ``notes_contain`` (substrings of the result's ``notes``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from clearance.errors import RuleDataError
from clearance.rules.load import CASES_SUFFIX, check_keys
from clearance.rules.model import RuleSet
from clearance.rules.params import as_date
from clearance.rules.yaml_strict import LocDict, LocList, load_yaml

Evaluator = Callable[[Mapping[str, Any], date, RuleSet], Mapping[str, Any]]
FILE_KEYS = frozenset({"evaluator", "rule", "cases"})
CASE_KEYS = frozenset({"id", "name", "date", "facts", "expect", "unsure", "tags"})


@dataclass(frozen=True, slots=True)
class Case:
    """One golden case: the facts and date, what must come out, and any UNSURE reason."""

    id: str
    name: str
    on: date
    facts: Mapping[str, Any]
    expect: Mapping[str, Any]
    path: str
    line: int
    unsure: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CaseFile:
    path: str
    evaluator: str
    cases: tuple[Case, ...]


@dataclass(slots=True)
class CaseResult:
    case: Case
    failures: list[str] = field(default_factory=list)
    result: Mapping[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return not self.failures


def _case(raw: Any, path: Path, line: int) -> Case:
    if not isinstance(raw, LocDict):
        raise RuleDataError("a case must be a mapping", path, line)
    check_keys(raw, CASE_KEYS, ("id", "name", "date", "facts", "expect"), "case", path)
    if not isinstance(raw["expect"], LocDict) or not isinstance(raw["facts"], LocDict):
        raise RuleDataError("case: 'facts' and 'expect' must be mappings", path, raw.line)
    unsure = raw.get("unsure")
    return Case(
        id=str(raw["id"]),
        name=str(raw["name"]),
        on=as_date(raw["date"], "case.date", path, raw.line_of("date")),
        facts=raw["facts"],
        expect=raw["expect"],
        path=str(path),
        line=raw.line,
        unsure=str(unsure) if unsure else None,
        tags=tuple(str(t) for t in raw.get("tags") or ()),
    )


def load_case_file(path: Path) -> CaseFile:
    """Read and validate a ``*.cases.yml`` file (unknown keys and duplicate ids rejected)."""
    raw = load_yaml(path)
    if not isinstance(raw, LocDict):
        raise RuleDataError("a case file must be a mapping", path, 1)
    check_keys(raw, FILE_KEYS, ("evaluator", "cases"), "case file", path)
    items = raw["cases"]
    if not isinstance(items, LocList):
        raise RuleDataError("cases: expected a list", path, raw.line_of("cases"))
    cases = [_case(item, path, items.item_lines[i]) for i, item in enumerate(items)]
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            raise RuleDataError(f"duplicate case id {case.id!r}", path, case.line)
        seen.add(case.id)
    return CaseFile(str(path), str(raw["evaluator"]), tuple(cases))


def case_files(root: Path) -> list[Path]:
    """Every case file under ``root`` (or ``root`` itself when it is one), sorted."""
    if root.is_file():
        return [root]
    return sorted(root.rglob(f"*{CASES_SUFFIX}"))


def resolve_evaluator(spec: str) -> Evaluator:
    """Import ``module:function``; a bad spec is a data error."""
    module_name, _, attr = spec.partition(":")
    try:
        func = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise RuleDataError(f"evaluator {spec!r} cannot be imported: {exc}") from exc
    if not callable(func):
        raise RuleDataError(f"evaluator {spec!r} is not callable")
    return func  # type: ignore[no-any-return]


def check_result(case: Case, result: Mapping[str, Any]) -> list[str]:
    """Compare a result with the case's ``expect``; return human-readable failures."""
    failures: list[str] = []
    for key, want in case.expect.items():
        got = result.get(key)
        if key == "citations":
            missing = [c for c in want if c not in (got or [])]
            if missing:
                failures.append(f"citations missing {missing} (got {got})")
        elif key == "notes_contain":
            text = " ".join(result.get("notes") or [])
            failures += [f"notes lack {w!r}" for w in want if w not in text]
        elif got != want:
            failures.append(f"{key}: expected {want!r}, got {got!r}")
    return failures


def run_case(case: Case, evaluator: Evaluator, ruleset: RuleSet) -> CaseResult:
    """Evaluate one case; evaluator errors are failures, not crashes of the whole run."""
    from clearance.errors import ClearanceError

    try:
        result = evaluator(case.facts, case.on, ruleset)
    except ClearanceError as exc:
        return CaseResult(case, [f"error: {exc.detail}"])
    return CaseResult(case, check_result(case, result), result)


def run_cases(root: Path, ruleset: RuleSet) -> list[CaseResult]:
    """Run every case under ``root`` against ``ruleset``."""
    results: list[CaseResult] = []
    for path in case_files(root):
        cf = load_case_file(path)
        evaluator = resolve_evaluator(cf.evaluator)
        results += [run_case(case, evaluator, ruleset) for case in cf.cases]
    return results
