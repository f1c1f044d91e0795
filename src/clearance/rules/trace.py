"""The explanation returned with every decision: one entry per rule consulted."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from clearance.rules.model import Rule, RuleVersion


@dataclass(slots=True)
class TraceEntry:
    """A rule consulted: the version chosen for the date, facts used, effect and citations.

    ``effect`` is a short machine word chosen by the domain (``"applies"``, ``"not_in_force"``,
    ``"excluded"``, ...); ``detail`` is the plain-English sentence a reviewer reads.
    """

    rule: str
    version: dict[str, Any] | None
    effect: str
    detail: str
    facts: dict[str, Any] = field(default_factory=dict)
    citations: list[str] = field(default_factory=list)
    unsure: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "version": self.version,
            "effect": self.effect,
            "detail": self.detail,
            "facts": self.facts,
            "citations": self.citations,
            "unsure": self.unsure,
        }


@dataclass(slots=True)
class Trace:
    """An ordered list of entries plus the citations and UNSURE points they collected."""

    on: date
    entries: list[TraceEntry] = field(default_factory=list)

    def add(
        self,
        rule: Rule | str,
        version: RuleVersion | None,
        effect: str,
        detail: str,
        facts: dict[str, Any] | None = None,
        cites: bool = True,
    ) -> TraceEntry:
        """Record one consultation; ``cites=False`` keeps the version's citations out of
        :meth:`citations` (for rules consulted but not deciding anything)."""
        entry = TraceEntry(
            rule=rule.id if isinstance(rule, Rule) else rule,
            version=version.ref() if version else None,
            effect=effect,
            detail=detail,
            facts=facts or {},
            citations=version.cites if (version and cites) else [],
            unsure=version.unsure if version else None,
        )
        self.entries.append(entry)
        return entry

    def citations(self) -> list[str]:
        """Every citation of every entry, first-seen order, no duplicates."""
        seen: dict[str, None] = {}
        for entry in self.entries:
            for cite in entry.citations:
                seen.setdefault(cite, None)
        return list(seen)

    def unsure(self) -> list[str]:
        """The UNSURE notes of the versions consulted, as ``rule: note``."""
        return [f"{e.rule}: {e.unsure}" for e in self.entries if e.unsure]

    def as_list(self) -> list[dict[str, Any]]:
        return [e.as_dict() for e in self.entries]
