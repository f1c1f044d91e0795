"""EAR determination: may this item go to this party on this date? Facts in, Decision out."""

from clearance.determination.decision import OUTCOMES, Decision
from clearance.determination.evaluate import determine, evaluate
from clearance.determination.law import us_ruleset
from clearance.determination.parse import parse_facts

__all__ = ["OUTCOMES", "Decision", "determine", "evaluate", "parse_facts", "us_ruleset"]
