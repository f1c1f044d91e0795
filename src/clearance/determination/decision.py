"""The result of a determination: outcome, licence flag, citations, trace, and provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from clearance import NOT_LEGAL_ADVICE
from clearance.rules.trace import Trace

OUTCOMES = (
    "NOT_SUBJECT_TO_EAR",
    "NO_LICENSE_REQUIRED",
    "LICENSE_REQUIRED",
    "PROHIBITED",
    "BLOCKED_OFAC",
    "MANUAL_REVIEW",
)


@dataclass(slots=True)
class Decision:
    """``license_required`` is None when the EAR licence question is not the answer
    (OFAC block, denial order) or cannot be settled without a human.

    MANUAL_REVIEW keeps the engine's best licence answer where it has one: True when a
    requirement stands whatever the review finds (#24: EL lifted, CCL licence remains), False
    when only a red flag needs a human (#43: affiliates rule suspended, 60% Huawei-owned), None
    when the review decides the answer (uncertain match, unverified dates, unknown ECCN)."""

    outcome: str
    license_required: bool | None
    trace: Trace
    parties: list[dict[str, Any]]
    rules_version: dict[str, Any]
    lists: list[dict[str, Any]]
    requirements: list[dict[str, Any]] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    manual_review_reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def citations(self) -> list[str]:
        return self.trace.citations()

    @property
    def unsure_points(self) -> list[str]:
        return self.trace.unsure()

    def as_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "license_required": self.license_required,
            "date": self.trace.on.isoformat(),
            "citations": self.citations,
            "requirements": self.requirements,
            "conditions": self.conditions,
            "manual_review_reasons": self.manual_review_reasons,
            "unsure": bool(self.unsure_points),
            "unsure_points": self.unsure_points,
            "parties": self.parties,
            "trace": self.trace.as_list(),
            "rules_version": self.rules_version,
            "lists": self.lists,
            "notes": self.notes,
            "notice": NOT_LEGAL_ADVICE,
        }
