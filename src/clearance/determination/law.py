"""Where the US law data lives, loaded once per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from clearance.rules.load import load_ruleset
from clearance.rules.model import RuleSet

US_LAW = Path(__file__).resolve().parent.parent / "law" / "us"


@lru_cache(maxsize=4)
def us_ruleset(root: Path = US_LAW) -> RuleSet:
    return load_ruleset(root)
