"""Generic law-as-data engine: dated rule versions in strict YAML, traces, golden cases.

Jurisdiction-free: ``clearance.law.<country>`` holds the data, domain packages
(``clearance.determination``, ``clearance.hrv``) interpret it. See ``README.md`` here.
"""

from clearance.rules.cases import Case, CaseResult, case_files, load_case_file, run_case, run_cases
from clearance.rules.load import find_law_root, load_rule_file, load_ruleset
from clearance.rules.model import Citation, Rule, RuleSet, RuleVersion
from clearance.rules.trace import Trace, TraceEntry

__all__ = [
    "Case",
    "CaseResult",
    "Citation",
    "Rule",
    "RuleSet",
    "RuleVersion",
    "Trace",
    "TraceEntry",
    "case_files",
    "find_law_root",
    "load_case_file",
    "load_rule_file",
    "load_ruleset",
    "run_case",
    "run_cases",
]
