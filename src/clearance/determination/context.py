"""Mutable working state of one evaluation (facts, rules, trace, collected findings)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from clearance.determination.facts import Facts
from clearance.determination.parties import ResolvedParty
from clearance.rules.model import RuleSet
from clearance.rules.trace import Trace


@dataclass(slots=True)
class Ctx:
    facts: Facts
    rs: RuleSet
    parties: list[ResolvedParty]
    owners: dict[int, list[ResolvedParty]]
    trace: Trace
    klass: str = "OTHER"
    reasons: list[str] | None = None
    manual: list[str] = field(default_factory=list)
    red_flags: list[str] = field(default_factory=list)
    requirements: list[dict[str, Any]] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    el_party_excluded: bool = False

    @property
    def on(self) -> date:
        return self.facts.on

    def require(self, source: str, detail: str, citations: list[str]) -> None:
        self.requirements.append({"source": source, "detail": detail, "citations": citations})
