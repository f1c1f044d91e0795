"""U1-U25 (regulations.md section 8) as golden cases, run through the real CSV reader and report."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.hrv.requirements import LAW_ROOT, load_law
from clearance.rules import case_files, load_case_file, run_case
from clearance.rules.cases import resolve_evaluator

CASE_FILES = case_files(LAW_ROOT / "hrv")
CASES = [(cf, case) for p in CASE_FILES for cf in [load_case_file(p)] for case in cf.cases]


def test_all_25_scenarios_present() -> None:
    ids = {case.id for _, case in CASES}
    assert ids == {f"U{i}" for i in range(1, 26)}


def test_unsure_cases_are_marked() -> None:
    unsure = {case.id for _, case in CASES if case.unsure}
    assert {"U6", "U11", "U19", "U23", "U24"} <= unsure


@pytest.mark.parametrize(("cf", "case"), CASES, ids=[c.id for _, c in CASES])
def test_golden(cf: object, case: object) -> None:
    from clearance.rules.cases import Case, CaseFile

    assert isinstance(cf, CaseFile) and isinstance(case, Case)
    result = run_case(case, resolve_evaluator(cf.evaluator), load_law())
    assert result.passed, f"{case.id} ({Path(case.path).name}:{case.line}): {result.failures}"
