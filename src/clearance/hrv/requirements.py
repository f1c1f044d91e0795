"""UK HRV requirements read from the law folder: one rule per requirement, dated versions.

A requirement's ``kind`` says how it is measured: ``cap`` (high-risk share of a segment at
most ``cap``; 0 means exclusion), ``install_ban`` / ``purchase_ban`` (no high-risk equipment
installed / bought in scope since the version took effect) and ``single_hrv`` (at most one
high-risk vendor per segment). ``binding`` is ``law`` for the DVD, ``advice`` or ``policy``
otherwise; only ``law`` makes a provider non-compliant.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from clearance.errors import RuleDataError
from clearance.rules import Rule, RuleSet, RuleVersion, load_ruleset

LAW_ROOT = Path(__file__).resolve().parent.parent / "law" / "uk"
KINDS = ("cap", "install_ban", "purchase_ban", "single_hrv")


@dataclass(frozen=True)
class Requirement:
    """One requirement as in force on a date: the rule, its version and typed values."""

    rule: Rule
    version: RuleVersion

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def kind(self) -> str:
        return self.rule.kind

    @property
    def binding(self) -> bool:
        return bool(self.version.values["binding"] == "law")

    @property
    def level(self) -> str:
        return str(self.version.values["binding"])

    @property
    def vendors(self) -> list[str]:
        return list(self.version.values["vendors"])

    @property
    def networks(self) -> tuple[str, ...]:
        return tuple(self.version.values["networks"])

    @property
    def functions(self) -> tuple[str, ...]:
        return tuple(self.version.values["functions"])

    @property
    def cap(self) -> float | None:
        cap = self.version.values.get("cap")
        return None if cap is None else float(cap)

    @property
    def deadline(self) -> dt.date | None:
        d = self.version.values.get("deadline")
        return d if isinstance(d, dt.date) else None

    @property
    def ns_only(self) -> bool:
        return bool(self.version.values.get("national_security_sites_only", False))

    @property
    def sanctions_only(self) -> bool:
        return bool(self.version.values.get("sanctions_affected_only", False))

    def in_force(self, on: dt.date) -> bool:
        """A deadline X binds from X+1: on X itself the state is still judged compliant."""
        return self.deadline is None or on > self.deadline

    @property
    def citation(self) -> str:
        return "; ".join(self.version.cites)


@lru_cache(maxsize=4)
def load_law(root: Path = LAW_ROOT) -> RuleSet:
    """The UK law folder as a RuleSet (cached; the files are package data)."""
    return load_ruleset(root)


def requirement_rules(ruleset: RuleSet) -> list[Rule]:
    """Every requirement rule (``uk.hrv.*`` rules whose kind is a requirement kind)."""
    rules = [r for r in ruleset.rules.values() if r.id.startswith("uk.hrv.") and r.kind in KINDS]
    for r in rules:
        for v in r.versions:
            if r.kind == "cap" and v.values.get("cap") is None:
                raise RuleDataError(f"{r.id} {v.id}: a cap requirement needs 'cap'", r.path, v.line)
            if not 0 <= float(v.values.get("cap") or 0) <= 1:
                raise RuleDataError(f"{r.id} {v.id}: cap must be in [0, 1]", r.path, v.line)
    if not rules:
        raise RuleDataError("no UK HRV requirements found", ruleset.root)
    return sorted(rules, key=lambda r: r.id)


def in_force_on(ruleset: RuleSet, on: dt.date) -> list[Requirement]:
    """The requirements with a version in force on ``on`` (pending deadlines included)."""
    out = []
    for rule in requirement_rules(ruleset):
        version = rule.at(on)
        if version is not None:
            out.append(Requirement(rule, version))
    return out
