"""Golden-case evaluator for ``law/us/**/*.cases.yml``: parties resolve via the SAMPLE list."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from clearance.determination.evaluate import determine
from clearance.determination.parties import ScreenerLike
from clearance.rules.model import RuleSet


def _sample(as_of: date) -> ScreenerLike:
    from clearance.screening import Screener

    return Screener.sample(as_of=as_of)


def evaluate_case(facts: Mapping[str, Any], on: date, ruleset: RuleSet) -> Mapping[str, Any]:
    raw = dict(facts)
    raw["date"] = on.isoformat()
    return determine(raw, ruleset, _sample).as_dict()
